// vm/iter.c: the iterator types of the builtins: enumerate, zip (with
// strict=), map, filter, reversed, and iter(callable, sentinel).
#include <string.h>
#include "internal.h"

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "dict.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

// Iterators handing out tuples reuse their previous result when nobody
// else holds it any more (the loop unpacked and dropped it), as CPython's
// enumerate and zip do: a `for i, x in enumerate(...)` loop then allocates
// nothing. The cached tuple never has an empty slot (it is reachable
// through the iterator's traverse, so gc.get_referents may show it).

// The reusable previous result 'cache' (a new reference) or a new tuple
// of 'len' empty slots. KV_NULL on error.
static KValue result_tuple(KValue cache, ssize_t len) {
    if (cache && kval_obj(cache)->refcnt == 1) {
        return kval_newref(cache);
    }
    return ktuple_new(len);
}

// Stores 'item' (stolen) at 'i' of result 't', releasing what was there.
static void result_set(KValue t, ssize_t i, KValue item) {
    KValue old = ktuple_items(t)[i];
    ktuple_items(t)[i] = item;
    kval_xdecref(old);
}

// After every slot of 't' is filled: 't' becomes the cached result, and is
// tracked again if the collector had untracked it for its atomic items.
static void result_done(KValue *cache, KValue t) {
    if (*cache != t) {
        KValue old = *cache;
        *cache = kval_newref(t);
        kval_xdecref(old);
    }
    if (!kgc_is_tracked(t)) {
        kgc_track(kval_obj(t));
    }
}

// ---------------------------------------------------------------------------
// enumerate

typedef struct Enumerate {
    KOBJ_HEAD;
    KValue it;
    KValue index;  // int
    KValue result; // the last tuple handed out (reuse_result), or KV_NULL
} Enumerate;

static KValue enumerate_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"iterable", "start", NULL};
    KValue a[2];
    if (kargs_parse("enumerate", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    KValue start = kval_from_int(0);
    if (a[1]) {
        start = knum_index(a[1]);
        if (!start) {
            return KV_NULL;
        }
    }
    KValue it = kobj_get_iter(a[0]);
    if (!it) {
        kval_decref(start);
        return KV_NULL;
    }
    Enumerate *e = (Enumerate *)ktype_generic_alloc(type, 0);
    if (!e) {
        kval_decref(it);
        kval_decref(start);
        return KV_NULL;
    }
    e->it = it;
    e->index = start;
    return kval_of(e);
}

static KValue enumerate_next(KValue self) {
    Enumerate *e = (Enumerate *)self;
    KValue item = kobj_iter_next(e->it);
    if (!item) {
        return KV_NULL;
    }
    KValue i = e->index;
    KValue next = kint_add(i, kval_from_int(1));
    if (!next) {
        kval_decref(item);
        return KV_NULL;
    }
    e->index = next;
    KValue t = result_tuple(e->result, 2);
    if (!t) {
        kval_decref(i);
        kval_decref(item);
        return KV_NULL;
    }
    result_set(t, 0, i);
    result_set(t, 1, item);
    result_done(&e->result, t);
    return t;
}

static void enumerate_dealloc(KObject *o) {
    Enumerate *e = (Enumerate *)o;
    kgc_untrack(o);
    kval_xdecref(e->it);
    kval_xdecref(e->index);
    kval_xdecref(e->result);
    kobj_free(o);
}

static int enumerate_traverse(KObject *o, KVisitFn visit, void *arg) {
    Enumerate *e = (Enumerate *)o;
    return (e->it && visit(e->it, arg)) || (e->index && visit(e->index, arg)) ||
           (e->result && visit(e->result, arg));
}

KValue kgeneric_alias_new(KValue origin, KValue args);

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef enumerate_methods[] = {
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kenumerate_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "enumerate",
    .basicsize = sizeof(Enumerate),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = enumerate_dealloc,
    .traverse = enumerate_traverse,
    .iter = self_iter,
    .iternext = enumerate_next,
    .new_ = enumerate_new,
    .methods = enumerate_methods,
    .doc = "enumerate(iterable, start=0)\n"
        "--\n"
        "\n"
        "Return an enumerate object.\n"
        "\n"
        "  iterable\n"
        "    an object supporting iteration\n"
        "\n"
        "The enumerate object yields pairs containing a count (from start, which\n"
        "defaults to zero) and a value yielded by the iterable argument.\n"
        "\n"
        "enumerate is useful for obtaining an indexed list:\n"
        "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
};

// ---------------------------------------------------------------------------
// zip

typedef struct Zip {
    KOBJ_HEAD;
    KValue iters;  // tuple
    KValue result; // the last tuple handed out (reuse_result), or KV_NULL
    int strict;
} Zip;

static KValue zip_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    int strict = 0;
    if (kwnames) {
        for (ssize_t i = 0; i < ktuple_len(kwnames); i++) {
            KValue k = ktuple_items(kwnames)[i];
            if (!kstr_eq_cstr(k, "strict")) {
                kerr_format(&kexc_TypeError, "zip() got an unexpected keyword argument '%U'", k);
                return KV_NULL;
            }
            strict = kobj_is_true(args[nargs + (size_t)i]);
            if (strict < 0) {
                return KV_NULL;
            }
        }
    }
    KValue iters = ktuple_new((ssize_t)nargs);
    if (!iters) {
        return KV_NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        KValue it = kobj_get_iter(args[i]);
        if (!it) {
            kval_decref(iters);
            return KV_NULL;
        }
        ktuple_items(iters)[i] = it;
    }
    Zip *z = (Zip *)ktype_generic_alloc(type, 0);
    if (!z) {
        kval_decref(iters);
        return KV_NULL;
    }
    z->iters = iters;
    z->strict = strict;
    return kval_of(z);
}

