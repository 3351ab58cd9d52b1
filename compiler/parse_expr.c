// compiler/parse_expr.c: the expressions of Python 3.11 (Grammar/python.gram,
// "EXPRESSIONS" to "FUNCTION CALL ARGUMENTS" and "ASSIGNMENT TARGETS"), with
// CPython 3.11's locations and the messages of its invalid_* rules about
// expressions.
//
// The binary operators from '|' down to '*' are parsed by precedence climbing
// over a table indexed by token kind, and a NAME or NUMBER that nothing can
// extend is taken as an atom at once: most expressions are a name or a number.
//
// CPython's parser is a PEG: an operator or trailer whose operand fails is
// left unconsumed, and the expression before it stands. A generic "invalid
// syntax" is reported at the furthest token its first pass reached, and only
// when its second pass, which tries the invalid_* rules wherever the grammar
// lists them, finds nothing more specific. Here parsing backtracks the same
// way, remembering the furthest failure ('furthest'), and each invalid_* rule
// is tried where parsing fails ('second_pass' counts those parses, which do
// not move the generic error). Where CPython parses with its invalid_* rules
// switched off (expression_without_invalid), parsing is "quiet".
#include "parser.h"

#include <stdint.h>
#include <string.h>

#include "ast.h"
#include "literal.h"
#include "parse_target.h"
#include "tokens.h"

// Location arguments of a node from token 'a' or expression 'e' to token 'b'
// or expression 'f'.
#define TOK_START(a) (a)->lineno, (a)->col
#define TOK_END(b) (b)->end_lineno, (b)->end_col
#define EXPR_START(e) (e)->lineno, (e)->col_offset
#define EXPR_END(f) (f)->end_lineno, (f)->end_col_offset
// ... to the last token consumed.
#define PREV_END(p) TOK_END(kpar_prev(p))

// CPython's rule nesting between 'expression' and the 'atom' it reaches
// (disjunction ... primary, atom: 22 rules), plus the rules above a
// statement's expression that the statement parser does not count: a limit
// check adds it so that "-" * n + "1" fails at the same n as CPython 3.11.
enum { DEPTH_TAIL = 27 };
// Rule levels CPython goes through between an atom's bracket and the
// expression inside it (measured: tuple/group ..., star_named_expression
// ...), one more for the items after the first; the same for a call's
// arguments or a subscript, three more for a keyword argument's value.
enum { DEPTH_PAREN = 8, DEPTH_DISPLAY = 9, DEPTH_CALL = 4, DEPTH_KEYWORD = 3 };

// Parsing state, thread-local as kraitc parses files on several threads.
// 'quiet' >0: the invalid_* rules are off (expression_without_invalid, and
// what the dict display's first-pass messages read). 'key_quiet' is the same
// for the key of a dict entry after a comma, but not inside brackets there:
// what fails inside them makes CPython's first pass give up the key, and the
// second then reads it with the rules on. 'second_pass' >0: an invalid_*
// rule is being tried; its failures do not move the generic error.
static _Thread_local int quiet;
static _Thread_local int key_quiet;
static _Thread_local int second_pass;
// The furthest token index at which a failure was backtracked over, in any
// pass: CPython's tokenizer position, for RAISE_SYNTAX_ERROR_STARTING_FROM.
static _Thread_local int examined;
// Set for the next expression(): its parts are parsed quietly (see
// star_expressions_from).
static _Thread_local int quiet_disjunction;

// The furthest generic failure backtracked over by first-pass parsing since
// the current kpar_* entry point was called: its token index; and the first
// expression that CPython's second pass could take for a Python 2 print or
// exec statement ("print -1"), or -1.
typedef struct {
    int active;
    int pos;
    int legacy;
    int pass1_error; // an error CPython reports in its first pass was recorded
} Furthest;
static _Thread_local Furthest furthest = {0, 0, -1, 0};

static KAstExpr *expression(KParser *p);
static KAstExpr *named_expression(KParser *p);
static KAstExpr *star_named_item(KParser *p);
static KAstExpr *star_expressions(KParser *p, int allow_star);
static KAstExpr *star_expressions_from(KParser *p, int allow_star, int quiet_first);
static KAstExpr *disjunction(KParser *p);
static KAstExpr *bitwise_or(KParser *p);
static KAstExpr *factor(KParser *p);
static KAstSeq *for_if_clauses(KParser *p);
static int call_args(KParser *p, KAstSeq **args, KAstSeq **keywords, int allow_genexp);
static KAstExpr *yield_expr(KParser *p);

// ---- token classes ----

// Tokens that can start an expression (what expression_without_invalid may
// parse after a complete expression).
static const uint8_t starts_expr[KTOK_COUNT] = {
    [KTOK_NAME] = 1,    [KTOK_NUMBER] = 1,   [KTOK_STRING] = 1,    [KTOK_LPAR] = 1,
    [KTOK_LSQB] = 1,    [KTOK_LBRACE] = 1,   [KTOK_MINUS] = 1,     [KTOK_PLUS] = 1,
    [KTOK_TILDE] = 1,   [KTOK_KW_NOT] = 1,   [KTOK_KW_LAMBDA] = 1, [KTOK_KW_AWAIT] = 1,
    [KTOK_KW_TRUE] = 1, [KTOK_KW_FALSE] = 1, [KTOK_KW_NONE] = 1,   [KTOK_ELLIPSIS] = 1,
};

// Tokens after which an atom can be nothing but the whole expression: the
// fast path for names and numbers.
static const uint8_t ends_expr[KTOK_COUNT] = {
    [KTOK_ENDMARKER] = 1,
    [KTOK_NEWLINE] = 1,
    [KTOK_RPAR] = 1,
    [KTOK_RSQB] = 1,
    [KTOK_RBRACE] = 1,
    [KTOK_COLON] = 1,
    [KTOK_COMMA] = 1,
    [KTOK_SEMI] = 1,
    [KTOK_EQUAL] = 1,
    [KTOK_PLUSEQUAL] = 1,
    [KTOK_MINEQUAL] = 1,
    [KTOK_STAREQUAL] = 1,
    [KTOK_SLASHEQUAL] = 1,
    [KTOK_PERCENTEQUAL] = 1,
    [KTOK_AMPEREQUAL] = 1,
    [KTOK_VBAREQUAL] = 1,
    [KTOK_CIRCUMFLEXEQUAL] = 1,
    [KTOK_LEFTSHIFTEQUAL] = 1,
    [KTOK_RIGHTSHIFTEQUAL] = 1,
    [KTOK_DOUBLESTAREQUAL] = 1,
    [KTOK_DOUBLESLASHEQUAL] = 1,
    [KTOK_ATEQUAL] = 1,
    [KTOK_RARROW] = 1,
    [KTOK_COLONEQUAL] = 1,
    [KTOK_KW_ELSE] = 1,
    [KTOK_KW_FOR] = 1,
    [KTOK_KW_ASYNC] = 1,
    [KTOK_KW_AS] = 1,
    [KTOK_KW_FROM] = 1,
};

// Binary operators from bitwise_or down to term: precedence (0: none) and
// operator, by token kind.
static const uint8_t binop_prec[KTOK_COUNT] = {
    [KTOK_VBAR] = 1,       [KTOK_CIRCUMFLEX] = 2,  [KTOK_AMPER] = 3,   [KTOK_LEFTSHIFT] = 4,
    [KTOK_RIGHTSHIFT] = 4, [KTOK_PLUS] = 5,        [KTOK_MINUS] = 5,   [KTOK_STAR] = 6,
    [KTOK_SLASH] = 6,      [KTOK_DOUBLESLASH] = 6, [KTOK_PERCENT] = 6, [KTOK_AT] = 6,
};
static const uint8_t binop_op[KTOK_COUNT] = {
    [KTOK_VBAR] = KAST_BIT_OR,       [KTOK_CIRCUMFLEX] = KAST_BIT_XOR,
    [KTOK_AMPER] = KAST_BIT_AND,     [KTOK_LEFTSHIFT] = KAST_LSHIFT,
    [KTOK_RIGHTSHIFT] = KAST_RSHIFT, [KTOK_PLUS] = KAST_ADD,
    [KTOK_MINUS] = KAST_SUB,         [KTOK_STAR] = KAST_MULT,
    [KTOK_SLASH] = KAST_DIV,         [KTOK_DOUBLESLASH] = KAST_FLOOR_DIV,
    [KTOK_PERCENT] = KAST_MOD,       [KTOK_AT] = KAST_MAT_MULT,
};

// ---- helpers ----

static KAstExpr *checked(KParser *p, KAstExpr *e) {
    return e ? e : kpar_nomem(p);
}

static int is_quiet(void) {
    return quiet > 0 || key_quiet > 0;
}

