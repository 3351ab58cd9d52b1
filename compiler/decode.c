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
#include <string.h>
#include <strings.h>

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
        // ASCII runs dominate source text: test 8 bytes at a time.
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

// Records CPython's "(unicode error)" message for 'e' (relative to the
// decoded piece) at 'lineno'/'col'.
static int unicode_error(KDiag *diag, const char *piece, const Utf8Error *e, int lineno, int col,
                         int end_col) {
    if (e->end - e->start == 1) {
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, lineno, col, lineno, end_col,
                           "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position "
                           "%zu: %s",
                           (unsigned char)piece[e->start], e->start, e->reason);
    }
    return kdiag_error(diag, KDIAG_SYNTAX_ERROR, lineno, col, lineno, end_col,
                       "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                       e->start, e->end - 1, e->reason);
}

// ---------------------------------------------------------------------------
// Text with invalid UTF-8: where CPython would trip over it

typedef struct Scan {
    const char *s;
    size_t len;
    size_t i;
    int lineno;
    size_t line_start;
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

// A string literal whose body starts at 'sc->i' (after the opening quotes).
// Moves past it; returns -1 with 'diag' set when its body is not UTF-8, with
// the message CPython's literal decoding gives, placed just after the literal.
static int scan_string(Scan *sc, char quote, int triple, int raw, int is_bytes, KDiag *diag) {
    size_t body = sc->i;
    int has_backslash;
    size_t body_end = skip_string_body(sc, quote, triple, &has_backslash);
    Utf8Error e;
    const char *piece = sc->s + body;
    size_t piece_len = body_end - body;
    size_t bad = utf8_find_error(piece, piece_len, &e);
    if (bad == piece_len) {
        return 0;
    }
    int col = (int)(sc->i - sc->line_start);
    if (is_bytes) {
        return kdiag_error(diag, KDIAG_SYNTAX_ERROR, sc->lineno, col, sc->lineno, col,
                           "bytes can only contain ASCII literal characters");
    }
    if (!raw && has_backslash) {
        // CPython decodes each run of non-ASCII bytes on its own.
        size_t run = bad, run_end = bad;
        while (run > 0 && ((unsigned char)piece[run - 1] & 0x80)) {
            run--;
        }
        while (run_end < piece_len && ((unsigned char)piece[run_end] & 0x80)) {
            run_end++;
        }
        utf8_find_error(piece + run, run_end - run, &e);
        piece += run;
    }
    return unicode_error(diag, piece, &e, sc->lineno, col, col);
}

// The bad byte at 'bad' lies in a name (any byte >= 0x80 outside strings and
// comments starts or continues one for CPython's tokenizer).
static int name_error(Scan *sc, size_t bad, KDiag *diag) {
    size_t start = bad, end = bad;
    while (start > sc->line_start && is_name_byte((unsigned char)sc->s[start - 1])) {
        start--;
    }
    while (end < sc->len && is_name_byte((unsigned char)sc->s[end])) {
        end++;
    }
    Utf8Error e;
    utf8_find_error(sc->s + start, end - start, &e);
    return unicode_error(diag, sc->s + start, &e, sc->lineno, (int)(end - sc->line_start) - 1, -1);
}

// If the name at 'sc->i' is a string prefix followed by a quote, returns its
// length and sets the flags; else 0.
static size_t string_prefix(const Scan *sc, int *raw, int *is_bytes) {
    size_t n = 0;
    *raw = *is_bytes = 0;
    while (n < 3 && sc->i + n < sc->len) {
        char c = (char)(sc->s[sc->i + n] | 0x20);
        if (c == 'r') {
            *raw = 1;
        } else if (c == 'b') {
            *is_bytes = 1;
        } else if (c != 'u' && c != 'f') {
            break;
        }
        n++;
    }
    if (n == 0 || sc->i + n >= sc->len || (sc->s[sc->i + n] != '"' && sc->s[sc->i + n] != '\'')) {
        return 0;
    }
    return n;
}

// Copies the comment at 'sc->i' to 'out' + '*o' with each invalid UTF-8
// sequence replaced by U+FFFD (CPython never decodes comments).
static void copy_comment(Scan *sc, char *out, size_t *o) {
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

// Copies 'in'/'len' (which has invalid UTF-8) to 'out' with comment bytes
// that are not UTF-8 replaced by U+FFFD; returns the output length, or -1
// with 'diag' set at the first bad byte outside comments.
static long repair_utf8(const char *in, size_t len, char *out, KDiag *diag) {
    Scan sc = {in, len, 0, 1, 0};
    size_t o = 0;
    while (sc.i < len) {
        size_t from = sc.i;
        char c = in[sc.i];
        if (c == '#') {
            copy_comment(&sc, out, &o);
            continue;
        }
        int raw, is_bytes;
        size_t prefix = is_name_byte((unsigned char)c) ? string_prefix(&sc, &raw, &is_bytes) : 0;
        if (prefix || c == '"' || c == '\'') {
            if (!prefix) {
                raw = is_bytes = 0;
            }
            sc.i += prefix;
            char quote = in[sc.i];
            int triple = sc.i + 2 < len && in[sc.i + 1] == quote && in[sc.i + 2] == quote;
            sc.i += triple ? 3 : 1;
            if (scan_string(&sc, quote, triple, raw, is_bytes, diag) < 0) {
                return -1;
            }
        } else if (c == '\n' || c == '\r') {
            scan_newline(&sc);
        } else if ((unsigned char)c >= 0x80) {
            Utf8Error e;
            if (utf8_sequence((const unsigned char *)in + sc.i, len - sc.i, &e) == 0) {
                return name_error(&sc, sc.i, diag);
            }
            sc.i++;
            while (sc.i < len && ((unsigned char)in[sc.i] & 0xC0) == 0x80) {
                sc.i++;
            }
        } else {
            sc.i++;
        }
        memcpy(out + o, in + from, sc.i - from);
        o += sc.i - from;
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
    *out = buf;
    *out_len = (size_t)(dst - buf);
    return 0;
}

// ---------------------------------------------------------------------------

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
    char *text = NULL;
    size_t text_len = 0;
    if (declared && strcmp(name, "utf-8") != 0) {
        if (convert(a, name, bytes, len, &text, &text_len, diag) < 0) {
            return -1;
        }
    } else {
        Utf8Error e;
        if (utf8_find_error(bytes, len, &e) == len) {
            text = karena_alloc(a, len + 1);
            if (!text) {
                return kdiag_nomem(diag);
            }
            memcpy(text, bytes, len);
            text_len = len;
        } else {
            text = len < SIZE_MAX / 4 ? karena_alloc(a, len * 3 + 1) : NULL;
            if (!text) {
                return kdiag_nomem(diag);
            }
            long n = repair_utf8(bytes, len, text, diag);
            if (n < 0) {
                return -1;
            }
            text_len = (size_t)n;
        }
    }
    *out_len = translate_newlines(text, text_len, text);
    *out = text;
    return 0;
}
