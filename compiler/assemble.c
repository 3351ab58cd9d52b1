// compiler/assemble.c: from a unit's instruction buffer to a KfCode, as
// CPython 3.11's assemble(): cut the buffer into basic blocks at labels
// and after jumps; add the prefix (COPY_FREE_VARS, MAKE_CELL,
// RETURN_GENERATOR); peephole and CFG clean-up (constant conditions,
// constant tuples, None tests, jump threading, unreachable and empty
// blocks, small exit blocks inlined, redundant jumps and NOPs); positions
// propagated to artificial instructions; stack depth by a walk of the
// graph (checking every block is reached with one depth); exception
// handlers from the SETUP_*/POP_BLOCK pseudo instructions; and finally
// the layout with absolute jump targets and the exception table. Every
// pass is linear in the number of instructions.
#include "codegen.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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

#define TRY(x)                                                                                 \
    do {                                                                                       \
        if ((x) < 0) {                                                                         \
            return -1;                                                                         \
        }                                                                                      \
    } while (0)

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

static int is_exit_block(const Block *b) {
    const KcgInstr *last = last_instr(b);
    return last && is_scope_exit(last->op);
}

// Net stack effect of 'op' with 'arg', falling through ('jump' 0) or jumping.
static inline __attribute__((always_inline)) int stack_effect(int op, int arg, int jump) {
    switch (op) {
#define KF_EFFECT_CASE(name, kind, in, pop, effect, jump_effect)                                 \
    case KF_OP_##name:                                                                           \
        return jump ? (jump_effect) : (effect);
        KF_OPCODES(KF_EFFECT_CASE)
#undef KF_EFFECT_CASE
    case KCG_SETUP_FINALLY:
    case KCG_SETUP_WITH:
        return jump ? 1 : 0;
    case KCG_SETUP_CLEANUP:
        return jump ? 2 : 0;
    default:
        return 0;
    }
}

