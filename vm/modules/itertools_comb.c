// vm/modules/itertools_comb.c: the combinatoric iterators of itertools:
// product(*iterables, repeat=1), permutations(iterable, r=None),
// combinations(iterable, r), combinations_with_replacement(iterable, r).
// Each holds its pool(s) as tuples and an index array it advances in
// lexicographic order, as CPython's do, building a new result tuple per step.
#include "itertools.h"

#include "../abstract.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../mem.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

typedef struct {
    KOBJ_HEAD;
    KValue pools;  // product: tuple of tuples; the others: the pool tuple
    ssize_t *indices;
    ssize_t *cycles; // permutations only
    ssize_t r;       // result length
    int started, stopped;
} comb_obj;

static void comb_dealloc(KObject *o) {
    comb_obj *c = (comb_obj *)o;
    kmem_free(c->indices);
    kmem_free(c->cycles);
    kitertools_release_values(o, 1);
}

static int comb_traverse(KObject *o, KVisitFn visit, void *arg) {
    return kitertools_visit_values(o, 1, visit, arg);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

// A comb_obj of 'type' over 'pools' (stolen) with 'r' indices (and cycles).
static KValue comb_make(KType *type, KValue pools, ssize_t nindices, ssize_t r, int cycles) {
    if (!pools) {
        return KV_NULL;
    }
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        kval_decref(pools);
        return KV_NULL;
    }
    comb_obj *c = (comb_obj *)v;
    c->pools = pools;
    c->r = r;
    size_t bytes = (size_t)(nindices ? nindices : 1) * sizeof(ssize_t);
    c->indices = kmem_zalloc(bytes);
    c->cycles = cycles ? kmem_zalloc(bytes) : NULL;
    if (!c->indices || (cycles && !c->cycles)) {
        kval_decref(v);
        return kerr_no_memory();
    }
    return v;
}

// The tuple of pool items at 'c->indices[0..r)'.
static KValue pick(comb_obj *c) {
    KValue t = ktuple_new(c->r);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < c->r; i++) {
        ktuple_items(t)[i] = kval_newref(ktuple_items(c->pools)[c->indices[i]]);
    }
    return t;
}

static int parse_r(KValue v, ssize_t *r) {
    *r = knum_as_ssize(v, &kexc_OverflowError);
    if (*r == -1 && kerr_occurred()) {
        return -1;
    }
    if (*r < 0) {
        kerr_set(&kexc_ValueError, "r must be non-negative");
        return -1;
    }
    return 0;
}

#define COMB_TYPE(var, tpname, prefix)                                                           \
    KType var = {                                                                                \
        KOBJ_STATIC_HEAD(&ktype_type),                                                           \
        .name = "itertools." tpname,                                                             \
        .basicsize = sizeof(comb_obj),                                                           \
        .flags = KTF_GC | KTF_BASETYPE,                                                          \
        .dealloc = comb_dealloc,                                                                 \
        .traverse = comb_traverse,                                                               \
        .iter = self_iter,                                                                       \
        .iternext = prefix##_next,                                                               \
        .new_ = prefix##_new,                                                                    \
    };

// ---------------------------------------------------------------------------
// product

static KValue product_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    ssize_t repeat = 1;
    if (kwnames && ktuple_len(kwnames)) {
        for (ssize_t i = 0; i < ktuple_len(kwnames); i++) {
            KValue k = ktuple_items(kwnames)[i];
            if (!kstr_eq_cstr(k, "repeat")) {
                kerr_format(&kexc_TypeError, "'%U' is an invalid keyword argument for product()",
                            k);
                return KV_NULL;
            }
            repeat = knum_as_ssize(args[nargs + (size_t)i], &kexc_OverflowError);
            if (repeat == -1 && kerr_occurred()) {
                return KV_NULL;
            }
        }
        if (repeat < 0) {
            kerr_set(&kexc_ValueError, "repeat argument cannot be negative");
            return KV_NULL;
        }
    }
    ssize_t npools = (ssize_t)nargs * repeat;
    if (nargs && npools / (ssize_t)nargs != repeat) {
        kerr_set(&kexc_OverflowError, "repeat argument too large");
        return KV_NULL;
    }
    KValue pools = ktuple_new(npools);
    if (!pools) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < npools; i++) {
        ktuple_items(pools)[i] = KV_NONE;
    }
    for (size_t i = 0; i < nargs; i++) {
        KValue p = ktuple_from_iterable(args[i]);
        if (!p) {
            kval_decref(pools);
            return KV_NULL;
        }
        for (ssize_t k = 0; k < repeat; k++) {
            ktuple_items(pools)[k * (ssize_t)nargs + (ssize_t)i] = kval_newref(p);
        }
        kval_decref(p);
    }
    return comb_make(type, pools, npools, npools, 0);
}

static KValue product_result(comb_obj *c) {
    KValue t = ktuple_new(c->r);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < c->r; i++) {
        KValue pool = ktuple_items(c->pools)[i];
        ktuple_items(t)[i] = kval_newref(ktuple_items(pool)[c->indices[i]]);
    }
    return t;
}

static KValue product_next(KValue self) {
    comb_obj *c = (comb_obj *)self;
    if (c->stopped) {
        return KV_NULL;
    }
    if (!c->started) {
        c->started = 1;
        for (ssize_t i = 0; i < c->r; i++) {
            if (ktuple_len(ktuple_items(c->pools)[i]) == 0) {
                c->stopped = 1;
                return KV_NULL;
            }
        }
        return product_result(c);
    }
    ssize_t i = c->r - 1;
    for (; i >= 0; i--) {
        if (++c->indices[i] < ktuple_len(ktuple_items(c->pools)[i])) {
            break;
        }
        c->indices[i] = 0;
    }
    if (i < 0) {
        c->stopped = 1;
        return KV_NULL;
    }
    return product_result(c);
}

