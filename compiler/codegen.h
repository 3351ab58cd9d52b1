// compiler/codegen.h: the code generator's shared state, private to the
// codegen*.c files, fold.c and assemble.c. The generator walks the AST of
// one scope at a time (a "unit": module, class body, function, lambda,
// comprehension) and appends instructions to the unit's linear buffer, with
// jumps to numbered labels; assemble.c then cuts the buffer into basic
// blocks, optimises them, computes stack depth, the exception table and
// positions, and produces the KfCode. Shapes follow CPython 3.11's
// Python/compile.c, so `kraitc --dis` reads like python3.11's dis.
#ifndef KRAIT_COMPILER_CODEGEN_H
#define KRAIT_COMPILER_CODEGEN_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "strmap.h"
#include "symtable.h"

#include "format/format.h"

// Pseudo-instructions, numbered after the real ones. SETUP_* push an
// exception handler ('target') for the instructions that follow until the
// matching POP_BLOCK; the assembler turns them into exception-table
// entries. JUMP becomes JUMP_FORWARD or JUMP_BACKWARD once the layout is
// known; JUMP_NO_INTERRUPT likewise (JUMP_BACKWARD_NO_INTERRUPT).
enum {
    KCG_SETUP_FINALLY = KF_OP_COUNT, // handler receives [exc]
    KCG_SETUP_CLEANUP,               // handler receives [lasti exc]
    KCG_SETUP_WITH,                  // as SETUP_CLEANUP, below the __enter__ result
    KCG_POP_BLOCK,
    KCG_JUMP,
    KCG_JUMP_NO_INTERRUPT,
    KCG_OP_END
};

// An instruction being built. 'target' is a label (codegen) for jumps and
// SETUP_*; -1 otherwise.
typedef struct KcgInstr {
    int op;
    int arg;
    int target;
    KfPosition pos; // lineno -1: no position (filled in by the assembler)
    int except;     // assembler: index of the handler block, -1 for none
    int time;       // when it starts a block python3.11 would create here, the
                    // unit's clock then (block creation order); otherwise -1
} KcgInstr;

// A label placement: 'label' placed before instruction 'pos'.
typedef struct KcgPlace {
    int pos, label;
} KcgPlace;

typedef enum {
    KCG_SCOPE_MODULE,
    KCG_SCOPE_CLASS,
    KCG_SCOPE_FUNCTION,
    KCG_SCOPE_ASYNC_FUNCTION,
    KCG_SCOPE_LAMBDA,
    KCG_SCOPE_COMPREHENSION,
} KcgScope;

// Frame blocks: what break/continue/return must unwind.
typedef enum {
    KCG_FB_WHILE_LOOP,
    KCG_FB_FOR_LOOP,
    KCG_FB_TRY_EXCEPT,
    KCG_FB_FINALLY_TRY,
    KCG_FB_FINALLY_END,
    KCG_FB_WITH,
    KCG_FB_ASYNC_WITH,
    KCG_FB_HANDLER_CLEANUP,
    KCG_FB_POP_VALUE,
    KCG_FB_EXCEPTION_HANDLER,
    KCG_FB_EXCEPTION_GROUP_HANDLER,
    KCG_FB_ASYNC_COMPREHENSION_GENERATOR,
} KcgFBlockType;

typedef struct KcgFBlock {
    KcgFBlockType type;
    int block; // label: loop start (continue target)
    int exit;  // label: loop exit (break target)
    const void *datum; // FINALLY_TRY: finalbody; WITH: the statement; HANDLER_CLEANUP: name
} KcgFBlock;

// CPython's CO_MAXBLOCKS: deeper static nesting is a SyntaxError.
enum { KCG_MAX_FBLOCKS = 20 };

// A name operation resolved in a unit: (atom, context) -> opcode and
// argument; key atom * 4 + context, 0 when empty.
typedef struct KcgNameOp {
    unsigned key;
    int op, arg;
} KcgNameOp;

enum { KCG_NAMEOPS = 32 };

