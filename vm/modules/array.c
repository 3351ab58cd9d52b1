// vm/modules/array.c: the array module: array.array, a mutable sequence of
// C numbers (or 'u' characters) of one type code (array_items.c has the
// codes and their conversions), with CPython's methods, sequence and
// slice behaviour, comparisons, repr and pickling (__reduce_ex__ and
// _array_reconstructor). Not yet: the buffer protocol (memoryview(a),
// bytes(a) and hashing or writing an array as a bytes-like object).
#include <stdint.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../slice.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "array.h"

#define ARR(v) ((ArrayObj *)(v))
#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static int array_check(KValue v) {
    return !kval_is_int(v) && ktype_is_subtype(kval_type(v), &karray_type);
}

static char *item_ptr(ArrayObj *a, ssize_t i) {
    return a->items + i * a->d->itemsize;
}

// -1 with BufferError when the length would change from 'a->len' to 'n'
// while a buffer export (a memoryview...) holds the items in place.
static int refuse_resize(ArrayObj *a, ssize_t n) {
    if (a->exports > 0 && n != a->len) {
        kerr_set(&kexc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    return 0;
}

// Makes room for 'n' items: 0, or -1 with MemoryError (or BufferError).
static int reserve(ArrayObj *a, ssize_t n) {
    if (n <= a->cap) {
        return 0;
    }
    if (refuse_resize(a, n) < 0) {
        return -1;
    }
    ssize_t cap = n + (n >> 4) + (n < 8 ? 3 : 7);
    if (cap > PTRDIFF_MAX / 16 / a->d->itemsize) {
        kerr_no_memory();
        return -1;
    }
    char *p = kmem_realloc(a->items, (size_t)(cap * a->d->itemsize));
    if (!p) {
        kerr_no_memory();
        return -1;
    }
    a->items = p;
    a->cap = cap;
    return 0;
}

// Sets the length to 'n', growing the allocation when needed.
static int resize(ArrayObj *a, ssize_t n) {
    if (refuse_resize(a, n) < 0 || reserve(a, n) < 0) {
        return -1;
    }
    a->len = n;
    return 0;
}

// A new empty array of 'type' with the descriptor 'd'.
static ArrayObj *array_alloc(KType *type, const ArrayDescr *d) {
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        return NULL;
    }
    ARR(v)->d = d;
    return ARR(v);
}

static ArrayObj *array_from_data(KType *type, const ArrayDescr *d, const char *data, ssize_t n) {
    ArrayObj *a = array_alloc(type, d);
    if (a && n > 0) {
        if (resize(a, n) < 0) {
            kval_decref(kval_of(a));
            return NULL;
        }
        memcpy(a->items, data, (size_t)(n * d->itemsize));
    }
    return a;
}

static void array_dealloc(KObject *o) {
    kmem_free(ARR(o)->items);
    kobj_free(o);
}

static int append_item(ArrayObj *a, KValue v) {
    if (refuse_resize(a, a->len + 1) < 0 || reserve(a, a->len + 1) < 0 ||
        a->d->set(item_ptr(a, a->len), v) < 0) {
        return -1;
    }
    a->len++;
    return 0;
}

static KValue get_item(ArrayObj *a, ssize_t i) {
    return a->d->get(item_ptr(a, i));
}

// Appends the raw bytes of a bytes-like 'v' ("bytes length not a multiple
// of item size" otherwise).
static int extend_bytes(ArrayObj *a, KValue v) {
    const char *p;
    ssize_t n;
    if (kbytes_need_buffer(v, &p, &n) < 0) {
        return -1;
    }
    int size = a->d->itemsize;
    if (n % size != 0) {
        kerr_set(&kexc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    ssize_t old = a->len;
    if (resize(a, old + n / size) < 0) {
        return -1;
    }
    memmove(item_ptr(a, old), p, (size_t)n);
    return 0;
}

// Appends the code points of the str 'v'.
static int extend_unicode(ArrayObj *a, KValue v) {
    ssize_t n = kstr_len(v), old = a->len;
    if (resize(a, old + n) < 0) {
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        uint32_t c = kstr_char((const KStr *)v, i);
        memcpy(item_ptr(a, old + i), &c, sizeof c);
    }
    return 0;
}

// Appends every item of 'iterable' (items before a bad one stay).
static int extend_iter(ArrayObj *a, KValue iterable) {
    KValue it = kobj_get_iter(iterable);
    if (!it) {
        return -1;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        int r = append_item(a, item);
        kval_decref(item);
        if (r < 0) {
            kval_decref(it);
            return -1;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

static int extend_array(ArrayObj *a, ArrayObj *b) {
    if (a->d != b->d) {
        kerr_set(&kexc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    ssize_t old = a->len, n = b->len;
    if (resize(a, old + n) < 0) {
        return -1;
    }
    memmove(item_ptr(a, old), b->items, (size_t)(n * a->d->itemsize));
    return 0;
}

// ---------------------------------------------------------------------------
// Construction

// array(typecode, initializer) for a known type code (also the
// reconstructor's builder).
static KValue make_array(KType *type, char typecode, KValue init) {
    const ArrayDescr *d = karray_descr((unsigned char)typecode);
    if (init && kstr_check(init) && typecode != 'u') {
        kerr_format(&kexc_TypeError, "cannot use a str to initialize an array with typecode '%c'",
                    typecode);
        return KV_NULL;
    }
    if (init && array_check(init) && ARR(init)->d->typecode == 'u' && typecode != 'u') {
        kerr_format(&kexc_TypeError,
                    "cannot use a unicode array to initialize an array with typecode '%c'", typecode);
        return KV_NULL;
    }
    ArrayObj *a = array_alloc(type, d);
    if (!a) {
        return KV_NULL;
    }
    int r = 0;
    if (!init) {
        r = 0;
    } else if (kstr_check(init)) {
        r = extend_unicode(a, init);
    } else if (kbytes_check(init) || kbytearray_check(init)) {
        r = extend_bytes(a, init);
    } else if (array_check(init) && ARR(init)->d == d) {
        r = extend_array(a, ARR(init));
    } else {
        r = extend_iter(a, init);
    }
    if (r < 0) {
        kval_decref(kval_of(a));
        return KV_NULL;
    }
    return kval_of(a);
}

// array(typecode[, initializer])
static KValue array_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (type == &karray_type && kargs_no_kw("array.array", kwnames) < 0) {
        return KV_NULL;
    }
    if (kargs_count("array", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue tc = args[0];
    if (!kstr_check(tc) || kstr_len(tc) != 1) {
        kerr_format(&kexc_TypeError, "array() argument 1 must be a unicode character, not %s",
                    kstr_check(tc) ? "str" : ktype_name(kval_type(tc)));
        return KV_NULL;
    }
    uint32_t c = kstr_char((const KStr *)tc, 0);
    if (!karray_descr(c)) {
        kerr_set(&kexc_ValueError,
                 "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return KV_NULL;
    }
    return make_array(type, (char)c, nargs > 1 ? args[1] : KV_NULL);
}

// ---------------------------------------------------------------------------
// Sequence protocol

static ssize_t array_len(KValue self) {
    return ARR(self)->len;
}

static KValue array_slice(ArrayObj *a, KValue key) {
    ssize_t start, stop, step;
    ssize_t n = kslice_indices(key, a->len, &start, &stop, &step);
    if (n < 0) {
        return KV_NULL;
    }
    if (step == 1) {
        return (KValue)array_from_data(&karray_type, a->d, item_ptr(a, start), n);
    }
    ArrayObj *r = array_alloc(&karray_type, a->d);
    if (!r || resize(r, n) < 0) {
        kval_xdecref(kval_of(r));
        return KV_NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        memcpy(item_ptr(r, i), item_ptr(a, start + i * step), (size_t)a->d->itemsize);
    }
    return kval_of(r);
}

// An int index (negative from the end); -1 with 'what' index out of range.
static int index_of(ArrayObj *a, KValue key, const char *msg, ssize_t *out) {
    ssize_t i = knum_as_ssize(key, &kexc_IndexError);
    if (i == -1 && kerr_occurred()) {
        return -1;
    }
    if (i < 0) {
        i += a->len;
    }
    if (i < 0 || i >= a->len) {
        kerr_set(&kexc_IndexError, msg);
        return -1;
    }
    *out = i;
    return 0;
}

static int is_index(KValue key) {
    return kint_check(key) || knb(kval_type(key))->index;
}

static KValue array_getitem(KValue self, KValue key) {
    ArrayObj *a = ARR(self);
    if (kslice_check(key)) {
        return array_slice(a, key);
    }
    if (!is_index(key)) {
        kerr_set(&kexc_TypeError, "array indices must be integers");
        return KV_NULL;
    }
    ssize_t i;
    return index_of(a, key, "array index out of range", &i) < 0 ? KV_NULL : get_item(a, i);
}

// Removes the items [start, stop) (step 1) or 'n' items from 'start' by 'step'.
static int delete_items(ArrayObj *a, ssize_t start, ssize_t step, ssize_t n) {
    if (n <= 0) {
        return 0;
    }
    if (refuse_resize(a, a->len - n) < 0) {
        return -1;
    }
    int size = a->d->itemsize;
    if (step < 0) { // the same items walked forwards
        start += (n - 1) * step;
        step = -step;
    }
    ssize_t w = start;
    for (ssize_t r = start; r < a->len; r++) {
        if (r < start + n * step && (r - start) % step == 0) {
            continue;
        }
        memmove(item_ptr(a, w++), item_ptr(a, r), (size_t)size);
    }
    a->len = w;
    return 0;
}

static int assign_slice(ArrayObj *a, KValue key, KValue value) {
    ssize_t start, stop, step;
    ssize_t n = kslice_indices(key, a->len, &start, &stop, &step);
    if (n < 0) {
        return -1;
    }
    if (!value) {
        return delete_items(a, start, step, n);
    }
    if (!array_check(value)) {
        kerr_format(&kexc_TypeError, "can only assign array (not \"%s\") to array slice",
                    ktype_name(kval_type(value)));
        return -1;
    }
    ArrayObj *b = ARR(value);
    if (b->d != a->d) {
        kerr_set(&kexc_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    int size = a->d->itemsize;
    if (step == 1) {
        ssize_t m = b->len, tail = a->len - start - n;
        if (refuse_resize(a, a->len + m - n) < 0) {
            return -1;
        }
        char *copy = NULL;
        if (m > 0) { // 'b' may be 'a' itself
            copy = kmem_alloc((size_t)(m * size));
            if (!copy) {
                kerr_no_memory();
                return -1;
            }
            memcpy(copy, b->items, (size_t)(m * size));
        }
        if (m > n && reserve(a, a->len + m - n) < 0) {
            kmem_free(copy);
            return -1;
        }
        memmove(item_ptr(a, start + m), item_ptr(a, start + n), (size_t)(tail * size));
        if (m > 0) {
            memcpy(item_ptr(a, start), copy, (size_t)(m * size));
        }
        kmem_free(copy);
        a->len += m - n;
        return 0;
    }
    if (b->len != n) {
        kerr_format(&kexc_ValueError,
                    "attempt to assign array of size %zd to extended slice of size %zd", b->len, n);
        return -1;
    }
    if (b == a) { // a[::-1] = a: the source must not change under the copy
        ArrayObj *c = array_from_data(&karray_type, a->d, a->items, a->len);
        if (!c) {
            return -1;
        }
        int r = assign_slice(a, key, kval_of(c));
        kval_decref(kval_of(c));
        return r;
    }
    for (ssize_t i = 0; i < n; i++) {
        memcpy(item_ptr(a, start + i * step), item_ptr(b, i), (size_t)size);
    }
    return 0;
}

static int array_setitem(KValue self, KValue key, KValue value) {
    ArrayObj *a = ARR(self);
    if (kslice_check(key)) {
        return assign_slice(a, key, value);
    }
    if (!is_index(key)) {
        kerr_set(&kexc_TypeError, "array indices must be integers");
        return -1;
    }
    ssize_t i;
    if (index_of(a, key, "array assignment index out of range", &i) < 0) {
        return -1;
    }
    if (!value) {
        return delete_items(a, i, 1, 1);
    }
    return a->d->set(item_ptr(a, i), value);
}

// Position of the first item equal to 'v' in [start, stop), or -1 (-2 on error).
static ssize_t find(ArrayObj *a, KValue v, ssize_t start, ssize_t stop) {
    for (ssize_t i = start; i < stop && i < a->len; i++) {
        KValue item = get_item(a, i);
        if (!item) {
            return -2;
        }
        int eq = kobj_richcompare_bool(item, v, KF_CMP_EQ);
        kval_decref(item);
        if (eq != 0) {
            return eq < 0 ? -2 : i;
        }
    }
    return -1;
}

static int array_contains(KValue self, KValue v) {
    ssize_t i = find(ARR(self), v, 0, ARR(self)->len);
    return i == -2 ? -1 : i >= 0;
}

static KValue array_concat(KValue x, KValue y) {
    if (!array_check(x)) {
        return kval_newref(KV_NOTIMPL);
    }
    if (!array_check(y)) {
        kerr_format(&kexc_TypeError, "can only append array (not \"%s\") to array",
                    ktype_name(kval_type(y)));
        return KV_NULL;
    }
    ArrayObj *a = ARR(x), *b = ARR(y);
    if (a->d != b->d) {
        kerr_set(&kexc_TypeError, "bad argument type for built-in operation");
        return KV_NULL;
    }
    ArrayObj *r = array_from_data(&karray_type, a->d, a->items, a->len);
    if (r && extend_array(r, b) < 0) {
        kval_decref(kval_of(r));
        return KV_NULL;
    }
    return r ? kval_of(r) : KV_NULL;
}

// The repeat count of a * n: an index, or NotImplemented (KV_NULL, 0).
static int repeat_count(KValue n, ssize_t *count) {
    if (!is_index(n)) {
        return 0;
    }
    *count = knum_as_ssize(n, &kexc_OverflowError);
    return *count == -1 && kerr_occurred() ? -1 : 1;
}

static int repeat_into(ArrayObj *r, const char *data, ssize_t len, ssize_t count) {
    int size = r->d->itemsize;
    if (count <= 0 || len == 0) {
        if (refuse_resize(r, 0) < 0) {
            return -1;
        }
        r->len = 0;
        return 0;
    }
    if (len > PTRDIFF_MAX / 16 / count / size) {
        kerr_no_memory();
        return -1;
    }
    if (resize(r, len * count) < 0) {
        return -1;
    }
    for (ssize_t c = 0; c < count; c++) {
        memmove(r->items + c * len * size, data, (size_t)(len * size));
    }
    return 0;
}

static KValue array_repeat(KValue x, KValue y) {
    KValue arr = array_check(x) ? x : y, n = array_check(x) ? y : x;
    ssize_t count;
    int k = repeat_count(n, &count);
    if (k < 0) {
        return KV_NULL;
    }
    if (k == 0) {
        // A class's __rmul__ may still answer; a builtin operand never does
        // (CPython's message names it, not a str's or list's view of us).
        if (kval_type(n)->flags & KTF_HEAPTYPE) {
            return kval_newref(KV_NOTIMPL);
        }
        kerr_format(&kexc_TypeError, "can't multiply sequence by non-int of type '%s'",
                    ktype_name(kval_type(n)));
        return KV_NULL;
    }
    ArrayObj *a = ARR(arr);
    ArrayObj *r = array_alloc(&karray_type, a->d);
    if (r && repeat_into(r, a->items, a->len, count) < 0) {
        kval_decref(kval_of(r));
        return KV_NULL;
    }
    return r ? kval_of(r) : KV_NULL;
}

static KValue array_iconcat(KValue x, KValue y) {
    if (!array_check(y)) {
        kerr_format(&kexc_TypeError, "can only extend array with array (not \"%s\")",
                    ktype_name(kval_type(y)));
        return KV_NULL;
    }
    return extend_array(ARR(x), ARR(y)) < 0 ? KV_NULL : kval_newref(x);
}

static KValue array_irepeat(KValue x, KValue y) {
    ssize_t count;
    int k = repeat_count(y, &count);
    if (k <= 0) {
        return k < 0 ? KV_NULL : kval_newref(KV_NOTIMPL);
    }
    ArrayObj *a = ARR(x);
    if (count > 1 && a->len > 0) {
        ArrayObj *copy = array_from_data(&karray_type, a->d, a->items, a->len);
        int r = copy ? repeat_into(a, copy->items, copy->len, count) : -1;
        kval_xdecref(kval_of(copy));
        if (r < 0) {
            return KV_NULL;
        }
    } else if (count <= 0) {
        if (refuse_resize(a, 0) < 0) {
            return KV_NULL;
        }
        a->len = 0;
    }
    return kval_newref(x);
}

// Item-wise comparison through Python objects, as CPython's.
static KValue array_richcompare(KValue x, KValue y, int op) {
    if (!array_check(x) || !array_check(y)) {
        return kval_newref(KV_NOTIMPL);
    }
    ArrayObj *a = ARR(x), *b = ARR(y);
    if (a->len != b->len && (op == KF_CMP_EQ || op == KF_CMP_NE)) {
        return kval_newref(kbool_from(op == KF_CMP_NE));
    }
    ssize_t i = 0;
    for (; i < a->len && i < b->len; i++) {
        KValue u = get_item(a, i), v = u ? get_item(b, i) : KV_NULL;
        int eq = v ? kobj_richcompare_bool(u, v, KF_CMP_EQ) : -1;
        if (eq == 0) {
            KValue r = op == KF_CMP_EQ   ? kval_newref(KV_FALSE)
                       : op == KF_CMP_NE ? kval_newref(KV_TRUE)
                                         : kobj_richcompare(u, v, op);
            kval_decref(u);
            kval_decref(v);
            return r;
        }
        kval_xdecref(u);
        kval_xdecref(v);
        if (eq < 0) {
            return KV_NULL;
        }
    }
    ssize_t la = a->len, lb = b->len;
    int r;
    switch (op) {
    case KF_CMP_LT:
        r = la < lb;
        break;
    case KF_CMP_LE:
        r = la <= lb;
        break;
    case KF_CMP_EQ:
        r = la == lb;
        break;
    case KF_CMP_NE:
        r = la != lb;
        break;
    case KF_CMP_GT:
        r = la > lb;
        break;
    default:
        r = la >= lb;
        break;
    }
    return kval_newref(kbool_from(r));
}

static KValue to_list(ArrayObj *a) {
    KValue list = klist_new(a->len);
    if (!list) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < a->len; i++) {
        KValue v = get_item(a, i);
        if (!v) {
            kval_decref(list);
            return KV_NULL;
        }
        klist_items(list)[i] = v;
    }
    return list;
}

static KValue to_unicode(ArrayObj *a) {
    return kstr_from_ucs4((const uint32_t *)a->items, a->len);
}

// "array('i', [1, 2])", "array('u', 'ab')", "array('d')"; a subclass by its name.
static KValue array_repr(KValue self) {
    ArrayObj *a = ARR(self);
    const char *name = ktype_short_name(kval_type(self));
    const char *dot = strrchr(name, '.');
    name = dot ? dot + 1 : name;
    if (a->len == 0) {
        return kstr_from_format("%s('%c')", name, a->d->typecode);
    }
    KValue items = a->d->typecode == 'u' ? to_unicode(a) : to_list(a);
    KValue r = items ? kstr_from_format("%s('%c', %R)", name, a->d->typecode, items) : KV_NULL;
    kval_xdecref(items);
    return r;
}

// ---------------------------------------------------------------------------
// Iteration

typedef struct ArrayIter {
    KOBJ_HEAD;
    KValue array; // KV_NULL once exhausted
    ssize_t index;
} ArrayIter;

static KType array_iter_type;

static KValue array_iter(KValue self) {
    ArrayIter *it = (ArrayIter *)kobj_alloc(&array_iter_type, sizeof(ArrayIter));
    if (!it) {
        return KV_NULL;
    }
    it->array = kval_newref(self);
    return kval_of(it);
}

static KValue array_iter_next(KValue self) {
    ArrayIter *it = (ArrayIter *)self;
    if (!it->array) {
        return KV_NULL;
    }
    ArrayObj *a = ARR(it->array);
    if (it->index >= a->len) {
        KValue old = it->array;
        it->array = KV_NULL;
        kval_decref(old);
        return KV_NULL;
    }
    return get_item(a, it->index++);
}

static void array_iter_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((ArrayIter *)o)->array);
    kobj_free(o);
}

static int array_iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue a = ((ArrayIter *)o)->array;
    return a && visit(a, arg);
}

static KValue iter_self(KValue self) {
    return kval_newref(self);
}

static KType array_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "array.arrayiterator",
    .basicsize = sizeof(ArrayIter),
    .flags = KTF_GC,
    .dealloc = array_iter_dealloc,
    .traverse = array_iter_traverse,
    .iter = iter_self,
    .iternext = array_iter_next,
};

// ---------------------------------------------------------------------------
// Methods

METHOD(m_append) {
    (void)nargs, (void)kw;
    return append_item(ARR(self), args[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(m_extend) {
    (void)nargs, (void)kw;
    int r = array_check(args[0]) ? extend_array(ARR(self), ARR(args[0]))
                                 : extend_iter(ARR(self), args[0]);
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(m_insert) {
    (void)kw;
    ArrayObj *a = ARR(self);
    if (kargs_count("insert", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    ssize_t i = knum_as_ssize(args[0], &kexc_OverflowError);
    if (i == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (i < 0) {
        i = i + a->len < 0 ? 0 : i + a->len;
    }
    if (i > a->len) {
        i = a->len;
    }
    if (append_item(a, args[1]) < 0) { // converted at the end, then moved into place
        return KV_NULL;
    }
    int size = a->d->itemsize;
    char item[8];
    memcpy(item, item_ptr(a, a->len - 1), (size_t)size);
    memmove(item_ptr(a, i + 1), item_ptr(a, i), (size_t)((a->len - 1 - i) * size));
    memcpy(item_ptr(a, i), item, (size_t)size);
    return kval_newref(KV_NONE);
}

METHOD(m_pop) {
    (void)kw;
    ArrayObj *a = ARR(self);
    ssize_t i = -1;
    if (kargs_count("pop", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    if (nargs > 0) {
        i = knum_as_ssize(args[0], &kexc_OverflowError);
        if (i == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (a->len == 0) {
        kerr_set(&kexc_IndexError, "pop from empty array");
        return KV_NULL;
    }
    if (i < 0) {
        i += a->len;
    }
    if (i < 0 || i >= a->len) {
        kerr_set(&kexc_IndexError, "pop index out of range");
        return KV_NULL;
    }
    KValue v = get_item(a, i);
    if (v && delete_items(a, i, 1, 1) < 0) {
        KVAL_CLEAR(v);
    }
    return v;
}

METHOD(m_remove) {
    (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    ssize_t i = find(a, args[0], 0, a->len);
    if (i == -1) {
        kerr_set(&kexc_ValueError, "array.remove(x): x not in array");
    }
    if (i < 0) {
        return KV_NULL;
    }
    return delete_items(a, i, 1, 1) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// index(x, start=0, stop=sys.maxsize, /)
METHOD(m_index) {
    (void)kw;
    ArrayObj *a = ARR(self);
    if (kargs_count("index", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    ssize_t bounds[2] = {0, PTRDIFF_MAX};
    for (size_t k = 1; k < nargs; k++) {
        ssize_t v = knum_as_ssize(args[k], NULL);
        if (v == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (v < 0) {
            v = v + a->len < 0 ? 0 : v + a->len;
        }
        bounds[k - 1] = v;
    }
    ssize_t i = find(a, args[0], bounds[0], bounds[1]);
    if (i == -1) {
        kerr_set(&kexc_ValueError, "array.index(x): x not in array");
    }
    return i < 0 ? KV_NULL : kint_from_i64(i);
}

METHOD(m_count) {
    (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    ssize_t n = 0;
    for (ssize_t i = 0; i < a->len; i++) {
        KValue item = get_item(a, i);
        int eq = item ? kobj_richcompare_bool(item, args[0], KF_CMP_EQ) : -1;
        kval_xdecref(item);
        if (eq < 0) {
            return KV_NULL;
        }
        n += eq;
    }
    return kint_from_i64(n);
}

METHOD(m_reverse) {
    (void)args, (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    int size = a->d->itemsize;
    char tmp[8];
    for (ssize_t i = 0, j = a->len - 1; i < j; i++, j--) {
        memcpy(tmp, item_ptr(a, i), (size_t)size);
        memcpy(item_ptr(a, i), item_ptr(a, j), (size_t)size);
        memcpy(item_ptr(a, j), tmp, (size_t)size);
    }
    return kval_newref(KV_NONE);
}

METHOD(m_byteswap) {
    (void)args, (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    int size = a->d->itemsize;
    for (ssize_t i = 0; i < a->len; i++) {
        unsigned char *p = (unsigned char *)item_ptr(a, i);
        for (int k = 0; k < size / 2; k++) {
            unsigned char t = p[k];
            p[k] = p[size - 1 - k];
            p[size - 1 - k] = t;
        }
    }
    return kval_newref(KV_NONE);
}

METHOD(m_buffer_info) {
    (void)args, (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    KValue addr = kint_from_u64((uint64_t)(uintptr_t)a->items);
    KValue len = kint_from_i64(a->len);
    KValue r = addr && len ? ktuple_pack(2, addr, len) : KV_NULL;
    kval_xdecref(addr);
    kval_xdecref(len);
    return r;
}

METHOD(m_tobytes) {
    (void)args, (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    return kbytes_from_data(a->items, a->len * a->d->itemsize);
}

METHOD(m_frombytes) {
    (void)nargs, (void)kw;
    return extend_bytes(ARR(self), args[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(m_tolist) {
    (void)args, (void)nargs, (void)kw;
    return to_list(ARR(self));
}

// fromlist(list): all items or none.
METHOD(m_fromlist) {
    (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    if (!klist_check(args[0])) {
        kerr_set(&kexc_TypeError, "arg must be list");
        return KV_NULL;
    }
    ssize_t old = a->len;
    for (ssize_t i = 0; i < klist_len(args[0]); i++) {
        if (append_item(a, klist_items(args[0])[i]) < 0) {
            a->len = old;
            return KV_NULL;
        }
    }
    return kval_newref(KV_NONE);
}

METHOD(m_tounicode) {
    (void)args, (void)nargs, (void)kw;
    if (ARR(self)->d->typecode != 'u') {
        kerr_set(&kexc_ValueError, "tounicode() may only be called on unicode type arrays");
        return KV_NULL;
    }
    return to_unicode(ARR(self));
}

METHOD(m_fromunicode) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "fromunicode() argument must be str, not %s",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    if (ARR(self)->d->typecode != 'u') {
        kerr_set(&kexc_ValueError, "fromunicode() may only be called on unicode type arrays");
        return KV_NULL;
    }
    return extend_unicode(ARR(self), args[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// fromfile(f, n, /): n items read from f.read().
METHOD(m_fromfile) {
    (void)kw;
    ArrayObj *a = ARR(self);
    if (kargs_count("fromfile", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    ssize_t n = knum_as_ssize(args[1], &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (n < 0) {
        kerr_set(&kexc_ValueError, "negative count");
        return KV_NULL;
    }
    if (n > PTRDIFF_MAX / a->d->itemsize) {
        return kerr_no_memory();
    }
    KValue want = kint_from_i64(n * a->d->itemsize);
    KValue name = kstr_from_cstr("read");
    KValue data = want && name ? kobj_call_method(args[0], name, &want, 1) : KV_NULL;
    kval_xdecref(want);
    kval_xdecref(name);
    if (!data) {
        return KV_NULL;
    }
    if (!kbytes_check(data)) {
        kval_decref(data);
        kerr_set(&kexc_TypeError, "read() didn't return bytes");
        return KV_NULL;
    }
    ssize_t got = kbytes_len(data);
    ssize_t whole = got - got % a->d->itemsize;
    KValue part = kbytes_from_data(kbytes_data(data, &got), whole);
    kval_decref(data);
    int r = part ? extend_bytes(a, part) : -1;
    kval_xdecref(part);
    if (r < 0) {
        return KV_NULL;
    }
    if (whole < n * a->d->itemsize) {
        kerr_set(&kexc_EOFError, "read() didn't return enough bytes");
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

// tofile(f, /): f.write() of the bytes, in blocks of 64 KiB.
METHOD(m_tofile) {
    (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    ssize_t total = a->len * a->d->itemsize, block = 64 * 1024;
    KValue name = kstr_from_cstr("write");
    if (!name) {
        return KV_NULL;
    }
    for (ssize_t off = 0; off < total; off += block) {
        KValue chunk = kbytes_from_data(a->items + off, total - off < block ? total - off : block);
        KValue r = chunk ? kobj_call_method(args[0], name, &chunk, 1) : KV_NULL;
        kval_xdecref(chunk);
        if (!r) {
            kval_decref(name);
            return KV_NULL;
        }
        kval_decref(r);
    }
    kval_decref(name);
    return kval_newref(KV_NONE);
}

METHOD(m_copy) {
    (void)args, (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    ArrayObj *c = array_from_data(&karray_type, a->d, a->items, a->len); // as CPython: never a subclass
    return c ? kval_of(c) : KV_NULL;
}

METHOD(m_sizeof) {
    (void)args, (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    return kint_from_i64(kval_type(self)->basicsize + a->cap * a->d->itemsize);
}

static KValue reconstructor; // array._array_reconstructor, for __reduce_ex__

// __reduce_ex__(protocol): (type, (typecode, list), dict) below protocol 3,
// else (_array_reconstructor, (type, typecode, mformat, bytes), dict).
METHOD(m_reduce_ex) {
    (void)nargs, (void)kw;
    ArrayObj *a = ARR(self);
    ssize_t protocol = knum_as_ssize(args[0], &kexc_OverflowError);
    if (protocol == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    KValue dict = kobj_getattr_cstr(self, "__dict__");
    if (!dict) {
        if (!kerr_matches(&kexc_AttributeError)) {
            return KV_NULL;
        }
        kerr_clear();
        dict = kval_newref(KV_NONE);
    }
    KValue tc = kstr_from_char((unsigned char)a->d->typecode), cargs = KV_NULL, r = KV_NULL;
    KValue type = kval_of(kval_type(self));
    if (tc && protocol < 3) {
        KValue list = to_list(a);
        cargs = list ? ktuple_pack(2, tc, list) : KV_NULL;
        kval_xdecref(list);
        r = cargs ? ktuple_pack(3, type, cargs, dict) : KV_NULL;
    } else if (tc) {
        KValue mf = kval_from_int(a->d->mformat);
        KValue data = kbytes_from_data(a->items, a->len * a->d->itemsize);
        cargs = data ? ktuple_pack(4, type, tc, mf, data) : KV_NULL;
        kval_xdecref(data);
        r = cargs ? ktuple_pack(3, reconstructor, cargs, dict) : KV_NULL;
    }
    kval_xdecref(cargs);
    kval_xdecref(tc);
    kval_decref(dict);
    return r;
}

static KValue get_typecode(KValue self) {
    return kstr_from_char((unsigned char)ARR(self)->d->typecode);
}

static KValue get_itemsize(KValue self) {
    return kval_from_int(ARR(self)->d->itemsize);
}

static const KMethodDef array_methods[] = {
    {"append", m_append, KMETH_O, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, KMETH_NOARGS, NULL},
    {"byteswap", m_byteswap, KMETH_NOARGS, "Byteswap all items of the array."},
    {"count", m_count, KMETH_O, "Return number of occurrences of v in the array."},
    {"extend", m_extend, KMETH_O, "Append items to the end of the array."},
    {"frombytes", m_frombytes, KMETH_O, NULL},
    {"fromfile", m_fromfile, KMETH_FAST, NULL},
    {"fromlist", m_fromlist, KMETH_O, "Append items to array from list."},
    {"fromunicode", m_fromunicode, KMETH_O, NULL},
    {"index", m_index, KMETH_FAST, NULL},
    {"insert", m_insert, KMETH_FAST, "Insert a new item v into the array before position i."},
    {"pop", m_pop, KMETH_FAST, NULL},
    {"remove", m_remove, KMETH_O, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, KMETH_NOARGS, "Reverse the order of the items in the array."},
    {"tobytes", m_tobytes, KMETH_NOARGS, NULL},
    {"tofile", m_tofile, KMETH_O, "Write all items (as machine values) to the file object f."},
    {"tolist", m_tolist, KMETH_NOARGS, "Convert array to an ordinary list with the same items."},
    {"tounicode", m_tounicode, KMETH_NOARGS, NULL},
    {"__copy__", m_copy, KMETH_NOARGS, "Return a copy of the array."},
    {"__deepcopy__", m_copy, KMETH_O, "Return a copy of the array."},
    {"__reduce_ex__", m_reduce_ex, KMETH_O, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, KMETH_NOARGS, "Size of the array in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef array_getsets[] = {
    {"typecode", get_typecode, NULL, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, NULL, "the size, in bytes, of one array item"},
    {NULL, NULL, NULL, NULL},
};

// The buffer protocol: the items in place, formatted by the type code.
static int array_getbuffer(KValue self, KBuffer *view) {
    ArrayObj *a = ARR(self);
    view->buf = a->items;
    view->len = a->len * a->d->itemsize;
    view->itemsize = a->d->itemsize;
    view->format = a->d->typecode == 'u' ? 'w' : a->d->typecode; // 'w': UCS-4, as CPython
    view->readonly = 0;
    a->exports++;
    return 0;
}

static void array_releasebuffer(KValue self) {
    ARR(self)->exports--;
}

static const KBufferSlots array_buffer = {array_getbuffer, array_releasebuffer};

KType karray_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "array.array",
    .buffer = &array_buffer,
    .basicsize = sizeof(ArrayObj),
    .flags = KTF_BASETYPE | KTF_WEAKREF | KTF_SEQUENCE,
    .dealloc = array_dealloc,
    .repr = array_repr,
    .richcompare = array_richcompare,
    .iter = array_iter,
    .new_ = array_new,
    .len = array_len,
    .getitem = array_getitem,
    .setitem = array_setitem,
    .contains = array_contains,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = array_concat, [KNB_MULTIPLY] = array_repeat},
           .inplace = {[KNB_ADD] = array_iconcat, [KNB_MULTIPLY] = array_irepeat}},
    .methods = array_methods,
    .getsets = array_getsets,
};

static KValue m_reconstructor(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    return karray_reconstruct(args, nargs, make_array);
}

static const KMethodDef array_functions[] = {
    {"_array_reconstructor", m_reconstructor, KMETH_FAST, "Internal. Used for pickling support."},
    {NULL, NULL, 0, NULL},
};

KValue kmod_array_create(void) {
    if (ktype_ready(&karray_type) < 0 || ktype_ready(&array_iter_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("array");
    KValue codes = kstr_from_cstr(karray_typecodes);
    if (!m || !codes || kmod_add_functions(m, array_functions) < 0 ||
        kmod_add(m, "array", kval_of(&karray_type)) < 0 ||
        kmod_add(m, "ArrayType", kval_of(&karray_type)) < 0 || kmod_add(m, "typecodes", codes) < 0) {
        goto error;
    }
    kval_decref(codes);
    if (!reconstructor) {
        reconstructor = kobj_getattr_cstr(m, "_array_reconstructor");
        if (!reconstructor) {
            kval_decref(m);
            return KV_NULL;
        }
    }
    return m;
error:
    kval_xdecref(codes);
    kval_xdecref(m);
    return KV_NULL;
}
