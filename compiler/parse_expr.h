// compiler/parse_expr.h: private to parse_expr.c and parse_display.c, which
// together parse Python 3.11's expressions: their shared parsing state and
// the rules and helpers each uses of the other. parse_expr.c explains the
// state: how parsing backtracks as CPython's PEG parser does, and how the
// messages of CPython's two passes are told apart.
#ifndef KRAIT_COMPILER_PARSE_EXPR_H
#define KRAIT_COMPILER_PARSE_EXPR_H

#include "parser.h"

// Location arguments of a node from token 'a' or expression 'e' to token 'b'
// or expression 'f', or to the last token consumed.
#define TOK_START(a) (a)->lineno, (a)->col
#define TOK_END(b) (b)->end_lineno, (b)->end_col
#define EXPR_START(e) (e)->lineno, (e)->col_offset
#define EXPR_END(f) (f)->end_lineno, (f)->end_col_offset
#define PREV_END(p) TOK_END(kpar_prev(p))

// The furthest generic failure backtracked over by first-pass parsing since
// the current kpar_* entry point was called ('active', its token index
// 'pos'); the first expression CPython's second pass could take for a
// Python 2 print or exec statement ("print -1"), or -1; whether an error
// that CPython reports in its first pass was recorded.
typedef struct {
    int active;
    int pos;
    int legacy;
    int pass1_error;
} KExprFurthest;

// The parsing state, thread-local as kraitc parses files on several threads.
typedef struct {
    // >0: the invalid_* rules are off (expression_without_invalid, and what
    // the dict display's first-pass messages read).
    int quiet;
    // The same for the key of a dict entry after a comma, but not inside
    // brackets there: what fails inside them makes CPython's first pass give
    // up the key, and the second then reads it with the rules on.
    int key_quiet;
    // >0: an invalid_* rule is being tried; its failures do not move the
    // generic error.
    int second_pass;
    // The furthest token index at which a failure was backtracked over, in
    // any pass: CPython's tokenizer position (RAISE_SYNTAX_ERROR_STARTING_FROM).
    int examined;
    // Set for the next kexpr_expression(): its parts are parsed quietly.
    int quiet_disjunction;
    KExprFurthest furthest;
} KExprState;

extern _Thread_local KExprState kexpr;

// ---- helpers (parse_expr.c) ----

// 'e', or NULL with MemoryError recorded when 'e' is NULL.
KAstExpr *kexpr_checked(KParser *p, KAstExpr *e);
// 1 when the invalid_* rules are off.
int kexpr_is_quiet(void);
// 1 when a comprehension ('for' or 'async' 'for') starts at the current token.
int kexpr_at_comprehension(const KParser *p);
// 1 when the recorded error is a parse's generic "invalid syntax", which any
// message of an invalid_* rule outranks.
int kexpr_failed_generically(const KParser *p);
// Index of the first token at or after line 'lineno', column 'col'.
int kexpr_token_index(const KParser *p, int lineno, int col);
// An optional continuation failed: when generically, goes back to 'm' (a
// first-pass failure is remembered) and returns 1; otherwise 0.
int kexpr_backtrack(KParser *p, KParMark m);
// "invalid syntax" where CPython's first pass got furthest: at token index
// 'pos' (which becomes current), or at a failure backtracked over beyond it;
// kexpr_fail at the current token. Return NULL.
void *kexpr_fail_at(KParser *p, int pos);
void *kexpr_fail(KParser *p);
// As kexpr_fail, but where a comprehension could start ('comprehension' 1)
// an 'async' without 'for' fails at the token after it.
void *kexpr_unexpected(KParser *p, int comprehension);
// A second-pass parse failed: a generic failure gives way to the first
// pass's, at token index 'pos'. Returns NULL.
void *kexpr_second_pass_failed(KParser *p, int pos);
// Counts 'levels' of CPython's rule nesting; -1 with MemoryError past the
// limit. The caller restores p->depth either way.
int kexpr_enter(KParser *p, int levels);
// The items of 'l' as a sequence in '*out' (NULL when empty); -1 when out
// of memory.
int kexpr_items_seq(KParser *p, const KParList *l, KAstSeq **out);

// ---- rules (parse_expr.c), each NULL on failure with the error recorded ----

KAstExpr *kexpr_expression(KParser *p);
KAstExpr *kexpr_named_expression(KParser *p);
KAstExpr *kexpr_star_named_item(KParser *p); // star_named_expression
KAstExpr *kexpr_star_expressions(KParser *p, int allow_star);
KAstExpr *kexpr_disjunction(KParser *p);
KAstExpr *kexpr_bitwise_or(KParser *p);
// The bitwise_or after a '*' or '**', as deep as CPython reaches it.
KAstExpr *kexpr_star_operand(KParser *p);
KAstExpr *kexpr_yield_expr(KParser *p); // the current token is 'yield'
// invalid_named_expression after the expression 'e' of a named_expression
// read from token index 'start': 'e', or NULL with its message recorded.
KAstExpr *kexpr_named_tail(KParser *p, int start, KAstExpr *e);

// ---- parse_display.c ----

// The atoms in brackets: tuple, group, genexp, list, listcomp, dict, set,
// dictcomp, setcomp (the current token is '(', '[' or '{').
KAstExpr *kdisplay_atom(KParser *p);
// for_if_clauses (the current token is 'for' or 'async').
KAstSeq *kdisplay_for_if_clauses(KParser *p);
// After '*' (token 'star') and its operand in a display opened by 'open',
// where no ',' or closing bracket follows (the token at index 'after'):
// CPython's invalid_group and invalid_comprehension messages, else "invalid
// syntax" at 'after'. Returns NULL.
void *kdisplay_starred_item_error(KParser *p, const KToken *open, const KToken *star, int after);

#endif
