// vm/bytes.c: bytes (immutable, data inline) and bytearray (growable):
// construction, repr, hashing, comparison, indexing and slicing,
// concatenation, decode, and the most used methods.
#include "bytes.h"
#include "internal.h"

#include "codecs.h"

#include <string.h>
#include <xxhash.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "search.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static KValue bytes_alloc(KType *type, ssize_t len) {
    size_t base = type == &kbytes_type ? sizeof(KBytes) : (size_t)type->basicsize;
    size_t extra = type->dictoffset < 0 ? sizeof(KValue) + 8 : 0;
    KBytes *b = (KBytes *)kobj_alloc(type, base + (size_t)len + 1 + extra);
    if (!b) {
        return kerr_no_memory();
    }
    b->len = len;
    b->hash = -1;
    return kval_of(b);
}

KValue kbytes_from_data(const char *data, ssize_t len) {
    KValue b = bytes_alloc(&kbytes_type, len);
    if (b && len && data) {
        memcpy(((KBytes *)b)->data, data, (size_t)len);
    }
    return b;
}

const char *kbytes_data(KValue b, ssize_t *len) {
    if (kval_type(b) == &kbytearray_type || ktype_is_subtype(kval_type(b), &kbytearray_type)) {
        KByteArray *a = (KByteArray *)b;
        *len = a->len;
        return a->data ? a->data : "";
    }
    *len = ((KBytes *)b)->len;
    return ((KBytes *)b)->data;
}

KValue kbytes_repr_data(const char *data, ssize_t len, const char *prefix) {
    int has_single = memchr(data, '\'', (size_t)len) != NULL;
    int has_double = memchr(data, '"', (size_t)len) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_cstr(&b, prefix);
    kstr_builder_char(&b, (uint32_t)quote);
    for (ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        // bytearray's repr escapes a single quote even inside double quotes.
        if (c == (unsigned char)quote || c == '\\' || (c == '\'' && strcmp(prefix, "b") != 0)) {
            kstr_builder_char(&b, '\\');
            kstr_builder_char(&b, c);
        } else if (c == '\t') {
            kstr_builder_ascii(&b, "\\t", 2);
        } else if (c == '\n') {
            kstr_builder_ascii(&b, "\\n", 2);
        } else if (c == '\r') {
            kstr_builder_ascii(&b, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7f) {
            kstr_builder_printf(&b, "\\x%02x", c);
        } else {
            kstr_builder_char(&b, c);
        }
    }
    kstr_builder_char(&b, (uint32_t)quote);
    // Any prefix but "b" opens a call: bytearray(b'..') or a subclass's name.
    if (strcmp(prefix, "b") != 0) {
        kstr_builder_char(&b, ')');
    }
    return kstr_builder_finish(&b);
}

KValue kbytes_new_like(KValue like, const char *data, ssize_t len) {
    return kbytearray_check(like) ? kbytearray_from_data(data, len) : kbytes_from_data(data, len);
}

int kbytes_get_buffer(KValue v, const char **data, ssize_t *len) {
    if (kval_is_int(v)) {
        return 0;
    }
    if (kbytes_check(v) || kbytearray_check(v)) {
        *data = kbytes_data(v, len);
        return 1;
    }
    if (kmemoryview_check(v)) {
        return kmemoryview_contiguous(v, data, len);
    }
    KBuffer view;
    if (!kbuffer_borrow(v, &view)) {
        return 0;
    }
    *data = view.buf;
    *len = view.len;
    return 1;
}

int kbuffer_acquire(KValue v) {
    KBuffer unused;
    return kval_type(v)->buffer->get(v, &unused);
}

void kbuffer_release(KValue v) {
    const KBufferSlots *s = kval_type(v)->buffer;
    if (s->release) {
        s->release(v);
    }
}

int kbuffer_borrow(KValue v, KBuffer *view) {
    const KBufferSlots *s = kval_is_int(v) ? NULL : kval_type(v)->buffer;
    if (!s || s->get(v, view) < 0) {
        kerr_clear();
        return 0;
    }
    if (s->release) {
        s->release(v);
    }
    return 1;
}

int kbytes_need_buffer(KValue v, const char **data, ssize_t *len) {
    if (kbytes_get_buffer(v, data, len)) {
        return 0;
    }
    kerr_format(&kexc_TypeError, "a bytes-like object is required, not '%s'",
                ktype_name(kval_type(v)));
    return -1;
}

int kbytes_get_writable(KValue v, char **data, ssize_t *len) {
    if (kval_is_int(v)) {
        return 0;
    }
    if (kbytearray_check(v)) {
        *data = ((KByteArray *)v)->data;
        *len = ((KByteArray *)v)->len;
        return 1;
    }
    if (kmemoryview_check(v)) {
        return kmemoryview_writable(v, data, len);
    }
    KBuffer view;
    if (!kbuffer_borrow(v, &view) || view.readonly) {
        return 0;
    }
    *data = view.buf;
    *len = view.len;
    return 1;
}

static int bytes_like(KValue v) {
    const char *p;
    ssize_t n;
    return kbytes_get_buffer(v, &p, &n);
}

// bytes from an iterable of ints in range(256).
static KValue bytes_from_iterable(KValue x, const char *tname) {
    KValue it = kobj_get_iter(x);
    if (!it) {
        if (kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "cannot convert '%s' object to %s",
                        ktype_name(kval_type(x)), tname);
        }
        return KV_NULL;
    }
    char *buf = NULL;
    ssize_t len = 0, cap = 0;
    KValue item;
    while ((item = kobj_iter_next(it))) {
        ssize_t v = knum_as_ssize(item, NULL);
        kval_decref(item);
        if (v == -1 && kerr_occurred()) {
            goto error;
        }
        if (v < 0 || v > 255) {
            kerr_set(&kexc_ValueError, tname[4] == 'a' ? "byte must be in range(0, 256)"
                                                       : "bytes must be in range(0, 256)");
            goto error;
        }
        if (len == cap) {
            cap = cap ? cap * 2 : 16;
            char *nb = kmem_realloc(buf, (size_t)cap);
            if (!nb) {
                kerr_no_memory();
                goto error;
            }
            buf = nb;
        }
        buf[len++] = (char)v;
    }
    if (kerr_occurred()) {
        goto error;
    }
    kval_decref(it);
    KValue r = kbytes_from_data(buf ? buf : "", len);
    kmem_free(buf);
    return r;
error:
    kval_decref(it);
    kmem_free(buf);
    return KV_NULL;
}

