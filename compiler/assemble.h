// compiler/assemble.h: the assembler's private types and helpers, shared by
// assemble.c (blocks, the prefix, peephole and control-flow clean-up) and
// assemble_layout.c (positions, stack depth, exception handlers, the code
// object's layout).
#ifndef KRAIT_COMPILER_ASSEMBLE_H
#define KRAIT_COMPILER_ASSEMBLE_H

#include "codegen.h"

#include <limits.h>

typedef struct Block {
    KcgInstr *instr;
    int count, cap; // cap 0: 'instr' points into the unit's buffer
    struct Block *next; // layout order
    int index;
    int rank; // creation order in python3.11's compiler (see KcgInstr.time)
    int startdepth;
    int predecessors;
    int offset;
    int visited;
    int preserve_lasti;
    int nonop; // clean_block found no NOP in it (reset by what adds one)
    int lined; // propagate_line_numbers: 1 once filled, 2 when its first
               // instruction got a line after that (a backward jump's)
    struct Block **exstack; // handlers at entry (label_exception_targets)
    int exdepth;
} Block;

typedef struct Asm {
    KCg *c;
    KcgUnit *u;
    Block **blocks; // by index
    int nblocks, cap;
    Block *entry;
    int nprefix; // prefix instructions at the start of the entry block
    int handlers; // 1 when the buffer has SETUP_* or POP_BLOCK
    int stale_preds; // optimize_cfg changed edges since mark_reachable
} Asm;

// ---------------------------------------------------------------------------
// Opcode classes

// The classes as one table lookup: the passes ask them of every
// instruction several times (as switches they were 8% of kraitc's
// instructions).
enum {
    OP_JUMP = 1,   // has a target: jumps and SETUP_*
    OP_UNCOND = 2, // unconditional jump
    OP_EXIT = 4,   // leaves the scope
    OP_PUSH = 8,   // SETUP_*: pushes a handler
    OP_HANDLER = 16, // SETUP_* or POP_BLOCK
    OP_DEREF = 32, // argument is a cell or free index
    OP_CONST = 64, // argument is a constant index
    OP_PEEP = 128, // optimize_block looks at it: NOP, jumps and a few more
};

_Static_assert(KCG_OP_END <= 256, "opcodes index a 256-entry table");

static const unsigned char op_class[256] = {
    [KF_OP_JUMP_FORWARD] = OP_JUMP | OP_UNCOND | OP_PEEP,
    [KF_OP_JUMP_BACKWARD] = OP_JUMP | OP_UNCOND | OP_PEEP,
    [KF_OP_JUMP_BACKWARD_NO_INTERRUPT] = OP_JUMP | OP_UNCOND | OP_PEEP,
    [KCG_JUMP] = OP_JUMP | OP_UNCOND | OP_PEEP,
    [KCG_JUMP_NO_INTERRUPT] = OP_JUMP | OP_UNCOND | OP_PEEP,
    [KF_OP_POP_JUMP_IF_FALSE] = OP_JUMP | OP_PEEP,
    [KF_OP_POP_JUMP_IF_TRUE] = OP_JUMP | OP_PEEP,
    [KF_OP_POP_JUMP_IF_NONE] = OP_JUMP | OP_PEEP,
    [KF_OP_POP_JUMP_IF_NOT_NONE] = OP_JUMP | OP_PEEP,
    [KF_OP_JUMP_IF_FALSE_OR_POP] = OP_JUMP | OP_PEEP,
    [KF_OP_JUMP_IF_TRUE_OR_POP] = OP_JUMP | OP_PEEP,
    [KF_OP_FOR_ITER] = OP_JUMP | OP_PEEP,
    [KF_OP_SEND] = OP_JUMP | OP_PEEP,
    [KCG_SETUP_FINALLY] = OP_JUMP | OP_PUSH | OP_HANDLER,
    [KCG_SETUP_CLEANUP] = OP_JUMP | OP_PUSH | OP_HANDLER,
    [KCG_SETUP_WITH] = OP_JUMP | OP_PUSH | OP_HANDLER,
    [KCG_POP_BLOCK] = OP_HANDLER,
    [KF_OP_LOAD_DEREF] = OP_DEREF,
    [KF_OP_STORE_DEREF] = OP_DEREF,
    [KF_OP_DELETE_DEREF] = OP_DEREF,
    [KF_OP_LOAD_CLASSDEREF] = OP_DEREF,
    [KF_OP_LOAD_CLOSURE] = OP_DEREF,
    [KF_OP_MAKE_CELL] = OP_DEREF,
    [KF_OP_LOAD_CONST] = OP_CONST | OP_PEEP,
    [KF_OP_KW_NAMES] = OP_CONST,
    [KF_OP_RETURN_VALUE] = OP_EXIT,
    [KF_OP_RAISE_VARARGS] = OP_EXIT,
    [KF_OP_RERAISE] = OP_EXIT,
    [KF_OP_NOP] = OP_PEEP,
    [KF_OP_BUILD_TUPLE] = OP_PEEP,
    [KF_OP_SWAP] = OP_PEEP,
    [KF_OP_PUSH_NULL] = OP_PEEP,
};

static inline int op_is(int op, int cls) {
    return op_class[op & 255] & cls;
}

static inline int is_block_push(int op) {
    return op_is(op, OP_PUSH);
}

static inline int is_jump(int op) {
    return op_is(op, OP_JUMP);
}

static inline int is_uncond_jump(int op) {
    return op_is(op, OP_UNCOND);
}

static inline int is_scope_exit(int op) {
    return op_is(op, OP_EXIT);
}

static inline const KcgInstr *last_instr(const Block *b) {
    return b->count ? &b->instr[b->count - 1] : NULL;
}

static inline int no_fallthrough(const Block *b) {
    const KcgInstr *last = last_instr(b);
    return last && op_is(last->op, OP_UNCOND | OP_EXIT);
}

static inline int is_exit_block(const Block *b) {
    const KcgInstr *last = last_instr(b);
    return last && is_scope_exit(last->op);
}

static inline Block *target_of(const Asm *a, const KcgInstr *in) {
    return a->blocks[in->target];
}

// ---- assemble.c
// Removes NOPs that carry no line of their own (clean_basic_block) from a
// block that may hold one.
void kasm_clean_nops(Block *b);
// The same for any block: the passes call it on every block, and most are
// known to hold no NOP.
static inline void kasm_clean_block(Block *b) {
    if (!b->nonop) {
        kasm_clean_nops(b);
    }
}

// ---- assemble_layout.c, in the order kasm_assemble runs them
// Gives instructions without a line the one before them in their block,
// and the first of a block with one predecessor its predecessor's last.
void kasm_propagate_lines(Asm *a);
// Gives exits still without a line the last line seen before them.
void kasm_guarantee_exit_lines(Asm *a);
// The largest stack depth, every block's start depth set; -1 on error.
int kasm_stack_depth(Asm *a);
// Gives every instruction its handler and turns SETUP_*/POP_BLOCK into NOPs.
int kasm_label_handlers(Asm *a);
// The instruction words, positions, exception table and names of 'code'.
int kasm_emit(Asm *a, KfCode *code);

#endif
