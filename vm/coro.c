// vm/coro.c: coroutines (the objects 'async def' functions return), the
// coroutine_wrapper that coro.__await__() returns, and the protocol behind
// 'await', 'async with' and 'async for' (GET_AWAITABLE, BEFORE_ASYNC_WITH,
// GET_AITER, GET_ANEXT). The send/throw/close machinery is gen.c's.
#include "gen.h"
#include "internal.h"

#include "abstract.h"
#include "code.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "str.h"
#include "type.h"

// A generator whose code is marked CO_ITERABLE_COROUTINE (types.coroutine).
static int is_iterable_coroutine(KValue v) {
    return kval_type(v) == &kgen_type &&
           (((KCode *)((KGen *)v)->code)->flags & KF_CO_ITERABLE_COROUTINE);
}

KValue kcoro_get_awaitable_iter(KValue o) {
    if (kval_type(o) == &kcoro_type || is_iterable_coroutine(o)) {
        return kval_newref(o);
    }
    int found;
    KValue res = kobj_call_special(o, KID(__await__), NULL, 0, &found);
    if (!found) {
        kerr_format(&kexc_TypeError, "object %s can't be used in 'await' expression",
                    ktype_name(kval_type(o)));
        return KV_NULL;
    }
    if (!res) {
        return KV_NULL;
    }
    if (kval_type(res) == &kcoro_type || is_iterable_coroutine(res)) {
        kerr_set(&kexc_TypeError, "__await__() returned a coroutine");
        kval_decref(res);
        return KV_NULL;
    }
    if (!kval_type(res)->iternext) {
        kerr_format(&kexc_TypeError, "__await__() returned non-iterator of type '%s'",
                    ktype_name(kval_type(res)));
        kval_decref(res);
        return KV_NULL;
    }
    return res;
}

KValue kcoro_get_awaitable(KValue o, int where) {
    KValue it = kcoro_get_awaitable_iter(o);
    if (!it) {
        if ((where == 1 || where == 2) && kerr_matches(&kexc_TypeError) &&
            !ktype_lookup(kval_type(o), KID(__await__))) {
            kerr_clear();
            kerr_format(&kexc_TypeError,
                        "'async with' received an object from __a%s__ that does not "
                        "implement __await__: %s",
                        where == 1 ? "enter" : "exit", ktype_name(kval_type(o)));
        }
        return KV_NULL;
    }
    if (kval_type(it) == &kcoro_type && kgen_yf_borrow((KGen *)it)) {
        kval_decref(it);
        kerr_set(&kexc_RuntimeError, "coroutine is being awaited already");
        return KV_NULL;
    }
    return it;
}

KValue kcoro_before_async_with(KValue mgr, KValue *exit_out) {
    int found;
    KValue enter = kobj_lookup_special(mgr, KID(__aenter__), &found);
    if (!enter) {
        if (!kerr_occurred()) {
            kerr_format(&kexc_TypeError,
                        "'%s' object does not support the asynchronous context manager protocol",
                        ktype_name(kval_type(mgr)));
        }
        return KV_NULL;
    }
    KValue exit = kobj_lookup_special(mgr, KID(__aexit__), &found);
    if (!exit) {
        if (!kerr_occurred()) {
            kerr_format(&kexc_TypeError,
                        "'%s' object does not support the asynchronous context manager protocol "
                        "(missed __aexit__ method)",
                        ktype_name(kval_type(mgr)));
        }
        kval_decref(enter);
        return KV_NULL;
    }
    KValue r = kobj_call0(enter);
    kval_decref(enter);
    if (!r) {
        kval_decref(exit);
        return KV_NULL;
    }
    *exit_out = exit;
    return r;
}

KValue kcoro_get_aiter(KValue obj) {
    int found;
    KValue it = kobj_call_special(obj, KID(__aiter__), NULL, 0, &found);
    if (!found) {
        kerr_format(&kexc_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                    ktype_name(kval_type(obj)));
        return KV_NULL;
    }
    if (!it) {
        return KV_NULL;
    }
    if (!ktype_lookup(kval_type(it), KID(__anext__))) {
        kerr_format(&kexc_TypeError,
                    "'async for' received an object from __aiter__ that does not implement "
                    "__anext__: %s",
                    ktype_name(kval_type(it)));
        kval_decref(it);
        return KV_NULL;
    }
    return it;
}

