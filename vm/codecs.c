// vm/codecs.c: encoding str to bytes and decoding bytes to str. Each codec
// is a pair of loops over code points / bytes; when one meets something it
// cannot convert it hands the offending range [start, end) and a reason to
// the error handler, exactly where CPython's codecs do, so the replacement
// output and the UnicodeError attributes and messages match CPython's. The
// standard handlers run in C; any other name goes through the registry of
// _codecs.register_error and is called with the exception object.
#include "codecs.h"
#include "internal.h"

#include "compiler/compiler.h"
#include "compiler/unicode.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "int.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

enum Codec {
    C_UTF8,
    C_UTF8_SIG,
    C_ASCII,
    C_LATIN1,
    C_CP1252,
    C_UTF16,
    C_UTF16LE,
    C_UTF16BE,
    C_UTF32,
    C_UTF32LE,
    C_UTF32BE,
    C_UNICODE_ESCAPE,
    C_RAW_UNICODE_ESCAPE,
};

// The name each codec reports in UnicodeError.encoding (cp1252 is a
// charmap codec in CPython, which is the name its errors carry).
static const char *const codec_names[] = {
    "utf-8",  "utf-8", "ascii",  "latin-1",   "charmap",  "utf-16",
    "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "unicodeescape",
    "rawunicodeescape",
};

// Normalised aliases (lower case, runs of other characters as one '_', as
// encodings.normalize_encoding plus the lower-casing of codecs.lookup).
static const struct {
    const char *alias;
    enum Codec codec;
} aliases[] = {
    {"utf_8", C_UTF8},         {"utf8", C_UTF8},          {"u8", C_UTF8},
    {"utf", C_UTF8},           {"utf8_ucs2", C_UTF8},     {"utf8_ucs4", C_UTF8},
    {"cp65001", C_UTF8},       {"utf_8_sig", C_UTF8_SIG}, {"ascii", C_ASCII},
    {"us_ascii", C_ASCII},     {"646", C_ASCII},          {"us", C_ASCII},
    {"ansi_x3.4_1968", C_ASCII}, {"ansi_x3_4_1968", C_ASCII}, {"ansi_x3.4_1986", C_ASCII},
    {"cp367", C_ASCII},        {"csascii", C_ASCII},      {"ibm367", C_ASCII},
    {"iso646_us", C_ASCII},    {"iso_646.irv_1991", C_ASCII}, {"iso_ir_6", C_ASCII},
    {"latin_1", C_LATIN1},     {"latin1", C_LATIN1},      {"latin", C_LATIN1},
    {"l1", C_LATIN1},          {"iso_8859_1", C_LATIN1},  {"iso8859_1", C_LATIN1},
    {"8859", C_LATIN1},        {"cp819", C_LATIN1},       {"iso_ir_100", C_LATIN1},
    {"csisolatin1", C_LATIN1}, {"ibm819", C_LATIN1},      {"iso_8859_1_1987", C_LATIN1},
    {"cp1252", C_CP1252},      {"windows_1252", C_CP1252}, {"1252", C_CP1252},
    {"utf_16", C_UTF16},       {"utf16", C_UTF16},        {"u16", C_UTF16},
    {"utf_16_le", C_UTF16LE},  {"utf_16le", C_UTF16LE},   {"unicodelittleunmarked", C_UTF16LE},
    {"utf_16_be", C_UTF16BE},  {"utf_16be", C_UTF16BE},   {"unicodebigunmarked", C_UTF16BE},
    {"utf_32", C_UTF32},       {"utf32", C_UTF32},        {"u32", C_UTF32},
    {"utf_32_le", C_UTF32LE},  {"utf_32le", C_UTF32LE},   {"utf_32_be", C_UTF32BE},
    {"utf_32be", C_UTF32BE},   {"unicode_escape", C_UNICODE_ESCAPE},
    {"raw_unicode_escape", C_RAW_UNICODE_ESCAPE},
};

// cp1252's bytes 0x80..0x9F (0: undefined).
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The codec for 'name', or -1.
static int find_codec(const char *name) {
    char norm[64];
    size_t n = 0;
    int pending = 0;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '.') {
            if (pending && n > 0) {
                norm[n++] = '_';
            }
            pending = 0;
            norm[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            pending = 1;
        }
        if (n + 2 >= sizeof norm) {
            return -1;
        }
    }
    norm[n] = 0;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(norm, aliases[i].alias) == 0) {
            return (int)aliases[i].codec;
        }
    }
    return -1;
}

const char *kcodec_canonical(const char *name) {
    static const char *const canonical[] = {
        "utf-8",     "utf-8-sig", "ascii",     "latin-1",        "cp1252",
        "utf-16",    "utf-16-le", "utf-16-be", "utf-32",         "utf-32-le",
        "utf-32-be", "unicode-escape", "raw-unicode-escape",
    };
    int codec = find_codec(name);
    return codec < 0 ? NULL : canonical[codec];
}

