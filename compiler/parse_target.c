// compiler/parse_target.c: assignment targets (Grammar/python.gram,
// "ASSIGNMENT TARGETS"): star_targets as 'for' loops, comprehensions and
// with items read them, turning a parsed expression into a Store or Del
// target, and the names CPython's messages give to what cannot be one
// ("cannot assign to function call").
#include "parse_target.h"

#include "parser.h"

#include <string.h>

const KAstExpr *ktarget_invalid(const KAstExpr *e, KTargetKind kind) {
    switch (e->kind) {
    case KAST_LIST:
    case KAST_TUPLE: {
        const KAstSeq *elts = e->kind == KAST_LIST ? e->v.list.elts : e->v.tuple.elts;
        for (int i = 0; i < KAST_LEN(elts); i++) {
            const KAstExpr *bad = ktarget_invalid(elts->items[i], kind);
            if (bad) {
                return bad;
            }
        }
        return NULL;
    }
    case KAST_STARRED:
        return kind == KTARGET_DEL ? e : ktarget_invalid(e->v.starred.value, kind);
    case KAST_COMPARE:
        if (kind != KTARGET_FOR) {
            return e;
        }
        return e->v.compare.ops->items[0] == KAST_IN ? ktarget_invalid(e->v.compare.left, kind)
                                                     : NULL;
    case KAST_NAME:
    case KAST_SUBSCRIPT:
    case KAST_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
}

// Sets the context of valid target 'e' and of the targets inside it.
static void set_context(KAstExpr *e, KAstExprContext ctx) {
    switch (e->kind) {
    case KAST_NAME:
        e->v.name.ctx = ctx;
        break;
    case KAST_ATTRIBUTE:
        e->v.attribute.ctx = ctx;
        break;
    case KAST_SUBSCRIPT:
        e->v.subscript.ctx = ctx;
        break;
    case KAST_STARRED:
        e->v.starred.ctx = ctx;
        set_context(e->v.starred.value, ctx);
        break;
    case KAST_LIST:
    case KAST_TUPLE: {
        KAstSeq *elts = e->kind == KAST_LIST ? e->v.list.elts : e->v.tuple.elts;
        if (e->kind == KAST_LIST) {
            e->v.list.ctx = ctx;
        } else {
            e->v.tuple.ctx = ctx;
        }
        for (int i = 0; i < KAST_LEN(elts); i++) {
            set_context(elts->items[i], ctx);
        }
        break;
    }
    default:
        break;
    }
}

int kpar_set_context(KParser *p, KAstExpr *e, KAstExprContext ctx) {
    const KAstExpr *bad = ktarget_invalid(e, ctx == KAST_DEL ? KTARGET_DEL : KTARGET_STORE);
    if (bad) {
        kpar_error_expr(p, bad, ctx == KAST_DEL ? "cannot delete %s" : "cannot assign to %s",
                        kpar_expr_name(bad));
        return -1;
    }
    set_context(e, ctx);
    return 0;
}

const char *kpar_expr_name(const KAstExpr *e) {
    if (!e) {
        return NULL;
    }
    switch (e->kind) {
    case KAST_ATTRIBUTE:
        return "attribute";
    case KAST_SUBSCRIPT:
        return "subscript";
    case KAST_STARRED:
        return "starred";
    case KAST_NAME:
        return "name";
    case KAST_LIST:
        return "list";
    case KAST_TUPLE:
        return "tuple";
    case KAST_LAMBDA:
        return "lambda";
    case KAST_CALL:
        return "function call";
    case KAST_BOOL_OP:
    case KAST_BIN_OP:
    case KAST_UNARY_OP:
        return "expression";
    case KAST_GENERATOR_EXP:
        return "generator expression";
    case KAST_YIELD:
    case KAST_YIELD_FROM:
        return "yield expression";
    case KAST_AWAIT:
        return "await expression";
    case KAST_LIST_COMP:
        return "list comprehension";
    case KAST_SET_COMP:
        return "set comprehension";
    case KAST_DICT_COMP:
        return "dict comprehension";
    case KAST_DICT:
        return "dict literal";
    case KAST_SET:
        return "set display";
    case KAST_JOINED_STR:
    case KAST_FORMATTED_VALUE:
        return "f-string expression";
    case KAST_CONSTANT:
        switch (e->v.constant.value.kind) {
        case KCONST_NONE:
            return "None";
        case KCONST_TRUE:
            return "True";
        case KCONST_FALSE:
            return "False";
        case KCONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case KAST_COMPARE:
        return "comparison";
    case KAST_IF_EXP:
        return "conditional expression";
    case KAST_NAMED_EXPR:
        return "named expression";
    default:
        return NULL;
    }
}

// star_target: '*' (!'*' star_target) | target_with_star_atom, read as
// '*' bitwise_or | bitwise_or and checked as a target afterwards.
static KAstExpr *target_item(KParser *p) {
    if (kpar_kind(p) != KTOK_STAR) {
        return kpar_bitwise_or(p);
    }
    const KToken *star = kpar_advance(p);
    if (kpar_kind(p) == KTOK_STAR) {
        return kpar_syntax_error(p);
    }
    KAstExpr *value = kpar_bitwise_or(p);
    if (!value) {
        return NULL;
    }
    const KToken *last = kpar_prev(p);
    KAstExpr *e = kast_starred(p->arena, value, KAST_LOAD, star->lineno, star->col,
                               last->end_lineno, last->end_col);
    return e ? e : kpar_nomem(p);
}

// 1 when a target can start at a token of 'kind'; any other ends the
// targets (a for statement or comprehension then reads what follows as its
// invalid_for_target).
static int starts_target(int kind) {
    return kind == KTOK_NAME || kind == KTOK_LPAR || kind == KTOK_LSQB || kind == KTOK_STAR;
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
// Read as bitwise_or items, so that 'in' ends them; when an item is no
// target, fails generically where the targets end (the caller then tries
// CPython's invalid_for_target or invalid_with_item).
KAstExpr *kpar_star_targets(KParser *p) {
    const KToken *first = kpar_peek(p);
    KAstExpr *e = target_item(p);
    if (e && kpar_kind(p) == KTOK_COMMA) {
        KParList items;
        kpar_list_init(&items);
        if (kpar_list_push(p, &items, e) < 0) {
            e = NULL;
        }
        while (e && kpar_accept(p, KTOK_COMMA)) {
            if (!starts_target(kpar_kind(p))) {
                break;
            }
            if (!(e = target_item(p)) || kpar_list_push(p, &items, e) < 0) {
                e = NULL;
            }
        }
        KAstSeq *elts = e ? kpar_list_seq(p, &items) : NULL;
        if (elts) {
            const KToken *last = kpar_prev(p);
            e = kast_tuple(p->arena, elts, KAST_STORE, first->lineno, first->col, last->end_lineno,
                           last->end_col);
            if (!e) {
                kpar_nomem(p);
            }
        } else {
            e = NULL;
        }
    }
    if (!e) {
        return NULL;
    }
    if (ktarget_invalid(e, KTARGET_STORE)) {
        return kpar_syntax_error(p);
    }
    // An operator after a target was read by kpar_bitwise_or, which
    // recorded where it failed; CPython's star_targets stops before it (but
    // not before a trailer, which its t_primary tries).
    int kind = kpar_kind(p);
    if (kind != KTOK_DOT && kind != KTOK_LPAR && kind != KTOK_LSQB &&
        p->diag->kind == KDIAG_SYNTAX_ERROR && strcmp(p->diag->msg, "invalid syntax") == 0) {
        p->diag->kind = KDIAG_NONE;
    }
    set_context(e, KAST_STORE);
    return e;
}
