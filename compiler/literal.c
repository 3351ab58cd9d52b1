// compiler/literal.c: number and string literals decoded from their token
// text, as CPython 3.11's parser does it (Parser/pegen.c parsenumber,
// Parser/string_parser.c, the 'unicodeescape' codec), errors included.
// The reprs of the decoded values live in repr.c.
#include "literal.h"

#include "unicode.h"

#include <float.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// CPython 3.11's default sys.get_int_max_str_digits(): longer decimal int
// literals are a SyntaxError.
#define MAX_STR_DIGITS 4300

static void clear_const(KConst *out, KConstKind kind) {
    out->kind = kind;
    out->big_neg = 0;
    out->i = 0;
    out->f = 0.0;
    out->real = 0.0;
    out->str = NULL;
    out->len = 0;
}

// ---------------------------------------------------------------------------
// Numbers

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return 99;
}

// Copies 'text' without underscores into the arena (NUL-terminated); sets '*n'.
static char *strip_underscores(KArena *a, const char *text, size_t len, size_t *n) {
    char *s = karena_alloc(a, len + 1);
    if (!s) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '_') {
            s[k++] = text[i];
        }
    }
    s[k] = '\0';
    *n = k;
    return s;
}

#if FLT_EVAL_METHOD == 0
// Clinger's fast path: when the digits make an integer below 2**53 and the
// exponent is within +-22, the value is one exact double multiplied or
// divided by another exact one (10**22 is the last exact power), a single
// correctly rounded operation: the double strtod would return, at a small
// fraction of its cost. Returns 0 when the literal needs strtod.
static int fast_float(const char *text, size_t len, double *out) {
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t m = 0;
    int ndigits = 0, exp = 0, seen_point = 0;
    size_t i = 0;
    for (; i < len; i++) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            exp -= seen_point;
            if (m == 0 && c == '0') {
                continue;
            }
            if (++ndigits > 15) {
                return 0;
            }
            m = m * 10 + (uint64_t)(c - '0');
        } else if (c == '.') {
            seen_point = 1;
        } else if (c != '_') {
            break;
        }
    }
    if (i < len) {
        // 'e' or 'E', a sign, digits and underscores; anything else is left
        // to strtod (the tokenizer should not let it through).
        if (++i >= len) {
            return 0;
        }
        int neg = text[i] == '-', e = 0;
        for (i += text[i] == '-' || text[i] == '+'; i < len; i++) {
            if (text[i] >= '0' && text[i] <= '9') {
                e = e < 10000 ? e * 10 + (text[i] - '0') : e;
            } else if (text[i] != '_') {
                return 0;
            }
        }
        exp += neg ? -e : e;
    }
    if (m == 0) {
        *out = 0.0;
        return 1;
    }
    if (exp < -22 || exp > 22) {
        return 0;
    }
    *out = exp < 0 ? (double)m / pow10[-exp] : (double)m * pow10[exp];
    return 1;
}
#else
static int fast_float(const char *text, size_t len, double *out) {
    (void)text, (void)len, (void)out;
    return 0;
}
#endif

// Floats and imaginary literals: what is left after removing the underscores
// (and the 'j') is C's float syntax, and glibc's strtod rounds correctly as
// CPython's dtoa does ('1e500' is inf, '1e-400' is 0.0).
static int parse_float(KArena *a, const char *text, size_t len, KConst *out, KDiag *diag) {
    int is_imag = text[len - 1] == 'j' || text[len - 1] == 'J';
    if (is_imag) {
        len--;
    }
    clear_const(out, is_imag ? KCONST_COMPLEX : KCONST_FLOAT);
    if (fast_float(text, len, &out->f)) {
        return 0;
    }
    char small[64];
    char *s = small;
    if (len < sizeof small) {
        size_t k = 0;
        for (size_t i = 0; i < len; i++) {
            if (text[i] != '_') {
                small[k++] = text[i];
            }
        }
        small[k] = '\0';
    } else {
        size_t n;
        s = strip_underscores(a, text, len, &n);
        if (!s) {
            return kdiag_nomem(diag);
        }
    }
    out->f = strtod(s, NULL);
    return 0;
}

