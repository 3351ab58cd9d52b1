// vm/modules/_io_decode.c: the decoding half of the text layer:
// universal-newline translation, IncrementalNewlineDecoder, and the
// incremental byte decoder TextIOWrapper reads through (krait's codecs
// decode whole buffers, so an incomplete trailing character -- a UTF-8
// sequence, a UTF-16 unit or surrogate pair, a UTF-32 unit -- is held for
// the next chunk, and a BOM is examined once at the start of the stream).
#include "_io.h"

#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)


// ---------------------------------------------------------------------------
// Newline translation (shared by IncrementalNewlineDecoder and TextIOWrapper).

// Applies the universal-newline step to 'text' (borrowed str): a pending
// '\r' is put back in front, a trailing one held when not 'final', the
// kinds of newline seen recorded in '*seen', and with 'translate' '\r\n' and
// '\r' become '\n'. A new str.
KValue kio_translate_newlines(KValue text, int *pendingcr, int *seen, int translate, int final) {
    KValue s = kval_newref(text);
    if (*pendingcr && (final || kstr_len(s) > 0)) {
        KValue cr = kstr_from_cstr("\r");
        KValue joined = cr ? kstr_concat(cr, s) : KV_NULL;
        kval_xdecref(cr);
        kval_decref(s);
        if (!joined) {
            return KV_NULL;
        }
        s = joined;
        *pendingcr = 0;
    }
    ssize_t len = kstr_len(s);
    if (!final && len > 0 && kstr_char((KStr *)s, len - 1) == '\r') {
        KValue cut = kstr_substr(s, 0, len - 1);
        kval_decref(s);
        if (!cut) {
            return KV_NULL;
        }
        s = cut;
        len--;
        *pendingcr = 1;
    }
    KStr *k = (KStr *)s;
    int has_cr = k->kind == 1 ? memchr(k->data, '\r', (size_t)len) != NULL : 1;
    if (!has_cr) {
        if (!(*seen & KIO_SEEN_LF) && memchr(k->data, '\n', (size_t)len)) {
            *seen |= KIO_SEEN_LF;
        }
        return s;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    int changed = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = kstr_char(k, i);
        if (c == '\r') {
            if (i + 1 < len && kstr_char(k, i + 1) == '\n') {
                *seen |= KIO_SEEN_CRLF;
                kstr_builder_char(&b, translate ? '\n' : '\r');
                if (!translate) {
                    kstr_builder_char(&b, '\n');
                }
                changed |= translate;
                i++;
                continue;
            } else {
                *seen |= KIO_SEEN_CR;
                if (translate) {
                    kstr_builder_char(&b, '\n');
                    changed = 1;
                    continue;
                }
            }
        } else if (c == '\n') {
            *seen |= KIO_SEEN_LF;
        }
        kstr_builder_char(&b, c);
    }
    if (!changed) {
        kstr_builder_discard(&b);
        return s;
    }
    kval_decref(s);
    return kstr_builder_finish(&b);
}

KValue kio_newlines_value(int seen) {
    static const char *const one[] = {NULL, "\r", "\n", NULL, "\r\n"};
    switch (seen) {
    case 0:
        return KV_NONE;
    case KIO_SEEN_CR:
    case KIO_SEEN_LF:
    case KIO_SEEN_CRLF:
        return kstr_from_cstr(one[seen]);
    default: {
        KValue items[3];
        int n = 0;
        const char *names[3] = {"\r", "\n", "\r\n"};
        int bits[3] = {KIO_SEEN_CR, KIO_SEEN_LF, KIO_SEEN_CRLF};
        for (int i = 0; i < 3; i++) {
            if (seen & bits[i]) {
                items[n] = kstr_from_cstr(names[i]);
                if (!items[n]) {
                    while (n > 0) {
                        kval_decref(items[--n]);
                    }
                    return KV_NULL;
                }
                n++;
            }
        }
        KValue t = ktuple_new(n);
        for (int i = 0; i < n; i++) {
            if (t) {
                ktuple_items(t)[i] = items[i];
            } else {
                kval_decref(items[i]);
            }
        }
        return t;
    }
    }
}

