// compiler/parse_pattern.c: the match statement of Python 3.11 (PEP 634):
// soft-keyword detection, the subject, case blocks and every kind of
// pattern, with the nodes, locations and errors CPython 3.11's grammar
// (Grammar/python.gram, "Match statement") gives them.
//
// Pattern functions follow the PEG grammar: they return the node; or NULL
// with no error recorded and the position unchanged when the input does not
// match ("no match"); or NULL with an error recorded. A no-match that
// reaches a case block becomes "invalid syntax" at the furthest token the
// pattern rules looked at, where CPython reports it.
#include "parser.h"

#include <string.h>

#include "literal.h"

typedef struct Pat {
    KParser *p;
    int far; // index of the furthest token examined
} Pat;

// Kind of the token 'n' places ahead, noting it as examined: CPython's
// parser has fetched it, and fetching the final ERRORTOKEN raises its error.
static int look(Pat *m, int n) {
    KParser *p = m->p;
    int i = p->pos + n < p->count ? p->pos + n : p->count - 1;
    if (i > m->far) {
        m->far = i;
    }
    if (i > p->max_pos) {
        p->max_pos = i;
    }
    if (i == p->count - 1 && p->toks[i].kind == KTOK_ERRORTOKEN && !kpar_failed(p)) {
        int pos = p->pos;
        kpar_seek(p, i);
        kpar_syntax_error(p); // the lexical error, EOF or unclosed bracket it stands for
        kpar_seek(p, pos);
    }
    return p->toks[i].kind;
}

// 1 when the token 'n' places ahead is the NAME 'word' (noting it as examined).
static int look_word(Pat *m, int n, const char *word) {
    return look(m, n) == KTOK_NAME && kpar_is_name(kpar_peek_at(m->p, n), word);
}

static const KToken *tok_at(const KParser *p, int i) {
    return &p->toks[i];
}

// Records "invalid syntax" at the furthest token examined.
static void *no_parse(Pat *m) {
    KParser *p = m->p;
    if (m->far > p->pos) {
        kpar_seek(p, m->far);
    }
    return kpar_syntax_error(p);
}

// The last token consumed that is not NEWLINE, INDENT or DEDENT: where
// CPython's node locations end (_PyPegen_get_last_nonnwhitespace_token).
static const KToken *last_real_token(const KParser *p) {
    int i = p->pos - 1;
    while (i > 0 && (p->toks[i].kind == KTOK_NEWLINE || p->toks[i].kind == KTOK_INDENT ||
                     p->toks[i].kind == KTOK_DEDENT || p->toks[i].kind == KTOK_ENDMARKER)) {
        i--;
    }
    return &p->toks[i < 0 ? 0 : i];
}

// The location arguments of a node from token index 'start' to the last token consumed.
#define SPAN(p, start)                                                                             \
    tok_at(p, start)->lineno, tok_at(p, start)->col, last_real_token(p)->end_lineno,               \
        last_real_token(p)->end_col

static void *nomem_if_null(KParser *p, void *node) {
    return node ? node : kpar_nomem(p);
}

static KAstPattern *pattern(Pat *m);

// ---- literals ----

// A Constant for the NUMBER token at the current position (consumed).
static KAstExpr *number(Pat *m) {
    KParser *p = m->p;
    const KToken *t = kpar_advance(p);
    KConst v;
    if (klit_parse_number(p->arena, t->text, t->len, &v, p->diag) < 0) {
        return NULL;
    }
    return nomem_if_null(
        p, kast_constant(p->arena, &v, NULL, t->lineno, t->col, t->end_lineno, t->end_col));
}

// The constant of keyword token kind 'kind': None, True or False.
static KConst singleton(int kind) {
    KConst v;
    memset(&v, 0, sizeof v);
    v.kind = kind == KTOK_KW_NONE ? KCONST_NONE : kind == KTOK_KW_TRUE ? KCONST_TRUE : KCONST_FALSE;
    return v;
}

static int is_imaginary(const KAstExpr *e) {
    return e->kind == KAST_CONSTANT && e->v.constant.value.kind == KCONST_COMPLEX;
}

