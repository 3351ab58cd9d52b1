// vm/modules/_io.c: the _io module: the abstract bases _IOBase,
// _RawIOBase, _BufferedIOBase and _TextIOBase (whose methods go through
// Python attribute lookups, so Python subclasses can override any part, as
// CPython's), UnsupportedOperation, open() and text_encoding(). The
// concrete classes live in _io_file.c, _io_buffered.c, _io_text.c and
// _io_memory.c; io.py (CPython's own) builds the public module on this one.
#include "_io.h"

#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

KIOIds kio_ids;
KValue kio_unsupported_operation;

// ---------------------------------------------------------------------------
// Helpers shared by the io files.

KValue kio_unsupported(const char *msg) {
    if (kio_ready() < 0) {
        return KV_NULL;
    }
    KValue m = kstr_from_cstr(msg);
    if (m) {
        KValue exc = kobj_call1(kio_unsupported_operation, m);
        if (exc) {
            kerr_raise(exc);
            kval_decref(exc);
        }
        kval_decref(m);
    }
    return KV_NULL;
}

KValue kio_closed_error(const char *msg) {
    kerr_set(&kexc_ValueError, msg ? msg : "I/O operation on closed file.");
    return KV_NULL;
}

int kio_is_closed(KValue obj) {
    KValue c = kobj_getattr(obj, KIO_ID(closed));
    if (!c) {
        return -1;
    }
    int r = kobj_is_true(c);
    kval_decref(c);
    return r;
}

int kio_size_arg(KValue v, ssize_t *out) {
    if (!v || v == KV_NONE) {
        *out = -1;
        return 0;
    }
    if (!kint_check(v) && !ktype_lookup(kval_type(v), KID(__index__))) {
        kerr_format(&kexc_TypeError, "argument should be integer or None, not '%T'", v);
        return -1;
    }
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *out = n;
    return 0;
}

int kio_writable_buffer(KValue v, char **data, ssize_t *len) {
    if (kbytes_get_writable(v, data, len)) {
        return 0;
    }
    kerr_format(&kexc_TypeError, "read-write bytes-like object is required, not '%T'", v);
    return -1;
}

void kio_finalize(KValue self) {
    KIOBase *b = (KIOBase *)self;
    if (b->io_flags & KIO_FINALIZED) {
        return;
    }
    b->io_flags |= KIO_FINALIZED;
    KValue saved = kerr_fetch();
    int closed = kio_is_closed(self);
    if (closed == 0) {
        KValue r = kobj_call_method(self, KID(close), NULL, 0);
        kval_xdecref(r);
    }
    // As CPython outside its dev mode: errors from close() at death are dropped.
    kerr_clear();
    kerr_restore(saved);
}

int kio_dealloc_finalize(KObject *o) {
    if (((KIOBase *)o)->io_flags & KIO_FINALIZED) {
        return 0;
    }
    o->refcnt = 1;
    kio_finalize(kval_of(o));
    return --o->refcnt > 0;
}

int kio_traverse_dict(KObject *o, KVisitFn visit, void *arg) {
    KValue d = ((KIOBase *)o)->dict;
    return d && visit(d, arg);
}

