// tests/fuzz/fuzz_bundle.c: libFuzzer target for the bundle reader (a .kbz
// or an executable's appended bundle is untrusted input). Each input is
// opened twice: as it is, and "sealed": when it starts with the bundle
// magic, its bundle size, index checksum and header checksum are recomputed
// so that mutations reach the index and name checks. An opened bundle is
// walked: every entry looked up by name, every member read as a cache file,
// the contents checksum checked; the input's last 24 bytes are also read as
// an executable trailer. Nothing may crash, hang or leak. Seeds:
// tests/fuzz/corpus/bundle/ (bundles written by kraitc --bundle).
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "format/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Bundle header offsets of FORMAT.md.
enum { COUNT = 16, NAMES_SIZE = 24, SIZE = 32, INDEX_SUM = 40, HEADER_SUM = 56 };

static void put64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

static uint64_t get64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = v << 8 | p[i];
    }
    return v;
}

static void open_once(const uint8_t *data, size_t size) {
    KfBundle b;
    if (kf_bundle_open(data, size, &b, NULL) != KF_OK) {
        return;
    }
    volatile uint64_t sink = kf_bundle_check_contents(&b);
    for (uint32_t i = 0; i < b.count; i++) {
        KfBundleEntry e;
        kf_bundle_entry(&b, i, &e);
        if (kf_bundle_find(&b, e.name, e.name_len) != (long)i) {
            abort(); // a sound index finds each of its names where it is
        }
        sink += e.name[e.name_len];
        if (e.member) {
            const KfCode *code = NULL;
            if (kf_read(e.member, e.member_len, NULL, &code, NULL) == KF_OK) {
                sink += (uint64_t)code->ncode;
            }
            kf_free(code);
        }
    }
    (void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    open_once(data, size);
    if (size >= KF_EXE_TRAILER_SIZE) {
        uint64_t off = 0, len = 0;
        if (kf_exe_trailer_read(data + size - KF_EXE_TRAILER_SIZE, size, &off, &len) > 0) {
            open_once(data + off, (size_t)len);
        }
    }
    if (size < KF_BUNDLE_HEADER_SIZE || memcmp(data, KF_BUNDLE_MAGIC, 8) != 0) {
        return 0;
    }
    uint8_t *copy = malloc(size);
    if (!copy) {
        return 0;
    }
    memcpy(copy, data, size);
    put64(copy + SIZE, size);
    uint64_t count = get64(copy + COUNT) & 0xFFFFFFFF, names = get64(copy + NAMES_SIZE);
    uint64_t index_end = KF_BUNDLE_HEADER_SIZE + 32 * count;
    if (index_end <= size && names <= size - index_end) {
        put64(copy + INDEX_SUM,
              XXH3_64bits(copy + KF_BUNDLE_HEADER_SIZE, index_end - KF_BUNDLE_HEADER_SIZE + names));
    }
    put64(copy + HEADER_SUM, XXH3_64bits(copy, HEADER_SUM));
    open_once(copy, size);
    free(copy);
    return 0;
}