KValue kcoro_get_anext(KValue aiter) {
    int found;
    KValue next = kobj_call_special(aiter, KID(__anext__), NULL, 0, &found);
    if (!found) {
        kerr_format(&kexc_TypeError,
                    "'async for' requires an iterator with __anext__ method, got %s",
                    ktype_name(kval_type(aiter)));
        return KV_NULL;
    }
    if (!next) {
        return KV_NULL;
    }
    if (kval_type(next) == &kasyncgen_asend_type) {
        return next; // an async generator's: its own iterator
    }
    KValue aw = kcoro_get_awaitable_iter(next);
    if (!aw) {
        KValue cause = kerr_fetch();
        kerr_format(&kexc_TypeError, "'async for' received an invalid object from __anext__: %s",
                    ktype_name(kval_type(next)));
        KValue e = kerr_occurred();
        if (e && cause) {
            kval_setref(&((KException *)e)->cause, kval_newref(cause));
            ((KException *)e)->suppress_context = 1;
        }
        kerr_chain(cause);
    }
    kval_decref(next);
    return aw;
}

// ---------------------------------------------------------------------------
// coroutine_wrapper: the iterator of coro.__await__().

typedef struct CoroWrapper {
    KOBJ_HEAD;
    KValue coro;
} CoroWrapper;

static KValue coro_await(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    CoroWrapper *w = (CoroWrapper *)kobj_alloc(&kcorowrapper_type, sizeof(CoroWrapper));
    if (!w) {
        return kerr_no_memory();
    }
    w->coro = kval_newref(self);
    return kval_of(w);
}

static void wrapper_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((CoroWrapper *)o)->coro);
    kobj_free(o);
}

static int wrapper_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue c = ((CoroWrapper *)o)->coro;
    return c && visit(c, arg);
}

static void wrapper_clear(KObject *o) {
    KVAL_CLEAR(((CoroWrapper *)o)->coro);
}

static KValue wrapper_iter(KValue self) {
    return kval_newref(self);
}

static KValue wrapper_next(KValue self) {
    KValue r;
    int status = kgen_send_ex((KGen *)((CoroWrapper *)self)->coro, KV_NONE, 0, 0, &r);
    return kgen_result(status, r);
}

static KValue wrapper_send(KValue self, const KValue *args, size_t nargs, KValue kw) {
    return kgen_send_m(((CoroWrapper *)self)->coro, args, nargs, kw);
}

static KValue wrapper_throw(KValue self, const KValue *args, size_t nargs, KValue kw) {
    return kgen_throw_m(((CoroWrapper *)self)->coro, args, nargs, kw);
}

static KValue wrapper_close(KValue self, const KValue *args, size_t nargs, KValue kw) {
    return kgen_close_m(((CoroWrapper *)self)->coro, args, nargs, kw);
}

static const KMethodDef wrapper_methods[] = {
    {"send", wrapper_send, KMETH_O, NULL},
    {"throw", wrapper_throw, KMETH_FAST, NULL},
    {"close", wrapper_close, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kcorowrapper_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "coroutine_wrapper",
    .basicsize = sizeof(CoroWrapper),
    .flags = KTF_GC,
    .dealloc = wrapper_dealloc,
    .traverse = wrapper_traverse,
    .clear = wrapper_clear,
    .iter = wrapper_iter,
    .iternext = wrapper_next,
    .methods = wrapper_methods,
};

// ---------------------------------------------------------------------------
// The coroutine type.

static KValue coro_repr(KValue self) {
    return kstr_from_format("<coroutine object %U at %p>", ((KGen *)self)->qualname,
                            (void *)self);
}

static KValue coro_get_origin(KValue self) {
    (void)self;
    return KV_NONE;
}

static const KGetSetDef coro_getsets[] = {
    {"__name__", kgen_get_name, kgen_set_name, NULL},
    {"__qualname__", kgen_get_qualname, kgen_set_qualname, NULL},
    {"cr_await", kgen_get_yf, NULL, NULL},
    {"cr_code", kgen_get_code, NULL, NULL},
    {"cr_frame", kgen_get_frame, NULL, NULL},
    {"cr_running", kgen_get_running, NULL, NULL},
    {"cr_suspended", kgen_get_suspended, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMethodDef coro_methods[] = {
    {"send", kgen_send_m, KMETH_O, NULL},
    {"throw", kgen_throw_m, KMETH_FAST, NULL},
    {"close", kgen_close_m, KMETH_NOARGS, NULL},
    {"__await__", coro_await, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kcoro_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "coroutine",
    .basicsize = sizeof(KGen),
    .flags = KTF_GC | KTF_WEAKREF,
    .dealloc = kgen_dealloc,
    .finalize = kgen_finalize,
    .traverse = kgen_traverse,
    .clear = kgen_clear,
    .repr = coro_repr,
    .methods = coro_methods,
    .getsets = coro_getsets,
};
