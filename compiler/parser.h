// compiler/parser.h: the parser's shared state and token-stream helpers,
// used by the parse_*.c files (statements, expressions, parameters, match
// patterns, strings and f-strings). The parser is hand-written recursive
// descent over the complete token array, so lookahead and backtracking
// (kpar_mark/kpar_reset) are cheap. Each parse function returns the node, or
// NULL with the error recorded in 'p->diag' (first error wins).
#ifndef KRAIT_COMPILER_PARSER_H
#define KRAIT_COMPILER_PARSER_H

#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "tokenizer.h"

// Deepest recursion the parser allows before failing with MemoryError, as
// CPython 3.11's parser does at MAXSTACK (6000): deep input never overflows
// the C stack.
#define KPAR_MAX_DEPTH 6000

typedef enum { KPAR_EXEC, KPAR_EVAL, KPAR_SINGLE, KPAR_FSTRING } KParMode;

// The identifiers of one parse, each spelling stored once (kpar_ident).
typedef struct KParNames KParNames;

typedef struct KParser {
    KArena *arena;
    const KToken *toks;    // the token array; the last is ENDMARKER or ERRORTOKEN
    int count;             // tokens in 'toks'
    int pos;               // index of the current token (never past the last)
    const KToken *cur;     // &toks[pos] (moved only by kpar_advance and kpar_seek)
    const KTokens *tokens; // the tokenizer's result: its deferred error, unclosed brackets
    KDiag *diag;
    KParMode mode;
    int depth;             // current recursion depth (kpar_enter/kpar_leave)
    const char *src;       // the UTF-8 source the tokens point into
    size_t src_len;
    int fstring_depth;     // nesting of f-string replacement fields being parsed
    int max_pos;           // furthest token index reached before the last kpar_seek
    int advanced;          // kpar_advance moved since the last kpar_seek (kpar_max_pos)
    int final_error;       // the error is one pegen words at the end (unexpected
                           // indent/unindent/EOF): no lexical error replaces it
    int elif_count;        // elif clauses parsed: each nests an If (KAstMod.depth_bound)
    KParNames *names;      // interned identifiers, shared with f-string sub-parsers
} KParser;

// A saved position, for backtracking.
typedef struct KParMark {
    int pos;
    KDiagKind diag_kind;
} KParMark;

static inline const KToken *kpar_peek(const KParser *p) {
    return p->cur;
}

static inline int kpar_kind(const KParser *p) {
    return p->cur->kind;
}

// The furthest token index kpar_advance reached (CPython's last fetched
// token): since the last kpar_seek it only moved forwards.
static inline int kpar_max_pos(const KParser *p) {
    return p->advanced && p->pos > p->max_pos ? p->pos : p->max_pos;
}

// Moves to token index 'pos' (forwards or back).
static inline void kpar_seek(KParser *p, int pos) {
    p->max_pos = kpar_max_pos(p);
    p->advanced = 0;
    p->pos = pos;
    p->cur = &p->toks[pos];
}

// Kind of the token 'n' places ahead (0 = current), ENDMARKER past the end.
static inline int kpar_kind_at(const KParser *p, int n) {
    int i = p->pos + n;
    return i < p->count ? p->toks[i].kind : KTOK_ENDMARKER;
}

static inline const KToken *kpar_peek_at(const KParser *p, int n) {
    int i = p->pos + n;
    return i < p->count ? &p->toks[i] : &p->toks[p->count - 1];
}

// The token before the current one (for end positions); the current one at 0.
static inline const KToken *kpar_prev(const KParser *p) {
    return &p->toks[p->pos > 0 ? p->pos - 1 : 0];
}

// Returns the current token and moves past it (staying on the last token).
static inline const KToken *kpar_advance(KParser *p) {
    const KToken *t = p->cur;
    if (p->pos < p->count - 1) {
        p->pos++;
        p->cur++;
        p->advanced = 1;
    }
    return t;
}

// If the current token is of 'kind', consumes and returns it; else NULL.
static inline const KToken *kpar_accept(KParser *p, int kind) {
    return kpar_kind(p) == kind ? kpar_advance(p) : NULL;
}

static inline KParMark kpar_mark(const KParser *p) {
    KParMark m = {p->pos, p->diag->kind};
    return m;
}

// Goes back to 'm', forgetting any error recorded since it was taken.
static inline void kpar_reset(KParser *p, KParMark m) {
    kpar_seek(p, m.pos);
    if (m.diag_kind == KDIAG_NONE) {
        p->diag->kind = KDIAG_NONE;
    }
}

static inline int kpar_failed(const KParser *p) {
    return p->diag->kind != KDIAG_NONE;
}

// Records MemoryError. Returns NULL.
void *kpar_nomem(KParser *p);

// 1 when token 't' is the NAME 'word' (soft keywords: match, case, _).
int kpar_is_name(const KToken *t, const char *word);

// Consumes a token of 'kind' and returns it; otherwise records the error for
// the current token (kpar_syntax_error) and returns NULL.
const KToken *kpar_expect(KParser *p, int kind);

// Records "invalid syntax" (or the tokenizer's error, when the current token
// is the ERRORTOKEN; or "unexpected indent"/"unexpected unindent"/"unexpected
// EOF while parsing"/"'(' was never closed" as CPython 3.11 reports them) at
// the current token. Returns NULL.
void *kpar_syntax_error(KParser *p);

