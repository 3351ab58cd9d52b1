// vm/modules/math.c: the math module: constants, the C library functions
// with CPython's domain and range errors, and the integer functions (gcd,
// lcm, factorial, comb, perm, isqrt) on arbitrary-precision ints.
#include <errno.h>
#include <float.h>
#include <math.h>

#include "../abstract.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define MATHFN(name) static KValue math_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames)

static int arg_double(KValue v, double *out) {
    if (kval_type(v) == &kfloat_type) {
        *out = kfloat_value(v);
        return 0;
    }
    *out = knum_as_double(v);
    return *out == -1.0 && kerr_occurred() ? -1 : 0;
}

static KValue domain_error(void) {
    kerr_set(&kexc_ValueError, "math domain error");
    return KV_NULL;
}

static KValue range_error(void) {
    kerr_set(&kexc_OverflowError, "math range error");
    return KV_NULL;
}

// One-argument functions of doubles with CPython's error rules: a nan from
// a non-nan argument is a domain error, an infinity from a finite one a
// range error (unless 'can_overflow' is 0, then it is a domain error).
static KValue unary(KValue v, double (*fn)(double), int can_overflow) {
    double x;
    if (arg_double(v, &x) < 0) {
        return KV_NULL;
    }
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    return kfloat_new(r);
}

// libm's functions are passed on through wrappers of this file (LIBM):
// krait's objects are position-independent code, so the address of an
// outside function is loaded from the GOT, which the dynamic linker fills at
// every start, math imported or not (26 symbol lookups, ~10K instructions
// for hello.py); a call goes through the PLT, resolved on first use.
#define LIBM(fn)                                                                                 \
    static double libm_##fn(double x) {                                                          \
        return fn(x);                                                                            \
    }
LIBM(log)
LIBM(log2)
LIBM(log10)
LIBM(floor)
LIBM(ceil)

