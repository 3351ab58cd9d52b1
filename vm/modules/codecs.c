// vm/modules/codecs.c: the _codecs module: encode/decode through the
// runtime's codecs (vm/codecs.c) and the error
// handler registry (register_error, lookup_error) with the standard
// handlers as functions that take the UnicodeError, as CPython's; the
// codec search function registry (register, unregister, lookup with its
// cache). The per-codec functions (utf_8_encode...) are codecs_funcs.c's.
#include "../internal.h"

#include <stdio.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define CODECSFN(name)                                                                           \
    static KValue codecs_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)

static KValue codecs_lookup(KValue self, const KValue *args, size_t nargs, KValue kwnames);

// fn(obj) or fn(obj, errors) (errors KV_NULL: absent): the first item of
// the (object, length) pair it must return; 'what' is "encoder" or "decoder".
static KValue call_codec(KValue fn, KValue obj, KValue errors, const char *what) {
    KValue r = errors ? kobj_call2(fn, obj, errors) : kobj_call1(fn, obj);
    if (r && (!ktuple_check(r) || ktuple_len(r) != 2)) {
        kval_decref(r);
        kerr_format(&kexc_TypeError, "%s must return a tuple (object, integer)", what);
        return KV_NULL;
    }
    KValue out = r ? kval_newref(ktuple_items(r)[0]) : KV_NULL;
    kval_xdecref(r);
    return out;
}

// encode/decode through the registry: lookup(encoding)[index](obj, errors)
// with errors "strict" when absent.
static KValue registry_call(KValue obj, KValue encoding, KValue errors, int index,
                            const char *what) {
    KValue info = codecs_lookup(KV_NULL, &encoding, 1, KV_NULL);
    if (!info) {
        return KV_NULL;
    }
    KValue err = errors ? kval_newref(errors) : kstr_from_cstr("strict");
    KValue out = err ? call_codec(ktuple_items(info)[index], obj, err, what) : KV_NULL;
    kval_xdecref(err);
    kval_decref(info);
    return out;
}

// The text codec 'encoding' of the registry: its encoder (index 0) or
// decoder (1), a new reference; LookupError when the codec is not a text
// encoding (its CodecInfo's _is_text_encoding is false), as CPython's str
// methods refuse rot13 and hex.
// The CodecInfo of the text codec 'encoding', a new reference; LookupError
// naming 'use' for a codec that is not a text encoding.
static KValue text_codec_info(KValue encoding, const char *use) {
    KValue info = codecs_lookup(KV_NULL, &encoding, 1, KV_NULL);
    if (!info) {
        return KV_NULL;
    }
    KValue flag = kobj_getattr_cstr(info, "_is_text_encoding");
    int text = 1;
    if (flag) {
        text = kobj_is_true(flag);
        kval_decref(flag);
    } else if (kerr_matches(&kexc_AttributeError)) {
        kerr_clear();
    } else {
        text = -1;
    }
    if (text == 0) {
        kerr_format(&kexc_LookupError,
                    "'%U' is not a text encoding; use %s to handle arbitrary codecs", encoding, use);
    }
    if (text <= 0) {
        kval_decref(info);
        return KV_NULL;
    }
    return info;
}

static KValue text_codec(KValue encoding, int index) {
    KValue info = text_codec_info(encoding, index ? "codecs.decode()" : "codecs.encode()");
    if (!info) {
        return KV_NULL;
    }
    KValue fn = kval_newref(ktuple_items(info)[index]);
    kval_decref(info);
    return fn;
}

KValue kcodec_registry_incremental(KValue encoding, int decoder, KValue errors) {
    KValue info = text_codec_info(encoding, "codecs.open()");
    KValue factory = info ? kobj_getattr_cstr(info, decoder ? "incrementaldecoder"
                                                             : "incrementalencoder")
                          : KV_NULL;
    KValue r = factory ? kobj_call1(factory, errors) : KV_NULL;
    kval_xdecref(factory);
    kval_xdecref(info);
    return r;
}

