// format/verify.c: the bytecode verifier (kf_verify). kf_read already proves
// every section bound, every index into constants, names and locals-plus and
// every jump and exception-table target in range; this file proves what
// running the code relies on beyond that, for code that comes without its
// source (a sourceless .pyc, a bundle member):
//
// - every argument is one the interpreter understands (operators, flags,
//   counts), and each slot is used as its kind says (a cell or free slot only
//   by the *_DEREF family, a plain local only by the *_FAST family);
// - the prefix: COPY_FREE_VARS of exactly the free slots, one MAKE_CELL per
//   cell slot, RETURN_GENERATOR exactly for generator-like code, and no jump
//   or handler into it; YIELD_VALUE only in such code;
// - KW_NAMES names a tuple of str and is followed by the CALL that uses it;
// - the stack, by an abstract interpretation of the instructions with the
//   effects of opcodes.h: no instruction reaches below the stack's base or
//   pushes past the recorded stacksize, every instruction is reached with
//   one depth whichever way it is reached (jumps, falls, handlers), an
//   exception handler never asks to cut the stack above where a covered
//   instruction may have left it, and no path runs off the end of the code;
// - no NULL (the no-object PUSH_NULL, LOAD_GLOBAL and LOAD_METHOD push for a
//   call) reaches an instruction that would use it as an object.
//
// Each code object is checked in O(ncode + nexceptions); nested code objects
// in the constant pool are checked in turn.
#include "format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// What each opcode's argument means, its reach and pops, its effects.
enum { VA_NONE, VA_CONST, VA_NAME, VA_LOCAL, VA_FREE, VA_JUMP, VA_COUNT, VA_FLAGS, VA_OP };
#define ARG_KIND(name, arg, in, pop, effect, jump_effect) VA_##arg,
static const uint8_t ARG_KINDS[KF_OP_COUNT] = {KF_OPCODES(ARG_KIND)};
#undef ARG_KIND

typedef struct Stack {
    int in, pop, effect, jump_effect;
} Stack;

// Inlined into step: a call per instruction cost a tenth of verifying a
// module of definitions.
static inline __attribute__((always_inline)) Stack stack_of(int op, int64_t arg) {
    switch (op) {
#define STACK_CASE(name, kind, in, pop, effect, jump_effect)                                    \
    case KF_OP_##name:                                                                           \
        return (Stack){(int)(in), (int)(pop), (int)(effect), (int)(jump_effect)};
        KF_OPCODES(STACK_CASE)
#undef STACK_CASE
    default: return (Stack){0, 0, 0, 0};
    }
}

typedef struct Verifier {
    const KfCode *c;
    int *depth;    // per instruction: the stack depth before it, -1 unreached
    int *handler;  // per instruction: the index of the exception entry covering it, -1 none
    int *work;     // instructions whose successors are still to visit
    int nwork;
    int prefix;    // instructions in the prefix
    int nfree;
    int pushes_null; // a reached instruction may push a NULL (the NULL pass is needed)
    const char *why;
    int at;        // the instruction that failed, -1 none
    KfKwNamesFn kw_names; // when 'c->consts' is NULL: what a constant is
    void *ctx;
} Verifier;

static int fail(Verifier *v, int at, const char *why) {
    if (!v->why) {
        v->why = why;
        v->at = at;
    }
    return -1;
}

static int is_gen_code(const KfCode *c) {
    return (c->flags & (KF_CO_GENERATOR | KF_CO_COROUTINE | KF_CO_ASYNC_GENERATOR)) != 0;
}

