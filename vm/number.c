// vm/number.c: the number protocol: binary operators with CPython's
// dispatch (binary_op1: the right operand's slot first when its type is a
// subclass of the left's; in-place slots before the plain ones), unary
// operators, pow, divmod, and the conversions int(), float(), __index__.
#include <limits.h>
#include <math.h>
#include "internal.h"

#include "abstract.h"
#include "bytes.h"
#include "errors.h"
#include "float.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static const char *const op_symbols[] = {"+",  "&", "//", "<<", "@", "*", "%",
                                         "|",  "** or pow()", ">>", "-", "/", "^"};
static const char *const iop_symbols[] = {"+=",  "&=", "//=", "<<=", "@=", "*=", "%=",
                                          "|=",  "**=", ">>=", "-=", "/=", "^="};

const char *knum_op_symbol(int op) {
    return op >= KF_BINOP_INPLACE ? iop_symbols[op - KF_BINOP_INPLACE] : op_symbols[op];
}

static KBinaryFn binop_slot(KType *t, int op) {
    return knb(t)->binop[op];
}

// binary_op1: NotImplemented (new reference) when neither side handles it.
static KValue binary_op1(KValue v, KValue w, int op) {
    KType *tv = kval_type(v), *tw = kval_type(w);
    KBinaryFn slotv = binop_slot(tv, op);
    KBinaryFn slotw = tw != tv ? binop_slot(tw, op) : NULL;
    if (slotw == slotv) {
        slotw = NULL;
    }
    KValue x;
    if (slotv) {
        if (slotw && ktype_is_subtype(tw, tv)) {
            x = slotw(v, w);
            if (x != KV_NOTIMPL) {
                return x;
            }
            kval_decref(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != KV_NOTIMPL) {
            return x;
        }
        kval_decref(x);
    }
    if (slotw) {
        return slotw(v, w);
    }
    return kval_newref(KV_NOTIMPL);
}

static KValue binop_type_error(KValue v, KValue w, int op) {
    int base = op >= KF_BINOP_INPLACE ? op - KF_BINOP_INPLACE : op;
    KType *tv = kval_type(v), *tw = kval_type(w);
    if (base == KF_BINOP_ADD) {
        const char *name = ktype_is_subtype(tv, &kstr_type)     ? "str"
                           : ktype_is_subtype(tv, &klist_type)  ? "list"
                           : ktype_is_subtype(tv, &ktuple_type) ? "tuple"
                                                                : NULL;
        if (name) {
            kerr_format(&kexc_TypeError, "can only concatenate %s (not \"%s\") to %s", name,
                        ktype_name(tw), name);
            return KV_NULL;
        }
        if (ktype_is_subtype(tv, &kbytes_type) || tv == &kbytearray_type) {
            kerr_format(&kexc_TypeError, "can't concat %s to %s", ktype_name(tw), ktype_name(tv));
            return KV_NULL;
        }
    }
    if (base == KF_BINOP_MULTIPLY) {
        KType *seq = NULL, *other = NULL;
        KType *seqs[] = {&kstr_type, &klist_type, &ktuple_type, &kbytes_type, &kbytearray_type};
        for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
            if (ktype_is_subtype(tv, seqs[i])) {
                seq = tv, other = tw;
            } else if (ktype_is_subtype(tw, seqs[i])) {
                seq = tw, other = tv;
            }
        }
        if (seq && !knb(other)->index) {
            kerr_format(&kexc_TypeError, "can't multiply sequence by non-int of type '%s'",
                        ktype_name(other));
            return KV_NULL;
        }
    }
    kerr_format(&kexc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                knum_op_symbol(op), ktype_name(kval_type(v)), ktype_name(kval_type(w)));
    return KV_NULL;
}

