// vm/int.c: arbitrary-precision integers. Small values are tagged words
// (object.h); the rest are KInt objects with base-2**32 digits. Every
// operation works on a "view" (sign + digit array) that both forms provide,
// computes a magnitude in a scratch buffer and normalises the result back to
// a tagged word when it fits. Schoolbook and Karatsuba multiplication, Knuth's algorithm D
// for division, float conversion correctly rounded; the type's slots and
// methods, and bool. Text and bytes conversions are in int_convert.c.
#include "int.h"
#include "int_impl.h"
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
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

int kint_max_str_digits = 4300;

void kint_view(KValue v, KIntView *w) {
    if (kval_is_int(v)) {
        intptr_t i = kval_int(v);
        uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        w->neg = i < 0;
        w->buf[0] = (uint32_t)m;
        w->buf[1] = (uint32_t)(m >> 32);
        w->n = m == 0 ? 0 : w->buf[1] ? 2 : 1;
        w->d = w->buf;
    } else {
        KInt *k = (KInt *)v;
        w->neg = k->size < 0;
        w->n = k->size < 0 ? -k->size : k->size;
        w->d = k->digits;
        while (w->n > 0 && w->d[w->n - 1] == 0) {
            w->n--;
        }
    }
}

KInt *kint_alloc(KType *type, ssize_t n) {
#ifdef KV_FUZZ_BUDGET
    // Fuzzing builds only: a crafted module's 10**10**9 would run one
    // multiplication for minutes, which the step budget cannot interrupt.
    if (n > 4096) {
        kerr_no_memory();
        return NULL;
    }
#endif
    size_t base = type == &kint_type ? sizeof(KInt) : (size_t)type->basicsize;
    KInt *k = (KInt *)kobj_alloc(type, base + (size_t)(n ? n : 1) * sizeof(uint32_t));
    if (!k) {
        kerr_no_memory();
        return NULL;
    }
    k->digits = (uint32_t *)((char *)k + base);
    k->size = n;
    return k;
}

// The int with magnitude 'd'[0..n) and sign 'neg'; tagged when it fits.
KValue kint_from_mag(int neg, const uint32_t *d, ssize_t n) {
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : ((uint64_t)d[1] << 32 | d[0]);
        if (m <= (uint64_t)KV_SMALL_MAX) {
            return kval_from_int(neg ? -(intptr_t)m : (intptr_t)m);
        }
        if (neg && m == (uint64_t)KV_SMALL_MAX + 1) {
            return kval_from_int(KV_SMALL_MIN);
        }
    }
    KInt *k = kint_alloc(&kint_type, n);
    if (!k) {
        return KV_NULL;
    }
    memcpy(k->digits, d, (size_t)n * sizeof(uint32_t));
    k->size = neg ? -n : n;
    return kval_of(k);
}