KValue kcodec_registry_encode(KValue s, KValue encoding, const char *errors) {
    KValue fn = text_codec(encoding, 0);
    KValue err = fn && errors ? kstr_from_cstr(errors) : KV_NULL;
    KValue r = fn && (err || !errors) ? call_codec(fn, s, err, "encoder") : KV_NULL;
    kval_xdecref(err);
    kval_xdecref(fn);
    if (!r || kbytes_check(r)) {
        return r;
    }
    if (kbytearray_check(r)) {
        char text[160];
        snprintf(text, sizeof text,
                 "encoder %.60s returned bytearray instead of bytes; use codecs.encode() to "
                 "encode to arbitrary types",
                 kstr_utf8(encoding, NULL));
        const char *p;
        ssize_t n;
        KValue b = KV_NULL;
        if (kwarnings_warn(&kexc_RuntimeWarning, text, 1) == 0 && kbytes_get_buffer(r, &p, &n)) {
            b = kbytes_from_data(p, n);
        }
        kval_decref(r);
        return b;
    }
    kerr_format(&kexc_TypeError,
                "'%U' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to "
                "arbitrary types",
                encoding, ktype_name(kval_type(r)));
    kval_decref(r);
    return KV_NULL;
}

KValue kcodec_registry_decode(const char *data, ssize_t len, KValue encoding, const char *errors) {
    // The decoder gets a memoryview, as in CPython.
    KValue fn = text_codec(encoding, 1);
    KValue b = fn ? kbytes_from_data(data, len) : KV_NULL;
    KValue view = b ? kobj_call1(kval_of(&kmemoryview_type), b) : KV_NULL;
    KValue err = view && errors ? kstr_from_cstr(errors) : KV_NULL;
    KValue r = view && (err || !errors) ? call_codec(fn, view, err, "decoder") : KV_NULL;
    kval_xdecref(err);
    kval_xdecref(view);
    kval_xdecref(b);
    kval_xdecref(fn);
    if (!r || kstr_check(r)) {
        return r;
    }
    kerr_format(&kexc_TypeError,
                "'%U' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to "
                "arbitrary types",
                encoding, ktype_name(kval_type(r)));
    kval_decref(r);
    return KV_NULL;
}

// The runtime's own codecs first (a str in, a text encoding it knows);
// anything else goes through the codec registry (hex, base64, rot13...).
CODECSFN(encode) {
    (void)self;
    static const char *const kwlist[] = {"obj", "encoding", "errors", NULL};
    KValue a[3];
    if (kargs_parse("encode", args, nargs, kwnames, kwlist, 1, 3, a) < 0) {
        return KV_NULL;
    }
    if (kstr_check(a[0])) {
        KValue r = kcodec_encode_obj(a[0], a[1], a[2], "encode");
        if (r || !a[1] || !kerr_matches(&kexc_LookupError)) {
            return r;
        }
        kerr_clear();
    }
    if (a[1] && !kstr_check(a[1])) {
        kerr_format(&kexc_TypeError, "encode() argument 'encoding' must be str, not %T", a[1]);
        return KV_NULL;
    }
    KValue enc = a[1] ? kval_newref(a[1]) : kstr_from_cstr("utf-8");
    KValue r = enc ? registry_call(a[0], enc, a[2], 0, "encoder") : KV_NULL;
    kval_xdecref(enc);
    return r;
}