// Records a SyntaxError with 'fmt' spanning from token 'a' to token 'b'
// (inclusive; 'b' may be 'a'). Returns NULL.
void *kpar_error_tokens(KParser *p, const KToken *a, const KToken *b, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

// Records a SyntaxError with 'fmt' at the location of expression 'e'. Returns NULL.
void *kpar_error_expr(KParser *p, const KAstExpr *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

// Records an error of 'kind' (SyntaxError, IndentationError) at an explicit
// location. Returns NULL.
void *kpar_error_at(KParser *p, KDiagKind kind, int lineno, int col, int end_lineno, int end_col,
                    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

// Recursion guard: kpar_enter returns -1 (MemoryError recorded, as CPython
// 3.11) past KPAR_MAX_DEPTH; every successful kpar_enter needs a kpar_leave.
int kpar_enter(KParser *p);
static inline void kpar_leave(KParser *p) {
    p->depth--;
}

// The identifier of NAME token 't' as an arena string, or NULL (MemoryError).
// Equal identifiers of one parse are one pointer: the symbol table's and the
// code generator's atom tables then find them by pointer, without hashing.
const char *kpar_ident(KParser *p, const KToken *t);

// Sequence builder: a growable list in the arena, turned into a KAstSeq.
typedef struct KParList {
    void **items;
    int count;
    int cap;
    void *small[8];
} KParList;

static inline void kpar_list_init(KParList *l) {
    l->items = l->small;
    l->count = 0;
    l->cap = (int)(sizeof l->small / sizeof l->small[0]);
}

// kpar_list_push's slow path: doubles the capacity; -1 when out of memory.
int kpar_list_grow(KParser *p, KParList *l);

// Appends 'item'; returns -1 when out of memory (MemoryError recorded).
static inline int kpar_list_push(KParser *p, KParList *l, void *item) {
    if (l->count == l->cap && kpar_list_grow(p, l) < 0) {
        return -1;
    }
    l->items[l->count++] = item;
    return 0;
}
// The items as a sequence (NULL when empty), or NULL with MemoryError recorded
// when out of memory (check kpar_failed).
KAstSeq *kpar_list_seq(KParser *p, const KParList *l);

// ---- entry points, one per parse_*.c file ----

// parse_stmt.c: statements until ENDMARKER (file input) as Module.body.
KAstSeq *kpar_file(KParser *p);
// parse_stmt.c: one statement line or compound statement (for 'single').
KAstSeq *kpar_statement(KParser *p);

// parse_stmt.c: block: NEWLINE INDENT statements DEDENT | simple_stmts.
// 'what' names the statement headed by token 'kw' for IndentationError
// "expected an indented block after %s on line %d" ("'if' statement",
// "function definition", "'case' statement" ...). Never NULL on success.
KAstSeq *kpar_block(KParser *p, const char *what, const KToken *kw);

// parse_expr.c: call arguments; the current token is '(' and parsing goes
// through the matching ')'. Positional and starred arguments go to '*args',
// keyword and '**' arguments to '*keywords'. Returns 0, or -1 on error.
int kpar_call_args(KParser *p, KAstSeq **args, KAstSeq **keywords);

// parse_expr.c: expression levels of the grammar, by rule name.
KAstExpr *kpar_expression(KParser *p);          // expression (conditional, lambda)
KAstExpr *kpar_named_expression(KParser *p);    // named_expression (walrus allowed)
KAstExpr *kpar_star_expressions(KParser *p);    // star_expressions (tuple without parens)
KAstExpr *kpar_star_named_expression(KParser *p); // star_named_expression ('*' allowed)
KAstExpr *kpar_bitwise_or(KParser *p);          // bitwise_or (no comparison)
KAstExpr *kpar_yield_expr(KParser *p);          // yield_expr, current token is 'yield'
KAstExpr *kpar_star_targets(KParser *p);        // star_targets, ctx Store (for, with, comprehension)
// Turns the already parsed expression 'e' into an assignment target with
// ctx 'ctx' (Store or Del), recursively; on an invalid target records
// CPython's "cannot assign to %s"/"cannot delete %s" message and returns -1.
int kpar_set_context(KParser *p, KAstExpr *e, KAstExprContext ctx);
// Name of what 'e' is, for "cannot assign to %s" ("literal", "function call" ...),
// or NULL when it is a valid target.
const char *kpar_expr_name(const KAstExpr *e);

// parse_params.c: parameters of def ('is_lambda' 0: with annotations, up to
// ')') or lambda ('is_lambda' 1: up to ':'); never NULL on success (empty
// arguments node).
KAstArguments *kpar_parameters(KParser *p, int is_lambda);

// parse_string.c: one or more adjacent STRING tokens (current token is
// STRING) into Constant or JoinedStr, with f-strings parsed; the tokens are
// consumed. NULL with the error recorded on failure.
KAstExpr *kpar_strings(KParser *p);

// parse_pattern.c: a match statement, current token is the soft keyword
// 'match'. Returns NULL without consuming or recording an error when the
// line is not a match statement (then it is an expression statement); NULL
// with the error recorded when it is one that fails (check kpar_failed).
KAstStmt *kpar_match_stmt(KParser *p);

// parser.c: the whole pipeline for one source buffer: decode, tokenize,
// parse in 'mode'. Returns the module (Module, Expression or Interactive) or
// NULL with 'diag' set. '*text' and '*text_len' receive the decoded UTF-8
// source (arena-owned) for error display, when not NULL.
KAstMod *kpar_parse_source(KArena *a, const char *bytes, size_t len, KParMode mode, KDiag *diag,
                           const char **text, size_t *text_len);

#endif