// signed_number: NUMBER | '-' NUMBER
// The current token is NUMBER or '-'. '*num' receives the NUMBER's Constant.
static KAstExpr *signed_number(Pat *m, KAstExpr **num) {
    KParser *p = m->p;
    int start = p->pos;
    int neg = kpar_kind(p) == KTOK_MINUS;
    if (neg) {
        if (look(m, 1) != KTOK_NUMBER) {
            return NULL;
        }
        kpar_advance(p);
    }
    *num = number(m);
    if (!*num || !neg) {
        return *num;
    }
    return nomem_if_null(p, kast_unary_op(p->arena, KAST_USUB, *num, SPAN(p, start)));
}

// literal_expr:
//     | signed_number !('+' | '-')
//     | complex_number
//     | strings
//     | 'None' | 'True' | 'False'
// complex_number: signed_real_number ('+' | '-') imaginary_number
static KAstExpr *literal_expr(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    int kind = look(m, 0);
    if (kind == KTOK_STRING) {
        return kpar_strings(p);
    }
    if (kind == KTOK_KW_NONE || kind == KTOK_KW_TRUE || kind == KTOK_KW_FALSE) {
        const KToken *t = kpar_advance(p);
        KConst v = singleton(kind);
        return nomem_if_null(
            p, kast_constant(p->arena, &v, NULL, t->lineno, t->col, t->end_lineno, t->end_col));
    }
    if (kind != KTOK_NUMBER && kind != KTOK_MINUS) {
        return NULL;
    }
    KAstExpr *num = NULL;
    KAstExpr *real = signed_number(m, &num);
    if (!real) {
        return NULL;
    }
    int op = look(m, 0);
    if (op != KTOK_PLUS && op != KTOK_MINUS) {
        return real;
    }
    if (is_imaginary(num)) {
        return kpar_error_expr(p, num, "real number required in complex literal");
    }
    if (look(m, 1) != KTOK_NUMBER) {
        kpar_seek(p, start);
        return NULL;
    }
    kpar_advance(p);
    KAstExpr *imag = number(m);
    if (!imag) {
        return NULL;
    }
    if (!is_imaginary(imag)) {
        return kpar_error_expr(p, imag, "imaginary number required in complex literal");
    }
    return nomem_if_null(p, kast_bin_op(p->arena, real, op == KTOK_PLUS ? KAST_ADD : KAST_SUB, imag,
                                        SPAN(p, start)));
}

// literal_pattern:
//     | signed_number !('+' | '-') | complex_number | strings
//     | 'None' | 'True' | 'False'
static KAstPattern *literal_pattern(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    int kind = kpar_kind(p);
    if (kind == KTOK_KW_NONE || kind == KTOK_KW_TRUE || kind == KTOK_KW_FALSE) {
        kpar_advance(p);
        KConst v = singleton(kind);
        return nomem_if_null(p, kast_match_singleton(p->arena, &v, SPAN(p, start)));
    }
    KAstExpr *value = literal_expr(m);
    if (!value) {
        return NULL;
    }
    return nomem_if_null(p, kast_match_value(p->arena, value, SPAN(p, start)));
}

// ---- names ----

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
// Returns the identifier (consumed), or NULL on no match.
static const char *capture_target(Pat *m) {
    KParser *p = m->p;
    if (look(m, 0) != KTOK_NAME || kpar_is_name(kpar_peek(p), "_")) {
        return NULL;
    }
    int next = look(m, 1);
    if (next == KTOK_DOT || next == KTOK_LPAR || next == KTOK_EQUAL) {
        return NULL;
    }
    return kpar_ident(p, kpar_advance(p));
}

// name_or_attr: attr | NAME
// attr: name_or_attr '.' NAME
// The current token is NAME. '*dotted' is set when there was a '.'.
static KAstExpr *name_or_attr(Pat *m, int *dotted) {
    KParser *p = m->p;
    int start = p->pos;
    const KToken *t = kpar_advance(p);
    const char *id = kpar_ident(p, t);
    if (!id) {
        return NULL;
    }
    KAstExpr *e = kast_name(p->arena, id, KAST_LOAD, t->lineno, t->col, t->end_lineno, t->end_col);
    *dotted = 0;
    while (e && look(m, 0) == KTOK_DOT && look(m, 1) == KTOK_NAME) {
        kpar_advance(p);
        const char *attr = kpar_ident(p, kpar_advance(p));
        if (!attr) {
            return NULL;
        }
        e = kast_attribute(p->arena, e, attr, KAST_LOAD, SPAN(p, start));
        *dotted = 1;
    }
    return nomem_if_null(p, e);
}