static KValue zip_next(KValue self) {
    Zip *z = (Zip *)self;
    ssize_t n = ktuple_len(z->iters);
    if (n == 0) {
        return KV_NULL;
    }
    KValue t = result_tuple(z->result, n);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        KValue item = kobj_iter_next(ktuple_items(z->iters)[i]);
        if (!item) {
            if (z->strict && !kerr_occurred()) {
                if (i > 0) {
                    kerr_format(&kexc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                                i + 1, i == 1 ? " " : "s 1-", i);
                } else {
                    for (ssize_t j = 1; j < n; j++) {
                        KValue other = kobj_iter_next(ktuple_items(z->iters)[j]);
                        if (other) {
                            kval_decref(other);
                            kerr_format(&kexc_ValueError,
                                        "zip() argument %zd is longer than argument%s%zd", j + 1,
                                        j == 1 ? " " : "s 1-", j);
                            break;
                        }
                        if (kerr_occurred()) {
                            break;
                        }
                    }
                }
            }
            // A new tuple's remaining slots are NULL (the dealloc copes); a
            // reused one keeps its previous items.
            kval_decref(t);
            return KV_NULL;
        }
        result_set(t, i, item);
    }
    result_done(&z->result, t);
    return t;
}

static void zip_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((Zip *)o)->iters);
    kval_xdecref(((Zip *)o)->result);
    kobj_free(o);
}

static int zip_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue it = ((Zip *)o)->iters;
    KValue r = ((Zip *)o)->result;
    return (it && visit(it, arg)) || (r && visit(r, arg));
}

KType kzip_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "zip",
    .basicsize = sizeof(Zip),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .iter = self_iter,
    .iternext = zip_next,
    .new_ = zip_new,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n"
        "\n"
        "   >>> list(zip('abcdefg', range(3), range(4)))\n"
        "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n"
        "\n"
        "The zip object yields n-length tuples, where n is the number of iterables\n"
        "passed as positional arguments to zip().  The i-th element in every tuple\n"
        "comes from the i-th iterable argument to zip().  This continues until the\n"
        "shortest argument is exhausted.\n"
        "\n"
        "If strict is true and one of the arguments is exhausted before the others,\n"
        "raise a ValueError.",
};

// ---------------------------------------------------------------------------
// map

