// tests/fuzz/fuzz_reader.c: libFuzzer target for the cache reader (bytes from
// disk are untrusted). Each input is read twice: as it is, and "sealed": when
// it starts with the magic, its header is given this build's instruction-set
// fingerprint, the payload size of the input and both checksums recomputed,
// so that mutations reach the structure checks instead of stopping at a
// checksum. A successful read is walked to the last byte and run through
// the verifier (kf_verify), which must accept or refuse any tree the reader
// accepts without crashing; every record is also read through the lazy
// reader the runtime uses in place. Nothing may crash, hang or leak. Seeds: `build/tests/test_format --write-seeds DIR` writes
// sample caches (tests/fuzz/corpus/reader/ holds them).
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "format/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Header offsets of FORMAT.md.
enum { ISA = 16, PAYLOAD_SIZE = 48, PAYLOAD_SUM = 64, HEADER_SUM = 72 };

static void put64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

// This build's fingerprint, from the header of a file kf_write makes.
static int current_isa(uint8_t out[8]) {
    static const uint32_t code[] = {KF_INSTR(KF_OP_NOP, 0)};
    KfCode m;
    memset(&m, 0, sizeof m);
    m.name = m.qualname = m.filename = "";
    m.code = code;
    m.ncode = 1;
    KfWriteInfo info;
    memset(&info, 0, sizeof info);
    uint8_t *bytes = NULL;
    size_t len = 0;
    if (kf_write(&m, &info, &bytes, &len, NULL) != KF_OK) {
        return -1;
    }
    memcpy(out, bytes + ISA, 8);
    free(bytes);
    return 0;
}

static uint64_t walk(const KfCode *c) {
    uint64_t h = strlen(c->name) + strlen(c->qualname) + strlen(c->filename);
    for (int i = 0; i < c->ncode; i++) {
        h += c->code[i] + (uint64_t)c->positions[i].end_col;
    }
    for (int i = 0; i < c->nnames; i++) {
        h += strlen(c->names[i]);
    }
    for (int i = 0; i < c->nlocalsplus; i++) {
        h += strlen(c->localsplus[i]) + c->localspluskinds[i];
    }
    for (int i = 0; i < c->nexceptions; i++) {
        h += (uint64_t)c->exceptions[i].depth;
    }
    for (int i = 0; i < c->nconsts; i++) {
        const KfConst *k = &c->consts[i];
        h += k->len + (k->str ? (uint8_t)k->str[k->len] : 0);
        for (int j = 0; j < k->count; j++) {
            h += (uint64_t)k->items[j].kind;
        }
        if (k->code) {
            h += walk(k->code);
        }
    }
    return h;
}

// Reads every record of the file through the lazy reader (format.h, "Lazy
// reading"), as the runtime does when it uses a cache in place: each call
// must accept or refuse without reading out of bounds, whatever the file.
static void read_lazily(const uint8_t *data, size_t size) {
    KfHeader h;
    const uint8_t *payload;
    uint8_t *inflated = NULL;
    KfImage img;
    if (kf_check_file(data, size, &h) != KF_OK ||
        kf_raw_payload(data, &h, &payload, &inflated) != KF_OK ||
        kf_image_open(&img, payload, (size_t)h.payload_raw_size, NULL) != KF_OK) {
        free(inflated);
        return;
    }
    volatile uint64_t sink = 0;
    for (uint32_t i = 0; i < img.count[KF_IMAGE_CODES]; i++) {
        KfImageCode c;
        if (kf_image_code(&img, i, &c, NULL) != KF_OK) {
            continue;
        }
        uint32_t *words = malloc((size_t)c.ncode * 4 + 4);
        KfPosition *pos = malloc((size_t)c.ncode * sizeof *pos + 1);
        KfExceptEntry *exc = malloc((size_t)c.nexceptions * sizeof *exc + 1);
        if (words && pos && exc && kf_image_instructions(&img, &c, words, NULL) == KF_OK &&
            kf_image_positions(&img, &c, pos, NULL) == KF_OK &&
            kf_image_exceptions(&img, &c, exc, NULL) == KF_OK) {
            for (int k = 0; k < c.ncode; k++) {
                sink += words[k] + (uint64_t)pos[k].end_col + (c.code ? c.code[k] : 0);
            }
        }
        for (int k = 0; k < c.nlocalsplus; k++) {
            sink += c.kinds[k];
        }
        for (int k = 0; k < c.nnames + c.nlocalsplus; k++) {
            uint32_t str;
            const char *s;
            size_t len;
            if (kf_image_nameref(&img, &c, k, &str, NULL) == KF_OK &&
                kf_image_string(&img, str, KF_STR_NAME, &s, &len, NULL) == KF_OK) {
                sink += len + (uint8_t)s[len];
            }
        }
        free(words);
        free(pos);
        free(exc);
    }
    for (uint32_t i = 0; i < img.count[KF_IMAGE_CONSTS]; i++) {
        KfConst k;
        uint32_t ref;
        const char *s;
        size_t len;
        if (kf_image_const(&img, i, &k, &ref, NULL) == KF_OK && k.kind == KF_CONST_STR &&
            kf_image_string(&img, ref, KF_STR_TEXT, &s, &len, NULL) == KF_OK) {
            sink += len + (uint8_t)s[len];
        }
    }
    (void)sink;
    free(inflated);
}

static void read_once(const uint8_t *data, size_t size) {
    read_lazily(data, size);
    const KfCode *code = NULL;
    KfHeader h;
    if (kf_read(data, size, &h, &code, NULL) == KF_OK) {
        volatile uint64_t sink = walk(code);
        (void)sink;
        char why[200];
        KfError err = kf_verify(code, why, sizeof why);
        if (err != KF_OK && err != KF_ERR_UNVERIFIED && err != KF_ERR_NOMEM) {
            abort();
        }
    }
    kf_free(code);
    kf_check_header(data, size, &h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    read_once(data, size);
    static uint8_t isa[8];
    static int have_isa = -1;
    if (have_isa < 0) {
        have_isa = current_isa(isa) == 0;
    }
    if (!have_isa || size < KF_HEADER_SIZE || memcmp(data, "\xCBKRT", 4) != 0) {
        return 0;
    }
    uint8_t *copy = malloc(size);
    if (!copy) {
        return 0;
    }
    memcpy(copy, data, size);
    memcpy(copy + ISA, isa, 8);
    put64(copy + PAYLOAD_SIZE, size - KF_HEADER_SIZE);
    put64(copy + PAYLOAD_SUM, XXH3_64bits(copy + KF_HEADER_SIZE, size - KF_HEADER_SIZE));
    put64(copy + HEADER_SUM, XXH3_64bits(copy, HEADER_SUM));
    read_once(copy, size);
    free(copy);
    return 0;
}
