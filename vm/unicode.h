// vm/unicode.h: the Unicode character database of the runtime (str
// methods, repr, str.isidentifier), generated into unicode_db.c by
// tools/gen_vm_unicode.py from python3.11 so it matches CPython 3.11.
#ifndef KRAIT_VM_UNICODE_H
#define KRAIT_VM_UNICODE_H

#include <stdint.h>

enum {
    KUNI_PRINTABLE = 1 << 0,
    KUNI_ALPHA = 1 << 1,
    KUNI_DECIMAL = 1 << 2,
    KUNI_DIGIT = 1 << 3,
    KUNI_NUMERIC = 1 << 4,
    KUNI_SPACE = 1 << 5,
    KUNI_LOWER = 1 << 6,
    KUNI_UPPER = 1 << 7,
    KUNI_TITLE = 1 << 8,
    KUNI_CASED = 1 << 9,
    KUNI_CASE_IGNORABLE = 1 << 10,
    KUNI_XID_START = 1 << 11,
    KUNI_XID_CONTINUE = 1 << 12,
    KUNI_ALNUM = 1 << 13,
};

typedef struct KUniRecord {
    uint16_t flags;
    int32_t lower, upper, title; // deltas of the simple mappings
    int8_t decimal, digit;       // -1: none
} KUniRecord;

// A code point whose full mapping differs from the simple one: NUL-ended
// code point lists.
typedef struct KUniSpecial {
    uint32_t cp;
    uint32_t lower[4], upper[4], title[4], casefold[4];
} KUniSpecial;

extern const KUniRecord kuni_records[];
extern const uint16_t kuni_index1[];
extern const uint16_t kuni_index2[];
extern const KUniSpecial kuni_specials[];
extern const int kuni_nspecials;

static inline const KUniRecord *kuni_record(uint32_t c) {
    if (c > 0x10FFFF) {
        c = 0;
    }
    return &kuni_records[kuni_index2[(kuni_index1[c >> 7] << 7) + (c & 127)]];
}
static inline int kuni_has(uint32_t c, int flag) {
    return (kuni_record(c)->flags & flag) != 0;
}
static inline int kuni_isprintable(uint32_t c) {
    return kuni_has(c, KUNI_PRINTABLE);
}
static inline int kuni_isspace(uint32_t c) {
    if (c < 128) {
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    }
    return kuni_has(c, KUNI_SPACE);
}
static inline uint32_t kuni_tolower(uint32_t c) {
    return (uint32_t)((int32_t)c + kuni_record(c)->lower);
}
static inline uint32_t kuni_toupper(uint32_t c) {
    return (uint32_t)((int32_t)c + kuni_record(c)->upper);
}
static inline uint32_t kuni_totitle(uint32_t c) {
    return (uint32_t)((int32_t)c + kuni_record(c)->title);
}
// The full-mapping entry for 'c', or NULL when its mappings are the simple ones.
const KUniSpecial *kuni_special(uint32_t c);

#endif
