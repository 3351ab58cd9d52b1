// vm/gen.c: generator objects: next/send/throw/close, the PEP 479 rule
// (a StopIteration escaping the body becomes RuntimeError), and the
// delegation used by 'yield from' and 'await' (SEND). The machinery is
// shared by coroutines (coro.c) and async generators (asyncgen.c): the three
// kinds differ in their type and in the wording of their errors.
#include "gen.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "code.h"
#include "errors.h"
#include "eval.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "module.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static KGen *gen_of(KFrame *f) {
    return (KGen *)((char *)f - offsetof(KGen, frame));
}

KValue kgen_new_from_frame(KFrame *f) {
    KCode *code = f->code;
    KType *type = (code->flags & KF_CO_COROUTINE)         ? &kcoro_type
                  : (code->flags & KF_CO_ASYNC_GENERATOR) ? &kasyncgen_type
                                                          : &kgen_type;
    KGen *g = (KGen *)kobj_alloc(type, sizeof(KGen) + (size_t)code->framesize * sizeof(KValue));
    if (!g) {
        return kerr_no_memory();
    }
    g->code = kval_newref(kval_of(code));
    g->name = kval_newref(((KFunction *)f->func)->name);
    g->qualname = kval_newref(((KFunction *)f->func)->qualname);
    g->state = KGEN_CREATED;
    g->closed = 0;
    g->running_async = 0;
    g->hooks_inited = 0;
    g->ag_finalizer = KV_NULL;
    KFrame *gf = &g->frame;
    size_t used = (size_t)(f->sp - f->localsplus);
    gf->code = code;
    gf->func = kval_newref(f->func);
    gf->globals = f->globals;
    gf->builtins = f->builtins;
    gf->locals = kval_xnewref(f->locals);
    gf->previous = NULL;
    gf->ip = f->ip;
    gf->frame_obj = KV_NULL;
    gf->owner = KFRAME_OWNED_BY_GENERATOR;
    gf->is_entry = 0;
    gf->ret_kind = KFRAME_RET_PLAIN;
    memcpy(gf->localsplus, f->localsplus, used * sizeof(KValue));
    memset(f->localsplus, 0, used * sizeof(KValue));
    f->sp = f->localsplus;
    gf->sp = gf->localsplus + used;
    return kval_of(g);
}

void kgen_frame_suspended(KFrame *f) {
    gen_of(f)->state = KGEN_SUSPENDED;
}

void kgen_frame_finished(KFrame *f) {
    KGen *g = gen_of(f);
    g->state = KGEN_FINISHED;
    kframe_pop(kstate_ts, f);
}

// The wording of an error for the kind of 'g': 'gen' for generators, 'coro'
// for coroutines, 'agen' for async generators.
static const char *kind_msg(KGen *g, const char *gen, const char *coro, const char *agen) {
    KType *t = kval_type(kval_of(g));
    return t == &kcoro_type ? coro : t == &kasyncgen_type ? agen : gen;
}

// Replaces the pending exception (a StopIteration, or StopAsyncIteration from
// an async generator) by RuntimeError('msg') caused by it (PEP 479).
static void convert_stop(const char *msg) {
    KValue cause = kerr_fetch();
    kerr_set(&kexc_RuntimeError, msg);
    KValue e = kerr_occurred();
    if (e) {
        kval_setref(&((KException *)e)->cause, kval_newref(cause));
        kval_setref(&((KException *)e)->context, cause);
        ((KException *)e)->suppress_context = 1;
    } else {
        kval_decref(cause);
    }
}

