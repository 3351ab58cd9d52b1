// vm/slice.c: slice objects (and the index arithmetic every sequence
// shares), and range objects with their iterator.
#include "slice.h"
#include "internal.h"

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

ssize_t kseq_index(KValue i, ssize_t len, const char *what) {
    if (!kint_check(i) && !knb(kval_type(i))->index) {
        kerr_format(&kexc_TypeError, "%s indices must be integers or slices, not %s", what,
                    ktype_name(kval_type(i)));
        return -1;
    }
    ssize_t n = knum_as_ssize(i, &kexc_IndexError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    if (n < 0) {
        n += len;
    }
    if (n < 0 || n >= len) {
        kerr_format(&kexc_IndexError, "%s%sindex out of range", what, what[0] ? " " : "");
        return -1;
    }
    return n;
}

// ---------------------------------------------------------------------------
// slice

// One released slice kept for reuse, untracked, its fields cleared: a[i:j]
// makes and drops a slice per evaluation (fannkuch spends ~10% on them).
static KSlice *spare;

KValue kslice_new(KValue start, KValue stop, KValue step) {
    KSlice *s = spare;
    if (s) {
        spare = NULL;
        s->refcnt = 1;
        kgc_track((KObject *)s);
    } else if (!(s = (KSlice *)kobj_alloc(&kslice_type, sizeof(KSlice)))) {
        return kerr_no_memory();
    }
    s->start = kval_newref(start ? start : KV_NONE);
    s->stop = kval_newref(stop ? stop : KV_NONE);
    s->step = kval_newref(step ? step : KV_NONE);
    return kval_of(s);
}

static int slice_value(KValue v, ssize_t *out) {
    if (kval_is_int(v)) {
        intptr_t i = kval_int(v);
        *out = i;
        return 0;
    }
    if (!kint_check(v) && !knb(kval_type(v))->index) {
        kerr_set(&kexc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t n = knum_as_ssize(v, NULL);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *out = n;
    return 0;
}

// Clips the bounds as PySlice_AdjustIndices and returns the item count.
static inline ssize_t adjust_indices(ssize_t len, ssize_t lo, ssize_t hi, ssize_t st,
                                     ssize_t *start, ssize_t *stop, ssize_t *step) {
    if (lo < 0) {
        lo += len;
        if (lo < 0) {
            lo = st < 0 ? -1 : 0;
        }
    } else if (lo >= len) {
        lo = st < 0 ? len - 1 : len;
    }
    if (hi < 0) {
        hi += len;
        if (hi < 0) {
            hi = st < 0 ? -1 : 0;
        }
    } else if (hi >= len) {
        hi = st < 0 ? len - 1 : len;
    }
    *start = lo;
    *stop = hi;
    *step = st;
    if (st < 0) {
        return hi < lo ? (lo - hi - 1) / (-st) + 1 : 0;
    }
    return lo < hi ? (hi - lo - 1) / st + 1 : 0;
}

// A bound that is None or a small int, or 0 when another kind of value
// needs slice_value: 'dflt' for None, else the int.
static inline int simple_bound(KValue v, ssize_t dflt, ssize_t *out) {
    if (v == KV_NONE) {
        *out = dflt;
        return 1;
    }
    if (kval_is_int(v)) {
        *out = kval_int(v);
        return 1;
    }
    return 0;
}

ssize_t kslice_indices(KValue slice, ssize_t len, ssize_t *start, ssize_t *stop, ssize_t *step) {
    KSlice *s = (KSlice *)slice;
    ssize_t st = 1;
    if (s->step == KV_NONE || (kval_is_int(s->step) && s->step != kval_from_int(0))) {
        // Small ints and None (p[:k + 1], p[k::-1]): no calls, the same clipping.
        ssize_t lo, hi;
        st = s->step == KV_NONE ? 1 : kval_int(s->step);
        if (simple_bound(s->start, st < 0 ? PTRDIFF_MAX : 0, &lo) &&
            simple_bound(s->stop, st < 0 ? -PTRDIFF_MAX - 1 : PTRDIFF_MAX, &hi)) {
            return adjust_indices(len, lo, hi, st, start, stop, step);
        }
        st = 1;
    }
    if (s->step != KV_NONE) {
        if (slice_value(s->step, &st) < 0) {
            return -1;
        }
        if (st == 0) {
            kerr_set(&kexc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (st < -PTRDIFF_MAX) {
            st = -PTRDIFF_MAX;
        }
    }
    ssize_t lo, hi;
    if (s->start == KV_NONE) {
        lo = st < 0 ? PTRDIFF_MAX : 0;
    } else if (slice_value(s->start, &lo) < 0) {
        return -1;
    }
    if (s->stop == KV_NONE) {
        hi = st < 0 ? -PTRDIFF_MAX - 1 : PTRDIFF_MAX;
    } else if (slice_value(s->stop, &hi) < 0) {
        return -1;
    }
    return adjust_indices(len, lo, hi, st, start, stop, step);
}

// One bound of a slice as an int: 'dflt' for None, else its __index__,
// counted from the end when negative and clipped to [lower, upper].
static KValue long_bound(KValue v, KValue dflt, KValue len, KValue lower, KValue upper) {
    if (v == KV_NONE) {
        return kval_newref(dflt);
    }
    if (!kint_check(v) && !knb(kval_type(v))->index) {
        kerr_set(&kexc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return KV_NULL;
    }
    KValue i = knum_index(v);
    if (i && kint_sign(i) < 0) {
        KValue t = kint_add(i, len);
        kval_decref(i);
        i = t;
        if (i && kint_compare(i, lower) < 0) {
            kval_decref(i);
            i = kval_newref(lower);
        }
    } else if (i && kint_compare(i, upper) > 0) {
        kval_decref(i);
        i = kval_newref(upper);
    }
    return i;
}

int kslice_indices_long(KValue slice, KValue len, KValue *start, KValue *stop, KValue *step) {
    KSlice *s = (KSlice *)slice;
    KValue st = KV_NULL, lower = KV_NULL, upper = KV_NULL, a = KV_NULL, b = KV_NULL;
    if (s->step == KV_NONE) {
        st = kval_from_int(1);
    } else if (!kint_check(s->step) && !knb(kval_type(s->step))->index) {
        kerr_set(&kexc_TypeError,
                 "slice indices must be integers or None or have an __index__ method");
        return -1;
    } else if (!(st = knum_index(s->step))) {
        return -1;
    } else if (kint_sign(st) == 0) {
        kval_decref(st);
        kerr_set(&kexc_ValueError, "slice step cannot be zero");
        return -1;
    }
    int neg = kint_sign(st) < 0;
    lower = kval_from_int(neg ? -1 : 0);
    upper = neg ? kint_add(len, lower) : kval_newref(len);
    if (upper) {
        a = long_bound(s->start, neg ? upper : lower, len, lower, upper);
    }
    if (a) {
        b = long_bound(s->stop, neg ? lower : upper, len, lower, upper);
    }
    kval_xdecref(upper);
    if (!b) {
        kval_xdecref(a);
        kval_decref(st);
        return -1;
    }
    *start = a;
    *stop = b;
    *step = st;
    return 0;
}

static void slice_dealloc(KObject *o) {
    KSlice *s = (KSlice *)o;
    kgc_untrack(o);
    kval_xdecref(s->start);
    kval_xdecref(s->stop);
    kval_xdecref(s->step);
    if (!spare && o->type == &kslice_type) {
        spare = s;
        return;
    }
    kobj_free(o);
}

static int slice_traverse(KObject *o, KVisitFn visit, void *arg) {
    KSlice *s = (KSlice *)o;
    return visit(s->start, arg) || visit(s->stop, arg) || visit(s->step, arg);
}

static KValue slice_repr(KValue v) {
    KSlice *s = (KSlice *)v;
    return kstr_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static KValue slice_richcompare(KValue a, KValue b, int op) {
    if (!kslice_check(a) || !kslice_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    KSlice *x = (KSlice *)a, *y = (KSlice *)b;
    KValue t1 = ktuple_pack(3, x->start, x->stop, x->step);
    KValue t2 = t1 ? ktuple_pack(3, y->start, y->stop, y->step) : KV_NULL;
    KValue r = t2 ? kobj_richcompare(t1, t2, op) : KV_NULL;
    kval_xdecref(t1);
    kval_xdecref(t2);
    return r;
}

static KValue slice_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    if (kargs_no_kw("slice", kwnames) < 0 || kargs_count("slice", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    if (nargs == 1) {
        return kslice_new(KV_NONE, args[0], KV_NONE);
    }
    return kslice_new(args[0], args[1], nargs > 2 ? args[2] : KV_NONE);
}

static KValue slice_indices_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kint_check(args[0]) && !knb(kval_type(args[0]))->index) {
        kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    KValue len = knum_index(args[0]);
    if (!len) {
        return KV_NULL;
    }
    if (kint_sign(len) < 0) {
        kval_decref(len);
        kerr_set(&kexc_ValueError, "length should not be negative");
        return KV_NULL;
    }
    KValue a, b, c;
    int r = kslice_indices_long(self, len, &a, &b, &c);
    kval_decref(len);
    if (r < 0) {
        return KV_NULL;
    }
    KValue t = ktuple_pack(3, a, b, c);
    kval_decref(a);
    kval_decref(b);
    kval_decref(c);
    return t;
}

static KValue slice_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KSlice *s = (KSlice *)self;
    KValue t = ktuple_pack(3, s->start, s->stop, s->step);
    KValue r = t ? ktuple_pack(2, kval_of(&kslice_type), t) : KV_NULL;
    kval_xdecref(t);
    return r;
}

static const KMethodDef slice_methods[] = {
    {"indices", slice_indices_m, KMETH_O, NULL},
    {"__reduce__", slice_reduce, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef slice_members[] = {
    {"start", KMEMBER_OBJECT, offsetof(KSlice, start), 1, NULL},
    {"stop", KMEMBER_OBJECT, offsetof(KSlice, stop), 1, NULL},
    {"step", KMEMBER_OBJECT, offsetof(KSlice, step), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

KType kslice_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "slice",
    .basicsize = sizeof(KSlice),
    .flags = KTF_GC,
    .dealloc = slice_dealloc,
    .traverse = slice_traverse,
    .repr = slice_repr,
    .hash = kobj_hash_not_implemented,
    .richcompare = slice_richcompare,
    .new_ = slice_new,
    .methods = slice_methods,
    .members = slice_members,
    .doc = "slice(stop)\n"
        "slice(start, stop[, step])\n"
        "\n"
        "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
};

// ---------------------------------------------------------------------------
// range

static KValue range_length(KValue start, KValue stop, KValue step) {
    // len = max(0, (stop - start + step - sign(step)) // step)
    int s = kint_sign(step);
    KValue lo = s > 0 ? start : stop, hi = s > 0 ? stop : start;
    if (kint_compare(lo, hi) >= 0) {
        return kval_from_int(0);
    }
    KValue diff = kint_sub(hi, lo);
    if (!diff) {
        return KV_NULL;
    }
    KValue d1 = kint_sub(diff, kval_from_int(1));
    kval_decref(diff);
    if (!d1) {
        return KV_NULL;
    }
    KValue astep = s > 0 ? kval_newref(step) : kint_neg(step);
    KValue q = astep ? kint_floordiv(d1, astep) : KV_NULL;
    kval_decref(d1);
    kval_xdecref(astep);
    if (!q) {
        return KV_NULL;
    }
    KValue r = kint_add(q, kval_from_int(1));
    kval_decref(q);
    return r;
}

static KValue make_range(KValue start, KValue stop, KValue step) {
    KValue len = range_length(start, stop, step);
    if (!len) {
        return KV_NULL;
    }
    KRange *r = (KRange *)kobj_alloc(&krange_type, sizeof(KRange));
    if (!r) {
        kval_decref(len);
        return kerr_no_memory();
    }
    r->start = kval_newref(start);
    r->stop = kval_newref(stop);
    r->step = kval_newref(step);
    r->len = len;
    return kval_of(r);
}

KValue krange_new_c(ssize_t start, ssize_t stop, ssize_t step) {
    return make_range(kint_from_i64(start), kint_from_i64(stop), kint_from_i64(step));
}

static KValue range_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    if (kargs_no_kw("range", kwnames) < 0) {
        return KV_NULL;
    }
    if (nargs < 1 || nargs > 3) {
        kerr_format(&kexc_TypeError, nargs == 0 ? "range expected at least 1 argument, got %zu"
                                                : "range expected at most 3 arguments, got %zu",
                    nargs);
        return KV_NULL;
    }
    KValue v[3] = {KV_NULL, KV_NULL, KV_NULL};
    for (size_t i = 0; i < nargs; i++) {
        v[i] = knum_index(args[i]);
        if (!v[i]) {
            for (size_t j = 0; j < i; j++) {
                kval_decref(v[j]);
            }
            return KV_NULL;
        }
    }
    KValue start, stop, step;
    if (nargs == 1) {
        start = kval_from_int(0), stop = v[0], step = kval_from_int(1);
    } else {
        start = v[0], stop = v[1], step = nargs == 3 ? v[2] : kval_from_int(1);
    }
    KValue r = KV_NULL;
    if (kint_sign(step) == 0) {
        kerr_set(&kexc_ValueError, "range() arg 3 must not be zero");
    } else {
        r = make_range(start, stop, step);
    }
    for (size_t i = 0; i < nargs; i++) {
        kval_decref(v[i]);
    }
    return r;
}

static void range_dealloc(KObject *o) {
    KRange *r = (KRange *)o;
    kval_xdecref(r->start);
    kval_xdecref(r->stop);
    kval_xdecref(r->step);
    kval_xdecref(r->len);
    kobj_free(o);
}

static KValue range_repr(KValue v) {
    KRange *r = (KRange *)v;
    if (kval_is_int(r->step) && kval_int(r->step) == 1) {
        return kstr_from_format("range(%R, %R)", r->start, r->stop);
    }
    return kstr_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static ssize_t range_len(KValue v) {
    KRange *r = (KRange *)v;
    if (!kval_is_int(r->len)) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return kval_int(r->len);
}

// start + i * step
static KValue range_item(KRange *r, KValue i) {
    KValue m = kint_mul(i, r->step);
    if (!m) {
        return KV_NULL;
    }
    KValue v = kint_add(r->start, m);
    kval_decref(m);
    return v;
}

static KValue range_getitem(KValue v, KValue key) {
    KRange *r = (KRange *)v;
    if (kslice_check(key)) {
        KValue start, stop, step;
        if (kslice_indices_long(key, r->len, &start, &stop, &step) < 0) {
            return KV_NULL;
        }
        KValue a = range_item(r, start);
        KValue b = a ? range_item(r, stop) : KV_NULL;
        KValue c = b ? kint_mul(r->step, step) : KV_NULL;
        KValue res = c ? make_range(a, b, c) : KV_NULL;
        kval_xdecref(a);
        kval_xdecref(b);
        kval_xdecref(c);
        kval_decref(start);
        kval_decref(stop);
        kval_decref(step);
        return res;
    }
    if (!kint_check(key) && !knb(kval_type(key))->index) {
        kerr_format(&kexc_TypeError, "range indices must be integers or slices, not %s",
                    ktype_name(kval_type(key)));
        return KV_NULL;
    }
    KValue i = knum_index(key);
    if (!i) {
        return KV_NULL;
    }
    if (kint_sign(i) < 0) {
        KValue t = kint_add(i, r->len);
        kval_decref(i);
        if (!t) {
            return KV_NULL;
        }
        i = t;
    }
    if (kint_sign(i) < 0 || kint_compare(i, r->len) >= 0) {
        kval_decref(i);
        kerr_set(&kexc_IndexError, "range object index out of range");
        return KV_NULL;
    }
    KValue res = range_item(r, i);
    kval_decref(i);
    return res;
}

static int range_contains_int(KRange *r, KValue v) {
    int s = kint_sign(r->step);
    if (s > 0) {
        if (kint_compare(v, r->start) < 0 || kint_compare(v, r->stop) >= 0) {
            return 0;
        }
    } else if (kint_compare(v, r->start) > 0 || kint_compare(v, r->stop) <= 0) {
        return 0;
    }
    KValue d = kint_sub(v, r->start);
    KValue m = d ? kint_mod(d, r->step) : KV_NULL;
    kval_xdecref(d);
    if (!m) {
        return -1;
    }
    int res = kint_sign(m) == 0;
    kval_decref(m);
    return res;
}

static int range_contains(KValue v, KValue item) {
    if (kint_check_exact(item) || kval_type(item) == &kbool_type) {
        return range_contains_int((KRange *)v, item);
    }
    KValue it = kobj_get_iter(v);
    if (!it) {
        return -1;
    }
    KValue x;
    while ((x = kobj_iter_next(it))) {
        int r = kobj_richcompare_bool(x, item, KF_CMP_EQ);
        kval_decref(x);
        if (r != 0) {
            kval_decref(it);
            return r;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

static KValue range_richcompare(KValue a, KValue b, int op) {
    if (kval_type(b) != &krange_type || (op != KF_CMP_EQ && op != KF_CMP_NE)) {
        return kval_newref(KV_NOTIMPL);
    }
    KRange *x = (KRange *)a, *y = (KRange *)b;
    int eq;
    if (kint_compare(x->len, y->len) != 0) {
        eq = 0;
    } else if (kint_sign(x->len) == 0) {
        eq = 1;
    } else if (kint_compare(x->start, y->start) != 0) {
        eq = 0;
    } else if (kval_is_int(x->len) && kval_int(x->len) == 1) {
        eq = 1;
    } else {
        eq = kint_compare(x->step, y->step) == 0;
    }
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

static int64_t range_hash(KValue v) {
    KRange *r = (KRange *)v;
    KValue t;
    if (kint_sign(r->len) == 0) {
        t = ktuple_pack(3, r->len, KV_NONE, KV_NONE);
    } else if (kval_is_int(r->len) && kval_int(r->len) == 1) {
        t = ktuple_pack(3, r->len, r->start, KV_NONE);
    } else {
        t = ktuple_pack(3, r->len, r->start, r->step);
    }
    if (!t) {
        return -1;
    }
    int64_t h = kobj_hash(t);
    kval_decref(t);
    return h;
}

static int range_bool(KValue v) {
    return kint_sign(((KRange *)v)->len) != 0;
}

// The iterator over ranges of small ints.
typedef struct RangeIter {
    KOBJ_HEAD;
    intptr_t next, step, left;
    KValue big; // general fallback: (start, step, len, index) in ints
    KValue bstart, bstep, blen, bindex;
} RangeIter;

static KType range_iter_type;

static KValue range_iter(KValue v) {
    KRange *r = (KRange *)v;
    RangeIter *it = (RangeIter *)kobj_alloc(&range_iter_type, sizeof(RangeIter));
    if (!it) {
        return kerr_no_memory();
    }
    KValue end = KV_NULL;
    if (kval_is_int(r->start) && kval_is_int(r->step) && kval_is_int(r->len)) {
        end = range_item(r, r->len);
        if (!end) {
            kval_decref(kval_of(it));
            return KV_NULL;
        }
    }
    if (end && kval_is_int(end)) {
        it->next = kval_int(r->start);
        it->step = kval_int(r->step);
        it->left = kval_int(r->len);
    } else {
        it->big = KV_TRUE;
        it->bstart = kval_newref(r->start);
        it->bstep = kval_newref(r->step);
        it->blen = kval_newref(r->len);
        it->bindex = kval_from_int(0);
    }
    kval_xdecref(end);
    return kval_of(it);
}

static KValue range_iter_next(KValue v) {
    RangeIter *it = (RangeIter *)v;
    if (!it->big) {
        if (it->left <= 0) {
            return KV_NULL;
        }
        intptr_t n = it->next;
        it->next += it->step;
        it->left--;
        return kval_from_int(n);
    }
    if (kint_compare(it->bindex, it->blen) >= 0) {
        return KV_NULL;
    }
    KValue m = kint_mul(it->bindex, it->bstep);
    KValue r = m ? kint_add(it->bstart, m) : KV_NULL;
    kval_xdecref(m);
    KValue ni = kint_add(it->bindex, kval_from_int(1));
    if (!ni) {
        kval_xdecref(r);
        return KV_NULL;
    }
    kval_setref(&it->bindex, ni);
    return r;
}

static void range_iter_dealloc(KObject *o) {
    RangeIter *it = (RangeIter *)o;
    if (it->big) {
        kval_xdecref(it->bstart);
        kval_xdecref(it->bstep);
        kval_xdecref(it->blen);
        kval_xdecref(it->bindex);
    }
    kobj_free(o);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue range_iter_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    RangeIter *it = (RangeIter *)self;
    if (!it->big) {
        return kval_from_int(it->left);
    }
    return kint_sub(it->blen, it->bindex);
}

static const KMethodDef range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType range_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "range_iterator",
    .basicsize = sizeof(RangeIter),
    .dealloc = range_iter_dealloc,
    .iter = self_iter,
    .iternext = range_iter_next,
    .methods = range_iter_methods,
};

static KValue range_reversed(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KRange *r = (KRange *)self;
    KValue last = KV_NULL, nstep = KV_NULL, nstop = KV_NULL, rev = KV_NULL;
    KValue lm1 = kint_sub(r->len, kval_from_int(1));
    if (!lm1) {
        return KV_NULL;
    }
    last = range_item(r, lm1);
    kval_decref(lm1);
    nstep = kint_neg(r->step);
    nstop = last && nstep ? kint_sub(r->start, r->step) : KV_NULL;
    if (nstop) {
        rev = make_range(last, nstop, nstep);
    }
    kval_xdecref(last);
    kval_xdecref(nstep);
    kval_xdecref(nstop);
    if (!rev) {
        return KV_NULL;
    }
    KValue it = range_iter(rev);
    kval_decref(rev);
    return it;
}

// Walks the range comparing each value with 'x' by ==, as CPython's
// _PySequence_IterSearch does for values that are not exact ints: the count
// of equal values, or (when 'want_index') the index of the first one, -1 when
// there is none. -2 on error.
static ssize_t range_search(KValue self, KValue x, int want_index) {
    KValue it = kobj_get_iter(self);
    if (!it) {
        return -2;
    }
    ssize_t n = 0, i = 0, found = -1;
    KValue v;
    while ((v = kobj_iter_next(it))) {
        int eq = kobj_richcompare_bool(v, x, KF_CMP_EQ);
        kval_decref(v);
        if (eq < 0) {
            found = -2;
            break;
        }
        if (eq && want_index) {
            found = i;
            break;
        }
        n += eq;
        i++;
    }
    kval_decref(it);
    if (found == -2 || kerr_occurred()) {
        return -2;
    }
    return want_index ? found : n;
}

static int is_exact_int(KValue v) {
    return kint_check_exact(v) || kval_type(v) == &kbool_type;
}

static KValue range_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (is_exact_int(args[0])) {
        int r = range_contains_int((KRange *)self, args[0]);
        return r < 0 ? KV_NULL : kval_from_int(r);
    }
    ssize_t n = range_search(self, args[0], 0);
    return n < 0 ? KV_NULL : kint_from_i64(n);
}

static KValue range_index(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KRange *r = (KRange *)self;
    if (is_exact_int(args[0])) {
        int c = range_contains_int(r, args[0]);
        if (c < 0) {
            return KV_NULL;
        }
        if (c) {
            KValue d = kint_sub(args[0], r->start);
            KValue q = d ? kint_floordiv(d, r->step) : KV_NULL;
            kval_xdecref(d);
            return q;
        }
        kerr_format(&kexc_ValueError, "%R is not in range", args[0]);
        return KV_NULL;
    }
    ssize_t i = range_search(self, args[0], 1);
    if (i == -1) {
        kerr_set(&kexc_ValueError, "sequence.index(x): x not in sequence");
    }
    return i < 0 ? KV_NULL : kint_from_i64(i);
}

static const KMethodDef range_methods[] = {
    {"__reversed__", range_reversed, KMETH_NOARGS, NULL},
    {"count", range_count, KMETH_O, NULL},
    {"index", range_index, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef range_members[] = {
    {"start", KMEMBER_OBJECT, offsetof(KRange, start), 1, NULL},
    {"stop", KMEMBER_OBJECT, offsetof(KRange, stop), 1, NULL},
    {"step", KMEMBER_OBJECT, offsetof(KRange, step), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

KType krange_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "range",
    .flags = KTF_SEQUENCE,
    .basicsize = sizeof(KRange),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .new_ = range_new,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .nb = &(KNumberSlots){.to_bool = range_bool},
    .methods = range_methods,
    .members = range_members,
    .doc = "range(stop) -> range object\n"
        "range(start, stop[, step]) -> range object\n"
        "\n"
        "Return an object that produces a sequence of integers from start (inclusive)\n"
        "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
        "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
        "These are exactly the valid indices for a list of 4 elements.\n"
        "When step is given, it specifies the increment (or decrement).",
};

int krange_init(void) {
    return ktype_ready(&range_iter_type);
}
