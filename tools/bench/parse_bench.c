// tools/bench/parse_bench.c: times krait's front end (decode, tokenize,
// parse to AST) over many files in one process. Files are read into memory
// first so only parsing is timed; each round parses every file in a fresh
// arena; the best round is reported.
// usage: parse_bench [-n ROUNDS] FILE...   (prints "files lines seconds lines_per_sec")
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parser.h"

typedef struct {
    char *data;
    size_t len;
} Source;

static int load(const char *path, Source *s) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return -1;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    s->data = malloc((size_t)n + 1);
    s->len = s->data ? fread(s->data, 1, (size_t)n, f) : 0;
    fclose(f);
    return s->data ? 0 : -1;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long count_lines(const Source *s) {
    long lines = 0;
    for (size_t i = 0; i < s->len; i++) {
        lines += s->data[i] == '\n';
    }
    return lines;
}

int main(int argc, char **argv) {
    int rounds = 5, first = 1;
    if (argc > 2 && strcmp(argv[1], "-n") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    int count = argc - first;
    Source *src = calloc((size_t)(count > 0 ? count : 1), sizeof(Source));
    long lines = 0;
    int loaded = 0;
    for (int i = 0; i < count; i++) {
        if (load(argv[first + i], &src[loaded]) == 0) {
            lines += count_lines(&src[loaded]);
            loaded++;
        }
    }
    double best = 1e30;
    int failed = 0;
    for (int r = 0; r < rounds; r++) {
        failed = 0;
        double t0 = now();
        for (int i = 0; i < loaded; i++) {
            KArena *a = karena_new();
            KDiag diag;
            memset(&diag, 0, sizeof diag);
            if (!kpar_parse_source(a, src[i].data, src[i].len, KPAR_EXEC, &diag, NULL, NULL)) {
                failed++;
            }
            karena_free(a);
        }
        double t = now() - t0;
        if (t < best) {
            best = t;
        }
    }
    printf("%d %ld %.6f %.0f %d\n", loaded, lines, best, (double)lines / best, failed);
    for (int i = 0; i < loaded; i++) {
        free(src[i].data);
    }
    free(src);
    return 0;
}
