// tests/unit/test_tokenizer.c: the tokenizer and source decoding against the
// tokens, errors and decoded texts python3.11 gives (token_cases.h, from
// tools/gen_token_cases.py), plus the properties no table shows: kind names,
// line break spellings, growth of the token array, nesting limits.
#include "tokenizer.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check.h"
#include "diag.h"
#include "tokens.h"

#include "token_cases.h"

static int is_keyword(int kind) { return kind >= KTOK_FIRST_KEYWORD && kind <= KTOK_LAST_KEYWORD; }

// Formats 'toks' as token_cases.h spells them.
static void format_tokens(const KTokens *toks, KBuf *b) {
    for (int i = 0; i < toks->count; i++) {
        const KToken *t = &toks->items[i];
        int k = t->kind;
        kbuf_printf(b, "%s %d,%d-%d,%d", is_keyword(k) ? "KEYWORD" : ktok_kind_name(k), t->lineno,
                    t->col, t->end_lineno, t->end_col);
        if (k != KTOK_NEWLINE && k != KTOK_INDENT && k != KTOK_DEDENT && k != KTOK_ENDMARKER) {
            kbuf_putc(b, ' ');
            kbuf_put(b, t->text, t->len);
        }
        kbuf_putc(b, '\n');
    }
}

// Tokenizes 'src'/'len' (copied, so that only 'len' bytes and the NUL are
// readable under ASan) into 'toks'. Returns ktok_tokenize's result.
static int tokenize(KArena *a, const char *src, size_t len, KTokens *toks) {
    char *copy = karena_alloc(a, len + 1);
    memcpy(copy, src, len);
    copy[len] = '\0';
    return ktok_tokenize(a, copy, len, toks);
}

static void check_token_cases(void) {
    for (size_t i = 0; i < sizeof token_cases / sizeof token_cases[0]; i++) {
        const TokenCase *c = &token_cases[i];
        KArena *a = karena_new();
        KTokens toks;
        int rc = tokenize(a, c->src, c->len, &toks);
        KBuf b = KBUF_INIT;
        format_tokens(&toks, &b);
        int same =
            rc == 0 && toks.error.kind == KDIAG_NONE && b.data && strcmp(b.data, c->tokens) == 0;
        CHECK("token case", same);
        if (!same) {
            fprintf(stderr, "  source: %s\n  want:\n%s  got:\n%s  error: %s\n", c->src, c->tokens,
                    b.data ? b.data : "", toks.error.msg);
        }
        kbuf_free(&b);
        karena_free(a);
    }
}

// Every NAME the AST has must be among our tokens, NFKC-normalised.
static void check_name_cases(void) {
    for (size_t i = 0; i < sizeof name_cases / sizeof name_cases[0]; i++) {
        const TokenCase *c = &name_cases[i];
        KArena *a = karena_new();
        KTokens toks;
        int rc = tokenize(a, c->src, c->len, &toks);
        KBuf b = KBUF_INIT;
        format_tokens(&toks, &b);
        CHECK("name case tokenizes", rc == 0 && toks.error.kind == KDIAG_NONE);
        for (const char *want = c->tokens; *want;) {
            const char *nl = strchr(want, '\n');
            char line[256];
            snprintf(line, sizeof line, "\n%.*s\n", (int)(nl - want), want);
            KBuf all = KBUF_INIT;
            kbuf_putc(&all, '\n');
            kbuf_puts(&all, b.data ? b.data : "");
            int found = strstr(all.data, line) != NULL;
            CHECK("name case", found);
            if (!found) {
                fprintf(stderr, "  missing %s  in:\n%s", line, b.data ? b.data : "");
            }
            kbuf_free(&all);
            want = nl + 1;
        }
        kbuf_free(&b);
        karena_free(a);
    }
}

static const KToken *find_stray(const KTokens *toks, int lineno, int col) {
    for (int i = 0; i < toks->count; i++) {
        const KToken *t = &toks->items[i];
        if (t->kind == KTOK_ERRORTOKEN && t->len == 1 && t->lineno == lineno && t->col == col) {
            return t;
        }
    }
    return NULL;
}