int kgen_send_ex(KGen *g, KValue value, int exc, int closing, KValue *result) {
    KThreadState *ts = kstate_ts;
    *result = KV_NULL;
    if (g->state == KGEN_CREATED && !exc && value != KV_NONE) {
        kerr_set(&kexc_TypeError,
                 kind_msg(g, "can't send non-None value to a just-started generator",
                          "can't send non-None value to a just-started coroutine",
                          "can't send non-None value to a just-started async generator"));
        return -1;
    }
    if (g->state == KGEN_RUNNING) {
        kerr_set(&kexc_ValueError, kind_msg(g, "generator already executing",
                                            "coroutine already executing",
                                            "async generator already executing"));
        return -1;
    }
    if (g->state == KGEN_FINISHED) {
        if (kval_type(kval_of(g)) == &kcoro_type && !closing) {
            kerr_set(&kexc_RuntimeError, "cannot reuse already awaited coroutine");
            return -1;
        }
        if (exc) {
            return -1; // the pending exception propagates
        }
        *result = kval_newref(KV_NONE);
        return 1;
    }
    KFrame *f = &g->frame;
    if (!exc) {
        *f->sp++ = kval_newref(value);
    }
    f->previous = ts->frame;
    ts->frame = f;
    g->exc_state.previous = ts->exc_info;
    ts->exc_info = &g->exc_state;
    if (exc && g->exc_state.exc && g->exc_state.exc != KV_NONE) {
        // Thrown while the body handles an exception: that one becomes the
        // thrown exception's __context__ (CPython's _PyErr_ChainStackItem).
        KValue thrown = kerr_fetch();
        if (thrown) {
            kerr_raise(thrown);
            kval_decref(thrown);
        }
    }
    g->state = KGEN_RUNNING;
    kval_incref(kval_of(g));
    KValue r = keval_frame(ts, f, exc);
    ts->exc_info = g->exc_state.previous;
    g->exc_state.previous = NULL;
    int finished = g->state == KGEN_FINISHED || g->state == KGEN_RUNNING;
    if (g->state == KGEN_RUNNING) {
        g->state = KGEN_FINISHED;
    }
    kval_decref(kval_of(g));
    if (!finished) {
        *result = r;
        return 0;
    }
    if (!r) {
        if (kerr_matches(&kexc_StopIteration)) {
            convert_stop(kind_msg(g, "generator raised StopIteration",
                                  "coroutine raised StopIteration",
                                  "async generator raised StopIteration"));
        } else if (kval_type(kval_of(g)) == &kasyncgen_type &&
                   kerr_matches(&kexc_StopAsyncIteration)) {
            convert_stop("async generator raised StopAsyncIteration");
        }
        return -1;
    }
    *result = r;
    return 1;
}

void kgen_raise_stop(KValue value) {
    KValue args = value == KV_NONE ? ktuple_new(0) : ktuple_pack(1, value);
    if (!args) {
        return;
    }
    KValue e = kexc_new(&kexc_StopIteration, args);
    kval_decref(args);
    if (e) {
        kerr_raise(e);
        kval_decref(e);
    }
}

KValue kgen_result(int status, KValue r) {
    if (status == 0) {
        return r;
    }
    if (status == 1) {
        kgen_raise_stop(r);
        kval_decref(r);
    }
    return KV_NULL;
}

static int is_gen_or_coro(KValue v) {
    KType *t = kval_type(v);
    return t == &kgen_type || t == &kcoro_type;
}

int kgen_send(KValue receiver, KValue value, KValue *result) {
    if (is_gen_or_coro(receiver)) {
        return kgen_send_ex((KGen *)receiver, value, 0, 0, result);
    }
    KValue r;
    if (value == KV_NONE && kval_type(receiver)->iternext) {
        r = kval_type(receiver)->iternext(receiver);
    } else {
        r = kobj_call_method(receiver, KID(send), &value, 1);
    }
    if (r) {
        *result = r;
        return 0;
    }
    if (!kerr_occurred() || kerr_matches(&kexc_StopIteration)) {
        KValue exc = kerr_fetch();
        *result = kexc_stop_value(exc);
        kval_xdecref(exc);
        return 1;
    }
    return -1;
}

// ---------------------------------------------------------------------------
// Delegation, throw and close.