// ---- class patterns ----

// keyword_pattern: NAME '=' pattern
static int keyword_pattern(Pat *m, KParList *attrs, KParList *pats) {
    KParser *p = m->p;
    const char *id = kpar_ident(p, kpar_advance(p));
    kpar_advance(p); // '='
    KAstPattern *value = id ? pattern(m) : NULL;
    if (!value) {
        return -1;
    }
    if (kpar_list_push(p, attrs, (void *)id) < 0 || kpar_list_push(p, pats, value) < 0) {
        return -1;
    }
    return 0;
}

// 1 when the parser has read the final ERRORTOKEN, whose fetch fails in CPython.
static int read_bad_token(const KParser *p) {
    int max_pos = kpar_max_pos(p);
    return max_pos == p->count - 1 && p->toks[max_pos].kind == KTOK_ERRORTOKEN;
}

// invalid_class_argument_pattern:
//     [positional_patterns ','] keyword_patterns ',' a=positional_patterns { a }
// The current token starts a positional pattern after keyword patterns.
// CPython raises "positional patterns follow keyword patterns" over the run
// of positional patterns. An error inside the run after its first pattern
// (even a failed fetch) ends the run and is replaced by this one.
static void *positional_after_keywords(Pat *m) {
    KParser *p = m->p;
    // CPython's first pass only tried a keyword pattern here (NAME, then
    // '='); what this second-pass rule reads does not move the furthest token.
    int far = m->far;
    int seen = p->pos + (kpar_kind(p) == KTOK_NAME);
    KAstPattern *first = pattern(m);
    if (first && !kpar_failed(p)) {
        KAstPattern *last = first;
        KParMark run = kpar_mark(p);
        while (!kpar_failed(p) && look(m, 0) == KTOK_COMMA) {
            int at = p->pos;
            kpar_advance(p);
            KAstPattern *next = pattern(m);
            if (!next || kpar_failed(p)) {
                kpar_seek(p, at);
                break;
            }
            last = next;
        }
        if (p->diag->kind == KDIAG_MEMORY_ERROR) {
            return NULL;
        }
        if (kpar_failed(p)) {
            kpar_reset(p, run);
            // After a failed fetch CPython no longer looks for lexical errors.
            p->final_error |= read_bad_token(p);
        }
        kpar_error_at(p, KDIAG_SYNTAX_ERROR, first->lineno, first->col_offset, last->end_lineno,
                      last->end_col_offset, "positional patterns follow keyword patterns");
    }
    m->far = far > seen ? far : seen;
    return NULL;
}

// class_pattern:
//     | name_or_attr '(' ')'
//     | name_or_attr '(' positional_patterns ','? ')'
//     | name_or_attr '(' keyword_patterns ','? ')'
//     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
//     | invalid_class_pattern
// The current token is the '(' after 'cls', which starts at token 'start'.
static KAstPattern *class_pattern(Pat *m, KAstExpr *cls, int start) {
    KParser *p = m->p;
    KParList args, attrs, kwpats;
    kpar_list_init(&args);
    kpar_list_init(&attrs);
    kpar_list_init(&kwpats);
    kpar_advance(p); // '('
    while (look(m, 0) != KTOK_RPAR) {
        if (look(m, 0) == KTOK_NAME && look(m, 1) == KTOK_EQUAL) {
            if (keyword_pattern(m, &attrs, &kwpats) < 0) {
                goto no_match;
            }
        } else if (attrs.count > 0) {
            positional_after_keywords(m);
            goto no_match;
        } else {
            KAstPattern *arg = pattern(m);
            if (!arg || kpar_list_push(p, &args, arg) < 0) {
                goto no_match;
            }
        }
        if (look(m, 0) != KTOK_COMMA) {
            break;
        }
        kpar_advance(p);
    }
    if (look(m, 0) != KTOK_RPAR) {
        goto no_match;
    }
    kpar_advance(p);
    KAstSeq *pats = kpar_list_seq(p, &args);
    KAstSeq *names = kpar_list_seq(p, &attrs);
    KAstSeq *kw = kpar_list_seq(p, &kwpats);
    if (kpar_failed(p)) {
        return NULL;
    }
    return nomem_if_null(p, kast_match_class(p->arena, cls, pats, names, kw, SPAN(p, start)));
no_match:
    if (!kpar_failed(p)) {
        kpar_seek(p, start);
    }
    return NULL;
}

