// compiler/ast_validate.c: checks a tree built from Python objects before
// it is compiled, as CPython 3.11's PyAST_Validate (Python/ast.c) does:
// contexts, non-empty bodies, matching sequence lengths, positions, and
// patterns; with its messages ("expression must have Load context but has
// Store instead", "empty body on FunctionDef"). The parser's own trees
// never need it.
#include "ast_reflect.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct Validator {
    KArena *arena;
    const char *msg;
    int is_type_error;
} Validator;

static int fail(Validator *v, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    v->msg = karena_strndup(v->arena, buf, strlen(buf));
    return 0;
}

static const char *const ctx_names[] = {"?", "Load", "Store", "Del"};

static int positions(Validator *v, int lineno, int col, int end_lineno, int end_col) {
    if (lineno > end_lineno) {
        return fail(v, "AST node line range (%d, %d) is not valid", lineno, end_lineno);
    }
    if ((lineno < 0 && end_lineno != lineno) || (col < 0 && col != end_col)) {
        return fail(v, "AST node column range (%d, %d) for line range (%d, %d) is not valid", col,
                    end_col, lineno, end_lineno);
    }
    if (lineno == end_lineno && col > end_col) {
        return fail(v, "line %d, column %d-%d is not a valid range", lineno, col, end_col);
    }
    return 1;
}

#define POSITIONS(n) positions(v, (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset)

static int expr(Validator *v, const KAstExpr *e, KAstExprContext ctx);
static int stmts(Validator *v, const KAstSeq *seq);
static int pattern(Validator *v, const KAstPattern *p, int star_ok);

static int exprs(Validator *v, const KAstSeq *seq, KAstExprContext ctx, int null_ok) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        const KAstExpr *e = seq->items[i];
        if (!e && !null_ok) {
            return fail(v, "None disallowed in expression list");
        }
        if (e && !expr(v, e, ctx)) {
            return 0;
        }
    }
    return 1;
}

static int opt_expr(Validator *v, const KAstExpr *e) {
    return !e || expr(v, e, KAST_LOAD);
}

static int nonempty(Validator *v, const void *seq, const char *what, const char *owner) {
    if (KAST_LEN((const KAstSeq *)seq)) {
        return 1;
    }
    return fail(v, "empty %s on %s", what, owner);
}

static int body(Validator *v, const KAstSeq *seq, const char *owner) {
    return nonempty(v, seq, "body", owner) && stmts(v, seq);
}

static int name_ok(Validator *v, const char *id) {
    static const char *const consts[] = {"None", "True", "False"};
    for (int i = 0; i < 3; i++) {
        if (strcmp(id, consts[i]) == 0) {
            return fail(v, "identifier field can't represent '%s' constant", id);
        }
    }
    return 1;
}

static int args_list(Validator *v, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        const KAstArg *a = seq->items[i];
        if (!POSITIONS(a) || (a->annotation && !expr(v, a->annotation, KAST_LOAD))) {
            return 0;
        }
    }
    return 1;
}

static int arguments(Validator *v, const KAstArguments *a) {
    if (!args_list(v, a->posonlyargs) || !args_list(v, a->args)) {
        return 0;
    }
    if (a->vararg && a->vararg->annotation && !expr(v, a->vararg->annotation, KAST_LOAD)) {
        return 0;
    }
    if (!args_list(v, a->kwonlyargs)) {
        return 0;
    }
    if (a->kwarg && a->kwarg->annotation && !expr(v, a->kwarg->annotation, KAST_LOAD)) {
        return 0;
    }
    if (KAST_LEN(a->defaults) > KAST_LEN(a->posonlyargs) + KAST_LEN(a->args)) {
        return fail(v, "more positional defaults than args on arguments");
    }
    if (KAST_LEN(a->kw_defaults) != KAST_LEN(a->kwonlyargs)) {
        return fail(v, "length of kwonlyargs is not the same as kw_defaults on arguments");
    }
    return exprs(v, a->defaults, KAST_LOAD, 0) && exprs(v, a->kw_defaults, KAST_LOAD, 1);
}

