// vm/complex.c: the complex type as CPython 3.11 has it: construction
// (numbers, __complex__, strings in CPython's grammar), repr with signed
// zeros, arithmetic on (real, imag) pairs with ints and floats promoted to
// complex first (so signed zeros come out as CPython's), powers by repeated
// squaring for small integer exponents, equality with ints compared exactly,
// and CPython's hash.
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "float.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

typedef struct KComplex {
    KOBJ_HEAD;
    double real, imag;
} KComplex;

// A complex value being computed.
typedef struct Cpx {
    double re, im;
} Cpx;

static KValue new_of_type(KType *type, double real, double imag) {
    KComplex *c = type == &kcomplex_type
                      ? (KComplex *)kobj_alloc(&kcomplex_type, sizeof(KComplex))
                      : (KComplex *)ktype_generic_alloc(type, 0);
    if (!c) {
        return kerr_occurred() ? KV_NULL : kerr_no_memory();
    }
    c->real = real;
    c->imag = imag;
    return kval_of(c);
}

KValue kcomplex_new(double real, double imag) {
    return new_of_type(&kcomplex_type, real, imag);
}

void kcomplex_parts(KValue v, double *real, double *imag) {
    *real = ((KComplex *)v)->real;
    *imag = ((KComplex *)v)->imag;
}

static int is_complex(KValue v) {
    return !kval_is_int(v) && ktype_is_subtype(kval_type(v), &kcomplex_type);
}

static Cpx value_of(KValue v) {
    Cpx c = {((KComplex *)v)->real, ((KComplex *)v)->imag};
    return c;
}

// An operand as a complex: 1 done, 0 not a number this type handles
// (NotImplemented), -1 error (an int too large for a float).
static int to_cpx(KValue v, Cpx *c) {
    if (is_complex(v)) {
        *c = value_of(v);
        return 1;
    }
    if (kint_check(v) || kfloat_check(v)) {
        c->re = knum_as_double(v);
        c->im = 0.0;
        return c->re == -1.0 && kerr_occurred() ? -1 : 1;
    }
    return 0;
}

#define OPERANDS                                                                                 \
    Cpx x, y;                                                                                    \
    int ra = to_cpx(a, &x), rb = ra > 0 ? to_cpx(b, &y) : 0;                                     \
    if (ra < 0 || rb < 0) {                                                                      \
        return KV_NULL;                                                                          \
    }                                                                                            \
    if (!ra || !rb) {                                                                            \
        return kval_newref(KV_NOTIMPL);                                                          \
    }

// ---------------------------------------------------------------------------
// Algebra.

static Cpx c_prod(Cpx a, Cpx b) {
    Cpx r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

// a / b scaled by the larger part of 'b' (Smith's method, as CPython);
// -1 when b is zero.
static int c_quot(Cpx a, Cpx b, Cpx *r) {
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            r->re = r->im = 0.0;
            return -1;
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        r->re = (a.re + a.im * ratio) / denom;
        r->im = (a.im - a.re * ratio) / denom;
    } else if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r->re = (a.re * ratio + a.im) / denom;
        r->im = (a.im * ratio - a.re) / denom;
    } else {
        r->re = r->im = NAN; // a part of 'b' is a NaN
    }
    return 0;
}

// a ** b through polar form; '*edom' set for zero to a negative or complex power.
static Cpx c_pow_polar(Cpx a, Cpx b, int *edom) {
    Cpx r = {1.0, 0.0};
    if (b.re == 0.0 && b.im == 0.0) {
        return r;
    }
    if (a.re == 0.0 && a.im == 0.0) {
        *edom |= b.im != 0.0 || b.re < 0.0;
        r.re = 0.0;
        return r;
    }
    double vabs = hypot(a.re, a.im);
    double len = pow(vabs, b.re);
    double at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    r.re = len * cos(phase);
    r.im = len * sin(phase);
    return r;
}

// x ** n for 0 <= n by repeated squaring.
static Cpx c_powu(Cpx x, long n) {
    Cpx r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = c_prod(r, p);
        }
        p = c_prod(p, p);
    }
    return r;
}

