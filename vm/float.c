// vm/float.c: the float type: boxed doubles from a free list, CPython's
// repr (the shortest string that round-trips, fixed notation for decimal
// exponents in (-4, 16]), CPython's hash (so hash(1.0) == hash(1)), exact
// comparison with ints, arithmetic with CPython's errors, float(str).
#include "float.h"
#include "internal.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

#define FREE_MAX 256
static KFloat *free_list[FREE_MAX];
static int nfree;

KValue kfloat_new(double d) {
    KFloat *f;
    if (nfree > 0) {
        f = free_list[--nfree];
        f->refcnt = 1;
        f->type = &kfloat_type;
    } else {
        f = (KFloat *)kobj_alloc(&kfloat_type, sizeof(KFloat));
        if (!f) {
            return kerr_no_memory();
        }
    }
    f->value = d;
    return kval_of(f);
}

static void float_dealloc(KObject *o) {
    if (o->type == &kfloat_type && nfree < FREE_MAX) {
        free_list[nfree++] = (KFloat *)o;
        return;
    }
    kobj_free(o);
}

// Whether some 'prec'-digit decimal reads back as 'd' (> 0): the correctly
// rounded one, or else the next one up (at a power of two the gap above
// 'd' is twice the gap below, so the nearest decimal may fall outside
// while the next one up reads back: 2**-24 is 5.960464477539063e-08).
// The digits found are left in 'buf' as "D.DDDe[+-]XX".
static int round_trips(double d, int prec, char *buf, size_t size) {
    snprintf(buf, size, "%.*e", prec - 1, d);
    if (strtod(buf, NULL) == d) {
        return 1;
    }
    char up[48];
    memcpy(up, buf, size < sizeof up ? size : sizeof up);
    up[sizeof up - 1] = 0;
    char *e = strchr(up, 'e');
    if (!e) {
        return 0;
    }
    char *q = e - 1;
    while (q >= up && (*q == '9' || *q == '.')) {
        if (*q == '9') {
            *q = '0';
        }
        q--;
    }
    if (q < up) {
        return 0; // 9.99...e+XX: the next one up has another exponent; never needed
    }
    (*q)++;
    if (strtod(up, NULL) != d) {
        return 0;
    }
    memcpy(buf, up, sizeof up < size ? sizeof up : size);
    return 1;
}

// The fast path, for most floats a program prints (1.5, 0.1, 1234.25): when
// d*10**k rounds to an integer N below 10**15 whose quotient N/10**k (both
// exact doubles, the division correctly rounded) gives back 'd', N's digits
// are the shortest. Two decimals of at most 15 significant digits never
// round to the same double (DBL_DIG), so this decimal is the one the search
// below would find. Returns the digit count, or 0 to take the slow path.
static int short_digits(double d, char *digits, int *decpt) {
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (d >= 1e15 || d < 1e-7) {
        return 0;
    }
    for (int k = 0; k <= 22; k++) {
        double x = d * pow10[k];
        if (x >= 1e15) {
            return 0;
        }
        double n = nearbyint(x);
        if (n >= 1.0 && n / pow10[k] == d) {
            char buf[24];
            uint64_t v = (uint64_t)n;
            int len = 0;
            while (v) {
                buf[len++] = (char)('0' + v % 10);
                v /= 10;
            }
            *decpt = len - k;
            int skip = 0;
            while (skip < len && buf[skip] == '0') {
                skip++;
            }
            int nd = 0;
            for (int i = len - 1; i >= skip; i--) {
                digits[nd++] = buf[i];
            }
            digits[nd] = 0;
            return nd;
        }
    }
    return 0;
}