// ---- sequences and mappings ----

// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
static KAstPattern *star_pattern(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    kpar_advance(p); // '*'
    const char *name = NULL;
    if (look_word(m, 0, "_")) {
        kpar_advance(p);
    } else if (!(name = capture_target(m))) {
        if (!kpar_failed(p)) {
            kpar_seek(p, start);
        }
        return NULL;
    }
    return nomem_if_null(p, kast_match_star(p->arena, name, SPAN(p, start)));
}

// maybe_star_pattern: star_pattern | pattern
static KAstPattern *maybe_star_pattern(Pat *m) {
    return look(m, 0) == KTOK_STAR ? star_pattern(m) : pattern(m);
}

// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
// Appends to 'items' the patterns after the first, which is already there
// and followed by the current token. Returns -1 on error.
static int sequence_rest(Pat *m, KParList *items) {
    KParser *p = m->p;
    while (look(m, 0) == KTOK_COMMA) {
        kpar_advance(p);
        int at = p->pos;
        KAstPattern *item = maybe_star_pattern(m);
        if (!item) {
            if (kpar_failed(p)) {
                return -1;
            }
            kpar_seek(p, at); // the ',' was a trailing one
            break;
        }
        if (kpar_list_push(p, items, item) < 0) {
            return -1;
        }
    }
    return 0;
}

// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
// group_pattern: '(' pattern ')'
// The current token is '(' or '['.
static KAstPattern *bracket_pattern(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    int close = kpar_kind(p) == KTOK_LPAR ? KTOK_RPAR : KTOK_RSQB;
    KParList items;
    kpar_list_init(&items);
    kpar_advance(p);
    if (look(m, 0) != close) {
        KAstPattern *first = maybe_star_pattern(m);
        if (!first) {
            goto no_match;
        }
        if (close == KTOK_RPAR && first->kind != KAST_MATCH_STAR && look(m, 0) == KTOK_RPAR) {
            kpar_advance(p);
            return first; // a group: the pattern itself
        }
        if (close == KTOK_RPAR && look(m, 0) != KTOK_COMMA) {
            goto no_match;
        }
        if (kpar_list_push(p, &items, first) < 0 || sequence_rest(m, &items) < 0) {
            return NULL;
        }
        if (look(m, 0) != close) {
            goto no_match;
        }
    }
    kpar_advance(p);
    KAstSeq *seq = kpar_list_seq(p, &items);
    if (kpar_failed(p)) {
        return NULL;
    }
    return nomem_if_null(p, kast_match_sequence(p->arena, seq, SPAN(p, start)));
no_match:
    if (!kpar_failed(p)) {
        kpar_seek(p, start);
    }
    return NULL;
}

// key_value_pattern: (literal_expr | attr) ':' pattern
static int key_value_pattern(Pat *m, KParList *keys, KParList *pats) {
    KParser *p = m->p;
    KAstExpr *key = NULL;
    if (look(m, 0) == KTOK_NAME) {
        int dotted = 0;
        key = name_or_attr(m, &dotted);
        if (key && !dotted) {
            return -1;
        }
    } else {
        key = literal_expr(m);
    }
    if (!key || look(m, 0) != KTOK_COLON) {
        return -1;
    }
    kpar_advance(p);
    KAstPattern *value = pattern(m);
    if (!value || kpar_list_push(p, keys, key) < 0 || kpar_list_push(p, pats, value) < 0) {
        return -1;
    }
    return 0;
}

