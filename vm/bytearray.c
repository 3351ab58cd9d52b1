// vm/bytearray.c: bytearray, the mutable byte string: a growable buffer
// (len + 1 bytes kept NUL-terminated), item and slice assignment, the list-
// like methods (append, extend, insert, pop, remove, reverse, clear, copy),
// in-place + and *. The text methods it shares with bytes live in
// bytes_methods.c. While a memoryview exports the buffer ('exports' > 0) its
// size may not change, so the view never points at freed memory.
#include "bytes.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

KValue kbytearray_from_data(const char *data, ssize_t len) {
    KByteArray *a = (KByteArray *)kobj_alloc(&kbytearray_type, sizeof(KByteArray));
    if (!a) {
        return kerr_no_memory();
    }
    a->data = kmem_zalloc((size_t)len + 1);
    if (!a->data) {
        kval_decref(kval_of(a));
        return kerr_no_memory();
    }
    if (data && len) {
        memcpy(a->data, data, (size_t)len);
    }
    a->len = len;
    a->cap = len + 1;
    return kval_of(a);
}

// -1 with BufferError when a memoryview holds the buffer (checked before a
// change that would be half done when the resize fails).
static int refuse_resize(KByteArray *a) {
    if (a->exports > 0) {
        kerr_set(&kexc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

// Sets the length to 'len' (growing the buffer as needed); -1 with
// MemoryError, or BufferError while a memoryview holds the buffer.
static int bytearray_resize(KByteArray *a, ssize_t len) {
    if (len != a->len && refuse_resize(a) < 0) {
        return -1;
    }
    if (len + 1 > a->cap || !a->data) {
        ssize_t cap = len + (len >> 3) + 16;
        char *d = kmem_realloc(a->data, (size_t)cap);
        if (!d) {
            kerr_no_memory();
            return -1;
        }
        a->data = d;
        a->cap = cap;
    }
    a->len = len;
    a->data[len] = 0;
    return 0;
}

static void bytearray_dealloc(KObject *o) {
    kmem_free(((KByteArray *)o)->data);
    kobj_free(o);
}

static KValue bytearray_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KByteArray *a = (KByteArray *)kobj_alloc(type, (size_t)type->basicsize);
    if (!a) {
        return kerr_no_memory();
    }
    return kval_of(a);
}

static int bytearray_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KValue a[3];
    if (kargs_parse("bytearray", args, nargs, kwnames, kwlist, 0, 3, a) < 0) {
        return -1;
    }
    KByteArray *ba = (KByteArray *)self;
    if (!a[0]) {
        if (a[1] || a[2]) {
            kerr_format(&kexc_TypeError, "%s without a string argument",
                        a[1] ? "encoding" : "errors");
            return -1;
        }
        return bytearray_resize(ba, 0);
    }
    KValue b = kbytes_from_object(a[0], a[1], a[2], "bytearray");
    if (!b) {
        return -1;
    }
    int r = bytearray_resize(ba, ((KBytes *)b)->len);
    if (r == 0) {
        memcpy(ba->data, ((KBytes *)b)->data, (size_t)ba->len);
    }
    kval_decref(b);
    return r;
}

static KValue bytearray_repr(KValue v) {
    ssize_t n;
    const char *p = kbytes_data(v, &n);
    KValue prefix = kstr_from_format("%s(b", ktype_short_name(kval_type(v)));
    if (!prefix) {
        return KV_NULL;
    }
    KValue r = kbytes_repr_data(p, n, kstr_utf8(prefix, NULL));
    kval_decref(prefix);
    return r;
}

static KValue bytearray_richcompare(KValue a, KValue b, int op) {
    const char *pa, *pb;
    ssize_t na, nb;
    if (!kbytes_get_buffer(a, &pa, &na) || !kbytes_get_buffer(b, &pb, &nb)) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t n = na < nb ? na : nb;
    int c = n ? memcmp(pa, pb, (size_t)n) : 0;
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

// ba[slice] = value / del ba[slice].
static int bytearray_setslice(KByteArray *a, KValue key, KValue value) {
    ssize_t start, stop, step;
    ssize_t n = kslice_indices(key, a->len, &start, &stop, &step);
    if (n < 0) {
        return -1;
    }
    KValue src = KV_NULL;
    ssize_t m = 0;
    const char *p = NULL;
    if (value) {
        if (kint_check(value) || kstr_check(value)) {
            kerr_set(&kexc_TypeError,
                     "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        src = kbytes_from_object(value, KV_NULL, KV_NULL, "bytearray");
        if (!src) {
            return -1;
        }
        p = ((KBytes *)src)->data;
        m = ((KBytes *)src)->len;
    }
    int rc = 0;
    if (step == 1 || (!value && n == 0)) {
        if (step != 1) {
            stop = start;
        }
        if (stop < start) {
            stop = start;
        }
        ssize_t old = a->len, removed = stop - start;
        if (m > removed) {
            if (bytearray_resize(a, old + m - removed) < 0) {
                kval_xdecref(src);
                return -1;
            }
            memmove(a->data + start + m, a->data + stop, (size_t)(old - stop));
        } else {
            memmove(a->data + start + m, a->data + stop, (size_t)(old - stop));
            rc = bytearray_resize(a, old + m - removed);
        }
        if (m) {
            memcpy(a->data + start, p, (size_t)m);
        }
    } else if (!value) {
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        ssize_t w = start, k = 0;
        for (ssize_t r = start; r < a->len; r++) {
            if (k < n && r == start + k * step) {
                k++;
            } else {
                a->data[w++] = a->data[r];
            }
        }
        rc = bytearray_resize(a, w);
    } else if (m != n) {
        kerr_format(&kexc_ValueError,
                    "attempt to assign bytes of size %zd to extended slice of size %zd", m, n);
        rc = -1;
    } else {
        for (size_t i = 0, j = (size_t)start; i < (size_t)n; i++, j += (size_t)step) {
            a->data[j] = p[i];
        }
    }
    kval_xdecref(src);
    return rc;
}

static int bytearray_setitem(KValue v, KValue key, KValue value) {
    KByteArray *a = (KByteArray *)v;
    if (kslice_check(key)) {
        return bytearray_setslice(a, key, value);
    }
    ssize_t i = kseq_index(key, a->len, "bytearray");
    if (i < 0) {
        return -1;
    }
    if (!value) {
        memmove(a->data + i, a->data + i + 1, (size_t)(a->len - i - 1));
        return bytearray_resize(a, a->len - 1);
    }
    int c = kbytes_byte_value(value);
    if (c < 0) {
        return -1;
    }
    a->data[i] = (char)c;
    return 0;
}

#define BAM(name)                                                                                \
    static KValue bytearray_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)
#define BA(v) ((KByteArray *)(v))

BAM(append) {
    (void)nargs, (void)kwnames;
    int c = kbytes_byte_value(args[0]);
    if (c < 0 || bytearray_resize(BA(self), BA(self)->len + 1) < 0) {
        return KV_NULL;
    }
    BA(self)->data[BA(self)->len - 1] = (char)c;
    return KV_NONE;
}

// Appends 'len' bytes at 'p' (which may point into the array itself).
static int append_data(KByteArray *a, const char *p, ssize_t len) {
    ssize_t old = a->len;
    if (len == 0) {
        return 0;
    }
    if (p >= a->data && p < a->data + a->cap) {
        ssize_t off = p - a->data;
        if (bytearray_resize(a, old + len) < 0) {
            return -1;
        }
        memmove(a->data + old, a->data + off, (size_t)len);
        return 0;
    }
    if (bytearray_resize(a, old + len) < 0) {
        return -1;
    }
    memcpy(a->data + old, p, (size_t)len);
    return 0;
}

BAM(extend) {
    (void)nargs, (void)kwnames;
    const char *p;
    ssize_t n;
    if (kbytes_get_buffer(args[0], &p, &n)) {
        return append_data(BA(self), p, n) < 0 ? KV_NULL : KV_NONE;
    }
    if (kstr_check(args[0])) {
        // Iterating a str yields str items, which are not ints.
        if (kstr_len(args[0]) == 0) {
            return KV_NONE;
        }
        kerr_set(&kexc_TypeError, "'str' object cannot be interpreted as an integer");
        return KV_NULL;
    }
    if (!kval_type(args[0])->iter && !kval_type(args[0])->getitem) {
        kerr_format(&kexc_TypeError, "can't extend bytearray with %T", args[0]);
        return KV_NULL;
    }
    KValue b = kbytes_from_object(args[0], KV_NULL, KV_NULL, "bytearray");
    if (!b) {
        return KV_NULL;
    }
    int r = append_data(BA(self), ((KBytes *)b)->data, ((KBytes *)b)->len);
    kval_decref(b);
    return r < 0 ? KV_NULL : KV_NONE;
}

BAM(insert) {
    (void)kwnames;
    if (kargs_count("insert", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    ssize_t i = knum_as_ssize(args[0], &kexc_OverflowError);
    if (i == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    int c = kbytes_byte_value(args[1]);
    KByteArray *a = BA(self);
    if (c < 0 || bytearray_resize(a, a->len + 1) < 0) {
        return KV_NULL;
    }
    ssize_t n = a->len - 1;
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > n) {
        i = n;
    }
    memmove(a->data + i + 1, a->data + i, (size_t)(n - i));
    a->data[i] = (char)c;
    return KV_NONE;
}

BAM(pop) {
    (void)kwnames;
    if (kargs_count("pop", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    KByteArray *a = BA(self);
    ssize_t i = -1;
    if (nargs) {
        i = knum_as_ssize(args[0], &kexc_OverflowError);
        if (i == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (a->len == 0) {
        kerr_set(&kexc_IndexError, "pop from empty bytearray");
        return KV_NULL;
    }
    if (i < 0) {
        i += a->len;
    }
    if (i < 0 || i >= a->len) {
        kerr_set(&kexc_IndexError, "pop index out of range");
        return KV_NULL;
    }
    unsigned char c = (unsigned char)a->data[i];
    if (refuse_resize(a) < 0) {
        return KV_NULL;
    }
    memmove(a->data + i, a->data + i + 1, (size_t)(a->len - i - 1));
    if (bytearray_resize(a, a->len - 1) < 0) {
        return KV_NULL;
    }
    return kval_from_int(c);
}

BAM(remove) {
    (void)nargs, (void)kwnames;
    int c = kbytes_byte_value(args[0]);
    if (c < 0) {
        return KV_NULL;
    }
    KByteArray *a = BA(self);
    char *at = a->len ? memchr(a->data, c, (size_t)a->len) : NULL;
    if (!at) {
        kerr_set(&kexc_ValueError, "value not found in bytearray");
        return KV_NULL;
    }
    if (refuse_resize(a) < 0) {
        return KV_NULL;
    }
    memmove(at, at + 1, (size_t)(a->len - (at - a->data) - 1));
    return bytearray_resize(a, a->len - 1) < 0 ? KV_NULL : KV_NONE;
}

BAM(reverse) {
    (void)args, (void)nargs, (void)kwnames;
    KByteArray *a = BA(self);
    for (ssize_t i = 0, j = a->len - 1; i < j; i++, j--) {
        char t = a->data[i];
        a->data[i] = a->data[j];
        a->data[j] = t;
    }
    return KV_NONE;
}

BAM(clear) {
    (void)args, (void)nargs, (void)kwnames;
    return bytearray_resize(BA(self), 0) < 0 ? KV_NULL : KV_NONE;
}

BAM(copy) {
    (void)args, (void)nargs, (void)kwnames;
    return kbytearray_from_data(BA(self)->data, BA(self)->len);
}

BAM(alloc) {
    (void)args, (void)nargs, (void)kwnames;
    return kval_from_int(BA(self)->data ? BA(self)->cap : 0);
}

BAM(sizeof) {
    (void)args, (void)nargs, (void)kwnames;
    return kval_from_int((ssize_t)kval_type(self)->basicsize + (BA(self)->data ? BA(self)->cap : 0));
}

static KValue bytearray_iadd(KValue a, KValue b) {
    const char *p;
    ssize_t n;
    if (!kbytes_get_buffer(b, &p, &n)) {
        kerr_format(&kexc_TypeError, "can't concat %T to %T", b, a);
        return KV_NULL;
    }
    if (append_data(BA(a), p, n) < 0) {
        return KV_NULL;
    }
    return kval_newref(a);
}

static KValue bytearray_imul(KValue a, KValue b) {
    if (!kint_check(b) && !knb(kval_type(b))->index) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t count = knum_as_ssize(b, &kexc_OverflowError);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    KByteArray *ba = BA(a);
    ssize_t n = ba->len;
    if (count <= 0) {
        count = 0;
    }
    if (n && count > PTRDIFF_MAX / 2 / n) {
        return kerr_no_memory();
    }
    if (bytearray_resize(ba, n * count) < 0) {
        return KV_NULL;
    }
    for (ssize_t i = 1; i < count; i++) {
        memcpy(ba->data + i * n, ba->data, (size_t)n);
    }
    return kval_newref(a);
}

static const KMethodDef bytearray_methods[] = {
    KBYTES_METHODS(KBYTES_METHOD_ENTRY)
    {"append", bytearray_append, KMETH_O, NULL},
    {"extend", bytearray_extend, KMETH_O, NULL},
    {"insert", bytearray_insert, KMETH_FAST, NULL},
    {"pop", bytearray_pop, KMETH_FAST, NULL},
    {"remove", bytearray_remove, KMETH_O, NULL},
    {"reverse", bytearray_reverse, KMETH_NOARGS, NULL},
    {"clear", bytearray_clear, KMETH_NOARGS, NULL},
    {"copy", bytearray_copy, KMETH_NOARGS, NULL},
    {"decode", kbytes_decode_method, KMETH_KW, NULL},
    {"__alloc__", bytearray_alloc, KMETH_NOARGS, NULL},
    {"__sizeof__", bytearray_sizeof, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int bytearray_getbuffer(KValue self, KBuffer *view) {
    KByteArray *a = (KByteArray *)self;
    view->buf = a->data;
    view->len = a->len;
    view->itemsize = 1;
    view->format = 'B';
    view->readonly = 0;
    a->exports++;
    return 0;
}

static void bytearray_releasebuffer(KValue self) {
    ((KByteArray *)self)->exports--;
}

static const KBufferSlots bytearray_buffer = {bytearray_getbuffer, bytearray_releasebuffer};

KType kbytearray_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytearray",
    .buffer = &bytearray_buffer,
    .basicsize = sizeof(KByteArray),
    .flags = KTF_BASETYPE,
    .dealloc = bytearray_dealloc,
    .repr = bytearray_repr,
    .hash = kobj_hash_not_implemented,
    .richcompare = bytearray_richcompare,
    .iter = kbytes_iter,
    .new_ = bytearray_new,
    .init = bytearray_init,
    .len = kbytes_len,
    .getitem = kbytes_getitem,
    .setitem = bytearray_setitem,
    .contains = kbytes_contains,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = kbytes_add, [KNB_MULTIPLY] = kbytes_mul,
                     [KNB_REMAINDER] = kbytes_mod},
           .inplace = {[KNB_ADD] = bytearray_iadd, [KNB_MULTIPLY] = bytearray_imul}},
    .methods = bytearray_methods,
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
        "bytearray(string, encoding[, errors]) -> bytearray\n"
        "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
        "bytearray(int) -> bytes array of size given by the parameter initialized with null "
        "bytes\n"
        "bytearray() -> empty bytes array\n"
        "\n"
        "Construct a mutable bytearray object from:\n"
        "  - an iterable yielding integers in range(256)\n"
        "  - a text string encoded using the specified encoding\n"
        "  - a bytes or a buffer object\n"
        "  - any object implementing the buffer API.\n"
        "  - an integer",
};