// A decimal int that does not fit in int64: keeps its digits, unless there are
// more than CPython accepts. The location is left to the caller (CPython puts
// it on the NUMBER token's lines, with no columns).
static int parse_big_decimal(KArena *a, const char *text, size_t len, KConst *out, KDiag *diag) {
    size_t n;
    char *digits = strip_underscores(a, text, len, &n);
    if (!digits) {
        return kdiag_nomem(diag);
    }
    if (n > MAX_STR_DIGITS) {
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1,
                           "Exceeds the limit (%d digits) for integer string conversion: "
                           "value has %zu digits; use sys.set_int_max_str_digits() to increase "
                           "the limit - Consider hexadecimal for huge integer literals to avoid "
                           "decimal conversion limits.",
                           MAX_STR_DIGITS, n);
    }
    clear_const(out, KCONST_BIGINT);
    out->str = digits;
    out->len = n;
    return 0;
}

// Converts the 'count' little-endian 32-bit limbs of 'limbs' (destroyed) to
// decimal digits in the arena: repeated division by 10**9, each remainder
// giving nine digits. Quadratic, but only huge hex/octal/binary literals get here.
static char *limbs_to_decimal(KArena *a, uint32_t *limbs, size_t count, size_t *len) {
    size_t nchunks = 0;
    uint32_t *chunks = karena_alloc(a, (count * 32 / 29 + 2) * sizeof(uint32_t));
    if (!chunks) {
        return NULL;
    }
    while (count > 0) {
        uint64_t rem = 0;
        for (size_t i = count; i-- > 0;) {
            uint64_t cur = (rem << 32) | limbs[i];
            limbs[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        chunks[nchunks++] = (uint32_t)rem;
        while (count > 0 && limbs[count - 1] == 0) {
            count--;
        }
    }
    char *s = karena_alloc(a, nchunks * 9 + 1);
    if (!s) {
        return NULL;
    }
    int n = sprintf(s, "%u", (unsigned)chunks[nchunks - 1]);
    for (size_t i = nchunks - 1; i-- > 0;) {
        n += sprintf(s + n, "%09u", (unsigned)chunks[i]);
    }
    *len = (size_t)n;
    return s;
}

// A 0x/0o/0b literal too large for int64. Bases 16, 8 and 2 are powers of
// two, so the digits' bits are laid into the limbs directly.
static int parse_big_based(KArena *a, const char *digits, size_t len, int bits, KConst *out,
                           KDiag *diag) {
    size_t nlimbs = (len * (size_t)bits) / 32 + 2;
    uint32_t *limbs = karena_calloc(a, nlimbs * sizeof(uint32_t));
    if (!limbs) {
        return kdiag_nomem(diag);
    }
    size_t bitpos = 0;
    for (size_t i = len; i-- > 0;) {
        if (digits[i] == '_') {
            continue;
        }
        uint64_t d = (uint64_t)digit_value((unsigned char)digits[i]) << (bitpos % 32);
        limbs[bitpos / 32] |= (uint32_t)d;
        limbs[bitpos / 32 + 1] |= (uint32_t)(d >> 32);
        bitpos += (size_t)bits;
    }
    size_t count = nlimbs;
    while (count > 0 && limbs[count - 1] == 0) {
        count--;
    }
    size_t n;
    char *s = limbs_to_decimal(a, limbs, count, &n);
    if (!s) {
        return kdiag_nomem(diag);
    }
    clear_const(out, KCONST_BIGINT);
    out->str = s;
    out->len = n;
    return 0;
}

// 0x/0o/0b literals ('text' starts with the prefix; one underscore may follow it).
static int parse_based(KArena *a, const char *text, size_t len, KConst *out, KDiag *diag) {
    char base = text[1] | 0x20;
    int bits = base == 'x' ? 4 : base == 'o' ? 3 : 1;
    const char *digits = text + 2;
    size_t n = len - 2;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (digits[i] == '_') {
            continue;
        }
        if (v >> (63 - bits)) {
            return parse_big_based(a, digits, n, bits, out, diag);
        }
        v = (v << bits) | (uint64_t)digit_value((unsigned char)digits[i]);
    }
    clear_const(out, KCONST_INT);
    out->i = (int64_t)v;
    return 0;
}

int klit_parse_number(KArena *a, const char *text, size_t len, KConst *out, KDiag *diag) {
    if (len >= 2 && text[0] == '0') {
        char c = text[1] | 0x20;
        if (c == 'x' || c == 'o' || c == 'b') {
            return parse_based(a, text, len, out, diag);
        }
    }
    // Fast path: a decimal int that fits in int64.
    uint64_t v = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        unsigned d = (unsigned char)text[i] - '0';
        if (d < 10) {
            if (v > (uint64_t)(INT64_MAX - d) / 10) {
                break;
            }
            v = v * 10 + d;
        } else if (text[i] != '_') {
            break;
        }
    }
    if (i == len) {
        clear_const(out, KCONST_INT);
        out->i = (int64_t)v;
        return 0;
    }
    for (; i < len; i++) {
        char c = text[i] | 0x20;
        if (c == '.' || c == 'e' || c == 'j') {
            return parse_float(a, text, len, out, diag);
        }
    }
    return parse_big_decimal(a, text, len, out, diag);
}

