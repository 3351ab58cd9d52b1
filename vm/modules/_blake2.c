// vm/modules/_blake2.c: the _blake2 module: the types blake2b and blake2s
// with every parameter of CPython's (digest_size, key, salt, person,
// fanout, depth, leaf_size, node_offset, node_depth, inner_size,
// last_node) over hashobj.h's plumbing. BLAKE2b and BLAKE2s as RFC 7693
// specifies them, with the parameter block of the BLAKE2 paper (section
// 2.8) for the tree parameters. The initial values are SHA-512's and
// SHA-256's (FIPS 180-4).
#include <stdio.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../module.h"
#include "../type.h"
#include "hashobj.h"

// The message word schedule of each round (RFC 7693, 2.7).
static const unsigned char sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

static const uint64_t iv_b[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint32_t iv_s[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
    0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

// The two variants differ in word type, block size, rounds and the
// rotations of G; one template makes both: NAME##_compress, _update,
// _final over a NAME##State.
#define DEFINE_BLAKE2(NAME, WORD, BLOCK, ROUNDS, R1, R2, R3, R4, IV)                           \
    typedef struct NAME##State {                                                               \
        WORD h[8];                                                                             \
        WORD t[2];           /* bytes compressed so far, low word first */                     \
        size_t used;         /* bytes waiting in 'buf' */                                      \
        int last_node;       /* the final block also sets f1 */                                \
        unsigned char buf[BLOCK];                                                              \
    } NAME##State;                                                                             \
                                                                                               \
    static inline WORD NAME##_ror(WORD x, int n) {                                             \
        return x >> n | x << (8 * sizeof(WORD) - n);                                           \
    }                                                                                          \
                                                                                               \
    static void NAME##_compress(NAME##State *s, const unsigned char *block, int is_last) {     \
        WORD m[16], v[16];                                                                     \
        for (int i = 0; i < 16; i++) {                                                         \
            WORD w = 0;                                                                        \
            for (int k = (int)sizeof(WORD) - 1; k >= 0; k--) {                                 \
                w = w << 8 | block[i * sizeof(WORD) + (size_t)k];                              \
            }                                                                                  \
            m[i] = w;                                                                          \
        }                                                                                      \
        for (int i = 0; i < 8; i++) {                                                          \
            v[i] = s->h[i];                                                                    \
            v[i + 8] = IV[i];                                                                  \
        }                                                                                      \
        v[12] ^= s->t[0];                                                                      \
        v[13] ^= s->t[1];                                                                      \
        if (is_last) {                                                                         \
            v[14] = ~v[14];                                                                    \
            if (s->last_node) {                                                                \
                v[15] = ~v[15];                                                                \
            }                                                                                  \
        }                                                                                      \
        for (int r = 0; r < ROUNDS; r++) {                                                     \
            const unsigned char *z = sigma[r % 10];                                            \
            /* columns, then diagonals: G(a, b, c, d, x, y) */                                 \
            static const unsigned char lanes[8][4] = {{0, 4, 8, 12},  {1, 5, 9, 13},           \
                                                      {2, 6, 10, 14}, {3, 7, 11, 15},          \
                                                      {0, 5, 10, 15}, {1, 6, 11, 12},          \
                                                      {2, 7, 8, 13},  {3, 4, 9, 14}};          \
            for (int g = 0; g < 8; g++) {                                                      \
                WORD *a = &v[lanes[g][0]], *b = &v[lanes[g][1]];                               \
                WORD *c = &v[lanes[g][2]], *d = &v[lanes[g][3]];                               \
                *a = *a + *b + m[z[2 * g]];                                                    \
                *d = NAME##_ror(*d ^ *a, R1);                                                  \
                *c = *c + *d;                                                                  \
                *b = NAME##_ror(*b ^ *c, R2);                                                  \
                *a = *a + *b + m[z[2 * g + 1]];                                                \
                *d = NAME##_ror(*d ^ *a, R3);                                                  \
                *c = *c + *d;                                                                  \
                *b = NAME##_ror(*b ^ *c, R4);                                                  \
            }                                                                                  \
        }                                                                                      \
        for (int i = 0; i < 8; i++) {                                                          \
            s->h[i] ^= v[i] ^ v[i + 8];                                                        \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    static void NAME##_count(NAME##State *s, size_t n) {                                       \
        WORD lo = s->t[0] + (WORD)n;                                                           \
        s->t[1] += lo < s->t[0];                                                               \
        s->t[0] = lo;                                                                          \
    }                                                                                          \
                                                                                               \
    /* A full buffer is compressed only once more data follows it: the last */                 \
    /* block of the message is compressed by the final step. */                                \
    static void NAME##_update(void *state, const unsigned char *p, size_t n) {                 \
        NAME##State *s = state;                                                                \
        while (n > 0) {                                                                        \
            if (s->used == BLOCK) {                                                            \
                NAME##_count(s, BLOCK);                                                        \
                NAME##_compress(s, s->buf, 0);                                                 \
                s->used = 0;                                                                   \
            }                                                                                  \
            size_t take = BLOCK - s->used < n ? BLOCK - s->used : n;                           \
            memcpy(s->buf + s->used, p, take);                                                 \
            s->used += take;                                                                   \
            p += take;                                                                         \
            n -= take;                                                                         \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    static void NAME##_final(const void *state, unsigned char *out, size_t len) {              \
        NAME##State t = *(const NAME##State *)state;                                           \
        NAME##_count(&t, t.used);                                                              \
        memset(t.buf + t.used, 0, BLOCK - t.used);                                             \
        NAME##_compress(&t, t.buf, 1);                                                         \
        for (size_t i = 0; i < len; i++) {                                                     \
            out[i] = (unsigned char)(t.h[i / sizeof(WORD)] >> (8 * (i % sizeof(WORD))));       \
        }                                                                                      \
    }

