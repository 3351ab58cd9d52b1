// format/layout.h: the byte layout of FORMAT.md as constants, and the
// little-endian load/store helpers shared by writer.c, reader.c and
// header.c. Private to format/.
#ifndef KRAIT_FORMAT_LAYOUT_H
#define KRAIT_FORMAT_LAYOUT_H

#include "format.h"

#include <stddef.h>
#include <stdint.h>

// The magic: "\xCB" "KRT" "\r\n" "\x1A" "\n".
#define KLAYOUT_MAGIC "\xCBKRT\r\n\x1A\n"
#define KLAYOUT_MAGIC_LEN 8

// Header field offsets.
enum {
    KLAYOUT_H_MAJOR = 8,
    KLAYOUT_H_MINOR = 10,
    KLAYOUT_H_FLAGS = 12,
    KLAYOUT_H_ISA = 16,
    KLAYOUT_H_MTIME = 24,
    KLAYOUT_H_SIZE = 32,
    KLAYOUT_H_HASH = 40,
    KLAYOUT_H_PAYLOAD_SIZE = 48,
    KLAYOUT_H_RAW_SIZE = 56,
    KLAYOUT_H_PAYLOAD_SUM = 64,
    KLAYOUT_H_HEADER_SUM = 72,
};

// Header flags.
enum {
    KLAYOUT_F_MODE_MASK = 0x3,
    KLAYOUT_F_OPT_SHIFT = 2,
    KLAYOUT_F_OPT_MASK = 0xC,
    KLAYOUT_F_COMPRESSED = 0x10,
    KLAYOUT_F_SOURCELESS = 0x20,
    KLAYOUT_F_KNOWN = 0x3F,
};

// Section ids, in their required order, and record sizes.
enum {
    KLAYOUT_S_STRINGS = 1,
    KLAYOUT_S_CONSTS,
    KLAYOUT_S_CODES,
    KLAYOUT_S_INSTRS,
    KLAYOUT_S_NAMEREFS,
    KLAYOUT_S_KINDS,
    KLAYOUT_S_LINES,
    KLAYOUT_S_EXCEPTS,
    KLAYOUT_S_COUNT = KLAYOUT_S_EXCEPTS, // sections of version 1.0
};
enum {
    KLAYOUT_DIR_HEAD = 8,
    KLAYOUT_DIR_ENTRY = 16,
    KLAYOUT_CONST_SIZE = 24,
    KLAYOUT_CODE_SIZE = 88,
    KLAYOUT_EXCEPT_SIZE = 16,
};

// Constant kinds as stored (independent of KfConstKind's order).
enum {
    KLAYOUT_C_NONE,
    KLAYOUT_C_TRUE,
    KLAYOUT_C_FALSE,
    KLAYOUT_C_ELLIPSIS,
    KLAYOUT_C_INT,
    KLAYOUT_C_BIGINT,
    KLAYOUT_C_FLOAT,
    KLAYOUT_C_COMPLEX,
    KLAYOUT_C_STR,
    KLAYOUT_C_BYTES,
    KLAYOUT_C_TUPLE,
    KLAYOUT_C_FROZENSET,
    KLAYOUT_C_CODE,
    KLAYOUT_C_COUNT
};

// The fields of a CODES record, in order (each a u32).
enum {
    KLAYOUT_CO_NAME,
    KLAYOUT_CO_QUALNAME,
    KLAYOUT_CO_FILENAME,
    KLAYOUT_CO_FIRSTLINENO,
    KLAYOUT_CO_ARGCOUNT,
    KLAYOUT_CO_POSONLY,
    KLAYOUT_CO_KWONLY,
    KLAYOUT_CO_FLAGS,
    KLAYOUT_CO_STACKSIZE,
    KLAYOUT_CO_NLOCALSPLUS,
    KLAYOUT_CO_INSTR_START,
    KLAYOUT_CO_NCODE,
    KLAYOUT_CO_LINES_START,
    KLAYOUT_CO_LINES_SIZE,
    KLAYOUT_CO_CONSTS_START,
    KLAYOUT_CO_NCONSTS,
    KLAYOUT_CO_NAMES_START,
    KLAYOUT_CO_NNAMES,
    KLAYOUT_CO_LOCALSPLUS_START,
    KLAYOUT_CO_KINDS_START,
    KLAYOUT_CO_EXC_START,
    KLAYOUT_CO_NEXC,
    KLAYOUT_CO_FIELDS
};

// Position entry forms (the high nibble of an entry's first byte).
enum {
    KLAYOUT_L_SAME,
    KLAYOUT_L_NONE,
    KLAYOUT_L_LINE,
    KLAYOUT_L_SHORT,
    KLAYOUT_L_LONG,
    KLAYOUT_L_COL,
    KLAYOUT_L_MAX_RUN = 16,
};

// Largest value of a count or index field (u32 fields hold ints).
#define KLAYOUT_MAX_INT 0x7FFFFFFF
// Largest raw payload.
#define KLAYOUT_MAX_PAYLOAD 0xFFFFFFFFu

static inline uint16_t klayout_get16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t klayout_get32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static inline uint64_t klayout_get64(const uint8_t *p) {
    return (uint64_t)klayout_get32(p) | ((uint64_t)klayout_get32(p + 4) << 32);
}

static inline void klayout_put16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

// Four explicit stores, which gcc and clang merge into one on a
// little-endian CPU (a loop of four was not: 3% of kraitc's instructions).
static inline void klayout_put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static inline void klayout_put64(uint8_t *p, uint64_t v) {
    klayout_put32(p, (uint32_t)v);
    klayout_put32(p + 4, (uint32_t)(v >> 32));
}

// The instruction-set fingerprint of this build (FORMAT.md, "The header").
uint64_t klayout_isa(void);

// XXH3-64 of 'len' bytes (hash.c: AVX2 where the CPU has it).
uint64_t klayout_hash(const void *data, size_t len);

// x86-64 builds carry a second XXH3-64 built for AVX2 (hash_avx2.c).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define KLAYOUT_HAVE_AVX2 1
// klayout_hash's AVX2 implementation; call only when the CPU has AVX2.
uint64_t khash_avx2(const void *data, size_t len);
#else
#define KLAYOUT_HAVE_AVX2 0
#endif

// Fills the KF_HEADER_SIZE bytes at 'out' for a payload of 'payload_size'
// stored bytes ('raw_size' inflated) with checksum 'payload_sum'.
void klayout_write_header(uint8_t *out, const KfWriteInfo *info, uint64_t payload_size,
                          uint64_t raw_size, uint64_t payload_sum);

#endif
