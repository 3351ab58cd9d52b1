// vm/modules/itertools.c: the itertools module: count, cycle, repeat,
// accumulate, chain (and chain.from_iterable), compress, dropwhile,
// takewhile, filterfalse, starmap, pairwise, islice, zip_longest, groupby
// (with its _grouper) and tee (a shared chain of fixed-size blocks, as
// CPython's teedataobject), with CPython's reprs and argument errors. The
// combinatoric iterators are in itertools_comb.c.
#include "itertools.h"

#include "../abstract.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

void kitertools_release_values(KObject *o, int n) {
    kgc_untrack(o);
    KValue *v = (KValue *)(o + 1);
    for (int i = 0; i < n; i++) {
        KVAL_CLEAR(v[i]);
    }
    kobj_free(o);
}

int kitertools_visit_values(KObject *o, int n, KVisitFn visit, void *arg) {
    KValue *v = (KValue *)(o + 1);
    for (int i = 0; i < n; i++) {
        if (v[i] && visit(v[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue alloc_obj(KType *type) {
    return ktype_generic_alloc(type, 0);
}

#define ITER_TYPE(var, tpname, prefix, ...)                                                      \
    static KType var = {                                                                       \
        KOBJ_STATIC_HEAD(&ktype_type),                                                           \
        .name = "itertools." tpname,                                                             \
        .basicsize = sizeof(prefix##_obj),                                                       \
        .flags = KTF_GC | KTF_BASETYPE,                                                          \
        .dealloc = prefix##_dealloc,                                                             \
        .traverse = prefix##_traverse,                                                           \
        .iter = self_iter,                                                                       \
        .iternext = prefix##_next,                                                               \
        .new_ = prefix##_new,                                                                    \
        __VA_ARGS__};

// "f expected N arguments" checks of positional-only constructors.
static int positional(const char *name, size_t nargs, KValue kwnames, size_t min, size_t max) {
    return kargs_no_kw(name, kwnames) < 0 || kargs_count(name, nargs, min, max) < 0 ? -1 : 0;
}

// ---------------------------------------------------------------------------
// count(start=0, step=1)

typedef struct {
    KOBJ_HEAD;
    KValue cnt, step;
} count_obj;
KITER_VALUE_TYPE(count, 2)

static int is_number(KValue v) {
    KType *t = kval_type(v);
    return knb(t)->to_int || knb(t)->to_float || knb(t)->index || ktype_is_subtype(t, &kcomplex_type);
}

static KValue count_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"start", "step", NULL};
    KValue a[2];
    if (kargs_parse("count", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    KValue start = a[0] ? a[0] : kval_from_int(0), step = a[1] ? a[1] : kval_from_int(1);
    if (!is_number(start) || !is_number(step)) {
        kerr_set(&kexc_TypeError, "a number is required");
        return KV_NULL;
    }
    KValue r = alloc_obj(type);
    if (r) {
        count_obj *c = (count_obj *)r;
        c->cnt = kval_newref(start);
        c->step = kval_newref(step);
    }
    return r;
}

static KValue count_next(KValue self) {
    count_obj *c = (count_obj *)self;
    KValue next = knum_binop(c->cnt, c->step, KF_BINOP_ADD);
    if (!next) {
        return KV_NULL;
    }
    KValue r = c->cnt;
    c->cnt = next;
    return r;
}

static KValue count_repr(KValue self) {
    count_obj *c = (count_obj *)self;
    if (c->step == kval_from_int(1)) {
        return kstr_from_format("%s(%R)", ktype_short_name(kval_type(self)), c->cnt);
    }
    return kstr_from_format("%s(%R, %R)", ktype_short_name(kval_type(self)), c->cnt, c->step);
}

ITER_TYPE(count_type, "count", count, .repr = count_repr)

// ---------------------------------------------------------------------------
// cycle(iterable)

typedef struct {
    KOBJ_HEAD;
    KValue it, saved; // it: KV_NULL after the first pass
    ssize_t index;
} cycle_obj;
KITER_VALUE_TYPE(cycle, 2)

static KValue cycle_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (positional("cycle", nargs, kwnames, 1, 1) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(args[0]);
    KValue saved = it ? klist_new(0) : KV_NULL;
    KValue r = saved ? alloc_obj(type) : KV_NULL;
    if (!r) {
        kval_xdecref(it);
        kval_xdecref(saved);
        return KV_NULL;
    }
    ((cycle_obj *)r)->it = it;
    ((cycle_obj *)r)->saved = saved;
    return r;
}

static KValue cycle_next(KValue self) {
    cycle_obj *c = (cycle_obj *)self;
    if (c->it) {
        KValue item = kobj_iter_next(c->it);
        if (item) {
            if (klist_append(c->saved, item) < 0) {
                kval_decref(item);
                return KV_NULL;
            }
            return item;
        }
        if (kerr_occurred()) {
            return KV_NULL;
        }
        KVAL_CLEAR(c->it);
    }
    ssize_t n = klist_len(c->saved);
    if (n == 0) {
        return KV_NULL;
    }
    KValue item = klist_items(c->saved)[c->index];
    c->index = c->index + 1 >= n ? 0 : c->index + 1;
    return kval_newref(item);
}

ITER_TYPE(cycle_type, "cycle", cycle)

// ---------------------------------------------------------------------------
// repeat(object, times=None)

typedef struct {
    KOBJ_HEAD;
    KValue element;
    ssize_t cnt; // -1: forever
} repeat_obj;
KITER_VALUE_TYPE(repeat, 1)

static KValue repeat_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"object", "times", NULL};
    KValue a[2];
    if (kargs_parse("repeat", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    ssize_t cnt = -1;
    if (a[1]) {
        cnt = knum_as_ssize(a[1], &kexc_OverflowError);
        if (cnt == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (cnt < 0) {
            cnt = 0;
        }
    }
    KValue r = alloc_obj(type);
    if (r) {
        ((repeat_obj *)r)->element = kval_newref(a[0]);
        ((repeat_obj *)r)->cnt = cnt;
    }
    return r;
}

static KValue repeat_next(KValue self) {
    repeat_obj *r = (repeat_obj *)self;
    if (r->cnt == 0) {
        return KV_NULL;
    }
    if (r->cnt > 0) {
        r->cnt--;
    }
    return kval_newref(r->element);
}

static KValue repeat_repr(KValue self) {
    repeat_obj *r = (repeat_obj *)self;
    if (r->cnt == -1) {
        return kstr_from_format("%s(%R)", ktype_short_name(kval_type(self)), r->element);
    }
    return kstr_from_format("%s(%R, %zd)", ktype_short_name(kval_type(self)), r->element, r->cnt);
}

static KValue repeat_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    repeat_obj *r = (repeat_obj *)self;
    if (r->cnt == -1) {
        kerr_set(&kexc_TypeError, "len() of unsized object");
        return KV_NULL;
    }
    return kval_from_int(r->cnt);
}

static const KMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

ITER_TYPE(repeat_type, "repeat", repeat, .repr = repeat_repr, .methods = repeat_methods)

// ---------------------------------------------------------------------------
// accumulate(iterable, func=None, *, initial=None)

typedef struct {
    KOBJ_HEAD;
    KValue it, func, total, initial;
} accumulate_obj;
KITER_VALUE_TYPE(accumulate, 4)

static KValue accumulate_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"iterable", "func", "initial", NULL};
    KValue a[3];
    if (kargs_parse("accumulate", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(a[0]);
    KValue r = it ? alloc_obj(type) : KV_NULL;
    if (!r) {
        kval_xdecref(it);
        return KV_NULL;
    }
    accumulate_obj *o = (accumulate_obj *)r;
    o->it = it;
    o->func = a[1] && a[1] != KV_NONE ? kval_newref(a[1]) : KV_NULL;
    o->initial = a[2] && a[2] != KV_NONE ? kval_newref(a[2]) : KV_NULL;
    return r;
}

static KValue accumulate_next(KValue self) {
    accumulate_obj *o = (accumulate_obj *)self;
    if (o->initial) {
        o->total = o->initial;
        o->initial = KV_NULL;
        return kval_newref(o->total);
    }
    KValue item = kobj_iter_next(o->it);
    if (!item) {
        return KV_NULL;
    }
    if (!o->total) {
        o->total = item;
        return kval_newref(item);
    }
    KValue t = o->func ? kobj_call2(o->func, o->total, item)
                       : knum_binop(o->total, item, KF_BINOP_ADD);
    kval_decref(item);
    if (!t) {
        return KV_NULL;
    }
    kval_setref(&o->total, t);
    return kval_newref(t);
}

ITER_TYPE(accumulate_type, "accumulate", accumulate)

// ---------------------------------------------------------------------------
// chain(*iterables), chain.from_iterable(iterable)

typedef struct {
    KOBJ_HEAD;
    KValue source, active; // iterator of iterables; the current iterator
} chain_obj;
KITER_VALUE_TYPE(chain, 2)

static KValue chain_make(KType *type, KValue source) {
    KValue r = alloc_obj(type);
    if (!r) {
        kval_decref(source);
        return KV_NULL;
    }
    ((chain_obj *)r)->source = source;
    return r;
}

static KValue chain_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (kargs_no_kw("chain", kwnames) < 0) {
        return KV_NULL;
    }
    KValue t = ktuple_from_array(args, (ssize_t)nargs);
    KValue source = t ? kobj_get_iter(t) : KV_NULL;
    kval_xdecref(t);
    return source ? chain_make(type, source) : KV_NULL;
}

static KValue chain_from_iterable(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue source = kobj_get_iter(args[0]);
    return source ? chain_make((KType *)cls, source) : KV_NULL;
}

static KValue chain_next(KValue self) {
    chain_obj *c = (chain_obj *)self;
    while (c->source) {
        if (!c->active) {
            KValue iterable = kobj_iter_next(c->source);
            if (!iterable) {
                KVAL_CLEAR(c->source);
                return KV_NULL;
            }
            c->active = kobj_get_iter(iterable);
            kval_decref(iterable);
            if (!c->active) {
                KVAL_CLEAR(c->source);
                return KV_NULL;
            }
        }
        KValue item = kobj_iter_next(c->active);
        if (item || kerr_occurred()) {
            return item;
        }
        KVAL_CLEAR(c->active);
    }
    return KV_NULL;
}

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, KMETH_O | KMETH_CLASS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

ITER_TYPE(chain_type, "chain", chain, .methods = chain_methods)

// ---------------------------------------------------------------------------
// compress(data, selectors)

typedef struct {
    KOBJ_HEAD;
    KValue data, selectors;
} compress_obj;
KITER_VALUE_TYPE(compress, 2)

static KValue compress_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"data", "selectors", NULL};
    KValue a[2];
    if (kargs_parse("compress", args, nargs, kwnames, kwlist, 2, 2, a) < 0) {
        return KV_NULL;
    }
    KValue data = kobj_get_iter(a[0]);
    KValue sel = data ? kobj_get_iter(a[1]) : KV_NULL;
    KValue r = sel ? alloc_obj(type) : KV_NULL;
    if (!r) {
        kval_xdecref(data);
        kval_xdecref(sel);
        return KV_NULL;
    }
    ((compress_obj *)r)->data = data;
    ((compress_obj *)r)->selectors = sel;
    return r;
}

static KValue compress_next(KValue self) {
    compress_obj *c = (compress_obj *)self;
    for (;;) {
        KValue d = kobj_iter_next(c->data);
        if (!d) {
            return KV_NULL;
        }
        KValue s = kobj_iter_next(c->selectors);
        if (!s) {
            kval_decref(d);
            return KV_NULL;
        }
        int ok = kobj_is_true(s);
        kval_decref(s);
        if (ok) {
            if (ok < 0) {
                kval_decref(d);
                return KV_NULL;
            }
            return d;
        }
        kval_decref(d);
    }
}

ITER_TYPE(compress_type, "compress", compress)

// ---------------------------------------------------------------------------
// dropwhile, takewhile, filterfalse (predicate, iterable)

typedef struct {
    KOBJ_HEAD;
    KValue func, it;
    int state; // dropwhile: done dropping; takewhile: stopped
} pred_obj;
KITER_VALUE_TYPE(pred, 2)

static KValue pred_make(const char *name, KType *type, const KValue *args, size_t nargs,
                        KValue kwnames) {
    if (positional(name, nargs, kwnames, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(args[1]);
    KValue r = it ? alloc_obj(type) : KV_NULL;
    if (!r) {
        kval_xdecref(it);
        return KV_NULL;
    }
    ((pred_obj *)r)->func = kval_newref(args[0]);
    ((pred_obj *)r)->it = it;
    return r;
}

// predicate(item) as a truth value ('func' None: bool(item)).
static int test_item(KValue func, KValue item) {
    if (func == KV_NONE) {
        return kobj_is_true(item);
    }
    KValue t = kobj_call1(func, item);
    if (!t) {
        return -1;
    }
    int ok = kobj_is_true(t);
    kval_decref(t);
    return ok;
}

// The next item for which test_item is 'want' (dropwhile's first pass,
// filterfalse); 'stop_on_match' 0. takewhile: the next item while it holds.
static KValue next_where(pred_obj *p, int want) {
    for (;;) {
        KValue item = kobj_iter_next(p->it);
        if (!item) {
            return KV_NULL;
        }
        int ok = test_item(p->func, item);
        if (ok < 0) {
            kval_decref(item);
            return KV_NULL;
        }
        if (ok == want) {
            return item;
        }
        kval_decref(item);
    }
}

typedef pred_obj dropwhile_obj, takewhile_obj, filterfalse_obj;
#define dropwhile_dealloc pred_dealloc
#define dropwhile_traverse pred_traverse
#define takewhile_dealloc pred_dealloc
#define takewhile_traverse pred_traverse
#define filterfalse_dealloc pred_dealloc
#define filterfalse_traverse pred_traverse

static KValue dropwhile_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    return pred_make("dropwhile", type, args, nargs, kwnames);
}

static KValue dropwhile_next(KValue self) {
    pred_obj *p = (pred_obj *)self;
    if (p->state) {
        return kobj_iter_next(p->it);
    }
    KValue item = next_where(p, 0);
    if (item) {
        p->state = 1;
    }
    return item;
}

static KValue takewhile_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    return pred_make("takewhile", type, args, nargs, kwnames);
}

static KValue takewhile_next(KValue self) {
    pred_obj *p = (pred_obj *)self;
    if (p->state) {
        return KV_NULL;
    }
    KValue item = kobj_iter_next(p->it);
    if (!item) {
        return KV_NULL;
    }
    int ok = test_item(p->func, item);
    if (ok > 0) {
        return item;
    }
    kval_decref(item);
    if (ok == 0) {
        p->state = 1;
    }
    return KV_NULL;
}

static KValue filterfalse_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    return pred_make("filterfalse", type, args, nargs, kwnames);
}

static KValue filterfalse_next(KValue self) {
    return next_where((pred_obj *)self, 0);
}

ITER_TYPE(dropwhile_type, "dropwhile", dropwhile)
ITER_TYPE(takewhile_type, "takewhile", takewhile)
ITER_TYPE(filterfalse_type, "filterfalse", filterfalse)

// ---------------------------------------------------------------------------
// starmap(function, iterable)

typedef pred_obj starmap_obj;
#define starmap_dealloc pred_dealloc
#define starmap_traverse pred_traverse

static KValue starmap_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    return pred_make("starmap", type, args, nargs, kwnames);
}

static KValue starmap_next(KValue self) {
    pred_obj *p = (pred_obj *)self;
    KValue item = kobj_iter_next(p->it);
    if (!item) {
        return KV_NULL;
    }
    KValue t = ktuple_check(item) ? kval_newref(item) : ktuple_from_iterable(item);
    kval_decref(item);
    if (!t) {
        return KV_NULL;
    }
    KValue r = kobj_call(p->func, ktuple_items(t), (size_t)ktuple_len(t), KV_NULL);
    kval_decref(t);
    return r;
}

ITER_TYPE(starmap_type, "starmap", starmap)

// ---------------------------------------------------------------------------
// pairwise(iterable)

typedef struct {
    KOBJ_HEAD;
    KValue it, old;
} pairwise_obj;
KITER_VALUE_TYPE(pairwise, 2)

static KValue pairwise_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (positional("pairwise", nargs, kwnames, 1, 1) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(args[0]);
    KValue r = it ? alloc_obj(type) : KV_NULL;
    if (!r) {
        kval_xdecref(it);
        return KV_NULL;
    }
    ((pairwise_obj *)r)->it = it;
    return r;
}

static KValue pairwise_next(KValue self) {
    pairwise_obj *p = (pairwise_obj *)self;
    if (!p->it) {
        return KV_NULL;
    }
    if (!p->old) {
        p->old = kobj_iter_next(p->it);
        if (!p->old) {
            KVAL_CLEAR(p->it);
            return KV_NULL;
        }
    }
    KValue item = kobj_iter_next(p->it);
    if (!item) {
        KVAL_CLEAR(p->it);
        KVAL_CLEAR(p->old);
        return KV_NULL;
    }
    KValue t = ktuple_pack(2, p->old, item);
    kval_setref(&p->old, item);
    return t;
}

ITER_TYPE(pairwise_type, "pairwise", pairwise)

// ---------------------------------------------------------------------------
// islice(iterable, stop) / islice(iterable, start, stop[, step])

typedef struct {
    KOBJ_HEAD;
    KValue it;
    ssize_t next, stop, step, cnt; // stop -1: none
} islice_obj;
KITER_VALUE_TYPE(islice, 1)

static KValue islice_error(const char *msg) {
    kerr_set(&kexc_ValueError, msg);
    return KV_NULL;
}

// An index argument; -1 both for -1 and for a failure (overflow included).
static ssize_t islice_arg(KValue v) {
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        kerr_clear();
    }
    return n;
}

