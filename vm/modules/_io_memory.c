// vm/modules/_io_memory.c: the in-memory streams. BytesIO keeps its
// contents in a bytearray, so getbuffer() is a memoryview of it and, while
// such a view lives, the bytearray's export count forbids every change of
// size (BufferError, as CPython). StringIO keeps code points in a UCS-4
// array; newline=None translates '\r\n' and '\r' to '\n' as it is written,
// newline='' only records the kinds seen, '\r' or '\r\n' replace each '\n'.
#include "_io.h"

#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// ---------------------------------------------------------------------------
// BytesIO

typedef struct BytesIO {
    KIO_HEAD;
    KValue buf; // bytearray: the contents; KV_NULL once closed
    ssize_t pos;
} BytesIO;

#define BIO(v) ((BytesIO *)(v))
#define BA(b) ((KByteArray *)(b)->buf)

static int bio_check(BytesIO *b) {
    if (!b->buf) {
        kio_closed_error(NULL);
        return -1;
    }
    return 0;
}

static int bio_exports(BytesIO *b) {
    if (b->buf && BA(b)->exports > 0) {
        kerr_set(&kexc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

// Resizes the contents to 'size' bytes (new bytes zero).
static int bio_resize(BytesIO *b, ssize_t size) {
    KByteArray *a = BA(b);
    // As bytearray's own: 'cap' counts the allocated bytes, the NUL included.
    if (size + 1 > a->cap || !a->data) {
        ssize_t cap = a->cap > 16 ? a->cap : 16;
        while (cap < size + 1) {
            cap *= 2;
        }
        char *d = kmem_realloc(a->data, (size_t)cap);
        if (!d) {
            kerr_no_memory();
            return -1;
        }
        a->data = d;
        a->cap = cap;
    }
    if (size > a->len) {
        memset(a->data + a->len, 0, (size_t)(size - a->len));
    }
    a->len = size;
    a->data[size] = 0;
    return 0;
}

static int bio_write_data(BytesIO *b, const char *data, ssize_t len) {
    if (len == 0) {
        return 0;
    }
    ssize_t end = b->pos + len;
    if (end > BA(b)->len && bio_resize(b, end) < 0) {
        return -1;
    }
    memmove(BA(b)->data + b->pos, data, (size_t)len);
    b->pos = end;
    return 0;
}

static KValue bio_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KValue v = ktype_generic_alloc(type, 0);
    if (v && !(BIO(v)->buf = kbytearray_from_data(NULL, 0))) {
        KVAL_CLEAR(v);
    }
    return v;
}

static int bio_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"initial_bytes", NULL};
    KValue a[1];
    BytesIO *b = BIO(self);
    if (kargs_parse("BytesIO", args, nargs, kwnames, kwlist, 0, 1, a) < 0 || bio_exports(b) < 0) {
        return -1;
    }
    if (!b->buf && !(b->buf = kbytearray_from_data(NULL, 0))) {
        return -1;
    }
    b->pos = 0;
    BA(b)->len = 0;
    if (a[0] && a[0] != KV_NONE) {
        const char *data;
        ssize_t len;
        if (kbytes_need_buffer(a[0], &data, &len) < 0 || bio_write_data(b, data, len) < 0) {
            return -1;
        }
        b->pos = 0;
    }
    return 0;
}

static void bio_dealloc(KObject *o) {
    if (kio_dealloc_finalize(o)) {
        return;
    }
    kgc_untrack(o);
    KVAL_CLEAR(BIO(o)->buf);
    KVAL_CLEAR(BIO(o)->dict);
    kobj_free(o);
}

static int bio_traverse(KObject *o, KVisitFn visit, void *arg) {
    return (BIO(o)->buf && visit(BIO(o)->buf, arg)) || kio_traverse_dict(o, visit, arg);
}

static void bio_clear(KObject *o) {
    KVAL_CLEAR(BIO(o)->dict);
}

static ssize_t bio_remaining(BytesIO *b) {
    return b->pos < BA(b)->len ? BA(b)->len - b->pos : 0;
}

static KValue bio_take(BytesIO *b, ssize_t n) {
    ssize_t have = bio_remaining(b);
    if (n < 0 || n > have) {
        n = have;
    }
    KValue r = kbytes_from_data(BA(b)->data + (have ? b->pos : 0), n);
    if (r) {
        b->pos += n;
    }
    return r;
}

