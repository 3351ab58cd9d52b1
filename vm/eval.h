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

#ifdef KV_FUZZ_BUDGET
// Fuzzing builds only (`make fuzz` defines KV_FUZZ_BUDGET): the steps a run
// may still take, set by the fuzz target before it runs a crafted module.
// A backward jump or a frame push takes one (keval_fuzz_step), as does
// entering an exception handler; once spent, the step raises RuntimeError
// and no handler catches anything, so no input can make the loop run for
// ever. Normal builds have no budget and no cost.
extern long keval_fuzz_budget;
// Takes one step: 0, or -1 with RuntimeError when the budget is spent.
int keval_fuzz_step(void);
#endif

#endif
