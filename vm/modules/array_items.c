// vm/modules/array_items.c: the type codes of the array module: each one's
// item size and conversions, with the range checks and messages of
// CPython's (which come from its argument parser's formats, so 'b' checks
// a short before a signed char), and the unpickling helper
// _array_reconstructor with the machine format codes of PEP 3118's era
// (CPython's arraymodule.c enumerates them; pickles carry them).
#include <limits.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../errors.h"
#include "../float.h"
#include "../int.h"
#include "../list.h"
#include "../str.h"
#include "../type.h"
#include "array.h"

const char karray_typecodes[] = "bBuhHiIlLqQfd";

// An int argument as a C long ("Python int too large to convert to C
// long" past 64 bits), through __index__.
static int as_long(KValue v, int64_t *out, const char *too_big) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow = 0;
    *out = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow) {
        kerr_set(&kexc_OverflowError, too_big);
        return -1;
    }
    return 0;
}

// The range check of a signed format: OverflowError "NAME is less than
// minimum" / "NAME is greater than maximum".
static int in_range(int64_t x, int64_t lo, int64_t hi, const char *name) {
    if (x < lo) {
        kerr_format(&kexc_OverflowError, "%s is less than minimum", name);
        return 0;
    }
    if (x > hi) {
        kerr_format(&kexc_OverflowError, "%s is greater than maximum", name);
        return 0;
    }
    return 1;
}

#define LONG_TOO_BIG "Python int too large to convert to C long"

static int set_b(char *p, KValue v) {
    int64_t x;
    if (as_long(v, &x, LONG_TOO_BIG) < 0 || !in_range(x, SHRT_MIN, SHRT_MAX, "signed short integer") ||
        !in_range(x, -128, 127, "signed char")) {
        return -1;
    }
    *(signed char *)p = (signed char)x;
    return 0;
}

static int set_B(char *p, KValue v) {
    int64_t x;
    if (as_long(v, &x, LONG_TOO_BIG) < 0 || !in_range(x, 0, 255, "unsigned byte integer")) {
        return -1;
    }
    *(unsigned char *)p = (unsigned char)x;
    return 0;
}

static int set_h(char *p, KValue v) {
    int64_t x;
    if (as_long(v, &x, LONG_TOO_BIG) < 0 || !in_range(x, SHRT_MIN, SHRT_MAX, "signed short integer")) {
        return -1;
    }
    short s = (short)x;
    memcpy(p, &s, sizeof s);
    return 0;
}

static int set_H(char *p, KValue v) {
    int64_t x;
    if (as_long(v, &x, LONG_TOO_BIG) < 0 || !in_range(x, INT_MIN, INT_MAX, "signed integer") ||
        !in_range(x, 0, USHRT_MAX, "unsigned short")) {
        return -1;
    }
    unsigned short s = (unsigned short)x;
    memcpy(p, &s, sizeof s);
    return 0;
}

static int set_i(char *p, KValue v) {
    int64_t x;
    if (as_long(v, &x, LONG_TOO_BIG) < 0 || !in_range(x, INT_MIN, INT_MAX, "signed integer")) {
        return -1;
    }
    int s = (int)x;
    memcpy(p, &s, sizeof s);
    return 0;
}

static int set_l(char *p, KValue v) {
    int64_t x;
    if (as_long(v, &x, LONG_TOO_BIG) < 0) {
        return -1;
    }
    memcpy(p, &x, sizeof x);
    return 0;
}

static int set_q(char *p, KValue v) {
    int64_t x;
    if (as_long(v, &x, "int too big to convert") < 0) {
        return -1;
    }
    memcpy(p, &x, sizeof x);
    return 0;
}

// An unsigned item: 'negative' and 'too_big' are the messages of CPython's
// conversion for the code.
static int as_unsigned(KValue v, uint64_t *out, const char *negative, const char *too_big) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow = 0;
    *out = kint_as_u64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow) {
        kerr_set(&kexc_OverflowError, overflow < 0 ? negative : too_big);
        return -1;
    }
    return 0;
}

static int set_I(char *p, KValue v) {
    uint64_t x;
    if (as_unsigned(v, &x, "can't convert negative value to unsigned int",
                    "Python int too large to convert to C unsigned long") < 0) {
        return -1;
    }
    if (x > UINT_MAX) {
        kerr_set(&kexc_OverflowError, "unsigned int is greater than maximum");
        return -1;
    }
    unsigned s = (unsigned)x;
    memcpy(p, &s, sizeof s);
    return 0;
}

static int set_L(char *p, KValue v) {
    uint64_t x;
    if (as_unsigned(v, &x, "can't convert negative value to unsigned int",
                    "Python int too large to convert to C unsigned long") < 0) {
        return -1;
    }
    memcpy(p, &x, sizeof x);
    return 0;
}