static int size_arg(const KValue *args, size_t nargs, const char *name, ssize_t *n) {
    return kargs_count(name, nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, n) < 0
               ? -1
               : 0;
}

METHOD(bio_read) {
    (void)kw;
    ssize_t n = -1;
    if (size_arg(args, nargs, "read", &n) < 0 || bio_check(BIO(self)) < 0) {
        return KV_NULL;
    }
    return bio_take(BIO(self), n);
}

METHOD(bio_read1) {
    (void)kw;
    ssize_t n = -1;
    if (size_arg(args, nargs, "read1", &n) < 0 || bio_check(BIO(self)) < 0) {
        return KV_NULL;
    }
    return bio_take(BIO(self), n);
}

static ssize_t bio_line_len(BytesIO *b, ssize_t limit) {
    ssize_t have = bio_remaining(b);
    if (have == 0) {
        return 0;
    }
    const char *start = BA(b)->data + b->pos;
    const char *nl = memchr(start, '\n', (size_t)have);
    ssize_t n = nl ? nl - start + 1 : have;
    return limit >= 0 && limit < n ? limit : n;
}

METHOD(bio_readline) {
    (void)kw;
    ssize_t n = -1;
    if (size_arg(args, nargs, "readline", &n) < 0 || bio_check(BIO(self)) < 0) {
        return KV_NULL;
    }
    return bio_take(BIO(self), bio_line_len(BIO(self), n));
}

static KValue bio_iternext(KValue self) {
    if (kval_type(self) != &kio_bytesio_type) {
        KValue line = kobj_call_method(self, KIO_ID(readline), NULL, 0);
        if (line && kobj_len(line) == 0) {
            KVAL_CLEAR(line);
        }
        return line;
    }
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) {
        return KV_NULL;
    }
    ssize_t n = bio_line_len(b, -1);
    return n ? bio_take(b, n) : KV_NULL;
}