typedef struct KcgUnit {
    struct KcgUnit *parent;
    KSymEntry *ste;
    KcgScope scope;
    const char *name;
    const char *qualname;
    const char *private_; // enclosing class name, for mangling
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    KcgInstr *instrs;
    int ninstrs, instrcap;
    int *labels; // label -> instruction index, -1 until placed
    int *label_time; // label -> the unit's clock when it was made
    int nlabels, labelcap;
    KcgPlace *placed; // labels in the order placed, so by instruction index
                      // (a label placed again leaves a stale entry behind)
    int nplaced, placedcap;
    int clock;   // counts labels and implicit blocks made, in order (so
                 // clock + 1 bounds the number of blocks)
    int pending_time; // after a jump or exit: the clock reserved for the
                      // block python3.11 opens next (the next instruction's
                      // 'time'); otherwise -1
    KMap names;    // co_names
    KMap varnames; // locals (parameters first)
    KMap cellvars; // cells, sorted by name ('__class__' first in classes)
    KMap freevars; // free variables; values offset by the number of cells
    KfConst *consts;
    int nconsts, constcap;
    int *const_slots; // dedup table: index + 1, 0 = empty
    int nconst_slots;
    uint64_t *const_hashes; // hash of consts[i] (the table grows without rehashing them)
    int singletons[KF_CONST_ELLIPSIS + 1]; // index + 1 of None, True, False,
                                           // Ellipsis once pooled; 0 before
    KfPosition loc;   // location given to the next instructions
    KcgFBlock fblocks[KCG_MAX_FBLOCKS];
    int nfblocks;
    KcgNameOp nameops[KCG_NAMEOPS]; // recent kcg_nameop results (direct-mapped)
} KcgUnit;

typedef struct KCg {
    KArena *arena;
    KDiag *diag;
    KSymTable *st;
    const char *filename;
    int optimize;  // -O level
    int features;  // future flags (KSYM_FUTURE_*)
    int future_lineno, future_col; // the last future import
    int interactive;
    int top_level_await; // compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT
    int nestlevel;
    KcgUnit *u;
    struct KFold *fold;
    long depth_mismatches; // blocks reached with two stack depths (a bug)
    // Units assembled whose instruction and label buffers the next units
    // entered take (so siblings and nested units do not grow theirs again).
    KcgUnit *spares[4];
    int nspares;
} KCg;

// ---- codegen.c: units, instructions, names, constants

// Appends an instruction at the current location. Returns 0, or -1 (out of
// memory, or an argument past KF_MAX_ARG, recorded in the diag).
int kcg_op(KCg *c, int op, int arg);
// Appends a jump (or SETUP_*) to 'label'.
int kcg_jump(KCg *c, int op, int label);
// As kcg_op/kcg_jump, with no location (it is inherited later).
int kcg_op_noline(KCg *c, int op, int arg);
int kcg_jump_noline(KCg *c, int op, int label);
// A new label, or -1 when out of memory.
int kcg_new_label(KCg *c);
// Places 'label' before the next instruction.
void kcg_place(KCg *c, int label);

// The location of the following instructions: node span, or none.
// Returns -1 from the calling function when 'x' (an int result) is -1.
#define TRY(x)                                                                                 \
    do {                                                                                       \
        if ((x) < 0) {                                                                         \
            return -1;                                                                         \
        }                                                                                      \
    } while (0)

#define KCG_SET_LOC(c, n)                                                                      \
    ((c)->u->loc = (KfPosition){(n)->lineno, (n)->end_lineno, (n)->col_offset,                   \
                                (n)->end_col_offset})
static inline void kcg_unset_loc(KCg *c) {
    c->u->loc.lineno = -1;
}

