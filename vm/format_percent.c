// vm/format_percent.c: printf-style '%' formatting of str and of bytes /
// bytearray (PEP 461). One engine serves both: the format is read as code
// points, the output collects code points (bytes as Latin-1 ones, turned
// back into bytes at the end). Argument consumption follows CPython's:
// a tuple gives positional arguments, anything else is one argument, and a
// non-tuple mapping (anything with __getitem__ but a str/bytes) also serves
// '%(key)s' conversions.
#include <math.h>
#include "internal.h"
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "errors.h"
#include "float.h"
#include "int.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

typedef struct PctSpec {
    int left, plus, space, alt, zero;
    ssize_t width, prec;
} PctSpec;

// The state of one formatting run.
typedef struct Pct {
    int bytes;           // formatting bytes: %b/%s take buffers, output is bytes
    const KStr *fmt;     // str mode
    const unsigned char *bfmt; // bytes mode
    ssize_t len;
    KValue args, dict;   // dict: the mapping for %(key)s, or KV_NULL
    ssize_t arglen, argidx; // as CPython: arglen -1 for a single argument
    KStrBuilder out;
} Pct;

static uint32_t fmt_char(const Pct *p, ssize_t i) {
    return p->bytes ? p->bfmt[i] : kstr_char(p->fmt, i);
}

// The next positional argument (borrowed), or KV_NULL with TypeError.
static KValue next_arg(Pct *p) {
    if (p->arglen < 0) {
        if (p->argidx == -2) {
            p->argidx = -1;
            return p->args;
        }
    } else if (p->argidx < p->arglen) {
        return ktuple_items(p->args)[p->argidx++];
    }
    kerr_set(&kexc_TypeError, "not enough arguments for format string");
    return KV_NULL;
}

static void put_padded(Pct *p, const PctSpec *ps, const char *sign, KValue body, int numeric) {
    ssize_t slen = (ssize_t)strlen(sign), blen = kstr_len(body);
    ssize_t pad = ps->width > slen + blen ? ps->width - slen - blen : 0;
    if (!ps->left && !(ps->zero && numeric)) {
        for (ssize_t i = 0; i < pad; i++) {
            kstr_builder_char(&p->out, ' ');
        }
    }
    kstr_builder_cstr(&p->out, sign);
    if (!ps->left && ps->zero && numeric) {
        for (ssize_t i = 0; i < pad; i++) {
            kstr_builder_char(&p->out, '0');
        }
    }
    kstr_builder_str(&p->out, body);
    if (ps->left) {
        for (ssize_t i = 0; i < pad; i++) {
            kstr_builder_char(&p->out, ' ');
        }
    }
}

// %d %i %u %o %x %X.
// put_int for a small int: the digits (with the precision's zeros) are
// formatted into a C buffer instead of a digit string and a builder.
static void put_small_int(Pct *p, intptr_t v, const PctSpec *ps, uint32_t c) {
    int base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
    const char *hex = c == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[80];
    char *end = buf + sizeof buf, *d = end;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        *--d = hex[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    while (end - d < ps->prec && d > buf) {
        *--d = '0';
    }
    char sign[4];
    int sl = 0;
    if (v < 0) {
        sign[sl++] = '-';
    } else if (ps->plus) {
        sign[sl++] = '+';
    } else if (ps->space) {
        sign[sl++] = ' ';
    }
    if (ps->alt && base != 10) {
        sign[sl++] = '0';
        sign[sl++] = (char)c;
    }
    ssize_t nd = end - d;
    ssize_t pad = ps->width > sl + nd ? ps->width - sl - nd : 0;
    int zero = !ps->left && ps->zero;
    for (ssize_t k = 0; !ps->left && !zero && k < pad; k++) {
        kstr_builder_char(&p->out, ' ');
    }
    kstr_builder_ascii(&p->out, sign, sl);
    for (ssize_t k = 0; zero && k < pad; k++) {
        kstr_builder_char(&p->out, '0');
    }
    kstr_builder_ascii(&p->out, d, nd);
    for (ssize_t k = 0; ps->left && k < pad; k++) {
        kstr_builder_char(&p->out, ' ');
    }
}

static int put_int(Pct *p, KValue v, const PctSpec *ps, uint32_t c) {
    int index_only = c == 'o' || c == 'x' || c == 'X';
    KValue i = KV_NULL;
    if (kval_is_int(v) && ps->prec < 64) {
        put_small_int(p, kval_int(v), ps, c);
        return 0;
    }
    if (kint_check(v)) {
        i = kint_exact(v);
    } else {
        KType *t = kval_type(v);
        int is_number = knb(t)->index || knb(t)->to_int || knb(t)->to_float || t == &kcomplex_type;
        if (is_number) {
            i = index_only ? knum_index(v) : knum_long(v);
            if (!i && !kerr_matches(&kexc_TypeError)) {
                return -1;
            }
        }
        if (!i) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "%%%c format: %s is required, not %T", (int)c,
                        index_only ? "an integer" : "a real number", v);
            return -1;
        }
    }
    int neg = kint_sign(i) < 0;
    KValue a = neg ? kint_neg(i) : kval_newref(i);
    kval_decref(i);
    if (!a) {
        return -1;
    }
    int base = c == 'o' ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
    KValue digits = kint_format_base(a, base, 0);
    kval_decref(a);
    if (!digits) {
        return -1;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t k = kstr_len(digits); k < ps->prec; k++) {
        kstr_builder_char(&b, '0');
    }
    for (ssize_t k = 0; k < kstr_len(digits); k++) {
        uint32_t d = kstr_char((KStr *)digits, k);
        kstr_builder_char(&b, c == 'X' && d >= 'a' ? d - 32 : d);
    }
    kval_decref(digits);
    KValue body = kstr_builder_finish(&b);
    if (!body) {
        return -1;
    }
    char sign[8];
    int sl = 0;
    if (neg) {
        sign[sl++] = '-';
    } else if (ps->plus) {
        sign[sl++] = '+';
    } else if (ps->space) {
        sign[sl++] = ' ';
    }
    if (ps->alt && base != 10) {
        sign[sl++] = '0';
        sign[sl++] = (char)c;
    }
    sign[sl] = 0;
    put_padded(p, ps, sign, body, 1);
    kval_decref(body);
    return 0;
}

