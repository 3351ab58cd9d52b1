// vm/state.h: the interpreter and thread state: the pending and handled
// exceptions, the frame chain, the data stack frames live on, the
// recursion counter, and the runtime's global objects (builtins, sys).
#ifndef KRAIT_VM_STATE_H
#define KRAIT_VM_STATE_H

#include "object.h"

typedef struct KFrame KFrame;

// One entry of the stack of exceptions being handled (sys.exception()):
// generators have their own, linked in while they run.
typedef struct KExcInfo {
    KValue exc; // owned, KV_NULL or None when nothing is handled
    struct KExcInfo *previous;
} KExcInfo;

// A chunk of the data stack that frames are pushed on.
typedef struct KStackChunk {
    struct KStackChunk *previous;
    size_t size; // bytes, including this header
    KValue *top; // first free slot when this is not the current chunk
    KValue data[];
} KStackChunk;

typedef struct KThreadState {
    KValue curexc;       // the exception being raised (owned), or KV_NULL
    KExcInfo *exc_info;  // innermost handled-exception entry
    KExcInfo exc_base;
    KFrame *frame;       // the innermost running Python frame, or NULL
    int depth;           // Python frames and C recursions in progress
    int recursion_limit;
    int recursion_headroom; // > 0 while a RecursionError is being built
    KStackChunk *chunk;
    KValue *stack_top, *stack_limit;
    KValue context;      // the current contextvars.Context (owned), KV_NULL until used
    KValue sentinel;     // _thread._set_sentinel()'s lock, released when the thread ends
} KThreadState;

// The running thread's state, and the main thread's (which runs signal
// handlers). With threads, kstate_ts changes hands with the GIL (vm/gil.h).
extern KThreadState *kstate_ts;
extern KThreadState *kstate_main;

// A state for a new thread (recursion limit of the current one), or NULL
// when out of memory.
KThreadState *kstate_new_thread(void);
// Drops what the current thread's state 'ts' holds (exceptions, context);
// may run Python code. Then kstate_free_thread frees it (no Python code).
void kstate_clear_thread(KThreadState *ts);
void kstate_free_thread(KThreadState *ts);

// Runtime-wide objects.
typedef struct KRuntime {
    KValue builtins;     // the builtins module's dict
    KValue builtins_mod;
    KValue sys;          // the sys module
    KValue sys_dict;
    KValue modules;      // sys.modules
    int initialized;
} KRuntime;
extern KRuntime kruntime;

// Builds the types, builtins and sys; -1 on failure (message on stderr).
int kstate_init(int argc, char **argv);
// Tears the runtime down (flushes sys.stdout).
void kstate_fini(void);

// Recursion accounting for C code that may recurse (repr of nested lists,
// calls back into Python): RecursionError " while 'where'" past the limit.
K_MUST_CHECK int kstate_enter(const char *where);
// Called when pushing a Python frame took 'depth' past the limit: raises
// RecursionError (0 when still within the headroom given to handle one).
int kstate_enter_check_py(KThreadState *ts);
static inline void kstate_leave(void) {
    kstate_ts->depth--;
}

#endif
