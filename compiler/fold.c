// compiler/fold.c: constant folding over the AST, as CPython 3.11's
// Python/ast_opt.c: operators on constants (with its size limits, and
// never when the operation would raise), `not` over is/in comparisons,
// constant tuples, constant subscripts, literal lists and sets that are
// iterated or tested with `in` turned into tuples and frozensets, and
// __debug__. Scalar results replace the node in place (it becomes a
// Constant); tuples and frozensets, which a Constant node cannot hold, are
// kept in a side table (kfold_tuple) that the code generator consults.
// Integers are folded while they fit in 128 bits; beyond that the
// operation is simply left to run time.
#include "codegen.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct KFold {
    KArena *arena;
    int optimize;
    int features;
    int failed; // out of memory
    const void **keys;
    const KfConst **vals;
    int nslots, count;
};

// CPython's limits on what folding may create.
enum { MAX_INT_SIZE = 128, MAX_COLLECTION_SIZE = 256, MAX_STR_SIZE = 4096 };

typedef __int128 i128;

// ---------------------------------------------------------------------------
// The side table

static uint32_t hash_ptr(const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

const KfConst *kfold_tuple(const KFold *f, const KAstExpr *e) {
    if (!f || !f->nslots) {
        return NULL;
    }
    uint32_t mask = (uint32_t)f->nslots - 1;
    for (uint32_t j = hash_ptr(e) & mask; f->keys[j]; j = (j + 1) & mask) {
        if (f->keys[j] == e) {
            return f->vals[j];
        }
    }
    return NULL;
}

static void table_put(KFold *f, const void *key, const KfConst *val) {
    if ((f->count + 1) * 2 > f->nslots) {
        int n = f->nslots ? f->nslots * 2 : 64;
        const void **keys = karena_calloc(f->arena, sizeof(void *) * (size_t)n);
        const KfConst **vals = karena_alloc(f->arena, sizeof(KfConst *) * (size_t)n);
        if (!keys || !vals) {
            f->failed = 1;
            return;
        }
        for (int i = 0; i < f->nslots; i++) {
            if (f->keys[i]) {
                uint32_t j = hash_ptr(f->keys[i]) & (uint32_t)(n - 1);
                while (keys[j]) {
                    j = (j + 1) & (uint32_t)(n - 1);
                }
                keys[j] = f->keys[i];
                vals[j] = f->vals[i];
            }
        }
        f->keys = keys;
        f->vals = vals;
        f->nslots = n;
    }
    uint32_t mask = (uint32_t)f->nslots - 1;
    uint32_t j = hash_ptr(key) & mask;
    while (f->keys[j] && f->keys[j] != key) {
        j = (j + 1) & mask;
    }
    if (!f->keys[j]) {
        f->count++;
    }
    f->keys[j] = key;
    f->vals[j] = val;
}

// ---------------------------------------------------------------------------
// Values

static int is_constant(const KFold *f, const KAstExpr *e) {
    return e->kind == KAST_CONSTANT || ((e->kind == KAST_TUPLE || e->kind == KAST_SET) &&
                                        kfold_tuple(f, e));
}

// The constant of 'e' as a KfConst (scalars converted, tuples looked up).
static int value_of(const KFold *f, const KAstExpr *e, KfConst *out) {
    if (e->kind == KAST_CONSTANT) {
        *out = kcg_const_from_ast(&e->v.constant.value);
        return 1;
    }
    const KfConst *k = kfold_tuple(f, e);
    if (k) {
        *out = *k;
        return 1;
    }
    return 0;
}

static void set_const(KAstExpr *e, const KConst *k) {
    e->kind = KAST_CONSTANT;
    memset(&e->v, 0, sizeof e->v);
    e->v.constant.value = *k;
    e->v.constant.kind = NULL;
}

static int is_int_kind(const KConst *k) {
    return k->kind == KCONST_INT || k->kind == KCONST_TRUE || k->kind == KCONST_FALSE ||
           k->kind == KCONST_BIGINT;
}

// An integer constant as i128; 0 when it does not fit.
static int to_i128(const KConst *k, i128 *out) {
    switch (k->kind) {
    case KCONST_TRUE:
        *out = 1;
        return 1;
    case KCONST_FALSE:
        *out = 0;
        return 1;
    case KCONST_INT:
        *out = k->i;
        return 1;
    case KCONST_BIGINT: {
        const char *s = k->str;
        int neg = 0;
        if (*s == '-') {
            neg = 1;
            s++;
        }
        if (strlen(s) > 37) {
            return 0;
        }
        i128 v = 0;
        for (; *s; s++) {
            v = v * 10 + (*s - '0');
        }
        *out = neg ? -v : v;
        return 1;
    }
    default:
        return 0;
    }
}

static int from_i128(KFold *f, i128 v, KConst *out) {
    memset(out, 0, sizeof *out);
    if (v >= INT64_MIN && v <= INT64_MAX) {
        out->kind = KCONST_INT;
        out->i = (int64_t)v;
        return 1;
    }
    char digits[48];
    int n = 0;
    unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    while (u) {
        digits[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    }
    char *s = karena_alloc(f->arena, (size_t)n + 2);
    if (!s) {
        f->failed = 1;
        return 0;
    }
    int j = 0;
    if (v < 0) {
        s[j++] = '-';
    }
    while (n) {
        s[j++] = digits[--n];
    }
    s[j] = 0;
    out->kind = KCONST_BIGINT;
    out->big_neg = v < 0;
    out->str = s;
    out->len = (size_t)j;
    return 1;
}

static int bits_of(i128 v) {
    unsigned __int128 u = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    int n = 0;
    while (u) {
        n++;
        u >>= 1;
    }
    return n;
}

static KConst float_const(double d) {
    KConst k = {.kind = KCONST_FLOAT, .f = d};
    return k;
}

static KConst bool_const(int b) {
    KConst k = {.kind = b ? KCONST_TRUE : KCONST_FALSE};
    return k;
}

// ---------------------------------------------------------------------------
// Integer, float and complex arithmetic

static i128 floor_div(i128 a, i128 b) {
    i128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}

static i128 floor_mod(i128 a, i128 b) {
    i128 r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
    }
    return r;
}

static int exact_double(i128 v) {
    return v <= ((i128)1 << 53) && v >= -((i128)1 << 53);
}

static int int_pow(i128 base, i128 exp, i128 *out) {
    i128 result = 1;
    while (exp > 0) {
        if (exp & 1) {
            if (__builtin_mul_overflow(result, base, &result)) {
                return 0;
            }
        }
        exp >>= 1;
        if (exp && __builtin_mul_overflow(base, base, &base)) {
            return 0;
        }
    }
    *out = result;
    return 1;
}

static int fold_float(KAstOperator op, double a, double b, KConst *out);

static int fold_int(KFold *f, KAstOperator op, const KConst *lk, const KConst *rk, KConst *out) {
    i128 a, b, r;
    if (!to_i128(lk, &a) || !to_i128(rk, &b)) {
        return 0;
    }
    int both_bool = (lk->kind == KCONST_TRUE || lk->kind == KCONST_FALSE) &&
                    (rk->kind == KCONST_TRUE || rk->kind == KCONST_FALSE);
    switch (op) {
    case KAST_ADD:
        if (__builtin_add_overflow(a, b, &r)) {
            return 0;
        }
        break;
    case KAST_SUB:
        if (__builtin_sub_overflow(a, b, &r)) {
            return 0;
        }
        break;
    case KAST_MULT:
        if (a && b && bits_of(a) + bits_of(b) > MAX_INT_SIZE) {
            return 0;
        }
        if (__builtin_mul_overflow(a, b, &r)) {
            return 0;
        }
        break;
    case KAST_FLOOR_DIV:
        if (b == 0 || (b == -1 && a < -((i128)1 << 126))) {
            return 0;
        }
        r = floor_div(a, b);
        break;
    case KAST_MOD:
        if (b == 0) {
            return 0;
        }
        r = b == -1 ? 0 : floor_mod(a, b);
        break;
    case KAST_DIV:
        if (b == 0 || !exact_double(a) || !exact_double(b)) {
            return 0;
        }
        *out = float_const((double)a / (double)b);
        return 1;
    case KAST_POW:
        if (b < 0) {
            if (a == 0 || !exact_double(a) || !exact_double(b)) {
                return 0;
            }
            return fold_float(op, (double)a, (double)b, out);
        }
        if (a && b > 0 && (b > MAX_INT_SIZE || bits_of(a) > MAX_INT_SIZE / (int)b)) {
            return 0;
        }
        if (!int_pow(a, b, &r)) {
            return 0;
        }
        break;
    case KAST_LSHIFT:
        if (b < 0) {
            return 0;
        }
        if (a && b) {
            if (b > MAX_INT_SIZE || bits_of(a) > MAX_INT_SIZE - (int)b || bits_of(a) + b > 126) {
                return 0;
            }
            r = a * ((i128)1 << (int)b);
        } else {
            r = a;
        }
        break;
    case KAST_RSHIFT:
        if (b < 0) {
            return 0;
        }
        r = a >> (b > 127 ? 127 : (int)b);
        break;
    case KAST_BIT_AND:
        r = a & b;
        if (both_bool) {
            *out = bool_const(r != 0);
            return 1;
        }
        break;
    case KAST_BIT_OR:
        r = a | b;
        if (both_bool) {
            *out = bool_const(r != 0);
            return 1;
        }
        break;
    case KAST_BIT_XOR:
        r = a ^ b;
        if (both_bool) {
            *out = bool_const(r != 0);
            return 1;
        }
        break;
    default:
        return 0;
    }
    return from_i128(f, r, out);
}

static int float_divmod(double vx, double wx, double *floordiv, double *modulo) {
    if (wx == 0.0) {
        return 0;
    }
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *modulo = mod;
    return 1;
}

// Float arithmetic as Python's: +, -, * and / may give infinities (only
// division by zero raises); //, % and ** are folded on finite values only.
static int fold_float(KAstOperator op, double a, double b, KConst *out) {
    double r, m;
    switch (op) {
    case KAST_ADD:
        *out = float_const(a + b);
        return 1;
    case KAST_SUB:
        *out = float_const(a - b);
        return 1;
    case KAST_MULT:
        *out = float_const(a * b);
        return 1;
    case KAST_DIV:
        if (b == 0.0) {
            return 0;
        }
        *out = float_const(a / b);
        return 1;
    default:
        break;
    }
    if (!isfinite(a) || !isfinite(b)) {
        return 0;
    }
    switch (op) {
    case KAST_FLOOR_DIV:
        if (!float_divmod(a, b, &r, &m)) {
            return 0;
        }
        break;
    case KAST_MOD:
        if (!float_divmod(a, b, &m, &r)) {
            return 0;
        }
        break;
    case KAST_POW:
        if (a == 0.0 && b < 0.0) {
            return 0;
        }
        if (a < 0.0 && b != floor(b)) {
            return 0;
        }
        r = pow(a, b);
        break;
    default:
        return 0;
    }
    if (!isfinite(r)) {
        return 0;
    }
    *out = float_const(r);
    return 1;
}

static int to_double(const KConst *k, double *out) {
    i128 v;
    if (k->kind == KCONST_FLOAT) {
        *out = k->f;
        return 1;
    }
    if (is_int_kind(k) && to_i128(k, &v) && exact_double(v)) {
        *out = (double)v;
        return 1;
    }
    return 0;
}

typedef struct Complex {
    double re, im;
} Complex;

static Complex c_prod(Complex a, Complex b) {
    Complex r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

// Smith's division, as CPython's _Py_c_quot; 0 when dividing by zero.
static int c_quot(Complex a, Complex b, Complex *r) {
    double abs_re = b.re < 0 ? -b.re : b.re, abs_im = b.im < 0 ? -b.im : b.im;
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            return 0;
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        r->re = (a.re + a.im * ratio) / denom;
        r->im = (a.im - a.re * ratio) / denom;
    } else if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        r->re = (a.re * ratio + a.im) / denom;
        r->im = (a.im * ratio - a.re) / denom;
    } else {
        r->re = r->im = NAN;
    }
    return 1;
}

