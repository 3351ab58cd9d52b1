// vm/modules/_sha256.c: the _sha256 module (sha256 and sha224(string=b'',
// *, usedforsecurity=True), SHA256Type and SHA224Type), which hashlib
// falls back on without OpenSSL. SHA-256 and SHA-224 as FIPS 180-4
// specifies them; the round constants (cube roots of the first 64 primes)
// and initial values (square roots of primes) were generated with exact
// integer roots.
#include <string.h>

#include "../func.h"
#include "../module.h"
#include "../type.h"
#include "hashobj.h"

static const uint32_t round_k[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u,
    0x923f82a4u, 0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u,
    0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u,
    0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u,
    0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u,
    0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au,
    0x5b9cca4fu, 0x682e6ff3u, 0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u,
    0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

static const uint32_t init_256[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
    0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

static const uint32_t init_224[8] = {
    0xc1059ed8u, 0x367cd507u, 0x3070dd17u, 0xf70e5939u,
    0xffc00b31u, 0x68581511u, 0x64f98fa7u, 0xbefa4fa4u,
};

typedef struct Sha256State {
    uint32_t h[8];
    KMdBuf buf;
} Sha256State;

static inline uint32_t ror(uint32_t x, int n) {
    return x >> n | x << (32 - n);
}

static void compress(void *state_h, const unsigned char *block) {
    uint32_t *h = state_h;
    uint32_t w[64];
    for (int t = 0; t < 16; t++) {
        const unsigned char *p = block + 4 * t;
        w[t] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    }
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t t1 = k + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) +
                      round_k[t] + w[t];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
    h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

static void sha256_init(void *state) {
    memcpy(((Sha256State *)state)->h, init_256, sizeof init_256);
}

static void sha224_init(void *state) {
    memcpy(((Sha256State *)state)->h, init_224, sizeof init_224);
}

static void sha256_update(void *state, const unsigned char *p, size_t n) {
    Sha256State *s = state;
    khash_md_update(&s->buf, 64, compress, s->h, p, n);
}

static void sha256_final(const void *state, unsigned char *out, size_t len) {
    Sha256State t = *(const Sha256State *)state;
    khash_md_finish(&t.buf, 64, 8, 1, compress, t.h);
    for (size_t i = 0; i < len; i++) {
        out[i] = (unsigned char)(t.h[i / 4] >> (24 - 8 * (i % 4)));
    }
}

static const KHashAlgo sha256_algo = {"sha256", 32, 64, sizeof(Sha256State), sha256_init,
                                      sha256_update, sha256_final};
static const KHashAlgo sha224_algo = {"sha224", 28, 64, sizeof(Sha256State), sha224_init,
                                      sha256_update, sha256_final};

static KType sha256_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_sha256.sha256",
    .basicsize = KHASHOBJ_SIZE(Sha256State),
    .dealloc = khashobj_dealloc,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
};

static KType sha224_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_sha256.sha224",
    .basicsize = KHASHOBJ_SIZE(Sha256State),
    .dealloc = khashobj_dealloc,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
};

static KValue m_sha256(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self;
    return khashobj_construct(&sha256_type, &sha256_algo, "sha256", "string", args, nargs, kw);
}

static KValue m_sha224(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self;
    return khashobj_construct(&sha224_type, &sha224_algo, "sha224", "string", args, nargs, kw);
}

static const KMethodDef sha256_functions[] = {
    {"sha256", m_sha256, KMETH_KW, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha224", m_sha224, KMETH_KW, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

KValue kmod_sha256_create(void) {
    if (ktype_ready(&sha256_type) < 0 || ktype_ready(&sha224_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_sha256");
    if (!m || kmod_add_functions(m, sha256_functions) < 0 ||
        kmod_add(m, "SHA256Type", kval_of(&sha256_type)) < 0 ||
        kmod_add(m, "SHA224Type", kval_of(&sha224_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
