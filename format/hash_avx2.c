// format/hash_avx2.c: XXH3-64 built for AVX2 from Debian's xxhash.h
// (header-only, every function static), for hash.c to call on CPUs that
// have AVX2. The Makefile compiles this one file with -mavx2, which makes
// xxhash.h pick its AVX2 accumulation loop; nothing here runs unless
// hash.c's CPU check passed.
#include "layout.h"

#if KLAYOUT_HAVE_AVX2
#define XXH_INLINE_ALL
#include <xxhash.h>

uint64_t khash_avx2(const void *data, size_t len) {
    return XXH3_64bits(data, len);
}
#else
// ISO C wants a translation unit to declare something.
typedef int khash_avx2_unused;
#endif