// %e %E %f %F %g %G.
static int put_float(Pct *p, KValue v, const PctSpec *ps, uint32_t c) {
    double d = knum_as_double(v);
    if (d == -1.0 && kerr_occurred()) {
        if (kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "must be real number, not %T", v);
        }
        return -1;
    }
    char buf[512], fmt[16];
    snprintf(fmt, sizeof fmt, "%%%s.*%c", ps->alt ? "#" : "", (char)c);
    int prec = ps->prec >= 0 ? (int)(ps->prec > 300 ? 300 : ps->prec) : 6;
    if (isnan(d) || isinf(d)) {
        int upper = c == 'E' || c == 'F' || c == 'G';
        strcpy(buf, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    } else {
        snprintf(buf, sizeof buf, fmt, prec, fabs(d));
    }
    KValue body = kstr_from_cstr(buf);
    if (!body) {
        return -1;
    }
    const char *sign = signbit(d) && !isnan(d) ? "-" : ps->plus ? "+" : ps->space ? " " : "";
    put_padded(p, ps, sign, body, isfinite(d));
    kval_decref(body);
    return 0;
}

// %c: a character (str) or a byte (bytes).
static int put_char(Pct *p, KValue v, const PctSpec *ps) {
    uint32_t ch;
    const char *bp;
    ssize_t bn;
    if (!p->bytes && kstr_check(v) && kstr_len(v) == 1) {
        ch = kstr_char((KStr *)v, 0);
    } else if (p->bytes && (kbytes_check(v) || kbytearray_check(v)) &&
               kbytes_get_buffer(v, &bp, &bn) && bn == 1) {
        ch = (unsigned char)bp[0];
    } else {
        KValue i = kstr_check(v) ? KV_NULL : knum_index(v);
        if (!i) {
            if (!kstr_check(v) && !kerr_matches(&kexc_TypeError)) {
                return -1;
            }
            kerr_clear();
            kerr_set(&kexc_TypeError, p->bytes ? "%c requires an integer in range(256) or a "
                                                 "single byte"
                                               : "%c requires int or char");
            return -1;
        }
        int overflow;
        int64_t x = kint_as_i64_overflow(i, &overflow);
        kval_decref(i);
        uint32_t limit = p->bytes ? 256 : 0x110000;
        if (overflow || x < 0 || x >= limit) {
            kerr_set(&kexc_OverflowError, p->bytes ? "%c arg not in range(256)"
                                                   : "%c arg not in range(0x110000)");
            return -1;
        }
        ch = (uint32_t)x;
    }
    KValue body = kstr_from_char(ch);
    if (!body) {
        return -1;
    }
    put_padded(p, ps, "", body, 0);
    kval_decref(body);
    return 0;
}

