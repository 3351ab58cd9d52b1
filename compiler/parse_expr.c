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
// way, remembering the furthest failure ('kexpr.furthest'), and each
// invalid_* rule is tried where parsing fails ('kexpr.second_pass' counts
// those parses, which do not move the generic error). Where CPython parses
// with its invalid_* rules switched off (expression_without_invalid),
// parsing is "quiet" ('kexpr.quiet'). The displays (brackets and
// comprehensions) are in parse_display.c; parse_expr.h has the shared state.
#include "parse_expr.h"

#include <stdint.h>
#include <string.h>

#include "ast.h"
#include "literal.h"
#include "parse_target.h"
#include "parser.h"
#include "tokens.h"

// CPython's rule nesting between 'expression' and the 'atom' it reaches
// (disjunction ... primary, atom: 22 rules), plus the rules above a
// statement's expression that the statement parser does not count: a limit
// check adds it so that "-" * n + "1" fails at the same n as CPython 3.11.
enum { DEPTH_TAIL = 27 };
// Rule levels CPython goes through between a call's '(' or a subscript's
// '[' and the expression inside (measured), three more for a keyword
// argument's value.
enum { DEPTH_CALL = 4, DEPTH_KEYWORD = 3 };

_Thread_local KExprState kexpr = {.furthest = {0, 0, -1, 0}};

static KAstExpr *star_expressions_from(KParser *p, int allow_star, int quiet_first);
static KAstExpr *factor(KParser *p);
static int call_args(KParser *p, KAstSeq **args, KAstSeq **keywords, int allow_genexp);

// ---- token classes ----

// Tokens that can start an expression (what expression_without_invalid may
// parse after a complete expression).
static const uint8_t starts_expr[KTOK_COUNT] = {
    [KTOK_NAME] = 1,    [KTOK_NUMBER] = 1,   [KTOK_STRING] = 1,    [KTOK_LPAR] = 1,
    [KTOK_LSQB] = 1,    [KTOK_LBRACE] = 1,   [KTOK_MINUS] = 1,     [KTOK_PLUS] = 1,
    [KTOK_TILDE] = 1,   [KTOK_KW_NOT] = 1,   [KTOK_KW_LAMBDA] = 1, [KTOK_KW_AWAIT] = 1,
    [KTOK_KW_TRUE] = 1, [KTOK_KW_FALSE] = 1, [KTOK_KW_NONE] = 1,   [KTOK_ELLIPSIS] = 1,
};

