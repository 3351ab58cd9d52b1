// vm/modules/gc.c: the gc module over the collector of vm/gc.c: collect,
// enable/disable/isenabled, get_threshold/set_threshold, get_count,
// is_tracked, is_finalized, get_referents/get_referrers/get_objects,
// get_debug/set_debug (flags kept, nothing printed), and the garbage and callbacks lists (always empty / unused:
// krait frees objects with __del__ in cycles, as CPython 3.4+ does).
#include "../abstract.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../tuple.h"

static KValue gc_collect(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"generation", NULL};
    KValue a[1];
    if (kargs_parse("collect", args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    ssize_t gen = 2;
    if (a[0]) {
        gen = knum_as_ssize(a[0], &kexc_OverflowError);
        if (gen == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (gen < 0 || gen > 2) {
            kerr_set(&kexc_ValueError, "invalid generation");
            return KV_NULL;
        }
    }
    ssize_t n = kgc_collect_generation((int)gen);
    return n < 0 ? KV_NULL : kval_from_int(n);
}

static KValue gc_enable(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kgc_enabled = 1;
    return kval_newref(KV_NONE);
}

static KValue gc_disable(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kgc_enabled = 0;
    return kval_newref(KV_NONE);
}

static KValue gc_isenabled(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kbool_from(kgc_enabled);
}

static KValue triple(const ssize_t v[3]) {
    KValue t = ktuple_new(3);
    if (t) {
        for (int i = 0; i < 3; i++) {
            ktuple_items(t)[i] = kval_from_int(v[i]);
        }
    }
    return t;
}

static KValue gc_get_threshold(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    ssize_t t[3], c[3];
    kgc_get_state(t, c);
    return triple(t);
}

static KValue gc_get_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    ssize_t t[3], c[3];
    kgc_get_state(t, c);
    return triple(c);
}

static KValue gc_set_threshold(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (nargs < 1 || nargs > 3) {
        kerr_format(&kexc_TypeError, "set_threshold() takes at %s %d argument%s (%zu given)",
                    nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s", nargs);
        return KV_NULL;
    }
    ssize_t t[3], c[3];
    kgc_get_state(t, c);
    for (size_t i = 0; i < nargs; i++) {
        if (!kval_has_flag(args[i], KTF_INT_SUBCLASS)) {
            kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer",
                        args[i]);
            return KV_NULL;
        }
        t[i] = knum_as_ssize(args[i], &kexc_OverflowError);
        if (t[i] == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    kgc_set_thresholds(t);
    return kval_newref(KV_NONE);
}

static KValue gc_is_tracked(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    return kbool_from(kgc_is_tracked(args[0]));
}

// Appends each referent 'v' the traversal visits.
static int add_referent(KValue v, void *arg) {
    return klist_append((KValue)arg, v) < 0;
}

// get_referents(*objs): what the objects' traversal visits, for objects
// the collector handles.
static KValue gc_get_referents(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    KValue out = klist_new(0);
    for (size_t i = 0; out && i < nargs; i++) {
        KValue o = args[i];
        if (kval_is_int(o) || !kval_type(o)->traverse || !(kval_type(o)->flags & KTF_GC)) {
            continue;
        }
        if (kval_type(o)->traverse(kval_obj(o), add_referent, (void *)out)) {
            KVAL_CLEAR(out);
        }
    }
    return out;
}

typedef struct Referrers {
    const KValue *targets;
    size_t ntargets;
    KValue out;      // the result list
    int found, failed;
} Referrers;

static int is_target(KValue v, void *arg) {
    Referrers *r = arg;
    for (size_t i = 0; i < r->ntargets; i++) {
        if (v == r->targets[i]) {
            r->found = 1;
            return 1;
        }
    }
    return 0;
}

static int check_referrer(KValue obj, void *arg) {
    Referrers *r = arg;
    if (obj == r->out || !kval_type(obj)->traverse) {
        return 0;
    }
    r->found = 0;
    kval_type(obj)->traverse(kval_obj(obj), is_target, r);
    if (r->found && klist_append(r->out, obj) < 0) {
        r->failed = 1;
        return 1;
    }
    return 0;
}

// get_referrers(*objs): the tracked objects that refer to any of them.
static KValue gc_get_referrers(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    Referrers r = {args, nargs, klist_new(0), 0, 0};
    if (!r.out) {
        return KV_NULL;
    }
    kgc_each(-1, check_referrer, &r);
    if (r.failed) {
        KVAL_CLEAR(r.out);
    }
    return r.out;
}

static int add_object(KValue obj, void *arg) {
    KValue *out = arg;
    if (obj != *out && klist_append(*out, obj) < 0) {
        KVAL_CLEAR(*out);
        return 1;
    }
    return 0;
}

// get_objects(generation=None): the objects the collector tracks.
static KValue gc_get_objects(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"generation", NULL};
    KValue a[1];
    if (kargs_parse("get_objects", args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    ssize_t gen = -1;
    if (a[0] && a[0] != KV_NONE) {
        if (!kint_check(a[0])) {
            kerr_format(&kexc_TypeError, "argument should be integer or None, not '%T'", a[0]);
            return KV_NULL;
        }
        gen = knum_as_ssize(a[0], &kexc_OverflowError);
        if (gen == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (gen >= 3) {
            kerr_format(&kexc_ValueError, "generation parameter must be less than the number of "
                        "available generations (%i)", 3);
            return KV_NULL;
        }
        if (gen < -1) { // -1 is every generation, as None
            kerr_set(&kexc_ValueError, "generation parameter cannot be negative");
            return KV_NULL;
        }
    }
    KValue out = klist_new(0);
    if (out) {
        kgc_each((int)gen, add_object, &out);
    }
    return out;
}

static KValue gc_is_finalized(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    return kbool_from(kgc_is_finalized(args[0]));
}

static int debug_flags;

static KValue gc_get_debug(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kint_from_i64(debug_flags);
}

// set_debug(flags): kept for get_debug; krait's collector prints nothing.
static KValue gc_set_debug(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    if (!kint_check(args[0])) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        return KV_NULL;
    }
    ssize_t v = kint_as_ssize(args[0]);
    if (v == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    debug_flags = (int)v;
    return kval_newref(KV_NONE);
}

static const KMethodDef gc_methods[] = {
    {"collect", gc_collect, KMETH_KW, NULL},
    {"enable", gc_enable, KMETH_NOARGS, NULL},
    {"disable", gc_disable, KMETH_NOARGS, NULL},
    {"isenabled", gc_isenabled, KMETH_NOARGS, NULL},
    {"get_threshold", gc_get_threshold, KMETH_NOARGS, NULL},
    {"set_threshold", gc_set_threshold, KMETH_FAST, NULL},
    {"get_count", gc_get_count, KMETH_NOARGS, NULL},
    {"is_tracked", gc_is_tracked, KMETH_O, NULL},
    {"is_finalized", gc_is_finalized, KMETH_O, NULL},
    {"get_referents", gc_get_referents, KMETH_FAST, NULL},
    {"get_referrers", gc_get_referrers, KMETH_FAST, NULL},
    {"get_objects", gc_get_objects, KMETH_KW, NULL},
    {"get_debug", gc_get_debug, KMETH_NOARGS, NULL},
    {"set_debug", gc_set_debug, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_gc_create(void) {
    KValue m = kmod_new("gc");
    if (!m || kmod_add_functions(m, gc_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    static const struct {
        const char *name;
        int value;
    } flags[] = {{"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
                 {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38}};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (kmod_add(m, flags[i].name, kval_from_int(flags[i].value)) < 0) {
            kval_decref(m);
            return KV_NULL;
        }
    }
    const char *lists[] = {"garbage", "callbacks"};
    for (int i = 0; i < 2; i++) {
        KValue l = klist_new(0);
        if (!l || kmod_add(m, lists[i], l) < 0) {
            kval_xdecref(l);
            kval_decref(m);
            return KV_NULL;
        }
        kval_decref(l);
    }
    return m;
}
