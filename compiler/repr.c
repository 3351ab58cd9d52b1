// compiler/repr.c: Python's repr() of literal values, character for
// character as python3.11 prints them (ast.dump shows constants this way):
// floats in the shortest form that reads back exactly (Python/pystrtod.c,
// format_float_short), complex numbers as complex_repr, str and bytes with
// CPython's quote choice and escapes (unicode_repr, PyBytes_Repr).
#include "literal.h"

#include "unicode.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------
// Floats

// A decimal approximation: 'mant' (a 'prec'-digit integer) times 10**'exp'.
typedef struct Decimal {
    uint64_t mant;
    int exp;
} Decimal;

static double decimal_value(Decimal d) {
    char buf[48];
    snprintf(buf, sizeof buf, "%" PRIu64 "e%d", d.mant, d.exp);
    return strtod(buf, NULL);
}

static uint64_t pow10_u64(int n) {
    uint64_t p = 1;
    while (n-- > 0) {
        p *= 10;
    }
    return p;
}

// Looks for a 'prec'-digit decimal that reads back as 'v' (positive, finite):
// the nearest one (printf rounds correctly), else its neighbour on the other
// side of 'v', which can still be inside the rounding interval when 'v' is a
// power of two (the interval is narrower below). Returns 1 and sets '*out'
// when one exists; then it is the one CPython's dtoa (mode 0) picks.
static int decimal_at(double v, int prec, Decimal *out) {
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
    Decimal d = {0, 0};
    const char *p = buf;
    for (; *p != 'e'; p++) {
        if (*p != '.') {
            d.mant = d.mant * 10 + (uint64_t)(*p - '0');
        }
    }
    d.exp = atoi(p + 1) - (prec - 1);
    double r = strtod(buf, NULL);
    if (r != v) {
        uint64_t low = pow10_u64(prec - 1), high = low * 10;
        if (r < v) {
            d.mant++;
            if (d.mant == high) {
                d.mant = low;
                d.exp++;
            }
        } else {
            d.mant--;
            if (d.mant < low) {
                d.mant = high - 1;
                d.exp--;
            }
        }
        if (decimal_value(d) != v) {
            return 0;
        }
    }
    *out = d;
    return 1;
}

