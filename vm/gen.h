// vm/gen.h: generators, coroutines and async generators. One object layout
// for the three kinds: it owns a copy of the frame of the call that created
// it (RETURN_GENERATOR moves the frame into it, choosing the kind from the
// code's flags); resuming links that frame on top of the running one and
// re-enters the interpreter. gen.c holds the shared machinery and the
// generator type, coro.c coroutines and the 'await'/'async with' helpers,
// asyncgen.c async generators and their asend/athrow awaitables.
#ifndef KRAIT_VM_GEN_H
#define KRAIT_VM_GEN_H

#include "frame.h"
#include "object.h"
#include "state.h"

enum { KGEN_CREATED, KGEN_SUSPENDED, KGEN_RUNNING, KGEN_FINISHED };

typedef struct KGen {
    KOBJ_HEAD;
    KValue name, qualname;
    KValue code;
    int state;
    uint8_t closed;        // async generators: aclose() began or it is exhausted
    uint8_t running_async; // async generators: an asend/athrow is in progress
    uint8_t hooks_inited;  // async generators: sys.set_asyncgen_hooks' hooks were applied
    KValue ag_finalizer;   // async generators: the finalizer hook then set, or KV_NULL
    KExcInfo exc_state;
    KFrame frame; // followed by the frame's slots
} KGen;

extern KType kcoro_type, kasyncgen_type, kcorowrapper_type, kasyncgen_asend_type,
    kasyncgen_athrow_type, kasyncgen_wrapped_type;

// Moves the running frame 'f' into a new generator, coroutine or async
// generator (the caller then pops 'f', whose slots are left empty). NULL on error.
KValue kgen_new_from_frame(KFrame *f);
// The interpreter's notes that a generator frame yielded / finished.
void kgen_frame_suspended(KFrame *f);
void kgen_frame_finished(KFrame *f);
// Sends 'value' into 'receiver' (a generator, coroutine or any iterator): 0
// with '*result' the next yielded value, 1 with '*result' the return value
// when it finished, -1 on error.
int kgen_send(KValue receiver, KValue value, KValue *result);

// Resumes 'g' with 'value' (or, 'exc' set, raising the pending exception at
// its yield); 'closing' keeps an exhausted coroutine silent (close()).
// Returns as kgen_send.
int kgen_send_ex(KGen *g, KValue value, int exc, int closing, KValue *result);
// throw(typ, val, tb) into 'g' (val and tb may be KV_NULL); a GeneratorExit
// closes the sub-iterator of 'yield from' when 'close_on_genexit', else is
// thrown into it (async generators). Returns as kgen_send.
int kgen_throw(KGen *g, int close_on_genexit, KValue typ, KValue val, KValue tb,
               KValue *result);
// close(): GeneratorExit at the yield; -1 on error (a yield: RuntimeError).
int kgen_close(KGen *g);
// The sub-iterator 'g' is suspended in ('yield from', 'await'), borrowed, or KV_NULL.
KValue kgen_yf_borrow(KGen *g);
// A status of kgen_send_ex turned into a method's result: the yielded value,
// StopIteration(value) raised for a return, or KV_NULL.
KValue kgen_result(int status, KValue r);
// Raises StopIteration(value) (value None: no argument).
void kgen_raise_stop(KValue value);

// Shared by the three types.
KValue kgen_send_m(KValue self, const KValue *args, size_t nargs, KValue kw);
KValue kgen_throw_m(KValue self, const KValue *args, size_t nargs, KValue kw);
KValue kgen_close_m(KValue self, const KValue *args, size_t nargs, KValue kw);
void kgen_dealloc(KObject *o);
// Runs when a suspended generator dies (from its dealloc, or from the cycle
// collector when it is garbage): close() it, an error reported as
// unraisable; a coroutine never started gets the 'never awaited' warning.
void kgen_finalize(KValue self);

// sys.get_asyncgen_hooks(): asyncgen_hooks(firstiter, finalizer).
KValue kasyncgen_get_hooks(void);
// sys.set_asyncgen_hooks(): each hook KV_NULL (left as it is), None, or a
// callable; -1 with TypeError otherwise, nothing changed.
K_MUST_CHECK int kasyncgen_set_hooks(KValue firstiter, KValue finalizer);
// Applies the hooks to 'agen' when it is first iterated: keeps the
// finalizer, calls firstiter(agen). -1 on error.
K_MUST_CHECK int kasyncgen_init_hooks(KValue agen);
int kgen_traverse(KObject *o, KVisitFn visit, void *arg);
void kgen_clear(KObject *o);
KValue kgen_get_name(KValue self);
KValue kgen_get_qualname(KValue self);
int kgen_set_name(KValue self, KValue value);
int kgen_set_qualname(KValue self, KValue value);
KValue kgen_get_code(KValue self);
KValue kgen_get_running(KValue self);
KValue kgen_get_suspended(KValue self);
KValue kgen_get_frame(KValue self);
KValue kgen_get_yf(KValue self);

// The iterator 'await o' drives: a coroutine itself, a generator marked
// CO_ITERABLE_COROUTINE, or what o.__await__() returned (checked to be an
// iterator). NULL with TypeError otherwise.
KValue kcoro_get_awaitable_iter(KValue o);
// The opcodes' slow paths (eval.c): GET_AWAITABLE's check and messages
// ('where' is its oparg), BEFORE_ASYNC_WITH, GET_AITER, GET_ANEXT.
KValue kcoro_get_awaitable(KValue o, int where);
KValue kcoro_before_async_with(KValue mgr, KValue *exit_out);
KValue kcoro_get_aiter(KValue obj);
KValue kcoro_get_anext(KValue aiter);
// ASYNC_GEN_WRAP: a value yielded by an async generator's body, new reference.
KValue kasyncgen_wrap(KValue value);

#endif