CODECSFN(decode) {
    (void)self;
    static const char *const kwlist[] = {"obj", "encoding", "errors", NULL};
    KValue a[3];
    if (kargs_parse("decode", args, nargs, kwnames, kwlist, 1, 3, a) < 0) {
        return KV_NULL;
    }
    const char *p;
    ssize_t n;
    if (kbytes_get_buffer(a[0], &p, &n)) {
        KValue r = kcodec_decode_obj(p, n, a[1], a[2], "decode");
        if (r || !a[1] || !kerr_matches(&kexc_LookupError)) {
            return r;
        }
        kerr_clear();
    }
    if (a[1] && !kstr_check(a[1])) {
        kerr_format(&kexc_TypeError, "decode() argument 'encoding' must be str, not %T", a[1]);
        return KV_NULL;
    }
    KValue enc = a[1] ? kval_newref(a[1]) : kstr_from_cstr("utf-8");
    KValue r = enc ? registry_call(a[0], enc, a[2], 1, "decoder") : KV_NULL;
    kval_xdecref(enc);
    return r;
}

CODECSFN(register_error) {
    (void)self, (void)kwnames;
    if (kargs_count("register_error", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "register_error() argument 1 must be str, not %T", args[0]);
        return KV_NULL;
    }
    if (!kobj_is_callable(args[1])) {
        kerr_set(&kexc_TypeError, "handler must be callable");
        return KV_NULL;
    }
    return kcodec_register_error(args[0], args[1]) < 0 ? KV_NULL : KV_NONE;
}

CODECSFN(lookup_error) {
    (void)self, (void)nargs, (void)kwnames;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "lookup_error() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    return kcodec_lookup_error(args[0]);
}

// The standard handlers as callables: each takes the exception.

static int unicode_error_parts(KValue exc, ssize_t *start, ssize_t *end) {
    if (!kexc_is_instance(exc) || !(ktype_is_subtype(kval_type(exc), &kexc_UnicodeEncodeError) ||
                                    ktype_is_subtype(kval_type(exc), &kexc_UnicodeDecodeError) ||
                                    ktype_is_subtype(kval_type(exc), &kexc_UnicodeTranslateError))) {
        kerr_format(&kexc_TypeError, "don't know how to handle %T in error callback", exc);
        return -1;
    }
    KUnicodeError *e = (KUnicodeError *)exc;
    if (!e->start || !e->end || !e->object) {
        kerr_set(&kexc_TypeError, "attribute not set");
        return -1;
    }
    *start = kint_as_ssize(e->start);
    *end = kint_as_ssize(e->end);
    return kerr_occurred() ? -1 : 0;
}

static KValue result(KValue rep, ssize_t end) {
    if (!rep) {
        return KV_NULL;
    }
    KValue t = ktuple_pack(2, rep, kval_from_int(end));
    kval_decref(rep);
    return t;
}

CODECSFN(strict_errors) {
    (void)self, (void)nargs, (void)kwnames;
    if (kexc_is_instance(args[0])) {
        kerr_raise(kval_newref(args[0]));
    } else {
        kerr_set(&kexc_TypeError, "codec must pass exception instance");
    }
    return KV_NULL;
}

CODECSFN(ignore_errors) {
    (void)self, (void)nargs, (void)kwnames;
    ssize_t start, end;
    if (unicode_error_parts(args[0], &start, &end) < 0) {
        return KV_NULL;
    }
    return result(kstr_from_cstr(""), end);
}

CODECSFN(replace_errors) {
    (void)self, (void)nargs, (void)kwnames;
    ssize_t start, end;
    if (unicode_error_parts(args[0], &start, &end) < 0) {
        return KV_NULL;
    }
    int decode = ktype_is_subtype(kval_type(args[0]), &kexc_UnicodeDecodeError);
    int translate = ktype_is_subtype(kval_type(args[0]), &kexc_UnicodeTranslateError);
    KStrBuilder b;
    kstr_builder_init(&b);
    if (decode) {
        kstr_builder_char(&b, 0xFFFD);
    } else {
        for (ssize_t i = start; i < end; i++) {
            kstr_builder_char(&b, translate ? 0xFFFD : '?');
        }
    }
    return result(kstr_builder_finish(&b), end);
}