// z ** n for an integral exponent of at most 100 (CPython's c_powi).
static int c_powi(Complex x, long n, Complex *out) {
    long u = n < 0 ? -n : n, mask = 1;
    Complex r = {1.0, 0.0}, p = x;
    while (mask > 0 && u >= mask) {
        if (u & mask) {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    if (n >= 0) {
        *out = r;
        return 1;
    }
    Complex one = {1.0, 0.0};
    return c_quot(one, r, out);
}

static int fold_complex(KAstOperator op, const KConst *lk, const KConst *rk, KConst *out) {
    double ar, ai = 0, br, bi = 0;
    if (lk->kind == KCONST_COMPLEX) {
        ar = lk->real;
        ai = lk->f;
    } else if (!to_double(lk, &ar)) {
        return 0;
    }
    if (rk->kind == KCONST_COMPLEX) {
        br = rk->real;
        bi = rk->f;
    } else if (!to_double(rk, &br)) {
        return 0;
    }
    double rr, ri;
    switch (op) {
    case KAST_ADD:
        rr = ar + br;
        ri = ai + bi;
        break;
    case KAST_SUB:
        rr = ar - br;
        ri = ai - bi;
        break;
    case KAST_MULT:
        rr = ar * br - ai * bi;
        ri = ar * bi + ai * br;
        break;
    case KAST_DIV: {
        Complex q;
        if (!c_quot((Complex){ar, ai}, (Complex){br, bi}, &q)) {
            return 0;
        }
        rr = q.re;
        ri = q.im;
        break;
    }
    case KAST_POW: {
        Complex p;
        if (bi != 0.0 || br != floor(br) || fabs(br) > 100.0 ||
            (ar == 0.0 && ai == 0.0 && br < 0) ||
            !c_powi((Complex){ar, ai}, (long)br, &p) || !isfinite(p.re) || !isfinite(p.im)) {
            return 0;
        }
        rr = p.re;
        ri = p.im;
        break;
    }
    default:
        return 0;
    }
    KConst k = {.kind = KCONST_COMPLEX, .real = rr, .f = ri};
    *out = k;
    return 1;
}

// ---------------------------------------------------------------------------
// Strings, bytes, tuples

static size_t utf8_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

static int fold_concat(KFold *f, const KConst *a, const KConst *b, KConst *out) {
    char *s = karena_alloc(f->arena, a->len + b->len + 1);
    if (!s) {
        f->failed = 1;
        return 0;
    }
    memcpy(s, a->str, a->len);
    memcpy(s + a->len, b->str, b->len);
    s[a->len + b->len] = 0;
    *out = *a;
    out->str = s;
    out->len = a->len + b->len;
    return 1;
}

static int fold_repeat(KFold *f, const KConst *s, const KConst *n, KConst *out) {
    i128 count;
    if (!to_i128(n, &count)) {
        return 0;
    }
    size_t size = s->kind == KCONST_STR ? utf8_chars(s->str, s->len) : s->len;
    if (size && (count < 0 || count > (i128)(MAX_STR_SIZE / size))) {
        return 0;
    }
    if (count < 0) {
        count = 0;
    }
    size_t total = s->len * (size_t)count;
    char *buf = karena_alloc(f->arena, total + 1);
    if (!buf) {
        f->failed = 1;
        return 0;
    }
    for (i128 i = 0; i < count; i++) {
        memcpy(buf + (size_t)i * s->len, s->str, s->len);
    }
    buf[total] = 0;
    *out = *s;
    out->str = buf;
    out->len = total;
    return 1;
}

static int is_str_kind(const KConst *k) {
    return k->kind == KCONST_STR || k->kind == KCONST_BYTES;
}

static int fold_binop_consts(KFold *f, KAstOperator op, const KConst *l, const KConst *r,
                             KConst *out) {
    if (is_str_kind(l) || is_str_kind(r)) {
        if (op == KAST_ADD && l->kind == r->kind) {
            return fold_concat(f, l, r, out);
        }
        if (op == KAST_MULT && is_str_kind(l) && is_int_kind(r)) {
            return fold_repeat(f, l, r, out);
        }
        if (op == KAST_MULT && is_str_kind(r) && is_int_kind(l)) {
            return fold_repeat(f, r, l, out);
        }
        return 0;
    }
    if (l->kind == KCONST_COMPLEX || r->kind == KCONST_COMPLEX) {
        return fold_complex(op, l, r, out);
    }
    if (l->kind == KCONST_FLOAT || r->kind == KCONST_FLOAT) {
        double a, b;
        if (!to_double(l, &a) || !to_double(r, &b)) {
            return 0;
        }
        return fold_float(op, a, b, out);
    }
    if (is_int_kind(l) && is_int_kind(r)) {
        return fold_int(f, op, l, r, out);
    }
    return 0;
}

// Makes 'e' a constant tuple (or frozenset) node: an empty Tuple whose
// value is in the side table.
static void set_tuple_const(KFold *f, KAstExpr *e, const KfConst *k) {
    e->kind = KAST_TUPLE;
    memset(&e->v, 0, sizeof e->v);
    e->v.tuple.ctx = KAST_LOAD;
    table_put(f, e, k);
}

// (a, b) + (c,) and (a,) * n on constant tuples.
static int fold_tuple_binop(KFold *f, KAstExpr *e, const KfConst *l, const KfConst *r) {
    int n;
    const KfConst *t, *cnt;
    KfConst *items;
    if (e->v.bin_op.op == KAST_ADD && l->kind == KF_CONST_TUPLE && r->kind == KF_CONST_TUPLE) {
        n = l->count + r->count;
        items = karena_alloc(f->arena, sizeof(KfConst) * (size_t)(n ? n : 1));
        if (!items) {
            f->failed = 1;
            return 0;
        }
        memcpy(items, l->items, sizeof(KfConst) * (size_t)l->count);
        memcpy(items + l->count, r->items, sizeof(KfConst) * (size_t)r->count);
    } else if (e->v.bin_op.op == KAST_MULT &&
               ((l->kind == KF_CONST_TUPLE && r->kind == KF_CONST_INT) ||
                (r->kind == KF_CONST_TUPLE && l->kind == KF_CONST_INT))) {
        t = l->kind == KF_CONST_TUPLE ? l : r;
        cnt = l->kind == KF_CONST_TUPLE ? r : l;
        if (t->count && (cnt->i < 0 || cnt->i > MAX_COLLECTION_SIZE / t->count)) {
            return 0;
        }
        n = cnt->i < 0 ? 0 : (int)cnt->i * t->count;
        items = karena_alloc(f->arena, sizeof(KfConst) * (size_t)(n ? n : 1));
        if (!items) {
            f->failed = 1;
            return 0;
        }
        for (int i = 0; i < n; i++) {
            items[i] = t->items[i % t->count];
        }
    } else {
        return 0;
    }
    KfConst *k = karena_alloc(f->arena, sizeof(KfConst));
    if (!k) {
        f->failed = 1;
        return 0;
    }
    *k = (KfConst){.kind = KF_CONST_TUPLE, .items = items, .count = n};
    set_tuple_const(f, e, k);
    return 1;
}

// ---------------------------------------------------------------------------
// '%s, %r' % (a, b) -> f'{a!s}, {b!r}' (optimize_format)

enum { MAXDIGITS = 3 };

// A literal run of 'fmt' from '*pos' up to the next lone '%', with '%%'
// read as '%'; NULL when empty.
static KAstExpr *format_literal(KFold *f, const char *fmt, size_t len, size_t *pos) {
    size_t start = *pos, p = start;
    int has_percents = 0;
    while (p < len) {
        if (fmt[p] != '%') {
            p++;
        } else if (p + 1 < len && fmt[p + 1] == '%') {
            has_percents = 1;
            p += 2;
        } else {
            break;
        }
    }
    *pos = p;
    if (p == start) {
        return NULL;
    }
    char *text = karena_alloc(f->arena, p - start + 1);
    if (!text) {
        f->failed = 1;
        return NULL;
    }
    size_t n = 0;
    for (size_t i = start; i < p; i++) {
        text[n++] = fmt[i];
        if (has_percents && fmt[i] == '%') {
            i++;
        }
    }
    text[n] = 0;
    KConst k = {.kind = KCONST_STR, .str = text, .len = n};
    KAstExpr *e = kast_constant(f->arena, &k, NULL, -1, -1, -1, -1);
    if (!e) {
        f->failed = 1;
    }
    return e;
}

// One %-unit after the '%': flags, width, precision and the conversion
// ('s', 'r' or 'a'), as a FormattedValue of 'arg'; NULL when unsupported.
static KAstExpr *format_unit(KFold *f, const char *fmt, size_t len, size_t *pos, KAstExpr *arg) {
    size_t p = *pos;
    int ljust = 0, width = -1, prec = -1, digits;
    char ch;
#define NEXTC                                                                                      do {                                                                                               if (p >= len) {                                                                                    return NULL;                                                                               }                                                                                              ch = fmt[p++];                                                                             } while (0)
    for (;;) {
        NEXTC;
        if (ch == '-') {
            ljust = 1;
        } else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0') {
            break;
        }
    }
    if (ch >= '0' && ch <= '9') {
        width = 0;
        for (digits = 0; ch >= '0' && ch <= '9';) {
            width = width * 10 + (ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) {
                return NULL;
            }
        }
    }
    if (ch == '.') {
        NEXTC;
        prec = 0;
        for (digits = 0; ch >= '0' && ch <= '9';) {
            prec = prec * 10 + (ch - '0');
            NEXTC;
            if (++digits >= MAXDIGITS) {
                return NULL;
            }
        }
    }
#undef NEXTC
    *pos = p;
    if (ch != 's' && ch != 'r' && ch != 'a') {
        return NULL;
    }
    char buf[16], *b = buf;
    if (!ljust && width > 0) {
        *b++ = '>';
    }
    if (width >= 0) {
        b += snprintf(b, 4, "%d", width);
    }
    if (prec >= 0) {
        b += snprintf(b, 5, ".%d", prec);
    }
    KAstExpr *spec = NULL;
    if (b != buf) {
        KConst k = {.kind = KCONST_STR, .str = karena_strndup(f->arena, buf, (size_t)(b - buf)),
                    .len = (size_t)(b - buf)};
        spec = k.str ? kast_constant(f->arena, &k, NULL, -1, -1, -1, -1) : NULL;
        if (!spec) {
            f->failed = 1;
            return NULL;
        }
    }
    KAstExpr *v = kast_formatted_value(f->arena, arg, ch, spec, arg->lineno, arg->col_offset,
                                       arg->end_lineno, arg->end_col_offset);
    if (!v) {
        f->failed = 1;
    }
    return v;
}

static void optimize_format(KFold *f, KAstExpr *e, const KConst *fmt, const KAstSeq *elts) {
    int nelts = KAST_LEN(elts), cnt = 0;
    KAstSeq *seq = kast_seq_new(f->arena, nelts * 2 + 1);
    if (!seq) {
        f->failed = 1;
        return;
    }
    int n = 0;
    size_t pos = 0;
    for (;;) {
        KAstExpr *lit = format_literal(f, fmt->str, fmt->len, &pos);
        if (lit) {
            seq->items[n++] = lit;
        } else if (f->failed) {
            return;
        }
        if (pos >= fmt->len) {
            break;
        }
        if (cnt >= nelts) {
            return;
        }
        pos++;
        KAstExpr *unit = format_unit(f, fmt->str, fmt->len, &pos, elts->items[cnt++]);
        if (!unit) {
            return;
        }
        seq->items[n++] = unit;
    }
    if (cnt < nelts) {
        return;
    }
    seq->count = n;
    KAstExpr *res = kast_joined_str(f->arena, seq, e->lineno, e->col_offset, e->end_lineno,
                                    e->end_col_offset);
    if (!res) {
        f->failed = 1;
        return;
    }
    *e = *res;
}

static void fold_binop(KFold *f, KAstExpr *e) {
    const KAstExpr *l = e->v.bin_op.left, *r = e->v.bin_op.right;
    if (e->v.bin_op.op == KAST_MOD && l->kind == KAST_CONSTANT &&
        l->v.constant.value.kind == KCONST_STR && r->kind == KAST_TUPLE && !kfold_tuple(f, r)) {
        for (int i = 0; i < KAST_LEN(r->v.tuple.elts); i++) {
            if (((const KAstExpr *)r->v.tuple.elts->items[i])->kind == KAST_STARRED) {
                return;
            }
        }
        optimize_format(f, e, &l->v.constant.value, r->v.tuple.elts);
        return;
    }
    if (l->kind == KAST_CONSTANT && r->kind == KAST_CONSTANT) {
        KConst out;
        if (fold_binop_consts(f, e->v.bin_op.op, &l->v.constant.value, &r->v.constant.value,
                              &out)) {
            set_const(e, &out);
        }
        return;
    }
    KfConst lv, rv;
    if (is_constant(f, l) && is_constant(f, r) && value_of(f, l, &lv) && value_of(f, r, &rv)) {
        fold_tuple_binop(f, e, &lv, &rv);
    }
}

static int const_truth(const KConst *k) {
    switch (k->kind) {
    case KCONST_NONE:
    case KCONST_FALSE:
        return 0;
    case KCONST_TRUE:
    case KCONST_ELLIPSIS:
    case KCONST_BIGINT:
        return 1;
    case KCONST_INT:
        return k->i != 0;
    case KCONST_FLOAT:
        return k->f != 0.0;
    case KCONST_COMPLEX:
        return k->f != 0.0 || k->real != 0.0;
    default:
        return k->len != 0;
    }
}

static void fold_unaryop(KFold *f, KAstExpr *e) {
    KAstExpr *arg = e->v.unary_op.operand;
    KAstUnaryop op = e->v.unary_op.op;
    if (op == KAST_NOT && arg->kind == KAST_COMPARE && arg->v.compare.ops->count == 1) {
        int cmp = arg->v.compare.ops->items[0];
        int neg = cmp == KAST_IS ? KAST_IS_NOT : cmp == KAST_IS_NOT ? KAST_IS
                  : cmp == KAST_IN ? KAST_NOT_IN : cmp == KAST_NOT_IN ? KAST_IN : 0;
        if (neg) {
            *e = *arg;
            e->v.compare.ops->items[0] = neg;
        }
        return;
    }
    if (arg->kind != KAST_CONSTANT) {
        KfConst t;
        if (op == KAST_NOT && is_constant(f, arg) && value_of(f, arg, &t)) {
            KConst out = bool_const(t.count == 0);
            set_const(e, &out);
        }
        return;
    }
    const KConst *k = &arg->v.constant.value;
    KConst out;
    i128 v;
    switch (op) {
    case KAST_NOT:
        out = bool_const(!const_truth(k));
        break;
    case KAST_INVERT:
        if (!is_int_kind(k) || !to_i128(k, &v) || !from_i128(f, -v - 1, &out)) {
            return;
        }
        break;
    case KAST_USUB:
        if (k->kind == KCONST_FLOAT) {
            out = float_const(-k->f);
        } else if (k->kind == KCONST_COMPLEX) {
            out = *k;
            out.real = -k->real;
            out.f = -k->f;
        } else if (!is_int_kind(k) || !to_i128(k, &v) || !from_i128(f, -v, &out)) {
            return;
        }
        break;
    case KAST_UADD:
        if (k->kind == KCONST_FLOAT || k->kind == KCONST_COMPLEX) {
            out = *k;
        } else if (!is_int_kind(k) || !to_i128(k, &v) || !from_i128(f, v, &out)) {
            return;
        }
        break;
    default:
        return;
    }
    set_const(e, &out);
}

// ---------------------------------------------------------------------------
// Tuples, sets, subscripts

static int py_equal(const KfConst *a, const KfConst *b);

int kfold_equal(const KfConst *a, const KfConst *b) {
    return py_equal(a, b);
}

// Python equality of constants, for frozenset members (1 == 1.0 == True).
static int py_equal(const KfConst *a, const KfConst *b) {
    int an = a->kind == KF_CONST_INT || a->kind == KF_CONST_TRUE || a->kind == KF_CONST_FALSE ||
             a->kind == KF_CONST_FLOAT || a->kind == KF_CONST_COMPLEX;
    int bn = b->kind == KF_CONST_INT || b->kind == KF_CONST_TRUE || b->kind == KF_CONST_FALSE ||
             b->kind == KF_CONST_FLOAT || b->kind == KF_CONST_COMPLEX;
    if (an && bn) {
        double ar = a->kind == KF_CONST_INT ? (double)a->i : a->kind == KF_CONST_TRUE ? 1.0
                    : a->kind == KF_CONST_FALSE ? 0.0 : a->f;
        double br = b->kind == KF_CONST_INT ? (double)b->i : b->kind == KF_CONST_TRUE ? 1.0
                    : b->kind == KF_CONST_FALSE ? 0.0 : b->f;
        double ai = a->kind == KF_CONST_COMPLEX ? a->imag : 0.0;
        double bi = b->kind == KF_CONST_COMPLEX ? b->imag : 0.0;
        if (a->kind == KF_CONST_INT && b->kind == KF_CONST_INT) {
            return a->i == b->i;
        }
        return ar == br && ai == bi;
    }
    if (a->kind != b->kind) {
        return 0;
    }
    switch (a->kind) {
    case KF_CONST_STR:
    case KF_CONST_BYTES:
        return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
    case KF_CONST_BIGINT:
        return strcmp(a->str, b->str) == 0;
    case KF_CONST_TUPLE:
        if (a->count != b->count) {
            return 0;
        }
        for (int i = 0; i < a->count; i++) {
            if (!py_equal(&a->items[i], &b->items[i])) {
                return 0;
            }
        }
        return 1;
    default:
        return 1;
    }
}

// Records a tuple (or, deduplicated, frozenset) constant for node 'e'
// made of the constants 'elts'; nothing when one is not constant.
static void make_const_seq(KFold *f, KAstExpr *e, const KAstSeq *elts, KfConstKind kind) {
    int n = KAST_LEN(elts);
    for (int i = 0; i < n; i++) {
        if (!is_constant(f, elts->items[i])) {
            return;
        }
    }
    KfConst *items = karena_alloc(f->arena, sizeof(KfConst) * (size_t)(n ? n : 1));
    KfConst *k = karena_alloc(f->arena, sizeof(KfConst));
    if (!items || !k) {
        f->failed = 1;
        return;
    }
    int count = 0;
    for (int i = 0; i < n; i++) {
        KfConst v;
        value_of(f, elts->items[i], &v);
        int dup = 0;
        for (int j = 0; kind == KF_CONST_FROZENSET && j < count && !dup; j++) {
            dup = py_equal(&items[j], &v);
        }
        if (!dup) {
            items[count++] = v;
        }
    }
    *k = (KfConst){.kind = kind, .items = items, .count = count};
    table_put(f, e, k);
}

// A literal list iterated over (or tested with in) becomes a tuple, a
// literal set of constants a frozenset (fold_iter).
static void fold_iter(KFold *f, KAstExpr *e) {
    if (e->kind == KAST_LIST) {
        for (int i = 0; i < KAST_LEN(e->v.list.elts); i++) {
            if (((const KAstExpr *)e->v.list.elts->items[i])->kind == KAST_STARRED) {
                return;
            }
        }
        e->kind = KAST_TUPLE;
        make_const_seq(f, e, e->v.tuple.elts, KF_CONST_TUPLE);
    } else if (e->kind == KAST_SET) {
        make_const_seq(f, e, e->v.set.elts, KF_CONST_FROZENSET);
    }
}

// "abc"[1], b"abc"[1], (1, 2)[0] with a constant integer index.
static void fold_subscr(KFold *f, KAstExpr *e) {
    KAstExpr *value = e->v.subscript.value, *index = e->v.subscript.slice;
    if (e->v.subscript.ctx != KAST_LOAD || index->kind != KAST_CONSTANT ||
        !is_int_kind(&index->v.constant.value)) {
        return;
    }
    i128 i;
    if (!to_i128(&index->v.constant.value, &i)) {
        return;
    }
    KfConst v;
    if (!is_constant(f, value) || !value_of(f, value, &v)) {
        return;
    }
    if (v.kind == KF_CONST_TUPLE) {
        if (i < 0) {
            i += v.count;
        }
        if (i < 0 || i >= v.count) {
            return;
        }
        const KfConst *item = &v.items[(int)i];
        KConst out = {0};
        switch (item->kind) {
        case KF_CONST_TUPLE:
        case KF_CONST_FROZENSET:
            set_tuple_const(f, e, item);
            return;
        case KF_CONST_CODE:
            return;
        case KF_CONST_BIGINT:
            out.kind = KCONST_BIGINT;
            out.str = item->str;
            out.len = strlen(item->str);
            out.big_neg = item->str[0] == '-';
            break;
        case KF_CONST_NONE: out.kind = KCONST_NONE; break;
        case KF_CONST_TRUE: out.kind = KCONST_TRUE; break;
        case KF_CONST_FALSE: out.kind = KCONST_FALSE; break;
        case KF_CONST_ELLIPSIS: out.kind = KCONST_ELLIPSIS; break;
        case KF_CONST_INT: out.kind = KCONST_INT; out.i = item->i; break;
        case KF_CONST_FLOAT: out.kind = KCONST_FLOAT; out.f = item->f; break;
        case KF_CONST_COMPLEX: out.kind = KCONST_COMPLEX; out.real = item->f; out.f = item->imag; break;
        case KF_CONST_STR: out.kind = KCONST_STR; out.str = item->str; out.len = item->len; break;
        case KF_CONST_BYTES: out.kind = KCONST_BYTES; out.str = item->str; out.len = item->len; break;
        }
        set_const(e, &out);
        return;
    }
    if (v.kind == KF_CONST_BYTES) {
        if (i < 0) {
            i += (i128)v.len;
        }
        if (i < 0 || i >= (i128)v.len) {
            return;
        }
        KConst out = {.kind = KCONST_INT, .i = (unsigned char)v.str[(size_t)i]};
        set_const(e, &out);
        return;
    }
    if (v.kind != KF_CONST_STR) {
        return;
    }
    size_t nchars = utf8_chars(v.str, v.len);
    if (i < 0) {
        i += (i128)nchars;
    }
    if (i < 0 || i >= (i128)nchars) {
        return;
    }
    size_t pos = 0, seen = 0;
    for (; pos < v.len; pos++) {
        if (((unsigned char)v.str[pos] & 0xC0) != 0x80) {
            if (seen++ == (size_t)i) {
                break;
            }
        }
    }
    size_t end = pos + 1;
    while (end < v.len && ((unsigned char)v.str[end] & 0xC0) == 0x80) {
        end++;
    }
    KConst out = {.kind = KCONST_STR, .str = karena_strndup(f->arena, v.str + pos, end - pos),
                  .len = end - pos};
    if (!out.str) {
        f->failed = 1;
        return;
    }
    set_const(e, &out);
}

// ---------------------------------------------------------------------------
// The walk

static void fold_expr(KFold *f, KAstExpr *e);
static void fold_stmts(KFold *f, KAstSeq *seq);

// fold_expr, but a constant or a name that cannot be __debug__ (the leaves,
// half of all nodes) costs no call.
static inline void fold_child(KFold *f, KAstExpr *e) {
    if (e->kind != KAST_CONSTANT && (e->kind != KAST_NAME || e->v.name.id[0] == '_')) {
        fold_expr(f, e);
    }
}

static void fold_exprs(KFold *f, KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        if (seq->items[i]) {
            fold_child(f, seq->items[i]);
        }
    }
}