// a ** b with CPython's choice of method: exact squaring for integer
// exponents up to 100 in size, the polar form otherwise. Raises
// ZeroDivisionError / OverflowError as complex_pow does.
static KValue pow_result(Cpx a, Cpx b) {
    int edom = 0;
    Cpx p;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
        long n = (long)b.re;
        if (n > 0) {
            p = c_powu(a, n);
        } else {
            Cpx one = {1.0, 0.0};
            edom = c_quot(one, c_powu(a, -n), &p) < 0;
        }
    } else {
        p = c_pow_polar(a, b, &edom);
    }
    if (edom) {
        kerr_set(&kexc_ZeroDivisionError, "0.0 to a negative or complex power");
        return KV_NULL;
    }
    if (isinf(p.re) || isinf(p.im)) {
        kerr_set(&kexc_OverflowError, "complex exponentiation");
        return KV_NULL;
    }
    return kcomplex_new(p.re, p.im);
}

KValue kcomplex_pow_real(double x, double y) {
    Cpx a = {x, 0.0}, b = {y, 0.0};
    return pow_result(a, b);
}

// ---------------------------------------------------------------------------
// Number slots.

static KValue c_add(KValue a, KValue b) {
    OPERANDS
    return kcomplex_new(x.re + y.re, x.im + y.im);
}

static KValue c_sub(KValue a, KValue b) {
    OPERANDS
    return kcomplex_new(x.re - y.re, x.im - y.im);
}

static KValue c_mul(KValue a, KValue b) {
    OPERANDS
    Cpx r = c_prod(x, y);
    return kcomplex_new(r.re, r.im);
}

static KValue c_div(KValue a, KValue b) {
    OPERANDS
    Cpx q;
    if (c_quot(x, y, &q) < 0) {
        kerr_set(&kexc_ZeroDivisionError, "complex division by zero");
        return KV_NULL;
    }
    return kcomplex_new(q.re, q.im);
}

static KValue c_pow(KValue a, KValue b, KValue m) {
    if (m != KV_NONE) {
        kerr_set(&kexc_ValueError, "complex modulo");
        return KV_NULL;
    }
    OPERANDS
    return pow_result(x, y);
}

static KValue c_neg(KValue a) {
    return kcomplex_new(-((KComplex *)a)->real, -((KComplex *)a)->imag);
}

static KValue c_pos(KValue a) {
    return kcomplex_new(((KComplex *)a)->real, ((KComplex *)a)->imag);
}

static KValue c_abs(KValue a) {
    Cpx c = value_of(a);
    double r;
    if (isinf(c.re) || isinf(c.im)) {
        r = INFINITY; // even with a NaN part
    } else if (isnan(c.re) || isnan(c.im)) {
        r = NAN;
    } else {
        r = hypot(c.re, c.im);
        if (isinf(r)) {
            kerr_set(&kexc_OverflowError, "absolute value too large");
            return KV_NULL;
        }
    }
    return kfloat_new(r);
}

static int c_bool(KValue a) {
    return ((KComplex *)a)->real != 0.0 || ((KComplex *)a)->imag != 0.0;
}

// ---------------------------------------------------------------------------
// repr, hash, comparison.

// A part as repr() shows it inside a complex: the float repr without ".0".
static void part_repr(double d, char *buf) {
    kfloat_repr_buf(d, buf);
    size_t n = strlen(buf);
    if (n >= 2 && strcmp(buf + n - 2, ".0") == 0) {
        buf[n - 2] = 0;
    }
}

static KValue c_repr(KValue v) {
    Cpx c = value_of(v);
    char re[64], im[64];
    part_repr(c.im, im);
    if (c.re == 0.0 && !signbit(c.re)) {
        return kstr_from_format("%sj", im);
    }
    part_repr(c.re, re);
    return kstr_from_format("(%s%s%sj)", re, im[0] == '-' ? "" : "+", im);
}

