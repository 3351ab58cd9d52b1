// vm/int_convert.c: ints to and from text and bytes: int(x, base) parsing
// (underscores, prefixes, Unicode decimal digits), decimal and power-of-two
// base formatting, the int_max_str_digits limit, int.to_bytes and
// int.from_bytes. The digit arithmetic lives in int.c (int_impl.h).
#include "int_impl.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "errors.h"
#include "func.h"
#include "mem.h"
#include "str.h"
#include "type.h"
#include "unicode.h"

static int digit_value(uint32_t c) {
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    if (c >= 'a' && c <= 'z') {
        return (int)(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'Z') {
        return (int)(c - 'A' + 10);
    }
    if (c > 127) {
        int d = kuni_record(c)->decimal;
        return d >= 0 ? d : 99;
    }
    return 99;
}

// "invalid literal" showing the argument: 's' is a str's UTF-8, or the
// bytes of a bytes-like argument ('isbytes').
static KValue invalid_literal(const char *s, ssize_t len, int isbytes, int base) {
    KValue str = isbytes ? kbytes_from_data(s, len) : kstr_from_utf8(s, len);
    if (str) {
        kerr_format(&kexc_ValueError, "invalid literal for int() with base %d: %R", base, str);
        kval_decref(str);
    }
    return KV_NULL;
}

// Parses the digits of 'cps' (no sign, prefix or spaces) in 'base'.
static KValue parse_digits(const uint32_t *cps, ssize_t n, int base, int neg) {
    // chunk: the largest power of 'base' that fits in 32 bits.
    uint32_t chunk_mul = 1;
    int chunk_len = 0;
    while ((uint64_t)chunk_mul * (uint32_t)base <= 0xFFFFFFFFu) {
        chunk_mul *= (uint32_t)base;
        chunk_len++;
    }
    ssize_t ndig = 0;
    for (ssize_t i = 0; i < n; i++) {
        ndig += cps[i] != '_';
    }
    ssize_t cap = ndig / chunk_len + 2;
    KScratch s;
    uint32_t *out = kint_scratch_get(&s, cap);
    if (!out) {
        return KV_NULL;
    }
    ssize_t len = 0;
    uint32_t acc = 0, mul = 1;
    int in_chunk = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (cps[i] == '_') {
            continue;
        }
        acc = acc * (uint32_t)base + (uint32_t)digit_value(cps[i]);
        mul *= (uint32_t)base;
        if (++in_chunk == chunk_len) {
            uint32_t carry = kint_mag_muladd1(out, len, mul, acc);
            if (carry) {
                out[len++] = carry;
            }
            acc = 0, mul = 1, in_chunk = 0;
        }
    }
    if (in_chunk) {
        uint32_t carry = kint_mag_muladd1(out, len, mul, acc);
        if (carry) {
            out[len++] = carry;
        }
    }
    KValue r = kint_from_mag(neg, out, len);
    kint_scratch_free(&s);
    return r;
}

// int(s, base) on code points.
static KValue parse_int_cps(const uint32_t *cps, ssize_t n, int base, const char *orig,
                            ssize_t orig_len, int isbytes) {
    ssize_t i = 0, end = n;
    while (i < end && kuni_isspace(cps[i])) {
        i++;
    }
    while (end > i && kuni_isspace(cps[end - 1])) {
        end--;
    }
    int neg = 0;
    if (i < end && (cps[i] == '+' || cps[i] == '-')) {
        neg = cps[i] == '-';
        i++;
    }
    int given = base;
    if (i + 1 < end && cps[i] == '0') {
        uint32_t p = cps[i + 1] | 0x20;
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
            if (i < end && cps[i] == '_') {
                i++;
            }
        }
    }
    if (base == 0) {
        base = 10;
        // base 0: no leading zeros except for zero itself.
        if (i < end && cps[i] == '0') {
            for (ssize_t j = i; j < end; j++) {
                if (cps[j] != '0' && cps[j] != '_') {
                    return invalid_literal(orig, orig_len, isbytes, given);
                }
            }
        }
    }
    if (i >= end) {
        return invalid_literal(orig, orig_len, isbytes, given);
    }
    for (ssize_t j = i; j < end; j++) {
        if (cps[j] == '_') {
            if (j == i || j + 1 == end || cps[j + 1] == '_') {
                return invalid_literal(orig, orig_len, isbytes, given);
            }
            continue;
        }
        if (digit_value(cps[j]) >= base) {
            return invalid_literal(orig, orig_len, isbytes, given);
        }
    }
    if ((base & (base - 1)) != 0 && kint_max_str_digits > 0 && end - i > kint_max_str_digits) {
        ssize_t ndigits = 0; // underscores do not count
        for (ssize_t j = i; j < end; j++) {
            ndigits += cps[j] != '_';
        }
        if (ndigits > kint_max_str_digits) {
            kerr_format(&kexc_ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion: value has "
                        "%zd digits; use sys.set_int_max_str_digits() to increase the limit",
                        kint_max_str_digits, ndigits);
            return KV_NULL;
        }
    }
    return parse_digits(cps + i, end - i, base, neg);
}

