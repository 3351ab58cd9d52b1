// loader/bundle_build.c: kraitc --bundle and --exe. Walks the given trees
// (DIR/pkg/mod.py is module pkg.mod; a directory with __init__.py is a
// package, one without it that holds modules a namespace package), compiles
// every module to a sourceless unchecked-hash cache file whose co_filename
// is its path relative to the tree (under -d DIR, that path joined to DIR,
// as compileall's -d: where tracebacks find the source), and writes them as one bundle
// (format/bundle.c sorts them, so the output depends only on the sources and
// options), or appends that bundle to a copy of the runtime's binary.
#include "loader.h"

#include "io.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char USAGE[] =
    "usage: kraitc --bundle OUT.kbz [-m MAIN] [-d DIR] [-o LEVEL] [-z] [-q] DIR|FILE.py...\n"
    "       kraitc --exe OUT [-m MAIN] [--runtime KRAIT] [-o LEVEL] [-z] [-q] DIR|FILE.py...\n";

typedef struct Build {
    const KlCompiler *compiler;
    const char *ddir; // -d: the directory the embedded file names are under
    int optimize, compress, quiet;
    FILE *err;
    KfBundleMember *members;
    size_t count, cap;
    int failed;
} Build;

static void free_members(Build *b) {
    for (size_t i = 0; i < b->count; i++) {
        free((char *)b->members[i].name);
        free((uint8_t *)b->members[i].bytes);
    }
    free(b->members);
}

// Takes ownership of 'name' and 'bytes'. Returns -1 when out of memory.
static int add_member(Build *b, char *name, int flags, uint8_t *bytes, size_t len) {
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        KfBundleMember *m = realloc(b->members, cap * sizeof *m);
        if (!m) {
            free(name);
            free(bytes);
            return -1;
        }
        b->members = m;
        b->cap = cap;
    }
    b->members[b->count++] = (KfBundleMember){name, flags, bytes, len};
    return 0;
}

// 1 when 'name' can be a module name's part: an identifier's characters
// (non-ASCII bytes are let through: the compiler judges the names it uses),
// and with 'dash' also '-': __import__ and importlib reach a module file such
// as _sysconfigdata__x86_64-linux-gnu.py by a name no import statement can
// spell, so a bundle keeps it as CPython's path finder would find it.
static int is_module_part(const char *name, size_t len, int dash) {
    if (len == 0 || (name[0] >= '0' && name[0] <= '9')) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!(c >= 0x80 || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || (dash && c == '-'))) {
            return 0;
        }
    }
    return 1;
}

static char *join_path(const char *dir, const char *name);