static KValue islice_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (positional("islice", nargs, kwnames, 2, 4) < 0) {
        return KV_NULL;
    }
    ssize_t start = 0, stop = -1, step = 1;
    KValue a1 = args[1], a2 = nargs > 2 ? args[2] : KV_NULL, a3 = nargs > 3 ? args[3] : KV_NULL;
    if (nargs == 2) {
        if (a1 != KV_NONE && (stop = islice_arg(a1)) == -1) {
            return islice_error(stop_msg);
        }
    } else {
        if (a1 != KV_NONE) {
            start = islice_arg(a1);
        }
        if (a2 != KV_NONE && (stop = islice_arg(a2)) == -1) {
            return islice_error(stop_msg);
        }
    }
    if (start < 0 || stop < -1) {
        return islice_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    }
    if (a3 && a3 != KV_NONE) {
        step = islice_arg(a3);
    }
    if (step < 1) {
        return islice_error("Step for islice() must be a positive integer or None.");
    }
    KValue it = kobj_get_iter(args[0]);
    KValue r = it ? alloc_obj(type) : KV_NULL;
    if (!r) {
        kval_xdecref(it);
        return KV_NULL;
    }
    islice_obj *s = (islice_obj *)r;
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return r;
}

static KValue islice_next(KValue self) {
    islice_obj *s = (islice_obj *)self;
    if (!s->it) {
        return KV_NULL;
    }
    while (s->cnt < s->next) {
        KValue item = kobj_iter_next(s->it);
        if (!item) {
            goto empty;
        }
        kval_decref(item);
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) {
        goto empty;
    }
    KValue item = kobj_iter_next(s->it);
    if (!item) {
        goto empty;
    }
    s->cnt++;
    ssize_t old = s->next;
    s->next += s->step;
    if (s->next < old || (s->stop != -1 && s->next > s->stop)) {
        s->next = s->stop;
    }
    return item;
empty:
    KVAL_CLEAR(s->it);
    return KV_NULL;
}

