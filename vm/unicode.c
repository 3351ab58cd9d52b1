// vm/unicode.c: lookups in the generated Unicode tables (unicode_db.c).
#include "unicode.h"
#include "internal.h"

const KUniSpecial *kuni_special(uint32_t c) {
    int lo = 0, hi = kuni_nspecials - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (kuni_specials[mid].cp == c) {
            return &kuni_specials[mid];
        }
        if (kuni_specials[mid].cp < c) {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return 0;
}
