// vm/complex.c: the complex type: construction, repr as CPython's,
// arithmetic, abs, comparison for equality, hashing.
#include <math.h>
#include "internal.h"
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "float.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

typedef struct KComplex {
    KOBJ_HEAD;
    double real, imag;
} KComplex;

KValue kcomplex_new(double real, double imag) {
    KComplex *c = (KComplex *)kobj_alloc(&kcomplex_type, sizeof(KComplex));
    if (!c) {
        return kerr_no_memory();
    }
    c->real = real;
    c->imag = imag;
    return kval_of(c);
}

static int as_complex(KValue v, double *re, double *im) {
    if (kval_type(v) == &kcomplex_type || ktype_is_subtype(kval_type(v), &kcomplex_type)) {
        *re = ((KComplex *)v)->real;
        *im = ((KComplex *)v)->imag;
        return 1;
    }
    if (kint_check(v) || kfloat_check(v)) {
        *re = knum_as_double(v);
        *im = 0.0;
        return *re == -1.0 && kerr_occurred() ? -1 : 1;
    }
    return 0;
}

#define OPERANDS                                                                                 \
    double ar, ai, br, bi;                                                                       \
    int ra = as_complex(a, &ar, &ai), rb = ra > 0 ? as_complex(b, &br, &bi) : 0;                 \
    if (ra < 0 || rb < 0) {                                                                      \
        return KV_NULL;                                                                          \
    }                                                                                            \
    if (!ra || !rb) {                                                                            \
        return kval_newref(KV_NOTIMPL);                                                          \
    }

static KValue c_add(KValue a, KValue b) {
    OPERANDS
    return kcomplex_new(ar + br, ai + bi);
}
static KValue c_sub(KValue a, KValue b) {
    OPERANDS
    return kcomplex_new(ar - br, ai - bi);
}
static KValue c_mul(KValue a, KValue b) {
    OPERANDS
    return kcomplex_new(ar * br - ai * bi, ar * bi + ai * br);
}

static int c_quot(double ar, double ai, double br, double bi, double *qr, double *qi) {
    double abs_br = fabs(br), abs_bi = fabs(bi);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            return -1;
        }
        double ratio = bi / br, denom = br + bi * ratio;
        *qr = (ar + ai * ratio) / denom;
        *qi = (ai - ar * ratio) / denom;
    } else {
        double ratio = br / bi, denom = br * ratio + bi;
        *qr = (ar * ratio + ai) / denom;
        *qi = (ai * ratio - ar) / denom;
    }
    return 0;
}

static KValue c_div(KValue a, KValue b) {
    OPERANDS
    double qr, qi;
    if (c_quot(ar, ai, br, bi, &qr, &qi) < 0) {
        kerr_set(&kexc_ZeroDivisionError, "complex division by zero");
        return KV_NULL;
    }
    return kcomplex_new(qr, qi);
}

static KValue c_pow_raw(double ar, double ai, double br, double bi) {
    if (br == 0.0 && bi == 0.0) {
        return kcomplex_new(1.0, 0.0);
    }
    if (ar == 0.0 && ai == 0.0) {
        if (bi != 0.0 || br < 0.0) {
            kerr_set(&kexc_ZeroDivisionError, "0.0 to a negative or complex power");
            return KV_NULL;
        }
        return kcomplex_new(0.0, 0.0);
    }
    double vabs = hypot(ar, ai);
    double len = pow(vabs, br);
    double at = atan2(ai, ar);
    double phase = at * br;
    if (bi != 0.0) {
        len /= exp(at * bi);
        phase += bi * log(vabs);
    }
    return kcomplex_new(len * cos(phase), len * sin(phase));
}

KValue kcomplex_pow_real(double x, double y) {
    return c_pow_raw(x, 0.0, y, 0.0);
}

static KValue c_pow(KValue a, KValue b, KValue m) {
    if (m != KV_NONE) {
        kerr_set(&kexc_ValueError, "complex modulo");
        return KV_NULL;
    }
    OPERANDS
    return c_pow_raw(ar, ai, br, bi);
}