static int keywords(Validator *v, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        const KAstKeyword *k = seq->items[i];
        if (!expr(v, k->value, KAST_LOAD)) {
            return 0;
        }
    }
    return 1;
}

static int comprehensions(Validator *v, const KAstSeq *gens) {
    if (!KAST_LEN(gens)) {
        return fail(v, "comprehension with no generators");
    }
    for (int i = 0; i < KAST_LEN(gens); i++) {
        const KAstComprehension *c = gens->items[i];
        if (!expr(v, c->target, KAST_STORE) || !expr(v, c->iter, KAST_LOAD) ||
            !exprs(v, c->ifs, KAST_LOAD, 0)) {
            return 0;
        }
    }
    return 1;
}

// The context 'e' carries, or 0 for expressions that have none.
static KAstExprContext context_of(const KAstExpr *e) {
    switch (e->kind) {
    case KAST_ATTRIBUTE:
        return e->v.attribute.ctx;
    case KAST_SUBSCRIPT:
        return e->v.subscript.ctx;
    case KAST_STARRED:
        return e->v.starred.ctx;
    case KAST_NAME:
        return e->v.name.ctx;
    case KAST_LIST:
        return e->v.list.ctx;
    case KAST_TUPLE:
        return e->v.tuple.ctx;
    default:
        return 0;
    }
}

static int check_context(Validator *v, const KAstExpr *e, KAstExprContext ctx) {
    KAstExprContext actual = context_of(e);
    if (actual == 0) {
        if (ctx != KAST_LOAD) {
            return fail(v, "expression which can't be assigned to in %s context", ctx_names[ctx]);
        }
        return 1;
    }
    if (actual != ctx) {
        return fail(v, "expression must have %s context but has %s instead", ctx_names[ctx],
                    ctx_names[actual]);
    }
    return 1;
}