typedef struct Map {
    KOBJ_HEAD;
    KValue func;
    KValue iters;
} Map;

static KValue map_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (type == &kmap_type && kargs_no_kw("map", kwnames) < 0) {
        return KV_NULL;
    }
    if (nargs < 2) {
        kerr_set(&kexc_TypeError, "map() must have at least two arguments.");
        return KV_NULL;
    }
    KValue iters = ktuple_new((ssize_t)nargs - 1);
    if (!iters) {
        return KV_NULL;
    }
    for (size_t i = 1; i < nargs; i++) {
        KValue it = kobj_get_iter(args[i]);
        if (!it) {
            kval_decref(iters);
            return KV_NULL;
        }
        ktuple_items(iters)[i - 1] = it;
    }
    Map *m = (Map *)ktype_generic_alloc(type, 0);
    if (!m) {
        kval_decref(iters);
        return KV_NULL;
    }
    m->func = kval_newref(args[0]);
    m->iters = iters;
    return kval_of(m);
}

static KValue map_next(KValue self) {
    Map *m = (Map *)self;
    ssize_t n = ktuple_len(m->iters);
    KValue local[8];
    KValue *items = n <= 8 ? local : kmem_alloc((size_t)n * sizeof(KValue));
    if (!items) {
        return kerr_no_memory();
    }
    ssize_t got = 0;
    KValue r = KV_NULL;
    for (; got < n; got++) {
        items[got] = kobj_iter_next(ktuple_items(m->iters)[got]);
        if (!items[got]) {
            break;
        }
    }
    if (got == n) {
        r = kobj_call(m->func, items, (size_t)n, KV_NULL);
    }
    for (ssize_t i = 0; i < got; i++) {
        kval_decref(items[i]);
    }
    if (items != local) {
        kmem_free(items);
    }
    return r;
}

static void map_dealloc(KObject *o) {
    Map *m = (Map *)o;
    kgc_untrack(o);
    kval_xdecref(m->func);
    kval_xdecref(m->iters);
    kobj_free(o);
}

static int map_traverse(KObject *o, KVisitFn visit, void *arg) {
    Map *m = (Map *)o;
    return (m->func && visit(m->func, arg)) || (m->iters && visit(m->iters, arg));
}

KType kmap_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "map",
    .basicsize = sizeof(Map),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .iter = self_iter,
    .iternext = map_next,
    .new_ = map_new,
    .doc = "map(func, *iterables) --> map object\n"
        "\n"
        "Make an iterator that computes the function using arguments from\n"
        "each of the iterables.  Stops when the shortest iterable is exhausted.",
};

// ---------------------------------------------------------------------------
// filter

typedef struct Filter {
    KOBJ_HEAD;
    KValue func; // None: truth of the item
    KValue it;
} Filter;

static KValue filter_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (type == &kfilter_type && kargs_no_kw("filter", kwnames) < 0) {
        return KV_NULL;
    }
    if (kargs_count("filter", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(args[1]);
    if (!it) {
        return KV_NULL;
    }
    Filter *f = (Filter *)ktype_generic_alloc(type, 0);
    if (!f) {
        kval_decref(it);
        return KV_NULL;
    }
    f->func = kval_newref(args[0]);
    f->it = it;
    return kval_of(f);
}

static KValue filter_next(KValue self) {
    Filter *f = (Filter *)self;
    for (;;) {
        KValue item = kobj_iter_next(f->it);
        if (!item) {
            return KV_NULL;
        }
        int ok;
        if (f->func == KV_NONE || f->func == kval_of(&kbool_type)) {
            ok = kobj_is_true(item);
        } else {
            KValue r = kobj_call1(f->func, item);
            ok = r ? kobj_is_true(r) : -1;
            kval_xdecref(r);
        }
        if (ok > 0) {
            return item;
        }
        kval_decref(item);
        if (ok < 0) {
            return KV_NULL;
        }
    }
}

static void filter_dealloc(KObject *o) {
    Filter *f = (Filter *)o;
    kgc_untrack(o);
    kval_xdecref(f->func);
    kval_xdecref(f->it);
    kobj_free(o);
}

static int filter_traverse(KObject *o, KVisitFn visit, void *arg) {
    Filter *f = (Filter *)o;
    return (f->func && visit(f->func, arg)) || (f->it && visit(f->it, arg));
}

KType kfilter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "filter",
    .basicsize = sizeof(Filter),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = filter_dealloc,
    .traverse = filter_traverse,
    .iter = self_iter,
    .iternext = filter_next,
    .new_ = filter_new,
    .doc = "filter(function or None, iterable) --> filter object\n"
        "\n"
        "Return an iterator yielding those items of iterable for which function(item)\n"
        "is true. If function is None, return the items that are true.",
};