// One error case, by who reports it in CPython (see tokenizer.c's opening
// comment). Returns 1 when everything matches.
static int error_case_ok(const ErrorCase *c, const KTokens *toks) {
    const KDiag *d = &toks->error;
    const KToken *last = &toks->items[toks->count - 1];
    if (strcmp(c->cls, "stray") == 0) {
        const KToken *t = find_stray(toks, c->lineno, c->col);
        return d->kind == KDIAG_NONE && t && t->end_lineno == c->lineno && t->end_col == c->end_col;
    }
    if (last->kind != KTOK_ERRORTOKEN) {
        return 0;
    }
    if (strcmp(c->cls, "lexical") == 0 || strcmp(c->cls, "stream") == 0) {
        int from = c->cls[0] == 'l' ? 1 : 2;
        return d->kind == c->kind && d->from_tokenizer == from && strcmp(d->msg, c->msg) == 0 &&
               d->lineno == c->lineno && d->end_lineno == c->lineno && d->col == c->col &&
               d->end_col == c->end_col && last->lineno == c->lineno;
    }
    if (d->kind != KDIAG_NONE) {
        return 0;
    }
    if (strcmp(c->cls, "unclosed") == 0) {
        int i = toks->unclosed_count - 1;
        return i >= 0 && toks->unclosed_char[i] == c->msg[1] &&
               toks->unclosed_lineno[i] == c->lineno && toks->unclosed_col[i] == c->col;
    }
    return toks->unclosed_count == 0 && last->lineno == c->lineno && last->col == c->col &&
           last->end_col == -1; // "eof"
}

static void check_error_cases(void) {
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const ErrorCase *c = &error_cases[i];
        KArena *a = karena_new();
        KTokens toks;
        int rc = tokenize(a, c->src, c->len, &toks);
        int ok = rc == 0 && toks.count > 0 && error_case_ok(c, &toks);
        CHECK(c->msg, ok);
        if (!ok) {
            const KDiag *d = &toks.error;
            fprintf(stderr,
                    "  source: %.80s\n  want (%s) %d:%d-%d %s\n  got kind %d from %d %d:%d-%d:%d "
                    "%s; unclosed %d\n",
                    c->src, c->cls, c->lineno, c->col, c->end_col, c->msg, d->kind,
                    d->from_tokenizer, d->lineno, d->col, d->end_lineno, d->end_col, d->msg,
                    toks.unclosed_count);
            KBuf b = KBUF_INIT;
            format_tokens(&toks, &b);
            fprintf(stderr, "%.2000s", b.data ? b.data : "");
            kbuf_free(&b);
        }
        karena_free(a);
    }
}

static void check_decode_cases(void) {
    for (size_t i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
        const DecodeCase *c = &decode_cases[i];
        KArena *a = karena_new();
        KDiag d = {0};
        const char *text = NULL;
        size_t len = 0;
        char *copy = malloc(c->len ? c->len : 1); // exactly 'len' bytes, for ASan
        memcpy(copy, c->src, c->len);
        int rc = ktok_decode_source(a, copy, c->len, &text, &len, &d);
        int ok;
        if (c->ok) {
            ok = rc == 0 && len == c->text_len && memcmp(text, c->text, len) == 0 &&
                 text[len] == '\0';
        } else {
            ok = rc == -1 && d.kind == KDIAG_SYNTAX_ERROR && strcmp(d.msg, c->msg) == 0 &&
                 d.lineno == c->lineno && d.col == c->col && d.end_col == c->end_col;
        }
        CHECK("decode case", ok);
        if (!ok) {
            fprintf(stderr, "  source: %s\n  want %d %s %d:%d-%d\n  got %d %s %d:%d-%d\n", c->src,
                    c->ok, c->msg, c->lineno, c->col, c->end_col, rc, d.msg, d.lineno, d.col,
                    d.end_col);
        }
        free(copy);
        karena_free(a);
    }
}

// Names and spellings come from the X-macro; every keyword and operator
// spelling tokenizes to its own kind (brackets alone are errors).
static void check_kinds(void) {
    CHECK("kind name", strcmp(ktok_kind_name(KTOK_LPAR), "LPAR") == 0);
    CHECK("kind name", strcmp(ktok_kind_name(KTOK_ENDMARKER), "ENDMARKER") == 0);
    CHECK("kind name", strcmp(ktok_kind_name(KTOK_ERRORTOKEN), "ERRORTOKEN") == 0);
    CHECK("keyword kind name", strcmp(ktok_kind_name(KTOK_KW_IF), "NAME") == 0);
    CHECK("spelling", strcmp(ktok_spelling(KTOK_DOUBLESTAREQUAL), "**=") == 0);
    CHECK("spelling", strcmp(ktok_spelling(KTOK_KW_NONLOCAL), "nonlocal") == 0);
    CHECK("no spelling", ktok_spelling(KTOK_NAME) == NULL && ktok_spelling(KTOK_COUNT) == NULL);
    for (int k = 0; k < KTOK_COUNT; k++) {
        const char *s = ktok_spelling(k);
        if (!s || strchr("()[]{}", s[0])) {
            continue;
        }
        KArena *a = karena_new();
        KTokens toks;
        tokenize(a, s, strlen(s), &toks);
        int ok = toks.count == 3 && toks.items[0].kind == k && toks.items[0].len == strlen(s);
        CHECK(s, ok);
        karena_free(a);
    }
}