// Counts the free slots (which must be the last ones) and checks the
// prefix: [COPY_FREE_VARS nfree] MAKE_CELL (each cell slot once)
// [RETURN_GENERATOR POP_TOP].
static int check_prefix(Verifier *v, int is_module) {
    const KfCode *c = v->c;
    int ncells = 0, i = 0;
    for (int s = 0; s < c->nlocalsplus; s++) {
        uint8_t k = c->localspluskinds[s];
        if (k & KF_LOCAL_FREE) {
            v->nfree++;
        } else if (v->nfree) {
            return fail(v, -1, "a free slot before a non-free one");
        } else {
            ncells += (k & KF_LOCAL_CELL) != 0;
        }
    }
    if (is_module && v->nfree) {
        return fail(v, -1, "module code with free variables");
    }
    if (v->nfree) {
        if (i >= c->ncode || c->code[i] != KF_INSTR(KF_OP_COPY_FREE_VARS, v->nfree)) {
            return fail(v, i, "free slots without COPY_FREE_VARS of them all first");
        }
        i++;
    }
    uint8_t *made = calloc((size_t)c->nlocalsplus + 1, 1);
    if (!made) {
        return fail(v, -1, "out of memory");
    }
    for (; i < c->ncode && KF_INSTR_OP(c->code[i]) == KF_OP_MAKE_CELL; i++) {
        int s = KF_INSTR_ARG(c->code[i]);
        if (!(c->localspluskinds[s] & KF_LOCAL_CELL) || (c->localspluskinds[s] & KF_LOCAL_FREE) ||
            made[s]) {
            free(made);
            return fail(v, i, "MAKE_CELL of a slot that is not a cell, or twice");
        }
        made[s] = 1;
        ncells--;
    }
    free(made);
    if (ncells) {
        return fail(v, i, "a cell slot without its MAKE_CELL in the prefix");
    }
    if (is_gen_code(v->c)) {
        if (i >= c->ncode || KF_INSTR_OP(c->code[i]) != KF_OP_RETURN_GENERATOR) {
            return fail(v, i, "generator code without RETURN_GENERATOR");
        }
        i++;
    }
    v->prefix = i;
    return 0;
}

// 1 when the constant 'k' is a tuple of str (keyword names).
static int is_str_tuple(const KfConst *k) {
    if (k->kind != KF_CONST_TUPLE) {
        return 0;
    }
    for (int i = 0; i < k->count; i++) {
        if (k->items[i].kind != KF_CONST_STR) {
            return 0;
        }
    }
    return 1;
}

// Checks the argument of the instruction at 'i' beyond its index range.
static int check_arg(Verifier *v, int i, int op, int arg) {
    const KfCode *c = v->c;
    int kind = ARG_KINDS[op];
    if (kind == VA_LOCAL && (c->localspluskinds[arg] & (KF_LOCAL_CELL | KF_LOCAL_FREE))) {
        return fail(v, i, "a *_FAST instruction on a cell or free slot");
    }
    if (kind == VA_FREE && !(c->localspluskinds[arg] & (KF_LOCAL_CELL | KF_LOCAL_FREE))) {
        return fail(v, i, "a cell instruction on a plain local");
    }
    if (kind == VA_JUMP && arg < v->prefix) {
        return fail(v, i, "a jump into the prefix");
    }
    int ok = 1;
    switch (op) {
    case KF_OP_BINARY_OP: ok = arg < 2 * KF_BINOP_INPLACE; break;
    case KF_OP_COMPARE_OP: ok = arg <= KF_CMP_GE; break;
    case KF_OP_IS_OP:
    case KF_OP_CONTAINS_OP:
    case KF_OP_CALL_FUNCTION_EX: ok = arg <= 1; break;
    case KF_OP_MAKE_FUNCTION: ok = arg < 16; break;
    case KF_OP_FORMAT_VALUE: ok = arg < 8; break;
    case KF_OP_GET_AWAITABLE: ok = arg <= 2; break;
    case KF_OP_RAISE_VARARGS: ok = arg <= 2; break;
    case KF_OP_BUILD_SLICE: ok = arg == 2 || arg == 3; break;
    case KF_OP_COPY: ok = arg >= 1; break;
    case KF_OP_SWAP: ok = arg >= 2; break;
    case KF_OP_LIST_APPEND:
    case KF_OP_SET_ADD:
    case KF_OP_MAP_ADD:
    case KF_OP_LIST_EXTEND:
    case KF_OP_SET_UPDATE:
    case KF_OP_DICT_UPDATE:
    case KF_OP_DICT_MERGE: ok = arg >= 1; break;
    case KF_OP_UNPACK_EX: ok = arg < (1 << 16); break;
    case KF_OP_MAKE_CELL:
    case KF_OP_COPY_FREE_VARS:
    case KF_OP_RETURN_GENERATOR: ok = i < v->prefix; break;
    case KF_OP_YIELD_VALUE: ok = is_gen_code(c); break;
    case KF_OP_KW_NAMES: {
        int count = 0;
        int names_ok = c->consts ? is_str_tuple(&c->consts[arg]) : v->kw_names(v->ctx, arg, &count);
        if (c->consts) {
            count = c->consts[arg].count;
        }
        uint32_t next = i + 1 < c->ncode ? c->code[i + 1] : 0;
        ok = names_ok && KF_INSTR_OP(next) == KF_OP_CALL && i + 1 < c->ncode &&
             KF_INSTR_ARG(next) >= count;
        break;
    }
    default: break;
    }
    return ok ? 0 : fail(v, i, "an argument the instruction does not allow");
}

