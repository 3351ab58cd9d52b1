// vm/modules/_random.c: the _random module: Random, the Mersenne Twister
// (MT19937, Matsumoto and Nishimura's generator) that random.py builds on.
// Seeding follows CPython's: an int's absolute value (anything else: its
// hash) split into 32-bit words feeds init_by_array; no seed reads 624
// words of system entropy. random(), getrandbits(), getstate() and
// setstate() use the generator's words as CPython does, so the same seed
// gives the same numbers as python3.11.
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "../abstract.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../mem.h"
#include "../module.h"
#include "../tuple.h"
#include "../type.h"

enum { MT_N = 624, MT_M = 397 };

typedef struct RandomObj {
    KOBJ_HEAD;
    uint32_t state[MT_N];
    int index; // next word of 'state' to temper; MT_N: regenerate first
} RandomObj;

static KType random_type;

static void init_genrand(RandomObj *r, uint32_t s) {
    r->state[0] = s;
    for (int i = 1; i < MT_N; i++) {
        uint32_t prev = r->state[i - 1];
        r->state[i] = 1812433253U * (prev ^ (prev >> 30)) + (uint32_t)i;
    }
    r->index = MT_N;
}

// Seeds from 'key'[0..len) (len >= 1), as the reference init_by_array.
static void init_by_array(RandomObj *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->state;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) {
            j = 0;
        }
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; // a non-zero state whatever the key
}

static uint32_t twist(uint32_t upper, uint32_t lower, uint32_t far) {
    uint32_t y = (upper & 0x80000000U) | (lower & 0x7fffffffU);
    return far ^ (y >> 1) ^ (y & 1 ? 0x9908b0dfU : 0);
}

static uint32_t genrand_uint32(RandomObj *r) {
    uint32_t *mt = r->state;
    if (r->index >= MT_N) {
        int k = 0;
        for (; k < MT_N - MT_M; k++) {
            mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M]);
        }
        for (; k < MT_N - 1; k++) {
            mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M - MT_N]);
        }
        mt[MT_N - 1] = twist(mt[MT_N - 1], mt[0], mt[MT_M - 1]);
        r->index = 0;
    }
    uint32_t y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

// Seeds from system entropy, or else from the time and process id.
static void seed_from_system(RandomObj *r) {
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, GRND_NONBLOCK);
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    if (got == sizeof key) {
        init_by_array(r, key, MT_N);
        return;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint32_t fallback[5] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32),
                            (uint32_t)ts.tv_nsec, (uint32_t)getpid(),
                            (uint32_t)clock()};
    init_by_array(r, fallback, 5);
}

// seed(n): None seeds from the system; an int by its absolute value (for
// an int subclass, int.__abs__, never an override); anything else by its
// hash as an unsigned word.
static int random_seed(RandomObj *r, KValue arg) {
    if (!arg || arg == KV_NONE) {
        seed_from_system(r);
        return 0;
    }
    KValue n;
    if (kint_check(arg)) {
        KValue exact = kint_exact(arg);
        n = kint_sign(exact) < 0 ? kint_neg(exact) : kval_newref(exact);
        kval_decref(exact);
    } else {
        int64_t h = kobj_hash(arg);
        if (h == -1 && kerr_occurred()) {
            return -1;
        }
        n = kint_from_u64((uint64_t)h);
    }
    if (!n) {
        return -1;
    }
    ssize_t len;
    uint32_t *key = kint_abs_words(n, &len);
    kval_decref(n);
    if (!key) {
        return -1;
    }
    init_by_array(r, key, (size_t)len);
    kmem_free(key);
    return 0;
}

#define RND(v) ((RandomObj *)(v))
#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static int random_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (kval_type(self)->init == random_type.init && kargs_no_kw("Random", kwnames) < 0) {
        return -1;
    }
    if (nargs > 1) {
        kerr_set(&kexc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed(RND(self), nargs ? args[0] : KV_NULL);
}

static KValue random_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KValue v = ktype_generic_alloc(type, 0);
    if (v) {
        RND(v)->index = MT_N;
        init_genrand(RND(v), 5489U); // a defined state until seeded
    }
    return v;
}

