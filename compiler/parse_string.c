// compiler/parse_string.c: string literals in the parser. Adjacent STRING
// tokens (implicit concatenation) become one Constant, or one JoinedStr when
// any of them is an f-string, whose replacement fields are cut out of the
// token text and parsed by a sub-parser over a copy "(expr)". Nodes, error
// messages and locations follow CPython 3.11's Parser/string_parser.c,
// quirks included:
// - the JoinedStr, its Constant parts and every FormattedValue take the
//   location of the whole concatenation; a format spec's JoinedStr and its
//   last Constant take the location of the one token holding them;
// - expressions get positions from where the field sits in its token
//   (fstring_find_expr_location), the first line of "(expr)" shifted right;
// - most errors point at the token after the strings (CPython's last token
//   read); those found by the sub-parser are prefixed "f-string: " and keep
//   columns relative to "(expr)".
#include "parser.h"

#include <string.h>

#include "literal.h"

// Deepest bracket nesting inside one replacement field (CPython's MAXLEVEL).
enum { MAX_FIELD_PARENS = 200 };

// One concatenation of STRING tokens being turned into a node.
typedef struct Concat {
    KParser *p;
    const KToken *first; // first and last STRING token of the concatenation
    const KToken *last;
    const KToken *next; // the token after them: where most errors are reported
} Concat;

// One level of a JoinedStr under construction: the literal text not yet
// turned into a Constant, and the values so far (CPython's FstringParser).
typedef struct Pieces {
    const char *str; // pending literal text (not owned while 'cap' is 0)
    size_t len;
    size_t cap; // bytes allocated for 'str' when this level owns it
    KParList values;
} Pieces;

static void pieces_init(Pieces *s) {
    s->str = NULL;
    s->len = 0;
    s->cap = 0;
    kpar_list_init(&s->values);
}

// Records a SyntaxError at the token after the strings, where CPython's
// RAISE_SYNTAX_ERROR in the string parser points. Returns -1.
static int fail(Concat *c, const char *msg) {
    kpar_error_tokens(c->p, c->next, c->next, "%s", msg);
    return -1;
}

// Appends 'len' bytes of 'text' (which outlives the parse: source or arena)
// to the pending literal. The first piece is borrowed, not copied.
static int append_text(Concat *c, Pieces *s, const char *text, size_t len) {
    if (len == 0) {
        return 0;
    }
    if (s->len == 0) {
        s->str = text;
        s->len = len;
        s->cap = 0;
        return 0;
    }
    if (s->len + len > s->cap) {
        size_t cap = 2 * (s->len + len);
        char *buf = karena_alloc(c->p->arena, cap < 64 ? 64 : cap);
        if (!buf) {
            kpar_nomem(c->p);
            return -1;
        }
        memcpy(buf, s->str, s->len);
        s->str = buf;
        s->cap = cap < 64 ? 64 : cap;
    }
    memcpy((char *)s->str + s->len, text, len);
    s->len += len;
    return 0;
}

// A str Constant of 'str'/'len' (of "" when empty) spanning tokens 'a' to
// 'b', with the kind CPython gives it: "u" when 'a' starts with 'u'.
static KAstExpr *text_constant(Concat *c, const char *str, size_t len, const KToken *a,
                               const KToken *b) {
    KConst v;
    memset(&v, 0, sizeof v);
    v.kind = KCONST_STR;
    v.str = len ? str : "";
    v.len = len;
    const char *kind = a->text[0] == 'u' ? "u" : NULL;
    KAstExpr *e =
        kast_constant(c->p->arena, &v, kind, a->lineno, a->col, b->end_lineno, b->end_col);
    return e ? e : kpar_nomem(c->p);
}

// text_constant of the pending text, which it takes.
static KAstExpr *take_text(Concat *c, Pieces *s, const KToken *a, const KToken *b) {
    KAstExpr *e = text_constant(c, s->str, s->len, a, b);
    s->str = NULL;
    s->len = 0;
    s->cap = 0;
    return e;
}

