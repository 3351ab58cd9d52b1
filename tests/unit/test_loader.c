// tests/unit/test_loader.c: the loader with a stand-in compiler: PEP 3147
// cache paths against importlib's, and the life of a cache: written on the
// first load, used on the next, refreshed in place after a touch, rebuilt
// when the source, the mode or the file itself changed, never written where
// it cannot or must not be.
#include "loader.h"

#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// ---------------------------------------------------------------------------
// A stand-in compiler: the module returns its source text as a str constant;
// a source containing "SYNTAX" fails.

static int compiles;

typedef struct Unit {
    KfCode code;
    KfConst konst;
    uint32_t words[2];
    char *text;
} Unit;

static int fake_compile(const char *filename, const char *bytes, size_t len, int optimize,
                        const KfCode **code, void **owner, char **message) {
    compiles++;
    if (memmem(bytes, len, "SYNTAX", 6)) {
        *message = strdup("  File \"x\", line 1\nSyntaxError: invalid syntax\n");
        return -1;
    }
    Unit *u = calloc(1, sizeof *u);
    u->text = strndup(bytes, len);
    u->konst = (KfConst){.kind = KF_CONST_STR, .str = u->text, .len = strlen(u->text)};
    u->words[0] = KF_INSTR(KF_OP_LOAD_CONST, 0);
    u->words[1] = KF_INSTR(KF_OP_RETURN_VALUE, 0);
    u->code = (KfCode){.name = "<module>", .qualname = "<module>", .filename = filename,
                       .firstlineno = 1, .stacksize = 1 + optimize, .code = u->words, .ncode = 2,
                       .consts = &u->konst, .nconsts = 1};
    *code = &u->code;
    *owner = u;
    return 0;
}

static void fake_release(void *owner) {
    Unit *u = owner;
    free(u->text);
    free(u);
}

static const KlCompiler FAKE = {fake_compile, fake_release};

// ---------------------------------------------------------------------------
// Helpers

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

static void set_mtime(const char *path, long sec) {
    struct timespec t[2] = {{sec, 5}, {sec, 5}};
    utimensat(AT_FDCWD, path, t, 0);
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *buf = malloc(1 << 16);
    *len = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

static KlOptions base_options(void) {
    KlOptions o;
    memset(&o, 0, sizeof o);
    o.compiler = &FAKE;
    return o;
}

// The module code of the image 'r' holds, decoded (static: valid until the
// next call), or NULL. The image must be the cache's bytes: its file and
// its raw payload.
static const KfCode *decoded(const KlResult *r) {
    static const KfCode *code;
    kf_free(code);
    code = NULL;
    if (!r->image.payload || kf_read(r->image.file, r->image.file_len, NULL, &code, NULL) != KF_OK) {
        return NULL;
    }
    return code;
}

// Loads 'path'; returns the module's constant text (static copy) or NULL.
static const char *load(const char *path, const KlOptions *o, KlResult *r) {
    static char text[256];
    KlError err = kl_load_source(path, o, r);
    const KfCode *code = err == KL_OK ? decoded(r) : NULL;
    if (!code || code->nconsts != 1) {
        return NULL;
    }
    snprintf(text, sizeof text, "%s", code->consts[0].str);
    return text;
}

static int count_files(const char *dir) {
    DIR *d = opendir(dir);
    int n = 0;
    if (!d) {
        return -1;
    }
    for (struct dirent *e; (e = readdir(d));) {
        n += e->d_name[0] != '.';
    }
    closedir(d);
    return n;
}

// ---------------------------------------------------------------------------
// Tests

static void test_paths(void) {
    // Expected values: importlib.util.cache_from_source with cpython-311 -> krait-1.
    static const char *const cases[][3] = {
        {"foo.py", "__pycache__/foo.krait-1.pyc", "__pycache__/foo.krait-1.opt-2.pyc"},
        {"foo", "__pycache__/fookrait-1.pyc", "__pycache__/fookrait-1.opt-2.pyc"},
        {"a/b.tar.py", "a/__pycache__/b.tar.krait-1.pyc", "a/__pycache__/b.tar.krait-1.opt-2.pyc"},
        {".py", "__pycache__/py.krait-1.pyc", "__pycache__/py.krait-1.opt-2.pyc"},
        {"a/.hidden.py", "a/__pycache__/.hidden.krait-1.pyc",
         "a/__pycache__/.hidden.krait-1.opt-2.pyc"},
        {"x/y/z.pyw", "x/y/__pycache__/z.krait-1.pyc", "x/y/__pycache__/z.krait-1.opt-2.pyc"},
        {"//x.py", "/__pycache__/x.krait-1.pyc", "/__pycache__/x.krait-1.opt-2.pyc"},
        {"a//b.py", "a/__pycache__/b.krait-1.pyc", "a/__pycache__/b.krait-1.opt-2.pyc"},
        {"a/b/", "a/b/__pycache__/krait-1.pyc", "a/b/__pycache__/krait-1.opt-2.pyc"},
        // The one deliberate difference: 3.11 gives "__pycache__/abs..." here.
        {"/abs.py", "/__pycache__/abs.krait-1.pyc", "/__pycache__/abs.krait-1.opt-2.pyc"},
    };
    int good = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *p0 = kl_cache_path(cases[i][0], 0), *p2 = kl_cache_path(cases[i][0], 2);
        if (strcmp(p0, cases[i][1]) == 0 && strcmp(p2, cases[i][2]) == 0) {
            good++;
        } else {
            fprintf(stderr, "cache path of %s: %s, %s\n", cases[i][0], p0, p2);
        }
        free(p0);
        free(p2);
    }
    CHECK("cache paths as importlib", good == (int)(sizeof cases / sizeof *cases));
    char *o1 = kl_cache_path("pkg/m.py", 1);
    CHECK("opt-1 path", strcmp(o1, "pkg/__pycache__/m.krait-1.opt-1.pyc") == 0);
    free(o1);
    char *legacy = kl_legacy_cache_path("pkg/m.py");
    CHECK("legacy path", strcmp(legacy, "pkg/m.pyc") == 0);
    free(legacy);
}