// The sub-iterator a suspended generator delegates to ('yield from',
// 'await'), borrowed, or KV_NULL: it is suspended in a SEND loop (SEND
// exit; YIELD_VALUE; JUMP_BACKWARD_NO_INTERRUPT to the SEND) with the
// receiver on top of its stack. '*exit' is where the loop ends.
static KValue gen_yf(KGen *g, int *exit) {
    if (g->state != KGEN_SUSPENDED) {
        return KV_NULL;
    }
    KFrame *f = &g->frame;
    uint32_t *end = f->code->code + f->code->ncode;
    if (f->ip >= end || KF_INSTR_OP(*f->ip) != KF_OP_JUMP_BACKWARD_NO_INTERRUPT) {
        return KV_NULL;
    }
    int target = KF_INSTR_ARG(*f->ip);
    if (target < 0 || target >= f->code->ncode ||
        KF_INSTR_OP(f->code->code[target]) != KF_OP_SEND || f->sp <= f->localsplus) {
        return KV_NULL;
    }
    *exit = KF_INSTR_ARG(f->code->code[target]);
    return f->sp[-1];
}

KValue kgen_yf_borrow(KGen *g) {
    int exit;
    return gen_yf(g, &exit);
}

// Closes a sub-iterator: generators and coroutines directly, others through
// close(). -1 on error.
static int close_iter(KValue yf) {
    if (is_gen_or_coro(yf)) {
        return kgen_close((KGen *)yf);
    }
    KValue m;
    int r = kobj_lookup_attr(yf, KID(close), &m);
    if (r <= 0) {
        return r;
    }
    KValue res = kobj_call0(m);
    kval_decref(m);
    if (!res) {
        return -1;
    }
    kval_decref(res);
    return 0;
}

static int is_genexit(KValue typ) {
    return (kexc_is_class(typ) && ktype_is_subtype((KType *)typ, &kexc_GeneratorExit)) ||
           (kexc_is_instance(typ) && ktype_is_subtype(kval_type(typ), &kexc_GeneratorExit));
}

// throw() into a generator suspended in 'yield from': the sub-iterator gets
// the exception first; when it finishes, the loop ends (its value, or the
// exception it raised, resumes 'g'). Returns as kgen_send_ex; 2 when the
// exception must be thrown into 'g' itself.
static int throw_into_yf(KGen *g, KValue yf, int exit, int close_on_genexit, KValue typ,
                         KValue val, KValue tb, KValue *result) {
    if (close_on_genexit && is_genexit(typ)) {
        g->state = KGEN_RUNNING;
        int r = close_iter(yf);
        g->state = KGEN_SUSPENDED;
        if (r < 0) {
            return kgen_send_ex(g, KV_NONE, 1, 0, result);
        }
        return 2;
    }
    KValue ret = KV_NULL;
    int st;
    g->state = KGEN_RUNNING;
    if (is_gen_or_coro(yf)) {
        st = kgen_throw((KGen *)yf, close_on_genexit, typ, val, tb, &ret);
    } else {
        KValue m;
        int has = kobj_lookup_attr(yf, KID(throw), &m);
        if (has <= 0) {
            g->state = KGEN_SUSPENDED;
            return has < 0 ? -1 : 2;
        }
        KValue args[3] = {typ, val ? val : KV_NONE, tb ? tb : KV_NONE};
        ret = kobj_call(m, args, tb ? 3 : val ? 2 : 1, KV_NULL);
        kval_decref(m);
        st = ret ? 0 : -1;
    }
    g->state = KGEN_SUSPENDED;
    if (st == 0) {
        *result = ret;
        return 0;
    }
    // The sub-iterator is done: pop it and leave the SEND loop.
    KFrame *f = &g->frame;
    KValue popped = *--f->sp;
    kval_decref(popped);
    f->ip = f->code->code + exit;
    int r;
    if (st == 1) {
        r = kgen_send_ex(g, ret, 0, 0, result);
        kval_decref(ret);
    } else if (kerr_matches(&kexc_StopIteration)) {
        KValue e = kerr_fetch();
        KValue v = kexc_stop_value(e);
        kval_decref(e);
        r = kgen_send_ex(g, v, 0, 0, result);
        kval_decref(v);
    } else {
        r = kgen_send_ex(g, KV_NONE, 1, 0, result);
    }
    return r;
}

