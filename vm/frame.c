// vm/frame.c: the data stack that frames are pushed on (chunks of memory
// handed out and given back in LIFO order, as CPython 3.11's), and frame
// objects, the Python view of a frame (sys._getframe, tracebacks).
#include "frame.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define CHUNK_SIZE (256 * 1024)

size_t kframe_size(const KCode *code) {
    return sizeof(KFrame) + (size_t)code->framesize * sizeof(KValue);
}

static KValue *push_chunk(KThreadState *ts, size_t bytes) {
    size_t size = bytes + sizeof(KStackChunk) > CHUNK_SIZE ? bytes + sizeof(KStackChunk)
                                                           : CHUNK_SIZE;
    KStackChunk *c = kmem_alloc(size);
    if (!c) {
        return NULL;
    }
    c->previous = ts->chunk;
    c->size = size;
    if (ts->chunk) {
        ts->chunk->top = ts->stack_top;
    }
    ts->chunk = c;
    ts->stack_top = c->data;
    ts->stack_limit = (KValue *)((char *)c + size);
    return c->data;
}

KFrame *kframe_push(KThreadState *ts, KValue func, KValue locals) {
    KCode *code = (KCode *)((KFunction *)func)->code;
#ifdef KV_FUZZ_BUDGET
    if (keval_fuzz_step() < 0) {
        kval_decref(func);
        return NULL;
    }
#endif
    if (K_UNLIKELY(code->state != KCODE_READY) && kcode_materialise(code) < 0) {
        kval_decref(func); // a code object from a cache runs for the first time
        return NULL;
    }
    size_t bytes = kframe_size(code);
    KValue *p = ts->stack_top;
    if (!p || (char *)p + bytes > (char *)ts->stack_limit) {
        p = push_chunk(ts, bytes);
        if (!p) {
            kval_decref(func);
            kerr_no_memory();
            return NULL;
        }
    }
    ts->stack_top = (KValue *)((char *)p + bytes);
    KFrame *f = (KFrame *)p;
    f->code = code;
    f->func = func;
    f->globals = ((KFunction *)func)->globals;
    f->builtins = ((KFunction *)func)->builtins;
    f->locals = kval_xnewref(locals);
    f->previous = NULL;
    f->ip = code->code;
    f->frame_obj = KV_NULL;
    f->owner = KFRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->ret_kind = KFRAME_RET_PLAIN;
    memset(f->localsplus, 0, (size_t)code->nlocalsplus * sizeof(KValue));
    f->sp = f->localsplus + code->nlocalsplus;
    return f;
}

typedef struct KFrameObject {
    KOBJ_HEAD;
    KFrame *frame;   // while the frame runs; NULL afterwards
    KValue code;
    KValue globals;
    KValue locals;   // a snapshot dict once asked for or detached
    KValue back;     // the calling frame's object, made on demand
    int lasti;
} KFrameObject;

void kframe_object_detach(KValue fo, KFrame *f);

void kframe_clear(KFrame *f) {
    if (f->frame_obj) {
        // Only a frame object that outlives the frame (held by a traceback,
        // sys._getframe's caller...) needs its snapshot of the locals.
        if (kval_obj(f->frame_obj)->refcnt > 1) {
            kframe_object_detach(f->frame_obj, f);
        } else {
            ((KFrameObject *)f->frame_obj)->frame = NULL;
        }
        KVAL_CLEAR(f->frame_obj);
    }
    KValue *base = f->localsplus;
    for (KValue *p = f->sp; p > base;) {
        p--;
        kval_xdecref(*p);
    }
    f->sp = f->localsplus;
    KVAL_CLEAR(f->locals);
}

void kframe_pop(KThreadState *ts, KFrame *f) {
    kframe_clear(f);
    KValue func = f->func;
    f->func = KV_NULL;
    if (f->owner == KFRAME_OWNED_BY_THREAD) {
        KStackChunk *c = ts->chunk;
        if ((KValue *)f == c->data && c->previous) {
            ts->chunk = c->previous;
            ts->stack_top = ts->chunk->top;
            ts->stack_limit = (KValue *)((char *)ts->chunk + ts->chunk->size);
            kmem_free(c);
        } else {
            ts->stack_top = (KValue *)f;
        }
    }
    kval_xdecref(func);
}

int kframe_line(KFrame *f) {
    return kcode_line(f->code, kframe_lasti(f));
}

// ---------------------------------------------------------------------------
// Frame objects.


KValue kframe_object(KFrame *f) {
    if (f->frame_obj) {
        return kval_newref(f->frame_obj);
    }
    KFrameObject *fo = (KFrameObject *)kobj_alloc(&kframe_type, sizeof(KFrameObject));
    if (!fo) {
        return kerr_no_memory();
    }
    fo->frame = f;
    fo->code = kval_newref(kval_of(f->code));
    fo->globals = kval_newref(f->globals);
    fo->lasti = kframe_lasti(f);
    f->frame_obj = kval_newref(kval_of(fo));
    return kval_of(fo);
}