ITER_TYPE(islice_type, "islice", islice)

// ---------------------------------------------------------------------------
// zip_longest(*iterables, fillvalue=None)

typedef struct {
    KOBJ_HEAD;
    KValue iters, fill; // tuple (exhausted entries become None)
    ssize_t active;
} zip_longest_obj;
KITER_VALUE_TYPE(zip_longest, 2)

static KValue zip_longest_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    KValue fill = KV_NONE;
    ssize_t nkw = kwnames ? ktuple_len(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        if (!kstr_eq_cstr(ktuple_items(kwnames)[i], "fillvalue")) {
            kerr_set(&kexc_TypeError, "zip_longest() got an unexpected keyword argument");
            return KV_NULL;
        }
        fill = args[nargs + (size_t)i];
    }
    KValue iters = ktuple_new((ssize_t)nargs);
    if (!iters) {
        return KV_NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        ktuple_items(iters)[i] = KV_NONE;
    }
    for (size_t i = 0; i < nargs; i++) {
        KValue it = kobj_get_iter(args[i]);
        if (!it) {
            kval_decref(iters);
            return KV_NULL;
        }
        ktuple_items(iters)[i] = it;
    }
    KValue r = alloc_obj(type);
    if (!r) {
        kval_decref(iters);
        return KV_NULL;
    }
    zip_longest_obj *z = (zip_longest_obj *)r;
    z->iters = iters;
    z->fill = kval_newref(fill);
    z->active = (ssize_t)nargs;
    return r;
}

