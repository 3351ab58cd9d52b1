// vm/list.c: the list type: a growable array of owned items (grown by
// about 1/8 as CPython's list_resize), its methods, slices and iterators.
// Sorting is in listsort.c.
#include "list.h"
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

KValue kseq_richcompare(const KValue *a, ssize_t na, const KValue *b, ssize_t nb, int op);
KValue kseq_index_method(const KValue *items, ssize_t len, const KValue *args, size_t nargs,
                         const char *what);

// Makes room for 'n' items (the length is not changed); -1 on MemoryError.
static int list_reserve(KList *l, ssize_t n) {
    if (n <= l->cap) {
        return 0;
    }
    ssize_t cap = n + (n >> 3) + (n < 9 ? 3 : 6);
    if ((size_t)cap > SIZE_MAX / 2 / sizeof(KValue)) {
        kerr_no_memory();
        return -1;
    }
    KValue *items = kmem_realloc(l->items, (size_t)cap * sizeof(KValue));
    if (!items) {
        kerr_no_memory();
        return -1;
    }
    l->items = items;
    l->cap = cap;
    return 0;
}

// A list of 'len' items, zeroed unless 'fill' (whose caller stores every
// item before anything else can see the list).
static KValue list_alloc(KType *type, ssize_t len, int fill) {
    KList *l = (KList *)kobj_alloc(type, type == &klist_type ? sizeof(KList) : (size_t)type->basicsize);
    if (!l) {
        return kerr_no_memory();
    }
    if (len > 0) {
        size_t size = (size_t)len * sizeof(KValue);
        l->items = fill ? kmem_alloc(size) : kmem_zalloc(size);
        if (!l->items) {
            kval_decref(kval_of(l));
            return kerr_no_memory();
        }
        l->cap = len;
    }
    l->len = len;
    return kval_of(l);
}

KValue klist_new(ssize_t len) {
    return list_alloc(&klist_type, len, 0);
}

int klist_append(KValue v, KValue item) {
    KList *l = (KList *)v;
    if (l->len == l->cap && list_reserve(l, l->len + 1) < 0) {
        return -1;
    }
    l->items[l->len++] = kval_newref(item);
    return 0;
}

KValue klist_from_array(const KValue *items, ssize_t len) {
    KValue l = klist_new(len);
    if (!l) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < len; i++) {
        klist_items(l)[i] = kval_newref(items[i]);
    }
    return l;
}