DEFINE_BLAKE2(blake2b, uint64_t, 128, 12, 32, 24, 16, 63, iv_b)
DEFINE_BLAKE2(blake2s, uint32_t, 64, 10, 16, 12, 8, 7, iv_s)

static const KHashAlgo blake2b_algo = {"blake2b", 64, 128, sizeof(blake2bState), NULL,
                                       blake2b_update, blake2b_final};
static const KHashAlgo blake2s_algo = {"blake2s", 32, 64, sizeof(blake2sState), NULL,
                                       blake2s_update, blake2s_final};

// The sizes of each variant (RFC 7693 table 2.1 and the parameter block).
typedef struct Limits {
    int digest, key, salt, person;
    uint64_t max_offset; // node_offset fits in 64 (b) or 48 (s) bits
} Limits;
static const Limits limits_b = {64, 64, 16, 16, UINT64_MAX};
static const Limits limits_s = {32, 32, 8, 8, ((uint64_t)1 << 48) - 1};

// An int argument as the "i" converter takes it.
static int int_arg(KValue v, int *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow = 0;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow || n > INT32_MAX || n < INT32_MIN) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

// An unsigned argument as the unsigned long (long) converters take it.
static int unsigned_arg(KValue v, uint64_t *out, const char *too_big) {
    if (!kint_check(v)) { // these converters take ints only, without __index__
        kerr_set(&kexc_TypeError, "an integer is required");
        return -1;
    }
    int overflow = 0;
    *out = kint_as_u64_overflow(v, &overflow);
    if (overflow < 0) {
        kerr_set(&kexc_ValueError, "value must be positive");
        return -1;
    }
    if (overflow > 0) {
        kerr_set(&kexc_OverflowError, too_big);
        return -1;
    }
    return 0;
}

// The parameters after conversion, with CPython's defaults.
typedef struct Params {
    int digest_size, fanout, depth, node_depth, inner_size, last_node;
    uint64_t leaf_size, node_offset;
    const char *key, *salt, *person;
    ssize_t key_len, salt_len, person_len;
} Params;

enum { A_DATA, A_DIGEST, A_KEY, A_SALT, A_PERSON, A_FANOUT, A_DEPTH, A_LEAF, A_OFFSET,
       A_NODE_DEPTH, A_INNER, A_LAST, A_SECURITY, A_COUNT };