static KValue zip_longest_next(KValue self) {
    zip_longest_obj *z = (zip_longest_obj *)self;
    ssize_t n = ktuple_len(z->iters);
    if (n == 0 || z->active == 0) {
        return KV_NULL;
    }
    KValue t = ktuple_new(n);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        ktuple_items(t)[i] = KV_NONE;
    }
    for (ssize_t i = 0; i < n; i++) {
        KValue *slot = &ktuple_items(z->iters)[i];
        KValue item = KV_NULL;
        if (*slot != KV_NONE) {
            item = kobj_iter_next(*slot);
            if (!item) {
                if (kerr_occurred()) {
                    kval_decref(t);
                    return KV_NULL;
                }
                kval_setref(slot, KV_NONE);
                if (--z->active == 0) {
                    kval_decref(t);
                    return KV_NULL;
                }
            }
        }
        ktuple_items(t)[i] = item ? item : kval_newref(z->fill);
    }
    return t;
}

ITER_TYPE(zip_longest_type, "zip_longest", zip_longest)

// ---------------------------------------------------------------------------
// groupby(iterable, key=None) and its _grouper

typedef struct {
    KOBJ_HEAD;
    KValue it, keyfunc, tgtkey, currkey, currvalue;
    KObject *currgrouper; // not owned: only compared, to tell a stale grouper
} groupby_obj;
KITER_VALUE_TYPE(groupby, 5)