// backslashreplace, xmlcharrefreplace and namereplace (KCODEC_ESC_*) over
// the str of an encode error (backslashreplace also over the bytes of a
// decode error).
static KValue escape_errors(KValue exc, int style) {
    ssize_t start, end;
    if (unicode_error_parts(exc, &start, &end) < 0) {
        return KV_NULL;
    }
    KValue obj = ((KUnicodeError *)exc)->object;
    KStrBuilder b;
    kstr_builder_init(&b);
    char esc[KCODEC_ESCAPE_BUF];
    if (ktype_is_subtype(kval_type(exc), &kexc_UnicodeDecodeError)) {
        const char *p;
        ssize_t n;
        if (style != KCODEC_ESC_BACKSLASH || kbytes_need_buffer(obj, &p, &n) < 0) {
            kstr_builder_discard(&b);
            if (style != KCODEC_ESC_BACKSLASH) {
                kerr_format(&kexc_TypeError, "don't know how to handle %T in error callback", exc);
            }
            return KV_NULL;
        }
        for (ssize_t i = start; i < end && i < n; i++) {
            kstr_builder_ascii(&b, esc, (ssize_t)kcodec_escape(esc, (unsigned char)p[i], style));
        }
        return result(kstr_builder_finish(&b), end);
    }
    if (style != KCODEC_ESC_BACKSLASH &&
        !ktype_is_subtype(kval_type(exc), &kexc_UnicodeEncodeError)) {
        kstr_builder_discard(&b);
        kerr_format(&kexc_TypeError, "don't know how to handle %T in error callback", exc);
        return KV_NULL;
    }
    if (!kstr_check(obj)) {
        kstr_builder_discard(&b);
        kerr_set(&kexc_TypeError, "object attribute must be unicode");
        return KV_NULL;
    }
    for (ssize_t i = start < 0 ? 0 : start; i < end && i < kstr_len(obj); i++) {
        kstr_builder_ascii(&b, esc, (ssize_t)kcodec_escape(esc, kstr_char((KStr *)obj, i), style));
    }
    return result(kstr_builder_finish(&b), end);
}

CODECSFN(backslashreplace_errors) {
    (void)self, (void)nargs, (void)kwnames;
    return escape_errors(args[0], KCODEC_ESC_BACKSLASH);
}

CODECSFN(xmlcharrefreplace_errors) {
    (void)self, (void)nargs, (void)kwnames;
    return escape_errors(args[0], KCODEC_ESC_XML);
}

CODECSFN(namereplace_errors) {
    (void)self, (void)nargs, (void)kwnames;
    return escape_errors(args[0], KCODEC_ESC_NAME);
}

// Re-raises the exception a handler cannot handle (as CPython's handlers).
static KValue reraise(KValue exc) {
    kerr_raise(kval_newref(exc));
    return KV_NULL;
}

static int is_decode_error(KValue exc) {
    return ktype_is_subtype(kval_type(exc), &kexc_UnicodeDecodeError);
}

// surrogateescape: U+DC80..U+DCFF encode to the bytes 0x80..0xFF, and up to
// four undecodable non-ASCII bytes decode to them (PEP 383).
static KValue surrogateescape_errors(KValue self, const KValue *args, size_t nargs,
                                     KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue exc = args[0];
    ssize_t start, end;
    if (unicode_error_parts(exc, &start, &end) < 0) {
        return KV_NULL;
    }
    KValue obj = ((KUnicodeError *)exc)->object;
    if (is_decode_error(exc)) {
        const char *p;
        ssize_t n;
        if (!kbytes_get_buffer(obj, &p, &n) || start < 0 || end > n) {
            return reraise(exc);
        }
        KStrBuilder b;
        kstr_builder_init(&b);
        ssize_t k = start;
        while (k < end && k - start < 4 && (unsigned char)p[k] >= 0x80) {
            kstr_builder_char(&b, 0xDC00 + (unsigned char)p[k++]);
        }
        if (k == start) {
            kstr_builder_discard(&b);
            return reraise(exc);
        }
        return result(kstr_builder_finish(&b), k);
    }
    if (!ktype_is_subtype(kval_type(exc), &kexc_UnicodeEncodeError) || !kstr_check(obj) ||
        start < 0 || end > kstr_len(obj) || start > end) {
        return reraise(exc);
    }
    KValue out = kbytes_from_data(NULL, end - start);
    for (ssize_t i = start; out && i < end; i++) {
        uint32_t c = kstr_char((KStr *)obj, i);
        if (c < 0xDC80 || c > 0xDCFF) {
            kval_decref(out);
            return reraise(exc);
        }
        ((KBytes *)out)->data[i - start] = (char)(c - 0xDC00);
    }
    return result(out, end);
}