static void test_life_of_a_cache(void) {
    const char *src = "pkg/mod.py", *cache = "pkg/__pycache__/mod.krait-1.pyc";
    mkdir("pkg", 0777);
    write_text(src, "print(1)\n");
    set_mtime(src, 1000000);
    KlOptions o = base_options();
    KlResult r;
    compiles = 0;

    const char *text = load(src, &o, &r);
    CHECK("first load compiles", text && !strcmp(text, "print(1)\n") && compiles == 1 &&
                                     r.how == KL_FROM_SOURCE && r.cache == KL_CACHE_MISSING);
    CHECK("first load writes the cache", r.cache_written && access(cache, F_OK) == 0);
    CHECK("compiled code named as the source", decoded(&r) && !strcmp(decoded(&r)->filename, src));
    kl_result_free(&r);
    CHECK("no temporary file left", count_files("pkg/__pycache__") == 1);

    text = load(src, &o, &r);
    CHECK("second load from the cache", text && !strcmp(text, "print(1)\n") && compiles == 1 &&
                                            r.how == KL_FROM_CACHE && r.cache == KL_CACHE_VALID);
    kl_result_free(&r);
    CHECK("check: valid", kl_check_cache(cache, src, &o) == KL_CACHE_VALID);

    // A touch: the hash decides, the header is refreshed, the payload kept.
    size_t before_len = 0, after_len = 0;
    char *before = slurp(cache, &before_len);
    set_mtime(src, 2000000);
    text = load(src, &o, &r);
    CHECK("touched: used without compiling", text && compiles == 1 &&
                                                 r.cache == KL_CACHE_REFRESHED);
    kl_result_free(&r);
    char *after = slurp(cache, &after_len);
    CHECK("touched: same length", before_len == after_len);
    CHECK("touched: payload unchanged",
          before_len == after_len && memcmp(before + KF_HEADER_SIZE, after + KF_HEADER_SIZE,
                                            before_len - KF_HEADER_SIZE) == 0);
    KfHeader h;
    CHECK("touched: header carries the new mtime",
          kf_check_header((uint8_t *)after, after_len, &h) == KF_OK &&
              h.source_mtime_ns == 2000000 * 1000000000LL + 5);
    free(before);
    free(after);
    CHECK("touched: valid again by stamp", kl_check_cache(cache, src, &o) == KL_CACHE_VALID);

    // A real change.
    write_text(src, "print(22)\n");
    set_mtime(src, 3000000);
    text = load(src, &o, &r);
    CHECK("changed: recompiled", text && !strcmp(text, "print(22)\n") && compiles == 2 &&
                                     r.cache == KL_CACHE_STALE && r.cache_written);
    kl_result_free(&r);

    // Same size, same stamp, new bytes: timestamp mode cannot see it (as
    // CPython); checked-hash can.
    write_text(src, "print(33)\n");
    set_mtime(src, 3000000);
    CHECK("timestamp mode trusts the stamp", kl_check_cache(cache, src, &o) == KL_CACHE_VALID);
    o.invalidation = KF_INVALIDATE_CHECKED_HASH;
    o.force = 1;
    text = load(src, &o, &r);
    kl_result_free(&r);
    o.force = 0;
    write_text(src, "print(44)\n");
    set_mtime(src, 3000000);
    text = load(src, &o, &r);
    CHECK("checked-hash sees the change", text && !strcmp(text, "print(44)\n") &&
                                              r.cache == KL_CACHE_STALE);
    kl_result_free(&r);
    KfHeader hh;
    size_t n = 0;
    char *bytes = slurp(cache, &n);
    CHECK("hash mode stores no mtime", kf_check_header((uint8_t *)bytes, n, &hh) == KF_OK &&
                                           hh.source_mtime_ns == 0 &&
                                           hh.invalidation == KF_INVALIDATE_CHECKED_HASH);
    free(bytes);
    o.invalidation = KF_INVALIDATE_UNCHECKED_HASH;
    o.force = 1;
    kl_result_free(&r);
    text = load(src, &o, &r);
    kl_result_free(&r);
    o.force = 0;
    write_text(src, "print(555555)\n");
    text = load(src, &o, &r);
    CHECK("unchecked-hash never looks", text && !strcmp(text, "print(44)\n") &&
                                            r.how == KL_FROM_CACHE);
    kl_result_free(&r);
    o.require_mode = 1;
    o.invalidation = KF_INVALIDATE_TIMESTAMP;
    CHECK("another mode is stale when a mode is required",
          kl_check_cache(cache, src, &o) == KL_CACHE_STALE);
    o.require_mode = 0;

    // A damaged cache is rebuilt.
    int before_compiles = compiles;
    CHECK("truncate the cache", truncate(cache, 100) == 0);
    text = load(src, &o, &r);
    CHECK("truncated cache rebuilt", text && !strcmp(text, "print(555555)\n") &&
                                         r.cache == KL_CACHE_BAD &&
                                         compiles == before_compiles + 1 && r.cache_written);
    kl_result_free(&r);

    // Optimisation levels have their own files.
    o.optimize = 1;
    text = load(src, &o, &r);
    CHECK("opt-1 compiled to its own file",
          text && r.how == KL_FROM_SOURCE && access("pkg/__pycache__/mod.krait-1.opt-1.pyc", F_OK) == 0);
    kl_result_free(&r);
    o.optimize = 0;
}