// mapping_pattern:
//     | '{' '}'
//     | '{' double_star_pattern ','? '}'
//     | '{' items_pattern ',' double_star_pattern ','? '}'
//     | '{' items_pattern ','? '}'
// double_star_pattern: '**' pattern_capture_target
static KAstPattern *mapping_pattern(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    KParList keys, pats;
    kpar_list_init(&keys);
    kpar_list_init(&pats);
    const char *rest = NULL;
    kpar_advance(p); // '{'
    while (look(m, 0) != KTOK_RBRACE) {
        if (look(m, 0) == KTOK_DOUBLESTAR) {
            kpar_advance(p);
            if (!(rest = capture_target(m))) {
                goto no_match;
            }
            if (look(m, 0) == KTOK_COMMA) {
                kpar_advance(p);
            }
            break;
        }
        if (key_value_pattern(m, &keys, &pats) < 0) {
            goto no_match;
        }
        if (look(m, 0) != KTOK_COMMA) {
            break;
        }
        kpar_advance(p);
    }
    if (look(m, 0) != KTOK_RBRACE) {
        goto no_match;
    }
    kpar_advance(p);
    KAstSeq *k = kpar_list_seq(p, &keys);
    KAstSeq *v = kpar_list_seq(p, &pats);
    if (kpar_failed(p)) {
        return NULL;
    }
    return nomem_if_null(p, kast_match_mapping(p->arena, k, v, rest, SPAN(p, start)));
no_match:
    if (!kpar_failed(p)) {
        kpar_seek(p, start);
    }
    return NULL;
}

// ---- patterns ----

// closed_pattern:
//     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern
//     | group_pattern | sequence_pattern | mapping_pattern | class_pattern
// capture_pattern: pattern_capture_target
// wildcard_pattern: "_"
// value_pattern: attr !('.' | '(' | '=')
static KAstPattern *closed_pattern(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    switch (look(m, 0)) {
    case KTOK_NAME: {
        if (kpar_is_name(kpar_peek(p), "_")) {
            kpar_advance(p);
            return nomem_if_null(p, kast_match_as(p->arena, NULL, NULL, SPAN(p, start)));
        }
        const char *name = capture_target(m);
        if (name) {
            return nomem_if_null(p, kast_match_as(p->arena, NULL, name, SPAN(p, start)));
        }
        if (kpar_failed(p)) {
            return NULL;
        }
        int dotted = 0;
        KAstExpr *cls = name_or_attr(m, &dotted);
        if (!cls) {
            return NULL;
        }
        int next = look(m, 0);
        if (dotted && next != KTOK_DOT && next != KTOK_LPAR && next != KTOK_EQUAL) {
            return nomem_if_null(p, kast_match_value(p->arena, cls, SPAN(p, start)));
        }
        if (next == KTOK_LPAR) {
            return class_pattern(m, cls, start);
        }
        kpar_seek(p, start);
        return NULL;
    }
    case KTOK_LPAR:
    case KTOK_LSQB:
        return bracket_pattern(m);
    case KTOK_LBRACE:
        return mapping_pattern(m);
    default:
        return literal_pattern(m);
    }
}

// or_pattern: '|'.closed_pattern+
static KAstPattern *or_pattern(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    KAstPattern *first = closed_pattern(m);
    if (!first || look(m, 0) != KTOK_VBAR) {
        return first;
    }
    KParList alts;
    kpar_list_init(&alts);
    if (kpar_list_push(p, &alts, first) < 0) {
        return NULL;
    }
    while (look(m, 0) == KTOK_VBAR) {
        int at = p->pos;
        kpar_advance(p);
        KAstPattern *alt = closed_pattern(m);
        if (!alt) {
            if (kpar_failed(p)) {
                return NULL;
            }
            kpar_seek(p, at);
            break;
        }
        if (kpar_list_push(p, &alts, alt) < 0) {
            return NULL;
        }
    }
    if (alts.count == 1) {
        return first;
    }
    KAstSeq *seq = kpar_list_seq(p, &alts);
    if (!seq) {
        return NULL;
    }
    return nomem_if_null(p, kast_match_or(p->arena, seq, SPAN(p, start)));
}

// invalid_as_pattern:
//     | or_pattern 'as' a="_" { "cannot use '_' as a target" }
//     | or_pattern 'as' !NAME a=expression { "invalid pattern target" }
// The current token follows 'as'. Returns -1 when an error was recorded.
static int invalid_as_target(Pat *m) {
    KParser *p = m->p;
    if (look(m, 0) == KTOK_NAME) {
        if (kpar_is_name(kpar_peek(p), "_")) {
            const KToken *t = kpar_peek(p);
            kpar_error_tokens(p, t, t, "cannot use '_' as a target");
            return -1;
        }
        return 0;
    }
    KParMark mark = kpar_mark(p);
    KAstExpr *e = kpar_expression(p);
    if (e) {
        // parse_expr may have noted a generic failure it backtracked over
        // ("a as 1 if g:"): this rule raises first.
        kpar_reset(p, mark);
        kpar_error_expr(p, e, "invalid pattern target");
        return -1;
    }
    // A plain failure to parse the expression is no match; a specific error stands.
    if (p->diag->kind == KDIAG_SYNTAX_ERROR && strcmp(p->diag->msg, "invalid syntax") == 0) {
        kpar_reset(p, mark);
        return 0;
    }
    return kpar_failed(p) ? -1 : 0;
}

