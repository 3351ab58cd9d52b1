// loader/pyregex.c: Python `re` patterns translated to POSIX extended
// expressions for kraitc -x (see pyregex.h).
#include "pyregex.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Tr {
    const char *p;     // the pattern
    size_t i;          // where the translation is
    char *out;         // the POSIX pattern
    size_t n;
    char *why;
    size_t whylen;
    int failed;
} Tr;

static void put(Tr *t, const char *s) {
    size_t len = strlen(s);
    memcpy(t->out + t->n, s, len);
    t->n += len;
}

static void put_char(Tr *t, char c) {
    t->out[t->n++] = c;
}

static int fail(Tr *t, const char *fmt, ...) {
    if (!t->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(t->why, t->whylen, fmt, ap);
        va_end(ap);
    }
    t->failed = 1;
    return -1;
}

static int hexval(char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

// The character an escape names (\n, \x41, \0, \\, \.), after the backslash
// at t->i; -1 when it names a class or is not a character escape.
static int escaped_char(Tr *t, size_t *len) {
    char c = t->p[t->i + 1];
    *len = 2;
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'a': return '\a';
    case 'x': {
        int hi = hexval(t->p[t->i + 2]), lo = hi < 0 ? -1 : hexval(t->p[t->i + 3]);
        if (lo < 0) {
            return fail(t, "incomplete escape \\x at position %zu", t->i);
        }
        *len = 4;
        return hi * 16 + lo;
    }
    case '0': {
        int v = 0;
        size_t k = t->i + 1;
        while (k < t->i + 4 && t->p[k] >= '0' && t->p[k] <= '7') {
            v = v * 8 + (t->p[k++] - '0');
        }
        *len = k - t->i;
        return v;
    }
    default: break;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9') || !c) {
        return -1;
    }
    return (unsigned char)c; // an escaped punctuation or space: itself
}

// A literal character outside brackets.
static void put_literal(Tr *t, int c) {
    if (c && strchr(".[]()*+?{}|^$\\", c)) {
        put_char(t, '\\');
    }
    put_char(t, (char)c);
}

// One bracket expression [...] starting at t->i.
static int bracket(Tr *t) {
    const char *p = t->p;
    size_t i = t->i + 1;
    int negate = p[i] == '^';
    i += negate;
    int has_close = 0, has_dash = 0, has_caret = 0, has_open = 0;
    char items[4096];
    size_t n = 0;
    for (int first = 1;; first = 0) {
        char c = p[i];
        if (!c) {
            return fail(t, "unterminated character set at position %zu", t->i);
        }
        if (c == ']' && !first) {
            i++;
            break;
        }
        if (n + 16 >= sizeof items) {
            return fail(t, "character set too long at position %zu", t->i);
        }
        int lo;
        size_t len = 1;
        if (c == '\\') {
            t->i = i;
            char e = p[i + 1];
            const char *cls = e == 'd' ? "0-9" : e == 'w' ? "[:alnum:]_" : e == 's' ? "[:space:]" : NULL;
            if (cls) {
                memcpy(items + n, cls, strlen(cls));
                n += strlen(cls);
                i += 2;
                continue;
            }
            if (e == 'D' || e == 'W' || e == 'S') {
                return fail(t, "\\%c inside a character set is not supported (position %zu)", e, i);
            }
            lo = e == 'b' ? '\b' : escaped_char(t, &len);
            if (e == 'b') {
                len = 2;
            }
            if (lo < 0) {
                return t->failed ? -1 : fail(t, "bad escape \\%c at position %zu", e, i);
            }
        } else {
            lo = (unsigned char)c;
        }
        if (lo >= 0x80) {
            return fail(t, "non-ASCII character in a character set (position %zu)", i);
        }
        i += len;
        if (p[i] == '-' && p[i + 1] && p[i + 1] != ']') { // a range lo-hi
            size_t k = i + 1;
            int hi;
            size_t hlen = 1;
            if (p[k] == '\\') {
                t->i = k;
                hi = escaped_char(t, &hlen);
                if (hi < 0) {
                    return t->failed ? -1 : fail(t, "bad character range at position %zu", i);
                }
            } else {
                hi = (unsigned char)p[k];
            }
            if (hi < lo || hi >= 0x80) {
                return fail(t, "bad character range at position %zu", i - len);
            }
            if (lo == ']' || lo == '-' || lo == '^' || lo == '[' || hi == ']' || hi == '-' ||
                hi == '[') {
                return fail(t, "a range with ] - ^ or [ at an end is not supported (position %zu)",
                            i - len);
            }
            items[n++] = (char)lo;
            items[n++] = '-';
            items[n++] = (char)hi;
            i = k + hlen;
            continue;
        }
        // Characters POSIX reads specially go where they are literal.
        if (lo == ']') {
            has_close = 1;
        } else if (lo == '-') {
            has_dash = 1;
        } else if (lo == '^') {
            has_caret = 1;
        } else if (lo == '[') {
            has_open = 1;
        } else if (lo == '\n' || lo == 0) {
            return fail(t, "newline or NUL in a character set is not supported (position %zu)", i);
        } else {
            items[n++] = (char)lo;
        }
    }
    if (!n && !has_close && !has_dash && !has_caret && !has_open) {
        return fail(t, "empty character set at position %zu", t->i);
    }
    put_char(t, '[');
    if (negate) {
        put_char(t, '^');
    }
    if (has_close) {
        put_char(t, ']');
    }
    memcpy(t->out + t->n, items, n);
    t->n += n;
    if (has_caret) {
        put_char(t, '^');
    }
    if (has_open) {
        put_char(t, '[');
    }
    if (has_dash) {
        put_char(t, '-');
    }
    put_char(t, ']');
    t->i = i;
    return 0;
}