// The exception instance for throw(typ[, val[, tb]]), or KV_NULL with an error.
static KValue make_thrown(KValue typ, KValue val, KValue tb) {
    KValue exc;
    if (tb == KV_NONE) {
        tb = KV_NULL;
    }
    if (tb && kval_type(tb) != &ktraceback_type) {
        kerr_set(&kexc_TypeError, "throw() third argument must be a traceback object");
        return KV_NULL;
    }
    if (kexc_is_class(typ)) {
        if (!val || val == KV_NONE) {
            exc = kobj_call0(typ);
        } else if (kexc_is_instance(val) && ktype_is_subtype(kval_type(val), (KType *)typ)) {
            exc = kval_newref(val);
        } else {
            exc = ktuple_check(val) ? kobj_call_tuple(typ, val, KV_NULL) : kobj_call1(typ, val);
        }
        if (exc && !kexc_is_instance(exc)) {
            kerr_format(&kexc_TypeError,
                        "calling %R should have returned an instance of BaseException, not %T",
                        typ, exc);
            kval_decref(exc);
            return KV_NULL;
        }
        if (!exc) {
            return KV_NULL;
        }
    } else if (kexc_is_instance(typ)) {
        if (val && val != KV_NONE) {
            kerr_set(&kexc_TypeError, "instance exception may not have a separate value");
            return KV_NULL;
        }
        exc = kval_newref(typ);
    } else {
        kerr_format(&kexc_TypeError,
                    "exceptions must be classes or instances deriving from BaseException, not %T",
                    typ);
        return KV_NULL;
    }
    if (tb) {
        kval_setref(&((KException *)exc)->traceback, kval_newref(tb));
    }
    return exc;
}

int kgen_throw(KGen *g, int close_on_genexit, KValue typ, KValue val, KValue tb,
               KValue *result) {
    *result = KV_NULL;
    int exit;
    KValue yf = gen_yf(g, &exit);
    if (yf) {
        kval_incref(yf);
        int r = throw_into_yf(g, yf, exit, close_on_genexit, typ, val, tb, result);
        kval_decref(yf);
        if (r != 2) {
            return r;
        }
    }
    KValue exc = make_thrown(typ, val, tb);
    if (!exc) {
        return -1;
    }
    if (g->state == KGEN_CREATED) {
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
        kerr_restore(exc);
        return -1;
    }
    kerr_restore(exc);
    return kgen_send_ex(g, KV_NONE, 1, 0, result);
}

int kgen_close(KGen *g) {
    int exit;
    KValue yf = gen_yf(g, &exit);
    int err = 0;
    if (yf) {
        kval_incref(yf);
        g->state = KGEN_RUNNING;
        err = close_iter(yf);
        g->state = KGEN_SUSPENDED;
        kval_decref(yf);
    }
    if (g->state == KGEN_CREATED) {
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
        if (err < 0) {
            return -1;
        }
        return 0;
    }
    if (g->state == KGEN_FINISHED && err == 0) {
        return 0;
    }
    if (err == 0 && g->state == KGEN_SUSPENDED &&
        !kcode_handler(g->frame.code, kframe_lasti(&g->frame))) {
        // No handler (try, with) covers the yield: GeneratorExit would only
        // unwind the frame, so finish it without making the exception
        // (all() and next() drop suspended generator expressions constantly).
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
        return 0;
    }
    if (err == 0) {
        // Straight into this generator: the sub-iterator was closed above.
        KValue ge = kobj_call0(kval_of(&kexc_GeneratorExit));
        if (!ge) {
            return -1;
        }
        kerr_restore(ge);
    } // else: the sub-iterator's error is raised into this generator instead
    KValue r;
    int status = kgen_send_ex(g, KV_NONE, 1, 1, &r);
    if (status >= 0) {
        kval_decref(r);
        if (status == 0) {
            kerr_set(&kexc_RuntimeError, kind_msg(g, "generator ignored GeneratorExit",
                                                  "coroutine ignored GeneratorExit",
                                                  "async generator ignored GeneratorExit"));
            return -1;
        }
        return 0;
    }
    if (kerr_matches(&kexc_StopIteration) || kerr_matches(&kexc_GeneratorExit)) {
        kerr_clear();
        return 0;
    }
    return -1;
}