// %s/%b in bytes mode: a buffer or __bytes__, as Latin-1 code points.
static KValue bytes_operand(KValue v) {
    const char *bp;
    ssize_t bn;
    KValue owned = KV_NULL;
    if (!kbytes_get_buffer(v, &bp, &bn)) {
        int found;
        owned = kobj_call_special(v, kstr_intern_cstr("__bytes__"), NULL, 0, &found);
        if (!owned) {
            if (!kerr_occurred()) {
                kerr_format(&kexc_TypeError,
                            "%%b requires a bytes-like object, or an object that implements "
                            "__bytes__, not '%s'",
                            ktype_name(kval_type(v)));
            }
            return KV_NULL;
        }
        if (!kbytes_check(owned)) {
            kerr_format(&kexc_TypeError, "__bytes__ returned non-bytes (type %T)", owned);
            kval_decref(owned);
            return KV_NULL;
        }
        bp = kbytes_data(owned, &bn);
    }
    KValue s = kstr_new(bn, 0xff);
    for (ssize_t i = 0; s && i < bn; i++) {
        kstr_put(((KStr *)s)->data, ((KStr *)s)->kind, i, (unsigned char)bp[i]);
    }
    kval_xdecref(owned);
    return s;
}

// %s %r %a (and %b in bytes mode).
static int put_text(Pct *p, KValue v, const PctSpec *ps, uint32_t c) {
    KValue t;
    if (p->bytes && (c == 's' || c == 'b')) {
        t = bytes_operand(v);
    } else if (c == 's') {
        t = kobj_str(v);
    } else {
        t = c == 'r' && !p->bytes ? kobj_repr(v) : kobj_ascii(v);
    }
    if (!t) {
        return -1;
    }
    if (ps->prec >= 0 && ps->prec < kstr_len(t)) {
        KValue cut = kstr_substr(t, 0, ps->prec);
        kval_decref(t);
        if (!cut) {
            return -1;
        }
        t = cut;
    }
    put_padded(p, ps, "", t, 0);
    kval_decref(t);
    return 0;
}

// Reads a '*' width or precision from the arguments.
static int star_arg(Pct *p, ssize_t *out) {
    KValue v = next_arg(p);
    if (!v) {
        return -1;
    }
    if (!kint_check(v)) {
        kerr_set(&kexc_TypeError, "* wants int");
        return -1;
    }
    *out = knum_as_ssize(v, &kexc_OverflowError);
    return *out == -1 && kerr_occurred() ? -1 : 0;
}

static int read_number(Pct *p, ssize_t *i, ssize_t *out, const char *what) {
    ssize_t v = 0;
    while (*i < p->len && fmt_char(p, *i) >= '0' && fmt_char(p, *i) <= '9') {
        if (v > (PTRDIFF_MAX - 9) / 10) {
            kerr_format(&kexc_ValueError, "%s too big", what);
            return -1;
        }
        v = v * 10 + (fmt_char(p, *i) - '0');
        (*i)++;
    }
    *out = v;
    return 0;
}

// One conversion starting just after its '%' at '*i'; leaves '*i' on its
// conversion character. -1 with an exception set.
static int convert(Pct *p, ssize_t *i) {
    KValue keyed = KV_NULL;
    if (fmt_char(p, *i) == '(') {
        if (!p->dict) {
            kerr_set(&kexc_TypeError, "format requires a mapping");
            return -1;
        }
        ssize_t depth = 1, k = *i + 1;
        while (k < p->len && depth) {
            uint32_t d = fmt_char(p, k);
            depth += d == '(' ? 1 : d == ')' ? -1 : 0;
            k++;
        }
        if (depth) {
            kerr_set(&kexc_ValueError, "incomplete format key");
            return -1;
        }
        KValue key = p->bytes ? kbytes_from_data((const char *)p->bfmt + *i + 1, k - 2 - *i)
                              : kstr_substr(kval_of(p->fmt), *i + 1, k - 1);
        keyed = key ? kobj_getitem(p->dict, key) : KV_NULL;
        kval_xdecref(key);
        if (!keyed) {
            return -1;
        }
        // After a keyed conversion no positional argument is left.
        p->arglen = -1;
        p->argidx = -1;
        *i = k;
    }
    PctSpec ps = {0, 0, 0, 0, 0, -1, -1};
    int r = -1;
    for (; *i < p->len; (*i)++) {
        uint32_t f = fmt_char(p, *i);
        if (f == '-') {
            ps.left = 1;
        } else if (f == '+') {
            ps.plus = 1;
        } else if (f == ' ') {
            ps.space = 1;
        } else if (f == '#') {
            ps.alt = 1;
        } else if (f == '0') {
            ps.zero = 1;
        } else {
            break;
        }
    }
    if (*i < p->len && fmt_char(p, *i) == '*') {
        if (star_arg(p, &ps.width) < 0) {
            goto done;
        }
        if (ps.width < 0) {
            ps.left = 1;
            ps.width = -ps.width;
        }
        (*i)++;
    } else if (*i < p->len && fmt_char(p, *i) >= '0' && fmt_char(p, *i) <= '9' &&
               read_number(p, i, &ps.width, "width") < 0) {
        goto done;
    }
    if (*i < p->len && fmt_char(p, *i) == '.') {
        (*i)++;
        if (*i < p->len && fmt_char(p, *i) == '*') {
            if (star_arg(p, &ps.prec) < 0) {
                goto done;
            }
            if (ps.prec < 0) {
                ps.prec = 0;
            }
            (*i)++;
        } else if (read_number(p, i, &ps.prec, "precision") < 0) {
            goto done;
        }
    }
    while (*i < p->len && (fmt_char(p, *i) == 'l' || fmt_char(p, *i) == 'h' ||
                           fmt_char(p, *i) == 'L')) {
        (*i)++;
    }
    if (*i >= p->len) {
        kerr_set(&kexc_ValueError, "incomplete format");
        goto done;
    }
    uint32_t c = fmt_char(p, *i);
    KValue v = keyed ? keyed : next_arg(p);
    if (!v) {
        goto done;
    }
    if (ps.left) {
        ps.zero = 0;
    }
    switch (c) {
    case 's':
    case 'r':
    case 'a':
        r = put_text(p, v, &ps, c);
        break;
    case 'b':
        if (p->bytes) {
            r = put_text(p, v, &ps, c);
            break;
        }
        goto unsupported;
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        r = put_int(p, v, &ps, c);
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        r = put_float(p, v, &ps, c);
        break;
    case 'c':
        r = put_char(p, v, &ps);
        break;
    default:
    unsupported:
        if (c >= 32 && c < 127) {
            kerr_format(&kexc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                        (int)c, (unsigned)c, *i);
        } else {
            kerr_format(&kexc_ValueError, "unsupported format character '\\x%x' (0x%x) at index %zd",
                        (unsigned)c, (unsigned)c, *i);
        }
        break;
    }
done:
    kval_xdecref(keyed);
    return r;
}

