// vm/modules/codecs_funcs.c: _codecs' per-codec functions, which the
// modules of the encodings package are built from (encodings/utf_8.py has
// `encode = codecs.utf_8_encode`): X_encode(str, errors) -> (bytes,
// length) and X_decode(data, errors, final) -> (str, bytes consumed), where
// a decode that is not final leaves an incomplete sequence at the end for the
// next call (incremental decoders). They run on the runtime's codecs
// (vm/codecs.c).
#include "../internal.h"

#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"

// The errors argument: NULL (strict) for None or absent; -1 with TypeError.
static int errors_arg(const char *fname, KValue v, const char **errors) {
    *errors = NULL;
    if (!v || v == KV_NONE) {
        return 0;
    }
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument 2 must be str or None, not %T", fname, v);
        return -1;
    }
    *errors = kstr_utf8(v, NULL);
    return *errors ? 0 : -1;
}

// (result, n) as the functions return it; takes 'result'.
static KValue pair(KValue result, ssize_t n) {
    if (!result) {
        return KV_NULL;
    }
    KValue count = kint_from_i64(n);
    KValue r = count ? ktuple_pack(2, result, count) : KV_NULL;
    kval_xdecref(count);
    kval_decref(result);
    return r;
}

static KValue encode_with(const char *fname, const char *codec, const KValue *args, size_t nargs,
                          KValue kwnames) {
    static const char *const kwlist[] = {"str", "errors", NULL};
    KValue a[2];
    const char *errors;
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, 1, 2, a) < 0 ||
        errors_arg(fname, a[1], &errors) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(a[0])) {
        kerr_format(&kexc_TypeError, "%s() argument 1 must be str, not %T", fname, a[0]);
        return KV_NULL;
    }
    return pair(kcodec_encode(a[0], codec, errors), kstr_len(a[0]));
}

// How much of 'n' bytes at 'p' a non-final decode takes: all but a
// sequence at the end that more bytes could still complete (a valid lead
// byte, and a second byte in its allowed range; ED A0..BF too, a truncated
// surrogate surrogatepass may yet accept, as CPython's decoder).
static ssize_t complete_utf8(const unsigned char *p, ssize_t n) {
    for (ssize_t k = 1; k <= 3 && k <= n; k++) {
        unsigned char c = p[n - k];
        if (c >= 0x80 && c <= 0xBF) {
            continue;
        }
        ssize_t need = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                       : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (need <= k) {
            return n;
        }
        if (k >= 2) {
            unsigned d = p[n - k + 1];
            unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
            if (d < lo || d > hi) {
                return n;
            }
        }
        return n - k;
    }
    return n;
}

static ssize_t complete_utf16(const unsigned char *p, ssize_t n, int big) {
    ssize_t m = n & ~(ssize_t)1;
    if (m >= 2) {
        unsigned u = big ? (unsigned)p[m - 2] << 8 | p[m - 1] : (unsigned)p[m - 1] << 8 | p[m - 2];
        if (u >= 0xD800 && u <= 0xDBFF) {
            m -= 2; // a high surrogate waits for its low half
        }
    }
    return m;
}

typedef enum { WHOLE, UTF8, UTF16LE, UTF16BE, UTF32 } Partial;

static KValue decode_with(const char *fname, const char *codec, Partial partial, int final_default,
                          int has_final, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"data", "errors", "final", NULL};
    KValue a[3];
    const char *errors, *p;
    ssize_t n;
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, 1, has_final ? 3 : 2, a) < 0 ||
        errors_arg(fname, a[1], &errors) < 0 || kbytes_need_buffer(a[0], &p, &n) < 0) {
        return KV_NULL;
    }
    int final = final_default;
    if (has_final && a[2]) {
        final = kobj_is_true(a[2]);
        if (final < 0) {
            return KV_NULL;
        }
    }
    ssize_t m = n;
    if (!final) {
        const unsigned char *u = (const unsigned char *)p;
        m = partial == UTF8      ? complete_utf8(u, n)
            : partial == UTF16LE ? complete_utf16(u, n, 0)
            : partial == UTF16BE ? complete_utf16(u, n, 1)
            : partial == UTF32   ? n & ~(ssize_t)3
                                 : n;
    }
    return pair(kcodec_decode(p, m, codec, errors), m);
}

