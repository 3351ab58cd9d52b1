// vm/modules/gc.c: the gc module over the collector of vm/gc.c: collect,
// enable/disable/isenabled, get_threshold/set_threshold, get_count,
// is_tracked, and the garbage and callbacks lists (always empty / unused:
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

static const KMethodDef gc_methods[] = {
    {"collect", gc_collect, KMETH_KW, NULL},
    {"enable", gc_enable, KMETH_NOARGS, NULL},
    {"disable", gc_disable, KMETH_NOARGS, NULL},
    {"isenabled", gc_isenabled, KMETH_NOARGS, NULL},
    {"get_threshold", gc_get_threshold, KMETH_NOARGS, NULL},
    {"set_threshold", gc_set_threshold, KMETH_FAST, NULL},
    {"get_count", gc_get_count, KMETH_NOARGS, NULL},
    {"is_tracked", gc_is_tracked, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_gc_create(void) {
    KValue m = kmod_new("gc");
    if (!m || kmod_add_functions(m, gc_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
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
