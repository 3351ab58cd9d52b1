// tools/kdump.c: kdump, the cache and bundle inspector. For a cache file it
// prints the header's fields, the payload's sections and sizes, the
// checksums, and the file's state against its source as the loader would
// judge it: valid, stale-mtime (the source was touched, its hash still
// matches), stale-hash (the source changed), or corrupt with the reason.
// For a bundle (.kbz, or an executable of kraitc --exe) it prints the
// header, the checksums and each entry with its member's state, compared
// with a source tree when one is given. Exit status: 0 when everything is
// valid, 1 when something is stale, corrupt or unreadable, 2 for usage.
#include "loader/loader.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char USAGE[] =
    "usage: kdump [--source PATH] FILE.pyc      a cache file (PATH: its source)\n"
    "       kdump [--source DIR] BUNDLE         a .kbz or an executable (DIR: the sources' tree)\n";

// FORMAT.md's header offsets that KfHeader does not carry.
enum { CACHE_HEADER_SUM = 72, CACHE_ISA = 16, BUNDLE_FLAGS = 12, BUNDLE_HEADER_SUM = 56 };

static uint64_t get64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

static int read_all(const char *path, uint8_t **bytes, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        uint8_t *more = realloc(buf, cap * 2);
        if (!more) {
            free(buf);
        }
        buf = more;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf || failed) {
        fprintf(stderr, "kdump: can't read '%s'\n", path);
        free(buf);
        return -1;
    }
    *bytes = buf;
    *len = n;
    return 0;
}

static void print_magic(const uint8_t *p, size_t len, const char *what) {
    printf("  %-20s", "magic");
    for (size_t i = 0; i < 8 && i < len; i++) {
        printf("%s%02x", i ? " " : "", p[i]);
    }
    printf(" (%s)\n", what);
}

// ---------------------------------------------------------------------------
// Cache files

// The source of a cache file at 'path' as the loader pairs them:
// DIR/__pycache__/NAME.TAG[.opt-N].pyc -> DIR/NAME.py; NAME.pyc -> NAME.py.
static char *source_of(const char *path) {
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t dir_len = (size_t)(base - path);
    char *out = NULL;
    if (dir_len >= 12 && !strncmp(base - 12, "__pycache__/", 12)) {
        const char *dot = strchr(base, '.');
        if (!dot) {
            return NULL;
        }
        size_t n = (dir_len - 12) + (size_t)(dot - base) + 4;
        out = malloc(n);
        if (out) {
            snprintf(out, n, "%.*s%.*s.py", (int)(dir_len - 12), path, (int)(dot - base), base);
        }
        return out;
    }
    size_t n = strlen(path);
    if (n > 4 && !strcmp(path + n - 4, ".pyc")) {
        out = strndup(path, n - 1);
    }
    return out;
}

// The state of a cache with header 'h' against the source at 'src':
// 0 valid, 1 stale (printed), -1 no source to compare.
static int judge(const KfHeader *h, const char *src) {
    uint8_t *bytes = NULL;
    size_t len = 0;
    struct stat st;
    if (!src || stat(src, &st) != 0 || !S_ISREG(st.st_mode)) {
        printf("  %-20s%s\n", "source", src ? src : "(none)");
        printf("  %-20s%s\n", "state",
               h->is_sourceless ? "valid (sourceless: made to run without its source)"
                                : "no source to compare with");
        return -1;
    }
    if (read_all(src, &bytes, &len) < 0) {
        return 1;
    }
    uint64_t hash = kf_source_hash(bytes, len);
    free(bytes);
    int64_t mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    printf("  %-20s%s (size %zu, hash 0x%016" PRIx64 ")\n", "source", src, len, hash);
    const char *state = "valid";
    int same_hash = hash == h->source_hash && len == h->source_size;
    if (h->invalidation == KF_INVALIDATE_TIMESTAMP) {
        if (mtime != h->source_mtime_ns || (uint64_t)st.st_size != h->source_size) {
            state = same_hash ? "stale-mtime (the source was touched; its hash matches: the "
                                "header would be refreshed)"
                              : "stale-hash (the source changed: it would be recompiled)";
        }
    } else if (!same_hash) {
        state = h->invalidation == KF_INVALIDATE_CHECKED_HASH
                    ? "stale-hash (the source changed: it would be recompiled)"
                    : "stale-hash (the source changed; unchecked-hash: krait uses the file "
                      "anyway)";
    }
    printf("  %-20s%s\n", "state", state);
    return strcmp(state, "valid") != 0;
}

