// compiler/assemble.c: from a unit's instruction buffer to a KfCode, as
// CPython 3.11's assemble(): cut the buffer into basic blocks at labels
// and after jumps; add the prefix (COPY_FREE_VARS, MAKE_CELL,
// RETURN_GENERATOR); peephole and CFG clean-up (constant conditions,
// constant tuples, None tests, jump threading, unreachable and empty
// blocks, small exit blocks inlined, redundant jumps and NOPs); then
// assemble_layout.c's passes: positions, stack depth, exception handlers
// and the layout. Every pass is linear in the number of instructions.
#include "assemble.h"

#include <stdlib.h>
#include <string.h>

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
void kasm_clean_nops(Block *b) {
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
        kasm_clean_block(b);
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
        kasm_clean_block(b);
    }
    int maybe_empty = 0;
    for (Block *b = a->entry; b; b = b->next) {
        KcgInstr *last = b->count ? &b->instr[b->count - 1] : NULL;
        if (last && (last->op == KCG_JUMP || last->op == KCG_JUMP_NO_INTERRUPT) &&
            target_of(a, last) == b->next) {
            last->op = KF_OP_NOP;
            b->nonop = 0;
            kasm_clean_block(b);
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
    kasm_propagate_lines(&a);
    kasm_guarantee_exit_lines(&a);
    int depth = kasm_stack_depth(&a);
    if (depth < 0 || kasm_label_handlers(&a) < 0) {
        return NULL;
    }
    code->stacksize = depth;
    code->consts = u->consts;
    code->names = u->names.keys;
    code->nnames = u->names.count;
    if (kasm_emit(&a, code) < 0) {
        return NULL;
    }
    return code;
}
