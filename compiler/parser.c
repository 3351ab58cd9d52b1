// compiler/parser.c: the parser's driver and shared helpers: running the
// pipeline (decode, tokenize, parse per mode), choosing which error to report
// as CPython 3.11 does, and the token-stream, error and list helpers of
// parser.h. The grammar itself lives in parse_stmt.c, parse_expr.c,
// parse_params.c, parse_string.c and parse_pattern.c.
#include "parser.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int kpar_is_name(const KToken *t, const char *word) {
    size_t n = strlen(word);
    return t->kind == KTOK_NAME && t->len == n && memcmp(t->text, word, n) == 0;
}

void *kpar_nomem(KParser *p) {
    kdiag_nomem(p->diag);
    return NULL;
}

static void verror(KParser *p, KDiagKind kind, int lineno, int col, int end_lineno, int end_col,
                   const char *fmt, va_list ap) {
    char msg[sizeof p->diag->msg];
    vsnprintf(msg, sizeof msg, fmt, ap);
    kdiag_error(p->diag, kind, lineno, col, end_lineno, end_col, "%s", msg);
}

void *kpar_error_at(KParser *p, KDiagKind kind, int lineno, int col, int end_lineno, int end_col,
                    const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, kind, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *kpar_error_tokens(KParser *p, const KToken *a, const KToken *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, KDIAG_SYNTAX_ERROR, a->lineno, a->col, b->end_lineno, b->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *kpar_error_expr(KParser *p, const KAstExpr *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, KDIAG_SYNTAX_ERROR, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, fmt,
           ap);
    va_end(ap);
    return NULL;
}

// "'(' was never closed" for the innermost bracket still open at EOF.
static void *unclosed_error(KParser *p) {
    const KTokens *t = p->tokens;
    int i = t->unclosed_count - 1;
    return kpar_error_at(p, KDIAG_SYNTAX_ERROR, t->unclosed_lineno[i], t->unclosed_col[i],
                         t->unclosed_lineno[i], -1, "'%c' was never closed", t->unclosed_char[i]);
}

// Kinds of KDiag.from_tokenizer (see tokenizer.c): a lexical error the
// tokenizer raised itself outranks a parser error found earlier; a stream
// error (TabError, bad dedent, too deep, line continuation) is only reported
// when the parser reaches it.
enum { LEXICAL_ERROR = 1 };

void *kpar_syntax_error(KParser *p) {
    const KToken *t = kpar_peek(p);
    int is_last = p->pos == p->count - 1;
    if (t->kind == KTOK_ERRORTOKEN && is_last) {
        if (p->tokens->error.kind != KDIAG_NONE) {
            if (p->diag->kind == KDIAG_NONE) {
                *p->diag = p->tokens->error;
            }
            return NULL;
        }
        p->final_error = 1;
        if (p->tokens->unclosed_count > 0) {
            return unclosed_error(p);
        }
        return kpar_error_at(p, KDIAG_SYNTAX_ERROR, t->lineno, t->col, t->lineno, -1,
                             "unexpected EOF while parsing");
    }
    if (t->kind == KTOK_INDENT) {
        // CPython reports where its tokenizer stands: the last indenting column.
        p->final_error = 1;
        return kpar_error_at(p, KDIAG_INDENTATION_ERROR, t->lineno, t->end_col - 1, t->lineno, -1,
                             "unexpected indent");
    }
    if (t->kind == KTOK_DEDENT) {
        p->final_error = 1;
        return kpar_error_at(p, KDIAG_INDENTATION_ERROR, t->lineno, t->col, t->end_lineno,
                             t->end_col, "unexpected unindent");
    }
    // Anything else, a stray character ('$', '?') included: CPython's generic error.
    return kpar_error_tokens(p, t, t, "invalid syntax");
}

const KToken *kpar_expect(KParser *p, int kind) {
    if (kpar_kind(p) == kind) {
        return kpar_advance(p);
    }
    kpar_syntax_error(p);
    return NULL;
}

int kpar_enter(KParser *p) {
    if (++p->depth > KPAR_MAX_DEPTH) {
        p->depth--;
        kdiag_nomem(p->diag);
        return -1;
    }
    return 0;
}

// ---- identifiers ----

// An identifier's bytes as two words: the first and the last eight (or
// four) bytes, overlapping when shorter than sixteen; with the length they
// are the whole identifier up to sixteen bytes, and its hash beyond.
typedef struct NameKey {
    uint64_t w0, w1;
    uint32_t len;
} NameKey;

typedef struct NameEntry {
    const char *text;
    NameKey key;
} NameEntry;

struct KParNames {
    uint32_t *slots;    // open addressing: index into 'entries' + 1, 0 = empty
    uint32_t mask;      // slots - 1 (a power of two minus one)
    NameEntry *entries; // in order of first use
    uint32_t count, cap;
};

enum { FIRST_NAME_SLOTS = 256 };

// The key of the 'len' bytes at 's', reading only them.
static NameKey name_key(const char *s, uint32_t len) {
    NameKey k = {0, 0, len};
    if (len >= 8) {
        memcpy(&k.w0, s, 8);
        memcpy(&k.w1, s + len - 8, 8);
    } else if (len >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + len - 4, 4);
        k.w0 = x;
        k.w1 = y;
    } else {
        for (uint32_t i = 0; i < len; i++) {
            k.w0 = k.w0 << 8 | (unsigned char)s[i];
        }
    }
    return k;
}