// pow(v, w, z) with the ternary slots of all three.
static KValue ternary_power(KValue v, KValue w, KValue z, int inplace_op) {
    KType *tv = kval_type(v), *tw = kval_type(w);
    KTernaryFn slotv = knb(tv)->power;
    KTernaryFn slotw = tw != tv ? knb(tw)->power : NULL;
    if (slotw == slotv) {
        slotw = NULL;
    }
    KValue x;
    if (slotv) {
        if (slotw && ktype_is_subtype(tw, tv)) {
            x = slotw(v, w, z);
            if (x != KV_NOTIMPL) {
                return x;
            }
            kval_decref(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != KV_NOTIMPL) {
            return x;
        }
        kval_decref(x);
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != KV_NOTIMPL) {
            return x;
        }
        kval_decref(x);
    }
    if (z != KV_NONE) {
        KType *tz = kval_type(z);
        if (knb(tz)->power && knb(tz)->power != slotv && knb(tz)->power != slotw) {
            x = knb(tz)->power(v, w, z);
            if (x != KV_NOTIMPL) {
                return x;
            }
            kval_decref(x);
        }
        kerr_format(&kexc_TypeError,
                    "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    ktype_name(tv), ktype_name(tw), ktype_name(tz));
        return KV_NULL;
    }
    return binop_type_error(v, w, inplace_op ? KF_BINOP_POWER + KF_BINOP_INPLACE : KF_BINOP_POWER);
}

// The commonest operations the interpreter does not inline: % and // of two
// small ints (Python's floor semantics) and + of two exact strs. KV_NOTIMPL
// (not a reference) when the operands are not of that kind.
static inline KValue binop_fast(KValue v, KValue w, int base) {
    if (base != KF_BINOP_ADD && kval_is_int(v) && kval_is_int(w)) {
        intptr_t a = kval_int(v), b = kval_int(w);
        if (b == 0 || (b == -1 && a == KV_SMALL_MIN)) {
            return KV_NOTIMPL;
        }
        intptr_t q = a / b, r = a % b;
        if (r != 0 && ((r ^ b) < 0)) {
            r += b;
            q--;
        }
        if (base == KF_BINOP_REMAINDER) {
            return kval_from_int(r);
        }
        if (base == KF_BINOP_FLOOR_DIVIDE) {
            return kval_from_int(q);
        }
        return KV_NOTIMPL;
    }
    if (base == KF_BINOP_ADD && kstr_check_exact(v) && kstr_check_exact(w)) {
        return kstr_concat(v, w);
    }
    return KV_NOTIMPL;
}

KValue knum_binop(KValue v, KValue w, int op) {
    int inplace = op >= KF_BINOP_INPLACE;
    int base = inplace ? op - KF_BINOP_INPLACE : op;
    if (base == KF_BINOP_REMAINDER || base == KF_BINOP_FLOOR_DIVIDE || base == KF_BINOP_ADD) {
        KValue x = binop_fast(v, w, base);
        if (x != KV_NOTIMPL) {
            return x;
        }
    }
    if (inplace) {
        KBinaryFn islot = knb(kval_type(v))->inplace[base];
        if (islot) {
            KValue x = islot(v, w);
            if (x != KV_NOTIMPL) {
                return x;
            }
            kval_decref(x);
        }
    }
    if (base == KF_BINOP_POWER) {
        return ternary_power(v, w, KV_NONE, inplace);
    }
    KValue x = binary_op1(v, w, base);
    if (x != KV_NOTIMPL) {
        return x;
    }
    kval_decref(x);
    return binop_type_error(v, w, op);
}

KValue knum_binop_after_left(KValue v, KValue w, int op) {
    int base = op >= KF_BINOP_INPLACE ? op - KF_BINOP_INPLACE : op;
    KType *tv = kval_type(v), *tw = kval_type(w);
    KBinaryFn slotw = tw != tv ? binop_slot(tw, base) : NULL;
    if (slotw && slotw != binop_slot(tv, base)) {
        KValue x = slotw(v, w);
        if (x != KV_NOTIMPL) {
            return x;
        }
        kval_decref(x);
    }
    return binop_type_error(v, w, op);
}

KValue knum_divmod(KValue v, KValue w) {
    KType *tv = kval_type(v), *tw = kval_type(w);
    KBinaryFn slotv = knb(tv)->divmod, slotw = tw != tv ? knb(tw)->divmod : NULL;
    if (slotw == slotv) {
        slotw = NULL;
    }
    KValue x;
    if (slotv) {
        if (slotw && ktype_is_subtype(tw, tv)) {
            x = slotw(v, w);
            if (x != KV_NOTIMPL) {
                return x;
            }
            kval_decref(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != KV_NOTIMPL) {
            return x;
        }
        kval_decref(x);
    }
    if (slotw) {
        x = slotw(v, w);
        if (x != KV_NOTIMPL) {
            return x;
        }
        kval_decref(x);
    }
    kerr_format(&kexc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                ktype_name(tv), ktype_name(tw));
    return KV_NULL;
}

KValue knum_power(KValue v, KValue w, KValue z) {
    return ternary_power(v, w, z ? z : KV_NONE, 0);
}

#define UNARY(fname, slot, sym)                                                                  \
    KValue fname(KValue v) {                                                                     \
        KType *t = kval_type(v);                                                                 \
        if (knb(t)->slot) {                                                                        \
            return knb(t)->slot(v);                                                                \
        }                                                                                        \
        kerr_format(&kexc_TypeError, "bad operand type for " sym ": '%s'", ktype_name(t));        \
        return KV_NULL;                                                                          \
    }
UNARY(knum_negative, negative, "unary -")
UNARY(knum_positive, positive, "unary +")
UNARY(knum_absolute, absolute, "abs()")
UNARY(knum_invert, invert, "unary ~")

KValue knum_index(KValue v) {
    if (kval_is_int(v)) {
        return v;
    }
    if (kint_check(v)) {
        return kint_exact(v);
    }
    KType *t = kval_type(v);
    if (!knb(t)->index) {
        kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                    ktype_name(t));
        return KV_NULL;
    }
    KValue r = knb(t)->index(v);
    if (r && !kint_check(r)) {
        kerr_format(&kexc_TypeError, "__index__ returned non-int (type %T)", r);
        kval_decref(r);
        return KV_NULL;
    }
    if (r && !kint_check_exact(r)) {
        KValue e = kint_exact(r);
        kval_decref(r);
        r = e;
    }
    return r;
}

ssize_t knum_as_ssize(KValue v, KType *overflow) {
    if (kval_is_int(v)) {
        return kval_int(v);
    }
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int ov;
    int64_t r = kint_as_i64_overflow(i, &ov);
    if (ov) {
        if (!overflow) {
            r = ov < 0 ? INT64_MIN : INT64_MAX;
        } else {
            kerr_format(overflow, "cannot fit '%T' into an index-sized integer", v);
            r = -1;
        }
    }
    kval_decref(i);
    return (ssize_t)r;
}

// v through __index__ within [lo, hi]; 'ctype' names the C type in the
// OverflowError, which says "too large" for either end, as CPython's
// PyLong_AsLong and _PyLong_AsInt do. 0 with '*out', or -1.
static int index_in_range(KValue v, int64_t lo, int64_t hi, const char *ctype, int64_t *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow || n > hi || n < lo) {
        kerr_format(&kexc_OverflowError, "Python int too large to convert to C %s", ctype);
        return -1;
    }
    *out = n;
    return 0;
}

