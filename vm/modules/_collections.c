// vm/modules/_collections.c: the _collections module that collections
// builds on: deque (a ring buffer that doubles when full; maxlen bounds it
// by dropping items from the other end; iterators detect mutation through
// a state counter, as CPython's) and defaultdict (a dict whose __missing__
// calls default_factory), with CPython's reprs and messages.
#include <string.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

// ---------------------------------------------------------------------------
// deque

typedef struct {
    KOBJ_HEAD;
    KValue *items;
    ssize_t cap, head, len; // items[(head + i) % cap] for i < len; cap a power of two
    ssize_t maxlen;         // -1: unbounded
    size_t state;           // bumped by every mutation
} Deque;

static KType deque_type, deque_iter_type, deque_reviter_type;

static KValue *slot(Deque *d, ssize_t i) {
    return &d->items[(d->head + i) & (d->cap - 1)];
}

static int grow(Deque *d) {
    ssize_t cap = d->cap ? d->cap * 2 : 8;
    KValue *items = kmem_alloc((size_t)cap * sizeof(KValue));
    if (!items) {
        kerr_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < d->len; i++) {
        items[i] = *slot(d, i);
    }
    kmem_free(d->items);
    d->items = items;
    d->cap = cap;
    d->head = 0;
    return 0;
}

static KValue deque_pop_right(Deque *d) {
    KValue v = *slot(d, d->len - 1);
    d->len--;
    d->state++;
    return v;
}

static KValue deque_pop_left(Deque *d) {
    KValue v = *slot(d, 0);
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return v;
}

// Appends 'v' (borrowed) at the right or left; with maxlen reached, the
// item at the other end is dropped. -1 on MemoryError.
static int deque_push(Deque *d, KValue v, int left) {
    if (d->maxlen == 0) {
        return 0;
    }
    if (d->len == d->cap && grow(d) < 0) {
        return -1;
    }
    if (left) {
        d->head = (d->head - 1) & (d->cap - 1);
        d->items[d->head] = kval_newref(v);
    } else {
        *slot(d, d->len) = kval_newref(v);
    }
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen) {
        kval_decref(left ? deque_pop_right(d) : deque_pop_left(d));
    }
    return 0;
}

static void deque_clear_items(Deque *d) {
    while (d->len > 0) {
        kval_decref(deque_pop_right(d));
    }
}

static void deque_dealloc(KObject *o) {
    Deque *d = (Deque *)o;
    kgc_untrack(o);
    deque_clear_items(d);
    kmem_free(d->items);
    kobj_free(o);
}

static int deque_traverse(KObject *o, KVisitFn visit, void *arg) {
    Deque *d = (Deque *)o;
    for (ssize_t i = 0; i < d->len; i++) {
        if (visit(*slot(d, i), arg)) {
            return 1;
        }
    }
    return 0;
}

static void deque_clear_slot(KObject *o) {
    deque_clear_items((Deque *)o);
}

static KValue deque_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KValue v = ktype_generic_alloc(type, 0);
    if (v) {
        ((Deque *)v)->maxlen = -1;
    }
    return v;
}