int kiobuf_reserve(KIOBuf *b, ssize_t extra) {
    if (b->len + extra <= b->cap) {
        return 0;
    }
    ssize_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra) {
        cap *= 2;
    }
    char *p = kmem_realloc(b->data, (size_t)cap);
    if (!p) {
        kerr_no_memory();
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

int kiobuf_put(KIOBuf *b, const char *data, ssize_t len) {
    if (len == 0) {
        return 0;
    }
    if (kiobuf_reserve(b, len) < 0) {
        return -1;
    }
    memcpy(b->data + b->len, data, (size_t)len);
    b->len += len;
    return 0;
}

KValue kiobuf_finish(KIOBuf *b) {
    KValue r = kbytes_from_data(b->data ? b->data : "", b->len);
    kiobuf_free(b);
    return r;
}

void kiobuf_free(KIOBuf *b) {
    kmem_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

// ---------------------------------------------------------------------------
// _IOBase

static void iobase_dealloc(KObject *o) {
    if (kio_dealloc_finalize(o)) {
        return;
    }
    kgc_untrack(o);
    KVAL_CLEAR(((KIOBase *)o)->dict);
    kobj_free(o);
}

static void iobase_clear(KObject *o) {
    KVAL_CLEAR(((KIOBase *)o)->dict);
}

static KValue iobase_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static int iobase_is_closed_flag(KValue self) {
    return (((KIOBase *)self)->io_flags & KIO_CLOSED) != 0;
}

// self._checkClosed() through the attribute, as CPython's _PyIOBase_check_closed.
static int check_closed(KValue self) {
    int c = kio_is_closed(self);
    if (c > 0) {
        kio_closed_error(NULL);
        return -1;
    }
    return c;
}

METHOD(iobase_seek) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("seek");
}

METHOD(iobase_tell) {
    (void)args, (void)nargs, (void)kw;
    KValue a[2] = {kval_from_int(0), kval_from_int(1)};
    return kobj_call_method(self, KIO_ID(seek), a, 2);
}

METHOD(iobase_truncate) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("truncate");
}

METHOD(iobase_flush) {
    (void)args, (void)nargs, (void)kw;
    if (iobase_is_closed_flag(self)) {
        return kio_closed_error(NULL);
    }
    return KV_NONE;
}

METHOD(iobase_close) {
    (void)args, (void)nargs, (void)kw;
    return kio_iobase_close(self);
}

KValue kio_iobase_close(KValue self) {
    if (iobase_is_closed_flag(self)) {
        return KV_NONE;
    }
    KValue r = kobj_call_method(self, KID(flush), NULL, 0);
    ((KIOBase *)self)->io_flags |= KIO_CLOSED;
    if (!r) {
        return KV_NULL;
    }
    kval_decref(r);
    return KV_NONE;
}

static KValue iobase_get_closed(KValue self) {
    return kbool_from(iobase_is_closed_flag(self));
}

static KValue iobase_get_dict(KValue self) {
    KValue d = kobj_get_dict_borrow(self);
    return d ? kval_newref(d) : KV_NULL;
}

METHOD(iobase_false) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return KV_FALSE;
}

METHOD(iobase_check_closed) {
    (void)kw;
    int c = kio_is_closed(self);
    if (c < 0) {
        return KV_NULL;
    }
    if (c) {
        if (nargs > 0 && args[0] != KV_NONE) {
            kerr_set_value(&kexc_ValueError, args[0]);
            return KV_NULL;
        }
        return kio_closed_error(NULL);
    }
    return KV_NONE;
}

// self.<what>() must be true, else UnsupportedOperation (or the message given).
static KValue check_ability(KValue self, KValue what, const char *dflt, const KValue *args,
                            size_t nargs) {
    KValue r = kobj_call_method(self, what, NULL, 0);
    if (!r) {
        return KV_NULL;
    }
    if (r != KV_TRUE) {
        kval_decref(r);
        if (nargs > 0 && args[0] != KV_NONE) {
            if (kio_ready() < 0) {
                return KV_NULL;
            }
            KValue exc = kobj_call1(kio_unsupported_operation, args[0]);
            if (exc) {
                kerr_raise(exc);
                kval_decref(exc);
            }
            return KV_NULL;
        }
        return kio_unsupported(dflt);
    }
    return r;
}

METHOD(iobase_check_seekable) {
    (void)kw;
    return check_ability(self, KIO_ID(seekable), "File or stream is not seekable.", args, nargs);
}

METHOD(iobase_check_readable) {
    (void)kw;
    return check_ability(self, KIO_ID(readable), "File or stream is not readable.", args, nargs);
}