// The shortest digits that read back as 'v' (positive, finite, nonzero) into
// 'digits' (no trailing zeros), returning their count; the value is
// 0.DIGITS * 10**'*decpt'.
//
// For a normal double, any decimal of at most 15 digits (DBL_DIG) that reads
// back as 'v' is what 'v' prints as with 15 digits; so if those 15 digits
// read back, they are the answer once their trailing zeros go, else 16
// digits are tried, else 17 always work: one to three printf/strtod round
// trips. Subnormals have fewer bits, so there a binary search over the
// precision (if 'prec' digits can do it, so can 'prec' + 1) looks for the
// fewest digits.
static int shortest_digits(double v, char digits[24], int *decpt) {
    Decimal best = {0, 0};
    if (v >= DBL_MIN) {
        if (!decimal_at(v, 15, &best) && !decimal_at(v, 16, &best)) {
            decimal_at(v, 17, &best);
        }
    } else {
        int lo = 1, hi = 17, found = 0;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            Decimal d;
            if (decimal_at(v, mid, &d)) {
                best = d;
                found = 1;
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (!found) {
            decimal_at(v, 17, &best);
        }
    }
    while (best.mant % 10 == 0) {
        best.mant /= 10;
        best.exp++;
    }
    int n = snprintf(digits, 24, "%" PRIu64, best.mant);
    *decpt = best.exp + n;
    return n;
}

// Appends 'v' as format_float_short does with format code 'r': fixed notation
// when the decimal point falls within -4 < decpt <= 16, else exponent form.
// 'add_dot_0' adds ".0" to integral fixed values (float repr does, complex
// repr does not); 'add_sign' writes '+' for positive values and nan.
static void format_double(double v, int add_dot_0, int add_sign, KBuf *out) {
    if (isnan(v)) {
        kbuf_puts(out, add_sign ? "+nan" : "nan");
        return;
    }
    if (signbit(v)) {
        kbuf_putc(out, '-');
        v = -v;
    } else if (add_sign) {
        kbuf_putc(out, '+');
    }
    if (isinf(v)) {
        kbuf_puts(out, "inf");
        return;
    }
    char digits[24];
    int decpt = 1, n = 1;
    if (v == 0.0) {
        digits[0] = '0';
    } else {
        n = shortest_digits(v, digits, &decpt);
    }
    if (decpt <= -4 || decpt > 16) {
        kbuf_putc(out, digits[0]);
        if (n > 1) {
            kbuf_putc(out, '.');
            kbuf_put(out, digits + 1, (size_t)n - 1);
        }
        kbuf_printf(out, "e%+.02d", decpt - 1);
    } else if (decpt <= 0) {
        kbuf_puts(out, "0.");
        for (int i = decpt; i < 0; i++) {
            kbuf_putc(out, '0');
        }
        kbuf_put(out, digits, (size_t)n);
    } else if (decpt >= n) {
        kbuf_put(out, digits, (size_t)n);
        for (int i = n; i < decpt; i++) {
            kbuf_putc(out, '0');
        }
        if (add_dot_0) {
            kbuf_puts(out, ".0");
        }
    } else {
        kbuf_put(out, digits, (size_t)decpt);
        kbuf_putc(out, '.');
        kbuf_put(out, digits + decpt, (size_t)(n - decpt));
    }
}

void klit_repr_float(double v, KBuf *out) {
    format_double(v, 1, 0, out);
}

// complex_repr: a real part of +0.0 is left out ('2j', '-0j'); otherwise
// '(re+imj)' with the imaginary part's sign always written.
static void repr_complex(double real, double imag, KBuf *out) {
    if (real == 0.0 && !signbit(real)) {
        format_double(imag, 0, 0, out);
        kbuf_putc(out, 'j');
        return;
    }
    kbuf_putc(out, '(');
    format_double(real, 0, 0, out);
    format_double(imag, 0, 1, out);
    kbuf_puts(out, "j)");
}

// ---------------------------------------------------------------------------
// str and bytes

static const char hex_digits[] = "0123456789abcdef";

static void put_hex_escape(KBuf *out, char kind, uint32_t cp, int ndigits) {
    char buf[10];
    buf[0] = '\\';
    buf[1] = kind;
    for (int i = 0; i < ndigits; i++) {
        buf[2 + i] = hex_digits[(cp >> (4 * (ndigits - 1 - i))) & 0xF];
    }
    kbuf_put(out, buf, (size_t)ndigits + 2);
}

// The quote repr uses: ' unless the text has ' and no ".
static char choose_quote(const char *s, size_t len) {
    return memchr(s, '\'', len) && !memchr(s, '"', len) ? '"' : '\'';
}

// An ASCII character as both reprs write it (quote, backslash, \t \n \r,
// \xNN for controls and DEL).
static void put_ascii(KBuf *out, unsigned char c, char quote) {
    if (c == (unsigned char)quote || c == '\\') {
        kbuf_putc(out, '\\');
        kbuf_putc(out, (char)c);
    } else if (c == '\t') {
        kbuf_puts(out, "\\t");
    } else if (c == '\n') {
        kbuf_puts(out, "\\n");
    } else if (c == '\r') {
        kbuf_puts(out, "\\r");
    } else if (c < ' ' || c >= 0x7F) {
        put_hex_escape(out, 'x', c, 2);
    } else {
        kbuf_putc(out, (char)c);
    }
}

// unicode_repr: non-printable non-ASCII code points (surrogates included)
// become \xNN, \uNNNN or \UNNNNNNNN; printable ones are copied.
static void repr_str(const char *s, size_t len, KBuf *out) {
    char quote = choose_quote(s, len);
    kbuf_putc(out, quote);
    size_t i = 0;
    while (i < len) {
        size_t run = i;
        while (run < len && (unsigned char)s[run] >= ' ' && (unsigned char)s[run] < 0x7F &&
               s[run] != quote && s[run] != '\\') {
            run++;
        }
        kbuf_put(out, s + i, run - i);
        i = run;
        if (i >= len) {
            break;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            put_ascii(out, c, quote);
            i++;
            continue;
        }
        uint32_t cp;
        int n = kutf8_decode(s + i, len - i, &cp, 1);
        if (n <= 0) {
            // Not produced by the decoder; shown rather than lost.
            put_hex_escape(out, 'x', c, 2);
            i++;
        } else if (kuni_is_printable(cp)) {
            kbuf_put(out, s + i, (size_t)n);
            i += (size_t)n;
        } else {
            if (cp <= 0xFF) {
                put_hex_escape(out, 'x', cp, 2);
            } else if (cp <= 0xFFFF) {
                put_hex_escape(out, 'u', cp, 4);
            } else {
                put_hex_escape(out, 'U', cp, 8);
            }
            i += (size_t)n;
        }
    }
    kbuf_putc(out, quote);
}

static void repr_bytes(const char *s, size_t len, KBuf *out) {
    char quote = choose_quote(s, len);
    kbuf_putc(out, 'b');
    kbuf_putc(out, quote);
    for (size_t i = 0; i < len; i++) {
        put_ascii(out, (unsigned char)s[i], quote);
    }
    kbuf_putc(out, quote);
}

void klit_repr(const KConst *c, KBuf *out) {
    switch (c->kind) {
    case KCONST_NONE:
        kbuf_puts(out, "None");
        break;
    case KCONST_TRUE:
        kbuf_puts(out, "True");
        break;
    case KCONST_FALSE:
        kbuf_puts(out, "False");
        break;
    case KCONST_ELLIPSIS:
        kbuf_puts(out, "Ellipsis");
        break;
    case KCONST_INT:
        kbuf_printf(out, "%" PRId64, c->i);
        break;
    case KCONST_BIGINT:
        if (c->big_neg) {
            kbuf_putc(out, '-');
        }
        kbuf_put(out, c->str, c->len);
        break;
    case KCONST_FLOAT:
        format_double(c->f, 1, 0, out);
        break;
    case KCONST_COMPLEX:
        repr_complex(c->real, c->f, out);
        break;
    case KCONST_STR:
        repr_str(c->str, c->len, out);
        break;
    case KCONST_BYTES:
        repr_bytes(c->str, c->len, out);
        break;
    }
}