static int expr_kinds(Validator *v, const KAstExpr *e, KAstExprContext ctx) {
    switch (e->kind) {
    case KAST_BOOL_OP:
        if (KAST_LEN(e->v.bool_op.values) < 2) {
            return fail(v, "BoolOp with less than 2 values");
        }
        return exprs(v, e->v.bool_op.values, KAST_LOAD, 0);
    case KAST_BIN_OP:
        return expr(v, e->v.bin_op.left, KAST_LOAD) && expr(v, e->v.bin_op.right, KAST_LOAD);
    case KAST_UNARY_OP:
        return expr(v, e->v.unary_op.operand, KAST_LOAD);
    case KAST_LAMBDA:
        return arguments(v, e->v.lambda.args) && expr(v, e->v.lambda.body, KAST_LOAD);
    case KAST_IF_EXP:
        return expr(v, e->v.if_exp.test, KAST_LOAD) && expr(v, e->v.if_exp.body, KAST_LOAD) &&
               expr(v, e->v.if_exp.orelse, KAST_LOAD);
    case KAST_DICT:
        if (KAST_LEN(e->v.dict.keys) != KAST_LEN(e->v.dict.values)) {
            return fail(v, "Dict doesn't have the same number of keys as values");
        }
        return exprs(v, e->v.dict.keys, KAST_LOAD, 1) && exprs(v, e->v.dict.values, KAST_LOAD, 0);
    case KAST_SET:
        return exprs(v, e->v.set.elts, KAST_LOAD, 0);
    case KAST_LIST_COMP:
        return comprehensions(v, e->v.list_comp.generators) &&
               expr(v, e->v.list_comp.elt, KAST_LOAD);
    case KAST_SET_COMP:
        return comprehensions(v, e->v.set_comp.generators) &&
               expr(v, e->v.set_comp.elt, KAST_LOAD);
    case KAST_GENERATOR_EXP:
        return comprehensions(v, e->v.generator_exp.generators) &&
               expr(v, e->v.generator_exp.elt, KAST_LOAD);
    case KAST_DICT_COMP:
        return comprehensions(v, e->v.dict_comp.generators) &&
               expr(v, e->v.dict_comp.key, KAST_LOAD) && expr(v, e->v.dict_comp.value, KAST_LOAD);
    case KAST_YIELD:
        return opt_expr(v, e->v.yield.value);
    case KAST_YIELD_FROM:
        return expr(v, e->v.yield_from.value, KAST_LOAD);
    case KAST_AWAIT:
        return expr(v, e->v.await.value, KAST_LOAD);
    case KAST_COMPARE:
        if (!KAST_LEN(e->v.compare.comparators)) {
            return fail(v, "Compare with no comparators");
        }
        if (KAST_LEN(e->v.compare.comparators) != KAST_LEN(e->v.compare.ops)) {
            return fail(v, "Compare has a different number of comparators and operands");
        }
        return exprs(v, e->v.compare.comparators, KAST_LOAD, 0) &&
               expr(v, e->v.compare.left, KAST_LOAD);
    case KAST_CALL:
        return expr(v, e->v.call.func, KAST_LOAD) && exprs(v, e->v.call.args, KAST_LOAD, 0) &&
               keywords(v, e->v.call.keywords);
    case KAST_JOINED_STR:
        return exprs(v, e->v.joined_str.values, KAST_LOAD, 0);
    case KAST_FORMATTED_VALUE:
        return expr(v, e->v.formatted_value.value, KAST_LOAD) &&
               opt_expr(v, e->v.formatted_value.format_spec);
    case KAST_ATTRIBUTE:
        return expr(v, e->v.attribute.value, KAST_LOAD);
    case KAST_SUBSCRIPT:
        return expr(v, e->v.subscript.slice, KAST_LOAD) &&
               expr(v, e->v.subscript.value, KAST_LOAD);
    case KAST_STARRED:
        return expr(v, e->v.starred.value, ctx);
    case KAST_SLICE:
        return opt_expr(v, e->v.slice.lower) && opt_expr(v, e->v.slice.upper) &&
               opt_expr(v, e->v.slice.step);
    case KAST_LIST:
        return exprs(v, e->v.list.elts, ctx, 0);
    case KAST_TUPLE:
        return exprs(v, e->v.tuple.elts, ctx, 0);
    case KAST_NAMED_EXPR:
        return expr(v, e->v.named_expr.value, KAST_LOAD);
    case KAST_NAME:
        return name_ok(v, e->v.name.id);
    case KAST_CONSTANT:
        return 1; // the runtime checked the value's type
    }
    return 1;
}

static int expr(Validator *v, const KAstExpr *e, KAstExprContext ctx) {
    return POSITIONS(e) && check_context(v, e, ctx) && expr_kinds(v, e, ctx);
}

static int withitems(Validator *v, const KAstSeq *items, const char *owner) {
    if (!nonempty(v, items, "items", owner)) {
        return 0;
    }
    for (int i = 0; i < KAST_LEN(items); i++) {
        const KAstWithitem *w = items->items[i];
        if (!expr(v, w->context_expr, KAST_LOAD) ||
            (w->optional_vars && !expr(v, w->optional_vars, KAST_STORE))) {
            return 0;
        }
    }
    return 1;
}

static int try_stmt(Validator *v, const KAstSeq *b, const KAstSeq *handlers, const KAstSeq *orelse,
                    const KAstSeq *finalbody, const char *owner) {
    if (!body(v, b, owner)) {
        return 0;
    }
    if (!KAST_LEN(handlers) && !KAST_LEN(finalbody)) {
        return fail(v, "%s has neither except handlers nor finalbody", owner);
    }
    if (!KAST_LEN(handlers) && KAST_LEN(orelse)) {
        return fail(v, "%s has orelse but no except handlers", owner);
    }
    for (int i = 0; i < KAST_LEN(handlers); i++) {
        const KAstExcepthandler *h = handlers->items[i];
        if (!POSITIONS(h) || (h->v.except_handler.type && !expr(v, h->v.except_handler.type,
                                                                KAST_LOAD)) ||
            !body(v, h->v.except_handler.body, "ExceptHandler")) {
            return 0;
        }
    }
    return (!KAST_LEN(finalbody) || stmts(v, finalbody)) && (!KAST_LEN(orelse) || stmts(v, orelse));
}

