// vm/modules/cmath.c: the cmath module. The functions are the C library's
// C99 complex functions, whose special values follow C99 Annex G as
// CPython's own tables do; the floating-point exceptions they raise decide
// the errors, as CPython's errno does: invalid or divide-by-zero is
// ValueError("math domain error"), overflow OverflowError("math range
// error").
#include <complex.h>
#include <fenv.h>
#include <math.h>

#include "../abstract.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../int.h"
#include "../internal.h"
#include "../module.h"
#include "../tuple.h"

typedef double complex (*CFunc)(double complex);

// The C library's complex functions set no errno, so the compiler may move
// a call across feclearexcept/fetestexcept: this makes 'x' computed here.
#define FP_DONE(x) __asm__ volatile("" : "+m"(x))

// One argument as a C complex; -1 with TypeError.
static int arg_complex(KValue v, double complex *z) {
    double re, im;
    if (kcomplex_as_parts(v, &re, &im) < 0) {
        return -1;
    }
    *z = CMPLX(re, im);
    return 0;
}

// The error the exceptions raised since 'fe_clear' stand for: 0 none.
static int math_error(void) {
    int e = fetestexcept(FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW);
    if (e & (FE_INVALID | FE_DIVBYZERO)) {
        kerr_set(&kexc_ValueError, "math domain error");
        return -1;
    }
    if (e & FE_OVERFLOW) {
        kerr_set(&kexc_OverflowError, "math range error");
        return -1;
    }
    return 0;
}

static KValue complex_result(double complex r) {
    return math_error() < 0 ? KV_NULL : kcomplex_new(creal(r), cimag(r));
}

// Where C11 and CPython's tables part (C11 keeps a zero or a quadrant
// beside the NaN): CPython's answer is NaN in both parts.
static double complex acosh_of(double complex z) {
    return creal(z) == 0.0 && isnan(cimag(z)) ? CMPLX(NAN, NAN) : cacosh(z);
}
static double complex tanh_of(double complex z) {
    return creal(z) == 0.0 && isnan(cimag(z)) ? CMPLX(NAN, NAN) : ctanh(z);
}
static double complex tan_of(double complex z) {
    if (isinf(creal(z)) && creal(z) < 0 && isinf(cimag(z))) { // CPython's signs
        return CMPLX(0.0, cimag(z) > 0 ? 1.0 : -1.0);
    }
    return isnan(creal(z)) && cimag(z) == 0.0 ? CMPLX(NAN, NAN) : ctan(z);
}

// The special values where CPython's tables choose a sign C99 leaves open
// (the cases its tests mark ignore-real-sign / ignore-imag-sign): an
// argument matched exactly (NaN matches NaN), CPython's result.
#define PI_2 1.5707963267948966
static const struct {
    CFunc fn;
    double re, im, out_re, out_im;
} sign_choices[] = {
    {cacos, INFINITY, NAN, NAN, INFINITY},     {cacos, -INFINITY, NAN, NAN, INFINITY},
    {casin, INFINITY, NAN, NAN, -INFINITY},    {casin, -INFINITY, NAN, NAN, -INFINITY},
    {catan, INFINITY, NAN, PI_2, -0.0},        {catan, -INFINITY, NAN, -PI_2, -0.0},
    {ccos, -0.0, NAN, NAN, 0.0},               {ccosh, NAN, -0.0, NAN, 0.0},
    {cexp, -INFINITY, -INFINITY, 0.0, 0.0},    {csin, NAN, 0.0, NAN, -0.0},
    {csin, NAN, INFINITY, NAN, -INFINITY},     {csin, NAN, -INFINITY, NAN, -INFINITY},
    {csinh, -0.0, NAN, 0.0, NAN},              {tanh_of, INFINITY, -INFINITY, 1.0, 0.0},
    {tanh_of, -INFINITY, -INFINITY, -1.0, 0.0},
};

static int same_value(double a, double b) {
    return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b));
}