KValue kint_from_string(const char *s, ssize_t len, int base) {
    uint32_t local[64] = {0};
    uint32_t *cps = len <= 64 ? local : kmem_alloc((size_t)len * sizeof(uint32_t));
    if (!cps) {
        return kerr_no_memory();
    }
    ssize_t n = 0;
    for (ssize_t i = 0; i < len; i++) {
        cps[n++] = (unsigned char)s[i];
    }
    KValue r = parse_int_cps(cps, n, base, s, len, 1);
    if (cps != local) {
        kmem_free(cps);
    }
    return r;
}

// int('123') for a plain ASCII decimal of at most 18 digits with an
// optional sign (no spaces or underscores): the common case, without the
// general parser's code-point copy. KV_NULL when 's' is not of that form.
static KValue small_decimal(const KStr *s) {
    const char *p = s->data;
    ssize_t n = s->len, i = p[0] == '-' || p[0] == '+';
    if (n - i < 1 || n - i > 18) {
        return KV_NULL;
    }
    int64_t v = 0;
    for (ssize_t j = i; j < n; j++) {
        unsigned d = (unsigned char)p[j] - '0';
        if (d > 9) {
            return KV_NULL;
        }
        v = v * 10 + d;
    }
    return kval_from_int(p[0] == '-' ? -v : v);
}

KValue kint_from_str(KValue str, int base) {
    KStr *s = (KStr *)str;
    if (base == 10 && s->ascii && s->len > 0) {
        KValue r = small_decimal(s);
        if (r) {
            return r;
        }
    }
    uint32_t local[64];
    uint32_t *cps = s->len <= 64 ? local : kmem_alloc((size_t)s->len * sizeof(uint32_t));
    if (!cps) {
        return kerr_no_memory();
    }
    for (ssize_t i = 0; i < s->len; i++) {
        cps[i] = kstr_char(s, i);
    }
    ssize_t ulen;
    const char *u = kstr_utf8(str, &ulen);
    KValue r = u ? parse_int_cps(cps, s->len, base, u, ulen, 0) : KV_NULL;
    if (cps != local) {
        kmem_free(cps);
    }
    return r;
}