// surrogatepass's encodings: the size of a code unit in exc.encoding (1 for
// UTF-8, whose surrogates take 3 bytes) and its byte order, or 0.
static int surrogatepass_codec(KValue exc, int *big) {
    KValue encv = ((KUnicodeError *)exc)->encoding;
    const char *enc = encv && kstr_check(encv) ? kstr_utf8(encv, NULL) : NULL;
    char e[16];
    size_t n = 0;
    for (; enc && *enc && n + 1 < sizeof e; enc++) {
        e[n++] = (char)(*enc >= 'A' && *enc <= 'Z' ? *enc + 32 : *enc == '_' ? '-' : *enc);
    }
    e[n] = 0;
    *big = 0;
    if (!enc || *enc || strncmp(e, "utf", 3) != 0) {
        return strcmp(e, "cp-utf8") == 0 ? 1 : 0;
    }
    const char *r = e[3] == '-' ? e + 4 : e + 3;
    int unit = strncmp(r, "8", 2) == 0 ? 1 : strncmp(r, "16", 2) == 0 ? 2
             : strncmp(r, "32", 2) == 0 ? 4 : 0;
    if (unit <= 1) {
        return unit;
    }
    r += 2;
    r += *r == '-';
    *big = strcmp(r, "be") == 0;
    return *r == 0 || strcmp(r, "le") == 0 || *big ? unit : 0;
}

// surrogatepass: lone surrogates encode and decode as if they were code
// points in UTF-8, UTF-16 and UTF-32.
static KValue surrogatepass_errors(KValue self, const KValue *args, size_t nargs,
                                   KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue exc = args[0];
    ssize_t start, end;
    if (unicode_error_parts(exc, &start, &end) < 0) {
        return KV_NULL;
    }
    int big;
    int unit = surrogatepass_codec(exc, &big);
    if (!unit) {
        return reraise(exc);
    }
    int size = unit == 1 ? 3 : unit;
    KValue obj = ((KUnicodeError *)exc)->object;
    if (is_decode_error(exc)) {
        const unsigned char *p;
        ssize_t n;
        if (!kbytes_get_buffer(obj, (const char **)&p, &n) || start < 0 || n - start < size) {
            return reraise(exc);
        }
        p += start;
        uint32_t c = 0;
        if (unit == 1) {
            if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
                c = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            }
        } else {
            for (int i = 0; i < size; i++) {
                c |= (uint32_t)p[big ? size - 1 - i : i] << (8 * i);
            }
        }
        if (c < 0xD800 || c > 0xDFFF) {
            return reraise(exc);
        }
        KStrBuilder b;
        kstr_builder_init(&b);
        kstr_builder_char(&b, c);
        return result(kstr_builder_finish(&b), start + size);
    }
    if (!ktype_is_subtype(kval_type(exc), &kexc_UnicodeEncodeError) || !kstr_check(obj) ||
        start < 0 || end > kstr_len(obj) || start > end) {
        return reraise(exc);
    }
    KValue out = kbytes_from_data(NULL, (end - start) * size);
    for (ssize_t i = start; out && i < end; i++) {
        uint32_t c = kstr_char((KStr *)obj, i);
        if (c < 0xD800 || c > 0xDFFF) {
            kval_decref(out);
            return reraise(exc);
        }
        unsigned char *o = (unsigned char *)((KBytes *)out)->data + (i - start) * size;
        if (unit == 1) {
            o[0] = (unsigned char)(0xE0 | (c >> 12));
            o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            o[2] = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            for (int k = 0; k < size; k++) {
                o[big ? size - 1 - k : k] = (unsigned char)(c >> (8 * k));
            }
        }
    }
    return result(out, end);
}