// A float in [0, 1) from 53 random bits.
METHOD(r_random) {
    (void)args, (void)nargs, (void)kw;
    uint32_t a = genrand_uint32(RND(self)) >> 5, b = genrand_uint32(RND(self)) >> 6;
    return kfloat_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

METHOD(r_seed) {
    (void)kw;
    if (kargs_count("seed", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    return random_seed(RND(self), nargs ? args[0] : KV_NULL) < 0 ? KV_NULL
                                                                 : kval_newref(KV_NONE);
}

// The 624 words and the index, as a tuple of 625 ints.
METHOD(r_getstate) {
    (void)args, (void)nargs, (void)kw;
    KValue t = ktuple_new(MT_N + 1);
    if (!t) {
        return KV_NULL;
    }
    for (int i = 0; i < MT_N; i++) {
        ktuple_items(t)[i] = kint_from_u64(RND(self)->state[i]);
    }
    ktuple_items(t)[MT_N] = kval_from_int(RND(self)->index);
    return t;
}

METHOD(r_setstate) {
    (void)nargs, (void)kw;
    KValue state = args[0];
    if (!ktuple_check(state)) {
        kerr_set(&kexc_TypeError, "state vector must be a tuple");
        return KV_NULL;
    }
    if (ktuple_len(state) != MT_N + 1) {
        kerr_set(&kexc_ValueError, "state vector is the wrong size");
        return KV_NULL;
    }
    uint32_t words[MT_N];
    for (int i = 0; i <= MT_N; i++) {
        KValue item = ktuple_items(state)[i];
        if (!kint_check(item)) {
            kerr_set(&kexc_TypeError, "an integer is required");
            return KV_NULL;
        }
        int overflow;
        if (i == MT_N) {
            int64_t index = kint_as_i64_overflow(item, &overflow);
            if (overflow) {
                kerr_set(&kexc_OverflowError, "Python int too large to convert to C long");
                return KV_NULL;
            }
            if (index < 0 || index > MT_N) {
                kerr_set(&kexc_ValueError, "invalid state");
                return KV_NULL;
            }
            RND(self)->index = (int)index;
            break;
        }
        uint64_t w = kint_as_u64_overflow(item, &overflow);
        if (overflow) {
            kerr_set(&kexc_OverflowError, overflow < 0
                                              ? "can't convert negative value to unsigned int"
                                              : "Python int too large to convert to C unsigned long");
            return KV_NULL;
        }
        words[i] = (uint32_t)w;
    }
    memcpy(RND(self)->state, words, sizeof words);
    return kval_newref(KV_NONE);
}

// An int of 'k' random bits: 32-bit words from the least significant up,
// the last one keeping its top bits.
METHOD(r_getrandbits) {
    (void)nargs, (void)kw;
    KValue kv = knum_index(args[0]);
    if (!kv) {
        return KV_NULL;
    }
    int overflow;
    int64_t k = kint_as_i64_overflow(kv, &overflow);
    kval_decref(kv);
    if (overflow || k > INT32_MAX || k < INT32_MIN) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
        return KV_NULL;
    }
    if (k < 0) {
        kerr_set(&kexc_ValueError, "number of bits must be non-negative");
        return KV_NULL;
    }
    if (k <= 32) {
        return kval_from_int(k ? genrand_uint32(RND(self)) >> (32 - k) : 0);
    }
    ssize_t words = (ssize_t)((k - 1) / 32 + 1);
    uint32_t *w = kmem_alloc((size_t)words * sizeof(uint32_t));
    if (!w) {
        return kerr_no_memory();
    }
    for (ssize_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = genrand_uint32(RND(self));
        w[i] = k < 32 ? r >> (32 - k) : r;
    }
    KValue result = kint_from_words(w, words);
    kmem_free(w);
    return result;
}

static const KMethodDef random_methods[] = {
    {"random", r_random, KMETH_NOARGS, NULL},
    {"seed", r_seed, KMETH_FAST, NULL},
    {"getstate", r_getstate, KMETH_NOARGS, NULL},
    {"setstate", r_setstate, KMETH_O, NULL},
    {"getrandbits", r_getrandbits, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static void random_dealloc(KObject *o) {
    kobj_free(o);
}

static KType random_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_random.Random",
    .basicsize = sizeof(RandomObj),
    .flags = KTF_BASETYPE,
    .dealloc = random_dealloc,
    .new_ = random_new,
    .init = random_init,
    .methods = random_methods,
};

KValue kmod_random_create(void) {
    if (ktype_ready(&random_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_random");
    if (!m || kmod_add(m, "Random", kval_of(&random_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