typedef struct {
    KOBJ_HEAD;
    KValue parent, tgtkey;
} grouper_obj;
KITER_VALUE_TYPE(grouper, 2)

static KType grouper_type, groupby_type;

static KValue groupby_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"iterable", "key", NULL};
    KValue a[2];
    if (kargs_parse("groupby", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(a[0]);
    KValue r = it ? alloc_obj(type) : KV_NULL;
    if (!r) {
        kval_xdecref(it);
        return KV_NULL;
    }
    groupby_obj *g = (groupby_obj *)r;
    g->it = it;
    g->keyfunc = a[1] && a[1] != KV_NONE ? kval_newref(a[1]) : KV_NULL;
    return r;
}

// Reads the next value and its key; -1 at the end (no error) or on error.
static int groupby_step(groupby_obj *g) {
    KValue value = kobj_iter_next(g->it);
    if (!value) {
        return -1;
    }
    KValue key = g->keyfunc ? kobj_call1(g->keyfunc, value) : kval_newref(value);
    if (!key) {
        kval_decref(value);
        return -1;
    }
    kval_setref(&g->currvalue, value);
    kval_setref(&g->currkey, key);
    return 0;
}

static KValue groupby_next(KValue self) {
    groupby_obj *g = (groupby_obj *)self;
    g->currgrouper = NULL;
    for (;;) {
        if (g->currkey) {
            if (!g->tgtkey) {
                break;
            }
            int eq = kobj_richcompare_bool(g->tgtkey, g->currkey, KF_CMP_EQ);
            if (eq < 0) {
                return KV_NULL;
            }
            if (!eq) {
                break;
            }
        }
        if (groupby_step(g) < 0) {
            return KV_NULL;
        }
    }
    kval_setref(&g->tgtkey, kval_newref(g->currkey));
    KValue gr = alloc_obj(&grouper_type);
    if (!gr) {
        return KV_NULL;
    }
    ((grouper_obj *)gr)->parent = kval_newref(self);
    ((grouper_obj *)gr)->tgtkey = kval_newref(g->tgtkey);
    g->currgrouper = kval_obj(gr);
    KValue t = ktuple_pack(2, g->currkey, gr);
    kval_decref(gr);
    return t;
}

static KValue grouper_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (positional("_grouper", nargs, kwnames, 2, 2) < 0) {
        return KV_NULL;
    }
    if (kval_type(args[0]) != &groupby_type) {
        kerr_format(&kexc_TypeError, "_grouper() argument 1 must be itertools.groupby, not %T",
                    args[0]);
        return KV_NULL;
    }
    KValue gr = alloc_obj(type);
    if (gr) {
        ((grouper_obj *)gr)->parent = kval_newref(args[0]);
        ((grouper_obj *)gr)->tgtkey = kval_newref(args[1]);
    }
    return gr;
}

