// tests/unit/test_bundle.c: bundle files (format/bundle.c) against
// FORMAT.md "Bundles": a round trip (every name found, members byte for
// byte, main, checksums), reproducibility whatever the members' order, the
// writer's rules, every truncation refused, every bit flip of the header,
// index and names refused, a flip in a member caught by its own checksum
// and the contents checksum, sealed structural mutations refused as
// corrupt, and the executable trailer.
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "format/format.h"

// FORMAT.md's bundle header offsets.
enum { H_COUNT = 16, H_MAIN = 20, H_NAMES = 24, H_SIZE = 32, H_INDEX_SUM = 40, H_HEADER_SUM = 56 };
enum { INDEX = 64, ENTRY = 32 };

static void put32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static void put64(uint8_t *p, uint64_t v) {
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

static uint64_t get64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

// A one-instruction module whose first line is 'line' (so members differ).
static uint8_t *member(int line, size_t *len) {
    static const uint32_t code[] = {KF_INSTR(KF_OP_NOP, 0)};
    static const KfPosition pos[] = {{1, 1, 0, 1}};
    KfCode m;
    memset(&m, 0, sizeof m);
    m.name = "<module>";
    m.qualname = "<module>";
    m.filename = "m.py";
    m.firstlineno = line;
    m.code = code;
    m.positions = pos;
    m.ncode = 1;
    KfWriteInfo info;
    memset(&info, 0, sizeof info);
    info.invalidation = KF_INVALIDATE_UNCHECKED_HASH;
    info.is_sourceless = 1;
    uint8_t *bytes = NULL;
    if (kf_write(&m, &info, &bytes, len, NULL) != KF_OK) {
        return NULL;
    }
    return bytes;
}

#define NMEMBERS 6
static const char *const NAMES[NMEMBERS] = {"b", "b.c", "a", "b.ns", "b.ns.d", "__main__"};
static const int FLAGS[NMEMBERS] = {KF_BUNDLE_PACKAGE, 0, 0, KF_BUNDLE_NAMESPACE, 0, 0};
static KfBundleMember members[NMEMBERS];

static void make_members(void) {
    for (int i = 0; i < NMEMBERS; i++) {
        members[i].name = NAMES[i];
        members[i].flags = FLAGS[i];
        if (!(FLAGS[i] & KF_BUNDLE_NAMESPACE)) {
            members[i].bytes = member(i + 1, &members[i].len);
        }
    }
}

static uint8_t *write_sample(size_t *len) {
    uint8_t *out = NULL;
    const char *detail = NULL;
    KfError err = kf_bundle_write(members, NMEMBERS, "__main__", &out, len, &detail);
    CHECK("the sample bundle is written", err == KF_OK && out);
    return out;
}

static void test_round_trip(void) {
    size_t len = 0;
    uint8_t *data = write_sample(&len);
    KfBundle b;
    CHECK("round trip: opens", data && kf_bundle_open(data, len, &b, NULL) == KF_OK);
    if (!data) {
        return;
    }
    CHECK("round trip: count", b.count == NMEMBERS);
    CHECK("round trip: size multiple of 8", len % 8 == 0);
    CHECK("round trip: contents checksum", kf_bundle_check_contents(&b) == KF_OK);
    KfBundleEntry prev = {0}, e;
    for (uint32_t i = 0; i < b.count; i++) {
        kf_bundle_entry(&b, i, &e);
        CHECK("round trip: sorted", i == 0 || strcmp(prev.name, e.name) < 0);
        CHECK("round trip: names end with 0", e.name[e.name_len] == 0);
        prev = e;
    }
    for (int i = 0; i < NMEMBERS; i++) {
        long at = kf_bundle_find(&b, NAMES[i], strlen(NAMES[i]));
        CHECK("round trip: every name found", at >= 0);
        if (at < 0) {
            continue;
        }
        kf_bundle_entry(&b, (uint32_t)at, &e);
        CHECK("round trip: flags", e.flags == FLAGS[i]);
        CHECK("round trip: member bytes",
              (FLAGS[i] & KF_BUNDLE_NAMESPACE)
                  ? e.member == NULL && e.member_len == 0
                  : e.member_len == members[i].len &&
                        !memcmp(e.member, members[i].bytes, e.member_len) &&
                        e.member_offset % 8 == 0);
    }
    const char *missing[] = {"", "b.", "zz", "a.x", "b.n", "__main__x", "B"};
    for (size_t i = 0; i < sizeof missing / sizeof *missing; i++) {
        CHECK("round trip: missing names not found",
              kf_bundle_find(&b, missing[i], strlen(missing[i])) < 0);
    }
    CHECK("round trip: main", b.main > 0);
    if (b.main) {
        kf_bundle_entry(&b, b.main - 1, &e);
        CHECK("round trip: main is __main__", !strcmp(e.name, "__main__"));
    }
    // Reproducible: reversed input order, the same bytes.
    KfBundleMember rev[NMEMBERS];
    for (int i = 0; i < NMEMBERS; i++) {
        rev[i] = members[NMEMBERS - 1 - i];
    }
    uint8_t *again = NULL;
    size_t again_len = 0;
    CHECK("reproducible: written",
          kf_bundle_write(rev, NMEMBERS, "__main__", &again, &again_len, NULL) == KF_OK);
    CHECK("reproducible: same bytes", again && again_len == len && !memcmp(again, data, len));
    free(again);
    free(data);
}

// Writes members 'm' ('n' of them) with 'main'; returns the result.
static KfError try_write(const KfBundleMember *m, size_t n, const char *main) {
    uint8_t *out = NULL;
    size_t len = 0;
    KfError err = kf_bundle_write(m, n, main, &out, &len, NULL);
    free(out);
    return err;
}

static void test_writer_rules(void) {
    KfBundleMember m[3] = {members[2], members[2], members[0]}; // a, a, b
    CHECK("writer: duplicate names", try_write(m, 2, NULL) == KF_ERR_INVALID);
    m[1].name = "x.y";
    CHECK("writer: no parent", try_write(m, 2, NULL) == KF_ERR_INVALID);
    m[1].name = "a.y";
    CHECK("writer: a module as parent", try_write(m, 2, NULL) == KF_ERR_INVALID);
    m[1].name = "b.y";
    CHECK("writer: a package as parent", try_write(m, 3, NULL) == KF_OK);
    const char *bad[] = {"", ".a", "a.", "a..b", "\xff"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        m[1].name = bad[i];
        CHECK("writer: bad names", try_write(m, 2, NULL) == KF_ERR_INVALID);
    }
    m[1].name = "c";
    CHECK("writer: unknown main", try_write(m, 2, "nosuch") == KF_ERR_INVALID);
    KfBundleMember ns[2] = {members[0], members[3]}; // b, b.ns
    CHECK("writer: namespace main", try_write(ns, 2, "b.ns") == KF_ERR_INVALID);
    ns[1].bytes = members[2].bytes;
    ns[1].len = members[2].len;
    CHECK("writer: namespace with a member", try_write(ns, 2, NULL) == KF_ERR_INVALID);
    m[1].flags = KF_BUNDLE_PACKAGE | KF_BUNDLE_NAMESPACE;
    CHECK("writer: both flags", try_write(m, 2, NULL) == KF_ERR_INVALID);
    CHECK("writer: empty bundle", try_write(m, 0, NULL) == KF_OK);
}

static void test_truncations_and_flips(void) {
    size_t len = 0;
    uint8_t *data = write_sample(&len);
    if (!data) {
        return;
    }
    KfBundle b;
    int all_refused = 1;
    for (size_t n = 0; n < len; n++) {
        uint8_t *cut = malloc(n ? n : 1);
        memcpy(cut, data, n);
        KfError err = kf_bundle_open(cut, n, &b, NULL);
        all_refused &= err == KF_ERR_TRUNCATED || (n > 0 && n < 8 && err == KF_ERR_MAGIC);
        free(cut);
    }
    CHECK("every truncation is refused as truncated", all_refused);
    kf_bundle_open(data, len, &b, NULL);
    uint64_t members_start = b.members_start;
    int head_refused = 1, members_caught = 1;
    for (size_t bit = 0; bit < 8 * len; bit++) {
        data[bit / 8] ^= (uint8_t)(1 << (bit % 8));
        KfError err = kf_bundle_open(data, len, &b, NULL);
        if (bit / 8 < members_start) {
            head_refused &= err != KF_OK;
        } else if (err != KF_OK || kf_bundle_check_contents(&b) != KF_ERR_CHECKSUM) {
            members_caught = 0;
        } else {
            // The flipped member is refused by its own checksums.
            int refused = 0;
            for (uint32_t i = 0; i < b.count; i++) {
                KfBundleEntry e;
                kf_bundle_entry(&b, i, &e);
                const KfCode *code = NULL;
                if (e.member && kf_read(e.member, e.member_len, NULL, &code, NULL) != KF_OK) {
                    refused++;
                }
                kf_free(code);
            }
            int in_padding = 1;
            for (uint32_t i = 0; i < b.count; i++) {
                KfBundleEntry e;
                kf_bundle_entry(&b, i, &e);
                if (e.member && bit / 8 >= e.member_offset &&
                    bit / 8 < e.member_offset + e.member_len) {
                    in_padding = 0;
                }
            }
            members_caught &= in_padding ? 0 : refused == 1;
        }
        data[bit / 8] ^= (uint8_t)(1 << (bit % 8));
    }
    CHECK("every bit flip in header, index and names is refused", head_refused);
    CHECK("a bit flip in a member: contents checksum and that member refused", members_caught);
    free(data);
}

// Recomputes the index and header checksums of 'data' after a mutation.
static void reseal(uint8_t *data, size_t len) {
    uint64_t count = get64(data + H_COUNT) & 0xFFFFFFFF, names = get64(data + H_NAMES);
    if (INDEX + ENTRY * count + names <= len) {
        put64(data + H_INDEX_SUM, XXH3_64bits(data + INDEX, ENTRY * count + names));
    }
    put64(data + H_HEADER_SUM, XXH3_64bits(data, H_HEADER_SUM));
}

static KfError mutated(const uint8_t *data, size_t len, size_t at, uint32_t value) {
    uint8_t *copy = malloc(len);
    memcpy(copy, data, len);
    put32(copy + at, value);
    reseal(copy, len);
    KfBundle b;
    KfError err = kf_bundle_open(copy, len, &b, NULL);
    free(copy);
    return err;
}

static void test_sealed_mutations(void) {
    size_t len = 0;
    uint8_t *data = write_sample(&len);
    if (!data) {
        return;
    }
    // Entries, sorted: __main__, a, b, b.c, b.ns, b.ns.d.
    size_t e1 = INDEX + ENTRY, e4 = INDEX + 4 * ENTRY;
    CHECK("sealed: a name out of order", mutated(data, len, e1 + 4, 0) == KF_ERR_CORRUPT);
    CHECK("sealed: unknown entry flag", mutated(data, len, e1 + 8, 4) == KF_ERR_CORRUPT);
    CHECK("sealed: both package flags", mutated(data, len, e1 + 8, 3) == KF_ERR_CORRUPT);
    CHECK("sealed: reserved field", mutated(data, len, e1 + 12, 1) == KF_ERR_CORRUPT);
    CHECK("sealed: member misplaced", mutated(data, len, e1 + 16, 8) == KF_ERR_CORRUPT);
    CHECK("sealed: member too long", mutated(data, len, e1 + 24, 1 << 20) == KF_ERR_CORRUPT);
    CHECK("sealed: a namespace with a member", mutated(data, len, e4 + 24, 8) == KF_ERR_CORRUPT);
    CHECK("sealed: a package becomes a module (b.c loses its parent)",
          mutated(data, len, INDEX + 2 * ENTRY + 8, 0) == KF_ERR_CORRUPT);
    CHECK("sealed: main past the entries", mutated(data, len, H_MAIN, 99) == KF_ERR_CORRUPT);
    CHECK("sealed: main a namespace", mutated(data, len, H_MAIN, 5) == KF_ERR_CORRUPT);
    CHECK("sealed: header flags", mutated(data, len, 12, 1) == KF_ERR_VERSION);
    CHECK("sealed: major version", mutated(data, len, 8, 2) == KF_ERR_VERSION);
    CHECK("sealed: bundle size too large", mutated(data, len, H_SIZE, (uint32_t)len + 8) ==
                                               KF_ERR_TRUNCATED);
    CHECK("sealed: bundle size too small", mutated(data, len, H_SIZE, (uint32_t)len - 8) ==
                                               KF_ERR_CORRUPT);
    CHECK("sealed: entry count past the file", mutated(data, len, H_COUNT, 1u << 30) ==
                                                   KF_ERR_CORRUPT);
    uint8_t *longer = calloc(1, len + 8);
    memcpy(longer, data, len);
    KfBundle b;
    CHECK("bytes after the bundle", kf_bundle_open(longer, len + 8, &b, NULL) == KF_ERR_CORRUPT);
    free(longer);
    CHECK("not a bundle", kf_bundle_open((const uint8_t *)"\xCBKRT\r\n\x1A\nxxxx", 12, &b, NULL) ==
                              KF_ERR_MAGIC);
    free(data);
}

static void test_trailer(void) {
    uint8_t file[3 * KF_EXE_ALIGN];
    memset(file, 0, sizeof file);
    uint64_t off = 0, size = 0;
    size_t end = KF_EXE_ALIGN + 512;
    kf_exe_trailer_write(file + end, KF_EXE_ALIGN, 512);
    size_t flen = end + KF_EXE_TRAILER_SIZE;
    CHECK("trailer: read back", kf_exe_trailer_read(file + end, flen, &off, &size) == 1 &&
                                    off == KF_EXE_ALIGN && size == 512);
    kf_exe_trailer_write(file + end, KF_EXE_ALIGN + 8, 504);
    CHECK("trailer: unaligned offset", kf_exe_trailer_read(file + end, flen, &off, &size) == -1);
    kf_exe_trailer_write(file + end, KF_EXE_ALIGN, 500);
    CHECK("trailer: size mismatch", kf_exe_trailer_read(file + end, flen, &off, &size) == -1);
    kf_exe_trailer_write(file + end, 3 * KF_EXE_ALIGN, 0);
    CHECK("trailer: offset past the end", kf_exe_trailer_read(file + end, flen, &off, &size) == -1);
    memset(file + end, 0, KF_EXE_TRAILER_SIZE);
    CHECK("trailer: none", kf_exe_trailer_read(file + end, flen, &off, &size) == 0);
    CHECK("trailer: short file", kf_exe_trailer_read(file, 8, &off, &size) == 0);
}

int main(void) {
    make_members();
    test_round_trip();
    test_writer_rules();
    test_truncations_and_flips();
    test_sealed_mutations();
    test_trailer();
    for (int i = 0; i < NMEMBERS; i++) {
        free((uint8_t *)members[i].bytes);
    }
    return CHECK_DONE();
}