METHOD(bio_readlines) {
    (void)kw;
    ssize_t hint = -1;
    BytesIO *b = BIO(self);
    if (size_arg(args, nargs, "readlines", &hint) < 0 || bio_check(b) < 0) {
        return KV_NULL;
    }
    KValue list = klist_new(0);
    ssize_t total = 0, n;
    while (list && (n = bio_line_len(b, -1)) > 0) {
        KValue line = bio_take(b, n);
        if (!line || klist_append(list, line) < 0) {
            kval_xdecref(line);
            KVAL_CLEAR(list);
            break;
        }
        kval_decref(line);
        total += n;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    return list;
}

METHOD(bio_readinto) {
    (void)nargs, (void)kw;
    BytesIO *b = BIO(self);
    char *data;
    ssize_t len;
    if (bio_check(b) < 0 || kio_writable_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    ssize_t n = bio_remaining(b);
    if (n > len) {
        n = len;
    }
    memcpy(data, BA(b)->data + b->pos, (size_t)n);
    b->pos += n;
    return kval_from_int(n);
}

METHOD(bio_write) {
    (void)nargs, (void)kw;
    BytesIO *b = BIO(self);
    const char *data;
    ssize_t len;
    if (bio_check(b) < 0 || bio_exports(b) < 0 || kbytes_need_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    return bio_write_data(b, data, len) < 0 ? KV_NULL : kval_from_int(len);
}

METHOD(bio_seek) {
    (void)kw;
    BytesIO *b = BIO(self);
    if (kargs_count("seek", nargs, 1, 2) < 0 || bio_check(b) < 0) {
        return KV_NULL;
    }
    ssize_t pos = knum_as_ssize(args[0], &kexc_OverflowError);
    if (pos == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    ssize_t whence = 0;
    if (nargs > 1 && (whence = knum_as_ssize(args[1], &kexc_OverflowError)) == -1 &&
        kerr_occurred()) {
        return KV_NULL;
    }
    if (whence < 0 || whence > 2) {
        kerr_format(&kexc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
        return KV_NULL;
    }
    if (whence == 0 && pos < 0) {
        kerr_format(&kexc_ValueError, "negative seek value %zd", pos);
        return KV_NULL;
    }
    if (whence == 1) {
        pos = pos > KV_SMALL_MAX - b->pos ? KV_SMALL_MAX : b->pos + pos;
    } else if (whence == 2) {
        pos = pos > KV_SMALL_MAX - BA(b)->len ? KV_SMALL_MAX : BA(b)->len + pos;
    }
    b->pos = pos < 0 ? 0 : pos;
    return kval_from_int(b->pos);
}

METHOD(bio_tell) {
    (void)args, (void)nargs, (void)kw;
    return bio_check(BIO(self)) < 0 ? KV_NULL : kval_from_int(BIO(self)->pos);
}

METHOD(bio_truncate) {
    (void)kw;
    BytesIO *b = BIO(self);
    if (kargs_count("truncate", nargs, 0, 1) < 0 || bio_check(b) < 0 || bio_exports(b) < 0) {
        return KV_NULL;
    }
    ssize_t size = b->pos;
    if (nargs && args[0] != KV_NONE) {
        size = knum_as_ssize(args[0], &kexc_OverflowError);
        if (size == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (size < 0) {
            kerr_format(&kexc_ValueError, "negative size value %zd", size);
            return KV_NULL;
        }
    }
    if (size < BA(b)->len) {
        BA(b)->len = size;
        BA(b)->data[size] = 0;
    }
    return kval_from_int(size);
}

METHOD(bio_getvalue) {
    (void)args, (void)nargs, (void)kw;
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) {
        return KV_NULL;
    }
    return kbytes_from_data(BA(b)->data, BA(b)->len);
}

METHOD(bio_getbuffer) {
    (void)args, (void)nargs, (void)kw;
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) {
        return KV_NULL;
    }
    return kobj_call1(kval_of(&kmemoryview_type), b->buf);
}

METHOD(bio_true) {
    (void)args, (void)nargs, (void)kw;
    return bio_check(BIO(self)) < 0 ? KV_NULL : KV_TRUE;
}

METHOD(bio_false) {
    (void)args, (void)nargs, (void)kw;
    return bio_check(BIO(self)) < 0 ? KV_NULL : KV_FALSE;
}

METHOD(bio_flush) {
    (void)args, (void)nargs, (void)kw;
    return bio_check(BIO(self)) < 0 ? KV_NULL : KV_NONE;
}

METHOD(bio_close) {
    (void)args, (void)nargs, (void)kw;
    BytesIO *b = BIO(self);
    if (bio_exports(b) < 0) {
        return KV_NULL;
    }
    KVAL_CLEAR(b->buf);
    b->io_flags |= KIO_CLOSED;
    return KV_NONE;
}

static KValue bio_get_closed(KValue self) {
    return kbool_from(BIO(self)->buf == KV_NULL);
}

static const KMethodDef bio_methods[] = {
    {"read", bio_read, KMETH_FAST, NULL},
    {"read1", bio_read1, KMETH_FAST, NULL},
    {"readline", bio_readline, KMETH_FAST, NULL},
    {"readlines", bio_readlines, KMETH_FAST, NULL},
    {"readinto", bio_readinto, KMETH_O, NULL},
    {"write", bio_write, KMETH_O, NULL},
    {"seek", bio_seek, KMETH_FAST, NULL},
    {"tell", bio_tell, KMETH_NOARGS, NULL},
    {"truncate", bio_truncate, KMETH_FAST, NULL},
    {"getvalue", bio_getvalue, KMETH_NOARGS, NULL},
    {"getbuffer", bio_getbuffer, KMETH_NOARGS, NULL},
    {"readable", bio_true, KMETH_NOARGS, NULL},
    {"writable", bio_true, KMETH_NOARGS, NULL},
    {"seekable", bio_true, KMETH_NOARGS, NULL},
    {"isatty", bio_false, KMETH_NOARGS, NULL},
    {"flush", bio_flush, KMETH_NOARGS, NULL},
    {"close", bio_close, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef bio_getsets[] = {
    {"closed", bio_get_closed, NULL, "True if the file is closed."},
    {NULL, NULL, NULL, NULL},
};

KType kio_bytesio_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_io.BytesIO",
    .basicsize = sizeof(BytesIO),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(BytesIO, dict),
    .base = &kio_bufferediobase_type,
    .dealloc = bio_dealloc,
    .traverse = bio_traverse,
    .clear = bio_clear,
    .iternext = bio_iternext,
    .new_ = bio_new,
    .init = bio_init,
    .methods = bio_methods,
    .getsets = bio_getsets,
};

// ---------------------------------------------------------------------------
// StringIO

typedef struct StringIO {
    KIO_HEAD;
    uint32_t *data;
    ssize_t len, cap, pos;
    int ok, closed;
    int universal, translate, seen, pendingcr;
    const char *writenl; // NULL: '\n' kept
    uint32_t readnl[2];  // the line end when not universal ("\n", "\r", "\r\n")
    int readnl_len;
} StringIO;

#define SIO(v) ((StringIO *)(v))

static int sio_check(StringIO *s) {
    if (!s->ok) {
        kerr_set(&kexc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (s->closed) {
        kio_closed_error("I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int sio_reserve(StringIO *s, ssize_t size) {
    if (size <= s->cap) {
        return 0;
    }
    ssize_t cap = s->cap > 0 ? s->cap : 16;
    while (cap < size) {
        cap *= 2;
    }
    uint32_t *d = kmem_realloc(s->data, (size_t)cap * sizeof(uint32_t));
    if (!d) {
        kerr_no_memory();
        return -1;
    }
    s->data = d;
    s->cap = cap;
    return 0;
}

// Writes 'text' (a str) at the position, translating newlines.
static int sio_write_str(StringIO *s, KValue text) {
    KValue t = kval_newref(text);
    if (s->universal) {
        int cr = 0;
        KValue r = kio_translate_newlines(t, &cr, &s->seen, s->translate, 1);
        kval_decref(t);
        if (!r) {
            return -1;
        }
        t = r;
    }
    KStr *k = (KStr *)t;
    ssize_t extra = 0;
    if (s->writenl && s->writenl[1]) {
        for (ssize_t i = 0; i < k->len; i++) {
            extra += kstr_char(k, i) == '\n';
        }
    }
    ssize_t n = k->len + extra;
    if (n == 0) {
        kval_decref(t);
        return 0;
    }
    ssize_t end = s->pos + n;
    if (sio_reserve(s, end) < 0) {
        kval_decref(t);
        return -1;
    }
    if (s->pos > s->len) {
        memset(s->data + s->len, 0, (size_t)(s->pos - s->len) * sizeof(uint32_t));
    }
    ssize_t o = s->pos;
    for (ssize_t i = 0; i < k->len; i++) {
        uint32_t c = kstr_char(k, i);
        if (c == '\n' && s->writenl) {
            s->data[o++] = (unsigned char)s->writenl[0];
            if (s->writenl[1]) {
                s->data[o++] = (unsigned char)s->writenl[1];
            }
        } else {
            s->data[o++] = c;
        }
    }
    kval_decref(t);
    s->pos = end;
    if (end > s->len) {
        s->len = end;
    }
    return 0;
}

static KValue sio_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

static int sio_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"initial_value", "newline", NULL};
    KValue a[2];
    StringIO *s = SIO(self);
    if (kargs_parse("StringIO", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return -1;
    }
    KValue nl = a[1];
    const char *n = "\n";
    if (nl && nl != KV_NONE) {
        if (!kstr_check(nl)) {
            kerr_format(&kexc_TypeError, "newline must be str or None, not %T", nl);
            return -1;
        }
        if (!(n = kstr_utf8(nl, NULL))) {
            return -1;
        }
        if (strcmp(n, "") != 0 && strcmp(n, "\n") != 0 && strcmp(n, "\r") != 0 &&
            strcmp(n, "\r\n") != 0) {
            kerr_format(&kexc_ValueError, "illegal newline value: %R", nl);
            return -1;
        }
    } else if (nl == KV_NONE) {
        n = NULL;
    }
    if (a[0] && a[0] != KV_NONE && !kstr_check(a[0])) {
        kerr_format(&kexc_TypeError, "initial_value must be str or None, not %T", a[0]);
        return -1;
    }
    s->universal = !n || !*n;
    s->translate = !n;
    s->writenl = n && n[0] == '\r' ? (n[1] ? "\r\n" : "\r") : NULL;
    s->readnl_len = 0;
    if (n && *n) {
        s->readnl_len = (int)strlen(n);
        s->readnl[0] = (unsigned char)n[0];
        s->readnl[1] = s->readnl_len > 1 ? (unsigned char)n[1] : 0;
    }
    s->seen = s->pendingcr = 0;
    s->len = s->pos = 0;
    s->closed = 0;
    s->ok = 1;
    if (a[0] && a[0] != KV_NONE && sio_write_str(s, a[0]) < 0) {
        return -1;
    }
    s->pos = 0;
    return 0;
}

static void sio_dealloc(KObject *o) {
    kgc_untrack(o);
    kmem_free(SIO(o)->data);
    KVAL_CLEAR(SIO(o)->dict);
    kobj_free(o);
}

static void sio_clear(KObject *o) {
    KVAL_CLEAR(SIO(o)->dict);
}

static KValue sio_slice(StringIO *s, ssize_t start, ssize_t end) {
    if (end <= start) {
        return kstr_from_cstr("");
    }
    return kstr_from_ucs4(s->data + start, end - start);
}

static KValue sio_take(StringIO *s, ssize_t n) {
    ssize_t have = s->pos < s->len ? s->len - s->pos : 0;
    if (n < 0 || n > have) {
        n = have;
    }
    KValue r = sio_slice(s, s->pos, s->pos + n);
    if (r) {
        s->pos += n;
    }
    return r;
}

METHOD(sio_read) {
    (void)kw;
    ssize_t n = -1;
    if (size_arg(args, nargs, "read", &n) < 0 || sio_check(SIO(self)) < 0) {
        return KV_NULL;
    }
    return sio_take(SIO(self), n);
}

static ssize_t sio_line_len(StringIO *s, ssize_t limit) {
    ssize_t i = s->pos, end = s->len;
    if (limit >= 0 && limit < end - i) {
        end = i + limit;
    }
    for (; i < end; i++) {
        uint32_t c = s->data[i];
        if (s->universal && !s->translate) {
            if (c == '\n') {
                return i + 1 - s->pos;
            }
            if (c == '\r') {
                return (i + 1 < end && s->data[i + 1] == '\n' ? i + 2 : i + 1) - s->pos;
            }
        } else if (s->universal || s->readnl_len == 1) {
            if (c == (s->universal ? '\n' : s->readnl[0])) {
                return i + 1 - s->pos;
            }
        } else if (c == '\r' && i + 1 < end && s->data[i + 1] == '\n') {
            return i + 2 - s->pos;
        }
    }
    return end - s->pos > 0 ? end - s->pos : 0;
}

METHOD(sio_readline) {
    (void)kw;
    ssize_t n = -1;
    StringIO *s = SIO(self);
    if (kargs_count("readline", nargs, 0, 1) < 0 || sio_check(s) < 0) {
        return KV_NULL;
    }
    if (kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0) {
        return KV_NULL;
    }
    return sio_take(s, sio_line_len(s, n));
}

static KValue sio_iternext(KValue self) {
    if (kval_type(self) != &kio_stringio_type) {
        KValue line = kobj_call_method(self, KIO_ID(readline), NULL, 0);
        if (line && !kstr_check(line)) {
            kerr_format(&kexc_OSError, "readline() should have returned a str object, not '%T'", line);
            KVAL_CLEAR(line);
        }
        if (line && kstr_len(line) == 0) {
            KVAL_CLEAR(line);
        }
        return line;
    }
    StringIO *s = SIO(self);
    if (sio_check(s) < 0) {
        return KV_NULL;
    }
    ssize_t n = sio_line_len(s, -1);
    return n ? sio_take(s, n) : KV_NULL;
}

METHOD(sio_write) {
    (void)nargs, (void)kw;
    StringIO *s = SIO(self);
    if (sio_check(s) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "string argument expected, got '%T'", args[0]);
        return KV_NULL;
    }
    ssize_t n = kstr_len(args[0]);
    return sio_write_str(s, args[0]) < 0 ? KV_NULL : kval_from_int(n);
}

METHOD(sio_seek) {
    (void)kw;
    StringIO *s = SIO(self);
    if (kargs_count("seek", nargs, 1, 2) < 0 || sio_check(s) < 0) {
        return KV_NULL;
    }
    ssize_t pos = knum_as_ssize(args[0], &kexc_OverflowError);
    if (pos == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    ssize_t whence = 0;
    if (nargs > 1 && (whence = knum_as_ssize(args[1], &kexc_OverflowError)) == -1 &&
        kerr_occurred()) {
        return KV_NULL;
    }
    if (whence < 0 || whence > 2) {
        kerr_format(&kexc_ValueError, "Invalid whence (%zd, should be 0, 1 or 2)", whence);
        return KV_NULL;
    }
    if (pos < 0 && whence == 0) {
        kerr_format(&kexc_ValueError, "Negative seek position %zd", pos);
        return KV_NULL;
    }
    if (whence != 0 && pos != 0) {
        kerr_set(&kexc_OSError, "Can't do nonzero cur-relative seeks");
        return KV_NULL;
    }
    if (whence == 1) {
        pos = s->pos;
    } else if (whence == 2) {
        pos = s->len;
    }
    s->pos = pos;
    return kval_from_int(pos);
}

METHOD(sio_tell) {
    (void)args, (void)nargs, (void)kw;
    return sio_check(SIO(self)) < 0 ? KV_NULL : kval_from_int(SIO(self)->pos);
}

METHOD(sio_truncate) {
    (void)kw;
    StringIO *s = SIO(self);
    if (kargs_count("truncate", nargs, 0, 1) < 0 || sio_check(s) < 0) {
        return KV_NULL;
    }
    ssize_t size = s->pos;
    if (nargs && args[0] != KV_NONE) {
        size = knum_as_ssize(args[0], &kexc_OverflowError);
        if (size == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (size < 0) {
            kerr_format(&kexc_ValueError, "Negative size value %zd", size);
            return KV_NULL;
        }
    }
    if (size < s->len) {
        s->len = size;
    }
    return kval_from_int(size);
}

METHOD(sio_getvalue) {
    (void)args, (void)nargs, (void)kw;
    StringIO *s = SIO(self);
    return sio_check(s) < 0 ? KV_NULL : sio_slice(s, 0, s->len);
}

METHOD(sio_true) {
    (void)args, (void)nargs, (void)kw;
    return sio_check(SIO(self)) < 0 ? KV_NULL : KV_TRUE;
}

METHOD(sio_close) {
    (void)args, (void)nargs, (void)kw;
    StringIO *s = SIO(self);
    s->closed = 1;
    s->io_flags |= KIO_CLOSED;
    kmem_free(s->data);
    s->data = NULL;
    s->len = s->cap = 0;
    return KV_NONE;
}

static KValue sio_get_closed(KValue self) {
    StringIO *s = SIO(self);
    if (!s->ok) {
        kerr_set(&kexc_ValueError, "I/O operation on uninitialized object");
        return KV_NULL;
    }
    return kbool_from(s->closed);
}

static KValue sio_get_line_buffering(KValue self) {
    return sio_check(SIO(self)) < 0 ? KV_NULL : KV_FALSE;
}

static KValue sio_get_newlines(KValue self) {
    StringIO *s = SIO(self);
    if (sio_check(s) < 0) {
        return KV_NULL;
    }
    return s->universal ? kio_newlines_value(s->seen) : KV_NONE;
}

static const KMethodDef sio_methods[] = {
    {"read", sio_read, KMETH_FAST, NULL},
    {"readline", sio_readline, KMETH_FAST, NULL},
    {"write", sio_write, KMETH_O, NULL},
    {"seek", sio_seek, KMETH_FAST, NULL},
    {"tell", sio_tell, KMETH_NOARGS, NULL},
    {"truncate", sio_truncate, KMETH_FAST, NULL},
    {"getvalue", sio_getvalue, KMETH_NOARGS, NULL},
    {"readable", sio_true, KMETH_NOARGS, NULL},
    {"writable", sio_true, KMETH_NOARGS, NULL},
    {"seekable", sio_true, KMETH_NOARGS, NULL},
    {"close", sio_close, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef sio_getsets[] = {
    {"closed", sio_get_closed, NULL, NULL},
    {"line_buffering", sio_get_line_buffering, NULL, NULL},
    {"newlines", sio_get_newlines, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kio_stringio_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_io.StringIO",
    .basicsize = sizeof(StringIO),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(StringIO, dict),
    .base = &kio_textiobase_type,
    .dealloc = sio_dealloc,
    .traverse = kio_traverse_dict,
    .clear = sio_clear,
    .iternext = sio_iternext,
    .new_ = sio_new,
    .init = sio_init,
    .methods = sio_methods,
    .getsets = sio_getsets,
};