static int convert_args(const KValue *a, Params *p) {
    if ((a[A_DIGEST] && int_arg(a[A_DIGEST], &p->digest_size) < 0) ||
        (a[A_KEY] && kbytes_need_buffer(a[A_KEY], &p->key, &p->key_len) < 0) ||
        (a[A_SALT] && kbytes_need_buffer(a[A_SALT], &p->salt, &p->salt_len) < 0) ||
        (a[A_PERSON] && kbytes_need_buffer(a[A_PERSON], &p->person, &p->person_len) < 0) ||
        (a[A_FANOUT] && int_arg(a[A_FANOUT], &p->fanout) < 0) ||
        (a[A_DEPTH] && int_arg(a[A_DEPTH], &p->depth) < 0) ||
        (a[A_LEAF] && unsigned_arg(a[A_LEAF], &p->leaf_size,
                                   "Python int too large to convert to C unsigned long") < 0) ||
        (a[A_OFFSET] && unsigned_arg(a[A_OFFSET], &p->node_offset, "int too big to convert") < 0) ||
        (a[A_NODE_DEPTH] && int_arg(a[A_NODE_DEPTH], &p->node_depth) < 0) ||
        (a[A_INNER] && int_arg(a[A_INNER], &p->inner_size) < 0)) {
        return -1;
    }
    if (a[A_LAST] && (p->last_node = kobj_is_true(a[A_LAST])) < 0) {
        return -1;
    }
    return 0;
}

// The range checks, in CPython's order.
static int check_params(const Params *p, const Limits *lim) {
    if (p->digest_size < 1 || p->digest_size > lim->digest) {
        kerr_format(&kexc_ValueError, "digest_size must be between 1 and %d bytes", lim->digest);
    } else if (p->salt_len > lim->salt) {
        kerr_format(&kexc_ValueError, "maximum salt length is %d bytes", lim->salt);
    } else if (p->person_len > lim->person) {
        kerr_format(&kexc_ValueError, "maximum person length is %d bytes", lim->person);
    } else if (p->fanout < 0 || p->fanout > 255) {
        kerr_set(&kexc_ValueError, "fanout must be between 0 and 255");
    } else if (p->depth <= 0 || p->depth > 255) {
        kerr_set(&kexc_ValueError, "depth must be between 1 and 255");
    } else if (p->leaf_size > 0xffffffffu) {
        kerr_set(&kexc_OverflowError, "leaf_size is too large");
    } else if (p->node_offset > lim->max_offset) {
        kerr_set(&kexc_OverflowError, "node_offset is too large");
    } else if (p->node_depth < 0 || p->node_depth > 255) {
        kerr_set(&kexc_ValueError, "node_depth must be between 0 and 255");
    } else if (p->inner_size < 0 || p->inner_size > lim->digest) {
        kerr_format(&kexc_ValueError, "inner_size must be between 0 and is %d", lim->digest);
    } else if (p->key_len > lim->key) {
        kerr_format(&kexc_ValueError, "maximum key length is %d bytes", lim->key);
    } else {
        return 0;
    }
    return -1;
}

// The parameter block: 64 bytes for blake2b, 32 for blake2s (salt and
// person in its second half, node_offset 8 or 6 bytes).
static void param_block(const Params *p, int is_b, unsigned char *pb) {
    size_t half = is_b ? 32 : 16, offset_len = is_b ? 8 : 6;
    memset(pb, 0, 2 * half);
    pb[0] = (unsigned char)p->digest_size;
    pb[1] = (unsigned char)p->key_len;
    pb[2] = (unsigned char)p->fanout;
    pb[3] = (unsigned char)p->depth;
    for (int i = 0; i < 4; i++) {
        pb[4 + i] = (unsigned char)(p->leaf_size >> (8 * i));
    }
    for (size_t i = 0; i < offset_len; i++) {
        pb[8 + i] = (unsigned char)(p->node_offset >> (8 * i));
    }
    pb[8 + offset_len] = (unsigned char)p->node_depth;
    pb[9 + offset_len] = (unsigned char)p->inner_size;
    memcpy(pb + half, p->salt, (size_t)p->salt_len);
    memcpy(pb + half + half / 2, p->person, (size_t)p->person_len);
}