// A lone "\r" and "\r\n" end lines as "\n" does: same kinds and positions
// (but for a final "\r\n", which the token cases cover).
static void check_line_breaks(void) {
    const char *variants[] = {"if x:\n  y = (1,\n 2) # c\n  z = '''a\nb'''\nw",
                              "if x:\r\n  y = (1,\r\n 2) # c\r\n  z = '''a\r\nb'''\r\nw",
                              "if x:\r  y = (1,\r 2) # c\r  z = '''a\rb'''\rw"};
    KBuf want = KBUF_INIT;
    for (int v = 0; v < 3; v++) {
        KArena *a = karena_new();
        KTokens toks;
        tokenize(a, variants[v], strlen(variants[v]), &toks);
        KBuf b = KBUF_INIT;
        for (int i = 0; i < toks.count; i++) {
            const KToken *t = &toks.items[i];
            kbuf_printf(&b, "%d %d,%d-%d,%d\n", t->kind, t->lineno, t->col, t->end_lineno,
                        t->end_col);
        }
        if (v == 0) {
            kbuf_puts(&want, b.data);
        } else {
            CHECK("line break spelling", strcmp(b.data, want.data) == 0);
        }
        kbuf_free(&b);
        karena_free(a);
    }
    kbuf_free(&want);
}

// "<>" is one NOTEQUAL token for CPython's tokenizer (the tokenize module
// splits "<>=" differently); the parser rejects the spelling.
static void check_odd_spellings(void) {
    KArena *a = karena_new();
    KTokens toks;
    tokenize(a, "a <>= b", 7, &toks);
    CHECK("<>=", toks.count == 6 && toks.items[1].kind == KTOK_NOTEQUAL && toks.items[1].len == 2 &&
                     toks.items[2].kind == KTOK_EQUAL);
    tokenize(a, "x = 1\\\r\n", 8, &toks); // CPython sees "x = 1\\\n\n": no EOF error
    CHECK("backslash before final CRLF", toks.count == 5 && toks.error.kind == KDIAG_NONE &&
                                             toks.items[3].kind == KTOK_NEWLINE &&
                                             toks.items[3].lineno == 2 && toks.items[3].col == 0 &&
                                             toks.items[4].kind == KTOK_ENDMARKER);
    tokenize(a, "a<>b", 4, &toks);
    CHECK("<>", toks.count == 5 && toks.items[1].kind == KTOK_NOTEQUAL && toks.items[1].col == 1 &&
                    toks.items[1].end_col == 3);
    karena_free(a);
}

// Past the first guess of the array's size, and the limits CPython has.
static void check_sizes(void) {
    KBuf src = KBUF_INIT;
    for (int i = 0; i < 100000; i++) {
        kbuf_puts(&src, "x=(a,b)\n");
    }
    KArena *a = karena_new();
    KTokens toks;
    int rc = tokenize(a, src.data, src.len, &toks);
    CHECK("many tokens", rc == 0 && toks.count == 100000 * 8 + 1);
    CHECK("many tokens end", toks.items[toks.count - 1].kind == KTOK_ENDMARKER &&
                                 toks.items[toks.count - 1].lineno == 100000);
    karena_free(a);

    kbuf_clear(&src);
    for (int i = 0; i < 99; i++) {
        kbuf_printf(&src, "%*sif 1:\n", i, "");
    }
    kbuf_printf(&src, "%*sx\n", 99, "");
    a = karena_new();
    rc = tokenize(a, src.data, src.len, &toks);
    CHECK("99 indents", rc == 0 && toks.error.kind == KDIAG_NONE);
    karena_free(a);

    kbuf_clear(&src);
    for (int i = 0; i < 200; i++) {
        kbuf_putc(&src, '(');
    }
    a = karena_new();
    rc = tokenize(a, src.data, src.len, &toks);
    CHECK("200 brackets", rc == 0 && toks.error.kind == KDIAG_NONE && toks.unclosed_count == 200 &&
                              toks.unclosed_col[199] == 199);
    karena_free(a);
    kbuf_free(&src);
}

int main(void) {
    check_token_cases();
    check_name_cases();
    check_error_cases();
    check_decode_cases();
    check_kinds();
    check_line_breaks();
    check_odd_spellings();
    check_sizes();
    return CHECK_DONE();
}
