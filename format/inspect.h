// format/inspect.h: a cache file's structure for inspection tools (kdump):
// the payload's section directory, decoded without building the code tree.
// Part of format.h's public face (it includes this file); inspect.c
// implements it.
#ifndef KRAIT_FORMAT_INSPECT_H
#define KRAIT_FORMAT_INSPECT_H

#include <stddef.h>
#include <stdint.h>

#include "format.h"

// One entry of the payload's section directory (FORMAT.md, "The directory").
typedef struct KfSection {
    uint32_t id;
    const char *name;   // "STRINGS", ... or "unknown"
    uint32_t count;     // records (bytes for byte sections)
    uint32_t offset;    // from the raw payload's start
    uint32_t size;      // bytes
} KfSection;

// Reads the section directory of the cache file of 'len' bytes at 'data'
// (its header must pass kf_check_file; a compressed payload is inflated).
// Stores up to 'max' entries in 'out' and their number in '*count' (which
// may exceed 'max'). Returns KF_OK, or the reason the header, payload or
// directory is refused, with '*detail' naming the check when not NULL.
KfError kf_sections(const uint8_t *data, size_t len, KfSection *out, size_t max, size_t *count,
                    const char **detail);

// The instruction-set fingerprint of this build (FORMAT.md, "The header").
uint64_t kf_isa_fingerprint(void);

#endif