int knum_as_int(KValue v, int *out) {
    int64_t n;
    if (index_in_range(v, INT_MIN, INT_MAX, "int", &n) < 0) {
        return -1;
    }
    *out = (int)n;
    return 0;
}

int knum_as_long(KValue v, long *out) {
    int64_t n;
    if (index_in_range(v, LONG_MIN, LONG_MAX, "long", &n) < 0) {
        return -1;
    }
    *out = (long)n;
    return 0;
}

KValue knum_long(KValue v) {
    if (kint_check_exact(v)) {
        return kval_newref(v);
    }
    KType *t = kval_type(v);
    if (knb(t)->to_int) {
        KValue r = knb(t)->to_int(v);
        if (r && !kint_check(r)) {
            kerr_format(&kexc_TypeError, "__int__ returned non-int (type %T)", r);
            kval_decref(r);
            return KV_NULL;
        }
        if (r && !kint_check_exact(r)) {
            KValue e = kint_exact(r);
            kval_decref(r);
            r = e;
        }
        return r;
    }
    if (knb(t)->index) {
        return knum_index(v);
    }
    int found;
    KValue r = kobj_call_special(v, KID(__trunc__), NULL, 0, &found);
    if (found) {
        if (r && !kint_check(r)) {
            KValue i = knum_index(r);
            kval_decref(r);
            return i;
        }
        return r;
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    if (kval_has_flag(v, KTF_BYTES_SUBCLASS) || t == &kbytearray_type) {
        return kint_new_from_object(v, kval_from_int(10));
    }
    const char *p;
    ssize_t n;
    if (kbytes_get_buffer(v, &p, &n)) { // any other buffer: its bytes (memoryview, array)
        KValue b = kbytes_from_data(p, n);
        KValue i = b ? kint_new_from_object(b, kval_from_int(10)) : KV_NULL;
        kval_xdecref(b);
        return i;
    }
    kerr_format(&kexc_TypeError,
                "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                ktype_name(t));
    return KV_NULL;
}

KValue kfloat_from_string(KValue s);

KValue knum_float(KValue v) {
    KType *t = kval_type(v);
    if (t == &kfloat_type) {
        return kval_newref(v);
    }
    if (kval_is_int(v)) {
        return kfloat_new((double)kval_int(v));
    }
    if (knb(t)->to_float) {
        KValue r = knb(t)->to_float(v);
        if (r && !kfloat_check(r)) {
            kerr_format(&kexc_TypeError, "%s.__float__ returned non-float (type %T)",
                        ktype_name(t), r);
            kval_decref(r);
            return KV_NULL;
        }
        if (r && kval_type(r) != &kfloat_type) {
            KValue f = kfloat_new(kfloat_value(r));
            kval_decref(r);
            r = f;
        }
        return r;
    }
    if (knb(t)->index) {
        KValue i = knum_index(v);
        if (!i) {
            return KV_NULL;
        }
        double d = kint_as_double(i);
        kval_decref(i);
        if (d == -1.0 && kerr_occurred()) {
            return KV_NULL;
        }
        return kfloat_new(d);
    }
    const char *p;
    ssize_t n;
    if (kstr_check(v) || kbytes_get_buffer(v, &p, &n)) {
        return kfloat_from_string(v);
    }
    kerr_format(&kexc_TypeError, "float() argument must be a string or a real number, not '%s'",
                ktype_name(t));
    return KV_NULL;
}

double knum_as_double(KValue v) {
    if (kval_is_int(v)) {
        return (double)kval_int(v);
    }
    if (kval_type(v) == &kfloat_type) {
        return kfloat_value(v);
    }
    KType *t = kval_type(v);
    if (!knb(t)->to_float && !knb(t)->index) {
        kerr_format(&kexc_TypeError, "must be real number, not %s", ktype_name(t));
        return -1.0;
    }
    KValue f = knum_float(v);
    if (!f) {
        return -1.0;
    }
    double d = kfloat_value(f);
    kval_decref(f);
    return d;
}