static KValue run(Pct *p) {
    kstr_builder_init(&p->out);
    for (ssize_t i = 0; i < p->len; i++) {
        uint32_t c = fmt_char(p, i);
        if (c != '%') {
            if (p->bytes) {
                kstr_builder_char(&p->out, c);
                continue;
            }
            // The literal text up to the next '%' in one copy.
            ssize_t j = i + 1;
            while (j < p->len && kstr_char(p->fmt, j) != '%') {
                j++;
            }
            kstr_builder_range(&p->out, kval_of(p->fmt), i, j);
            i = j - 1;
            continue;
        }
        if (++i >= p->len) {
            kerr_set(&kexc_ValueError, "incomplete format");
            goto error;
        }
        if (fmt_char(p, i) == '%') {
            kstr_builder_char(&p->out, '%');
            continue;
        }
        if (convert(p, &i) < 0) {
            goto error;
        }
    }
    if (p->argidx < p->arglen && !p->dict) {
        kerr_format(&kexc_TypeError, "not all arguments converted during %s formatting",
                    p->bytes ? "bytes" : "string");
        goto error;
    }
    return kstr_builder_finish(&p->out);
error:
    kstr_builder_discard(&p->out);
    return KV_NULL;
}

static void set_args(Pct *p, KValue args, int is_text) {
    p->args = args;
    p->arglen = ktuple_check(args) ? ktuple_len(args) : -1;
    p->argidx = ktuple_check(args) ? 0 : -2;
    p->dict = !ktuple_check(args) && !is_text && !kval_is_int(args) && kval_type(args)->getitem
                  ? args
                  : KV_NULL;
}

KValue kstr_percent_format(KValue fmt, KValue args) {
    Pct p = {0};
    p.fmt = (const KStr *)fmt;
    p.len = kstr_len(fmt);
    set_args(&p, args, kstr_check(args));
    return run(&p);
}

KValue kbytes_percent_format(KValue fmt, KValue args) {
    Pct p = {0};
    ssize_t n;
    p.bytes = 1;
    p.bfmt = (const unsigned char *)kbytes_data(fmt, &n);
    p.len = n;
    set_args(&p, args, kbytes_check(args));
    // A mapping's __getitem__ could resize a bytearray format: work on a copy.
    KValue copy = kbytearray_check(fmt) ? kbytes_from_data((const char *)p.bfmt, n) : KV_NULL;
    if (kbytearray_check(fmt)) {
        if (!copy) {
            return KV_NULL;
        }
        p.bfmt = (const unsigned char *)((KBytes *)copy)->data;
    }
    KValue r = run(&p);
    kval_xdecref(copy);
    if (!r) {
        return KV_NULL;
    }
    KStr *rs = (KStr *)r;
    char *buf = kmem_alloc((size_t)rs->len + 1);
    if (!buf) {
        kval_decref(r);
        return kerr_no_memory();
    }
    for (ssize_t i = 0; i < rs->len; i++) {
        buf[i] = (char)kstr_char(rs, i);
    }
    KValue b = kbytes_new_like(fmt, buf, rs->len);
    kmem_free(buf);
    kval_decref(r);
    return b;
}
