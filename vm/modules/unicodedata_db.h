// vm/modules/unicodedata_db.h: the tables tools/gen_unicodedata.py makes
// from python3.11's unicodedata for krait's (vm/modules/unicodedata_db.c).
#ifndef KRAIT_VM_MODULES_UNICODEDATA_DB_H
#define KRAIT_VM_MODULES_UNICODEDATA_DB_H

#include <stddef.h>
#include <stdint.h>

// A code point's properties: indexes into the string and number tables
// (numeric -1: none), its combining class, decimal and digit (-1: none).
typedef struct KudRecord {
    uint8_t category, bidi, eaw, mirrored, combining;
    uint16_t decomp;
    int16_t numeric;
    int8_t decimal, digit;
} KudRecord;

// The record of 'cp' < 0x110000 is
// kud_records[kud_index2[(kud_index1[cp >> KUD_SHIFT] << KUD_SHIFT) + (cp & KUD_MASK)]];
// in Unicode 3.2 (ucd_3_2_0), the same with kud32_index1.
#define KUD_SHIFT 7
#define KUD_MASK ((1 << KUD_SHIFT) - 1)
extern const KudRecord kud_records[];
extern const uint16_t kud_index1[], kud_index2[], kud32_index1[];
extern const char *const kud_categories[], *const kud_bidis[], *const kud_eaws[],
    *const kud_decomps[];
extern const double kud_numerics[];
extern const char KUD_VERSION[], KUD32_VERSION[];

// The full NFD and NFKD decompositions of the code points that have one
// (Hangul syllables excepted), sorted by code point; the code points are
// kud_pool[off .. off + len).
typedef struct KudDecomp {
    uint32_t cp, nfd_off, nfd_len, nfkd_off, nfkd_len;
} KudDecomp;
extern const KudDecomp kud_decomp[];
// The full decompositions of Unicode 3.2 where they differ, sorted likewise:
// a code point unassigned in 3.2 is its own.
extern const KudDecomp kud32_decomp[];
extern const uint32_t kud_pool[];
// Canonical composition pairs (first, second) -> composite, sorted.
typedef struct KudPair {
    uint32_t first, second, composite;
} KudPair;
extern const KudPair kud_pairs[];
extern const size_t kud_ndecomp, kud_npairs, kud32_ndecomp;

#endif
