// compiler/parse_stmt.c: the statements of Python 3.11 (Grammar/python.gram,
// "GENERAL STATEMENTS", "SIMPLE STATEMENTS" and "COMPOUND STATEMENTS"):
// files, blocks, simple and compound statements, with CPython 3.11's messages
// and locations for the invalid_* rules about statements. Expressions,
// parameters and match statements come from parse_expr.c, parse_params.c and
// parse_pattern.c.
//
// CPython's PEG parser tries alternatives that share a prefix (an assignment
// target or an expression statement; the two forms of 'with'); here the
// prefix is parsed once and the token after it decides, with kpar_mark/
// kpar_reset only where the alternatives really diverge. CPython reports the
// messages of its invalid_* rules in a second pass that runs only when the
// first failed; here they are tried at the point where parsing fails.
#include "parser.h"

#include "parse_target.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

// Location arguments of a node spanning tokens 'a' to 'b'.
#define SPAN(a, b) (a)->lineno, (a)->col, (b)->end_lineno, (b)->end_col


static int statement(KParser *p, KParList *out);
static int simple_stmts(KParser *p, KParList *out);

// ---- helpers ----

// The last token consumed that is not NEWLINE, INDENT or DEDENT: where a
// statement ends (CPython's EXTRA uses _PyPegen_get_last_nonnwhitespace_token,
// so a compound statement ends with its last body statement, ';' included).
static const KToken *last_token(const KParser *p) {
    if (p->pos <= 1) {
        return p->toks;
    }
    const KToken *t = p->cur - 1;
    while (t > p->toks &&
           (t->kind == KTOK_NEWLINE || t->kind == KTOK_INDENT || t->kind == KTOK_DEDENT)) {
        t--;
    }
    return t;
}

static void *or_nomem(KParser *p, void *node) { return node ? node : kpar_nomem(p); }

// "invalid syntax" (or what kpar_syntax_error makes of that token) at token
// index 'pos'.
static void *syntax_error_at(KParser *p, int pos) {
    kpar_seek(p, pos);
    return kpar_syntax_error(p);
}

