// compiler/decode.c: ktok_decode_source, the step before tokenizing. Source
// bytes become UTF-8 text as CPython 3.11's compile() of bytes makes them
// (the path of import, py_compile and compileall): a UTF-8 BOM is dropped, a
// PEP 263 coding declaration on line 1 or 2 is honoured through iconv, and
// line breaks ("\r\n", "\r") become "\n" as CPython's translate_newlines
// does, so that string literals see the same text.
//
// Invalid UTF-8 is not an error of its own in CPython: bytes in comments are
// ignored, and the rest fails later, where the bytes are decoded. To keep one
// check here, such text is scanned again: comment bytes become U+FFFD, and
// the first bad byte elsewhere is reported with the message CPython gives
// for it (a string literal, a bytes literal or a name).
#include "tokenizer.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// ---------------------------------------------------------------------------
// UTF-8 validation, with CPython's error reasons

typedef struct Utf8Error {
    size_t start;       // first bad byte
    size_t end;         // just past the bytes the error covers
    const char *reason; // "invalid start byte", "invalid continuation byte", ...
} Utf8Error;

// Length of the valid UTF-8 sequence at 's' ('len' bytes available), or 0
// with '*err' set relative to 's' as CPython's decoder reports it.
static size_t utf8_sequence(const unsigned char *s, size_t len, Utf8Error *err) {
    unsigned c = s[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF; // range of the second byte
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        *err = (Utf8Error){0, 1, "invalid start byte"};
        return 0;
    }
    for (size_t i = 1; i < need; i++) {
        if (i >= len) {
            *err = (Utf8Error){0, len, "unexpected end of data"};
            return 0;
        }
        unsigned b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) {
            *err = (Utf8Error){0, i, "invalid continuation byte"};
            return 0;
        }
    }
    return need;
}

// Offset of the first invalid UTF-8 sequence in 's'/'len' (with '*err' set
// relative to 's'), or 'len' when all of it is valid.
static size_t utf8_find_error(const char *s, size_t len, Utf8Error *err) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        // ASCII runs dominate source text: test 32, then 8 bytes at a time.
        while (i + 32 <= len) {
            uint64_t w[4];
            memcpy(w, u + i, 32);
            if ((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) {
                break;
            }
            i += 32;
        }
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & 0x8080808080808080ull) {
                break;
            }
            i += 8;
        }
        if (i >= len) {
            break;
        }
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_sequence(u + i, len - i, err);
        if (!n) {
            err->start += i;
            err->end += i;
            return i;
        }
        i += n;
    }
    return len;
}

