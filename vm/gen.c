// vm/gen.c: generator objects: next/send/throw/close, the PEP 479 rule
// (a StopIteration escaping the body becomes RuntimeError), and the
// delegation used by 'yield from' (SEND).
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
    KGen *g = (KGen *)kobj_alloc(&kgen_type, sizeof(KGen) + (size_t)code->framesize * sizeof(KValue));
    if (!g) {
        return kerr_no_memory();
    }
    g->code = kval_newref(kval_of(code));
    g->name = kval_newref(((KFunction *)f->func)->name);
    g->qualname = kval_newref(((KFunction *)f->func)->qualname);
    g->state = KGEN_CREATED;
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

// Resumes 'g': with 'exc' set (throw) the pending exception is raised at the
// yield. Returns 0 (yielded, '*result'), 1 (returned, '*result'), -1 (error).
static int gen_send_ex(KGen *g, KValue value, int exc, KValue *result) {
    KThreadState *ts = kstate_ts;
    *result = KV_NULL;
    if (g->state == KGEN_RUNNING) {
        kerr_set(&kexc_ValueError, "generator already executing");
        return -1;
    }
    if (g->state == KGEN_FINISHED) {
        if (exc) {
            return -1; // the pending exception propagates
        }
        *result = kval_newref(KV_NONE);
        return 1;
    }
    if (g->state == KGEN_CREATED && !exc && value != KV_NONE) {
        kerr_set(&kexc_TypeError, "can't send non-None value to a just-started generator");
        return -1;
    }
    KFrame *f = &g->frame;
    if (!exc) {
        *f->sp++ = kval_newref(value);
    }
    f->previous = ts->frame;
    ts->frame = f;
    g->exc_state.previous = ts->exc_info;
    ts->exc_info = &g->exc_state;
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
            KValue cause = kerr_fetch();
            kerr_set(&kexc_RuntimeError, "generator raised StopIteration");
            KValue e = kerr_occurred();
            if (e) {
                kval_setref(&((KException *)e)->cause, kval_newref(cause));
                kval_setref(&((KException *)e)->context, cause);
                ((KException *)e)->suppress_context = 1;
            } else {
                kval_decref(cause);
            }
        }
        return -1;
    }
    *result = r;
    return 1;
}