// Records that instruction 'to' is reached with 'depth' (from 'from').
static int reach(Verifier *v, int from, int to, int depth) {
    if (to >= v->c->ncode) {
        return fail(v, from, "execution runs past the end of the code");
    }
    if (depth < 0) {
        return fail(v, from, "stack underflow");
    }
    if (depth > v->c->stacksize) {
        return fail(v, from, "stack deeper than the recorded stacksize");
    }
    if (v->depth[to] < 0) {
        v->depth[to] = depth;
        v->work[v->nwork++] = to;
        return 0;
    }
    if (v->depth[to] != depth) {
        return fail(v, to, "inconsistent stack depth where paths merge");
    }
    return 0;
}

// Opcodes after which execution does not fall through.
static const uint8_t EXITS[KF_OP_COUNT] = {
    [KF_OP_RETURN_VALUE] = 1, [KF_OP_RAISE_VARARGS] = 1, [KF_OP_RERAISE] = 1,
    [KF_OP_JUMP_FORWARD] = 1, [KF_OP_JUMP_BACKWARD] = 1, [KF_OP_JUMP_BACKWARD_NO_INTERRUPT] = 1,
};

// Opcodes whose argument check_arg looks at beyond its index range (its
// switch, and the slot and jump kinds); the others skip the call.
static const uint8_t CHECKED[KF_OP_COUNT] = {
    [KF_OP_BINARY_OP] = 1,     [KF_OP_COMPARE_OP] = 1,      [KF_OP_IS_OP] = 1,
    [KF_OP_CONTAINS_OP] = 1,   [KF_OP_CALL_FUNCTION_EX] = 1, [KF_OP_MAKE_FUNCTION] = 1,
    [KF_OP_FORMAT_VALUE] = 1,  [KF_OP_GET_AWAITABLE] = 1,   [KF_OP_RAISE_VARARGS] = 1,
    [KF_OP_BUILD_SLICE] = 1,   [KF_OP_COPY] = 1,            [KF_OP_SWAP] = 1,
    [KF_OP_LIST_APPEND] = 1,   [KF_OP_SET_ADD] = 1,         [KF_OP_MAP_ADD] = 1,
    [KF_OP_LIST_EXTEND] = 1,   [KF_OP_SET_UPDATE] = 1,      [KF_OP_DICT_UPDATE] = 1,
    [KF_OP_DICT_MERGE] = 1,    [KF_OP_UNPACK_EX] = 1,       [KF_OP_MAKE_CELL] = 1,
    [KF_OP_COPY_FREE_VARS] = 1, [KF_OP_RETURN_GENERATOR] = 1, [KF_OP_YIELD_VALUE] = 1,
    [KF_OP_KW_NAMES] = 1,
};