// Formats CPython's "(unicode error)" message for 'e' (relative to the
// decoded piece) into 'msg'.
static void unicode_message(char *msg, size_t cap, const char *piece, const Utf8Error *e) {
    if (e->end - e->start == 1) {
        snprintf(msg, cap,
                 "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                 (unsigned char)piece[e->start], e->start, e->reason);
    } else {
        snprintf(msg, cap,
                 "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                 e->start, e->end - 1, e->reason);
    }
}

// ---------------------------------------------------------------------------
// Text with invalid UTF-8: where CPython trips over it. A light lexer finds
// the first bad byte outside comments and reports it as CPython would: in a
// name at once (its tokenizer decodes names), in a string literal once the
// parser has fetched the token after the run of adjacent strings (its action
// decodes them then, and reports at that token).

typedef struct Scan {
    const char *s;
    size_t len;
    size_t i;
    int lineno;
    size_t line_start;
    int level;         // open brackets
    size_t comment;    // start of the comment on this line, or SIZE_MAX
    int has_pending;   // a string of the current run does not decode
    char pending[200]; // ... and its message
} Scan;

static int is_name_byte(unsigned char c) {
    return c >= 0x80 || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static void scan_newline(Scan *sc) {
    if (sc->s[sc->i] == '\r' && sc->i + 1 < sc->len && sc->s[sc->i + 1] == '\n') {
        sc->i++;
    }
    sc->i++;
    sc->lineno++;
    sc->line_start = sc->i;
    sc->comment = SIZE_MAX;
}

// Moves 'sc' past the body of a string literal that starts at 'sc->i' (after
// the opening quotes) and past its closing quotes. Returns where the body
// ends; sets '*has_backslash'.
static size_t skip_string_body(Scan *sc, char quote, int triple, int *has_backslash) {
    int closing = 0;
    *has_backslash = 0;
    while (sc->i < sc->len) {
        char c = sc->s[sc->i];
        if (c == quote && (!triple || ++closing == 3)) {
            sc->i++;
            return sc->i - (triple ? 3 : 1);
        }
        if (c != quote) {
            closing = 0;
        }
        if (c == '\\') {
            *has_backslash = 1;
            sc->i++;
            if (sc->i < sc->len && (sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r')) {
                scan_newline(sc);
                continue;
            }
        } else if (c == '\n' || c == '\r') {
            if (!triple) {
                return sc->i;
            }
            scan_newline(sc);
            continue;
        }
        sc->i++;
    }
    sc->i = sc->len;
    return sc->len;
}

enum { PREFIX_B = 1, PREFIX_R = 2, PREFIX_F = 4 };

// A string literal whose body starts at 'sc->i' (after the opening quotes):
// moves past it, and when it is the first of its run whose body does not
// decode, keeps CPython's message for it.
static void scan_string(Scan *sc, char quote, int triple, int flags) {
    size_t body = sc->i;
    int has_backslash;
    size_t body_end = skip_string_body(sc, quote, triple, &has_backslash);
    Utf8Error e;
    const char *piece = sc->s + body;
    size_t piece_len = body_end - body;
    size_t bad = utf8_find_error(piece, piece_len, &e);
    int non_ascii = 0;
    for (size_t i = 0; (flags & PREFIX_B) && i < piece_len; i++) {
        non_ascii |= (unsigned char)piece[i] >= 0x80;
    }
    if ((bad == piece_len && !non_ascii) || sc->has_pending) {
        return;
    }
    sc->has_pending = 1;
    if (flags & PREFIX_B) {
        snprintf(sc->pending, sizeof sc->pending,
                 "bytes can only contain ASCII literal characters");
        return;
    }
    size_t from = 0, to = piece_len;
    if (!(flags & PREFIX_R) && (has_backslash || (flags & PREFIX_F))) {
        // Escapes, and the literal parts of f-strings, are decoded a run of
        // non-ASCII bytes at a time.
        for (from = bad; from > 0 && ((unsigned char)piece[from - 1] & 0x80); from--) {
        }
        for (to = bad; to < piece_len && ((unsigned char)piece[to] & 0x80); to++) {
        }
    } else if (flags & PREFIX_F) {
        // A raw f-string: the text between replacement fields.
        for (from = bad; from > 0 && piece[from - 1] != '{' && piece[from - 1] != '}'; from--) {
        }
        for (to = bad; to < piece_len && piece[to] != '{' && piece[to] != '}'; to++) {
        }
    }
    utf8_find_error(piece + from, to - from, &e);
    unicode_message(sc->pending, sizeof sc->pending, piece + from, &e);
}

// The PREFIX_ flags of the name 'name'/'n' when it is a string prefix
// (CPython's combinations of b, r, u, f in any case), else -1.
static int string_prefix(const char *name, size_t n) {
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
    for (size_t i = 0; i < n; i++) {
        int c = name[i] | 0x20;
        if (c == 'b' && !(saw_b || saw_u || saw_f)) {
            saw_b = 1;
        } else if (c == 'u' && !(saw_b || saw_u || saw_r || saw_f)) {
            saw_u = 1;
        } else if (c == 'r' && !(saw_r || saw_u)) {
            saw_r = 1;
        } else if (c == 'f' && !(saw_f || saw_b || saw_u)) {
            saw_f = 1;
        } else {
            return -1;
        }
    }
    return n == 0 ? -1 : (saw_b ? PREFIX_B : 0) | (saw_r ? PREFIX_R : 0) | (saw_f ? PREFIX_F : 0);
}

// Length of the token at 'sc->i' that is not a name, string, comment or line
// break: a number, an operator, a bracket or a stray byte.
static size_t other_token_len(const Scan *sc) {
    const char *p = sc->s + sc->i;
    size_t left = sc->len - sc->i, n = 1;
    if ((*p >= '0' && *p <= '9') || (*p == '.' && left > 1 && p[1] >= '0' && p[1] <= '9')) {
        while (n < left && (is_name_byte((unsigned char)p[n]) || p[n] == '.')) {
            n++;
        }
        return n;
    }
    static const char *const ops[] = {"**=", "//=", ">>=", "<<=", "...", "**", "//", ">>", "<<",
                                      "<=",  ">=",  "==",  "!=",  "->",  ":=", "+=", "-=", "*=",
                                      "/=",  "%=",  "&=",  "|=",  "^=",  "@=", "<>"};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t k = strlen(ops[i]);
        if (k <= left && memcmp(p, ops[i], k) == 0) {
            return k;
        }
    }
    return n;
}

// Reports the kept string error at the token 'start'..'end' of the current line.
static int report_pending(Scan *sc, size_t start, size_t end, KDiag *diag) {
    int col = (int)(start - sc->line_start), end_col = (int)(end - sc->line_start);
    return kdiag_error(diag, KDIAG_SYNTAX_ERROR, sc->lineno, col, sc->lineno, end_col, "%s",
                       sc->pending);
}

// The name at 'sc->i': a string prefix (then the string follows), or a name
// whose bytes must decode. Returns -1 with 'diag' set at a bad byte.
static int scan_name(Scan *sc, KDiag *diag) {
    size_t start = sc->i, end = sc->i;
    while (end < sc->len && is_name_byte((unsigned char)sc->s[end])) {
        end++;
    }
    int flags;
    if (end < sc->len && (sc->s[end] == '"' || sc->s[end] == '\'') &&
        (flags = string_prefix(sc->s + start, end - start)) >= 0) {
        sc->i = end;
        char quote = sc->s[sc->i];
        int triple = sc->i + 2 < sc->len && sc->s[sc->i + 1] == quote && sc->s[sc->i + 2] == quote;
        sc->i += triple ? 3 : 1;
        scan_string(sc, quote, triple, flags);
        return 0;
    }
    Utf8Error e;
    if (utf8_find_error(sc->s + start, end - start, &e) != end - start) {
        // CPython's tokenizer reports at its position, just after the name.
        char msg[200];
        unicode_message(msg, sizeof msg, sc->s + start, &e);
        int col = (int)(end - sc->line_start) - 1;
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, sc->lineno, col, sc->lineno, -1, "%s", msg);
    }
    if (sc->has_pending) {
        return report_pending(sc, start, end, diag);
    }
    sc->i = end;
    return 0;
}

// Copies the comment at 'sc->i' to 'out' + '*o' with each invalid UTF-8
// sequence replaced by U+FFFD (CPython never decodes comments).
static void copy_comment(Scan *sc, char *out, size_t *o) {
    sc->comment = sc->i;
    while (sc->i < sc->len && sc->s[sc->i] != '\n' && sc->s[sc->i] != '\r') {
        Utf8Error e;
        size_t n = utf8_sequence((const unsigned char *)sc->s + sc->i, sc->len - sc->i, &e);
        if (n == 0) {
            memcpy(out + *o, "\xEF\xBF\xBD", 3);
            *o += 3;
            sc->i += e.end;
        } else {
            memcpy(out + *o, sc->s + sc->i, n);
            *o += n;
            sc->i += n;
        }
    }
}

// One step of the light lexer at 'sc->i' that is not a comment. Returns -1
// with 'diag' set when CPython would report a decoding error there.
static int scan_step(Scan *sc, KDiag *diag) {
    const char *s = sc->s;
    char c = s[sc->i];
    if (c == ' ' || c == '\t' || c == '\f') {
        sc->i++;
    } else if (c == '\\' && sc->i + 1 < sc->len && (s[sc->i + 1] == '\n' || s[sc->i + 1] == '\r')) {
        sc->i++;
        scan_newline(sc);
    } else if (c == '\n' || c == '\r') {
        if (sc->level == 0 && sc->has_pending) {
            // The NEWLINE token starts at the comment, if any.
            size_t start = sc->comment != SIZE_MAX ? sc->comment : sc->i;
            return report_pending(sc, start, sc->i, diag);
        }
        scan_newline(sc);
    } else if (c == '"' || c == '\'') {
        char quote = c;
        int triple = sc->i + 2 < sc->len && s[sc->i + 1] == quote && s[sc->i + 2] == quote;
        sc->i += triple ? 3 : 1;
        scan_string(sc, quote, triple, 0);
    } else if (is_name_byte((unsigned char)c) && !(c >= '0' && c <= '9')) {
        return scan_name(sc, diag);
    } else {
        size_t n = other_token_len(sc);
        if (sc->has_pending) {
            return report_pending(sc, sc->i, sc->i + n, diag);
        }
        sc->level += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
        sc->i += n;
    }
    return 0;
}

// Copies 'in'/'len' (which has invalid UTF-8) to 'out' with comment bytes
// that are not UTF-8 replaced by U+FFFD; returns the output length, or -1
// with 'diag' set where CPython reports the first bad byte outside comments.
static long repair_utf8(const char *in, size_t len, char *out, KDiag *diag) {
    Scan sc = {.s = in, .len = len, .lineno = 1, .comment = SIZE_MAX};
    size_t o = 0;
    while (sc.i < len) {
        if (in[sc.i] == '#') {
            copy_comment(&sc, out, &o);
            continue;
        }
        size_t from = sc.i;
        if (scan_step(&sc, diag) < 0) {
            return -1;
        }
        memcpy(out + o, in + from, sc.i - from);
        o += sc.i - from;
    }
    if (sc.has_pending) {
        // The NEWLINE CPython adds at the end of the text.
        size_t start = sc.comment != SIZE_MAX ? sc.comment : len;
        return report_pending(&sc, start, len, diag);
    }
    return (long)o;
}

// ---------------------------------------------------------------------------
// PEP 263

// CPython's get_normal_name: utf-8 and latin-1 spellings to one name each.
static void normal_name(char *name) {
    char buf[13];
    size_t i;
    for (i = 0; i < 12 && name[i]; i++) {
        char c = name[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[i] = '\0';
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
        strcpy(name, "utf-8");
    } else if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
               strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
               strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0) {
        strcpy(name, "iso-8859-1");
    }
}

static int is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// CPython's get_coding_spec on the line 's'/'size' (without its break): a
// comment-only line with "coding[:=]" and a name. Copies the normalised name
// to 'name' (capacity 'cap') and returns 1, or returns 0.
static int coding_spec(const char *s, size_t size, char *name, size_t cap) {
    size_t i = 0;
    for (; i + 6 < size; i++) {
        if (s[i] == '#') {
            break;
        }
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f') {
            return 0;
        }
    }
    for (; i + 6 < size; i++) {
        if (memcmp(s + i, "coding", 6) != 0 || (s[i + 6] != ':' && s[i + 6] != '=')) {
            continue;
        }
        size_t t = i + 7;
        while (t < size && (s[t] == ' ' || s[t] == '\t')) {
            t++;
        }
        size_t begin = t;
        while (t < size && (is_alnum(s[t]) || s[t] == '-' || s[t] == '_' || s[t] == '.')) {
            t++;
        }
        if (t > begin) {
            size_t n = t - begin < cap - 1 ? t - begin : cap - 1;
            memcpy(name, s + begin, n);
            name[n] = '\0';
            normal_name(name);
            return 1;
        }
    }
    return 0;
}

// 1 when the line holds only whitespace and maybe a comment, so that line 2
// may still carry the declaration.
static int is_blank_or_comment(const char *s, size_t size) {
    for (size_t i = 0; i < size; i++) {
        if (s[i] == '#') {
            return 1;
        }
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f') {
            return 0;
        }
    }
    return 1;
}

