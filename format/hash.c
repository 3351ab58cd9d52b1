// format/hash.c: XXH3-64 of payloads, sources and strings, with the
// widest vector unit the CPU has. The baseline is libxxhash's XXH3_64bits
// (SSE2 on x86-64); on a CPU with AVX2 the same function from xxhash.h is
// built a second time for AVX2 (hash_avx2.c) and chosen at the first call.
// AVX2 takes about half the instructions (a 1.7 MB payload checksum: 1.9M
// -> 0.55M under callgrind); the value is the same XXH3-64 either way.
// libxxhash's own runtime dispatch (XXH3_64bits_dispatch) lives only in its
// shared library, and krait links the static one: a shared library costs
// every start-up its mapping and symbol lookups in the dynamic linker.
#include "layout.h"

#include <xxhash.h>

#if KLAYOUT_HAVE_AVX2 && defined(__GLIBC__) && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#define HASH_GLIBC_CPU_FEATURES 1
#endif
#endif

#if KLAYOUT_HAVE_AVX2 && defined(HASH_GLIBC_CPU_FEATURES)
#include <sys/platform/x86.h>

// 1 when the CPU has AVX2 and the OS saves the YMM registers, as glibc
// found when the process started (glibc 2.33+): no CPUID of our own. In a
// virtual machine each CPUID instruction traps to the hypervisor (about
// 4.5 us each here), and the four of cpu_has_avx2 below were 2% of
// hello.py's start-up.
static int cpu_has_avx2(void) {
    return CPU_FEATURE_ACTIVE(AVX2);
}
#elif KLAYOUT_HAVE_AVX2
#include <cpuid.h>

// 1 when the CPU has AVX2 and the OS saves the YMM registers: CPUID leaf 1
// reports OSXSAVE and AVX, XCR0 the SSE and AVX state, leaf 7 AVX2. Asked
// directly rather than through __builtin_cpu_supports, whose libgcc
// constructor would run (and fault in a page of code) at every start.
static int cpu_has_avx2(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27)) || !(c & (1u << 28))) {
        return 0;
    }
    unsigned xcr0_lo, xcr0_hi;
    __asm__("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    (void)xcr0_hi;
    if ((xcr0_lo & 6) != 6 || !__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
        return 0;
    }
    return (b >> 5) & 1;
}
#endif

typedef uint64_t (*HashFn)(const void *data, size_t len);

static uint64_t hash_baseline(const void *data, size_t len) {
    return XXH3_64bits(data, len);
}

static uint64_t hash_first(const void *data, size_t len);

// The implementation in use; hash_first replaces itself on the first call
// (kraitc's threads may race to store the same choice).
static HashFn hash_impl = hash_first;

static uint64_t hash_first(const void *data, size_t len) {
    HashFn f = hash_baseline;
#if KLAYOUT_HAVE_AVX2
    if (cpu_has_avx2()) {
        f = khash_avx2;
    }
#endif
    __atomic_store_n(&hash_impl, f, __ATOMIC_RELAXED);
    return f(data, len);
}

uint64_t klayout_hash(const void *data, size_t len) {
    return __atomic_load_n(&hash_impl, __ATOMIC_RELAXED)(data, len);
}

uint64_t kf_source_hash(const void *data, size_t len) {
    return klayout_hash(data, len);
}