// utf_16_ex_decode / utf_32_ex_decode(data, errors, byteorder=0, final=False)
// -> (str, consumed, byteorder): a BOM at the start decides the byte order
// (-1 little, 1 big) when byteorder is 0; without one, native (little) order.
static KValue ex_decode(const char *fname, int width, const KValue *args, size_t nargs,
                        KValue kwnames) {
    static const char *const kwlist[] = {"data", "errors", "byteorder", "final", NULL};
    KValue a[4];
    const char *errors, *p;
    ssize_t n;
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, 1, 4, a) < 0 ||
        errors_arg(fname, a[1], &errors) < 0 || kbytes_need_buffer(a[0], &p, &n) < 0) {
        return KV_NULL;
    }
    ssize_t bo = a[2] ? knum_as_ssize(a[2], &kexc_OverflowError) : 0;
    int final = a[3] ? kobj_is_true(a[3]) : 0;
    if ((bo == -1 && kerr_occurred()) || final < 0) {
        return KV_NULL;
    }
    const unsigned char *u = (const unsigned char *)p;
    ssize_t skip = 0;
    if (bo == 0) {
        static const unsigned char le16[] = {0xFF, 0xFE}, be16[] = {0xFE, 0xFF};
        static const unsigned char le32[] = {0xFF, 0xFE, 0, 0}, be32[] = {0, 0, 0xFE, 0xFF};
        if (n >= width && !memcmp(u, width == 2 ? le16 : le32, (size_t)width)) {
            bo = -1, skip = width;
        } else if (n >= width && !memcmp(u, width == 2 ? be16 : be32, (size_t)width)) {
            bo = 1, skip = width;
        } else if (n < width && !final) {
            KValue empty = kstr_from_cstr("");
            KValue zero = kval_from_int(0);
            KValue r = empty ? ktuple_pack(3, empty, zero, zero) : KV_NULL;
            kval_xdecref(empty);
            return r;
        }
    }
    int big = bo > 0;
    ssize_t m = n - skip;
    if (!final) {
        m = width == 2 ? complete_utf16(u + skip, m, big) : m & ~(ssize_t)3;
    }
    const char *codec = width == 2 ? (big ? "utf-16-be" : "utf-16-le") : (big ? "utf-32-be" : "utf-32-le");
    KValue s = kcodec_decode(p + skip, m, codec, errors);
    KValue consumed = s ? kint_from_i64(skip + m) : KV_NULL;
    KValue order = consumed ? kint_from_i64(bo) : KV_NULL;
    KValue r = order ? ktuple_pack(3, s, consumed, order) : KV_NULL;
    kval_xdecref(s);
    kval_xdecref(consumed);
    kval_xdecref(order);
    return r;
}

// utf_16_encode / utf_32_encode(str, errors, byteorder=0): 0 writes a BOM
// and native order, -1 little-endian, 1 big-endian, neither with a BOM.
static KValue bom_encode(const char *fname, int width, const KValue *args, size_t nargs,
                         KValue kwnames) {
    static const char *const kwlist[] = {"str", "errors", "byteorder", NULL};
    KValue a[3];
    const char *errors;
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, 1, 3, a) < 0 ||
        errors_arg(fname, a[1], &errors) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(a[0])) {
        kerr_format(&kexc_TypeError, "%s() argument 1 must be str, not %T", fname, a[0]);
        return KV_NULL;
    }
    ssize_t bo = a[2] ? knum_as_ssize(a[2], &kexc_OverflowError) : 0;
    if (bo == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    const char *codec = bo == 0 ? (width == 2 ? "utf-16" : "utf-32")
                        : bo < 0 ? (width == 2 ? "utf-16-le" : "utf-32-le")
                                 : (width == 2 ? "utf-16-be" : "utf-32-be");
    return pair(kcodec_encode(a[0], codec, errors), kstr_len(a[0]));
}

#define ENCODER(name, codec)                                                                      \
    static KValue f_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames) {      \
        (void)self;                                                                              \
        return encode_with(#name, codec, args, nargs, kwnames);                                  \
    }
#define DECODER(name, codec, partial, final_default, has_final)                                   \
    static KValue f_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames) {      \
        (void)self;                                                                              \
        return decode_with(#name, codec, partial, final_default, has_final, args, nargs,         \
                           kwnames);                                                             \
    }