static KValue grouper_next(KValue self) {
    grouper_obj *gr = (grouper_obj *)self;
    groupby_obj *g = (groupby_obj *)gr->parent;
    if (g->currgrouper != kval_obj(self)) {
        return KV_NULL;
    }
    if (!g->currvalue && groupby_step(g) < 0) {
        return KV_NULL;
    }
    int eq = kobj_richcompare_bool(gr->tgtkey, g->currkey, KF_CMP_EQ);
    if (eq <= 0) {
        return KV_NULL;
    }
    KValue r = g->currvalue;
    g->currvalue = KV_NULL;
    return r;
}

ITER_TYPE(groupby_type, "groupby", groupby)

static KType grouper_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "itertools._grouper",
    .basicsize = sizeof(grouper_obj),
    .flags = KTF_GC,
    .dealloc = grouper_dealloc,
    .traverse = grouper_traverse,
    .iter = self_iter,
    .iternext = grouper_next,
    .new_ = grouper_new,
};

// ---------------------------------------------------------------------------
// tee(iterable, n=2): the _tee iterators share a chain of blocks of
// LINKCELLS values read from the source; each block links to the next, so
// a block is freed once every _tee has moved past it.

enum { LINKCELLS = 57 };

typedef struct {
    KOBJ_HEAD;
    KValue it, nextlink;
    KValue values[LINKCELLS];
    int numread, running;
} teedata_obj;