static size_t line_end(const char *s, size_t len, size_t from) {
    while (from < len && s[from] != '\n' && s[from] != '\r') {
        from++;
    }
    return from;
}

// The declared encoding of the text, from line 1 or (after a blank or
// comment line 1) line 2. Returns 1 with 'name' set, or 0.
static int find_declaration(const char *s, size_t len, char *name, size_t cap) {
    size_t end1 = line_end(s, len, 0);
    if (end1 == len) {
        // CPython adds a final line break, so line 1 is always complete.
        return coding_spec(s, len, name, cap);
    }
    if (coding_spec(s, end1, name, cap)) {
        return 1;
    }
    if (!is_blank_or_comment(s, end1)) {
        return 0;
    }
    size_t start2 = end1 + ((s[end1] == '\r' && end1 + 1 < len && s[end1 + 1] == '\n') ? 2 : 1);
    size_t end2 = line_end(s, len, start2);
    // CPython passes line 2 with its line break; that finds nothing more.
    return coding_spec(s + start2, end2 - start2, name, cap);
}

// ---------------------------------------------------------------------------
// Other encodings, through iconv

// Python codec names glibc's iconv does not know by the same spelling.
static const char *iconv_alias(const char *norm) {
    static const char *const aliases[][2] = {
        {"latin_1", "ISO-8859-1"},
        {"l1", "ISO-8859-1"},
        {"iso_latin_1", "ISO-8859-1"},
        {"mac_roman", "MACINTOSH"},
        {"macroman", "MACINTOSH"},
        {"u8", "UTF-8"},
        {"utf", "UTF-8"},
        {"cp65001", "UTF-8"},
        {"646", "ASCII"},
        {"s_jis", "SHIFT_JIS"},
        {"mac_cyrillic", "MAC-CYRILLIC"},
        {"maccyrillic", "MAC-CYRILLIC"},
        {"utf_16le", "UTF-16LE"},
        {"utf_16be", "UTF-16BE"},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(norm, aliases[i][0]) == 0) {
            return aliases[i][1];
        }
    }
    return NULL;
}