static void fold_opt(KFold *f, KAstExpr *e) {
    if (e) {
        fold_expr(f, e);
    }
}

static void fold_comprehensions(KFold *f, KAstSeq *gens) {
    for (int i = 0; i < KAST_LEN(gens); i++) {
        KAstComprehension *g = gens->items[i];
        fold_child(f, g->target);
        fold_child(f, g->iter);
        fold_exprs(f, g->ifs);
        fold_iter(f, g->iter);
    }
}

static void fold_annotation(KFold *f, KAstExpr *e) {
    if (e && !(f->features & KSYM_FUTURE_ANNOTATIONS)) {
        fold_expr(f, e);
    }
}

static void fold_arguments(KFold *f, KAstArguments *a) {
    KAstSeq *seqs[] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int s = 0; s < 3; s++) {
        for (int i = 0; i < KAST_LEN(seqs[s]); i++) {
            fold_annotation(f, ((KAstArg *)seqs[s]->items[i])->annotation);
        }
    }
    if (a->vararg) {
        fold_annotation(f, a->vararg->annotation);
    }
    if (a->kwarg) {
        fold_annotation(f, a->kwarg->annotation);
    }
    fold_exprs(f, a->kw_defaults);
    fold_exprs(f, a->defaults);
}

static void fold_keywords(KFold *f, KAstSeq *kws) {
    for (int i = 0; i < KAST_LEN(kws); i++) {
        fold_child(f, ((KAstKeyword *)kws->items[i])->value);
    }
}