static void test_not_writing(void) {
    const char *src = "ro/m.py";
    mkdir("ro", 0777);
    write_text(src, "x\n");
    KlOptions o = base_options();
    o.dont_write = 1;
    KlResult r;
    const char *text = load(src, &o, &r);
    CHECK("-B: compiled, not written", text && !r.cache_written && access("ro/__pycache__", F_OK) != 0);
    kl_result_free(&r);

    // __pycache__ is a file: the directory cannot be made.
    o.dont_write = 0;
    write_text("ro/__pycache__", "in the way");
    text = load(src, &o, &r);
    CHECK("unwritable: silently run without a cache", text && !r.cache_written && r.message == NULL);
    kl_result_free(&r);
    o.report_write_errors = 1;
    KlError err = kl_load_source(src, &o, &r);
    CHECK("unwritable, reported", err == KL_ERR_WRITE && r.message &&
                                      strstr(r.message, "NotADirectoryError: [Errno 20]") &&
                                      strstr(r.message, "'ro/__pycache__/m.krait-1.pyc'"));
    kl_result_free(&r);
}

static void test_errors(void) {
    KlOptions o = base_options();
    KlResult r;
    KlError err = kl_load_source("nope.py", &o, &r);
    CHECK("missing source", err == KL_ERR_IO && r.message &&
                                !strcmp(r.message, "FileNotFoundError: [Errno 2] No such file or "
                                                   "directory: 'nope.py'"));
    kl_result_free(&r);
    write_text("bad.py", "SYNTAX\n");
    err = kl_load_source("bad.py", &o, &r);
    CHECK("compile error passed on", err == KL_ERR_COMPILE && r.message &&
                                         strstr(r.message, "SyntaxError: invalid syntax\n"));
    CHECK("nothing written for a failure", access("__pycache__/bad.krait-1.pyc", F_OK) != 0);
    kl_result_free(&r);
    o.compiler = NULL;
    write_text("lone.py", "y\n");
    err = kl_load_source("lone.py", &o, &r);
    CHECK("no compiler", err == KL_ERR_NO_COMPILER && r.message);
    kl_result_free(&r);

    // Sourceless loads.
    o.compiler = &FAKE;
    o.legacy = 1;
    const char *text = load("lone.py", &o, &r);
    CHECK("legacy cache written beside the source", text && access("lone.pyc", F_OK) == 0);
    kl_result_free(&r);
    err = kl_load_cache_file("lone.pyc", &r);
    CHECK("sourceless load",
          err == KL_OK && decoded(&r) && !strcmp(decoded(&r)->consts[0].str, "y\n"));
    kl_result_free(&r);
    CHECK("truncate lone.pyc", truncate("lone.pyc", 50) == 0);
    err = kl_load_cache_file("lone.pyc", &r);
    CHECK("sourceless refused, naming the file",
          err == KL_ERR_CACHE && r.message &&
              !strcmp(r.message, "ImportError: bad cache file 'lone.pyc': truncated cache file"));
    kl_result_free(&r);
}

int main(void) {
    char dir[] = "/tmp/krait-test-loader.XXXXXX";
    if (!mkdtemp(dir) || chdir(dir) != 0) {
        perror("scratch directory");
        return 1;
    }
    test_paths();
    test_life_of_a_cache();
    test_not_writing();
    test_errors();
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "could not remove %s\n", dir);
    }
    return CHECK_DONE();
}
