// compiler/parse_display.c: Python 3.11's displays (Grammar/python.gram,
// "LITERALS" from list to dictcomp, and "Comprehensions & Generators"): the
// atoms in brackets (tuples, parenthesised expressions, generator
// expressions, lists, sets, dicts and their comprehensions) and the
// comprehension clauses, with CPython 3.11's locations and the messages of
// its invalid_* rules about them. The parsing state and conventions are
// parse_expr.c's (see parse_expr.h).
#include "parse_expr.h"

#include <string.h>

#include "parse_target.h"

// Rule levels CPython goes through between an atom's bracket and the
// expression inside it (measured: tuple/group ..., star_named_expression
// ...); display_items adds those of the items after the first.
enum { DEPTH_PAREN = 8, DEPTH_DISPLAY = 9 };

// The closing bracket 'close' after a comprehension, or "invalid syntax".
static const KToken *expect_close(KParser *p, int close) {
    if (kpar_kind(p) == close) {
        return kpar_advance(p);
    }
    return kexpr_unexpected(p, 1);
}

// After '*' bitwise_or ('item', from token 'star') in a display opened by
// 'open', where neither ',' nor the closing bracket follows (the token at
// index 'after'): CPython then reads '*' expression for
//     invalid_group: '(' starred_expression ')' -> "cannot use starred expression here"
//     invalid_comprehension: ('[' | '(' | '{') starred_expression for_if_clauses
//         -> "iterable unpacking cannot be used in comprehension"
// or else fails at the token after the item.
void *kdisplay_starred_item_error(KParser *p, const KToken *open, const KToken *star, int after) {
    if (kexpr_is_quiet()) {
        return kexpr_fail_at(p, after);
    }
    kpar_seek(p, (int)(star - p->toks) + 1);
    kexpr.second_pass++;
    KAstExpr *value = kexpr_expression(p);
    const KToken *end = kpar_prev(p);
    KAstSeq *gens = NULL;
    int group = value && open->kind == KTOK_LPAR && kpar_kind(p) == KTOK_RPAR;
    if (value && !group && kexpr_at_comprehension(p)) {
        gens = kdisplay_for_if_clauses(p);
    }
    kexpr.second_pass--;
    if (group) {
        return kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(star), TOK_END(end),
                             "cannot use starred expression here");
    }
    if (gens) {
        return kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(star), TOK_END(end),
                             "iterable unpacking cannot be used in comprehension");
    }
    if (kpar_failed(p)) {
        return kexpr_second_pass_failed(p, after);
    }
    return kexpr_fail_at(p, after);
}

// A comprehension after the items 'items' of a list or set display (the
// current token is 'for'; 'comma' is the comma before it, or NULL):
//     invalid_comprehension:
//         | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
//         | ('[' | '{') star_named_expression ',' for_if_clauses
//     -> "did you forget parentheses around the comprehension target?"
// A tuple display, or clauses that do not parse, fail at the 'for'.
static void *comprehension_target_error(KParser *p, const KToken *open, const KParList *items,
                                        const KToken *comma) {
    int at = p->pos;
    if (kexpr_is_quiet() || open->kind == KTOK_LPAR) {
        return kexpr_fail_at(p, at);
    }
    kexpr.second_pass++;
    KAstSeq *gens = kdisplay_for_if_clauses(p);
    kexpr.second_pass--;
    if (!gens) {
        return kexpr_second_pass_failed(p, at);
    }
    const KAstExpr *first = items->items[0];
    if (items->count == 1 && comma) {
        return kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(first), TOK_END(comma),
                             "did you forget parentheses around the comprehension target?");
    }
    const KAstExpr *last = items->items[items->count - 1];
    return kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(first), EXPR_END(last),
                         "did you forget parentheses around the comprehension target?");
}