// Registered under their names without being attributes of _codecs, as in
// CPython.
static const KMethodDef surrogate_handlers[] = {
    {"surrogateescape", surrogateescape_errors, KMETH_O, NULL},
    {"surrogatepass", surrogatepass_errors, KMETH_O, NULL},
};

// The codec search functions of register()/unregister() (the encodings
// package registers its own on import) and lookup()'s cache of what they
// returned, by normalized name. str.encode and bytes.decode find the
// runtime's own codecs by name in vm/codecs.c without them.
static KValue search_functions, codec_cache;

CODECSFN(register) {
    (void)self, (void)nargs, (void)kwnames;
    if (!kobj_is_callable(args[0])) {
        kerr_set(&kexc_TypeError, "argument must be callable");
        return KV_NULL;
    }
    if (!search_functions && !(search_functions = klist_new(0))) {
        return KV_NULL;
    }
    return klist_append(search_functions, args[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

CODECSFN(unregister) {
    (void)self, (void)nargs, (void)kwnames;
    for (ssize_t i = 0; search_functions && i < klist_len(search_functions); i++) {
        if (klist_items(search_functions)[i] == args[0]) {
            KValue rest = klist_new(0);
            for (ssize_t j = 0; rest && j < klist_len(search_functions); j++) {
                if (j != i && klist_append(rest, klist_items(search_functions)[j]) < 0) {
                    KVAL_CLEAR(rest);
                }
            }
            if (!rest) {
                return KV_NULL;
            }
            kval_setref(&search_functions, rest);
            if (codec_cache) {
                kdict_clear(codec_cache); // as CPython: unregister empties the cache
            }
            break;
        }
    }
    return kval_newref(KV_NONE);
}

// The name lookup() searches for: lower case, every run of characters other
// than ASCII letters, digits and '.' one '_' between words (CPython 3.9+).
static KValue normalize_encoding(KValue name) {
    ssize_t n;
    const char *p = kstr_utf8(name, &n);
    if (!p) {
        return KV_NULL;
    }
    char small[64];
    char *out = n < (ssize_t)sizeof small ? small : kmem_alloc((size_t)n + 1);
    if (!out) {
        return kerr_no_memory();
    }
    ssize_t k = 0;
    int punct = 0;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || c == '.') {
            if (punct && k) {
                out[k++] = '_';
            }
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            punct = 0;
        } else {
            punct = 1;
        }
    }
    KValue r = kstr_from_utf8(out, k);
    if (out != small) {
        kmem_free(out);
    }
    return r;
}

CODECSFN(lookup) {
    (void)self, (void)nargs, (void)kwnames;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "lookup() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    KValue key = normalize_encoding(args[0]);
    if (!key) {
        return KV_NULL;
    }
    KValue hit = codec_cache ? kdict_get_borrow(codec_cache, key) : KV_NULL;
    if (hit) {
        kval_decref(key);
        return kval_newref(hit);
    }
    if (!search_functions || klist_len(search_functions) == 0) {
        // As CPython at start-up: the encodings package registers its search.
        KValue enc = kimport_module(kstr_intern_cstr("encodings"), KV_NULL, KV_NULL, 0);
        if (!enc) {
            kval_decref(key);
            return KV_NULL;
        }
        kval_decref(enc);
    }
    if (!search_functions || klist_len(search_functions) == 0) {
        kval_decref(key);
        kerr_set(&kexc_LookupError, "no codec search functions registered: can't find encoding");
        return KV_NULL;
    }
    KValue fns = klist_new(0); // a snapshot: a search function may register another
    for (ssize_t i = 0; fns && i < klist_len(search_functions); i++) {
        if (klist_append(fns, klist_items(search_functions)[i]) < 0) {
            KVAL_CLEAR(fns);
        }
    }
    KValue found = KV_NULL;
    for (ssize_t i = 0; fns && i < klist_len(fns) && !found; i++) {
        KValue r = kobj_call1(klist_items(fns)[i], key);
        if (!r) {
            break;
        }
        if (r == KV_NONE) {
            kval_decref(r);
            continue;
        }
        if (!ktuple_check(r) || ktuple_len(r) != 4) {
            kval_decref(r);
            kerr_set(&kexc_TypeError, "codec search functions must return 4-tuples");
            break;
        }
        found = r;
    }
    kval_xdecref(fns);
    if (found && ((!codec_cache && !(codec_cache = kdict_new())) ||
                  kdict_set(codec_cache, key, found) < 0)) {
        KVAL_CLEAR(found);
    }
    if (!found && !kerr_occurred()) {
        kerr_format(&kexc_LookupError, "unknown encoding: %U", args[0]);
    }
    kval_decref(key);
    return found;
}

CODECSFN(_forget_codec) {
    (void)self, (void)nargs, (void)kwnames;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "_forget_codec() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    KValue key = normalize_encoding(args[0]);
    if (!key) {
        return KV_NULL;
    }
    int r = codec_cache ? kdict_discard(codec_cache, key) : 0;
    kval_decref(key);
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

static const KMethodDef codecs_methods[] = {
    {"lookup", codecs_lookup, KMETH_O, NULL},
    {"_forget_codec", codecs__forget_codec, KMETH_O, NULL},
    {"register", codecs_register, KMETH_O, NULL},
    {"unregister", codecs_unregister, KMETH_O, NULL},
    {"encode", codecs_encode, KMETH_KW, NULL},
    {"decode", codecs_decode, KMETH_KW, NULL},
    {"register_error", codecs_register_error, KMETH_FAST, NULL},
    {"lookup_error", codecs_lookup_error, KMETH_O, NULL},
    {"strict_errors", codecs_strict_errors, KMETH_O, NULL},
    {"ignore_errors", codecs_ignore_errors, KMETH_O, NULL},
    {"replace_errors", codecs_replace_errors, KMETH_O, NULL},
    {"backslashreplace_errors", codecs_backslashreplace_errors, KMETH_O, NULL},
    {"xmlcharrefreplace_errors", codecs_xmlcharrefreplace_errors, KMETH_O, NULL},
    {"namereplace_errors", codecs_namereplace_errors, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_codecs_create(void) {
    KValue m = kmod_new("_codecs");
    if (!m || kmod_add_functions(m, codecs_methods) < 0 ||
        kmod_add_functions(m, kcodecs_codec_functions) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    // The standard handlers are registered under their names, so
    // lookup_error("strict") returns _codecs.strict_errors.
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "namereplace"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char attr[48];
        snprintf(attr, sizeof attr, "%s_errors", names[i]);
        KValue fn = kdict_get_cstr_borrow(kmod_dict_borrow(m), attr);
        KValue key = kstr_from_cstr(names[i]);
        if (!fn || !key || kcodec_register_error(key, fn) < 0) {
            kval_xdecref(key);
            kval_decref(m);
            return KV_NULL;
        }
        kval_decref(key);
    }
    for (size_t i = 0; i < sizeof surrogate_handlers / sizeof surrogate_handlers[0]; i++) {
        KValue fn = kcfunc_new(&surrogate_handlers[i], KV_NULL, KV_NULL);
        KValue key = fn ? kstr_from_cstr(surrogate_handlers[i].name) : KV_NULL;
        int r = key ? kcodec_register_error(key, fn) : -1;
        kval_xdecref(key);
        kval_xdecref(fn);
        if (r < 0) {
            kval_decref(m);
            return KV_NULL;
        }
    }
    return m;
}