// ---------------------------------------------------------------------------
// Strings

// Where string errors are reported. CPython 3.11 decodes strings in the
// parser action of its 'strings' rule, and reports at the last token the
// parser fetched: the token after the last STRING of the concatenation. The
// decoder cannot see that token; klit_decode_string reports at the end of its
// own token (exactly CPython's place when the next token follows at once, as
// NEWLINE, ')' or ',' usually do); klit_decode_body reports at the given
// place, so its caller chooses.
typedef struct ErrPlace {
    int lineno;
    int col;
    const char *tok; // when set, report at the end of this token, which starts at lineno/col
    size_t tok_len;
} ErrPlace;

static int string_error(const ErrPlace *at, KDiag *diag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int string_error(const ErrPlace *at, KDiag *diag, const char *fmt, ...) {
    char msg[sizeof diag->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int lineno = at->lineno;
    int col = at->col;
    if (at->tok) {
        const char *line = at->tok;
        for (const char *p = at->tok; p < at->tok + at->tok_len; p++) {
            if (*p == '\n') {
                lineno++;
                line = p + 1;
                col = 0;
            }
        }
        col += (int)(at->tok + at->tok_len - line);
    }
    return kdiag_error(diag, KDIAG_SYNTAX_ERROR, lineno, col, lineno, col, "%s", msg);
}

static int utf8_seq_len(unsigned char c) {
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
}

// The offset that byte 'off' of the str body 's' has in the text CPython
// feeds its 'unicodeescape' codec, whose offsets its error messages give:
// decode_unicode_with_escapes first spells every non-ASCII character as
// "\UXXXXXXXX" (10 bytes), and a backslash before one as "\u005c" (6 bytes).
// This walks the body as that loop does.
static size_t escaped_offset(const char *s, size_t len, size_t off) {
    size_t i = 0, t = 0;
    while (i < off && i < len) {
        if (s[i] == '\\') {
            i++;
            t++;
            if (i >= len || (s[i] & 0x80)) {
                t += 5;
                if (i >= len) {
                    break;
                }
            }
        }
        if (s[i] & 0x80) {
            while (i < len && (s[i] & 0x80)) {
                i += (size_t)utf8_seq_len((unsigned char)s[i]);
                t += 10;
            }
        } else {
            i++;
            t++;
        }
    }
    return t;
}

// The 'unicodeescape' codec's error for the escape at body bytes
// [start, end), 'reason' being its message.
static int unicode_error(const ErrPlace *at, KDiag *diag, const char *s, size_t len, size_t start,
                         size_t end, const char *reason) {
    size_t t_start = escaped_offset(s, len, start);
    size_t t_end = escaped_offset(s, len, end);
    return string_error(at, diag,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "%zu-%zu: %s",
                        t_start, t_end - 1, reason);
}

static char *put_utf8(char *p, uint32_t cp) {
    if (cp < 0x80) {
        *p++ = (char)cp;
    } else if (cp < 0x800) {
        *p++ = (char)(0xC0 | (cp >> 6));
        *p++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *p++ = (char)(0xE0 | (cp >> 12));
        *p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *p++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *p++ = (char)(0xF0 | (cp >> 18));
        *p++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *p++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *p++ = (char)(0x80 | (cp & 0x3F));
    }
    return p;
}

// The character escapes common to str and bytes, or -1.
static int simple_escape(unsigned char c) {
    switch (c) {
    case '\\':
    case '\'':
    case '"':
        return c;
    case 'a':
        return '\a';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    case 'v':
        return '\v';
    default:
        return -1;
    }
}

// \ooo: one to three octal digits from 's[*i]' (the first is known to be one).
static uint32_t octal_escape(const char *s, size_t len, size_t *i) {
    uint32_t v = 0;
    for (int k = 0; k < 3 && *i < len && s[*i] >= '0' && s[*i] <= '7'; k++) {
        v = v * 8 + (uint32_t)(s[(*i)++] - '0');
    }
    return v;
}

// \N{name} in a str body; 'i' is just after the 'N', 'start' at the
// backslash. Returns the code point, or -1 with 'diag' set.
static long name_escape(const char *s, size_t len, size_t start, size_t *i, const ErrPlace *at,
                        KDiag *diag) {
    const char *reason = "malformed \\N character escape";
    if (*i < len && s[*i] == '{') {
        size_t name = ++*i;
        const char *close = memchr(s + name, '}', len - name);
        if (!close) {
            return unicode_error(at, diag, s, len, start, len, reason);
        }
        *i = (size_t)(close - s);
        size_t name_len = *i - name;
        if (name_len > 0) {
            ++*i;
            uint32_t cp;
            int ascii = 1;
            for (size_t k = name; k < name + name_len; k++) {
                ascii &= !(s[k] & 0x80);
            }
            if (ascii && kuni_lookup_name(s + name, name_len, &cp)) {
                return (long)cp;
            }
            reason = "unknown Unicode character name";
        }
    }
    return unicode_error(at, diag, s, len, start, *i, reason);
}

// \xXX, \uXXXX, \UXXXXXXXX in a str body ('ndigits' hex digits from 's[*i]';
// 'start' at the backslash). Returns the code point, or -1 with 'diag' set.
static long hex_escape(const char *s, size_t len, size_t start, size_t *i, int ndigits,
                       const ErrPlace *at, KDiag *diag) {
    uint32_t v = 0;
    for (int k = 0; k < ndigits; k++) {
        int d = *i < len ? digit_value((unsigned char)s[*i]) : 99;
        if (d > 15) {
            const char *reason = ndigits == 2   ? "truncated \\xXX escape"
                                 : ndigits == 4 ? "truncated \\uXXXX escape"
                                                : "truncated \\UXXXXXXXX escape";
            return unicode_error(at, diag, s, len, start, *i, reason);
        }
        v = v * 16 + (uint32_t)d;
        ++*i;
    }
    if (v > 0x10FFFF) {
        return unicode_error(at, diag, s, len, start, *i, "illegal Unicode character");
    }
    return (long)v;
}

// Decodes the escape after the backslash at 's[*i - 1]' of a str body and
// writes it at 'p'. Returns the new write position, or NULL with 'diag' set.
static char *str_escape(const char *s, size_t len, size_t *i, char *p, const ErrPlace *at,
                        KDiag *diag) {
    size_t start = *i - 1;
    unsigned char c = (unsigned char)s[(*i)++];
    int simple = simple_escape(c);
    long cp;
    if (simple >= 0) {
        *p++ = (char)simple;
        return p;
    }
    if (c == '\n') {
        return p;
    }
    if (c >= '0' && c <= '7') {
        --*i;
        return put_utf8(p, octal_escape(s, len, i));
    }
    switch (c) {
    case 'x':
        cp = hex_escape(s, len, start, i, 2, at, diag);
        break;
    case 'u':
        cp = hex_escape(s, len, start, i, 4, at, diag);
        break;
    case 'U':
        cp = hex_escape(s, len, start, i, 8, at, diag);
        break;
    case 'N':
        cp = name_escape(s, len, start, i, at, diag);
        break;
    default:
        // Unknown escapes stay as written (3.11 only warns); the character
        // itself, maybe non-ASCII, is copied with the text that follows.
        --*i;
        *p++ = '\\';
        return p;
    }
    return cp < 0 ? NULL : put_utf8(p, (uint32_t)cp);
}

static int decode_str(KArena *a, const char *s, size_t len, int is_raw, const ErrPlace *at,
                      KConst *out, KDiag *diag) {
    const char *bs = is_raw ? NULL : memchr(s, '\\', len);
    char *dst = karena_alloc(a, len + 1);
    if (!dst) {
        return kdiag_nomem(diag);
    }
    char *p = dst;
    size_t i = 0;
    // Every escape is at least as long as its UTF-8 result, so 'dst' is large enough.
    while (bs) {
        size_t k = (size_t)(bs - s);
        memcpy(p, s + i, k - i);
        p += k - i;
        i = k + 1;
        if (i >= len) {
            // A body ending in a backslash (an f-string part before '{'):
            // CPython spells it "\u005c", a backslash.
            *p++ = '\\';
            break;
        }
        p = str_escape(s, len, &i, p, at, diag);
        if (!p) {
            return -1;
        }
        bs = i < len ? memchr(s + i, '\\', len - i) : NULL;
    }
    if (i < len) {
        memcpy(p, s + i, len - i);
        p += len - i;
    }
    *p = '\0';
    clear_const(out, KCONST_STR);
    out->str = dst;
    out->len = (size_t)(p - dst);
    return 0;
}

// Decodes the escape after the backslash at 's[*i - 1]' of a bytes body
// (_PyBytes_DecodeEscape): no \u, \U or \N; \x wants two hex digits; octal
// values above 0o377 keep their low byte.
static char *bytes_escape(const char *s, size_t len, size_t *i, char *p, const ErrPlace *at,
                          KDiag *diag) {
    size_t start = *i - 1;
    unsigned char c = (unsigned char)s[(*i)++];
    int simple = simple_escape(c);
    if (simple >= 0) {
        *p++ = (char)simple;
        return p;
    }
    if (c == '\n') {
        return p;
    }
    if (c >= '0' && c <= '7') {
        --*i;
        *p++ = (char)(octal_escape(s, len, i) & 0xFF);
        return p;
    }
    if (c == 'x') {
        int d1 = *i + 1 < len ? digit_value((unsigned char)s[*i]) : 99;
        int d2 = *i + 1 < len ? digit_value((unsigned char)s[*i + 1]) : 99;
        if (d1 > 15 || d2 > 15) {
            string_error(at, diag, "(value error) invalid \\x escape at position %zu", start);
            return NULL;
        }
        *i += 2;
        *p++ = (char)(d1 * 16 + d2);
        return p;
    }
    --*i;
    *p++ = '\\';
    return p;
}

static int decode_bytes(KArena *a, const char *s, size_t len, int is_raw, const ErrPlace *at,
                        KConst *out, KDiag *diag) {
    for (size_t k = 0; k < len; k++) {
        if (s[k] & 0x80) {
            return string_error(at, diag, "bytes can only contain ASCII literal characters");
        }
    }
    char *dst = karena_alloc(a, len + 1);
    if (!dst) {
        return kdiag_nomem(diag);
    }
    char *p = dst;
    for (size_t i = 0; i < len;) {
        if (s[i] != '\\' || is_raw) {
            *p++ = s[i++];
        } else if (i + 1 >= len) {
            // Unreachable from a STRING token (the quote would be escaped);
            // _PyBytes_DecodeEscape's message.
            return string_error(at, diag, "(value error) Trailing \\ in string");
        } else {
            i++;
            p = bytes_escape(s, len, &i, p, at, diag);
            if (!p) {
                return -1;
            }
        }
    }
    *p = '\0';
    clear_const(out, KCONST_BYTES);
    out->str = dst;
    out->len = (size_t)(p - dst);
    return 0;
}

static int decode_body(KArena *a, const char *body, size_t len, int is_raw, int is_bytes,
                       const ErrPlace *at, KConst *out, KDiag *diag) {
    if (is_bytes) {
        return decode_bytes(a, body, len, is_raw, at, out, diag);
    }
    return decode_str(a, body, len, is_raw, at, out, diag);
}

int klit_decode_body(KArena *a, const char *body, size_t len, int is_raw, int is_bytes, int lineno,
                     int col, KConst *out, KDiag *diag) {
    ErrPlace at = {lineno, col, NULL, 0};
    return decode_body(a, body, len, is_raw, is_bytes, &at, out, diag);
}

int klit_prefix_flags(const char *text, size_t len) {
    int flags = 0;
    for (size_t i = 0; i < len; i++) {
        switch (text[i]) {
        case 'r':
        case 'R':
            flags |= KLIT_RAW;
            break;
        case 'b':
        case 'B':
            flags |= KLIT_BYTES;
            break;
        case 'f':
        case 'F':
            flags |= KLIT_FSTRING;
            break;
        case 'u':
        case 'U':
            flags |= KLIT_UNICODE;
            break;
        default:
            return flags;
        }
    }
    return flags;
}

int klit_decode_string(KArena *a, const char *text, size_t len, int lineno, int col, KConst *out,
                       KDiag *diag) {
    size_t pre = 0;
    while (pre < len && text[pre] != '\'' && text[pre] != '"') {
        pre++;
    }
    int flags = klit_prefix_flags(text, pre);
    size_t quote = 1;
    if (len - pre >= 6 && text[pre + 1] == text[pre] && text[pre + 2] == text[pre]) {
        quote = 3;
    }
    ErrPlace at = {lineno, col, text, len};
    if (len < pre + 2 * quote) {
        return string_error(&at, diag, "invalid string literal");
    }
    return decode_body(a, text + pre + quote, len - pre - 2 * quote, flags & KLIT_RAW,
                       flags & KLIT_BYTES, &at, out, diag);
}
