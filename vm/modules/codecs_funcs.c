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
#include "../dict.h"
#include "../gc.h"
#include "../mem.h"
#include "../type.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "codecs_utf7.h"

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

// The str argument of an X_encode function.
static int str_arg(const char *fname, KValue v) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument 1 must be str, not %T", fname, v);
        return -1;
    }
    return 0;
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
    if (str_arg(fname, a[0]) < 0) {
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
    if (str_arg(fname, a[0]) < 0) {
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

static KValue f_utf_7_encode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"str", "errors", NULL};
    KValue a[2];
    const char *errors;
    if (kargs_parse("utf_7_encode", args, nargs, kwnames, kwlist, 1, 2, a) < 0 ||
        errors_arg("utf_7_encode", a[1], &errors) < 0 || str_arg("utf_7_encode", a[0]) < 0) {
        return KV_NULL;
    }
    return pair(kcodec_utf7_encode(a[0]), kstr_len(a[0]));
}

static KValue f_utf_7_decode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"data", "errors", "final", NULL};
    KValue a[3];
    const char *errors, *p;
    ssize_t n, consumed = 0;
    if (kargs_parse("utf_7_decode", args, nargs, kwnames, kwlist, 1, 3, a) < 0 ||
        errors_arg("utf_7_decode", a[1], &errors) < 0 || kbytes_need_buffer(a[0], &p, &n) < 0) {
        return KV_NULL;
    }
    int final = a[2] ? kobj_is_true(a[2]) : 0;
    if (final < 0) {
        return KV_NULL;
    }
    KValue s = kcodec_utf7_decode(p, n, errors, final, &consumed);
    return pair(s, consumed);
}

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

// ---------------------------------------------------------------------------
// The charmap codec, which the 8-bit codecs of the encodings package (cp437,
// iso8859_15, mac_roman...) are tables for: decoding through a str of code
// points indexed by byte (U+FFFE: undefined) or any mapping from byte to int,
// str or None; encoding through charmap_build's EncodingMap (the inverse of
// a 256-entry table) or any mapping from code point to int, bytes or None.

#define CHARMAP "character maps to <undefined>"

typedef struct EncodingMap {
    KOBJ_HEAD;
    uint8_t block[256]; // code point >> 8 -> block number + 1 (0: none mapped)
    int nblocks;
    int16_t *bytes; // nblocks * 256 entries: the byte, or -1
} EncodingMap;

static void encmap_dealloc(KObject *o) {
    kmem_free(((EncodingMap *)o)->bytes);
    kobj_free(o);
}

// The byte for 'c', or -1.
static int encmap_lookup(const EncodingMap *m, uint32_t c) {
    if (c > 0xFFFF || !m->block[c >> 8]) {
        return -1;
    }
    return m->bytes[(m->block[c >> 8] - 1) * 256 + (c & 0xFF)];
}

static KValue encmap_size(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    const EncodingMap *m = (const EncodingMap *)self;
    return kint_from_i64((int64_t)(sizeof *m + (size_t)m->nblocks * 256 * sizeof *m->bytes));
}