// Turns the pending text, if any, into a Constant appended to the values.
static int flush_text(Concat *c, Pieces *s, const KToken *a, const KToken *b) {
    if (s->len == 0) {
        return 0;
    }
    KAstExpr *e = take_text(c, s, a, b);
    return e ? kpar_list_push(c->p, &s->values, e) : -1;
}

// ---- literal text ----

// Splits STRING token 't' into its prefix flags (KLIT_*) and its body, the
// text between the quotes.
static void split_token(const KToken *t, int *flags, const char **body, size_t *len) {
    size_t i = 0;
    while (i < t->len && t->text[i] != '\'' && t->text[i] != '"') {
        i++;
    }
    *flags = klit_prefix_flags(t->text, t->len);
    char q = t->text[i];
    size_t quotes = (t->len - i >= 6 && t->text[i + 1] == q && t->text[i + 2] == q) ? 3 : 1;
    *body = t->text + i + quotes;
    *len = t->len - i - 2 * quotes;
}

// Decodes 'len' bytes of string body 'body' of token 't' into '*out'. Text
// without escapes is used in place (the source has no '\r' left: the decoder
// translated line breaks). Errors are reported at the token after the
// strings, as python3.11 (3.11.2) does; later 3.11 releases point at the
// token for non-ASCII bytes.
static int decode_body(Concat *c, const KToken *t, const char *body, size_t len, int flags,
                       KConst *out) {
    int is_bytes = (flags & KLIT_BYTES) != 0;
    int is_raw = (flags & KLIT_RAW) != 0;
    if (is_bytes) {
        for (size_t i = 0; i < len; i++) {
            if ((unsigned char)body[i] >= 0x80) {
                return fail(c, "bytes can only contain ASCII literal characters");
            }
        }
    }
    if (is_raw || !memchr(body, '\\', len)) {
        memset(out, 0, sizeof *out);
        out->kind = is_bytes ? KCONST_BYTES : KCONST_STR;
        out->str = body;
        out->len = len;
        return 0;
    }
    KDiag d;
    d.kind = KDIAG_NONE; // the rest is set with the first error
    if (klit_decode_body(c->p->arena, body, len, is_raw, is_bytes, t->lineno, t->col, out, &d) <
        0) {
        if (d.kind == KDIAG_MEMORY_ERROR) {
            kpar_nomem(c->p);
            return -1;
        }
        return fail(c, d.msg);
    }
    return 0;
}

// ---- f-strings ----

static int concat_fstring(Concat *c, Pieces *s, const char **str, const char *end, int raw,
                          int level, const KToken *t);

// Where the field whose '{' is at 'brace' in token 't' starts, as CPython
// 3.11's fstring_find_expr_location computes it: '*lines' newlines of the
// token precede it; '*cols' is the brace's column in its line (counted from
// the token's start on the token's first line), or 0 when only whitespace
// separates the brace from a newline.
static void field_location(const KToken *t, const char *brace, int *lines, int *cols) {
    *lines = 0;
    *cols = 0;
    const char *q = brace + 1;
    int newline_after_brace = 1;
    while (*q != '}' && *q != '\n') {
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = 0;
            break;
        }
        q++;
    }
    if (!newline_after_brace) {
        q = brace;
        while (q > t->text && *q != '\n') {
            q--;
        }
        *cols = (int)(brace - q) - (*q == '\n');
    }
    for (q = t->text; q < brace; q++) {
        *lines += *q == '\n';
    }
}

// Moves the sub-parser's tokens to where the field sits in the file:
// lines follow 'base_line'; tokens ending on the first line of "(expr)" are
// shifted right by 'base_col' (CPython tests the tokenizer's line when the
// token ends, so a string spanning lines is not shifted).
static void place_tokens(KTokens *toks, int base_line, int base_col) {
    for (int i = 0; i < toks->count; i++) {
        KToken *k = &toks->items[i];
        if (k->end_lineno == 1) {
            k->col += base_col;
            k->end_col += base_col;
        }
        k->lineno += base_line;
        k->end_lineno += base_line;
    }
}