// 'async' 'for' or 'for': a comprehension starts here.
static int at_comprehension(const KParser *p) {
    int kind = kpar_kind(p);
    return kind == KTOK_KW_FOR || (kind == KTOK_KW_ASYNC && kpar_kind_at(p, 1) == KTOK_KW_FOR);
}

// 1 when the recorded error is the generic "invalid syntax" of a failed
// parse (which any specialised message outranks), not a message of an
// invalid_* rule, a lexical error or MemoryError.
static int failed_generically(const KParser *p) {
    return p->diag->kind == KDIAG_SYNTAX_ERROR && !p->diag->from_tokenizer &&
           strcmp(p->diag->msg, "invalid syntax") == 0;
}

// Index of the first token at or after line 'lineno', column 'col'.
static int token_index(const KParser *p, int lineno, int col) {
    int lo = 0, hi = p->count - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        const KToken *t = &p->toks[mid];
        if (t->lineno < lineno || (t->lineno == lineno && t->col < col)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

// Remembers a generic failure of first-pass parsing at token index 'pos'.
static void note_failure(const KParser *p, int pos) {
    examined = pos > examined ? pos : examined;
    if (!second_pass && (!furthest.active || pos > furthest.pos) &&
        pos < p->count) {
        furthest.active = 1;
        furthest.pos = pos;
    }
}

// An optional continuation (an operator's operand, a trailer) failed: when
// generically, it is given up as a PEG parser does, back to 'm', and 1 is
// returned; a first-pass failure is remembered in 'furthest'. Otherwise 0
// (the failure stands).
static int backtrack(KParser *p, KParMark m) {
    if (!failed_generically(p)) {
        return 0;
    }
    note_failure(p, token_index(p, p->diag->lineno, p->diag->col));
    kpar_reset(p, m);
    return 1;
}

// "invalid syntax" where CPython's first pass got furthest: at token index
// 'pos', or at a failure backtracked over beyond it.
static void *fail_at(KParser *p, int pos) {
    p->pos = furthest.active && furthest.pos > pos ? furthest.pos : pos;
    return kpar_syntax_error(p);
}

static void *fail(KParser *p) {
    return fail_at(p, p->pos);
}

// The token where CPython's first pass stopped: the current one or, further,
// a failure backtracked over.
static const KToken *furthest_token(const KParser *p) {
    return &p->toks[furthest.active && furthest.pos > p->pos ? furthest.pos : p->pos];
}

// Counts 'levels' of CPython's rule nesting: MemoryError past
// KPAR_MAX_DEPTH, as CPython 3.11's parser. Returns -1 on failure; on
// success the caller restores p->depth.
static int enter(KParser *p, int levels) {
    p->depth += levels;
    if (p->depth + DEPTH_TAIL > KPAR_MAX_DEPTH) {
        kpar_nomem(p);
        return -1;
    }
    return 0;
}

// "invalid syntax" at the current token, where a comprehension could
// start ('comprehension' 1): CPython reads an 'async' there as the start of
// "async for" and fails at the token after it.
static void *unexpected(KParser *p, int comprehension) {
    int async = comprehension && kpar_kind(p) == KTOK_KW_ASYNC;
    return fail_at(p, p->pos + async);
}

// The closing bracket 'close' after a comprehension, or "invalid syntax".
static const KToken *expect_close(KParser *p, int close) {
    if (kpar_kind(p) == close) {
        return kpar_advance(p);
    }
    return unexpected(p, 1);
}

// A second-pass parse failed: a generic failure gives way to the
// first pass's, at token index 'pos'; returns NULL.
static void *second_pass_failed(KParser *p, int pos) {
    if (failed_generically(p)) {
        p->diag->kind = KDIAG_NONE;
        fail_at(p, pos);
    }
    return NULL;
}

// Bracket nesting after token index 'i' (CPython's token level). f-string
// replacement fields are parsed as if in parentheses.
static int level_at(const KParser *p, int i) {
    int level = p->mode == KPAR_FSTRING;
    for (int j = 0; j <= i; j++) {
        int kind = p->toks[j].kind;
        if (kind == KTOK_LPAR || kind == KTOK_LSQB || kind == KTOK_LBRACE) {
            level++;
        } else if (kind == KTOK_RPAR || kind == KTOK_RSQB || kind == KTOK_RBRACE) {
            level--;
        }
    }
    return level;
}

// SOFT_KEYWORD as CPython 3.11's _PyPegen_soft_keyword_token matches it:
// strncmp(keyword, name, len(name)), so any prefix of "_", "case" or
// "match" ("c", "ma") counts too.
static int is_soft_keyword(const KToken *t) {
    static const char *const keywords[] = {"_", "case", "match"};
    if (t->kind != KTOK_NAME) {
        return 0;
    }
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (t->len <= strlen(keywords[i]) && memcmp(keywords[i], t->text, t->len) == 0) {
            return 1;
        }
    }
    return 0;
}

// _PyPegen_check_legacy_stmt: 'e' is the name print or exec.
static int is_legacy_name(const KAstExpr *e) {
    return e->kind == KAST_NAME &&
           (strcmp(e->v.name.id, "print") == 0 || strcmp(e->v.name.id, "exec") == 0);
}

// The last part of comprehension 'c' (CPython's _PyPegen_get_last_comprehension_item).
static const KAstExpr *comprehension_end(const KAstSeq *gens) {
    const KAstComprehension *c = gens->items[gens->count - 1];
    return KAST_LEN(c->ifs) ? c->ifs->items[c->ifs->count - 1] : c->iter;
}

// The bitwise_or after a '*' (or '**'), which CPython reaches four rule
// levels higher than an expression's.
static KAstExpr *star_operand(KParser *p) {
    int saved = p->depth;
    p->depth -= 4;
    KAstExpr *e = bitwise_or(p);
    p->depth = saved;
    return e;
}

static KAstExpr *starred(KParser *p, const KToken *star, KAstExpr *value) {
    return checked(p, kast_starred(p->arena, value, KAST_LOAD, TOK_START(star), PREV_END(p)));
}

static KAstExpr *constant(KParser *p, KConstKind kind, const KToken *t) {
    KConst c;
    memset(&c, 0, sizeof c);
    c.kind = kind;
    return checked(p, kast_constant(p->arena, &c, NULL, TOK_START(t), TOK_END(t)));
}

// ---- atoms ----

// NAME
static KAstExpr *name_atom(KParser *p) {
    const KToken *t = kpar_advance(p);
    const char *id = kpar_ident(p, t);
    if (!id) {
        return NULL;
    }
    return checked(p, kast_name(p->arena, id, KAST_LOAD, TOK_START(t), TOK_END(t)));
}

// NUMBER
static KAstExpr *number_atom(KParser *p) {
    const KToken *t = kpar_advance(p);
    KConst c;
    if (klit_parse_number(p->arena, t->text, t->len, &c, p->diag) < 0) {
        return NULL;
    }
    return checked(p, kast_constant(p->arena, &c, NULL, TOK_START(t), TOK_END(t)));
}

// After '*' bitwise_or ('item', from token 'star') in a display opened by
// 'open', where neither ',' nor the closing bracket follows (the token at
// index 'after'): CPython then reads '*' expression for
//     invalid_group: '(' starred_expression ')' -> "cannot use starred expression here"
//     invalid_comprehension: ('[' | '(' | '{') starred_expression for_if_clauses
//         -> "iterable unpacking cannot be used in comprehension"
// or else fails at the token after the item.
static void *starred_item_error(KParser *p, const KToken *open, const KToken *star, int after) {
    if (is_quiet()) {
        return fail_at(p, after);
    }
    p->pos = (int)(star - p->toks) + 1;
    second_pass++;
    KAstExpr *value = expression(p);
    const KToken *end = kpar_prev(p);
    KAstSeq *gens = NULL;
    int group = value && open->kind == KTOK_LPAR && kpar_kind(p) == KTOK_RPAR;
    if (value && !group && at_comprehension(p)) {
        gens = for_if_clauses(p);
    }
    second_pass--;
    if (group) {
        return kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(star), TOK_END(end),
                             "cannot use starred expression here");
    }
    if (gens) {
        return kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(star), TOK_END(end),
                             "iterable unpacking cannot be used in comprehension");
    }
    if (kpar_failed(p)) {
        return second_pass_failed(p, after);
    }
    return fail_at(p, after);
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
    if (is_quiet() || open->kind == KTOK_LPAR) {
        return fail_at(p, at);
    }
    second_pass++;
    KAstSeq *gens = for_if_clauses(p);
    second_pass--;
    if (!gens) {
        return second_pass_failed(p, at);
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
        if (at_comprehension(p)) {
            comprehension_target_error(p, open, items, comma);
            return -1;
        }
        KAstExpr *e = star_named_item(p);
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
        if (at_comprehension(p)) {
            comprehension_target_error(p, open, items, NULL);
        } else {
            fail(p);
        }
        return -1;
    }
}

