// vm/search.h: substring search over bytes, shared by str (one-byte kinds),
// bytes and bytearray.
#ifndef KRAIT_VM_SEARCH_H
#define KRAIT_VM_SEARCH_H

#include <stddef.h>
#include <string.h>

// ksearch_find for 2 <= 'm' <= 'n'.
const char *ksearch_find_long(const char *hay, size_t n, const char *needle, size_t m);

// The first occurrence of 'needle'[0:m] in 'hay'[0:n], or NULL; 'hay' itself
// when 'm' is 0. Linear in 'n' + 'm' at worst. Inline: most calls (split on
// one character) end in one memchr.
static inline const char *ksearch_find(const char *hay, size_t n, const char *needle, size_t m) {
    if (m <= 1) {
        return m ? memchr(hay, (unsigned char)needle[0], n) : hay;
    }
    return m <= n ? ksearch_find_long(hay, n, needle, m) : NULL;
}

// The last occurrence of 'needle'[0:m] in 'hay'[0:n], or NULL; 'hay' + 'n'
// when 'm' is 0.
const char *ksearch_rfind(const char *hay, size_t n, const char *needle, size_t m);

#endif
