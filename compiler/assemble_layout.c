// compiler/assemble_layout.c: the assembler's last passes, after the
// control-flow clean-up of assemble.c: positions propagated to artificial
// instructions (and exits given one); stack depth by a walk of the graph
// (checking every block is reached with one depth); exception handlers from
// the SETUP_*/POP_BLOCK pseudo instructions; and the layout, with absolute
// jump targets, positions and the exception table.
#include "assemble.h"

#include <string.h>

// ---------------------------------------------------------------------------
// Stack effects

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
// Positions

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
void kasm_propagate_lines(Asm *a) {
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

void kasm_guarantee_exit_lines(Asm *a) {
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

int kasm_stack_depth(Asm *a) {
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
int kasm_label_handlers(Asm *a) {
    if (!a->handlers) {
        for (Block *b = a->entry; b; b = b->next) {
            kasm_clean_block(b);
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
        kasm_clean_block(b);
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

int kasm_emit(Asm *a, KfCode *code) {
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
