// vm/modules/_sha512.c: the _sha512 module (sha512 and sha384 hash
// objects, hashobj.h's plumbing), which random.py uses to seed from str and bytes and
// hashlib falls back on. SHA-512 as FIPS 180-4 specifies it; the round
// constants and initial values (fractional parts of cube and square roots
// of primes) were generated with exact integer roots.
#include <string.h>

#include "../func.h"
#include "../module.h"
#include "../type.h"
#include "hashobj.h"

static const uint64_t round_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL,
    0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
    0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL,
    0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
    0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL, 0x2de92c6f592b0275ULL,
    0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL,
    0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL,
    0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL,
    0x92722c851482353bULL, 0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
    0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL,
    0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
    0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL,
    0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL,
    0xc67178f2e372532bULL, 0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
    0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL,
    0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
    0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static const uint64_t init_512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint64_t init_384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL,
    0x152fecd8f70e5939ULL, 0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL,
    0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

typedef struct Sha512State {
    uint64_t h[8];
    KMdBuf buf;
} Sha512State;

static inline uint64_t ror(uint64_t x, int n) {
    return x >> n | x << (64 - n);
}

static uint64_t load_be64(const unsigned char *p) {
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

// One 128-byte block into the state 'h'.
static void compress(void *state_h, const unsigned char *block) {
    uint64_t *h = state_h;
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        w[t] = load_be64(block + 8 * t);
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = ror(w[t - 15], 1) ^ ror(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = ror(w[t - 2], 19) ^ ror(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t t1 = k + (ror(e, 14) ^ ror(e, 18) ^ ror(e, 41)) + ((e & f) ^ (~e & g)) +
                      round_k[t] + w[t];
        uint64_t t2 = (ror(a, 28) ^ ror(a, 34) ^ ror(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
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

static void sha512_init(void *state) {
    memcpy(((Sha512State *)state)->h, init_512, sizeof init_512);
}

static void sha384_init(void *state) {
    memcpy(((Sha512State *)state)->h, init_384, sizeof init_384);
}

static void sha512_update(void *state, const unsigned char *p, size_t n) {
    Sha512State *s = state;
    khash_md_update(&s->buf, 128, compress, s->h, p, n);
}

static void sha512_final(const void *state, unsigned char *out, size_t len) {
    Sha512State t = *(const Sha512State *)state;
    khash_md_finish(&t.buf, 128, 16, 1, compress, t.h);
    for (size_t i = 0; i < len; i++) {
        out[i] = (unsigned char)(t.h[i / 8] >> (56 - 8 * (i % 8)));
    }
}

static const KHashAlgo sha512_algo = {"sha512", 64, 128, sizeof(Sha512State), sha512_init,
                                      sha512_update, sha512_final};
static const KHashAlgo sha384_algo = {"sha384", 48, 128, sizeof(Sha512State), sha384_init,
                                      sha512_update, sha512_final};

static KType sha512_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_sha512.sha512",
    .basicsize = KHASHOBJ_SIZE(Sha512State),
    .dealloc = khashobj_dealloc,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
};

static KType sha384_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_sha512.sha384",
    .basicsize = KHASHOBJ_SIZE(Sha512State),
    .dealloc = khashobj_dealloc,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
};

static KValue m_sha512(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self;
    return khashobj_construct(&sha512_type, &sha512_algo, "sha512", "string", args, nargs, kw);
}

static KValue m_sha384(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self;
    return khashobj_construct(&sha384_type, &sha384_algo, "sha384", "string", args, nargs, kw);
}

static const KMethodDef sha512_functions[] = {
    {"sha512", m_sha512, KMETH_KW, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", m_sha384, KMETH_KW, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

// CPython 3.11's _sha512 has one type attribute, SHA384Type, and it is
// the sha512 type (its module init adds both types under that name, the
// second replacing the first); krait mirrors it.
KValue kmod_sha512_create(void) {
    if (ktype_ready(&sha512_type) < 0 || ktype_ready(&sha384_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_sha512");
    if (!m || kmod_add_functions(m, sha512_functions) < 0 ||
        kmod_add(m, "SHA384Type", kval_of(&sha512_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
