// tests/unit/test_unicode.c: compiler/unicode.c against python3.11. Every
// expected value comes from data/unicode_expect.h, which tools/gen_unicode.py
// computes with python3.11: code point classes and single-character NFKC for
// all of U+0000..U+10FFFF (as per-block hashes), NFKC of pseudo-random
// strings, "\N{...}" lookups, and UTF-8 decoding of systematic byte sequences.
#include "unicode.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "data/unicode_expect.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

// The generator's hash step and pseudo-random generator, word for word.
static uint32_t fnv(uint32_t h, uint32_t v) {
    return (h ^ v) * 16777619u;
}

static uint32_t xorshift(uint32_t x) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
}

#define FNV_INIT 2166136261u

// Hash of NFKC('in'), or 0 with a failed check when kuni_nfkc disagrees with
// itself (quick check, buffer sizes).
static uint32_t nfkc_hash(uint32_t h, const uint32_t *in, size_t n, int *consistent) {
    uint32_t out[256];
    long len = kuni_nfkc(in, n, out, COUNT(out));
    if (len < 0 || (size_t)len > COUNT(out)) {
        *consistent = 0;
        return 0;
    }
    if (kuni_nfkc_quick(in, n) && ((size_t)len != n || memcmp(in, out, n * sizeof *in) != 0)) {
        *consistent = 0;
    }
    h = fnv(h, (uint32_t)len);
    for (long i = 0; i < len; i++) {
        h = fnv(h, out[i]);
    }
    return h;
}

static void test_classes_all(void) {
    int bad_blocks = 0;
    for (uint32_t b = 0; b < COUNT(expect_prop_blocks); b++) {
        uint32_t h = FNV_INIT;
        for (uint32_t cp = b * EXPECT_BLOCK; cp < (b + 1) * EXPECT_BLOCK; cp++) {
            uint32_t v = (uint32_t)kuni_is_xid_start(cp) | (uint32_t)kuni_is_xid_continue(cp) << 1 |
                         (uint32_t)kuni_is_printable(cp) << 2;
            h = fnv(h, v);
        }
        if (h != expect_prop_blocks[b]) {
            fprintf(stderr, "class mismatch in block U+%04X\n", b * EXPECT_BLOCK);
            bad_blocks++;
        }
    }
    CHECK("classes of every code point match python3.11", bad_blocks == 0);
    CHECK("classes past U+10FFFF are empty",
          !kuni_is_xid_start(0x110000) && !kuni_is_xid_continue(0xFFFFFFFF) &&
              !kuni_is_printable(0x110000));
}

static void test_classes_sample(void) {
    char label[96];
    for (size_t i = 0; i < COUNT(expect_class_samples); i++) {
        const struct ExpectClass *e = &expect_class_samples[i];
        snprintf(label, sizeof label, "classes of %s", e->name);
        CHECK(label, kuni_is_xid_start(e->cp) == e->start &&
                         kuni_is_xid_continue(e->cp) == e->cont &&
                         kuni_is_printable(e->cp) == e->printable);
    }
}

static void test_nfkc_all(void) {
    int bad_blocks = 0, consistent = 1;
    for (uint32_t b = 0; b < COUNT(expect_nfkc_blocks); b++) {
        uint32_t h = FNV_INIT;
        for (uint32_t cp = b * EXPECT_BLOCK; cp < (b + 1) * EXPECT_BLOCK; cp++) {
            h = nfkc_hash(h, &cp, 1, &consistent);
        }
        if (h != expect_nfkc_blocks[b]) {
            fprintf(stderr, "NFKC mismatch in block U+%04X\n", b * EXPECT_BLOCK);
            bad_blocks++;
        }
    }
    CHECK("NFKC of every code point matches python3.11", bad_blocks == 0);
    CHECK("quick check agrees with NFKC on every code point", consistent);
}