// star_named_expressions after the first item and its comma, up to the
// closing bracket 'close' (not consumed): ','.star_named_expression+ [',']
static int display_items(KParser *p, const KToken *open, KParList *items, int close) {
    int saved = p->depth;
    int r = enter(p, open->kind == KTOK_LPAR ? 2 : 1) < 0 ? -1 : more_items(p, open, items, close);
    p->depth = saved;
    return r;
}

// The sequence of 'items' (NULL when empty, or on MemoryError: check
// kpar_failed).
static int items_seq(KParser *p, const KParList *items, KAstSeq **out) {
    *out = kpar_list_seq(p, items);
    return *out || items->count == 0 ? 0 : -1;
}

// The first item of a display opened by 'open': star_named_expression. When
// a '*' item fails, CPython's invalid_group and invalid_comprehension read
// '*' expression instead (see starred_item_error).
static KAstExpr *first_item(KParser *p, const KToken *open) {
    const KToken *first = kpar_peek(p);
    KAstExpr *e = star_named_item(p);
    if (e || first->kind != KTOK_STAR || is_quiet() || !failed_generically(p)) {
        return e;
    }
    int after = token_index(p, p->diag->lineno, p->diag->col);
    p->diag->kind = KDIAG_NONE;
    return starred_item_error(p, open, first, after);
}

// A comprehension after the first element (from token 'first') of a display
// opened by 'open'; the current token starts it. Returns the clauses, or NULL.
static KAstSeq *comprehension(KParser *p, const KToken *open, const KToken *first) {
    if (first->kind == KTOK_STAR) {
        starred_item_error(p, open, first, p->pos);
        return NULL;
    }
    return for_if_clauses(p);
}

