// vm/memoryview.c: memoryview over any buffer exporter (bytes, bytearray,
// array.array: KType.buffer) or another memoryview.
// A view is a base pointer, a native struct format (one character: the
// formats cast() accepts) and up to KMV_MAXDIM dimensions with C strides;
// slicing makes a new view with another start and stride, never a copy.
// While a view is alive (not released) it holds an export of its exporter's
// buffer, which may then not resize, so 'buf' stays valid.
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "errors.h"
#include "float.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define KMV_MAXDIM 8

typedef struct KMemoryView {
    KOBJ_HEAD;
    KValue obj; // the exporter; KV_NULL once released
    char *buf;  // the first item
    char format;
    int itemsize, ndim, readonly;
    ssize_t shape[KMV_MAXDIM], strides[KMV_MAXDIM];
    int64_t hash; // -1: not computed
} KMemoryView;

#define MV(v) ((KMemoryView *)(v))

int kmemoryview_check(KValue v) {
    return !kval_is_int(v) && (kval_type(v) == &kmemoryview_type ||
                               ktype_is_subtype(kval_type(v), &kmemoryview_type));
}

static int is_c_contiguous(const KMemoryView *m) {
    ssize_t want = m->itemsize;
    for (int d = m->ndim - 1; d >= 0; d--) {
        if (m->shape[d] > 1 && m->strides[d] != want) {
            return 0;
        }
        want *= m->shape[d];
    }
    return 1;
}

static ssize_t nitems(const KMemoryView *m) {
    ssize_t n = 1;
    for (int d = 0; d < m->ndim; d++) {
        n *= m->shape[d];
    }
    return n;
}

int kmemoryview_contiguous(KValue v, const char **data, ssize_t *len) {
    KMemoryView *m = MV(v);
    if (!m->obj || !is_c_contiguous(m)) {
        return 0;
    }
    *data = m->buf;
    *len = nitems(m) * m->itemsize;
    return 1;
}

int kmemoryview_writable(KValue v, char **data, ssize_t *len) {
    const char *p;
    if (MV(v)->readonly || !kmemoryview_contiguous(v, &p, len)) {
        return 0;
    }
    *data = MV(v)->buf;
    return 1;
}

KValue kmemoryview_exporter_borrow(KValue v) {
    return MV(v)->obj;
}

static int released(const KMemoryView *m) {
    if (!m->obj) {
        kerr_set(&kexc_ValueError, "operation forbidden on released memoryview object");
        return 1;
    }
    return 0;
}

static int format_size(char f) {
    switch (f) {
    case 'b':
    case 'B':
    case 'c':
    case '?':
        return 1;
    case 'h':
    case 'H':
        return 2;
    case 'i':
    case 'I':
    case 'f':
        return 4;
    case 'l':
    case 'L':
    case 'q':
    case 'Q':
    case 'n':
    case 'N':
    case 'd':
    case 'P':
        return 8;
    default:
        return 0;
    }
}


// A new 1-D byte view of 'obj' (or a copy of the view 'obj').
static KValue view_new(KType *type, KValue obj) {
    KMemoryView *src = kmemoryview_check(obj) ? MV(obj) : NULL;
    if (src && released(src)) {
        return KV_NULL;
    }
    const KBufferSlots *slots = src || kval_is_int(obj) ? NULL : kval_type(obj)->buffer;
    if (!src && !slots) {
        kerr_format(&kexc_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                    ktype_name(kval_type(obj)));
        return KV_NULL;
    }
    KBuffer view;
    if (slots && slots->get(obj, &view) < 0) {
        return KV_NULL;
    }
    KMemoryView *m = (KMemoryView *)kobj_alloc(type, (size_t)type->basicsize);
    if (!m) {
        if (slots && slots->release) {
            slots->release(obj);
        }
        return kerr_no_memory();
    }
    m->hash = -1;
    if (src) {
        m->obj = kval_newref(src->obj);
        m->buf = src->buf;
        m->format = src->format;
        m->itemsize = src->itemsize;
        m->ndim = src->ndim;
        m->readonly = src->readonly;
        memcpy(m->shape, src->shape, sizeof m->shape);
        memcpy(m->strides, src->strides, sizeof m->strides);
        if (kbuffer_acquire(m->obj) < 0) {
            kerr_clear(); // an exporter that gave its buffer once gives it again
        }
    } else {
        m->obj = kval_newref(obj);
        m->buf = view.buf;
        m->format = view.format;
        m->itemsize = view.itemsize;
        m->ndim = 1;
        m->readonly = view.readonly;
        m->shape[0] = view.len / view.itemsize;
        m->strides[0] = view.itemsize;
    }
    return kval_of(m);
}