static int deque_extend_from(Deque *d, KValue iterable, int left) {
    if (iterable == kval_of(d)) {
        KValue copy = klist_from_iterable(iterable);
        if (!copy) {
            return -1;
        }
        int r = deque_extend_from(d, copy, left);
        kval_decref(copy);
        return r;
    }
    KValue it = kobj_get_iter(iterable);
    if (!it) {
        return -1;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        int r = deque_push(d, item, left);
        kval_decref(item);
        if (r < 0) {
            kval_decref(it);
            return -1;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

static int deque_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"iterable", "maxlen", NULL};
    KValue a[2];
    Deque *d = (Deque *)self;
    if (kargs_parse("deque", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return -1;
    }
    ssize_t maxlen = -1;
    if (a[1] && a[1] != KV_NONE) {
        maxlen = knum_as_ssize(a[1], &kexc_OverflowError);
        if (maxlen == -1 && kerr_occurred()) {
            return -1;
        }
        if (maxlen < 0) {
            kerr_set(&kexc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->len > 0) {
        deque_clear_items(d);
    }
    return a[0] ? deque_extend_from(d, a[0], 0) : 0;
}

#define DQ(self) ((Deque *)(self))
#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

METHOD(dq_append) {
    (void)nargs, (void)kw;
    return deque_push(DQ(self), args[0], 0) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(dq_appendleft) {
    (void)nargs, (void)kw;
    return deque_push(DQ(self), args[0], 1) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(dq_pop) {
    (void)args, (void)nargs, (void)kw;
    if (DQ(self)->len == 0) {
        kerr_set(&kexc_IndexError, "pop from an empty deque");
        return KV_NULL;
    }
    return deque_pop_right(DQ(self));
}

METHOD(dq_popleft) {
    (void)args, (void)nargs, (void)kw;
    if (DQ(self)->len == 0) {
        kerr_set(&kexc_IndexError, "pop from an empty deque");
        return KV_NULL;
    }
    return deque_pop_left(DQ(self));
}

METHOD(dq_extend) {
    (void)nargs, (void)kw;
    return deque_extend_from(DQ(self), args[0], 0) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(dq_extendleft) {
    (void)nargs, (void)kw;
    return deque_extend_from(DQ(self), args[0], 1) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(dq_clear) {
    (void)args, (void)nargs, (void)kw;
    deque_clear_items(DQ(self));
    return kval_newref(KV_NONE);
}

static KValue deque_copy(KValue self) {
    Deque *d = DQ(self);
    KType *t = kval_type(self);
    if (t == &deque_type) {
        KValue c = deque_new(t, NULL, 0, KV_NULL);
        if (!c) {
            return KV_NULL;
        }
        DQ(c)->maxlen = d->maxlen;
        for (ssize_t i = 0; i < d->len; i++) {
            if (deque_push(DQ(c), *slot(d, i), 0) < 0) {
                kval_decref(c);
                return KV_NULL;
            }
        }
        return c;
    }
    // A subclass: type(d)(d) or type(d)(d, maxlen), as CPython.
    if (d->maxlen < 0) {
        return kobj_call1(kval_of(t), self);
    }
    return kobj_call2(kval_of(t), self, kval_from_int(d->maxlen));
}

METHOD(dq_copy) {
    (void)args, (void)nargs, (void)kw;
    return deque_copy(self);
}

// Each item compared to 'v' in order; the deque must not change meanwhile.
static ssize_t deque_find(Deque *d, KValue v, ssize_t start, ssize_t stop, int count) {
    size_t state = d->state;
    ssize_t n = 0;
    for (ssize_t i = start; i < stop && i < d->len; i++) {
        KValue item = kval_newref(*slot(d, i));
        int eq = kobj_richcompare_bool(item, v, KF_CMP_EQ);
        kval_decref(item);
        if (eq < 0) {
            return -2;
        }
        if (d->state != state) {
            kerr_set(&kexc_RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (eq) {
            if (!count) {
                return i;
            }
            n++;
        }
    }
    return count ? n : -1;
}

METHOD(dq_count) {
    (void)nargs, (void)kw;
    ssize_t n = deque_find(DQ(self), args[0], 0, DQ(self)->len, 1);
    return n < 0 ? KV_NULL : kval_from_int(n);
}

// A start/stop argument of index(), clamped as slice indices are.
static int clamp_index(KValue v, ssize_t len, ssize_t *out) {
    ssize_t i = knum_as_ssize(v, NULL);
    if (i == -1 && kerr_occurred()) {
        return -1;
    }
    if (i < 0) {
        i += len;
        if (i < 0) {
            i = 0;
        }
    }
    *out = i > len ? len : i;
    return 0;
}

METHOD(dq_index) {
    (void)kw;
    Deque *d = DQ(self);
    if (kargs_count("index", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    ssize_t start = 0, stop = d->len;
    if ((nargs > 1 && clamp_index(args[1], d->len, &start) < 0) ||
        (nargs > 2 && clamp_index(args[2], d->len, &stop) < 0)) {
        return KV_NULL;
    }
    ssize_t i = deque_find(d, args[0], start, stop, 0);
    if (i == -2) {
        return KV_NULL;
    }
    if (i < 0) {
        kerr_format(&kexc_ValueError, "%R is not in deque", args[0]);
        return KV_NULL;
    }
    return kval_from_int(i);
}

// Rotates right by 'n' (left when negative).
static void deque_rotate_by(Deque *d, ssize_t n) {
    if (d->len <= 1) {
        return;
    }
    n %= d->len;
    if (n < 0) {
        n += d->len;
    }
    for (ssize_t k = 0; k < n; k++) {
        KValue v = deque_pop_right(d);
        d->head = (d->head - 1) & (d->cap - 1);
        d->items[d->head] = v;
        d->len++;
    }
    d->state++;
}

METHOD(dq_rotate) {
    (void)kw;
    if (kargs_count("rotate", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    ssize_t n = 1;
    if (nargs) {
        n = knum_as_ssize(args[0], &kexc_OverflowError);
        if (n == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    deque_rotate_by(DQ(self), n);
    return kval_newref(KV_NONE);
}

METHOD(dq_reverse) {
    (void)args, (void)nargs, (void)kw;
    Deque *d = DQ(self);
    for (ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        KValue t = *slot(d, i);
        *slot(d, i) = *slot(d, j);
        *slot(d, j) = t;
    }
    d->state++;
    return kval_newref(KV_NONE);
}

METHOD(dq_insert) {
    (void)kw;
    Deque *d = DQ(self);
    if (kargs_count("insert", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    ssize_t i = knum_as_ssize(args[0], NULL);
    if (i == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (d->maxlen >= 0 && d->len >= d->maxlen) {
        kerr_set(&kexc_IndexError, "deque already at its maximum size");
        return KV_NULL;
    }
    if (i < 0) {
        i += d->len;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > d->len) {
        i = d->len;
    }
    deque_rotate_by(d, -i);
    if (deque_push(d, args[1], 1) < 0) {
        return KV_NULL;
    }
    deque_rotate_by(d, i);
    return kval_newref(KV_NONE);
}

// Deletes item 'i' (0 <= i < len).
static void deque_del_at(Deque *d, ssize_t i) {
    deque_rotate_by(d, -i);
    kval_decref(deque_pop_left(d));
    deque_rotate_by(d, i);
}

METHOD(dq_remove) {
    (void)nargs, (void)kw;
    Deque *d = DQ(self);
    ssize_t i = deque_find(d, args[0], 0, d->len, 0);
    if (i == -2) {
        return KV_NULL;
    }
    if (i < 0) {
        kerr_format(&kexc_ValueError, "%R is not in deque", args[0]);
        return KV_NULL;
    }
    deque_del_at(d, i);
    return kval_newref(KV_NONE);
}

static ssize_t deque_len(KValue self) {
    return DQ(self)->len;
}

static int deque_index_arg(Deque *d, KValue key, ssize_t *out) {
    if (!kval_has_flag(key, KTF_INT_SUBCLASS) && !knb(kval_type(key))->index) {
        kerr_format(&kexc_TypeError, "sequence index must be integer, not '%s'",
                    kval_type(key)->name);
        return -1;
    }
    ssize_t i = knum_as_ssize(key, &kexc_IndexError);
    if (i == -1 && kerr_occurred()) {
        return -1;
    }
    if (i < 0) {
        i += d->len;
    }
    if (i < 0 || i >= d->len) {
        kerr_set(&kexc_IndexError, "deque index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

static KValue deque_getitem(KValue self, KValue key) {
    ssize_t i;
    if (deque_index_arg(DQ(self), key, &i) < 0) {
        return KV_NULL;
    }
    return kval_newref(*slot(DQ(self), i));
}

static int deque_setitem(KValue self, KValue key, KValue value) {
    ssize_t i;
    if (deque_index_arg(DQ(self), key, &i) < 0) {
        return -1;
    }
    if (!value) {
        deque_del_at(DQ(self), i);
        return 0;
    }
    kval_setref(slot(DQ(self), i), kval_newref(value));
    return 0;
}

static int deque_contains(KValue self, KValue v) {
    ssize_t i = deque_find(DQ(self), v, 0, DQ(self)->len, 0);
    return i == -2 ? -1 : i >= 0;
}

static int64_t deque_hash(KValue self) {
    kerr_format(&kexc_TypeError, "unhashable type: '%s'", kval_type(self)->name);
    return -1;
}

static KValue deque_repr(KValue self) {
    Deque *d = DQ(self);
    const char *name = ktype_short_name(kval_type(self));
    int r = krepr_enter(self);
    if (r != 0) {
        return r < 0 ? KV_NULL : kstr_from_cstr("[...]");
    }
    KValue list = klist_from_iterable(self);
    KValue lr = list ? kobj_repr(list) : KV_NULL;
    krepr_leave(self);
    kval_xdecref(list);
    if (!lr) {
        return KV_NULL;
    }
    KValue res = d->maxlen >= 0 ? kstr_from_format("%s(%U, maxlen=%zd)", name, lr, d->maxlen)
                                : kstr_from_format("%s(%U)", name, lr);
    kval_decref(lr);
    return res;
}

static KValue deque_richcompare(KValue a, KValue b, int op) {
    if (!ktype_is_subtype(kval_type(a), &deque_type) || !ktype_is_subtype(kval_type(b), &deque_type)) {
        return kval_newref(KV_NOTIMPL);
    }
    KValue la = klist_from_iterable(a);
    KValue lb = la ? klist_from_iterable(b) : KV_NULL;
    KValue r = lb ? kobj_richcompare(la, lb, op) : KV_NULL;
    kval_xdecref(la);
    kval_xdecref(lb);
    return r;
}

static KValue deque_concat(KValue a, KValue b) {
    if (!ktype_is_subtype(kval_type(a), &deque_type)) {
        return kval_newref(KV_NOTIMPL);
    }
    if (!ktype_is_subtype(kval_type(b), &deque_type)) {
        kerr_format(&kexc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                    kval_type(b)->name);
        return KV_NULL;
    }
    KValue c = deque_copy(a);
    if (c && deque_extend_from(DQ(c), b, 0) < 0) {
        KVAL_CLEAR(c);
    }
    return c;
}

static KValue deque_inplace_concat(KValue a, KValue b) {
    if (deque_extend_from(DQ(a), b, 0) < 0) {
        return KV_NULL;
    }
    return kval_newref(a);
}

static int deque_repeat_inplace(Deque *d, KValue nv) {
    ssize_t n = knum_as_ssize(nv, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    if (n <= 0) {
        deque_clear_items(d);
        return 0;
    }
    KValue items = klist_from_iterable(kval_of(d));
    if (!items) {
        return -1;
    }
    for (ssize_t k = 1; k < n; k++) {
        // With maxlen, only the last maxlen items matter.
        if (d->maxlen >= 0 && d->len >= d->maxlen && k * klist_len(items) > 2 * d->maxlen) {
            break;
        }
        if (deque_extend_from(d, items, 0) < 0) {
            kval_decref(items);
            return -1;
        }
    }
    kval_decref(items);
    return 0;
}

static KValue deque_mul(KValue a, KValue b) {
    KValue self = a, n = b;
    if (!ktype_is_subtype(kval_type(a), &deque_type)) {
        self = b;
        n = a;
    }
    if (!kval_has_flag(n, KTF_INT_SUBCLASS) && !knb(kval_type(n))->index) {
        return kval_newref(KV_NOTIMPL);
    }
    KValue c = deque_copy(self);
    if (c && deque_repeat_inplace(DQ(c), n) < 0) {
        KVAL_CLEAR(c);
    }
    return c;
}

static KValue deque_imul(KValue a, KValue b) {
    if (!kval_has_flag(b, KTF_INT_SUBCLASS) && !knb(kval_type(b))->index) {
        return kval_newref(KV_NOTIMPL);
    }
    if (deque_repeat_inplace(DQ(a), b) < 0) {
        return KV_NULL;
    }
    return kval_newref(a);
}

static int deque_bool(KValue self) {
    return DQ(self)->len > 0;
}

static KValue deque_get_maxlen(KValue self) {
    return DQ(self)->maxlen < 0 ? kval_newref(KV_NONE) : kval_from_int(DQ(self)->maxlen);
}

// Iterators (forward and reversed).
typedef struct {
    KOBJ_HEAD;
    KValue deque;
    ssize_t index;
    size_t state;
} DequeIter;

static KValue deque_make_iter(KValue self, KType *type) {
    DequeIter *it = (DequeIter *)ktype_generic_alloc(type, 0);
    if (!it) {
        return KV_NULL;
    }
    it->deque = kval_newref(self);
    it->state = DQ(self)->state;
    it->index = type == &deque_reviter_type ? DQ(self)->len - 1 : 0;
    return kval_of(it);
}

static KValue deque_iter(KValue self) {
    return deque_make_iter(self, &deque_iter_type);
}

METHOD(dq_reversed) {
    (void)args, (void)nargs, (void)kw;
    return deque_make_iter(self, &deque_reviter_type);
}

static KValue dqiter_next(KValue self) {
    DequeIter *it = (DequeIter *)self;
    Deque *d = DQ(it->deque);
    if (d->state != it->state) {
        kerr_set(&kexc_RuntimeError, "deque mutated during iteration");
        return KV_NULL;
    }
    if (it->index < 0 || it->index >= d->len) {
        return KV_NULL;
    }
    KValue v = *slot(d, it->index);
    it->index += kval_type(self) == &deque_reviter_type ? -1 : 1;
    return kval_newref(v);
}

static void dqiter_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(((DequeIter *)o)->deque);
    kobj_free(o);
}

static int dqiter_traverse(KObject *o, KVisitFn visit, void *arg) {
    return visit(((DequeIter *)o)->deque, arg);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue dqiter_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    DequeIter *it = (DequeIter *)self;
    ssize_t len = DQ(it->deque)->len;
    ssize_t left = kval_type(self) == &deque_reviter_type ? it->index + 1 : len - it->index;
    return kval_from_int(left < 0 ? 0 : left);
}

static const KMethodDef dqiter_methods[] = {
    {"__length_hint__", dqiter_length_hint, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType deque_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_collections._deque_iterator",
    .basicsize = sizeof(DequeIter),
    .flags = KTF_GC,
    .dealloc = dqiter_dealloc,
    .traverse = dqiter_traverse,
    .iter = self_iter,
    .iternext = dqiter_next,
    .methods = dqiter_methods,
};

static KType deque_reviter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_collections._deque_reverse_iterator",
    .basicsize = sizeof(DequeIter),
    .flags = KTF_GC,
    .dealloc = dqiter_dealloc,
    .traverse = dqiter_traverse,
    .iter = self_iter,
    .iternext = dqiter_next,
    .methods = dqiter_methods,
};

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef deque_methods[] = {
    {"append", dq_append, KMETH_O, NULL},
    {"appendleft", dq_appendleft, KMETH_O, NULL},
    {"pop", dq_pop, KMETH_NOARGS, NULL},
    {"popleft", dq_popleft, KMETH_NOARGS, NULL},
    {"extend", dq_extend, KMETH_O, NULL},
    {"extendleft", dq_extendleft, KMETH_O, NULL},
    {"clear", dq_clear, KMETH_NOARGS, NULL},
    {"copy", dq_copy, KMETH_NOARGS, NULL},
    {"__copy__", dq_copy, KMETH_NOARGS, NULL},
    {"count", dq_count, KMETH_O, NULL},
    {"index", dq_index, KMETH_FAST, NULL},
    {"insert", dq_insert, KMETH_FAST, NULL},
    {"remove", dq_remove, KMETH_O, NULL},
    {"reverse", dq_reverse, KMETH_NOARGS, NULL},
    {"rotate", dq_rotate, KMETH_FAST, NULL},
    {"__reversed__", dq_reversed, KMETH_NOARGS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef deque_getsets[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL},
};

static KType deque_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "collections.deque",
    .basicsize = sizeof(Deque),
    .flags = KTF_GC | KTF_BASETYPE | KTF_SEQUENCE,
    .dealloc = deque_dealloc,
    .traverse = deque_traverse,
    .clear = deque_clear_slot,
    .repr = deque_repr,
    .hash = deque_hash,
    .richcompare = deque_richcompare,
    .iter = deque_iter,
    .new_ = deque_new,
    .init = deque_init,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = deque_concat, [KNB_MULTIPLY] = deque_mul},
           .inplace = {[KNB_ADD] = deque_inplace_concat, [KNB_MULTIPLY] = deque_imul},
           .to_bool = deque_bool},
    .methods = deque_methods,
    .getsets = deque_getsets,
};

// ---------------------------------------------------------------------------
// defaultdict

typedef struct {
    KDict dict;
    KValue default_factory; // KV_NULL: None
} DefDict;

static KType defdict_type;

static void defdict_dealloc(KObject *o) {
    KVAL_CLEAR(((DefDict *)o)->default_factory);
    kdict_type.dealloc(o);
}

static int defdict_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue f = ((DefDict *)o)->default_factory;
    return (f && visit(f, arg)) || kdict_type.traverse(o, visit, arg);
}

static void defdict_clear(KObject *o) {
    KVAL_CLEAR(((DefDict *)o)->default_factory);
    kdict_type.clear(o);
}

static int defdict_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue factory = KV_NULL;
    if (nargs > 0) {
        factory = args[0];
        if (factory != KV_NONE && !kobj_is_callable(factory)) {
            kerr_set(&kexc_TypeError, "first argument must be callable or None");
            return -1;
        }
        args++;
        nargs--;
    }
    kval_setref(&((DefDict *)self)->default_factory,
                factory && factory != KV_NONE ? kval_newref(factory) : KV_NULL);
    return kdict_type.init(self, args, nargs, kwnames);
}

METHOD(dd_missing) {
    (void)nargs, (void)kw;
    KValue f = ((DefDict *)self)->default_factory;
    if (!f) {
        kerr_set_key(args[0]);
        return KV_NULL;
    }
    KValue v = kobj_call0(f);
    if (v && kobj_setitem(self, args[0], v) < 0) {
        KVAL_CLEAR(v);
    }
    return v;
}

// type(dd)(dd.default_factory, arg), as CPython's copy() and | do.
static KValue defdict_derive(KValue dd, KValue arg) {
    KValue f = ((DefDict *)dd)->default_factory;
    return kobj_call2(kval_of(kval_type(dd)), f ? f : KV_NONE, arg);
}

METHOD(dd_copy) {
    (void)args, (void)nargs, (void)kw;
    return defdict_derive(self, self);
}

static KValue defdict_or(KValue left, KValue right) {
    KValue self = ktype_is_subtype(kval_type(left), &defdict_type) ? left : right;
    KValue other = self == left ? right : left;
    if (!kdict_check(other)) {
        return kval_newref(KV_NOTIMPL);
    }
    KValue r = defdict_derive(self, left);
    if (r && kdict_merge(r, right, 1) < 0) {
        KVAL_CLEAR(r);
    }
    return r;
}

static KValue defdict_repr(KValue self) {
    KValue f = ((DefDict *)self)->default_factory;
    KValue base = kdict_type.repr(self);
    if (!base) {
        return KV_NULL;
    }
    KValue frepr;
    if (!f) {
        frepr = kstr_from_cstr("None");
    } else {
        int r = krepr_enter(f);
        frepr = r > 0 ? kstr_from_cstr("...") : r < 0 ? KV_NULL : kobj_repr(f);
        if (r == 0) {
            krepr_leave(f);
        }
    }
    KValue res = frepr ? kstr_from_format("%s(%U, %U)", ktype_short_name(kval_type(self)), frepr, base)
                       : KV_NULL;
    kval_xdecref(frepr);
    kval_decref(base);
    return res;
}

static KValue defdict_get_factory(KValue self) {
    KValue f = ((DefDict *)self)->default_factory;
    return kval_newref(f ? f : KV_NONE);
}

static int defdict_set_factory(KValue self, KValue value) {
    kval_setref(&((DefDict *)self)->default_factory,
                value && value != KV_NONE ? kval_newref(value) : KV_NULL);
    return 0;
}

static const KMethodDef defdict_methods[] = {
    {"__missing__", dd_missing, KMETH_O, NULL},
    {"copy", dd_copy, KMETH_NOARGS, NULL},
    {"__copy__", dd_copy, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef defdict_getsets[] = {
    {"default_factory", defdict_get_factory, defdict_set_factory,
     "Factory for default value called by __missing__()."},
    {NULL, NULL, NULL, NULL},
};

static KType defdict_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "collections.defaultdict",
    .basicsize = sizeof(DefDict),
    .flags = KTF_GC | KTF_BASETYPE | KTF_DICT_SUBCLASS,
    .base = &kdict_type,
    .dealloc = defdict_dealloc,
    .traverse = defdict_traverse,
    .clear = defdict_clear,
    .repr = defdict_repr,
    .init = defdict_init,
    .nb = &(KNumberSlots){.binop = {[KNB_OR] = defdict_or}},
    .methods = defdict_methods,
    .getsets = defdict_getsets,
};

// ---------------------------------------------------------------------------
// _tuplegetter(index, doc): namedtuple's field descriptors (obj[index];
// read-only).

typedef struct TupleGetter {
    KOBJ_HEAD;
    ssize_t index;
    KValue doc;
} TupleGetter;

static KType tuplegetter_type;

static KValue tuplegetter_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (kargs_no_kw("_tuplegetter", kwnames) < 0 || kargs_count("_tuplegetter", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!kint_check(args[0])) {
        kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    ssize_t index = knum_as_ssize(args[0], &kexc_OverflowError);
    if (index == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    TupleGetter *g = (TupleGetter *)kobj_alloc(type, sizeof(TupleGetter));
    if (!g) {
        return KV_NULL;
    }
    g->index = index;
    g->doc = kval_newref(args[1]);
    return kval_of(g);
}

static void tuplegetter_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(((TupleGetter *)o)->doc);
    kobj_free(o);
}

static int tuplegetter_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue d = ((TupleGetter *)o)->doc;
    return d && visit(d, arg);
}

static void tuplegetter_clear(KObject *o) {
    KVAL_CLEAR(((TupleGetter *)o)->doc);
}

static KValue tuplegetter_get(KValue self, KValue obj, KValue type) {
    (void)type;
    TupleGetter *g = (TupleGetter *)self;
    if (!obj || obj == KV_NONE) {
        return kval_newref(self);
    }
    if (!ktuple_check(obj)) {
        kerr_format(&kexc_TypeError,
                    "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                    g->index, ktype_name(kval_type(obj)));
        return KV_NULL;
    }
    if (g->index < 0 || g->index >= ktuple_len(obj)) {
        kerr_set(&kexc_IndexError, "tuple index out of range");
        return KV_NULL;
    }
    return kval_newref(ktuple_items(obj)[g->index]);
}

static int tuplegetter_set(KValue self, KValue obj, KValue value) {
    (void)self, (void)obj;
    kerr_set(&kexc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

static KValue tuplegetter_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    TupleGetter *g = (TupleGetter *)self;
    KValue index = kint_from_i64(g->index);
    KValue targs = index ? ktuple_pack(2, index, g->doc) : KV_NULL;
    KValue r = targs ? ktuple_pack(2, kval_of(kval_type(self)), targs) : KV_NULL;
    kval_xdecref(index);
    kval_xdecref(targs);
    return r;
}

static const KMethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef tuplegetter_members[] = {
    {"__doc__", KMEMBER_OBJECT, offsetof(TupleGetter, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KType tuplegetter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_collections._tuplegetter",
    .basicsize = sizeof(TupleGetter),
    .flags = KTF_GC,
    .dealloc = tuplegetter_dealloc,
    .traverse = tuplegetter_traverse,
    .clear = tuplegetter_clear,
    .new_ = tuplegetter_new,
    .descr_get = tuplegetter_get,
    .descr_set = tuplegetter_set,
    .methods = tuplegetter_methods,
    .members = tuplegetter_members,
};

// ---------------------------------------------------------------------------

KValue kmod_collections_create(void) {
    KType *types[] = {&deque_type, &deque_iter_type, &deque_reviter_type, &defdict_type,
                      &tuplegetter_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (ktype_ready(types[i]) < 0) {
            return KV_NULL;
        }
    }
    KValue m = kmod_new("_collections");
    if (!m || kmod_add(m, "deque", kval_of(&deque_type)) < 0 ||
        kmod_add(m, "defaultdict", kval_of(&defdict_type)) < 0 ||
        kmod_add(m, "_deque_iterator", kval_of(&deque_iter_type)) < 0 ||
        kmod_add(m, "_deque_reverse_iterator", kval_of(&deque_reviter_type)) < 0 ||
        kmod_add(m, "_tuplegetter", kval_of(&tuplegetter_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
