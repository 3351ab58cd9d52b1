// format/header.c: the fixed 80-byte header of a cache file (FORMAT.md,
// "The header"): writing it, checking it without touching the payload,
// refreshing its source stamp in place; the error messages of the format.
#include "format.h"
#include "layout.h"

#include <string.h>
#include <xxhash.h>

static const char *const MESSAGES[KF_ERR_COUNT] = {
    [KF_OK] = "no error",
    [KF_ERR_MAGIC] = "not a krait cache file (bad magic number)",
    [KF_ERR_VERSION] = "made for another version of krait's cache format",
    [KF_ERR_TRUNCATED] = "truncated cache file",
    [KF_ERR_CHECKSUM] = "cache file checksum mismatch (corrupted file)",
    [KF_ERR_CORRUPT] = "corrupted cache file",
    [KF_ERR_TOO_LARGE] = "cache file too large",
    [KF_ERR_NOMEM] = "out of memory",
    [KF_ERR_INVALID] = "code object breaks the cache format's rules",
    [KF_ERR_UNVERIFIED] = "bytecode failed verification",
};

const char *kf_strerror(KfError err) {
    if ((int)err < 0 || err >= KF_ERR_COUNT) {
        return "unknown cache format error";
    }
    return MESSAGES[err];
}

// One line per opcode, "NAME ARG\n": the text the fingerprint hashes.
#define ISA_LINE(name, arg, in, pop, effect, jump_effect) #name " " #arg "\n"
static const char ISA_TEXT[] = KF_OPCODES(ISA_LINE);
#undef ISA_LINE

// Hashed once, as every cache file's header is checked against it; kraitc's
// threads may race to store the same value (0 means not hashed yet: a
// fingerprint of 0 would only be hashed each time).
uint64_t klayout_isa(void) {
    static uint64_t isa;
    uint64_t v = __atomic_load_n(&isa, __ATOMIC_RELAXED);
    if (!v) {
        v = klayout_hash(ISA_TEXT, sizeof ISA_TEXT - 1);
        __atomic_store_n(&isa, v, __ATOMIC_RELAXED);
    }
    return v;
}

void klayout_write_header(uint8_t *out, const KfWriteInfo *info, uint64_t payload_size,
                          uint64_t raw_size, uint64_t payload_sum) {
    uint32_t flags = ((uint32_t)info->invalidation & KLAYOUT_F_MODE_MASK) |
                     (((uint32_t)info->optimize << KLAYOUT_F_OPT_SHIFT) & KLAYOUT_F_OPT_MASK);
    if (info->compress > 0) {
        flags |= KLAYOUT_F_COMPRESSED;
    }
    if (info->is_sourceless) {
        flags |= KLAYOUT_F_SOURCELESS;
    }
    memcpy(out, KLAYOUT_MAGIC, KLAYOUT_MAGIC_LEN);
    klayout_put16(out + KLAYOUT_H_MAJOR, KF_VERSION_MAJOR);
    klayout_put16(out + KLAYOUT_H_MINOR, KF_VERSION_MINOR);
    klayout_put32(out + KLAYOUT_H_FLAGS, flags);
    klayout_put64(out + KLAYOUT_H_ISA, klayout_isa());
    klayout_put64(out + KLAYOUT_H_MTIME, (uint64_t)info->source_mtime_ns);
    klayout_put64(out + KLAYOUT_H_SIZE, info->source_size);
    klayout_put64(out + KLAYOUT_H_HASH, info->source_hash);
    klayout_put64(out + KLAYOUT_H_PAYLOAD_SIZE, payload_size);
    klayout_put64(out + KLAYOUT_H_RAW_SIZE, raw_size);
    klayout_put64(out + KLAYOUT_H_PAYLOAD_SUM, payload_sum);
    klayout_put64(out + KLAYOUT_H_HEADER_SUM, XXH3_64bits(out, KLAYOUT_H_HEADER_SUM));
}

void kf_set_source_stamp(uint8_t *header, int64_t mtime_ns, uint64_t size) {
    klayout_put64(header + KLAYOUT_H_MTIME, (uint64_t)mtime_ns);
    klayout_put64(header + KLAYOUT_H_SIZE, size);
    klayout_put64(header + KLAYOUT_H_HEADER_SUM, XXH3_64bits(header, KLAYOUT_H_HEADER_SUM));
}

// Decodes the flags word into 'h'; returns the reason it is refused.
static KfError decode_flags(uint32_t flags, KfHeader *h) {
    if (flags & ~(uint32_t)KLAYOUT_F_KNOWN) {
        return KF_ERR_VERSION;
    }
    uint32_t mode = flags & KLAYOUT_F_MODE_MASK;
    uint32_t opt = (flags & KLAYOUT_F_OPT_MASK) >> KLAYOUT_F_OPT_SHIFT;
    if (mode == 3 || opt == 3) {
        return KF_ERR_CORRUPT;
    }
    h->invalidation = (KfInvalidation)mode;
    h->optimize = (int)opt;
    h->is_compressed = (flags & KLAYOUT_F_COMPRESSED) != 0;
    h->is_sourceless = (flags & KLAYOUT_F_SOURCELESS) != 0;
    return KF_OK;
}

KfError kf_check_header(const uint8_t *data, size_t len, KfHeader *header) {
    KfHeader h;
    memset(&h, 0, sizeof h);
    size_t magic_len = len < KLAYOUT_MAGIC_LEN ? len : KLAYOUT_MAGIC_LEN;
    if (magic_len > 0 && memcmp(data, KLAYOUT_MAGIC, magic_len) != 0) {
        return KF_ERR_MAGIC;
    }
    if (len < KLAYOUT_H_MINOR + 2) {
        return KF_ERR_TRUNCATED;
    }
    h.major = klayout_get16(data + KLAYOUT_H_MAJOR);
    h.minor = klayout_get16(data + KLAYOUT_H_MINOR);
    if (h.major != KF_VERSION_MAJOR) {
        return KF_ERR_VERSION;
    }
    if (len < KF_HEADER_SIZE) {
        return KF_ERR_TRUNCATED;
    }
    if (klayout_get64(data + KLAYOUT_H_HEADER_SUM) != XXH3_64bits(data, KLAYOUT_H_HEADER_SUM)) {
        return KF_ERR_CHECKSUM;
    }
    KfError err = decode_flags(klayout_get32(data + KLAYOUT_H_FLAGS), &h);
    if (err != KF_OK) {
        return err;
    }
    if (klayout_get64(data + KLAYOUT_H_ISA) != klayout_isa()) {
        return KF_ERR_VERSION;
    }
    h.source_mtime_ns = (int64_t)klayout_get64(data + KLAYOUT_H_MTIME);
    h.source_size = klayout_get64(data + KLAYOUT_H_SIZE);
    h.source_hash = klayout_get64(data + KLAYOUT_H_HASH);
    h.payload_size = klayout_get64(data + KLAYOUT_H_PAYLOAD_SIZE);
    h.payload_raw_size = klayout_get64(data + KLAYOUT_H_RAW_SIZE);
    h.payload_checksum = klayout_get64(data + KLAYOUT_H_PAYLOAD_SUM);
    if (header) {
        *header = h;
    }
    return KF_OK;
}