KValue kbytes_from_object(KValue x, KValue encoding, KValue errors, const char *tname) {
    if (kstr_check(x)) {
        if (!encoding) {
            kerr_set(&kexc_TypeError, "string argument without an encoding");
            return KV_NULL;
        }
        return kcodec_encode_obj(x, encoding, errors, tname);
    }
    if (encoding || errors) {
        kerr_format(&kexc_TypeError, "%s without a string argument",
                    encoding ? "encoding" : "errors");
        return KV_NULL;
    }
    const char *p;
    ssize_t n;
    if (kbytes_get_buffer(x, &p, &n)) {
        return kbytes_from_data(p, n);
    }
    if (kint_check(x) || knb(kval_type(x))->index) {
        n = knum_as_ssize(x, &kexc_OverflowError);
        if (n == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (n < 0) {
            kerr_set(&kexc_ValueError, "negative count");
            return KV_NULL;
        }
        KValue b = bytes_alloc(&kbytes_type, n);
        if (b) {
            memset(((KBytes *)b)->data, 0, (size_t)n);
        }
        return b;
    }
    return bytes_from_iterable(x, tname);
}

static KValue bytes_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KValue a[3];
    if (kargs_parse("bytes", args, nargs, kwnames, kwlist, 0, 3, a) < 0) {
        return KV_NULL;
    }
    KValue r;
    if (!a[0]) {
        r = kbytes_from_data("", 0);
    } else {
        int found;
        KValue conv = KV_NULL;
        if (!a[1] && !kstr_check(a[0]) && !bytes_like(a[0])) {
            conv = kobj_call_special(a[0], kstr_intern_cstr("__bytes__"), NULL, 0, &found);
            if (!conv && kerr_occurred()) {
                return KV_NULL;
            }
        }
        r = conv ? conv : kbytes_from_object(a[0], a[1], a[2], "bytes");
    }
    if (!r || type == &kbytes_type) {
        return r;
    }
    KValue sub = bytes_alloc(type, ((KBytes *)r)->len);
    if (sub) {
        KBytes *s = (KBytes *)sub;
        memcpy(s->data, ((KBytes *)r)->data, (size_t)s->len);
    }
    kval_decref(r);
    return sub;
}

static KValue bytes_repr(KValue v) {
    ssize_t n;
    const char *p = kbytes_data(v, &n);
    return kbytes_repr_data(p, n, "b");
}

static int64_t bytes_hash(KValue v) {
    KBytes *b = (KBytes *)v;
    if (b->hash != -1) {
        return b->hash;
    }
    int64_t h = (int64_t)XXH3_64bits_withSeed(b->data, (size_t)b->len, 0x6b72616974ull);
    if (h == -1) {
        h = -2;
    }
    b->hash = h;
    return h;
}