// The items of display_items.
static int more_items(KParser *p, const KToken *open, KParList *items, int close) {
    const KToken *comma = kpar_prev(p);
    for (;;) {
        int kind = kpar_kind(p);
        if (kind == close) {
            return 0;
        }
        if (kexpr_at_comprehension(p)) {
            comprehension_target_error(p, open, items, comma);
            return -1;
        }
        KAstExpr *e = kexpr_star_named_item(p);
        if (!e || kpar_list_push(p, items, e) < 0) {
            return -1;
        }
        kind = kpar_kind(p);
        if (kind == KTOK_COMMA) {
            comma = kpar_advance(p);
            continue;
        }
        if (kind == close) {
            return 0;
        }
        if (kexpr_at_comprehension(p)) {
            comprehension_target_error(p, open, items, NULL);
        } else {
            kexpr_fail(p);
        }
        return -1;
    }
}

// star_named_expressions after the first item and its comma, up to the
// closing bracket 'close' (not consumed): ','.star_named_expression+ [',']
static int display_items(KParser *p, const KToken *open, KParList *items, int close) {
    int saved = p->depth;
    int r = kexpr_enter(p, open->kind == KTOK_LPAR ? 2 : 1) < 0 ? -1
                                                                : more_items(p, open, items, close);
    p->depth = saved;
    return r;
}

// The first item of a display opened by 'open': star_named_expression. When
// a '*' item fails, CPython's invalid_group and invalid_comprehension read
// '*' expression instead (see starred_item_error).
static KAstExpr *first_item(KParser *p, const KToken *open) {
    const KToken *first = kpar_peek(p);
    KAstExpr *e = kexpr_star_named_item(p);
    if (e || first->kind != KTOK_STAR || kexpr_is_quiet() || !kexpr_failed_generically(p)) {
        return e;
    }
    int after = kexpr_token_index(p, p->diag->lineno, p->diag->col);
    p->diag->kind = KDIAG_NONE;
    return kdisplay_starred_item_error(p, open, first, after);
}

// A comprehension after the first element (from token 'first') of a display
// opened by 'open'; the current token starts it. Returns the clauses, or NULL.
static KAstSeq *comprehension(KParser *p, const KToken *open, const KToken *first) {
    if (first->kind == KTOK_STAR) {
        kdisplay_starred_item_error(p, open, first, p->pos);
        return NULL;
    }
    return kdisplay_for_if_clauses(p);
}

// The first item of a display from token 'first' is followed by something
// else than a comma, the closing bracket or a comprehension.
static void *after_first_item(KParser *p, const KToken *open, const KToken *first) {
    if (first->kind == KTOK_STAR) {
        return kdisplay_starred_item_error(p, open, first, p->pos);
    }
    return kexpr_unexpected(p, 1);
}