static int64_t c_hash(KValue v) {
    Cpx c = value_of(v);
    uint64_t h = (uint64_t)kfloat_hash(c.re) + 1000003UL * (uint64_t)kfloat_hash(c.im);
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

static KValue c_richcompare(KValue a, KValue b, int op) {
    if ((op != KF_CMP_EQ && op != KF_CMP_NE) || !is_complex(a)) {
        return kval_newref(KV_NOTIMPL);
    }
    Cpx x = value_of(a);
    int eq;
    if (kint_check(b)) {
        // Exactly, as float == int: 2**53 + 1 != complex(2**53 + 1).
        eq = x.im == 0.0 && !isnan(x.re) && kfloat_compare_int(x.re, b) == 0;
    } else if (kfloat_check(b)) {
        eq = x.re == kfloat_value(b) && x.im == 0.0;
    } else if (is_complex(b)) {
        Cpx y = value_of(b);
        eq = x.re == y.re && x.im == y.im;
    } else {
        return kval_newref(KV_NOTIMPL);
    }
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

// ---------------------------------------------------------------------------
// complex(str).

static int is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// The longest prefix of 's' that is a float (what CPython's
// PyOS_string_to_double accepts: sign, digits with an optional point and
// exponent, or inf/infinity/nan; overflow gives an infinity). Returns its
// length, 0 when there is none.
static size_t scan_float(const char *s, double *out) {
    size_t i = 0;
    int neg = s[0] == '-';
    if (s[0] == '+' || s[0] == '-') {
        i++;
    }
    if (!strncasecmp(s + i, "inf", 3)) {
        *out = neg ? -INFINITY : INFINITY;
        return i + (strncasecmp(s + i, "infinity", 8) ? 3 : 8);
    }
    if (!strncasecmp(s + i, "nan", 3)) {
        *out = NAN;
        return i + 3;
    }
    size_t digits = 0;
    while (s[i] >= '0' && s[i] <= '9') {
        i++, digits++;
    }
    if (s[i] == '.') {
        i++;
        while (s[i] >= '0' && s[i] <= '9') {
            i++, digits++;
        }
    }
    if (digits == 0) {
        return 0;
    }
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1;
        if (s[j] == '+' || s[j] == '-') {
            j++;
        }
        if (s[j] >= '0' && s[j] <= '9') {
            while (s[j] >= '0' && s[j] <= '9') {
                j++;
            }
            i = j;
        }
    }
    char local[64];
    char *buf = i < sizeof local ? local : kmem_alloc(i + 1);
    if (!buf) {
        *out = 0.0; // a float of that many digits: MemoryError would be CPython's
        return 0;
    }
    memcpy(buf, s, i);
    buf[i] = 0;
    *out = strtod(buf, NULL);
    if (buf != local) {
        kmem_free(buf);
    }
    return i;
}

// CPython's complex grammar: <float>, <float>j, <float><signed-float>j and the
// old forms <float><sign>j, <sign>j and j, optionally in parentheses, spaces
// around. 's' is NUL-terminated ASCII of length 'len'. Returns -1 when malformed.
static int parse_complex(const char *s, size_t len, Cpx *out) {
    const char *start = s;
    double x = 0.0, y = 0.0, z;
    while (is_space(*s)) {
        s++;
    }
    int bracket = *s == '(';
    if (bracket) {
        s++;
        while (is_space(*s)) {
            s++;
        }
    }
    size_t n = scan_float(s, &z);
    if (n) {
        s += n;
        if (*s == '+' || *s == '-') {
            x = z;
            n = scan_float(s, &y);
            if (n) {
                s += n;
            } else {
                y = *s++ == '+' ? 1.0 : -1.0;
            }
            if (*s != 'j' && *s != 'J') {
                return -1;
            }
            s++;
        } else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        y = *s == '-' ? -1.0 : 1.0;
        if (*s == '+' || *s == '-') {
            s++;
        }
        if (*s != 'j' && *s != 'J') {
            return -1;
        }
        s++;
    }
    while (is_space(*s)) {
        s++;
    }
    if (bracket) {
        if (*s != ')') {
            return -1;
        }
        s++;
        while (is_space(*s)) {
            s++;
        }
    }
    if ((size_t)(s - start) != len) {
        return -1;
    }
    out->re = x;
    out->im = y;
    return 0;
}

// Drops underscores that sit between two digits; -1 for any other underscore.
static int strip_underscores(char *s, size_t *len) {
    size_t o = 0;
    char prev = 0;
    for (size_t i = 0; i < *len; i++) {
        char c = s[i];
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9')) {
                return -1;
            }
        } else {
            if (prev == '_' && !(c >= '0' && c <= '9')) {
                return -1;
            }
            s[o++] = c;
        }
        prev = c;
    }
    if (prev == '_') {
        return -1;
    }
    s[o] = 0;
    *len = o;
    return 0;
}