// A {m,n} quantifier at t->i: its length, or 0 when the brace is literal.
static size_t brace_quantifier(const char *p, size_t i, char *norm, size_t cap) {
    size_t k = i + 1, m0 = k;
    while (p[k] >= '0' && p[k] <= '9') {
        k++;
    }
    size_t m1 = k, n0 = k, n1 = k;
    int comma = p[k] == ',';
    if (comma) {
        n0 = ++k;
        while (p[k] >= '0' && p[k] <= '9') {
            k++;
        }
        n1 = k;
    }
    if (p[k] != '}' || (m1 == m0 && !comma)) {
        return 0;
    }
    snprintf(norm, cap, "{%.*s%s%.*s}", m1 == m0 ? 1 : (int)(m1 - m0), m1 == m0 ? "0" : p + m0,
             comma ? "," : "", (int)(n1 - n0), p + n0);
    return k + 1 - i;
}

// Leading global flags (?aiLmsux): sets 'cflags'.
static int global_flags(Tr *t, int *cflags) {
    size_t k = t->i + 2;
    for (; t->p[k] && t->p[k] != ')'; k++) {
        switch (t->p[k]) {
        case 'i': *cflags |= REG_ICASE; break;
        case 'm': *cflags |= REG_NEWLINE; break;
        case 'a': case 'u': case 'L': case 's': break;
        case 'x': return fail(t, "verbose patterns (?x) are not supported");
        default: return -1; // not a flag group
        }
    }
    if (t->p[k] != ')' || k == t->i + 2) {
        return -1;
    }
    t->i = k + 1;
    return 0;
}