// Raises StopIteration(value) (value None: no argument).
static void raise_stop(KValue value) {
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

int kgen_send(KValue receiver, KValue value, KValue *result) {
    if (kval_type(receiver) == &kgen_type) {
        return gen_send_ex((KGen *)receiver, value, 0, result);
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
// The type.

static KValue gen_iternext(KValue self) {
    KValue r;
    int status = gen_send_ex((KGen *)self, KV_NONE, 0, &r);
    if (status == 0) {
        return r;
    }
    if (status == 1) {
        if (r != KV_NONE) {
            raise_stop(r);
        }
        kval_decref(r);
    }
    return KV_NULL;
}

static KValue gen_send_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue r;
    int status = gen_send_ex((KGen *)self, args[0], 0, &r);
    if (status == 0) {
        return r;
    }
    if (status == 1) {
        raise_stop(r);
        kval_decref(r);
    }
    return KV_NULL;
}

// The sub-iterator a suspended generator delegates to ('yield from'),
// borrowed, or KV_NULL: it is suspended in a SEND loop (SEND exit;
// YIELD_VALUE; JUMP_BACKWARD_NO_INTERRUPT to the SEND) with the receiver on
// top of its stack. '*exit' is where the loop ends.
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

// Closes a sub-iterator: generators directly, others through close(). -1 on error.
static int gen_close_internal(KGen *g);

static int close_iter(KValue yf) {
    if (kval_type(yf) == &kgen_type) {
        return gen_close_internal((KGen *)yf);
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

static int gen_throw_exc(KGen *g, KValue typ, KValue val, KValue tb, KValue *result);

// throw() into a generator suspended in 'yield from': the sub-iterator gets
// the exception first; when it finishes, the loop ends (its value, or the
// exception it raised, resumes 'g'). Returns as gen_send_ex; 2 when the
// exception must be thrown into 'g' itself.
static int throw_into_yf(KGen *g, KValue yf, int exit, KValue typ, KValue val, KValue tb,
                         KValue *result) {
    int is_genexit = (kexc_is_class(typ) && ktype_is_subtype((KType *)typ, &kexc_GeneratorExit)) ||
                     (kexc_is_instance(typ) && ktype_is_subtype(kval_type(typ), &kexc_GeneratorExit));
    if (is_genexit) {
        g->state = KGEN_RUNNING;
        int r = close_iter(yf);
        g->state = KGEN_SUSPENDED;
        return r < 0 ? -1 : 2;
    }
    KValue ret = KV_NULL;
    int st;
    g->state = KGEN_RUNNING;
    if (kval_type(yf) == &kgen_type) {
        st = gen_throw_exc((KGen *)yf, typ, val, tb, &ret);
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
        r = gen_send_ex(g, ret, 0, result);
        kval_decref(ret);
    } else if (kerr_matches(&kexc_StopIteration)) {
        KValue e = kerr_fetch();
        KValue v = kexc_stop_value(e);
        kval_decref(e);
        r = gen_send_ex(g, v, 0, result);
        kval_decref(v);
    } else {
        r = gen_send_ex(g, KV_NONE, 1, result);
    }
    return r;
}

static int gen_throw_exc(KGen *g, KValue typ, KValue val, KValue tb, KValue *result) {
    KValue exc = KV_NULL;
    int exit;
    KValue yf = gen_yf(g, &exit);
    if (yf) {
        kval_incref(yf);
        int r = throw_into_yf(g, yf, exit, typ, val, tb, result);
        kval_decref(yf);
        if (r != 2) {
            return r;
        }
    }
    if (kexc_is_class(typ)) {
        if (!val || val == KV_NONE) {
            exc = kobj_call0(typ);
        } else if (kexc_is_instance(val) && ktype_is_subtype(kval_type(val), (KType *)typ)) {
            exc = kval_newref(val);
        } else {
            exc = ktuple_check(val) ? kobj_call_tuple(typ, val, KV_NULL) : kobj_call1(typ, val);
        }
        if (!exc) {
            return -1;
        }
    } else if (kexc_is_instance(typ)) {
        if (val && val != KV_NONE) {
            kerr_set(&kexc_TypeError, "instance exception may not have a separate value");
            return -1;
        }
        exc = kval_newref(typ);
    } else {
        kerr_format(&kexc_TypeError,
                    "exceptions must be classes or instances deriving from BaseException, not %T",
                    typ);
        return -1;
    }
    if (tb && tb != KV_NONE) {
        kval_setref(&((KException *)exc)->traceback, kval_newref(tb));
    }
    if (g->state == KGEN_CREATED || g->state == KGEN_FINISHED) {
        if (g->state == KGEN_CREATED) {
            g->state = KGEN_FINISHED;
            kframe_pop(kstate_ts, &g->frame);
        }
        kerr_restore(exc);
        return -1;
    }
    kerr_restore(exc);
    return gen_send_ex(g, KV_NONE, 1, result);
}

static KValue gen_throw_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("throw", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    KValue r;
    int status = gen_throw_exc((KGen *)self, args[0], nargs > 1 ? args[1] : KV_NULL,
                               nargs > 2 ? args[2] : KV_NULL, &r);
    if (status == 0) {
        return r;
    }
    if (status == 1) {
        raise_stop(r);
        kval_decref(r);
    }
    return KV_NULL;
}

static int gen_close_internal(KGen *g) {
    int exit;
    KValue yf = gen_yf(g, &exit);
    if (yf) {
        kval_incref(yf);
        g->state = KGEN_RUNNING;
        int err = close_iter(yf);
        g->state = KGEN_SUSPENDED;
        kval_decref(yf);
        if (err < 0) {
            // The sub-iterator's error is raised into this generator instead.
            KValue r;
            int st = gen_send_ex(g, KV_NONE, 1, &r);
            if (st == 0) {
                kval_decref(r);
                kerr_set(&kexc_RuntimeError, "generator ignored GeneratorExit");
                return -1;
            }
            if (st == 1) {
                kval_decref(r);
                return 0;
            }
            return -1;
        }
    }
    if (g->state == KGEN_CREATED) {
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
        return 0;
    }
    if (g->state != KGEN_SUSPENDED) {
        return 0;
    }
    if (!kcode_handler(g->frame.code, kframe_lasti(&g->frame))) {
        // No handler (try, with) covers the yield: GeneratorExit would only
        // unwind the frame, so finish it without making the exception
        // (all() and next() drop suspended generator expressions constantly).
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
        return 0;
    }
    KValue r;
    // Straight into this generator: the sub-iterator was closed above.
    KValue ge = kobj_call0(kval_of(&kexc_GeneratorExit));
    if (!ge) {
        return -1;
    }
    kerr_restore(ge);
    int status = gen_send_ex(g, KV_NONE, 1, &r);
    if (status == 0) {
        kval_decref(r);
        kerr_set(&kexc_RuntimeError, "generator ignored GeneratorExit");
        return -1;
    }
    if (status == 1) {
        kval_decref(r);
        return 0;
    }
    if (kerr_matches(&kexc_StopIteration) || kerr_matches(&kexc_GeneratorExit)) {
        kerr_clear();
        return 0;
    }
    return -1;
}

static KValue gen_close_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return gen_close_internal((KGen *)self) < 0 ? KV_NULL : KV_NONE;
}

static void gen_finalize(KValue self) {
    KGen *g = (KGen *)self;
    if (g->state != KGEN_SUSPENDED) {
        return;
    }
    KValue saved = kerr_fetch();
    if (gen_close_internal(g) < 0) {
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
    kerr_restore(saved);
}

static void gen_dealloc(KObject *o) {
    KGen *g = (KGen *)o;
    if (g->state == KGEN_SUSPENDED) {
        o->refcnt = 1;
        gen_finalize(kval_of(o));
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
    kval_xdecref(g->code);
    kval_xdecref(g->name);
    kval_xdecref(g->qualname);
    kobj_free(o);
}

static int gen_traverse(KObject *o, KVisitFn visit, void *arg) {
    KGen *g = (KGen *)o;
    if (g->exc_state.exc && visit(g->exc_state.exc, arg)) {
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

static void gen_clear(KObject *o) {
    KGen *g = (KGen *)o;
    KVAL_CLEAR(g->exc_state.exc);
    if (g->state != KGEN_FINISHED && g->state != KGEN_RUNNING) {
        g->state = KGEN_FINISHED;
        kframe_pop(kstate_ts, &g->frame);
    }
}

static KValue gen_repr(KValue self) {
    return kstr_from_format("<generator object %U at %p>", ((KGen *)self)->qualname,
                            (void *)self);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue gen_get_name(KValue self) {
    return kval_newref(((KGen *)self)->name);
}
static KValue gen_get_qualname(KValue self) {
    return kval_newref(((KGen *)self)->qualname);
}
static KValue gen_get_code(KValue self) {
    return kval_newref(((KGen *)self)->code);
}
static KValue gen_get_running(KValue self) {
    return kbool_from(((KGen *)self)->state == KGEN_RUNNING);
}
static KValue gen_get_suspended(KValue self) {
    return kbool_from(((KGen *)self)->state == KGEN_SUSPENDED);
}
static KValue gen_get_frame(KValue self) {
    KGen *g = (KGen *)self;
    if (g->state == KGEN_FINISHED) {
        return KV_NONE;
    }
    return kframe_object(&g->frame);
}

static const KGetSetDef gen_getsets[] = {
    {"__name__", gen_get_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMethodDef gen_methods[] = {
    {"send", gen_send_m, KMETH_O, NULL},
    {"throw", gen_throw_m, KMETH_FAST, NULL},
    {"close", gen_close_m, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kgen_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "generator",
    .basicsize = sizeof(KGen),
    .flags = KTF_GC | KTF_WEAKREF,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .clear = gen_clear,
    .repr = gen_repr,
    .iter = self_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};