// bytes and bytearray compare with each other; anything else (memoryview
// and other buffers among them) gets NotImplemented, so memoryview's own
// comparison answers b'x' == memoryview(b'x'), as in CPython.
static KValue bytes_richcompare(KValue a, KValue b, int op) {
    if (!(kbytes_check(a) || kbytearray_check(a)) || !(kbytes_check(b) || kbytearray_check(b))) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t na, nb;
    const char *pa = kbytes_data(a, &na), *pb = kbytes_data(b, &nb);
    ssize_t n = na < nb ? na : nb;
    int c = memcmp(pa, pb, (size_t)n);
    if (c == 0) {
        c = na < nb ? -1 : na > nb;
    }
    int r = op == KF_CMP_LT   ? c < 0
            : op == KF_CMP_LE ? c <= 0
            : op == KF_CMP_EQ ? c == 0
            : op == KF_CMP_NE ? c != 0
            : op == KF_CMP_GT ? c > 0
                              : c >= 0;
    return kbool_from(r);
}

ssize_t kbytes_len(KValue v) {
    ssize_t n;
    kbytes_data(v, &n);
    return n;
}

KValue kbytes_getitem(KValue v, KValue key) {
    ssize_t n;
    const char *p = kbytes_data(v, &n);
    if (kslice_check(key)) {
        ssize_t start, stop, step;
        ssize_t len = kslice_indices(key, n, &start, &stop, &step);
        if (len < 0) {
            return KV_NULL;
        }
        char *buf = kmem_alloc((size_t)len + 1);
        if (!buf) {
            return kerr_no_memory();
        }
        for (size_t i = 0, j = (size_t)start; i < (size_t)len; i++, j += (size_t)step) {
            buf[i] = p[j];
        }
        KValue r = kbytes_new_like(v, buf, len);
        kmem_free(buf);
        return r;
    }
    ssize_t i;
    if (kbytearray_check(v)) {
        i = kseq_index(key, n, "bytearray");
    } else if (!kint_check(key) && !knb(kval_type(key))->index) {
        kerr_format(&kexc_TypeError, "byte indices must be integers or slices, not %T", key);
        return KV_NULL;
    } else {
        i = kseq_index(key, n, "");
    }
    if (i < 0) {
        return KV_NULL;
    }
    return kval_from_int((unsigned char)p[i]);
}

int kbytes_contains(KValue v, KValue item) {
    ssize_t n, m;
    const char *p = kbytes_data(v, &n), *q;
    if (kint_check(item)) {
        int c = kbytes_byte_value(item);
        if (c < 0) {
            return -1;
        }
        return memchr(p, c, (size_t)n) != NULL;
    }
    if (kbytes_need_buffer(item, &q, &m) < 0) {
        return -1;
    }
    return ksearch_find(p, (size_t)n, q, (size_t)m) != NULL;
}

// A new bytes or bytearray (as 'like') of 'len' uninitialised bytes.
static KValue new_sized_like(KValue like, ssize_t len, char **data) {
    if (kbytearray_check(like)) {
        KValue r = kbytearray_from_data(NULL, len);
        *data = r ? ((KByteArray *)r)->data : NULL;
        return r;
    }
    KValue r = bytes_alloc(&kbytes_type, len);
    *data = r ? ((KBytes *)r)->data : NULL;
    return r;
}

KValue kbytes_add(KValue a, KValue b) {
    ssize_t na, nb;
    const char *pa, *pb;
    if (!kbytes_get_buffer(a, &pa, &na) || !kbytes_get_buffer(b, &pb, &nb)) {
        if (kbytes_check(a) || kbytearray_check(a)) {
            kerr_format(&kexc_TypeError, "can't concat %s to %s", ktype_name(kval_type(b)),
                        ktype_name(kval_type(a)));
            return KV_NULL;
        }
        return kval_newref(KV_NOTIMPL);
    }
    if (na > PTRDIFF_MAX - nb) {
        return kerr_no_memory();
    }
    char *d;
    KValue r = new_sized_like(kbytes_check(a) || kbytearray_check(a) ? a : b, na + nb, &d);
    if (!r) {
        return KV_NULL;
    }
    memcpy(d, pa, (size_t)na);
    memcpy(d + na, pb, (size_t)nb);
    return r;
}