// The locals of a running frame as a dict.
static KValue frame_locals_dict(KFrame *f) {
    if (f->locals) {
        return kval_newref(f->locals);
    }
    KValue d = kdict_new();
    if (!d) {
        return KV_NULL;
    }
    KCode *c = f->code;
    for (int i = 0; i < c->nlocalsplus; i++) {
        KValue v = f->localsplus[i];
        int k = c->localspluskinds[i];
        if (v && (k & (KF_LOCAL_CELL | KF_LOCAL_FREE)) && kval_type(v) == &kcell_type) {
            v = ((KCell *)v)->ref;
        }
        if (v && kdict_set(d, ktuple_items(c->localsplusnames)[i], v) < 0) {
            kval_decref(d);
            return KV_NULL;
        }
    }
    return d;
}

void kframe_object_detach(KValue fov, KFrame *f) {
    KFrameObject *fo = (KFrameObject *)fov;
    fo->lasti = kframe_lasti(f);
    if (!fo->locals) {
        fo->locals = frame_locals_dict(f);
        if (!fo->locals) {
            kerr_clear();
        }
    }
    if (!fo->back && f->previous) {
        fo->back = kframe_object(f->previous);
        if (!fo->back) {
            kerr_clear();
        }
    }
    fo->frame = NULL;
}

static void frameobj_dealloc(KObject *o) {
    KFrameObject *fo = (KFrameObject *)o;
    kgc_untrack(o);
    kval_xdecref(fo->code);
    kval_xdecref(fo->globals);
    kval_xdecref(fo->locals);
    kval_xdecref(fo->back);
    kobj_free(o);
}

static int frameobj_traverse(KObject *o, KVisitFn visit, void *arg) {
    KFrameObject *fo = (KFrameObject *)o;
    KValue vals[] = {fo->code, fo->globals, fo->locals, fo->back};
    for (int i = 0; i < 4; i++) {
        if (vals[i] && visit(vals[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static void frameobj_clear(KObject *o) {
    KFrameObject *fo = (KFrameObject *)o;
    KVAL_CLEAR(fo->locals);
    KVAL_CLEAR(fo->back);
    KVAL_CLEAR(fo->globals);
}

static KValue frame_get_code(KValue self) {
    return kval_newref(((KFrameObject *)self)->code);
}

static KValue frame_get_globals(KValue self) {
    return kval_newref(((KFrameObject *)self)->globals);
}

static KValue frame_get_locals(KValue self) {
    KFrameObject *fo = (KFrameObject *)self;
    if (fo->frame) {
        KValue d = frame_locals_dict(fo->frame);
        if (d && !fo->frame->locals) {
            kval_setref(&fo->locals, kval_newref(d));
        }
        return d;
    }
    return kval_newref(fo->locals ? fo->locals : KV_NONE);
}

static KValue frame_get_lineno(KValue self) {
    KFrameObject *fo = (KFrameObject *)self;
    KCode *c = (KCode *)fo->code;
    int lasti = fo->frame ? kframe_lasti(fo->frame) : fo->lasti;
    return kval_from_int(kcode_line(c, lasti));
}

static KValue frame_get_lasti(KValue self) {
    KFrameObject *fo = (KFrameObject *)self;
    int lasti = fo->frame ? kframe_lasti(fo->frame) : fo->lasti;
    return kval_from_int(lasti * 2);
}

static KValue frame_get_back(KValue self) {
    KFrameObject *fo = (KFrameObject *)self;
    if (fo->frame) {
        return fo->frame->previous ? kframe_object(fo->frame->previous) : kval_newref(KV_NONE);
    }
    return kval_newref(fo->back ? fo->back : KV_NONE);
}

static KValue frame_get_builtins(KValue self) {
    KFrameObject *fo = (KFrameObject *)self;
    if (fo->frame) {
        return kval_newref(fo->frame->builtins);
    }
    return kdict_new();
}

static const KGetSetDef frame_getsets[] = {
    {"f_code", frame_get_code, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL},
    {"f_lineno", frame_get_lineno, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KValue frame_repr(KValue self) {
    KFrameObject *fo = (KFrameObject *)self;
    KCode *c = (KCode *)fo->code;
    int lasti = fo->frame ? kframe_lasti(fo->frame) : fo->lasti;
    return kstr_from_format("<frame at %p, file '%U', line %d, code %U>", (void *)self,
                            c->filename, kcode_line(c, lasti), c->name);
}

// frame.clear(): drops the locals a finished frame kept (traceback.clear_frames,
// unittest's assertRaises); a frame still running (or a suspended
// generator's) is RuntimeError, which clear_frames expects.
static KValue frame_clear_method(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KFrameObject *fo = (KFrameObject *)self;
    if (fo->frame) {
        kerr_set(&kexc_RuntimeError, "cannot clear an executing frame");
        return KV_NULL;
    }
    KValue d = kdict_new();
    if (!d) {
        return KV_NULL;
    }
    kval_setref(&fo->locals, d);
    return kval_newref(KV_NONE);
}

static const KMethodDef frame_methods[] = {
    {"clear", frame_clear_method, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kframe_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "frame",
    .basicsize = sizeof(KFrameObject),
    .flags = KTF_GC,
    .dealloc = frameobj_dealloc,
    .traverse = frameobj_traverse,
    .clear = frameobj_clear,
    .repr = frame_repr,
    .methods = frame_methods,
    .getsets = frame_getsets,
};