static int set_Q(char *p, KValue v) {
    uint64_t x;
    if (as_unsigned(v, &x, "can't convert negative int to unsigned", "int too big to convert") < 0) {
        return -1;
    }
    memcpy(p, &x, sizeof x);
    return 0;
}

static int as_double(KValue v, double *out) {
    if (!kval_is_int(v) && kval_type(v) == &kfloat_type) {
        *out = kfloat_value(v);
        return 0;
    }
    double d = knum_as_double(v);
    if (d == -1.0 && kerr_occurred()) {
        return -1;
    }
    *out = d;
    return 0;
}

static int set_f(char *p, KValue v) {
    double d;
    if (as_double(v, &d) < 0) {
        return -1;
    }
    float f = (float)d;
    memcpy(p, &f, sizeof f);
    return 0;
}

static int set_d(char *p, KValue v) {
    double d;
    if (as_double(v, &d) < 0) {
        return -1;
    }
    memcpy(p, &d, sizeof d);
    return 0;
}

// 'u': one character (wchar_t is 4 bytes here, so any code point).
static int set_u(char *p, KValue v) {
    if (!kstr_check(v) || kstr_len(v) != 1) {
        kerr_set(&kexc_TypeError, "array item must be unicode character");
        return -1;
    }
    uint32_t c = kstr_char((const KStr *)v, 0);
    memcpy(p, &c, sizeof c);
    return 0;
}

#define GETTER(NAME, CTYPE, MAKE)                                                              \
    static KValue NAME(const char *p) {                                                        \
        CTYPE x;                                                                               \
        memcpy(&x, p, sizeof x);                                                               \
        return MAKE;                                                                           \
    }
GETTER(get_b, signed char, kval_from_int(x))
GETTER(get_B, unsigned char, kval_from_int(x))
GETTER(get_h, short, kval_from_int(x))
GETTER(get_H, unsigned short, kval_from_int(x))
GETTER(get_i, int, kval_from_int(x))
GETTER(get_I, unsigned, kint_from_u64(x))
GETTER(get_l, int64_t, kint_from_i64(x))
GETTER(get_L, uint64_t, kint_from_u64(x))
GETTER(get_f, float, kfloat_new((double)x))
GETTER(get_d, double, kfloat_new(x))
GETTER(get_u, uint32_t, kstr_from_char(x))

// Machine format codes (the values pickles carry).
enum {
    MF_UINT8, MF_INT8, MF_UINT16_LE, MF_UINT16_BE, MF_INT16_LE, MF_INT16_BE, MF_UINT32_LE,
    MF_UINT32_BE, MF_INT32_LE, MF_INT32_BE, MF_UINT64_LE, MF_UINT64_BE, MF_INT64_LE,
    MF_INT64_BE, MF_FLOAT_LE, MF_FLOAT_BE, MF_DOUBLE_LE, MF_DOUBLE_BE, MF_UTF16_LE,
    MF_UTF16_BE, MF_UTF32_LE, MF_UTF32_BE, MF_COUNT
};

static const ArrayDescr descrs[] = {
    {'b', 1, 1, 1, MF_INT8, get_b, set_b},
    {'B', 1, 1, 0, MF_UINT8, get_B, set_B},
    {'u', 4, 0, 0, MF_UTF32_LE, get_u, set_u},
    {'h', 2, 1, 1, MF_INT16_LE, get_h, set_h},
    {'H', 2, 1, 0, MF_UINT16_LE, get_H, set_H},
    {'i', 4, 1, 1, MF_INT32_LE, get_i, set_i},
    {'I', 4, 1, 0, MF_UINT32_LE, get_I, set_I},
    {'l', 8, 1, 1, MF_INT64_LE, get_l, set_l},
    {'L', 8, 1, 0, MF_UINT64_LE, get_L, set_L},
    {'q', 8, 1, 1, MF_INT64_LE, get_l, set_q},
    {'Q', 8, 1, 0, MF_UINT64_LE, get_L, set_Q},
    {'f', 4, 0, 0, MF_FLOAT_LE, get_f, set_f},
    {'d', 8, 0, 0, MF_DOUBLE_LE, get_d, set_d},
};