// Line 'n' (1-based) of the 'len' bytes at 'buf', with its length (newline
// included) in '*line_len'; NULL when there is no such line.
static const char *field_line(const char *buf, size_t len, int n, size_t *line_len) {
    const char *p = buf, *end = buf + len;
    for (int i = 1; i < n && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    if (n < 1 || p >= end) {
        return NULL;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *line_len = nl ? (size_t)(nl + 1 - p) : (size_t)(end - p);
    return p;
}

// Copies the sub-parser's error 'd' to 'c' as CPython 3.11 raises it: the
// tokenizer's own errors with their line moved and columns of "(expr)";
// the sub-parser's with "f-string: " before the message and columns
// relative to "(expr)"; both show their line of "(expr)" ('buf', 'buf_len'
// bytes). An error that already shows such a line was raised by a field
// nested deeper and is final. MemoryError is copied as it is.
static int report_field_error(Concat *c, const KDiag *d, int base_line, int base_col,
                              const char *buf, size_t buf_len) {
    KParser *p = c->p;
    if (kpar_failed(p)) {
        return -1;
    }
    if (d->kind == KDIAG_MEMORY_ERROR || d->text) {
        *p->diag = *d;
        return -1;
    }
    int line_in_buf;
    if (d->from_tokenizer) {
        line_in_buf = d->lineno;
        kpar_error_at(p, d->kind, d->lineno + base_line, d->col,
                      d->end_lineno ? d->end_lineno + base_line : 0, d->end_col, "%s", d->msg);
    } else {
        line_in_buf = d->lineno - base_line;
        kpar_error_at(p, d->kind, d->lineno, d->col - base_col, d->end_lineno,
                      d->end_col < 0 ? d->end_col : d->end_col - base_col, "f-string: %s", d->msg);
    }
    size_t len = 0;
    const char *line = field_line(buf, buf_len, line_in_buf, &len);
    if (line) {
        p->diag->text = line;
        p->diag->text_len = len;
    }
    return -1;
}

// Tokenizes and parses the "(expr)" text 'buf' ('len' bytes) of a field
// whose first line starts at line 'base_line' + 1, column 'base_col'.
static KAstExpr *parse_field_text(Concat *c, const char *buf, size_t len, int base_line,
                                  int base_col) {
    KParser *p = c->p;
    // The tokens live in a scratch arena freed after the parse: nodes copy
    // what they keep (names, positions; strings point into 'buf'), and a
    // token array per field would otherwise stay for the whole file.
    KArena *scratch = karena_new();
    KTokens toks; // filled by ktok_tokenize
    if (!scratch || ktok_tokenize(scratch, buf, len, &toks) < 0) {
        karena_free(scratch);
        return kpar_nomem(p);
    }
    place_tokens(&toks, base_line, base_col);
    KDiag d;
    d.kind = KDIAG_NONE; // the rest is set with the first error
    // The sub-parser counts its own depth from 0, as CPython's does: at most
    // four f-strings nest (each needs a quote kind its enclosing ones lack),
    // so the C stack stays bounded.
    KParser sub = {.arena = p->arena,
                   .names = p->names,
                   .toks = toks.items,
                   .cur = toks.items,
                   .count = toks.count,
                   .tokens = &toks,
                   .diag = &d,
                   .mode = KPAR_FSTRING,
                   .depth = 0,
                   .src = buf,
                   .src_len = len,
                   .fstring_depth = p->fstring_depth + 1};
    KAstExpr *e = kpar_star_expressions(&sub);
    p->names = sub.names; // made by the sub-parser when the parse had none yet
    if (!e && d.kind == KDIAG_NONE) {
        kpar_syntax_error(&sub);
    }
    if (d.kind != KDIAG_NONE && !d.from_tokenizer && d.kind != KDIAG_MEMORY_ERROR &&
        toks.error.kind != KDIAG_NONE) {
        d = toks.error; // CPython tokenizes the rest: a lexical error wins
    }
    karena_free(scratch);
    if (d.kind != KDIAG_NONE) {
        report_field_error(c, &d, base_line, base_col, buf, len);
        return NULL;
    }
    return e;
}

// Parses the field text from 'start' to 'stop' (exclusive) of token 't' as
// "(text)" with a sub-parser sharing the arena (CPython's fstring_compile_expr).
static KAstExpr *compile_field(Concat *c, const char *start, const char *stop, const KToken *t) {
    KParser *p = c->p;
    const char *q = start;
    while (q < stop && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f')) {
        q++;
    }
    if (q == stop) {
        if (*stop == '!' || *stop == ':' || *stop == '=') {
            kpar_error_tokens(p, c->next, c->next, "f-string: expression required before '%c'",
                              *stop);
            return NULL;
        }
        fail(c, "f-string: empty expression not allowed");
        return NULL;
    }
    size_t len = (size_t)(stop - start);
    char *buf = karena_alloc(p->arena, len + 3);
    if (!buf) {
        return kpar_nomem(p);
    }
    buf[0] = '(';
    memcpy(buf + 1, start, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\0';
    int lines, cols;
    field_location(t, start - 1, &lines, &cols);
    int base_line = t->lineno + lines - 1;
    int base_col = lines ? cols : t->col + cols;
    return parse_field_text(c, buf, len + 2, base_line, base_col);
}

// Checks the closing bracket 'ch' of a field against 'open', the innermost
// bracket open (0 for none). Returns -1 on error.
static int close_bracket(Concat *c, char ch, char open) {
    if (!open) {
        kpar_error_tokens(c->p, c->next, c->next, "f-string: unmatched '%c'", ch);
        return -1;
    }
    if ((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')) {
        return 0;
    }
    kpar_error_tokens(c->p, c->next, c->next,
                      "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                      ch, open);
    return -1;
}

// Scans the field starting at '{' at '*str' to its end: '!', ':', '=' or '}'
// outside brackets and strings; a stand-alone '<', '>' or a '!=', '==',
// '<=', '>=' do not end it. Leaves '*str' on the character that ends it.
// Returns -1 on the errors CPython's scan reports.
static int scan_field(Concat *c, const char **str, const char *end) {
    char quote = 0;
    int triple = 0;
    int depth = 0;
    char parens[MAX_FIELD_PARENS];
    const char *s = *str;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') {
            return fail(c, "f-string expression part cannot include a backslash");
        }
        if (quote) {
            if (ch == quote) {
                if (!triple) {
                    quote = 0;
                } else if (s + 2 < end && s[1] == ch && s[2] == ch) {
                    s += 2;
                    quote = 0;
                }
            }
        } else if (ch == '\'' || ch == '"') {
            triple = s + 2 < end && s[1] == ch && s[2] == ch;
            s += triple ? 2 : 0;
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= MAX_FIELD_PARENS) {
                return fail(c, "f-string: too many nested parenthesis");
            }
            parens[depth++] = ch;
        } else if (ch == '#') {
            return fail(c, "f-string expression part cannot include '#'");
        } else if (depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end && s[1] == '=' && ch != ':' && ch != '}') {
                s++;
                continue;
            }
            if (ch == '>' || ch == '<') {
                continue; // never ends the field, even last (bpo-46762)
            }
            break;
        } else if ((ch == ']' || ch == '}' || ch == ')') &&
                   close_bracket(c, ch, depth ? parens[--depth] : 0) < 0) {
            return -1;
        }
    }
    *str = s;
    if (quote) {
        return fail(c, "f-string: unterminated string");
    }
    if (depth) {
        kpar_error_tokens(c->p, c->next, c->next, "f-string: unmatched '%c'", parens[depth - 1]);
        return -1;
    }
    return 0;
}

// A format spec: the f-string text after ':' up to the field's '}', as a
// JoinedStr located at token 't' (CPython's fstring_parse).
static KAstExpr *parse_spec(Concat *c, const char **str, const char *end, int raw, int level,
                            const KToken *t) {
    Pieces spec;
    pieces_init(&spec);
    if (concat_fstring(c, &spec, str, end, raw, level, t) < 0) {
        return NULL;
    }
    if (flush_text(c, &spec, t, t) < 0) {
        return NULL;
    }
    KAstSeq *values = kpar_list_seq(c->p, &spec.values);
    if (kpar_failed(c->p)) {
        return NULL;
    }
    KAstExpr *e =
        kast_joined_str(c->p->arena, values, t->lineno, t->col, t->end_lineno, t->end_col);
    return e ? e : kpar_nomem(c->p);
}

// field: '{' expr ['='] ['!' conversion] [':' format_spec] '}'
// '*str' is on the '{'; on success it is past the '}' and '*out' is the
// FormattedValue. A '=' adds the field's text to the pending literal of 's'.
static int parse_field(Concat *c, Pieces *s, const char **str, const char *end, int raw, int level,
                       const KToken *t, KAstExpr **out) {
    if (level >= 2) {
        return fail(c, "f-string: expressions nested too deeply");
    }
    const char *start = ++*str;
    if (scan_field(c, str, end) < 0) {
        return -1;
    }
    if (*str >= end) {
        return fail(c, "f-string: expecting '}'");
    }
    KAstExpr *value = compile_field(c, start, *str, t);
    if (!value) {
        return -1;
    }
    int debug = 0, conversion = -1;
    KAstExpr *spec = NULL;
    if (**str == '=') {
        ++*str;
        while (**str == ' ' || (**str >= '\t' && **str <= '\r')) {
            ++*str;
        }
        if (append_text(c, s, start, (size_t)(*str - start)) < 0) {
            return -1;
        }
        debug = 1;
    }
    if (**str == '!') {
        if (++*str >= end) {
            return fail(c, "f-string: expecting '}'");
        }
        conversion = (unsigned char)*(*str)++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            return fail(c, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
    }
    if (*str >= end) {
        return fail(c, "f-string: expecting '}'");
    }
    if (**str == ':') {
        if (++*str >= end) {
            return fail(c, "f-string: expecting '}'");
        }
        spec = parse_spec(c, str, end, raw, level + 1, t);
        if (!spec) {
            return -1;
        }
    }
    if (*str >= end || **str != '}') {
        return fail(c, "f-string: expecting '}'");
    }
    ++*str;
    if (debug && !spec && conversion == -1) {
        conversion = 'r';
    }
    *out = kast_formatted_value(c->p->arena, value, conversion, spec, c->first->lineno,
                                c->first->col, c->last->end_lineno, c->last->end_col);
    if (!*out) {
        kpar_nomem(c->p);
        return -1;
    }
    return 0;
}

// Appends the literal text at '*str' to the pending text of 's', up to the
// end, a '{' that starts a field, or (in a format spec) the '}' that ends it.
// At the top level '{{' and '}}' stand for one brace: the text ends after
// the first one and 1 is returned (call again); otherwise 0, or -1 on error.
static int scan_literal(Concat *c, Pieces *s, const char **str, const char *end, int raw, int level,
                        const KToken *t) {
    const char *start = *str, *q = start;
    int escapes = 0, result = 0;
    while (q < end) {
        char ch = *q++;
        if (ch == '\\' && !raw) {
            escapes = 1;
            if (q < end) {
                ch = *q++;
                if (ch == 'N') {
                    if (q < end && *q++ == '{') {
                        while (q < end && *q++ != '}') {
                        }
                        continue;
                    }
                    break; // malformed \N: the decoder reports it
                }
            }
        }
        if (ch == '{' || ch == '}') {
            if (level == 0) {
                if (q < end && *q == ch) {
                    *str = q + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = q - 1;
                    return fail(c, "f-string: single '}' is not allowed");
                }
            }
            q--;
            break;
        }
    }
    *str = q;
done:
    if (q == start) {
        return result;
    }
    if (!escapes) {
        if (append_text(c, s, start, (size_t)(q - start)) < 0) {
            return -1;
        }
        return result;
    }
    KConst v;
    if (decode_body(c, t, start, (size_t)(q - start), raw ? KLIT_RAW : 0, &v) < 0) {
        return -1;
    }
    return append_text(c, s, v.str, v.len) < 0 ? -1 : result;
}

// Parses the f-string text from '*str' to 'end' of token 't' into 's': the
// whole body at level 0, a format spec up to its closing '}' at level 1 and
// 2 (CPython's _PyPegen_FstringParser_ConcatFstring).
static int concat_fstring(Concat *c, Pieces *s, const char **str, const char *end, int raw,
                          int level, const KToken *t) {
    if (kpar_enter(c->p) < 0) {
        return -1;
    }
    int status = 0;
    for (;;) {
        int r = scan_literal(c, s, str, end, raw, level, t);
        if (r < 0) {
            status = -1;
            break;
        }
        if (r == 1) {
            continue;
        }
        if (*str >= end || **str == '}') {
            break;
        }
        KAstExpr *field = NULL;
        if (parse_field(c, s, str, end, raw, level, t, &field) < 0 ||
            flush_text(c, s, c->first, c->last) < 0 ||
            kpar_list_push(c->p, &s->values, field) < 0) {
            status = -1;
            break;
        }
    }
    if (status == 0 && level > 0 && (*str >= end || **str != '}')) {
        status = fail(c, "f-string: expecting '}'");
    }
    kpar_leave(c->p);
    return status;
}

// ---- the concatenation ----

// The node for the strings whose parts are in 'top'.
static KAstExpr *finish(Concat *c, Pieces *top, int is_bytes, int is_fstring) {
    KParser *p = c->p;
    const KToken *a = c->first, *b = c->last;
    if (is_bytes) {
        KConst v;
        memset(&v, 0, sizeof v);
        v.kind = KCONST_BYTES;
        v.str = top->len ? top->str : "";
        v.len = top->len;
        KAstExpr *e =
            kast_constant(p->arena, &v, NULL, a->lineno, a->col, b->end_lineno, b->end_col);
        return e ? e : kpar_nomem(p);
    }
    if (!is_fstring) {
        return take_text(c, top, a, b);
    }
    if (flush_text(c, top, a, b) < 0) {
        return NULL;
    }
    KAstSeq *values = kpar_list_seq(p, &top->values);
    if (kpar_failed(p)) {
        return NULL;
    }
    KAstExpr *e = kast_joined_str(p->arena, values, a->lineno, a->col, b->end_lineno, b->end_col);
    return e ? e : kpar_nomem(p);
}

// strings: STRING+
KAstExpr *kpar_strings(KParser *p) {
    Concat c = {.p = p, .first = kpar_peek(p)};
    int count = 0;
    while (kpar_kind(p) == KTOK_STRING) {
        kpar_advance(p);
        count++;
    }
    c.last = kpar_prev(p);
    c.next = kpar_peek(p);
    if (c.next->kind == KTOK_ERRORTOKEN && p->pos == p->count - 1) {
        // CPython fails fetching the token after the strings (a lexical
        // error, EOF in brackets) before their action runs.
        return kpar_syntax_error(p);
    }
    if (count == 1) {
        // One plain str literal (most strings): its Constant at once.
        int flags;
        const char *body;
        size_t len;
        split_token(c.first, &flags, &body, &len);
        if (!(flags & (KLIT_FSTRING | KLIT_BYTES))) {
            KConst v;
            if (decode_body(&c, c.first, body, len, flags, &v) < 0) {
                return NULL;
            }
            return text_constant(&c, v.str, v.len, c.first, c.last);
        }
    }

    Pieces top;
    pieces_init(&top);
    int is_bytes = 0, is_fstring = 0;
    for (int i = 0; i < count; i++) {
        const KToken *t = c.first + i;
        int flags;
        const char *body;
        size_t len;
        split_token(t, &flags, &body, &len);
        KConst v;
        if (!(flags & KLIT_FSTRING) && decode_body(&c, t, body, len, flags, &v) < 0) {
            return NULL;
        }
        if (i != 0 && is_bytes != ((flags & KLIT_BYTES) != 0)) {
            fail(&c, "cannot mix bytes and nonbytes literals");
            return NULL;
        }
        is_bytes = (flags & KLIT_BYTES) != 0;
        if (flags & KLIT_FSTRING) {
            is_fstring = 1;
            if (concat_fstring(&c, &top, &body, body + len, (flags & KLIT_RAW) != 0, 0, t) < 0) {
                return NULL;
            }
        } else if (append_text(&c, &top, v.str, v.len) < 0) {
            return NULL;
        }
    }
    return finish(&c, &top, is_bytes, is_fstring);
}
