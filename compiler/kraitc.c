// compiler/kraitc.c: the kraitc command line. For now the front end's
// inspection modes; the compileall-style tree compiler comes with the code
// generator.
#include "compiler.h"
#include "loader/loader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "usage: kraitc --dump-ast [--attrs] [--mode exec|eval|single] FILE\n"
    "       kraitc --dump-tokens FILE\n"
    "       kraitc --dis [-O|-OO] [--mode exec|eval|single] FILE...\n"
    "       kraitc --bundle OUT.kbz [-m MAIN] [-o LEVEL] [-z] DIR|FILE.py...\n"
    "       kraitc --exe OUT [-m MAIN] [--runtime KRAIT] [-o LEVEL] [-z] DIR|FILE.py...\n";

// Reads all of 'path' into a malloc'd buffer; on failure prints CPython's
// style of message and returns NULL.
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "kraitc: can't open file '%s': [Errno %d] %s\n", path, errno,
                strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf || failed) {
        fprintf(stderr, "kraitc: can't read file '%s'\n", path);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

// 1 when 'argv' asks for an inspection mode (--dump-*); otherwise kraitc
// compiles files and trees into caches, as python -m compileall does.
static int is_inspection(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--dump-", 7) == 0 || strcmp(argv[i], "--dis") == 0) {
            return 1;
        }
    }
    return 0;
}

// Compiles 'path' and prints its code objects as dis.dis would; on a
// compile error prints CPython's report and returns 1. A stack-depth
// inconsistency (a code generator bug) is reported too.
static int dis_file(const char *path, KcMode mode, int optimize) {
    size_t len = 0;
    char *src = read_file(path, &len);
    if (!src) {
        return 1;
    }
    KcUnit *u = kc_compile(path, src, len, mode, optimize);
    free(src);
    if (!u) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    int status = 0;
    const KfCode *code = kc_unit_code(u);
    if (code) {
        kf_dis(code, stdout);
    } else {
        char *text = kc_format_error(u);
        fputs(text ? text : "MemoryError\n", stderr);
        free(text);
        status = 1;
    }
    if (kc_unit_depth_mismatches(u)) {
        fprintf(stderr, "kraitc: %s: %ld inconsistent stack depths\n", path,
                kc_unit_depth_mismatches(u));
        status = 1;
    }
    kc_unit_free(u);
    return status;
}

int main(int argc, char **argv) {
    if (kl_is_bundle_mode(argc, argv)) {
        return kl_bundle_main(argc, argv, &kl_kc_compiler, stdout, stderr);
    }
    if (!is_inspection(argc, argv)) {
        return kl_compileall_main(argc, argv, &kl_kc_compiler, stdout, stderr);
    }
    int dump_ast = 0, dump_tokens = 0, dis = 0, optimize = 0, attrs = 0, npaths = 0;
    const char **paths = calloc((size_t)argc, sizeof(char *));
    if (!paths) {
        return 1;
    }
    KcMode mode = KC_MODE_EXEC;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--dump-ast") == 0) {
            dump_ast = 1;
        } else if (strcmp(arg, "--dump-tokens") == 0) {
            dump_tokens = 1;
        } else if (strcmp(arg, "--dis") == 0) {
            dis = 1;
        } else if (strcmp(arg, "-O") == 0) {
            optimize = 1;
        } else if (strcmp(arg, "-OO") == 0) {
            optimize = 2;
        } else if (strcmp(arg, "--attrs") == 0) {
            attrs = 1;
        } else if (strcmp(arg, "--mode") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            if (strcmp(m, "exec") == 0) {
                mode = KC_MODE_EXEC;
            } else if (strcmp(m, "eval") == 0) {
                mode = KC_MODE_EVAL;
            } else if (strcmp(m, "single") == 0) {
                mode = KC_MODE_SINGLE;
            } else {
                fprintf(stderr, "kraitc: unknown mode '%s'\n%s", m, USAGE);
                return 2;
            }
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(USAGE, stdout);
            return 0;
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "kraitc: unknown option '%s'\n%s", arg, USAGE);
            return 2;
        } else {
            paths[npaths++] = arg;
        }
    }
    if (dis && npaths > 0 && dump_ast + dump_tokens == 0) {
        int status = 0;
        for (int i = 0; i < npaths; i++) {
            status |= dis_file(paths[i], mode, optimize);
        }
        free(paths);
        return fflush(stdout) != 0 ? 1 : status;
    }
    path = npaths == 1 ? paths[0] : NULL;
    free(paths);
    if (!path || dump_ast + dump_tokens != 1) {
        fputs(USAGE, stderr);
        return 2;
    }
    size_t len = 0;
    char *src = read_file(path, &len);
    if (!src) {
        return 1;
    }
    int status = dump_ast ? kc_dump_ast(path, src, len, mode, attrs, stdout, stderr)
                          : kc_dump_tokens(path, src, len, stdout, stderr);
    free(src);
    if (fflush(stdout) != 0) {
        return 1;
    }
    return status;
}