// 1 with '*r' CPython's choice when (fn, z) is one of sign_choices.
static int sign_choice(CFunc fn, double complex z, double complex *r) {
    for (size_t i = 0; i < sizeof sign_choices / sizeof sign_choices[0]; i++) {
        if (sign_choices[i].fn == fn && same_value(creal(z), sign_choices[i].re) &&
            same_value(cimag(z), sign_choices[i].im)) {
            *r = CMPLX(sign_choices[i].out_re, sign_choices[i].out_im);
            return 1;
        }
    }
    return 0;
}

// A NaN operand quietly gives NaN parts (no error), as CPython's tables:
// the exceptions of computing with a NaN are not the function's.
static KValue apply(KValue arg, CFunc fn) {
    double complex z, r;
    if (arg_complex(arg, &z) < 0) {
        return KV_NULL;
    }
    if (!isfinite(creal(z)) || !isfinite(cimag(z))) {
        if (sign_choice(fn, z, &r)) {
            return kcomplex_new(creal(r), cimag(r));
        }
    }
    feclearexcept(FE_ALL_EXCEPT);
    r = fn(z);
    FP_DONE(r);
    if (isnan(creal(z)) || isnan(cimag(z))) {
        feclearexcept(FE_ALL_EXCEPT);
    }
    return complex_result(r);
}

#define CMATH_1(name, fn)                                                                        \
    static KValue cmath_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames) {   \
        (void)self, (void)nargs, (void)kwnames;                                                   \
        return apply(args[0], fn);                                                                \
    }

CMATH_1(acos, cacos)
CMATH_1(asin, casin)
CMATH_1(asinh, casinh)
CMATH_1(atan, catan)
CMATH_1(atanh, catanh)
CMATH_1(cos, ccos)
CMATH_1(cosh, ccosh)
CMATH_1(exp, cexp)
CMATH_1(sin, csin)
CMATH_1(sinh, csinh)
CMATH_1(sqrt, csqrt)

static double complex log10_of(double complex z) {
    double complex r = clog(z);
    return CMPLX(creal(r) / M_LN10, cimag(r) / M_LN10);
}
CMATH_1(log10, log10_of)
CMATH_1(acosh, acosh_of)
CMATH_1(tanh, tanh_of)
CMATH_1(tan, tan_of)

// CPython's complex division (Smith's method, as complex.__truediv__):
// a zero divisor sets '*zero'.
static double complex c_quot(double complex a, double complex b, int *zero) {
    double br = creal(b), bi = cimag(b), abr = fabs(br), abi = fabs(bi);
    if (abr >= abi) {
        if (abr == 0.0) {
            *zero = 1;
            return CMPLX(0.0, 0.0);
        }
        double ratio = bi / br, denom = br + bi * ratio;
        return CMPLX((creal(a) + cimag(a) * ratio) / denom, (cimag(a) - creal(a) * ratio) / denom);
    }
    if (abi >= abr) {
        double ratio = br / bi, denom = br * ratio + bi;
        return CMPLX((creal(a) * ratio + cimag(a)) / denom, (cimag(a) * ratio - creal(a)) / denom);
    }
    return CMPLX(NAN, NAN); // a NaN in the divisor
}