// ---------------------------------------------------------------------------
// IncrementalNewlineDecoder

typedef struct NLDecoder {
    KOBJ_HEAD;
    KValue decoder; // KV_NULL: None
    KValue errors;
    int translate, pendingcr, seen, ok;
} NLDecoder;

#define NLD(v) ((NLDecoder *)(v))

static int nld_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"decoder", "translate", "errors", NULL};
    KValue a[3];
    if (kargs_parse("IncrementalNewlineDecoder", args, nargs, kwnames, kwlist, 2, 3, a) < 0) {
        return -1;
    }
    int t = kobj_is_true(a[1]);
    if (t < 0) {
        return -1;
    }
    NLDecoder *d = NLD(self);
    kval_setref(&d->decoder, a[0] == KV_NONE ? KV_NULL : kval_newref(a[0]));
    kval_setref(&d->errors, a[2] ? kval_newref(a[2]) : kstr_from_cstr("strict"));
    d->translate = t;
    d->pendingcr = d->seen = 0;
    d->ok = d->errors != KV_NULL;
    return d->ok ? 0 : -1;
}

static int nld_check(NLDecoder *d) {
    if (!d->ok) {
        kerr_set(&kexc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return -1;
    }
    return 0;
}

METHOD(nld_decode) {
    static const char *const kwlist[] = {"input", "final", NULL};
    KValue a[2];
    NLDecoder *d = NLD(self);
    if (kargs_parse("decode", args, nargs, kw, kwlist, 1, 2, a) < 0 || nld_check(d) < 0) {
        return KV_NULL;
    }
    int final = a[1] ? kobj_is_true(a[1]) : 0;
    if (final < 0) {
        return KV_NULL;
    }
    KValue out;
    if (d->decoder) {
        KValue dargs[2] = {a[0], kbool_from(final)};
        KValue names = ktuple_pack(1, kstr_intern_cstr("final"));
        if (!names) {
            return KV_NULL;
        }
        kval_decref(ktuple_items(names)[0]);
        KValue m = kobj_getattr(d->decoder, KIO_ID(decode));
        out = m ? kobj_call(m, dargs, 1, names) : KV_NULL;
        kval_xdecref(m);
        kval_decref(names);
    } else {
        out = kval_newref(a[0]);
    }
    if (!out) {
        return KV_NULL;
    }
    if (!kstr_check(out)) {
        kerr_format(&kexc_TypeError, "decoder should return a string result, not '%T'", out);
        kval_decref(out);
        return KV_NULL;
    }
    KValue r = kio_translate_newlines(out, &d->pendingcr, &d->seen, d->translate, final);
    kval_decref(out);
    return r;
}

METHOD(nld_getstate) {
    (void)args, (void)nargs, (void)kw;
    NLDecoder *d = NLD(self);
    if (nld_check(d) < 0) {
        return KV_NULL;
    }
    KValue buf;
    int64_t flag = 0;
    if (d->decoder) {
        KValue st = kobj_call_method(d->decoder, KIO_ID(getstate), NULL, 0);
        if (!st) {
            return KV_NULL;
        }
        if (!ktuple_check(st) || ktuple_len(st) != 2) {
            kerr_set(&kexc_TypeError, "illegal decoder state");
            kval_decref(st);
            return KV_NULL;
        }
        buf = kval_newref(ktuple_items(st)[0]);
        flag = knum_as_ssize(ktuple_items(st)[1], &kexc_OverflowError);
        kval_decref(st);
        if (flag == -1 && kerr_occurred()) {
            kval_decref(buf);
            return KV_NULL;
        }
        flag <<= 1;
    } else {
        buf = kbytes_from_data("", 0);
        if (!buf) {
            return KV_NULL;
        }
    }
    if (d->pendingcr) {
        flag |= 1;
    }
    KValue fl = kint_from_i64(flag);
    KValue r = fl ? ktuple_pack(2, buf, fl) : KV_NULL;
    kval_xdecref(fl);
    kval_decref(buf);
    return r;
}

METHOD(nld_setstate) {
    (void)nargs, (void)kw;
    NLDecoder *d = NLD(self);
    if (nld_check(d) < 0) {
        return KV_NULL;
    }
    KValue st = args[0];
    if (!ktuple_check(st) || ktuple_len(st) != 2) {
        kerr_set(&kexc_TypeError, "state argument must be a tuple");
        return KV_NULL;
    }
    ssize_t flag = knum_as_ssize(ktuple_items(st)[1], &kexc_OverflowError);
    if (flag == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    d->pendingcr = (int)(flag & 1);
    if (d->decoder) {
        KValue f = kval_from_int(flag >> 1);
        KValue inner = ktuple_pack(2, ktuple_items(st)[0], f);
        if (!inner) {
            return KV_NULL;
        }
        KValue r = kobj_call_method(d->decoder, KIO_ID(setstate), &inner, 1);
        kval_decref(inner);
        return r;
    }
    return KV_NONE;
}

METHOD(nld_reset) {
    (void)args, (void)nargs, (void)kw;
    NLDecoder *d = NLD(self);
    if (nld_check(d) < 0) {
        return KV_NULL;
    }
    d->seen = 0;
    d->pendingcr = 0;
    if (d->decoder) {
        return kobj_call_method(d->decoder, KIO_ID(reset), NULL, 0);
    }
    return KV_NONE;
}

static KValue nld_get_newlines(KValue self) {
    if (nld_check(NLD(self)) < 0) {
        return KV_NULL;
    }
    return kio_newlines_value(NLD(self)->seen);
}

static void nld_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(NLD(o)->decoder);
    KVAL_CLEAR(NLD(o)->errors);
    kobj_free(o);
}

static int nld_traverse(KObject *o, KVisitFn visit, void *arg) {
    NLDecoder *d = (NLDecoder *)o;
    return (d->decoder && visit(d->decoder, arg)) || (d->errors && visit(d->errors, arg));
}

static void nld_clear(KObject *o) {
    KVAL_CLEAR(NLD(o)->decoder);
}

static KValue nld_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

static const KMethodDef nld_methods[] = {
    {"decode", nld_decode, KMETH_KW, NULL},
    {"getstate", nld_getstate, KMETH_NOARGS, NULL},
    {"setstate", nld_setstate, KMETH_O, NULL},
    {"reset", nld_reset, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef nld_getsets[] = {
    {"newlines", nld_get_newlines, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kio_nldecoder_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_io.IncrementalNewlineDecoder",
    .basicsize = sizeof(NLDecoder),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = nld_dealloc,
    .traverse = nld_traverse,
    .clear = nld_clear,
    .new_ = nld_new,
    .init = nld_init,
    .methods = nld_methods,
    .getsets = nld_getsets,
};

// ---------------------------------------------------------------------------
// The incremental byte decoder behind TextIOWrapper.


int kio_codec_kind(const char *canonical) {
    static const struct {
        const char *name;
        int kind;
    } kinds[] = {{"utf-8", KIO_CK_UTF8},         {"utf-8-sig", KIO_CK_UTF8SIG}, {"utf-16", KIO_CK_UTF16},
                 {"utf-16-le", KIO_CK_UTF16LE},  {"utf-16-be", KIO_CK_UTF16BE}, {"utf-32", KIO_CK_UTF32},
                 {"utf-32-le", KIO_CK_UTF32LE},  {"utf-32-be", KIO_CK_UTF32BE}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(canonical, kinds[i].name) == 0) {
            return kinds[i].kind;
        }
    }
    return KIO_CK_STATELESS;
}

const char *kio_kind_codec(int kind, const char *fallback) {
    switch (kind) {
    case KIO_CK_UTF8:
    case KIO_CK_UTF8SIG:
        return "utf-8";
    case KIO_CK_UTF16LE:
        return "utf-16-le";
    case KIO_CK_UTF16BE:
        return "utf-16-be";
    case KIO_CK_UTF32LE:
        return "utf-32-le";
    case KIO_CK_UTF32BE:
        return "utf-32-be";
    default:
        return fallback;
    }
}

// How many trailing bytes of 'p' ('n' bytes) form an incomplete character.
static ssize_t incomplete_tail(int kind, const unsigned char *p, ssize_t n) {
    switch (kind) {
    case KIO_CK_UTF8: {
        ssize_t i = n - 1, back = 0;
        while (i >= 0 && back < 3 && (p[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return 0;
        }
        unsigned c = p[i];
        ssize_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
        return n - i < need ? n - i : 0;
    }
    case KIO_CK_UTF16LE:
    case KIO_CK_UTF16BE: {
        ssize_t odd = n % 2, m = n - odd;
        if (m >= 2) {
            unsigned hi = kind == KIO_CK_UTF16LE ? p[m - 1] : p[m - 2];
            if (hi >= 0xD8 && hi <= 0xDB) {
                return odd + 2;
            }
        }
        return odd;
    }
    case KIO_CK_UTF32LE:
    case KIO_CK_UTF32BE:
        return n % 4;
    default:
        return 0;
    }
}

// Examines the BOM at the start of the stream; 'data'/'len' advance past
// it. 0 when more bytes are needed first, 1 when done.
static int read_bom(KIOByteDec *d, const unsigned char **data, ssize_t *len, int final) {
    const unsigned char *p = *data;
    ssize_t n = *len;
    if (d->kind == KIO_CK_UTF8SIG) {
        static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
        ssize_t m = n < 3 ? n : 3;
        if (memcmp(p, bom, (size_t)m) == 0 && n < 3 && !final) {
            return 0;
        }
        if (n >= 3 && memcmp(p, bom, 3) == 0) {
            *data += 3;
            *len -= 3;
        }
        d->kind = KIO_CK_UTF8;
    } else if (d->kind == KIO_CK_UTF16) {
        if (n < 2 && !final) {
            return 0;
        }
        d->kind = KIO_CK_UTF16LE;
        if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
            d->kind = KIO_CK_UTF16BE;
            *data += 2;
            *len -= 2;
        } else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
            *data += 2;
            *len -= 2;
        }
    } else if (d->kind == KIO_CK_UTF32) {
        if (n < 4 && !final) {
            return 0;
        }
        d->kind = KIO_CK_UTF32LE;
        if (n >= 4 && memcmp(p, "\0\0\xFE\xFF", 4) == 0) {
            d->kind = KIO_CK_UTF32BE;
            *data += 4;
            *len -= 4;
        } else if (n >= 4 && memcmp(p, "\xFF\xFE\0\0", 4) == 0) {
            *data += 4;
            *len -= 4;
        }
    }
    d->bom_done = 1;
    return 1;
}

// Decodes 'len' more bytes; a new str. 'codec' is the canonical name.
KValue kio_bytedec_decode(KIOByteDec *d, const char *codec, const char *errors, const char *data,
                             ssize_t len, int final) {
    KIOBuf all = {NULL, 0, 0};
    const unsigned char *p = (const unsigned char *)data;
    ssize_t n = len;
    if (d->npend > 0) {
        if (kiobuf_put(&all, d->pend, d->npend) < 0 || kiobuf_put(&all, data, len) < 0) {
            kiobuf_free(&all);
            return KV_NULL;
        }
        p = (const unsigned char *)all.data;
        n = all.len;
        d->npend = 0;
    }
    if (!d->bom_done && !read_bom(d, &p, &n, final)) {
        memcpy(d->pend, p, (size_t)n);
        d->npend = (int)n;
        kiobuf_free(&all);
        return kstr_from_cstr("");
    }
    d->bom_done = 1;
    ssize_t tail = final ? 0 : incomplete_tail(d->kind, p, n);
    if (tail > 0) {
        memcpy(d->pend, p + n - tail, (size_t)tail);
        d->npend = (int)tail;
    }
    KValue r = kcodec_decode((const char *)p, n - tail, kio_kind_codec(d->kind, codec), errors);
    kiobuf_free(&all);
    return r;
}


// ---------------------------------------------------------------------------
// Codecs of the registry.

int kio_pycodec_open(KIOPyCodec *c, KValue encoding, KValue errors) {
    KValue dec = kcodec_registry_incremental(encoding, 1, errors);
    KValue enc = dec ? kcodec_registry_incremental(encoding, 0, errors) : KV_NULL;
    if (!enc) {
        kval_xdecref(dec);
        return -1;
    }
    kio_pycodec_close(c);
    c->dec = dec;
    c->enc = enc;
    return 0;
}

void kio_pycodec_close(KIOPyCodec *c) {
    KVAL_CLEAR(c->dec);
    KVAL_CLEAR(c->enc);
}

KValue kio_pycodec_decode(KIOPyCodec *c, const char *data, ssize_t len, int final) {
    KValue b = kbytes_from_data(data, len);
    if (!b) {
        return KV_NULL;
    }
    KValue a[2] = {b, kbool_from(final)};
    KValue s = kobj_call_method(c->dec, kstr_intern_cstr("decode"), a, 2);
    kval_decref(b);
    if (s && !kstr_check(s)) {
        kerr_format(&kexc_TypeError, "decoder should return a string result, not '%s'",
                    ktype_name(kval_type(s)));
        KVAL_CLEAR(s);
    }
    return s;
}

KValue kio_pycodec_encode(KIOPyCodec *c, KValue text) {
    KValue b = kobj_call_method(c->enc, kstr_intern_cstr("encode"), &text, 1);
    if (b && !kbytes_check(b)) {
        kerr_format(&kexc_TypeError, "encoder should return a bytes object, not '%s'",
                    ktype_name(kval_type(b)));
        KVAL_CLEAR(b);
    }
    return b;
}

int kio_pycodec_getstate(KIOPyCodec *c, KValue *pending, int64_t *flags) {
    KValue st = kobj_call_method(c->dec, kstr_intern_cstr("getstate"), NULL, 0);
    if (!st) {
        return -1;
    }
    if (!ktuple_check(st) || ktuple_len(st) != 2 || !kbytes_check(ktuple_items(st)[0]) ||
        !kint_check(ktuple_items(st)[1])) {
        kval_decref(st);
        kerr_set(&kexc_TypeError, "illegal decoder state");
        return -1;
    }
    int ov = 0;
    *flags = kint_as_i64_overflow(ktuple_items(st)[1], &ov);
    *pending = kval_newref(ktuple_items(st)[0]);
    kval_decref(st);
    if (ov) {
        KVAL_CLEAR(*pending);
        kerr_set(&kexc_OverflowError, "decoder state flags out of range");
        return -1;
    }
    return 0;
}

int kio_pycodec_setstate(KIOPyCodec *c, KValue pending, int64_t flags) {
    KValue r;
    if (flags < 0) {
        r = kobj_call_method(c->dec, kstr_intern_cstr("reset"), NULL, 0);
    } else {
        KValue bytes = pending ? kval_newref(pending) : kbytes_from_data("", 0);
        KValue f = bytes ? kint_from_i64(flags) : KV_NULL;
        KValue st = f ? ktuple_pack(2, bytes, f) : KV_NULL;
        r = st ? kobj_call_method(c->dec, kstr_intern_cstr("setstate"), &st, 1) : KV_NULL;
        kval_xdecref(bytes);
        kval_xdecref(f);
        kval_xdecref(st);
    }
    kval_xdecref(r);
    return r ? 0 : -1;
}