static int match_stmt(Validator *v, const KAstStmt *s) {
    if (!expr(v, s->v.match.subject, KAST_LOAD) ||
        !nonempty(v, s->v.match.cases, "cases", "Match")) {
        return 0;
    }
    for (int i = 0; i < KAST_LEN(s->v.match.cases); i++) {
        const KAstMatchCase *c = s->v.match.cases->items[i];
        if (!pattern(v, c->pattern, 0) || (c->guard && !expr(v, c->guard, KAST_LOAD)) ||
            !body(v, c->body, "match_case")) {
            return 0;
        }
    }
    return 1;
}

static int function_def(Validator *v, const KAstStmt *s, const char *owner) {
    // function_def and async_function_def share their layout (ast.h).
    return body(v, s->v.function_def.body, owner) && arguments(v, s->v.function_def.args) &&
           exprs(v, s->v.function_def.decorator_list, KAST_LOAD, 0) &&
           opt_expr(v, s->v.function_def.returns);
}

static int stmt(Validator *v, const KAstStmt *s) {
    if (!POSITIONS(s)) {
        return 0;
    }
    switch (s->kind) {
    case KAST_FUNCTION_DEF:
        return function_def(v, s, "FunctionDef");
    case KAST_ASYNC_FUNCTION_DEF:
        return function_def(v, s, "AsyncFunctionDef");
    case KAST_CLASS_DEF:
        return body(v, s->v.class_def.body, "ClassDef") &&
               exprs(v, s->v.class_def.bases, KAST_LOAD, 0) &&
               keywords(v, s->v.class_def.keywords) &&
               exprs(v, s->v.class_def.decorator_list, KAST_LOAD, 0);
    case KAST_RETURN:
        return opt_expr(v, s->v.return_.value);
    case KAST_DELETE:
        return nonempty(v, s->v.delete.targets, "targets", "Delete") &&
               exprs(v, s->v.delete.targets, KAST_DEL, 0);
    case KAST_ASSIGN:
        return nonempty(v, s->v.assign.targets, "targets", "Assign") &&
               exprs(v, s->v.assign.targets, KAST_STORE, 0) &&
               expr(v, s->v.assign.value, KAST_LOAD);
    case KAST_AUG_ASSIGN:
        return expr(v, s->v.aug_assign.target, KAST_STORE) &&
               expr(v, s->v.aug_assign.value, KAST_LOAD);
    case KAST_ANN_ASSIGN:
        if (s->v.ann_assign.simple && s->v.ann_assign.target->kind != KAST_NAME) {
            v->is_type_error = 1;
            return fail(v, "AnnAssign with simple non-Name target");
        }
        return expr(v, s->v.ann_assign.target, KAST_STORE) && opt_expr(v, s->v.ann_assign.value) &&
               expr(v, s->v.ann_assign.annotation, KAST_LOAD);
    case KAST_FOR:
    case KAST_ASYNC_FOR:
        // for_ and async_for share their layout (ast.h).
        return expr(v, s->v.for_.target, KAST_STORE) && expr(v, s->v.for_.iter, KAST_LOAD) &&
               body(v, s->v.for_.body, s->kind == KAST_FOR ? "For" : "AsyncFor") &&
               stmts(v, s->v.for_.orelse);
    case KAST_WHILE:
        return expr(v, s->v.while_.test, KAST_LOAD) && body(v, s->v.while_.body, "While") &&
               stmts(v, s->v.while_.orelse);
    case KAST_IF:
        return expr(v, s->v.if_.test, KAST_LOAD) && body(v, s->v.if_.body, "If") &&
               stmts(v, s->v.if_.orelse);
    case KAST_WITH:
    case KAST_ASYNC_WITH: {
        const char *owner = s->kind == KAST_WITH ? "With" : "AsyncWith";
        return withitems(v, s->v.with.items, owner) && body(v, s->v.with.body, owner);
    }
    case KAST_MATCH:
        return match_stmt(v, s);
    case KAST_RAISE:
        if (s->v.raise.exc) {
            return expr(v, s->v.raise.exc, KAST_LOAD) && opt_expr(v, s->v.raise.cause);
        }
        if (s->v.raise.cause) {
            return fail(v, "Raise with cause but no exception");
        }
        return 1;
    case KAST_TRY:
        return try_stmt(v, s->v.try_.body, s->v.try_.handlers, s->v.try_.orelse,
                        s->v.try_.finalbody, "Try");
    case KAST_TRY_STAR:
        return try_stmt(v, s->v.try_star.body, s->v.try_star.handlers, s->v.try_star.orelse,
                        s->v.try_star.finalbody, "TryStar");
    case KAST_ASSERT:
        return expr(v, s->v.assert.test, KAST_LOAD) && opt_expr(v, s->v.assert.msg);
    case KAST_IMPORT:
        return nonempty(v, s->v.import.names, "names", "Import");
    case KAST_IMPORT_FROM:
        if (s->v.import_from.level < 0) {
            return fail(v, "Negative ImportFrom level");
        }
        return nonempty(v, s->v.import_from.names, "names", "ImportFrom");
    case KAST_GLOBAL:
        return nonempty(v, s->v.global.names, "names", "Global");
    case KAST_NONLOCAL:
        return nonempty(v, s->v.nonlocal.names, "names", "Nonlocal");
    case KAST_EXPR:
        return expr(v, s->v.expr.value, KAST_LOAD);
    default:
        return 1;
    }
}