KValue kcodec_error_new(KType *type, const char *encoding, KValue object, ssize_t start,
                        ssize_t end, const char *reason) {
    KValue enc = kstr_from_cstr(encoding), why = kstr_from_cstr(reason);
    KValue args = enc && why ? ktuple_pack(5, enc, object, kval_from_int(start),
                                           kval_from_int(end), why)
                             : KV_NULL;
    KValue e = args ? kexc_new(type, args) : KV_NULL;
    kval_xdecref(enc);
    kval_xdecref(why);
    kval_xdecref(args);
    return e;
}

// ---------------------------------------------------------------------------
// Output buffers.

static int buf_reserve(KCodecBuf *b, ssize_t extra) {
    if (b->len + extra <= b->cap) {
        return 0;
    }
    ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra) {
        cap *= 2;
    }
    char *d = kmem_realloc(b->data, (size_t)cap);
    if (!d) {
        kerr_no_memory();
        return -1;
    }
    b->data = d;
    b->cap = cap;
    return 0;
}

int kcodec_buf_put(KCodecBuf *b, const void *p, ssize_t n) {
    if (n == 0) {
        return 0; // nothing to copy, and 'data' may still be NULL
    }
    if (buf_reserve(b, n) < 0) {
        return -1;
    }
    memcpy(b->data + b->len, p, (size_t)n);
    b->len += n;
    return 0;
}

static void put_u16(unsigned char *o, uint32_t v, int big) {
    o[big ? 0 : 1] = (unsigned char)(v >> 8);
    o[big ? 1 : 0] = (unsigned char)v;
}

static void put_u32(unsigned char *o, uint32_t v, int big) {
    for (int i = 0; i < 4; i++) {
        o[big ? 3 - i : i] = (unsigned char)(v >> (8 * i));
    }
}

static int is_big(enum Codec c) {
    return c == C_UTF16BE || c == C_UTF32BE;
}