COMB_TYPE(kitertools_product_type, "product", product)

// ---------------------------------------------------------------------------
// combinations

static KValue combinations_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"iterable", "r", NULL};
    KValue a[2];
    ssize_t r;
    if (kargs_parse("combinations", args, nargs, kwnames, kwlist, 2, 2, a) < 0) {
        return KV_NULL;
    }
    KValue pool = ktuple_from_iterable(a[0]);
    if (!pool || parse_r(a[1], &r) < 0) {
        kval_xdecref(pool);
        return KV_NULL;
    }
    KValue v = comb_make(type, pool, r, r, 0);
    if (v) {
        for (ssize_t i = 0; i < r; i++) {
            ((comb_obj *)v)->indices[i] = i;
        }
    }
    return v;
}

static KValue combinations_next(KValue self) {
    comb_obj *c = (comb_obj *)self;
    ssize_t n = ktuple_len(c->pools), r = c->r;
    if (c->stopped) {
        return KV_NULL;
    }
    if (!c->started) {
        c->started = 1;
        if (r > n) {
            c->stopped = 1;
            return KV_NULL;
        }
        return pick(c);
    }
    ssize_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r) {
        i--;
    }
    if (i < 0) {
        c->stopped = 1;
        return KV_NULL;
    }
    c->indices[i]++;
    for (ssize_t j = i + 1; j < r; j++) {
        c->indices[j] = c->indices[j - 1] + 1;
    }
    return pick(c);
}

COMB_TYPE(kitertools_combinations_type, "combinations", combinations)

// ---------------------------------------------------------------------------
// combinations_with_replacement

static KValue cwr_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"iterable", "r", NULL};
    KValue a[2];
    ssize_t r;
    if (kargs_parse("combinations_with_replacement", args, nargs, kwnames, kwlist, 2, 2, a) < 0) {
        return KV_NULL;
    }
    KValue pool = ktuple_from_iterable(a[0]);
    if (!pool || parse_r(a[1], &r) < 0) {
        kval_xdecref(pool);
        return KV_NULL;
    }
    return comb_make(type, pool, r, r, 0);
}

static KValue cwr_next(KValue self) {
    comb_obj *c = (comb_obj *)self;
    ssize_t n = ktuple_len(c->pools), r = c->r;
    if (c->stopped) {
        return KV_NULL;
    }
    if (!c->started) {
        c->started = 1;
        if (n == 0 && r > 0) {
            c->stopped = 1;
            return KV_NULL;
        }
        return pick(c);
    }
    ssize_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1) {
        i--;
    }
    if (i < 0) {
        c->stopped = 1;
        return KV_NULL;
    }
    ssize_t index = c->indices[i] + 1;
    for (ssize_t j = i; j < r; j++) {
        c->indices[j] = index;
    }
    return pick(c);
}

COMB_TYPE(kitertools_cwr_type, "combinations_with_replacement", cwr)

// ---------------------------------------------------------------------------
// permutations

static KValue permutations_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"iterable", "r", NULL};
    KValue a[2];
    if (kargs_parse("permutations", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    KValue pool = ktuple_from_iterable(a[0]);
    if (!pool) {
        return KV_NULL;
    }
    ssize_t n = ktuple_len(pool), r = n;
    if (a[1] && a[1] != KV_NONE) {
        if (!kval_has_flag(a[1], KTF_INT_SUBCLASS)) {
            kval_decref(pool);
            kerr_set(&kexc_TypeError, "Expected int as r");
            return KV_NULL;
        }
        if (parse_r(a[1], &r) < 0) {
            kval_decref(pool);
            return KV_NULL;
        }
    }
    KValue v = comb_make(type, pool, n, r, 1);
    if (v) {
        comb_obj *c = (comb_obj *)v;
        for (ssize_t i = 0; i < n; i++) {
            c->indices[i] = i;
        }
        for (ssize_t i = 0; i < r && i < n; i++) {
            c->cycles[i] = n - i;
        }
    }
    return v;
}

static KValue permutations_next(KValue self) {
    comb_obj *c = (comb_obj *)self;
    ssize_t n = ktuple_len(c->pools), r = c->r;
    if (c->stopped) {
        return KV_NULL;
    }
    if (!c->started) {
        c->started = 1;
        if (r > n) {
            c->stopped = 1;
            return KV_NULL;
        }
        return pick(c);
    }
    if (n == 0) {
        c->stopped = 1;
        return KV_NULL;
    }
    ssize_t i = r - 1;
    for (; i >= 0; i--) {
        if (--c->cycles[i] == 0) {
            // Rotate indices[i:] left by one.
            ssize_t first = c->indices[i];
            for (ssize_t j = i; j < n - 1; j++) {
                c->indices[j] = c->indices[j + 1];
            }
            c->indices[n - 1] = first;
            c->cycles[i] = n - i;
        } else {
            ssize_t j = c->cycles[i];
            ssize_t t = c->indices[i];
            c->indices[i] = c->indices[n - j];
            c->indices[n - j] = t;
            return pick(c);
        }
    }
    c->stopped = 1;
    return KV_NULL;
}

COMB_TYPE(kitertools_permutations_type, "permutations", permutations)