// The first item of a display from token 'first' is followed by something
// else than a comma, the closing bracket or a comprehension.
static void *after_first_item(KParser *p, const KToken *open, const KToken *first) {
    if (first->kind == KTOK_STAR) {
        return starred_item_error(p, open, first, p->pos);
    }
    return unexpected(p, 1);
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
        return checked(p, kast_tuple(p->arena, NULL, KAST_LOAD, TOK_START(open), TOK_END(close)));
    }
    if (kind == KTOK_KW_YIELD) {
        KAstExpr *e = yield_expr(p);
        if (e && kpar_kind(p) != KTOK_RPAR) {
            return fail(p);
        }
        return e ? (kpar_advance(p), e) : NULL;
    }
    if (kind == KTOK_DOUBLESTAR && !is_quiet()) {
        const KToken *dstar = kpar_advance(p);
        second_pass++;
        KAstExpr *e = expression(p);
        second_pass--;
        if (e && kpar_kind(p) == KTOK_RPAR) {
            return kpar_error_tokens(p, dstar, dstar, "cannot use double starred expression here");
        }
        return e ? fail_at(p, (int)(dstar - p->toks))
                 : second_pass_failed(p, (int)(dstar - p->toks));
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
    if (at_comprehension(p)) {
        KAstSeq *gens = comprehension(p, open, first);
        if (!gens || !expect_close(p, KTOK_RPAR)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return checked(p, kast_generator_exp(p->arena, elt, gens, TOK_START(open), TOK_END(close)));
    }
    if (kind != KTOK_COMMA) {
        return after_first_item(p, open, first);
    }
    KParList items;
    kpar_list_init(&items);
    KAstSeq *elts;
    kpar_advance(p);
    if (kpar_list_push(p, &items, elt) < 0 || display_items(p, open, &items, KTOK_RPAR) < 0 ||
        items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *close = kpar_advance(p);
    return checked(p, kast_tuple(p->arena, elts, KAST_LOAD, TOK_START(open), TOK_END(close)));
}

// atom '[' ...:
//     list: '[' [star_named_expressions] ']'
//     listcomp: '[' named_expression for_if_clauses ']'
static KAstExpr *list_atom(KParser *p) {
    const KToken *open = kpar_advance(p);
    if (kpar_kind(p) == KTOK_RSQB) {
        const KToken *close = kpar_advance(p);
        return checked(p, kast_list(p->arena, NULL, KAST_LOAD, TOK_START(open), TOK_END(close)));
    }
    const KToken *first = kpar_peek(p);
    KAstExpr *elt = first_item(p, open);
    if (!elt) {
        return NULL;
    }
    if (at_comprehension(p)) {
        KAstSeq *gens = comprehension(p, open, first);
        if (!gens || !expect_close(p, KTOK_RSQB)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return checked(p, kast_list_comp(p->arena, elt, gens, TOK_START(open), TOK_END(close)));
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
    if (items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *close = kpar_advance(p);
    return checked(p, kast_list(p->arena, elts, KAST_LOAD, TOK_START(open), TOK_END(close)));
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
    if (is_quiet() || (kind != KTOK_STAR && kind != KTOK_RBRACE && kind != KTOK_COMMA)) {
        return expression(p);
    }
    if (kind != KTOK_STAR) {
        furthest.pass1_error = 1;
        return kpar_error_tokens(p, colon, colon,
                                 "expression expected after dictionary key and ':'");
    }
    const KToken *star = kpar_advance(p);
    quiet++;
    examined = p->pos;
    KAstExpr *e = bitwise_or(p);
    quiet--;
    if (!e) {
        return NULL;
    }
    furthest.pass1_error = 1;
    // RAISE_SYNTAX_ERROR_STARTING_FROM ends where CPython's tokenizer is:
    // after the last token read, less one, as the end is taken for 1-based.
    const KToken *next = &p->toks[examined > p->pos ? examined : p->pos];
    const char *msg = "cannot use a starred expression in a dictionary value";
    return kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(star), next->end_lineno,
                         next->end_col - 1, "%s", msg);
}

// double_starred_kvpair: '**' bitwise_or | kvpair, after the first entry,
// with invalid_kvpair: expression !(':') -> "':' expected after dictionary
// key", at the key's last character: like dict_value's, a first-pass
// message, so the key is read with the invalid_* rules off (see 'key_quiet').
static int dict_entry(KParser *p, KParList *keys, KParList *values) {
    KAstExpr *key = NULL, *value;
    if (kpar_accept(p, KTOK_DOUBLESTAR)) {
        value = star_operand(p);
    } else {
        int saved = key_quiet;
        key_quiet = 1;
        key = expression(p);
        key_quiet = saved;
        if (!key) {
            return -1;
        }
        if (kpar_kind(p) != KTOK_COLON) {
            if (is_quiet()) {
                fail(p);
                return -1;
            }
            furthest.pass1_error = 1;
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
    if (at_comprehension(p)) {
        int at = p->pos;
        if (dstar) {
            // Only CPython's invalid_dict_comprehension reads these clauses.
            if (is_quiet()) {
                return fail_at(p, at);
            }
            second_pass++;
            KAstSeq *gens = for_if_clauses(p);
            int closed = gens && kpar_kind(p) == KTOK_RBRACE;
            second_pass--;
            if (closed) {
                return kpar_error_tokens(p, dstar, dstar,
                                         "dict unpacking cannot be used in dict comprehension");
            }
            return kpar_failed(p) ? second_pass_failed(p, at) : fail_at(p, at);
        }
        KAstSeq *gens = for_if_clauses(p);
        if (!gens || !expect_close(p, KTOK_RBRACE)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return checked(p, kast_dict_comp(p->arena, keys->items[0], values->items[0], gens,
                                         TOK_START(open), TOK_END(close)));
    }
    int saved = p->depth;
    if (enter(p, 1) < 0) {
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
        return unexpected(p, keys->count == 1 && kpar_prev(p)->kind != KTOK_COMMA);
    }
    KAstSeq *k = kast_seq_new(p->arena, keys->count), *v = kpar_list_seq(p, values);
    if (!k || !v) {
        return kpar_nomem(p);
    }
    memcpy(k->items, keys->items, (size_t)keys->count * sizeof(void *));
    const KToken *close = kpar_advance(p);
    return checked(p, kast_dict(p->arena, k, v, TOK_START(open), TOK_END(close)));
}

// set: '{' star_named_expressions '}' ; setcomp: '{' named_expression for_if_clauses '}'
// after the first element 'elt' (from token 'first').
static KAstExpr *set_rest(KParser *p, const KToken *open, KAstExpr *elt, const KToken *first) {
    if (at_comprehension(p)) {
        KAstSeq *gens = comprehension(p, open, first);
        if (!gens || !expect_close(p, KTOK_RBRACE)) {
            return NULL;
        }
        const KToken *close = kpar_prev(p);
        return checked(p, kast_set_comp(p->arena, elt, gens, TOK_START(open), TOK_END(close)));
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
    if (items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *close = kpar_advance(p);
    return checked(p, kast_set(p->arena, elts, TOK_START(open), TOK_END(close)));
}

static KAstExpr *named_tail(KParser *p, int start, KAstExpr *e);

// atom '{' ...: dict | set | dictcomp | setcomp
static KAstExpr *brace_atom(KParser *p) {
    const KToken *open = kpar_advance(p);
    KParList keys, values;
    kpar_list_init(&keys);
    kpar_list_init(&values);
    int kind = kpar_kind(p);
    if (kind == KTOK_RBRACE) {
        const KToken *close = kpar_advance(p);
        return checked(p, kast_dict(p->arena, NULL, NULL, TOK_START(open), TOK_END(close)));
    }
    if (kind == KTOK_DOUBLESTAR) {
        const KToken *dstar = kpar_advance(p);
        KAstExpr *value = star_operand(p);
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
    KAstExpr *e = expression(p);
    if (!e) {
        return NULL;
    }
    if (kpar_kind(p) != KTOK_COLON) {
        e = named_tail(p, start, e);
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
// parsed as a dict key (see 'key_quiet').
static KAstExpr *bracket_atom(KParser *p) {
    int saved_depth = p->depth, saved_key = key_quiet;
    if (enter(p, kpar_kind(p) == KTOK_LPAR ? DEPTH_PAREN : DEPTH_DISPLAY) < 0) {
        p->depth = saved_depth;
        return NULL;
    }
    key_quiet = 0;
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
    key_quiet = saved_key;
    p->depth = saved_depth;
    return e;
}

// atom:
//     | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
//     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
//     | &'{' (dict | set | dictcomp | setcomp) | '...'
static KAstExpr *atom(KParser *p) {
    switch (kpar_kind(p)) {
    case KTOK_NAME:
        return name_atom(p);
    case KTOK_NUMBER:
        return number_atom(p);
    case KTOK_STRING: {
        // An f-string's fields are parsed on their own, as CPython 3.11 does.
        int saved_quiet = quiet, saved_key = key_quiet;
        quiet = key_quiet = 0;
        KAstExpr *e = kpar_strings(p);
        quiet = saved_quiet;
        key_quiet = saved_key;
        return e;
    }
    case KTOK_KW_TRUE:
        return constant(p, KCONST_TRUE, kpar_advance(p));
    case KTOK_KW_FALSE:
        return constant(p, KCONST_FALSE, kpar_advance(p));
    case KTOK_KW_NONE:
        return constant(p, KCONST_NONE, kpar_advance(p));
    case KTOK_ELLIPSIS:
        return constant(p, KCONST_ELLIPSIS, kpar_advance(p));
    case KTOK_LPAR:
    case KTOK_LSQB:
    case KTOK_LBRACE:
        return bracket_atom(p);
    default:
        return fail(p);
    }
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
    if (!target && !failed_generically(p)) {
        return NULL;
    }
    if (target) {
        fail(p);
    }
    if (is_quiet()) {
        return NULL;
    }
    KDiag first = *p->diag;
    kpar_reset(p, m);
    second_pass++;
    KAstExpr *e = star_expressions(p, 1);
    second_pass--;
    const KAstExpr *bad = e ? ktarget_invalid(e, KTARGET_FOR) : NULL;
    if (bad) {
        return kpar_error_expr(p, bad, "cannot assign to %s", kpar_expr_name(bad));
    }
    if (!e && !failed_generically(p)) {
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
    KAstExpr *iter = disjunction(p);
    if (!iter) {
        return NULL;
    }
    KParList ifs;
    kpar_list_init(&ifs);
    while (kpar_kind(p) == KTOK_KW_IF) {
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        KAstExpr *cond = disjunction(p);
        if (!cond) {
            if (backtrack(p, m)) {
                break;
            }
            return NULL;
        }
        if (kpar_list_push(p, &ifs, cond) < 0) {
            return NULL;
        }
    }
    KAstSeq *conds;
    if (items_seq(p, &ifs, &conds) < 0) {
        return NULL;
    }
    KAstComprehension *c = kast_comprehension(p->arena, target, iter, conds, is_async);
    return c ? c : kpar_nomem(p);
}

// The clauses; one that fails after the first is given up, as in a PEG.
static KAstSeq *clauses(KParser *p) {
    KParList gens;
    kpar_list_init(&gens);
    while (at_comprehension(p)) {
        KParMark m = kpar_mark(p);
        KAstComprehension *c = clause(p);
        if (!c) {
            if (gens.count > 0 && backtrack(p, m)) {
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
static KAstSeq *for_if_clauses(KParser *p) {
    int saved = p->depth;
    p->depth--;
    KAstSeq *gens = clauses(p);
    p->depth = saved;
    return gens;
}

// ---- calls and subscripts ----

// The first positional argument after a keyword argument: CPython's
// invalid_arguments 'args , args' reports it, where the second arguments end.
static void *positional_error(KParser *p, int pending) {
    const KToken *t = furthest_token(p);
    return kpar_error_tokens(p, t, t, "%s",
                             pending == 2 ? "positional argument follows keyword argument unpacking"
                                          : "positional argument follows keyword argument");
}

// An argument from token index 'at' failed. After an out-of-place
// positional argument (the one at token index 'pending_at'), CPython's
// invalid_arguments 'args , args' reports it where the failure was, if
// the second arguments parse at all: when that positional argument itself
// cannot be read, its first token gets the generic error (CPython's first
// pass never goes further).
static int argument_failed(KParser *p, int pending, int at, int pending_at) {
    if (!pending || is_quiet() || !failed_generically(p)) {
        return -1;
    }
    int pos = token_index(p, p->diag->lineno, p->diag->col);
    p->diag->kind = KDIAG_NONE;
    if (at == pending_at) {
        fail_at(p, at);
        return -1;
    }
    p->pos = pos > p->pos ? pos : p->pos;
    positional_error(p, pending);
    return -1;
}

static KAstKeyword *keyword_argument(KParser *p);
static KAstExpr *positional_argument(KParser *p);

// After an unparenthesized generator expression and its comma, CPython's
// invalid_arguments reads [args | expression for_if_clauses] before its
// message: errors inside those arguments come first. Returns -1 when one
// was recorded; the position is kept.
static int scan_arguments(KParser *p) {
    KParMark m = kpar_mark(p);
    second_pass++;
    for (;;) {
        int kind = kpar_kind(p);
        void *item;
        if (kind == KTOK_STAR || kind == KTOK_DOUBLESTAR) {
            kpar_advance(p);
            item = expression(p);
        } else if (kind == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_EQUAL) {
            item = keyword_argument(p);
        } else {
            item = positional_argument(p);
        }
        if (!item || !kpar_accept(p, KTOK_COMMA)) {
            break;
        }
    }
    second_pass--;
    if (kpar_failed(p) && !failed_generically(p)) {
        return -1;
    }
    kpar_reset(p, m);
    return 0;
}

// A positional argument 'e' followed by a comprehension, in a call opened by
// 'open' with 'count' arguments before it:
//     primary genexp (the sole argument: a generator expression spanning the
//     call's parentheses) or invalid_arguments:
//     | expression for_if_clauses ',' [args | expression for_if_clauses]
//     | args for_if_clauses | args ',' expression for_if_clauses
//     -> "Generator expression must be parenthesized"
static KAstExpr *argument_genexp(KParser *p, const KToken *open, KAstExpr *e, int count,
                                 int was_pending, int pending, int allow_genexp) {
    if (was_pending && !is_quiet()) {
        positional_error(p, was_pending);
        return NULL;
    }
    int at = p->pos;
    // CPython's first pass reads these clauses only as primary genexp.
    int genexp = count == 0 && allow_genexp;
    second_pass += !genexp;
    examined = at;
    KAstSeq *gens = for_if_clauses(p);
    second_pass -= !genexp;
    if (!gens && pending && !is_quiet() && failed_generically(p)) {
        // CPython's 'args , args' then reads the arguments up to the 'for'.
        int last = token_index(p, p->diag->lineno, p->diag->col);
        p->diag->kind = KDIAG_NONE;
        p->pos = last > examined ? last : examined;
        positional_error(p, pending);
        return NULL;
    }
    if (!gens) {
        return genexp ? NULL : second_pass_failed(p, at);
    }
    int kind = kpar_kind(p);
    if (genexp && kind == KTOK_RPAR) {
        const KToken *close = kpar_peek(p);
        return checked(p, kast_generator_exp(p->arena, e, gens, TOK_START(open), TOK_END(close)));
    }
    if (is_quiet() || (count == 0 && kind != KTOK_COMMA)) {
        return genexp ? unexpected(p, 1) : fail_at(p, at);
    }
    if (count == 0) {
        kpar_advance(p);
        if (scan_arguments(p) < 0) {
            return NULL;
        }
    }
    const KAstExpr *end = comprehension_end(gens);
    return kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(e), EXPR_END(end),
                         "Generator expression must be parenthesized");
}

// A keyword argument NAME '=' expression; the current token is the NAME.
// invalid_kwarg: NAME '=' expression for_if_clauses
//     -> "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
static KAstKeyword *keyword_argument(KParser *p) {
    const KToken *name = kpar_advance(p);
    const KToken *eq = kpar_advance(p);
    int saved = p->depth;
    KAstExpr *value = enter(p, DEPTH_KEYWORD) < 0 ? NULL : expression(p);
    p->depth = saved;
    if (!value) {
        return NULL;
    }
    if (at_comprehension(p) && !is_quiet()) {
        int at = p->pos;
        second_pass++;
        KAstSeq *gens = for_if_clauses(p);
        second_pass--;
        if (gens) {
            return kpar_error_tokens(
                p, name, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        return second_pass_failed(p, at);
    }
    const char *id = kpar_ident(p, name);
    if (!id) {
        return NULL;
    }
    KAstKeyword *k = kast_keyword(p->arena, id, value, TOK_START(name), PREV_END(p));
    return k ? k : kpar_nomem(p);
}

// A positional argument: assignment_expression | expression !':=', with
// invalid_kwarg: !(NAME '=') expression '='
//     -> "expression cannot contain assignment, perhaps you meant \"==\"?"
static KAstExpr *positional_argument(KParser *p) {
    if (kpar_kind(p) == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_COLONEQUAL) {
        return named_expression(p);
    }
    KAstExpr *e = expression(p);
    if (e && kpar_kind(p) == KTOK_EQUAL && !is_quiet()) {
        const KToken *eq = kpar_peek(p);
        return kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(e), TOK_END(eq),
                             "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    return e;
}

// args ',' '*' where the '*' (the current token) cannot start an argument:
//     invalid_arguments: args ',' '*'
//     -> "iterable argument unpacking follows keyword argument unpacking"
// at the arguments before it (from the token after 'open').
static int unpacking_error(KParser *p, const KToken *open, int pending) {
    if (pending) {
        positional_error(p, pending);
        return -1;
    }
    kpar_error_tokens(p, open + 1, &p->toks[p->pos - 2],
                      "iterable argument unpacking follows keyword argument unpacking");
    return -1;
}

// arguments: args [','] &')' (the current token is '(', parsing goes through
// the ')'), with the messages of CPython's invalid_arguments and
// invalid_kwarg. 'pending' records a positional argument after a keyword
// one (2: after '**'), reported where the arguments end.
static int call_args(KParser *p, KAstSeq **args_out, KAstSeq **keywords_out, int allow_genexp) {
    const KToken *open = kpar_advance(p);
    KParList args, keywords;
    kpar_list_init(&args);
    kpar_list_init(&keywords);
    int count = 0, seen_keyword = 0, seen_dstar = 0, pending = 0, pending_at = -1;
    int plain_first = 0; // the first argument is a positional one, not starred
    while (kpar_kind(p) != KTOK_RPAR) {
        const KToken *t = kpar_peek(p);
        int kind = t->kind, next = kpar_kind_at(p, 1), at = p->pos;
        if (kind == KTOK_STAR) {
            if (seen_dstar && !is_quiet()) {
                return unpacking_error(p, open, pending);
            }
            kpar_advance(p);
            KAstExpr *value = expression(p);
            KAstExpr *e = value ? starred(p, t, value) : NULL;
            if (!e) {
                if (count > 0 && !pending && !is_quiet() && failed_generically(p)) {
                    p->diag->kind = KDIAG_NONE;
                    p->pos = (int)(t - p->toks);
                    return unpacking_error(p, open, pending);
                }
                return argument_failed(p, pending, at, pending_at);
            }
            if (at_comprehension(p)) {
                if (count == 0) {
                    starred_item_error(p, open, t, p->pos);
                } else {
                    argument_genexp(p, open, e, count, pending, pending, 0);
                }
                return -1;
            }
            if (kpar_list_push(p, &args, e) < 0) {
                return -1;
            }
        } else if (kind == KTOK_DOUBLESTAR || (kind == KTOK_NAME && next == KTOK_EQUAL)) {
            KAstKeyword *k;
            if (kind == KTOK_NAME) {
                k = keyword_argument(p);
            } else {
                kpar_advance(p);
                KAstExpr *value = expression(p);
                k = value ? kast_keyword(p->arena, NULL, value, TOK_START(t), PREV_END(p)) : NULL;
                if (value && !k) {
                    kpar_nomem(p);
                }
                seen_dstar = 1;
            }
            if (!k) {
                return argument_failed(p, pending, at, pending_at);
            }
            if (kpar_list_push(p, &keywords, k) < 0) {
                return -1;
            }
            seen_keyword = 1;
        } else if ((kind == KTOK_KW_TRUE || kind == KTOK_KW_FALSE || kind == KTOK_KW_NONE) &&
                   next == KTOK_EQUAL && !is_quiet()) {
            kpar_error_tokens(p, t, kpar_peek_at(p, 1), "cannot assign to %s", ktok_spelling(kind));
            return -1;
        } else {
            int was_pending = pending;
            if (seen_keyword && !pending) {
                pending = seen_dstar ? 2 : 1;
                pending_at = at;
            }
            KAstExpr *e = positional_argument(p);
            if (!e) {
                return argument_failed(p, pending, at, pending_at);
            }
            if (at_comprehension(p)) {
                e = argument_genexp(p, open, e, count, was_pending, pending, allow_genexp);
                if (!e) {
                    return -1;
                }
            }
            if (kpar_list_push(p, &args, e) < 0) {
                return -1;
            }
            plain_first = count == 0;
        }
        count++;
        if (kpar_kind(p) == KTOK_COMMA) {
            kpar_advance(p);
            continue;
        }
        if (kpar_kind(p) != KTOK_RPAR) {
            if (pending && !is_quiet()) {
                positional_error(p, pending);
            } else {
                unexpected(p, count == 1 && allow_genexp && plain_first);
            }
            return -1;
        }
    }
    if (pending) {
        if (is_quiet()) {
            fail(p);
        } else {
            positional_error(p, pending);
        }
        return -1;
    }
    kpar_advance(p);
    if (items_seq(p, &args, args_out) < 0 || items_seq(p, &keywords, keywords_out) < 0) {
        return -1;
    }
    return 0;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
// or, inside slices, starred_expression: '*' expression
static KAstExpr *slice_item(KParser *p) {
    const KToken *first = kpar_peek(p);
    if (first->kind == KTOK_STAR) {
        kpar_advance(p);
        KAstExpr *value = expression(p);
        return value ? starred(p, first, value) : NULL;
    }
    KAstExpr *lower = NULL, *upper = NULL, *step = NULL;
    if (first->kind != KTOK_COLON) {
        if (first->kind == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_COLONEQUAL) {
            return named_expression(p);
        }
        int start = p->pos;
        lower = expression(p);
        if (!lower) {
            return NULL;
        }
        if (kpar_kind(p) != KTOK_COLON) {
            return named_tail(p, start, lower);
        }
    }
    kpar_advance(p);
    if (starts_expr[kpar_kind(p)] && !(upper = expression(p))) {
        return NULL;
    }
    if (kpar_accept(p, KTOK_COLON) && starts_expr[kpar_kind(p)] && !(step = expression(p))) {
        return NULL;
    }
    const KToken *last = kpar_prev(p);
    return checked(p, kast_slice(p->arena, lower, upper, step, TOK_START(first), TOK_END(last)));
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
static KAstExpr *slices(KParser *p) {
    const KToken *first = kpar_peek(p);
    KAstExpr *e = slice_item(p);
    if (!e) {
        return NULL;
    }
    if (kpar_kind(p) != KTOK_COMMA && first->kind != KTOK_STAR) {
        return e;
    }
    KParList items;
    kpar_list_init(&items);
    if (kpar_list_push(p, &items, e) < 0) {
        return NULL;
    }
    while (kpar_accept(p, KTOK_COMMA)) {
        if (kpar_kind(p) == KTOK_RSQB) {
            break;
        }
        if (!(e = slice_item(p)) || kpar_list_push(p, &items, e) < 0) {
            return NULL;
        }
    }
    KAstSeq *elts;
    if (items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *last = kpar_prev(p);
    return checked(p, kast_tuple(p->arena, elts, KAST_LOAD, TOK_START(first), TOK_END(last)));
}

// ---- operators ----

// primary:
//     | primary '.' NAME | primary genexp | primary '(' [arguments] ')'
//     | primary '[' slices ']' | atom
static KAstExpr *primary(KParser *p) {
    const KToken *start = kpar_peek(p);
    KAstExpr *e = atom(p);
    while (e) {
        KParMark m = kpar_mark(p);
        switch (kpar_kind(p)) {
        case KTOK_DOT: {
            kpar_advance(p);
            const KToken *name = kpar_peek(p);
            if (name->kind != KTOK_NAME) {
                kpar_syntax_error(p);
                return backtrack(p, m) ? e : NULL;
            }
            kpar_advance(p);
            const char *id = kpar_ident(p, name);
            e = id ? checked(p, kast_attribute(p->arena, e, id, KAST_LOAD, TOK_START(start),
                                               TOK_END(name)))
                   : NULL;
            break;
        }
        case KTOK_LPAR: {
            KAstSeq *args, *keywords;
            int saved = p->depth;
            int r = enter(p, DEPTH_CALL) < 0 ? -1 : call_args(p, &args, &keywords, 1);
            p->depth = saved;
            if (r < 0) {
                return backtrack(p, m) ? e : NULL;
            }
            const KToken *close = kpar_prev(p);
            e = checked(p,
                        kast_call(p->arena, e, args, keywords, TOK_START(start), TOK_END(close)));
            break;
        }
        case KTOK_LSQB: {
            kpar_advance(p);
            int saved = p->depth;
            KAstExpr *s = enter(p, DEPTH_CALL) < 0 ? NULL : slices(p);
            p->depth = saved;
            if (!s || !kpar_expect(p, KTOK_RSQB)) {
                return backtrack(p, m) ? e : NULL;
            }
            const KToken *close = kpar_prev(p);
            e = checked(
                p, kast_subscript(p->arena, e, s, KAST_LOAD, TOK_START(start), TOK_END(close)));
            break;
        }
        default:
            return e;
        }
    }
    return NULL;
}

// await_primary: 'await' primary | primary
static KAstExpr *await_primary(KParser *p) {
    if (kpar_kind(p) != KTOK_KW_AWAIT) {
        return primary(p);
    }
    const KToken *kw = kpar_advance(p);
    KAstExpr *e = primary(p);
    return e ? checked(p, kast_await(p->arena, e, TOK_START(kw), PREV_END(p))) : NULL;
}

// power: await_primary '**' factor | await_primary
static KAstExpr *power(KParser *p) {
    const KToken *start = kpar_peek(p);
    KAstExpr *a = await_primary(p);
    if (!a || kpar_kind(p) != KTOK_DOUBLESTAR) {
        return a;
    }
    KParMark m = kpar_mark(p);
    kpar_advance(p);
    int saved = p->depth;
    KAstExpr *b = enter(p, 2) < 0 ? NULL : factor(p);
    p->depth = saved;
    if (!b) {
        return backtrack(p, m) ? a : NULL;
    }
    return checked(p, kast_bin_op(p->arena, a, KAST_POW, b, TOK_START(start), PREV_END(p)));
}

// factor: '+' factor | '-' factor | '~' factor | power
static KAstExpr *factor(KParser *p) {
    KAstUnaryop op;
    switch (kpar_kind(p)) {
    case KTOK_PLUS:
        op = KAST_UADD;
        break;
    case KTOK_MINUS:
        op = KAST_USUB;
        break;
    case KTOK_TILDE:
        op = KAST_INVERT;
        break;
    default:
        return power(p);
    }
    const KToken *t = kpar_advance(p);
    int saved = p->depth;
    KAstExpr *operand = enter(p, 1) < 0 ? NULL : factor(p);
    p->depth = saved;
    if (!operand) {
        return NULL;
    }
    return checked(p, kast_unary_op(p->arena, op, operand, TOK_START(t), PREV_END(p)));
}

// bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum and term, by
// precedence climbing: operators of precedence 'min_prec' or more.
static KAstExpr *binary(KParser *p, int min_prec) {
    const KToken *start = kpar_peek(p);
    KAstExpr *left = factor(p);
    while (left) {
        int kind = kpar_kind(p), prec = binop_prec[kind];
        if (prec < min_prec || prec == 0) {
            break;
        }
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        KAstExpr *right = binary(p, prec + 1);
        if (!right) {
            return backtrack(p, m) ? left : NULL;
        }
        left = checked(
            p, kast_bin_op(p->arena, left, binop_op[kind], right, TOK_START(start), PREV_END(p)));
    }
    return left;
}

static KAstExpr *bitwise_or(KParser *p) {
    return binary(p, 1);
}

// The comparison operator at the current token, and in '*len' its number
// of tokens ('not in', 'is not'); 0 when there is none. '<>' is no
// operator without barry_as_FLUFL.
static KAstCmpop compare_op(const KParser *p, int *len) {
    *len = 1;
    const KToken *t = kpar_peek(p);
    switch (t->kind) {
    case KTOK_EQEQUAL:
        return KAST_EQ;
    case KTOK_NOTEQUAL:
        return t->len == 2 && t->text[0] == '!' ? KAST_NOT_EQ : 0;
    case KTOK_LESS:
        return KAST_LT;
    case KTOK_LESSEQUAL:
        return KAST_LT_E;
    case KTOK_GREATER:
        return KAST_GT;
    case KTOK_GREATEREQUAL:
        return KAST_GT_E;
    case KTOK_KW_IN:
        return KAST_IN;
    case KTOK_KW_NOT:
        *len = 2;
        if (kpar_kind_at(p, 1) == KTOK_KW_IN) {
            return KAST_NOT_IN;
        }
        // CPython's 'not' 'in' read the token after the 'not'.
        note_failure(p, p->pos + 1);
        return 0;
    case KTOK_KW_IS:
        if (kpar_kind_at(p, 1) == KTOK_KW_NOT) {
            *len = 2;
            return KAST_IS_NOT;
        }
        return KAST_IS;
    default:
        return 0;
    }
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
static KAstExpr *comparison(KParser *p) {
    const KToken *start = kpar_peek(p);
    KAstExpr *left = bitwise_or(p);
    int len;
    KAstCmpop op = left ? compare_op(p, &len) : 0;
    if (!op) {
        return left;
    }
    KParList ops, comparators;
    kpar_list_init(&ops);
    kpar_list_init(&comparators);
    while (op) {
        KParMark m = kpar_mark(p);
        p->pos += len;
        KAstExpr *right = bitwise_or(p);
        if (!right) {
            if (!backtrack(p, m)) {
                return NULL;
            }
            break;
        }
        if (kpar_list_push(p, &ops, (void *)(intptr_t)op) < 0 ||
            kpar_list_push(p, &comparators, right) < 0) {
            return NULL;
        }
        op = compare_op(p, &len);
    }
    if (ops.count == 0) {
        return left;
    }
    KAstIntSeq *opseq = kast_int_seq_new(p->arena, ops.count);
    KAstSeq *comps = kpar_list_seq(p, &comparators);
    if (!opseq || !comps) {
        return kpar_nomem(p);
    }
    for (int i = 0; i < ops.count; i++) {
        opseq->items[i] = (int)(intptr_t)ops.items[i];
    }
    return checked(p, kast_compare(p->arena, left, opseq, comps, TOK_START(start), PREV_END(p)));
}

// inversion: 'not' inversion | comparison
static KAstExpr *inversion(KParser *p) {
    if (kpar_kind(p) != KTOK_KW_NOT) {
        return comparison(p);
    }
    const KToken *t = kpar_advance(p);
    int saved = p->depth;
    KAstExpr *operand = enter(p, 1) < 0 ? NULL : inversion(p);
    p->depth = saved;
    if (!operand) {
        return NULL;
    }
    return checked(p, kast_unary_op(p->arena, KAST_NOT, operand, TOK_START(t), PREV_END(p)));
}

// conjunction: inversion ('and' inversion)+ | inversion   (op KAST_AND)
// disjunction: conjunction ('or' conjunction)+ | conjunction   (op KAST_OR)
static KAstExpr *bool_op(KParser *p, KAstBoolop op) {
    int kw = op == KAST_AND ? KTOK_KW_AND : KTOK_KW_OR;
    const KToken *start = kpar_peek(p);
    KAstExpr *first = op == KAST_AND ? inversion(p) : bool_op(p, KAST_AND);
    if (!first || kpar_kind(p) != kw) {
        return first;
    }
    KParList values;
    kpar_list_init(&values);
    if (kpar_list_push(p, &values, first) < 0) {
        return NULL;
    }
    while (kpar_kind(p) == kw) {
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        KAstExpr *e = op == KAST_AND ? inversion(p) : bool_op(p, KAST_AND);
        if (!e) {
            if (!backtrack(p, m)) {
                return NULL;
            }
            break;
        }
        if (kpar_list_push(p, &values, e) < 0) {
            return NULL;
        }
    }
    if (values.count == 1) {
        return first;
    }
    KAstSeq *seq = kpar_list_seq(p, &values);
    if (!seq) {
        return NULL;
    }
    return checked(p, kast_bool_op(p->arena, op, seq, TOK_START(start), PREV_END(p)));
}

static KAstExpr *disjunction(KParser *p) {
    return bool_op(p, KAST_OR);
}

// ---- expressions ----

// lambdef: 'lambda' [lambda_params] ':' expression
static KAstExpr *lambdef(KParser *p) {
    const KToken *kw = kpar_advance(p);
    int saved = p->depth;
    if (enter(p, 2) < 0) {
        p->depth = saved;
        return NULL;
    }
    p->depth--;
    KAstArguments *args = kpar_parameters(p, 1);
    KAstExpr *body = args && kpar_expect(p, KTOK_COLON) ? expression(p) : NULL;
    p->depth = saved;
    if (!body) {
        return NULL;
    }
    return checked(p, kast_lambda(p->arena, args, body, TOK_START(kw), PREV_END(p)));
}

// invalid_legacy_expression: NAME !'(' star_expressions, for the expression
// from token index 'start' ('any_name' 0: only when the name is print or
// exec, a shortcut when nothing else is wanted)
//     -> "Missing parentheses in call to 'print'. Did you mean print(...)?"
// CPython reads the expressions after any name, meeting the invalid_* rules
// inside them, before it checks the name; 'quiet_first' when
// invalid_expression's expression_without_invalid read the first one.
// Returns -1 when an error was recorded, else 0 (the position is kept).
static int invalid_legacy_expression(KParser *p, int start, int any_name, int quiet_first) {
    const KToken *t0 = &p->toks[start];
    int legacy = kpar_is_name(t0, "print") || kpar_is_name(t0, "exec");
    if (t0->kind != KTOK_NAME || p->toks[start + 1].kind == KTOK_LPAR || (!legacy && !any_name)) {
        return 0;
    }
    KParMark m = kpar_mark(p);
    p->pos = start + 1;
    second_pass++;
    KAstExpr *b = star_expressions_from(p, 1, quiet_first);
    second_pass--;
    if (b && legacy) {
        const char *name = kpar_is_name(t0, "print") ? "print" : "exec";
        kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(t0), EXPR_END(b),
                      "Missing parentheses in call to '%s'. Did you mean %s(...)?", name, name);
        return -1;
    }
    if (!b && !failed_generically(p)) {
        return -1;
    }
    kpar_reset(p, m);
    return 0;
}

// A complete disjunction 'd' (from token index 'start') is followed by a
// token that can start an expression:
//     invalid_expression:
//         !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
//         -> "invalid syntax. Perhaps you forgot a comma?" inside brackets
// or else invalid_legacy_expression.
// Returns -1 when an error was recorded, else 0 (the position is kept).
static int invalid_expression(KParser *p, int start, KAstExpr *d) {
    const KToken *t0 = &p->toks[start];
    KParMark m = kpar_mark(p);
    int alt1 = !(t0->kind == KTOK_NAME && p->toks[start + 1].kind == KTOK_STRING) &&
               !is_soft_keyword(t0);
    if (alt1) {
        quiet++;
        second_pass++;
        KAstExpr *b = expression(p);
        second_pass--;
        quiet--;
        if (!b && !failed_generically(p)) {
            return -1;
        }
        if (b && !is_legacy_name(d) && level_at(p, p->pos - 1) > 0) {
            kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(d), EXPR_END(b),
                          "invalid syntax. Perhaps you forgot a comma?");
            return -1;
        }
        kpar_reset(p, m);
    }
    return invalid_legacy_expression(p, start, 1, alt1 && m.pos == start + 1);
}

// expression:
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
// invalid_expression: disjunction 'if' disjunction !('else'|':')
//     -> "expected 'else' after 'if' expression"
static KAstExpr *expression(KParser *p) {
    int kind = kpar_kind(p), quiet_first = quiet_disjunction;
    quiet_disjunction = 0;
    if ((kind == KTOK_NAME || kind == KTOK_NUMBER) && ends_expr[kpar_kind_at(p, 1)]) {
        if (p->depth + 1 + DEPTH_TAIL > KPAR_MAX_DEPTH) {
            return kpar_nomem(p);
        }
        return kind == KTOK_NAME ? name_atom(p) : number_atom(p);
    }
    int saved = p->depth;
    if (enter(p, 1) < 0) {
        p->depth = saved;
        return NULL;
    }
    KAstExpr *e;
    quiet += quiet_first;
    if (kind == KTOK_KW_LAMBDA) {
        e = lambdef(p);
        quiet -= quiet_first;
        p->depth = saved;
        return e;
    }
    int start = p->pos;
    e = disjunction(p);
    quiet -= quiet_first;
    if (!e) {
        p->depth = saved;
        return NULL;
    }
    kind = kpar_kind(p);
    if (kind == KTOK_KW_IF) {
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        quiet += quiet_first;
        KAstExpr *test = disjunction(p), *orelse = NULL;
        quiet -= quiet_first;
        if (test && kpar_kind(p) != KTOK_KW_ELSE) {
            if (kpar_kind(p) != KTOK_COLON && !is_quiet()) {
                kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(e), EXPR_END(test),
                              "expected 'else' after 'if' expression");
            } else {
                kpar_syntax_error(p);
            }
        } else if (test) {
            kpar_advance(p);
            quiet += quiet_first;
            orelse = expression(p);
            quiet -= quiet_first;
        }
        p->depth = saved;
        if (!orelse) {
            return backtrack(p, m) ? e : NULL;
        }
        return checked(
            p, kast_if_exp(p->arena, test, e, orelse, TOK_START(&p->toks[start]), PREV_END(p)));
    }
    p->depth = saved;
    if (!is_quiet()) {
        if (starts_expr[kind] && invalid_expression(p, start, e) < 0) {
            return NULL;
        }
        // "print -1" is only an error in CPython's second pass: see entry_end.
        const KToken *t0 = &p->toks[start];
        if (furthest.legacy < 0 && !second_pass && t0->kind == KTOK_NAME &&
            (t0->len == 5 || t0->len == 4) && p->toks[start + 1].kind != KTOK_LPAR &&
            (starts_expr[p->toks[start + 1].kind] || p->toks[start + 1].kind == KTOK_STAR) &&
            (kpar_is_name(t0, "print") || kpar_is_name(t0, "exec"))) {
            furthest.legacy = start;
        }
    }
    return e;
}

// assignment_expression: NAME ':=' ~ expression
static KAstExpr *walrus(KParser *p) {
    const KToken *name = kpar_advance(p);
    kpar_advance(p);
    const char *id = kpar_ident(p, name);
    KAstExpr *target =
        id ? kast_name(p->arena, id, KAST_STORE, TOK_START(name), TOK_END(name)) : NULL;
    if (id && !target) {
        return kpar_nomem(p);
    }
    KAstExpr *value = target ? expression(p) : NULL;
    if (!value) {
        return NULL;
    }
    return checked(p, kast_named_expr(p->arena, target, value, TOK_START(name), PREV_END(p)));
}

// 1 when the expression 'e', tokens 'start' to 'end', is a bitwise_or: it
// has no operator of lower precedence outside parentheses.
static int is_bitwise_or(const KParser *p, int start, int end, const KAstExpr *e) {
    switch (e->kind) {
    case KAST_BOOL_OP:
    case KAST_COMPARE:
    case KAST_IF_EXP:
    case KAST_LAMBDA:
        break;
    case KAST_UNARY_OP:
        if (e->v.unary_op.op == KAST_NOT) {
            break;
        }
        return 1;
    default:
        return 1;
    }
    if (p->toks[start].kind != KTOK_LPAR || p->toks[end].kind != KTOK_RPAR) {
        return 0;
    }
    int level = 0;
    for (int i = start; i <= end; i++) {
        int kind = p->toks[i].kind;
        if (kind == KTOK_LPAR || kind == KTOK_LSQB || kind == KTOK_LBRACE) {
            level++;
        } else if ((kind == KTOK_RPAR || kind == KTOK_RSQB || kind == KTOK_RBRACE) &&
                   --level == 0) {
            return i == end;
        }
    }
    return 0;
}

// The lookahead !(list|tuple|genexp|'True'|'None'|'False') of
// invalid_named_expression, at token index 'start'.
static int starts_with_display(KParser *p, int start) {
    const KToken *t = &p->toks[start];
    if (t->kind == KTOK_KW_TRUE || t->kind == KTOK_KW_NONE || t->kind == KTOK_KW_FALSE) {
        return 1;
    }
    if (t->kind != KTOK_LPAR && t->kind != KTOK_LSQB) {
        return 0;
    }
    KParMark m = kpar_mark(p);
    p->pos = start;
    quiet++;
    second_pass++;
    KAstExpr *a = atom(p);
    second_pass--;
    quiet--;
    kpar_reset(p, m);
    if (!a) {
        return 0;
    }
    int at_start = a->lineno == t->lineno && a->col_offset == t->col;
    return (a->kind == KAST_LIST || a->kind == KAST_TUPLE || a->kind == KAST_GENERATOR_EXP) &&
           at_start;
}

// After the expression 'e' of a named_expression (from token index
// 'start'), invalid_named_expression:
//     | expression ':=' expression -> "cannot use assignment expressions with %s"
//     | NAME '=' bitwise_or !('='|':=')
//           -> "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
//     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
//           -> "cannot assign to %s here. Maybe you meant '==' instead of '='?"
static KAstExpr *named_tail(KParser *p, int start, KAstExpr *e) {
    int kind = kpar_kind(p);
    if (!e || is_quiet() || (kind != KTOK_COLONEQUAL && kind != KTOK_EQUAL)) {
        return e;
    }
    KParMark m = kpar_mark(p);
    kpar_advance(p);
    if (kind == KTOK_COLONEQUAL) {
        second_pass++;
        KAstExpr *value = expression(p);
        second_pass--;
        if (value) {
            return kpar_error_expr(p, e, "cannot use assignment expressions with %s",
                                   kpar_expr_name(e));
        }
        return second_pass_failed(p, m.pos);
    }
    int is_name = e->kind == KAST_NAME && p->pos == start + 2;
    if (!is_name && (!is_bitwise_or(p, start, m.pos - 1, e) || starts_with_display(p, start))) {
        kpar_reset(p, m);
        return e;
    }
    second_pass++;
    KAstExpr *b = bitwise_or(p);
    second_pass--;
    kind = kpar_kind(p);
    if (b && kind != KTOK_EQUAL && kind != KTOK_COLONEQUAL) {
        if (is_name) {
            return kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(e), EXPR_END(b),
                                 "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        return kpar_error_expr(p, e,
                               "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                               kpar_expr_name(e));
    }
    if (!b && !failed_generically(p)) {
        return NULL;
    }
    kpar_reset(p, m);
    return e;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
static KAstExpr *named_expression(KParser *p) {
    if (kpar_kind(p) == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_COLONEQUAL) {
        int saved = p->depth;
        KAstExpr *e = enter(p, 1) < 0 ? NULL : walrus(p);
        p->depth = saved;
        return e;
    }
    int start = p->pos;
    return named_tail(p, start, expression(p));
}

// star_named_expression: '*' bitwise_or | named_expression
static KAstExpr *star_named_item(KParser *p) {
    if (kpar_kind(p) != KTOK_STAR) {
        return named_expression(p);
    }
    const KToken *star = kpar_advance(p);
    KAstExpr *value = star_operand(p);
    return value ? starred(p, star, value) : NULL;
}

// star_expression: '*' bitwise_or | expression   ('allow_star')
static KAstExpr *star_expression(KParser *p, int allow_star) {
    if (kpar_kind(p) != KTOK_STAR || !allow_star) {
        return expression(p);
    }
    const KToken *star = kpar_advance(p);
    KAstExpr *value = star_operand(p);
    return value ? starred(p, star, value) : NULL;
}

// star_expressions: star_expression (',' star_expression)* [',']
// (a tuple when there is a comma); expressions when not 'allow_star'. With
// 'quiet_first', the first expression is parsed quietly but for the
// invalid_* rules at its top: CPython finds its parts memoized from an
// expression_without_invalid at the same place.
static KAstExpr *star_expressions_from(KParser *p, int allow_star, int quiet_first) {
    const KToken *first = kpar_peek(p);
    quiet_disjunction = quiet_first;
    KAstExpr *e = star_expression(p, allow_star);
    quiet_disjunction = 0;
    if (!e || kpar_kind(p) != KTOK_COMMA) {
        return e;
    }
    KParList items;
    kpar_list_init(&items);
    if (kpar_list_push(p, &items, e) < 0) {
        return NULL;
    }
    while (kpar_accept(p, KTOK_COMMA)) {
        int kind = kpar_kind(p);
        if (!starts_expr[kind] && kind != KTOK_STAR) {
            break;
        }
        KParMark m = kpar_mark(p);
        if (!(e = star_expression(p, allow_star))) {
            if (backtrack(p, m)) {
                break;
            }
            return NULL;
        }
        if (kpar_list_push(p, &items, e) < 0) {
            return NULL;
        }
    }
    KAstSeq *elts;
    if (items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *last = kpar_prev(p);
    return checked(p, kast_tuple(p->arena, elts, KAST_LOAD, TOK_START(first), TOK_END(last)));
}

static KAstExpr *star_expressions(KParser *p, int allow_star) {
    return star_expressions_from(p, allow_star, 0);
}

// ---- entry points ----

// Each entry point starts with no failure backtracked over, and leaves
// the furthest one recorded when there was one: CPython's first pass got
// that far, so the caller's own generic error, if it fails, belongs there
// (and if it then records something more specific, it resets first).
static Furthest entry_begin(void) {
    Furthest saved = furthest;
    furthest.active = 0;
    furthest.legacy = -1;
    furthest.pass1_error = 0;
    return saved;
}

// When the parse is doomed (failed, or a failure was backtracked over),
// CPython's second pass would meet a legacy print or exec statement before
// an error raised after it.
static void legacy_statement(KParser *p, KAstExpr *e) {
    int at = furthest.legacy;
    if (at < 0 || (e && !furthest.active) || furthest.pass1_error) {
        return;
    }
    if (kpar_failed(p) && !failed_generically(p) &&
        token_index(p, p->diag->lineno, p->diag->col) < at) {
        return;
    }
    KDiag saved = *p->diag;
    int pos = p->pos;
    p->diag->kind = KDIAG_NONE;
    if (invalid_legacy_expression(p, at, 0, 0) == 0) {
        *p->diag = saved;
    }
    p->pos = pos;
}

static KAstExpr *entry_end(KParser *p, KAstExpr *e, Furthest saved) {
    legacy_statement(p, e);
    if (furthest.active) {
        int pos = p->pos;
        if (!e && failed_generically(p)) {
            pos = token_index(p, p->diag->lineno, p->diag->col);
            p->diag->kind = furthest.pos > pos ? KDIAG_NONE : p->diag->kind;
        }
        if (furthest.pos > pos) {
            int current = p->pos;
            fail_at(p, pos);
            p->pos = current;
        }
    }
    furthest = saved;
    return e;
}

KAstExpr *kpar_expression(KParser *p) {
    Furthest saved = entry_begin();
    return entry_end(p, expression(p), saved);
}

KAstExpr *kpar_named_expression(KParser *p) {
    Furthest saved = entry_begin();
    int depth = p->depth;
    KAstExpr *e = enter(p, 1) < 0 ? NULL : named_expression(p);
    p->depth = depth;
    return entry_end(p, e, saved);
}

KAstExpr *kpar_star_named_expression(KParser *p) {
    Furthest saved = entry_begin();
    return entry_end(p, star_named_item(p), saved);
}

// star_expressions; in eval mode (the whole input), expressions. The
// levels counted make an expression statement's expression as deep as
// CPython's (file, statements, statement, simple_stmts, simple_stmt,
// star_expressions, star_expression: seven where the statement parser
// counts one) and eval's (eval, expressions).
KAstExpr *kpar_star_expressions(KParser *p) {
    Furthest saved = entry_begin();
    int depth = p->depth;
    int levels = p->mode == KPAR_EVAL ? -3 : 2;
    KAstExpr *e = enter(p, levels) < 0 ? NULL : star_expressions(p, p->mode != KPAR_EVAL);
    p->depth = depth;
    return entry_end(p, e, saved);
}

KAstExpr *kpar_bitwise_or(KParser *p) {
    Furthest saved = entry_begin();
    int depth = p->depth;
    KAstExpr *e = enter(p, 1) < 0 ? NULL : bitwise_or(p);
    p->depth = depth;
    return entry_end(p, e, saved);
}

KAstExpr *kpar_yield_expr(KParser *p) {
    Furthest saved = entry_begin();
    return entry_end(p, yield_expr(p), saved);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
static KAstExpr *yield_expr(KParser *p) {
    const KToken *kw = kpar_advance(p);
    if (kpar_accept(p, KTOK_KW_FROM)) {
        KAstExpr *e = expression(p);
        return e ? checked(p, kast_yield_from(p->arena, e, TOK_START(kw), PREV_END(p))) : NULL;
    }
    int kind = kpar_kind(p);
    if (!starts_expr[kind] && kind != KTOK_STAR) {
        return checked(p, kast_yield(p->arena, NULL, TOK_START(kw), TOK_END(kw)));
    }
    KAstExpr *e = star_expressions(p, 1);
    return e ? checked(p, kast_yield(p->arena, e, TOK_START(kw), PREV_END(p))) : NULL;
}

int kpar_call_args(KParser *p, KAstSeq **args, KAstSeq **keywords) {
    Furthest saved = entry_begin();
    int r = call_args(p, args, keywords, 0);
    entry_end(p, r < 0 ? NULL : (KAstExpr *)args, saved);
    return r;
}