static uint32_t name_hash(const NameKey *k, const char *s) {
    uint64_t h = (k->w0 * 0x9E3779B97F4A7C15ull) ^ ((k->w1 + k->len) * 0xC2B2AE3D27D4EB4Full);
    for (uint32_t i = 8; i + 8 < k->len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    }
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

static int same_name(const NameEntry *e, const NameKey *k, const char *s) {
    return e->key.len == k->len && e->key.w0 == k->w0 && e->key.w1 == k->w1 &&
           (k->len <= 16 || memcmp(e->text, s, k->len) == 0);
}

// Slots of 'nslots' entries for 'n', its entries placed again; -1 when out
// of memory.
static int names_rehash(KArena *a, KParNames *n, uint32_t nslots) {
    uint32_t *slots = karena_calloc(a, nslots * sizeof(uint32_t));
    if (!slots) {
        return -1;
    }
    for (uint32_t e = 0; e < n->count; e++) {
        const NameEntry *en = &n->entries[e];
        uint32_t j = name_hash(&en->key, en->text) & (nslots - 1);
        while (slots[j]) {
            j = (j + 1) & (nslots - 1);
        }
        slots[j] = e + 1;
    }
    n->slots = slots;
    n->mask = nslots - 1;
    return 0;
}

static KParNames *names_new(KArena *a) {
    KParNames *n = karena_alloc(a, sizeof *n);
    if (!n) {
        return NULL;
    }
    n->count = 0;
    n->cap = FIRST_NAME_SLOTS / 2;
    n->entries = karena_alloc(a, n->cap * sizeof(NameEntry));
    return n->entries && names_rehash(a, n, FIRST_NAME_SLOTS) == 0 ? n : NULL;
}

// Adds 'text' with key 'k' in empty slot 'i'; -1 when out of memory.
static int names_add(KArena *a, KParNames *n, uint32_t i, const char *text, const NameKey *k) {
    if (n->count == n->cap) {
        NameEntry *entries = karena_alloc(a, 2 * n->cap * sizeof(NameEntry));
        if (!entries) {
            return -1;
        }
        memcpy(entries, n->entries, n->count * sizeof(NameEntry));
        n->entries = entries;
        n->cap *= 2;
    }
    n->entries[n->count] = (NameEntry){text, *k};
    n->slots[i] = ++n->count;
    return n->count * 2 > n->mask ? names_rehash(a, n, (n->mask + 1) * 2) : 0;
}

const char *kpar_ident(KParser *p, const KToken *t) {
    KParNames *n = p->names;
    if (!n && !(n = p->names = names_new(p->arena))) {
        return kpar_nomem(p);
    }
    NameKey k = name_key(t->text, t->len);
    uint32_t i = name_hash(&k, t->text) & n->mask;
    for (; n->slots[i]; i = (i + 1) & n->mask) {
        const NameEntry *e = &n->entries[n->slots[i] - 1];
        if (same_name(e, &k, t->text)) {
            return e->text;
        }
    }
    const char *text = karena_strndup(p->arena, t->text, t->len);
    if (!text || names_add(p->arena, n, i, text, &k) < 0) {
        return kpar_nomem(p);
    }
    return text;
}

// ---- lists ----

int kpar_list_grow(KParser *p, KParList *l) {
    int cap = l->cap * 2;
    void **items = karena_alloc(p->arena, (size_t)cap * sizeof(void *));
    if (!items) {
        kpar_nomem(p);
        return -1;
    }
    memcpy(items, l->items, (size_t)l->count * sizeof(void *));
    l->items = items;
    l->cap = cap;
    return 0;
}

KAstSeq *kpar_list_seq(KParser *p, const KParList *l) {
    if (l->count == 0) {
        return NULL;
    }
    // Not kast_seq_new: its zero-filling would be overwritten at once.
    KAstSeq *s = karena_alloc(p->arena, sizeof(KAstSeq) + (size_t)l->count * sizeof(void *));
    if (!s) {
        return kpar_nomem(p);
    }
    s->count = l->count;
    memcpy(s->items, l->items, (size_t)l->count * sizeof(void *));
    return s;
}

// eval: expressions NEWLINE* ENDMARKER
static KAstMod *parse_eval(KParser *p) {
    KAstExpr *body = kpar_star_expressions(p);
    if (!body) {
        return NULL;
    }
    while (kpar_accept(p, KTOK_NEWLINE)) {
    }
    if (kpar_kind(p) != KTOK_ENDMARKER) {
        return kpar_syntax_error(p);
    }
    KAstMod *m = kast_expression(p->arena, body);
    return m ? m : kpar_nomem(p);
}

static KAstMod *parse_mode(KParser *p) {
    switch (p->mode) {
    case KPAR_EVAL:
    case KPAR_FSTRING:
        return parse_eval(p);
    case KPAR_SINGLE: {
        KAstSeq *body = kpar_statement(p);
        if (kpar_failed(p)) {
            return NULL;
        }
        KAstMod *m = kast_interactive(p->arena, body);
        return m ? m : kpar_nomem(p);
    }
    default: {
        KAstSeq *body = kpar_file(p);
        if (kpar_failed(p)) {
            return NULL;
        }
        KAstMod *m = kast_module(p->arena, body, NULL);
        return m ? m : kpar_nomem(p);
    }
    }
}

// When the parser failed with an error of its own, CPython 3.11 tokenizes
// the rest of the file and a lexical error found there is reported instead
// (unexpected indent/unindent and EOF errors excepted); so is an unclosed
// bracket opened on an earlier line than the error.
static void prefer_tokenizer_error(KParser *p) {
    KDiag *d = p->diag;
    if (d->from_tokenizer || d->kind == KDIAG_MEMORY_ERROR || p->final_error) {
        return;
    }
    const KTokens *t = p->tokens;
    if (t->error.kind != KDIAG_NONE && t->error.from_tokenizer == LEXICAL_ERROR) {
        *d = t->error;
        return;
    }
    // CPython compares with the line of the last token it fetched; its EOF
    // token stays on the last line read, where ours sits after it.
    int last = p->max_pos;
    if (last == p->count - 1 && last > 0) {
        last--;
    }
    int err_line = p->toks[last].end_lineno;
    if (t->unclosed_count > 0 && err_line > t->unclosed_lineno[t->unclosed_count - 1]) {
        d->kind = KDIAG_NONE;
        unclosed_error(p);
    }
}

KAstMod *kpar_parse_source(KArena *a, const char *bytes, size_t len, KParMode mode, KDiag *diag,
                           const char **text, size_t *text_len) {
    const char *src = NULL;
    size_t src_len = 0;
    if (text) {
        *text = NULL;
        *text_len = 0;
    }
    if (ktok_decode_source(a, bytes, len, &src, &src_len, diag) < 0) {
        return NULL;
    }
    if (text) {
        *text = src;
        *text_len = src_len;
    }
    KTokens tokens;
    memset(&tokens, 0, sizeof tokens);
    if (ktok_tokenize(a, src, src_len, &tokens) < 0) {
        *diag = tokens.error;
        return NULL;
    }
    KParser p = {.arena = a, .toks = tokens.items, .count = tokens.count, .tokens = &tokens,
                 .diag = diag, .mode = mode, .src = src, .src_len = src_len};
    KAstMod *m = parse_mode(&p);
    if (m && mode != KPAR_FSTRING) {
        long long bound = (long long)tokens.depth_bound + 2LL * p.elif_count;
        m->depth_bound = bound < INT_MAX / 2 ? (int)bound : 0;
    }
    if (!m) {
        if (diag->kind == KDIAG_NONE) {
            kpar_syntax_error(&p);
        }
        prefer_tokenizer_error(&p);
        if (!diag->from_tokenizer && !diag->text && !ktok_has_declaration(bytes, len)) {
            diag->byte_columns = 1;
        }
    }
    return m;
}
