// vm/asyncgen.c: async generators (PEP 525). The body's own 'yield v' hands
// out v wrapped (ASYNC_GEN_WRAP), so the awaitables that drive the generator
// can tell it from what an 'await' inside the body passes up to the event
// loop: asend() (and __anext__) finish with StopIteration(v) on a wrapped
// value and pass anything else through; athrow() and aclose() do the same
// after throwing into the generator. An exhausted or closed generator
// answers StopAsyncIteration.
#include "gen.h"
#include "internal.h"

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "structseq.h"
#include "tuple.h"
#include "type.h"

// ---------------------------------------------------------------------------
// The wrapped value of a 'yield'.

typedef struct Wrapped {
    KOBJ_HEAD;
    KValue value;
} Wrapped;

static void wrapped_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((Wrapped *)o)->value);
    kobj_free(o);
}

static int wrapped_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue v = ((Wrapped *)o)->value;
    return v && visit(v, arg);
}

static void wrapped_clear(KObject *o) {
    KVAL_CLEAR(((Wrapped *)o)->value);
}

KType kasyncgen_wrapped_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "async_generator_wrapped_value",
    .basicsize = sizeof(Wrapped),
    .flags = KTF_GC,
    .dealloc = wrapped_dealloc,
    .traverse = wrapped_traverse,
    .clear = wrapped_clear,
};

KValue kasyncgen_wrap(KValue value) {
    Wrapped *w = (Wrapped *)kobj_alloc(&kasyncgen_wrapped_type, sizeof(Wrapped));
    if (!w) {
        return kerr_no_memory();
    }
    w->value = kval_newref(value);
    return kval_of(w);
}

static int is_wrapped(KValue v) {
    return kval_type(v) == &kasyncgen_wrapped_type;
}

// What a step of the generator means to the awaitable driving it: a wrapped
// value ends the step with StopIteration(value); an end of the generator is
// StopAsyncIteration (and closes it); anything else passes through.
static KValue unwrap(KGen *g, int status, KValue r) {
    if (status < 0 || status == 1) {
        if (status == 1) {
            kval_decref(r);
            kerr_set_value(&kexc_StopAsyncIteration, KV_NULL);
        }
        if (kerr_matches(&kexc_StopAsyncIteration) || kerr_matches(&kexc_GeneratorExit)) {
            g->closed = 1;
        }
        g->running_async = 0;
        return KV_NULL;
    }
    if (is_wrapped(r)) {
        kgen_raise_stop(((Wrapped *)r)->value);
        kval_decref(r);
        g->running_async = 0;
        return KV_NULL;
    }
    return r;
}

// ---------------------------------------------------------------------------
// asend() / __anext__() and athrow() / aclose(): one layout, one state each.