// pattern: as_pattern | or_pattern
// as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
static KAstPattern *pattern(Pat *m) {
    KParser *p = m->p;
    if (kpar_enter(p) < 0) {
        return NULL;
    }
    int start = p->pos;
    KAstPattern *result = or_pattern(m);
    if (result && look(m, 0) == KTOK_KW_AS) {
        int at = p->pos;
        kpar_advance(p);
        const char *name = capture_target(m);
        if (name) {
            result = nomem_if_null(p, kast_match_as(p->arena, result, name, SPAN(p, start)));
        } else if (kpar_failed(p) || invalid_as_target(m) < 0) {
            result = NULL;
        } else {
            kpar_seek(p, at);
        }
    }
    kpar_leave(p);
    return result;
}

// patterns: open_sequence_pattern | pattern
// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
static KAstPattern *patterns(Pat *m) {
    KParser *p = m->p;
    int start = p->pos;
    KAstPattern *first = maybe_star_pattern(m);
    if (!first) {
        return NULL;
    }
    if (look(m, 0) != KTOK_COMMA) {
        if (first->kind == KAST_MATCH_STAR) {
            kpar_seek(p, start);
            return NULL;
        }
        return first;
    }
    KParList items;
    kpar_list_init(&items);
    if (kpar_list_push(p, &items, first) < 0 || sequence_rest(m, &items) < 0) {
        return NULL;
    }
    KAstSeq *seq = kpar_list_seq(p, &items);
    if (!seq) {
        return NULL;
    }
    return nomem_if_null(p, kast_match_sequence(p->arena, seq, SPAN(p, start)));
}

// ---- the statement ----

// case_block:
//     | invalid_case_block
//     | "case" patterns guard? ':' block
// guard: 'if' named_expression
// invalid_case_block:
//     | "case" patterns guard? NEWLINE { "expected ':'" }
//     | "case" patterns guard? ':' NEWLINE !INDENT { IndentationError }
static KAstMatchCase *case_block(KParser *p) {
    Pat m = {p, p->pos};
    const KToken *kw = kpar_advance(p);
    KAstPattern *pat = patterns(&m);
    if (!pat) {
        return kpar_failed(p) ? NULL : no_parse(&m);
    }
    KAstExpr *guard = NULL;
    if (look(&m, 0) == KTOK_KW_IF) {
        kpar_advance(p);
        if (!(guard = kpar_named_expression(p))) {
            return NULL;
        }
    }
    if (kpar_kind(p) == KTOK_NEWLINE) {
        const KToken *t = kpar_peek(p);
        return kpar_error_tokens(p, t, t, "expected ':'");
    }
    if (kpar_kind(p) != KTOK_COLON) {
        return no_parse(&m);
    }
    kpar_advance(p);
    KAstSeq *body = kpar_block(p, "'case' statement", kw);
    if (!body) {
        return NULL;
    }
    return nomem_if_null(p, kast_match_case(p->arena, pat, guard, body));
}

// 1 when token kind 'k' can start an expression.
static int starts_expression(int k) {
    switch (k) {
    case KTOK_NAME:
    case KTOK_NUMBER:
    case KTOK_STRING:
    case KTOK_LPAR:
    case KTOK_LSQB:
    case KTOK_LBRACE:
    case KTOK_MINUS:
    case KTOK_PLUS:
    case KTOK_TILDE:
    case KTOK_STAR:
    case KTOK_ELLIPSIS:
    case KTOK_KW_NOT:
    case KTOK_KW_LAMBDA:
    case KTOK_KW_AWAIT:
    case KTOK_KW_NONE:
    case KTOK_KW_TRUE:
    case KTOK_KW_FALSE:
        return 1;
    default:
        return 0;
    }
}