// ---------------------------------------------------------------------------
// reversed: __reversed__, or a sequence walked backwards by index.

typedef struct Reversed {
    KOBJ_HEAD;
    KValue seq;
    ssize_t index;
} Reversed;

static KValue reversed_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (type == &kreversed_type && kargs_no_kw("reversed", kwnames) < 0) {
        return KV_NULL;
    }
    if (kargs_count("reversed", nargs, 1, 1) < 0) {
        return KV_NULL;
    }
    KValue seq = args[0];
    int found;
    KValue rev = kobj_lookup_special(seq, KID(__reversed__), &found);
    if (found) {
        if (!rev) {
            return KV_NULL;
        }
        if (rev == KV_NONE) {
            kval_decref(rev);
            kerr_format(&kexc_TypeError, "'%s' object is not reversible", ktype_name(kval_type(seq)));
            return KV_NULL;
        }
        KValue r = kobj_call0(rev);
        kval_decref(rev);
        return r;
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    KType *t = kval_type(seq);
    if (!t->getitem || ktype_is_subtype(t, &kdict_type)) {
        kerr_format(&kexc_TypeError, "'%s' object is not reversible", ktype_name(t));
        return KV_NULL;
    }
    ssize_t n = kobj_len(seq);
    if (n < 0) {
        return KV_NULL;
    }
    Reversed *r = (Reversed *)ktype_generic_alloc(type, 0);
    if (!r) {
        return KV_NULL;
    }
    r->seq = kval_newref(seq);
    r->index = n - 1;
    return kval_of(r);
}

static KValue reversed_next(KValue self) {
    Reversed *r = (Reversed *)self;
    if (!r->seq || r->index < 0) {
        KVAL_CLEAR(r->seq);
        return KV_NULL;
    }
    KValue item = kobj_getitem(r->seq, kval_from_int(r->index));
    r->index--;
    if (!item && (kerr_matches(&kexc_IndexError) || kerr_matches(&kexc_StopIteration))) {
        kerr_clear();
        KVAL_CLEAR(r->seq);
    }
    return item;
}

static void reversed_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((Reversed *)o)->seq);
    kobj_free(o);
}

static int reversed_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue s = ((Reversed *)o)->seq;
    return s && visit(s, arg);
}

static KValue reversed_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Reversed *r = (Reversed *)self;
    return kval_from_int(r->seq ? r->index + 1 : 0);
}

static const KMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kreversed_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "reversed",
    .basicsize = sizeof(Reversed),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = reversed_dealloc,
    .traverse = reversed_traverse,
    .iter = self_iter,
    .iternext = reversed_next,
    .new_ = reversed_new,
    .methods = reversed_methods,
    .doc = "reversed(sequence, /)\n"
        "--\n"
        "\n"
        "Return a reverse iterator over the values of the given sequence.",
};

// ---------------------------------------------------------------------------
// iter(callable, sentinel)

typedef struct CallIter {
    KOBJ_HEAD;
    KValue callable, sentinel;
} CallIter;

static KType callable_iter_type;

KValue kcallable_iter_new(KValue callable, KValue sentinel) {
    CallIter *c = (CallIter *)kobj_alloc(&callable_iter_type, sizeof(CallIter));
    if (!c) {
        return kerr_no_memory();
    }
    c->callable = kval_newref(callable);
    c->sentinel = kval_newref(sentinel);
    return kval_of(c);
}