const ArrayDescr *karray_descr(uint32_t typecode) {
    for (size_t i = 0; i < sizeof descrs / sizeof descrs[0]; i++) {
        if ((uint32_t)(unsigned char)descrs[i].typecode == typecode) {
            return &descrs[i];
        }
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// _array_reconstructor

// Size, signedness and byte order of each machine format.
static void mformat_shape(int mf, int *size, int *is_signed, int *big_endian) {
    static const unsigned char sizes[MF_COUNT] = {1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8,
                                                  8, 8, 8, 4, 4, 8, 8, 2, 2, 4, 4};
    *size = sizes[mf];
    *is_signed = mf == MF_INT8 || (mf >= MF_INT16_LE && mf <= MF_INT16_BE) ||
                 mf == MF_INT32_LE || mf == MF_INT32_BE || mf == MF_INT64_LE || mf == MF_INT64_BE;
    *big_endian = mf >= MF_UINT16_LE && (mf - MF_UINT16_LE) % 2 == 1;
}

static uint64_t load(const unsigned char *p, int size, int big_endian) {
    uint64_t v = 0;
    for (int i = 0; i < size; i++) {
        v |= (uint64_t)p[big_endian ? size - 1 - i : i] << (8 * i);
    }
    return v;
}

// The items of 'data' in the machine format 'mf' as a list of Python
// objects (or, for the UTF formats, one str).
static KValue decode_items(int mf, const unsigned char *data, ssize_t len) {
    int size, is_signed, big;
    mformat_shape(mf, &size, &is_signed, &big);
    if (mf >= MF_UTF16_LE) {
        static const char *const codecs[] = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"};
        return kcodec_decode((const char *)data, len, codecs[mf - MF_UTF16_LE], "strict");
    }
    KValue list = klist_new(0);
    for (ssize_t off = 0; list && off < len; off += size) {
        uint64_t u = load(data + off, size, big);
        KValue item;
        if (mf >= MF_FLOAT_LE) {
            double d;
            if (size == 4) {
                uint32_t w = (uint32_t)u;
                float f;
                memcpy(&f, &w, sizeof f);
                d = f;
            } else {
                memcpy(&d, &u, sizeof d);
            }
            item = kfloat_new(d);
        } else if (is_signed) {
            int shift = 64 - 8 * size;
            item = kint_from_i64((int64_t)(u << shift) >> shift);
        } else {
            item = kint_from_u64(u);
        }
        if (!item || klist_append(list, item) < 0) {
            kval_xdecref(item);
            kval_decref(list);
            return KV_NULL;
        }
        kval_decref(item);
    }
    return list;
}

KValue karray_reconstruct(const KValue *args, size_t nargs,
                          KValue (*make_array)(KType *type, char typecode, KValue init)) {
    if (nargs != 4) {
        kerr_format(&kexc_TypeError, "_array_reconstructor expected 4 arguments, got %zu", nargs);
        return KV_NULL;
    }
    KValue type = args[0], tc = args[1], mfv = args[2], items = args[3];
    if (!ktype_check(type)) {
        kerr_format(&kexc_TypeError, "first argument must be a type object, not %s",
                    ktype_name(kval_type(type)));
        return KV_NULL;
    }
    if (!ktype_is_subtype((KType *)type, &karray_type)) {
        kerr_format(&kexc_TypeError, "%s is not a subtype of array.array", ((KType *)type)->name);
        return KV_NULL;
    }
    if (!kstr_check(tc) || kstr_len(tc) != 1) {
        kerr_format(&kexc_TypeError, "_array_reconstructor() argument 2 must be a unicode character, not %s",
                    ktype_name(kval_type(tc)));
        return KV_NULL;
    }
    const ArrayDescr *d = karray_descr(kstr_char((const KStr *)tc, 0));
    if (!d) {
        kerr_set(&kexc_ValueError, "second argument must be a valid type code");
        return KV_NULL;
    }
    int mf;
    {
        int64_t x;
        if (as_long(mfv, &x, LONG_TOO_BIG) < 0) {
            return KV_NULL;
        }
        if (x < 0 || x >= MF_COUNT) {
            kerr_set(&kexc_ValueError, "third argument must be a valid machine format code.");
            return KV_NULL;
        }
        mf = (int)x;
    }
    if (!kbytes_check(items)) {
        kerr_format(&kexc_TypeError, "fourth argument should be bytes, not %s",
                    ktype_name(kval_type(items)));
        return KV_NULL;
    }
    if (mf == d->mformat) {
        return make_array((KType *)type, d->typecode, items);
    }
    ssize_t len;
    const unsigned char *data = (const unsigned char *)kbytes_data(items, &len);
    int size, is_signed, big;
    mformat_shape(mf, &size, &is_signed, &big);
    if (len % size != 0) {
        kerr_set(&kexc_ValueError, "string length not a multiple of item size");
        return KV_NULL;
    }
    char typecode = d->typecode;
    if (mf < MF_FLOAT_LE) { // integers: the last code of the format's size and sign
        for (size_t i = 0; i < sizeof descrs / sizeof descrs[0]; i++) {
            if (descrs[i].is_integer && descrs[i].itemsize == size &&
                descrs[i].is_signed == is_signed) {
                typecode = descrs[i].typecode;
            }
        }
    }
    KValue init = decode_items(mf, data, len);
    KValue r = init ? make_array((KType *)type, typecode, init) : KV_NULL;
    kval_xdecref(init);
    return r;
}