// The shortest digits of 'd' (> 0, finite) that round-trip, and the decimal
// exponent: d ~= 0.DIGITS * 10**decpt.
// Round-tripping is monotonic in the precision (the correctly rounded
// p+1-digit value is at least as close as the p-digit one, which is also a
// p+1-digit value), so a binary search over 1..17 digits finds the shortest
// with 4-5 formatting passes instead of up to 17.
static int shortest_digits(double d, char *digits, int *decpt) {
    int fast = short_digits(d, digits, decpt);
    if (fast) {
        return fast;
    }
    char buf[40], best[40];
    int lo = 1, hi = 17;
    snprintf(best, sizeof best, "%.*e", hi - 1, d);
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (round_trips(d, mid, buf, sizeof buf)) {
            hi = mid;
            memcpy(best, buf, sizeof best);
        } else {
            lo = mid + 1;
        }
    }
    memcpy(buf, best, sizeof buf);
    // buf: D.DDDDe[+-]XX
    int n = 0;
    char *p = buf;
    for (; *p && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9') {
            digits[n++] = *p;
        }
    }
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = 0;
    *decpt = atoi(p + 1) + 1;
    return n;
}

void kfloat_repr_buf(double d, char *out) {
    if (isnan(d)) {
        strcpy(out, "nan");
        return;
    }
    if (isinf(d)) {
        strcpy(out, d > 0 ? "inf" : "-inf");
        return;
    }
    char *o = out;
    if (signbit(d)) {
        *o++ = '-';
        d = -d;
    }
    if (d == 0.0) {
        strcpy(o, "0.0");
        return;
    }
    char digits[24];
    int decpt;
    int n = shortest_digits(d, digits, &decpt);
    if (decpt <= -4 || decpt > 16) {
        *o++ = digits[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)n - 1);
            o += n - 1;
        }
        sprintf(o, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
        return;
    }
    if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; i++) {
            *o++ = '0';
        }
        memcpy(o, digits, (size_t)n);
        o += n;
    } else if (decpt >= n) {
        memcpy(o, digits, (size_t)n);
        o += n;
        for (int i = n; i < decpt; i++) {
            *o++ = '0';
        }
        *o++ = '.';
        *o++ = '0';
    } else {
        memcpy(o, digits, (size_t)decpt);
        o += decpt;
        *o++ = '.';
        memcpy(o, digits + decpt, (size_t)(n - decpt));
        o += n - decpt;
    }
    *o = 0;
}