// Checks the groups of pseudo-random strings drawn from 'pool' against 'expect'.
static void check_nfkc_random(const char *what, const uint32_t *pool, size_t pool_len,
                              const uint32_t *expect, size_t groups) {
    uint32_t x = EXPECT_NFKC_SEED;
    int bad_groups = 0, consistent = 1;
    for (size_t g = 0; g < groups; g++) {
        uint32_t h = FNV_INIT;
        for (int k = 0; k < EXPECT_NFKC_GROUP_SIZE; k++) {
            uint32_t s[8];
            x = xorshift(x);
            uint32_t n = 1 + x % 8;
            for (uint32_t i = 0; i < n; i++) {
                x = xorshift(x);
                s[i] = pool[x % pool_len];
            }
            h = nfkc_hash(h, s, n, &consistent);
        }
        if (h != expect[g]) {
            fprintf(stderr, "NFKC mismatch in %s group %zu\n", what, g);
            bad_groups++;
        }
    }
    char label[96];
    snprintf(label, sizeof label, "NFKC of %s matches python3.11", what);
    CHECK(label, bad_groups == 0);
    snprintf(label, sizeof label, "quick check agrees with NFKC on %s", what);
    CHECK(label, consistent);
}

static void test_nfkc_random(void) {
    check_nfkc_random("random strings", expect_nfkc_pool, COUNT(expect_nfkc_pool),
                      expect_nfkc_random, COUNT(expect_nfkc_random));
    check_nfkc_random("random Hangul", expect_nfkc_pool_hangul, COUNT(expect_nfkc_pool_hangul),
                      expect_nfkc_random_hangul, COUNT(expect_nfkc_random_hangul));
}

static void test_nfkc_samples(void) {
    char label[96];
    for (size_t i = 0; i < COUNT(expect_nfkc_samples); i++) {
        const struct ExpectNfkc *e = &expect_nfkc_samples[i];
        uint32_t out[64];
        long len = kuni_nfkc(e->in, (size_t)e->in_len, out, COUNT(out));
        snprintf(label, sizeof label, "NFKC sample: %s", e->name);
        CHECK(label, len == e->out_len && memcmp(out, e->out, (size_t)len * sizeof *out) == 0);
        // With too small a buffer: the same length back, and the prefix written.
        uint32_t small[2] = {0, 0};
        long len2 = kuni_nfkc(e->in, (size_t)e->in_len, small, 1);
        snprintf(label, sizeof label, "NFKC sample, 1-slot buffer: %s", e->name);
        CHECK(label, len2 == e->out_len && small[0] == e->out[0] && small[1] == 0);
    }
    uint32_t bad[2] = {'a', 0x110000};
    uint32_t out[4];
    CHECK("NFKC rejects a code point past U+10FFFF", kuni_nfkc(bad, 2, out, 4) == -1);
    CHECK("quick check says no past U+10FFFF", !kuni_nfkc_quick(bad, 2));
    CHECK("NFKC of nothing", kuni_nfkc(NULL, 0, NULL, 0) == 0 && kuni_nfkc_quick(NULL, 0));
    uint32_t ascii[5] = {'h', 'e', 'l', 'l', 'o'};
    CHECK("quick check passes ASCII", kuni_nfkc_quick(ascii, 5));
    uint32_t cjk[2] = {0x4E00, 0xAC00};
    CHECK("quick check passes CJK and a Hangul syllable", kuni_nfkc_quick(cjk, 2));
}

// A long run of combining marks takes the counting-sort path and the heap buffer.
static void test_nfkc_long(void) {
    enum { UNIT = COUNT(expect_long_marks) };
    static uint32_t in[1 + UNIT * EXPECT_LONG_REPS], out[1 + UNIT * EXPECT_LONG_REPS];
    in[0] = EXPECT_LONG_BASE;
    for (int r = 0; r < EXPECT_LONG_REPS; r++) {
        memcpy(&in[1 + UNIT * r], expect_long_marks, sizeof expect_long_marks);
    }
    long len = kuni_nfkc(in, COUNT(in), out, COUNT(out));
    uint32_t h = fnv(FNV_INIT, (uint32_t)len);
    for (long i = 0; i < len; i++) {
        h = fnv(h, out[i]);
    }
    CHECK("NFKC of a base and a long run of marks",
          len == EXPECT_LONG_LEN && h == EXPECT_LONG_HASH);
}

