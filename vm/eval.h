// vm/eval.h: the interpreter loop and the calls into it.
#ifndef KRAIT_VM_EVAL_H
#define KRAIT_VM_EVAL_H

#include "frame.h"
#include "object.h"

// Runs 'f' (already pushed and linked as the thread's current frame)
// until it returns; with 'throwflag' it starts by unwinding the pending
// exception. Returns the frame's result (new reference) or KV_NULL.
KValue keval_frame(KThreadState *ts, KFrame *f, int throwflag);
// Runs module or class-body code 'code' with 'globals' and 'locals'.
KValue keval_code(KValue code, KValue globals, KValue locals);
// The vectorcall of Python functions.
KValue keval_call_function(KValue func, const KValue *args, size_t nargs, KValue kwnames);
// Calls 'func' with 'locals' as the frame's locals mapping (class bodies).
KValue keval_call_with_locals(KValue func, KValue locals);
// The globals / builtins / locals of the running Python frame (borrowed), or KV_NULL.
KValue keval_globals(void);
KValue keval_builtins(void);
KValue keval_locals(void);

#endif