static KType teedata_type;

static void teedata_dealloc(KObject *o) {
    teedata_obj *d = (teedata_obj *)o;
    kgc_untrack(o);
    for (int i = 0; i < d->numread; i++) {
        KVAL_CLEAR(d->values[i]);
    }
    kitertools_release_values(o, 2);
}

static int teedata_traverse(KObject *o, KVisitFn visit, void *arg) {
    teedata_obj *d = (teedata_obj *)o;
    for (int i = 0; i < d->numread; i++) {
        if (visit(d->values[i], arg)) {
            return 1;
        }
    }
    return kitertools_visit_values(o, 2, visit, arg);
}

static void teedata_clear(KObject *o) {
    teedata_obj *d = (teedata_obj *)o;
    int n = d->numread;
    d->numread = 0;
    for (int i = 0; i < n; i++) {
        KVAL_CLEAR(d->values[i]);
    }
    KVAL_CLEAR(d->it);
    KVAL_CLEAR(d->nextlink);
}

static KValue teedata_new(KValue it) {
    KValue r = alloc_obj(&teedata_type);
    if (r) {
        ((teedata_obj *)r)->it = kval_newref(it);
    }
    return r;
}

static KType teedata_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "itertools._tee_dataobject",
    .basicsize = sizeof(teedata_obj),
    .flags = KTF_GC,
    .dealloc = teedata_dealloc,
    .traverse = teedata_traverse,
    .clear = teedata_clear,
};

typedef struct {
    KOBJ_HEAD;
    KValue data;
    int index;
} tee_obj;
KITER_VALUE_TYPE(tee, 1)

static KType tee_type;

static KValue tee_make(KValue data, int index) {
    KValue r = alloc_obj(&tee_type);
    if (r) {
        ((tee_obj *)r)->data = kval_newref(data);
        ((tee_obj *)r)->index = index;
    }
    return r;
}

static KValue tee_from_iterable(KValue iterable) {
    KValue it = kobj_get_iter(iterable);
    if (!it) {
        return KV_NULL;
    }
    if (kval_type(it) == &tee_type) {
        KValue r = tee_make(((tee_obj *)it)->data, ((tee_obj *)it)->index);
        kval_decref(it);
        return r;
    }
    KValue data = teedata_new(it);
    kval_decref(it);
    if (!data) {
        return KV_NULL;
    }
    KValue r = tee_make(data, 0);
    kval_decref(data);
    return r;
}

static KValue tee_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    if (positional("_tee", nargs, kwnames, 1, 1) < 0) {
        return KV_NULL;
    }
    return tee_from_iterable(args[0]);
}