static void test_names(void) {
    int bad = 0;
    for (size_t i = 0; i < COUNT(expect_names); i++) {
        const struct ExpectName *e = &expect_names[i];
        uint32_t cp = 0xFFFFFFFF;
        int found = kuni_lookup_name(e->name, (size_t)e->len, &cp);
        int32_t got = found ? (int32_t)cp : -1;
        if (got != e->cp) {
            fprintf(stderr, "\\N{%.*s}: got %d, python3.11 %d\n", e->len, e->name, got, e->cp);
            bad++;
        }
    }
    CHECK("every \\N{...} lookup matches python3.11", bad == 0);

    // Named checks of the kinds above, their values taken from the same table.
    static const struct {
        const char *label, *name;
    } kinds[] = {
        {"name", "LATIN SMALL LETTER A"},       {"lower-case name", "snowman"},
        {"alias", "LINE FEED"},                 {"abbreviation alias", "zwj"},
        {"correction alias", "LATIN CAPITAL LETTER GHA"},
        {"Hangul syllable", "HANGUL SYLLABLE GAGG"},
        {"lower-case Hangul", "hangul syllable a"},
        {"CJK ideograph", "CJK UNIFIED IDEOGRAPH-4E00"},
        {"CJK, 5 digits", "CJK UNIFIED IDEOGRAPH-04E00"},
        {"CJK lower-case hex", "CJK UNIFIED IDEOGRAPH-4e00"},
        {"Unicode 1 name", "LINE FEED (LF)"},   {"unknown", "UNKNOWN CHARACTER NAME"},
        {"Tangut (unnamed in 3.11)", "TANGUT IDEOGRAPH-17000"},
        {"empty", ""},
    };
    char label[96];
    for (size_t k = 0; k < COUNT(kinds); k++) {
        const struct ExpectName *e = NULL;
        for (size_t i = 0; i < COUNT(expect_names) && !e; i++) {
            if (strcmp(expect_names[i].name, kinds[k].name) == 0) {
                e = &expect_names[i];
            }
        }
        uint32_t cp = 0;
        int found = e && kuni_lookup_name(e->name, (size_t)e->len, &cp);
        snprintf(label, sizeof label, "\\N{} %s", kinds[k].label);
        CHECK(label, e && (found ? (int32_t)cp : -1) == e->cp);
    }
}

static void test_utf8(void) {
    int bad = 0;
    for (uint32_t b1 = 0; b1 < 256; b1++) {
        uint32_t h = FNV_INIT;
        for (size_t i2 = 0; i2 < COUNT(expect_utf8_second); i2++) {
            for (size_t i3 = 0; i3 < COUNT(expect_utf8_tail); i3++) {
                for (size_t i4 = 0; i4 < COUNT(expect_utf8_tail); i4++) {
                    char full[4] = {(char)b1, (char)expect_utf8_second[i2],
                                    (char)expect_utf8_tail[i3], (char)expect_utf8_tail[i4]};
                    for (size_t n = 1; n <= 4; n++) {
                        for (int allow = 0; allow <= 1; allow++) {
                            uint32_t cp = 0;
                            int r = kutf8_decode(full, n, &cp, allow);
                            h = fnv(h, r < 0 ? 0xFFFFFFFFu : (uint32_t)r);
                            h = fnv(h, r < 0 ? 0 : cp);
                        }
                    }
                }
            }
        }
        if (h != expect_utf8_lead[b1]) {
            fprintf(stderr, "UTF-8 mismatch for lead byte 0x%02X\n", b1);
            bad++;
        }
    }
    CHECK("UTF-8 decoding of systematic sequences matches python3.11", bad == 0);

    char label[96];
    for (size_t i = 0; i < COUNT(expect_utf8_cases); i++) {
        const struct ExpectUtf8 *e = &expect_utf8_cases[i];
        uint32_t cp = 0;
        int r = kutf8_decode(e->bytes, (size_t)e->len, &cp, 0);
        snprintf(label, sizeof label, "UTF-8 strict: %s", e->name);
        CHECK(label, r == e->strict_len && (r < 0 || cp == e->strict_cp));
        cp = 0;
        r = kutf8_decode(e->bytes, (size_t)e->len, &cp, 1);
        snprintf(label, sizeof label, "UTF-8 surrogatepass: %s", e->name);
        CHECK(label, r == e->pass_len && (r < 0 || cp == e->pass_cp));
    }
    for (size_t i = 0; i < COUNT(expect_counts); i++) {
        snprintf(label, sizeof label, "UTF-8 count #%zu", i);
        CHECK(label, kutf8_count(expect_counts[i].bytes, (size_t)expect_counts[i].len) ==
                         (size_t)expect_counts[i].count);
    }
}

int main(void) {
    test_classes_all();
    test_classes_sample();
    test_nfkc_all();
    test_nfkc_random();
    test_nfkc_samples();
    test_nfkc_long();
    test_names();
    test_utf8();
    return CHECK_DONE();
}