METHOD(iobase_check_writable) {
    (void)kw;
    return check_ability(self, KIO_ID(writable), "File or stream is not writable.", args, nargs);
}

METHOD(iobase_fileno) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("fileno");
}

METHOD(iobase_isatty) {
    (void)args, (void)nargs, (void)kw;
    return check_closed(self) < 0 ? KV_NULL : KV_FALSE;
}

METHOD(iobase_enter) {
    (void)args, (void)nargs, (void)kw;
    return check_closed(self) < 0 ? KV_NULL : kval_newref(self);
}

METHOD(iobase_exit) {
    (void)args, (void)nargs, (void)kw;
    return kobj_call_method(self, KID(close), NULL, 0);
}

static KValue iobase_iter(KValue self) {
    return check_closed(self) < 0 ? KV_NULL : kval_newref(self);
}

static KValue iobase_iternext(KValue self) {
    KValue line = kobj_call_method(self, KIO_ID(readline), NULL, 0);
    if (!line) {
        return KV_NULL;
    }
    ssize_t n = kobj_len(line);
    if (n <= 0) {
        kval_decref(line);
        return KV_NULL;
    }
    return line;
}

// A bytes result of a method named 'what', else OSError as CPython's.
static int need_bytes(KValue v, const char *what) {
    if (!kbytes_check(v)) {
        kerr_format(&kexc_OSError, "%s() should have returned a bytes object, not '%T'", what, v);
        return -1;
    }
    return 0;
}

METHOD(iobase_readline) {
    (void)kw;
    ssize_t limit = -1;
    if (kargs_count("readline", nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, &limit) < 0) {
        return KV_NULL;
    }
    KValue peek = KV_NULL;
    if (kobj_lookup_attr(self, KIO_ID(peek), &peek) < 0) {
        return KV_NULL;
    }
    KIOBuf out = {NULL, 0, 0};
    while (limit < 0 || out.len < limit) {
        ssize_t want = 1;
        if (peek) {
            KValue ahead = kobj_call1(peek, kval_from_int(1));
            if (!ahead || need_bytes(ahead, "peek") < 0) {
                kval_xdecref(ahead);
                goto error;
            }
            KBytes *b = (KBytes *)ahead;
            ssize_t n = b->len;
            if (limit >= 0 && n > limit - out.len) {
                n = limit - out.len;
            }
            const char *nl = n > 0 ? memchr(b->data, '\n', (size_t)n) : NULL;
            want = nl ? nl - b->data + 1 : (n > 0 ? n : 1);
            kval_decref(ahead);
        }
        KValue chunk = kobj_call_method(self, KIO_ID(read), (KValue[]){kval_from_int(want)}, 1);
        if (!chunk || need_bytes(chunk, "read") < 0) {
            kval_xdecref(chunk);
            goto error;
        }
        KBytes *c = (KBytes *)chunk;
        if (c->len == 0) {
            kval_decref(chunk);
            break;
        }
        int r = kiobuf_put(&out, c->data, c->len);
        kval_decref(chunk);
        if (r < 0) {
            goto error;
        }
        if (out.data[out.len - 1] == '\n') {
            break;
        }
    }
    kval_xdecref(peek);
    return kiobuf_finish(&out);
error:
    kval_xdecref(peek);
    kiobuf_free(&out);
    return KV_NULL;
}

METHOD(iobase_readlines) {
    (void)kw;
    ssize_t hint = -1;
    if (kargs_count("readlines", nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, &hint) < 0) {
        return KV_NULL;
    }
    KValue list = klist_new(0);
    if (!list) {
        return KV_NULL;
    }
    if (hint <= 0) {
        if (klist_extend(list, self) < 0) {
            KVAL_CLEAR(list);
        }
        return list;
    }
    KValue it = kobj_get_iter(self);
    if (!it) {
        kval_decref(list);
        return KV_NULL;
    }
    ssize_t total = 0;
    KValue line;
    while ((line = kobj_iter_next(it))) {
        ssize_t n = kobj_len(line);
        int r = n < 0 ? -1 : klist_append(list, line);
        kval_decref(line);
        if (r < 0) {
            break;
        }
        if (n > hint - total) {
            break;
        }
        total += n;
    }
    kval_decref(it);
    if (kerr_occurred()) {
        KVAL_CLEAR(list);
    }
    return list;
}