// Opens a converter from the Python-named encoding 'name' to UTF-8, trying
// the spellings iconv may know it by. Returns (iconv_t)-1 when none works.
static iconv_t open_converter(const char *name) {
    char norm[64], dashed[64];
    size_t n = strlen(name) < sizeof norm - 1 ? strlen(name) : sizeof norm - 1;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        c = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        norm[i] = (c == '-' || c == ' ') ? '_' : c;
        dashed[i] = norm[i] == '_' ? '-' : norm[i];
    }
    norm[n] = dashed[n] = '\0';
    const char *alias = iconv_alias(norm);
    const char *tries[] = {alias, name, dashed, norm};
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        if (tries[i]) {
            iconv_t cd = iconv_open("UTF-8", tries[i]);
            if (cd != (iconv_t)-1) {
                return cd;
            }
        }
    }
    return (iconv_t)-1;
}

// 1 for Python's other names of its utf-8 codec.
static int is_utf8_alias(const char *name) {
    char squeezed[16];
    size_t n = 0;
    for (; *name && n < sizeof squeezed - 1; name++) {
        if (*name != '-' && *name != '_') {
            char c = *name;
            squeezed[n++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
    }
    squeezed[n] = '\0';
    return *name == '\0' && (strcmp(squeezed, "utf8") == 0 || strcmp(squeezed, "u8") == 0 ||
                             strcmp(squeezed, "utf") == 0 || strcmp(squeezed, "cp65001") == 0);
}

static int is_multibyte_codec(const char *name) {
    static const char *const prefixes[] = {"shift",    "sjis", "s_jis", "euc",  "gb",
                                           "big5",     "cp93", "cp94",  "cp95", "iso2022",
                                           "iso-2022", "hz",   "johab", "utf"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        if (strncasecmp(name, prefixes[i], strlen(prefixes[i])) == 0) {
            return 1;
        }
    }
    return 0;
}

// Converts 'in'/'len' from 'name' to UTF-8 into an arena buffer. Returns 0,
// or -1 with 'diag' set (no location, as CPython's decoding errors have none).
static int convert(KArena *a, const char *name, const char *in, size_t len, char **out,
                   size_t *out_len, KDiag *diag) {
    if (is_utf8_alias(name)) {
        // Python's utf-8 codec under another name ("utf8", "u8"): strict,
        // comments included, and reported without a location.
        Utf8Error e;
        if (utf8_find_error(in, len, &e) != len) {
            if (e.end - e.start == 1) {
                return kdiag_error(diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1,
                                   "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                                   (unsigned char)in[e.start], e.start, e.reason);
            }
            return kdiag_error(diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1,
                               "'utf-8' codec can't decode bytes in position %zu-%zu: %s", e.start,
                               e.end - 1, e.reason);
        }
        *out = karena_alloc(a, len + 1);
        if (!*out) {
            return kdiag_nomem(diag);
        }
        memcpy(*out, in, len);
        (*out)[len] = '\0';
        *out_len = len;
        return 0;
    }
    iconv_t cd = open_converter(name);
    if (cd == (iconv_t)-1) {
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1, "unknown encoding: %s", name);
    }
    size_t cap = len * 4 + 16;
    char *buf = karena_alloc(a, cap + 1);
    if (!buf) {
        iconv_close(cd);
        return kdiag_nomem(diag);
    }
    char *src = (char *)in, *dst = buf;
    size_t src_left = len, dst_left = cap;
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    int err = r == (size_t)-1 ? errno : 0;
    iconv_close(cd);
    if (err) {
        size_t pos = (size_t)(src - in);
        unsigned byte = (unsigned char)*src;
        if (strcmp(name, "ascii") == 0 || strcasecmp(name, "us-ascii") == 0) {
            return kdiag_error(diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1,
                               "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal "
                               "not in range(128)",
                               byte, pos);
        }
        if (is_multibyte_codec(name)) {
            // Python names the codec in lower case with underscores.
            char codec[64];
            size_t n = strlen(name) < sizeof codec - 1 ? strlen(name) : sizeof codec - 1;
            for (size_t i = 0; i < n; i++) {
                char c = name[i];
                codec[i] = c == '-' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            }
            codec[n] = '\0';
            return kdiag_error(
                diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1,
                "'%s' codec can't decode byte 0x%02x in position %zu: %s", codec, byte, pos,
                err == EINVAL ? "incomplete multibyte sequence" : "illegal multibyte sequence");
        }
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1,
                           "'charmap' codec can't decode byte 0x%02x in position %zu: character "
                           "maps to <undefined>",
                           byte, pos);
    }
    *dst = '\0';
    *out = buf;
    *out_len = (size_t)(dst - buf);
    return 0;
}

// ---------------------------------------------------------------------------

// The common text in one pass: copies 'in' ('len' bytes) and a NUL to
// 'out' when it has no '\r' and is valid UTF-8, and returns 0; returns -1
// (with 'out' partly written) otherwise, for the general path. Sixteen
// bytes at a time over ASCII (SSE2), each non-ASCII sequence checked alone.
static int copy_clean(const char *in, size_t len, char *out) {
    const unsigned char *u = (const unsigned char *)in;
    size_t i = 0;
    for (;;) {
#if defined(__SSE2__)
        while (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(in + i));
            _mm_storeu_si128((__m128i *)(void *)(out + i), v);
            unsigned m = (unsigned)_mm_movemask_epi8(v) |
                         (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
            if (m) {
                i += (size_t)__builtin_ctz(m);
                break;
            }
            i += 16;
        }
#endif
        while (i < len && u[i] < 0x80 && u[i] != '\r') {
            out[i] = in[i];
            i++;
        }
        if (i == len) {
            out[len] = '\0';
            return 0;
        }
        if (u[i] == '\r') {
            return -1;
        }
        Utf8Error e;
        size_t n = utf8_sequence(u + i, len - i, &e);
        if (!n) {
            return -1;
        }
        memcpy(out + i, in + i, n);
        i += n;
    }
}

// Copies 'in'/'len' to 'out' with "\r\n" and "\r" turned into "\n", and a NUL
// after it; returns the new length. As CPython's translate_newlines, a final
// "\r\n" gives "\n\n" (an empty last line CPython reports errors on).
static size_t translate_newlines(const char *in, size_t len, char *out) {
    int crlf_end = len >= 2 && in[len - 2] == '\r' && in[len - 1] == '\n';
    const char *cr = memchr(in, '\r', len);
    if (!cr) {
        memmove(out, in, len);
        out[len] = '\0';
        return len;
    }
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] == '\r') {
            out[o++] = '\n';
            if (i + 1 < len && in[i + 1] == '\n') {
                i++;
            }
        } else {
            out[o++] = in[i];
        }
    }
    if (crlf_end) {
        out[o++] = '\n';
    }
    out[o] = '\0';
    return o;
}