static void fold_expr(KFold *f, KAstExpr *e) {
    switch (e->kind) {
    case KAST_BOOL_OP:
        fold_exprs(f, e->v.bool_op.values);
        break;
    case KAST_BIN_OP:
        fold_child(f, e->v.bin_op.left);
        fold_child(f, e->v.bin_op.right);
        fold_binop(f, e);
        break;
    case KAST_UNARY_OP:
        fold_child(f, e->v.unary_op.operand);
        fold_unaryop(f, e);
        break;
    case KAST_LAMBDA:
        fold_arguments(f, e->v.lambda.args);
        fold_child(f, e->v.lambda.body);
        break;
    case KAST_IF_EXP:
        fold_child(f, e->v.if_exp.test);
        fold_child(f, e->v.if_exp.body);
        fold_child(f, e->v.if_exp.orelse);
        break;
    case KAST_DICT:
        fold_exprs(f, e->v.dict.keys);
        fold_exprs(f, e->v.dict.values);
        break;
    case KAST_SET:
        fold_exprs(f, e->v.set.elts);
        break;
    case KAST_LIST_COMP:
        fold_child(f, e->v.list_comp.elt);
        fold_comprehensions(f, e->v.list_comp.generators);
        break;
    case KAST_SET_COMP:
        fold_child(f, e->v.set_comp.elt);
        fold_comprehensions(f, e->v.set_comp.generators);
        break;
    case KAST_DICT_COMP:
        fold_child(f, e->v.dict_comp.key);
        fold_child(f, e->v.dict_comp.value);
        fold_comprehensions(f, e->v.dict_comp.generators);
        break;
    case KAST_GENERATOR_EXP:
        fold_child(f, e->v.generator_exp.elt);
        fold_comprehensions(f, e->v.generator_exp.generators);
        break;
    case KAST_AWAIT:
        fold_child(f, e->v.await.value);
        break;
    case KAST_YIELD:
        fold_opt(f, e->v.yield.value);
        break;
    case KAST_YIELD_FROM:
        fold_child(f, e->v.yield_from.value);
        break;
    case KAST_COMPARE: {
        fold_child(f, e->v.compare.left);
        fold_exprs(f, e->v.compare.comparators);
        int last = e->v.compare.ops->count - 1;
        int op = e->v.compare.ops->items[last];
        if (op == KAST_IN || op == KAST_NOT_IN) {
            fold_iter(f, e->v.compare.comparators->items[last]);
        }
        break;
    }
    case KAST_CALL:
        fold_child(f, e->v.call.func);
        fold_exprs(f, e->v.call.args);
        fold_keywords(f, e->v.call.keywords);
        break;
    case KAST_FORMATTED_VALUE:
        fold_child(f, e->v.formatted_value.value);
        fold_opt(f, e->v.formatted_value.format_spec);
        break;
    case KAST_JOINED_STR:
        fold_exprs(f, e->v.joined_str.values);
        break;
    case KAST_ATTRIBUTE:
        fold_child(f, e->v.attribute.value);
        break;
    case KAST_SUBSCRIPT:
        fold_child(f, e->v.subscript.value);
        fold_child(f, e->v.subscript.slice);
        fold_subscr(f, e);
        break;
    case KAST_STARRED:
        fold_child(f, e->v.starred.value);
        break;
    case KAST_SLICE:
        fold_opt(f, e->v.slice.lower);
        fold_opt(f, e->v.slice.upper);
        fold_opt(f, e->v.slice.step);
        break;
    case KAST_LIST:
        fold_exprs(f, e->v.list.elts);
        break;
    case KAST_TUPLE:
        fold_exprs(f, e->v.tuple.elts);
        if (e->v.tuple.ctx == KAST_LOAD) {
            make_const_seq(f, e, e->v.tuple.elts, KF_CONST_TUPLE);
        }
        break;
    case KAST_NAME:
        if (e->v.name.ctx == KAST_LOAD && e->v.name.id[0] == '_' &&
            strcmp(e->v.name.id, "__debug__") == 0) {
            KConst k = bool_const(!f->optimize);
            set_const(e, &k);
        }
        break;
    case KAST_NAMED_EXPR:
        fold_child(f, e->v.named_expr.value);
        break;
    case KAST_CONSTANT:
        break;
    }
}

