// vm/eval_fast.h: the arithmetic fast paths of the interpreter loop
// (BINARY_OP), for operands whose result needs no call: small ints, exact
// floats, and a float with a small int. Each returns 1 with the result, or 0
// when the generic path (knum_binop) must run: an overflow, a zero divisor,
// a result that must raise or would need a big int. The answers are
// CPython's, bit for bit: Python's floor division and modulo, int / int
// exact when both fit in a double's mantissa, a small int converted to a
// double by rounding to nearest as int.__float__ does.
#ifndef KV_EVAL_FAST_H
#define KV_EVAL_FAST_H

#include <float.h>
#include <math.h>
#include <stdint.h>

#include "float.h"
#include "object.h"

// 'lhs' and 'rhs' are both small ints; 'op' is a KF_BINOP_* without its
// in-place offset. The result is a small int in *out, or a float in *dout
// (true division: then 2 is returned).
static inline __attribute__((always_inline)) int kfast_int_binop(KValue lhs, KValue rhs, int op,
                                                                 KValue *out, double *dout) {
    intptr_t r;
    // + and - first, tested one by one: a jump table's shared indirect
    // branch predicts worse than two compares.
    if (op == KF_BINOP_ADD) {
        if (__builtin_add_overflow((intptr_t)lhs, (intptr_t)rhs - 1, &r)) {
            return 0;
        }
        *out = (KValue)r;
        return 1;
    }
    if (op == KF_BINOP_SUBTRACT) {
        if (__builtin_sub_overflow((intptr_t)lhs, (intptr_t)rhs - 1, &r)) {
            return 0;
        }
        *out = (KValue)r;
        return 1;
    }
    switch (op) {
    case KF_BINOP_MULTIPLY:
        if (__builtin_mul_overflow(kval_int(lhs), (intptr_t)rhs - 1, &r)) {
            return 0;
        }
        *out = (KValue)(r | 1);
        return 1;
    case KF_BINOP_AND:
        *out = lhs & rhs;
        return 1;
    case KF_BINOP_OR:
        *out = lhs | rhs;
        return 1;
    case KF_BINOP_XOR:
        *out = (lhs ^ rhs) | 1;
        return 1;
    default:
        break;
    }
    intptr_t a = kval_int(lhs), b = kval_int(rhs);
    switch (op) {
    case KF_BINOP_FLOOR_DIVIDE: {
        // a / b cannot overflow int64 (|a| < 2**62); only MIN // -1 leaves
        // the small range.
        if (b == 0 || (b == -1 && a == KV_SMALL_MIN)) {
            return 0;
        }
        intptr_t q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) {
            q--;
        }
        *out = kval_from_int(q);
        return 1;
    }
    case KF_BINOP_REMAINDER: {
        if (b == 0) {
            return 0;
        }
        intptr_t m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            m += b;
        }
        *out = kval_from_int(m);
        return 1;
    }
    case KF_BINOP_RSHIFT:
        if (b < 0) {
            return 0;
        }
        *out = kval_from_int(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
        return 1;
    case KF_BINOP_LSHIFT:
        if (b < 0 || b >= 62) {
            return 0;
        }
        r = (intptr_t)((uintptr_t)a << b);
        if ((r >> b) != a || r < KV_SMALL_MIN || r > KV_SMALL_MAX) {
            return 0;
        }
        *out = kval_from_int(r);
        return 1;
    case KF_BINOP_TRUE_DIVIDE:
        // Both exact in a double: one correctly rounded division.
        if (b == 0 || a > ((intptr_t)1 << DBL_MANT_DIG) || a < -((intptr_t)1 << DBL_MANT_DIG) ||
            b > ((intptr_t)1 << DBL_MANT_DIG) || b < -((intptr_t)1 << DBL_MANT_DIG)) {
            return 0;
        }
        *dout = (double)a / (double)b;
        return 2;
    default:
        return 0;
    }
}

// The operand as a double when it is an exact float or a small int.
static inline __attribute__((always_inline)) int kfast_as_double(KValue v, double *d) {
    if (kval_is_int(v)) {
        *d = (double)kval_int(v);
        return 1;
    }
    if (kval_obj(v)->type == &kfloat_type) {
        *d = kfloat_value(v);
        return 1;
    }
    return 0;
}

// 'a' OP 'b' for floats (at least one operand was a float); 'op' without its
// in-place offset.
static inline __attribute__((always_inline)) int kfast_float_binop(double a, double b, int op, double *out) {
    switch (op) {
    case KF_BINOP_ADD:
        *out = a + b;
        return 1;
    case KF_BINOP_SUBTRACT:
        *out = a - b;
        return 1;
    case KF_BINOP_MULTIPLY:
        *out = a * b;
        return 1;
    case KF_BINOP_TRUE_DIVIDE:
        if (b == 0.0) {
            return 0;
        }
        *out = a / b;
        return 1;
    case KF_BINOP_POWER:
        // A positive finite base and a finite exponent with a normal finite
        // result: no special case of float.__pow__ and no error to raise.
        if (a > 0.0 && a <= DBL_MAX && isfinite(b)) {
            double r = pow(a, b);
            if (r >= DBL_MIN && r <= DBL_MAX) {
                *out = r;
                return 1;
            }
        }
        return 0;
    default:
        return 0;
    }
}

// Comparisons without a branch on the operator: bit c of the operator's
// mask is the answer when the operands compare as c (0 less, 1 equal,
// 2 greater, 3 unordered: a NaN, for which only != holds, as IEEE says).
static const uint8_t kfast_cmp_masks[8] = {
    [KF_CMP_LT] = 1, [KF_CMP_LE] = 3, [KF_CMP_EQ] = 2,
    [KF_CMP_NE] = 1 | 4 | 8, [KF_CMP_GT] = 4, [KF_CMP_GE] = 6,
};

static inline __attribute__((always_inline)) int kfast_cmp_int(intptr_t a, intptr_t b, int op) {
    int c = (a > b) - (a < b) + 1;
    return (kfast_cmp_masks[op & 7] >> c) & 1;
}

static inline __attribute__((always_inline)) int kfast_cmp_float(double a, double b, int op) {
    int c = a < b ? 0 : a == b ? 1 : a > b ? 2 : 3;
    return (kfast_cmp_masks[op & 7] >> c) & 1;
}

#endif
