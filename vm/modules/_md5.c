// vm/modules/_md5.c: the _md5 module (md5(string=b'', *,
// usedforsecurity=True) and its MD5Type), which hashlib falls back on
// without OpenSSL. MD5 as RFC 1321 specifies it; the sine table T[i] =
// floor(2**32 * abs(sin(i + 1))) was computed once in double precision.
#include <string.h>

#include "../func.h"
#include "../module.h"
#include "../type.h"
#include "hashobj.h"

static const uint32_t sine_t[64] = {
    0xd76aa478u, 0xe8c7b756u, 0x242070dbu, 0xc1bdceeeu, 0xf57c0fafu, 0x4787c62au,
    0xa8304613u, 0xfd469501u, 0x698098d8u, 0x8b44f7afu, 0xffff5bb1u, 0x895cd7beu,
    0x6b901122u, 0xfd987193u, 0xa679438eu, 0x49b40821u, 0xf61e2562u, 0xc040b340u,
    0x265e5a51u, 0xe9b6c7aau, 0xd62f105du, 0x02441453u, 0xd8a1e681u, 0xe7d3fbc8u,
    0x21e1cde6u, 0xc33707d6u, 0xf4d50d87u, 0x455a14edu, 0xa9e3e905u, 0xfcefa3f8u,
    0x676f02d9u, 0x8d2a4c8au, 0xfffa3942u, 0x8771f681u, 0x6d9d6122u, 0xfde5380cu,
    0xa4beea44u, 0x4bdecfa9u, 0xf6bb4b60u, 0xbebfbc70u, 0x289b7ec6u, 0xeaa127fau,
    0xd4ef3085u, 0x04881d05u, 0xd9d4d039u, 0xe6db99e5u, 0x1fa27cf8u, 0xc4ac5665u,
    0xf4292244u, 0x432aff97u, 0xab9423a7u, 0xfc93a039u, 0x655b59c3u, 0x8f0ccc92u,
    0xffeff47du, 0x85845dd1u, 0x6fa87e4fu, 0xfe2ce6e0u, 0xa3014314u, 0x4e0811a1u,
    0xf7537e82u, 0xbd3af235u, 0x2ad7d2bbu, 0xeb86d391u,
};

// The left rotations of each round, four per round (RFC 1321, 3.4).
static const int shifts[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

typedef struct Md5State {
    uint32_t h[4];
    KMdBuf buf;
} Md5State;

static inline uint32_t rol(uint32_t x, int n) {
    return x << n | x >> (32 - n);
}

static void compress(void *state_h, const unsigned char *block) {
    uint32_t *h = state_h;
    uint32_t x[16];
    for (int i = 0; i < 16; i++) {
        const unsigned char *p = block + 4 * i;
        x[i] = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i >> 4) {
        case 0:
            f = (b & c) | (~b & d);
            g = i;
            break;
        case 1:
            f = (b & d) | (c & ~d);
            g = (5 * i + 1) & 15;
            break;
        case 2:
            f = b ^ c ^ d;
            g = (3 * i + 5) & 15;
            break;
        default:
            f = c ^ (b | ~d);
            g = (7 * i) & 15;
            break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rol(a + f + sine_t[i] + x[g], shifts[i >> 4][i & 3]);
        a = t;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
}

static void md5_init(void *state) {
    static const uint32_t init[4] = {0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u};
    memcpy(((Md5State *)state)->h, init, sizeof init);
}

static void md5_update(void *state, const unsigned char *p, size_t n) {
    Md5State *s = state;
    khash_md_update(&s->buf, 64, compress, s->h, p, n);
}

static void md5_final(const void *state, unsigned char *out, size_t len) {
    Md5State t = *(const Md5State *)state;
    khash_md_finish(&t.buf, 64, 8, 0, compress, t.h);
    for (size_t i = 0; i < len; i++) {
        out[i] = (unsigned char)(t.h[i / 4] >> (8 * (i % 4)));
    }
}

static const KHashAlgo md5_algo = {"md5", 16, 64, sizeof(Md5State), md5_init, md5_update,
                                   md5_final};

static KType md5_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_md5.md5",
    .basicsize = KHASHOBJ_SIZE(Md5State),
    .dealloc = khashobj_dealloc,
    .methods = khashobj_methods,
    .getsets = khashobj_getsets,
};

static KValue m_md5(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self;
    return khashobj_construct(&md5_type, &md5_algo, "md5", "string", args, nargs, kw);
}

static const KMethodDef md5_functions[] = {
    {"md5", m_md5, KMETH_KW, "Return a new MD5 hash object; optionally initialized with a string."},
    {NULL, NULL, 0, NULL},
};

KValue kmod_md5_create(void) {
    if (ktype_ready(&md5_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_md5");
    if (!m || kmod_add_functions(m, md5_functions) < 0 ||
        kmod_add(m, "MD5Type", kval_of(&md5_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