KValue kbytes_mul(KValue a, KValue b) {
    int self_first = kbytes_check(a) || kbytearray_check(a);
    KValue s = self_first ? a : b, n = self_first ? b : a;
    if (!kint_check(n) && !knb(kval_type(n))->index) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t count = knum_as_ssize(n, &kexc_OverflowError);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (count < 0) {
        count = 0;
    }
    ssize_t len;
    const char *p = kbytes_data(s, &len);
    if (len && count > PTRDIFF_MAX / 2 / len) {
        return kerr_no_memory();
    }
    char *d;
    KValue r = new_sized_like(s, len * count, &d);
    if (!r) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < count; i++) {
        memcpy(d + i * len, p, (size_t)len);
    }
    return r;
}

typedef struct BytesIter {
    KOBJ_HEAD;
    KValue seq;
    ssize_t index;
} BytesIter;

static KType bytes_iter_type, bytearray_iter_type;

KValue kbytes_iter(KValue v) {
    KType *type = ktype_is_subtype(kval_type(v), &kbytearray_type) ? &bytearray_iter_type
                                                                   : &bytes_iter_type;
    BytesIter *it = (BytesIter *)kobj_alloc(type, sizeof(BytesIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->seq = kval_newref(v);
    return kval_of(it);
}

static KValue bytes_iter_next(KValue v) {
    BytesIter *it = (BytesIter *)v;
    if (!it->seq) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(it->seq, &n);
    if (it->index < n) {
        return kval_from_int((unsigned char)p[it->index++]);
    }
    KVAL_CLEAR(it->seq);
    return KV_NULL;
}

static void bytes_iter_dealloc(KObject *o) {
    kval_xdecref(((BytesIter *)o)->seq);
    kobj_free(o);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KType bytes_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIter),
    .dealloc = bytes_iter_dealloc,
    .iter = self_iter,
    .iternext = bytes_iter_next,
};

// The same iterator under the name CPython gives it for bytearray.
static KType bytearray_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytearray_iterator",
    .basicsize = sizeof(BytesIter),
    .dealloc = bytes_iter_dealloc,
    .iter = self_iter,
    .iternext = bytes_iter_next,
};

// ---------------------------------------------------------------------------
// Methods shared by bytes and bytearray.

KValue kbytes_decode_method(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    KValue a[2];
    if (kargs_parse("decode", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    return kcodec_decode_obj(p, n, a[0], a[1], "decode");
}

static KValue bytes_getnewargs(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    KValue b = kbytes_from_data(p, n);
    KValue t = b ? ktuple_pack(1, b) : KV_NULL;
    kval_xdecref(b);
    return t;
}

static KValue bytes_bytes(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    if (kval_type(self) == &kbytes_type) {
        return kval_newref(self);
    }
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    return kbytes_from_data(p, n);
}

static const KMethodDef bytes_methods[] = {
    KBYTES_METHODS(KBYTES_METHOD_ENTRY)
    {"decode", kbytes_decode_method, KMETH_KW, NULL},
    {"__getnewargs__", bytes_getnewargs, KMETH_NOARGS, NULL},
    {"__bytes__", bytes_bytes, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static void bytes_dealloc(KObject *o) {
    kobj_free(o);
}

KValue kbytes_mod(KValue a, KValue b) {
    if (!kbytes_check(a) && !kbytearray_check(a)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kbytes_percent_format(a, b);
}

static int bytes_getbuffer(KValue self, KBuffer *view) {
    const char *p = kbytes_data(self, &view->len);
    view->buf = (char *)p;
    view->itemsize = 1;
    view->format = 'B';
    view->readonly = 1;
    return 0;
}

static const KBufferSlots bytes_buffer = {bytes_getbuffer, NULL};

KType kbytes_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytes",
    .buffer = &bytes_buffer,
    .basicsize = sizeof(KBytes),
    .itemsize = 1,
    .flags = KTF_BASETYPE | KTF_BYTES_SUBCLASS,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = kbytes_iter,
    .new_ = bytes_new,
    .len = kbytes_len,
    .getitem = kbytes_getitem,
    .contains = kbytes_contains,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = kbytes_add, [KNB_MULTIPLY] = kbytes_mul, [KNB_REMAINDER] = kbytes_mod}},
    .methods = bytes_methods,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
        "bytes(string, encoding[, errors]) -> bytes\n"
        "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
        "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
        "bytes() -> empty bytes object\n"
        "\n"
        "Construct an immutable array of bytes from:\n"
        "  - an iterable yielding integers in range(256)\n"
        "  - a text string encoded using the specified encoding\n"
        "  - any object implementing the buffer API.\n"
        "  - an integer",
};


int kbytes_init(void) {
    if (kmemoryview_init() < 0) {
        return -1;
    }
    if (ktype_ready(&bytearray_iter_type) < 0) {
        return -1;
    }
    return ktype_ready(&bytes_iter_type);
}