static const KMethodDef encmap_methods[] = {
    {"size", encmap_size, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType encmap_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "EncodingMap",
    .basicsize = sizeof(EncodingMap),
    .dealloc = encmap_dealloc,
    .methods = encmap_methods,
};

// charmap_build(table): an EncodingMap when 'table' is 256 code points of the
// BMP with U+0000 first and nowhere else; otherwise a dict {ord(ch): index}
// over its first 256 characters.
static KValue f_charmap_build(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue table = args[0];
    if (!kstr_check(table)) {
        kerr_format(&kexc_TypeError, "charmap_build() argument must be str, not %T", table);
        return KV_NULL;
    }
    KStr *t = (KStr *)table;
    ssize_t n = t->len < 256 ? t->len : 256;
    int simple = t->len == 256 && kstr_char(t, 0) == 0;
    for (ssize_t i = 1; simple && i < n; i++) {
        uint32_t c = kstr_char(t, i);
        simple = c != 0 && c <= 0xFFFF;
    }
    if (!simple) {
        KValue d = kdict_new();
        for (ssize_t i = 0; d && i < n; i++) {
            KValue k = kint_from_i64(kstr_char(t, i));
            if (!k || kdict_set(d, k, kval_from_int(i)) < 0) {
                KVAL_CLEAR(d);
            }
            kval_xdecref(k);
        }
        return d;
    }
    if (ktype_ready(&encmap_type) < 0) {
        return KV_NULL;
    }
    EncodingMap *m = (EncodingMap *)kobj_alloc(&encmap_type, sizeof *m);
    if (!m) {
        return KV_NULL;
    }
    memset(m->block, 0, sizeof m->block);
    m->nblocks = 0;
    m->bytes = NULL;
    for (ssize_t i = 0; i < n; i++) {
        uint32_t c = kstr_char(t, i);
        if (c != 0xFFFE && !m->block[c >> 8]) {
            m->block[c >> 8] = (uint8_t)++m->nblocks;
        }
    }
    m->bytes = kmem_alloc((size_t)m->nblocks * 256 * sizeof *m->bytes);
    if (!m->bytes) {
        kval_decref(kval_of(m));
        return kerr_no_memory();
    }
    memset(m->bytes, 0xFF, (size_t)m->nblocks * 256 * sizeof *m->bytes);
    for (ssize_t i = 0; i < n; i++) {
        uint32_t c = kstr_char(t, i);
        if (c != 0xFFFE) {
            m->bytes[(m->block[c >> 8] - 1) * 256 + (c & 0xFF)] = (int16_t)i;
        }
    }
    return kval_of(m);
}

// What a decoding mapping gives for 'byte': 1 with the text appended to 'out',
// 0 for undefined, -1 with an exception.
static int charmap_decode_one(KValue mapping, unsigned byte, KStrBuilder *out) {
    if (kstr_check(mapping)) {
        KStr *t = (KStr *)mapping;
        uint32_t c = (ssize_t)byte < t->len ? kstr_char(t, byte) : 0xFFFE;
        if (c == 0xFFFE) {
            return 0;
        }
        kstr_builder_char(out, c);
        return 1;
    }
    KValue item = kobj_getitem(mapping, kval_from_int(byte));
    if (!item) {
        if (kerr_matches(&kexc_LookupError)) {
            kerr_clear();
            return 0;
        }
        return -1;
    }
    int r = 1;
    if (item == KV_NONE) {
        r = 0;
    } else if (kint_check(item)) {
        int overflow;
        int64_t v = kint_as_i64_overflow(item, &overflow);
        if (overflow) {
            kerr_set(&kexc_OverflowError, "Python int too large to convert to C long");
            r = -1;
        } else if (v < 0 || v > 0x10FFFF) {
            kerr_set(&kexc_TypeError, "character mapping must be in range(0x110000)");
            r = -1;
        } else if (v == 0xFFFE) {
            r = 0;
        } else {
            kstr_builder_char(out, (uint32_t)v);
        }
    } else if (kstr_check(item)) {
        if (kstr_len(item) == 1 && kstr_char((KStr *)item, 0) == 0xFFFE) {
            r = 0;
        } else {
            kstr_builder_str(out, item);
        }
    } else {
        kerr_set(&kexc_TypeError, "character mapping must return integer, None or str");
        r = -1;
    }
    kval_decref(item);
    return r;
}

// charmap_decode(data, errors=None, mapping=None) -> (str, len(data)).
static KValue f_charmap_decode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    const char *errors, *p;
    ssize_t n;
    if (kargs_count("charmap_decode", nargs, 1, 3) < 0 ||
        kbytes_need_buffer(args[0], &p, &n) < 0 ||
        errors_arg("charmap_decode", nargs > 1 ? args[1] : KV_NULL, &errors) < 0) {
        return KV_NULL;
    }
    KValue mapping = nargs > 2 ? args[2] : KV_NONE;
    if (mapping == KV_NONE) {
        return pair(kcodec_decode(p, n, "latin-1", errors), n);
    }
    // A mapping or a handler in Python may change a bytearray: decode a copy.
    KValue obj = kbytes_check(args[0]) ? kval_newref(args[0]) : kbytes_from_data(p, n);
    if (!obj) {
        return KV_NULL;
    }
    const unsigned char *u = (const unsigned char *)kbytes_data(obj, &n);
    KStrBuilder out;
    kstr_builder_init(&out);
    for (ssize_t i = 0; i < n;) {
        int r = charmap_decode_one(mapping, u[i], &out);
        if (r > 0) {
            i++;
            continue;
        }
        if (r == 0) {
            i = kcodec_decode_error(&out, "charmap", errors, (const char *)u, n, &obj, i, i + 1,
                                    CHARMAP);
        }
        if (r < 0 || i < 0) {
            kstr_builder_discard(&out);
            kval_decref(obj);
            return KV_NULL;
        }
    }
    kval_decref(obj);
    return pair(kstr_builder_finish(&out), n);
}