// Tokens that start an atom: a disjunction that starts with one of them
// starts with a primary (no unary operator, 'not' or 'await').
static const uint8_t starts_atom[KTOK_COUNT] = {
    [KTOK_NAME] = 1,    [KTOK_NUMBER] = 1,    [KTOK_STRING] = 1,   [KTOK_LPAR] = 1,
    [KTOK_LSQB] = 1,    [KTOK_LBRACE] = 1,    [KTOK_KW_TRUE] = 1,  [KTOK_KW_FALSE] = 1,
    [KTOK_KW_NONE] = 1, [KTOK_ELLIPSIS] = 1,
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

KAstExpr *kexpr_checked(KParser *p, KAstExpr *e) {
    return e ? e : kpar_nomem(p);
}

int kexpr_is_quiet(void) {
    return kexpr.quiet > 0 || kexpr.key_quiet > 0;
}

// 'async' 'for' or 'for': a comprehension starts here.
int kexpr_at_comprehension(const KParser *p) {
    int kind = kpar_kind(p);
    return kind == KTOK_KW_FOR || (kind == KTOK_KW_ASYNC && kpar_kind_at(p, 1) == KTOK_KW_FOR);
}

// 1 when the recorded error is the generic "invalid syntax" of a failed
// parse (which any specialised message outranks), not a message of an
// invalid_* rule, a lexical error or MemoryError.
int kexpr_failed_generically(const KParser *p) {
    return p->diag->kind == KDIAG_SYNTAX_ERROR && !p->diag->from_tokenizer &&
           strcmp(p->diag->msg, "invalid syntax") == 0;
}

// Index of the first token at or after line 'lineno', column 'col'.
int kexpr_token_index(const KParser *p, int lineno, int col) {
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
    kexpr.examined = pos > kexpr.examined ? pos : kexpr.examined;
    if (!kexpr.second_pass && (!kexpr.furthest.active || pos > kexpr.furthest.pos) &&
        pos < p->count) {
        kexpr.furthest.active = 1;
        kexpr.furthest.pos = pos;
    }
}

// An optional continuation (an operator's operand, a trailer) failed: when
// generically, it is given up as a PEG parser does, back to 'm', and 1 is
// returned; a first-pass failure is remembered in 'kexpr.furthest'. Otherwise 0
// (the failure stands).
int kexpr_backtrack(KParser *p, KParMark m) {
    if (!kexpr_failed_generically(p)) {
        return 0;
    }
    note_failure(p, kexpr_token_index(p, p->diag->lineno, p->diag->col));
    kpar_reset(p, m);
    return 1;
}

// "invalid syntax" where CPython's first pass got furthest: at token index
// 'pos', or at a failure backtracked over beyond it.
void *kexpr_fail_at(KParser *p, int pos) {
    kpar_seek(p, kexpr.furthest.active && kexpr.furthest.pos > pos ? kexpr.furthest.pos : pos);
    return kpar_syntax_error(p);
}

void *kexpr_fail(KParser *p) {
    return kexpr_fail_at(p, p->pos);
}

// The token where CPython's first pass stopped: the current one or, further,
// a failure backtracked over.
static const KToken *furthest_token(const KParser *p) {
    return &p->toks[kexpr.furthest.active && kexpr.furthest.pos > p->pos ? kexpr.furthest.pos
                                                                         : p->pos];
}

// Counts 'levels' of CPython's rule nesting: MemoryError past
// KPAR_MAX_DEPTH, as CPython 3.11's parser. Returns -1 on failure; on
// success the caller restores p->depth.
int kexpr_enter(KParser *p, int levels) {
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
void *kexpr_unexpected(KParser *p, int comprehension) {
    int async = comprehension && kpar_kind(p) == KTOK_KW_ASYNC;
    return kexpr_fail_at(p, p->pos + async);
}

// A second-pass parse failed: a generic failure gives way to the
// first pass's, at token index 'pos'; returns NULL.
void *kexpr_second_pass_failed(KParser *p, int pos) {
    if (kexpr_failed_generically(p)) {
        p->diag->kind = KDIAG_NONE;
        kexpr_fail_at(p, pos);
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

// The sequence of 'items' (NULL when empty, or on MemoryError: check
// kpar_failed).
int kexpr_items_seq(KParser *p, const KParList *items, KAstSeq **out) {
    *out = kpar_list_seq(p, items);
    return *out || items->count == 0 ? 0 : -1;
}

// The bitwise_or after a '*' (or '**'), which CPython reaches four rule
// levels higher than an expression's.
KAstExpr *kexpr_star_operand(KParser *p) {
    int saved = p->depth;
    p->depth -= 4;
    KAstExpr *e = kexpr_bitwise_or(p);
    p->depth = saved;
    return e;
}

static KAstExpr *kexpr_starred(KParser *p, const KToken *star, KAstExpr *value) {
    return kexpr_checked(p, kast_starred(p->arena, value, KAST_LOAD, TOK_START(star), PREV_END(p)));
}

static KAstExpr *constant(KParser *p, KConstKind kind, const KToken *t) {
    KConst c;
    memset(&c, 0, sizeof c);
    c.kind = kind;
    return kexpr_checked(p, kast_constant(p->arena, &c, NULL, TOK_START(t), TOK_END(t)));
}

// ---- atoms ----

// NAME
static KAstExpr *name_atom(KParser *p) {
    const KToken *t = kpar_advance(p);
    const char *id = kpar_ident(p, t);
    if (!id) {
        return NULL;
    }
    return kexpr_checked(p, kast_name(p->arena, id, KAST_LOAD, TOK_START(t), TOK_END(t)));
}

// NUMBER
static KAstExpr *number_atom(KParser *p) {
    const KToken *t = kpar_advance(p);
    KConst c;
    if (klit_parse_number(p->arena, t->text, t->len, &c, p->diag) < 0) {
        return NULL;
    }
    return kexpr_checked(p, kast_constant(p->arena, &c, NULL, TOK_START(t), TOK_END(t)));
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
        int saved_quiet = kexpr.quiet, saved_key = kexpr.key_quiet;
        kexpr.quiet = kexpr.key_quiet = 0;
        KAstExpr *e = kpar_strings(p);
        kexpr.quiet = saved_quiet;
        kexpr.key_quiet = saved_key;
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
        return kdisplay_atom(p);
    default:
        return kexpr_fail(p);
    }
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
    if (!pending || kexpr_is_quiet() || !kexpr_failed_generically(p)) {
        return -1;
    }
    int pos = kexpr_token_index(p, p->diag->lineno, p->diag->col);
    p->diag->kind = KDIAG_NONE;
    if (at == pending_at) {
        kexpr_fail_at(p, at);
        return -1;
    }
    kpar_seek(p, pos > p->pos ? pos : p->pos);
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
    kexpr.second_pass++;
    for (;;) {
        int kind = kpar_kind(p);
        void *item;
        if (kind == KTOK_STAR || kind == KTOK_DOUBLESTAR) {
            kpar_advance(p);
            item = kexpr_expression(p);
        } else if (kind == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_EQUAL) {
            item = keyword_argument(p);
        } else {
            item = positional_argument(p);
        }
        if (!item || !kpar_accept(p, KTOK_COMMA)) {
            break;
        }
    }
    kexpr.second_pass--;
    if (kpar_failed(p) && !kexpr_failed_generically(p)) {
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
    if (was_pending && !kexpr_is_quiet()) {
        positional_error(p, was_pending);
        return NULL;
    }
    int at = p->pos;
    // CPython's first pass reads these clauses only as primary genexp.
    int genexp = count == 0 && allow_genexp;
    kexpr.second_pass += !genexp;
    kexpr.examined = at;
    KAstSeq *gens = kdisplay_for_if_clauses(p);
    kexpr.second_pass -= !genexp;
    if (!gens && pending && !kexpr_is_quiet() && kexpr_failed_generically(p)) {
        // CPython's 'args , args' then reads the arguments up to the 'for'.
        int last = kexpr_token_index(p, p->diag->lineno, p->diag->col);
        p->diag->kind = KDIAG_NONE;
        kpar_seek(p, last > kexpr.examined ? last : kexpr.examined);
        positional_error(p, pending);
        return NULL;
    }
    if (!gens) {
        return genexp ? NULL : kexpr_second_pass_failed(p, at);
    }
    int kind = kpar_kind(p);
    if (genexp && kind == KTOK_RPAR) {
        const KToken *close = kpar_peek(p);
        return kexpr_checked(
            p, kast_generator_exp(p->arena, e, gens, TOK_START(open), TOK_END(close)));
    }
    if (kexpr_is_quiet() || (count == 0 && kind != KTOK_COMMA)) {
        return genexp ? kexpr_unexpected(p, 1) : kexpr_fail_at(p, at);
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
    KAstExpr *value = kexpr_enter(p, DEPTH_KEYWORD) < 0 ? NULL : kexpr_expression(p);
    p->depth = saved;
    if (!value) {
        return NULL;
    }
    if (kexpr_at_comprehension(p) && !kexpr_is_quiet()) {
        int at = p->pos;
        kexpr.second_pass++;
        KAstSeq *gens = kdisplay_for_if_clauses(p);
        kexpr.second_pass--;
        if (gens) {
            return kpar_error_tokens(
                p, name, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        return kexpr_second_pass_failed(p, at);
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
        return kexpr_named_expression(p);
    }
    KAstExpr *e = kexpr_expression(p);
    if (e && kpar_kind(p) == KTOK_EQUAL && !kexpr_is_quiet()) {
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
            if (seen_dstar && !kexpr_is_quiet()) {
                return unpacking_error(p, open, pending);
            }
            kpar_advance(p);
            KAstExpr *value = kexpr_expression(p);
            KAstExpr *e = value ? kexpr_starred(p, t, value) : NULL;
            if (!e) {
                if (count > 0 && !pending && !kexpr_is_quiet() && kexpr_failed_generically(p)) {
                    p->diag->kind = KDIAG_NONE;
                    kpar_seek(p, (int)(t - p->toks));
                    return unpacking_error(p, open, pending);
                }
                return argument_failed(p, pending, at, pending_at);
            }
            if (kexpr_at_comprehension(p)) {
                if (count == 0) {
                    kdisplay_starred_item_error(p, open, t, p->pos);
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
                KAstExpr *value = kexpr_expression(p);
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
                   next == KTOK_EQUAL && !kexpr_is_quiet()) {
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
            if (kexpr_at_comprehension(p)) {
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
            if (pending && !kexpr_is_quiet()) {
                positional_error(p, pending);
            } else {
                kexpr_unexpected(p, count == 1 && allow_genexp && plain_first);
            }
            return -1;
        }
    }
    if (pending) {
        if (kexpr_is_quiet()) {
            kexpr_fail(p);
        } else {
            positional_error(p, pending);
        }
        return -1;
    }
    kpar_advance(p);
    if (kexpr_items_seq(p, &args, args_out) < 0 ||
        kexpr_items_seq(p, &keywords, keywords_out) < 0) {
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
        KAstExpr *value = kexpr_expression(p);
        return value ? kexpr_starred(p, first, value) : NULL;
    }
    KAstExpr *lower = NULL, *upper = NULL, *step = NULL;
    if (first->kind != KTOK_COLON) {
        if (first->kind == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_COLONEQUAL) {
            return kexpr_named_expression(p);
        }
        int start = p->pos;
        lower = kexpr_expression(p);
        if (!lower) {
            return NULL;
        }
        if (kpar_kind(p) != KTOK_COLON) {
            return kexpr_named_tail(p, start, lower);
        }
    }
    kpar_advance(p);
    if (starts_expr[kpar_kind(p)] && !(upper = kexpr_expression(p))) {
        return NULL;
    }
    if (kpar_accept(p, KTOK_COLON) && starts_expr[kpar_kind(p)] && !(step = kexpr_expression(p))) {
        return NULL;
    }
    const KToken *last = kpar_prev(p);
    return kexpr_checked(p,
                         kast_slice(p->arena, lower, upper, step, TOK_START(first), TOK_END(last)));
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
    if (kexpr_items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *last = kpar_prev(p);
    return kexpr_checked(p, kast_tuple(p->arena, elts, KAST_LOAD, TOK_START(first), TOK_END(last)));
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
                return kexpr_backtrack(p, m) ? e : NULL;
            }
            kpar_advance(p);
            const char *id = kpar_ident(p, name);
            e = id ? kexpr_checked(p, kast_attribute(p->arena, e, id, KAST_LOAD, TOK_START(start),
                                                     TOK_END(name)))
                   : NULL;
            break;
        }
        case KTOK_LPAR: {
            KAstSeq *args, *keywords;
            int saved = p->depth;
            int r = kexpr_enter(p, DEPTH_CALL) < 0 ? -1 : call_args(p, &args, &keywords, 1);
            p->depth = saved;
            if (r < 0) {
                return kexpr_backtrack(p, m) ? e : NULL;
            }
            const KToken *close = kpar_prev(p);
            e = kexpr_checked(
                p, kast_call(p->arena, e, args, keywords, TOK_START(start), TOK_END(close)));
            break;
        }
        case KTOK_LSQB: {
            kpar_advance(p);
            int saved = p->depth;
            KAstExpr *s = kexpr_enter(p, DEPTH_CALL) < 0 ? NULL : slices(p);
            p->depth = saved;
            if (!s || !kpar_expect(p, KTOK_RSQB)) {
                return kexpr_backtrack(p, m) ? e : NULL;
            }
            const KToken *close = kpar_prev(p);
            e = kexpr_checked(
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
    return e ? kexpr_checked(p, kast_await(p->arena, e, TOK_START(kw), PREV_END(p))) : NULL;
}

// The rest of power after its await_primary 'a' (from token 'start'):
// '**' factor, when there is one.
static KAstExpr *power_rest(KParser *p, const KToken *start, KAstExpr *a) {
    if (!a || kpar_kind(p) != KTOK_DOUBLESTAR) {
        return a;
    }
    KParMark m = kpar_mark(p);
    kpar_advance(p);
    int saved = p->depth;
    KAstExpr *b = kexpr_enter(p, 2) < 0 ? NULL : factor(p);
    p->depth = saved;
    if (!b) {
        return kexpr_backtrack(p, m) ? a : NULL;
    }
    return kexpr_checked(p, kast_bin_op(p->arena, a, KAST_POW, b, TOK_START(start), PREV_END(p)));
}

// power: await_primary '**' factor | await_primary
static KAstExpr *power(KParser *p) {
    const KToken *start = kpar_peek(p);
    return power_rest(p, start, await_primary(p));
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
    KAstExpr *operand = kexpr_enter(p, 1) < 0 ? NULL : factor(p);
    p->depth = saved;
    if (!operand) {
        return NULL;
    }
    return kexpr_checked(p, kast_unary_op(p->arena, op, operand, TOK_START(t), PREV_END(p)));
}

// bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum and term, by
// precedence climbing: operators of precedence 'min_prec' or more.
// binary_rest continues after the first operand 'left' (from token 'start').
static KAstExpr *binary(KParser *p, int min_prec);

static KAstExpr *binary_rest(KParser *p, int min_prec, const KToken *start, KAstExpr *left) {
    while (left) {
        int kind = kpar_kind(p), prec = binop_prec[kind];
        if (prec < min_prec || prec == 0) {
            break;
        }
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        KAstExpr *right = binary(p, prec + 1);
        if (!right) {
            return kexpr_backtrack(p, m) ? left : NULL;
        }
        left = kexpr_checked(
            p, kast_bin_op(p->arena, left, binop_op[kind], right, TOK_START(start), PREV_END(p)));
    }
    return left;
}

static KAstExpr *binary(KParser *p, int min_prec) {
    const KToken *start = kpar_peek(p);
    return binary_rest(p, min_prec, start, factor(p));
}

KAstExpr *kexpr_bitwise_or(KParser *p) {
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

// The rest of comparison after its bitwise_or 'left' (from token 'start').
static KAstExpr *comparison_rest(KParser *p, const KToken *start, KAstExpr *left) {
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
        kpar_seek(p, p->pos + len);
        KAstExpr *right = kexpr_bitwise_or(p);
        if (!right) {
            if (!kexpr_backtrack(p, m)) {
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
    return kexpr_checked(p,
                         kast_compare(p->arena, left, opseq, comps, TOK_START(start), PREV_END(p)));
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
static KAstExpr *comparison(KParser *p) {
    const KToken *start = kpar_peek(p);
    return comparison_rest(p, start, kexpr_bitwise_or(p));
}

// inversion: 'not' inversion | comparison
static KAstExpr *inversion(KParser *p) {
    if (kpar_kind(p) != KTOK_KW_NOT) {
        return comparison(p);
    }
    const KToken *t = kpar_advance(p);
    int saved = p->depth;
    KAstExpr *operand = kexpr_enter(p, 1) < 0 ? NULL : inversion(p);
    p->depth = saved;
    if (!operand) {
        return NULL;
    }
    return kexpr_checked(p, kast_unary_op(p->arena, KAST_NOT, operand, TOK_START(t), PREV_END(p)));
}

// conjunction: inversion ('and' inversion)+ | inversion   (op KAST_AND)
// disjunction: conjunction ('or' conjunction)+ | conjunction   (op KAST_OR)
// bool_op_rest continues after the first operand 'first' (from token 'start').
static KAstExpr *bool_op(KParser *p, KAstBoolop op);

static KAstExpr *bool_op_rest(KParser *p, KAstBoolop op, const KToken *start, KAstExpr *first) {
    int kw = op == KAST_AND ? KTOK_KW_AND : KTOK_KW_OR;
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
            if (!kexpr_backtrack(p, m)) {
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
    return kexpr_checked(p, kast_bool_op(p->arena, op, seq, TOK_START(start), PREV_END(p)));
}

static KAstExpr *bool_op(KParser *p, KAstBoolop op) {
    const KToken *start = kpar_peek(p);
    return bool_op_rest(p, op, start, op == KAST_AND ? inversion(p) : bool_op(p, KAST_AND));
}

KAstExpr *kexpr_disjunction(KParser *p) {
    return bool_op(p, KAST_OR);
}

// A disjunction whose first operand starts with the primary 'e' (from token
// 'start'), already parsed: the levels from power up to disjunction, as
// kexpr_disjunction would have gone through them. When the token after 'e'
// can continue none of them, 'e' stands: most expressions are a primary.
static KAstExpr *disjunction_after_primary(KParser *p, const KToken *start, KAstExpr *e) {
    if (!e || ends_expr[kpar_kind(p)]) {
        return e;
    }
    e = power_rest(p, start, e);
    e = binary_rest(p, 1, start, e);
    e = comparison_rest(p, start, e);
    e = bool_op_rest(p, KAST_AND, start, e);
    return bool_op_rest(p, KAST_OR, start, e);
}

// ---- expressions ----

// lambdef: 'lambda' [lambda_params] ':' expression
static KAstExpr *lambdef(KParser *p) {
    const KToken *kw = kpar_advance(p);
    int saved = p->depth;
    if (kexpr_enter(p, 2) < 0) {
        p->depth = saved;
        return NULL;
    }
    p->depth--;
    KAstArguments *args = kpar_parameters(p, 1);
    KAstExpr *body = args && kpar_expect(p, KTOK_COLON) ? kexpr_expression(p) : NULL;
    p->depth = saved;
    if (!body) {
        return NULL;
    }
    return kexpr_checked(p, kast_lambda(p->arena, args, body, TOK_START(kw), PREV_END(p)));
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
    kpar_seek(p, start + 1);
    kexpr.second_pass++;
    KAstExpr *b = star_expressions_from(p, 1, quiet_first);
    kexpr.second_pass--;
    if (b && legacy) {
        const char *name = kpar_is_name(t0, "print") ? "print" : "exec";
        kpar_error_at(p, KDIAG_SYNTAX_ERROR, TOK_START(t0), EXPR_END(b),
                      "Missing parentheses in call to '%s'. Did you mean %s(...)?", name, name);
        return -1;
    }
    if (!b && !kexpr_failed_generically(p)) {
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
    int alt1 =
        !(t0->kind == KTOK_NAME && p->toks[start + 1].kind == KTOK_STRING) && !is_soft_keyword(t0);
    if (alt1) {
        kexpr.quiet++;
        kexpr.second_pass++;
        KAstExpr *b = kexpr_expression(p);
        kexpr.second_pass--;
        kexpr.quiet--;
        if (!b && !kexpr_failed_generically(p)) {
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
static __attribute__((noinline)) KAstExpr *expression(KParser *p, int kind, int quiet_first);

KAstExpr *kexpr_expression(KParser *p) {
    int kind = kpar_kind(p), quiet_first = kexpr.quiet_disjunction;
    kexpr.quiet_disjunction = 0;
    if ((kind == KTOK_NAME || kind == KTOK_NUMBER) && ends_expr[kpar_kind_at(p, 1)]) {
        if (p->depth + 1 + DEPTH_TAIL > KPAR_MAX_DEPTH) {
            return kpar_nomem(p);
        }
        return kind == KTOK_NAME ? name_atom(p) : number_atom(p);
    }
    return expression(p, kind, quiet_first);
}

// kexpr_expression past its fast path: the current token is of 'kind'.
static KAstExpr *expression(KParser *p, int kind, int quiet_first) {
    int saved = p->depth;
    if (kexpr_enter(p, 1) < 0) {
        p->depth = saved;
        return NULL;
    }
    KAstExpr *e;
    kexpr.quiet += quiet_first;
    if (kind == KTOK_KW_LAMBDA) {
        e = lambdef(p);
        kexpr.quiet -= quiet_first;
        p->depth = saved;
        return e;
    }
    int start = p->pos;
    if (starts_atom[kind]) {
        const KToken *t = kpar_peek(p);
        e = disjunction_after_primary(p, t, primary(p));
    } else {
        e = kexpr_disjunction(p);
    }
    kexpr.quiet -= quiet_first;
    if (!e) {
        p->depth = saved;
        return NULL;
    }
    kind = kpar_kind(p);
    if (kind == KTOK_KW_IF) {
        KParMark m = kpar_mark(p);
        kpar_advance(p);
        kexpr.quiet += quiet_first;
        KAstExpr *test = kexpr_disjunction(p), *orelse = NULL;
        kexpr.quiet -= quiet_first;
        if (test && kpar_kind(p) != KTOK_KW_ELSE) {
            if (kpar_kind(p) != KTOK_COLON && !kexpr_is_quiet()) {
                kpar_error_at(p, KDIAG_SYNTAX_ERROR, EXPR_START(e), EXPR_END(test),
                              "expected 'else' after 'if' expression");
            } else {
                kpar_syntax_error(p);
            }
        } else if (test) {
            kpar_advance(p);
            kexpr.quiet += quiet_first;
            orelse = kexpr_expression(p);
            kexpr.quiet -= quiet_first;
        }
        p->depth = saved;
        if (!orelse) {
            return kexpr_backtrack(p, m) ? e : NULL;
        }
        return kexpr_checked(
            p, kast_if_exp(p->arena, test, e, orelse, TOK_START(&p->toks[start]), PREV_END(p)));
    }
    p->depth = saved;
    if (!kexpr_is_quiet()) {
        if (starts_expr[kind] && invalid_expression(p, start, e) < 0) {
            return NULL;
        }
        // "print -1" is only an error in CPython's second pass: see entry_end.
        const KToken *t0 = &p->toks[start];
        if (kexpr.furthest.legacy < 0 && !kexpr.second_pass && t0->kind == KTOK_NAME &&
            (t0->len == 5 || t0->len == 4) && p->toks[start + 1].kind != KTOK_LPAR &&
            (starts_expr[p->toks[start + 1].kind] || p->toks[start + 1].kind == KTOK_STAR) &&
            (kpar_is_name(t0, "print") || kpar_is_name(t0, "exec"))) {
            kexpr.furthest.legacy = start;
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
    KAstExpr *value = target ? kexpr_expression(p) : NULL;
    if (!value) {
        return NULL;
    }
    return kexpr_checked(p, kast_named_expr(p->arena, target, value, TOK_START(name), PREV_END(p)));
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
    kpar_seek(p, start);
    kexpr.quiet++;
    kexpr.second_pass++;
    KAstExpr *a = atom(p);
    kexpr.second_pass--;
    kexpr.quiet--;
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
KAstExpr *kexpr_named_tail(KParser *p, int start, KAstExpr *e) {
    int kind = kpar_kind(p);
    if (!e || kexpr_is_quiet() || (kind != KTOK_COLONEQUAL && kind != KTOK_EQUAL)) {
        return e;
    }
    KParMark m = kpar_mark(p);
    kpar_advance(p);
    if (kind == KTOK_COLONEQUAL) {
        kexpr.second_pass++;
        KAstExpr *value = kexpr_expression(p);
        kexpr.second_pass--;
        if (value) {
            return kpar_error_expr(p, e, "cannot use assignment expressions with %s",
                                   kpar_expr_name(e));
        }
        return kexpr_second_pass_failed(p, m.pos);
    }
    int is_name = e->kind == KAST_NAME && p->pos == start + 2;
    if (!is_name && (!is_bitwise_or(p, start, m.pos - 1, e) || starts_with_display(p, start))) {
        kpar_reset(p, m);
        return e;
    }
    kexpr.second_pass++;
    KAstExpr *b = kexpr_bitwise_or(p);
    kexpr.second_pass--;
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
    if (!b && !kexpr_failed_generically(p)) {
        return NULL;
    }
    kpar_reset(p, m);
    return e;
}

// named_expression: assignment_expression | invalid_named_expression | expression !':='
KAstExpr *kexpr_named_expression(KParser *p) {
    if (kpar_kind(p) == KTOK_NAME && kpar_kind_at(p, 1) == KTOK_COLONEQUAL) {
        int saved = p->depth;
        KAstExpr *e = kexpr_enter(p, 1) < 0 ? NULL : walrus(p);
        p->depth = saved;
        return e;
    }
    int start = p->pos;
    return kexpr_named_tail(p, start, kexpr_expression(p));
}

// star_named_expression: '*' bitwise_or | named_expression
KAstExpr *kexpr_star_named_item(KParser *p) {
    if (kpar_kind(p) != KTOK_STAR) {
        return kexpr_named_expression(p);
    }
    const KToken *star = kpar_advance(p);
    KAstExpr *value = kexpr_star_operand(p);
    return value ? kexpr_starred(p, star, value) : NULL;
}

// star_expression: '*' bitwise_or | expression   ('allow_star')
static KAstExpr *star_expression(KParser *p, int allow_star) {
    if (kpar_kind(p) != KTOK_STAR || !allow_star) {
        return kexpr_expression(p);
    }
    const KToken *star = kpar_advance(p);
    KAstExpr *value = kexpr_star_operand(p);
    return value ? kexpr_starred(p, star, value) : NULL;
}

// star_expressions: star_expression (',' star_expression)* [',']
// (a tuple when there is a comma); expressions when not 'allow_star'. With
// 'quiet_first', the first expression is parsed quietly but for the
// invalid_* rules at its top: CPython finds its parts memoized from an
// expression_without_invalid at the same place.
static KAstExpr *star_expressions_from(KParser *p, int allow_star, int quiet_first) {
    const KToken *first = kpar_peek(p);
    kexpr.quiet_disjunction = quiet_first;
    KAstExpr *e = star_expression(p, allow_star);
    kexpr.quiet_disjunction = 0;
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
            if (kexpr_backtrack(p, m)) {
                break;
            }
            return NULL;
        }
        if (kpar_list_push(p, &items, e) < 0) {
            return NULL;
        }
    }
    KAstSeq *elts;
    if (kexpr_items_seq(p, &items, &elts) < 0) {
        return NULL;
    }
    const KToken *last = kpar_prev(p);
    return kexpr_checked(p, kast_tuple(p->arena, elts, KAST_LOAD, TOK_START(first), TOK_END(last)));
}

KAstExpr *kexpr_star_expressions(KParser *p, int allow_star) {
    return star_expressions_from(p, allow_star, 0);
}

// ---- entry points ----

// Each entry point starts with no failure backtracked over, and leaves
// the furthest one recorded when there was one: CPython's first pass got
// that far, so the caller's own generic error, if it fails, belongs there
// (and if it then records something more specific, it resets first).
static KExprFurthest entry_begin(void) {
    KExprFurthest saved = kexpr.furthest;
    kexpr.furthest.active = 0;
    kexpr.furthest.legacy = -1;
    kexpr.furthest.pass1_error = 0;
    return saved;
}

// When the parse is doomed (failed, or a failure was backtracked over),
// CPython's second pass would meet a legacy print or exec statement before
// an error raised after it.
static void legacy_statement(KParser *p, KAstExpr *e) {
    int at = kexpr.furthest.legacy;
    if (at < 0 || (e && !kexpr.furthest.active) || kexpr.furthest.pass1_error) {
        return;
    }
    if (kpar_failed(p) && !kexpr_failed_generically(p) &&
        kexpr_token_index(p, p->diag->lineno, p->diag->col) < at) {
        return;
    }
    KDiag saved = *p->diag;
    int pos = p->pos;
    p->diag->kind = KDIAG_NONE;
    if (invalid_legacy_expression(p, at, 0, 0) == 0) {
        *p->diag = saved;
    }
    kpar_seek(p, pos);
}

// A failure was backtracked over: the generic error belongs where it was,
// when that is further than the entry point's own ('e' NULL) or than the end.
static void furthest_failure(KParser *p, const KAstExpr *e) {
    int pos = p->pos;
    if (!e && kexpr_failed_generically(p)) {
        pos = kexpr_token_index(p, p->diag->lineno, p->diag->col);
        p->diag->kind = kexpr.furthest.pos > pos ? KDIAG_NONE : p->diag->kind;
    }
    if (kexpr.furthest.pos > pos) {
        int current = p->pos;
        kexpr_fail_at(p, pos);
        kpar_seek(p, current);
    }
}

static inline KAstExpr *entry_end(KParser *p, KAstExpr *e, KExprFurthest saved) {
    if (kexpr.furthest.legacy >= 0) {
        legacy_statement(p, e);
    }
    if (kexpr.furthest.active) {
        furthest_failure(p, e);
    }
    kexpr.furthest = saved;
    return e;
}

KAstExpr *kpar_expression(KParser *p) {
    KExprFurthest saved = entry_begin();
    return entry_end(p, kexpr_expression(p), saved);
}

KAstExpr *kpar_named_expression(KParser *p) {
    KExprFurthest saved = entry_begin();
    int depth = p->depth;
    KAstExpr *e = kexpr_enter(p, 1) < 0 ? NULL : kexpr_named_expression(p);
    p->depth = depth;
    return entry_end(p, e, saved);
}

KAstExpr *kpar_star_named_expression(KParser *p) {
    KExprFurthest saved = entry_begin();
    return entry_end(p, kexpr_star_named_item(p), saved);
}

// star_expressions; in eval mode (the whole input), expressions. The
// levels counted make an expression statement's expression as deep as
// CPython's (file, statements, statement, simple_stmts, simple_stmt,
// star_expressions, star_expression: seven where the statement parser
// counts one) and eval's (eval, expressions).
KAstExpr *kpar_star_expressions(KParser *p) {
    KExprFurthest saved = entry_begin();
    int depth = p->depth;
    int levels = p->mode == KPAR_EVAL ? -3 : 2;
    KAstExpr *e =
        kexpr_enter(p, levels) < 0 ? NULL : kexpr_star_expressions(p, p->mode != KPAR_EVAL);
    p->depth = depth;
    return entry_end(p, e, saved);
}

KAstExpr *kpar_bitwise_or(KParser *p) {
    KExprFurthest saved = entry_begin();
    int depth = p->depth;
    KAstExpr *e = kexpr_enter(p, 1) < 0 ? NULL : kexpr_bitwise_or(p);
    p->depth = depth;
    return entry_end(p, e, saved);
}

KAstExpr *kpar_yield_expr(KParser *p) {
    KExprFurthest saved = entry_begin();
    return entry_end(p, kexpr_yield_expr(p), saved);
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
KAstExpr *kexpr_yield_expr(KParser *p) {
    const KToken *kw = kpar_advance(p);
    if (kpar_accept(p, KTOK_KW_FROM)) {
        KAstExpr *e = kexpr_expression(p);
        return e ? kexpr_checked(p, kast_yield_from(p->arena, e, TOK_START(kw), PREV_END(p)))
                 : NULL;
    }
    int kind = kpar_kind(p);
    if (!starts_expr[kind] && kind != KTOK_STAR) {
        return kexpr_checked(p, kast_yield(p->arena, NULL, TOK_START(kw), TOK_END(kw)));
    }
    KAstExpr *e = kexpr_star_expressions(p, 1);
    return e ? kexpr_checked(p, kast_yield(p->arena, e, TOK_START(kw), PREV_END(p))) : NULL;
}

int kpar_call_args(KParser *p, KAstSeq **args, KAstSeq **keywords) {
    KExprFurthest saved = entry_begin();
    int r = call_args(p, args, keywords, 0);
    entry_end(p, r < 0 ? NULL : (KAstExpr *)args, saved);
    return r;
}
