// vm/modules/_sha3.c: the _sha3 module: the types sha3_224, sha3_256,
// sha3_384, sha3_512, shake_128 and shake_256 (hashobj.h's plumbing; shake
// digests take their length), which hashlib falls back on without OpenSSL.
// Keccak-f[1600] and the sponge as FIPS 202 specifies them; the round
// constants and rotation offsets are computed from its definitions (the
// rc(t) LFSR of Algorithm 5, the triangular numbers of Algorithm 2) when
// the module is first imported.
#include <string.h>

#include "../bytes.h"
#include "../func.h"
#include "../module.h"
#include "../type.h"
#include "hashobj.h"

typedef struct Sha3State {
    uint64_t a[25]; // lane (x, y) at a[x + 5 * y]
    size_t pos;     // bytes absorbed into the current block
    size_t rate;    // block size in bytes
    unsigned char suffix; // domain bits with the first padding bit: 0x06 sha3, 0x1f shake
} Sha3State;

static uint64_t round_consts[24];
static int rho_offsets[25];

static inline uint64_t rol(uint64_t x, int n) {
    return n ? x << n | x >> (64 - n) : x;
}

// rc(t) of FIPS 202 Algorithm 5: the output of the LFSR with polynomial
// x^8 + x^6 + x^5 + x^4 + 1 after t steps.
static int lfsr_bit(int t) {
    unsigned r = 1; // R[0] is bit 0
    for (int i = 0; i < t % 255; i++) {
        unsigned r8 = r >> 7 & 1; // R[8] after the shift
        r = (r << 1) & 0xff;
        r ^= r8 | r8 << 4 | r8 << 5 | r8 << 6;
    }
    return r & 1;
}

static void make_tables(void) {
    for (int ir = 0; ir < 24; ir++) {
        uint64_t rc = 0;
        for (int j = 0; j <= 6; j++) {
            rc |= (uint64_t)lfsr_bit(j + 7 * ir) << ((1 << j) - 1);
        }
        round_consts[ir] = rc;
    }
    int x = 1, y = 0;
    for (int t = 0; t < 24; t++) {
        rho_offsets[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
        int nx = y, ny = (2 * x + 3 * y) % 5;
        x = nx, y = ny;
    }
}

static void keccak_f(uint64_t a[25]) {
    for (int ir = 0; ir < 24; ir++) {
        uint64_t c[5], b[25];
        for (int x = 0; x < 5; x++) { // theta
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for (int x = 0; x < 5; x++) {
            uint64_t d = c[(x + 4) % 5] ^ rol(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) {
                a[x + y] ^= d;
            }
        }
        for (int x = 0; x < 5; x++) { // rho and pi: B[y, 2x + 3y] = rot(A[x, y])
            for (int y = 0; y < 5; y++) {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rol(a[x + 5 * y], rho_offsets[x + 5 * y]);
            }
        }
        for (int y = 0; y < 25; y += 5) { // chi
            for (int x = 0; x < 5; x++) {
                a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
            }
        }
        a[0] ^= round_consts[ir]; // iota
    }
}

static void xor_byte(uint64_t a[25], size_t i, unsigned char v) {
    a[i / 8] ^= (uint64_t)v << (8 * (i % 8));
}

static void sha3_update(void *state, const unsigned char *p, size_t n) {
    Sha3State *s = state;
    for (size_t i = 0; i < n; i++) {
        xor_byte(s->a, s->pos, p[i]);
        if (++s->pos == s->rate) {
            keccak_f(s->a);
            s->pos = 0;
        }
    }
}

static void sha3_final(const void *state, unsigned char *out, size_t len) {
    Sha3State t = *(const Sha3State *)state;
    xor_byte(t.a, t.pos, t.suffix);
    xor_byte(t.a, t.rate - 1, 0x80);
    keccak_f(t.a);
    for (size_t i = 0, k = 0; i < len; i++, k++) {
        if (k == t.rate) {
            keccak_f(t.a);
            k = 0;
        }
        out[i] = (unsigned char)(t.a[k / 8] >> (8 * (k % 8)));
    }
}

// The types, one per variant: capacity 2 * bits for the fixed-size ones.
#define VARIANTS(X)                                                                            \
    X(sha3_224, 28, 144, 0x06)                                                                 \
    X(sha3_256, 32, 136, 0x06)                                                                 \
    X(sha3_384, 48, 104, 0x06)                                                                 \
    X(sha3_512, 64, 72, 0x06)                                                                  \
    X(shake_128, 0, 168, 0x1f)                                                                 \
    X(shake_256, 0, 136, 0x1f)

#define DEFINE_INIT(NAME, DIGEST, RATE, SUFFIX)                                                \
    static void NAME##_init(void *state) {                                                     \
        Sha3State *s = state;                                                                  \
        s->rate = RATE;                                                                        \
        s->suffix = SUFFIX;                                                                    \
    }
VARIANTS(DEFINE_INIT)

#define DEFINE_ALGO(NAME, DIGEST, RATE, SUFFIX)                                                \
    static const KHashAlgo NAME##_algo = {#NAME,         DIGEST,      RATE,      sizeof(Sha3State), \
                                          NAME##_init, sha3_update, sha3_final};
VARIANTS(DEFINE_ALGO)

#define SHA3(v) ((Sha3State *)((KHashObj *)(v))->state)

static KValue get_capacity_bits(KValue self) {
    return kval_from_int((intptr_t)(1600 - 8 * SHA3(self)->rate));
}

static KValue get_rate_bits(KValue self) {
    return kval_from_int((intptr_t)(8 * SHA3(self)->rate));
}

static KValue get_suffix(KValue self) {
    char c = (char)SHA3(self)->suffix;
    return kbytes_from_data(&c, 1);
}

static const KGetSetDef sha3_getsets[] = {
    KHASHOBJ_GETSETS,
    {"_capacity_bits", get_capacity_bits, NULL, NULL},
    {"_rate_bits", get_rate_bits, NULL, NULL},
    {"_suffix", get_suffix, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// Argument errors name "sha3_224()" whatever the type, as CPython 3.11's
// (its six types share one constructor).
#define DEFINE_TYPE(NAME, DIGEST, RATE, SUFFIX)                                                \
    static KValue NAME##_new(KType *type, const KValue *args, size_t nargs, KValue kw) {      \
        return khashobj_construct(type, &NAME##_algo, "sha3_224", "", args, nargs, kw);        \
    }                                                                                          \
    static KType NAME##_type = {                                                               \
        KOBJ_STATIC_HEAD(&ktype_type),                                                         \
        .name = "_sha3." #NAME,                                                                \
        .basicsize = KHASHOBJ_SIZE(Sha3State),                                                 \
        .dealloc = khashobj_dealloc,                                                           \
        .new_ = NAME##_new,                                                                    \
        .methods = DIGEST ? khashobj_methods : khashobj_xof_methods,                           \
        .getsets = sha3_getsets,                                                               \
    };
VARIANTS(DEFINE_TYPE)

KValue kmod_sha3_create(void) {
    if (!round_consts[0]) {
        make_tables();
    }
    KValue m = kmod_new("_sha3");
    if (!m) {
        return KV_NULL;
    }
#define ADD_TYPE(NAME, DIGEST, RATE, SUFFIX)                                                   \
    if (ktype_ready(&NAME##_type) < 0 || kmod_add(m, #NAME, kval_of(&NAME##_type)) < 0) {      \
        kval_decref(m);                                                                        \
        return KV_NULL;                                                                        \
    }
    VARIANTS(ADD_TYPE)
#undef ADD_TYPE
    return m;
}