METHOD(iobase_writelines) {
    (void)nargs, (void)kw;
    if (check_closed(self) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        return KV_NULL;
    }
    KValue line;
    while ((line = kobj_iter_next(it))) {
        KValue r = kobj_call_method(self, KID(write), &line, 1);
        kval_decref(line);
        if (!r) {
            break;
        }
        kval_decref(r);
    }
    kval_decref(it);
    return kerr_occurred() ? KV_NULL : KV_NONE;
}

static const KMethodDef iobase_methods[] = {
    {"seek", iobase_seek, KMETH_FAST, NULL},
    {"tell", iobase_tell, KMETH_NOARGS, NULL},
    {"truncate", iobase_truncate, KMETH_FAST, NULL},
    {"flush", iobase_flush, KMETH_NOARGS, NULL},
    {"close", iobase_close, KMETH_NOARGS, NULL},
    {"seekable", iobase_false, KMETH_NOARGS, NULL},
    {"readable", iobase_false, KMETH_NOARGS, NULL},
    {"writable", iobase_false, KMETH_NOARGS, NULL},
    {"_checkClosed", iobase_check_closed, KMETH_FAST, NULL},
    {"_checkSeekable", iobase_check_seekable, KMETH_FAST, NULL},
    {"_checkReadable", iobase_check_readable, KMETH_FAST, NULL},
    {"_checkWritable", iobase_check_writable, KMETH_FAST, NULL},
    {"fileno", iobase_fileno, KMETH_NOARGS, NULL},
    {"isatty", iobase_isatty, KMETH_NOARGS, NULL},
    {"__enter__", iobase_enter, KMETH_NOARGS, NULL},
    {"__exit__", iobase_exit, KMETH_FAST, NULL},
    {"readline", iobase_readline, KMETH_FAST, NULL},
    {"readlines", iobase_readlines, KMETH_FAST, NULL},
    {"writelines", iobase_writelines, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef iobase_getsets[] = {
    {"__dict__", iobase_get_dict, NULL, NULL},
    {"closed", iobase_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

#define KIO_BASE_TYPE(cname, pyname, basep, meths, gets)                                         \
    KType cname = {                                                                              \
        KOBJ_STATIC_HEAD(&ktype_type),                                                           \
        .name = pyname,                                                                          \
        .basicsize = sizeof(KIOBase),                                                            \
        .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,                                            \
        .dictoffset = offsetof(KIOBase, dict),                                                   \
        .base = basep,                                                                           \
        .dealloc = iobase_dealloc,                                                               \
        .traverse = kio_traverse_dict,                                                           \
        .clear = iobase_clear,                                                                   \
        .finalize = kio_finalize,                                                                \
        .new_ = iobase_new,                                                                      \
        .methods = meths,                                                                        \
        .getsets = gets,                                                                         \
    }

KType kio_iobase_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_io._IOBase",
    .basicsize = sizeof(KIOBase),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(KIOBase, dict),
    .dealloc = iobase_dealloc,
    .traverse = kio_traverse_dict,
    .clear = iobase_clear,
    .finalize = kio_finalize,
    .new_ = iobase_new,
    .iter = iobase_iter,
    .iternext = iobase_iternext,
    .methods = iobase_methods,
    .getsets = iobase_getsets,
    .doc = "The abstract base class for all I/O classes.",
};

// ---------------------------------------------------------------------------
// _RawIOBase

METHOD(rawiobase_read) {
    (void)kw;
    ssize_t n = -1;
    if (kargs_count("read", nargs, 0, 1) < 0 || kio_size_arg(nargs ? args[0] : KV_NULL, &n) < 0) {
        return KV_NULL;
    }
    if (n < 0) {
        return kobj_call_method(self, KIO_ID(readall), NULL, 0);
    }
    KValue b = kbytearray_from_data(NULL, n);
    if (!b) {
        return KV_NULL;
    }
    KValue r = kobj_call_method(self, KIO_ID(readinto), &b, 1);
    if (!r || r == KV_NONE) {
        kval_decref(b);
        return r;
    }
    ssize_t got = knum_as_ssize(r, &kexc_OverflowError);
    kval_decref(r);
    if (got == -1 && kerr_occurred()) {
        kval_decref(b);
        return KV_NULL;
    }
    if (got < 0 || got > n) {
        kerr_format(&kexc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
        kval_decref(b);
        return KV_NULL;
    }
    KValue res = kbytes_from_data(((KByteArray *)b)->data, got);
    kval_decref(b);
    return res;
}

METHOD(rawiobase_readall) {
    (void)args, (void)nargs, (void)kw;
    KIOBuf out = {NULL, 0, 0};
    int any = 0;
    for (;;) {
        KValue chunk = kobj_call_method(self, KIO_ID(read),
                                        (KValue[]){kval_from_int(KIO_DEFAULT_BUFFER_SIZE)}, 1);
        if (!chunk) {
            kiobuf_free(&out);
            return KV_NULL;
        }
        if (chunk == KV_NONE) {
            kval_decref(chunk);
            if (!any) {
                kiobuf_free(&out);
                return KV_NONE;
            }
            break;
        }
        if (!kbytes_check(chunk)) {
            kval_decref(chunk);
            kiobuf_free(&out);
            kerr_set(&kexc_TypeError, "read() should return bytes");
            return KV_NULL;
        }
        any = 1;
        KBytes *c = (KBytes *)chunk;
        if (c->len == 0) {
            kval_decref(chunk);
            break;
        }
        int r = kiobuf_put(&out, c->data, c->len);
        kval_decref(chunk);
        if (r < 0) {
            kiobuf_free(&out);
            return KV_NULL;
        }
    }
    return kiobuf_finish(&out);
}

METHOD(not_implemented) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kerr_set_value(&kexc_NotImplementedError, KV_NULL);
    return KV_NULL;
}

static const KMethodDef rawiobase_methods[] = {
    {"read", rawiobase_read, KMETH_FAST, NULL},
    {"readall", rawiobase_readall, KMETH_NOARGS, NULL},
    {"readinto", not_implemented, KMETH_FAST, NULL},
    {"write", not_implemented, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KIO_BASE_TYPE(kio_rawiobase_type, "_io._RawIOBase", &kio_iobase_type, rawiobase_methods, NULL);

// ---------------------------------------------------------------------------
// _BufferedIOBase

METHOD(bufiobase_detach) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("detach");
}

METHOD(bufiobase_read) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("read");
}

METHOD(bufiobase_read1) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("read1");
}

METHOD(bufiobase_write) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("write");
}

static KValue readinto_generic(KValue self, KValue buf, KValue method) {
    char *data;
    ssize_t len;
    if (kio_writable_buffer(buf, &data, &len) < 0) {
        return KV_NULL;
    }
    KValue r = kobj_call_method(self, method, (KValue[]){kval_from_int(len)}, 1);
    if (!r) {
        return KV_NULL;
    }
    if (!kbytes_check(r)) {
        kerr_format(&kexc_TypeError, "read() should return bytes");
        kval_decref(r);
        return KV_NULL;
    }
    ssize_t n = ((KBytes *)r)->len;
    if (n > len) {
        kerr_format(&kexc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                    len, n);
        kval_decref(r);
        return KV_NULL;
    }
    // The buffer may have changed size while read() ran.
    if (kio_writable_buffer(buf, &data, &len) < 0 || len < n) {
        kval_decref(r);
        return KV_NULL;
    }
    memcpy(data, ((KBytes *)r)->data, (size_t)n);
    kval_decref(r);
    return kval_from_int(n);
}

METHOD(bufiobase_readinto) {
    (void)nargs, (void)kw;
    return readinto_generic(self, args[0], KIO_ID(read));
}

METHOD(bufiobase_readinto1) {
    (void)nargs, (void)kw;
    return readinto_generic(self, args[0], KIO_ID(read1));
}

static const KMethodDef bufiobase_methods[] = {
    {"detach", bufiobase_detach, KMETH_NOARGS, NULL},
    {"read", bufiobase_read, KMETH_FAST, NULL},
    {"read1", bufiobase_read1, KMETH_FAST, NULL},
    {"readinto", bufiobase_readinto, KMETH_O, NULL},
    {"readinto1", bufiobase_readinto1, KMETH_O, NULL},
    {"write", bufiobase_write, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KIO_BASE_TYPE(kio_bufferediobase_type, "_io._BufferedIOBase", &kio_iobase_type,
              bufiobase_methods, NULL);

// ---------------------------------------------------------------------------
// _TextIOBase

METHOD(textiobase_readline) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kio_unsupported("readline");
}

static KValue textiobase_none(KValue self) {
    (void)self;
    return KV_NONE;
}

static const KMethodDef textiobase_methods[] = {
    {"detach", bufiobase_detach, KMETH_NOARGS, NULL},
    {"read", bufiobase_read, KMETH_FAST, NULL},
    {"readline", textiobase_readline, KMETH_FAST, NULL},
    {"write", bufiobase_write, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef textiobase_getsets[] = {
    {"encoding", textiobase_none, NULL, "Encoding of the text stream."},
    {"newlines", textiobase_none, NULL, "Line endings translated so far."},
    {"errors", textiobase_none, NULL, "The error setting of the decoder or encoder."},
    {NULL, NULL, NULL, NULL},
};

KIO_BASE_TYPE(kio_textiobase_type, "_io._TextIOBase", &kio_iobase_type, textiobase_methods,
              textiobase_getsets);

// ---------------------------------------------------------------------------
// Readying.

static int ids_ready;

static int init_ids(void) {
    if (ids_ready) {
        return 0;
    }
#define KIO_ID_INIT(n)                                                                           \
    if (!(kio_ids.n = kstr_intern_cstr(#n))) {                                                   \
        return -1;                                                                               \
    }
    KIO_IDS(KIO_ID_INIT)
#undef KIO_ID_INIT
    ids_ready = 1;
    return 0;
}

static int make_unsupported_operation(void) {
    KValue name = kstr_from_cstr("UnsupportedOperation");
    KValue bases = ktuple_pack(2, kval_of(&kexc_OSError), kval_of(&kexc_ValueError));
    KValue dict = kdict_new();
    KValue mod = kstr_from_cstr("io");
    KValue cls = KV_NULL;
    if (name && bases && dict && mod && kdict_set(dict, KID(__module__), mod) == 0) {
        cls = ktype_new_class(&ktype_type, name, bases, dict, KV_NULL);
    }
    kval_xdecref(name);
    kval_xdecref(bases);
    kval_xdecref(dict);
    kval_xdecref(mod);
    if (!cls) {
        return -1;
    }
    kio_unsupported_operation = cls;
    return 0;
}

static int ready_types(KType **types, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (!(types[i]->flags & KTF_READY) && ktype_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// The types sys.stdin/stdout/stderr need, readied at start-up; the others
// (and UnsupportedOperation) wait for open() or import _io: readying a
// type builds its dict of descriptors, most of the start-up cost here.
int kio_ready_std(void) {
    KType *types[] = {&kio_iobase_type, &kio_rawiobase_type, &kio_bufferediobase_type,
                      &kio_textiobase_type, &kio_fileio_type, &kio_reader_type,
                      &kio_writer_type, &kio_textio_type};
    if (init_ids() < 0) {
        return -1;
    }
    return ready_types(types, sizeof types / sizeof types[0]);
}

int kio_ready(void) {
    if (kio_unsupported_operation) {
        return 0;
    }
    KType *types[] = {&kio_bytesio_type, &kio_stringio_type, &kio_random_type,
                      &kio_rwpair_type, &kio_nldecoder_type};
    if (kio_ready_std() < 0 || ready_types(types, sizeof types / sizeof types[0]) < 0) {
        return -1;
    }
    return make_unsupported_operation();
}

// ---------------------------------------------------------------------------
// The module.

KValue kio_open(const KValue *args, size_t nargs, KValue kwnames) {
    return kio_open_impl(args, nargs, kwnames);
}

static KValue io_open(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return kio_open_impl(args, nargs, kwnames);
}

static KValue io_open_code(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", NULL};
    KValue a[1];
    if (kargs_parse("open_code", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(a[0])) {
        kerr_format(&kexc_TypeError, "open_code() argument 'path' must be str, not %T", a[0]);
        return KV_NULL;
    }
    KValue mode = kstr_from_cstr("rb");
    if (!mode) {
        return KV_NULL;
    }
    KValue r = kio_open_impl((KValue[]){a[0], mode}, 2, KV_NULL);
    kval_decref(mode);
    return r;
}

// text_encoding(encoding, stacklevel=2): 'encoding', or "locale" for None.
static KValue io_text_encoding(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"", "", NULL};
    KValue a[2];
    if (kargs_parse("text_encoding", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    if (a[0] != KV_NONE) {
        return kval_newref(a[0]);
    }
    return kstr_from_cstr("locale");
}

static const KMethodDef io_functions[] = {
    {"open", io_open, KMETH_KW, NULL},
    {"open_code", io_open_code, KMETH_KW, NULL},
    {"text_encoding", io_text_encoding, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_io_create(void) {
    if (kio_ready() < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_io");
    if (!m || kmod_add_functions(m, io_functions) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    // io.open is builtins.open, as CPython's.
    KValue bopen = kruntime.builtins ? kdict_get_cstr_borrow(kruntime.builtins, "open") : KV_NULL;
    if ((bopen && kmod_add(m, "open", bopen) < 0) ||
        kmod_add(m, "DEFAULT_BUFFER_SIZE", kval_from_int(KIO_DEFAULT_BUFFER_SIZE)) < 0 ||
        kmod_add(m, "UnsupportedOperation", kio_unsupported_operation) < 0 ||
        kmod_add(m, "BlockingIOError", kval_of(&kexc_BlockingIOError)) < 0 ||
        kmod_add(m, "_IOBase", kval_of(&kio_iobase_type)) < 0 ||
        kmod_add(m, "_RawIOBase", kval_of(&kio_rawiobase_type)) < 0 ||
        kmod_add(m, "_BufferedIOBase", kval_of(&kio_bufferediobase_type)) < 0 ||
        kmod_add(m, "_TextIOBase", kval_of(&kio_textiobase_type)) < 0 ||
        kmod_add(m, "FileIO", kval_of(&kio_fileio_type)) < 0 ||
        kmod_add(m, "BytesIO", kval_of(&kio_bytesio_type)) < 0 ||
        kmod_add(m, "StringIO", kval_of(&kio_stringio_type)) < 0 ||
        kmod_add(m, "BufferedReader", kval_of(&kio_reader_type)) < 0 ||
        kmod_add(m, "BufferedWriter", kval_of(&kio_writer_type)) < 0 ||
        kmod_add(m, "BufferedRandom", kval_of(&kio_random_type)) < 0 ||
        kmod_add(m, "BufferedRWPair", kval_of(&kio_rwpair_type)) < 0 ||
        kmod_add(m, "TextIOWrapper", kval_of(&kio_textio_type)) < 0 ||
        kmod_add(m, "IncrementalNewlineDecoder", kval_of(&kio_nldecoder_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