int ktok_has_declaration(const char *bytes, size_t len) {
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    char name[64];
    return find_declaration(bytes, len, name, sizeof name) != 0;
}

int ktok_decode_source(KArena *a, const char *bytes, size_t len, const char **out, size_t *out_len,
                       KDiag *diag) {
    int bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        bytes += 3;
        len -= 3;
    }
    char name[64];
    int declared = find_declaration(bytes, len, name, sizeof name);
    if (declared && bom && strcmp(name, "utf-8") != 0) {
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, 0, -1, 0, -1, "encoding problem: %s with BOM",
                           name);
    }
    // Line breaks first, as CPython does: error positions count "\r\n" as one.
    char *text = karena_alloc(a, len + 1);
    if (!text) {
        return kdiag_nomem(diag);
    }
    int utf8 = !declared || strcmp(name, "utf-8") == 0;
    if (utf8 && copy_clean(bytes, len, text) == 0) {
        *out = text;
        *out_len = len;
        return 0;
    }
    size_t text_len = translate_newlines(bytes, len, text);
    if (!utf8) {
        if (convert(a, name, text, text_len, &text, &text_len, diag) < 0) {
            return -1;
        }
    } else {
        Utf8Error e;
        if (utf8_find_error(text, text_len, &e) != text_len) {
            char *fixed = text_len < SIZE_MAX / 4 ? karena_alloc(a, text_len * 3 + 1) : NULL;
            if (!fixed) {
                return kdiag_nomem(diag);
            }
            long n = repair_utf8(text, text_len, fixed, diag);
            if (n < 0) {
                return -1;
            }
            text = fixed;
            text_len = (size_t)n;
            text[text_len] = '\0';
        }
    }
    *out = text;
    *out_len = text_len;
    return 0;
}
