// compiler/codegen_stmt.c: statements to instructions, in the shapes of
// CPython 3.11's compile.c: definitions, assignments, loops, try/except/
// finally (with the exception handlers as SETUP_*/POP_BLOCK pseudo
// instructions), with, imports, and the unwinding of return/break/continue
// through finally blocks and with statements.
#include "codegen.h"

#include <string.h>

static int new_labels(KCg *c, int n, int *out) {
    for (int i = 0; i < n; i++) {
        out[i] = kcg_new_label(c);
        if (out[i] < 0) {
            return -1;
        }
    }
    return 0;
}

int kcg_stmts(KCg *c, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        TRY(kcg_stmt(c, seq->items[i]));
    }
    return 0;
}

const char *kcg_docstring(const KAstSeq *stmts) {
    if (KAST_LEN(stmts) == 0) {
        return NULL;
    }
    const KAstStmt *s = stmts->items[0];
    if (s->kind != KAST_EXPR || s->v.expr.value->kind != KAST_CONSTANT ||
        s->v.expr.value->v.constant.value.kind != KCONST_STR) {
        return NULL;
    }
    return s->v.expr.value->v.constant.value.str;
}

// SETUP_ANNOTATIONS when needed; the docstring stored as __doc__ (not at
// -OO); then the statements.
int kcg_body(KCg *c, const KAstSeq *stmts) {
    if (c->u->scope == KCG_SCOPE_MODULE && KAST_LEN(stmts)) {
        const KAstStmt *first = stmts->items[0];
        KCG_SET_LOC(c, first);
    }
    if (kcg_find_ann(stmts)) {
        TRY(kcg_op(c, KF_OP_SETUP_ANNOTATIONS, 0));
    }
    int i = 0;
    if (c->optimize < 2 && kcg_docstring(stmts)) {
        const KAstStmt *s = stmts->items[0];
        TRY(kcg_expr(c, s->v.expr.value));
        kcg_unset_loc(c);
        TRY(kcg_nameop(c, "__doc__", KAST_STORE));
        i = 1;
    }
    for (; i < KAST_LEN(stmts); i++) {
        TRY(kcg_stmt(c, stmts->items[i]));
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Definitions

static int apply_decorators(KCg *c, const KAstSeq *decos) {
    KfPosition saved = c->u->loc;
    for (int i = KAST_LEN(decos) - 1; i >= 0; i--) {
        const KAstExpr *d = decos->items[i];
        KCG_SET_LOC(c, d);
        TRY(kcg_op(c, KF_OP_CALL, 0));
    }
    c->u->loc = saved;
    return 0;
}

static int function_def(KCg *c, const KAstStmt *s, int is_async) {
    const char *name = is_async ? s->v.async_function_def.name : s->v.function_def.name;
    const KAstArguments *args = is_async ? s->v.async_function_def.args : s->v.function_def.args;
    const KAstSeq *body = is_async ? s->v.async_function_def.body : s->v.function_def.body;
    const KAstSeq *decos =
        is_async ? s->v.async_function_def.decorator_list : s->v.function_def.decorator_list;
    const KAstExpr *returns = is_async ? s->v.async_function_def.returns : s->v.function_def.returns;
    TRY(kcg_check_debug_args(c, args));
    TRY(kcg_exprs(c, decos));
    int firstlineno = s->lineno;
    if (KAST_LEN(decos)) {
        firstlineno = ((const KAstExpr *)decos->items[0])->lineno;
    }
    int flags = kcg_default_arguments(c, args);
    TRY(flags);
    int ann = kcg_annotations(c, args, returns);
    TRY(ann);
    if (ann > 0) {
        flags |= KF_MAKE_ANNOTATIONS;
    }
    TRY(kcg_enter_scope(c, name, is_async ? KCG_SCOPE_ASYNC_FUNCTION : KCG_SCOPE_FUNCTION, s,
                        firstlineno));
    const char *doc = c->optimize < 2 ? kcg_docstring(body) : NULL;
    KfConst first = {.kind = KF_CONST_NONE};
    if (doc) {
        // The constant's length (a strlen of every docstring was 0.7% of kraitc's instructions).
        first = (KfConst){.kind = KF_CONST_STR, .str = doc};
        first.len = ((const KAstStmt *)body->items[0])->v.expr.value->v.constant.value.len;
    }
    if (kcg_const_index(c, &first) < 0) {
        kcg_leave_scope(c, 1);
        return -1;
    }
    c->u->argcount = KAST_LEN(args->args);
    c->u->posonlyargcount = KAST_LEN(args->posonlyargs);
    c->u->kwonlyargcount = KAST_LEN(args->kwonlyargs);
    for (int i = doc ? 1 : 0; i < KAST_LEN(body); i++) {
        if (kcg_stmt(c, body->items[i]) < 0) {
            kcg_leave_scope(c, 1);
            return -1;
        }
    }
    KfCode *code = kcg_leave_scope(c, 1);
    if (!code) {
        return -1;
    }
    TRY(kcg_make_closure(c, code, flags));
    TRY(apply_decorators(c, decos));
    return kcg_nameop(c, name, KAST_STORE);
}

static int class_body(KCg *c, const KAstStmt *s) {
    c->u->private_ = s->v.class_def.name;
    TRY(kcg_nameop(c, "__name__", KAST_LOAD));
    TRY(kcg_nameop(c, "__module__", KAST_STORE));
    TRY(kcg_load_str(c, c->u->qualname));
    TRY(kcg_nameop(c, "__qualname__", KAST_STORE));
    TRY(kcg_body(c, s->v.class_def.body));
    kcg_unset_loc(c);
    if (c->u->ste->needs_class_closure) {
        int i = kmap_get(&c->u->cellvars, "__class__", 0);
        TRY(kcg_op(c, KF_OP_LOAD_CLOSURE, i));
        TRY(kcg_op(c, KF_OP_COPY, 1));
        TRY(kcg_nameop(c, "__classcell__", KAST_STORE));
    } else {
        TRY(kcg_load_none(c));
    }
    return kcg_op(c, KF_OP_RETURN_VALUE, 0);
}

static int class_def(KCg *c, const KAstStmt *s) {
    const KAstSeq *decos = s->v.class_def.decorator_list;
    TRY(kcg_exprs(c, decos));
    int firstlineno = s->lineno;
    if (KAST_LEN(decos)) {
        firstlineno = ((const KAstExpr *)decos->items[0])->lineno;
    }
    TRY(kcg_enter_scope(c, s->v.class_def.name, KCG_SCOPE_CLASS, s, firstlineno));
    int r = class_body(c, s);
    KfCode *code = kcg_leave_scope(c, 1);
    if (r < 0 || !code) {
        return -1;
    }
    TRY(kcg_op(c, KF_OP_PUSH_NULL, 0));
    TRY(kcg_op(c, KF_OP_LOAD_BUILD_CLASS, 0));
    TRY(kcg_make_closure(c, code, 0));
    TRY(kcg_load_str(c, s->v.class_def.name));
    TRY(kcg_call_helper(c, 2, s->v.class_def.bases, s->v.class_def.keywords));
    TRY(apply_decorators(c, decos));
    return kcg_nameop(c, s->v.class_def.name, KAST_STORE);
}

// ---------------------------------------------------------------------------
// Unwinding for return, break and continue

int kcg_call_exit_with_nones(KCg *c) {
    TRY(kcg_load_none(c));
    TRY(kcg_load_none(c));
    TRY(kcg_load_none(c));
    return kcg_op(c, KF_OP_CALL, 2);
}

static int unwind_with(KCg *c, const KcgFBlock *fb, int preserve_tos) {
    const KAstStmt *s = fb->datum;
    KCG_SET_LOC(c, s);
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    if (preserve_tos) {
        TRY(kcg_op(c, KF_OP_SWAP, 2));
    }
    TRY(kcg_call_exit_with_nones(c));
    if (fb->type == KCG_FB_ASYNC_WITH) {
        TRY(kcg_op(c, KF_OP_GET_AWAITABLE, 2));
        TRY(kcg_load_none(c));
        TRY(kcg_yield_from(c, 1));
    }
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    kcg_unset_loc(c);
    return 0;
}

int kcg_unwind_fblock(KCg *c, const KcgFBlock *fb, int preserve_tos) {
    switch (fb->type) {
    case KCG_FB_WHILE_LOOP:
    case KCG_FB_EXCEPTION_HANDLER:
    case KCG_FB_EXCEPTION_GROUP_HANDLER:
    case KCG_FB_ASYNC_COMPREHENSION_GENERATOR:
        return 0;
    case KCG_FB_FOR_LOOP:
        if (preserve_tos) {
            TRY(kcg_op(c, KF_OP_SWAP, 2));
        }
        return kcg_op(c, KF_OP_POP_TOP, 0);
    case KCG_FB_TRY_EXCEPT:
        return kcg_op(c, KCG_POP_BLOCK, 0);
    case KCG_FB_FINALLY_TRY:
        TRY(kcg_op(c, KCG_POP_BLOCK, 0));
        if (preserve_tos) {
            TRY(kcg_push_fblock(c, KCG_FB_POP_VALUE, -1, -1, NULL));
        }
        TRY(kcg_stmts(c, fb->datum));
        if (preserve_tos) {
            kcg_pop_fblock(c);
        }
        kcg_unset_loc(c);
        return 0;
    case KCG_FB_FINALLY_END:
        if (preserve_tos) {
            TRY(kcg_op(c, KF_OP_SWAP, 2));
        }
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
        if (preserve_tos) {
            TRY(kcg_op(c, KF_OP_SWAP, 2));
        }
        TRY(kcg_op(c, KCG_POP_BLOCK, 0));
        return kcg_op(c, KF_OP_POP_EXCEPT, 0);
    case KCG_FB_WITH:
    case KCG_FB_ASYNC_WITH:
        return unwind_with(c, fb, preserve_tos);
    case KCG_FB_HANDLER_CLEANUP:
        if (fb->datum) {
            TRY(kcg_op(c, KCG_POP_BLOCK, 0));
        }
        if (preserve_tos) {
            TRY(kcg_op(c, KF_OP_SWAP, 2));
        }
        TRY(kcg_op(c, KCG_POP_BLOCK, 0));
        TRY(kcg_op(c, KF_OP_POP_EXCEPT, 0));
        if (fb->datum) {
            TRY(kcg_load_none(c));
            TRY(kcg_nameop(c, fb->datum, KAST_STORE));
            TRY(kcg_nameop(c, fb->datum, KAST_DEL));
        }
        return 0;
    case KCG_FB_POP_VALUE:
        if (preserve_tos) {
            TRY(kcg_op(c, KF_OP_SWAP, 2));
        }
        return kcg_op(c, KF_OP_POP_TOP, 0);
    }
    return 0;
}

// Unwinds every frame block (down to the innermost loop when 'loop' is
// given, which receives it).
static int unwind_fblock_stack(KCg *c, int preserve_tos, KcgFBlock **loop) {
    KcgUnit *u = c->u;
    if (u->nfblocks == 0) {
        return 0;
    }
    KcgFBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == KCG_FB_EXCEPTION_GROUP_HANDLER) {
        return kcg_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    }
    if (loop && (top->type == KCG_FB_WHILE_LOOP || top->type == KCG_FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    KcgFBlock copy = *top;
    u->nfblocks--;
    TRY(kcg_unwind_fblock(c, &copy, preserve_tos));
    TRY(unwind_fblock_stack(c, preserve_tos, loop));
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

static int return_stmt(KCg *c, const KAstStmt *s) {
    const KAstExpr *v = s->v.return_.value;
    const KfConst *k = v ? kcg_const_of(c, v) : NULL;
    int preserve_tos = v && !k;
    if (c->u->ste->type != KSYM_FUNCTION) {
        return kcg_error(c, "'return' outside function");
    }
    if (v && c->u->ste->is_coroutine && c->u->ste->is_generator) {
        return kcg_error(c, "'return' with value in async generator");
    }
    if (preserve_tos) {
        TRY(kcg_expr(c, v));
    } else if (v) {
        KCG_SET_LOC(c, v);
        TRY(kcg_op(c, KF_OP_NOP, 0));
    }
    if (!v || v->lineno != s->lineno) {
        KCG_SET_LOC(c, s);
        TRY(kcg_op(c, KF_OP_NOP, 0));
    }
    TRY(unwind_fblock_stack(c, preserve_tos, NULL));
    if (!v) {
        TRY(kcg_load_none(c));
    } else if (!preserve_tos) {
        TRY(kcg_load_const(c, k));
    }
    return kcg_op(c, KF_OP_RETURN_VALUE, 0);
}

static int break_stmt(KCg *c, int is_continue) {
    KcgFBlock *loop = NULL;
    KfPosition saved = c->u->loc;
    TRY(kcg_op(c, KF_OP_NOP, 0));
    TRY(unwind_fblock_stack(c, 0, &loop));
    if (!loop) {
        c->u->loc = saved; // unwinding a finally block moved it
        return kcg_error(c, is_continue ? "'continue' not properly in loop" : "'break' outside loop");
    }
    if (is_continue) {
        return kcg_jump(c, KCG_JUMP, loop->block);
    }
    TRY(kcg_unwind_fblock(c, loop, 0));
    return kcg_jump(c, KCG_JUMP, loop->exit);
}

// ---------------------------------------------------------------------------
// Assignments

static int aug_assign(KCg *c, const KAstStmt *s) {
    const KAstExpr *e = s->v.aug_assign.target;
    KfPosition saved = c->u->loc;
    KCG_SET_LOC(c, e);
    switch (e->kind) {
    case KAST_ATTRIBUTE:
        TRY(kcg_expr(c, e->v.attribute.value));
        TRY(kcg_op(c, KF_OP_COPY, 1));
        TRY(kcg_op_name(c, KF_OP_LOAD_ATTR, kcg_mangle(c, e->v.attribute.attr)));
        break;
    case KAST_SUBSCRIPT:
        TRY(kcg_expr(c, e->v.subscript.value));
        TRY(kcg_expr(c, e->v.subscript.slice));
        TRY(kcg_op(c, KF_OP_COPY, 2));
        TRY(kcg_op(c, KF_OP_COPY, 2));
        TRY(kcg_op(c, KF_OP_BINARY_SUBSCR, 0));
        break;
    case KAST_NAME:
        TRY(kcg_nameop(c, e->v.name.id, KAST_LOAD));
        break;
    default:
        return kcg_error(c, "invalid node type for augmented assignment");
    }
    c->u->loc = saved;
    TRY(kcg_expr(c, s->v.aug_assign.value));
    static const int binops[] = {
        [KAST_ADD] = KF_BINOP_ADD,         [KAST_SUB] = KF_BINOP_SUBTRACT,
        [KAST_MULT] = KF_BINOP_MULTIPLY,   [KAST_MAT_MULT] = KF_BINOP_MATRIX_MULTIPLY,
        [KAST_DIV] = KF_BINOP_TRUE_DIVIDE, [KAST_MOD] = KF_BINOP_REMAINDER,
        [KAST_POW] = KF_BINOP_POWER,       [KAST_LSHIFT] = KF_BINOP_LSHIFT,
        [KAST_RSHIFT] = KF_BINOP_RSHIFT,   [KAST_BIT_OR] = KF_BINOP_OR,
        [KAST_BIT_XOR] = KF_BINOP_XOR,     [KAST_BIT_AND] = KF_BINOP_AND,
        [KAST_FLOOR_DIV] = KF_BINOP_FLOOR_DIVIDE,
    };
    TRY(kcg_op(c, KF_OP_BINARY_OP, binops[s->v.aug_assign.op] + KF_BINOP_INPLACE));
    KCG_SET_LOC(c, e);
    switch (e->kind) {
    case KAST_ATTRIBUTE:
        TRY(kcg_op(c, KF_OP_SWAP, 2));
        return kcg_op_name(c, KF_OP_STORE_ATTR, kcg_mangle(c, e->v.attribute.attr));
    case KAST_SUBSCRIPT:
        TRY(kcg_op(c, KF_OP_SWAP, 3));
        TRY(kcg_op(c, KF_OP_SWAP, 2));
        return kcg_op(c, KF_OP_STORE_SUBSCR, 0);
    default:
        return kcg_nameop(c, e->v.name.id, KAST_STORE);
    }
}

// Evaluates an annotation target's parts for their side effects.
static int check_ann_expr(KCg *c, const KAstExpr *e) {
    TRY(kcg_expr(c, e));
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

static int check_ann_subscr(KCg *c, const KAstExpr *e) {
    if (e->kind == KAST_SLICE) {
        if ((e->v.slice.lower && check_ann_expr(c, e->v.slice.lower) < 0) ||
            (e->v.slice.upper && check_ann_expr(c, e->v.slice.upper) < 0) ||
            (e->v.slice.step && check_ann_expr(c, e->v.slice.step) < 0)) {
            return -1;
        }
        return 0;
    }
    if (e->kind == KAST_TUPLE) {
        for (int i = 0; i < KAST_LEN(e->v.tuple.elts); i++) {
            TRY(check_ann_subscr(c, e->v.tuple.elts->items[i]));
        }
        return 0;
    }
    return check_ann_expr(c, e);
}

static int ann_assign(KCg *c, const KAstStmt *s) {
    const KAstExpr *t = s->v.ann_assign.target;
    if (s->v.ann_assign.value) {
        TRY(kcg_expr(c, s->v.ann_assign.value));
        TRY(kcg_expr(c, t));
    }
    int module_or_class = c->u->scope == KCG_SCOPE_MODULE || c->u->scope == KCG_SCOPE_CLASS;
    switch (t->kind) {
    case KAST_NAME:
        if (strcmp(t->v.name.id, "__debug__") == 0) {
            return kcg_error(c, "cannot assign to __debug__");
        }
        if (s->v.ann_assign.simple && module_or_class) {
            TRY(kcg_annotation(c, s->v.ann_assign.annotation));
            TRY(kcg_op_name(c, KF_OP_LOAD_NAME, "__annotations__"));
            const char *mangled = kcg_mangle(c, t->v.name.id);
            TRY(mangled ? kcg_load_str(c, mangled) : -1);
            TRY(kcg_op(c, KF_OP_STORE_SUBSCR, 0));
        }
        break;
    case KAST_ATTRIBUTE:
        if (strcmp(t->v.attribute.attr, "__debug__") == 0) {
            return kcg_error(c, "cannot assign to __debug__");
        }
        if (!s->v.ann_assign.value) {
            TRY(check_ann_expr(c, t->v.attribute.value));
        }
        break;
    case KAST_SUBSCRIPT:
        if (!s->v.ann_assign.value) {
            TRY(check_ann_expr(c, t->v.subscript.value));
            TRY(check_ann_subscr(c, t->v.subscript.slice));
        }
        break;
    default:
        return kcg_error(c, "invalid node type for annotated assignment");
    }
    if (!s->v.ann_assign.simple && !(c->features & KSYM_FUTURE_ANNOTATIONS) && module_or_class) {
        return check_ann_expr(c, s->v.ann_assign.annotation);
    }
    return 0;
}

static int assign(KCg *c, const KAstStmt *s) {
    const KAstSeq *targets = s->v.assign.targets;
    TRY(kcg_expr(c, s->v.assign.value));
    for (int i = 0; i < targets->count; i++) {
        if (i < targets->count - 1) {
            TRY(kcg_op(c, KF_OP_COPY, 1));
        }
        TRY(kcg_expr(c, targets->items[i]));
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Control flow

static int if_stmt(KCg *c, const KAstStmt *s) {
    int end = kcg_new_label(c);
    TRY(end);
    int next = end;
    if (KAST_LEN(s->v.if_.orelse)) {
        TRY(next = kcg_new_label(c));
    }
    TRY(kcg_jump_if(c, s->v.if_.test, next, 0));
    TRY(kcg_stmts(c, s->v.if_.body));
    if (KAST_LEN(s->v.if_.orelse)) {
        TRY(kcg_jump_noline(c, KCG_JUMP, end));
        kcg_place(c, next);
        TRY(kcg_stmts(c, s->v.if_.orelse));
    }
    kcg_place(c, end);
    return 0;
}

static int while_stmt(KCg *c, const KAstStmt *s) {
    int l[4]; // loop, body, anchor, end
    TRY(new_labels(c, 4, l));
    kcg_place(c, l[0]);
    TRY(kcg_push_fblock(c, KCG_FB_WHILE_LOOP, l[0], l[3], NULL));
    TRY(kcg_jump_if(c, s->v.while_.test, l[2], 0));
    kcg_place(c, l[1]);
    TRY(kcg_stmts(c, s->v.while_.body));
    KCG_SET_LOC(c, s);
    TRY(kcg_jump_if(c, s->v.while_.test, l[1], 1));
    kcg_pop_fblock(c);
    kcg_place(c, l[2]);
    TRY(kcg_stmts(c, s->v.while_.orelse));
    kcg_place(c, l[3]);
    return 0;
}

static int for_stmt(KCg *c, const KAstStmt *s) {
    int l[3]; // start, cleanup, end
    TRY(new_labels(c, 3, l));
    TRY(kcg_push_fblock(c, KCG_FB_FOR_LOOP, l[0], l[2], NULL));
    TRY(kcg_expr(c, s->v.for_.iter));
    TRY(kcg_op(c, KF_OP_GET_ITER, 0));
    kcg_place(c, l[0]);
    TRY(kcg_jump(c, KF_OP_FOR_ITER, l[1]));
    TRY(kcg_expr(c, s->v.for_.target));
    TRY(kcg_stmts(c, s->v.for_.body));
    kcg_unset_loc(c);
    TRY(kcg_jump(c, KCG_JUMP, l[0]));
    kcg_place(c, l[1]);
    kcg_pop_fblock(c);
    TRY(kcg_stmts(c, s->v.for_.orelse));
    kcg_place(c, l[2]);
    return 0;
}

static int check_async(KCg *c, const char *what) {
    if (kcg_top_level_await(c)) {
        c->u->ste->is_coroutine = 1;
        return 0;
    }
    if (c->u->scope != KCG_SCOPE_ASYNC_FUNCTION) {
        return kcg_error(c, "'%s' outside async function", what);
    }
    return 0;
}

static int async_for_stmt(KCg *c, const KAstStmt *s) {
    TRY(check_async(c, "async for"));
    int l[3]; // start, except, end
    TRY(new_labels(c, 3, l));
    TRY(kcg_expr(c, s->v.async_for.iter));
    TRY(kcg_op(c, KF_OP_GET_AITER, 0));
    kcg_place(c, l[0]);
    TRY(kcg_push_fblock(c, KCG_FB_FOR_LOOP, l[0], l[2], NULL));
    TRY(kcg_jump(c, KCG_SETUP_FINALLY, l[1]));
    TRY(kcg_op(c, KF_OP_GET_ANEXT, 0));
    TRY(kcg_load_none(c));
    TRY(kcg_yield_from(c, 1));
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    TRY(kcg_expr(c, s->v.async_for.target));
    TRY(kcg_stmts(c, s->v.async_for.body));
    kcg_unset_loc(c);
    TRY(kcg_jump(c, KCG_JUMP, l[0]));
    kcg_pop_fblock(c);
    kcg_place(c, l[1]);
    KCG_SET_LOC(c, s->v.async_for.iter);
    TRY(kcg_op(c, KF_OP_END_ASYNC_FOR, 0));
    TRY(kcg_stmts(c, s->v.async_for.orelse));
    kcg_place(c, l[2]);
    return 0;
}

static int raise_stmt(KCg *c, const KAstStmt *s) {
    int n = 0;
    if (s->v.raise.exc) {
        TRY(kcg_expr(c, s->v.raise.exc));
        n++;
        if (s->v.raise.cause) {
            TRY(kcg_expr(c, s->v.raise.cause));
            n++;
        }
    }
    return kcg_op(c, KF_OP_RAISE_VARARGS, n);
}

static int assert_stmt(KCg *c, const KAstStmt *s) {
    if (c->optimize) {
        return 0;
    }
    int end = kcg_new_label(c);
    TRY(end);
    TRY(kcg_jump_if(c, s->v.assert.test, end, 1));
    TRY(kcg_op(c, KF_OP_LOAD_ASSERTION_ERROR, 0));
    if (s->v.assert.msg) {
        TRY(kcg_expr(c, s->v.assert.msg));
        TRY(kcg_op(c, KF_OP_CALL, 0));
    }
    TRY(kcg_op(c, KF_OP_RAISE_VARARGS, 1));
    kcg_place(c, end);
    return 0;
}

// ---------------------------------------------------------------------------
// try

// [prev_exc lasti exc] -> restores the previous exception and re-raises.
static int pop_except_and_reraise(KCg *c) {
    TRY(kcg_op(c, KF_OP_COPY, 3));
    TRY(kcg_op(c, KF_OP_POP_EXCEPT, 0));
    return kcg_op(c, KF_OP_RERAISE, 1);
}

// Stores None into the handler's name and deletes it (artificial code).
static int clear_name(KCg *c, const char *name) {
    TRY(kcg_load_none(c));
    TRY(kcg_nameop(c, name, KAST_STORE));
    return kcg_nameop(c, name, KAST_DEL);
}

static int except_handler(KCg *c, const KAstExcepthandler *h, int end) {
    const char *name = h->v.except_handler.name;
    int l[2]; // cleanup_end, cleanup_body
    TRY(new_labels(c, 2, l));
    if (name) {
        TRY(kcg_nameop(c, name, KAST_STORE));
        TRY(kcg_jump(c, KCG_SETUP_CLEANUP, l[0]));
    } else {
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    }
    kcg_place(c, l[1]);
    TRY(kcg_push_fblock(c, KCG_FB_HANDLER_CLEANUP, l[1], -1, name));
    TRY(kcg_stmts(c, h->v.except_handler.body));
    kcg_pop_fblock(c);
    kcg_unset_loc(c);
    if (name) {
        TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    }
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    TRY(kcg_op(c, KF_OP_POP_EXCEPT, 0));
    if (name) {
        TRY(clear_name(c, name));
    }
    TRY(kcg_jump(c, KCG_JUMP, end));
    if (name) {
        kcg_place(c, l[0]);
        kcg_unset_loc(c);
        TRY(clear_name(c, name));
        TRY(kcg_op(c, KF_OP_RERAISE, 1));
    }
    return 0;
}

static int try_except(KCg *c, const KAstStmt *s) {
    int l[4]; // body, except, end, cleanup
    TRY(new_labels(c, 4, l));
    TRY(kcg_jump(c, KCG_SETUP_FINALLY, l[1]));
    kcg_place(c, l[0]);
    TRY(kcg_push_fblock(c, KCG_FB_TRY_EXCEPT, l[0], -1, NULL));
    TRY(kcg_stmts(c, s->v.try_.body));
    kcg_pop_fblock(c);
    TRY(kcg_op_noline(c, KCG_POP_BLOCK, 0));
    TRY(kcg_stmts(c, s->v.try_.orelse));
    TRY(kcg_jump_noline(c, KCG_JUMP, l[2]));
    kcg_place(c, l[1]);
    kcg_unset_loc(c);
    TRY(kcg_jump(c, KCG_SETUP_CLEANUP, l[3]));
    TRY(kcg_op(c, KF_OP_PUSH_EXC_INFO, 0));
    TRY(kcg_push_fblock(c, KCG_FB_EXCEPTION_HANDLER, -1, -1, NULL));
    const KAstSeq *handlers = s->v.try_.handlers;
    for (int i = 0; i < KAST_LEN(handlers); i++) {
        const KAstExcepthandler *h = handlers->items[i];
        KCG_SET_LOC(c, h);
        if (!h->v.except_handler.type && i < handlers->count - 1) {
            return kcg_error(c, "default 'except:' must be last");
        }
        int next = kcg_new_label(c);
        TRY(next);
        if (h->v.except_handler.type) {
            TRY(kcg_expr(c, h->v.except_handler.type));
            TRY(kcg_op(c, KF_OP_CHECK_EXC_MATCH, 0));
            TRY(kcg_jump(c, KF_OP_POP_JUMP_IF_FALSE, next));
        }
        TRY(except_handler(c, h, l[2]));
        kcg_place(c, next);
    }
    kcg_unset_loc(c);
    kcg_pop_fblock(c);
    TRY(kcg_op(c, KF_OP_RERAISE, 0));
    kcg_place(c, l[3]);
    TRY(pop_except_and_reraise(c));
    kcg_place(c, l[2]);
    return 0;
}

// One except* clause: [orig list exc] -> [orig list rest].
static int except_star_handler(KCg *c, const KAstExcepthandler *h, int first, int last,
                               int reraise_star) {
    const char *name = h->v.except_handler.name;
    int l[4]; // match, no_match, cleanup_end, cleanup_body
    TRY(new_labels(c, 4, l));
    KCG_SET_LOC(c, h);
    if (first) {
        TRY(kcg_op(c, KF_OP_COPY, 1));
        TRY(kcg_op(c, KF_OP_BUILD_LIST, 0));
        TRY(kcg_op(c, KF_OP_SWAP, 2));
    }
    if (h->v.except_handler.type) {
        TRY(kcg_expr(c, h->v.except_handler.type));
        TRY(kcg_op(c, KF_OP_CHECK_EG_MATCH, 0));
        TRY(kcg_op(c, KF_OP_COPY, 1));
        TRY(kcg_jump(c, KF_OP_POP_JUMP_IF_NOT_NONE, l[0]));
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
        TRY(kcg_jump(c, KCG_JUMP, l[1]));
    }
    kcg_place(c, l[0]);
    if (name) {
        TRY(kcg_nameop(c, name, KAST_STORE));
    } else {
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    }
    TRY(kcg_jump(c, KCG_SETUP_CLEANUP, l[2]));
    kcg_place(c, l[3]);
    TRY(kcg_push_fblock(c, KCG_FB_HANDLER_CLEANUP, l[3], -1, name));
    TRY(kcg_stmts(c, h->v.except_handler.body));
    kcg_pop_fblock(c);
    kcg_unset_loc(c);
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    if (name) {
        TRY(clear_name(c, name));
    }
    TRY(kcg_jump(c, KCG_JUMP, l[1]));
    kcg_place(c, l[2]);
    if (name) {
        TRY(clear_name(c, name));
    }
    TRY(kcg_op(c, KF_OP_LIST_APPEND, 3));
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    kcg_place(c, l[1]);
    if (last) {
        TRY(kcg_op(c, KF_OP_LIST_APPEND, 1));
        TRY(kcg_jump(c, KCG_JUMP, reraise_star));
    }
    return 0;
}

static int try_star_except(KCg *c, const KAstStmt *s) {
    int l[6]; // body, except, end, cleanup, reraise_star, reraise
    TRY(new_labels(c, 6, l));
    TRY(kcg_jump(c, KCG_SETUP_FINALLY, l[1]));
    kcg_place(c, l[0]);
    TRY(kcg_push_fblock(c, KCG_FB_TRY_EXCEPT, l[0], -1, NULL));
    TRY(kcg_stmts(c, s->v.try_star.body));
    kcg_pop_fblock(c);
    TRY(kcg_op_noline(c, KCG_POP_BLOCK, 0));
    TRY(kcg_stmts(c, s->v.try_star.orelse));
    TRY(kcg_jump_noline(c, KCG_JUMP, l[2]));
    kcg_place(c, l[1]);
    kcg_unset_loc(c);
    TRY(kcg_jump(c, KCG_SETUP_CLEANUP, l[3]));
    TRY(kcg_op(c, KF_OP_PUSH_EXC_INFO, 0));
    TRY(kcg_push_fblock(c, KCG_FB_EXCEPTION_GROUP_HANDLER, -1, -1, NULL));
    const KAstSeq *handlers = s->v.try_star.handlers;
    for (int i = 0; i < KAST_LEN(handlers); i++) {
        TRY(except_star_handler(c, handlers->items[i], i == 0, i == handlers->count - 1, l[4]));
    }
    kcg_pop_fblock(c);
    kcg_unset_loc(c);
    kcg_place(c, l[4]);
    TRY(kcg_op(c, KF_OP_PREP_RERAISE_STAR, 0));
    TRY(kcg_op(c, KF_OP_COPY, 1));
    TRY(kcg_jump(c, KF_OP_POP_JUMP_IF_NOT_NONE, l[5]));
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    TRY(kcg_op(c, KF_OP_POP_EXCEPT, 0));
    TRY(kcg_jump(c, KCG_JUMP, l[2]));
    kcg_place(c, l[5]);
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    TRY(kcg_op(c, KF_OP_SWAP, 2));
    TRY(kcg_op(c, KF_OP_POP_EXCEPT, 0));
    TRY(kcg_op(c, KF_OP_RERAISE, 0));
    kcg_place(c, l[3]);
    TRY(pop_except_and_reraise(c));
    kcg_place(c, l[2]);
    return 0;
}

static int try_finally(KCg *c, const KAstStmt *s, int star) {
    const KAstSeq *handlers = star ? s->v.try_star.handlers : s->v.try_.handlers;
    const KAstSeq *finalbody = star ? s->v.try_star.finalbody : s->v.try_.finalbody;
    int l[4]; // body, end, exit, cleanup
    TRY(new_labels(c, 4, l));
    TRY(kcg_jump(c, KCG_SETUP_FINALLY, l[1]));
    kcg_place(c, l[0]);
    TRY(kcg_push_fblock(c, KCG_FB_FINALLY_TRY, l[0], l[1], finalbody));
    if (KAST_LEN(handlers)) {
        TRY(star ? try_star_except(c, s) : try_except(c, s));
    } else {
        TRY(kcg_stmts(c, star ? s->v.try_star.body : s->v.try_.body));
    }
    TRY(kcg_op_noline(c, KCG_POP_BLOCK, 0));
    kcg_pop_fblock(c);
    TRY(kcg_stmts(c, finalbody));
    TRY(kcg_jump_noline(c, KCG_JUMP, l[2]));
    kcg_place(c, l[1]);
    kcg_unset_loc(c);
    TRY(kcg_jump(c, KCG_SETUP_CLEANUP, l[3]));
    TRY(kcg_op(c, KF_OP_PUSH_EXC_INFO, 0));
    TRY(kcg_push_fblock(c, KCG_FB_FINALLY_END, l[1], -1, NULL));
    TRY(kcg_stmts(c, finalbody));
    kcg_pop_fblock(c);
    TRY(kcg_op(c, KF_OP_RERAISE, 0));
    kcg_place(c, l[3]);
    TRY(pop_except_and_reraise(c));
    kcg_place(c, l[2]);
    return 0;
}

static int try_stmt(KCg *c, const KAstStmt *s) {
    if (KAST_LEN(s->v.try_.finalbody)) {
        return try_finally(c, s, 0);
    }
    return try_except(c, s);
}

static int try_star_stmt(KCg *c, const KAstStmt *s) {
    if (KAST_LEN(s->v.try_star.finalbody)) {
        return try_finally(c, s, 1);
    }
    return try_star_except(c, s);
}

// ---------------------------------------------------------------------------
// with

// [exit lasti prev_exc exc res]: re-raises unless __exit__ returned true.
static int with_except_finish(KCg *c, int cleanup) {
    kcg_unset_loc(c);
    int exit = kcg_new_label(c);
    TRY(exit);
    TRY(kcg_jump(c, KF_OP_POP_JUMP_IF_TRUE, exit));
    TRY(kcg_op(c, KF_OP_RERAISE, 2));
    kcg_place(c, cleanup);
    TRY(pop_except_and_reraise(c));
    kcg_place(c, exit);
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    TRY(kcg_op(c, KF_OP_POP_EXCEPT, 0));
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

static int with_stmt(KCg *c, const KAstStmt *s, int pos, int is_async) {
    const KAstSeq *items = is_async ? s->v.async_with.items : s->v.with.items;
    const KAstSeq *body = is_async ? s->v.async_with.body : s->v.with.body;
    const KAstWithitem *item = items->items[pos];
    if (is_async) {
        TRY(check_async(c, "async with"));
    }
    int l[4]; // block, final, exit, cleanup
    TRY(new_labels(c, 4, l));
    TRY(kcg_expr(c, item->context_expr));
    if (is_async) {
        TRY(kcg_op(c, KF_OP_BEFORE_ASYNC_WITH, 0));
        TRY(kcg_op(c, KF_OP_GET_AWAITABLE, 1));
        TRY(kcg_load_none(c));
        TRY(kcg_yield_from(c, 1));
    } else {
        TRY(kcg_op(c, KF_OP_BEFORE_WITH, 0));
    }
    TRY(kcg_jump(c, KCG_SETUP_WITH, l[1]));
    kcg_place(c, l[0]);
    TRY(kcg_push_fblock(c, is_async ? KCG_FB_ASYNC_WITH : KCG_FB_WITH, l[0], l[1], s));
    if (item->optional_vars) {
        TRY(kcg_expr(c, item->optional_vars));
    } else {
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    }
    if (pos + 1 == items->count) {
        TRY(kcg_stmts(c, body));
    } else {
        TRY(with_stmt(c, s, pos + 1, is_async));
    }
    kcg_unset_loc(c);
    TRY(kcg_op(c, KCG_POP_BLOCK, 0));
    kcg_pop_fblock(c);
    KCG_SET_LOC(c, s);
    TRY(kcg_call_exit_with_nones(c));
    if (is_async) {
        TRY(kcg_op(c, KF_OP_GET_AWAITABLE, 2));
        TRY(kcg_load_none(c));
        TRY(kcg_yield_from(c, 1));
    }
    TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    TRY(kcg_jump(c, KCG_JUMP, l[2]));
    kcg_place(c, l[1]);
    TRY(kcg_jump(c, KCG_SETUP_CLEANUP, l[3]));
    TRY(kcg_op(c, KF_OP_PUSH_EXC_INFO, 0));
    TRY(kcg_op(c, KF_OP_WITH_EXCEPT_START, 0));
    if (is_async) {
        TRY(kcg_op(c, KF_OP_GET_AWAITABLE, 2));
        TRY(kcg_load_none(c));
        TRY(kcg_yield_from(c, 1));
    }
    TRY(with_except_finish(c, l[3]));
    kcg_place(c, l[2]);
    return 0;
}

// ---------------------------------------------------------------------------
// import

static int import_as(KCg *c, const char *name, const char *asname) {
    const char *dot = strchr(name, '.');
    if (!dot) {
        return kcg_nameop(c, asname, KAST_STORE);
    }
    for (;;) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        size_t n = dot ? (size_t)(dot - start) : strlen(start);
        const char *attr = karena_strndup(c->arena, start, n);
        int i = attr ? kcg_name_index(c, attr) : kcg_nomem(c);
        TRY(i);
        TRY(kcg_op(c, KF_OP_IMPORT_FROM, i));
        if (!dot) {
            break;
        }
        TRY(kcg_op(c, KF_OP_SWAP, 2));
        TRY(kcg_op(c, KF_OP_POP_TOP, 0));
    }
    TRY(kcg_nameop(c, asname, KAST_STORE));
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

static int import_stmt(KCg *c, const KAstStmt *s) {
    for (int i = 0; i < KAST_LEN(s->v.import.names); i++) {
        const KAstAlias *a = s->v.import.names->items[i];
        TRY(kcg_load_int(c, 0));
        TRY(kcg_load_none(c));
        TRY(kcg_op_name(c, KF_OP_IMPORT_NAME, a->name));
        if (a->asname) {
            TRY(import_as(c, a->name, a->asname));
        } else {
            const char *dot = strchr(a->name, '.');
            const char *store = a->name;
            if (dot && !(store = karena_strndup(c->arena, a->name, (size_t)(dot - a->name)))) {
                return kcg_nomem(c);
            }
            TRY(kcg_nameop(c, store, KAST_STORE));
        }
    }
    return 0;
}

static int import_from(KCg *c, const KAstStmt *s) {
    const KAstSeq *names = s->v.import_from.names;
    int n = KAST_LEN(names);
    TRY(kcg_load_int(c, s->v.import_from.level));
    const char *module = s->v.import_from.module;
    if (module && strcmp(module, "__future__") == 0 &&
        (s->lineno > c->future_lineno ||
         (s->lineno == c->future_lineno && s->col_offset > c->future_col))) {
        return kcg_error(c, "from __future__ imports must occur at the beginning of the file");
    }
    KfConst *items = karena_alloc(c->arena, sizeof(KfConst) * (size_t)(n ? n : 1));
    if (!items) {
        return kcg_nomem(c);
    }
    for (int i = 0; i < n; i++) {
        items[i] = kcg_str(((const KAstAlias *)names->items[i])->name);
    }
    KfConst tuple = {.kind = KF_CONST_TUPLE, .items = items, .count = n};
    TRY(kcg_load_const(c, &tuple));
    TRY(kcg_op_name(c, KF_OP_IMPORT_NAME, module ? module : ""));
    for (int i = 0; i < n; i++) {
        const KAstAlias *a = names->items[i];
        if (i == 0 && a->name[0] == '*') {
            return kcg_op(c, KF_OP_IMPORT_STAR, 0);
        }
        TRY(kcg_op_name(c, KF_OP_IMPORT_FROM, a->name));
        TRY(kcg_nameop(c, a->asname ? a->asname : a->name, KAST_STORE));
    }
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

// ---------------------------------------------------------------------------
// Dispatch

static int expr_stmt(KCg *c, const KAstExpr *value) {
    if (c->interactive && c->nestlevel <= 1) {
        TRY(kcg_expr(c, value));
        return kcg_op(c, KF_OP_PRINT_EXPR, 0);
    }
    if (value->kind == KAST_CONSTANT || kcg_const_of(c, value)) {
        return kcg_op(c, KF_OP_NOP, 0);
    }
    TRY(kcg_expr(c, value));
    kcg_unset_loc(c);
    return kcg_op(c, KF_OP_POP_TOP, 0);
}

int kcg_stmt(KCg *c, const KAstStmt *s) {
    KCG_SET_LOC(c, s);
    switch (s->kind) {
    case KAST_FUNCTION_DEF:
        return function_def(c, s, 0);
    case KAST_ASYNC_FUNCTION_DEF:
        return function_def(c, s, 1);
    case KAST_CLASS_DEF:
        return class_def(c, s);
    case KAST_RETURN:
        return return_stmt(c, s);
    case KAST_DELETE:
        return kcg_exprs(c, s->v.delete.targets);
    case KAST_ASSIGN:
        return assign(c, s);
    case KAST_AUG_ASSIGN:
        return aug_assign(c, s);
    case KAST_ANN_ASSIGN:
        return ann_assign(c, s);
    case KAST_FOR:
        return for_stmt(c, s);
    case KAST_ASYNC_FOR:
        return async_for_stmt(c, s);
    case KAST_WHILE:
        return while_stmt(c, s);
    case KAST_IF:
        return if_stmt(c, s);
    case KAST_WITH:
        return with_stmt(c, s, 0, 0);
    case KAST_ASYNC_WITH:
        return with_stmt(c, s, 0, 1);
    case KAST_MATCH:
        return kcg_match(c, s);
    case KAST_RAISE:
        return raise_stmt(c, s);
    case KAST_TRY:
        return try_stmt(c, s);
    case KAST_TRY_STAR:
        return try_star_stmt(c, s);
    case KAST_ASSERT:
        return assert_stmt(c, s);
    case KAST_IMPORT:
        return import_stmt(c, s);
    case KAST_IMPORT_FROM:
        return import_from(c, s);
    case KAST_GLOBAL:
    case KAST_NONLOCAL:
        return 0;
    case KAST_EXPR:
        return expr_stmt(c, s->v.expr.value);
    case KAST_PASS:
        return kcg_op(c, KF_OP_NOP, 0);
    case KAST_BREAK:
        return break_stmt(c, 0);
    case KAST_CONTINUE:
        return break_stmt(c, 1);
    }
    return kcg_error(c, "unknown statement kind");
}