// Writes 'c' in codec 'codec' (the caller checked it is encodable, or it is a
// surrogate passed through by surrogatepass).
static int emit(KCodecBuf *b, enum Codec codec, uint32_t c) {
    unsigned char o[8];
    int n = 0;
    switch (codec) {
    case C_UTF8:
    case C_UTF8_SIG:
        if (c < 0x80) {
            o[n++] = (unsigned char)c;
        } else if (c < 0x800) {
            o[n++] = (unsigned char)(0xC0 | (c >> 6));
            o[n++] = (unsigned char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            o[n++] = (unsigned char)(0xE0 | (c >> 12));
            o[n++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            o[n++] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            o[n++] = (unsigned char)(0xF0 | (c >> 18));
            o[n++] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            o[n++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            o[n++] = (unsigned char)(0x80 | (c & 0x3F));
        }
        break;
    case C_ASCII:
    case C_LATIN1:
        o[n++] = (unsigned char)c;
        break;
    case C_CP1252:
        if (c < 0x80 || (c >= 0xA0 && c < 0x100)) {
            o[n++] = (unsigned char)c;
        } else {
            for (int i = 0; i < 32; i++) {
                if (cp1252_high[i] == c) {
                    o[n++] = (unsigned char)(0x80 + i);
                }
            }
        }
        break;
    case C_UTF16:
    case C_UTF16LE:
    case C_UTF16BE:
        if (c >= 0x10000) {
            put_u16(o, 0xD800 | ((c - 0x10000) >> 10), is_big(codec));
            put_u16(o + 2, 0xDC00 | ((c - 0x10000) & 0x3FF), is_big(codec));
            n = 4;
        } else {
            put_u16(o, c, is_big(codec));
            n = 2;
        }
        break;
    default:
        put_u32(o, c, is_big(codec));
        n = 4;
        break;
    }
    return kcodec_buf_put(b, o, n);
}

static int is_surrogate(uint32_t c) {
    return c >= 0xD800 && c <= 0xDFFF;
}

static int encodable(enum Codec codec, uint32_t c) {
    switch (codec) {
    case C_ASCII:
        return c < 0x80;
    case C_LATIN1:
        return c < 0x100;
    case C_CP1252:
        if (c < 0x80 || (c >= 0xA0 && c < 0x100)) {
            return 1;
        }
        for (int i = 0; i < 32; i++) {
            if (cp1252_high[i] && cp1252_high[i] == c) {
                return 1;
            }
        }
        return 0;
    default:
        return !is_surrogate(c);
    }
}

static const char *encode_reason(enum Codec codec) {
    switch (codec) {
    case C_ASCII:
        return "ordinal not in range(128)";
    case C_LATIN1:
        return "ordinal not in range(256)";
    case C_CP1252:
        return "character maps to <undefined>";
    default:
        return "surrogates not allowed";
    }
}

// ---------------------------------------------------------------------------
// Error handlers.

enum Handler { H_STRICT, H_IGNORE, H_REPLACE, H_BACKSLASH, H_XMLCHARREF, H_NAMEREPLACE,
               H_SURROGATEESCAPE, H_SURROGATEPASS, H_OTHER };

static const char *const handler_names[] = {"strict", "ignore", "replace", "backslashreplace",
                                            "xmlcharrefreplace", "namereplace", "surrogateescape",
                                            "surrogatepass"};

static enum Handler find_handler(const char *errors) {
    if (!errors) {
        return H_STRICT;
    }
    for (int i = 0; i < H_OTHER; i++) {
        if (strcmp(errors, handler_names[i]) == 0) {
            return (enum Handler)i;
        }
    }
    return H_OTHER;
}

// The handlers registered by _codecs.register_error, by name.
static KValue error_registry;

int kcodec_register_error(KValue name, KValue handler) {
    if (!error_registry) {
        error_registry = kdict_new();
        if (!error_registry) {
            return -1;
        }
    }
    return kdict_set(error_registry, name, handler);
}

KValue kcodec_lookup_error(KValue name) {
    KValue h = error_registry ? kdict_get_borrow(error_registry, name) : KV_NULL;
    if (h) {
        return kval_newref(h);
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    kerr_format(&kexc_LookupError, "unknown error handler name '%U'", name);
    return KV_NULL;
}

int kcodec_call_handler(const char *errors, KValue exc, ssize_t len, int allow_bytes,
                        KValue *rep, ssize_t *pos) {
    KValue name = kstr_from_cstr(errors);
    KValue h = name ? kcodec_lookup_error(name) : KV_NULL;
    kval_xdecref(name);
    if (!h) {
        return -1;
    }
    KValue r = kobj_call1(h, exc);
    kval_decref(h);
    if (!r) {
        return -1;
    }
    const char *what = allow_bytes ? "encoding" : "decoding";
    if (!ktuple_check(r) || ktuple_len(r) != 2 ||
        !(kstr_check(ktuple_items(r)[0]) || (allow_bytes && kbytes_check(ktuple_items(r)[0])))) {
        kval_decref(r);
        kerr_format(&kexc_TypeError, "%s error handler must return (%s, int) tuple", what,
                    allow_bytes ? "str/bytes" : "str");
        return -1;
    }
    ssize_t p = knum_as_ssize(ktuple_items(r)[1], &kexc_OverflowError);
    if (p == -1 && kerr_occurred()) {
        kval_decref(r);
        return -1;
    }
    if (p < 0) {
        p += len;
    }
    if (p < 0 || p > len) {
        kerr_format(&kexc_IndexError, "position %zd from error handler out of bounds", p);
        kval_decref(r);
        return -1;
    }
    *rep = kval_newref(ktuple_items(r)[0]);
    *pos = p;
    kval_decref(r);
    return 0;
}

size_t kcodec_escape(char *out, uint32_t c, int style) {
    if (style == KCODEC_ESC_XML) {
        return (size_t)snprintf(out, KCODEC_ESCAPE_BUF, "&#%u;", (unsigned)c);
    }
    if (style == KCODEC_ESC_NAME) {
        char name[KUNI_NAME_BUF];
        if (kuni_name_of(c, name)) {
            return (size_t)snprintf(out, KCODEC_ESCAPE_BUF, "\\N{%s}", name);
        }
    }
    if (c < 0x100) {
        return (size_t)snprintf(out, KCODEC_ESCAPE_BUF, "\\x%02x", (unsigned)c);
    }
    if (c < 0x10000) {
        return (size_t)snprintf(out, KCODEC_ESCAPE_BUF, "\\u%04x", (unsigned)c);
    }
    return (size_t)snprintf(out, KCODEC_ESCAPE_BUF, "\\U%08x", (unsigned)c);
}

// Emits the ASCII string 's' in codec 'codec'.
static int emit_ascii(KCodecBuf *b, enum Codec codec, const char *s) {
    for (; *s; s++) {
        if (emit(b, codec, (unsigned char)*s) < 0) {
            return -1;
        }
    }
    return 0;
}

// Handles the unencodable 'str'[start:end] with handler 'h'; returns the
// position to go on from, or -1 with an exception set.
static ssize_t encode_error(KCodecBuf *b, enum Codec codec, enum Handler h, const char *errors,
                            KValue str, ssize_t start, ssize_t end) {
    KStr *s = (KStr *)str;
    char esc[KCODEC_ESCAPE_BUF];
    switch (h) {
    case H_IGNORE:
        return end;
    case H_REPLACE:
        for (ssize_t i = start; i < end; i++) {
            if (emit(b, codec, '?') < 0) {
                return -1;
            }
        }
        return end;
    case H_BACKSLASH:
    case H_XMLCHARREF:
    case H_NAMEREPLACE:
        for (ssize_t i = start; i < end; i++) {
            kcodec_escape(esc, kstr_char(s, i),
                          h == H_XMLCHARREF    ? KCODEC_ESC_XML
                          : h == H_NAMEREPLACE ? KCODEC_ESC_NAME
                                               : KCODEC_ESC_BACKSLASH);
            if (emit_ascii(b, codec, esc) < 0) {
                return -1;
            }
        }
        return end;
    case H_SURROGATEESCAPE: {
        // utf-8, ascii and latin-1 write the escapable prefix and report
        // the rest; the charmap and UTF-16/32 handlers take all or nothing.
        ssize_t k = start;
        while (k < end && kstr_char(s, k) >= 0xDC80 && kstr_char(s, k) <= 0xDCFF) {
            k++;
        }
        int partial = codec == C_UTF8 || codec == C_UTF8_SIG || codec == C_ASCII ||
                      codec == C_LATIN1;
        int unit = codec >= C_UTF32 ? 4 : codec >= C_UTF16 ? 2 : 1;
        if ((k < end && !partial) || (k - start) % unit) {
            break;
        }
        for (ssize_t i = start; i < k; i++) {
            char byte = (char)(kstr_char(s, i) - 0xDC00);
            if (kcodec_buf_put(b, &byte, 1) < 0) {
                return -1;
            }
        }
        if (k == end) {
            return end;
        }
        start = k;
        break;
    }
    case H_SURROGATEPASS: {
        if (codec < C_UTF16 && codec != C_UTF8 && codec != C_UTF8_SIG) {
            break;
        }
        ssize_t k = start;
        while (k < end && is_surrogate(kstr_char(s, k))) {
            k++;
        }
        if (k < end) {
            break;
        }
        for (ssize_t i = start; i < end; i++) {
            if (emit(b, codec, kstr_char(s, i)) < 0) {
                return -1;
            }
        }
        return end;
    }
    default:
        break;
    }
    KValue exc = kcodec_error_new(&kexc_UnicodeEncodeError, codec_names[codec], str, start,
                                        end, encode_reason(codec));
    if (!exc) {
        return -1;
    }
    if (h != H_OTHER) {
        kerr_raise(exc);
        return -1;
    }
    KValue rep;
    ssize_t pos;
    int r = kcodec_call_handler(errors, exc, s->len, 1, &rep, &pos);
    kval_decref(exc);
    if (r < 0) {
        return -1;
    }
    if (kbytes_check(rep)) {
        ssize_t n;
        const char *p = kbytes_data(rep, &n);
        r = kcodec_buf_put(b, p, n);
    } else {
        KStr *t = (KStr *)rep;
        for (ssize_t i = 0; r == 0 && i < t->len; i++) {
            uint32_t c = kstr_char(t, i);
            if (!encodable(codec, c)) {
                KValue e2 = kcodec_error_new(&kexc_UnicodeEncodeError, codec_names[codec],
                                                   str, start, end, encode_reason(codec));
                if (e2) {
                    kerr_raise(e2);
                }
                r = -1;
            } else {
                r = emit(b, codec, c);
            }
        }
    }
    kval_decref(rep);
    return r < 0 ? -1 : pos;
}

// unicode_escape / raw_unicode_escape encoding: never fails but for memory.
static KValue encode_escape(KStr *s, int raw) {
    KCodecBuf b = {NULL, 0, 0};
    char esc[KCODEC_ESCAPE_BUF];
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        int r;
        if (raw ? c < 0x100 : (c >= 0x20 && c < 0x7f && c != '\\')) {
            char byte = (char)c;
            r = kcodec_buf_put(&b, &byte, 1);
        } else if (!raw && (c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
            esc[0] = '\\';
            esc[1] = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
            r = kcodec_buf_put(&b, esc, 2);
        } else {
            r = kcodec_buf_put(&b, esc, (ssize_t)kcodec_escape(esc, c, KCODEC_ESC_BACKSLASH));
        }
        if (r < 0) {
            kmem_free(b.data);
            return KV_NULL;
        }
    }
    KValue r = kbytes_from_data(b.data ? b.data : "", b.len);
    kmem_free(b.data);
    return r;
}

KValue kcodec_encode(KValue str, const char *encoding, const char *errors) {
    int codec = find_codec(encoding ? encoding : "utf-8");
    if (codec < 0) {
        kerr_format(&kexc_LookupError, "unknown encoding: %s", encoding);
        return KV_NULL;
    }
    KStr *s = (KStr *)str;
    if (codec >= C_UNICODE_ESCAPE) {
        return encode_escape(s, codec == C_RAW_UNICODE_ESCAPE);
    }
    if (s->ascii && codec <= C_CP1252 && codec != C_UTF8_SIG) {
        return kbytes_from_data(s->data, s->len);
    }
    enum Handler h = find_handler(errors);
    KCodecBuf b = {NULL, 0, 0};
    int bom = 0;
    if (codec == C_UTF8_SIG) {
        bom = kcodec_buf_put(&b, "\xEF\xBB\xBF", 3);
    } else if (codec == C_UTF16) {
        bom = kcodec_buf_put(&b, "\xFF\xFE", 2);
        codec = C_UTF16LE;
    } else if (codec == C_UTF32) {
        bom = kcodec_buf_put(&b, "\xFF\xFE\0\0", 4);
        codec = C_UTF32LE;
    }
    if (bom < 0) {
        goto error;
    }
    // Errors name the codec as asked for: utf-16 stays "utf-16".
    int report = find_codec(encoding ? encoding : "utf-8");
    for (ssize_t i = 0; i < s->len;) {
        uint32_t c = kstr_char(s, i);
        if (encodable((enum Codec)codec, c)) {
            if (emit(&b, (enum Codec)codec, c) < 0) {
                goto error;
            }
            i++;
            continue;
        }
        ssize_t j = i + 1;
        while (j < s->len && !encodable((enum Codec)codec, kstr_char(s, j))) {
            j++;
        }
        // Handlers write with the actual byte order; errors carry the name.
        ssize_t next = encode_error(&b, (enum Codec)codec, h, errors, str, i, j);
        if (next < 0) {
            if (report != codec && kerr_matches(&kexc_UnicodeEncodeError)) {
                KValue e = kerr_fetch();
                KValue name = kstr_from_cstr(codec_names[report]);
                if (name) {
                    kval_setref(&((KUnicodeError *)e)->encoding, name);
                }
                kerr_restore(e);
            }
            goto error;
        }
        i = next;
    }
    KValue r = kbytes_from_data(b.data ? b.data : "", b.len);
    kmem_free(b.data);
    return r;
error:
    kmem_free(b.data);
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// Decoding.

typedef struct Decoder {
    enum Codec codec;
    const char *name; // for UnicodeDecodeError.encoding
    enum Handler h;
    const char *errors;
    const unsigned char *p;
    ssize_t len;
    KValue obj; // the bytes, made when an error needs them
    KStrBuilder out;
} Decoder;

// Handles the undecodable bytes [start, end) ('reason' says why): returns
// the position to go on from, or -1 with an exception set.
static ssize_t decode_error(Decoder *d, ssize_t start, ssize_t end, const char *reason) {
    switch (d->h) {
    case H_IGNORE:
        return end;
    case H_REPLACE:
        kstr_builder_char(&d->out, 0xFFFD);
        return end;
    case H_BACKSLASH:
        for (ssize_t i = start; i < end; i++) {
            kstr_builder_printf(&d->out, "\\x%02x", d->p[i]);
        }
        return end;
    case H_SURROGATEESCAPE: {
        ssize_t k = start;
        while (k < end && k - start < 4 && d->p[k] >= 0x80) {
            kstr_builder_char(&d->out, 0xDC00 + d->p[k]);
            k++;
        }
        if (k > start) {
            return k;
        }
        break;
    }
    case H_SURROGATEPASS: {
        const unsigned char *q = d->p + start;
        ssize_t left = d->len - start;
        uint32_t c = 0;
        int n = 0;
        if ((d->codec == C_UTF8 || d->codec == C_UTF8_SIG) && left >= 3 && q[0] == 0xED &&
            q[1] >= 0xA0 && q[1] <= 0xBF && (q[2] & 0xC0) == 0x80) {
            c = 0xD000 | ((uint32_t)(q[1] & 0x3F) << 6) | (q[2] & 0x3F);
            n = 3;
        } else if ((d->codec == C_UTF16LE || d->codec == C_UTF16BE) && left >= 2) {
            c = d->codec == C_UTF16BE ? (uint32_t)(q[0] << 8 | q[1]) : (uint32_t)(q[1] << 8 | q[0]);
            n = 2;
        } else if ((d->codec == C_UTF32LE || d->codec == C_UTF32BE) && left >= 4) {
            for (int i = 0; i < 4; i++) {
                c |= (uint32_t)q[d->codec == C_UTF32BE ? 3 - i : i] << (8 * i);
            }
            n = 4;
        }
        if (n && is_surrogate(c)) {
            kstr_builder_char(&d->out, c);
            return start + n;
        }
        break;
    }
    case H_XMLCHARREF:
    case H_NAMEREPLACE:
        kerr_set(&kexc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    default:
        break;
    }
    if (!d->obj) {
        d->obj = kbytes_from_data((const char *)d->p, d->len);
        if (!d->obj) {
            return -1;
        }
    }
    KValue exc =
        kcodec_error_new(&kexc_UnicodeDecodeError, d->name, d->obj, start, end, reason);
    if (!exc) {
        return -1;
    }
    if (d->h != H_OTHER) {
        kerr_raise(exc);
        return -1;
    }
    KValue rep;
    ssize_t pos;
    int r = kcodec_call_handler(d->errors, exc, d->len, 0, &rep, &pos);
    kval_decref(exc);
    if (r < 0) {
        return -1;
    }
    kstr_builder_str(&d->out, rep);
    kval_decref(rep);
    return pos;
}

ssize_t kcodec_decode_error(KStrBuilder *out, const char *encoding, const char *errors,
                            const char *data, ssize_t len, KValue *obj, ssize_t start, ssize_t end,
                            const char *reason) {
    // A bytewise codec: surrogatepass has nothing to pass (C_CP1252 is one).
    Decoder d = {C_CP1252, encoding, find_handler(errors), errors, (const unsigned char *)data,
                 len, *obj, *out};
    ssize_t r = decode_error(&d, start, end, reason);
    *out = d.out;
    *obj = d.obj;
    return r;
}

// UTF-8: the length of the valid sequence at 'i' with '*cp' set, or 0 for
// an error with '*start'/'*end'/'*why' set as CPython reports it.
static int utf8_next(const unsigned char *p, ssize_t i, ssize_t n, uint32_t *cp, ssize_t *end,
                     const char **why) {
    unsigned c = p[i];
    ssize_t left = n - i;
    int len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2 || c > 0xF4) {
        *why = "invalid start byte";
        *end = i + 1;
        return 0;
    }
    if (c < 0xE0) {
        len = 2;
    } else if (c < 0xF0) {
        len = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else {
        len = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    }
    // Check the bytes that are there; a valid but cut-off prefix is
    // "unexpected end of data" over the rest of the input.
    for (int k = 1; k < len; k++) {
        if (k >= left) {
            *why = "unexpected end of data";
            *end = n;
            return 0;
        }
        unsigned b = p[i + k];
        unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) {
            *why = "invalid continuation byte";
            *end = i + k;
            return 0;
        }
    }
    uint32_t v = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int k = 1; k < len; k++) {
        v = (v << 6) | (p[i + k] & 0x3F);
    }
    *cp = v;
    return len;
}

static int decode_utf8(Decoder *d, ssize_t i) {
    while (i < d->len) {
        uint32_t c;
        ssize_t end;
        const char *why;
        int k = utf8_next(d->p, i, d->len, &c, &end, &why);
        if (k) {
            kstr_builder_char(&d->out, c);
            i += k;
            continue;
        }
        if ((i = decode_error(d, i, end, why)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int decode_bytewise(Decoder *d) {
    for (ssize_t i = 0; i < d->len;) {
        unsigned c = d->p[i];
        uint32_t v = c;
        const char *why = NULL;
        if (d->codec == C_ASCII && c >= 0x80) {
            why = "ordinal not in range(128)";
        } else if (d->codec == C_CP1252 && c >= 0x80 && c < 0xA0) {
            v = cp1252_high[c - 0x80];
            if (!v) {
                why = "character maps to <undefined>";
            }
        }
        if (!why) {
            kstr_builder_char(&d->out, v);
            i++;
        } else if ((i = decode_error(d, i, i + 1, why)) < 0) {
            return -1;
        }
    }
    return 0;
}

static uint32_t read_unit(const unsigned char *q, int size, int big) {
    uint32_t v = 0;
    for (int k = 0; k < size; k++) {
        v |= (uint32_t)q[big ? size - 1 - k : k] << (8 * k);
    }
    return v;
}

static int decode_utf16(Decoder *d, ssize_t i) {
    int big = d->codec == C_UTF16BE;
    while (i < d->len) {
        const char *why;
        ssize_t start = i, end;
        if (d->len - i < 2) {
            why = "truncated data";
            end = d->len;
        } else {
            uint32_t u = read_unit(d->p + i, 2, big);
            if (!is_surrogate(u)) {
                kstr_builder_char(&d->out, u);
                i += 2;
                continue;
            }
            if (u >= 0xDC00) {
                why = "illegal encoding";
                end = i + 2;
            } else if (d->len - i < 4) {
                why = "unexpected end of data";
                end = d->len;
            } else {
                uint32_t u2 = read_unit(d->p + i + 2, 2, big);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    kstr_builder_char(&d->out, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                    i += 4;
                    continue;
                }
                why = "illegal UTF-16 surrogate";
                end = i + 2;
            }
        }
        if ((i = decode_error(d, start, end, why)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int decode_utf32(Decoder *d, ssize_t i) {
    int big = d->codec == C_UTF32BE;
    while (i < d->len) {
        const char *why;
        ssize_t end = i + 4;
        if (d->len - i < 4) {
            why = "truncated data";
            end = d->len;
        } else {
            uint32_t u = read_unit(d->p + i, 4, big);
            if (u < 0x110000 && !is_surrogate(u)) {
                kstr_builder_char(&d->out, u);
                i += 4;
                continue;
            }
            why = u >= 0x110000 ? "code point not in range(0x110000)"
                                : "code point in surrogate code point range(0xd800, 0xe000)";
        }
        if ((i = decode_error(d, i, end, why)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int hex_value(unsigned c) {
    return c >= '0' && c <= '9'   ? (int)(c - '0')
           : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
           : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10)
                                  : -1;
}

// Reads 'count' hex digits at '*i' into '*out'; 0 on success, else -1
// with '*i' on the first missing or bad digit.
static int read_hex(const Decoder *d, ssize_t *i, int count, uint32_t *out) {
    uint32_t v = 0;
    for (int k = 0; k < count; k++, (*i)++) {
        int h = *i < d->len ? hex_value(d->p[*i]) : -1;
        if (h < 0) {
            return -1;
        }
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return 0;
}

// \N{name}: the character, or -1 with 'i' where the error ends.
static int read_named(const Decoder *d, ssize_t *i, uint32_t *out, const char **why) {
    *why = "malformed \\N character escape";
    if (*i >= d->len || d->p[*i] != '{') {
        return -1;
    }
    ssize_t start = ++*i;
    while (*i < d->len && d->p[*i] != '}') {
        (*i)++;
    }
    if (*i >= d->len || *i == start) {
        return -1;
    }
    unsigned int cp;
    ssize_t n = *i - start;
    (*i)++;
    if (kc_lookup_char_name((const char *)d->p + start, (size_t)n, &cp)) {
        *out = cp;
        return 0;
    }
    *why = "unknown Unicode character name";
    return -1;
}

// One escape after the backslash at 'start' ('*i' on the escape letter):
// 1 and '*out' for a character, 0 for nothing (line continuation), 2 for an
// unknown escape kept as written, -1 with 'why' and '*i' at the error end.
static int read_escape(const Decoder *d, ssize_t *i, uint32_t *out, const char **why) {
    unsigned c = d->p[(*i)++];
    static const char simple[] = "\\\\''\"\"b\bf\ft\tn\nr\rv\va\a";
    for (const char *p = simple; *p; p += 2) {
        if ((unsigned char)p[0] == c) {
            *out = (unsigned char)p[1];
            return 1;
        }
    }
    if (c == '\n') {
        return 0;
    }
    if (c >= '0' && c <= '7') {
        uint32_t v = c - '0';
        for (int k = 0; k < 2 && *i < d->len && d->p[*i] >= '0' && d->p[*i] <= '7'; k++) {
            v = v * 8 + (d->p[(*i)++] - '0');
        }
        *out = v;
        return 1;
    }
    if (c == 'x' || c == 'u' || c == 'U') {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        *why = c == 'x'   ? "truncated \\xXX escape"
               : c == 'u' ? "truncated \\uXXXX escape"
                          : "truncated \\UXXXXXXXX escape";
        if (read_hex(d, i, count, out) < 0) {
            return -1;
        }
        if (*out > 0x10FFFF) {
            *why = "illegal Unicode character";
            return -1;
        }
        return 1;
    }
    if (c == 'N') {
        return read_named(d, i, out, why) < 0 ? -1 : 1;
    }
    *out = c;
    return 2;
}

static int decode_unicode_escape(Decoder *d) {
    for (ssize_t i = 0; i < d->len;) {
        if (d->p[i] != '\\') {
            kstr_builder_char(&d->out, d->p[i++]);
            continue;
        }
        ssize_t start = i++;
        uint32_t c = 0;
        const char *why = "\\ at end of string";
        int r = i < d->len ? read_escape(d, &i, &c, &why) : -1;
        if (r == 2) {
            kstr_builder_char(&d->out, '\\');
        }
        if (r > 0) {
            kstr_builder_char(&d->out, c);
        } else if (r < 0 && (i = decode_error(d, start, i, why)) < 0) {
            return -1;
        }
    }
    return 0;
}

// raw_unicode_escape: only \uXXXX and \UXXXXXXXX after an odd run of
// backslashes are escapes.
static int decode_raw_unicode_escape(Decoder *d) {
    for (ssize_t i = 0; i < d->len;) {
        if (d->p[i] != '\\') {
            kstr_builder_char(&d->out, d->p[i++]);
            continue;
        }
        ssize_t run = 0;
        while (i < d->len && d->p[i] == '\\') {
            run++;
            i++;
        }
        if (!(run & 1) || i >= d->len || (d->p[i] != 'u' && d->p[i] != 'U')) {
            for (ssize_t k = 0; k < run; k++) {
                kstr_builder_char(&d->out, '\\');
            }
            continue;
        }
        for (ssize_t k = 0; k < run - 1; k++) {
            kstr_builder_char(&d->out, '\\');
        }
        ssize_t start = i - 1;
        int count = d->p[i] == 'u' ? 4 : 8;
        const char *why = count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        uint32_t c;
        i++;
        if (read_hex(d, &i, count, &c) == 0) {
            if (c <= 0x10FFFF) {
                kstr_builder_char(&d->out, c);
                continue;
            }
            why = "\\Uxxxxxxxx out of range";
        }
        if ((i = decode_error(d, start, i, why)) < 0) {
            return -1;
        }
    }
    return 0;
}

KValue kcodec_decode(const char *data, ssize_t len, const char *encoding, const char *errors) {
    int codec = find_codec(encoding ? encoding : "utf-8");
    if (codec < 0) {
        kerr_format(&kexc_LookupError, "unknown encoding: %s", encoding);
        return KV_NULL;
    }
    const unsigned char *p = (const unsigned char *)data;
    if (codec <= C_CP1252 && codec != C_UTF8_SIG) {
        ssize_t k = 0;
        while (k < len && p[k] < 0x80) {
            k++;
        }
        if (k == len) {
            KValue s = kstr_new(len, 0x7f);
            if (s && len) {
                memcpy(((KStr *)s)->data, data, (size_t)len);
            }
            return s;
        }
    }
    Decoder d = {(enum Codec)codec, codec_names[codec], find_handler(errors), errors, p, len,
                 KV_NULL, {0}};
    if (d.h == H_OTHER) {
        // A Python handler may change a bytearray being decoded: decode a copy.
        d.obj = kbytes_from_data(data, len);
        if (!d.obj) {
            return KV_NULL;
        }
        d.p = (const unsigned char *)((KBytes *)d.obj)->data;
        p = d.p;
    }
    kstr_builder_init(&d.out);
    ssize_t start = 0;
    int r;
    switch (codec) {
    case C_UTF8_SIG:
        start = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        r = decode_utf8(&d, start);
        break;
    case C_UTF8:
        r = decode_utf8(&d, 0);
        break;
    case C_ASCII:
    case C_LATIN1:
    case C_CP1252:
        r = decode_bytewise(&d);
        break;
    case C_UTF16:
        d.codec = C_UTF16LE;
        if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
            d.codec = C_UTF16BE;
            start = 2;
        } else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
            start = 2;
        }
        d.name = codec_names[d.codec];
        r = decode_utf16(&d, start);
        break;
    case C_UTF16LE:
    case C_UTF16BE:
        r = decode_utf16(&d, 0);
        break;
    case C_UTF32:
        d.codec = C_UTF32LE;
        if (len >= 4 && memcmp(data, "\0\0\xFE\xFF", 4) == 0) {
            d.codec = C_UTF32BE;
            start = 4;
        } else if (len >= 4 && memcmp(data, "\xFF\xFE\0\0", 4) == 0) {
            start = 4;
        }
        d.name = codec_names[d.codec];
        r = decode_utf32(&d, start);
        break;
    case C_UTF32LE:
    case C_UTF32BE:
        r = decode_utf32(&d, 0);
        break;
    case C_UNICODE_ESCAPE:
        r = decode_unicode_escape(&d);
        break;
    default:
        r = decode_raw_unicode_escape(&d);
        break;
    }
    kval_xdecref(d.obj);
    if (r < 0) {
        kstr_builder_discard(&d.out);
        return KV_NULL;
    }
    return kstr_builder_finish(&d.out);
}

// ---------------------------------------------------------------------------
// Entry points taking Python values.

static int str_arg(KValue v, const char *fname, const char *what, const char **out) {
    *out = NULL;
    if (!v) {
        return 0;
    }
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument '%s' must be str, not %T", fname, what, v);
        return -1;
    }
    ssize_t n;
    *out = kstr_utf8(v, &n);
    if (!*out) {
        return -1;
    }
    if (strlen(*out) != (size_t)n) {
        kerr_set(&kexc_ValueError, "embedded null character");
        return -1;
    }
    return 0;
}

KValue kcodec_encode_obj(KValue s, KValue encoding, KValue errors, const char *fname) {
    const char *enc, *err;
    if (str_arg(encoding, fname, "encoding", &enc) < 0 || str_arg(errors, fname, "errors", &err) < 0) {
        return KV_NULL;
    }
    if (enc && find_codec(enc) < 0) {
        return kcodec_registry_encode(s, encoding, err);
    }
    return kcodec_encode(s, enc, err);
}

KValue kcodec_decode_obj(const char *data, ssize_t len, KValue encoding, KValue errors,
                         const char *fname) {
    const char *enc, *err;
    if (str_arg(encoding, fname, "encoding", &enc) < 0 || str_arg(errors, fname, "errors", &err) < 0) {
        return KV_NULL;
    }
    if (enc && find_codec(enc) < 0) {
        return kcodec_registry_decode(data, len, encoding, err);
    }
    return kcodec_decode(data, len, enc, err);
}