KValue kint_from_i64(int64_t v) {
    if (v >= KV_SMALL_MIN && v <= KV_SMALL_MAX) {
        return kval_from_int((intptr_t)v);
    }
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint32_t d[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    return kint_from_mag(v < 0, d, 2);
}

KValue kint_from_u64(uint64_t v) {
    if (v <= (uint64_t)KV_SMALL_MAX) {
        return kval_from_int((intptr_t)v);
    }
    uint32_t d[2] = {(uint32_t)v, (uint32_t)(v >> 32)};
    return kint_from_mag(0, d, 2);
}

KValue kint_exact(KValue v) {
    if (kint_check_exact(v)) {
        return kval_newref(v);
    }
    KIntView w;
    kint_view(v, &w);
    return kint_from_mag(w.neg, w.d, w.n);
}

int64_t kint_as_i64_overflow(KValue v, int *overflow) {
    *overflow = 0;
    if (kval_is_int(v)) {
        return kval_int(v);
    }
    KIntView w;
    kint_view(v, &w);
    if (w.n > 2) {
        *overflow = w.neg ? -1 : 1;
        return -1;
    }
    uint64_t m = w.n == 0 ? 0 : w.n == 1 ? w.d[0] : ((uint64_t)w.d[1] << 32 | w.d[0]);
    if (!w.neg && m <= (uint64_t)INT64_MAX) {
        return (int64_t)m;
    }
    if (w.neg && m <= (uint64_t)INT64_MAX + 1) {
        return (int64_t)(0 - m);
    }
    *overflow = w.neg ? -1 : 1;
    return -1;
}

uint64_t kint_as_u64_overflow(KValue v, int *overflow) {
    *overflow = 0;
    if (kval_is_int(v)) {
        if (kval_int(v) < 0) {
            *overflow = -1;
        }
        return (uint64_t)kval_int(v);
    }
    KIntView w;
    kint_view(v, &w);
    if (w.neg && w.n > 0) {
        *overflow = -1;
        return (uint64_t)-1;
    }
    if (w.n > 2) {
        *overflow = 1;
        return (uint64_t)-1;
    }
    return w.n == 0 ? 0 : w.n == 1 ? w.d[0] : ((uint64_t)w.d[1] << 32 | w.d[0]);
}

uint32_t *kint_abs_words(KValue v, ssize_t *n) {
    KIntView w;
    kint_view(v, &w);
    ssize_t count = w.n ? w.n : 1;
    uint32_t *d = kmem_alloc((size_t)count * sizeof(uint32_t));
    if (!d) {
        kerr_no_memory();
        return NULL;
    }
    d[0] = 0;
    for (ssize_t i = 0; i < w.n; i++) {
        d[i] = w.d[i];
    }
    *n = count;
    return d;
}

KValue kint_from_words(const uint32_t *d, ssize_t n) {
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    return kint_from_mag(0, d, n);
}

ssize_t kint_as_ssize(KValue v) {
    if (kval_is_int(v)) {
        return kval_int(v);
    }
    int overflow;
    int64_t r = kint_as_i64_overflow(v, &overflow);
    if (overflow) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (ssize_t)r;
}

int kint_sign(KValue v) {
    if (kval_is_int(v)) {
        intptr_t i = kval_int(v);
        return i < 0 ? -1 : i > 0;
    }
    KIntView w;
    kint_view(v, &w);
    return w.n == 0 ? 0 : w.neg ? -1 : 1;
}

// ---------------------------------------------------------------------------
// Magnitude arithmetic.

static int mag_cmp(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb) {
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    for (ssize_t i = na - 1; i >= 0; i--) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

// out = a + b; 'out' has room for max(na, nb) + 1 digits. Returns its length.
static ssize_t mag_add(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb,
                       uint32_t *out) {
    if (na < nb) {
        const uint32_t *t = a;
        a = b, b = t;
        ssize_t tn = na;
        na = nb, nb = tn;
    }
    uint64_t carry = 0;
    ssize_t i = 0;
    for (; i < nb; i++) {
        carry += (uint64_t)a[i] + b[i];
        out[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; i < na; i++) {
        carry += a[i];
        out[i] = (uint32_t)carry;
        carry >>= 32;
    }
    out[i] = (uint32_t)carry;
    return na + 1;
}

// out = a - b, requires a >= b. Returns na.
static ssize_t mag_sub(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb,
                       uint32_t *out) {
    int64_t borrow = 0;
    ssize_t i = 0;
    for (; i < nb; i++) {
        int64_t d = (int64_t)a[i] - b[i] - borrow;
        borrow = d < 0;
        out[i] = (uint32_t)d;
    }
    for (; i < na; i++) {
        int64_t d = (int64_t)a[i] - borrow;
        borrow = d < 0;
        out[i] = (uint32_t)d;
    }
    return na;
}

// out = a * b; 'out' has na + nb digits, zeroed here.
static void mag_mul(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb,
                    uint32_t *out) {
    memset(out, 0, (size_t)(na + nb) * sizeof(uint32_t));
    for (ssize_t i = 0; i < na; i++) {
        uint64_t carry = 0, ai = a[i];
        if (ai == 0) {
            continue;
        }
        for (ssize_t j = 0; j < nb; j++) {
            carry += ai * b[j] + out[i + j];
            out[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        out[i + nb] = (uint32_t)carry;
    }
}

// Below this many digits in the shorter operand, schoolbook multiplication
// wins (measured: 3**200000 * 7**150000 is fastest with a cut-off of 32-48).
#define KARATSUBA_CUTOFF 40

static int mag_mul_any(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb,
                       uint32_t *out);

// In place: out[0..n) += x[0..nx) (nx <= n); the sum must fit in n digits.
static void mag_add_into(uint32_t *out, ssize_t n, const uint32_t *x, ssize_t nx) {
    uint64_t carry = 0;
    ssize_t i = 0;
    for (; i < nx; i++) {
        carry += (uint64_t)out[i] + x[i];
        out[i] = (uint32_t)carry;
        carry >>= 32;
    }
    for (; carry && i < n; i++) {
        carry += out[i];
        out[i] = (uint32_t)carry;
        carry >>= 32;
    }
}

static ssize_t mag_len(const uint32_t *d, ssize_t n) {
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    return n;
}

// a much longer than b (na >= 2 * nb): a is cut into nb-digit slices, each
// multiplied by b (balanced) and added at its place.
static int mul_unbalanced(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb,
                          uint32_t *out) {
    uint32_t *tmp = kmem_alloc((size_t)(2 * nb) * sizeof(uint32_t));
    if (!tmp) {
        kerr_no_memory();
        return -1;
    }
    memset(out, 0, (size_t)(na + nb) * sizeof(uint32_t));
    for (ssize_t i = 0; i < na; i += nb) {
        ssize_t m = na - i < nb ? na - i : nb;
        if (mag_mul_any(a + i, m, b, nb, tmp) < 0) {
            kmem_free(tmp);
            return -1;
        }
        mag_add_into(out + i, na + nb - i, tmp, mag_len(tmp, m + nb));
    }
    kmem_free(tmp);
    return 0;
}

// Karatsuba for h < nb <= na: with a = a1*B**h + a0 and b = b1*B**h + b0,
// a*b = z2*B**2h + (z1 - z2 - z0)*B**h + z0 where z0 = a0*b0, z2 = a1*b1 and
// z1 = (a0 + a1)*(b0 + b1): three half-size products instead of four.
static int karatsuba(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb, ssize_t h,
                     uint32_t *out) {
    ssize_t ns = h + 1, nz1 = 2 * h + 2;
    uint32_t *sa = kmem_alloc((size_t)(2 * ns + nz1) * sizeof(uint32_t));
    if (!sa) {
        kerr_no_memory();
        return -1;
    }
    uint32_t *sb = sa + ns, *z1 = sb + ns;
    // z0 and z2 go straight to their places in 'out'.
    if (mag_mul_any(a, h, b, h, out) < 0 ||
        mag_mul_any(a + h, na - h, b + h, nb - h, out + 2 * h) < 0) {
        kmem_free(sa);
        return -1;
    }
    ssize_t la = mag_add(a, h, a + h, na - h, sa);
    ssize_t lb = mag_add(b, h, b + h, nb - h, sb);
    memset(z1, 0, (size_t)nz1 * sizeof(uint32_t));
    if (mag_mul_any(sa, la, sb, lb, z1) < 0) {
        kmem_free(sa);
        return -1;
    }
    mag_sub(z1, nz1, out, 2 * h, z1);
    mag_sub(z1, nz1, out + 2 * h, na + nb - 2 * h, z1);
    mag_add_into(out + h, na + nb - h, z1, mag_len(z1, nz1));
    kmem_free(sa);
    return 0;
}

// out[0..na+nb) = a * b, by schoolbook or Karatsuba by size. -1 on MemoryError.
static int mag_mul_any(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb,
                       uint32_t *out) {
    if (na < nb) {
        const uint32_t *t = a;
        a = b, b = t;
        ssize_t tn = na;
        na = nb, nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        mag_mul(a, na, b, nb, out);
        return 0;
    }
    ssize_t h = (na + 1) / 2;
    if (nb <= h) {
        return mul_unbalanced(a, na, b, nb, out);
    }
    return karatsuba(a, na, b, nb, h, out);
}

// In place: a = a * m + add. Returns the carry out.
uint32_t kint_mag_muladd1(uint32_t *a, ssize_t n, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (ssize_t i = 0; i < n; i++) {
        carry += (uint64_t)a[i] * m;
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
    return (uint32_t)carry;
}

// q = a / d (q may alias a); returns the remainder.
uint32_t kint_mag_divrem1(const uint32_t *a, ssize_t n, uint32_t d, uint32_t *q) {
    uint64_t rem = 0;
    for (ssize_t i = n - 1; i >= 0; i--) {
        rem = (rem << 32) | a[i];
        q[i] = (uint32_t)(rem / d);
        rem %= d;
    }
    return (uint32_t)rem;
}

// Knuth D: q = a / b, r = a % b for nb >= 2 and na >= nb. 'q' gets na - nb + 1
// digits, 'r' nb digits. Returns -1 on MemoryError.
static int mag_divmod(const uint32_t *a, ssize_t na, const uint32_t *b, ssize_t nb, uint32_t *q,
                      uint32_t *r) {
    int s = kint_nlz32(b[nb - 1]);
    uint32_t *un = kmem_alloc((size_t)(na + 1) * sizeof(uint32_t));
    uint32_t *vn = kmem_alloc((size_t)nb * sizeof(uint32_t));
    if (!un || !vn) {
        kmem_free(un);
        kmem_free(vn);
        kerr_no_memory();
        return -1;
    }
    for (ssize_t i = nb - 1; i > 0; i--) {
        vn[i] = (b[i] << s) | (s ? (uint32_t)((uint64_t)b[i - 1] >> (32 - s)) : 0);
    }
    vn[0] = b[0] << s;
    un[na] = s ? (uint32_t)((uint64_t)a[na - 1] >> (32 - s)) : 0;
    for (ssize_t i = na - 1; i > 0; i--) {
        un[i] = (a[i] << s) | (s ? (uint32_t)((uint64_t)a[i - 1] >> (32 - s)) : 0);
    }
    un[0] = a[0] << s;
    for (ssize_t j = na - nb; j >= 0; j--) {
        uint64_t num = ((uint64_t)un[j + nb] << 32) | un[j + nb - 1];
        uint64_t qhat = num / vn[nb - 1];
        uint64_t rhat = num % vn[nb - 1];
        while (qhat >= ((uint64_t)1 << 32) ||
               qhat * vn[nb - 2] > ((rhat << 32) | un[j + nb - 2])) {
            qhat--;
            rhat += vn[nb - 1];
            if (rhat >= ((uint64_t)1 << 32)) {
                break;
            }
        }
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (ssize_t i = 0; i < nb; i++) {
            uint64_t p = qhat * vn[i] + carry;
            carry = p >> 32;
            int64_t t = (int64_t)un[i + j] - borrow - (int64_t)(uint32_t)p;
            un[i + j] = (uint32_t)t;
            borrow = t < 0;
        }
        int64_t t = (int64_t)un[j + nb] - borrow - (int64_t)carry;
        un[j + nb] = (uint32_t)t;
        if (t < 0) {
            qhat--;
            uint64_t c = 0;
            for (ssize_t i = 0; i < nb; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + nb] += (uint32_t)c;
        }
        q[j] = (uint32_t)qhat;
    }
    for (ssize_t i = 0; i < nb; i++) {
        r[i] = (un[i] >> s) | (s ? (uint32_t)((uint64_t)un[i + 1] << (32 - s)) : 0);
    }
    kmem_free(un);
    kmem_free(vn);
    return 0;
}

uint32_t *kint_scratch_get(KScratch *s, ssize_t n) {
    if (n <= 16) {
        s->d = s->local;
    } else {
        s->d = kmem_alloc((size_t)n * sizeof(uint32_t));
        if (!s->d) {
            kerr_no_memory();
        }
    }
    return s->d;
}

void kint_scratch_free(KScratch *s) {
    if (s->d && s->d != s->local) {
        kmem_free(s->d);
    }
}

// Signed add of two views (b negated when 'negate_b').
static KValue add_views(const KIntView *a, const KIntView *b, int negate_b) {
    int bneg = b->neg ^ negate_b;
    KScratch s;
    ssize_t n = (a->n > b->n ? a->n : b->n) + 1;
    uint32_t *out = kint_scratch_get(&s, n);
    if (!out) {
        return KV_NULL;
    }
    KValue r;
    if (a->neg == bneg) {
        ssize_t len = mag_add(a->d, a->n, b->d, b->n, out);
        r = kint_from_mag(a->neg, out, len);
    } else if (mag_cmp(a->d, a->n, b->d, b->n) >= 0) {
        ssize_t len = mag_sub(a->d, a->n, b->d, b->n, out);
        r = kint_from_mag(a->neg, out, len);
    } else {
        ssize_t len = mag_sub(b->d, b->n, a->d, a->n, out);
        r = kint_from_mag(bneg, out, len);
    }
    kint_scratch_free(&s);
    return r;
}

KValue kint_add(KValue a, KValue b) {
    if (kval_is_int(a) && kval_is_int(b)) {
        return kint_from_i64((int64_t)kval_int(a) + kval_int(b));
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    return add_views(&x, &y, 0);
}

KValue kint_sub(KValue a, KValue b) {
    if (kval_is_int(a) && kval_is_int(b)) {
        return kint_from_i64((int64_t)kval_int(a) - kval_int(b));
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    return add_views(&x, &y, 1);
}

KValue kint_mul(KValue a, KValue b) {
    if (kval_is_int(a) && kval_is_int(b)) {
        int64_t r;
        if (!__builtin_mul_overflow((int64_t)kval_int(a), (int64_t)kval_int(b), &r)) {
            return kint_from_i64(r);
        }
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    if (x.n == 0 || y.n == 0) {
        return kval_from_int(0);
    }
    KScratch s;
    uint32_t *out = kint_scratch_get(&s, x.n + y.n);
    if (!out) {
        return KV_NULL;
    }
    if (mag_mul_any(x.d, x.n, y.d, y.n, out) < 0) {
        kint_scratch_free(&s);
        return KV_NULL;
    }
    KValue r = kint_from_mag(x.neg != y.neg, out, x.n + y.n);
    kint_scratch_free(&s);
    return r;
}

// Floor division and modulo of two views: '*q' and/or '*r' (either may be NULL).
static int divmod_views(const KIntView *a, const KIntView *b, KValue *q, KValue *r) {
    if (b->n == 0) {
        kerr_set(&kexc_ZeroDivisionError, "integer division or modulo by zero");
        return -1;
    }
    KScratch sq, sr;
    ssize_t nq = a->n >= b->n ? a->n - b->n + 1 : 1;
    uint32_t *qd = kint_scratch_get(&sq, nq + 1);
    uint32_t *rd = kint_scratch_get(&sr, b->n + 1);
    if (!qd || !rd) {
        kint_scratch_free(&sq);
        kint_scratch_free(&sr);
        return -1;
    }
    ssize_t rn;
    if (mag_cmp(a->d, a->n, b->d, b->n) < 0) {
        qd[0] = 0;
        nq = 1;
        memcpy(rd, a->d, (size_t)a->n * sizeof(uint32_t));
        rn = a->n;
    } else if (b->n == 1) {
        rd[0] = kint_mag_divrem1(a->d, a->n, b->d[0], qd);
        rn = 1;
    } else {
        if (mag_divmod(a->d, a->n, b->d, b->n, qd, rd) < 0) {
            kint_scratch_free(&sq);
            kint_scratch_free(&sr);
            return -1;
        }
        rn = b->n;
    }
    while (rn > 0 && rd[rn - 1] == 0) {
        rn--;
    }
    int qneg = a->neg != b->neg;
    if (qneg && rn > 0) {
        // Floor: q = -(|q| + 1), r = |b| - |r| with b's sign.
        qd[nq] = 0;
        uint32_t one = 1;
        nq = mag_add(qd, nq, &one, 1, qd);
        mag_sub(b->d, b->n, rd, rn, rd);
        rn = b->n;
    }
    int ok = 0;
    if (q) {
        *q = kint_from_mag(qneg, qd, nq);
        ok |= !*q;
    }
    if (r && !ok) {
        *r = kint_from_mag(b->neg, rd, rn);
        if (!*r) {
            ok = 1;
            if (q) {
                KVAL_CLEAR(*q);
            }
        }
    }
    kint_scratch_free(&sq);
    kint_scratch_free(&sr);
    return ok ? -1 : 0;
}

static intptr_t floordiv_small(intptr_t x, intptr_t y) {
    intptr_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) {
        q--;
    }
    return q;
}

static intptr_t mod_small(intptr_t x, intptr_t y) {
    intptr_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
        r += y;
    }
    return r;
}

KValue kint_floordiv(KValue a, KValue b) {
    if (kval_is_int(a) && kval_is_int(b) && kval_int(b) != 0) {
        return kint_from_i64(floordiv_small(kval_int(a), kval_int(b)));
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    KValue q;
    return divmod_views(&x, &y, &q, NULL) < 0 ? KV_NULL : q;
}

KValue kint_mod(KValue a, KValue b) {
    if (kval_is_int(a) && kval_is_int(b) && kval_int(b) != 0) {
        return kval_from_int(mod_small(kval_int(a), kval_int(b)));
    }
    if (kint_sign(b) == 0) {
        kerr_set(&kexc_ZeroDivisionError, "integer modulo by zero");
        return KV_NULL;
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    KValue r;
    return divmod_views(&x, &y, NULL, &r) < 0 ? KV_NULL : r;
}

KValue kint_neg(KValue a) {
    if (kval_is_int(a)) {
        return kint_from_i64(-(int64_t)kval_int(a));
    }
    KIntView x;
    kint_view(a, &x);
    return kint_from_mag(!x.neg, x.d, x.n);
}

int kint_compare(KValue a, KValue b) {
    if (kval_is_int(a) && kval_is_int(b)) {
        return kval_int(a) < kval_int(b) ? -1 : kval_int(a) > kval_int(b);
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    if (x.n == 0 && y.n == 0) {
        return 0;
    }
    if (x.neg != y.neg) {
        return x.neg ? -1 : 1;
    }
    int c = mag_cmp(x.d, x.n, y.d, y.n);
    return x.neg ? -c : c;
}

ssize_t kint_bit_length(KValue v) {
    KIntView x;
    kint_view(v, &x);
    if (x.n == 0) {
        return 0;
    }
    return (x.n - 1) * 32 + (32 - kint_nlz32(x.d[x.n - 1]));
}

int64_t kint_hash(KValue v) {
    KIntView x;
    kint_view(v, &x);
    uint64_t h = 0;
    for (ssize_t i = x.n - 1; i >= 0; i--) {
        h = (uint64_t)((((__uint128_t)h << 32) | x.d[i]) % HASH_MODULUS);
    }
    int64_t r = x.neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

// ---------------------------------------------------------------------------
// Float conversion.

// m * 2**e as the nearest double, where 'sticky' says bits below m were
// nonzero; HUGE_VAL (with errno unset) on overflow is reported by the caller.
static double mag_to_double(const uint32_t *d, ssize_t n, int sticky, int64_t e, int *overflow) {
    *overflow = 0;
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        return 0.0;
    }
    int64_t bits = (int64_t)(n - 1) * 32 + (32 - kint_nlz32(d[n - 1]));
    // The top 64 bits and whether anything below them is set.
    uint64_t top = 0;
    int64_t shift = bits - 64; // m = top * 2**shift + low
    if (shift <= 0) {
        for (ssize_t i = n - 1; i >= 0; i--) {
            top = (top << 32) | d[i];
        }
        top <<= -shift;
    } else {
        for (int64_t b = bits - 1; b >= shift; b--) {
            top = (top << 1) | ((d[b / 32] >> (b % 32)) & 1);
        }
        for (int64_t b = 0; b < shift && !sticky; b++) {
            if ((d[b / 32] >> (b % 32)) & 1) {
                sticky = 1;
            }
        }
    }
    // value = top * 2**(shift + e), top has its high bit set.
    int64_t exp = shift + e;       // exponent of top's lowest bit
    int64_t topexp = exp + 63;     // value in [2**topexp, 2**(topexp+1))
    int p = 53;
    if (topexp < -1022) {
        int64_t q = 53 - (-1022 - topexp);
        p = q < 0 ? 0 : (int)q;
    }
    int drop = 64 - p;
    uint64_t mant = drop >= 64 ? 0 : top >> drop;
    uint64_t rest = drop >= 64 ? top : top & ((((uint64_t)1) << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rest > half) {
        mant++;
    } else if (rest == half) {
        if (sticky || (mant & 1)) {
            mant++;
        }
    }
    int64_t scale = exp + drop;
    scale = scale > 5000 ? 5000 : scale < -5000 ? -5000 : scale;
    double r = ldexp((double)mant, (int)scale);
    if (isinf(r)) {
        *overflow = 1;
    }
    return r;
}

double kint_as_double(KValue v) {
    if (kval_is_int(v)) {
        return (double)kval_int(v);
    }
    KIntView x;
    kint_view(v, &x);
    int overflow;
    double r = mag_to_double(x.d, x.n, 0, 0, &overflow);
    if (overflow) {
        kerr_set(&kexc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return x.neg ? -r : r;
}

KValue kint_from_double(double d) {
    if (isnan(d)) {
        kerr_set(&kexc_ValueError, "cannot convert float NaN to integer");
        return KV_NULL;
    }
    if (isinf(d)) {
        kerr_set(&kexc_OverflowError, "cannot convert float infinity to integer");
        return KV_NULL;
    }
    d = trunc(d);
    if (fabs(d) < 4.0e18) {
        return kint_from_i64((int64_t)d);
    }
    int neg = d < 0;
    int e;
    double m = frexp(fabs(d), &e); // |d| = m * 2**e, m in [0.5, 1)
    uint64_t mant = (uint64_t)ldexp(m, 53);
    ssize_t shift = e - 53;
    ssize_t n = (53 + shift) / 32 + 2;
    KScratch s;
    uint32_t *out = kint_scratch_get(&s, n);
    if (!out) {
        return KV_NULL;
    }
    memset(out, 0, (size_t)n * sizeof(uint32_t));
    for (int b = 0; b < 53; b++) {
        if ((mant >> b) & 1) {
            ssize_t pos = b + shift;
            out[pos / 32] |= (uint32_t)1 << (pos % 32);
        }
    }
    KValue r = kint_from_mag(neg, out, n);
    kint_scratch_free(&s);
    return r;
}

// a / b as a correctly rounded float.
static KValue int_truediv(KValue a, KValue b) {
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    if (y.n == 0) {
        kerr_set(&kexc_ZeroDivisionError, "division by zero");
        return KV_NULL;
    }
    if (kval_is_int(a) && kval_is_int(b)) {
        intptr_t p = kval_int(a), q = kval_int(b);
        if (p > -((intptr_t)1 << 53) && p < ((intptr_t)1 << 53) && q > -((intptr_t)1 << 53) &&
            q < ((intptr_t)1 << 53)) {
            return kfloat_new((double)p / (double)q);
        }
    }
    if (x.n == 0) {
        return kfloat_new(x.neg != y.neg ? -0.0 : 0.0);
    }
    // q = (|a| << s) // |b| with at least 66 significant bits.
    ssize_t abits = kint_bit_length(a), bbits = kint_bit_length(b);
    ssize_t s = 66 - (abits - bbits);
    if (s < 0) {
        s = 0;
    }
    ssize_t na = x.n + s / 32 + 2;
    KScratch sa;
    uint32_t *num = kint_scratch_get(&sa, na);
    if (!num) {
        return KV_NULL;
    }
    memset(num, 0, (size_t)na * sizeof(uint32_t));
    for (ssize_t i = 0; i < x.n; i++) {
        uint64_t v = (uint64_t)x.d[i] << (s % 32);
        num[i + s / 32] |= (uint32_t)v;
        num[i + s / 32 + 1] |= (uint32_t)(v >> 32);
    }
    KIntView nv = {0, na, num, {0, 0}};
    while (nv.n > 0 && num[nv.n - 1] == 0) {
        nv.n--;
    }
    KIntView dv = y;
    dv.neg = 0;
    KValue q, r;
    if (divmod_views(&nv, &dv, &q, &r) < 0) {
        kint_scratch_free(&sa);
        return KV_NULL;
    }
    kint_scratch_free(&sa);
    KIntView qv;
    kint_view(q, &qv);
    int overflow;
    double d = mag_to_double(qv.d, qv.n, kint_sign(r) != 0, -(int64_t)s, &overflow);
    kval_decref(q);
    kval_decref(r);
    if (overflow) {
        kerr_set(&kexc_OverflowError, "integer division result too large for a float");
        return KV_NULL;
    }
    return kfloat_new(x.neg != y.neg ? -d : d);
}

// ---------------------------------------------------------------------------
// Shifts and bitwise operations.

static KValue int_lshift_by(KValue a, ssize_t k) {
    if (kval_is_int(a) && k < 62) {
        intptr_t v = kval_int(a);
        intptr_t r = (intptr_t)((uintptr_t)v << k);
        if ((r >> k) == v && r >= KV_SMALL_MIN && r <= KV_SMALL_MAX) {
            return kval_from_int(r);
        }
    }
    KIntView x;
    kint_view(a, &x);
    if (x.n == 0) {
        return kval_from_int(0);
    }
    ssize_t words = k / 32, bits = k % 32;
    KScratch s;
    uint32_t *out = kint_scratch_get(&s, x.n + words + 1);
    if (!out) {
        return KV_NULL;
    }
    memset(out, 0, (size_t)words * sizeof(uint32_t));
    uint32_t carry = 0;
    for (ssize_t i = 0; i < x.n; i++) {
        uint64_t v = ((uint64_t)x.d[i] << bits) | carry;
        out[i + words] = (uint32_t)v;
        carry = (uint32_t)(v >> 32);
    }
    out[x.n + words] = carry;
    KValue r = kint_from_mag(x.neg, out, x.n + words + 1);
    kint_scratch_free(&s);
    return r;
}

static KValue int_rshift_by(KValue a, ssize_t k) {
    if (kval_is_int(a)) {
        return kval_from_int(k >= 63 ? (kval_int(a) < 0 ? -1 : 0) : kval_int(a) >> k);
    }
    KIntView x;
    kint_view(a, &x);
    ssize_t words = k / 32, bits = k % 32;
    if (words >= x.n) {
        return kval_from_int(x.neg ? -1 : 0);
    }
    ssize_t n = x.n - words;
    KScratch s;
    uint32_t *out = kint_scratch_get(&s, n + 1);
    if (!out) {
        return KV_NULL;
    }
    int lost = 0;
    for (ssize_t i = 0; i < words; i++) {
        lost |= x.d[i] != 0;
    }
    if (bits && (x.d[words] & ((1u << bits) - 1))) {
        lost = 1;
    }
    for (ssize_t i = 0; i < n; i++) {
        uint64_t v = x.d[i + words] >> bits;
        if (bits && i + words + 1 < x.n) {
            v |= (uint64_t)x.d[i + words + 1] << (32 - bits);
        }
        out[i] = (uint32_t)v;
    }
    out[n] = 0;
    if (x.neg && lost) {
        // Floor for negatives: -(|a| >> k) - 1.
        uint32_t one = 1;
        n = mag_add(out, n, &one, 1, out);
    }
    KValue r = kint_from_mag(x.neg, out, n);
    kint_scratch_free(&s);
    return r;
}

static KValue int_shift(KValue a, KValue b, int left) {
    if (kint_sign(b) < 0) {
        kerr_set(&kexc_ValueError, "negative shift count");
        return KV_NULL;
    }
    int overflow;
    int64_t k = kint_as_i64_overflow(b, &overflow);
    if (overflow || k > ((int64_t)1 << 40)) {
        if (!left || kint_sign(a) == 0) {
            return kval_from_int(left ? 0 : (kint_sign(a) < 0 ? -1 : 0));
        }
        kerr_set(&kexc_OverflowError, "too many digits in integer");
        return KV_NULL;
    }
    return left ? int_lshift_by(a, (ssize_t)k) : int_rshift_by(a, (ssize_t)k);
}

// Two's complement of view 'x' into 'out' (n digits, n > x.n).
void kint_to_twos(const KIntView *x, uint32_t *out, ssize_t n) {
    for (ssize_t i = 0; i < n; i++) {
        out[i] = i < x->n ? x->d[i] : 0;
    }
    if (x->neg) {
        uint64_t carry = 1;
        for (ssize_t i = 0; i < n; i++) {
            carry += (uint32_t)~out[i];
            out[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
}

static KValue int_bitwise(KValue a, KValue b, int op) {
    if (kval_is_int(a) && kval_is_int(b)) {
        intptr_t x = kval_int(a), y = kval_int(b);
        return kval_from_int(op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    ssize_t n = (x.n > y.n ? x.n : y.n) + 1;
    KScratch sx, sy;
    uint32_t *dx = kint_scratch_get(&sx, n), *dy = kint_scratch_get(&sy, n);
    if (!dx || !dy) {
        kint_scratch_free(&sx);
        kint_scratch_free(&sy);
        return KV_NULL;
    }
    kint_to_twos(&x, dx, n);
    kint_to_twos(&y, dy, n);
    for (ssize_t i = 0; i < n; i++) {
        dx[i] = op == '&' ? (dx[i] & dy[i]) : op == '|' ? (dx[i] | dy[i]) : (dx[i] ^ dy[i]);
    }
    int neg = (dx[n - 1] >> 31) & 1;
    if (neg) {
        KIntView t = {1, n, dx, {0, 0}};
        kint_to_twos(&t, dx, n); // negate back to a magnitude
    }
    KValue r = kint_from_mag(neg, dx, n);
    kint_scratch_free(&sx);
    kint_scratch_free(&sy);
    return r;
}

// ---------------------------------------------------------------------------
// Power.

static KValue int_pow_mod(KValue a, KValue b, KValue m);

static KValue int_pow(KValue a, KValue b) {
    if (kint_sign(b) < 0) {
        double x = kint_as_double(a);
        if (x == -1.0 && kerr_occurred()) {
            return KV_NULL;
        }
        double y = kint_as_double(b);
        if (y == -1.0 && kerr_occurred()) {
            return KV_NULL;
        }
        if (x == 0.0) {
            kerr_set(&kexc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return KV_NULL;
        }
        return kfloat_new(pow(x, y));
    }
    if (kval_is_int(a) && kval_is_int(b)) {
        intptr_t base = kval_int(a), e = kval_int(b);
        int64_t r = 1, p = base;
        int ok = 1;
        while (e > 0 && ok) {
            if (e & 1) {
                ok = !__builtin_mul_overflow(r, p, &r);
            }
            e >>= 1;
            if (e > 0 && ok) {
                ok = !__builtin_mul_overflow(p, p, &p);
            }
        }
        if (ok) {
            return kint_from_i64(r);
        }
    }
    KValue result = kval_from_int(1), base = kval_newref(a);
    ssize_t nbits = kint_bit_length(b);
    KIntView e;
    kint_view(b, &e);
    for (ssize_t i = 0; i < nbits; i++) {
        if ((e.d[i / 32] >> (i % 32)) & 1) {
            KValue t = kint_mul(result, base);
            kval_decref(result);
            if (!(result = t)) {
                break;
            }
        }
        if (i + 1 < nbits) {
            KValue t = kint_mul(base, base);
            kval_decref(base);
            if (!(base = t)) {
                kval_decref(result);
                result = KV_NULL;
                break;
            }
        }
    }
    kval_xdecref(base);
    return result;
}

static KValue int_pow_mod(KValue a, KValue b, KValue m) {
    if (kint_sign(m) == 0) {
        kerr_set(&kexc_ValueError, "pow() 3rd argument cannot be 0");
        return KV_NULL;
    }
    KValue base = KV_NULL, exp = KV_NULL, result = KV_NULL, mod = kval_newref(m);
    int negm = kint_sign(m) < 0;
    if (negm) {
        KValue t = kint_neg(m);
        kval_decref(mod);
        if (!(mod = t)) {
            return KV_NULL;
        }
    }
    base = kint_mod(a, mod);
    if (!base) {
        goto error;
    }
    if (kint_sign(b) < 0) {
        // Modular inverse by the extended Euclidean algorithm.
        KValue r0 = kval_newref(mod), r1 = kval_newref(base), s0 = kval_from_int(0),
               s1 = kval_from_int(1);
        while (kint_sign(r1) != 0) {
            KValue q = kint_floordiv(r0, r1);
            KValue t1 = q ? kint_mul(q, r1) : KV_NULL;
            KValue r2 = t1 ? kint_sub(r0, t1) : KV_NULL;
            KValue t2 = q ? kint_mul(q, s1) : KV_NULL;
            KValue s2 = t2 ? kint_sub(s0, t2) : KV_NULL;
            kval_xdecref(q);
            kval_xdecref(t1);
            kval_xdecref(t2);
            kval_decref(r0);
            kval_decref(s0);
            r0 = r1, s0 = s1, r1 = r2, s1 = s2;
            if (!r2 || !s2) {
                kval_xdecref(r0);
                kval_xdecref(s0);
                kval_xdecref(r1);
                kval_xdecref(s1);
                goto error;
            }
        }
        int invertible = kval_is_int(r0) && kval_int(r0) == 1;
        kval_decref(r0);
        kval_decref(r1);
        kval_decref(s1);
        if (!invertible) {
            kval_decref(s0);
            kerr_set(&kexc_ValueError, "base is not invertible for the given modulus");
            goto error;
        }
        kval_decref(base);
        base = kint_mod(s0, mod);
        kval_decref(s0);
        if (!base) {
            goto error;
        }
        exp = kint_neg(b);
    } else {
        exp = kval_newref(b);
    }
    if (!exp) {
        goto error;
    }
    result = kval_from_int(1);
    {
        ssize_t nbits = kint_bit_length(exp);
        KIntView e;
        kint_view(exp, &e);
        for (ssize_t i = 0; i < nbits; i++) {
            if ((e.d[i / 32] >> (i % 32)) & 1) {
                KValue t = kint_mul(result, base);
                kval_decref(result);
                result = t ? kint_mod(t, mod) : KV_NULL;
                kval_xdecref(t);
                if (!result) {
                    goto error;
                }
            }
            KValue t = kint_mul(base, base);
            kval_decref(base);
            base = t ? kint_mod(t, mod) : KV_NULL;
            kval_xdecref(t);
            if (!base) {
                goto error;
            }
        }
    }
    if (kint_sign(mod) == 0 || (kval_is_int(mod) && kval_int(mod) == 1)) {
        kval_decref(result);
        result = kval_from_int(0);
    }
    if (negm && kint_sign(result) != 0) {
        KValue t = kint_sub(result, mod);
        kval_decref(result);
        result = t;
    }
    kval_decref(base);
    kval_decref(exp);
    kval_decref(mod);
    return result;
error:
    kval_xdecref(base);
    kval_xdecref(exp);
    kval_xdecref(result);
    kval_decref(mod);
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// The type's slots.

static KValue int_repr(KValue v) {
    return kint_to_decimal(v);
}

static int64_t int_hash_slot(KValue v) {
    if (kval_is_int(v)) {
        intptr_t i = kval_int(v);
        uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        int64_t h = (int64_t)(m % HASH_MODULUS);
        h = i < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }
    return kint_hash(v);
}

static KValue int_richcompare(KValue a, KValue b, int op) {
    if (!kint_check(a) || !kint_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    int c = kint_compare(a, b);
    int r;
    switch (op) {
    case KF_CMP_LT:
        r = c < 0;
        break;
    case KF_CMP_LE:
        r = c <= 0;
        break;
    case KF_CMP_EQ:
        r = c == 0;
        break;
    case KF_CMP_NE:
        r = c != 0;
        break;
    case KF_CMP_GT:
        r = c > 0;
        break;
    default:
        r = c >= 0;
        break;
    }
    return kbool_from(r);
}

#define INT_BINARY(fname, expr)                                                                  \
    static KValue fname(KValue a, KValue b) {                                                    \
        if (!kint_check(a) || !kint_check(b)) {                                                  \
            return kval_newref(KV_NOTIMPL);                                                      \
        }                                                                                        \
        return expr;                                                                             \
    }

INT_BINARY(int_add, kint_add(a, b))
INT_BINARY(int_sub, kint_sub(a, b))
INT_BINARY(int_mul, kint_mul(a, b))
INT_BINARY(int_floordiv, kint_floordiv(a, b))
INT_BINARY(int_truediv_slot, int_truediv(a, b))
INT_BINARY(int_lshift, int_shift(a, b, 1))
INT_BINARY(int_rshift, int_shift(a, b, 0))
INT_BINARY(int_and, int_bitwise(a, b, '&'))
INT_BINARY(int_or, int_bitwise(a, b, '|'))
INT_BINARY(int_xor, int_bitwise(a, b, '^'))
INT_BINARY(int_pow2, int_pow(a, b))

static KValue int_mod_slot(KValue a, KValue b) {
    if (!kint_check(a) || !kint_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kint_mod(a, b);
}

static KValue int_divmod(KValue a, KValue b) {
    if (!kint_check(a) || !kint_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    if (kval_is_int(a) && kval_is_int(b) && kval_int(b) != 0) {
        KValue q = kint_from_i64(floordiv_small(kval_int(a), kval_int(b)));
        KValue r = kval_from_int(mod_small(kval_int(a), kval_int(b)));
        KValue t = q ? ktuple_pack(2, q, r) : KV_NULL;
        kval_xdecref(q);
        return t;
    }
    KIntView x, y;
    kint_view(a, &x);
    kint_view(b, &y);
    KValue q, r;
    if (divmod_views(&x, &y, &q, &r) < 0) {
        return KV_NULL;
    }
    KValue t = ktuple_pack(2, q, r);
    kval_decref(q);
    kval_decref(r);
    return t;
}

static KValue int_power3(KValue a, KValue b, KValue m) {
    if (!kint_check(a) || !kint_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    if (m == KV_NONE) {
        return int_pow(a, b);
    }
    if (!kint_check(m)) {
        return kval_newref(KV_NOTIMPL);
    }
    return int_pow_mod(a, b, m);
}

static KValue int_neg_slot(KValue a) {
    return kint_neg(a);
}
static KValue int_pos(KValue a) {
    return kint_exact(a);
}
static KValue int_abs(KValue a) {
    return kint_sign(a) < 0 ? kint_neg(a) : kint_exact(a);
}
static KValue int_invert(KValue a) {
    KValue n = kint_neg(a);
    if (!n) {
        return KV_NULL;
    }
    KValue r = kint_sub(n, kval_from_int(1));
    kval_decref(n);
    return r;
}
static int int_bool(KValue a) {
    return kint_sign(a) != 0;
}
static KValue int_float(KValue a) {
    double d = kint_as_double(a);
    if (d == -1.0 && kerr_occurred()) {
        return KV_NULL;
    }
    return kfloat_new(d);
}


// ---------------------------------------------------------------------------
// Methods.

static KValue int_bit_length_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_i64(kint_bit_length(self));
}

static KValue int_bit_count_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KIntView x;
    kint_view(self, &x);
    int64_t c = 0;
    for (ssize_t i = 0; i < x.n; i++) {
        c += __builtin_popcount(x.d[i]);
    }
    return kint_from_i64(c);
}

static KValue int_conjugate(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_exact(self);
}

static KValue int_as_integer_ratio(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue v = kint_exact(self);
    if (!v) {
        return KV_NULL;
    }
    KValue r = ktuple_pack(2, v, kval_from_int(1));
    kval_decref(v);
    return r;
}

static KValue int_round_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (nargs == 0 || args[0] == KV_NONE) {
        return kint_exact(self);
    }
    KValue nd = knum_index(args[0]);
    if (!nd) {
        return KV_NULL;
    }
    if (kint_sign(nd) >= 0) {
        kval_decref(nd);
        return kint_exact(self);
    }
    // Round to 10**(-ndigits), half to even.
    KValue e = kint_neg(nd);
    kval_decref(nd);
    if (!e) {
        return KV_NULL;
    }
    KValue p = int_pow(kval_from_int(10), e);
    kval_decref(e);
    if (!p) {
        return KV_NULL;
    }
    KValue q, r;
    KIntView x, y;
    kint_view(self, &x);
    kint_view(p, &y);
    if (divmod_views(&x, &y, &q, &r) < 0) {
        kval_decref(p);
        return KV_NULL;
    }
    KValue twice = kint_mul(r, kval_from_int(2));
    int c = twice ? kint_compare(twice, p) : 0;
    kval_xdecref(twice);
    KIntView qv;
    kint_view(q, &qv);
    int q_odd = qv.n > 0 && (qv.d[0] & 1);
    if (c > 0 || (c == 0 && q_odd)) {
        KValue t = kint_add(q, kval_from_int(1));
        kval_decref(q);
        q = t;
    }
    kval_decref(r);
    KValue result = q ? kint_mul(q, p) : KV_NULL;
    kval_xdecref(q);
    kval_decref(p);
    return result;
}

static KValue int_getnewargs(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue v = kint_exact(self);
    if (!v) {
        return KV_NULL;
    }
    KValue r = ktuple_pack(1, v);
    kval_decref(v);
    return r;
}

KValue kint_format_spec(KValue self, KValue spec);

static KValue int_format_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "format() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    return kint_format_spec(self, args[0]);
}

static KValue int_sizeof(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KIntView x;
    kint_view(self, &x);
    return kint_from_i64(24 + 4 * (x.n ? x.n : 1));
}

static const KMethodDef int_methods[] = {
    {"bit_length", int_bit_length_m, KMETH_NOARGS, NULL},
    {"bit_count", int_bit_count_m, KMETH_NOARGS, NULL},
    {"conjugate", int_conjugate, KMETH_NOARGS, NULL},
    {"as_integer_ratio", int_as_integer_ratio, KMETH_NOARGS, NULL},
    {"__trunc__", int_conjugate, KMETH_NOARGS, NULL},
    {"__floor__", int_conjugate, KMETH_NOARGS, NULL},
    {"__ceil__", int_conjugate, KMETH_NOARGS, NULL},
    {"__round__", int_round_m, KMETH_FAST, NULL},
    {"__getnewargs__", int_getnewargs, KMETH_NOARGS, NULL},
    {"__format__", int_format_m, KMETH_O, NULL},
    {"__sizeof__", int_sizeof, KMETH_NOARGS, NULL},
    {"to_bytes", kint_to_bytes, KMETH_KW, NULL},
    {"from_bytes", kint_from_bytes, KMETH_KW | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue int_get_self(KValue self) {
    return kint_exact(self);
}
static KValue int_get_zero(KValue self) {
    (void)self;
    return kval_from_int(0);
}
static KValue int_get_one(KValue self) {
    (void)self;
    return kval_from_int(1);
}

static const KGetSetDef int_getsets[] = {
    {"real", int_get_self, NULL, NULL},
    {"imag", int_get_zero, NULL, NULL},
    {"numerator", int_get_self, NULL, NULL},
    {"denominator", int_get_one, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static void int_dealloc(KObject *o) {
    kobj_free(o);
}

KType kint_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "int",
    .basicsize = sizeof(KInt),
    .itemsize = 4,
    .flags = KTF_BASETYPE | KTF_INT_SUBCLASS,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = int_hash_slot,
    .richcompare = int_richcompare,
    .new_ = kint_new,
    .nb =
        &(KNumberSlots){
            .binop =
                {
                    [KNB_ADD] = int_add,
                    [KNB_SUBTRACT] = int_sub,
                    [KNB_MULTIPLY] = int_mul,
                    [KNB_FLOOR_DIVIDE] = int_floordiv,
                    [KNB_TRUE_DIVIDE] = int_truediv_slot,
                    [KNB_REMAINDER] = int_mod_slot,
                    [KNB_LSHIFT] = int_lshift,
                    [KNB_RSHIFT] = int_rshift,
                    [KNB_AND] = int_and,
                    [KNB_OR] = int_or,
                    [KNB_XOR] = int_xor,
                    [KNB_POWER] = int_pow2,
                },
            .divmod = int_divmod,
            .power = int_power3,
            .negative = int_neg_slot,
            .positive = int_pos,
            .absolute = int_abs,
            .invert = int_invert,
            .to_int = int_pos,
            .to_float = int_float,
            .index = int_pos,
            .to_bool = int_bool,
        },
    .methods = int_methods,
    .getsets = int_getsets,
    .doc = "int([x]) -> integer\n"
        "int(x, base=10) -> integer\n"
        "\n"
        "Convert a number or string to an integer, or return 0 if no arguments\n"
        "are given.  If x is a number, return x.__int__().  For floating point\n"
        "numbers, this truncates towards zero.\n"
        "\n"
        "If x is not a number or if base is given, then x must be a string,\n"
        "bytes, or bytearray instance representing an integer literal in the\n"
        "given base.  The literal can be preceded by '+' or '-' and be surrounded\n"
        "by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\n"
        "Base 0 means to interpret the base from the string as an integer literal.\n"
        ">>> int('0b100', base=0)\n"
        "4",
};

// ---------------------------------------------------------------------------
// bool.

static uint32_t one_digit[1] = {1};
static uint32_t zero_digit[1] = {0};

KInt k_true_obj = {KOBJ_STATIC_HEAD(&kbool_type), .size = 1, .digits = one_digit};
KInt k_false_obj = {KOBJ_STATIC_HEAD(&kbool_type), .size = 0, .digits = zero_digit};

static KValue bool_repr(KValue v) {
    return kstr_intern_cstr(v == KV_TRUE ? "True" : "False");
}

static KValue bool_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    if (kargs_no_kw("bool", kwnames) < 0 || kargs_count("bool", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    if (nargs == 0) {
        return KV_FALSE;
    }
    int t = kobj_is_true(args[0]);
    return t < 0 ? KV_NULL : kbool_from(t);
}

#define BOOL_BITWISE(fname, op, intfn)                                                           \
    static KValue fname(KValue a, KValue b) {                                                    \
        if (kval_type(a) == &kbool_type && kval_type(b) == &kbool_type) {                        \
            return kbool_from((a == KV_TRUE) op(b == KV_TRUE));                                  \
        }                                                                                        \
        return intfn(a, b);                                                                      \
    }
BOOL_BITWISE(bool_and, &, int_and)
BOOL_BITWISE(bool_or, |, int_or)
BOOL_BITWISE(bool_xor, ^, int_xor)

KType kbool_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bool",
    .basicsize = sizeof(KInt),
    .flags = KTF_INT_SUBCLASS,
    .base = &kint_type,
    .repr = bool_repr,
    .new_ = bool_new,
    .nb = &(KNumberSlots){.binop = {[KNB_AND] = bool_and, [KNB_OR] = bool_or, [KNB_XOR] = bool_xor}},
    .doc = "bool(x) -> bool\n"
        "\n"
        "Returns True when the argument x is true, False otherwise.\n"
        "The builtins True and False are the only two instances of the class bool.\n"
        "The class bool is a subclass of the class int, and cannot be subclassed.",
};

int kint_init(void) {
    return 0;
}