static KValue complex_from_str(KType *type, KValue str) {
    KStr *k = (KStr *)str;
    size_t len = (size_t)k->len;
    char *buf = kmem_alloc(len + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    // Non-ASCII decimal digits and spaces count as their ASCII forms.
    int has_underscore = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t c = kstr_char(k, (ssize_t)i);
        if (c > 127) {
            c = kuni_isspace(c) ? ' '
                : kuni_record(c)->decimal >= 0 ? '0' + (uint32_t)kuni_record(c)->decimal
                                               : '?';
        }
        buf[i] = (char)c;
        has_underscore |= c == '_';
    }
    buf[len] = 0;
    Cpx c;
    int bad_underscore = has_underscore && strip_underscores(buf, &len) < 0;
    int malformed = !bad_underscore && parse_complex(buf, len, &c) < 0;
    kmem_free(buf);
    if (bad_underscore) {
        kerr_format(&kexc_ValueError, "could not convert string to complex: %R", str);
        return KV_NULL;
    }
    if (malformed) {
        kerr_set(&kexc_ValueError, "complex() arg is a malformed string");
        return KV_NULL;
    }
    return new_of_type(type, c.re, c.im);
}

// ---------------------------------------------------------------------------
// complex(real, imag).

static KValue complex_special_name;

// x.__complex__() when type(x) has one: 1 with '*out' set, 0 without, -1 error.
static int call_dunder_complex(KValue x, KValue *out) {
    if (!complex_special_name && !(complex_special_name = kstr_intern_cstr("__complex__"))) {
        return -1;
    }
    int found;
    KValue r = kobj_call_special(x, complex_special_name, NULL, 0, &found);
    if (!found) {
        return kerr_occurred() ? -1 : 0;
    }
    if (!r) {
        return -1;
    }
    if (!is_complex(r)) {
        kerr_format(&kexc_TypeError, "__complex__ returned non-complex (type %T)", r);
        kval_decref(r);
        return -1;
    }
    *out = r;
    return 1;
}

static int is_number_like(KValue v) {
    KType *t = kval_type(v);
    return is_complex(v) || knb(t)->to_float || knb(t)->index;
}

// A real argument as a double through float(); -1 with an error.
static int real_part(KValue v, double *d) {
    KValue f = knum_float(v);
    if (!f) {
        return -1;
    }
    *d = kfloat_value(f);
    kval_decref(f);
    return 0;
}

int kcomplex_as_parts(KValue v, double *re, double *im) {
    if (is_complex(v)) {
        kcomplex_parts(v, re, im);
        return 0;
    }
    KValue c;
    int r = call_dunder_complex(v, &c);
    if (r != 0) {
        if (r > 0) {
            kcomplex_parts(c, re, im);
            kval_decref(c);
        }
        return r < 0 ? -1 : 0;
    }
    KType *t = kval_type(v);
    if (!knb(t)->to_float && !knb(t)->index) {
        kerr_format(&kexc_TypeError, "must be real number, not %s", ktype_short_name(t));
        return -1;
    }
    *im = 0.0;
    return real_part(v, re);
}