static KValue float_repr(KValue v) {
    char buf[64];
    kfloat_repr_buf(kfloat_value(v), buf);
    return kstr_from_cstr(buf);
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

int64_t kfloat_hash(double v) {
    if (!isfinite(v)) {
        return isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    int64_t r = (int64_t)x * sign;
    return r == -1 ? -2 : r;
}

static int64_t float_hash(KValue v) {
    double d = kfloat_value(v);
    if (isnan(d)) {
        uintptr_t p = (uintptr_t)v;
        int64_t h = (int64_t)((p >> 4) | (p << 60));
        return h == -1 ? -2 : h;
    }
    return kfloat_hash(d);
}

int kfloat_compare_int(double d, KValue i) {
    if (kval_is_int(i)) {
        intptr_t n = kval_int(i);
        if (n > -((intptr_t)1 << 53) && n < ((intptr_t)1 << 53)) {
            double x = (double)n;
            return d < x ? -1 : d > x;
        }
    }
    if (isinf(d)) {
        return d > 0 ? 1 : -1;
    }
    // Compare exactly: the int part of d against i, then the fraction.
    double ip;
    double frac = modf(d, &ip);
    KValue di = kint_from_double(ip);
    if (!di) {
        kerr_clear();
        return 0;
    }
    int c = kint_compare(di, i);
    kval_decref(di);
    if (c != 0) {
        return c;
    }
    return frac > 0 ? 1 : frac < 0 ? -1 : 0;
}

static KValue float_richcompare(KValue a, KValue b, int op) {
    double x = kfloat_value(a);
    int c;
    if (kfloat_check(b)) {
        double y = kfloat_value(b);
        int r;
        switch (op) {
        case KF_CMP_LT:
            r = x < y;
            break;
        case KF_CMP_LE:
            r = x <= y;
            break;
        case KF_CMP_EQ:
            r = x == y;
            break;
        case KF_CMP_NE:
            r = x != y;
            break;
        case KF_CMP_GT:
            r = x > y;
            break;
        default:
            r = x >= y;
            break;
        }
        return kbool_from(r);
    }
    if (!kint_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    if (isnan(x)) {
        return kbool_from(op == KF_CMP_NE);
    }
    c = kfloat_compare_int(x, b);
    int r = op == KF_CMP_LT   ? c < 0
            : op == KF_CMP_LE ? c <= 0
            : op == KF_CMP_EQ ? c == 0
            : op == KF_CMP_NE ? c != 0
            : op == KF_CMP_GT ? c > 0
                              : c >= 0;
    return kbool_from(r);
}

// Converts an operand to double for arithmetic: 1 ok, 0 not a number
// (NotImplemented), -1 error (int too large).
static int as_double(KValue v, double *d) {
    if (kval_is_int(v)) {
        *d = (double)kval_int(v);
        return 1;
    }
    if (kfloat_check(v)) {
        *d = kfloat_value(v);
        return 1;
    }
    if (kint_check(v)) {
        *d = kint_as_double(v);
        return *d == -1.0 && kerr_occurred() ? -1 : 1;
    }
    return 0;
}

#define FLOAT_OPERANDS                                                                           \
    double x, y;                                                                                 \
    int ra = as_double(a, &x), rb = ra > 0 ? as_double(b, &y) : 0;                               \
    if (ra < 0 || rb < 0) {                                                                      \
        return KV_NULL;                                                                          \
    }                                                                                            \
    if (!ra || !rb) {                                                                            \
        return kval_newref(KV_NOTIMPL);                                                          \
    }

static KValue float_add(KValue a, KValue b) {
    FLOAT_OPERANDS
    return kfloat_new(x + y);
}

static KValue float_sub(KValue a, KValue b) {
    FLOAT_OPERANDS
    return kfloat_new(x - y);
}

static KValue float_mul(KValue a, KValue b) {
    FLOAT_OPERANDS
    return kfloat_new(x * y);
}

static KValue float_truediv(KValue a, KValue b) {
    FLOAT_OPERANDS
    if (y == 0.0) {
        kerr_set(&kexc_ZeroDivisionError, "float division by zero");
        return KV_NULL;
    }
    return kfloat_new(x / y);
}

// Python's divmod for floats (floor semantics, sign of the divisor).
static void float_divmod_raw(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    if (div) {
        double fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
        div = fd;
    } else {
        div = copysign(0.0, vx / wx);
    }
    *floordiv = div;
    *mod = m;
}

static KValue float_floordiv(KValue a, KValue b) {
    FLOAT_OPERANDS
    if (y == 0.0) {
        kerr_set(&kexc_ZeroDivisionError, "float floor division by zero");
        return KV_NULL;
    }
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    return kfloat_new(q);
}

static KValue float_mod(KValue a, KValue b) {
    FLOAT_OPERANDS
    if (y == 0.0) {
        kerr_set(&kexc_ZeroDivisionError, "float modulo");
        return KV_NULL;
    }
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    return kfloat_new(r);
}

static KValue float_divmod(KValue a, KValue b) {
    FLOAT_OPERANDS
    if (y == 0.0) {
        kerr_set(&kexc_ZeroDivisionError, "float divmod()");
        return KV_NULL;
    }
    double q, r;
    float_divmod_raw(x, y, &q, &r);
    KValue fq = kfloat_new(q), fr = fq ? kfloat_new(r) : KV_NULL;
    KValue t = fr ? ktuple_pack(2, fq, fr) : KV_NULL;
    kval_xdecref(fq);
    kval_xdecref(fr);
    return t;
}

KValue kcomplex_pow_real(double x, double y);

static KValue float_pow(KValue a, KValue b, KValue m) {
    if (m != KV_NONE) {
        // CPython's float_pow refuses a modulus before looking at the operands,
        // so pow(2, 3, 5.0) reaches here through the modulus's slot and fails too.
        kerr_set(&kexc_TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
        return KV_NULL;
    }
    FLOAT_OPERANDS
    if (y == 0.0) {
        return kfloat_new(1.0);
    }
    if (isnan(x)) {
        return kfloat_new(x);
    }
    if (isnan(y)) {
        return kfloat_new(x == 1.0 ? 1.0 : y);
    }
    if (x == 0.0 && y < 0.0 && !isinf(y)) {
        kerr_set(&kexc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return KV_NULL;
    }
    if (x < 0.0 && !isinf(x) && !isinf(y) && y != floor(y)) {
        return kcomplex_pow_real(x, y);
    }
    errno = 0;
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        kerr_format(&kexc_OverflowError, "(34, 'Numerical result out of range')");
        return KV_NULL;
    }
    return kfloat_new(r);
}

static KValue float_neg(KValue a) {
    return kfloat_new(-kfloat_value(a));
}
static KValue float_pos(KValue a) {
    return kfloat_new(kfloat_value(a));
}
static KValue float_abs(KValue a) {
    return kfloat_new(fabs(kfloat_value(a)));
}
static int float_bool(KValue a) {
    return kfloat_value(a) != 0.0;
}
static KValue float_int(KValue a) {
    return kint_from_double(kfloat_value(a));
}
static KValue float_float(KValue a) {
    return kval_type(a) == &kfloat_type ? kval_newref(a) : kfloat_new(kfloat_value(a));
}

// float(str): Python's syntax (underscores between digits, inf/nan words).
KValue kfloat_from_string(KValue s) {
    const char *p;
    ssize_t len;
    KValue owned = KV_NULL;
    if (kstr_check(s)) {
        // Map non-ASCII digits and spaces as CPython's _PyUnicode_TransformDecimalAndSpaceToASCII.
        KStr *str = (KStr *)s;
        if (!str->ascii) {
            KStrBuilder b;
            kstr_builder_init(&b);
            for (ssize_t i = 0; i < str->len; i++) {
                uint32_t c = kstr_char(str, i);
                if (c > 127) {
                    if (kuni_isspace(c)) {
                        c = ' ';
                    } else if (kuni_record(c)->decimal >= 0) {
                        c = '0' + (uint32_t)kuni_record(c)->decimal;
                    } else {
                        c = '?';
                    }
                }
                kstr_builder_char(&b, c);
            }
            owned = kstr_builder_finish(&b);
            if (!owned) {
                return KV_NULL;
            }
            p = kstr_utf8(owned, &len);
        } else {
            p = kstr_utf8(s, &len);
        }
    } else if (kbytes_need_buffer(s, &p, &len) < 0) {
        return KV_NULL;
    }
    if (!p) {
        kval_xdecref(owned);
        return KV_NULL;
    }
    char local[64];
    char *buf = len < 63 ? local : kmem_alloc((size_t)len + 1);
    if (!buf) {
        kval_xdecref(owned);
        return kerr_no_memory();
    }
    // Strip spaces, drop underscores that sit between digits.
    ssize_t a = 0, z = len;
    while (a < z && (p[a] == ' ' || (p[a] >= 9 && p[a] <= 13))) {
        a++;
    }
    while (z > a && (p[z - 1] == ' ' || (p[z - 1] >= 9 && p[z - 1] <= 13))) {
        z--;
    }
    ssize_t n = 0;
    int ok = a < z;
    for (ssize_t i = a; i < z; i++) {
        if (p[i] == '_') {
            if (i == a || i + 1 == z || !(p[i - 1] >= '0' && p[i - 1] <= '9') ||
                !(p[i + 1] >= '0' && p[i + 1] <= '9')) {
                ok = 0;
            }
            continue;
        }
        if (p[i] == 0) {
            ok = 0;
        }
        buf[n++] = p[i];
    }
    buf[n] = 0;
    double d = 0;
    if (ok) {
        const char *q = buf;
        int neg = 0;
        if (*q == '+' || *q == '-') {
            neg = *q == '-';
            q++;
        }
        if (!strcasecmp(q, "inf") || !strcasecmp(q, "infinity")) {
            d = neg ? -INFINITY : INFINITY;
        } else if (!strcasecmp(q, "nan")) {
            d = neg ? -NAN : NAN;
        } else {
            // Only decimal syntax: no hex floats, no 'infinity' spellings strtod takes.
            int digits = 0;
            for (const char *c = q; *c; c++) {
                if (!strchr("0123456789.eE+-", *c)) {
                    ok = 0;
                }
                digits += *c >= '0' && *c <= '9';
            }
            char *end;
            errno = 0;
            d = ok && digits ? strtod(buf, &end) : 0;
            if (!ok || !digits || *end) {
                ok = 0;
            }
        }
    }
    if (buf != local) {
        kmem_free(buf);
    }
    kval_xdecref(owned);
    if (!ok) {
        kerr_format(&kexc_ValueError, "could not convert string to float: %R", s);
        return KV_NULL;
    }
    return kfloat_new(d);
}

static KValue float_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (kargs_no_kw("float", kwnames) < 0 || kargs_count("float", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    KValue r = nargs ? knum_float(args[0]) : kfloat_new(0.0);
    if (!r || type == &kfloat_type) {
        return r;
    }
    KFloat *f = (KFloat *)ktype_generic_alloc(type, 0);
    if (f) {
        f->value = kfloat_value(r);
    }
    kval_decref(r);
    return kval_of(f);
}

// ---------------------------------------------------------------------------
// Methods.

static KValue float_is_integer(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    double d = kfloat_value(self);
    return kbool_from(isfinite(d) && floor(d) == d);
}

static KValue float_as_integer_ratio(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    double d = kfloat_value(self);
    if (isinf(d)) {
        kerr_set(&kexc_OverflowError, "cannot convert Infinity to integer ratio");
        return KV_NULL;
    }
    if (isnan(d)) {
        kerr_set(&kexc_ValueError, "cannot convert NaN to integer ratio");
        return KV_NULL;
    }
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    KValue num = kint_from_double(m), den = kval_from_int(1);
    if (!num) {
        return KV_NULL;
    }
    KValue shift = kint_from_i64(e < 0 ? -e : e);
    KValue r = KV_NULL;
    if (e > 0) {
        KValue t = knum_binop(num, shift, KF_BINOP_LSHIFT);
        kval_decref(num);
        num = t;
    } else if (e < 0) {
        den = knum_binop(den, shift, KF_BINOP_LSHIFT);
    }
    if (num && den) {
        r = ktuple_pack(2, num, den);
    }
    kval_xdecref(num);
    kval_xdecref(den);
    kval_decref(shift);
    return r;
}

static KValue float_trunc(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_double(kfloat_value(self));
}

static KValue float_floor_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_double(floor(kfloat_value(self)));
}

static KValue float_ceil_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_double(ceil(kfloat_value(self)));
}

static KValue float_round_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    double x = kfloat_value(self);
    if (nargs == 0 || args[0] == KV_NONE) {
        double r = nearbyint(x);
        return kint_from_double(r);
    }
    ssize_t nd = knum_as_ssize(args[0], NULL);
    if (nd == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (!isfinite(x) || x == 0.0) {
        return kfloat_new(x);
    }
    if (nd > 323) {
        return kfloat_new(x);
    }
    if (nd < -308) {
        return kfloat_new(copysign(0.0, x));
    }
    char buf[400];
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return kfloat_new(strtod(buf, NULL));
    }
    double p = pow(10.0, (double)-nd);
    double y = x / p;
    double z = nearbyint(y);
    if (fabs(y - z) == 0.5) {
        z = 2.0 * nearbyint(y / 2.0);
    }
    double r = z * p;
    if (isinf(r)) {
        kerr_set(&kexc_OverflowError, "rounded value too large to represent");
        return KV_NULL;
    }
    return kfloat_new(r);
}

static KValue float_conjugate(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return float_float(self);
}

static KValue float_hex(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    double d = kfloat_value(self);
    char buf[64];
    if (isnan(d) || isinf(d)) {
        kfloat_repr_buf(d, buf);
        return kstr_from_cstr(buf);
    }
    if (d == 0.0) {
        return kstr_from_cstr(signbit(d) ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e;
    double m = frexp(fabs(d), &e); // [0.5, 1)
    m *= 2.0;
    e -= 1;
    if (e < -1022) {
        m = ldexp(m, e + 1022);
        e = -1022;
    }
    char *o = buf;
    if (d < 0) {
        *o++ = '-';
    }
    int lead = (int)m;
    m -= lead;
    o += sprintf(o, "0x%d.", lead);
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        int digit = (int)m;
        m -= digit;
        *o++ = "0123456789abcdef"[digit];
    }
    sprintf(o, "p%+d", e);
    return kstr_from_cstr(buf);
}

static KValue float_getnewargs(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue f = kfloat_new(kfloat_value(self));
    KValue t = f ? ktuple_pack(1, f) : KV_NULL;
    kval_xdecref(f);
    return t;
}

KValue kfloat_format_spec(KValue self, KValue spec);

static KValue float_format_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "format() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    return kfloat_format_spec(self, args[0]);
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// 'top' (with 'sticky' for nonzero bits below it) * 2**'e' rounded half to
// even to a double, subnormals included; 1 (and +-inf) when it overflows.
static int round_to_double(uint64_t top, int sticky, int64_t e, int neg, double *out) {
    if (top == 0) {
        *out = neg ? -0.0 : 0.0;
        return 0;
    }
    int lz = __builtin_clzll(top);
    top <<= lz; // the high bit set: value = top * 2**(e - lz)
    e -= lz;
    int64_t topexp = e + 63; // value in [2**topexp, 2**(topexp + 1))
    if (topexp < -1075) {
        *out = neg ? -0.0 : 0.0; // below half the smallest subnormal
        return 0;
    }
    int p = 53;
    if (topexp < -1022) {
        int64_t q = 53 - (-1022 - topexp);
        p = q < 0 ? 0 : (int)q;
    }
    int drop = 64 - p;
    uint64_t mant = drop >= 64 ? 0 : top >> drop;
    uint64_t rest = drop >= 64 ? top : top & ((((uint64_t)1) << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rest > half || (rest == half && (sticky || (mant & 1)))) {
        mant++;
    }
    int64_t scale = e + drop;
    if (scale > 2000) {
        return 1;
    }
    double d = ldexp((double)mant, (int)(scale < -2000 ? -2000 : scale));
    if (isinf(d)) {
        return 1;
    }
    *out = neg ? -d : d;
    return 0;
}

// float.fromhex's grammar: [sign] (inf | infinity | nan | [0x] hexdigits
// [. hexdigits] [p [sign] digits]), spaces around. Returns 0 with '*out',
// -1 for a malformed string, 1 for overflow.
static int parse_hex_float(const char *s, double *out) {
    while (*s && strchr(" \t\n\r\f\v", *s)) {
        s++;
    }
    int neg = *s == '-';
    if (*s == '-' || *s == '+') {
        s++;
    }
    const char *words[] = {"infinity", "inf", "nan"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if (!strncasecmp(s, words[i], n)) {
            const char *t = s + n;
            while (*t && strchr(" \t\n\r\f\v", *t)) {
                t++;
            }
            if (!*t) {
                *out = i == 2 ? (neg ? -NAN : NAN) : (neg ? -INFINITY : INFINITY);
                return 0;
            }
        }
    }
    if (s[0] == '0' && (s[1] | 0x20) == 'x') {
        s += 2;
    }
    // The significant hex digits go into 'top' (at most 60 bits); later ones
    // only scale the value and set 'sticky'.
    uint64_t top = 0;
    int sticky = 0, ndigits = 0, seen_point = 0;
    int64_t e = 0;
    for (;; s++) {
        if (*s == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        int d = hex_digit(*s);
        if (d < 0) {
            break;
        }
        ndigits++;
        if (top >> 56) {
            sticky |= d != 0;
            e += seen_point ? 0 : 4;
        } else {
            top = top << 4 | (uint64_t)d;
            e -= seen_point ? 4 : 0;
        }
    }
    if (ndigits == 0) {
        return -1;
    }
    if ((*s | 0x20) == 'p') {
        s++;
        int eneg = *s == '-';
        if (*s == '-' || *s == '+') {
            s++;
        }
        if (!(*s >= '0' && *s <= '9')) {
            return -1;
        }
        int64_t x = 0;
        for (; *s >= '0' && *s <= '9'; s++) {
            x = x > 100000000 ? x : x * 10 + (*s - '0');
        }
        e += eneg ? -x : x;
    }
    while (*s && strchr(" \t\n\r\f\v", *s)) {
        s++;
    }
    if (*s) {
        return -1;
    }
    return round_to_double(top, sticky, e, neg, out);
}

static KValue float_fromhex(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "must be str, not %T", args[0]);
        return KV_NULL;
    }
    ssize_t len;
    const char *s = kstr_utf8(args[0], &len);
    if (!s) {
        return KV_NULL;
    }
    double d = 0;
    int status = (ssize_t)strlen(s) == len ? parse_hex_float(s, &d) : -1;
    if (status < 0) {
        kerr_set(&kexc_ValueError, "invalid hexadecimal floating-point string");
        return KV_NULL;
    }
    if (status > 0) {
        kerr_set(&kexc_OverflowError, "hexadecimal value too large to represent as a float");
        return KV_NULL;
    }
    KValue f = kfloat_new(d);
    if (f && cls != kval_of(&kfloat_type)) {
        KValue r = kobj_call1(cls, f);
        kval_decref(f);
        return r;
    }
    return f;
}

static const KMethodDef float_methods[] = {
    {"is_integer", float_is_integer, KMETH_NOARGS, NULL},
    {"as_integer_ratio", float_as_integer_ratio, KMETH_NOARGS, NULL},
    {"__trunc__", float_trunc, KMETH_NOARGS, NULL},
    {"__floor__", float_floor_m, KMETH_NOARGS, NULL},
    {"__ceil__", float_ceil_m, KMETH_NOARGS, NULL},
    {"__round__", float_round_m, KMETH_FAST, NULL},
    {"conjugate", float_conjugate, KMETH_NOARGS, NULL},
    {"hex", float_hex, KMETH_NOARGS, NULL},
    {"fromhex", float_fromhex, KMETH_O | KMETH_CLASS, NULL},
    {"__getnewargs__", float_getnewargs, KMETH_NOARGS, NULL},
    {"__format__", float_format_m, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue float_get_real(KValue self) {
    return float_float(self);
}
static KValue float_get_imag(KValue self) {
    (void)self;
    return kfloat_new(0.0);
}

static const KGetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, NULL},
    {"imag", float_get_imag, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kfloat_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "float",
    .basicsize = sizeof(KFloat),
    .flags = KTF_BASETYPE,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new_ = float_new,
    .nb =
        &(KNumberSlots){
            .binop =
                {
                    [KNB_ADD] = float_add,
                    [KNB_SUBTRACT] = float_sub,
                    [KNB_MULTIPLY] = float_mul,
                    [KNB_TRUE_DIVIDE] = float_truediv,
                    [KNB_FLOOR_DIVIDE] = float_floordiv,
                    [KNB_REMAINDER] = float_mod,
                },
            .divmod = float_divmod,
            .power = float_pow,
            .negative = float_neg,
            .positive = float_pos,
            .absolute = float_abs,
            .to_bool = float_bool,
            .to_int = float_int,
            .to_float = float_float,
        },
    .methods = float_methods,
    .getsets = float_getsets,
    .doc = "float(x=0, /)\n"
        "--\n"
        "\n"
        "Convert a string or number to a floating point number, if possible.",
};

int kfloat_init(void) {
    return 0;
}
