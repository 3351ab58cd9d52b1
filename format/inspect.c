// format/inspect.c: a cache file's section directory for inspection tools
// (kdump), read through the same checks as the reader's: the header and
// payload checksum first (kf_check_file), then every directory entry
// against the payload's bounds.
#include "inspect.h"
#include "format.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char *const NAMES[KLAYOUT_S_COUNT + 1] = {
    [KLAYOUT_S_STRINGS] = "STRINGS", [KLAYOUT_S_CONSTS] = "CONSTS",
    [KLAYOUT_S_CODES] = "CODES",     [KLAYOUT_S_INSTRS] = "INSTRS",
    [KLAYOUT_S_NAMEREFS] = "NAMEREFS", [KLAYOUT_S_KINDS] = "KINDS",
    [KLAYOUT_S_LINES] = "LINES",     [KLAYOUT_S_EXCEPTS] = "EXCEPTS",
};

uint64_t kf_isa_fingerprint(void) {
    return klayout_isa();
}

// Inflates the stored payload of 'h' into a new buffer, or NULL.
static uint8_t *inflated(const KfHeader *h, const uint8_t *stored) {
    uint8_t *raw = malloc(h->payload_raw_size ? (size_t)h->payload_raw_size : 1);
    uLongf n = (uLongf)h->payload_raw_size;
    if (raw && (uncompress(raw, &n, stored, (uLong)h->payload_size) != Z_OK ||
                n != h->payload_raw_size)) {
        free(raw);
        raw = NULL;
    }
    return raw;
}

KfError kf_sections(const uint8_t *data, size_t len, KfSection *out, size_t max, size_t *count,
                    const char **detail) {
    KfHeader h;
    *count = 0;
    const char *why = "file header or payload checksum";
    KfError err = kf_check_file(data, len, &h);
    uint8_t *raw = NULL;
    const uint8_t *p = data + KF_HEADER_SIZE;
    if (err == KF_OK && h.is_compressed) {
        raw = inflated(&h, p);
        p = raw;
        err = raw ? KF_OK : KF_ERR_CORRUPT;
        why = "compressed payload";
    }
    uint64_t size = h.payload_raw_size;
    if (err == KF_OK) {
        uint32_t n = size >= KLAYOUT_DIR_HEAD ? klayout_get32(p) : 0;
        if (size < KLAYOUT_DIR_HEAD || n > (size - KLAYOUT_DIR_HEAD) / KLAYOUT_DIR_ENTRY) {
            err = KF_ERR_CORRUPT;
            why = "bad section directory";
        }
        for (uint32_t i = 0; err == KF_OK && i < n; i++) {
            const uint8_t *e = p + KLAYOUT_DIR_HEAD + (uint64_t)KLAYOUT_DIR_ENTRY * i;
            KfSection s = {klayout_get32(e), "unknown", klayout_get32(e + 4),
                           klayout_get32(e + 8), klayout_get32(e + 12)};
            if ((uint64_t)s.offset + s.size > size) {
                err = KF_ERR_CORRUPT;
                why = "a section past the payload's end";
                break;
            }
            if (s.id >= 1 && s.id <= KLAYOUT_S_COUNT) {
                s.name = NAMES[s.id];
            }
            if (i < max) {
                out[i] = s;
            }
            (*count)++;
        }
    }
    free(raw);
    if (detail) {
        *detail = err == KF_OK ? NULL : why;
    }
    return err;
}