static KValue tee_next(KValue self) {
    tee_obj *t = (tee_obj *)self;
    teedata_obj *d = (teedata_obj *)t->data;
    if (t->index >= LINKCELLS) {
        if (!d->nextlink && !(d->nextlink = teedata_new(d->it))) {
            return KV_NULL;
        }
        kval_setref(&t->data, kval_newref(d->nextlink));
        t->index = 0;
        d = (teedata_obj *)t->data;
    }
    if (t->index < d->numread) {
        return kval_newref(d->values[t->index++]);
    }
    if (d->running) {
        kerr_set(&kexc_RuntimeError, "cannot re-enter the tee iterator");
        return KV_NULL;
    }
    d->running = 1;
    KValue item = kobj_iter_next(d->it);
    d->running = 0;
    if (!item) {
        return KV_NULL;
    }
    d->values[d->numread++] = item;
    t->index++;
    return kval_newref(item);
}

static KValue tee_copy(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return tee_make(((tee_obj *)self)->data, ((tee_obj *)self)->index);
}

static const KMethodDef tee_methods[] = {
    {"__copy__", tee_copy, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType tee_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "itertools._tee",
    .basicsize = sizeof(tee_obj),
    .flags = KTF_GC,
    .dealloc = tee_dealloc,
    .traverse = tee_traverse,
    .iter = self_iter,
    .iternext = tee_next,
    .new_ = tee_new,
    .methods = tee_methods,
};

static KValue itertools_tee(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    if (positional("tee", nargs, kwnames, 1, 2) < 0) {
        return KV_NULL;
    }
    ssize_t n = 2;
    if (nargs > 1) {
        n = knum_as_ssize(args[1], &kexc_OverflowError);
        if (n == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (n < 0) {
        kerr_set(&kexc_ValueError, "n must be >= 0");
        return KV_NULL;
    }
    KValue result = ktuple_new(n);
    if (!result || n == 0) {
        return result;
    }
    for (ssize_t i = 0; i < n; i++) {
        ktuple_items(result)[i] = KV_NONE;
    }
    KValue it = kobj_get_iter(args[0]);
    KValue copyfunc = KV_NULL, first = KV_NULL;
    KValue copyname = it ? kstr_from_cstr("__copy__") : KV_NULL;
    int found = copyname ? kobj_lookup_attr(it, copyname, &copyfunc) : -1;
    if (found < 0) {
        kval_xdecref(copyname);
        goto error;
    }
    if (copyfunc) {
        first = kval_newref(it);
    } else {
        first = tee_from_iterable(it);
        copyfunc = first ? kobj_getattr(first, copyname) : KV_NULL;
    }
    kval_decref(copyname);
    if (!copyfunc) {
        goto error;
    }
    ktuple_items(result)[0] = first;
    first = KV_NULL;
    for (ssize_t i = 1; i < n; i++) {
        KValue c = kobj_call0(copyfunc);
        if (!c) {
            goto error;
        }
        ktuple_items(result)[i] = c;
    }
    kval_decref(it);
    kval_decref(copyfunc);
    return result;
error:
    kval_xdecref(it);
    kval_xdecref(copyfunc);
    kval_xdecref(first);
    kval_decref(result);
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// The module.

static const KMethodDef itertools_methods[] = {
    {"tee", itertools_tee, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

static KType *const itertools_types[] = {
    &accumulate_type, &kitertools_combinations_type, &kitertools_cwr_type, &chain_type,
    &compress_type, &count_type, &cycle_type, &dropwhile_type, &filterfalse_type,
    &groupby_type, &islice_type, &pairwise_type, &kitertools_permutations_type,
    &kitertools_product_type, &repeat_type, &starmap_type, &takewhile_type,
    &zip_longest_type, &grouper_type, &teedata_type, &tee_type,
};

KValue kmod_itertools_create(void) {
    KValue m = kmod_new("itertools");
    if (!m || kmod_add_functions(m, itertools_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    for (size_t i = 0; i < sizeof itertools_types / sizeof itertools_types[0]; i++) {
        KType *t = itertools_types[i];
        if (ktype_ready(t) < 0 || kmod_add(m, ktype_short_name(t), kval_of(t)) < 0) {
            kval_decref(m);
            return KV_NULL;
        }
    }
    return m;
}