static int translate(Tr *t, int *cflags) {
    const char *p = t->p;
    int atom = 0; // the last thing put can take a quantifier
    int quantified = 0;
    int depth = 0; // open groups
    while (p[t->i] && !t->failed) {
        char c = p[t->i];
        size_t start = t->i;
        if (c == '\\') {
            static const struct {
                char c;
                const char *posix;
            } classes[] = {{'d', "[0-9]"},     {'D', "[^0-9]"},       {'w', "[[:alnum:]_]"},
                           {'W', "[^[:alnum:]_]"}, {'s', "[[:space:]]"}, {'S', "[^[:space:]]"},
                           {'A', "^"},         {'Z', "$"},            {'b', "\\b"},
                           {'B', "\\B"}};
            char e = p[t->i + 1];
            size_t k = 0;
            for (; k < sizeof classes / sizeof classes[0] && classes[k].c != e; k++) {
            }
            if (k < sizeof classes / sizeof classes[0]) {
                put(t, classes[k].posix);
                t->i += 2;
                atom = strchr("AZbB", e) == NULL;
            } else if (e >= '1' && e <= '9') {
                put_char(t, '\\');
                put_char(t, e);
                t->i += 2;
                atom = 1;
            } else {
                size_t len;
                int ch = escaped_char(t, &len);
                if (ch < 0) {
                    return t->failed ? -1 : fail(t, "bad escape \\%c at position %zu", e, start);
                }
                put_literal(t, ch);
                t->i += len;
                atom = 1;
            }
            quantified = 0;
        } else if (c == '[') {
            if (bracket(t) < 0) {
                return -1;
            }
            atom = 1;
            quantified = 0;
        } else if (c == '(' && p[t->i + 1] == '?') {
            char e = p[t->i + 2];
            if (e == ':') {
                put_char(t, '(');
                t->i += 3;
                depth++;
            } else if (e == 'P' && p[t->i + 3] == '<') {
                const char *close = strchr(p + t->i + 4, '>');
                if (!close) {
                    return fail(t, "missing >, unterminated name at position %zu", t->i + 4);
                }
                put_char(t, '(');
                t->i = (size_t)(close - p) + 1;
                depth++;
            } else if (e == '#') {
                const char *close = strchr(p + t->i, ')');
                if (!close) {
                    return fail(t, "missing ), unterminated comment at position %zu", t->i);
                }
                t->i = (size_t)(close - p) + 1;
                continue; // a comment leaves 'atom' as it was
            } else if (e == '=' || e == '!' || (e == '<' && (p[t->i + 3] == '=' || p[t->i + 3] == '!'))) {
                return fail(t, "look-around assertions are not supported (position %zu)", t->i);
            } else if (t->i == 0 && global_flags(t, cflags) == 0) {
                continue;
            } else if (!t->failed) {
                return fail(t, "this (?...) group is not supported (position %zu)", t->i);
            } else {
                return -1;
            }
            atom = 0;
            quantified = 0;
        } else if (c == '*' || c == '+' || c == '?' || c == '{') {
            char norm[64];
            size_t qlen = c == '{' ? brace_quantifier(p, t->i, norm, sizeof norm) : 1;
            if (c == '{' && !qlen) { // a literal brace, as Python reads one
                put(t, "\\{");
                t->i++;
                atom = 1;
                quantified = 0;
                continue;
            }
            if (!atom) {
                return fail(t, "nothing to repeat at position %zu", t->i);
            }
            if (quantified) {
                return fail(t, "multiple repeat at position %zu", t->i);
            }
            if (c == '{') {
                put(t, norm);
            } else {
                put_char(t, c);
            }
            t->i += qlen;
            if (p[t->i] == '?') {
                t->i++; // lazy: a search matches or not just as the greedy form
            }
            quantified = 1;
        } else {
            if (c == ')' && depth-- == 0) {
                return fail(t, "unbalanced parenthesis at position %zu", t->i);
            }
            depth += c == '(';
            put_char(t, c);
            t->i++;
            atom = c != '(' && c != '|' && c != '^';
            quantified = 0;
        }
    }
    if (!t->failed && depth) {
        return fail(t, "missing ), unterminated subpattern");
    }
    return t->failed ? -1 : 0;
}

int kl_regcomp_python(regex_t *rx, const char *pattern, char *why, size_t whylen) {
    Tr t = {pattern, 0, malloc(strlen(pattern) * 16 + 16), 0, why, whylen, 0};
    if (!t.out) {
        snprintf(why, whylen, "out of memory");
        return -1;
    }
    int cflags = REG_EXTENDED | REG_NOSUB;
    if (translate(&t, &cflags) < 0) {
        free(t.out);
        return -1;
    }
    t.out[t.n] = 0;
    int err = regcomp(rx, t.out, cflags);
    free(t.out);
    if (err != 0) {
        regerror(err, NULL, why, whylen);
        return -1;
    }
    return 0;
}