// 1 when 'match' followed by a token of kind 'k' may be the start of an
// expression statement ('match(x)', 'match[x] = 1', 'match - 1', 'match * 2',
// 'match not in y'); any other start of a subject makes it a match statement.
static int may_be_expression(int k) {
    return k == KTOK_LPAR || k == KTOK_LSQB || k == KTOK_MINUS || k == KTOK_PLUS ||
           k == KTOK_STAR || k == KTOK_KW_NOT;
}

// subject_expr:
//     | star_named_expression ',' star_named_expressions?
//     | named_expression
static KAstExpr *subject_expr(KParser *p) {
    int start = p->pos;
    KAstExpr *first = kpar_star_named_expression(p);
    if (!first) {
        return NULL;
    }
    if (kpar_kind(p) != KTOK_COMMA) {
        if (first->kind == KAST_STARRED) {
            return kpar_syntax_error(p);
        }
        return first;
    }
    KParList elts;
    kpar_list_init(&elts);
    if (kpar_list_push(p, &elts, first) < 0) {
        return NULL;
    }
    while (kpar_accept(p, KTOK_COMMA) && starts_expression(kpar_kind(p))) {
        KAstExpr *e = kpar_star_named_expression(p);
        if (!e || kpar_list_push(p, &elts, e) < 0) {
            return NULL;
        }
    }
    KAstSeq *seq = kpar_list_seq(p, &elts);
    if (!seq) {
        return NULL;
    }
    return nomem_if_null(p, kast_tuple(p->arena, seq, KAST_LOAD, SPAN(p, start)));
}

// The cases of a match statement, from INDENT through DEDENT.
static KAstSeq *case_blocks(KParser *p) {
    KParList cases;
    kpar_list_init(&cases);
    kpar_advance(p); // INDENT
    do {
        if (!kpar_is_name(kpar_peek(p), "case")) {
            return kpar_syntax_error(p);
        }
        KAstMatchCase *c = case_block(p);
        if (!c || kpar_list_push(p, &cases, c) < 0) {
            return NULL;
        }
    } while (kpar_kind(p) != KTOK_DEDENT);
    kpar_advance(p);
    return kpar_list_seq(p, &cases);
}

// match_stmt:
//     | "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
//     | invalid_match_stmt
// invalid_match_stmt:
//     | "match" subject_expr NEWLINE { "expected ':'" }
//     | "match" subject_expr ':' NEWLINE !INDENT { IndentationError }
KAstStmt *kpar_match_stmt(KParser *p) {
    int next = kpar_kind_at(p, 1);
    if (!starts_expression(next)) {
        return NULL;
    }
    // Where 'match' may begin an expression, this is a match statement only
    // when the subject is followed by ':' NEWLINE (never valid otherwise).
    int committed = !may_be_expression(next);
    KParMark mark = kpar_mark(p);
    int start = p->pos;
    const KToken *kw = kpar_advance(p);
    KAstExpr *subject = subject_expr(p);
    int colon_line = subject && kpar_kind(p) == KTOK_COLON && kpar_kind_at(p, 1) == KTOK_NEWLINE;
    if (!colon_line) {
        if (!committed) {
            kpar_reset(p, mark);
            return NULL;
        }
        if (!subject) {
            return NULL;
        }
        if (kpar_kind(p) == KTOK_NEWLINE) {
            const KToken *t = kpar_peek(p);
            return kpar_error_tokens(p, t, t, "expected ':'");
        }
        kpar_accept(p, KTOK_COLON); // the rule looked for NEWLINE after it
        return kpar_syntax_error(p);
    }
    kpar_advance(p); // ':'
    kpar_advance(p); // NEWLINE
    if (kpar_kind(p) != KTOK_INDENT) {
        // CPython's DEDENT and ENDMARKER tokens have no end column.
        const KToken *t = kpar_peek(p);
        int end_col = t->kind == KTOK_DEDENT || t->kind == KTOK_ENDMARKER ? -1 : t->end_col;
        return kpar_error_at(p, KDIAG_INDENTATION_ERROR, t->lineno, t->col, t->end_lineno, end_col,
                             "expected an indented block after 'match' statement on line %d",
                             kw->lineno);
    }
    KAstSeq *cases = case_blocks(p);
    if (!cases) {
        return NULL;
    }
    return nomem_if_null(p, kast_match(p->arena, subject, cases, SPAN(p, start)));
}
