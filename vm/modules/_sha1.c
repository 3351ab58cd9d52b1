// vm/modules/_sha1.c: the _sha1 module (sha1(string=b'', *,
// usedforsecurity=True) and its SHA1Type), which hashlib falls back on
// without OpenSSL. SHA-1 as FIPS 180-4 (6.1) specifies it.
#include <string.h>

#include "../func.h"
#include "../module.h"
#include "../type.h"
#include "hashobj.h"

typedef struct Sha1State {
    uint32_t h[5];
    KMdBuf buf;
} Sha1State;

static inline uint32_t rol(uint32_t x, int n) {
    return x << n | x >> (32 - n);
}

static void compress(void *state_h, const unsigned char *block) {
    uint32_t *h = state_h;
    uint32_t w[80];
    for (int t = 0; t < 16; t++) {
        const unsigned char *p = block + 4 * t;
        w[t] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    }
    for (int t = 16; t < 80; t++) {
        w[t] = rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d), k = 0x5a827999u;
        } else if (t < 40) {
            f = b ^ c ^ d, k = 0x6ed9eba1u;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdcu;
        } else {
            f = b ^ c ^ d, k = 0xca62c1d6u;
        }
        uint32_t tmp = rol(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = rol(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

static void sha1_init(void *state) {
    static const uint32_t init[5] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u,
                                     0xc3d2e1f0u};
    memcpy(((Sha1State *)state)->h, init, sizeof init);
}

static void sha1_update(void *state, const unsigned char *p, size_t n) {
    Sha1State *s = state;
    khash_md_update(&s->buf, 64, compress, s->h, p, n);
}

static void sha1_final(const void *state, unsigned char *out, size_t len) {
    Sha1State t = *(const Sha1State *)state;
    khash_md_finish(&t.buf, 64, 8, 1, compress, t.h);
    for (size_t i = 0; i < len; i++) {
        out[i] = (unsigned char)(t.h[i / 4] >> (24 - 8 * (i % 4)));
    }
}

static const KHashAlgo sha1_algo = {"sha1", 20, 64, sizeof(Sha1State), sha1_init, sha1_update,
                                    sha1_final};

static KType sha1_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_sha1.sha1",
    .basicsize = KHASHOBJ_SIZE(Sha1State),
    .dealloc = khashobj_dealloc,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
};

static KValue m_sha1(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self;
    return khashobj_construct(&sha1_type, &sha1_algo, "sha1", "string", args, nargs, kw);
}

static const KMethodDef sha1_functions[] = {
    {"sha1", m_sha1, KMETH_KW, "Return a new SHA1 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

KValue kmod_sha1_create(void) {
    if (ktype_ready(&sha1_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_sha1");
    if (!m || kmod_add_functions(m, sha1_functions) < 0 ||
        kmod_add(m, "SHA1Type", kval_of(&sha1_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
