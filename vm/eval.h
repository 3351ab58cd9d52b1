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
// Every instruction (computed-goto dispatch), backward jump and frame push
// takes one, as does entering an exception handler; once spent, the step raises RuntimeError
// and no handler catches anything, so no input can make the loop run for
// ever. Ints are capped at 4096 digits (vm/int.c) so no single instruction
// runs long. Normal builds have no budget and no cost.
extern long keval_fuzz_budget;
// Takes one step: 0, or -1 with RuntimeError when the budget is spent.
int keval_fuzz_step(void);
#endif

// Pushes a frame (not linked into the thread's chain) for calling Python
// function 'func' with 'args' ('nargs' positional then one per name in
// 'kwnames'), all borrowed. NULL with an exception (argument errors too).
KFrame *keval_push_frame(KThreadState *ts, KValue func, const KValue *args, size_t nargs,
                         KValue kwnames);

// Frames the loop runs in place of a C protocol (eval_inline.c). Each
// returns the pushed frame, not linked, with its ret_kind set; or NULL with
// '*failed' 0 when the generic path must run (nothing changed) or 1 with
// an exception. The instruction's cache 'c' (NULL: none) remembers the
// method found for a type under its version.

// BINARY_OP 'op' (KF_BINOP_*) when class instance 'lhs' (borrowed) starts
// the protocol with its own Python __op__ and 'rhs' (borrowed) has no
// reflected method to try first; the frame gets (lhs, rhs).
KFrame *keval_binop_frame(KThreadState *ts, KValue lhs, KValue rhs, int op, KInlineCache *c,
                          int *failed);
// CALL on a class (stack from 'base': [NULL, cls, 'total' arguments], the
// last ones named by 'kwnames') whose instances object.__new__ makes and a
// Python __init__ initialises: the instance replaces base[0], the caller's
// stack then ends at base + 1, and the __init__ frame owns the arguments.
// On failure everything from 'base' is released (the stack ends at 'base').
KFrame *keval_init_frame(KThreadState *ts, KValue *base, size_t total, KValue kwnames,
                         KInlineCache *c, int *failed);

// The offset of the __slots__ member that 'descr' (found in the MRO of 't')
// describes, when LOAD_ATTR (or STORE_ATTR with 'store') may read (write)
// it directly for instances of 't'; -1 otherwise.
ssize_t keval_slot_offset(KType *t, KValue descr, int store);

#endif