static void fold_handlers(KFold *f, KAstSeq *handlers) {
    for (int i = 0; i < KAST_LEN(handlers); i++) {
        KAstExcepthandler *h = handlers->items[i];
        fold_opt(f, h->v.except_handler.type);
        fold_stmts(f, h->v.except_handler.body);
    }
}

static void fold_pattern(KFold *f, KAstPattern *p) {
    switch (p->kind) {
    case KAST_MATCH_VALUE:
        fold_expr(f, p->v.match_value.value);
        break;
    case KAST_MATCH_SEQUENCE:
        for (int i = 0; i < KAST_LEN(p->v.match_sequence.patterns); i++) {
            fold_pattern(f, p->v.match_sequence.patterns->items[i]);
        }
        break;
    case KAST_MATCH_MAPPING:
        fold_exprs(f, p->v.match_mapping.keys);
        for (int i = 0; i < KAST_LEN(p->v.match_mapping.patterns); i++) {
            fold_pattern(f, p->v.match_mapping.patterns->items[i]);
        }
        break;
    case KAST_MATCH_CLASS:
        fold_expr(f, p->v.match_class.cls);
        for (int i = 0; i < KAST_LEN(p->v.match_class.patterns); i++) {
            fold_pattern(f, p->v.match_class.patterns->items[i]);
        }
        for (int i = 0; i < KAST_LEN(p->v.match_class.kwd_patterns); i++) {
            fold_pattern(f, p->v.match_class.kwd_patterns->items[i]);
        }
        break;
    case KAST_MATCH_AS:
        if (p->v.match_as.pattern) {
            fold_pattern(f, p->v.match_as.pattern);
        }
        break;
    case KAST_MATCH_OR:
        for (int i = 0; i < KAST_LEN(p->v.match_or.patterns); i++) {
            fold_pattern(f, p->v.match_or.patterns->items[i]);
        }
        break;
    default:
        break;
    }
}