static void init_state(KHashObj *h, const Params *p, int is_b) {
    unsigned char pb[64];
    param_block(p, is_b, pb);
    if (is_b) {
        blake2bState *s = (blake2bState *)h->state;
        for (int i = 0; i < 8; i++) {
            uint64_t w = 0;
            for (int k = 7; k >= 0; k--) {
                w = w << 8 | pb[8 * i + k];
            }
            s->h[i] = iv_b[i] ^ w;
        }
        s->last_node = p->last_node;
    } else {
        blake2sState *s = (blake2sState *)h->state;
        for (int i = 0; i < 8; i++) {
            uint32_t w = 0;
            for (int k = 3; k >= 0; k--) {
                w = w << 8 | pb[4 * i + k];
            }
            s->h[i] = iv_s[i] ^ w;
        }
        s->last_node = p->last_node;
    }
    if (p->key_len > 0) { // the key, zero-padded to a block, is the first block
        unsigned char block[128] = {0};
        memcpy(block, p->key, (size_t)p->key_len);
        h->algo->update(h->state, block, (size_t)h->algo->block_size);
    }
}

static KValue blake2_new(KType *type, const KValue *args, size_t nargs, KValue kwnames, int is_b) {
    static const char *const kwlist[] = {"", "digest_size", "key", "salt", "person", "fanout",
                                         "depth", "leaf_size", "node_offset", "node_depth",
                                         "inner_size", "last_node", "usedforsecurity", NULL};
    const KHashAlgo *algo = is_b ? &blake2b_algo : &blake2s_algo;
    KValue a[A_COUNT];
    if (kargs_unpack(algo->name, args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    Params p = {algo->digest_size, 1, 1, 0, 0, 0, 0, 0, "", "", "", 0, 0, 0};
    if (convert_args(a, &p) < 0 || check_params(&p, is_b ? &limits_b : &limits_s) < 0) {
        return KV_NULL;
    }
    KHashObj *h = khashobj_new(type, algo);
    if (!h) {
        return KV_NULL;
    }
    h->digest_size = p.digest_size;
    init_state(h, &p, is_b);
    if (a[A_DATA] && khashobj_update(h, a[A_DATA]) < 0) {
        kval_decref(kval_of(h));
        return KV_NULL;
    }
    return kval_of(h);
}

static KValue blake2b_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    return blake2_new(type, args, nargs, kwnames, 1);
}

static KValue blake2s_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    return blake2_new(type, args, nargs, kwnames, 0);
}

static KType blake2b_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_blake2.blake2b",
    .basicsize = KHASHOBJ_SIZE(blake2bState),
    .dealloc = khashobj_dealloc,
    .new_ = blake2b_new,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
    .doc = "Return a new BLAKE2b hash object.",
};

static KType blake2s_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_blake2.blake2s",
    .basicsize = KHASHOBJ_SIZE(blake2sState),
    .dealloc = khashobj_dealloc,
    .new_ = blake2s_new,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
    .doc = "Return a new BLAKE2s hash object.",
};

// SALT_SIZE, PERSON_SIZE, MAX_KEY_SIZE, MAX_DIGEST_SIZE on the type and
// BLAKE2B_SALT_SIZE... on the module.
static int add_sizes(KValue m, KType *type, const Limits *lim, const char *prefix) {
    static const char *const names[4] = {"SALT_SIZE", "PERSON_SIZE", "MAX_KEY_SIZE",
                                         "MAX_DIGEST_SIZE"};
    const int values[4] = {lim->salt, lim->person, lim->key, lim->digest};
    KValue dict = ktype_dict(type);
    if (!dict) {
        return -1;
    }
    for (int i = 0; i < 4; i++) {
        char modname[40];
        snprintf(modname, sizeof modname, "%s_%s", prefix, names[i]);
        KValue v = kval_from_int(values[i]);
        if (kdict_set_cstr(dict, names[i], v) < 0 || kmod_add(m, modname, v) < 0) {
            return -1;
        }
    }
    ktype_modified(type);
    return 0;
}

KValue kmod_blake2_create(void) {
    if (ktype_ready(&blake2b_type) < 0 || ktype_ready(&blake2s_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_blake2");
    if (!m || kmod_add(m, "blake2b", kval_of(&blake2b_type)) < 0 ||
        kmod_add(m, "blake2s", kval_of(&blake2s_type)) < 0 ||
        add_sizes(m, &blake2b_type, &limits_b, "BLAKE2B") < 0 ||
        add_sizes(m, &blake2s_type, &limits_s, "BLAKE2S") < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