int klist_extend(KValue v, KValue iterable) {
    KList *l = (KList *)v;
    if (klist_check(iterable) || ktuple_check(iterable)) {
        ssize_t n = klist_check(iterable) ? klist_len(iterable) : ktuple_len(iterable);
        if (list_reserve(l, l->len + n) < 0) {
            return -1;
        }
        // Re-read the source items: extending a list with itself.
        KValue *src = klist_check(iterable) ? klist_items(iterable) : ktuple_items(iterable);
        for (ssize_t i = 0; i < n; i++) {
            l->items[l->len + i] = kval_newref(src[i]);
        }
        l->len += n;
        return 0;
    }
    KValue it = kobj_get_iter(iterable);
    if (!it) {
        return -1;
    }
    ssize_t hint = kobj_length_hint(iterable, 0);
    if (hint > 0 && list_reserve(l, l->len + hint) < 0) {
        kval_decref(it);
        return -1;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        if (l->len == l->cap && list_reserve(l, l->len + 1) < 0) {
            kval_decref(item);
            kval_decref(it);
            return -1;
        }
        l->items[l->len++] = item;
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

KValue klist_from_iterable(KValue iterable) {
    KValue l = klist_new(0);
    if (l && klist_extend(l, iterable) < 0) {
        kval_decref(l);
        return KV_NULL;
    }
    return l;
}

void klist_reverse(KValue v) {
    KList *l = (KList *)v;
    for (ssize_t i = 0, j = l->len - 1; i < j; i++, j--) {
        KValue t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

KValue klist_as_tuple(KValue l) {
    return ktuple_from_array(klist_items(l), klist_len(l));
}

// Replaces l[lo:hi] with the 'n' items at 'v' (borrowed). -1 on error.
static int list_ass_slice(KList *l, ssize_t lo, ssize_t hi, const KValue *v, ssize_t n) {
    if (lo < 0) {
        lo = 0;
    } else if (lo > l->len) {
        lo = l->len;
    }
    if (hi < lo) {
        hi = lo;
    } else if (hi > l->len) {
        hi = l->len;
    }
    ssize_t d = n - (hi - lo);
    ssize_t removed = hi - lo;
    KValue local[8];
    KValue *old = removed <= 8 ? local : kmem_alloc((size_t)removed * sizeof(KValue));
    if (!old) {
        kerr_no_memory();
        return -1;
    }
    if (d > 0 && list_reserve(l, l->len + d) < 0) {
        if (old != local) {
            kmem_free(old);
        }
        return -1;
    }
    // An empty list may have no item array at all: memcpy/memmove from NULL
    // is undefined even for 0 bytes (UBSan: "x = []; x[:] = []").
    if (removed > 0) {
        memcpy(old, l->items + lo, (size_t)removed * sizeof(KValue));
    }
    if (l->len > hi) {
        memmove(l->items + hi + d, l->items + hi, (size_t)(l->len - hi) * sizeof(KValue));
    }
    for (ssize_t i = 0; i < n; i++) {
        l->items[lo + i] = kval_newref(v[i]);
    }
    l->len += d;
    for (ssize_t i = 0; i < removed; i++) {
        kval_decref(old[i]);
    }
    if (old != local) {
        kmem_free(old);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Slots.

static void list_dealloc(KObject *o) {
    KList *l = (KList *)o;
    kgc_untrack(o);
    for (ssize_t i = 0; i < l->len; i++) {
        kval_xdecref(l->items[i]);
    }
    kmem_free(l->items);
    kobj_free(o);
}

static int list_traverse(KObject *o, KVisitFn visit, void *arg) {
    KList *l = (KList *)o;
    for (ssize_t i = 0; i < l->len; i++) {
        if (l->items[i] && visit(l->items[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static void list_clear_slot(KObject *o) {
    KList *l = (KList *)o;
    KValue *items = l->items;
    ssize_t n = l->len;
    l->items = NULL;
    l->len = l->cap = 0;
    for (ssize_t i = 0; i < n; i++) {
        kval_xdecref(items[i]);
    }
    kmem_free(items);
}

static KValue list_repr(KValue v) {
    if (klist_len(v) == 0) {
        return kstr_from_cstr("[]");
    }
    int r = krepr_enter(v);
    if (r != 0) {
        return r > 0 ? kstr_from_cstr("[...]") : KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_char(&b, '[');
    for (ssize_t i = 0; i < klist_len(v); i++) {
        if (i) {
            kstr_builder_ascii(&b, ", ", 2);
        }
        KValue item = kval_newref(klist_items(v)[i]);
        KValue s = kobj_repr(item);
        kval_decref(item);
        if (!s) {
            kstr_builder_discard(&b);
            krepr_leave(v);
            return KV_NULL;
        }
        kstr_builder_str(&b, s);
        kval_decref(s);
    }
    kstr_builder_char(&b, ']');
    krepr_leave(v);
    return kstr_builder_finish(&b);
}

static KValue list_richcompare(KValue a, KValue b, int op) {
    if (!klist_check(a) || !klist_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    if ((op == KF_CMP_EQ || op == KF_CMP_NE) && klist_len(a) != klist_len(b)) {
        return kbool_from(op == KF_CMP_NE);
    }
    // Hold both lists' items: a comparison may mutate them.
    KValue ta = klist_as_tuple(a);
    KValue tb = ta ? klist_as_tuple(b) : KV_NULL;
    KValue r = tb ? kseq_richcompare(ktuple_items(ta), ktuple_len(ta), ktuple_items(tb),
                                     ktuple_len(tb), op)
                  : KV_NULL;
    kval_xdecref(ta);
    kval_xdecref(tb);
    return r;
}

static ssize_t list_len(KValue v) {
    return klist_len(v);
}

static KValue list_getitem(KValue v, KValue key) {
    KList *l = (KList *)v;
    if (kval_is_int(key)) {
        intptr_t i = kval_int(key);
        if (i < 0) {
            i += l->len;
        }
        if (i < 0 || i >= l->len) {
            kerr_set(&kexc_IndexError, "list index out of range");
            return KV_NULL;
        }
        return kval_newref(l->items[i]);
    }
    if (kslice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = kslice_indices(key, l->len, &start, &stop, &step);
        if (n < 0) {
            return KV_NULL;
        }
        KValue r = list_alloc(&klist_type, n, 1);
        if (!r) {
            return KV_NULL;
        }
        KValue *dst = klist_items(r);
        for (size_t i = 0, j = (size_t)start; i < (size_t)n; i++, j += (size_t)step) {
            dst[i] = kval_newref(l->items[j]);
        }
        return r;
    }
    ssize_t i = kseq_index(key, l->len, "list");
    if (i < 0) {
        return KV_NULL;
    }
    return kval_newref(l->items[i]);
}

static int list_setslice(KList *l, KValue key, KValue value) {
    ssize_t start, stop, step;
    ssize_t n = kslice_indices(key, l->len, &start, &stop, &step);
    if (n < 0) {
        return -1;
    }
    if (!value) {
        if (step == 1) {
            return list_ass_slice(l, start, stop, NULL, 0);
        }
        if (step < 0) {
            // Delete from the low end up.
            start = start + step * (n - 1);
            step = -step;
        }
        KValue *items = l->items;
        ssize_t w = start;
        KValue *dead = kmem_alloc((size_t)(n ? n : 1) * sizeof(KValue));
        if (!dead) {
            kerr_no_memory();
            return -1;
        }
        ssize_t nd = 0;
        for (ssize_t r = start; r < l->len; r++) {
            if (nd < n && r == start + nd * step) {
                dead[nd++] = items[r];
            } else {
                items[w++] = items[r];
            }
        }
        l->len = w;
        for (ssize_t i = 0; i < nd; i++) {
            kval_decref(dead[i]);
        }
        kmem_free(dead);
        return 0;
    }
    KValue seq = kval_of(l) == value ? klist_as_tuple(value)
                                     : kseq_fast(value, "can only assign an iterable");
    if (!seq) {
        return -1;
    }
    ssize_t m = klist_check(seq) ? klist_len(seq) : ktuple_len(seq);
    KValue *src = klist_check(seq) ? klist_items(seq) : ktuple_items(seq);
    int rc;
    if (step == 1) {
        rc = list_ass_slice(l, start, stop, src, m);
    } else if (m != n) {
        kerr_format(&kexc_ValueError,
                    "attempt to assign sequence of size %zd to extended slice of size %zd", m, n);
        rc = -1;
    } else {
        for (size_t i = 0, j = (size_t)start; i < (size_t)n; i++, j += (size_t)step) {
            KValue old = l->items[j];
            l->items[j] = kval_newref(src[i]);
            kval_decref(old);
        }
        rc = 0;
    }
    kval_decref(seq);
    return rc;
}

static int list_setitem(KValue v, KValue key, KValue value) {
    KList *l = (KList *)v;
    if (kslice_check(key)) {
        return list_setslice(l, key, value);
    }
    ssize_t i;
    if (kval_is_int(key)) {
        i = kval_int(key);
        if (i < 0) {
            i += l->len;
        }
        if (i < 0 || i >= l->len) {
            kerr_set(&kexc_IndexError, value ? "list assignment index out of range"
                                             : "list assignment index out of range");
            return -1;
        }
    } else {
        i = kseq_index(key, l->len, "list assignment");
        if (i < 0) {
            return -1;
        }
    }
    if (!value) {
        return list_ass_slice(l, i, i + 1, NULL, 0);
    }
    KValue old = l->items[i];
    l->items[i] = kval_newref(value);
    kval_decref(old);
    return 0;
}

static int list_contains(KValue v, KValue item) {
    for (ssize_t i = 0; i < klist_len(v); i++) {
        KValue x = kval_newref(klist_items(v)[i]);
        int r = kobj_richcompare_bool(x, item, KF_CMP_EQ);
        kval_decref(x);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static KValue list_add(KValue a, KValue b) {
    if (!klist_check(a) || !klist_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t na = klist_len(a), nb = klist_len(b);
    KValue r = klist_new(na + nb);
    if (!r) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < na; i++) {
        klist_items(r)[i] = kval_newref(klist_items(a)[i]);
    }
    for (ssize_t i = 0; i < nb; i++) {
        klist_items(r)[na + i] = kval_newref(klist_items(b)[i]);
    }
    return r;
}

static KValue list_iadd(KValue a, KValue b) {
    if (klist_extend(a, b) < 0) {
        return KV_NULL;
    }
    return kval_newref(a);
}

static ssize_t repeat_count(KValue n) {
    return knum_as_ssize(n, &kexc_OverflowError);
}

static KValue list_mul(KValue a, KValue b) {
    KValue l = klist_check(a) ? a : b, n = klist_check(a) ? b : a;
    if (!kint_check(n) && knb(kval_type(n))->index == NULL) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t count = repeat_count(n);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    ssize_t len = klist_len(l);
    if (count <= 0 || len == 0) {
        return klist_new(0);
    }
    if (len > PTRDIFF_MAX / 16 / count) {
        return kerr_no_memory();
    }
    KValue r = klist_new(len * count);
    if (!r) {
        return KV_NULL;
    }
    KValue *dst = klist_items(r);
    for (ssize_t c = 0; c < count; c++) {
        for (ssize_t i = 0; i < len; i++) {
            dst[c * len + i] = kval_newref(klist_items(l)[i]);
        }
    }
    return r;
}

static KValue list_imul(KValue a, KValue b) {
    if (!kint_check(b) && knb(kval_type(b))->index == NULL) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t count = repeat_count(b);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    KList *l = (KList *)a;
    ssize_t len = l->len;
    if (count <= 0 || len == 0) {
        list_clear_slot(kval_obj(a));
        return kval_newref(a);
    }
    if (len > PTRDIFF_MAX / 16 / count) {
        return kerr_no_memory();
    }
    if (list_reserve(l, len * count) < 0) {
        return KV_NULL;
    }
    for (ssize_t c = 1; c < count; c++) {
        for (ssize_t i = 0; i < len; i++) {
            l->items[c * len + i] = kval_newref(l->items[i]);
        }
    }
    l->len = len * count;
    return kval_newref(a);
}

// Iterators: forward (shared layout with tuple's) and reversed.
typedef struct ListIter {
    KOBJ_HEAD;
    KValue seq;
    ssize_t index;
} ListIter;

static KType list_iter_type, list_reviter_type;

static KValue make_list_iter(KType *type, KValue v, ssize_t start) {
    ListIter *it = (ListIter *)kobj_alloc(type, sizeof(ListIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->seq = kval_newref(v);
    it->index = start;
    return kval_of(it);
}

static KValue list_iter(KValue v) {
    return make_list_iter(&list_iter_type, v, 0);
}

static KValue list_iter_next(KValue v) {
    ListIter *it = (ListIter *)v;
    if (!it->seq) {
        return KV_NULL;
    }
    if (it->index < klist_len(it->seq)) {
        return kval_newref(klist_items(it->seq)[it->index++]);
    }
    KVAL_CLEAR(it->seq);
    return KV_NULL;
}

static KValue list_reviter_next(KValue v) {
    ListIter *it = (ListIter *)v;
    if (!it->seq) {
        return KV_NULL;
    }
    if (it->index >= 0 && it->index < klist_len(it->seq)) {
        return kval_newref(klist_items(it->seq)[it->index--]);
    }
    KVAL_CLEAR(it->seq);
    return KV_NULL;
}

static void list_iter_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((ListIter *)o)->seq);
    kobj_free(o);
}

static int list_iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue s = ((ListIter *)o)->seq;
    return s && visit(s, arg);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue list_iter_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    ListIter *it = (ListIter *)self;
    ssize_t n = 0;
    if (it->seq) {
        n = kval_obj(self)->type == &list_iter_type ? klist_len(it->seq) - it->index
                                                   : it->index + 1;
    }
    return kval_from_int(n < 0 ? 0 : n);
}

static KValue list_iter_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    ListIter *it = (ListIter *)self;
    KValue empty = klist_new(0);
    int fwd = kval_obj(self)->type == &list_iter_type;
    KValue r = empty ? kiter_reduce_indexed(fwd ? "iter" : "reversed", it->seq, it->index, empty)
                     : KV_NULL;
    kval_xdecref(empty);
    return r;
}

static KValue list_iter_setstate(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue state = args[0];
    ListIter *it = (ListIter *)self;
    if (it->seq) {
        ssize_t n = klist_len(it->seq);
        int fwd = kval_obj(self)->type == &list_iter_type;
        if (kiter_setstate_index(state, fwd ? 0 : -1, fwd ? n : n - 1, &it->index) < 0) {
            return KV_NULL;
        }
    }
    return KV_NONE;
}

static const KMethodDef list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint, KMETH_NOARGS, NULL},
    {"__reduce__", list_iter_reduce, KMETH_NOARGS, NULL},
    {"__setstate__", list_iter_setstate, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static KType list_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "list_iterator",
    .basicsize = sizeof(ListIter),
    .flags = KTF_GC,
    .dealloc = list_iter_dealloc,
    .traverse = list_iter_traverse,
    .iter = self_iter,
    .iternext = list_iter_next,
    .methods = list_iter_methods,
};

static KType list_reviter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIter),
    .flags = KTF_GC,
    .dealloc = list_iter_dealloc,
    .traverse = list_iter_traverse,
    .iter = self_iter,
    .iternext = list_reviter_next,
    .methods = list_iter_methods,
};

static KValue list_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return list_alloc(type, 0, 0);
}

static int list_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (kval_type(self) == &klist_type && kargs_no_kw("list", kwnames) < 0) {
        return -1;
    }
    if (kargs_count("list", nargs, 0, 1) < 0) {
        return -1;
    }
    list_clear_slot(kval_obj(self));
    if (nargs) {
        return klist_extend(self, args[0]);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Methods.

static KValue list_append_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (klist_append(self, args[0]) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

static KValue list_extend_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (klist_extend(self, args[0]) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

static KValue list_insert(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("insert", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    ssize_t i = knum_as_ssize(args[0], NULL);
    if (i == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    KList *l = (KList *)self;
    if (i < 0) {
        i += l->len;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > l->len) {
        i = l->len;
    }
    if (list_ass_slice(l, i, i, &args[1], 1) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

static KValue list_pop(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("pop", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    KList *l = (KList *)self;
    ssize_t i = -1;
    if (nargs) {
        i = knum_as_ssize(args[0], NULL);
        if (i == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (l->len == 0) {
        kerr_set(&kexc_IndexError, "pop from empty list");
        return KV_NULL;
    }
    if (i < 0) {
        i += l->len;
    }
    if (i < 0 || i >= l->len) {
        kerr_set(&kexc_IndexError, "pop index out of range");
        return KV_NULL;
    }
    KValue v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(KValue));
    l->len--;
    return v;
}

static KValue list_remove(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KList *l = (KList *)self;
    for (ssize_t i = 0; i < l->len; i++) {
        KValue x = kval_newref(l->items[i]);
        int r = kobj_richcompare_bool(x, args[0], KF_CMP_EQ);
        kval_decref(x);
        if (r < 0) {
            return KV_NULL;
        }
        if (r) {
            if (i < l->len && list_ass_slice(l, i, i + 1, NULL, 0) < 0) {
                return KV_NULL;
            }
            return KV_NONE;
        }
    }
    kerr_set(&kexc_ValueError, "list.remove(x): x not in list");
    return KV_NULL;
}

static KValue list_index(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    return kseq_index_method(klist_items(self), klist_len(self), args, nargs, "list");
}

static KValue list_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    ssize_t c = 0;
    for (ssize_t i = 0; i < klist_len(self); i++) {
        KValue x = kval_newref(klist_items(self)[i]);
        int r = kobj_richcompare_bool(x, args[0], KF_CMP_EQ);
        kval_decref(x);
        if (r < 0) {
            return KV_NULL;
        }
        c += r;
    }
    return kval_from_int(c);
}

static KValue list_clear_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    list_clear_slot(kval_obj(self));
    return KV_NONE;
}

static KValue list_copy(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return klist_from_array(klist_items(self), klist_len(self));
}

static KValue list_reverse_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    klist_reverse(self);
    return KV_NONE;
}

static KValue list_sort_m(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"key", "reverse", NULL};
    KValue a[2];
    if (nargs > 0) {
        kerr_set(&kexc_TypeError, "sort() takes no positional arguments");
        return KV_NULL;
    }
    if (kargs_parse("sort", args, nargs, kwnames, kwlist, 0, 0, a) < 0) {
        return KV_NULL;
    }
    int reverse = 0;
    if (a[1]) {
        reverse = kobj_is_true(a[1]);
        if (reverse < 0) {
            return KV_NULL;
        }
    }
    KValue key = a[0] && a[0] != KV_NONE ? a[0] : KV_NULL;
    if (klist_sort(self, key, reverse) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

static KValue list_reversed(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return make_list_iter(&list_reviter_type, self, klist_len(self) - 1);
}

static KValue list_sizeof(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kval_from_int(40 + 8 * ((KList *)self)->cap);
}

KValue kgeneric_alias_new(KValue origin, KValue args);

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef list_methods[] = {
    {"append", list_append_m, KMETH_O, NULL},
    {"extend", list_extend_m, KMETH_O, NULL},
    {"insert", list_insert, KMETH_FAST, NULL},
    {"pop", list_pop, KMETH_FAST, NULL},
    {"remove", list_remove, KMETH_O, NULL},
    {"index", list_index, KMETH_FAST, NULL},
    {"count", list_count, KMETH_O, NULL},
    {"clear", list_clear_m, KMETH_NOARGS, NULL},
    {"copy", list_copy, KMETH_NOARGS, NULL},
    {"reverse", list_reverse_m, KMETH_NOARGS, NULL},
    {"sort", list_sort_m, KMETH_KW, NULL},
    {"__reversed__", list_reversed, KMETH_NOARGS, NULL},
    {"__sizeof__", list_sizeof, KMETH_NOARGS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType klist_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "list",
    .basicsize = sizeof(KList),
    .flags = KTF_BASETYPE | KTF_GC | KTF_LIST_SUBCLASS | KTF_SEQUENCE,
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .repr = list_repr,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .new_ = list_new,
    .init = list_init,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = list_add, [KNB_MULTIPLY] = list_mul},
           .inplace = {[KNB_ADD] = list_iadd, [KNB_MULTIPLY] = list_imul}},
    .methods = list_methods,
    .doc = "list(iterable=(), /)\n"
        "--\n"
        "\n"
        "Built-in mutable sequence.\n"
        "\n"
        "If no argument is given, the constructor creates a new empty list.\n"
        "The argument must be an iterable if specified.",
};

int klist_init(void) {
    if (ktype_ready(&list_iter_type) < 0 || ktype_ready(&list_reviter_type) < 0) {
        return -1;
    }
    return 0;
}