// Compiles the source 'path' (shown as 'relpath', or -d's DIR/relpath) into a
// member 'name'.
static int add_module(Build *b, const char *path, const char *relpath, char *name, int flags) {
    char *src = NULL;
    size_t len = 0;
    int e = kio_read_file(path, &src, &len, NULL);
    if (e != 0) {
        char *m = kio_oserror(e, path);
        fprintf(b->err, "*** %s\n", m ? m : "MemoryError");
        free(m);
        free(name);
        b->failed = 1;
        return 0;
    }
    const KfCode *code = NULL;
    void *owner = NULL;
    char *message = NULL;
    char *shown = b->ddir ? join_path(b->ddir, relpath) : NULL;
    if (b->ddir && !shown) {
        free(src);
        free(name);
        return -1;
    }
    int failed = b->compiler->compile(shown ? shown : relpath, src, len, b->optimize, &code,
                                      &owner, &message);
    free(shown);
    if (failed) {
        char *r = kio_repr(path);
        fprintf(b->err, "*** Error compiling %s...\n%s", r ? r : path,
                message ? message : "MemoryError\n");
        free(r);
        free(message);
        free(src);
        free(name);
        b->failed = 1;
        return 0;
    }
    KfWriteInfo info = {KF_INVALIDATE_UNCHECKED_HASH, b->optimize, b->compress, 1, 0,
                        (uint64_t)len, kf_source_hash(src, len), 0};
    uint8_t *bytes = NULL;
    size_t nbytes = 0;
    const char *detail = NULL;
    KfError ferr = kf_write(code, &info, &bytes, &nbytes, &detail);
    b->compiler->release(owner);
    free(src);
    if (ferr != KF_OK) {
        fprintf(b->err, "*** %s: %s (%s)\n", path, kf_strerror(ferr), detail ? detail : "?");
        free(name);
        b->failed = 1;
        return ferr == KF_ERR_NOMEM ? -1 : 0;
    }
    return add_member(b, name, flags, bytes, nbytes);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// The names in directory 'dir', sorted (so reports come in a stable order).
static char **list_dir(const char *dir, size_t *n) {
    DIR *d = opendir(dir);
    *n = 0;
    if (!d) {
        return NULL;
    }
    size_t cap = 16;
    char **names = malloc(cap * sizeof *names);
    struct dirent *ent;
    while (names && (ent = readdir(d))) {
        if (ent->d_name[0] == '.') {
            continue;
        }
        if (*n == cap) {
            char **more = realloc(names, (cap *= 2) * sizeof *names);
            if (!more) {
                break;
            }
            names = more;
        }
        names[*n] = strdup(ent->d_name);
        if (names[*n]) {
            (*n)++;
        }
    }
    closedir(d);
    if (names) {
        qsort(names, *n, sizeof *names, by_name);
    }
    return names;
}

static char *join_name(const char *prefix, const char *part, size_t len) {
    return kio_format("%s%s%.*s", prefix, *prefix ? "." : "", (int)len, part);
}

static char *join_path(const char *dir, const char *name) {
    return kio_format("%s%s%s", dir, *dir ? "/" : "", name);
}

static int is_regular(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_directory(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

// Adds the modules of directory 'dir' (relative path 'rel', dotted 'prefix').
// Returns the number of entries added, or -1 when out of memory.
static long walk_dir(Build *b, const char *dir, const char *rel, const char *prefix, int depth);

// Adds the subdirectory 'name' of 'dir': a package or a namespace package.
static long walk_subdir(Build *b, const char *path, const char *rel, char *modname, int depth) {
    char *init = join_path(path, "__init__.py");
    char *init_rel = join_path(rel, "__init__.py");
    long added = 0;
    if (!init || !init_rel) {
        added = -1;
    } else if (is_regular(init)) {
        size_t before = b->count;
        added = add_module(b, init, init_rel, strdup(modname), KF_BUNDLE_PACKAGE) < 0 ? -1 : 1;
        if (added > 0 && b->count == before) {
            added = 0; // did not compile: reported; its submodules are still tried
        }
        long sub = added < 0 ? -1 : walk_dir(b, path, rel, modname, depth + 1);
        added = sub < 0 ? -1 : added + sub;
    } else {
        long sub = walk_dir(b, path, rel, modname, depth + 1);
        added = sub;
        if (sub > 0) {
            added = add_member(b, strdup(modname), KF_BUNDLE_NAMESPACE, NULL, 0) < 0 ? -1 : sub + 1;
        }
    }
    free(init);
    free(init_rel);
    return added;
}

static long walk_dir(Build *b, const char *dir, const char *rel, const char *prefix, int depth) {
    size_t n = 0;
    char **names = list_dir(dir, &n);
    long added = 0;
    for (size_t i = 0; i < n && added >= 0; i++) {
        const char *name = names[i];
        size_t len = strlen(name);
        char *path = join_path(dir, name), *relpath = join_path(rel, name);
        if (!path || !relpath) {
            added = -1;
        } else if (len > 3 && !strcmp(name + len - 3, ".py") && strcmp(name, "__init__.py") &&
                   is_module_part(name, len - 3, 1) && is_regular(path)) {
            char *modname = join_name(prefix, name, len - 3);
            size_t before = b->count;
            added = modname && add_module(b, path, relpath, modname, 0) == 0
                        ? added + (long)(b->count - before)
                        : -1;
        } else if (depth < 64 && is_module_part(name, len, 0) && strcmp(name, "__pycache__") &&
                   is_directory(path)) {
            char *modname = join_name(prefix, name, len);
            long sub = modname ? walk_subdir(b, path, relpath, modname, depth) : -1;
            free(modname);
            added = sub < 0 ? -1 : added + sub;
        }
        free(path);
        free(relpath);
    }
    for (size_t i = 0; i < n; i++) {
        free(names[i]);
    }
    free(names);
    return added;
}

// Adds one command-line root: a tree or a single FILE.py.
static int add_root(Build *b, const char *root) {
    if (is_directory(root)) {
        return walk_dir(b, root, "", "", 0) < 0 ? -1 : 0;
    }
    const char *slash = strrchr(root, '/');
    const char *base = slash ? slash + 1 : root;
    size_t len = strlen(base);
    if (len > 3 && !strcmp(base + len - 3, ".py") && is_module_part(base, len - 3, 1)) {
        char *modname = strndup(base, len - 3);
        return modname ? add_module(b, root, base, modname, 0) : -1;
    }
    int e = is_regular(root) ? EINVAL : ENOENT;
    fprintf(b->err, "kraitc: %s: %s\n", root,
            e == ENOENT ? "no such file or directory" : "not a directory or a .py file");
    b->failed = 1;
    return 0;
}

// The name of the entry to run: MAIN, MAIN.__main__ for a package, or
// __main__ when present. NULL (with '*why') when there is none.
static char *main_name(const Build *b, const char *main, const char **why) {
    const char *want = main ? main : "__main__";
    for (size_t i = 0; i < b->count; i++) {
        if (strcmp(b->members[i].name, want) != 0) {
            continue;
        }
        if (!b->members[i].flags) {
            return strdup(want);
        }
        char *sub = kio_format("%s.__main__", want);
        for (size_t k = 0; sub && k < b->count; k++) {
            if (!strcmp(b->members[k].name, sub) && !b->members[k].flags) {
                return sub;
            }
        }
        free(sub);
        *why = "is a package without a __main__ module";
        return NULL;
    }
    *why = main ? "is not in the bundle" : NULL;
    return NULL;
}

// The runtime binary next to this program: its directory's "krait".
static char *default_runtime(void) {
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        return strdup("krait");
    }
    self[n] = 0;
    char *slash = strrchr(self, '/');
    return kio_format("%.*s/krait", slash ? (int)(slash - self) : 0, self);
}

// The runtime's bytes without any bundle it already carries, padded to
// KF_EXE_ALIGN, followed by 'bundle' and a trailer, into '*out'.
static int make_exe(Build *b, const char *runtime, const uint8_t *bundle, size_t blen,
                    uint8_t **out, size_t *out_len) {
    char *rt = NULL;
    size_t rlen = 0;
    int e = kio_read_file(runtime, &rt, &rlen, NULL);
    if (e != 0) {
        char *m = kio_oserror(e, runtime);
        fprintf(b->err, "kraitc: the runtime: %s\n", m ? m : "MemoryError");
        free(m);
        return -1;
    }
    uint64_t off = 0, size = 0;
    if (rlen >= KF_EXE_TRAILER_SIZE &&
        kf_exe_trailer_read((uint8_t *)rt + rlen - KF_EXE_TRAILER_SIZE, rlen, &off, &size) > 0) {
        rlen = (size_t)off; // an executable made by --exe: keep only its runtime
    }
    size_t start = (rlen + KF_EXE_ALIGN - 1) / KF_EXE_ALIGN * KF_EXE_ALIGN;
    *out_len = start + blen + KF_EXE_TRAILER_SIZE;
    *out = calloc(1, *out_len);
    if (!*out) {
        free(rt);
        fputs("kraitc: out of memory\n", b->err);
        return -1;
    }
    memcpy(*out, rt, rlen);
    memcpy(*out + start, bundle, blen);
    kf_exe_trailer_write(*out + start + blen, start, blen);
    free(rt);
    return 0;
}

// The process's umask (set back at once; kraitc runs one thread here).
static mode_t current_umask(void) {
    mode_t m = umask(022);
    umask(m);
    return m;
}

typedef struct Args {
    const char *output, *main, *runtime;
    int exe;
    int nroots;
    const char **roots;
} Args;

static int parse_args(Build *b, Args *a, int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        int has_value = i + 1 < argc;
        if ((!strcmp(s, "--bundle") || !strcmp(s, "--exe")) && has_value && !a->output) {
            a->exe = s[2] == 'e';
            a->output = argv[++i];
        } else if (!strcmp(s, "-m") && has_value) {
            a->main = argv[++i];
        } else if (!strcmp(s, "-d") && has_value) {
            b->ddir = argv[++i];
        } else if (!strcmp(s, "--runtime") && has_value) {
            a->runtime = argv[++i];
        } else if (!strcmp(s, "-o") && has_value) {
            const char *v = argv[++i];
            if (strlen(v) != 1 || v[0] < '0' || v[0] > '2') {
                fprintf(b->err, "kraitc: -o takes 0, 1 or 2\n%s", USAGE);
                return 2;
            }
            b->optimize = v[0] - '0';
        } else if (!strcmp(s, "-z")) {
            b->compress = 9;
        } else if (!strcmp(s, "-q")) {
            b->quiet = 1;
        } else if (s[0] == '-' && s[1]) {
            fprintf(b->err, "kraitc: unknown option or missing value '%s'\n%s", s, USAGE);
            return 2;
        } else {
            a->roots[a->nroots++] = s;
        }
    }
    if (!a->output || a->nroots == 0) {
        fputs(USAGE, b->err);
        return 2;
    }
    return 0;
}

// Builds the bundle's bytes from the roots; 1 when something failed.
static int build_bundle(Build *b, const Args *a, uint8_t **out, size_t *len) {
    for (int i = 0; i < a->nroots; i++) {
        if (add_root(b, a->roots[i]) < 0) {
            fputs("kraitc: out of memory\n", b->err);
            return 1;
        }
    }
    if (b->failed) {
        return 1;
    }
    const char *why = NULL;
    char *main = main_name(b, a->main, &why);
    if (!main && (why || a->exe)) {
        fprintf(b->err, "kraitc: %s%s%s\n", why ? "main module '" : "", why ? a->main : "",
                why ? "' " : "no __main__ module in the trees and no -m MAIN");
        if (why) {
            fprintf(b->err, "kraitc: it %s\n", why);
        }
        return 1;
    }
    const char *detail = NULL;
    KfError err = kf_bundle_write(b->members, b->count, main, out, len, &detail);
    free(main);
    if (err != KF_OK) {
        fprintf(b->err, "kraitc: %s: %s (%s)\n", a->output, kf_bundle_strerror(err),
                detail ? detail : "?");
        return 1;
    }
    return 0;
}

int kl_bundle_main(int argc, char **argv, const KlCompiler *compiler, FILE *out, FILE *err) {
    (void)out;
    Build b = {compiler, NULL, 0, 0, 0, err, NULL, 0, 0, 0};
    Args a = {NULL, NULL, NULL, 0, 0, calloc((size_t)argc, sizeof(char *))};
    if (!a.roots) {
        return 1;
    }
    int status = parse_args(&b, &a, argc, argv);
    uint8_t *bundle = NULL, *exe = NULL;
    size_t blen = 0, elen = 0;
    char *runtime = NULL;
    if (status == 0) {
        status = build_bundle(&b, &a, &bundle, &blen);
    }
    if (status == 0 && a.exe) {
        runtime = a.runtime ? strdup(a.runtime) : default_runtime();
        status = runtime && make_exe(&b, runtime, bundle, blen, &exe, &elen) == 0 ? 0 : 1;
    }
    if (status == 0) {
        int in_dir = 0;
        int e = kio_write_atomic(a.output, exe ? exe : bundle, exe ? elen : blen,
                                 exe ? 0777 : 0666, 0, &in_dir);
        if (e == 0 && exe && chmod(a.output, 0777 & ~current_umask()) != 0) {
            e = errno;
        }
        if (e != 0) {
            char *m = kio_oserror(e, a.output);
            fprintf(err, "kraitc: %s\n", m ? m : "MemoryError");
            free(m);
            status = 1;
        }
    }
    free(runtime);
    free(bundle);
    free(exe);
    free_members(&b);
    free(a.roots);
    return status;
}