static KValue callable_iter_next(KValue self) {
    CallIter *c = (CallIter *)self;
    if (!c->callable) {
        return KV_NULL;
    }
    KValue r = kobj_call0(c->callable);
    if (!r) {
        if (kerr_matches(&kexc_StopIteration)) {
            kerr_clear();
            KVAL_CLEAR(c->callable);
        }
        return KV_NULL;
    }
    int eq = kobj_richcompare_bool(r, c->sentinel, KF_CMP_EQ);
    if (eq != 0) {
        kval_decref(r);
        if (eq > 0) {
            KVAL_CLEAR(c->callable);
        }
        return KV_NULL;
    }
    return r;
}

static void callable_iter_dealloc(KObject *o) {
    CallIter *c = (CallIter *)o;
    kgc_untrack(o);
    kval_xdecref(c->callable);
    kval_xdecref(c->sentinel);
    kobj_free(o);
}

static int callable_iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    CallIter *c = (CallIter *)o;
    return (c->callable && visit(c->callable, arg)) || (c->sentinel && visit(c->sentinel, arg));
}

// __reduce__: iter(callable, sentinel) again, or iter(()) once exhausted.
static KValue callable_iter_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    CallIter *c = (CallIter *)self;
    KValue f = kdict_get_borrow(kruntime.builtins, kstr_intern_cstr("iter"));
    if (!f) {
        kerr_set(&kexc_AttributeError, "module 'builtins' has no attribute 'iter'");
        return KV_NULL;
    }
    KValue fargs = c->callable ? ktuple_pack(2, c->callable, c->sentinel) : KV_NULL;
    if (!c->callable) {
        KValue empty = ktuple_new(0);
        fargs = empty ? ktuple_pack(1, empty) : KV_NULL;
        kval_xdecref(empty);
    }
    KValue r = fargs ? ktuple_pack(2, f, fargs) : KV_NULL;
    kval_xdecref(fargs);
    return r;
}

static const KMethodDef callable_iter_methods[] = {
    {"__reduce__", callable_iter_reduce, KMETH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static KType callable_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "callable_iterator",
    .methods = callable_iter_methods,
    .basicsize = sizeof(CallIter),
    .flags = KTF_GC,
    .dealloc = callable_iter_dealloc,
    .traverse = callable_iter_traverse,
    .iter = self_iter,
    .iternext = callable_iter_next,
};

int kiter_init(void) {
    KType *types[] = {&kenumerate_type, &kzip_type, &kmap_type, &kfilter_type, &kreversed_type,
                      &callable_iter_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (ktype_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Pickling of index-based iterators (list, reversed list, tuple, sequence).

KValue kiter_reduce_indexed(const char *fn, KValue seq, ssize_t index, KValue empty) {
    KValue f = kdict_get_borrow(kruntime.builtins, kstr_intern_cstr(seq ? fn : "iter"));
    if (!f) {
        kerr_format(&kexc_AttributeError, "module 'builtins' has no attribute '%s'", fn);
        return KV_NULL;
    }
    if (!seq) {
        KValue args = ktuple_pack(1, empty);
        KValue r = args ? ktuple_pack(2, f, args) : KV_NULL;
        kval_xdecref(args);
        return r;
    }
    KValue args = ktuple_pack(1, seq);
    KValue i = args ? kint_from_i64(index) : KV_NULL;
    KValue r = i ? ktuple_pack(3, f, args, i) : KV_NULL;
    kval_xdecref(args);
    kval_xdecref(i);
    return r;
}

int kiter_setstate_index(KValue state, ssize_t lo, ssize_t hi, ssize_t *index) {
    if (!kint_check(state)) {
        kerr_set(&kexc_TypeError, "an integer is required");
        return -1;
    }
    ssize_t i = knum_as_ssize(state, NULL);
    if (i == -1 && kerr_occurred()) {
        return -1;
    }
    *index = i < lo ? lo : i > hi ? hi : i;
    return 0;
}