static void fold_function(KFold *f, KAstArguments *args, KAstSeq *body, KAstSeq *decos,
                          KAstExpr *returns) {
    fold_arguments(f, args);
    fold_stmts(f, body);
    fold_exprs(f, decos);
    fold_annotation(f, returns);
}

static void fold_stmt(KFold *f, KAstStmt *s) {
    switch (s->kind) {
    case KAST_FUNCTION_DEF:
        fold_function(f, s->v.function_def.args, s->v.function_def.body,
                      s->v.function_def.decorator_list, s->v.function_def.returns);
        break;
    case KAST_ASYNC_FUNCTION_DEF:
        fold_function(f, s->v.async_function_def.args, s->v.async_function_def.body,
                      s->v.async_function_def.decorator_list, s->v.async_function_def.returns);
        break;
    case KAST_CLASS_DEF:
        fold_exprs(f, s->v.class_def.bases);
        fold_keywords(f, s->v.class_def.keywords);
        fold_stmts(f, s->v.class_def.body);
        fold_exprs(f, s->v.class_def.decorator_list);
        break;
    case KAST_RETURN:
        fold_opt(f, s->v.return_.value);
        break;
    case KAST_DELETE:
        fold_exprs(f, s->v.delete.targets);
        break;
    case KAST_ASSIGN:
        fold_exprs(f, s->v.assign.targets);
        fold_expr(f, s->v.assign.value);
        break;
    case KAST_AUG_ASSIGN:
        fold_expr(f, s->v.aug_assign.target);
        fold_expr(f, s->v.aug_assign.value);
        break;
    case KAST_ANN_ASSIGN:
        fold_expr(f, s->v.ann_assign.target);
        fold_annotation(f, s->v.ann_assign.annotation);
        fold_opt(f, s->v.ann_assign.value);
        break;
    case KAST_FOR:
    case KAST_ASYNC_FOR:
        fold_expr(f, s->v.for_.target);
        fold_expr(f, s->v.for_.iter);
        fold_stmts(f, s->v.for_.body);
        fold_stmts(f, s->v.for_.orelse);
        if (s->kind == KAST_FOR) { // as CPython: not 'async for' (comprehensions are folded)
            fold_iter(f, s->v.for_.iter);
        }
        break;
    case KAST_WHILE:
        fold_expr(f, s->v.while_.test);
        fold_stmts(f, s->v.while_.body);
        fold_stmts(f, s->v.while_.orelse);
        break;
    case KAST_IF:
        fold_expr(f, s->v.if_.test);
        fold_stmts(f, s->v.if_.body);
        fold_stmts(f, s->v.if_.orelse);
        break;
    case KAST_WITH:
    case KAST_ASYNC_WITH:
        for (int i = 0; i < KAST_LEN(s->v.with.items); i++) {
            KAstWithitem *w = s->v.with.items->items[i];
            fold_expr(f, w->context_expr);
            fold_opt(f, w->optional_vars);
        }
        fold_stmts(f, s->v.with.body);
        break;
    case KAST_MATCH:
        fold_expr(f, s->v.match.subject);
        for (int i = 0; i < KAST_LEN(s->v.match.cases); i++) {
            KAstMatchCase *c = s->v.match.cases->items[i];
            fold_pattern(f, c->pattern);
            fold_opt(f, c->guard);
            fold_stmts(f, c->body);
        }
        break;
    case KAST_RAISE:
        fold_opt(f, s->v.raise.exc);
        fold_opt(f, s->v.raise.cause);
        break;
    case KAST_TRY:
    case KAST_TRY_STAR:
        fold_stmts(f, s->v.try_.body);
        fold_handlers(f, s->v.try_.handlers);
        fold_stmts(f, s->v.try_.orelse);
        fold_stmts(f, s->v.try_.finalbody);
        break;
    case KAST_ASSERT:
        fold_expr(f, s->v.assert.test);
        fold_opt(f, s->v.assert.msg);
        break;
    case KAST_EXPR:
        fold_expr(f, s->v.expr.value);
        break;
    default:
        break;
    }
}

static void fold_stmts(KFold *f, KAstSeq *seq) {
    for (int i = 0; i < KAST_LEN(seq); i++) {
        fold_stmt(f, seq->items[i]);
    }
}

KFold *kfold_module(KArena *a, KAstMod *mod, int optimize, int features) {
    KFold *f = karena_calloc(a, sizeof(KFold));
    if (!f) {
        return NULL;
    }
    f->arena = a;
    f->optimize = optimize;
    f->features = features;
    switch (mod->kind) {
    case KAST_MODULE:
        fold_stmts(f, mod->v.module.body);
        break;
    case KAST_INTERACTIVE:
        fold_stmts(f, mod->v.interactive.body);
        break;
    case KAST_EXPRESSION:
        fold_expr(f, mod->v.expression.body);
        break;
    default:
        break;
    }
    return f->failed ? NULL : f;
}