// Writes the decimal digits of 'm' (with a '-' when 'neg') to end just
// before 'end'; returns where they start.
static char *put_decimal(char *end, uint64_t m, int neg) {
    do {
        *--end = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (neg) {
        *--end = '-';
    }
    return end;
}

static KValue ascii_str(const char *p, const char *end) {
    KValue r = kstr_new(end - p, 0x7f);
    if (r) {
        memcpy(((KStr *)r)->data, p, (size_t)(end - p));
    }
    return r;
}

KValue kint_to_decimal(KValue v) {
    char buf[32];
    char *end = buf + sizeof buf;
    if (kval_is_int(v)) {
        intptr_t i = kval_int(v);
        if (i >= 0 && i < 10) {
            return kstr_from_char((uint32_t)('0' + i));
        }
        uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        return ascii_str(put_decimal(end, m, i < 0), end);
    }
    KIntView x;
    kint_view(v, &x);
    if (x.n <= 2) {
        uint64_t m = x.n == 0 ? 0 : x.n == 1 ? x.d[0] : ((uint64_t)x.d[1] << 32 | x.d[0]);
        return ascii_str(put_decimal(end, m, x.neg), end);
    }
    // Before the quadratic conversion: a value with more than 'max' digits
    // for sure (its bit length alone says so) is refused at once.
    if (kint_max_str_digits > 0 && x.n > 10 &&
        (double)(kint_bit_length(v) - 1) * 0.30102999 > kint_max_str_digits + 1) {
        kerr_format(&kexc_ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    kint_max_str_digits);
        return KV_NULL;
    }
    uint32_t *tmp = kmem_alloc((size_t)x.n * sizeof(uint32_t));
    ssize_t cap = x.n * 10 + 2;
    char *out = kmem_alloc((size_t)cap);
    if (!tmp || !out) {
        kmem_free(tmp);
        kmem_free(out);
        return kerr_no_memory();
    }
    memcpy(tmp, x.d, (size_t)x.n * sizeof(uint32_t));
    ssize_t n = x.n, pos = cap;
    while (n > 0) {
        uint32_t rem = kint_mag_divrem1(tmp, n, 1000000000u, tmp);
        while (n > 0 && tmp[n - 1] == 0) {
            n--;
        }
        for (int k = 0; k < 9 && (n > 0 || rem); k++) {
            out[--pos] = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    if (x.neg) {
        out[--pos] = '-';
    }
    ssize_t len = cap - pos;
    if (kint_max_str_digits > 0 && len - x.neg > kint_max_str_digits) {
        kmem_free(tmp);
        kmem_free(out);
        kerr_format(&kexc_ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    kint_max_str_digits);
        return KV_NULL;
    }
    KValue r = kstr_new(len, 0x7f);
    if (r) {
        memcpy(((KStr *)r)->data, out + pos, (size_t)len);
    }
    kmem_free(tmp);
    kmem_free(out);
    return r;
}

KValue kint_format_base(KValue v, int base, int with_prefix) {
    if (base == 10) {
        return kint_to_decimal(v);
    }
    KIntView x;
    kint_view(v, &x);
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    ssize_t nbits = x.n ? (x.n - 1) * 32 + (32 - kint_nlz32(x.d[x.n - 1])) : 1;
    ssize_t ndig = (nbits + bits - 1) / bits;
    ssize_t len = ndig + x.neg + (with_prefix ? 2 : 0);
    KValue r = kstr_new(len, 0x7f);
    if (!r) {
        return KV_NULL;
    }
    char *out = ((KStr *)r)->data;
    ssize_t pos = len;
    for (ssize_t i = 0; i < ndig; i++) {
        ssize_t b0 = i * bits;
        unsigned val = 0;
        for (int k = 0; k < bits; k++) {
            ssize_t b = b0 + k;
            if (b / 32 < x.n && ((x.d[b / 32] >> (b % 32)) & 1)) {
                val |= 1u << k;
            }
        }
        out[--pos] = "0123456789abcdef"[val];
    }
    if (with_prefix) {
        out[--pos] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        out[--pos] = '0';
    }
    if (x.neg) {
        out[--pos] = '-';
    }
    return r;
}



KValue kint_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"", "base", NULL};
    KValue a[2];
    if (kargs_parse("int", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    KValue r;
    if (!a[0]) {
        if (a[1]) {
            kerr_set(&kexc_TypeError, "int() missing string argument");
            return KV_NULL;
        }
        r = kval_from_int(0);
    } else {
        r = kint_new_from_object(a[0], a[1]);
    }
    if (!r || type == &kint_type) {
        return r;
    }
    KIntView x;
    kint_view(r, &x);
    KInt *k = kint_alloc(type, x.n);
    if (k) {
        memcpy(k->digits, x.d, (size_t)x.n * sizeof(uint32_t));
        k->size = x.neg ? -x.n : x.n;
    }
    kval_decref(r);
    return kval_of(k);
}

KValue kint_new_from_object(KValue x, KValue basev) {
    if (basev) {
        KValue b = knum_index(basev);
        if (!b) {
            return KV_NULL;
        }
        int overflow;
        int64_t base = kint_as_i64_overflow(b, &overflow);
        kval_decref(b);
        if (overflow || (base != 0 && base < 2) || base > 36) {
            kerr_set(&kexc_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return KV_NULL;
        }
        if (kstr_check(x)) {
            return kint_from_str(x, (int)base);
        }
        if (kval_has_flag(x, KTF_BYTES_SUBCLASS) || kval_type(x) == &kbytearray_type) {
            ssize_t len;
            const char *p = kbytes_data(x, &len);
            return kint_from_string(p, len, (int)base);
        }
        kerr_set(&kexc_TypeError, "int() can't convert non-string with explicit base");
        return KV_NULL;
    }
    if (kint_check_exact(x)) {
        return kval_newref(x);
    }
    if (kstr_check(x)) {
        return kint_from_str(x, 10);
    }
    return knum_long(x);
}

KValue kint_to_bytes(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    KValue a[3];
    if (kargs_parse("to_bytes", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    ssize_t length = 1;
    if (a[0]) {
        length = knum_as_ssize(a[0], &kexc_OverflowError);
        if (length == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (length < 0) {
            kerr_set(&kexc_ValueError, "length argument must be non-negative");
            return KV_NULL;
        }
    }
    int little = 0;
    if (a[1]) {
        if (!kstr_check(a[1])) {
            kerr_format(&kexc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T",
                        a[1]);
            return KV_NULL;
        }
        if (kstr_eq_cstr(a[1], "little")) {
            little = 1;
        } else if (!kstr_eq_cstr(a[1], "big")) {
            kerr_set(&kexc_ValueError, "byteorder must be either 'little' or 'big'");
            return KV_NULL;
        }
    }
    int is_signed = 0;
    if (a[2]) {
        is_signed = kobj_is_true(a[2]);
        if (is_signed < 0) {
            return KV_NULL;
        }
    }
    KIntView x;
    kint_view(self, &x);
    if (x.neg && !is_signed) {
        kerr_set(&kexc_OverflowError, "can't convert negative int to unsigned");
        return KV_NULL;
    }
    ssize_t n = (length + 3) / 4 + 1;
    if (n < x.n + 1) {
        n = x.n + 1;
    }
    uint32_t *tw = kmem_alloc((size_t)n * sizeof(uint32_t));
    char *buf = kmem_alloc((size_t)length + 1);
    if (!tw || !buf) {
        kmem_free(tw);
        kmem_free(buf);
        return kerr_no_memory();
    }
    kint_to_twos(&x, tw, n);
    // Check that the value fits in 'length' bytes.
    ssize_t need_bits = kint_bit_length(self);
    int fits;
    if (!is_signed) {
        fits = need_bits <= length * 8;
    } else if (!x.neg) {
        fits = need_bits < length * 8 || (need_bits == 0);
    } else {
        // -2**(8*length-1) <= v
        KValue absv = kint_neg(self);
        KValue m1 = absv ? kint_sub(absv, kval_from_int(1)) : KV_NULL;
        // CPython 3.11 also lets -1 through in zero bytes (b''): no byte is
        // ever stored, so its final sign-bit check never runs.
        fits = m1 ? kint_bit_length(m1) < length * 8 || kint_bit_length(m1) == 0 : 0;
        kval_xdecref(absv);
        kval_xdecref(m1);
    }
    if (!fits) {
        kmem_free(tw);
        kmem_free(buf);
        kerr_set(&kexc_OverflowError, "int too big to convert");
        return KV_NULL;
    }
    for (ssize_t i = 0; i < length; i++) {
        unsigned char byte = (unsigned char)(tw[i / 4] >> (8 * (i % 4)));
        buf[little ? i : length - 1 - i] = (char)byte;
    }
    KValue r = kbytes_from_data(buf, length);
    kmem_free(tw);
    kmem_free(buf);
    return r;
}

KValue kint_from_bytes(KValue type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    KValue a[3];
    if (kargs_parse("from_bytes", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    int little = 0;
    if (a[1]) {
        if (kstr_check(a[1]) && kstr_eq_cstr(a[1], "little")) {
            little = 1;
        } else if (!kstr_check(a[1]) || !kstr_eq_cstr(a[1], "big")) {
            kerr_set(&kexc_ValueError, "byteorder must be either 'little' or 'big'");
            return KV_NULL;
        }
    }
    int is_signed = a[2] ? kobj_is_true(a[2]) : 0;
    if (is_signed < 0) {
        return KV_NULL;
    }
    KValue bytes = a[0];
    KValue owned = KV_NULL;
    if (!kval_has_flag(bytes, KTF_BYTES_SUBCLASS)) {
        // As CPython's PyObject_Bytes: a buffer or an iterable of ints; bytes()'s
        // str-with-encoding and int-length forms do not apply.
        if (kstr_check(bytes) || kint_check(bytes) || !kval_type(bytes)->iter) {
            if (kval_type(bytes) != &kbytearray_type) {
                kerr_format(&kexc_TypeError, "cannot convert '%T' object to bytes", bytes);
                return KV_NULL;
            }
        }
        KValue bt = kval_of(&kbytes_type);
        owned = kobj_call1(bt, bytes);
        if (!owned) {
            return KV_NULL;
        }
        bytes = owned;
    }
    ssize_t len;
    const unsigned char *p = (const unsigned char *)kbytes_data(bytes, &len);
    ssize_t n = len / 4 + 1;
    uint32_t *d = kmem_zalloc((size_t)n * sizeof(uint32_t));
    if (!d) {
        kval_xdecref(owned);
        return kerr_no_memory();
    }
    for (ssize_t i = 0; i < len; i++) {
        unsigned char byte = p[little ? i : len - 1 - i];
        d[i / 4] |= (uint32_t)byte << (8 * (i % 4));
    }
    int neg = is_signed && len > 0 && (p[little ? len - 1 : 0] & 0x80);
    if (neg) {
        for (ssize_t i = len; i < n * 4; i++) {
            d[i / 4] |= (uint32_t)0xff << (8 * (i % 4));
        }
        KIntView t = {1, n, d, {0, 0}};
        kint_to_twos(&t, d, n);
    }
    KValue r = kint_from_mag(neg, d, n);
    kmem_free(d);
    kval_xdecref(owned);
    if (r && type != kval_of(&kint_type)) {
        KValue sub = kobj_call1(type, r);
        kval_decref(r);
        return sub;
    }
    return r;
}

