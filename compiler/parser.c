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

#include "strmap.h"

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

// The table of identifiers: open addressing over 'slots' (at most half
// full), whose entries keep each identifier's key, so most probes compare
// two words and a length without touching the text. Each new identifier
// also becomes an atom of 'atoms' (KAstMod.atoms): the symbol table and
// the code generator then find every name by its pointer, never hashing
// its text again.
typedef struct NameEntry {
    KAtomKey key;
    uint32_t hash;
    const char *text;
} NameEntry;

struct KParNames {
    uint32_t *slots;    // index into 'entries' + 1, 0 = empty
    uint32_t mask;      // slots - 1 (a power of two minus one)
    NameEntry *entries; // in order of first use
    uint32_t count, cap;
    KAtoms *atoms;
    // The identifiers' region (katom_set_region): the free part.
    char *region, *region_end;
};

enum { FIRST_NAME_SLOTS = 256 };

// Slots of 'nslots' entries for 'n', its entries placed again; -1 when out
// of memory.
static int names_rehash(KArena *a, KParNames *n, uint32_t nslots) {
    uint32_t *slots = karena_calloc(a, nslots * sizeof(uint32_t));
    if (!slots) {
        return -1;
    }
    for (uint32_t e = 0; e < n->count; e++) {
        uint32_t j = n->entries[e].hash & (nslots - 1);
        while (slots[j]) {
            j = (j + 1) & (nslots - 1);
        }
        slots[j] = e + 1;
    }
    n->slots = slots;
    n->mask = nslots - 1;
    return 0;
}

// The names of a parse whose text is 'src_len' bytes. Their region holds
// the identifiers of most sources (the ones that do not fit are copied on
// their own and found through the atoms' pointer table).
static KParNames *names_new(KArena *a, size_t src_len) {
    KParNames *n = karena_alloc(a, sizeof *n);
    if (!n) {
        return NULL;
    }
    n->count = 0;
    n->cap = FIRST_NAME_SLOTS / 2;
    n->entries = karena_alloc(a, n->cap * sizeof(NameEntry));
    n->atoms = katoms_new(a);
    size_t region = src_len / 4 + 1024;
    n->region = karena_alloc(a, region);
    n->region_end = n->region ? n->region + region : NULL;
    if (!n->entries || !n->atoms || !n->region || names_rehash(a, n, FIRST_NAME_SLOTS) < 0) {
        return NULL;
    }
    katom_set_region(n->atoms, n->region, n->region_end);
    return n;
}

// kpar_ident's slow path: the names table yet to make, identifiers
// longer than sixteen bytes, and new identifiers (copied into the region
// when they fit, and made atoms).
static __attribute__((noinline)) const char *ident_slow(KParser *p, const KToken *t) {
    KParNames *n = p->names;
    if (!n && !(n = p->names = names_new(p->arena, p->src_len))) {
        return kpar_nomem(p);
    }
    KAtomKey k = katom_key(t->text, t->len);
    uint32_t h = katom_key_hash(&k, t->text);
    uint32_t i = h & n->mask;
    for (; n->slots[i]; i = (i + 1) & n->mask) {
        const NameEntry *e = &n->entries[n->slots[i] - 1];
        if (e->key.w0 == k.w0 && e->key.w1 == k.w1 && e->key.len == k.len &&
            (k.len <= 16 || memcmp(e->text, t->text, k.len) == 0)) {
            return e->text;
        }
    }
    char *text;
    if ((size_t)(n->region_end - n->region) >= sizeof(int) + t->len + 1) {
        int atom = katom_next(n->atoms);
        memcpy(n->region, &atom, sizeof atom);
        text = n->region + sizeof atom;
        memcpy(text, t->text, t->len);
        text[t->len] = '\0';
        n->region = text + t->len + 1;
    } else {
        text = karena_strndup(p->arena, t->text, t->len);
    }
    if (!text || katom_add_new(n->atoms, text, t->len, h) < 0) {
        return kpar_nomem(p);
    }
    if (n->count == n->cap) {
        NameEntry *entries = karena_alloc(p->arena, 2 * n->cap * sizeof(NameEntry));
        if (!entries) {
            return kpar_nomem(p);
        }
        memcpy(entries, n->entries, n->count * sizeof(NameEntry));
        n->entries = entries;
        n->cap *= 2;
    }
    n->entries[n->count] = (NameEntry){k, h, text};
    n->slots[i] = ++n->count;
    if (n->count * 2 > n->mask && names_rehash(p->arena, n, (n->mask + 1) * 2) < 0) {
        return kpar_nomem(p);
    }
    return text;
}

// An identifier seen before, of at most sixteen bytes (nearly all), is
// found by its key alone, with no call and no spill; the rest is ident_slow.
const char *kpar_ident(KParser *p, const KToken *t) {
    KParNames *n = p->names;
    if (n && t->len <= 16) {
        KAtomKey k = katom_key(t->text, t->len);
        uint32_t h = katom_key_hash(&k, t->text);
        for (uint32_t i = h & n->mask; n->slots[i]; i = (i + 1) & n->mask) {
            const NameEntry *e = &n->entries[n->slots[i] - 1];
            if (e->key.w0 == k.w0 && e->key.w1 == k.w1 && e->key.len == k.len) {
                return e->text;
            }
        }
    }
    return ident_slow(p, t);
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
    for (int i = 0; i < l->count; i++) { // mostly a few items: no memcpy call
        s->items[i] = l->items[i];
    }
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
    int last = kpar_max_pos(p);
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
    KParser p = {.arena = a, .toks = tokens.items, .cur = tokens.items, .count = tokens.count,
                 .tokens = &tokens,
                 .diag = diag, .mode = mode, .src = src, .src_len = src_len};
    KAstMod *m = parse_mode(&p);
    if (m && mode != KPAR_FSTRING) {
        m->atoms = p.names ? p.names->atoms : NULL;
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