// atom '(' ...:
//     tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
//     group: '(' (yield_expr | named_expression) ')'
//     genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
//     invalid_group: '(' '**' expression ')' -> "cannot use double starred expression here"
// A group keeps the location of what it holds; a tuple or generator
// expression spans its parentheses.
static KAstExpr *paren_atom(KParser *p) {
    const KToken *open = kpar_advance(p);
    int kind = kpar_kind(p);
    if (kind == KTOK_RPAR) {
        const KToken *close = kpar_advance(p);
        return kexpr_checked(
            p, kast_tuple(p->arena, NULL, KAST_LOAD, TOK_START(open), TOK_END(close)));
    }
    if (kind == KTOK_KW_YIELD) {
        KAstExpr *e = kexpr_yield_expr(p);
        if (e && kpar_kind(p) != KTOK_RPAR) {
            return kexpr_fail(p);
        }
        return e ? (kpar_advance(p), e) : NULL;
    }
    if (kind == KTOK_DOUBLESTAR && !kexpr_is_quiet()) {
        const KToken *dstar = kpar_advance(p);
        kexpr.second_pass++;
        KAstExpr *e = kexpr_expression(p);
        kexpr.second_pass--;
        if (e && kpar_kind(p) == KTOK_RPAR) {
            return kpar_error_tokens(p, dstar, dstar, "cannot use double starred expression here");
        }
        return e ? kexpr_fail_at(p, (int)(dstar - p->toks))
                 : kexpr_second_pass_failed(p, (int)(dstar - p->toks));
    }
    const KToken *first = kpar_peek(p);
    KAstExpr *elt = first_item(p, open);
    if (!elt) {
        return NULL;
    }
    kind = kpar_kind(p);
    if (kind == KTOK_RPAR && first->kind != KTOK_STAR) {
        kpar_advance(p);
        return elt;
    }
    if (kexpr_at_comprehension(p)) {
        KAstSeq *gens = comprehension(p, open, first);
        if (!gens || !expect_close(p, KTOK_RPAR)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return kexpr_checked(
            p, kast_generator_exp(p->arena, elt, gens, TOK_START(open), TOK_END(close)));
    }
    if (kind != KTOK_COMMA) {
        return after_first_item(p, open, first);
    }
    KParList items;
    kpar_list_init(&items);
    KAstSeq *elts;
    kpar_advance(p);
    if (kpar_list_push(p, &items, elt) < 0 || display_items(p, open, &items, KTOK_RPAR) < 0 ||
        kexpr_items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *close = kpar_advance(p);
    return kexpr_checked(p, kast_tuple(p->arena, elts, KAST_LOAD, TOK_START(open), TOK_END(close)));
}

// atom '[' ...:
//     list: '[' [star_named_expressions] ']'
//     listcomp: '[' named_expression for_if_clauses ']'
static KAstExpr *list_atom(KParser *p) {
    const KToken *open = kpar_advance(p);
    if (kpar_kind(p) == KTOK_RSQB) {
        const KToken *close = kpar_advance(p);
        return kexpr_checked(p,
                             kast_list(p->arena, NULL, KAST_LOAD, TOK_START(open), TOK_END(close)));
    }
    const KToken *first = kpar_peek(p);
    KAstExpr *elt = first_item(p, open);
    if (!elt) {
        return NULL;
    }
    if (kexpr_at_comprehension(p)) {
        KAstSeq *gens = comprehension(p, open, first);
        if (!gens || !expect_close(p, KTOK_RSQB)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return kexpr_checked(p,
                             kast_list_comp(p->arena, elt, gens, TOK_START(open), TOK_END(close)));
    }
    KParList items;
    kpar_list_init(&items);
    if (kpar_list_push(p, &items, elt) < 0) {
        return NULL;
    }
    if (kpar_kind(p) == KTOK_COMMA) {
        kpar_advance(p);
        if (display_items(p, open, &items, KTOK_RSQB) < 0) {
            return NULL;
        }
    } else if (kpar_kind(p) != KTOK_RSQB) {
        return after_first_item(p, open, first);
    }
    KAstSeq *elts;
    if (kexpr_items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *close = kpar_advance(p);
    return kexpr_checked(p, kast_list(p->arena, elts, KAST_LOAD, TOK_START(open), TOK_END(close)));
}

// The value after a dict key's ':' (the current token follows the colon),
// with invalid_double_starred_kvpairs / invalid_kvpair:
//     | expression ':' '*' bitwise_or
//           -> "cannot use a starred expression in a dictionary value"
//     | expression ':' &('}'|',') -> "expression expected after dictionary key and ':'"
// CPython tries these in its first pass (dict: '{' invalid_double_starred_kvpairs '}'
// is not an alternative that pegen keeps for the second), so they come before
// anything its second pass would find, and read what they need with the
// invalid_* rules off.
static KAstExpr *dict_value(KParser *p) {
    const KToken *colon = kpar_prev(p);
    int kind = kpar_kind(p);
    if (kexpr_is_quiet() || (kind != KTOK_STAR && kind != KTOK_RBRACE && kind != KTOK_COMMA)) {
        return kexpr_expression(p);
    }
    if (kind != KTOK_STAR) {
        kexpr.furthest.pass1_error = 1;
        return kpar_error_tokens(p, colon, colon,
                                 "expression expected after dictionary key and ':'");
    }
    const KToken *star = kpar_advance(p);
    kexpr.quiet++;
    kexpr.examined = p->pos;
    KAstExpr *e = kexpr_bitwise_or(p);
    kexpr.quiet--;
    if (!e) {
        return NULL;
    }
    kexpr.furthest.pass1_error = 1;
    // RAISE_SYNTAX_ERROR_STARTING_FROM ends where CPython's tokenizer is:
    // after the last token read, less one, as the end is taken for 1-based.
    const KToken *next = &p->toks[kexpr.examined > p->pos ? kexpr.examined : p->pos];
    const char *msg = "cannot use a starred expression in a dictionary value";
    return kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(star), next->end_lineno,
                         next->end_col - 1, "%s", msg);
}

// double_starred_kvpair: '**' bitwise_or | kvpair, after the first entry,
// with invalid_kvpair: expression !(':') -> "':' expected after dictionary
// key", at the key's last character: like dict_value's, a first-pass
// message, so the key is read with the invalid_* rules off (see 'kexpr.key_quiet').
static int dict_entry(KParser *p, KParList *keys, KParList *values) {
    KAstExpr *key = NULL, *value;
    if (kpar_accept(p, KTOK_DOUBLESTAR)) {
        value = kexpr_star_operand(p);
    } else {
        int saved = kexpr.key_quiet;
        kexpr.key_quiet = 1;
        key = kexpr_expression(p);
        kexpr.key_quiet = saved;
        if (!key) {
            return -1;
        }
        if (kpar_kind(p) != KTOK_COLON) {
            if (kexpr_is_quiet()) {
                kexpr_fail(p);
                return -1;
            }
            kexpr.furthest.pass1_error = 1;
            kpar_error_at(p, KDIAG_SYNTAX_ERROR, key->lineno, key->end_col_offset - 1,
                          key->end_lineno, -1, "':' expected after dictionary key");
            return -1;
        }
        kpar_advance(p);
        value = dict_value(p);
    }
    if (!value || kpar_list_push(p, keys, key) < 0 || kpar_list_push(p, values, value) < 0) {
        return -1;
    }
    return 0;
}

// dict: '{' [double_starred_kvpairs] '}', after the first entry.
// dictcomp: '{' kvpair for_if_clauses '}'
// invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
//     -> "dict unpacking cannot be used in dict comprehension"
static KAstExpr *dict_rest(KParser *p, const KToken *open, KParList *keys, KParList *values,
                           const KToken *dstar) {
    if (kexpr_at_comprehension(p)) {
        int at = p->pos;
        if (dstar) {
            // Only CPython's invalid_dict_comprehension reads these clauses.
            if (kexpr_is_quiet()) {
                return kexpr_fail_at(p, at);
            }
            kexpr.second_pass++;
            KAstSeq *gens = kdisplay_for_if_clauses(p);
            int closed = gens && kpar_kind(p) == KTOK_RBRACE;
            kexpr.second_pass--;
            if (closed) {
                return kpar_error_tokens(p, dstar, dstar,
                                         "dict unpacking cannot be used in dict comprehension");
            }
            return kpar_failed(p) ? kexpr_second_pass_failed(p, at) : kexpr_fail_at(p, at);
        }
        KAstSeq *gens = kdisplay_for_if_clauses(p);
        if (!gens || !expect_close(p, KTOK_RBRACE)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return kexpr_checked(p, kast_dict_comp(p->arena, keys->items[0], values->items[0], gens,
                                               TOK_START(open), TOK_END(close)));
    }
    int saved = p->depth;
    if (kexpr_enter(p, 1) < 0) {
        return NULL;
    }
    while (kpar_kind(p) == KTOK_COMMA) {
        kpar_advance(p);
        if (kpar_kind(p) == KTOK_RBRACE) {
            break;
        }
        if (dict_entry(p, keys, values) < 0) {
            return NULL;
        }
    }
    p->depth = saved;
    if (kpar_kind(p) != KTOK_RBRACE) {
        return kexpr_unexpected(p, keys->count == 1 && kpar_prev(p)->kind != KTOK_COMMA);
    }
    KAstSeq *k = kast_seq_new(p->arena, keys->count), *v = kpar_list_seq(p, values);
    if (!k || !v) {
        return kpar_nomem(p);
    }
    memcpy(k->items, keys->items, (size_t)keys->count * sizeof(void *));
    const KToken *close = kpar_advance(p);
    return kexpr_checked(p, kast_dict(p->arena, k, v, TOK_START(open), TOK_END(close)));
}

// set: '{' star_named_expressions '}' ; setcomp: '{' named_expression for_if_clauses '}'
// after the first element 'elt' (from token 'first').
static KAstExpr *set_rest(KParser *p, const KToken *open, KAstExpr *elt, const KToken *first) {
    if (kexpr_at_comprehension(p)) {
        KAstSeq *gens = comprehension(p, open, first);
        if (!gens || !expect_close(p, KTOK_RBRACE)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return kexpr_checked(p,
                             kast_set_comp(p->arena, elt, gens, TOK_START(open), TOK_END(close)));
    }
    KParList items;
    kpar_list_init(&items);
    if (kpar_list_push(p, &items, elt) < 0) {
        return NULL;
    }
    if (kpar_kind(p) == KTOK_COMMA) {
        kpar_advance(p);
        if (display_items(p, open, &items, KTOK_RBRACE) < 0) {
            return NULL;
        }
    } else if (kpar_kind(p) != KTOK_RBRACE) {
        return after_first_item(p, open, first);
    }
    KAstSeq *elts;
    if (kexpr_items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *close = kpar_advance(p);
    return kexpr_checked(p, kast_set(p->arena, elts, TOK_START(open), TOK_END(close)));
}

// atom '{' ...: dict | set | dictcomp | setcomp
static KAstExpr *brace_atom(KParser *p) {
    const KToken *open = kpar_advance(p);
    KParList keys, values;
    kpar_list_init(&keys);
    kpar_list_init(&values);
    int kind = kpar_kind(p);
    if (kind == KTOK_RBRACE) {
        const KToken *close = kpar_advance(p);
        return kexpr_checked(p, kast_dict(p->arena, NULL, NULL, TOK_START(open), TOK_END(close)));
    }
    if (kind == KTOK_DOUBLESTAR) {
        const KToken *dstar = kpar_advance(p);
        KAstExpr *value = kexpr_star_operand(p);
        if (!value || kpar_list_push(p, &keys, NULL) < 0 || kpar_list_push(p, &values, value) < 0) {
            return NULL;
        }
        return dict_rest(p, open, &keys, &values, dstar);
    }
    const KToken *first = kpar_peek(p);
    if (kind == KTOK_STAR || (kind == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_COLONEQUAL)) {
        KAstExpr *elt = first_item(p, open);
        return elt ? set_rest(p, open, elt, first) : NULL;
    }
    int start = p->pos;
    KAstExpr *e = kexpr_expression(p);
    if (!e) {
        return NULL;
    }
    if (kpar_kind(p) != KTOK_COLON) {
        e = kexpr_named_tail(p, start, e);
        return e ? set_rest(p, open, e, first) : NULL;
    }
    kpar_advance(p);
    KAstExpr *value = dict_value(p);
    if (!value || kpar_list_push(p, &keys, e) < 0 || kpar_list_push(p, &values, value) < 0) {
        return NULL;
    }
    return dict_rest(p, open, &keys, &values, NULL);
}

// The bracketed atoms, at CPython's nesting depth; their contents are never
// parsed as a dict key (see 'kexpr.key_quiet').
KAstExpr *kdisplay_atom(KParser *p) {
    int saved_depth = p->depth, saved_key = kexpr.key_quiet;
    if (kexpr_enter(p, kpar_kind(p) == KTOK_LPAR ? DEPTH_PAREN : DEPTH_DISPLAY) < 0) {
        p->depth = saved_depth;
        return NULL;
    }
    kexpr.key_quiet = 0;
    KAstExpr *e;
    switch (kpar_kind(p)) {
    case KTOK_LPAR:
        e = paren_atom(p);
        break;
    case KTOK_LSQB:
        e = list_atom(p);
        break;
    default:
        e = brace_atom(p);
        break;
    }
    kexpr.key_quiet = saved_key;
    p->depth = saved_depth;
    return e;
}

// ---- comprehensions ----

// The target of a comprehension's 'for', up to 'in' (not consumed):
//     star_targets 'in' | invalid_for_target: ['async'] 'for' star_expressions
//     -> "cannot assign to %s", or "invalid syntax" where the expressions end.
static KAstExpr *for_target(KParser *p) {
    KParMark m = kpar_mark(p);
    KAstExpr *target = kpar_star_targets(p);
    if (target && kpar_kind(p) == KTOK_KW_IN) {
        return target;
    }
    if (!target && !kexpr_failed_generically(p)) {
        return NULL;
    }
    if (target) {
        kexpr_fail(p);
    }
    if (kexpr_is_quiet()) {
        return NULL;
    }
    KDiag first = *p->diag;
    kpar_reset(p, m);
    kexpr.second_pass++;
    KAstExpr *e = kexpr_star_expressions(p, 1);
    kexpr.second_pass--;
    const KAstExpr *bad = e ? ktarget_invalid(e, KTARGET_FOR) : NULL;
    if (bad) {
        return kpar_error_expr(p, bad, "cannot assign to %s", kpar_expr_name(bad));
    }
    if (!e && !kexpr_failed_generically(p)) {
        return NULL;
    }
    *p->diag = first;
    return NULL;
}

// for_if_clause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
static KAstComprehension *clause(KParser *p) {
    int is_async = kpar_accept(p, KTOK_KW_ASYNC) != NULL;
    kpar_advance(p);
    KAstExpr *target = for_target(p);
    if (!target) {
        return NULL;
    }
    kpar_advance(p);
    KAstExpr *iter = kexpr_disjunction(p);
    if (!iter) {
        return NULL;
    }
    KParList ifs;
    kpar_list_init(&ifs);
    while (kpar_kind(p) == KTOK_KW_IF) {
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        KAstExpr *cond = kexpr_disjunction(p);
        if (!cond) {
            if (kexpr_backtrack(p, m)) {
                break;
            }
            return NULL;
        }
        if (kpar_list_push(p, &ifs, cond) < 0) {
            return NULL;
        }
    }
    KAstSeq *conds;
    if (kexpr_items_seq(p, &ifs, &conds) < 0) {
        return NULL;
    }
    KAstComprehension *c = kast_comprehension(p->arena, target, iter, conds, is_async);
    return c ? c : kpar_nomem(p);
}

// The clauses; one that fails after the first is given up, as in a PEG.
static KAstSeq *clauses(KParser *p) {
    KParList gens;
    kpar_list_init(&gens);
    while (kexpr_at_comprehension(p)) {
        KParMark m = kpar_mark(p);
        KAstComprehension *c = clause(p);
        if (!c) {
            if (gens.count > 0 && kexpr_backtrack(p, m)) {
                break;
            }
            return NULL;
        }
        if (kpar_list_push(p, &gens, c) < 0) {
            return NULL;
        }
    }
    return kpar_list_seq(p, &gens);
}

// for_if_clauses: for_if_clause+
// The clauses are one rule level less deep than an element (measured).
KAstSeq *kdisplay_for_if_clauses(KParser *p) {
    int saved = p->depth;
    p->depth--;
    KAstSeq *gens = clauses(p);
    p->depth = saved;
    return gens;
}