static KValue complex_from_args(KType *type, KValue r, KValue i) {
    if (kstr_check(r)) {
        if (i) {
            kerr_set(&kexc_TypeError, "complex() can't take second arg if first is a string");
            return KV_NULL;
        }
        return complex_from_str(type, r);
    }
    if (i && kstr_check(i)) {
        kerr_set(&kexc_TypeError, "complex() second arg can't be a string");
        return KV_NULL;
    }
    KValue owned = KV_NULL;
    int got = call_dunder_complex(r, &owned);
    if (got < 0) {
        return KV_NULL;
    }
    KValue rv = got ? owned : r;
    if (!is_number_like(rv)) {
        kerr_format(&kexc_TypeError,
                    "complex() first argument must be a string or a number, not '%s'",
                    ktype_name(kval_type(rv)));
        kval_xdecref(owned);
        return KV_NULL;
    }
    if (i && !is_number_like(i)) {
        kerr_format(&kexc_TypeError, "complex() second argument must be a number, not '%s'",
                    ktype_name(kval_type(i)));
        kval_xdecref(owned);
        return KV_NULL;
    }
    // real + imag*1j, keeping signed zeros: a part that is itself complex
    // contributes its imaginary half to the other direction.
    Cpx cr = {0.0, 0.0}, ci = {0.0, 0.0};
    int cr_complex = is_complex(rv), ci_complex = i && is_complex(i);
    int err = 0;
    if (cr_complex) {
        cr = value_of(rv);
    } else {
        err = real_part(rv, &cr.re);
    }
    kval_xdecref(owned);
    if (!err && !i) {
        ci.re = cr.im;
    } else if (!err && ci_complex) {
        ci = value_of(i);
    } else if (!err) {
        err = real_part(i, &ci.re);
    }
    if (err) {
        return KV_NULL;
    }
    if (ci_complex) {
        cr.re -= ci.im;
    }
    if (cr_complex && i) {
        ci.re += cr.im;
    }
    return new_of_type(type, cr.re, ci.re);
}

static KValue c_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"real", "imag", NULL};
    KValue a[2];
    if (kargs_parse("complex", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    if (!a[0]) {
        a[0] = kval_from_int(0);
    }
    if (type == &kcomplex_type && !a[1] && !kval_is_int(a[0]) &&
        kval_type(a[0]) == &kcomplex_type) {
        return kval_newref(a[0]);
    }
    return complex_from_args(type, a[0], a[1]);
}

// ---------------------------------------------------------------------------
// Attributes and methods.

static KValue c_get_real(KValue self) {
    return kfloat_new(((KComplex *)self)->real);
}

static KValue c_get_imag(KValue self) {
    return kfloat_new(((KComplex *)self)->imag);
}

static const KGetSetDef c_getsets[] = {
    {"real", c_get_real, NULL, NULL},
    {"imag", c_get_imag, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KValue c_conjugate(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kcomplex_new(((KComplex *)self)->real, -((KComplex *)self)->imag);
}

static KValue c_complex(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    if (kval_type(self) == &kcomplex_type) {
        return kval_newref(self);
    }
    return kcomplex_new(((KComplex *)self)->real, ((KComplex *)self)->imag);
}

static KValue c_getnewargs(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue re = kfloat_new(((KComplex *)self)->real);
    KValue im = re ? kfloat_new(((KComplex *)self)->imag) : KV_NULL;
    KValue t = im ? ktuple_pack(2, re, im) : KV_NULL;
    kval_xdecref(re);
    kval_xdecref(im);
    return t;
}

static KValue c_format(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "format() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    if (kstr_len(args[0]) == 0) {
        return kobj_str(self);
    }
    return kcomplex_format_spec(((KComplex *)self)->real, ((KComplex *)self)->imag, args[0]);
}

static const KMethodDef c_methods[] = {
    {"conjugate", c_conjugate, KMETH_NOARGS, NULL},
    {"__complex__", c_complex, KMETH_NOARGS, NULL},
    {"__getnewargs__", c_getnewargs, KMETH_NOARGS, NULL},
    {"__format__", c_format, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static void c_dealloc(KObject *o) {
    kobj_free(o);
}

KType kcomplex_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "complex",
    .basicsize = sizeof(KComplex),
    .flags = KTF_BASETYPE,
    .dealloc = c_dealloc,
    .repr = c_repr,
    .hash = c_hash,
    .richcompare = c_richcompare,
    .new_ = c_new,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = c_add, [KNB_SUBTRACT] = c_sub, [KNB_MULTIPLY] = c_mul,
                     [KNB_TRUE_DIVIDE] = c_div},
           .power = c_pow, .negative = c_neg, .positive = c_pos, .absolute = c_abs,
           .to_bool = c_bool},
    .getsets = c_getsets,
    .methods = c_methods,
    .doc = "complex(real=0, imag=0)\n"
        "--\n"
        "\n"
        "Create a complex number from a real part and an optional imaginary part.\n"
        "\n"
        "This is equivalent to (real + imag*1j) where imag defaults to 0.",
};
