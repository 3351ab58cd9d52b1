// vm/int_impl.h: the digit-level helpers int.c shares with int_convert.c.
// Private to those two files: magnitudes are base-2**32 digit arrays, least
// significant first; a KIntView is a read-only look at any int.
#ifndef KRAIT_VM_INT_IMPL_H
#define KRAIT_VM_INT_IMPL_H

#include <stdint.h>

#include "int.h"

// A read-only look at any int: 'n' digits at 'd' (no leading zero digits),
// least significant first; tagged ints use 'buf'.
typedef struct KIntView {
    int neg;
    ssize_t n;
    const uint32_t *d;
    uint32_t buf[2];
} KIntView;

// Fills 'w' for the int 'v' (borrowed: 'w' lives no longer than 'v').
void kint_view(KValue v, KIntView *w);
// A heap int of 'type' with room for 'n' digits (size set to 'n'); NULL with
// MemoryError.
KInt *kint_alloc(KType *type, ssize_t n);
// The int with magnitude 'd'[0..n) and sign 'neg'; tagged when it fits.
KValue kint_from_mag(int neg, const uint32_t *d, ssize_t n);

// In place: a = a * m + add. Returns the carry out.
uint32_t kint_mag_muladd1(uint32_t *a, ssize_t n, uint32_t m, uint32_t add);
// q = a / d (q may alias a); returns the remainder.
uint32_t kint_mag_divrem1(const uint32_t *a, ssize_t n, uint32_t d, uint32_t *q);
// Two's complement of view 'x' into 'out' (n digits, n > x.n).
void kint_to_twos(const KIntView *x, uint32_t *out, ssize_t n);

static inline int kint_nlz32(uint32_t x) {
    return x ? __builtin_clz(x) : 32;
}

// Scratch digits: on the C stack when small.
typedef struct KScratch {
    uint32_t *d;
    uint32_t local[16];
} KScratch;

// Room for 'n' digits; NULL with MemoryError. Release with kint_scratch_free.
uint32_t *kint_scratch_get(KScratch *s, ssize_t n);
void kint_scratch_free(KScratch *s);

// int(s, base) for a str 's' (int_convert.c).
KValue kint_from_str(KValue str, int base);
// The type's __new__ and the to_bytes / from_bytes methods (int_convert.c).
KValue kint_new(KType *type, const KValue *args, size_t nargs, KValue kwnames);
KValue kint_to_bytes(KValue self, const KValue *args, size_t nargs, KValue kwnames);
KValue kint_from_bytes(KValue type, const KValue *args, size_t nargs, KValue kwnames);

#endif