static KValue mv_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"object", NULL};
    KValue a[1];
    if (kargs_parse("memoryview", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    return view_new(type, a[0]);
}

static void mv_release_export(KMemoryView *m) {
    if (m->obj) {
        kbuffer_release(m->obj);
        KVAL_CLEAR(m->obj);
    }
}

static void mv_dealloc(KObject *o) {
    mv_release_export(MV(o));
    kobj_free(o);
}

// ---------------------------------------------------------------------------
// Items.

static KValue unpack(const KMemoryView *m, const char *p) {
    union {
        int8_t i8;
        uint8_t u8;
        int16_t i16;
        uint16_t u16;
        int32_t i32;
        uint32_t u32;
        int64_t i64;
        uint64_t u64;
        float f;
        double d;
    } u;
    memcpy(&u, p, (size_t)m->itemsize);
    switch (m->format) {
    case 'b':
        return kval_from_int(u.i8);
    case 'B':
        return kval_from_int(u.u8);
    case 'c':
        return kbytes_from_data(p, 1);
    case '?':
        return kbool_from(u.u8 != 0);
    case 'h':
        return kval_from_int(u.i16);
    case 'H':
        return kval_from_int(u.u16);
    case 'i':
        return kval_from_int(u.i32);
    case 'I':
        return kint_from_u64(u.u32);
    case 'f':
        return kfloat_new(u.f);
    case 'd':
        return kfloat_new(u.d);
    case 'L':
    case 'Q':
    case 'N':
    case 'P':
        return kint_from_u64(u.u64);
    case 'l':
    case 'q':
    case 'n':
        return kint_from_i64(u.i64);
    default: // an exporter's format memoryview cannot read ('u' of array)
        kerr_format(&kexc_NotImplementedError, "memoryview: format %c not supported", m->format);
        return KV_NULL;
    }
}

static int pack_error(const KMemoryView *m, int value_error) {
    kerr_format(value_error ? &kexc_ValueError : &kexc_TypeError,
                "memoryview: invalid %s for format '%c'", value_error ? "value" : "type",
                m->format);
    return -1;
}

static int pack(const KMemoryView *m, char *p, KValue v) {
    char f = m->format;
    if (!format_size(f)) {
        kerr_format(&kexc_NotImplementedError, "memoryview: format %c not supported", f);
        return -1;
    }
    if (f == 'c') {
        const char *q;
        ssize_t n;
        if (!kbytes_check(v)) {
            return pack_error(m, 0);
        }
        q = kbytes_data(v, &n);
        if (n != 1) {
            return pack_error(m, 1);
        }
        *p = q[0];
        return 0;
    }
    if (f == '?') {
        int t = kobj_is_true(v);
        if (t < 0) {
            return -1;
        }
        *p = (char)t;
        return 0;
    }
    if (f == 'f' || f == 'd') {
        double d = knum_as_double(v);
        if (d == -1.0 && kerr_occurred()) {
            kerr_clear();
            return pack_error(m, 0);
        }
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return 0;
    }
    if (!kint_check(v) && !knb(kval_type(v))->index) {
        return pack_error(m, 0);
    }
    KValue idx = knum_index(v);
    if (!idx) {
        return -1;
    }
    int overflow = 0;
    int64_t x = kint_as_i64_overflow(idx, &overflow);
    int neg = kint_sign(idx) < 0;
    uint64_t ux = 0;
    int unsigned_fmt = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N' ||
                       f == 'P';
    if (unsigned_fmt && overflow && !neg && m->itemsize == 8) {
        KValue limit = kint_from_u64(UINT64_MAX);
        int c = limit ? kint_compare(idx, limit) : 1;
        kval_xdecref(limit);
        if (c <= 0) {
            KValue lo = kint_from_i64(INT64_MIN);
            KValue t = lo ? kint_add(idx, lo) : KV_NULL;
            ux = t ? (uint64_t)kint_as_i64_overflow(t, &overflow) + (uint64_t)INT64_MIN : 0;
            kval_xdecref(lo);
            kval_xdecref(t);
            overflow = 0;
            x = 0;
        }
    } else {
        ux = (uint64_t)x;
    }
    kval_decref(idx);
    if (overflow || (unsigned_fmt && neg)) {
        return pack_error(m, 1);
    }
    int bits = m->itemsize * 8;
    if (bits < 64) {
        int64_t lo = unsigned_fmt ? 0 : -((int64_t)1 << (bits - 1));
        int64_t hi = unsigned_fmt ? ((int64_t)1 << bits) - 1 : ((int64_t)1 << (bits - 1)) - 1;
        if (x < lo || x > hi) {
            return pack_error(m, 1);
        }
    }
    union {
        int8_t i8;
        int16_t i16;
        int32_t i32;
        uint64_t u64;
    } u;
    switch (m->itemsize) {
    case 1:
        u.i8 = (int8_t)x;
        break;
    case 2:
        u.i16 = (int16_t)x;
        break;
    case 4:
        u.i32 = (int32_t)x;
        break;
    default:
        u.u64 = ux;
        break;
    }
    memcpy(p, &u, (size_t)m->itemsize);
    return 0;
}

// Appends every item of dimension 'dim' at 'p' to 'list' (nested lists for
// inner dimensions).
static int collect(const KMemoryView *m, const char *p, int dim, KValue list) {
    for (ssize_t i = 0; i < m->shape[dim]; i++) {
        const char *q = p + i * m->strides[dim];
        KValue item;
        if (dim + 1 < m->ndim) {
            item = klist_new(0);
            if (item && collect(m, q, dim + 1, item) < 0) {
                KVAL_CLEAR(item);
            }
        } else {
            item = unpack(m, q);
        }
        if (!item) {
            return -1;
        }
        int r = klist_append(list, item);
        kval_decref(item);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// Copies the bytes of every item in C order into 'out'.
static void copy_out(const KMemoryView *m, const char *p, int dim, char **out) {
    for (ssize_t i = 0; i < m->shape[dim]; i++) {
        const char *q = p + i * m->strides[dim];
        if (dim + 1 < m->ndim) {
            copy_out(m, q, dim + 1, out);
        } else {
            memcpy(*out, q, (size_t)m->itemsize);
            *out += m->itemsize;
        }
    }
}

// The view's bytes in C order as a new bytes object.
static KValue view_bytes(const KMemoryView *m) {
    ssize_t n = nitems(m) * m->itemsize;
    if (m->ndim == 0) {
        return kbytes_from_data(m->buf, m->itemsize);
    }
    char *tmp = kmem_alloc((size_t)n + 1), *o = tmp;
    if (!tmp) {
        return kerr_no_memory();
    }
    copy_out(m, m->buf, 0, &o);
    KValue r = kbytes_from_data(tmp, n);
    kmem_free(tmp);
    return r;
}

static ssize_t mv_len(KValue v) {
    if (released(MV(v))) {
        return -1;
    }
    return MV(v)->ndim == 0 ? 1 : MV(v)->shape[0];
}

// The address of item 'key' of a 1-D view, or NULL with IndexError/TypeError.
static char *item_ptr(KMemoryView *m, KValue key) {
    if (!kint_check(key) && !knb(kval_type(key))->index) {
        kerr_set(&kexc_TypeError, "memoryview: invalid slice key");
        return NULL;
    }
    if (m->ndim != 1) {
        kerr_set(&kexc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    ssize_t i = knum_as_ssize(key, &kexc_IndexError);
    if (i == -1 && kerr_occurred()) {
        return NULL;
    }
    if (i < 0) {
        i += m->shape[0];
    }
    if (i < 0 || i >= m->shape[0]) {
        kerr_set(&kexc_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    return m->buf + i * m->strides[0];
}

static KValue mv_getitem(KValue v, KValue key) {
    KMemoryView *m = MV(v);
    if (released(m)) {
        return KV_NULL;
    }
    if (kslice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = kslice_indices(key, m->shape[0], &start, &stop, &step);
        if (n < 0) {
            return KV_NULL;
        }
        KValue r = view_new(&kmemoryview_type, v);
        if (r) {
            MV(r)->buf = m->buf + start * m->strides[0];
            MV(r)->shape[0] = n;
            MV(r)->strides[0] = m->strides[0] * step;
        }
        return r;
    }
    if (key == KV_ELLIPSIS && m->ndim == 0) {
        return view_new(&kmemoryview_type, v);
    }
    if (m->ndim == 0) {
        kerr_set(&kexc_TypeError, "invalid indexing of 0-dim memory");
        return KV_NULL;
    }
    char *p = item_ptr(m, key);
    return p ? unpack(m, p) : KV_NULL;
}

static int mv_setitem(KValue v, KValue key, KValue value) {
    KMemoryView *m = MV(v);
    if (released(m)) {
        return -1;
    }
    if (m->readonly) {
        kerr_set(&kexc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        kerr_set(&kexc_TypeError, "cannot delete memory");
        return -1;
    }
    if (kslice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = kslice_indices(key, m->shape[0], &start, &stop, &step);
        const char *p;
        ssize_t len;
        if (n < 0 || kbytes_need_buffer(value, &p, &len) < 0) {
            return -1;
        }
        if (len != n * m->itemsize) {
            kerr_set(&kexc_ValueError,
                     "memoryview assignment: lvalue and rvalue have different structures");
            return -1;
        }
        // The source may overlap the destination: copy it first.
        char *tmp = kmem_alloc((size_t)len + 1);
        if (!tmp) {
            kerr_no_memory();
            return -1;
        }
        memcpy(tmp, p, (size_t)len);
        for (ssize_t i = 0; i < n; i++) {
            memcpy(m->buf + (start + i * step) * m->strides[0], tmp + i * m->itemsize,
                   (size_t)m->itemsize);
        }
        kmem_free(tmp);
        return 0;
    }
    char *p = item_ptr(m, key);
    return p ? pack(m, p, value) : -1;
}

// ---------------------------------------------------------------------------
// Comparison, hashing, repr.

// The items of a view or buffer as a flat list (bytes and bytearray as 'B').
static KValue items_of(KValue v) {
    if (kmemoryview_check(v)) {
        KMemoryView *m = MV(v);
        KValue list = klist_new(0);
        if (list && m->ndim == 0) {
            KValue item = unpack(m, m->buf);
            if (!item || klist_append(list, item) < 0) {
                KVAL_CLEAR(list);
            }
            kval_xdecref(item);
        } else if (list && collect(m, m->buf, 0, list) < 0) {
            KVAL_CLEAR(list);
        }
        return list;
    }
    const char *p;
    ssize_t n;
    kbytes_get_buffer(v, &p, &n);
    KValue list = klist_new(n);
    for (ssize_t i = 0; list && i < n; i++) {
        klist_items(list)[i] = kval_from_int((unsigned char)p[i]);
    }
    return list;
}

static KValue mv_richcompare(KValue a, KValue b, int op) {
    const char *p;
    ssize_t n;
    if ((op != KF_CMP_EQ && op != KF_CMP_NE) ||
        !(kmemoryview_check(b) || kbytes_get_buffer(b, &p, &n))) {
        return kval_newref(KV_NOTIMPL);
    }
    int eq;
    if (a == b) {
        eq = 1;
    } else if (!MV(a)->obj || (kmemoryview_check(b) && !MV(b)->obj)) {
        eq = 0;
    } else if (kmemoryview_check(b) && (MV(a)->ndim != MV(b)->ndim ||
                                        memcmp(MV(a)->shape, MV(b)->shape,
                                               sizeof(ssize_t) * (size_t)MV(a)->ndim) != 0)) {
        eq = 0;
    } else {
        KValue la = items_of(a), lb = la ? items_of(b) : KV_NULL;
        if (!lb) {
            kval_xdecref(la);
            return KV_NULL;
        }
        eq = kobj_richcompare_bool(la, lb, KF_CMP_EQ);
        kval_decref(la);
        kval_decref(lb);
        if (eq < 0) {
            return KV_NULL;
        }
    }
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

static int64_t mv_hash(KValue v) {
    KMemoryView *m = MV(v);
    if (m->hash != -1) {
        return m->hash;
    }
    if (released(m)) {
        return -1;
    }
    if (!m->readonly) {
        kerr_set(&kexc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (m->format != 'B' && m->format != 'b' && m->format != 'c') {
        kerr_set(&kexc_ValueError,
                 "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    KValue b = view_bytes(m);
    if (!b) {
        return -1;
    }
    m->hash = kobj_hash(b);
    kval_decref(b);
    return m->hash;
}

static KValue mv_repr(KValue v) {
    return kstr_from_format(MV(v)->obj ? "<memory at %p>" : "<released memory at %p>",
                            (void *)v);
}

// ---------------------------------------------------------------------------
// Methods and attributes.

#define MVM(name)                                                                                \
    static KValue mv_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)

MVM(tobytes) {
    (void)args, (void)nargs, (void)kwnames;
    return released(MV(self)) ? KV_NULL : view_bytes(MV(self));
}

MVM(tolist) {
    (void)args, (void)nargs, (void)kwnames;
    KMemoryView *m = MV(self);
    if (released(m)) {
        return KV_NULL;
    }
    if (m->ndim == 0) {
        return unpack(m, m->buf);
    }
    KValue list = klist_new(0);
    if (list && collect(m, m->buf, 0, list) < 0) {
        KVAL_CLEAR(list);
    }
    return list;
}

MVM(hex) {
    if (released(MV(self))) {
        return KV_NULL;
    }
    KValue b = view_bytes(MV(self));
    if (!b) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(b, &n);
    KValue r = kbytes_hex_data(p, n, args, nargs, kwnames);
    kval_decref(b);
    return r;
}

MVM(release) {
    (void)args, (void)nargs, (void)kwnames;
    mv_release_export(MV(self));
    return KV_NONE;
}

MVM(enter) {
    (void)args, (void)nargs, (void)kwnames;
    return released(MV(self)) ? KV_NULL : kval_newref(self);
}

MVM(exit) {
    (void)args, (void)nargs, (void)kwnames;
    mv_release_export(MV(self));
    return KV_NONE;
}

MVM(toreadonly) {
    (void)args, (void)nargs, (void)kwnames;
    KValue r = view_new(&kmemoryview_type, self);
    if (r) {
        MV(r)->readonly = 1;
    }
    return r;
}

// cast(format[, shape]): only byte formats to or from anything, on a
// C-contiguous view.
MVM(cast) {
    static const char *const kwlist[] = {"format", "shape", NULL};
    KValue a[2];
    if (kargs_parse("cast", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    KMemoryView *m = MV(self);
    if (released(m)) {
        return KV_NULL;
    }
    if (!kstr_check(a[0])) {
        kerr_format(&kexc_TypeError, "memoryview: format argument must be a string");
        return KV_NULL;
    }
    const char *f = kstr_utf8(a[0], NULL);
    if (!f) {
        return KV_NULL;
    }
    if (f[0] == '@') {
        f++;
    }
    if (strlen(f) != 1 || !format_size(f[0]) || f[0] == 'P') {
        kerr_set(&kexc_ValueError, "memoryview: destination format must be a native single "
                                   "character format prefixed with an optional '@'");
        return KV_NULL;
    }
    if (!is_c_contiguous(m)) {
        kerr_set(&kexc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return KV_NULL;
    }
    int byte_src = m->format == 'B' || m->format == 'b' || m->format == 'c';
    int byte_dst = f[0] == 'B' || f[0] == 'b' || f[0] == 'c';
    if (!byte_src && !byte_dst) {
        kerr_set(&kexc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return KV_NULL;
    }
    int size = format_size(f[0]);
    ssize_t total = nitems(m) * m->itemsize;
    ssize_t shape[KMV_MAXDIM];
    int ndim = 1;
    if (a[1]) {
        KValue seq = kseq_fast(a[1], "shape must be a list or a tuple");
        if (!seq) {
            return KV_NULL;
        }
        ssize_t cnt = klist_check(seq) ? klist_len(seq) : ktuple_len(seq);
        KValue *items = klist_check(seq) ? klist_items(seq) : ktuple_items(seq);
        if (cnt > KMV_MAXDIM) {
            kval_decref(seq);
            kerr_format(&kexc_ValueError,
                        "memoryview: number of dimensions must not exceed %d", KMV_MAXDIM);
            return KV_NULL;
        }
        ssize_t prod = 1;
        for (ssize_t i = 0; i < cnt; i++) {
            shape[i] = knum_as_ssize(items[i], &kexc_OverflowError);
            if (shape[i] <= 0) {
                kval_decref(seq);
                if (!kerr_occurred()) {
                    kerr_set(&kexc_ValueError,
                             "memoryview.cast(): elements of shape must be integers > 0");
                }
                return KV_NULL;
            }
            prod *= shape[i];
        }
        kval_decref(seq);
        ndim = (int)cnt;
        if (prod * size != total) {
            kerr_set(&kexc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
            return KV_NULL;
        }
    } else {
        if (total % size) {
            kerr_set(&kexc_TypeError, "memoryview: length is not a multiple of itemsize");
            return KV_NULL;
        }
        shape[0] = total / size;
    }
    KValue r = view_new(&kmemoryview_type, self);
    if (!r) {
        return KV_NULL;
    }
    KMemoryView *c = MV(r);
    c->format = f[0];
    c->itemsize = size;
    c->ndim = ndim;
    ssize_t stride = size;
    for (int d = ndim - 1; d >= 0; d--) {
        c->shape[d] = shape[d];
        c->strides[d] = stride;
        stride *= shape[d];
    }
    return r;
}

static KValue dims_tuple(const ssize_t *v, int n) {
    KValue t = ktuple_new(n);
    for (int i = 0; t && i < n; i++) {
        ktuple_items(t)[i] = kval_from_int(v[i]);
    }
    return t;
}

#define MVGET(name, expr)                                                                        \
    static KValue mv_get_##name(KValue self) {                                                   \
        KMemoryView *m = MV(self);                                                               \
        if (released(m)) {                                                                       \
            return KV_NULL;                                                                      \
        }                                                                                        \
        return expr;                                                                             \
    }

MVGET(obj, kval_newref(m->obj))
MVGET(nbytes, kval_from_int(nitems(m) * m->itemsize))
MVGET(readonly, kbool_from(m->readonly))
MVGET(itemsize, kval_from_int(m->itemsize))
MVGET(format, kstr_from_char((uint32_t)m->format))
MVGET(ndim, kval_from_int(m->ndim))
MVGET(shape, dims_tuple(m->shape, m->ndim))
MVGET(strides, dims_tuple(m->strides, m->ndim))
MVGET(suboffsets, ktuple_new(0))
MVGET(c_contiguous, kbool_from(is_c_contiguous(m)))
MVGET(f_contiguous, kbool_from(m->ndim <= 1 && is_c_contiguous(m)))
MVGET(contiguous, kbool_from(is_c_contiguous(m)))

static KValue mv_get_released(KValue self) {
    return kbool_from(!MV(self)->obj);
}

static const KGetSetDef mv_getsets[] = {
    {"obj", mv_get_obj, NULL, NULL},
    {"nbytes", mv_get_nbytes, NULL, NULL},
    {"readonly", mv_get_readonly, NULL, NULL},
    {"itemsize", mv_get_itemsize, NULL, NULL},
    {"format", mv_get_format, NULL, NULL},
    {"ndim", mv_get_ndim, NULL, NULL},
    {"shape", mv_get_shape, NULL, NULL},
    {"strides", mv_get_strides, NULL, NULL},
    {"suboffsets", mv_get_suboffsets, NULL, NULL},
    {"c_contiguous", mv_get_c_contiguous, NULL, NULL},
    {"f_contiguous", mv_get_f_contiguous, NULL, NULL},
    {"contiguous", mv_get_contiguous, NULL, NULL},
    {"released", mv_get_released, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMethodDef mv_methods[] = {
    {"tobytes", mv_tobytes, KMETH_KW, NULL},
    {"tolist", mv_tolist, KMETH_NOARGS, NULL},
    {"hex", mv_hex, KMETH_KW, NULL},
    {"release", mv_release, KMETH_NOARGS, NULL},
    {"toreadonly", mv_toreadonly, KMETH_NOARGS, NULL},
    {"cast", mv_cast, KMETH_KW, NULL},
    {"__enter__", mv_enter, KMETH_NOARGS, NULL},
    {"__exit__", mv_exit, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

// Iteration goes through the sequence protocol (mv_getitem with 0, 1, ...).
typedef struct MvIter {
    KOBJ_HEAD;
    KValue view;
    ssize_t index;
} MvIter;

static KType mv_iter_type;

static KValue mv_iter(KValue v) {
    KMemoryView *m = MV(v);
    if (released(m)) {
        return KV_NULL;
    }
    if (m->ndim == 0) {
        kerr_set(&kexc_TypeError, "invalid indexing of 0-dim memory");
        return KV_NULL;
    }
    if (m->ndim > 1) {
        kerr_set(&kexc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return KV_NULL;
    }
    MvIter *it = (MvIter *)kobj_alloc(&mv_iter_type, sizeof(MvIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->view = kval_newref(v);
    it->index = 0;
    return kval_of(it);
}

static KValue mv_iter_next(KValue v) {
    MvIter *it = (MvIter *)v;
    if (!it->view) {
        return KV_NULL;
    }
    KMemoryView *m = MV(it->view);
    if (released(m)) {
        return KV_NULL;
    }
    if (it->index < m->shape[0]) {
        return unpack(m, m->buf + it->index++ * m->strides[0]);
    }
    KVAL_CLEAR(it->view);
    return KV_NULL;
}

static void mv_iter_dealloc(KObject *o) {
    kval_xdecref(((MvIter *)o)->view);
    kobj_free(o);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KType mv_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "memory_iterator",
    .basicsize = sizeof(MvIter),
    .dealloc = mv_iter_dealloc,
    .iter = self_iter,
    .iternext = mv_iter_next,
};

KType kmemoryview_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "memoryview",
    .flags = KTF_SEQUENCE,
    .basicsize = sizeof(KMemoryView),
    .dealloc = mv_dealloc,
    .repr = mv_repr,
    .hash = mv_hash,
    .richcompare = mv_richcompare,
    .iter = mv_iter,
    .new_ = mv_new,
    .len = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .getsets = mv_getsets,
    .methods = mv_methods,
    .doc = "memoryview(object)\n"
        "--\n"
        "\n"
        "Create a new memoryview object which references the given object.",
};

int kmemoryview_init(void) {
    if (ktype_ready(&mv_iter_type) < 0) {
        return -1;
    }
    return ktype_ready(&kmemoryview_type);
}
