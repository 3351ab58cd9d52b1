// loader/report.c: kraitc --json's report and the progress bar. The report
// is one JSON document, written as the files are reported (in walk order):
//
//   {"files": [{"path": "a.py", "status": "compiled"},
//              {"path": "b.py", "status": "failed",
//               "error": {"type": "SyntaxError", "file": "b.py", "line": 3,
//                         "message": "invalid syntax"}}, ...],
//    "errors": ["Can't list 'dir'"],
//    "totals": {"files": 2, "compiled": 1, "skipped": 0, "failed": 1},
//    "ok": false}
//
// Strings are UTF-8; a byte that is not valid UTF-8 (a path in another
// encoding) is written as the escape of the lone surrogate U+DC80..U+DCFF,
// as Python's surrogateescape reads it.
#include "report.h"

#include "io.h"

#include <stdlib.h>
#include <string.h>

static const char *const STATUS[] = {"compiled", "skipped", "failed"};

// Writes the 'len' bytes at 's' as a JSON string.
static void put_string(FILE *out, const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', out);
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        if (c == '"' || c == '\\') {
            fprintf(out, "\\%c", c);
        } else if (c == '\n') {
            fputs("\\n", out);
        } else if (c == '\t') {
            fputs("\\t", out);
        } else if (c < 0x20 || c == 0x7F) {
            fprintf(out, "\\u%04x", c);
        } else if (c >= 0x80) {
            size_t k = kio_utf8_len(p + i, len - i);
            if (k == 0) {
                fprintf(out, "\\udc%02x", c);
                k = 1;
            } else {
                fwrite(p + i, 1, k, out);
            }
            i += k;
            continue;
        } else {
            fputc(c, out);
        }
        i++;
    }
    fputc('"', out);
}

static void put_cstring(FILE *out, const char *s) {
    put_string(out, s, strlen(s));
}

void kreport_begin(KReport *r, FILE *out) {
    memset(r, 0, sizeof *r);
    r->out = out;
    fputs("{\"files\": [", out);
}

// Writes the "error" object of a failure from the loader's 'message':
// format_exception_only's lines (an optional '  File "F", line N' first, the
// last line "Type: message"), or one "Type: message" line.
static void put_error(FILE *out, const char *path, const char *message) {
    const char *file = path;
    size_t file_len = strlen(path);
    long line = -1;
    const char *f = strstr(message, "  File \"");
    if (f == message || (f && f[-1] == '\n')) {
        const char *start = f + 8, *eol = strchr(start, '\n');
        const char *end = NULL;
        for (const char *q = start; (q = strstr(q, "\", line ")) && (!eol || q < eol); q++) {
            end = q; // the last one on the line: the name may hold '", line '
        }
        if (end) {
            file = start;
            file_len = (size_t)(end - start);
            line = strtol(end + 8, NULL, 10);
        }
    }
    size_t n = strlen(message);
    while (n && message[n - 1] == '\n') {
        n--;
    }
    const char *last = message + n;
    while (last > message && last[-1] != '\n') {
        last--;
    }
    size_t last_len = (size_t)(message + n - last);
    const char *colon = memchr(last, ':', last_len);
    size_t type_len = colon ? (size_t)(colon - last) : last_len;
    const char *text = colon ? colon + 1 + (colon[1] == ' ') : last + last_len;
    fputs("{\"type\": ", out);
    put_string(out, last, type_len);
    fputs(", \"file\": ", out);
    put_string(out, file, file_len);
    if (line >= 0) {
        fprintf(out, ", \"line\": %ld", line);
    } else {
        fputs(", \"line\": null", out);
    }
    fputs(", \"message\": ", out);
    put_string(out, text, (size_t)(message + n - text));
    fputc('}', out);
}

void kreport_file(KReport *r, const char *path, KReportStatus status, const char *message) {
    fputs(r->nfiles ? ",\n  " : "\n  ", r->out);
    r->nfiles++;
    r->counts[status]++;
    fputs("{\"path\": ", r->out);
    put_cstring(r->out, path);
    fprintf(r->out, ", \"status\": \"%s\"", STATUS[status]);
    if (status == KREPORT_FAILED) {
        fputs(", \"error\": ", r->out);
        put_error(r->out, path, message ? message : "MemoryError");
    }
    fputc('}', r->out);
}

void kreport_error(KReport *r, const char *text) {
    char **bigger = realloc(r->errors, (r->nerrors + 1) * sizeof *bigger);
    char *copy = strdup(text);
    if (!bigger || !copy) {
        free(copy);
        if (bigger) {
            r->errors = bigger;
        }
        return;
    }
    r->errors = bigger;
    r->errors[r->nerrors++] = copy;
}

void kreport_end(KReport *r, int ok) {
    fputs(r->nfiles ? "\n],\n \"errors\": [" : "],\n \"errors\": [", r->out);
    for (size_t i = 0; i < r->nerrors; i++) {
        size_t n = strlen(r->errors[i]);
        while (n && r->errors[i][n - 1] == '\n') {
            n--;
        }
        fputs(i ? ", " : "", r->out);
        put_string(r->out, r->errors[i], n);
        free(r->errors[i]);
    }
    free(r->errors);
    r->errors = NULL;
    fprintf(r->out,
            "],\n \"totals\": {\"files\": %zu, \"compiled\": %zu, \"skipped\": %zu, "
            "\"failed\": %zu},\n \"ok\": %s}\n",
            r->nfiles, r->counts[KREPORT_COMPILED], r->counts[KREPORT_SKIPPED],
            r->counts[KREPORT_FAILED], ok ? "true" : "false");
}

void kreport_progress(FILE *err, size_t done, size_t total) {
    enum { WIDTH = 40 };
    if (total == 0) {
        fputs("\r\033[K", err);
        fflush(err);
        return;
    }
    char bar[WIDTH + 1];
    size_t filled = done * WIDTH / total;
    for (size_t i = 0; i < WIDTH; i++) {
        bar[i] = i < filled ? '#' : '.';
    }
    bar[WIDTH] = 0;
    fprintf(err, "\r\033[Kkraitc [%s] %zu/%zu files", bar, done, total);
    fflush(err);
}
