// vm/search.c: substring search over bytes. Most needles are short and most
// haystacks are lines ('"TEL" in line', 's.split(", ")', 's.replace("ab",
// x)'), where glibc's memmem spends ~300 instructions per call setting up
// its two-way search (strings.py: 676K calls, 193M instructions). Here a
// memchr finds each candidate first byte and the last byte and the rest are
// checked in place. Should false candidates cost more than the bytes
// scanned so far (a needle whose first byte is everywhere), the rest of the
// search goes to memmem, so the worst case stays linear.
#include "search.h"

const char *ksearch_find_long(const char *hay, size_t n, const char *needle, size_t m) {
    const char *p = hay, *last = hay + (n - m); // the last possible start
    unsigned char first = (unsigned char)needle[0], tail = (unsigned char)needle[m - 1];
    size_t wasted = 0; // roughly, the bytes and calls spent on false candidates
    while (p <= last) {
        p = memchr(p, first, (size_t)(last - p) + 1);
        if (!p) {
            return NULL;
        }
        if ((unsigned char)p[m - 1] == tail) {
            if (memcmp(p + 1, needle + 1, m - 2) == 0) {
                return p;
            }
            wasted += m;
        }
        wasted += 16;
        p++;
        if (wasted > 4 * (size_t)(p - hay) + 1024) {
            return memmem(p, (size_t)(hay + n - p), needle, m);
        }
    }
    return NULL;
}

const char *ksearch_rfind(const char *hay, size_t n, const char *needle, size_t m) {
    if (m == 0) {
        return hay + n;
    }
    if (m > n) {
        return NULL;
    }
    unsigned char first = (unsigned char)needle[0];
    size_t left = n - m + 1; // candidate starts are hay[0:left]
    while (left > 0) {
        const char *p = memrchr(hay, first, left);
        if (!p) {
            return NULL;
        }
        if (memcmp(p + 1, needle + 1, m - 1) == 0) {
            return p;
        }
        left = (size_t)(p - hay);
    }
    return NULL;
}