static int stmts(Validator *v, const KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        const KAstStmt *s = seq->items[i];
        if (!s) {
            return fail(v, "None disallowed in statement list");
        }
        if (!stmt(v, s)) {
            return 0;
        }
    }
    return 1;
}

// ---------------------------------------------------------------------------
// Patterns

static int capture(Validator *v, const char *name) {
    if (strcmp(name, "_") == 0) {
        return fail(v, "can't capture name '_' in patterns");
    }
    return name_ok(v, name);
}

static int patterns(Validator *v, const KAstSeq *seq, int star_ok) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        if (!pattern(v, seq->items[i], star_ok)) {
            return 0;
        }
    }
    return 1;
}

// MatchValue's value: a literal or a dotted name.
static int match_value(Validator *v, const KAstExpr *e) {
    if (!expr(v, e, KAST_LOAD)) {
        return 0;
    }
    switch (e->kind) {
    case KAST_CONSTANT: {
        KConstKind k = e->v.constant.value.kind;
        if (k == KCONST_NONE || k == KCONST_TRUE || k == KCONST_FALSE) {
            return fail(v, "unexpected constant inside of a literal pattern");
        }
        return 1;
    }
    case KAST_ATTRIBUTE:
    case KAST_UNARY_OP:
    case KAST_BIN_OP:
    case KAST_JOINED_STR:
        return 1;
    default:
        return fail(v, "patterns may only match literals and attribute lookups");
    }
}

static int class_name(Validator *v, const KAstExpr *cls) {
    while (cls->kind == KAST_ATTRIBUTE) {
        cls = cls->v.attribute.value;
    }
    if (cls->kind != KAST_NAME) {
        return fail(v, "MatchClass cls field can only contain Name or Attribute nodes.");
    }
    return 1;
}