// Encodes 'c' through 'mapping' into 'b': 1, 0 when it is not mapped, -1
// with an exception.
static int charmap_encode_one(KValue mapping, uint32_t c, KCodecBuf *b) {
    if (kval_type(mapping) == &encmap_type) {
        int byte = encmap_lookup((const EncodingMap *)mapping, c);
        if (byte < 0) {
            return 0;
        }
        char ch = (char)byte;
        return kcodec_buf_put(b, &ch, 1) < 0 ? -1 : 1;
    }
    KValue key = kint_from_i64(c);
    KValue item = key ? kobj_getitem(mapping, key) : KV_NULL;
    kval_xdecref(key);
    if (!item) {
        if (key && kerr_matches(&kexc_LookupError)) {
            kerr_clear();
            return 0;
        }
        return -1;
    }
    int r = 1;
    if (item == KV_NONE) {
        r = 0;
    } else if (kint_check(item)) {
        int overflow;
        int64_t v = kint_as_i64_overflow(item, &overflow);
        char ch = (char)v;
        if (overflow || v < 0 || v > 255) {
            kerr_set(&kexc_TypeError, "character mapping must be in range(256)");
            r = -1;
        } else if (kcodec_buf_put(b, &ch, 1) < 0) {
            r = -1;
        }
    } else if (kbytes_check(item)) {
        ssize_t len;
        const char *d = kbytes_data(item, &len);
        r = kcodec_buf_put(b, d, len) < 0 ? -1 : 1;
    } else {
        kerr_format(&kexc_TypeError,
                    "character mapping must return integer, bytes or None, not %s",
                    ktype_name(kval_type(item)));
        r = -1;
    }
    kval_decref(item);
    return r;
}

static void charmap_encode_fail(KValue str, ssize_t start, ssize_t end) {
    KValue e = kcodec_error_new(&kexc_UnicodeEncodeError, "charmap", str, start, end, CHARMAP);
    if (e) {
        kerr_raise(e);
    }
}

// Encodes the ASCII text 'rep' (or the str 'reps') through the mapping for
// the unencodable str[start:end]; a replacement that is not mapped either
// raises the UnicodeEncodeError for that range. 0 or -1.
static int charmap_encode_text(KValue mapping, const char *rep, KValue reps, KCodecBuf *b,
                               KValue str, ssize_t start, ssize_t end) {
    ssize_t n = rep ? (ssize_t)strlen(rep) : kstr_len(reps);
    for (ssize_t i = 0; i < n; i++) {
        uint32_t c = rep ? (unsigned char)rep[i] : kstr_char((KStr *)reps, i);
        int r = charmap_encode_one(mapping, c, b);
        if (r <= 0) {
            if (r == 0) {
                charmap_encode_fail(str, start, end);
            }
            return -1;
        }
    }
    return 0;
}