// Index of constant 'k' in the unit's pool (equal constants share one, by
// type and value as CPython's _PyCode_ConstantKey), or -1 when out of memory.
int kcg_const_index(KCg *c, const KfConst *k);
int kcg_load_const(KCg *c, const KfConst *k);
int kcg_load_none(KCg *c);
int kcg_load_int(KCg *c, int64_t v);
int kcg_load_str(KCg *c, const char *s);
// The string constant 's' (arena-kept) as a KfConst.
KfConst kcg_str(const char *s);
// Index of 'name' in co_names, adding it; -1 when out of memory.
int kcg_name_index(KCg *c, const char *name);
// Emits 'op' with a co_names argument, mangled for the current class (as
// CPython's ADDOP_NAME); -1 on error (a NULL 'name' is out of memory).
int kcg_op_name(KCg *c, int op, const char *name);
// Mangles 'name' for the current class, NULL when out of memory. Inline:
// asked for every name the generator emits, and most are not private.
const char *kcg_mangle_private(KCg *c, const char *name);
static inline const char *kcg_mangle(KCg *c, const char *name) {
    if (!c->u->private_ || name[0] != '_' || name[1] != '_') {
        return name;
    }
    return kcg_mangle_private(c, name);
}
// Load, store or delete of variable 'name' with the right opcode for its
// scope (compiler_nameop).
int kcg_nameop(KCg *c, const char *name, KAstExprContext ctx);
// Records a SyntaxError at the current location; returns -1.
int kcg_error(KCg *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int kcg_nomem(KCg *c);

// Frame blocks.
int kcg_push_fblock(KCg *c, KcgFBlockType type, int block, int exit, const void *datum);
void kcg_pop_fblock(KCg *c);

// Compiles a function body, lambda, class body or comprehension into a
// nested unit: enter, generate, then leave with the finished code.
int kcg_enter_scope(KCg *c, const char *name, KcgScope scope, const void *key, int lineno);
// Assembles the current unit ('add_none': end with `return None`), leaves
// it, and returns its code (NULL on error).
KfCode *kcg_leave_scope(KCg *c, int add_none);
// Pushes a function for 'code' (closure cells, then MAKE_FUNCTION 'flags').
int kcg_make_closure(KCg *c, const KfCode *code, int flags);

// Compiles module 'mod' (Module, Interactive or Expression) into its code
// object; NULL with the diag set on error.
KfCode *kcg_compile(KCg *c, const KAstMod *mod);
// 1 when await and friends are allowed here because of top-level await.
static inline int kcg_top_level_await(const KCg *c) {
    return c->top_level_await && c->u->ste->type == KSYM_MODULE;
}

// 1 when 'stmts' contain an annotated assignment outside nested scopes.
int kcg_find_ann(const KAstSeq *stmts);

// ---- codegen_stmt.c
int kcg_stmt(KCg *c, const KAstStmt *s);
int kcg_stmts(KCg *c, const KAstSeq *seq);
// Module or class body: SETUP_ANNOTATIONS, docstring to __doc__, statements.
int kcg_body(KCg *c, const KAstSeq *stmts);
// 1 when 'stmts' starts with a docstring (a str constant expression).
const char *kcg_docstring(const KAstSeq *stmts);
// Unwinds frame blocks for return/break/continue (compiler_unwind_fblock).
int kcg_unwind_fblock(KCg *c, const KcgFBlock *fb, int preserve_tos);
int kcg_call_exit_with_nones(KCg *c);

// ---- codegen_expr.c
int kcg_expr(KCg *c, const KAstExpr *e);
int kcg_exprs(KCg *c, const KAstSeq *seq);
// Jumps to 'label' when 'e' is true ('cond' 1) or false (0).
int kcg_jump_if(KCg *c, const KAstExpr *e, int label, int cond);
// A constant value of 'e' (a Constant, or a folded tuple), or NULL.
const KfConst *kcg_const_of(KCg *c, const KAstExpr *e);
// The KfConst of an AST constant.
KfConst kcg_const_from_ast(const KConst *k);
// Positional args after 'n' pushed ones, then keywords; ends with CALL or
// CALL_FUNCTION_EX (compiler_call_helper).
int kcg_call_helper(KCg *c, int n, const KAstSeq *args, const KAstSeq *keywords);
// Emits YIELD_VALUE (ASYNC_GEN_WRAP first in async generators).
int kcg_yield(KCg *c);
// The SEND / YIELD_VALUE loop of yield from and await.
int kcg_yield_from(KCg *c, int await);
// Function defaults, kwdefaults and annotations; returns MAKE_FUNCTION flags or -1.
int kcg_default_arguments(KCg *c, const KAstArguments *args);
int kcg_annotations(KCg *c, const KAstArguments *args, const KAstExpr *returns);
// Loads an annotation: its value, or its source as a string under
// `from __future__ import annotations`.
int kcg_annotation(KCg *c, const KAstExpr *ann);
int kcg_check_debug_args(KCg *c, const KAstArguments *args);
int kcg_lambda(KCg *c, const KAstExpr *e);

// ---- codegen_pattern.c
int kcg_match(KCg *c, const KAstStmt *s);

// ---- fold.c: constant folding of the AST (CPython's ast_opt.c)
typedef struct KFold KFold;
// Folds 'mod' in place: constant arithmetic, constant tuples (kept aside:
// kfold_tuple), `not` over comparisons, lists/sets iterated or tested with
// 'in' into tuples/frozensets, __debug__. Returns the fold state, or NULL
// when out of memory.
// Annotations are left alone under 'features' KSYM_FUTURE_ANNOTATIONS.
KFold *kfold_module(KArena *a, KAstMod *mod, int optimize, int features);
// The tuple (or frozenset) constant folded from Tuple/Set node 'e', or NULL.
const KfConst *kfold_tuple(const KFold *f, const KAstExpr *e);

// 1 when constants 'a' and 'b' are equal as Python compares them (1 ==
// 1.0 == True), for set members and mapping-pattern keys.
int kfold_equal(const KfConst *a, const KfConst *b);

// ---- unparse.c: expressions back to source (annotations as strings)
// Returns the source text of 'e' as CPython's ast.unparse (C version,
// Python/ast_unparse.c) prints annotations, or NULL when out of memory.
const char *kunparse_expr(KArena *a, const KAstExpr *e);

// ---- assemble.c
// Turns the unit's instructions into a code object: blocks, optimisation,
// stack depth, exception table, positions. NULL with the diag set on error.
KfCode *kasm_assemble(KCg *c, KcgUnit *u, int flags);

#endif