ENCODER(utf_8_encode, "utf-8")
DECODER(utf_8_decode, "utf-8", UTF8, 0, 1)
ENCODER(latin_1_encode, "latin-1")
DECODER(latin_1_decode, "latin-1", WHOLE, 1, 0)
ENCODER(ascii_encode, "ascii")
DECODER(ascii_decode, "ascii", WHOLE, 1, 0)
ENCODER(utf_16_le_encode, "utf-16-le")
DECODER(utf_16_le_decode, "utf-16-le", UTF16LE, 0, 1)
ENCODER(utf_16_be_encode, "utf-16-be")
DECODER(utf_16_be_decode, "utf-16-be", UTF16BE, 0, 1)
ENCODER(utf_32_le_encode, "utf-32-le")
DECODER(utf_32_le_decode, "utf-32-le", UTF32, 0, 1)
ENCODER(utf_32_be_encode, "utf-32-be")
DECODER(utf_32_be_decode, "utf-32-be", UTF32, 0, 1)
ENCODER(unicode_escape_encode, "unicode-escape")
DECODER(unicode_escape_decode, "unicode-escape", WHOLE, 1, 1)
ENCODER(raw_unicode_escape_encode, "raw-unicode-escape")
DECODER(raw_unicode_escape_decode, "raw-unicode-escape", WHOLE, 1, 1)

static KValue f_utf_16_encode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return bom_encode("utf_16_encode", 2, args, nargs, kwnames);
}

static KValue f_utf_32_encode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return bom_encode("utf_32_encode", 4, args, nargs, kwnames);
}

static KValue f_utf_16_ex_decode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return ex_decode("utf_16_ex_decode", 2, args, nargs, kwnames);
}

static KValue f_utf_32_ex_decode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return ex_decode("utf_32_ex_decode", 4, args, nargs, kwnames);
}

// utf_16_decode / utf_32_decode: the ex form without the byte order.
static KValue drop_order(KValue r) {
    if (!r) {
        return KV_NULL;
    }
    KValue out = ktuple_pack(2, ktuple_items(r)[0], ktuple_items(r)[1]);
    kval_decref(r);
    return out;
}

// utf_16_decode / utf_32_decode(data, errors, final): ex_decode with byte
// order 0, without the byte order in the result.
static KValue bom_decode(const char *fname, int width, const KValue *args, size_t nargs,
                         KValue kwnames) {
    static const char *const kwlist[] = {"data", "errors", "final", NULL};
    KValue b[3];
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, 1, 3, b) < 0) {
        return KV_NULL;
    }
    KValue a[4] = {b[0], b[1] ? b[1] : KV_NONE, kval_from_int(0), b[2] ? b[2] : KV_FALSE};
    return drop_order(ex_decode(fname, width, a, 4, KV_NULL));
}

static KValue f_utf_16_decode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return bom_decode("utf_16_decode", 2, args, nargs, kwnames);
}

static KValue f_utf_32_decode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return bom_decode("utf_32_decode", 4, args, nargs, kwnames);
}

#define ENTRY(name) {#name, f_##name, KMETH_KW, NULL},
const KMethodDef kcodecs_codec_functions[] = {
    ENTRY(utf_8_encode) ENTRY(utf_8_decode) ENTRY(latin_1_encode) ENTRY(latin_1_decode)
    ENTRY(ascii_encode) ENTRY(ascii_decode) ENTRY(utf_16_encode) ENTRY(utf_16_decode)
    ENTRY(utf_16_le_encode) ENTRY(utf_16_le_decode) ENTRY(utf_16_be_encode)
    ENTRY(utf_16_be_decode) ENTRY(utf_16_ex_decode) ENTRY(utf_32_encode) ENTRY(utf_32_decode)
    ENTRY(utf_32_le_encode) ENTRY(utf_32_le_decode) ENTRY(utf_32_be_encode)
    ENTRY(utf_32_be_decode) ENTRY(utf_32_ex_decode) ENTRY(unicode_escape_encode)
    ENTRY(unicode_escape_decode) ENTRY(raw_unicode_escape_encode)
    ENTRY(raw_unicode_escape_decode)
    {NULL, NULL, 0, NULL},
};
