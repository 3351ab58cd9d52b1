// vm/format.c: string formatting: the format-spec mini-language for str,
// int, float and complex (format(), f-strings) and str.format/format_map.
// printf-style '%' formatting is in format_percent.c.
#include <math.h>
#include "internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "float.h"
#include "format.h"
#include "func.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

typedef struct Spec {
    uint32_t fill;
    char align;    // 0, '<', '>', '^', '='
    char sign;     // 0, '+', '-', ' '
    int alt;       // '#'
    int zero;      // '0'
    ssize_t width; // -1
    char grouping; // 0, ',', '_'
    int no_neg_zero; // 'z'
    ssize_t precision; // -1
    uint32_t type; // 0 or the type char
} Spec;

static int parse_spec(KValue specv, Spec *sp, const char *tname) {
    KStr *s = (KStr *)specv;
    ssize_t n = s->len, i = 0;
    memset(sp, 0, sizeof *sp);
    sp->fill = ' ';
    sp->width = -1;
    sp->precision = -1;
#define AT(k) ((k) < n ? kstr_char(s, (k)) : 0)
    if (n >= 2 && strchr("<>=^", (int)AT(1)) && AT(1)) {
        sp->fill = AT(0);
        sp->align = (char)AT(1);
        i = 2;
    } else if (n >= 1 && AT(0) && strchr("<>=^", (int)AT(0))) {
        sp->align = (char)AT(0);
        i = 1;
    }
    if (AT(i) && strchr("+- ", (int)AT(i))) {
        sp->sign = (char)AT(i);
        i++;
    }
    if (AT(i) == 'z') {
        sp->no_neg_zero = 1;
        i++;
    }
    if (AT(i) == '#') {
        sp->alt = 1;
        i++;
    }
    if (AT(i) == '0') {
        if (!sp->align) {
            sp->zero = 1;
            sp->fill = '0';
        }
        i++;
    }
    if (AT(i) >= '0' && AT(i) <= '9') {
        sp->width = 0;
        while (AT(i) >= '0' && AT(i) <= '9') {
            if (sp->width > PTRDIFF_MAX / 10 - 10) {
                kerr_set(&kexc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            sp->width = sp->width * 10 + (AT(i) - '0');
            i++;
        }
    }
    if (AT(i) == ',' || AT(i) == '_') {
        sp->grouping = (char)AT(i);
        i++;
        if (AT(i) == ',' || AT(i) == '_') {
            kerr_set(&kexc_ValueError, AT(i) == (uint32_t)sp->grouping
                                           ? (sp->grouping == ',' ? "Cannot specify ',' with ','."
                                                                  : "Cannot specify '_' with '_'.")
                                           : "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (AT(i) == '.') {
        i++;
        if (!(AT(i) >= '0' && AT(i) <= '9')) {
            kerr_set(&kexc_ValueError, "Format specifier missing precision");
            return -1;
        }
        sp->precision = 0;
        while (AT(i) >= '0' && AT(i) <= '9') {
            if (sp->precision > PTRDIFF_MAX / 10 - 10) {
                kerr_set(&kexc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            sp->precision = sp->precision * 10 + (AT(i) - '0');
            i++;
        }
    }
    if (n - i > 1) {
        kerr_format(&kexc_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                    specv, tname);
        return -1;
    }
    if (i < n) {
        sp->type = AT(i);
    }
#undef AT
    return 0;
}

// Pads the digits/text in 'body' (with optional 'prefix' = sign and base
// prefix) to the spec's width.
static KValue pad_result(const Spec *sp, KValue prefix, KValue body, char default_align) {
    ssize_t plen = prefix ? kstr_len(prefix) : 0, blen = kstr_len(body);
    ssize_t total = plen + blen;
    char align = sp->align ? sp->align : sp->zero && default_align == '>' ? '=' : default_align;
    KStrBuilder b;
    kstr_builder_init(&b);
    ssize_t padding = sp->width > total ? sp->width - total : 0;
    ssize_t left = align == '>' ? padding : align == '^' ? padding / 2 : 0;
    ssize_t right = align == '<' ? padding : align == '^' ? padding - padding / 2 : 0;
    if (align == '=') {
        if (prefix) {
            kstr_builder_str(&b, prefix);
        }
        for (ssize_t i = 0; i < padding; i++) {
            kstr_builder_char(&b, sp->fill);
        }
        kstr_builder_str(&b, body);
        return kstr_builder_finish(&b);
    }
    for (ssize_t i = 0; i < left; i++) {
        kstr_builder_char(&b, sp->fill);
    }
    if (prefix) {
        kstr_builder_str(&b, prefix);
    }
    kstr_builder_str(&b, body);
    for (ssize_t i = 0; i < right; i++) {
        kstr_builder_char(&b, sp->fill);
    }
    return kstr_builder_finish(&b);
}

KValue kstr_format_spec(KValue self, KValue spec) {
    if (kstr_len(spec) == 0) {
        return kobj_str(self);
    }
    Spec sp;
    if (parse_spec(spec, &sp, "str") < 0) {
        return KV_NULL;
    }
    if (sp.type && sp.type != 's') {
        kerr_format(&kexc_ValueError, "Unknown format code '%c' for object of type 'str'",
                    (int)sp.type);
        return KV_NULL;
    }
    if (sp.sign) {
        kerr_set(&kexc_ValueError, sp.sign == ' ' ? "Space not allowed in string format specifier"
                                                  : "Sign not allowed in string format specifier");
        return KV_NULL;
    }
    if (sp.no_neg_zero) {
        kerr_set(&kexc_ValueError,
                 "Negative zero coercion (z) not allowed in string format specifier");
        return KV_NULL;
    }
    if (sp.grouping) {
        kerr_format(&kexc_ValueError, "Cannot specify '%c' with 's'.", sp.grouping);
        return KV_NULL;
    }
    if (sp.alt) {
        kerr_set(&kexc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return KV_NULL;
    }
    if (sp.align == '=') {
        kerr_set(&kexc_ValueError, "'=' alignment not allowed in string format specifier");
        return KV_NULL;
    }
    KValue body = sp.precision >= 0 && sp.precision < kstr_len(self)
                      ? kstr_substr(self, 0, sp.precision)
                      : kval_newref(self);
    if (!body) {
        return KV_NULL;
    }
    KValue r = pad_result(&sp, KV_NULL, body, '<');
    kval_decref(body);
    return r;
}

// Inserts the grouping separator every 'every' digits of an ASCII digit string.
static KValue group_digits(const char *digits, ssize_t n, char sep, int every) {
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % every == 0) {
            kstr_builder_char(&b, (uint32_t)sep);
        }
        kstr_builder_char(&b, (unsigned char)digits[i]);
    }
    return kstr_builder_finish(&b);
}

static KValue format_float_spec(double d, Spec *sp, int from_int);

// With '0' padding and grouping, the padding zeros are grouped too: widens the
// digit string 'digits' (ASCII, no separators) until the grouped integer part
// plus 'rest' (already formatted text after it) and 'prefix_len' fill 'width'.
static KValue group_with_zero_fill(const char *digits, ssize_t n, const char *rest,
                                   ssize_t prefix_len, const Spec *sp, int every) {
    char *buf = kmem_alloc((size_t)(n + sp->width + 2));
    if (!buf) {
        return kerr_no_memory();
    }
    memcpy(buf, digits, (size_t)n);
    ssize_t len = n;
    ssize_t restlen = (ssize_t)strlen(rest);
    for (;;) {
        ssize_t grouped = len + (len - 1) / every;
        if (grouped + restlen + prefix_len >= sp->width) {
            break;
        }
        memmove(buf + 1, buf, (size_t)len);
        buf[0] = '0';
        len++;
        grouped = len + (len - 1) / every;
        if (grouped + restlen + prefix_len > sp->width && (len - 1) % every == 0) {
            // A leading separator would be needed: CPython pads with one more '0'.
            break;
        }
    }
    KValue g = group_digits(buf, len, sp->grouping, every);
    kmem_free(buf);
    if (!g) {
        return KV_NULL;
    }
    KValue r = kstr_from_format("%U%s", g, rest);
    kval_decref(g);
    return r;
}

// A small int in base 2, 8, 10 or 16 with no grouping and an ASCII fill:
// sign, base prefix, padding and digits are written straight into the
// result (no digit string, no builder), as pad_result would place them.
static KValue format_small_int(intptr_t v, const Spec *sp, int base) {
    char digits[72];
    int nd = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    const char *hex = sp->type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        digits[sizeof digits - 1 - nd++] = hex[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    char pre[4];
    int pl = 0;
    if (v < 0) {
        pre[pl++] = '-';
    } else if (sp->sign == '+' || sp->sign == ' ') {
        pre[pl++] = sp->sign;
    }
    if (sp->alt && base != 10) {
        pre[pl++] = '0';
        pre[pl++] = (char)sp->type;
    }
    ssize_t total = pl + nd;
    ssize_t padding = sp->width > total ? sp->width - total : 0;
    char align = sp->align ? sp->align : sp->zero ? '=' : '>';
    ssize_t left = align == '>' ? padding : align == '^' ? padding / 2 : 0;
    KValue r = kstr_new(total + padding, 0x7f);
    if (!r) {
        return KV_NULL;
    }
    char *d = ((KStr *)r)->data;
    if (align == '=') {
        memcpy(d, pre, (size_t)pl);
        memset(d + pl, (int)sp->fill, (size_t)padding);
        memcpy(d + pl + padding, digits + sizeof digits - nd, (size_t)nd);
        return r;
    }
    memset(d, (int)sp->fill, (size_t)left);
    memcpy(d + left, pre, (size_t)pl);
    memcpy(d + left + pl, digits + sizeof digits - nd, (size_t)nd);
    memset(d + left + total, (int)sp->fill, (size_t)(padding - left));
    return r;
}

KValue kint_format_spec(KValue self, KValue spec) {
    if (kstr_len(spec) == 0) {
        return kobj_str(self);
    }
    Spec sp;
    if (parse_spec(spec, &sp, "int") < 0) {
        return KV_NULL;
    }
    uint32_t t = sp.type;
    if (t && strchr("eEfFgG%", (int)t)) {
        double d = kint_as_double(self);
        if (d == -1.0 && kerr_occurred()) {
            return KV_NULL;
        }
        return format_float_spec(d, &sp, 1);
    }
    if (t && !strchr("bcdoxXn", (int)t)) {
        kerr_format(&kexc_ValueError, "Unknown format code '%c' for object of type 'int'", (int)t);
        return KV_NULL;
    }
    if (sp.precision >= 0) {
        kerr_set(&kexc_ValueError, "Precision not allowed in integer format specifier");
        return KV_NULL;
    }
    if (sp.no_neg_zero) {
        kerr_set(&kexc_ValueError,
                 "Negative zero coercion (z) not allowed in integer format specifier");
        return KV_NULL;
    }
    if (t == 'c') {
        if (sp.sign) {
            kerr_set(&kexc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return KV_NULL;
        }
        if (sp.alt) {
            kerr_set(&kexc_ValueError,
                     "Alternate form (#) not allowed with integer format specifier 'c'");
            return KV_NULL;
        }
        if (sp.grouping) {
            kerr_format(&kexc_ValueError, "Cannot specify '%c' with 'c'.", sp.grouping);
            return KV_NULL;
        }
        int overflow;
        int64_t c = kint_as_i64_overflow(self, &overflow);
        if (overflow || c < 0 || c > 0x10FFFF) {
            kerr_set(&kexc_OverflowError, overflow ? "Python int too large to convert to C long"
                                                   : "%c arg not in range(0x110000)");
            return KV_NULL;
        }
        KValue body = kstr_from_char((uint32_t)c);
        KValue r = body ? pad_result(&sp, KV_NULL, body, '<') : KV_NULL;
        kval_xdecref(body);
        return r;
    }
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    if (kval_is_int(self) && !sp.grouping && sp.fill < 0x80 && t != 'n') {
        return format_small_int(kval_int(self), &sp, base);
    }
    int neg = kint_sign(self) < 0;
    KValue absval = neg ? kint_neg(self) : kint_exact(self);
    if (!absval) {
        return KV_NULL;
    }
    KValue digits = kint_format_base(absval, base, 0);
    kval_decref(absval);
    if (!digits) {
        return KV_NULL;
    }
    if (t == 'X') {
        KValue up = kobj_call_method(digits, kstr_intern_cstr("upper"), NULL, 0);
        kval_decref(digits);
        if (!up) {
            return KV_NULL;
        }
        digits = up;
    }
    if (sp.grouping) {
        if (sp.grouping == ',' && base != 10) {
            kval_decref(digits);
            kerr_format(&kexc_ValueError, "Cannot specify ',' with '%c'.", (int)t);
            return KV_NULL;
        }
        const char *u = kstr_utf8(digits, NULL);
        int plen = (kint_sign(self) < 0 || sp.sign == '+' || sp.sign == ' ') + (sp.alt && base != 10 ? 2 : 0);
        KValue g = sp.fill == '0' && (sp.align == '=' || sp.zero) && sp.width > 0
                       ? group_with_zero_fill(u, kstr_len(digits), "", plen, &sp, base == 10 ? 3 : 4)
                       : group_digits(u, kstr_len(digits), sp.grouping, base == 10 ? 3 : 4);
        kval_decref(digits);
        if (!g) {
            return KV_NULL;
        }
        digits = g;
    }
    char pre[8];
    int pl = 0;
    if (neg) {
        pre[pl++] = '-';
    } else if (sp.sign == '+') {
        pre[pl++] = '+';
    } else if (sp.sign == ' ') {
        pre[pl++] = ' ';
    }
    if (sp.alt && base != 10) {
        pre[pl++] = '0';
        pre[pl++] = t == 'X' ? 'X' : (char)t;
    }
    KValue prefix = kstr_from_utf8(pre, pl);
    KValue r = prefix ? pad_result(&sp, prefix, digits, '>') : KV_NULL;
    kval_xdecref(prefix);
    kval_decref(digits);
    return r;
}

// The text of 'x' (>= 0, or NaN) for the spec's type and precision, no sign,
// into 'buf' (512 bytes). Type 0 is str()'s style: the repr, or 'g' keeping a
// ".0" when a precision is given; 'bare' (complex parts) drops those ".0"s.
static void float_digits(double x, const Spec *sp, int from_int, int bare, char *buf) {
    uint32_t t = sp->type;
    ssize_t prec = sp->precision;
    if (t == '%') {
        x *= 100.0;
    }
    if (!t && prec < 0) {
        if (from_int) {
            snprintf(buf, 512, "%.0f", x);
        }
        if (!from_int || isfinite(x)) {
            kfloat_repr_buf(x, buf);
        }
        size_t n = strlen(buf);
        if (bare && n >= 2 && strcmp(buf + n - 2, ".0") == 0) {
            buf[n - 2] = 0;
        }
    } else if (!t && !bare) {
        // 'g' with at least one digit after the point: exponent form once
        // the decimal exponent reaches precision - 1 (Py_DTSF_ADD_DOT_0).
        int p = prec == 0 ? 1 : (int)(prec > 300 ? 300 : prec);
        char tmp[400];
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
        char *e = strchr(tmp, 'e');
        int decpt = e ? atoi(e + 1) + 1 : 1;
        if (!isfinite(x)) {
            strcpy(buf, tmp);
        } else if (decpt <= -4 || decpt > p - 1) {
            *e = 0;
            char *end = tmp + strlen(tmp);
            if (strchr(tmp, '.') && !sp->alt) {
                while (end > tmp && end[-1] == '0') {
                    *--end = 0;
                }
                if (end > tmp && end[-1] == '.') {
                    *--end = 0;
                }
            }
            snprintf(buf, 512, "%se%c%02d", tmp, decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
        } else {
            snprintf(buf, 512, "%.*f", p - decpt, x);
            char *dot = strchr(buf, '.');
            if (dot && !sp->alt) {
                char *end = buf + strlen(buf);
                while (end > dot + 2 && end[-1] == '0') {
                    *--end = 0;
                }
            } else if (!dot) {
                strcat(buf, ".0");
            }
        }
    } else {
        char conv = (char)(!t || t == 'n' ? 'g' : t == '%' ? 'f' : (char)t);
        if (prec < 0) {
            prec = 6;
        }
        if (prec > 300) {
            prec = 300;
        }
        char fmt[16];
        snprintf(fmt, sizeof fmt, "%%%s.*%c", sp->alt ? "#" : "", conv);
        snprintf(buf, 512, fmt, (int)prec, x);
        if (t == '%') {
            strcat(buf, "%");
        }
    }
    if (isinf(x) || isnan(x)) {
        const char *w = isnan(x) ? "nan" : "inf";
        int upper = t == 'E' || t == 'F' || t == 'G';
        snprintf(buf, 512, "%s%s", upper ? (isnan(x) ? "NAN" : "INF") : w, t == '%' ? "%" : "");
    }
}

// Whether 'd' shows a minus sign once formatted as 'buf': 'z' drops it from
// a value that rounds to zero.
static int shows_minus(double d, const Spec *sp, const char *buf) {
    int neg = signbit(d) && !isnan(d);
    if (neg && sp->no_neg_zero && isfinite(d)) {
        int nonzero = 0;
        for (const char *q = buf; *q && *q != 'e' && *q != 'E'; q++) {
            nonzero |= *q >= '1' && *q <= '9';
        }
        neg = nonzero;
    }
    return neg;
}

// 'buf' with the spec's grouping applied to its integer digits (no zero fill).
static KValue grouped_body(const char *buf, const Spec *sp) {
    if (!sp->grouping) {
        return kstr_from_cstr(buf);
    }
    const char *dot = buf;
    while (*dot >= '0' && *dot <= '9') {
        dot++;
    }
    KValue g = group_digits(buf, dot - buf, sp->grouping, 3);
    if (!g) {
        return KV_NULL;
    }
    KValue body = kstr_from_format("%U%s", g, dot);
    kval_decref(g);
    return body;
}

// Formats 'd' per the spec: the digits, then sign, grouping, padding.
static KValue format_float_spec(double d, Spec *sp, int from_int) {
    uint32_t t = sp->type;
    if (t && !strchr("eEfFgGn%", (int)t)) {
        kerr_format(&kexc_ValueError, "Unknown format code '%c' for object of type 'float'", (int)t);
        return KV_NULL;
    }
    char buf[512];
    float_digits(fabs(d), sp, from_int, 0, buf);
    const char *pre = shows_minus(d, sp, buf) ? "-" : sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
    KValue body;
    if (sp->grouping && sp->fill == '0' && (sp->align == '=' || sp->zero) && sp->width > 0) {
        const char *dot = buf;
        while (*dot >= '0' && *dot <= '9') {
            dot++;
        }
        body = group_with_zero_fill(buf, dot - buf, dot, (ssize_t)strlen(pre), sp, 3);
    } else {
        body = grouped_body(buf, sp);
    }
    if (!body) {
        return KV_NULL;
    }
    KValue prefix = kstr_from_cstr(pre);
    KValue r = prefix ? pad_result(sp, prefix, body, '>') : KV_NULL;
    kval_xdecref(prefix);
    kval_decref(body);
    return r;
}

// format(complex, spec): both parts formatted as floats; with no type the
// result looks like str() (parentheses unless the real part is +0 and
// omitted), and the imaginary part always carries a sign when the real part
// is shown.
KValue kcomplex_format_spec(double re, double im, KValue spec) {
    Spec sp;
    if (parse_spec(spec, &sp, "complex") < 0) {
        return KV_NULL;
    }
    uint32_t t = sp.type;
    if (t && !strchr("eEfFgGn", (int)t)) {
        kerr_format(&kexc_ValueError, "Unknown format code '%c' for object of type 'complex'",
                    (int)t);
        return KV_NULL;
    }
    if (sp.zero) {
        kerr_set(&kexc_ValueError, "Zero padding is not allowed in complex format specifier");
        return KV_NULL;
    }
    if (sp.align == '=') {
        kerr_set(&kexc_ValueError,
                 "'=' alignment flag is not allowed in complex format specifier");
        return KV_NULL;
    }
    int skip_re = 0, parens = 0;
    if (!t) {
        skip_re = re == 0.0 && !signbit(re);
        parens = !skip_re;
    }
    char rbuf[512], ibuf[512];
    float_digits(fabs(re), &sp, 0, 1, rbuf);
    float_digits(fabs(im), &sp, 0, 1, ibuf);
    KValue rbody = grouped_body(rbuf, &sp);
    KValue ibody = rbody ? grouped_body(ibuf, &sp) : KV_NULL;
    if (!ibody) {
        kval_xdecref(rbody);
        return KV_NULL;
    }
    char sign_of_plus = sp.sign == '+' ? '+' : sp.sign == ' ' ? ' ' : 0;
    char rsign = shows_minus(re, &sp, rbuf) ? '-' : sign_of_plus;
    char isign = shows_minus(im, &sp, ibuf) ? '-' : skip_re ? sign_of_plus : '+';
    KStrBuilder b;
    kstr_builder_init(&b);
    if (parens) {
        kstr_builder_char(&b, '(');
    }
    if (!skip_re) {
        if (rsign) {
            kstr_builder_char(&b, (uint32_t)rsign);
        }
        kstr_builder_str(&b, rbody);
    }
    if (isign) {
        kstr_builder_char(&b, (uint32_t)isign);
    }
    kstr_builder_str(&b, ibody);
    kstr_builder_ascii(&b, parens ? "j)" : "j", parens ? 2 : 1);
    kval_decref(rbody);
    kval_decref(ibody);
    KValue body = kstr_builder_finish(&b);
    if (!body) {
        return KV_NULL;
    }
    KValue r = pad_result(&sp, KV_NULL, body, '>');
    kval_decref(body);
    return r;
}

KValue kfloat_format_spec(KValue self, KValue spec) {
    if (kstr_len(spec) == 0) {
        return kobj_str(self);
    }
    Spec sp;
    if (parse_spec(spec, &sp, "float") < 0) {
        return KV_NULL;
    }
    return format_float_spec(kfloat_value(self), &sp, 0);
}

// ---------------------------------------------------------------------------
// f-strings: FORMAT_VALUE.

KValue kstr_format_value(KValue v, int conversion, KValue spec) {
    KValue conv;
    switch (conversion) {
    case 1:
        conv = kobj_str(v);
        break;
    case 2:
        conv = kobj_repr(v);
        break;
    case 3:
        conv = kobj_ascii(v);
        break;
    default:
        conv = kval_newref(v);
        break;
    }
    if (!conv) {
        return KV_NULL;
    }
    if (!spec && kstr_check_exact(conv)) {
        return conv;
    }
    KValue r = kobj_format(conv, spec ? spec : kstr_ids.empty);
    kval_decref(conv);
    return r;
}

// ---------------------------------------------------------------------------
// str.format

typedef struct FormatState {
    const KValue *args;
    size_t nargs;
    KValue kwargs; // dict or mapping, may be KV_NULL
    int auto_index;
    int manual;
    int is_map; // format_map: positional fields are an error
} FormatState;

static KValue render(KValue fmt, ssize_t start, ssize_t end, FormatState *st, int depth);

// The value of s[a:b] when it is a non-empty run of decimal digits (any
// Unicode decimal, as CPython's get_integer), else -1; -1 with ValueError
// past PY_SSIZE_T_MAX.
static int decimal_value(const KStr *s, ssize_t a, ssize_t b, ssize_t *out) {
    ssize_t acc = 0;
    *out = -1;
    if (a >= b) {
        return 0;
    }
    for (ssize_t i = a; i < b; i++) {
        int d = kuni_record(kstr_char(s, i))->decimal;
        if (d < 0) {
            return 0;
        }
        if (acc > (PTRDIFF_MAX - d) / 10) {
            kerr_set(&kexc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    *out = acc;
    return 0;
}

int kformat_name_first(const KStr *s, ssize_t start, ssize_t end, ssize_t *first_end,
                       ssize_t *index) {
    ssize_t i = start;
    while (i < end && kstr_char(s, i) != '.' && kstr_char(s, i) != '[') {
        i++;
    }
    *first_end = i;
    return decimal_value(s, start, i, index);
}

int kformat_name_next(const KStr *s, ssize_t *pos, ssize_t end, int *is_attr, ssize_t *a,
                      ssize_t *b, ssize_t *index) {
    ssize_t i = *pos;
    if (i >= end) {
        return 0;
    }
    uint32_t c = kstr_char(s, i++);
    *index = -1;
    if (c == '.') {
        *is_attr = 1;
        *a = i;
        while (i < end && kstr_char(s, i) != '.' && kstr_char(s, i) != '[') {
            i++;
        }
        *b = i;
    } else if (c == '[') {
        *is_attr = 0;
        *a = i;
        while (i < end && kstr_char(s, i) != ']') {
            i++;
        }
        if (i >= end) {
            kerr_set(&kexc_ValueError, "Missing ']' in format string");
            return -1;
        }
        *b = i++;
        if (decimal_value(s, *a, *b, index) < 0) {
            return -1;
        }
    } else {
        kerr_set(&kexc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return -1;
    }
    if (*a == *b) {
        kerr_set(&kexc_ValueError, "Empty attribute in format string");
        return -1;
    }
    *pos = i;
    return 1;
}

// The object field name s[a:z] names: the argument its first part picks
// (automatic or manual numbering, or a keyword), then each attribute and
// item of the rest.
static KValue get_field(KStr *s, ssize_t a, ssize_t z, FormatState *st) {
    ssize_t i, index;
    if (kformat_name_first(s, a, z, &i, &index) < 0) {
        return KV_NULL;
    }
    if (st->is_map && (i == a || index >= 0)) {
        kerr_set(&kexc_ValueError, "Format string contains positional fields");
        return KV_NULL;
    }
    KValue obj;
    if (i == a) {
        if (st->manual) {
            kerr_set(&kexc_ValueError,
                     "cannot switch from manual field specification to automatic field numbering");
            return KV_NULL;
        }
        st->auto_index++;
        size_t idx = (size_t)st->auto_index - 1;
        if (idx >= st->nargs) {
            kerr_format(&kexc_IndexError,
                        "Replacement index %zu out of range for positional args tuple", idx);
            return KV_NULL;
        }
        obj = kval_newref(st->args[idx]);
    } else if (index >= 0) {
        if (st->auto_index) {
            kerr_set(&kexc_ValueError, "cannot switch from automatic field numbering to manual "
                                       "field specification");
            return KV_NULL;
        }
        st->manual = 1;
        if ((size_t)index >= st->nargs) {
            kerr_format(&kexc_IndexError,
                        "Replacement index %zd out of range for positional args tuple", index);
            return KV_NULL;
        }
        obj = kval_newref(st->args[index]);
    } else {
        KValue key = kstr_substr(kval_of(s), a, i);
        if (!key) {
            return KV_NULL;
        }
        if (!st->kwargs) {
            kerr_set_key(key);
            kval_decref(key);
            return KV_NULL;
        }
        obj = kobj_getitem(st->kwargs, key);
        kval_decref(key);
        if (!obj) {
            return KV_NULL;
        }
    }
    int is_attr, r;
    ssize_t ka, kb;
    while ((r = kformat_name_next(s, &i, z, &is_attr, &ka, &kb, &index)) > 0) {
        KValue key = index >= 0 ? kint_from_i64(index) : kstr_substr(kval_of(s), ka, kb);
        KValue next = !key ? KV_NULL : is_attr ? kobj_getattr(obj, key) : kobj_getitem(obj, key);
        kval_xdecref(key);
        kval_decref(obj);
        if (!next) {
            return KV_NULL;
        }
        obj = next;
    }
    if (r < 0) {
        KVAL_CLEAR(obj);
    }
    return obj;
}

// A replacement field from just past its '{', as CPython's parse_field;
// '*next' is set just past the closing '}'.
static int parse_field(const KStr *s, ssize_t i, ssize_t end, KFormatField *f, ssize_t *next) {
    uint32_t c = 0;
    f->name_start = i;
    f->conversion = 0;
    f->needs_expanding = 0;
    f->spec_start = f->spec_end = -1;
    while (i < end) {
        c = kstr_char(s, i++);
        if (c == '{') {
            kerr_set(&kexc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < end && kstr_char(s, i) != ']') {
                i++;
            }
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            break;
        }
    }
    f->name_end = i - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (i >= end) {
                kerr_set(&kexc_ValueError, "end of string while looking for conversion specifier");
                return -1;
            }
            f->conversion = kstr_char(s, i++);
            if (i < end) {
                c = kstr_char(s, i++);
                if (c == '}') {
                    *next = i;
                    return 0;
                }
                if (c != ':') {
                    kerr_set(&kexc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        f->spec_start = i;
        for (ssize_t count = 1; i < end;) {
            c = kstr_char(s, i++);
            if (c == '{') {
                f->needs_expanding = 1;
                count++;
            } else if (c == '}' && --count == 0) {
                f->spec_end = i - 1;
                *next = i;
                return 0;
            }
        }
        kerr_set(&kexc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}') {
        kerr_set(&kexc_ValueError, "expected '}' before end of string");
        return -1;
    }
    *next = i;
    return 0;
}

int kformat_next_chunk(const KStr *s, ssize_t *pos, ssize_t end, KFormatChunk *ch) {
    ssize_t i = *pos, start = i;
    uint32_t c = 0;
    if (i >= end) {
        return 0;
    }
    int markup = 0;
    while (i < end) {
        c = kstr_char(s, i++);
        if (c == '{' || c == '}') {
            markup = 1;
            break;
        }
    }
    int at_end = i >= end;
    if (markup && c == '}' && (at_end || kstr_char(s, i) != '}')) {
        kerr_set(&kexc_ValueError, "Single '}' encountered in format string");
        return -1;
    }
    if (markup && c == '{' && at_end) {
        kerr_set(&kexc_ValueError, "Single '{' encountered in format string");
        return -1;
    }
    ch->lit_start = start;
    ch->lit_end = i;
    ch->has_field = 0;
    if (markup) {
        if (kstr_char(s, i) == c) {
            i++; // '{{' or '}}': the literal keeps one brace, no field follows
        } else {
            ch->lit_end--;
            ch->has_field = 1;
            if (parse_field(s, i, end, &ch->field, &i) < 0) {
                return -1;
            }
        }
    }
    *pos = i;
    return 1;
}

// Formats one parsed field into 'b'; -1 with an exception set.
static int render_field(KValue fmt, const KFormatField *f, FormatState *st, int depth,
                        KStrBuilder *b) {
    KStr *s = (KStr *)fmt;
    KValue obj = get_field(s, f->name_start, f->name_end, st);
    if (!obj) {
        return -1;
    }
    int conversion = 0;
    if (f->conversion) {
        uint32_t cc = f->conversion;
        conversion = cc == 's' ? 1 : cc == 'r' ? 2 : cc == 'a' ? 3 : -1;
        if (conversion < 0) {
            kval_decref(obj);
            if (cc > 32 && cc < 127) {
                kerr_format(&kexc_ValueError, "Unknown conversion specifier %c", (int)cc);
            } else {
                kerr_format(&kexc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)cc);
            }
            return -1;
        }
    }
    KValue spec;
    if (f->spec_start < 0) {
        spec = kval_newref(kstr_ids.empty);
    } else if (f->needs_expanding) {
        spec = render(fmt, f->spec_start, f->spec_end, st, depth + 1);
    } else {
        spec = kstr_substr(fmt, f->spec_start, f->spec_end);
    }
    KValue out = spec ? kstr_format_value(obj, conversion, spec) : KV_NULL;
    kval_xdecref(spec);
    kval_decref(obj);
    if (!out) {
        return -1;
    }
    kstr_builder_str(b, out);
    kval_decref(out);
    return 0;
}

// Renders fmt[start:end]; 'depth' counts nested format specs (CPython
// allows two levels).
static KValue render(KValue fmt, ssize_t start, ssize_t end, FormatState *st, int depth) {
    if (depth > 1) {
        kerr_set(&kexc_ValueError, "Max string recursion exceeded");
        return KV_NULL;
    }
    KStr *s = (KStr *)fmt;
    KStrBuilder b;
    kstr_builder_init(&b);
    KFormatChunk ch;
    ssize_t pos = start;
    int r;
    while ((r = kformat_next_chunk(s, &pos, end, &ch)) > 0) {
        for (ssize_t i = ch.lit_start; i < ch.lit_end; i++) {
            kstr_builder_char(&b, kstr_char(s, i));
        }
        if (ch.has_field && render_field(fmt, &ch.field, st, depth, &b) < 0) {
            r = -1;
            break;
        }
    }
    if (r < 0) {
        kstr_builder_discard(&b);
        return KV_NULL;
    }
    return kstr_builder_finish(&b);
}

KValue kstr_format_method(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue kwargs = KV_NULL;
    if (kwnames && ktuple_len(kwnames)) {
        kwargs = kdict_new();
        if (!kwargs) {
            return KV_NULL;
        }
        for (ssize_t i = 0; i < ktuple_len(kwnames); i++) {
            if (kdict_set(kwargs, ktuple_items(kwnames)[i], args[nargs + (size_t)i]) < 0) {
                kval_decref(kwargs);
                return KV_NULL;
            }
        }
    }
    FormatState st = {args, nargs, kwargs, 0, 0, 0};
    KValue r = render(self, 0, kstr_len(self), &st, 0);
    kval_xdecref(kwargs);
    return r;
}

KValue kstr_format_map(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)nargs, (void)kwnames;
    FormatState st = {NULL, 0, args[0], 0, 0, 1};
    return render(self, 0, kstr_len(self), &st, 0);
}
