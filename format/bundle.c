// format/bundle.c: bundle files (FORMAT.md, "Bundles"): validating a
// bundle's header, index and names in place, looking modules up by binary
// search, writing a bundle from cache files reproducibly, and the trailer
// that appends a bundle to an executable. The input is untrusted: every
// field is checked against the bytes it describes before it is used, and
// after kf_bundle_open succeeds the accessors read only checked places.
#include "bundle.h"
#include "format.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>

// Header field offsets.
enum {
    B_MAJOR = 8,
    B_MINOR = 10,
    B_FLAGS = 12,
    B_COUNT = 16,
    B_MAIN = 20,
    B_NAMES_SIZE = 24,
    B_SIZE = 32,
    B_INDEX_SUM = 40,
    B_CONTENTS_SUM = 48,
    B_HEADER_SUM = 56,
};
// Index entry layout.
enum { E_SIZE = 32, E_NAME = 0, E_NAME_LEN = 4, E_FLAGS = 8, E_RESERVED = 12, E_OFFSET = 16,
       E_LEN = 24 };
#define MAGIC_LEN 8
#define KNOWN_FLAGS (KF_BUNDLE_PACKAGE | KF_BUNDLE_NAMESPACE)

static const char *const MESSAGES[KF_ERR_COUNT] = {
    [KF_OK] = "no error",
    [KF_ERR_MAGIC] = "not a krait bundle (bad magic number)",
    [KF_ERR_VERSION] = "made for another version of krait's bundle format",
    [KF_ERR_TRUNCATED] = "truncated bundle",
    [KF_ERR_CHECKSUM] = "bundle checksum mismatch (corrupted file)",
    [KF_ERR_CORRUPT] = "corrupted bundle",
    [KF_ERR_TOO_LARGE] = "bundle too large",
    [KF_ERR_NOMEM] = "out of memory",
    [KF_ERR_INVALID] = "modules break the bundle format's rules",
};

const char *kf_bundle_strerror(KfError err) {
    if ((int)err < 0 || err >= KF_ERR_COUNT) {
        return "unknown bundle format error";
    }
    return MESSAGES[err];
}

static uint64_t align8(uint64_t n) {
    return (n + 7) & ~(uint64_t)7;
}

static int is_zero(const uint8_t *p, uint64_t n) {
    for (uint64_t i = 0; i < n; i++) {
        if (p[i]) {
            return 0;
        }
    }
    return 1;
}

// -1, 0, 1 as the name 'a' ('alen' bytes) sorts before, with, after 'b'.
static int compare_names(const char *a, size_t alen, const char *b, size_t blen) {
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c != 0) {
        return c < 0 ? -1 : 1;
    }
    return alen < blen ? -1 : alen > blen;
}