// log(z[, base]): log(z) / log(base). As CPython's, with a base only the
// base's logarithm and the division can fail (log(0, 2) is -inf+nanj).
static KValue cmath_log(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("log", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    double complex z, base = 0;
    if (arg_complex(args[0], &z) < 0 || (nargs == 2 && arg_complex(args[1], &base) < 0)) {
        return KV_NULL;
    }
    feclearexcept(FE_ALL_EXCEPT);
    double complex r = clog(z);
    FP_DONE(r);
    if (nargs == 1) {
        if (isnan(creal(z)) || isnan(cimag(z))) {
            feclearexcept(FE_ALL_EXCEPT);
        }
        return complex_result(r);
    }
    feclearexcept(FE_ALL_EXCEPT);
    double complex d = clog(base);
    FP_DONE(d);
    if (isnan(creal(base)) || isnan(cimag(base))) {
        feclearexcept(FE_ALL_EXCEPT);
    }
    if (math_error() < 0) {
        return KV_NULL;
    }
    int zero = 0;
    r = c_quot(r, d, &zero);
    if (zero) {
        kerr_set(&kexc_ValueError, "math domain error"); // log(z, 1)
        return KV_NULL;
    }
    return kcomplex_new(creal(r), cimag(r));
}

static KValue cmath_phase(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue arg = args[0];
    double complex z;
    if (arg_complex(arg, &z) < 0) {
        return KV_NULL;
    }
    return kfloat_new(carg(z));
}

// polar(z): (abs(z), phase(z)); OverflowError when abs overflows.
static KValue cmath_polar(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue arg = args[0];
    double complex z;
    if (arg_complex(arg, &z) < 0) {
        return KV_NULL;
    }
    double r = hypot(creal(z), cimag(z));
    if (isinf(r) && isfinite(creal(z)) && isfinite(cimag(z))) {
        kerr_set(&kexc_OverflowError, "math range error");
        return KV_NULL;
    }
    KValue a = kfloat_new(r), b = a ? kfloat_new(carg(z)) : KV_NULL;
    KValue t = b ? ktuple_pack(2, a, b) : KV_NULL;
    kval_xdecref(a);
    kval_xdecref(b);
    return t;
}

// rect(r, phi): r * (cos(phi) + i sin(phi)), with CPython's special values
// and errors (an infinite phi with a nonzero r: ValueError; an overflow).
static KValue cmath_rect(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("rect", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    double r = knum_as_double(args[0]);
    if (r == -1.0 && kerr_occurred()) {
        return KV_NULL;
    }
    double phi = knum_as_double(args[1]);
    if (phi == -1.0 && kerr_occurred()) {
        return KV_NULL;
    }
    if (isfinite(r) && isfinite(phi)) {
        double re = phi == 0.0 ? r : r * cos(phi), im = r * sin(phi);
        if (phi == 0.0) {
            im = r * phi;
        }
        return kcomplex_new(re, im);
    }
    if (phi == 0.0) { // r infinite or NaN
        return kcomplex_new(r, isnan(r) ? 0.0 : r > 0 ? phi : -phi);
    }
    if (r == 0.0 && isnan(phi)) {
        return kcomplex_new(0.0, 0.0);
    }
    if (isinf(r) && isfinite(phi)) {
        double s = r > 0 ? 1.0 : -1.0;
        return kcomplex_new(s * copysign(INFINITY, cos(phi)), s * copysign(INFINITY, sin(phi)));
    }
    if (r != 0.0 && !isnan(r) && isinf(phi)) {
        kerr_set(&kexc_ValueError, "math domain error");
        return KV_NULL;
    }
    // The rest, as CPython's table: a zero r (phi infinite) gives zero, an
    // infinite r with a NaN phi an infinite real part, anything else NaNs.
    if (r == 0.0) {
        return kcomplex_new(0.0, 0.0);
    }
    return kcomplex_new(isinf(r) ? INFINITY : NAN, NAN);
}

static KValue test_parts(KValue arg, int (*test)(double re, double im)) {
    double complex z;
    if (arg_complex(arg, &z) < 0) {
        return KV_NULL;
    }
    return kbool_from(test(creal(z), cimag(z)));
}

static int both_finite(double re, double im) {
    return isfinite(re) && isfinite(im);
}
static int any_inf(double re, double im) {
    return isinf(re) || isinf(im);
}
static int any_nan(double re, double im) {
    return isnan(re) || isnan(im);
}

static KValue cmath_isfinite(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue arg = args[0];
    return test_parts(arg, both_finite);
}
static KValue cmath_isinf(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue arg = args[0];
    return test_parts(arg, any_inf);
}
static KValue cmath_isnan(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    KValue arg = args[0];
    return test_parts(arg, any_nan);
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0), as math.isclose on |a - b|.
static KValue cmath_isclose(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self;
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    KValue a[4] = {KV_NULL, KV_NULL, KV_NULL, KV_NULL};
    if (kargs_unpack("isclose", args, nargs, kw, kwlist, 2, 2, a) < 0) {
        return KV_NULL;
    }
    double complex x, y;
    double rel = 1e-09, abs_tol = 0.0;
    if (arg_complex(a[0], &x) < 0 || arg_complex(a[1], &y) < 0) {
        return KV_NULL;
    }
    if ((a[2] && (rel = knum_as_double(a[2])) == -1.0 && kerr_occurred()) ||
        (a[3] && (abs_tol = knum_as_double(a[3])) == -1.0 && kerr_occurred())) {
        return KV_NULL;
    }
    if (rel < 0.0 || abs_tol < 0.0) {
        kerr_set(&kexc_ValueError, "tolerances must be non-negative");
        return KV_NULL;
    }
    if (creal(x) == creal(y) && cimag(x) == cimag(y)) {
        return kbool_from(1);
    }
    if (isinf(creal(x)) || isinf(cimag(x)) || isinf(creal(y)) || isinf(cimag(y))) {
        return kbool_from(0);
    }
    double diff = cabs(x - y);
    return kbool_from((diff <= rel * cabs(y) || diff <= rel * cabs(x)) || diff <= abs_tol);
}

static const KMethodDef cmath_methods[] = {
    {"acos", cmath_acos, KMETH_O, NULL},       {"acosh", cmath_acosh, KMETH_O, NULL},
    {"asin", cmath_asin, KMETH_O, NULL},       {"asinh", cmath_asinh, KMETH_O, NULL},
    {"atan", cmath_atan, KMETH_O, NULL},       {"atanh", cmath_atanh, KMETH_O, NULL},
    {"cos", cmath_cos, KMETH_O, NULL},         {"cosh", cmath_cosh, KMETH_O, NULL},
    {"exp", cmath_exp, KMETH_O, NULL},         {"log", cmath_log, KMETH_FAST, NULL},
    {"log10", cmath_log10, KMETH_O, NULL},     {"sin", cmath_sin, KMETH_O, NULL},
    {"sinh", cmath_sinh, KMETH_O, NULL},       {"sqrt", cmath_sqrt, KMETH_O, NULL},
    {"tan", cmath_tan, KMETH_O, NULL},         {"tanh", cmath_tanh, KMETH_O, NULL},
    {"phase", cmath_phase, KMETH_O, NULL},     {"polar", cmath_polar, KMETH_O, NULL},
    {"rect", cmath_rect, KMETH_FAST, NULL},    {"isfinite", cmath_isfinite, KMETH_O, NULL},
    {"isinf", cmath_isinf, KMETH_O, NULL},     {"isnan", cmath_isnan, KMETH_O, NULL},
    {"isclose", cmath_isclose, KMETH_KW, NULL}, {NULL, NULL, 0, NULL},
};

KValue kmod_cmath_create(void) {
    KValue m = kmod_new("cmath");
    if (!m || kmod_add_functions(m, cmath_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    struct {
        const char *name;
        KValue v;
    } consts[] = {
        {"pi", kfloat_new(M_PI)},         {"e", kfloat_new(M_E)},
        {"tau", kfloat_new(2 * M_PI)},    {"inf", kfloat_new(INFINITY)},
        {"nan", kfloat_new(NAN)},         {"infj", kcomplex_new(0.0, INFINITY)},
        {"nanj", kcomplex_new(0.0, NAN)},
    };
    int ok = 1;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        ok = ok && consts[i].v && kmod_add(m, consts[i].name, consts[i].v) == 0;
        kval_xdecref(consts[i].v);
    }
    if (!ok) {
        kval_decref(m);
        return KV_NULL;
    }
    return m;
}