// The unencodable run str[start:end] under handler 'errors': the position
// to go on from, or -1.
static ssize_t charmap_encode_error(KValue mapping, KCodecBuf *b, KValue str, ssize_t start,
                                   ssize_t end, const char *errors) {
    KStr *s = (KStr *)str;
    if (!errors || strcmp(errors, "strict") == 0) {
        charmap_encode_fail(str, start, end);
        return -1;
    }
    if (strcmp(errors, "ignore") == 0) {
        return end;
    }
    int replace = strcmp(errors, "replace") == 0;
    if (replace || strcmp(errors, "xmlcharrefreplace") == 0) {
        for (ssize_t i = start; i < end; i++) {
            char esc[KCODEC_ESCAPE_BUF];
            if (!replace) {
                kcodec_escape(esc, kstr_char(s, i), KCODEC_ESC_XML);
            }
            if (charmap_encode_text(mapping, replace ? "?" : esc, KV_NULL, b, str, start, end) <
                0) {
                return -1;
            }
        }
        return end;
    }
    KValue exc = kcodec_error_new(&kexc_UnicodeEncodeError, "charmap", str, start, end, CHARMAP);
    KValue rep;
    ssize_t pos;
    int r = exc ? kcodec_call_handler(errors, exc, s->len, 1, &rep, &pos) : -1;
    kval_xdecref(exc);
    if (r < 0) {
        return -1;
    }
    if (kbytes_check(rep)) {
        ssize_t n;
        const char *d = kbytes_data(rep, &n);
        r = kcodec_buf_put(b, d, n);
    } else {
        r = charmap_encode_text(mapping, NULL, rep, b, str, start, end);
    }
    kval_decref(rep);
    return r < 0 ? -1 : pos;
}

// charmap_encode(str, errors=None, mapping=None) -> (bytes, len(str)).
static KValue f_charmap_encode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    const char *errors;
    if (kargs_count("charmap_encode", nargs, 1, 3) < 0 ||
        errors_arg("charmap_encode", nargs > 1 ? args[1] : KV_NULL, &errors) < 0) {
        return KV_NULL;
    }
    KValue str = args[0];
    if (!kstr_check(str)) {
        kerr_format(&kexc_TypeError, "charmap_encode() argument 1 must be str, not %T", str);
        return KV_NULL;
    }
    KValue mapping = nargs > 2 ? args[2] : KV_NONE;
    if (mapping == KV_NONE) {
        return pair(kcodec_encode(str, "latin-1", errors), kstr_len(str));
    }
    KStr *s = (KStr *)str;
    KCodecBuf b = {NULL, 0, 0};
    for (ssize_t i = 0; i < s->len;) {
        int r = charmap_encode_one(mapping, kstr_char(s, i), &b);
        if (r > 0) {
            i++;
            continue;
        }
        ssize_t j = i + 1;
        while (r == 0 && j < s->len) {
            KCodecBuf probe = {NULL, 0, 0};
            r = charmap_encode_one(mapping, kstr_char(s, j), &probe);
            kmem_free(probe.data);
            j += r == 0;
        }
        if (r >= 0) {
            i = charmap_encode_error(mapping, &b, str, i, j, errors);
        }
        if (r < 0 || i < 0) {
            kmem_free(b.data);
            return KV_NULL;
        }
    }
    KValue out = kbytes_from_data(b.data, b.len);
    kmem_free(b.data);
    return pair(out, s->len);
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
    ENTRY(raw_unicode_escape_decode) ENTRY(utf_7_encode) ENTRY(utf_7_decode)
    {"charmap_decode", f_charmap_decode, KMETH_FAST, NULL},
    {"charmap_encode", f_charmap_encode, KMETH_FAST, NULL},
    {"charmap_build", f_charmap_build, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};