static void print_sections(const uint8_t *data, size_t len) {
    KfSection s[32];
    size_t n = 0;
    const char *detail = NULL;
    if (kf_sections(data, len, s, 32, &n, &detail) != KF_OK) {
        return;
    }
    printf("  %-20s%zu\n", "sections", n);
    for (size_t i = 0; i < n && i < 32; i++) {
        printf("    %-10s id %2" PRIu32 "  count %8" PRIu32 "  offset %8" PRIu32
               "  size %8" PRIu32 "\n",
               s[i].name, s[i].id, s[i].count, s[i].offset, s[i].size);
    }
}

static void count_tree(const KfCode *c, long *codes, long *instrs, long *consts) {
    (*codes)++;
    *instrs += c->ncode;
    *consts += c->nconsts;
    for (int i = 0; i < c->nconsts; i++) {
        if (c->consts[i].kind == KF_CONST_CODE) {
            count_tree(c->consts[i].code, codes, instrs, consts);
        }
    }
}

static const char *const MODES[] = {"timestamp", "checked-hash", "unchecked-hash"};

static int dump_cache(const char *path, const uint8_t *data, size_t len, const char *src) {
    printf("%s: cache file, %zu bytes\n", path, len);
    print_magic(data, len, "krait cache");
    KfHeader h;
    KfError err = kf_check_header(data, len, &h);
    if (err == KF_OK) {
        printf("  %-20s%d.%d\n", "version", h.major, h.minor);
        printf("  %-20s%s, optimize %d%s%s\n", "flags", MODES[h.invalidation], h.optimize,
               h.is_compressed ? ", compressed" : "", h.is_sourceless ? ", sourceless" : "");
        printf("  %-20s0x%016" PRIx64 " (this build's)\n", "instruction set",
               get64(data + CACHE_ISA));
        printf("  %-20s%" PRId64 ".%09" PRId64 "\n", "source mtime", h.source_mtime_ns / 1000000000,
               h.source_mtime_ns % 1000000000);
        printf("  %-20s%" PRIu64 "\n", "source size", h.source_size);
        printf("  %-20s0x%016" PRIx64 "\n", "source hash", h.source_hash);
        printf("  %-20s%" PRIu64 " bytes stored, %" PRIu64 " raw\n", "payload", h.payload_size,
               h.payload_raw_size);
        printf("  %-20s0x%016" PRIx64 "\n", "payload checksum", h.payload_checksum);
        printf("  %-20s0x%016" PRIx64 " (ok)\n", "header checksum",
               get64(data + CACHE_HEADER_SUM));
    }
    const KfCode *code = NULL;
    const char *detail = NULL;
    if (err == KF_OK) {
        err = kf_read(data, len, NULL, &code, &detail);
    }
    if (err != KF_OK) {
        printf("  %-20scorrupt: %s%s%s%s\n", "state", kf_strerror(err), detail ? " (" : "",
               detail ? detail : "", detail ? ")" : "");
        return 1;
    }
    print_sections(data, len);
    long codes = 0, instrs = 0, consts = 0;
    count_tree(code, &codes, &instrs, &consts);
    printf("  %-20s%ld code objects, %ld instructions, %ld constants; module %s\n", "contents",
           codes, instrs, consts, code->filename);
    kf_free(code);
    char *guess = src ? NULL : source_of(path);
    int r = judge(&h, src ? src : guess);
    free(guess);
    return r > 0;
}

// ---------------------------------------------------------------------------
// Bundles

// The state of the member of 'e' against 'dir' (NULL: only decoded).
static int member_state(const KfBundleEntry *e, const char *dir, char *state, size_t size) {
    const KfCode *code = NULL;
    const char *detail = NULL;
    KfHeader h;
    KfError err = kf_read(e->member, e->member_len, &h, &code, &detail);
    kf_free(code);
    if (err != KF_OK) {
        snprintf(state, size, "corrupt: %s (%s)", kf_strerror(err), detail ? detail : "?");
        return 1;
    }
    if (!dir) {
        snprintf(state, size, "ok");
        return 0;
    }
    char *rel = kl_bundle_member_path(e);
    char *src = rel ? malloc(strlen(dir) + strlen(rel) + 2) : NULL;
    uint8_t *bytes = NULL;
    size_t len = 0;
    int r = 1;
    struct stat st;
    if (!src) {
        snprintf(state, size, "out of memory");
    } else if (sprintf(src, "%s/%s", dir, rel), stat(src, &st) != 0) {
        snprintf(state, size, "no source (%s)", src);
    } else if (read_all(src, &bytes, &len) == 0) {
        int same = kf_source_hash(bytes, len) == h.source_hash && len == h.source_size;
        snprintf(state, size, same ? "valid" : "stale-hash (%s changed)", src);
        r = !same;
    }
    free(bytes);
    free(rel);
    free(src);
    return r;
}