// Per opcode: 1 when its argument names a slot or a jump target (step
// calls check_arg for those and for CHECKED's).
#define SLOT_OR_JUMP(name, arg, in, pop, effect, jump_effect)                                    \
    (VA_##arg == VA_LOCAL || VA_##arg == VA_FREE || VA_##arg == VA_JUMP),
static const uint8_t SLOT_OR_JUMP_ARG[KF_OP_COUNT] = {KF_OPCODES(SLOT_OR_JUMP)};
#undef SLOT_OR_JUMP

// Per opcode: 1 when it pushes a NULL, 2 when it does with an odd argument.
static const uint8_t PUSHES_NULL[KF_OP_COUNT] = {
    [KF_OP_PUSH_NULL] = 1, [KF_OP_LOAD_METHOD] = 1, [KF_OP_LOAD_GLOBAL] = 2,
};

// Visits the successors of instruction 'i', reached with depth 'd'. The
// instruction after it, when this is the first path to reach it, is left
// to the caller in '*next' (straight-line code never goes through the work
// list); otherwise '*next' is -1.
static int step(Verifier *v, int i, int d, int *next) {
    const KfCode *c = v->c;
    int op = KF_INSTR_OP(c->code[i]), arg = KF_INSTR_ARG(c->code[i]);
    int kind = ARG_KINDS[op];
    *next = -1;
    if ((CHECKED[op] | SLOT_OR_JUMP_ARG[op]) && check_arg(v, i, op, arg) < 0) {
        return -1;
    }
    Stack s = stack_of(op, arg);
    if (s.in > d) {
        return fail(v, i, "stack underflow");
    }
    if (PUSHES_NULL[op]) {
        v->pushes_null |= (PUSHES_NULL[op] & 1) | ((PUSHES_NULL[op] >> 1) & arg);
    }
    if (v->handler[i] >= 0) {
        const KfExceptEntry *e = &c->exceptions[v->handler[i]];
        if (e->depth > d - s.pop) {
            return fail(v, i, "an exception handler deeper than the stack it covers");
        }
        if (e->target < v->prefix) {
            return fail(v, i, "an exception handler in the prefix");
        }
        if (reach(v, i, e->target, e->depth + e->lasti + 1) < 0) {
            return -1;
        }
    }
    if (kind == VA_JUMP && reach(v, i, arg, d + s.jump_effect) < 0) {
        return -1;
    }
    if (EXITS[op]) {
        return 0;
    }
    int to = i + 1, depth = d + s.effect;
    if (to < c->ncode && depth >= 0 && depth <= c->stacksize && v->depth[to] < 0) {
        v->depth[to] = depth;
        *next = to;
        return 0;
    }
    return reach(v, i, to, depth);
}

// ---------------------------------------------------------------------------
// NULLs on the stack. PUSH_NULL, LOAD_GLOBAL with bit 0 and LOAD_METHOD push
// a NULL (no object) that only CALL (below its callable) and
// CALL_FUNCTION_EX (below its function) may consume; any other instruction
// would use it as an object. A second pass, once every depth is known,
// follows the slots that may hold a NULL: a short sorted list of their
// positions (an instruction may only reach slots above the highest one,
// so each step is O(1)), kept at each merge point (jump and handler
// targets), where every path must bring the same list; code that reaches
// no instruction pushing a NULL skips the pass. Code holding more
// than MAX_NULLS such slots at once is refused; the compiler's deepest
// nesting of calls stays far below.

enum { SLOT_NULL = 1, SLOT_MAYBE = 2 };

#define MAX_NULLS 256

typedef struct Nulls {
    Verifier *v;
    int *at;         // per instruction: its list's offset in 'pool', -1 not yet reached
    uint8_t *merge;  // per instruction: a merge point
    uint32_t *pool;  // lists: a count, then (position << 2 | SLOT_*) entries
    size_t npool, cappool;
    uint32_t cur[MAX_NULLS]; // the working list, positions ascending
    int ncur;
    int *queue;      // merge points reached, still to follow
    int nqueue;
} Nulls;

// Records the first 'n' entries of the working list for merge point 't',
// or checks that they equal those recorded: 0, or -1 with the reason.
static int merge_nulls(Nulls *nl, int t, int n, int from) {
    if (nl->at[t] >= 0) {
        const uint32_t *have = nl->pool + nl->at[t];
        if (have[0] != (uint32_t)n || memcmp(have + 1, nl->cur, (size_t)n * 4) != 0) {
            return fail(nl->v, from, "paths merge with NULLs in different stack slots");
        }
        return 0;
    }
    if (nl->npool + (size_t)n + 1 > nl->cappool) {
        size_t cap = (nl->cappool + (size_t)n + 1) * 2;
        uint32_t *p = realloc(nl->pool, cap * sizeof *p);
        if (!p) {
            return fail(nl->v, -1, "out of memory");
        }
        nl->pool = p;
        nl->cappool = cap;
    }
    nl->at[t] = (int)nl->npool;
    nl->pool[nl->npool++] = (uint32_t)n;
    memcpy(nl->pool + nl->npool, nl->cur, (size_t)n * 4);
    nl->npool += (size_t)n;
    nl->queue[nl->nqueue++] = t;
    return 0;
}

// Adds a slot at 'pos' (above every listed one) holding 'state'.
static int push_null(Nulls *nl, int at, int pos, int state) {
    if (nl->ncur == MAX_NULLS) {
        return fail(nl->v, at, "too many NULLs on the stack to verify");
    }
    nl->cur[nl->ncur++] = (uint32_t)pos << 2 | (uint32_t)state;
    return 0;
}

// One instruction 'i' on the working list, reached with depth 'd': its
// handler's and its jump's targets merged. 0, or -1 with the reason.
static int step_nulls(Nulls *nl, int i, int d) {
    Verifier *v = nl->v;
    const KfCode *c = v->c;
    int op = KF_INSTR_OP(c->code[i]), arg = KF_INSTR_ARG(c->code[i]);
    int top = nl->ncur ? (int)(nl->cur[nl->ncur - 1] >> 2) : -1; // the highest such slot
    if (v->handler[i] >= 0) {
        const KfExceptEntry *e = &c->exceptions[v->handler[i]];
        int n = nl->ncur;
        while (n > 0 && (int)(nl->cur[n - 1] >> 2) >= e->depth) {
            n--;
        }
        if (merge_nulls(nl, e->target, n, i) < 0) {
            return -1;
        }
    }
    switch (op) {
    case KF_OP_PUSH_NULL:
        return push_null(nl, i, d, SLOT_NULL);
    case KF_OP_LOAD_GLOBAL:
        return arg & 1 ? push_null(nl, i, d, SLOT_NULL) : 0;
    case KF_OP_LOAD_METHOD:
        if (top >= d - 1) {
            return fail(v, i, "a NULL used as an object");
        }
        return push_null(nl, i, d - 1, SLOT_MAYBE);
    case KF_OP_CALL:
    case KF_OP_CALL_FUNCTION_EX: {
        // [NULL-or-method, callable-or-self, args...] and
        // [NULL-or-anything, func, args(, kwargs)]: only the lowest may be one.
        int base = d - (op == KF_OP_CALL ? arg + 2 : 3 + (arg & 1));
        if (top > base) {
            return fail(v, i, "a NULL used as an object");
        }
        nl->ncur -= top == base;
        return 0;
    }
    default: {
        if (top < 0) { // no NULL anywhere: nothing to reach
            return ARG_KINDS[op] == VA_JUMP ? merge_nulls(nl, arg, 0, i) : 0;
        }
        Stack s = stack_of(op, arg);
        int low = d - s.in;
        low = d + s.effect < low ? d + s.effect : low;
        if (ARG_KINDS[op] == VA_JUMP) {
            low = d + s.jump_effect < low ? d + s.jump_effect : low;
        }
        if (top >= low) {
            return fail(v, i, "a NULL used as an object");
        }
        return ARG_KINDS[op] == VA_JUMP ? merge_nulls(nl, arg, nl->ncur, i) : 0;
    }
    }
}

// Follows the run of instructions from merge point 't' to the next merge
// point or exit.
static int follow(Nulls *nl, int t) {
    Verifier *v = nl->v;
    const uint32_t *list = nl->pool + nl->at[t];
    nl->ncur = (int)list[0];
    memcpy(nl->cur, list + 1, (size_t)nl->ncur * 4);
    for (int i = t;; i++) {
        if (i != t && nl->merge[i]) {
            return merge_nulls(nl, i, nl->ncur, i - 1);
        }
        if (step_nulls(nl, i, v->depth[i]) < 0) {
            return -1;
        }
        if (EXITS[KF_INSTR_OP(v->c->code[i])]) {
            return 0;
        }
    }
}

// The NULL pass over 'v' (its depths known): 0, or -1 with the reason.
static int check_nulls(Verifier *v) {
    const KfCode *c = v->c;
    int n = c->ncode, r = 0;
    Nulls nl;
    memset(&nl, 0, sizeof nl);
    nl.v = v;
    nl.at = malloc((size_t)n * sizeof(int));
    nl.merge = calloc((size_t)n, 1);
    nl.queue = v->work; // free now: each merge point is queued once
    if (!nl.at || !nl.merge) {
        r = fail(v, -1, "out of memory");
    }
    for (int i = 0; r == 0 && i < n; i++) {
        nl.at[i] = -1;
        if (v->depth[i] < 0) {
            continue;
        }
        if (ARG_KINDS[KF_INSTR_OP(c->code[i])] == VA_JUMP) {
            nl.merge[KF_INSTR_ARG(c->code[i])] = 1;
        }
        if (v->handler[i] >= 0) {
            nl.merge[c->exceptions[v->handler[i]].target] = 1;
        }
    }
    if (r == 0) {
        nl.merge[0] = 1;
        r = merge_nulls(&nl, 0, 0, 0);
    }
    while (r == 0 && nl.nqueue > 0) {
        r = follow(&nl, nl.queue[--nl.nqueue]);
    }
    free(nl.pool);
    free(nl.at);
    free(nl.merge);
    return r;
}

static int verify_one(Verifier *v, int is_module) {
    const KfCode *c = v->c;
    if (c->ncode <= 0) {
        return fail(v, -1, "no instructions");
    }
    if (c->stacksize < 0 || c->stacksize > (1 << 28) ||
        (int64_t)c->stacksize + c->nlocalsplus > 0x7FFFFFFF) {
        return fail(v, -1, "stacksize out of range");
    }
    if (check_prefix(v, is_module) < 0) {
        return -1;
    }
    for (int i = 0; i < c->ncode; i++) {
        v->depth[i] = -1;
        v->handler[i] = -1;
    }
    for (int k = 0; k < c->nexceptions; k++) {
        const KfExceptEntry *e = &c->exceptions[k];
        for (int i = e->start; i < e->end; i++) {
            v->handler[i] = k;
        }
        if (e->depth < 0 || (int64_t)e->depth + e->lasti + 1 > c->stacksize) {
            return fail(v, e->start, "an exception handler past the stacksize");
        }
    }
    v->nwork = 0;
    if (reach(v, 0, 0, 0) < 0) {
        return -1;
    }
    while (v->nwork > 0) {
        int i = v->work[--v->nwork];
        while (i >= 0) {
            if (step(v, i, v->depth[i], &i) < 0) {
                return -1;
            }
        }
    }
    // Only PUSH_NULL, LOAD_GLOBAL and LOAD_METHOD make a NULL: code that
    // reaches none of them (a module of definitions) needs no NULL pass
    // (tools/bench/import-large's module: 1.31M -> 0.86M instructions).
    return v->pushes_null ? check_nulls(v) : 0;
}

static int verify_tree(const KfCode *c, int is_module, int level, char *why, size_t why_len);

// Verifies the code objects among the constants 'k' (tuples searched too).
static int verify_consts(const KfConst *k, int n, int level, char *why, size_t why_len) {
    for (int i = 0; i < n; i++) {
        if (level > KF_MAX_DEPTH) {
            snprintf(why, why_len, "constants nested too deeply");
            return -1;
        }
        if (k[i].kind == KF_CONST_CODE &&
            verify_tree(k[i].code, 0, level + 1, why, why_len) < 0) {
            return -1;
        }
        if ((k[i].kind == KF_CONST_TUPLE || k[i].kind == KF_CONST_FROZENSET) &&
            verify_consts(k[i].items, k[i].count, level + 1, why, why_len) < 0) {
            return -1;
        }
    }
    return 0;
}

// Verifies 'c' alone; -1 with the reason in 'why' ("... (code object 'f',
// instruction 3)"), "out of memory" first when that is the reason.
static int verify_code(const KfCode *c, int is_module, KfKwNamesFn kw_names, void *ctx,
                       char *why, size_t why_len) {
    Verifier v;
    memset(&v, 0, sizeof v);
    v.c = c;
    v.at = -1;
    v.kw_names = kw_names;
    v.ctx = ctx;
    // One block for the three per-instruction tables.
    size_t n = c->ncode > 0 ? (size_t)c->ncode : 1;
    int *block = malloc(3 * n * sizeof(int));
    v.depth = block;
    v.handler = block ? block + n : NULL;
    v.work = block ? block + 2 * n : NULL;
    int r = block ? verify_one(&v, is_module) : fail(&v, -1, "out of memory");
    free(block);
    if (r < 0) {
        if (strcmp(v.why, "out of memory") == 0) {
            snprintf(why, why_len, "out of memory");
        } else if (v.at >= 0) {
            snprintf(why, why_len, "%s (code object '%s', instruction %d)", v.why, c->qualname,
                     v.at);
        } else {
            snprintf(why, why_len, "%s (code object '%s')", v.why, c->qualname);
        }
        return -1;
    }
    return 0;
}

static int verify_tree(const KfCode *c, int is_module, int level, char *why, size_t why_len) {
    if (verify_code(c, is_module, NULL, NULL, why, why_len) < 0) {
        return -1;
    }
    return verify_consts(c->consts, c->nconsts, level, why, why_len);
}

KfError kf_verify(const KfCode *module, char *why, size_t why_len) {
    char local[8];
    if (!why || why_len == 0) {
        why = local;
        why_len = sizeof local;
    }
    why[0] = 0;
    if (verify_tree(module, 1, 0, why, why_len) < 0) {
        return strstr(why, "out of memory") == why ? KF_ERR_NOMEM : KF_ERR_UNVERIFIED;
    }
    return KF_OK;
}

KfError kf_verify_code(const KfCode *code, int is_module, KfKwNamesFn kw_names, void *ctx,
                       char *why, size_t why_len) {
    char local[8];
    if (!why || why_len == 0) {
        why = local;
        why_len = sizeof local;
    }
    why[0] = 0;
    if (verify_code(code, is_module, kw_names, ctx, why, why_len) < 0) {
        return strstr(why, "out of memory") == why ? KF_ERR_NOMEM : KF_ERR_UNVERIFIED;
    }
    return KF_OK;
}