enum { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct Awaitable {
    KOBJ_HEAD;
    KValue gen;  // the async generator
    KValue args; // asend: the value to send; athrow: the tuple of arguments, KV_NULL for aclose
    int state;
} Awaitable;

static KValue awaitable_new(KType *type, KValue gen, KValue args) {
    Awaitable *a = (Awaitable *)kobj_alloc(type, sizeof(Awaitable));
    if (!a) {
        return kerr_no_memory();
    }
    a->gen = kval_newref(gen);
    a->args = kval_xnewref(args);
    a->state = AW_INIT;
    return kval_of(a);
}

static void awaitable_dealloc(KObject *o) {
    Awaitable *a = (Awaitable *)o;
    kgc_untrack(o);
    kval_xdecref(a->gen);
    kval_xdecref(a->args);
    kobj_free(o);
}

static int awaitable_traverse(KObject *o, KVisitFn visit, void *arg) {
    Awaitable *a = (Awaitable *)o;
    return (a->gen && visit(a->gen, arg)) || (a->args && visit(a->args, arg));
}

static void awaitable_clear(KObject *o) {
    Awaitable *a = (Awaitable *)o;
    KVAL_CLEAR(a->gen);
    KVAL_CLEAR(a->args);
}

static KValue self_iter(KValue self) {
    return kval_newref(self);
}

static KValue awaitable_await(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kval_newref(self);
}

static KValue awaitable_close(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    ((Awaitable *)self)->state = AW_CLOSED;
    return KV_NONE;
}

// The generator's throw(typ[, val[, tb]]) for the awaitables' throw(); returns
// as kgen_send_ex.
static int throw_args(KValue gen, const KValue *args, size_t nargs, KValue kw, KValue *r) {
    (void)kw;
    *r = KV_NULL;
    if (kargs_count("throw", nargs, 1, 3) < 0) {
        return -1;
    }
    return kgen_throw((KGen *)gen, 1, args[0], nargs > 1 ? args[1] : KV_NULL,
                      nargs > 2 ? args[2] : KV_NULL, r);
}

static KValue asend_send(KValue self, KValue arg) {
    Awaitable *a = (Awaitable *)self;
    KGen *g = (KGen *)a->gen;
    if (a->state == AW_CLOSED) {
        kerr_set(&kexc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return KV_NULL;
    }
    if (a->state == AW_INIT) {
        if (g->running_async) {
            kerr_set(&kexc_RuntimeError, "anext(): asynchronous generator is already running");
            return KV_NULL;
        }
        if (arg == KV_NONE) {
            arg = a->args;
        }
        a->state = AW_ITER;
    }
    g->running_async = 1;
    KValue r;
    int status = kgen_send_ex(g, arg, 0, 0, &r);
    KValue res = unwrap(g, status, r);
    if (!res) {
        a->state = AW_CLOSED;
    }
    return res;
}

static KValue asend_next(KValue self) {
    return asend_send(self, KV_NONE);
}

static KValue asend_send_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return asend_send(self, args[0]);
}

static KValue asend_throw_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    Awaitable *a = (Awaitable *)self;
    if (a->state == AW_CLOSED) {
        kerr_set(&kexc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return KV_NULL;
    }
    KValue r;
    int status = throw_args(a->gen, args, nargs, kw, &r);
    KValue res = unwrap((KGen *)a->gen, status, r);
    if (!res) {
        a->state = AW_CLOSED;
    }
    return res;
}

static const KMethodDef asend_methods[] = {
    {"send", asend_send_m, KMETH_O, NULL},
    {"throw", asend_throw_m, KMETH_FAST, NULL},
    {"close", awaitable_close, KMETH_NOARGS, NULL},
    {"__await__", awaitable_await, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kasyncgen_asend_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "async_generator_asend",
    .basicsize = sizeof(Awaitable),
    .flags = KTF_GC,
    .dealloc = awaitable_dealloc,
    .traverse = awaitable_traverse,
    .clear = awaitable_clear,
    .iter = self_iter,
    .iternext = asend_next,
    .methods = asend_methods,
};

// The end of an athrow()/aclose() step that raised: for aclose() the
// generator's StopAsyncIteration or GeneratorExit means done (StopIteration).
static KValue athrow_check_error(Awaitable *a) {
    KGen *g = (KGen *)a->gen;
    g->running_async = 0;
    a->state = AW_CLOSED;
    if (!a->args &&
        (kerr_matches(&kexc_StopAsyncIteration) || kerr_matches(&kexc_GeneratorExit))) {
        kerr_clear();
        kerr_set_value(&kexc_StopIteration, KV_NULL);
    }
    return KV_NULL;
}

static KValue athrow_yield_close(Awaitable *a) {
    KGen *g = (KGen *)a->gen;
    g->running_async = 0;
    a->state = AW_CLOSED;
    kerr_set(&kexc_RuntimeError, "async generator ignored GeneratorExit");
    return KV_NULL;
}

// The first step of athrow()/aclose(): throw into the generator.
static KValue athrow_start(Awaitable *a) {
    KGen *g = (KGen *)a->gen;
    KValue r;
    int status;
    a->state = AW_ITER;
    g->running_async = 1;
    if (!a->args) {
        g->closed = 1;
        status = kgen_throw(g, 0, kval_of(&kexc_GeneratorExit), KV_NULL, KV_NULL, &r);
        if (status == 0 && is_wrapped(r)) {
            kval_decref(r);
            return athrow_yield_close(a);
        }
        if (status == 1) {
            kval_decref(r);
            kerr_set_value(&kexc_StopAsyncIteration, KV_NULL);
            status = -1;
        }
        return status < 0 ? athrow_check_error(a) : r;
    }
    ssize_t n = ktuple_len(a->args);
    const KValue *v = ktuple_items(a->args);
    status = kgen_throw(g, 0, v[0], n > 1 ? v[1] : KV_NULL, n > 2 ? v[2] : KV_NULL, &r);
    KValue res = unwrap(g, status, r);
    return res ? res : athrow_check_error(a);
}

static KValue athrow_send(KValue self, KValue arg) {
    Awaitable *a = (Awaitable *)self;
    KGen *g = (KGen *)a->gen;
    if (a->state == AW_CLOSED) {
        kerr_set(&kexc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return KV_NULL;
    }
    if (g->state == KGEN_FINISHED) {
        a->state = AW_CLOSED;
        kerr_set_value(&kexc_StopIteration, KV_NULL);
        return KV_NULL;
    }
    if (a->state == AW_INIT) {
        if (g->running_async) {
            a->state = AW_CLOSED;
            kerr_set(&kexc_RuntimeError,
                     a->args ? "athrow(): asynchronous generator is already running"
                             : "aclose(): asynchronous generator is already running");
            return KV_NULL;
        }
        if (g->closed) {
            a->state = AW_CLOSED;
            kerr_set_value(&kexc_StopAsyncIteration, KV_NULL);
            return KV_NULL;
        }
        if (arg != KV_NONE) {
            kerr_set(&kexc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return KV_NULL;
        }
        return athrow_start(a);
    }
    KValue r;
    int status = kgen_send_ex(g, arg, 0, 0, &r);
    if (a->args) {
        KValue res = unwrap(g, status, r);
        return res ? res : athrow_check_error(a);
    }
    if (status == 0) {
        if (is_wrapped(r)) {
            kval_decref(r);
            return athrow_yield_close(a);
        }
        return r;
    }
    if (status == 1) {
        kval_decref(r);
        kerr_set_value(&kexc_StopAsyncIteration, KV_NULL);
    }
    return athrow_check_error(a);
}

static KValue athrow_next(KValue self) {
    return athrow_send(self, KV_NONE);
}

static KValue athrow_send_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return athrow_send(self, args[0]);
}

static KValue athrow_throw_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    Awaitable *a = (Awaitable *)self;
    KGen *g = (KGen *)a->gen;
    if (a->state == AW_CLOSED) {
        kerr_set(&kexc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return KV_NULL;
    }
    KValue r;
    int status = throw_args(a->gen, args, nargs, kw, &r);
    if (a->args) {
        return unwrap(g, status, r);
    }
    if (status == 0 && is_wrapped(r)) {
        kval_decref(r);
        return athrow_yield_close(a);
    }
    if (status == 0) {
        return r;
    }
    if (status == 1) {
        kval_decref(r);
        kerr_set_value(&kexc_StopAsyncIteration, KV_NULL);
    }
    if (kerr_matches(&kexc_StopAsyncIteration) || kerr_matches(&kexc_GeneratorExit)) {
        kerr_clear();
        kerr_set_value(&kexc_StopIteration, KV_NULL);
    }
    return KV_NULL;
}

static const KMethodDef athrow_methods[] = {
    {"send", athrow_send_m, KMETH_O, NULL},
    {"throw", athrow_throw_m, KMETH_FAST, NULL},
    {"close", awaitable_close, KMETH_NOARGS, NULL},
    {"__await__", awaitable_await, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kasyncgen_athrow_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "async_generator_athrow",
    .basicsize = sizeof(Awaitable),
    .flags = KTF_GC,
    .dealloc = awaitable_dealloc,
    .traverse = awaitable_traverse,
    .clear = awaitable_clear,
    .iter = self_iter,
    .iternext = athrow_next,
    .methods = athrow_methods,
};

// ---------------------------------------------------------------------------
// The async generator type.

static KValue agen_aiter(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kval_newref(self);
}

// ---------------------------------------------------------------------------
// sys.set_asyncgen_hooks

static KValue hook_firstiter, hook_finalizer; // owned, KV_NULL: none
static KType hooks_type = {KOBJ_STATIC_HEAD(&ktype_type)};
static const char *const hooks_fields[] = {"firstiter", "finalizer"};
static const KStructSeqDesc hooks_desc = {"asyncgen_hooks", hooks_fields, 2, 2};

KValue kasyncgen_get_hooks(void) {
    if (!hooks_type.name && kstructseq_init_type(&hooks_type, &hooks_desc) < 0) {
        return KV_NULL;
    }
    KValue v[2] = {kval_xnewref(hook_firstiter), kval_xnewref(hook_finalizer)};
    return kstructseq_new(&hooks_type, v);
}

int kasyncgen_set_hooks(KValue firstiter, KValue finalizer) {
    if (finalizer && finalizer != KV_NONE && !kobj_is_callable(finalizer)) {
        kerr_format(&kexc_TypeError, "callable finalizer expected, got %T", finalizer);
        return -1;
    }
    if (firstiter && firstiter != KV_NONE && !kobj_is_callable(firstiter)) {
        kerr_format(&kexc_TypeError, "callable firstiter expected, got %T", firstiter);
        return -1;
    }
    if (finalizer) {
        KValue old = hook_finalizer;
        hook_finalizer = finalizer == KV_NONE ? KV_NULL : kval_newref(finalizer);
        kval_xdecref(old);
    }
    if (firstiter) {
        KValue old = hook_firstiter;
        hook_firstiter = firstiter == KV_NONE ? KV_NULL : kval_newref(firstiter);
        kval_xdecref(old);
    }
    return 0;
}

int kasyncgen_init_hooks(KValue agen) {
    KGen *g = (KGen *)agen;
    if (g->hooks_inited) {
        return 0;
    }
    g->hooks_inited = 1;
    if (hook_finalizer) {
        g->ag_finalizer = kval_newref(hook_finalizer);
    }
    if (hook_firstiter) {
        KValue hook = kval_newref(hook_firstiter);
        KValue r = kobj_call(hook, &agen, 1, KV_NULL);
        kval_decref(hook);
        if (!r) {
            return -1;
        }
        kval_decref(r);
    }
    return 0;
}

static KValue agen_anext(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    if (kasyncgen_init_hooks(self) < 0) {
        return KV_NULL;
    }
    return awaitable_new(&kasyncgen_asend_type, self, KV_NONE);
}

static KValue agen_asend(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (kasyncgen_init_hooks(self) < 0) {
        return KV_NULL;
    }
    return awaitable_new(&kasyncgen_asend_type, self, args[0]);
}

static KValue agen_athrow(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("athrow", nargs, 1, 3) < 0 || kasyncgen_init_hooks(self) < 0) {
        return KV_NULL;
    }
    KValue t = ktuple_from_array(args, (ssize_t)nargs);
    if (!t) {
        return KV_NULL;
    }
    KValue r = awaitable_new(&kasyncgen_athrow_type, self, t);
    kval_decref(t);
    return r;
}

static KValue agen_aclose(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    if (kasyncgen_init_hooks(self) < 0) {
        return KV_NULL;
    }
    return awaitable_new(&kasyncgen_athrow_type, self, KV_NULL);
}

static KValue agen_get_running(KValue self) {
    return kbool_from(((KGen *)self)->running_async);
}

static KValue agen_repr(KValue self) {
    return kstr_from_format("<async_generator object %U at %p>", ((KGen *)self)->qualname,
                            (void *)self);
}

static const KGetSetDef agen_getsets[] = {
    {"__name__", kgen_get_name, kgen_set_name, NULL},
    {"__qualname__", kgen_get_qualname, kgen_set_qualname, NULL},
    {"ag_await", kgen_get_yf, NULL, NULL},
    {"ag_code", kgen_get_code, NULL, NULL},
    {"ag_frame", kgen_get_frame, NULL, NULL},
    {"ag_running", agen_get_running, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMethodDef agen_methods[] = {
    {"__aiter__", agen_aiter, KMETH_NOARGS, NULL},
    {"__anext__", agen_anext, KMETH_NOARGS, NULL},
    {"asend", agen_asend, KMETH_O, NULL},
    {"athrow", agen_athrow, KMETH_FAST, NULL},
    {"aclose", agen_aclose, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kasyncgen_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "async_generator",
    .basicsize = sizeof(KGen),
    .flags = KTF_GC | KTF_WEAKREF,
    .dealloc = kgen_dealloc,
    .finalize = kgen_finalize,
    .traverse = kgen_traverse,
    .clear = kgen_clear,
    .repr = agen_repr,
    .methods = agen_methods,
    .getsets = agen_getsets,
};