// ---------------------------------------------------------------------------
// The generator type.

static KValue gen_iternext(KValue self) {
    KValue r;
    int status = kgen_send_ex((KGen *)self, KV_NONE, 0, 0, &r);
    if (status == 0) {
        return r;
    }
    if (status == 1) {
        if (r != KV_NONE) {
            kgen_raise_stop(r);
        }
        kval_decref(r);
    }
    return KV_NULL;
}

KValue kgen_send_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue r;
    int status = kgen_send_ex((KGen *)self, args[0], 0, 0, &r);
    return kgen_result(status, r);
}

KValue kgen_throw_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("throw", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    KValue r;
    int status = kgen_throw((KGen *)self, 1, args[0], nargs > 1 ? args[1] : KV_NULL,
                            nargs > 2 ? args[2] : KV_NULL, &r);
    return kgen_result(status, r);
}

KValue kgen_close_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kgen_close((KGen *)self) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// The RuntimeWarning of a coroutine that was never awaited, on stderr as the
// warnings module's default output.
static void warn_unawaited(KGen *g) {
    KValue msg = kstr_from_format("coroutine '%U' was never awaited", g->qualname);
    if (!msg) {
        kerr_clear();
        return;
    }
    KFrame *f = kstate_ts->frame;
    KValue loc = f ? kstr_from_format("%U:%d", f->code->filename,
                                      kcode_line(f->code, kframe_lasti(f)))
                   : kstr_from_cstr("sys:1");
    if (loc) {
        ksys_write_stderr(kstr_utf8(loc, NULL));
        ksys_write_stderr(": RuntimeWarning: ");
        ksys_write_stderr(kstr_utf8(msg, NULL));
        ksys_write_stderr("\n");
        kval_decref(loc);
    }
    kerr_clear();
    kval_decref(msg);
}

// Runs when a suspended generator dies: close() it, reporting an error as
// unraisable; a coroutine never started gets the 'never awaited' warning.
// Reports the pending exception as raised while 'self' was finalized.
static void report_unraisable(KValue self) {
    KValue err = kerr_fetch();
    KValue rep = kobj_repr(self);
    const char *u = rep ? kstr_utf8(rep, NULL) : NULL;
    kerr_clear();
    ksys_write_stderr("Exception ignored in: ");
    ksys_write_stderr(u ? u : "<generator>");
    ksys_write_stderr("\n");
    kval_xdecref(rep);
    kerr_display(err);
    kval_decref(err);
}

void kgen_finalize(KValue self) {
    KGen *g = (KGen *)self;
    KValue saved = kerr_fetch();
    if (g->ag_finalizer && !g->closed) {
        // An async generator under an event loop's hooks: the loop closes it.
        KValue fin = g->ag_finalizer;
        g->ag_finalizer = KV_NULL;
        KValue r = kobj_call(fin, &self, 1, KV_NULL);
        kval_decref(fin);
        if (r) {
            kval_decref(r);
        } else {
            report_unraisable(self);
        }
    } else if (g->state == KGEN_CREATED && kval_type(self) == &kcoro_type) {
        warn_unawaited(g);
    } else if (g->state == KGEN_SUSPENDED && kgen_close(g) < 0) {
        report_unraisable(self);
    }
    kerr_restore(saved);
}

void kgen_dealloc(KObject *o) {
    KGen *g = (KGen *)o;
    if (g->state == KGEN_SUSPENDED || (g->state == KGEN_CREATED && o->type == &kcoro_type)) {
        o->refcnt = 1;
        kgen_finalize(kval_of(o));
        if (--o->refcnt > 0) {
            return;
        }
    }
    kgc_untrack(o);
    if (g->state != KGEN_FINISHED) {
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
    }
    kval_xdecref(g->exc_state.exc);
    kval_xdecref(g->ag_finalizer);
    kval_xdecref(g->code);
    kval_xdecref(g->name);
    kval_xdecref(g->qualname);
    kobj_free(o);
}