// Records an error of 'kind' at token 't' as CPython's RAISE_SYNTAX_ERROR
// and RAISE_INDENTATION_ERROR place it. A DEDENT has no column there: the
// offset is the tokenizer's column in the line, one less than the 1-based
// offset of the token that follows, and there is no end.
static void *error_at_token(KParser *p, KDiagKind kind, const KToken *t, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void *error_at_token(KParser *p, KDiagKind kind, const KToken *t, const char *fmt, ...) {
    char msg[sizeof p->diag->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int col = t->col, end_col = t->end_col;
    if (t->kind == KTOK_DEDENT) {
        const KToken *next = t;
        while (next->kind == KTOK_DEDENT && next < p->toks + p->count - 1) {
            next++;
        }
        if (next->kind != KTOK_ENDMARKER) {
            col--;
        }
        end_col = -1;
    }
    return kpar_error_at(p, kind, t->lineno, col, t->end_lineno, end_col, "%s", msg);
}

// "invalid syntax" at the ENDMARKER, which has no column in CPython: the
// message comes without a caret.
static void *syntax_error_at_end(KParser *p) {
    const KToken *t = kpar_peek(p);
    return kpar_error_at(p, KDIAG_SYNTAX_ERROR, t->lineno, -1, t->lineno, -1, "invalid syntax");
}

// Records 'msg' at the current token, unless that token carries a lexical
// error, which is reported instead (CPython meets it while fetching the token).
static void *error_here(KParser *p, const char *msg) {
    const KToken *t = kpar_peek(p);
    if (t->kind == KTOK_ERRORTOKEN) {
        return kpar_syntax_error(p);
    }
    return error_at_token(p, KDIAG_SYNTAX_ERROR, t, "%s", msg);
}

// 1 when the error recorded is the plain "invalid syntax", after which CPython
// goes on with other alternatives; the messages of invalid_* rules (and
// lexical errors) stop it at once.
static int failed_generically(const KParser *p) {
    return p->diag->kind == KDIAG_SYNTAX_ERROR && strcmp(p->diag->msg, "invalid syntax") == 0;
}

// &&':' : consumes ':' or records "expected ':'" at the current token.
static int forced_colon(KParser *p) {
    if (kpar_accept(p, KTOK_COLON)) {
        return 0;
    }
    error_here(p, "expected ':'");
    return -1;
}

// 1 when tokens 'first'..'last' are one parenthesised group: the '(' at
// 'first' is closed by the ')' at 'last'.
static int is_wrapped(const KParser *p, int first, int last) {
    if (last <= first || p->toks[first].kind != KTOK_LPAR || p->toks[last].kind != KTOK_RPAR) {
        return 0;
    }
    int depth = 0;
    for (int i = first; i <= last; i++) {
        if (p->toks[i].kind == KTOK_LPAR) {
            depth++;
        } else if (p->toks[i].kind == KTOK_RPAR && --depth == 0) {
            return i == last;
        }
    }
    return 0;
}

// CPython's _PyPegen_get_expr_name: kpar_expr_name covers all but the kinds
// that are valid targets somewhere.
static const char *expr_name(const KAstExpr *e) {
    switch (e->kind) {
    case KAST_NAME:
        return "name";
    case KAST_ATTRIBUTE:
        return "attribute";
    case KAST_SUBSCRIPT:
        return "subscript";
    case KAST_STARRED:
        return "starred";
    case KAST_LIST:
        return "list";
    case KAST_TUPLE:
        return "tuple";
    default: {
        const char *name = kpar_expr_name(e);
        return name ? name : "expression";
    }
    }
}

// 1 when the expression 'e' parsed from token 'first' begins with a list,
// tuple or generator expression display, or is True/None/False: the
// lookahead !(list|tuple|genexp|'True'|'None'|'False') of
// invalid_named_expression, read off the left spine of 'e'.
static int starts_with_display(const KAstExpr *e, const KToken *first) {
    if (first->kind == KTOK_KW_TRUE || first->kind == KTOK_KW_NONE ||
        first->kind == KTOK_KW_FALSE) {
        return 1;
    }
    while (e) {
        if ((e->kind == KAST_LIST || e->kind == KAST_TUPLE || e->kind == KAST_GENERATOR_EXP) &&
            e->lineno == first->lineno && e->col_offset == first->col) {
            return 1;
        }
        switch (e->kind) {
        case KAST_BIN_OP:
            e = e->v.bin_op.left;
            break;
        case KAST_ATTRIBUTE:
            e = e->v.attribute.value;
            break;
        case KAST_SUBSCRIPT:
            e = e->v.subscript.value;
            break;
        case KAST_CALL:
            e = e->v.call.func;
            break;
        default:
            return 0;
        }
    }
    return 0;
}

// The current token cannot follow the expression before it: "invalid
// syntax" at the token, or at the one after a 'not', which CPython reads
// looking for 'not in'. (parse_expr.c reports what can follow an expression
// in CPython's invalid_expression: "print 1", "a b" in brackets.)
static void *unexpected_token(KParser *p) {
    if (kpar_kind(p) == KTOK_KW_NOT) {
        return syntax_error_at(p, p->pos + 1);
    }
    return kpar_syntax_error(p);
}

// invalid_named_expression at token index 'at', where CPython reaches it
// through named_expression:
//     | NAME '=' bitwise_or !('='|':=')
//           -> "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
//     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
//           -> "cannot assign to %s here. Maybe you meant '==' instead of '='?"
// Returns 1 when recorded; the position is kept.
static int named_assign_error(KParser *p, int at) {
    KParMark m = kpar_mark(p);
    kpar_seek(p, at);
    const KToken *first = kpar_peek(p);
    KAstExpr *a = kpar_bitwise_or(p), *b = NULL;
    if (a && kpar_accept(p, KTOK_EQUAL)) {
        b = kpar_bitwise_or(p);
    }
    int match = b && kpar_kind(p) != KTOK_EQUAL && kpar_kind(p) != KTOK_COLONEQUAL;
    kpar_reset(p, m);
    if (match && a->kind == KAST_NAME && first->kind == KTOK_NAME) {
        kpar_error_at(p, KDIAG_SYNTAX_ERROR, a->lineno, a->col_offset, b->end_lineno,
                      b->end_col_offset,
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return 1;
    }
    if (match && !starts_with_display(a, first)) {
        kpar_error_expr(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                        expr_name(a));
        return 1;
    }
    return 0;
}

// An expression from token index 'start' followed by '=' where a named
// expression was expected ("if x = 1:"); the current token is the '='.
static void *assign_in_condition(KParser *p, int start) {
    if (named_assign_error(p, start)) {
        return NULL;
    }
    return kpar_syntax_error(p);
}

// The ':' closing the header of an if/elif/while statement or a decorator's
// NEWLINE ('end'), after an expression parsed from token index 'start'.
static int header_end(KParser *p, int start, int end) {
    int kind = kpar_kind(p);
    if (kind == end) {
        kpar_advance(p);
        return 0;
    }
    if (kind == KTOK_NEWLINE) {
        error_here(p, "expected ':'");
    } else if (kind == KTOK_EQUAL) {
        assign_in_condition(p, start);
    } else {
        unexpected_token(p);
    }
    return -1;
}

// named_expression ':' heading an if, elif or while statement.
static KAstExpr *condition(KParser *p) {
    int start = p->pos;
    KAstExpr *e = kpar_named_expression(p);
    if (!e || header_end(p, start, KTOK_COLON) < 0) {
        return NULL;
    }
    return e;
}

// A header's ':' where only "expected ':'" before a NEWLINE is special
// (for, with, class, except).
static int header_colon(KParser *p) {
    if (kpar_accept(p, KTOK_COLON)) {
        return 0;
    }
    if (kpar_kind(p) == KTOK_NEWLINE) {
        error_here(p, "expected ':'");
    } else {
        unexpected_token(p);
    }
    return -1;
}

// star_expression: '*' bitwise_or | expression
static KAstExpr *star_expression(KParser *p) {
    if (kpar_kind(p) != KTOK_STAR) {
        return kpar_expression(p);
    }
    const KToken *star = kpar_advance(p);
    KAstExpr *value = kpar_bitwise_or(p);
    if (!value) {
        return NULL;
    }
    return or_nomem(p, kast_starred(p->arena, value, KAST_LOAD, star->lineno, star->col,
                                    value->end_lineno, value->end_col_offset));
}

// annotated_rhs: yield_expr | star_expressions
static KAstExpr *annotated_rhs(KParser *p) {
    return kpar_kind(p) == KTOK_KW_YIELD ? kpar_yield_expr(p) : kpar_star_expressions(p);
}

static KAstOperator aug_operator(int kind) {
    switch (kind) {
    case KTOK_PLUSEQUAL:
        return KAST_ADD;
    case KTOK_MINEQUAL:
        return KAST_SUB;
    case KTOK_STAREQUAL:
        return KAST_MULT;
    case KTOK_ATEQUAL:
        return KAST_MAT_MULT;
    case KTOK_SLASHEQUAL:
        return KAST_DIV;
    case KTOK_PERCENTEQUAL:
        return KAST_MOD;
    case KTOK_AMPEREQUAL:
        return KAST_BIT_AND;
    case KTOK_VBAREQUAL:
        return KAST_BIT_OR;
    case KTOK_CIRCUMFLEXEQUAL:
        return KAST_BIT_XOR;
    case KTOK_LEFTSHIFTEQUAL:
        return KAST_LSHIFT;
    case KTOK_RIGHTSHIFTEQUAL:
        return KAST_RSHIFT;
    case KTOK_DOUBLESTAREQUAL:
        return KAST_POW;
    case KTOK_DOUBLESLASHEQUAL:
        return KAST_FLOOR_DIV;
    default:
        return 0;
    }
}

// ---- assignments and expression statements ----

// CPython's invalid_assignment, once a target is found invalid, first reads
// the first target 'first' (tokens 'start' up to the '=' at 'eq') as
// star_named_expression ',' star_named_expressions, so that each item of it
// (the whole target, or each item of a bare tuple) meets
// invalid_named_expression: "1, x = y" is reported at "x = y". Returns 1 when
// an error was recorded.
static int first_target_error(KParser *p, const KAstExpr *first, int start, int eq) {
    int bare_tuple = first->kind == KAST_TUPLE && !is_wrapped(p, start, eq - 1);
    int depth = 0, in_lambda = 0, item = start;
    for (int i = start; i < eq; i++) {
        int kind = p->toks[i].kind;
        if (i == item && kind != KTOK_STAR && named_assign_error(p, item)) {
            return 1;
        }
        if (!bare_tuple) {
            return 0;
        }
        if (kind == KTOK_LPAR || kind == KTOK_LSQB || kind == KTOK_LBRACE) {
            depth++;
        } else if (kind == KTOK_RPAR || kind == KTOK_RSQB || kind == KTOK_RBRACE) {
            depth--;
        } else if (depth == 0 && kind == KTOK_KW_LAMBDA) {
            in_lambda = 1;
        } else if (depth == 0 && kind == KTOK_COLON) {
            in_lambda = 0;
        } else if (depth == 0 && kind == KTOK_COMMA && !in_lambda) {
            item = i + 1;
        }
    }
    return 0;
}

// Target 'e' of an assignment, parsed from token index 'at': its ctx becomes
// Store, or CPython's error about the statement is recorded and -1 returned.
// 'first' is the first target, from token 'start' to the '=' at 'eq'.
static int assign_target(KParser *p, KAstExpr *e, int at, const KAstExpr *first, int start,
                         int eq) {
    int is_yield = p->toks[at].kind == KTOK_KW_YIELD;
    const KAstExpr *bad = is_yield ? e : ktarget_invalid(e, KTARGET_STORE);
    if (!bad) {
        return kpar_set_context(p, e, KAST_STORE);
    }
    if (!first_target_error(p, first, start, eq)) {
        if (is_yield) {
            kpar_error_expr(p, e, "assignment to yield expression not possible");
        } else {
            kpar_error_expr(p, bad, "cannot assign to %s", expr_name(bad));
        }
    }
    return -1;
}

// (star_targets '=')+ (yield_expr | star_expressions) !'='
// 'target' (from token index 'start') is parsed; the current token is '='.
// Each target is checked as soon as its '=' is seen, so "f() = " reports the
// target as CPython's invalid_assignment does.
static KAstStmt *assign(KParser *p, KAstExpr *target, int start) {
    int eq = p->pos;
    KParList targets;
    kpar_list_init(&targets);
    if (assign_target(p, target, start, target, start, eq) < 0 ||
        kpar_list_push(p, &targets, target) < 0) {
        return NULL;
    }
    KAstExpr *value = NULL;
    while (kpar_accept(p, KTOK_EQUAL)) {
        int at = p->pos;
        KAstExpr *e = annotated_rhs(p);
        if (!e) {
            return NULL;
        }
        if (kpar_kind(p) != KTOK_EQUAL) {
            value = e;
            break;
        }
        if (assign_target(p, e, at, target, start, eq) < 0 || kpar_list_push(p, &targets, e) < 0) {
            return NULL;
        }
    }
    KAstSeq *seq = kpar_list_seq(p, &targets);
    if (!seq) {
        return NULL;
    }
    return or_nomem(p,
                    kast_assign(p->arena, seq, value, NULL, SPAN(&p->toks[start], last_token(p))));
}

// single_target: a name, attribute or subscript, maybe parenthesised.
static int is_single_target(const KAstExpr *e) {
    return e->kind == KAST_NAME || e->kind == KAST_ATTRIBUTE || e->kind == KAST_SUBSCRIPT;
}

// The operand after the ':' or augmented operator at token index 'op' of an
// annotation or augmented assignment, parsed by 'parse'. After a target that
// is not a single_target only CPython's invalid_assignment reads on, and a
// plain failure there is reported where its first pass stopped: at 'op'.
static KAstExpr *operand_after(KParser *p, int valid_target, int op,
                               KAstExpr *(*parse)(KParser *)) {
    KParMark m = kpar_mark(p);
    KAstExpr *e = parse(p);
    if (!e && !valid_target && failed_generically(p)) {
        kpar_reset(p, m);
        syntax_error_at(p, op);
    }
    return e;
}

// single_target augassign ~ (yield_expr | star_expressions)
// invalid_assignment: star_expressions augassign (yield_expr | star_expressions)
//     -> "'%s' is an illegal expression for augmented assignment"
static KAstStmt *aug_assign(KParser *p, KAstExpr *target, int start) {
    int op_pos = p->pos;
    KAstOperator op = aug_operator(kpar_advance(p)->kind);
    if (p->toks[start].kind == KTOK_KW_YIELD) {
        return syntax_error_at(p, op_pos);
    }
    int valid = is_single_target(target);
    KAstExpr *value = operand_after(p, valid, op_pos, annotated_rhs);
    if (!value) {
        return NULL;
    }
    if (!valid) {
        return kpar_error_expr(p, target, "'%s' is an illegal expression for augmented assignment",
                               expr_name(target));
    }
    if (kpar_set_context(p, target, KAST_STORE) < 0) {
        return NULL;
    }
    return or_nomem(
        p, kast_aug_assign(p->arena, target, op, value, SPAN(&p->toks[start], last_token(p))));
}

// NAME ':' expression ['=' annotated_rhs]                      (simple = 1)
// ('(' single_target ')' | single_subscript_attribute_target)
//     ':' expression ['=' annotated_rhs]                         (simple = 0)
// invalid_assignment: "only single target (not %s) can be annotated",
//     "illegal target for annotation"
static KAstStmt *ann_assign(KParser *p, KAstExpr *target, int start) {
    const KToken *first = &p->toks[start];
    int colon = p->pos;
    if (first->kind == KTOK_KW_YIELD || target->kind == KAST_STARRED) {
        return kpar_syntax_error(p);
    }
    kpar_advance(p);
    KAstExpr *annotation = operand_after(p, is_single_target(target), colon, kpar_expression);
    if (!annotation) {
        return NULL;
    }
    int simple = 0;
    switch (target->kind) {
    case KAST_NAME:
        simple = first->kind == KTOK_NAME;
        break;
    case KAST_ATTRIBUTE:
    case KAST_SUBSCRIPT:
        break;
    case KAST_LIST:
        return kpar_error_expr(p, target, "only single target (not list) can be annotated");
    case KAST_TUPLE:
        // A bare tuple is reported at its first item, a parenthesised one whole.
        if (!is_wrapped(p, start, colon - 1)) {
            target = target->v.tuple.elts->items[0];
        }
        return kpar_error_expr(p, target, "only single target (not tuple) can be annotated");
    default:
        return kpar_error_expr(p, target, "illegal target for annotation");
    }
    if (kpar_set_context(p, target, KAST_STORE) < 0) {
        return NULL;
    }
    KAstExpr *value = NULL;
    if (kpar_accept(p, KTOK_EQUAL) && !(value = annotated_rhs(p))) {
        return NULL;
    }
    return or_nomem(p, kast_ann_assign(p->arena, target, annotation, value, simple,
                                       SPAN(first, last_token(p))));
}

// assignment | star_expressions | yield_stmt
// The first expression is parsed once; the token after it tells an
// annotation, an assignment, an augmented assignment or an expression.
static KAstStmt *expr_stmt(KParser *p) {
    int start = p->pos;
    KAstExpr *e = annotated_rhs(p);
    if (!e) {
        return NULL;
    }
    int kind = kpar_kind(p);
    if (kind == KTOK_COLON) {
        return ann_assign(p, e, start);
    }
    if (kind == KTOK_EQUAL) {
        return assign(p, e, start);
    }
    if (aug_operator(kind)) {
        return aug_assign(p, e, start);
    }
    return or_nomem(p, kast_expr(p->arena, e, SPAN(&p->toks[start], last_token(p))));
}

// invalid_named_expression: a=expression ':=' expression at statement level
// -> "cannot use assignment expressions with %s" (a bare name, a bare tuple or
// a starred or yield expression get "invalid syntax" at ':=').
static void *walrus_error(KParser *p, const KAstStmt *s) {
    const KAstExpr *e = s->v.expr.value;
    int bare = e->lineno == s->lineno && e->col_offset == s->col_offset &&
               e->end_lineno == s->end_lineno && e->end_col_offset == s->end_col_offset;
    if (e->kind == KAST_NAME || e->kind == KAST_STARRED ||
        (bare && (e->kind == KAST_TUPLE || e->kind == KAST_YIELD || e->kind == KAST_YIELD_FROM))) {
        return kpar_syntax_error(p);
    }
    KParMark m = kpar_mark(p);
    kpar_advance(p);
    KAstExpr *value = kpar_expression(p);
    kpar_reset(p, m);
    if (!value) {
        return kpar_syntax_error(p);
    }
    return kpar_error_expr(p, e, "cannot use assignment expressions with %s", expr_name(e));
}

// The current token cannot follow simple statement 's'.
static void *bad_stmt_end(KParser *p, const KAstStmt *s) {
    if (s->kind == KAST_EXPR && kpar_kind(p) == KTOK_COLONEQUAL) {
        return walrus_error(p, s);
    }
    return unexpected_token(p);
}

// ---- other simple statements ----

static int at_stmt_end(const KParser *p) {
    return kpar_kind(p) == KTOK_NEWLINE || kpar_kind(p) == KTOK_SEMI;
}

// return_stmt: 'return' [star_expressions]
static KAstStmt *return_stmt(KParser *p) {
    const KToken *kw = kpar_advance(p);
    KAstExpr *value = NULL;
    if (!at_stmt_end(p) && !(value = kpar_star_expressions(p))) {
        return NULL;
    }
    return or_nomem(p, kast_return(p->arena, value, SPAN(kw, last_token(p))));
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
static KAstStmt *raise_stmt(KParser *p) {
    const KToken *kw = kpar_advance(p);
    KAstExpr *exc = NULL, *cause = NULL;
    if (!at_stmt_end(p)) {
        if (!(exc = kpar_expression(p))) {
            return NULL;
        }
        if (kpar_accept(p, KTOK_KW_FROM) && !(cause = kpar_expression(p))) {
            return NULL;
        }
    }
    return or_nomem(p, kast_raise(p->arena, exc, cause, SPAN(kw, last_token(p))));
}

// assert_stmt: 'assert' expression [',' expression]
static KAstStmt *assert_stmt(KParser *p) {
    const KToken *kw = kpar_advance(p);
    KAstExpr *test = kpar_expression(p), *msg = NULL;
    if (!test) {
        return NULL;
    }
    if (kpar_accept(p, KTOK_COMMA) && !(msg = kpar_expression(p))) {
        return NULL;
    }
    return or_nomem(p, kast_assert(p->arena, test, msg, SPAN(kw, last_token(p))));
}

// pass_stmt: 'pass'; break_stmt: 'break'; continue_stmt: 'continue'
static KAstStmt *keyword_stmt(KParser *p) {
    const KToken *t = kpar_advance(p);
    KAstStmt *s;
    if (t->kind == KTOK_KW_PASS) {
        s = kast_pass(p->arena, SPAN(t, t));
    } else if (t->kind == KTOK_KW_BREAK) {
        s = kast_break(p->arena, SPAN(t, t));
    } else {
        s = kast_continue(p->arena, SPAN(t, t));
    }
    return or_nomem(p, s);
}

// global_stmt: 'global' ','.NAME+
// nonlocal_stmt: 'nonlocal' ','.NAME+
static KAstStmt *names_stmt(KParser *p) {
    const KToken *kw = kpar_advance(p);
    KParList names;
    kpar_list_init(&names);
    do {
        const KToken *t = kpar_expect(p, KTOK_NAME);
        const char *id = t ? kpar_ident(p, t) : NULL;
        if (!id || kpar_list_push(p, &names, (void *)id) < 0) {
            return NULL;
        }
    } while (kpar_accept(p, KTOK_COMMA));
    KAstSeq *seq = kpar_list_seq(p, &names);
    if (!seq) {
        return NULL;
    }
    if (kw->kind == KTOK_KW_GLOBAL) {
        return or_nomem(p, kast_global(p->arena, seq, SPAN(kw, last_token(p))));
    }
    return or_nomem(p, kast_nonlocal(p->arena, seq, SPAN(kw, last_token(p))));
}

// 1 for the tokens an atom starts with (and so a target, through t_primary).
static int starts_atom(int kind) {
    switch (kind) {
    case KTOK_NAME:
    case KTOK_NUMBER:
    case KTOK_STRING:
    case KTOK_LPAR:
    case KTOK_LSQB:
    case KTOK_LBRACE:
    case KTOK_ELLIPSIS:
    case KTOK_KW_TRUE:
    case KTOK_KW_FALSE:
    case KTOK_KW_NONE:
        return 1;
    default:
        return 0;
    }
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
// invalid_del_stmt: 'del' star_expressions -> "cannot delete %s"
// Each comma-separated item is a target of its own; a parenthesised tuple
// or a list is one target.
static KAstStmt *del_stmt(KParser *p) {
    const KToken *kw = kpar_advance(p);
    KParList targets;
    kpar_list_init(&targets);
    for (;;) {
        int at = p->pos;
        KAstExpr *e = star_expression(p);
        if (!e && failed_generically(p) && !starts_atom(p->toks[at].kind)) {
            // CPython's first pass reads del_target, which stops at once on
            // a token no target starts with ('not', '-', 'lambda' ...).
            p->diag->kind = KDIAG_NONE;
            return syntax_error_at(p, at);
        }
        if (!e || kpar_list_push(p, &targets, e) < 0) {
            return NULL;
        }
        if (!kpar_accept(p, KTOK_COMMA) || at_stmt_end(p)) {
            break;
        }
    }
    for (int i = 0; i < targets.count; i++) {
        const KAstExpr *bad = ktarget_invalid(targets.items[i], KTARGET_DEL);
        if (bad) {
            return kpar_error_expr(p, bad, "cannot delete %s", expr_name(bad));
        }
        if (kpar_set_context(p, targets.items[i], KAST_DEL) < 0) {
            return NULL;
        }
    }
    KAstSeq *seq = kpar_list_seq(p, &targets);
    if (!seq) {
        return NULL;
    }
    return or_nomem(p, kast_delete(p->arena, seq, SPAN(kw, last_token(p))));
}

// dotted_name: dotted_name '.' NAME | NAME
// The names joined with '.' (spaces around the dots dropped), in the arena.
static const char *dotted_name(KParser *p) {
    int first = p->pos;
    const KToken *t = kpar_expect(p, KTOK_NAME);
    if (!t) {
        return NULL;
    }
    size_t len = t->len;
    while (kpar_accept(p, KTOK_DOT)) {
        if (!(t = kpar_expect(p, KTOK_NAME))) {
            return NULL;
        }
        len += 1 + t->len;
    }
    if (p->pos - first == 1) {
        return kpar_ident(p, &p->toks[first]);
    }
    char *s = karena_alloc(p->arena, len + 1);
    if (!s) {
        return kpar_nomem(p);
    }
    size_t n = 0;
    for (int i = first; i < p->pos; i++) {
        t = &p->toks[i];
        if (t->kind == KTOK_DOT) {
            s[n++] = '.';
        } else {
            memcpy(s + n, t->text, t->len);
            n += t->len;
        }
    }
    s[n] = '\0';
    return s;
}

// dotted_as_name: dotted_name ['as' NAME]
// import_from_as_name: NAME ['as' NAME]
static KAstAlias *alias(KParser *p, int dotted) {
    const KToken *first = kpar_peek(p);
    const char *name = dotted ? dotted_name(p) : NULL;
    if (!dotted) {
        const KToken *t = kpar_expect(p, KTOK_NAME);
        name = t ? kpar_ident(p, t) : NULL;
    }
    if (!name) {
        return NULL;
    }
    const char *asname = NULL;
    if (kpar_accept(p, KTOK_KW_AS)) {
        const KToken *t = kpar_expect(p, KTOK_NAME);
        if (!t || !(asname = kpar_ident(p, t))) {
            return NULL;
        }
    }
    return or_nomem(p, kast_alias(p->arena, name, asname, SPAN(first, kpar_prev(p))));
}

// import_name: 'import' dotted_as_names
// dotted_as_names: ','.dotted_as_name+
static KAstStmt *import_name(KParser *p) {
    const KToken *kw = kpar_advance(p);
    KParList names;
    kpar_list_init(&names);
    do {
        KAstAlias *a = alias(p, 1);
        if (!a || kpar_list_push(p, &names, a) < 0) {
            return NULL;
        }
    } while (kpar_accept(p, KTOK_COMMA));
    KAstSeq *seq = kpar_list_seq(p, &names);
    if (!seq) {
        return NULL;
    }
    return or_nomem(p, kast_import(p->arena, seq, SPAN(kw, last_token(p))));
}

// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
//     | invalid_import_from_targets: import_from_as_names ',' NEWLINE
//           -> "trailing comma not allowed without surrounding parentheses"
static KAstSeq *import_from_targets(KParser *p) {
    KParList names;
    kpar_list_init(&names);
    if (kpar_kind(p) == KTOK_STAR) {
        const KToken *t = kpar_advance(p);
        KAstAlias *a = kast_alias(p->arena, "*", NULL, SPAN(t, t));
        if (!a || kpar_list_push(p, &names, a) < 0) {
            return kpar_nomem(p);
        }
        return kpar_list_seq(p, &names);
    }
    int paren = kpar_accept(p, KTOK_LPAR) != NULL;
    for (;;) {
        KAstAlias *a = alias(p, 0);
        if (!a || kpar_list_push(p, &names, a) < 0) {
            return NULL;
        }
        if (!kpar_accept(p, KTOK_COMMA) || (paren && kpar_kind(p) == KTOK_RPAR)) {
            break;
        }
        if (!paren && kpar_kind(p) == KTOK_NEWLINE) {
            return error_here(p, "trailing comma not allowed without surrounding parentheses");
        }
    }
    if (paren && !kpar_expect(p, KTOK_RPAR)) {
        return NULL;
    }
    return kpar_list_seq(p, &names);
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
static KAstStmt *import_from(KParser *p) {
    const KToken *kw = kpar_advance(p);
    int level = 0;
    for (;;) {
        if (kpar_accept(p, KTOK_DOT)) {
            level++;
        } else if (kpar_accept(p, KTOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    const char *module = NULL;
    if ((level == 0 || kpar_kind(p) != KTOK_KW_IMPORT) && !(module = dotted_name(p))) {
        return NULL;
    }
    if (!kpar_expect(p, KTOK_KW_IMPORT)) {
        return NULL;
    }
    KAstSeq *names = import_from_targets(p);
    if (!names) {
        return NULL;
    }
    return or_nomem(p, kast_import_from(p->arena, module, names, level, SPAN(kw, last_token(p))));
}

// 1 for keywords that can start an expression (and so a simple statement).
static int starts_expression(int kind) {
    switch (kind) {
    case KTOK_KW_FALSE:
    case KTOK_KW_NONE:
    case KTOK_KW_TRUE:
    case KTOK_KW_AWAIT:
    case KTOK_KW_LAMBDA:
    case KTOK_KW_NOT:
    case KTOK_KW_YIELD:
        return 1;
    default:
        return kind < KTOK_FIRST_KEYWORD || kind > KTOK_LAST_KEYWORD;
    }
}

// simple_stmt:
//     | assignment
//     | star_expressions
//     | &'return' return_stmt
//     | &('import' | 'from') import_stmt
//     | &'raise' raise_stmt
//     | 'pass'
//     | &'del' del_stmt
//     | &'yield' yield_stmt
//     | &'assert' assert_stmt
//     | 'break'
//     | 'continue'
//     | &'global' global_stmt
//     | &'nonlocal' nonlocal_stmt
static KAstStmt *simple_stmt(KParser *p) {
    int kind = kpar_kind(p);
    switch (kind) {
    case KTOK_KW_RETURN:
        return return_stmt(p);
    case KTOK_KW_IMPORT:
        return import_name(p);
    case KTOK_KW_FROM:
        return import_from(p);
    case KTOK_KW_RAISE:
        return raise_stmt(p);
    case KTOK_KW_PASS:
    case KTOK_KW_BREAK:
    case KTOK_KW_CONTINUE:
        return keyword_stmt(p);
    case KTOK_KW_DEL:
        return del_stmt(p);
    case KTOK_KW_ASSERT:
        return assert_stmt(p);
    case KTOK_KW_GLOBAL:
    case KTOK_KW_NONLOCAL:
        return names_stmt(p);
    case KTOK_NEWLINE:
    case KTOK_INDENT:
    case KTOK_DEDENT:
    case KTOK_ENDMARKER:
    case KTOK_ERRORTOKEN:
        return kpar_syntax_error(p);
    default:
        if (!starts_expression(kind)) {
            return kpar_syntax_error(p);
        }
        return expr_stmt(p);
    }
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
static int simple_stmts(KParser *p, KParList *out) {
    for (;;) {
        KAstStmt *s = simple_stmt(p);
        if (!s || kpar_list_push(p, out, s) < 0) {
            return -1;
        }
        if (kpar_accept(p, KTOK_SEMI)) {
            if (kpar_accept(p, KTOK_NEWLINE)) {
                return 0;
            }
            continue;
        }
        if (kpar_accept(p, KTOK_NEWLINE)) {
            return 0;
        }
        bad_stmt_end(p, s);
        return -1;
    }
}

// ---- blocks ----

// statements: statement+, up to a token of kind 'stop' (not consumed).
static KAstSeq *statements(KParser *p, int stop) {
    KParList body;
    kpar_list_init(&body);
    while (kpar_kind(p) != stop) {
        if (statement(p, &body) < 0) {
            return NULL;
        }
    }
    return kpar_list_seq(p, &body);
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
KAstSeq *kpar_block(KParser *p, const char *what, const KToken *kw) {
    if (kpar_kind(p) != KTOK_NEWLINE) {
        KParList body;
        kpar_list_init(&body);
        if (simple_stmts(p, &body) < 0) {
            return NULL;
        }
        return kpar_list_seq(p, &body);
    }
    const KToken *t = kpar_peek_at(p, 1);
    if (t->kind != KTOK_INDENT) {
        if (t->kind == KTOK_ERRORTOKEN) {
            return syntax_error_at(p, p->pos + 1);
        }
        if (!what) {
            return error_at_token(p, KDIAG_INDENTATION_ERROR, t, "expected an indented block");
        }
        return error_at_token(p, KDIAG_INDENTATION_ERROR, t,
                              "expected an indented block after %s on line %d", what, kw->lineno);
    }
    kpar_advance(p);
    kpar_advance(p);
    KAstSeq *body = statements(p, KTOK_DEDENT);
    if (!body || !kpar_expect(p, KTOK_DEDENT)) {
        return NULL;
    }
    return body;
}

// else_block: 'else' &&':' block    (finally_block: 'finally' &&':' block)
static KAstSeq *else_block(KParser *p) {
    const KToken *kw = kpar_advance(p);
    if (forced_colon(p) < 0) {
        return NULL;
    }
    return kpar_block(p, kw->kind == KTOK_KW_ELSE ? "'else' statement" : "'finally' statement", kw);
}

// ---- compound statements ----

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
// elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block])
// Each elif is an If alone in the orelse of the one before, spanning from
// 'elif' to the end of the whole statement. Built bottom-up, without
// recursion, so a long elif chain costs no stack.
static KAstStmt *if_stmt(KParser *p) {
    KParList kws, tests, bodies;
    kpar_list_init(&kws);
    kpar_list_init(&tests);
    kpar_list_init(&bodies);
    do {
        const KToken *kw = kpar_advance(p);
        KAstExpr *test = condition(p);
        KAstSeq *body =
            test ? kpar_block(p, kw->kind == KTOK_KW_IF ? "'if' statement" : "'elif' statement", kw)
                 : NULL;
        if (!body || kpar_list_push(p, &kws, (void *)kw) < 0 ||
            kpar_list_push(p, &tests, test) < 0 || kpar_list_push(p, &bodies, body) < 0) {
            return NULL;
        }
    } while (kpar_kind(p) == KTOK_KW_ELIF);
    p->elif_count += kws.count - 1;
    KAstSeq *orelse = NULL;
    if (kpar_kind(p) == KTOK_KW_ELSE && !(orelse = else_block(p))) {
        return NULL;
    }
    const KToken *end = last_token(p);
    KAstStmt *s = NULL;
    for (int i = kws.count - 1; i >= 0; i--) {
        const KToken *kw = kws.items[i];
        s = kast_if(p->arena, tests.items[i], bodies.items[i], orelse, SPAN(kw, end));
        if (!s || (i > 0 && !(orelse = kast_seq_new(p->arena, 1)))) {
            return kpar_nomem(p);
        }
        if (i > 0) {
            orelse->items[0] = s;
        }
    }
    return s;
}

// while_stmt: 'while' named_expression ':' block [else_block]
static KAstStmt *while_stmt(KParser *p) {
    const KToken *kw = kpar_advance(p);
    KAstExpr *test = condition(p);
    KAstSeq *body = test ? kpar_block(p, "'while' statement", kw) : NULL;
    if (!body) {
        return NULL;
    }
    KAstSeq *orelse = NULL;
    if (kpar_kind(p) == KTOK_KW_ELSE && !(orelse = else_block(p))) {
        return NULL;
    }
    return or_nomem(p, kast_while(p->arena, test, body, orelse, SPAN(kw, last_token(p))));
}

// The target of a for statement, up to 'in': star_targets, or
// invalid_for_target: 'for' star_expressions -> "cannot assign to %s".
static KAstExpr *for_target(KParser *p) {
    KParMark m = kpar_mark(p);
    KAstExpr *target = kpar_star_targets(p);
    if (target && kpar_kind(p) == KTOK_KW_IN) {
        return target;
    }
    if (!target && !failed_generically(p)) {
        return NULL;
    }
    kpar_reset(p, m);
    KAstExpr *e = kpar_star_expressions(p);
    const KAstExpr *bad = e ? ktarget_invalid(e, KTARGET_FOR) : NULL;
    if (bad) {
        kpar_reset(p, m);
        return kpar_error_expr(p, bad, "cannot assign to %s", expr_name(bad));
    }
    if (!e && !failed_generically(p)) {
        return NULL;
    }
    kpar_reset(p, m);
    if ((target = kpar_star_targets(p))) {
        kpar_syntax_error(p);
    }
    return NULL;
}

// for_stmt:
//     | ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
//     | invalid_for_target
static KAstStmt *for_stmt(KParser *p) {
    const KToken *start = kpar_peek(p);
    int is_async = kpar_accept(p, KTOK_KW_ASYNC) != NULL;
    const KToken *kw = kpar_advance(p);
    KAstExpr *target = for_target(p);
    if (!target) {
        return NULL;
    }
    kpar_advance(p);
    KAstExpr *iter = kpar_star_expressions(p);
    if (!iter || header_colon(p) < 0) {
        return NULL;
    }
    KAstSeq *body = kpar_block(p, "'for' statement", kw);
    if (!body) {
        return NULL;
    }
    KAstSeq *orelse = NULL;
    if (kpar_kind(p) == KTOK_KW_ELSE && !(orelse = else_block(p))) {
        return NULL;
    }
    const KToken *end = last_token(p);
    if (is_async) {
        return or_nomem(
            p, kast_async_for(p->arena, target, iter, body, orelse, NULL, SPAN(start, end)));
    }
    return or_nomem(p, kast_for(p->arena, target, iter, body, orelse, NULL, SPAN(start, end)));
}

// The target after 'as' in a with item: star_target &(',' | ')' | ':'), or
// invalid_with_item: expression 'as' expression &(',' | ')' | ':') ->
// "cannot assign to %s". A valid target before a NEWLINE is kept, for
// invalid_with_stmt's "expected ':'".
static KAstExpr *with_target(KParser *p) {
    KAstExpr *t = star_expression(p);
    if (!t) {
        return NULL;
    }
    int kind = kpar_kind(p);
    if (kind != KTOK_COMMA && kind != KTOK_RPAR && kind != KTOK_COLON &&
        (kind != KTOK_NEWLINE || ktarget_invalid(t, KTARGET_STORE))) {
        return kpar_syntax_error(p);
    }
    const KAstExpr *bad = ktarget_invalid(t, KTARGET_STORE);
    if (bad) {
        return kpar_error_expr(p, bad, "cannot assign to %s", expr_name(bad));
    }
    if (kpar_set_context(p, t, KAST_STORE) < 0) {
        return NULL;
    }
    return t;
}

// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
// ','.with_item+, followed by ','? ')' when 'in_parens'.
static int with_items(KParser *p, KParList *items, int in_parens) {
    for (;;) {
        KAstExpr *e = kpar_expression(p), *t = NULL;
        if (!e || (kpar_accept(p, KTOK_KW_AS) && !(t = with_target(p)))) {
            return -1;
        }
        KAstWithitem *item = kast_withitem(p->arena, e, t);
        if (!item) {
            kpar_nomem(p);
            return -1;
        }
        if (kpar_list_push(p, items, item) < 0) {
            return -1;
        }
        if (!kpar_accept(p, KTOK_COMMA) || (in_parens && kpar_kind(p) == KTOK_RPAR)) {
            return 0;
        }
    }
}

// 1 when error 'a' lies after error 'b' in the source.
static int diag_after(const KDiag *a, const KDiag *b) {
    return a->lineno > b->lineno || (a->lineno == b->lineno && a->col > b->col);
}

// The items of a with statement and its ':' (consumed). The parenthesised
// form is tried first, so "with (a, b):" has two items; when it fails
// without a specific message the parentheses are read as part of an
// expression ("with (a, b) as c:"). If both fail, the error further on wins,
// as CPython reports the furthest token it read.
static int with_header(KParser *p, KParList *items) {
    KDiag first_fail;
    first_fail.kind = KDIAG_NONE;
    if (kpar_kind(p) == KTOK_LPAR) {
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        if (with_items(p, items, 1) == 0 && kpar_accept(p, KTOK_RPAR)) {
            if (kpar_accept(p, KTOK_COLON)) {
                return 0;
            }
            if (kpar_kind(p) == KTOK_NEWLINE) {
                error_here(p, "expected ':'");
                return -1;
            }
        }
        if (!kpar_failed(p)) {
            kpar_syntax_error(p);
        }
        if (!failed_generically(p)) {
            return -1;
        }
        first_fail = *p->diag;
        kpar_reset(p, m);
        kpar_list_init(items);
    }
    if (with_items(p, items, 0) == 0 && header_colon(p) == 0) {
        return 0;
    }
    if (failed_generically(p) && first_fail.kind != KDIAG_NONE &&
        diag_after(&first_fail, p->diag)) {
        *p->diag = first_fail;
    }
    return -1;
}

// with_stmt:
//     | ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
//     | ['async'] 'with' ','.with_item+ ':' block
static KAstStmt *with_stmt(KParser *p) {
    const KToken *start = kpar_peek(p);
    int is_async = kpar_accept(p, KTOK_KW_ASYNC) != NULL;
    const KToken *kw = kpar_advance(p);
    KParList items;
    kpar_list_init(&items);
    if (with_header(p, &items) < 0) {
        return NULL;
    }
    KAstSeq *body = kpar_block(p, "'with' statement", kw);
    KAstSeq *seq = body ? kpar_list_seq(p, &items) : NULL;
    if (!seq) {
        return NULL;
    }
    if (is_async) {
        return or_nomem(p, kast_async_with(p->arena, seq, body, NULL, SPAN(start, last_token(p))));
    }
    return or_nomem(p, kast_with(p->arena, seq, body, NULL, SPAN(start, last_token(p))));
}

// invalid_except_stmt: 'except' '*'? a=expression ',' expressions ['as' NAME] ':'
// -> "multiple exception types must be parenthesized", from 'a' to the ':'.
// The current token is the ','. Returns 1 when recorded.
static int except_tuple_error(KParser *p, const KAstExpr *type) {
    KParMark m = kpar_mark(p);
    kpar_advance(p);
    int ok = 1;
    for (;;) {
        if (!kpar_expression(p)) {
            ok = 0;
            break;
        }
        if (!kpar_accept(p, KTOK_COMMA) || kpar_kind(p) == KTOK_COLON ||
            kpar_kind(p) == KTOK_KW_AS) {
            break;
        }
    }
    if (ok && kpar_accept(p, KTOK_KW_AS)) {
        ok = kpar_accept(p, KTOK_NAME) != NULL;
    }
    ok = ok && kpar_kind(p) == KTOK_COLON;
    const KToken *colon = kpar_peek(p);
    kpar_reset(p, m);
    if (!ok) {
        return 0;
    }
    // CPython ends the range at the tokenizer's position after the ':', read
    // as a 1-based column: one short of the ':' token's end.
    kpar_error_at(p, KDIAG_SYNTAX_ERROR, type->lineno, type->col_offset, colon->end_lineno,
                  colon->end_col - 1, "multiple exception types must be parenthesized");
    return 1;
}

// The exception type and name of an except clause, up to and including ':'.
// 'star' is set for except*.
static int except_header(KParser *p, int star, KAstExpr **type, const char **name) {
    int kind = kpar_kind(p);
    if (star && (kind == KTOK_COLON || kind == KTOK_NEWLINE)) {
        error_here(p, "expected one or more exception types");
        return -1;
    }
    if (kind == KTOK_COLON || kind == KTOK_NEWLINE) {
        return forced_colon(p);
    }
    if (!(*type = kpar_expression(p))) {
        return -1;
    }
    if (kpar_kind(p) == KTOK_COMMA) {
        if (!except_tuple_error(p, *type)) {
            kpar_syntax_error(p);
        }
        return -1;
    }
    if (kpar_accept(p, KTOK_KW_AS)) {
        const KToken *t = kpar_expect(p, KTOK_NAME);
        if (!t || !(*name = kpar_ident(p, t))) {
            return -1;
        }
        if (kpar_kind(p) == KTOK_NEWLINE) {
            error_here(p, "expected ':'");
            return -1;
        }
        return kpar_expect(p, KTOK_COLON) ? 0 : -1;
    }
    return header_colon(p);
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
static KAstExcepthandler *except_block(KParser *p, int star) {
    const KToken *kw = kpar_advance(p);
    if (star) {
        kpar_advance(p);
    }
    KAstExpr *type = NULL;
    const char *name = NULL;
    if (except_header(p, star, &type, &name) < 0) {
        return NULL;
    }
    KAstSeq *body = kpar_block(p, star ? "'except*' statement" : "'except' statement", kw);
    if (!body) {
        return NULL;
    }
    return or_nomem(p, kast_except_handler(p->arena, type, name, body, SPAN(kw, last_token(p))));
}

// invalid_try_stmt, at an 'except' clause of the kind the handlers before it
// are not ('star' tells the kind of this one):
//     | 'try' ':' block* except_block+ a='except' b='*' expression ['as' NAME] ':'
//     | 'try' ':' block* except_star_block+ a='except' [expression ['as' NAME]] ':'
// -> "cannot have both 'except' and 'except*' on the same 'try'". Otherwise
// the try statement ends before this clause, which cannot start a statement.
static void *mixed_except_error(KParser *p, int star) {
    int at = p->pos;
    const KToken *kw = kpar_peek(p);
    const KToken *end = star ? kpar_peek_at(p, 1) : kw;
    KParMark m = kpar_mark(p);
    kpar_advance(p);
    if (star) {
        kpar_advance(p);
    }
    int ok = 1;
    if (star || kpar_kind(p) != KTOK_COLON) {
        ok = kpar_expression(p) != NULL;
        if (ok && kpar_accept(p, KTOK_KW_AS)) {
            ok = kpar_accept(p, KTOK_NAME) != NULL;
        }
    }
    ok = ok && kpar_kind(p) == KTOK_COLON;
    kpar_reset(p, m);
    if (!ok) {
        return syntax_error_at(p, at);
    }
    return kpar_error_tokens(p, kw, end,
                             "cannot have both 'except' and 'except*' on the same 'try'");
}

// try_stmt:
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
// invalid_try_stmt: 'try' ':' block !('except' | 'finally')
//     -> "expected 'except' or 'finally' block"
static KAstStmt *try_stmt(KParser *p) {
    const KToken *kw = kpar_advance(p);
    if (forced_colon(p) < 0) {
        return NULL;
    }
    KAstSeq *body = kpar_block(p, "'try' statement", kw);
    if (!body) {
        return NULL;
    }
    int kind = kpar_kind(p);
    if (kind != KTOK_KW_EXCEPT && kind != KTOK_KW_FINALLY) {
        return error_here(p, "expected 'except' or 'finally' block");
    }
    int star = kind == KTOK_KW_EXCEPT && kpar_kind_at(p, 1) == KTOK_STAR;
    KParList handlers;
    kpar_list_init(&handlers);
    while (kpar_kind(p) == KTOK_KW_EXCEPT) {
        if ((kpar_kind_at(p, 1) == KTOK_STAR) != star) {
            return mixed_except_error(p, !star);
        }
        KAstExcepthandler *h = except_block(p, star);
        if (!h || kpar_list_push(p, &handlers, h) < 0) {
            return NULL;
        }
    }
    KAstSeq *orelse = NULL, *finalbody = NULL;
    if (handlers.count > 0 && kpar_kind(p) == KTOK_KW_ELSE && !(orelse = else_block(p))) {
        return NULL;
    }
    if (kpar_kind(p) == KTOK_KW_FINALLY && !(finalbody = else_block(p))) {
        return NULL;
    }
    KAstSeq *seq = kpar_list_seq(p, &handlers);
    if (kpar_failed(p)) {
        return NULL;
    }
    const KToken *end = last_token(p);
    if (star) {
        return or_nomem(p, kast_try_star(p->arena, body, seq, orelse, finalbody, SPAN(kw, end)));
    }
    return or_nomem(p, kast_try(p->arena, body, seq, orelse, finalbody, SPAN(kw, end)));
}

// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
// invalid_class_def_raw: 'class' NAME ['(' [arguments] ')'] NEWLINE -> "expected ':'"
static KAstStmt *class_def(KParser *p, KAstSeq *decorators) {
    const KToken *kw = kpar_advance(p);
    const KToken *name_tok = kpar_expect(p, KTOK_NAME);
    if (!name_tok) {
        return NULL;
    }
    KAstSeq *bases = NULL, *keywords = NULL;
    if (kpar_kind(p) == KTOK_LPAR && kpar_call_args(p, &bases, &keywords) < 0) {
        return NULL;
    }
    if (header_colon(p) < 0) {
        return NULL;
    }
    KAstSeq *body = kpar_block(p, "class definition", kw);
    const char *name = body ? kpar_ident(p, name_tok) : NULL;
    if (!name) {
        return NULL;
    }
    return or_nomem(p, kast_class_def(p->arena, name, bases, keywords, body, decorators,
                                      SPAN(kw, last_token(p))));
}

// function_def_raw:
//     | 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
//     | 'async' 'def' NAME &&'(' [params] ')' ['->' expression] &&':' block
// The node starts at 'def' or 'async', after any decorators.
static KAstStmt *function_def(KParser *p, KAstSeq *decorators) {
    const KToken *start = kpar_peek(p);
    int is_async = kpar_accept(p, KTOK_KW_ASYNC) != NULL;
    const KToken *kw = kpar_advance(p);
    const KToken *name_tok = kpar_expect(p, KTOK_NAME);
    if (!name_tok) {
        return NULL;
    }
    if (!kpar_accept(p, KTOK_LPAR)) {
        return error_here(p, "expected '('");
    }
    KAstArguments *args = kpar_parameters(p, 0);
    if (!args || !kpar_expect(p, KTOK_RPAR)) {
        return NULL;
    }
    KAstExpr *returns = NULL;
    if (kpar_kind(p) == KTOK_RARROW) {
        // ['->' expression] is optional: when the expression fails to parse,
        // CPython backs up and its &&':' fails at the '->'.
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        if (!(returns = kpar_expression(p))) {
            if (!failed_generically(p)) {
                return NULL;
            }
            kpar_reset(p, m);
        }
    }
    if (forced_colon(p) < 0) {
        return NULL;
    }
    KAstSeq *body = kpar_block(p, "function definition", kw);
    const char *name = body ? kpar_ident(p, name_tok) : NULL;
    if (!name) {
        return NULL;
    }
    const KToken *end = last_token(p);
    if (is_async) {
        return or_nomem(p, kast_async_function_def(p->arena, name, args, body, decorators, returns,
                                                   NULL, SPAN(start, end)));
    }
    return or_nomem(p, kast_function_def(p->arena, name, args, body, decorators, returns, NULL,
                                         SPAN(start, end)));
}

// decorators: ('@' named_expression NEWLINE)+
// then function_def_raw or class_def_raw.
static KAstStmt *decorated(KParser *p) {
    KParList decorators;
    kpar_list_init(&decorators);
    while (kpar_accept(p, KTOK_AT)) {
        int start = p->pos;
        KAstExpr *e = kpar_named_expression(p);
        if (!e || header_end(p, start, KTOK_NEWLINE) < 0 || kpar_list_push(p, &decorators, e) < 0) {
            return NULL;
        }
    }
    KAstSeq *seq = kpar_list_seq(p, &decorators);
    if (!seq) {
        return NULL;
    }
    int kind = kpar_kind(p);
    if (kind == KTOK_KW_DEF || (kind == KTOK_KW_ASYNC && kpar_kind_at(p, 1) == KTOK_KW_DEF)) {
        return function_def(p, seq);
    }
    if (kind == KTOK_KW_CLASS) {
        return class_def(p, seq);
    }
    if (kind == KTOK_KW_ASYNC) {
        return syntax_error_at(p, p->pos + 1);
    }
    return kind == KTOK_ENDMARKER ? syntax_error_at_end(p) : kpar_syntax_error(p);
}

// compound_stmt:
//     | &('def' | '@' | 'async') function_def
//     | &'if' if_stmt
//     | &('class' | '@') class_def
//     | &('with' | 'async') with_stmt
//     | &('for' | 'async') for_stmt
//     | &'try' try_stmt
//     | &'while' while_stmt
//     | match_stmt
// NULL without an error recorded when the tokens start no compound statement.
static KAstStmt *compound_stmt(KParser *p) {
    switch (kpar_kind(p)) {
    case KTOK_KW_DEF:
        return function_def(p, NULL);
    case KTOK_AT:
        return decorated(p);
    case KTOK_KW_IF:
        return if_stmt(p);
    case KTOK_KW_CLASS:
        return class_def(p, NULL);
    case KTOK_KW_WITH:
        return with_stmt(p);
    case KTOK_KW_FOR:
        return for_stmt(p);
    case KTOK_KW_TRY:
        return try_stmt(p);
    case KTOK_KW_WHILE:
        return while_stmt(p);
    case KTOK_KW_ASYNC:
        switch (kpar_kind_at(p, 1)) {
        case KTOK_KW_DEF:
            return function_def(p, NULL);
        case KTOK_KW_WITH:
            return with_stmt(p);
        case KTOK_KW_FOR:
            return for_stmt(p);
        default:
            return syntax_error_at(p, p->pos + 1);
        }
    case KTOK_NAME:
        if (kpar_is_name(kpar_peek(p), "match")) {
            return kpar_match_stmt(p);
        }
        return NULL;
    default:
        return NULL;
    }
}

// statement: compound_stmt | simple_stmts
// Appends the statement(s) to 'out'.
static int statement(KParser *p, KParList *out) {
    if (kpar_enter(p) < 0) {
        return -1;
    }
    int r;
    KAstStmt *s = compound_stmt(p);
    if (s) {
        r = kpar_list_push(p, out, s);
    } else if (kpar_failed(p)) {
        r = -1;
    } else {
        r = simple_stmts(p, out);
    }
    kpar_leave(p);
    return r;
}

// file: [statements] ENDMARKER
KAstSeq *kpar_file(KParser *p) { return statements(p, KTOK_ENDMARKER); }

// statement_newline:
//     | compound_stmt NEWLINE
//     | simple_stmts
//     | NEWLINE
//     | ENDMARKER
// and, as CPython's bad_single_statement, nothing may follow the statement.
KAstSeq *kpar_statement(KParser *p) {
    KParList body;
    kpar_list_init(&body);
    if (kpar_kind(p) == KTOK_NEWLINE) {
        const KToken *t = kpar_advance(p);
        KAstStmt *s = kast_pass(p->arena, SPAN(t, t));
        if (!s || kpar_list_push(p, &body, s) < 0) {
            return kpar_nomem(p);
        }
        return kpar_list_seq(p, &body);
    }
    if (kpar_kind(p) == KTOK_ENDMARKER) {
        return syntax_error_at_end(p);
    }
    KAstStmt *s = compound_stmt(p);
    if (s) {
        if (kpar_list_push(p, &body, s) < 0) {
            return NULL;
        }
        kpar_accept(p, KTOK_NEWLINE);
        if (kpar_kind(p) != KTOK_ENDMARKER) {
            return kpar_syntax_error(p);
        }
    } else if (kpar_failed(p) || simple_stmts(p, &body) < 0) {
        return NULL;
    } else if (kpar_kind(p) != KTOK_ENDMARKER) {
        const KToken *t = kpar_prev(p);
        return kpar_error_tokens(p, t, t,
                                 "multiple statements found while compiling a single statement");
    }
    return kpar_list_seq(p, &body);
}
