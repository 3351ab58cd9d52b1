// tools/kdis.c: kdis, the disassembler. Prints a module's code objects as
// CPython 3.11's dis.dis lays them out (format/dis.c renders them, as for
// kraitc --dis), from a source file (compiled in memory), a cache file
// (.pyc, either layout) or a bundle member ('app.kbz:pkg.mod', also for an
// executable made by kraitc --exe); with a qualified name, only that code
// object (and the code nested in it).
#include "compiler/compiler.h"
#include "loader/loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char USAGE[] =
    "usage: kdis [-O|-OO] FILE.py [QUALNAME]\n"
    "       kdis FILE.pyc [QUALNAME]\n"
    "       kdis BUNDLE:MODULE [QUALNAME]   (BUNDLE: a .kbz or an executable of kraitc --exe)\n";

// The first code object named 'qualname' in the tree of 'code' (pre-order).
static const KfCode *find_code(const KfCode *code, const char *qualname) {
    if (!strcmp(code->qualname, qualname)) {
        return code;
    }
    for (int i = 0; i < code->nconsts; i++) {
        if (code->consts[i].kind == KF_CONST_CODE) {
            const KfCode *c = find_code(code->consts[i].code, qualname);
            if (c) {
                return c;
            }
        }
    }
    return NULL;
}

// Prints 'code', or its code object 'qualname'; 1 when there is none.
static int show(const KfCode *code, const char *qualname, const char *what) {
    const KfCode *c = qualname ? find_code(code, qualname) : code;
    if (!c) {
        fprintf(stderr, "kdis: no code object named '%s' in %s\n", qualname, what);
        return 1;
    }
    kf_dis(c, stdout);
    return 0;
}

static int read_all(const char *path, char **bytes, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        char *more = realloc(buf, cap * 2 + 1);
        if (!more) {
            free(buf);
        }
        buf = more;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf || failed) {
        fprintf(stderr, "kdis: can't read '%s'\n", path);
        free(buf);
        return -1;
    }
    buf[n] = 0;
    *bytes = buf;
    *len = n;
    return 0;
}

// A source file, compiled in memory at 'optimize'.
static int dis_source(const char *path, const char *src, size_t len, int optimize,
                      const char *qualname) {
    KcUnit *u = kc_compile(path, src, len, KC_MODE_EXEC, optimize);
    if (!u) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    const KfCode *code = kc_unit_code(u);
    int status;
    if (code) {
        status = show(code, qualname, path);
    } else {
        char *text = kc_format_error(u);
        fputs(text ? text : "MemoryError\n", stderr);
        free(text);
        status = 1;
    }
    kc_unit_free(u);
    return status;
}

// A cache file's bytes.
static int dis_cache(const char *path, const uint8_t *bytes, size_t len, const char *qualname) {
    const KfCode *code = NULL;
    const char *detail = NULL;
    KfError err = kf_read(bytes, len, NULL, &code, &detail);
    if (err != KF_OK) {
        fprintf(stderr, "kdis: %s: %s (%s)\n", path, kf_strerror(err), detail ? detail : "?");
        return 1;
    }
    int status = show(code, qualname, path);
    kf_free(code);
    return status;
}

// BUNDLE:MODULE.
static int dis_member(const char *bundle, const char *module, const char *qualname) {
    KlBundleFile f;
    char *message = NULL;
    KlBundleState state = kl_bundle_map(bundle, &f, &message);
    if (state != KL_BUNDLE_OK) {
        fprintf(stderr, "kdis: %s\n", message ? message : "not a krait bundle");
        free(message);
        return 1;
    }
    long i = kf_bundle_find(&f.bundle, module, strlen(module));
    KfBundleEntry e;
    int status = 1;
    if (i < 0) {
        fprintf(stderr, "kdis: no module '%s' in %s\n", module, bundle);
    } else if (kf_bundle_entry(&f.bundle, (uint32_t)i, &e), !e.member) {
        fprintf(stderr, "kdis: '%s' is a namespace package: it has no code\n", module);
    } else {
        char *what = malloc(strlen(bundle) + strlen(module) + 2);
        if (what) {
            sprintf(what, "%s:%s", bundle, module);
            status = dis_cache(what, e.member, e.member_len, qualname);
            free(what);
        }
    }
    kl_bundle_unmap(&f);
    return status;
}

static int is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

// TARGET: a member when it is no file itself and splits at its last ':'
// into an existing file and a module name.
static int dis_target(const char *target, int optimize, const char *qualname) {
    const char *colon = strrchr(target, ':');
    if (!is_file(target) && colon && colon > target) {
        char *bundle = strndup(target, (size_t)(colon - target));
        int status = bundle ? dis_member(bundle, colon + 1, qualname) : 1;
        free(bundle);
        return status;
    }
    char *bytes = NULL;
    size_t len = 0;
    if (read_all(target, &bytes, &len) < 0) {
        return 1;
    }
    int status;
    if (len >= 4 && !memcmp(bytes, "\xCBKRT", 4)) {
        status = dis_cache(target, (const uint8_t *)bytes, len, qualname);
    } else if ((len >= 4 && !memcmp(bytes, KF_BUNDLE_MAGIC, 4)) ||
               (len >= KF_EXE_TRAILER_SIZE &&
                !memcmp(bytes + len - 8, KF_EXE_MAGIC, 8))) {
        fprintf(stderr, "kdis: %s is a bundle: name a module as %s:MODULE\n", target, target);
        status = 2;
    } else {
        status = dis_source(target, bytes, len, optimize, qualname);
    }
    free(bytes);
    return status;
}

int main(int argc, char **argv) {
    int optimize = 0, npos = 0;
    const char *pos[2] = {NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-O")) {
            optimize = 1;
        } else if (!strcmp(a, "-OO")) {
            optimize = 2;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(USAGE, stdout);
            return 0;
        } else if ((a[0] == '-' && a[1]) || npos == 2) {
            fputs(USAGE, stderr);
            return 2;
        } else {
            pos[npos++] = a;
        }
    }
    if (npos == 0) {
        fputs(USAGE, stderr);
        return 2;
    }
    int status = dis_target(pos[0], optimize, pos[1]);
    return fflush(stdout) != 0 ? 1 : status;
}