static int pattern(Validator *v, const KAstPattern *p, int star_ok) {
    if (!POSITIONS(p)) {
        return 0;
    }
    switch (p->kind) {
    case KAST_MATCH_VALUE:
        return match_value(v, p->v.match_value.value);
    case KAST_MATCH_SINGLETON: {
        KConstKind k = p->v.match_singleton.value.kind;
        if (k != KCONST_NONE && k != KCONST_TRUE && k != KCONST_FALSE) {
            return fail(v, "MatchSingleton can only contain True, False and None");
        }
        return 1;
    }
    case KAST_MATCH_SEQUENCE:
        return patterns(v, p->v.match_sequence.patterns, 1);
    case KAST_MATCH_MAPPING:
        if (KAST_LEN(p->v.match_mapping.keys) != KAST_LEN(p->v.match_mapping.patterns)) {
            return fail(v, "MatchMapping doesn't have the same number of keys as patterns");
        }
        if (p->v.match_mapping.rest && !capture(v, p->v.match_mapping.rest)) {
            return 0;
        }
        for (int i = 0; i < KAST_LEN(p->v.match_mapping.keys); i++) {
            const KAstExpr *k = p->v.match_mapping.keys->items[i];
            if (k->kind != KAST_CONSTANT && k->kind != KAST_ATTRIBUTE &&
                !match_value(v, k)) {
                return 0;
            }
            if (!expr(v, k, KAST_LOAD)) {
                return 0;
            }
        }
        return patterns(v, p->v.match_mapping.patterns, 0);
    case KAST_MATCH_CLASS:
        if (!expr(v, p->v.match_class.cls, KAST_LOAD) || !class_name(v, p->v.match_class.cls)) {
            return 0;
        }
        if (KAST_LEN(p->v.match_class.kwd_attrs) != KAST_LEN(p->v.match_class.kwd_patterns)) {
            return fail(v, "MatchClass doesn't have the same number of keyword attributes as "
                           "patterns");
        }
        for (int i = 0; i < KAST_LEN(p->v.match_class.kwd_attrs); i++) {
            if (!name_ok(v, p->v.match_class.kwd_attrs->items[i])) {
                return 0;
            }
        }
        return patterns(v, p->v.match_class.patterns, 0) &&
               patterns(v, p->v.match_class.kwd_patterns, 0);
    case KAST_MATCH_STAR:
        if (!star_ok) {
            return fail(v, "can't use MatchStar here");
        }
        return !p->v.match_star.name || capture(v, p->v.match_star.name);
    case KAST_MATCH_AS:
        if (p->v.match_as.name && !capture(v, p->v.match_as.name)) {
            return 0;
        }
        if (!p->v.match_as.pattern) {
            return 1;
        }
        if (!p->v.match_as.name) {
            return fail(v, "MatchAs must specify a target name if a pattern is given");
        }
        return pattern(v, p->v.match_as.pattern, 0);
    case KAST_MATCH_OR:
        if (KAST_LEN(p->v.match_or.patterns) < 2) {
            return fail(v, "MatchOr requires at least 2 patterns");
        }
        return patterns(v, p->v.match_or.patterns, 0);
    }
    return 1;
}

int kast_validate(KArena *a, const KAstMod *mod, const char **msg, int *is_type_error) {
    Validator v = {.arena = a};
    int ok = 1;
    switch (mod->kind) {
    case KAST_MODULE:
        ok = stmts(&v, mod->v.module.body);
        break;
    case KAST_INTERACTIVE:
        ok = stmts(&v, mod->v.interactive.body);
        break;
    case KAST_EXPRESSION:
        ok = expr(&v, mod->v.expression.body, KAST_LOAD);
        break;
    case KAST_FUNCTION_TYPE:
        ok = exprs(&v, mod->v.function_type.argtypes, KAST_LOAD, 0) &&
             expr(&v, mod->v.function_type.returns, KAST_LOAD);
        break;
    }
    *msg = v.msg;
    *is_type_error = v.is_type_error;
    return ok ? 0 : -1;
}
