// vm/int.h: int and bool. Values in [KV_SMALL_MIN, KV_SMALL_MAX] are
// tagged words (never heap objects, except bools and instances of int
// subclasses); larger ones are KInt objects holding base-2**32 magnitude
// digits, least significant first, the sign in 'size'. Arithmetic
// normalises: a result that fits is always returned tagged.
#ifndef KRAIT_VM_INT_H
#define KRAIT_VM_INT_H

#include <stdint.h>

#include "object.h"

typedef struct KInt {
    KOBJ_HEAD;
    ssize_t size;      // number of digits, negative for negative values; 0 is zero
    uint32_t *digits;  // 'abs(size)' digits; follows the object
} KInt;

extern KInt k_true_obj, k_false_obj;
#define KV_TRUE ((KValue)&k_true_obj)
#define KV_FALSE ((KValue)&k_false_obj)
static inline KValue kbool_from(int b) {
    return b ? KV_TRUE : KV_FALSE;
}

// Any int (tagged, heap, bool, subclass instance).
static inline int kint_check(KValue v) {
    return kval_is_int(v) || (kval_obj(v)->type->flags & KTF_INT_SUBCLASS);
}
static inline int kint_check_exact(KValue v) {
    return kval_is_int(v) || kval_obj(v)->type == &kint_type;
}

// An int of any C value (tagged when it fits).
KValue kint_from_i64(int64_t v);
KValue kint_from_u64(uint64_t v);
// The value as a C integer: OverflowError ("Python int too large to convert
// to C ssize_t") when it does not fit; -1 with the error set. 'v' must be an int.
ssize_t kint_as_ssize(KValue v);
// As kint_as_ssize, but sets '*overflow' to -1/+1 (value unspecified)
// instead of raising.
int64_t kint_as_i64_overflow(KValue v, int *overflow);
// The value as a uint64_t: '*overflow' -1 for a negative value, +1 for one
// past 2**64-1 (nothing raised). 'v' must be an int.
uint64_t kint_as_u64_overflow(KValue v, int *overflow);
// The magnitude of the int 'v' as base-2**32 words, least significant first:
// a kmem_alloc'd array of '*n' (at least 1) words the caller frees, or NULL
// with MemoryError.
uint32_t *kint_abs_words(KValue v, ssize_t *n);
// The non-negative int whose base-2**32 words are 'd'[0..n).
KValue kint_from_words(const uint32_t *d, ssize_t n);
// int -> float, correctly rounded; OverflowError ("int too large to convert
// to float") raises with -1.0 returned.
double kint_as_double(KValue v);
// The nearest int below 'd' (float -> int truncation); ValueError/OverflowError
// for nan and infinities.
KValue kint_from_double(double d);
// Parses the bytes s[0:len] as int(bytes, base) does (base 0 or 2..36,
// underscores, whitespace); ValueError with CPython's message on bad input.
KValue kint_from_string(const char *s, ssize_t len, int base);
// Decimal digits ('-' first when negative); a str.
KValue kint_to_decimal(KValue v);
// The digits of 'v' in base 2, 8, 10 or 16 with an optional prefix (bin/oct/hex).
KValue kint_format_base(KValue v, int base, int with_prefix);
// -1, 0, 1.
int kint_sign(KValue v);
int kint_compare(KValue a, KValue b);
int64_t kint_hash(KValue v);
ssize_t kint_bit_length(KValue v);

// Arithmetic on two ints (no NotImplemented: both must be ints).
KValue kint_add(KValue a, KValue b);
KValue kint_sub(KValue a, KValue b);
KValue kint_mul(KValue a, KValue b);
// op: KNB_FLOOR_DIVIDE or KNB_REMAINDER; ZeroDivisionError.
KValue kint_floordiv(KValue a, KValue b);
KValue kint_mod(KValue a, KValue b);
KValue kint_neg(KValue a);
// Strips bool / subclass: the plain int with the same value.
KValue kint_exact(KValue v);

// int(x) / int(x, base) ('base' KV_NULL when not given).
KValue kint_new_from_object(KValue x, KValue base);
// The 'spec' formatting of ints (format(5, '08b')).
KValue kint_format_spec(KValue v, KValue spec);
extern int kint_max_str_digits;

int kint_init(void);

#endif