#define UNARY(name, fn, ovf)                                                                     \
    LIBM(fn)                                                                                     \
    MATHFN(name) {                                                                               \
        (void)self, (void)nargs, (void)kwnames;                                                  \
        return unary(args[0], libm_##fn, ovf);                                                   \
    }
UNARY(sqrt, sqrt, 0)
UNARY(exp, exp, 1)
UNARY(exp2, exp2, 1)
UNARY(expm1, expm1, 1)
UNARY(sin, sin, 0)
UNARY(cos, cos, 0)
UNARY(tan, tan, 0)
UNARY(asin, asin, 0)
UNARY(acos, acos, 0)
UNARY(atan, atan, 0)
UNARY(sinh, sinh, 1)
UNARY(cosh, cosh, 1)
UNARY(tanh, tanh, 0)
UNARY(asinh, asinh, 0)
UNARY(acosh, acosh, 0)
UNARY(atanh, atanh, 0)
UNARY(fabs, fabs, 0)
UNARY(erf, erf, 0)
UNARY(erfc, erfc, 0)
UNARY(log1p, log1p, 0)
UNARY(cbrt, cbrt, 0)

static double checked_gamma(double x) {
    if (x <= 0 && floor(x) == x) {
        return NAN;
    }
    return tgamma(x);
}

static double checked_lgamma(double x) {
    if (isinf(x)) {
        return INFINITY; // lgamma(-inf) is +inf, as CPython
    }
    if (x <= 0 && floor(x) == x) {
        return INFINITY;
    }
    return lgamma(x);
}

MATHFN(gamma) {
    (void)self, (void)nargs, (void)kwnames;
    return unary(args[0], checked_gamma, 1);
}

MATHFN(lgamma) {
    (void)self, (void)nargs, (void)kwnames;
    double x;
    if (arg_double(args[0], &x) < 0) {
        return KV_NULL;
    }
    if (x <= 0 && floor(x) == x && !isinf(x)) {
        return domain_error();
    }
    return unary(args[0], checked_lgamma, 1);
}

// log of an int of any size: log(m * 2**e) = log(m) + e*log(2).
static int log_of(KValue v, double (*fn)(double), double *out) {
    if (kint_check(v)) {
        if (kint_sign(v) <= 0) {
            domain_error();
            return -1;
        }
        double d = kint_as_double(v);
        if (d == -1.0 && kerr_occurred()) {
            kerr_clear();
            ssize_t bits = kint_bit_length(v);
            KValue sh = kint_from_i64(bits - 60);
            KValue m = sh ? knum_binop(v, sh, KF_BINOP_RSHIFT) : KV_NULL;
            kval_xdecref(sh);
            if (!m) {
                return -1;
            }
            // v ~= x * 2**bits with x in [0.5, 1), as CPython's _PyLong_Frexp.
            double x = ldexp(kint_as_double(m), -60);
            kval_decref(m);
            *out = fn(x) + (double)bits * fn(2.0);
            return 0;
        }
        *out = fn(d);
        return 0;
    }
    double x;
    if (arg_double(v, &x) < 0) {
        return -1;
    }
    if (x <= 0 || isnan(x)) {
        if (isnan(x)) {
            *out = x;
            return 0;
        }
        domain_error();
        return -1;
    }
    *out = fn(x);
    return 0;
}

MATHFN(log) {
    (void)self, (void)kwnames;
    if (kargs_count("log", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    double num, den;
    if (log_of(args[0], libm_log, &num) < 0) {
        return KV_NULL;
    }
    if (nargs == 2) {
        if (log_of(args[1], libm_log, &den) < 0) {
            return KV_NULL;
        }
        if (den == 0.0) {
            kerr_set(&kexc_ZeroDivisionError, "float division by zero");
            return KV_NULL;
        }
        return kfloat_new(num / den);
    }
    return kfloat_new(num);
}

MATHFN(log2) {
    (void)self, (void)nargs, (void)kwnames;
    double r;
    return log_of(args[0], libm_log2, &r) < 0 ? KV_NULL : kfloat_new(r);
}

MATHFN(log10) {
    (void)self, (void)nargs, (void)kwnames;
    double r;
    return log_of(args[0], libm_log10, &r) < 0 ? KV_NULL : kfloat_new(r);
}

static KValue two_doubles(const KValue *args, size_t nargs, const char *name, double *x,
                          double *y) {
    if (kargs_count(name, nargs, 2, 2) < 0 || arg_double(args[0], x) < 0 ||
        arg_double(args[1], y) < 0) {
        return KV_NULL;
    }
    return KV_TRUE;
}

MATHFN(pow) {
    (void)self, (void)kwnames;
    double x, y;
    if (!two_doubles(args, nargs, "pow", &x, &y)) {
        return KV_NULL;
    }
    if (x == 0.0 && y < 0.0) {
        return domain_error();
    }
    if (x < 0.0 && isfinite(x) && isfinite(y) && y != floor(y)) {
        return domain_error();
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        return range_error();
    }
    return kfloat_new(r);
}

MATHFN(atan2) {
    (void)self, (void)kwnames;
    double x, y;
    if (!two_doubles(args, nargs, "atan2", &x, &y)) {
        return KV_NULL;
    }
    return kfloat_new(atan2(x, y));
}

MATHFN(fmod) {
    (void)self, (void)kwnames;
    double x, y;
    if (!two_doubles(args, nargs, "fmod", &x, &y)) {
        return KV_NULL;
    }
    if (y == 0.0 && !isnan(x)) {
        return domain_error();
    }
    if (isinf(x) && !isnan(y)) {
        return domain_error();
    }
    return kfloat_new(fmod(x, y));
}

MATHFN(remainder) {
    (void)self, (void)kwnames;
    double x, y;
    if (!two_doubles(args, nargs, "remainder", &x, &y)) {
        return KV_NULL;
    }
    if ((y == 0.0 && !isnan(x)) || (isinf(x) && !isnan(y))) {
        return domain_error();
    }
    return kfloat_new(remainder(x, y));
}

MATHFN(copysign) {
    (void)self, (void)kwnames;
    double x, y;
    if (!two_doubles(args, nargs, "copysign", &x, &y)) {
        return KV_NULL;
    }
    return kfloat_new(copysign(x, y));
}

MATHFN(ldexp) {
    (void)self, (void)kwnames;
    if (kargs_count("ldexp", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    double x;
    if (arg_double(args[0], &x) < 0) {
        return KV_NULL;
    }
    if (!kint_check(args[1])) {
        kerr_set(&kexc_TypeError, "Expected an int as second argument to ldexp.");
        return KV_NULL;
    }
    int overflow;
    int64_t e = kint_as_i64_overflow(args[1], &overflow);
    if (overflow) {
        e = overflow > 0 ? 100000 : -100000;
    }
    if (e > 100000) {
        e = 100000;
    } else if (e < -100000) {
        e = -100000;
    }
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x)) {
        return range_error();
    }
    return kfloat_new(r);
}

MATHFN(frexp) {
    (void)self, (void)nargs, (void)kwnames;
    double x;
    if (arg_double(args[0], &x) < 0) {
        return KV_NULL;
    }
    int e = 0;
    double m = isfinite(x) ? frexp(x, &e) : x;
    KValue f = kfloat_new(m);
    KValue t = f ? ktuple_pack(2, f, kval_from_int(e)) : KV_NULL;
    kval_xdecref(f);
    return t;
}

MATHFN(modf) {
    (void)self, (void)nargs, (void)kwnames;
    double x;
    if (arg_double(args[0], &x) < 0) {
        return KV_NULL;
    }
    double ip, fp;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    KValue a = kfloat_new(fp), b = a ? kfloat_new(ip) : KV_NULL;
    KValue t = b ? ktuple_pack(2, a, b) : KV_NULL;
    kval_xdecref(a);
    kval_xdecref(b);
    return t;
}

// floor/ceil/trunc: __floor__ etc. first, then the float value.
static KValue rounding(KValue v, KValue name, double (*fn)(double)) {
    if (kint_check(v)) {
        return kint_exact(v);
    }
    if (kval_type(v) != &kfloat_type) {
        int found;
        KValue r = kobj_call_special(v, name, NULL, 0, &found);
        if (found || r || kerr_occurred()) {
            return r;
        }
    }
    double x;
    if (arg_double(v, &x) < 0) {
        return KV_NULL;
    }
    return kint_from_double(fn(x));
}

MATHFN(floor) {
    (void)self, (void)nargs, (void)kwnames;
    return rounding(args[0], KID(__floor__), libm_floor);
}

MATHFN(ceil) {
    (void)self, (void)nargs, (void)kwnames;
    return rounding(args[0], KID(__ceil__), libm_ceil);
}

MATHFN(trunc) {
    (void)self, (void)nargs, (void)kwnames;
    if (kval_type(args[0]) == &kfloat_type) {
        return kint_from_double(trunc(kfloat_value(args[0])));
    }
    int found;
    KValue r = kobj_call_special(args[0], KID(__trunc__), NULL, 0, &found);
    if (!found && !r && !kerr_occurred()) {
        kerr_format(&kexc_TypeError, "type %s doesn't define __trunc__ method",
                    ktype_name(kval_type(args[0])));
    }
    return r;
}

static KValue predicate(KValue v, int (*fn)(double)) {
    double x;
    if (arg_double(v, &x) < 0) {
        return KV_NULL;
    }
    return kbool_from(fn(x));
}

static int is_nan(double x) {
    return isnan(x);
}
static int is_inf(double x) {
    return isinf(x);
}
static int is_finite(double x) {
    return isfinite(x);
}

MATHFN(isnan) {
    (void)self, (void)nargs, (void)kwnames;
    return predicate(args[0], is_nan);
}
MATHFN(isinf) {
    (void)self, (void)nargs, (void)kwnames;
    return predicate(args[0], is_inf);
}
MATHFN(isfinite) {
    (void)self, (void)nargs, (void)kwnames;
    return predicate(args[0], is_finite);
}

MATHFN(degrees) {
    (void)self, (void)nargs, (void)kwnames;
    double x;
    return arg_double(args[0], &x) < 0 ? KV_NULL : kfloat_new(x * (180.0 / M_PI));
}

MATHFN(radians) {
    (void)self, (void)nargs, (void)kwnames;
    double x;
    return arg_double(args[0], &x) < 0 ? KV_NULL : kfloat_new(x * (M_PI / 180.0));
}

MATHFN(hypot) {
    (void)self, (void)kwnames;
    double maxv = 0.0, sum = 0.0;
    int has_inf = 0, has_nan = 0;
    double vals[64];
    size_t n = nargs;
    for (size_t i = 0; i < n; i++) {
        double x;
        if (arg_double(args[i], &x) < 0) {
            return KV_NULL;
        }
        x = fabs(x);
        has_inf |= isinf(x);
        has_nan |= isnan(x);
        if (x > maxv) {
            maxv = x;
        }
        if (i < 64) {
            vals[i] = x;
        }
    }
    if (has_inf) {
        return kfloat_new(INFINITY);
    }
    if (has_nan) {
        return kfloat_new(NAN);
    }
    if (maxv == 0.0 || n == 1) {
        return kfloat_new(maxv);
    }
    if (n == 2) {
        return kfloat_new(hypot(vals[0], vals[1]));
    }
    for (size_t i = 0; i < n && i < 64; i++) {
        double q = vals[i] / maxv;
        sum += q * q;
    }
    return kfloat_new(maxv * sqrt(sum));
}

MATHFN(dist) {
    (void)self, (void)kwnames;
    if (kargs_count("dist", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue p = kseq_fast(args[0], "dist() argument must be a sequence");
    KValue q = p ? kseq_fast(args[1], "dist() argument must be a sequence") : KV_NULL;
    if (!q) {
        kval_xdecref(p);
        return KV_NULL;
    }
    ssize_t n = klist_check(p) ? klist_len(p) : ktuple_len(p);
    ssize_t m = klist_check(q) ? klist_len(q) : ktuple_len(q);
    KValue r = KV_NULL;
    if (n != m) {
        kerr_set(&kexc_ValueError, "both points must have the same number of dimensions");
    } else {
        KValue *pi = klist_check(p) ? klist_items(p) : ktuple_items(p);
        KValue *qi = klist_check(q) ? klist_items(q) : ktuple_items(q);
        double sum = 0.0;
        int ok = 1;
        for (ssize_t i = 0; i < n && ok; i++) {
            double a, b;
            if (arg_double(pi[i], &a) < 0 || arg_double(qi[i], &b) < 0) {
                ok = 0;
            } else {
                sum += (a - b) * (a - b);
            }
        }
        if (ok) {
            r = kfloat_new(sqrt(sum));
        }
    }
    kval_decref(p);
    kval_decref(q);
    return r;
}

MATHFN(isclose) {
    (void)self;
    static const char *const kwlist[] = {"", "", "rel_tol", "abs_tol", NULL};
    KValue a[4];
    if (kargs_parse("isclose", args, nargs, kwnames, kwlist, 2, 2, a) < 0) {
        return KV_NULL;
    }
    double x, y, rel = 1e-9, abs_tol = 0.0;
    if (arg_double(a[0], &x) < 0 || arg_double(a[1], &y) < 0 ||
        (a[2] && arg_double(a[2], &rel) < 0) || (a[3] && arg_double(a[3], &abs_tol) < 0)) {
        return KV_NULL;
    }
    if (rel < 0.0 || abs_tol < 0.0) {
        kerr_set(&kexc_ValueError, "tolerances must be non-negative");
        return KV_NULL;
    }
    if (x == y) {
        return KV_TRUE;
    }
    if (isinf(x) || isinf(y)) {
        return KV_FALSE;
    }
    double diff = fabs(y - x);
    return kbool_from((diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || (diff <= abs_tol));
}

MATHFN(fsum) {
    (void)self, (void)nargs, (void)kwnames;
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        return KV_NULL;
    }
    // Shewchuk's exact partial sums, as CPython's msum.
    double partials[64];
    int n = 0;
    double special = 0.0, inf_sum = 0.0;
    KValue item;
    while ((item = kobj_iter_next(it))) {
        double x;
        int r = arg_double(item, &x);
        kval_decref(item);
        if (r < 0) {
            kval_decref(it);
            return KV_NULL;
        }
        if (!isfinite(x)) {
            if (isinf(x)) {
                inf_sum += x;
            }
            special += x;
            n = 0;
            continue;
        }
        int i = 0;
        double xsave = x;
        for (int j = 0; j < n; j++) {
            double y = partials[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (!isfinite(x) && isfinite(xsave)) {
            kval_decref(it);
            kerr_set(&kexc_OverflowError, "intermediate overflow in fsum");
            return KV_NULL;
        }
        if (n < 64 && x != 0.0) {
            partials[n++] = x;
        }
    }
    kval_decref(it);
    if (kerr_occurred()) {
        return KV_NULL;
    }
    if (special != 0.0) {
        if (isnan(inf_sum)) {
            kerr_set(&kexc_ValueError, "-inf + inf in fsum");
            return KV_NULL;
        }
        return kfloat_new(special);
    }
    double hi = 0.0;
    if (n > 0) {
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    return kfloat_new(hi);
}

// ---------------------------------------------------------------------------
// Integer functions.

static KValue int_arg(KValue v, const char *fname) {
    if (kfloat_check(v)) {
        kerr_format(&kexc_TypeError, "'float' object cannot be interpreted as an integer");
        (void)fname;
        return KV_NULL;
    }
    return knum_index(v);
}

static KValue gcd2(KValue a, KValue b) {
    KValue x = kint_sign(a) < 0 ? kint_neg(a) : kval_newref(a);
    KValue y = kint_sign(b) < 0 ? kint_neg(b) : kval_newref(b);
    while (x && y && kint_sign(y) != 0) {
        KValue r = kint_mod(x, y);
        kval_decref(x);
        x = y;
        y = r;
    }
    kval_xdecref(y);
    return x;
}

MATHFN(gcd) {
    (void)self, (void)kwnames;
    KValue g = kval_from_int(0);
    for (size_t i = 0; i < nargs; i++) {
        KValue v = int_arg(args[i], "gcd");
        if (!v) {
            kval_decref(g);
            return KV_NULL;
        }
        KValue t = gcd2(g, v);
        kval_decref(v);
        kval_decref(g);
        if (!t) {
            return KV_NULL;
        }
        g = t;
    }
    return g;
}

MATHFN(lcm) {
    (void)self, (void)kwnames;
    KValue l = kval_from_int(1);
    for (size_t i = 0; i < nargs; i++) {
        KValue v = int_arg(args[i], "lcm");
        if (!v) {
            kval_decref(l);
            return KV_NULL;
        }
        if (kint_sign(v) == 0 || kint_sign(l) == 0) {
            kval_decref(v);
            kval_decref(l);
            l = kval_from_int(0);
            continue;
        }
        KValue g = gcd2(l, v);
        KValue q = g ? kint_floordiv(l, g) : KV_NULL;
        KValue m = q ? kint_mul(q, v) : KV_NULL;
        kval_xdecref(g);
        kval_xdecref(q);
        kval_decref(v);
        kval_decref(l);
        if (!m) {
            return KV_NULL;
        }
        l = kint_sign(m) < 0 ? kint_neg(m) : kval_newref(m);
        kval_decref(m);
        if (!l) {
            return KV_NULL;
        }
    }
    return l;
}

// Product of the ints in [lo, hi] (inclusive) by splitting, for speed on big ranges.
static KValue range_product(int64_t lo, int64_t hi) {
    if (lo > hi) {
        return kval_from_int(1);
    }
    if (hi - lo < 8) {
        KValue r = kval_from_int(1);
        for (int64_t i = lo; i <= hi && r; i++) {
            KValue t = kint_mul(r, kint_from_i64(i));
            kval_decref(r);
            r = t;
        }
        return r;
    }
    int64_t mid = lo + (hi - lo) / 2;
    KValue a = range_product(lo, mid);
    KValue b = a ? range_product(mid + 1, hi) : KV_NULL;
    KValue r = b ? kint_mul(a, b) : KV_NULL;
    kval_xdecref(a);
    kval_xdecref(b);
    return r;
}

MATHFN(factorial) {
    (void)self, (void)nargs, (void)kwnames;
    KValue v = int_arg(args[0], "factorial");
    if (!v) {
        return KV_NULL;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(v, &overflow);
    kval_decref(v);
    if (overflow > 0 || n > 100000000) {
        kerr_set(&kexc_OverflowError, "factorial() argument should not exceed 9223372036854775807");
        return KV_NULL;
    }
    if (overflow < 0 || n < 0) {
        kerr_set(&kexc_ValueError, "factorial() not defined for negative values");
        return KV_NULL;
    }
    return range_product(1, n);
}

// The (n, k) of perm/comb as ints (new references; 'k' is n when absent),
// checked non-negative. -1 on error.
static int nk_args(const KValue *args, size_t nargs, const char *fname, KValue *n, KValue *k,
                   int k_optional) {
    if (kargs_count(fname, nargs, k_optional ? 1 : 2, 2) < 0) {
        return -1;
    }
    if (!(*n = int_arg(args[0], fname))) {
        return -1;
    }
    *k = nargs > 1 && args[1] != KV_NONE ? int_arg(args[1], fname) : kval_newref(*n);
    if (!*k) {
        kval_decref(*n);
        return -1;
    }
    int k_absent = nargs < 2 || args[1] == KV_NONE; // perm(n) is factorial(n)
    const char *msg = kint_sign(*n) >= 0 ? (kint_sign(*k) < 0 ? "k must be a non-negative integer"
                                                              : NULL)
                      : k_absent         ? "factorial() not defined for negative values"
                                         : "n must be a non-negative integer";
    if (msg) {
        kerr_set(&kexc_ValueError, msg);
        kval_decref(*n);
        kval_decref(*k);
        return -1;
    }
    return 0;
}

// n * (n - 1) * ... * (n - k + 1), divided step by step by 1, 2, ..., k when
// 'comb' (each partial quotient is itself a binomial, so exact): the general
// case for an 'n' beyond 64 bits with a small 'k'.
static KValue falling_product(KValue n, int64_t k, int comb) {
    KValue r = kval_from_int(1);
    for (int64_t i = 0; i < k && r; i++) {
        KValue f = kint_sub(n, kint_from_i64(i));
        KValue t = f ? kint_mul(r, f) : KV_NULL;
        kval_xdecref(f);
        kval_decref(r);
        r = t;
        if (r && comb) {
            t = kint_floordiv(r, kint_from_i64(i + 1));
            kval_decref(r);
            r = t;
        }
    }
    return r;
}

// perm(n, k) and comb(n, k) for ints of any size.
static KValue perm_comb(const KValue *args, size_t nargs, int comb) {
    const char *fname = comb ? "comb" : "perm";
    KValue n, k, r = KV_NULL;
    if (nk_args(args, nargs, fname, &n, &k, !comb) < 0) {
        return KV_NULL;
    }
    if (kint_compare(k, n) > 0) {
        r = kval_from_int(0);
        goto done;
    }
    if (comb) {
        KValue rest = kint_sub(n, k);
        if (!rest) {
            goto done;
        }
        if (kint_compare(rest, k) < 0) {
            kval_decref(k);
            k = rest;
        } else {
            kval_decref(rest);
        }
    }
    int ovn, ovk;
    int64_t nn = kint_as_i64_overflow(n, &ovn), kk = kint_as_i64_overflow(k, &ovk);
    if (ovk) {
        kerr_set(&kexc_OverflowError,
                 comb ? "min(n - k, k) must not exceed 9223372036854775807"
                 : nargs > 1 && args[1] != KV_NONE
                     ? "k must not exceed 9223372036854775807"
                     : "factorial() argument should not exceed 9223372036854775807");
    } else if (ovn) {
        r = falling_product(n, kk, comb);
    } else if (!comb) {
        r = range_product(nn - kk + 1, nn);
    } else {
        KValue num = range_product(nn - kk + 1, nn);
        KValue den = num ? range_product(1, kk) : KV_NULL;
        r = den ? kint_floordiv(num, den) : KV_NULL;
        kval_xdecref(num);
        kval_xdecref(den);
    }
done:
    kval_decref(n);
    kval_decref(k);
    return r;
}

MATHFN(perm) {
    (void)self, (void)kwnames;
    return perm_comb(args, nargs, 0);
}

MATHFN(comb) {
    (void)self, (void)kwnames;
    return perm_comb(args, nargs, 1);
}

MATHFN(isqrt) {
    (void)self, (void)nargs, (void)kwnames;
    KValue n = int_arg(args[0], "isqrt");
    if (!n) {
        return KV_NULL;
    }
    if (kint_sign(n) < 0) {
        kval_decref(n);
        kerr_set(&kexc_ValueError, "isqrt() argument must be nonnegative");
        return KV_NULL;
    }
    if (kint_sign(n) == 0) {
        return n;
    }
    // Newton's method from an upper bound 2**ceil(bits/2).
    ssize_t bits = kint_bit_length(n);
    KValue x = knum_binop(kval_from_int(1), kint_from_i64((bits + 1) / 2), KF_BINOP_LSHIFT);
    while (x) {
        KValue q = kint_floordiv(n, x);
        KValue s = q ? kint_add(x, q) : KV_NULL;
        KValue y = s ? knum_binop(s, kval_from_int(1), KF_BINOP_RSHIFT) : KV_NULL;
        kval_xdecref(q);
        kval_xdecref(s);
        if (!y) {
            kval_decref(x);
            x = KV_NULL;
            break;
        }
        if (kint_compare(y, x) >= 0) {
            kval_decref(y);
            break;
        }
        kval_decref(x);
        x = y;
    }
    kval_decref(n);
    return x;
}

MATHFN(prod) {
    (void)self;
    static const char *const kwlist[] = {"", "start", NULL};
    KValue a[2];
    if (kargs_parse("prod", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    KValue r = kval_newref(a[1] ? a[1] : kval_from_int(1));
    KValue it = kobj_get_iter(a[0]);
    if (!it) {
        kval_decref(r);
        return KV_NULL;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        KValue t = knum_binop(r, item, KF_BINOP_MULTIPLY);
        kval_decref(item);
        kval_decref(r);
        if (!t) {
            kval_decref(it);
            return KV_NULL;
        }
        r = t;
    }
    kval_decref(it);
    if (kerr_occurred()) {
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

MATHFN(nextafter) {
    (void)self, (void)kwnames;
    double x, y;
    if (!two_doubles(args, nargs, "nextafter", &x, &y)) {
        return KV_NULL;
    }
    return kfloat_new(nextafter(x, y));
}

MATHFN(ulp) {
    (void)self, (void)nargs, (void)kwnames;
    double x;
    if (arg_double(args[0], &x) < 0) {
        return KV_NULL;
    }
    if (isnan(x)) {
        return kfloat_new(x);
    }
    x = fabs(x);
    if (isinf(x)) {
        return kfloat_new(x);
    }
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return kfloat_new(x - x2);
    }
    return kfloat_new(x2 - x);
}

static const KMethodDef math_methods[] = {
    {"sqrt", math_sqrt, KMETH_O, NULL},       {"exp", math_exp, KMETH_O, NULL},
    {"exp2", math_exp2, KMETH_O, NULL},       {"expm1", math_expm1, KMETH_O, NULL},
    {"sin", math_sin, KMETH_O, NULL},         {"cos", math_cos, KMETH_O, NULL},
    {"tan", math_tan, KMETH_O, NULL},         {"asin", math_asin, KMETH_O, NULL},
    {"acos", math_acos, KMETH_O, NULL},       {"atan", math_atan, KMETH_O, NULL},
    {"sinh", math_sinh, KMETH_O, NULL},       {"cosh", math_cosh, KMETH_O, NULL},
    {"tanh", math_tanh, KMETH_O, NULL},       {"asinh", math_asinh, KMETH_O, NULL},
    {"acosh", math_acosh, KMETH_O, NULL},     {"atanh", math_atanh, KMETH_O, NULL},
    {"fabs", math_fabs, KMETH_O, NULL},       {"erf", math_erf, KMETH_O, NULL},
    {"erfc", math_erfc, KMETH_O, NULL},       {"log1p", math_log1p, KMETH_O, NULL},
    {"cbrt", math_cbrt, KMETH_O, NULL},       {"gamma", math_gamma, KMETH_O, NULL},
    {"lgamma", math_lgamma, KMETH_O, NULL},   {"log", math_log, KMETH_FAST, NULL},
    {"log2", math_log2, KMETH_O, NULL},       {"log10", math_log10, KMETH_O, NULL},
    {"pow", math_pow, KMETH_FAST, NULL},      {"atan2", math_atan2, KMETH_FAST, NULL},
    {"fmod", math_fmod, KMETH_FAST, NULL},    {"remainder", math_remainder, KMETH_FAST, NULL},
    {"copysign", math_copysign, KMETH_FAST, NULL}, {"ldexp", math_ldexp, KMETH_FAST, NULL},
    {"frexp", math_frexp, KMETH_O, NULL},     {"modf", math_modf, KMETH_O, NULL},
    {"floor", math_floor, KMETH_O, NULL},     {"ceil", math_ceil, KMETH_O, NULL},
    {"trunc", math_trunc, KMETH_O, NULL},     {"isnan", math_isnan, KMETH_O, NULL},
    {"isinf", math_isinf, KMETH_O, NULL},     {"isfinite", math_isfinite, KMETH_O, NULL},
    {"degrees", math_degrees, KMETH_O, NULL}, {"radians", math_radians, KMETH_O, NULL},
    {"hypot", math_hypot, KMETH_FAST, NULL},  {"dist", math_dist, KMETH_FAST, NULL},
    {"isclose", math_isclose, KMETH_KW, NULL}, {"fsum", math_fsum, KMETH_O, NULL},
    {"gcd", math_gcd, KMETH_FAST, NULL},      {"lcm", math_lcm, KMETH_FAST, NULL},
    {"factorial", math_factorial, KMETH_O, NULL}, {"perm", math_perm, KMETH_FAST, NULL},
    {"comb", math_comb, KMETH_FAST, NULL},    {"isqrt", math_isqrt, KMETH_O, NULL},
    {"prod", math_prod, KMETH_KW, NULL},      {"nextafter", math_nextafter, KMETH_FAST, NULL},
    {"ulp", math_ulp, KMETH_O, NULL},         {NULL, NULL, 0, NULL},
};

KValue kmod_math_create(void) {
    KValue m = kmod_new("math");
    if (!m || kmod_add_functions(m, math_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    struct {
        const char *name;
        double v;
    } consts[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        KValue f = kfloat_new(consts[i].v);
        if (!f || kmod_add(m, consts[i].name, f) < 0) {
            kval_xdecref(f);
            kval_decref(m);
            return KV_NULL;
        }
        kval_decref(f);
    }
    return m;
}