// 1 when the 'len' bytes at 's' are a dotted name: UTF-8 parts, none empty.
static int is_dotted_name(const char *s, size_t len) {
    if (len == 0 || s[0] == '.' || s[len - 1] == '.' || memchr(s, 0, len)) {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if (s[i] == '.' && s[i - 1] == '.') {
            return 0;
        }
    }
    // UTF-8: the cache format's rule, minus surrogates (names are identifiers).
    const uint8_t *u = (const uint8_t *)s;
    for (size_t i = 0; i < len;) {
        size_t more = u[i] < 0x80 ? 0 : u[i] >= 0xC2 && u[i] <= 0xDF ? 1
                                     : u[i] >= 0xE0 && u[i] <= 0xEF ? 2
                                     : u[i] >= 0xF0 && u[i] <= 0xF4 ? 3 : 9;
        if (more == 9 || len - i - 1 < more) {
            return 0;
        }
        for (size_t k = 1; k <= more; k++) {
            if ((u[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        if ((u[i] == 0xE0 && u[i + 1] < 0xA0) || (u[i] == 0xF0 && u[i + 1] < 0x90) ||
            (u[i] == 0xF4 && u[i + 1] > 0x8F)) {
            return 0;
        }
        i += more + 1;
    }
    return 1;
}

// ---------------------------------------------------------------------------
// Reading

void kf_bundle_entry(const KfBundle *b, uint32_t index, KfBundleEntry *out) {
    const uint8_t *e = b->data + KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * index;
    const uint8_t *names = b->data + KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * b->count;
    out->name = (const char *)names + klayout_get32(e + E_NAME);
    out->name_len = klayout_get32(e + E_NAME_LEN);
    out->flags = (int)klayout_get32(e + E_FLAGS);
    out->member_offset = klayout_get64(e + E_OFFSET);
    out->member_len = (size_t)klayout_get64(e + E_LEN);
    out->member = out->flags & KF_BUNDLE_NAMESPACE ? NULL : b->data + out->member_offset;
}

long kf_bundle_find(const KfBundle *b, const char *name, size_t len) {
    uint32_t lo = 0, hi = b->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        KfBundleEntry e;
        kf_bundle_entry(b, mid, &e);
        int c = compare_names(e.name, e.name_len, name, len);
        if (c == 0) {
            return (long)mid;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return -1;
}

// Checks the header; fills the sizes of 'b'.
static KfError check_header(const uint8_t *data, size_t len, KfBundle *b, const char **why) {
    size_t magic_len = len < MAGIC_LEN ? len : MAGIC_LEN;
    *why = "bundle header";
    if (magic_len > 0 && memcmp(data, KF_BUNDLE_MAGIC, magic_len) != 0) {
        return KF_ERR_MAGIC;
    }
    if (len < B_MINOR + 2) {
        return KF_ERR_TRUNCATED;
    }
    b->major = klayout_get16(data + B_MAJOR);
    b->minor = klayout_get16(data + B_MINOR);
    if (b->major != KF_BUNDLE_VERSION_MAJOR) {
        return KF_ERR_VERSION;
    }
    if (len < KF_BUNDLE_HEADER_SIZE) {
        return KF_ERR_TRUNCATED;
    }
    if (klayout_get64(data + B_HEADER_SUM) != klayout_hash(data, B_HEADER_SUM)) {
        *why = "header checksum";
        return KF_ERR_CHECKSUM;
    }
    if (klayout_get32(data + B_FLAGS) != 0) {
        *why = "unknown header flags";
        return KF_ERR_VERSION;
    }
    b->count = klayout_get32(data + B_COUNT);
    b->main = klayout_get32(data + B_MAIN);
    b->names_size = klayout_get64(data + B_NAMES_SIZE);
    uint64_t size = klayout_get64(data + B_SIZE);
    b->index_checksum = klayout_get64(data + B_INDEX_SUM);
    b->contents_checksum = klayout_get64(data + B_CONTENTS_SUM);
    if (size > len) {
        *why = "bundle shorter than its header says";
        return KF_ERR_TRUNCATED;
    }
    if (size < len) {
        *why = "bytes after the bundle";
        return KF_ERR_CORRUPT;
    }
    uint64_t index_end = KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * b->count;
    if (b->names_size > size || index_end > size - b->names_size ||
        b->names_size < b->count || (b->main && b->main > b->count)) {
        *why = "index larger than the bundle";
        return KF_ERR_CORRUPT;
    }
    b->members_start = align8(index_end + b->names_size);
    if (b->members_start > size || size % 8 != 0) {
        *why = "index larger than the bundle";
        return KF_ERR_CORRUPT;
    }
    if (klayout_get64(data + B_INDEX_SUM) !=
        klayout_hash(data + KF_BUNDLE_HEADER_SIZE, index_end - KF_BUNDLE_HEADER_SIZE + b->names_size)) {
        *why = "index checksum";
        return KF_ERR_CHECKSUM;
    }
    return KF_OK;
}

// Checks entry 'i' against its predecessor; '*name_at' and '*member_at' are
// where its name and member must start. Returns NULL or the broken rule.
static const char *check_entry(const KfBundle *b, uint32_t i, uint64_t *name_at,
                               uint64_t *member_at) {
    const uint8_t *e = b->data + KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * i;
    const uint8_t *names = b->data + KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * b->count;
    uint64_t name = klayout_get32(e + E_NAME), name_len = klayout_get32(e + E_NAME_LEN);
    uint32_t flags = klayout_get32(e + E_FLAGS);
    uint64_t off = klayout_get64(e + E_OFFSET), len = klayout_get64(e + E_LEN);
    if (name != *name_at || name_len >= b->names_size - name || names[name + name_len] != 0 ||
        !is_dotted_name((const char *)names + name, (size_t)name_len)) {
        return "bad module name";
    }
    *name_at = name + name_len + 1;
    if ((flags & ~(uint32_t)KNOWN_FLAGS) || flags == KNOWN_FLAGS || klayout_get32(e + E_RESERVED)) {
        return "bad entry flags";
    }
    if (flags & KF_BUNDLE_NAMESPACE) {
        return off || len ? "a namespace package with a member" : NULL;
    }
    if (off != *member_at || off > b->len || len > b->len - off || len < KF_HEADER_SIZE) {
        return "members out of place";
    }
    *member_at = align8(off + len);
    if (*member_at > b->len || !is_zero(b->data + off + len, *member_at - off - len)) {
        return "members out of place";
    }
    return NULL;
}

// Checks order, uniqueness and parents of the names, and the main entry.
static const char *check_names(const KfBundle *b) {
    KfBundleEntry prev = {0}, e;
    for (uint32_t i = 0; i < b->count; i++) {
        kf_bundle_entry(b, i, &e);
        if (i > 0 && compare_names(prev.name, prev.name_len, e.name, e.name_len) >= 0) {
            return "names not sorted";
        }
        const char *dot = memrchr(e.name, '.', e.name_len);
        if (dot) {
            long p = kf_bundle_find(b, e.name, (size_t)(dot - e.name));
            KfBundleEntry parent;
            if (p < 0 || (kf_bundle_entry(b, (uint32_t)p, &parent), parent.flags == 0)) {
                return "a module without its parent package";
            }
        }
        prev = e;
    }
    if (b->main) {
        kf_bundle_entry(b, b->main - 1, &e);
        if (e.flags & KF_BUNDLE_NAMESPACE) {
            return "the main entry has no code";
        }
    }
    return NULL;
}

KfError kf_bundle_open(const uint8_t *data, size_t len, KfBundle *b, const char **detail) {
    const char *why = NULL;
    memset(b, 0, sizeof *b);
    KfError err = check_header(data, len, b, &why);
    if (err == KF_OK) {
        why = NULL;
        b->data = data;
        b->len = len;
        const uint8_t *names = data + KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * b->count;
        uint64_t name_at = 0, member_at = b->members_start;
        for (uint32_t i = 0; i < b->count && !why; i++) {
            why = check_entry(b, i, &name_at, &member_at);
        }
        if (!why && (name_at != b->names_size ||
                     !is_zero(names + b->names_size, b->members_start -
                                                         (KF_BUNDLE_HEADER_SIZE +
                                                          (uint64_t)E_SIZE * b->count +
                                                          b->names_size)))) {
            why = "bad name table size";
        }
        if (!why && member_at != len) {
            why = "bytes after the last member";
        }
        if (!why) {
            why = check_names(b);
        }
        err = why ? KF_ERR_CORRUPT : KF_OK;
    }
    if (err != KF_OK) {
        memset(b, 0, sizeof *b);
    }
    if (detail) {
        *detail = err == KF_OK ? NULL : why;
    }
    return err;
}

KfError kf_bundle_check_contents(const KfBundle *b) {
    uint64_t sum = klayout_hash(b->data + b->members_start, b->len - b->members_start);
    return sum == b->contents_checksum ? KF_OK : KF_ERR_CHECKSUM;
}

// ---------------------------------------------------------------------------
// Writing

static int by_name(const void *a, const void *b) {
    const KfBundleMember *x = *(const KfBundleMember *const *)a;
    const KfBundleMember *y = *(const KfBundleMember *const *)b;
    return compare_names(x->name, strlen(x->name), y->name, strlen(y->name));
}

// Sorts pointers to the members into '*sorted' and checks the rules.
static const char *sort_members(const KfBundleMember *m, size_t n, const KfBundleMember ***sorted) {
    const KfBundleMember **s = calloc(n ? n : 1, sizeof *s);
    if (!s) {
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        s[i] = &m[i];
    }
    qsort(s, n, sizeof *s, by_name);
    *sorted = s;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(s[i]->name);
        if (!is_dotted_name(s[i]->name, len) || (s[i]->flags & ~KNOWN_FLAGS) ||
            s[i]->flags == KNOWN_FLAGS ||
            ((s[i]->flags & KF_BUNDLE_NAMESPACE) ? s[i]->len != 0 : s[i]->len < KF_HEADER_SIZE)) {
            return "a member with a bad name, flags or size";
        }
        if (i > 0 && by_name(&s[i - 1], &s[i]) == 0) {
            return "two modules with the same name";
        }
    }
    return "";
}

KfError kf_bundle_write(const KfBundleMember *members, size_t n, const char *main, uint8_t **out,
                        size_t *out_len, const char **detail) {
    *out = NULL;
    *out_len = 0;
    const KfBundleMember **s = NULL;
    const char *why = n > UINT32_MAX / E_SIZE ? "too many modules" : sort_members(members, n, &s);
    if (!why || *why) {
        free(s);
        if (detail) {
            *detail = why ? why : "out of memory";
        }
        return why ? KF_ERR_INVALID : KF_ERR_NOMEM;
    }
    uint64_t names_size = 0, main_index = 0;
    for (size_t i = 0; i < n; i++) {
        names_size += strlen(s[i]->name) + 1;
        if (main && !strcmp(main, s[i]->name)) {
            main_index = i + 1;
        }
    }
    uint64_t index_end = KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * n;
    uint64_t members_start = align8(index_end + names_size), size = members_start;
    for (size_t i = 0; i < n; i++) {
        size = align8(size + s[i]->len);
    }
    uint8_t *p = size <= SIZE_MAX ? calloc(1, (size_t)size) : NULL;
    if (!p) {
        free(s);
        if (detail) {
            *detail = "out of memory";
        }
        return KF_ERR_NOMEM;
    }
    uint64_t name_at = 0, member_at = members_start;
    for (size_t i = 0; i < n; i++) {
        uint8_t *e = p + KF_BUNDLE_HEADER_SIZE + (uint64_t)E_SIZE * i;
        size_t len = strlen(s[i]->name);
        memcpy(p + index_end + name_at, s[i]->name, len);
        klayout_put32(e + E_NAME, (uint32_t)name_at);
        klayout_put32(e + E_NAME_LEN, (uint32_t)len);
        klayout_put32(e + E_FLAGS, (uint32_t)s[i]->flags);
        name_at += len + 1;
        if (s[i]->flags & KF_BUNDLE_NAMESPACE) {
            continue;
        }
        memcpy(p + member_at, s[i]->bytes, s[i]->len);
        klayout_put64(e + E_OFFSET, member_at);
        klayout_put64(e + E_LEN, s[i]->len);
        member_at = align8(member_at + s[i]->len);
    }
    free(s);
    memcpy(p, KF_BUNDLE_MAGIC, MAGIC_LEN);
    klayout_put16(p + B_MAJOR, KF_BUNDLE_VERSION_MAJOR);
    klayout_put16(p + B_MINOR, KF_BUNDLE_VERSION_MINOR);
    klayout_put32(p + B_COUNT, (uint32_t)n);
    klayout_put32(p + B_MAIN, (uint32_t)main_index);
    klayout_put64(p + B_NAMES_SIZE, names_size);
    klayout_put64(p + B_SIZE, size);
    klayout_put64(p + B_INDEX_SUM, klayout_hash(p + KF_BUNDLE_HEADER_SIZE,
                                                index_end - KF_BUNDLE_HEADER_SIZE + names_size));
    klayout_put64(p + B_CONTENTS_SUM, klayout_hash(p + members_start, size - members_start));
    klayout_put64(p + B_HEADER_SUM, klayout_hash(p, B_HEADER_SUM));
    // Read it back: a writer bug must not produce a bundle the reader refuses.
    KfBundle b;
    KfError err = KF_OK;
    if (main && !main_index) {
        err = KF_ERR_INVALID;
        why = "the main module is not in the bundle";
    } else {
        err = kf_bundle_open(p, (size_t)size, &b, &why);
    }
    if (err != KF_OK) {
        free(p);
        if (detail) {
            *detail = why;
        }
        return err == KF_ERR_CORRUPT ? KF_ERR_INVALID : err;
    }
    *out = p;
    *out_len = (size_t)size;
    return KF_OK;
}

// ---------------------------------------------------------------------------
// Executables

void kf_exe_trailer_write(uint8_t *out, uint64_t offset, uint64_t size) {
    klayout_put64(out, offset);
    klayout_put64(out + 8, size);
    memcpy(out + 16, KF_EXE_MAGIC, MAGIC_LEN);
}

int kf_exe_trailer_read(const uint8_t *tail, uint64_t file_len, uint64_t *offset,
                        uint64_t *size) {
    if (file_len < KF_EXE_TRAILER_SIZE || memcmp(tail + 16, KF_EXE_MAGIC, MAGIC_LEN) != 0) {
        return 0;
    }
    *offset = klayout_get64(tail);
    *size = klayout_get64(tail + 8);
    uint64_t end = file_len - KF_EXE_TRAILER_SIZE;
    if (*offset % KF_EXE_ALIGN != 0 || *offset > end || *size != end - *offset) {
        return -1;
    }
    return 1;
}