static int dump_bundle(const char *path, const char *dir) {
    KlBundleFile f;
    char *message = NULL;
    KlBundleState st = kl_bundle_map(path, &f, &message);
    if (st != KL_BUNDLE_OK) {
        const char *m = message ? message : "not a krait bundle";
        printf("%s: corrupt: %s\n", path, strncmp(m, "ImportError: ", 13) ? m : m + 13);
        free(message);
        return 1;
    }
    const KfBundle *b = &f.bundle;
    if (f.offset) {
        printf("%s: executable, %zu bytes; bundle at offset %" PRIu64 ", %zu bytes\n", path,
               f.map_len, f.offset, b->len);
    } else {
        printf("%s: bundle, %zu bytes\n", path, b->len);
    }
    print_magic(b->data, b->len, "krait bundle");
    printf("  %-20s%d.%d\n", "version", b->major, b->minor);
    printf("  %-20s0x%08x\n", "flags", (unsigned)(b->data[BUNDLE_FLAGS]));
    printf("  %-20s%" PRIu32 "\n", "entries", b->count);
    KfBundleEntry e;
    if (b->main) {
        kf_bundle_entry(b, b->main - 1, &e);
        printf("  %-20s%.*s (entry %" PRIu32 ")\n", "main", (int)e.name_len, e.name,
               b->main - 1);
    } else {
        printf("  %-20snone\n", "main");
    }
    printf("  %-20s%" PRIu64 " bytes\n", "name table", b->names_size);
    printf("  %-20s%" PRIu64 " bytes from offset %" PRIu64 "\n", "members",
           (uint64_t)b->len - b->members_start, b->members_start);
    printf("  %-20s0x%016" PRIx64 " (ok)\n", "index checksum", b->index_checksum);
    int bad = kf_bundle_check_contents(b) != KF_OK;
    printf("  %-20s0x%016" PRIx64 " (%s)\n", "contents checksum", b->contents_checksum,
           bad ? "MISMATCH" : "ok");
    printf("  %-20s0x%016" PRIx64 " (ok)\n", "header checksum", get64(b->data + BUNDLE_HEADER_SUM));
    printf("  %-32s %-9s %10s %8s  %s\n", "module", "kind", "offset", "size", "state");
    for (uint32_t i = 0; i < b->count; i++) {
        kf_bundle_entry(b, i, &e);
        const char *kind = e.flags & KF_BUNDLE_NAMESPACE ? "namespace"
                           : e.flags & KF_BUNDLE_PACKAGE ? "package"
                                                         : "module";
        char state[512] = "-";
        if (e.member) {
            bad |= member_state(&e, dir, state, sizeof state);
        }
        printf("  %-32.*s %-9s %10" PRIu64 " %8zu  %s\n", (int)e.name_len, e.name, kind,
               e.member_offset, e.member_len, state);
    }
    kl_bundle_unmap(&f);
    return bad;
}

int main(int argc, char **argv) {
    const char *source = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--source") && i + 1 < argc) {
            source = argv[++i];
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (argv[i][0] == '-' || path) {
            fputs(USAGE, stderr);
            return 2;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        fputs(USAGE, stderr);
        return 2;
    }
    uint8_t *data = NULL;
    size_t len = 0;
    if (read_all(path, &data, &len) < 0) {
        return 1;
    }
    int is_bundle = (len >= 4 && !memcmp(data, KF_BUNDLE_MAGIC, 4)) ||
                    (len >= KF_EXE_TRAILER_SIZE && !memcmp(data + len - 8, KF_EXE_MAGIC, 8)) ||
                    (strlen(path) > 4 && !strcmp(path + strlen(path) - 4, ".kbz"));
    int status = is_bundle ? dump_bundle(path, source) : dump_cache(path, data, len, source);
    free(data);
    return fflush(stdout) != 0 ? 1 : status;
}