// The effects that do not depend on the argument, as a table (the switch
// above was 1% of kraitc's instructions): an effect written in terms of
// 'arg' is no constant, which __builtin_constant_p tells apart in a static
// initializer (GCC's documented idiom, clang's too); VARIES marks those.
static volatile int effect_arg_probe;
enum { VARIES = 127 };
#define arg effect_arg_probe
#define FIXED(e) (__builtin_constant_p(e) ? (e) : VARIES)
#define KF_EFFECT_FIXED(name, kind, in, pop, effect, jump_effect)                                \
    [KF_OP_##name] = {FIXED(effect), FIXED(jump_effect)},
static const signed char fixed_effect[256][2] = {
    KF_OPCODES(KF_EFFECT_FIXED)
    [KCG_SETUP_FINALLY] = {0, 1},
    [KCG_SETUP_CLEANUP] = {0, 2},
    [KCG_SETUP_WITH] = {0, 1},
};
#undef KF_EFFECT_FIXED
#undef FIXED
#undef arg

static inline int effect_of(int op, int arg, int jump) {
    int e = fixed_effect[op & 255][jump];
    return e != VARIES ? e : stack_effect(op, arg, jump);
}

// ---------------------------------------------------------------------------
// Blocks

static Block *new_block(Asm *a) {
    KCg *c = a->c;
    if (a->nblocks == a->cap) {
        int ncap = a->cap ? a->cap * 2 : 16;
        Block **n = karena_alloc(c->arena, sizeof(Block *) * (size_t)ncap);
        if (!n) {
            kcg_nomem(c);
            return NULL;
        }
        if (a->nblocks) {
            memcpy(n, a->blocks, sizeof(Block *) * (size_t)a->nblocks);
        }
        a->blocks = n;
        a->cap = ncap;
    }
    Block *b = karena_calloc(c->arena, sizeof(Block));
    if (!b) {
        kcg_nomem(c);
        return NULL;
    }
    b->index = a->nblocks;
    b->startdepth = INT_MIN;
    a->blocks[a->nblocks++] = b;
    return b;
}

// Makes room for one more instruction in 'b' (copying a borrowed range).
static int reserve(Asm *a, Block *b, int extra) {
    if (b->count + extra <= b->cap) {
        return 0;
    }
    int ncap = (b->count + extra) * 2;
    KcgInstr *n = karena_alloc(a->c->arena, sizeof(KcgInstr) * (size_t)ncap);
    if (!n) {
        return kcg_nomem(a->c);
    }
    if (b->count) {
        memcpy(n, b->instr, sizeof(KcgInstr) * (size_t)b->count);
    }
    b->instr = n;
    b->cap = ncap;
    return 0;
}

static int insert_instr(Asm *a, Block *b, int pos, const KcgInstr *in) {
    TRY(reserve(a, b, 1));
    memmove(&b->instr[pos + 1], &b->instr[pos], sizeof(KcgInstr) * (size_t)(b->count - pos));
    b->instr[pos] = *in;
    b->count++;
    return 0;
}

// Cuts the buffer into blocks: one starts at each placed label and after
// each jump or exit (so a jump is always the last instruction of its
// block, which later passes rely on). Jump targets become block indices.
// One walk over the instructions, merged with the placements (in
// instruction order); the unit's clock bounds the number of blocks.
static int build_blocks(Asm *a) {
    KcgUnit *u = a->u;
    KArena *arena = a->c->arena;
    int n = u->ninstrs, maxblocks = u->clock + 1;
    Block *pool = karena_alloc(arena, sizeof(Block) * (size_t)maxblocks);
    int *label_block = karena_alloc(arena, sizeof(int) * (size_t)(u->nlabels + 1));
    a->cap = maxblocks + 8;
    a->blocks = karena_alloc(arena, sizeof(Block *) * (size_t)a->cap);
    if (!pool || !label_block || !a->blocks) {
        return kcg_nomem(a->c);
    }
    const KcgPlace *pl = u->placed, *plend = pl + u->nplaced;
    KcgInstr *instrs = u->instrs;
    Block *prev = NULL;
    int any = 0;
    for (int i = 0;;) {
        // A block starts at 'i'.
        if (a->nblocks == maxblocks) {
            return kcg_error(a->c, "internal error: more blocks than the clock counts");
        }
        Block *b = &pool[a->nblocks];
        // A block's age: that of the last label placed at its start (else,
        // below, that of the implicit block python3.11 opens after a jump).
        int rank = INT_MIN;
        for (; pl < plend && pl->pos == i; pl++) {
            if (u->labels[pl->label] == i) {
                label_block[pl->label] = a->nblocks;
                if (rank < u->label_time[pl->label]) {
                    rank = u->label_time[pl->label];
                }
            }
        }
        // Stale placements (the label was placed again later) are skipped.
        while (pl < plend && u->labels[pl->label] != pl->pos) {
            pl++;
        }
        int next = pl < plend ? pl->pos : INT_MAX;
        *b = (Block){.instr = &instrs[i], .index = a->nblocks, .rank = rank,
                     .startdepth = INT_MIN};
        a->blocks[a->nblocks++] = b;
        if (prev) {
            prev->next = b;
        } else {
            a->entry = b;
        }
        prev = b;
        // It runs to the next label, or to a jump or exit included.
        int j = i, split = 0, stop = next < n ? next : n;
        while (j < stop) {
            int cls = op_is(instrs[j++].op, OP_JUMP | OP_EXIT | OP_HANDLER);
            any |= cls;
            if (cls & (OP_JUMP | OP_EXIT)) {
                split = 1;
                break;
            }
        }
        b->count = j - i;
        if (j == n && !split && next != n) {
            break;
        }
        i = j;
    }
    a->handlers = (any & OP_HANDLER) != 0;
    for (int i = 0; i < a->nblocks; i++) {
        Block *b = a->blocks[i];
        if (b->rank == INT_MIN) {
            b->rank = b->count && b->instr[0].time >= 0 ? b->instr[0].time : -1;
        }
        KcgInstr *last = b->count ? &b->instr[b->count - 1] : NULL;
        if (last && is_jump(last->op)) {
            if (last->target < 0 || last->target >= u->nlabels || u->labels[last->target] < 0) {
                return kcg_error(a->c, "internal error: jump to an unplaced label");
            }
            last->target = label_block[last->target];
        }
    }
    return 0;
}

static Block *target_of(const Asm *a, const KcgInstr *in) {
    return a->blocks[in->target];
}

// ---------------------------------------------------------------------------
// Prefix: COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR

static int insert_prefix(Asm *a, int flags) {
    KcgUnit *u = a->u;
    KfPosition none = {-1, -1, -1, -1};
    int pos = 0;
    Block *entry = a->entry;
    if (u->freevars.count) {
        KcgInstr in = {KF_OP_COPY_FREE_VARS, u->freevars.count, -1, none, -1, -1};
        TRY(insert_instr(a, entry, pos++, &in));
    }
    // Cells that are arguments come first (in argument order), as their
    // slots do; the others follow in name order.
    for (int i = 0; i < u->varnames.count; i++) {
        int cell = kmap_get(&u->cellvars, u->varnames.keys[i], -1);
        if (cell >= 0) {
            KcgInstr in = {KF_OP_MAKE_CELL, cell, -1, none, -1, -1};
            TRY(insert_instr(a, entry, pos++, &in));
        }
    }
    for (int i = 0; i < u->cellvars.count; i++) {
        if (kmap_find(&u->varnames, u->cellvars.keys[i]) < 0) {
            KcgInstr in = {KF_OP_MAKE_CELL, i, -1, none, -1, -1};
            TRY(insert_instr(a, entry, pos++, &in));
        }
    }
    if (flags & (KF_CO_GENERATOR | KF_CO_COROUTINE | KF_CO_ASYNC_GENERATOR)) {
        KfPosition first = {u->firstlineno, u->firstlineno, -1, -1};
        KcgInstr gen = {KF_OP_RETURN_GENERATOR, 0, -1, first, -1, -1};
        KcgInstr pop = {KF_OP_POP_TOP, 0, -1, none, -1, -1};
        TRY(insert_instr(a, entry, pos++, &gen));
        TRY(insert_instr(a, entry, pos++, &pop));
    }
    a->nprefix = pos;
    return 0;
}

// ---------------------------------------------------------------------------
// Peephole optimisation of one block

static int const_is_true(const KfConst *k) {
    switch (k->kind) {
    case KF_CONST_NONE:
    case KF_CONST_FALSE:
        return 0;
    case KF_CONST_INT:
        return k->i != 0;
    case KF_CONST_FLOAT:
        return k->f != 0.0;
    case KF_CONST_COMPLEX:
        return k->f != 0.0 || k->imag != 0.0;
    case KF_CONST_STR:
    case KF_CONST_BYTES:
        return k->len != 0;
    case KF_CONST_TUPLE:
    case KF_CONST_FROZENSET:
        return k->count != 0;
    default:
        return 1;
    }
}

// Replaces the jump-free 'inst' target with the target's own target when
// the target block starts with a jump on the same line (jump_thread).
static int jump_thread(Asm *a, KcgInstr *inst, const KcgInstr *target, int op) {
    (void)a;
    if (inst->pos.lineno == target->pos.lineno && inst->target != target->target) {
        inst->target = target->target;
        inst->op = op;
        return 1;
    }
    return 0;
}

// LOAD_CONST*n BUILD_TUPLE n -> LOAD_CONST tuple.
static int fold_tuple_on_constants(Asm *a, Block *b, int i) {
    KcgInstr *build = &b->instr[i];
    int n = build->arg;
    if (i < n) {
        return 0;
    }
    for (int j = i - n; j < i; j++) {
        if (b->instr[j].op != KF_OP_LOAD_CONST) {
            return 0;
        }
    }
    KfConst *items = karena_alloc(a->c->arena, sizeof(KfConst) * (size_t)(n ? n : 1));
    if (!items) {
        return kcg_nomem(a->c);
    }
    for (int j = 0; j < n; j++) {
        items[j] = a->u->consts[b->instr[i - n + j].arg];
        b->instr[i - n + j].op = KF_OP_NOP;
    }
    KfConst tuple = {.kind = KF_CONST_TUPLE, .items = items, .count = n};
    KcgUnit *saved = a->c->u;
    a->c->u = a->u;
    int index = kcg_const_index(a->c, &tuple);
    a->c->u = saved;
    TRY(index);
    build->op = KF_OP_LOAD_CONST;
    build->arg = index;
    return 0;
}

static int optimize_load_const(Asm *a, Block *b, int i) {
    KcgInstr *inst = &b->instr[i];
    if (i + 1 >= b->count) {
        return 0;
    }
    KcgInstr *next = &b->instr[i + 1];
    const KfConst *k = &a->u->consts[inst->arg];
    switch (next->op) {
    case KF_OP_POP_JUMP_IF_FALSE:
    case KF_OP_POP_JUMP_IF_TRUE: {
        int jump_if_true = next->op == KF_OP_POP_JUMP_IF_TRUE;
        inst->op = KF_OP_NOP;
        next->op = const_is_true(k) == jump_if_true ? KCG_JUMP : KF_OP_NOP;
        return 0;
    }
    case KF_OP_JUMP_IF_FALSE_OR_POP:
    case KF_OP_JUMP_IF_TRUE_OR_POP: {
        int jump_if_true = next->op == KF_OP_JUMP_IF_TRUE_OR_POP;
        if (const_is_true(k) == jump_if_true) {
            next->op = KCG_JUMP;
        } else {
            inst->op = KF_OP_NOP;
            next->op = KF_OP_NOP;
        }
        return 0;
    }
    case KF_OP_IS_OP: {
        if (k->kind != KF_CONST_NONE || i + 2 >= b->count) {
            return 0;
        }
        KcgInstr *jump = &b->instr[i + 2];
        int invert = next->arg;
        if (jump->op == KF_OP_POP_JUMP_IF_FALSE) {
            invert = !invert;
        } else if (jump->op != KF_OP_POP_JUMP_IF_TRUE) {
            return 0;
        }
        inst->op = KF_OP_NOP;
        next->op = KF_OP_NOP;
        jump->op = invert ? KF_OP_POP_JUMP_IF_NOT_NONE : KF_OP_POP_JUMP_IF_NONE;
        jump->pos = next->pos; // the test's position, as python3.11 shows it
        return 0;
    }
    default:
        return 0;
    }
}

static int optimize_jump(Asm *a, KcgInstr *inst, int *again) {
    Block *tb = target_of(a, inst);
    if (tb->count == 0) {
        return 0;
    }
    const KcgInstr *target = &tb->instr[0];
    int t = target->op;
    switch (inst->op) {
    case KF_OP_JUMP_IF_FALSE_OR_POP:
    case KF_OP_JUMP_IF_TRUE_OR_POP: {
        int same = inst->op == KF_OP_JUMP_IF_FALSE_OR_POP ? KF_OP_POP_JUMP_IF_FALSE
                                                          : KF_OP_POP_JUMP_IF_TRUE;
        int other_pop = inst->op == KF_OP_JUMP_IF_FALSE_OR_POP ? KF_OP_POP_JUMP_IF_TRUE
                                                               : KF_OP_POP_JUMP_IF_FALSE;
        int other_keep = inst->op == KF_OP_JUMP_IF_FALSE_OR_POP ? KF_OP_JUMP_IF_TRUE_OR_POP
                                                                : KF_OP_JUMP_IF_FALSE_OR_POP;
        if (t == same) {
            *again = jump_thread(a, inst, target, same);
        } else if (t == KCG_JUMP || t == inst->op) {
            *again = jump_thread(a, inst, target, inst->op);
        } else if ((t == other_keep || t == other_pop) && inst->pos.lineno == target->pos.lineno &&
                   tb->next) {
            inst->op = same;
            inst->target = tb->next->index;
            *again = 1;
        }
        return 0;
    }
    case KF_OP_POP_JUMP_IF_FALSE:
    case KF_OP_POP_JUMP_IF_TRUE:
    case KF_OP_POP_JUMP_IF_NONE:
    case KF_OP_POP_JUMP_IF_NOT_NONE:
    case KCG_JUMP:
        if (t == KCG_JUMP) {
            *again = jump_thread(a, inst, target, inst->op);
        }
        return 0;
    default:
        return 0;
    }
}

// A run of SWAPs (and NOPs) starting at 'i' rewritten as the fewest SWAPs
// with the same effect (each cycle of the permutation through the top);
// '*i' moves to the run's last instruction.
static int swaptimize(Asm *a, Block *b, int *i) {
    KcgInstr *run = &b->instr[*i];
    int depth = run[0].arg, len = 1, more = 0, limit = b->count - *i;
    for (; len < limit; len++) {
        if (run[len].op == KF_OP_SWAP) {
            depth = run[len].arg > depth ? run[len].arg : depth;
            more = 1;
        } else if (run[len].op != KF_OP_NOP) {
            break;
        }
    }
    if (!more) {
        return 0;
    }
    int *stack = karena_alloc(a->c->arena, sizeof(int) * (size_t)depth);
    if (!stack) {
        return kcg_nomem(a->c);
    }
    for (int k = 0; k < depth; k++) {
        stack[k] = k;
    }
    for (int k = 0; k < len; k++) {
        if (run[k].op == KF_OP_SWAP) {
            int top = stack[0];
            stack[0] = stack[run[k].arg - 1];
            stack[run[k].arg - 1] = top;
        }
    }
    enum { VISITED = -1 };
    int current = len - 1;
    for (int k = 0; k < depth; k++) {
        if (stack[k] == VISITED || stack[k] == k) {
            continue;
        }
        for (int j = k;;) {
            if (j) {
                run[current].op = KF_OP_SWAP;
                run[current--].arg = j + 1;
            }
            if (stack[j] == VISITED) {
                break;
            }
            int next = stack[j];
            stack[j] = VISITED;
            j = next;
        }
    }
    while (current >= 0) {
        run[current--].op = KF_OP_NOP;
    }
    *i += len - 1;
    return 0;
}

static int is_swappable(const KcgInstr *in) {
    return in->op == KF_OP_STORE_FAST || in->op == KF_OP_POP_TOP;
}

// Index of the next STORE_FAST/POP_TOP after 'i' (NOPs skipped, on line
// 'lineno' when >= 0), or -1.
static int next_swappable(const Block *b, int i, int lineno) {
    while (++i < b->count) {
        const KcgInstr *in = &b->instr[i];
        if (lineno >= 0 && in->pos.lineno != lineno) {
            return -1;
        }
        if (in->op == KF_OP_NOP) {
            continue;
        }
        return is_swappable(in) ? i : -1;
    }
    return -1;
}

// SWAP n; STORE_FAST a; ...; STORE_FAST b -> the stores exchanged and the
// SWAP dropped (apply_static_swaps), working leftwards from 'i'.
static void apply_static_swaps(Block *b, int i) {
    for (; i >= 0; i--) {
        KcgInstr *swap = &b->instr[i];
        if (swap->op != KF_OP_SWAP) {
            if (swap->op == KF_OP_NOP || is_swappable(swap)) {
                continue;
            }
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0) {
            return;
        }
        int k = j, lineno = b->instr[j].pos.lineno;
        for (int count = swap->arg - 1; count > 0; count--) {
            k = next_swappable(b, k, lineno);
            if (k < 0) {
                return;
            }
        }
        // Two stores to one variable must keep their order.
        if (b->instr[j].op == KF_OP_STORE_FAST && b->instr[k].op == KF_OP_STORE_FAST &&
            b->instr[j].arg == b->instr[k].arg) {
            return;
        }
        swap->op = KF_OP_NOP;
        KcgInstr t = b->instr[j];
        b->instr[j] = b->instr[k];
        b->instr[k] = t;
    }
}

// Also notes whether the block is left without NOP (b->nonop), which
// spares clean_block its scan: a NOP made at or after the instruction being
// looked at is seen when the walk reaches it, one made before it (tuple
// folding, SWAP runs) is noted where it is made.
static int optimize_block(Asm *a, Block *b) {
    int nop = 0, count = b->count; // the rewrites keep the count
    KcgInstr *instr = b->instr;
    for (int i = 0; i < count; i++) {
        // Most instructions are none of its business: skipped in a tight loop.
        while (!op_is(instr[i].op, OP_PEEP)) {
            if (++i == count) {
                b->nonop = !nop;
                return 0;
            }
        }
        KcgInstr *inst = &instr[i];
        int next_op = i + 1 < b->count ? b->instr[i + 1].op : -1;
        switch (inst->op) {
        case KF_OP_LOAD_CONST:
            TRY(optimize_load_const(a, b, i));
            break;
        case KF_OP_BUILD_TUPLE:
            if (next_op == KF_OP_UNPACK_SEQUENCE && inst->arg == b->instr[i + 1].arg) {
                if (inst->arg == 1) {
                    inst->op = KF_OP_NOP;
                    b->instr[i + 1].op = KF_OP_NOP;
                    break;
                }
                if (inst->arg == 2 || inst->arg == 3) {
                    inst->op = KF_OP_NOP;
                    b->instr[i + 1].op = KF_OP_SWAP;
                    break;
                }
            }
            TRY(fold_tuple_on_constants(a, b, i));
            nop |= inst->op == KF_OP_LOAD_CONST; // its items became NOPs
            break;
        case KF_OP_SWAP:
            if (inst->arg == 1) {
                inst->op = KF_OP_NOP;
                break;
            }
            nop = 1;
            TRY(swaptimize(a, b, &i));
            apply_static_swaps(b, i);
            break;
        case KF_OP_PUSH_NULL:
            if (next_op == KF_OP_LOAD_GLOBAL && (b->instr[i + 1].arg & 1) == 0) {
                inst->op = KF_OP_NOP;
                b->instr[i + 1].arg |= 1;
            }
            break;
        default:
            if (is_jump(inst->op) && !is_block_push(inst->op)) {
                // Re-examine a threaded jump, with a bound against cycles.
                for (int n = 0; n < 100; n++) {
                    int again = 0;
                    TRY(optimize_jump(a, inst, &again));
                    if (!again) {
                        break;
                    }
                }
            }
            break;
        }
        nop |= inst->op == KF_OP_NOP;
    }
    b->nonop = !nop;
    return 0;
}

// Removes NOPs that carry no line of their own (clean_basic_block).
static void clean_block(Block *b) {
    // The pass runs 5 times a unit: a block known to hold no NOP is skipped.
    if (b->nonop) {
        return;
    }
    // Up to the first NOP every instruction stays where it is: found by a
    // bare scan, as most blocks have none.
    int first = 0;
    while (first < b->count && b->instr[first].op != KF_OP_NOP) {
        first++;
    }
    if (first == b->count) {
        b->nonop = 1;
        return;
    }
    int dest = first, prev_lineno = first > 0 ? b->instr[first - 1].pos.lineno : -1;
    for (int src = first; src < b->count; src++) {
        KcgInstr *in = &b->instr[src];
        int lineno = in->pos.lineno;
        if (in->op == KF_OP_NOP) {
            if (lineno < 0 || prev_lineno == lineno) {
                continue;
            }
            if (src < b->count - 1) {
                int next_lineno = b->instr[src + 1].pos.lineno;
                if (next_lineno < 0 || next_lineno == lineno) {
                    b->instr[src + 1].pos = in->pos;
                    continue;
                }
            } else {
                Block *next = b->next;
                while (next && next->count == 0) {
                    next = next->next;
                }
                if (next && lineno == next->instr[0].pos.lineno) {
                    continue;
                }
            }
        }
        if (dest != src) {
            b->instr[dest] = *in;
        }
        dest++;
        prev_lineno = lineno;
    }
    b->count = dest;
}

// ---------------------------------------------------------------------------
// Control-flow graph passes

static int is_exit_without_lineno(const Block *b) {
    if (!is_exit_block(b)) {
        return 0;
    }
    for (int i = 0; i < b->count; i++) {
        if (b->instr[i].pos.lineno >= 0) {
            return 0;
        }
    }
    return 1;
}

static int newer_first(const void *x, const void *y);

// The blocks newest first, as python3.11 walks its block list (the order
// decides where copies of exit blocks land): by rank, then index, both
// descending. Ranks are clock readings, so a counting sort does it.
static Block **blocks_newest_first(Asm *a) {
    int n = a->nblocks;
    Block **order = karena_alloc(a->c->arena, sizeof(Block *) * (size_t)(n + 1));
    if (!order) {
        kcg_nomem(a->c);
        return NULL;
    }
    int lo = INT_MAX, hi = INT_MIN;
    for (int i = 0; i < n; i++) {
        int r = a->blocks[i]->rank;
        lo = r < lo ? r : lo;
        hi = r > hi ? r : hi;
    }
    if (n == 0 || (int64_t)hi - lo > 4 * (int64_t)n + 64) {
        memcpy(order, a->blocks, sizeof(Block *) * (size_t)n);
        qsort(order, (size_t)n, sizeof(Block *), newer_first);
        return order;
    }
    int span = hi - lo + 1;
    int *at = karena_calloc(a->c->arena, sizeof(int) * (size_t)(span + 1));
    if (!at) {
        kcg_nomem(a->c);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        at[hi - a->blocks[i]->rank + 1]++;
    }
    for (int k = 1; k <= span; k++) {
        at[k] += at[k - 1];
    }
    for (int i = n - 1; i >= 0; i--) {
        order[at[hi - a->blocks[i]->rank]++] = a->blocks[i];
    }
    return order;
}

static int newer_first(const void *x, const void *y) {
    const Block *a = *(const Block *const *)x, *b = *(const Block *const *)y;
    return a->rank != b->rank ? (a->rank < b->rank) - (a->rank > b->rank)
                              : (a->index < b->index) - (a->index > b->index);
}

// A jump to a small exit block without line number is replaced by a copy
// of it (extend_block).
enum { MAX_COPY_SIZE = 4 };

// 1 when 'b' ends with a jump ('uncond': an unconditional one) to an exit
// block without line number holding at most 'max_count' instructions and
// reached from more than 'min_preds' places.
static inline __attribute__((always_inline)) int
jumps_to_bare_exit(const Asm *a, const Block *b, int uncond, int max_count, int min_preds) {
    const KcgInstr *last = last_instr(b);
    if (!last || !(uncond ? is_uncond_jump(last->op) : is_jump(last->op))) {
        return 0;
    }
    const Block *t = target_of(a, last);
    return t->count <= max_count && t->predecessors > min_preds && is_exit_without_lineno(t);
}

// 1 when some block passes jumps_to_bare_exit: without one, a pass that
// visits the blocks newest first changes nothing, and its sort (2.4% of
// kraitc's instructions over the standard library) is not needed.
static int any_jump_to_bare_exit(const Asm *a, int uncond, int max_count, int min_preds) {
    for (int i = 0; i < a->nblocks; i++) {
        if (jumps_to_bare_exit(a, a->blocks[i], uncond, max_count, min_preds)) {
            return 1;
        }
    }
    return 0;
}

static int extend_block(Asm *a, Block *b) {
    if (!jumps_to_bare_exit(a, b, 1, MAX_COPY_SIZE, INT_MIN)) {
        return 0;
    }
    KcgInstr *last = &b->instr[b->count - 1];
    Block *t = target_of(a, last);
    // A jump with a line becomes a NOP carrying it; one without goes.
    b->nonop = 0;
    if (last->pos.lineno >= 0) {
        last->op = KF_OP_NOP;
    } else {
        b->count--;
    }
    TRY(reserve(a, b, t->count));
    memcpy(&b->instr[b->count], t->instr, sizeof(KcgInstr) * (size_t)t->count);
    b->count += t->count;
    return 0;
}

// Counts predecessors of every block reachable from the entry.
static int mark_reachable(Asm *a) {
    Block **stack = karena_alloc(a->c->arena, sizeof(Block *) * (size_t)(a->nblocks + 1));
    if (!stack) {
        return kcg_nomem(a->c);
    }
    for (int i = 0; i < a->nblocks; i++) {
        a->blocks[i]->predecessors = 0;
        a->blocks[i]->visited = 0;
    }
    int sp = 0;
    stack[sp++] = a->entry;
    a->entry->predecessors = 1;
    a->entry->visited = 1;
    while (sp > 0) {
        Block *b = stack[--sp];
        if (b->next && !no_fallthrough(b)) {
            if (!b->next->visited) {
                b->next->visited = 1;
                stack[sp++] = b->next;
            }
            b->next->predecessors++;
        }
        // Blocks end at jumps: only the last instruction can be one.
        const KcgInstr *last = last_instr(b);
        if (last && is_jump(last->op)) {
            Block *t = target_of(a, last);
            if (!t->visited) {
                t->visited = 1;
                stack[sp++] = t;
            }
            t->predecessors++;
        }
    }
    return 0;
}

// Unlinks the empty blocks and retargets jumps past them. A jump only
// ever targets a linked block (an unlinked one's jumps were retargeted
// when it went), so without an empty linked block there is nothing to do.
// Returns 1 when a block skipped had predecessors (so the counts of
// mark_reachable no longer hold), else 0.
static int eliminate_empty_blocks(Asm *a) {
    int any = a->entry->count == 0, moved = any;
    for (Block *b = a->entry; b; b = b->next) {
        Block *next = b->next;
        if (next && next->count == 0 && next->next) {
            while (next->count == 0 && next->next) {
                moved |= next->predecessors > 0;
                next = next->next;
            }
            b->next = next;
            any = 1;
        }
    }
    if (!any) {
        return 0;
    }
    for (Block *b = a->entry; b; b = b->next) {
        KcgInstr *in = b->count ? &b->instr[b->count - 1] : NULL;
        if (in && is_jump(in->op)) {
            Block *t = target_of(a, in);
            while (t->count == 0 && t->next) {
                moved |= t->predecessors > 0;
                t = t->next;
            }
            in->target = t->index;
        }
    }
    return moved;
}

static int optimize_cfg(Asm *a) {
    eliminate_empty_blocks(a);
    for (Block *b = a->entry; b; b = b->next) {
        TRY(optimize_block(a, b));
        clean_block(b);
    }
    if (any_jump_to_bare_exit(a, 1, MAX_COPY_SIZE, INT_MIN)) {
        Block **order = blocks_newest_first(a);
        if (!order) {
            return -1;
        }
        for (int k = 0, n = a->nblocks; k < n; k++) {
            TRY(extend_block(a, order[k]));
        }
    }
    TRY(mark_reachable(a));
    for (Block *b = a->entry; b; b = b->next) {
        if (b->predecessors == 0) {
            b->count = 0;
        }
    }
    // Emptied unreachable blocks, NOPs cleaned and jumps to the next block
    // dropped leave the edges between reachable blocks as they were: only
    // skipping a reachable empty block changes a predecessor count.
    a->stale_preds = eliminate_empty_blocks(a);
    for (Block *b = a->entry; b; b = b->next) {
        clean_block(b);
    }
    int maybe_empty = 0;
    for (Block *b = a->entry; b; b = b->next) {
        KcgInstr *last = b->count ? &b->instr[b->count - 1] : NULL;
        if (last && (last->op == KCG_JUMP || last->op == KCG_JUMP_NO_INTERRUPT) &&
            target_of(a, last) == b->next) {
            last->op = KF_OP_NOP;
            b->nonop = 0;
            clean_block(b);
            maybe_empty = 1;
        }
    }
    if (maybe_empty) {
        a->stale_preds |= eliminate_empty_blocks(a);
    }
    return 0;
}

// Exit blocks without a line number reached by several jumps are copied
// so each copy can take the line of its jump. Blocks are visited newest
// first, as python3.11 walks its block list, so the copies land alike.
static int duplicate_exits_without_lineno(Asm *a) {
    if (a->stale_preds) {
        TRY(mark_reachable(a));
    }
    int n = a->nblocks;
    Block **order = NULL;
    if (any_jump_to_bare_exit(a, 0, INT_MAX, 1) && !(order = blocks_newest_first(a))) {
        return -1;
    }
    for (int k = 0; order && k < n; k++) {
        Block *b = order[k];
        if (jumps_to_bare_exit(a, b, 0, INT_MAX, 1)) {
            KcgInstr *last = &b->instr[b->count - 1];
            Block *t = target_of(a, last);
            Block *copy = new_block(a);
            if (!copy) {
                return -1;
            }
            TRY(reserve(a, copy, t->count));
            memcpy(copy->instr, t->instr, sizeof(KcgInstr) * (size_t)t->count);
            copy->count = t->count;
            copy->instr[0].pos = last->pos;
            last->target = copy->index;
            t->predecessors--;
            copy->predecessors = 1;
            copy->next = t->next;
            t->next = copy;
        }
    }
    for (Block *b = a->entry; b; b = b->next) {
        if (!no_fallthrough(b) && b->next && b->count > 0 && is_exit_without_lineno(b->next)) {
            b->next->instr[0].pos = b->instr[b->count - 1].pos;
        }
    }
    return 0;
}

// Where CPython 3.11's RESUME stands after the prefix: line 0 in a module,
// the first line elsewhere. Instructions without a position before any
// other take it.
static KfPosition resume_position(const Asm *a) {
    if (a->u->scope == KCG_SCOPE_MODULE) {
        return (KfPosition){0, 1, 0, 0};
    }
    return (KfPosition){a->u->firstlineno, a->u->firstlineno, 0, 0};
}

// Gives the instructions from 'in' to 'end' without a line the position
// 'prev' or that of the last one before with a line; returns the last.
static const KfPosition *fill_positions(KcgInstr *in, const KcgInstr *end,
                                        const KfPosition *prev) {
    for (; in < end; in++) {
        if (in->pos.lineno < 0) {
            in->pos = *prev;
        } else {
            prev = &in->pos;
        }
    }
    return prev;
}

// After it, the instructions of a block without a line are the ones
// before its first with a line (unless 'lined' is 2).
static void propagate_line_numbers(Asm *a) {
    static const KfPosition none = {-1, -1, -1, -1};
    KfPosition resume = resume_position(a);
    int resume_pending = 1;
    for (Block *b = a->entry; b; b = b->next) {
        b->lined = 1;
        if (b->count == 0) {
            continue;
        }
        KcgInstr *in = b->instr, *end = in + b->count;
        const KfPosition *prev = &none;
        if (resume_pending) {
            int r = b == a->entry ? a->nprefix : 0;
            if (r < b->count) {
                fill_positions(in, in + r, prev);
                prev = &resume;
                in += r;
                resume_pending = 0;
            }
        }
        prev = fill_positions(in, end, prev);
        if (!no_fallthrough(b) && b->next && b->next->predecessors == 1 && b->next->count &&
            b->next->instr[0].pos.lineno < 0) {
            b->next->instr[0].pos = *prev;
        }
        const KcgInstr *last = &b->instr[b->count - 1];
        if (is_jump(last->op) && !is_block_push(last->op)) {
            Block *t = target_of(a, last);
            if (t->predecessors == 1 && t->count && t->instr[0].pos.lineno < 0) {
                t->instr[0].pos = *prev;
                if (t->lined) {
                    t->lined = 2;
                }
            }
        }
    }
}

static void guarantee_lineno_for_exits(Asm *a) {
    int lineno = resume_position(a).lineno;
    for (Block *b = a->entry; b; b = b->next) {
        KcgInstr *in = b->instr, *end = in + b->count;
        for (; in < end && in->pos.lineno < 0; in++) {
            if (is_scope_exit(in->op)) {
                in->pos = (KfPosition){lineno, lineno, -1, -1};
            }
        }
        if (in == end) {
            continue;
        }
        if (b->lined != 2) {
            // All the rest have a line: the block's last is the one carried on.
            lineno = end[-1].pos.lineno;
            continue;
        }
        for (; in < end; in++) {
            if (in->pos.lineno < 0) {
                if (is_scope_exit(in->op)) {
                    in->pos = (KfPosition){lineno, lineno, -1, -1};
                }
            } else {
                lineno = in->pos.lineno;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Stack depth

static void depth_push(Asm *a, Block **stack, int *sp, Block *b, int depth) {
    if (b->startdepth != INT_MIN && b->startdepth != depth) {
        a->c->depth_mismatches++;
    }
    if (b->startdepth < depth && b->startdepth < 100000) {
        if (b->startdepth == INT_MIN) {
            stack[(*sp)++] = b;
        }
        b->startdepth = depth;
    }
}

static int stack_depth(Asm *a) {
    Block **stack = karena_alloc(a->c->arena, sizeof(Block *) * (size_t)(a->nblocks + 1));
    if (!stack) {
        return kcg_nomem(a->c);
    }
    for (int i = 0; i < a->nblocks; i++) {
        a->blocks[i]->startdepth = INT_MIN;
    }
    int sp = 0, maxdepth = 0;
    depth_push(a, stack, &sp, a->entry, 0);
    while (sp > 0) {
        Block *b = stack[--sp];
        int depth = b->startdepth;
        Block *next = b->next;
        // Only a block's last instruction jumps or exits (blocks are cut
        // after them, and the passes keep it so): the others only move the
        // depth. Should one not be last, the general walk below takes it.
        const KcgInstr *in = b->instr, *last = in + b->count - 1;
        int seen = 0, low = 0, high = maxdepth;
        for (; in < last; in++) {
            seen |= op_class[in->op & 255];
            depth += effect_of(in->op, in->arg, 0);
            high = depth > high ? depth : high;
            low = depth < low ? depth : low;
        }
        if (seen & (OP_JUMP | OP_UNCOND | OP_EXIT)) {
            depth = b->startdepth;
            in = b->instr;
        } else if (maxdepth = high, low < 0) {
            // As many mismatches as the general walk counts.
            depth = b->startdepth;
            for (in = b->instr; in < last; in++) {
                depth += effect_of(in->op, in->arg, 0);
                a->c->depth_mismatches += depth < 0;
            }
        }
        for (int i = (int)(in - b->instr); i < b->count; i++) {
            in = &b->instr[i];
            int new_depth = depth + effect_of(in->op, in->arg, 0);
            if (new_depth > maxdepth) {
                maxdepth = new_depth;
            }
            if (new_depth < 0) {
                a->c->depth_mismatches++;
            }
            int cls = op_is(in->op, OP_JUMP | OP_UNCOND | OP_EXIT);
            if (cls & OP_JUMP) {
                int target_depth = depth + effect_of(in->op, in->arg, 1);
                if (target_depth > maxdepth) {
                    maxdepth = target_depth;
                }
                depth_push(a, stack, &sp, target_of(a, in), target_depth);
            }
            depth = new_depth;
            if (cls & (OP_UNCOND | OP_EXIT)) {
                next = NULL;
                break;
            }
        }
        if (next) {
            depth_push(a, stack, &sp, next, depth);
        }
    }
    return maxdepth;
}

// ---------------------------------------------------------------------------
// Exception handlers

enum { MAX_EXCEPT_DEPTH = 200 };

// Gives every instruction its handler ('except': the block it jumps to when
// it raises, -1 for none) and turns SETUP_* and POP_BLOCK into NOPs. A unit
// without any (most functions) keeps the -1 every instruction starts with,
// and skips the walk (2.5% of kraitc's instructions over the stdlib); the
// walk would change nothing either when the only ones were in blocks
// removed since build_blocks noted them.
static int label_exception_targets(Asm *a) {
    if (!a->handlers) {
        for (Block *b = a->entry; b; b = b->next) {
            clean_block(b);
        }
        return 0;
    }
    KArena *arena = a->c->arena;
    Block **todo = karena_alloc(arena, sizeof(Block *) * (size_t)(a->nblocks + 1));
    if (!todo) {
        return kcg_nomem(a->c);
    }
    for (Block *b = a->entry; b; b = b->next) {
        b->visited = 0;
    }
    Block *stack[MAX_EXCEPT_DEPTH];
    int sp = 0;
    todo[sp++] = a->entry;
    a->entry->visited = 1;
    a->entry->exstack = NULL;
    a->entry->exdepth = 0;
    while (sp > 0) {
        Block *b = todo[--sp];
        int depth = b->exdepth;
        if (depth) {
            memcpy(stack, b->exstack, sizeof(Block *) * (size_t)depth);
        }
        int handler = depth ? stack[depth - 1]->index : -1;
        for (int i = 0; i < b->count; i++) {
            KcgInstr *in = &b->instr[i];
            int cls = op_is(in->op, OP_JUMP | OP_HANDLER);
            if (!cls) {
                in->except = handler; // the common case: neither jump nor handler
                continue;
            }
            if (cls & OP_JUMP) {
                Block *t = target_of(a, in);
                if (!t->visited) {
                    t->visited = 1;
                    t->exdepth = depth;
                    t->exstack = karena_alloc(arena, sizeof(Block *) * (size_t)(depth + 1));
                    if (!t->exstack) {
                        return kcg_nomem(a->c);
                    }
                    memcpy(t->exstack, stack, sizeof(Block *) * (size_t)depth);
                    todo[sp++] = t;
                }
            }
            if (is_block_push(in->op)) {
                if (depth >= MAX_EXCEPT_DEPTH) {
                    return kcg_error(a->c, "too many statically nested blocks");
                }
                Block *t = target_of(a, in);
                if (in->op != KCG_SETUP_FINALLY) {
                    t->preserve_lasti = 1;
                }
                stack[depth++] = t;
                in->except = -1;
                in->op = KF_OP_NOP;
                b->nonop = 0;
                handler = t->index;
            } else if (in->op == KCG_POP_BLOCK) {
                if (depth > 0) {
                    depth--;
                }
                in->except = -1;
                in->op = KF_OP_NOP;
                b->nonop = 0;
                handler = depth ? stack[depth - 1]->index : -1;
            } else {
                in->except = handler;
            }
        }
        if (!no_fallthrough(b) && b->next && !b->next->visited) {
            Block *n = b->next;
            n->visited = 1;
            n->exdepth = depth;
            n->exstack = karena_alloc(arena, sizeof(Block *) * (size_t)(depth + 1));
            if (!n->exstack) {
                return kcg_nomem(a->c);
            }
            memcpy(n->exstack, stack, sizeof(Block *) * (size_t)depth);
            todo[sp++] = n;
        }
    }
    // The walk made NOPs of the SETUP_* and POP_BLOCK it met; a block it
    // did not reach has its own turned here.
    for (Block *b = a->entry; b; b = b->next) {
        for (int i = 0; !b->visited && i < b->count; i++) {
            KcgInstr *in = &b->instr[i];
            if (is_block_push(in->op) || in->op == KCG_POP_BLOCK) {
                in->op = KF_OP_NOP;
                b->nonop = 0;
            }
        }
        clean_block(b);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Layout and the code object

// Maps cell/free indices (cells first, then frees) to localsplus slots:
// a cell that is also an argument shares the argument's slot.
static int *cell_offsets(Asm *a, int nlocals) {
    KcgUnit *u = a->u;
    int n = u->cellvars.count + u->freevars.count;
    int *fixed = karena_alloc(a->c->arena, sizeof(int) * (size_t)(n + 1));
    if (!fixed) {
        kcg_nomem(a->c);
        return NULL;
    }
    int dropped = 0;
    for (int i = 0; i < n; i++) {
        if (i < u->cellvars.count) {
            int arg = kmap_get(&u->varnames, u->cellvars.keys[i], -1);
            if (arg >= 0) {
                fixed[i] = arg;
                dropped++;
                continue;
            }
        }
        fixed[i] = i + nlocals - dropped;
    }
    return fixed;
}

static int final_op(const Block *b, const KcgInstr *in, const Block *t) {
    switch (in->op) {
    case KCG_JUMP:
        return t->offset > b->offset ? KF_OP_JUMP_FORWARD : KF_OP_JUMP_BACKWARD;
    case KCG_JUMP_NO_INTERRUPT:
        return t->offset > b->offset ? KF_OP_JUMP_FORWARD : KF_OP_JUMP_BACKWARD_NO_INTERRUPT;
    default:
        return in->op;
    }
}

static int fill_localsplus(Asm *a, KfCode *code, int nlocals) {
    KcgUnit *u = a->u;
    int ncells_extra = 0;
    for (int i = 0; i < u->cellvars.count; i++) {
        if (kmap_find(&u->varnames, u->cellvars.keys[i]) < 0) {
            ncells_extra++;
        }
    }
    int n = nlocals + ncells_extra + u->freevars.count;
    const char **names = karena_alloc(a->c->arena, sizeof(char *) * (size_t)(n + 1));
    uint8_t *kinds = karena_alloc(a->c->arena, (size_t)n + 1);
    if (!names || !kinds) {
        return kcg_nomem(a->c);
    }
    int nargs = code->argcount + u->kwonlyargcount +
                ((code->flags & KF_CO_VARARGS) != 0) + ((code->flags & KF_CO_VARKEYWORDS) != 0);
    for (int i = 0; i < nlocals; i++) {
        names[i] = u->varnames.keys[i];
        kinds[i] = KF_LOCAL;
        if (i < nargs) {
            kinds[i] |= KF_LOCAL_ARG;
        }
        if (kmap_find(&u->cellvars, names[i]) >= 0) {
            kinds[i] |= KF_LOCAL_CELL;
        }
    }
    int j = nlocals;
    for (int i = 0; i < u->cellvars.count; i++) {
        if (kmap_find(&u->varnames, u->cellvars.keys[i]) < 0) {
            names[j] = u->cellvars.keys[i];
            kinds[j++] = KF_LOCAL_CELL;
        }
    }
    for (int i = 0; i < u->freevars.count; i++) {
        names[j] = u->freevars.keys[i];
        kinds[j++] = KF_LOCAL_FREE;
    }
    code->localsplus = names;
    code->localspluskinds = kinds;
    code->nlocalsplus = n;
    return 0;
}

// The exception table: an entry ends where the handler changes (and at the
// end). Only units with SETUP_* have one: elsewhere every 'except' is -1.
static int emit_exceptions(Asm *a, KfCode *code) {
    KArena *arena = a->c->arena;
    KfExceptEntry *exc = NULL;
    int k = 0, e = 0, exc_cap = 0, start = 0, prev_handler = -1;
    for (Block *b = a->entry;; b = b->next) {
        int count = b ? b->count : 1;
        for (int i = 0; i < count; i++, k++) {
            int h = b ? b->instr[i].except : -1;
            if (h == prev_handler) {
                continue;
            }
            if (prev_handler >= 0) {
                if (e == exc_cap) {
                    int ncap = exc_cap ? exc_cap * 2 : 8;
                    KfExceptEntry *grown = karena_alloc(arena, sizeof(KfExceptEntry) * (size_t)ncap);
                    if (!grown) {
                        return kcg_nomem(a->c);
                    }
                    if (e) {
                        memcpy(grown, exc, sizeof(KfExceptEntry) * (size_t)e);
                    }
                    exc = grown;
                    exc_cap = ncap;
                }
                const Block *hb = a->blocks[prev_handler];
                exc[e++] = (KfExceptEntry){start, k, hb->offset,
                                           hb->startdepth - 1 - hb->preserve_lasti,
                                           hb->preserve_lasti};
            }
            start = k;
            prev_handler = h;
        }
        if (!b) {
            break;
        }
    }
    if (!exc && !(exc = karena_alloc(arena, sizeof(KfExceptEntry)))) {
        return kcg_nomem(a->c);
    }
    code->exceptions = exc;
    code->nexceptions = e;
    return 0;
}

static int emit_code(Asm *a, KfCode *code) {
    KArena *arena = a->c->arena;
    int n = 0;
    for (Block *b = a->entry; b; b = b->next) {
        b->offset = n;
        n += b->count;
    }
    int nlocals = a->u->varnames.count;
    int *fixed = cell_offsets(a, nlocals);
    uint32_t *words = karena_alloc(arena, sizeof(uint32_t) * (size_t)(n + 1));
    KfPosition *pos = karena_alloc(arena, sizeof(KfPosition) * (size_t)(n + 1));
    if (!fixed || !words || !pos) {
        return kcg_nomem(a->c);
    }
    static const KfPosition none = {0, 0, -1, -1};
    // Every argument is or-ed into 'all', checked once at the end.
    unsigned all = 0;
    int max_const = 0;
    uint32_t *w = words;
    KfPosition *p = pos;
    for (Block *b = a->entry; b; b = b->next) {
        const KcgInstr *in = b->instr, *end = in + b->count;
        for (; in < end; in++, w++, p++) {
            int op = in->op, arg = in->arg;
            int cls = op_is(op, OP_JUMP | OP_DEREF | OP_CONST);
            if (cls) {
                if (cls & OP_JUMP) {
                    const Block *t = target_of(a, in);
                    op = final_op(b, in, t);
                    arg = t->offset;
                } else if (cls & OP_DEREF) {
                    arg = fixed[arg];
                } else if (arg > max_const) {
                    max_const = arg;
                }
            }
            all |= (unsigned)arg;
            *w = KF_INSTR(op, arg);
            *p = in->pos.lineno < 0 ? none : in->pos;
        }
    }
    if (all > KF_MAX_ARG) {
        return kcg_error(a->c, "instruction argument too large");
    }
    // Constants up to the last one used stay (the first, the docstring or
    // None, always does).
    code->nconsts = a->u->nconsts < max_const + 1 ? a->u->nconsts : max_const + 1;
    code->code = words;
    code->positions = pos;
    code->ncode = n;
    if (a->handlers) {
        TRY(emit_exceptions(a, code));
    } else {
        code->exceptions = karena_alloc(arena, sizeof(KfExceptEntry));
        code->nexceptions = 0;
        if (!code->exceptions) {
            return kcg_nomem(a->c);
        }
    }
    return fill_localsplus(a, code, nlocals);
}

KfCode *kasm_assemble(KCg *c, KcgUnit *u, int flags) {
    Asm a = {.c = c, .u = u};
    KfCode *code = karena_calloc(c->arena, sizeof(KfCode));
    if (!code) {
        kcg_nomem(c);
        return NULL;
    }
    code->name = u->name;
    code->qualname = u->qualname;
    code->filename = c->filename;
    code->firstlineno = u->firstlineno;
    code->argcount = u->posonlyargcount + u->argcount; // co_argcount counts both
    code->posonlyargcount = u->posonlyargcount;
    code->kwonlyargcount = u->kwonlyargcount;
    code->flags = flags;
    if (build_blocks(&a) < 0 || insert_prefix(&a, flags) < 0 || optimize_cfg(&a) < 0 ||
        duplicate_exits_without_lineno(&a) < 0) {
        return NULL;
    }
    // duplicate_exits_without_lineno keeps the predecessor counts right.
    propagate_line_numbers(&a);
    guarantee_lineno_for_exits(&a);
    int depth = stack_depth(&a);
    if (depth < 0 || label_exception_targets(&a) < 0) {
        return NULL;
    }
    code->stacksize = depth;
    code->consts = u->consts;
    code->names = u->names.keys;
    code->nnames = u->names.count;
    if (emit_code(&a, code) < 0) {
        return NULL;
    }
    return code;
}
