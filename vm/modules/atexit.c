// vm/modules/atexit.c: the atexit module. Callbacks run last registered
// first when the interpreter finishes normally or through sys.exit (not
// os._exit), from kv_fini; an exception in one is reported as CPython's
// "Exception ignored in atexit callback" and the others still run. As in
// CPython 3.11, unregister leaves a hole, so _ncallbacks() counts it.
#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../internal.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"

typedef struct Callback {
    KValue func, args, kwargs; // func KV_NULL: unregistered; kwargs may be KV_NULL
} Callback;

static Callback *callbacks;
static int count, cap;

static void clear_callback(Callback *cb) {
    KVAL_CLEAR(cb->func);
    KVAL_CLEAR(cb->args);
    KVAL_CLEAR(cb->kwargs);
}

static void clear_all(void) {
    // A callback's finaliser may register again: detach the array first.
    Callback *old = callbacks;
    int n = count;
    callbacks = NULL;
    count = cap = 0;
    for (int i = 0; i < n; i++) {
        clear_callback(&old[i]);
    }
    kmem_free(old);
}

static void report(KValue func) {
    kerr_write_unraisable("Exception ignored in atexit callback", func, "<callback>");
}

void katexit_run(void) {
    for (int i = count - 1; i >= 0; i--) {
        if (i >= count || !callbacks[i].func) {
            continue;
        }
        // The call may unregister (and free) its own entry: hold them.
        KValue func = kval_newref(callbacks[i].func);
        KValue args = kval_newref(callbacks[i].args);
        KValue kwargs = callbacks[i].kwargs ? kval_newref(callbacks[i].kwargs) : KV_NULL;
        KValue r = kobj_call_tuple(func, args, kwargs);
        if (!r) {
            report(func);
        }
        kval_xdecref(r);
        kval_decref(func);
        kval_decref(args);
        kval_xdecref(kwargs);
    }
    clear_all();
}

static KValue ae_register(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    if (nargs == 0) {
        kerr_set(&kexc_TypeError, "register() takes at least 1 argument (0 given)");
        return KV_NULL;
    }
    if (!kobj_is_callable(args[0])) {
        kerr_set(&kexc_TypeError, "the first argument must be callable");
        return KV_NULL;
    }
    if (count == cap) {
        int ncap = cap ? cap * 2 : 16;
        Callback *n = kmem_realloc(callbacks, (size_t)ncap * sizeof(Callback));
        if (!n) {
            return kerr_no_memory();
        }
        callbacks = n;
        cap = ncap;
    }
    KValue targs = ktuple_from_array(args + 1, (ssize_t)nargs - 1);
    KValue kwargs = KV_NULL;
    ssize_t nkw = kwnames ? ktuple_len(kwnames) : 0;
    if (targs && nkw) {
        kwargs = kdict_new();
        for (ssize_t i = 0; kwargs && i < nkw; i++) {
            if (kdict_set(kwargs, ktuple_items(kwnames)[i], args[nargs + (size_t)i]) < 0) {
                KVAL_CLEAR(kwargs);
            }
        }
    }
    if (!targs || (nkw && !kwargs)) {
        kval_xdecref(targs);
        return KV_NULL;
    }
    callbacks[count++] = (Callback){kval_newref(args[0]), targs, kwargs};
    return kval_newref(args[0]);
}

static KValue ae_unregister(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    for (int i = 0; i < count; i++) {
        if (!callbacks[i].func) {
            continue;
        }
        int eq = kobj_richcompare_bool(callbacks[i].func, args[0], KF_CMP_EQ);
        if (eq < 0) {
            return KV_NULL;
        }
        if (eq && i < count) {
            clear_callback(&callbacks[i]);
        }
    }
    return kval_newref(KV_NONE);
}

static KValue ae_run_exitfuncs(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    katexit_run();
    return kval_newref(KV_NONE);
}

static KValue ae_clear(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    clear_all();
    return kval_newref(KV_NONE);
}

static KValue ae_ncallbacks(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_from_int(count);
}

static const KMethodDef atexit_methods[] = {
    {"register", ae_register, KMETH_KW, NULL},
    {"unregister", ae_unregister, KMETH_O, NULL},
    {"_run_exitfuncs", ae_run_exitfuncs, KMETH_NOARGS, NULL},
    {"_clear", ae_clear, KMETH_NOARGS, NULL},
    {"_ncallbacks", ae_ncallbacks, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_atexit_create(void) {
    KValue m = kmod_new("atexit");
    if (!m || kmod_add_functions(m, atexit_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