static KValue c_neg(KValue a) {
    return kcomplex_new(-((KComplex *)a)->real, -((KComplex *)a)->imag);
}
static KValue c_pos(KValue a) {
    return kcomplex_new(((KComplex *)a)->real, ((KComplex *)a)->imag);
}
static KValue c_abs(KValue a) {
    double r = hypot(((KComplex *)a)->real, ((KComplex *)a)->imag);
    if (isinf(r) && isfinite(((KComplex *)a)->real) && isfinite(((KComplex *)a)->imag)) {
        kerr_set(&kexc_OverflowError, "absolute value too large");
        return KV_NULL;
    }
    return kfloat_new(r);
}
static int c_bool(KValue a) {
    return ((KComplex *)a)->real != 0.0 || ((KComplex *)a)->imag != 0.0;
}

static void part_repr(double d, char *buf) {
    kfloat_repr_buf(d, buf);
    size_t n = strlen(buf);
    if (n >= 2 && strcmp(buf + n - 2, ".0") == 0) {
        buf[n - 2] = 0;
    }
}

static KValue c_repr(KValue v) {
    KComplex *c = (KComplex *)v;
    char re[64], im[64];
    part_repr(c->imag, im);
    if (c->real == 0.0 && !signbit(c->real)) {
        return kstr_from_format("%sj", im);
    }
    part_repr(c->real, re);
    const char *sign = (c->imag >= 0 || isnan(c->imag)) && im[0] != '-' ? "+" : "";
    return kstr_from_format("(%s%s%sj)", re, sign, im);
}

static int64_t c_hash(KValue v) {
    KComplex *c = (KComplex *)v;
    int64_t hr = kfloat_hash(c->real), hi = kfloat_hash(c->imag);
    uint64_t h = (uint64_t)hr + 1000003UL * (uint64_t)hi;
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

static KValue c_richcompare(KValue a, KValue b, int op) {
    if (op != KF_CMP_EQ && op != KF_CMP_NE) {
        return kval_newref(KV_NOTIMPL);
    }
    double br, bi;
    int r = as_complex(b, &br, &bi);
    if (r <= 0) {
        return r < 0 ? KV_NULL : kval_newref(KV_NOTIMPL);
    }
    int eq = ((KComplex *)a)->real == br && ((KComplex *)a)->imag == bi;
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

static KValue c_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"real", "imag", NULL};
    KValue a[2];
    if (kargs_parse("complex", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    double re = 0, im = 0, r2, i2;
    if (a[0]) {
        int r = as_complex(a[0], &re, &im);
        if (r < 0) {
            return KV_NULL;
        }
        if (!r) {
            kerr_format(&kexc_TypeError,
                        "complex() first argument must be a string or a number, not '%s'",
                        ktype_name(kval_type(a[0])));
            return KV_NULL;
        }
    }
    if (a[1]) {
        int r = as_complex(a[1], &r2, &i2);
        if (r <= 0) {
            if (r == 0) {
                kerr_format(&kexc_TypeError, "complex() second argument must be a number, not '%s'",
                            ktype_name(kval_type(a[1])));
            }
            return KV_NULL;
        }
        re -= i2;
        im += r2;
    }
    if (type == &kcomplex_type) {
        return kcomplex_new(re, im);
    }
    KComplex *c = (KComplex *)ktype_generic_alloc(type, 0);
    if (c) {
        c->real = re;
        c->imag = im;
    }
    return kval_of(c);
}

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

KValue kstr_format_spec(KValue self, KValue spec);

// format(complex, spec): the repr padded as a string (CPython's numeric
// complex formatting with types e/f/g is not implemented yet).
static KValue c_format(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "format() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    KValue r = c_repr(self);
    if (!r || kstr_len(args[0]) == 0) {
        return r;
    }
    KValue out = kstr_format_spec(r, args[0]);
    kval_decref(r);
    return out;
}

static const KMethodDef c_methods[] = {
    {"conjugate", c_conjugate, KMETH_NOARGS, NULL},
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
    .nb = {.binop = {[KNB_ADD] = c_add, [KNB_SUBTRACT] = c_sub, [KNB_MULTIPLY] = c_mul,
                     [KNB_TRUE_DIVIDE] = c_div},
           .power = c_pow, .negative = c_neg, .positive = c_pos, .absolute = c_abs,
           .to_bool = c_bool},
    .getsets = c_getsets,
    .methods = c_methods,
};
