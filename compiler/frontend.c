// compiler/frontend.c: the front end's public entry points of compiler.h:
// parse a buffer and print its AST or tokens, or the error CPython would
// report.
#include "compiler.h"

#include <string.h>

#include "arena.h"
#include "ast.h"
#include "buf.h"
#include "diag.h"
#include "literal.h"
#include "parser.h"
#include "tokenizer.h"

// Deepest AST ast.dump can print: CPython 3.11 fails ast construction with
// RecursionError a little below 3000 levels (recursion limit 1000 x 3).
enum { MAX_AST_DEPTH = 2990 };

static int report(const KDiag *d, const char *filename, const char *src, size_t src_len,
                  FILE *err) {
    KBuf b = KBUF_INIT;
    kdiag_format(d, filename, src, src_len, &b);
    if (!b.oom && b.data) {
        fputs(b.data, err);
    } else {
        fputs("MemoryError\n", err);
    }
    kbuf_free(&b);
    return 1;
}

static KParMode par_mode(KcMode mode) {
    return mode == KC_MODE_EVAL ? KPAR_EVAL : mode == KC_MODE_SINGLE ? KPAR_SINGLE : KPAR_EXEC;
}

int kc_dump_ast(const char *filename, const char *bytes, size_t len, KcMode mode, int attrs,
                FILE *out, FILE *err) {
    KArena *a = karena_new();
    if (!a) {
        fputs("MemoryError\n", err);
        return 1;
    }
    KDiag diag = {0};
    const char *src = NULL;
    size_t src_len = 0;
    KAstMod *m = kpar_parse_source(a, bytes, len, par_mode(mode), &diag, &src, &src_len);
    int status = 0;
    if (!m) {
        // Undecodable source: show its raw line, as CPython does with "replace".
        status = report(&diag, filename, src ? src : bytes, src ? src_len : len, err);
    } else if (kast_check_depth(m, MAX_AST_DEPTH) < 0) {
        fputs("RecursionError: maximum recursion depth exceeded during ast construction\n", err);
        status = 1;
    } else {
        KBuf b = KBUF_INIT;
        kast_dump_mod(m, attrs, &b);
        kbuf_putc(&b, '\n');
        if (b.oom) {
            fputs("MemoryError\n", err);
            status = 1;
        } else {
            fwrite(b.data, 1, b.len, out);
        }
        kbuf_free(&b);
    }
    karena_free(a);
    return status;
}

static void dump_token(const KToken *t, KBuf *b) {
    char pos[64];
    snprintf(pos, sizeof pos, "%d,%d-%d,%d:", t->lineno, t->col, t->end_lineno, t->end_col);
    KConst text = {.kind = KCONST_STR, .str = t->text, .len = t->len};
    kbuf_printf(b, "%-20s%-15s", pos, ktok_kind_name(t->kind));
    klit_repr(&text, b);
    kbuf_putc(b, '\n');
}

int kc_dump_tokens(const char *filename, const char *bytes, size_t len, FILE *out, FILE *err) {
    KArena *a = karena_new();
    if (!a) {
        fputs("MemoryError\n", err);
        return 1;
    }
    KDiag diag = {0};
    const char *src = NULL;
    size_t src_len = 0;
    int status = 0;
    KTokens toks;
    memset(&toks, 0, sizeof toks);
    if (ktok_decode_source(a, bytes, len, &src, &src_len, &diag) < 0) {
        status = report(&diag, filename, NULL, 0, err);
    } else if (ktok_tokenize(a, src, src_len, &toks) < 0) {
        status = report(&toks.error, filename, src, src_len, err);
    } else {
        KBuf b = KBUF_INIT;
        // Every token but a final ERRORTOKEN (EOF in brackets, or the error's place).
        for (int i = 0; i < toks.count; i++) {
            if (i == toks.count - 1 && toks.items[i].kind == KTOK_ERRORTOKEN) {
                break;
            }
            dump_token(&toks.items[i], &b);
        }
        fwrite(b.data ? b.data : "", 1, b.len, out);
        kbuf_free(&b);
        if (toks.error.kind != KDIAG_NONE) {
            status = report(&toks.error, filename, src, src_len, err);
        }
    }
    karena_free(a);
    return status;
}
