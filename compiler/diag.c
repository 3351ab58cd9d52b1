// compiler/diag.c: recording the first error, and printing it the way
// CPython 3.11's traceback.format_exception_only prints a SyntaxError.
#include "diag.h"

#include "unicode.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int kdiag_error(KDiag *d, KDiagKind kind, int lineno, int col, int end_lineno, int end_col,
                const char *fmt, ...) {
    if (d->kind != KDIAG_NONE) {
        return -1;
    }
    d->kind = kind;
    d->from_tokenizer = 0;
    d->lineno = lineno;
    d->col = col;
    d->end_lineno = end_lineno;
    d->end_col = end_col;
    d->text = NULL;
    d->text_len = 0;
    d->byte_columns = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int kdiag_nomem(KDiag *d) {
    return kdiag_error(d, KDIAG_MEMORY_ERROR, 0, -1, 0, -1, "out of memory");
}

const char *kdiag_kind_name(KDiagKind kind) {
    switch (kind) {
    case KDIAG_INDENTATION_ERROR:
        return "IndentationError";
    case KDIAG_TAB_ERROR:
        return "TabError";
    case KDIAG_MEMORY_ERROR:
        return "MemoryError";
    default:
        return "SyntaxError";
    }
}

// Finds line 'lineno' (1-based) of 'src'; sets '*len' to its length including
// the newline. Returns NULL when the source has no such line.
static const char *find_line(const char *src, size_t src_len, int lineno, size_t *len) {
    if (lineno < 1) {
        return NULL;
    }
    const char *p = src, *end = src + src_len;
    for (int i = 1; i < lineno; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            return NULL;
        }
        p = nl + 1;
    }
    if (p >= end) {
        return NULL;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = nl ? (size_t)(nl + 1 - p) : (size_t)(end - p);
    return p;
}

static int is_cont(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// Characters in the first 'n' bytes of 'line', counting a truncated UTF-8
// sequence as one character (CPython decodes with "replace") and each byte
// past the end of the line as one (its NUL terminator).
static long chars_in_prefix(const char *line, size_t line_len, long n) {
    long count = 0;
    long limit = n < (long)line_len ? n : (long)line_len;
    for (long i = 0; i < limit; i++) {
        if (!is_cont((unsigned char)line[i])) {
            count++;
        }
    }
    if (n > (long)line_len) {
        count += n - (long)line_len;
    }
    return count;
}

// CPython's offset for byte column 'col': the characters in the first col+1
// bytes, the byte count clamped to the line's length + 1.
static long char_offset(const char *line, size_t line_len, long col) {
    long n = col + 1;
    if (n > (long)line_len + 1) {
        n = (long)line_len + 1;
    }
    return chars_in_prefix(line, line_len, n);
}

// Appends 'len' bytes of 's', each invalid UTF-8 sequence replaced by U+FFFD
// as Python's "replace" error handler does (the text of an undecodable line).
static void put_replacing(KBuf *out, const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        int n = kutf8_decode(s + i, len - i, &cp, 1);
        if (n > 0) {
            kbuf_put(out, s + i, (size_t)n);
            i += (size_t)n;
            continue;
        }
        kbuf_puts(out, "\xef\xbf\xbd");
        // A truncated but well-started sequence counts once, as Python's maximal subpart.
        size_t j = i + 1;
        unsigned char lead = (unsigned char)s[i];
        size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 1;
        while (j < len && j < i + want && is_cont((unsigned char)s[j])) {
            j++;
        }
        i = j;
    }
}

// Appends the source line and caret line of format_exception_only.
static void format_text(const KDiag *d, const char *line, size_t len, KBuf *out) {
    size_t rlen = len;
    while (rlen > 0 && line[rlen - 1] == '\n') {
        rlen--;
    }
    size_t skip = 0;
    while (skip < rlen && (line[skip] == ' ' || line[skip] == '\n' || line[skip] == '\f')) {
        skip++;
    }
    kbuf_puts(out, "    ");
    put_replacing(out, line + skip, rlen - skip);
    kbuf_putc(out, '\n');
    if (d->col < 0) {
        return;
    }
    long offset = d->byte_columns ? d->col + 1 : char_offset(line, len, d->col);
    long end_offset = d->end_col < 0 ? offset
                      : d->byte_columns ? d->end_col + 1
                                        : char_offset(line, len, d->end_col);
    if (end_offset == 0) {
        end_offset = offset;
    }
    if (offset == end_offset || end_offset == -1) {
        end_offset = offset + 1;
    }
    long colno = offset - 1 - (long)skip;
    long end_colno = end_offset - 1 - (long)skip;
    if (colno < 0) {
        return;
    }
    kbuf_puts(out, "    ");
    const char *p = line + skip, *end = line + rlen;
    for (long i = 0; i < colno && p < end; i++) {
        unsigned char c = (unsigned char)*p;
        kbuf_putc(out, (c == '\t' || c == '\v' || c == '\f' || c == '\r') ? (char)c : ' ');
        p++;
        while (p < end && is_cont((unsigned char)*p)) {
            p++;
        }
    }
    for (long i = colno; i < end_colno; i++) {
        kbuf_putc(out, '^');
    }
    kbuf_putc(out, '\n');
}

void kdiag_format(const KDiag *d, const char *filename, const char *src, size_t src_len,
                  KBuf *out) {
    if (d->kind == KDIAG_MEMORY_ERROR) {
        kbuf_puts(out, "MemoryError\n");
        return;
    }
    const char *suffix = "";
    if (d->lineno >= 0) {
        kbuf_printf(out, "  File \"%s\", line %d\n", filename ? filename : "<string>", d->lineno);
        size_t len = d->text_len;
        const char *line = d->text;
        if (!line) {
            line = src ? find_line(src, src_len, d->lineno, &len) : NULL;
        }
        if (line) {
            format_text(d, line, len, out);
        }
    } else if (filename) {
        suffix = filename;
    }
    kbuf_printf(out, "%s: %s", kdiag_kind_name(d->kind), d->msg[0] ? d->msg : "<no detail available>");
    if (*suffix) {
        kbuf_printf(out, " (%s)", suffix);
    }
    kbuf_putc(out, '\n');
}