int kgen_traverse(KObject *o, KVisitFn visit, void *arg) {
    KGen *g = (KGen *)o;
    if ((g->exc_state.exc && visit(g->exc_state.exc, arg)) ||
        (g->ag_finalizer && visit(g->ag_finalizer, arg))) {
        return 1;
    }
    if (g->state == KGEN_FINISHED) {
        return 0;
    }
    KFrame *f = &g->frame;
    if ((f->func && visit(f->func, arg)) || (f->locals && visit(f->locals, arg)) ||
        (f->frame_obj && visit(f->frame_obj, arg))) {
        return 1;
    }
    for (KValue *p = f->localsplus; p < f->sp; p++) {
        if (*p && visit(*p, arg)) {
            return 1;
        }
    }
    return 0;
}

void kgen_clear(KObject *o) {
    KGen *g = (KGen *)o;
    KVAL_CLEAR(g->exc_state.exc);
    KVAL_CLEAR(g->ag_finalizer);
    if (g->state != KGEN_FINISHED && g->state != KGEN_RUNNING) {
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
    }
}

static KValue gen_repr(KValue self) {
    return kstr_from_format("<%s object %U at %p>", ktype_short_name(kval_type(self)),
                            ((KGen *)self)->qualname, (void *)self);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

KValue kgen_get_name(KValue self) {
    return kval_newref(((KGen *)self)->name);
}
KValue kgen_get_qualname(KValue self) {
    return kval_newref(((KGen *)self)->qualname);
}

static int set_name_field(KValue *slot, KValue value, const char *what) {
    if (!value || !kstr_check(value)) {
        kerr_format(&kexc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    kval_setref(slot, kval_newref(value));
    return 0;
}
int kgen_set_name(KValue self, KValue value) {
    return set_name_field(&((KGen *)self)->name, value, "__name__");
}
int kgen_set_qualname(KValue self, KValue value) {
    return set_name_field(&((KGen *)self)->qualname, value, "__qualname__");
}
KValue kgen_get_code(KValue self) {
    return kval_newref(((KGen *)self)->code);
}
KValue kgen_get_running(KValue self) {
    return kbool_from(((KGen *)self)->state == KGEN_RUNNING);
}
KValue kgen_get_suspended(KValue self) {
    return kbool_from(((KGen *)self)->state == KGEN_SUSPENDED);
}
KValue kgen_get_frame(KValue self) {
    KGen *g = (KGen *)self;
    if (g->state == KGEN_FINISHED) {
        return KV_NONE;
    }
    return kframe_object(&g->frame);
}
KValue kgen_get_yf(KValue self) {
    KValue yf = kgen_yf_borrow((KGen *)self);
    return kval_newref(yf ? yf : KV_NONE);
}

static const KGetSetDef gen_getsets[] = {
    {"__name__", kgen_get_name, kgen_set_name, NULL},
    {"__qualname__", kgen_get_qualname, kgen_set_qualname, NULL},
    {"gi_code", kgen_get_code, NULL, NULL},
    {"gi_running", kgen_get_running, NULL, NULL},
    {"gi_suspended", kgen_get_suspended, NULL, NULL},
    {"gi_frame", kgen_get_frame, NULL, NULL},
    {"gi_yieldfrom", kgen_get_yf, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMethodDef gen_methods[] = {
    {"send", kgen_send_m, KMETH_O, NULL},
    {"throw", kgen_throw_m, KMETH_FAST, NULL},
    {"close", kgen_close_m, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kgen_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "generator",
    .basicsize = sizeof(KGen),
    .flags = KTF_GC | KTF_WEAKREF,
    .dealloc = kgen_dealloc,
    .finalize = kgen_finalize,
    .traverse = kgen_traverse,
    .clear = kgen_clear,
    .repr = gen_repr,
    .iter = self_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};
