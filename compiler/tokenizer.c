// compiler/tokenizer.c: Python 3.11's lexical analysis as CPython's C tokenizer
// (Parser/tokenizer.c) and pegen see it: no COMMENT/NL tokens, f-strings are
// single STRING tokens, and every position and error message is the one
// python3.11's compile() reports. The whole text is cut in one pass into an
// arena array of tokens; the parser then reads it with unlimited lookahead.
//
// Errors. CPython has two kinds of lexical errors, and the parser must tell
// them apart, so KDiag.from_tokenizer says which one it is:
// - LEXICAL_ERROR (1): the tokenizer raised the SyntaxError itself (bad
//   numbers, strings, characters, brackets, NUL bytes). It outranks a parser
//   error found earlier in the file, as CPython's
//   _PyPegen_tokenize_full_source_to_check_for_errors makes it.
// - STREAM_ERROR (2): pegen raises it only when the parser fetches the bad
//   token (TabError, "unindent does not match any outer indentation level",
//   "too many levels of indentation", "unexpected character after line
//   continuation character"); an earlier parser error wins over it.
// Both stop the array with an ERRORTOKEN at the error. Two ends of the text
// give an ERRORTOKEN with no error, because pegen words them itself: EOF
// inside brackets (unclosed_count > 0: "'(' was never closed") and EOF right
// after a backslash ("unexpected EOF while parsing" at the token's col, with
// end_col -1). A stray character ('$', '?', '!', '`') is a one-byte
// ERRORTOKEN in the middle of the array, where CPython has an OP token that
// no rule accepts ("invalid syntax"); tokenizing goes on after it.
//
// Positions. Tokens with text have CPython's positions. NEWLINE goes, as in
// CPython, from the comment before the line break (or the line break) to the
// line break. CPython gives INDENT, DEDENT and ENDMARKER none; its errors at
// them use where its tokenizer stands, which is what we store: INDENT spans
// (line, 0)-(line, width) ("unexpected indent" has offset 'width'); DEDENT is
// empty at the first token of its line; ENDMARKER and DEDENTs at EOF are
// empty at the end of the last line ("expected an indented block" at EOF).
// A text ending in "\r\n" has one more, empty, line, as CPython's
// translate_newlines makes it.
#include "tokenizer.h"

#include "unicode.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum { MAX_INDENT = 100, MAX_LEVEL = 200, TAB_SIZE = 8 };
enum { LEXICAL_ERROR = 1, STREAM_ERROR = 2 };

// ---------------------------------------------------------------------------
// Character classes

enum {
    C_OTHER, // stray or non-printable ASCII: '$', '?', '`', control characters
    C_NAME,  // a-z A-Z _ and every byte >= 0x80 (CPython's identifier candidates)
    C_DIGIT,
    C_QUOTE,
    C_SPACE,   // ' ', '\t', '\f'
    C_NEWLINE, // '\n', '\r'
    C_HASH,
    C_DOT,
    C_BACKSLASH,
    C_OPEN,
    C_CLOSE,
    C_OP,
    C_END, // the NUL after the text
};

#define IS_NAME_START(c)                                                                           \
    ((c) >= 0x80 || ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || (c) == '_')
#define IS_OP_CHAR(c)                                                                              \
    ((c) == '+' || (c) == '-' || (c) == '*' || (c) == '/' || (c) == '%' || (c) == '&' ||           \
     (c) == '|' || (c) == '^' || (c) == '~' || (c) == '<' || (c) == '>' || (c) == '=' ||           \
     (c) == '!' || (c) == ':' || (c) == ',' || (c) == ';' || (c) == '@')
#define CLASS_OF(c)                                                                                \
    (IS_NAME_START(c)                           ? C_NAME                                           \
     : (c) >= '0' && (c) <= '9'                 ? C_DIGIT                                          \
     : (c) == '"' || (c) == '\''                ? C_QUOTE                                          \
     : (c) == ' ' || (c) == '\t' || (c) == '\f' ? C_SPACE                                          \
     : (c) == '\n' || (c) == '\r'               ? C_NEWLINE                                        \
     : (c) == '#'                               ? C_HASH                                           \
     : (c) == '.'                               ? C_DOT                                            \
     : (c) == '\\'                              ? C_BACKSLASH                                      \
     : (c) == '(' || (c) == '[' || (c) == '{'   ? C_OPEN                                           \
     : (c) == ')' || (c) == ']' || (c) == '}'   ? C_CLOSE                                          \
     : IS_OP_CHAR(c)                            ? C_OP                                             \
     : (c) == 0                                 ? C_END                                            \
                                                : C_OTHER)
// Flags of the second table: what loops over names, strings and comments test.
enum {
    F_NAME = 1,
    F_STRING_STOP = 2,
    F_LINE_END = 4,
    F_DIGIT = 8,
    F_HEX = 16,
    F_PREFIX = 32,
    F_ASCII_NAME = 64,
};
#define FLAGS_OF(c)                                                                                \
    ((IS_NAME_START(c) || ((c) >= '0' && (c) <= '9') ? F_NAME : 0) |                               \
     ((c) == '"' || (c) == '\'' || (c) == '\\' || (c) == '\n' || (c) == '\r' || (c) == 0           \
          ? F_STRING_STOP                                                                          \
          : 0) |                                                                                   \
     ((c) == '\n' || (c) == '\r' || (c) == 0 ? F_LINE_END : 0) |                                   \
     ((c) >= '0' && (c) <= '9' ? F_DIGIT : 0) |                                                    \
     (((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F')       \
          ? F_HEX                                                                                  \
          : 0) |                                                                                   \
     ((c) == 'b' || (c) == 'B' || (c) == 'r' || (c) == 'R' || (c) == 'u' || (c) == 'U' ||          \
              (c) == 'f' || (c) == 'F'                                                             \
          ? F_PREFIX                                                                               \
          : 0) |                                                                                   \
     ((c) < 0x80 && (IS_NAME_START(c) || ((c) >= '0' && (c) <= '9')) ? F_ASCII_NAME : 0))

#define ROW8(f, i) f(i), f(i + 1), f(i + 2), f(i + 3), f(i + 4), f(i + 5), f(i + 6), f(i + 7)
#define ROW64(f, i)                                                                                \
    ROW8(f, i), ROW8(f, i + 8), ROW8(f, i + 16), ROW8(f, i + 24), ROW8(f, i + 32),                 \
        ROW8(f, i + 40), ROW8(f, i + 48), ROW8(f, i + 56)
#define TABLE(f)                                                                                   \
    { ROW64(f, 0), ROW64(f, 64), ROW64(f, 128), ROW64(f, 192) }

static const unsigned char char_class[256] = TABLE(CLASS_OF);
static const unsigned char char_flags[256] = TABLE(FLAGS_OF);

#define CH(p) ((unsigned char)*(p))
#define HAS(c, f) (char_flags[(unsigned char)(c)] & (f))

// Sixteen (SSE2) or eight bytes at a time over names, comments and string
// bodies: the runs between token boundaries. Profiles of the standard library
// put most of the time in these loops, and the vector forms also spare the
// mispredicted exit of a byte loop on each short name. Reads stay within the
// text and its NUL.
#if defined(__SSE2__)
// Bit i set when byte i of 'v' is one of the three characters (the first two
// may repeat).
static inline unsigned match3(__m128i v, char a, char b, char c) {
    __m128i m =
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(a)), _mm_cmpeq_epi8(v, _mm_set1_epi8(b)));
    m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    return (unsigned)_mm_movemask_epi8(m);
}

// First line break (or the end) at or after 'p'.
static inline const char *skip_to_line_end(const char *p, const char *end) {
    while (p + 16 <= end) {
        unsigned m = match3(_mm_loadu_si128((const __m128i *)(const void *)p), '\n', '\n', '\r');
        if (m) {
            return p + __builtin_ctz(m);
        }
        p += 16;
    }
    while (!HAS(*p, F_LINE_END)) {
        p++;
    }
    return p;
}

// First quote, backslash or line break (or the end) at or after 'p'.
static inline const char *skip_string_run(const char *p, const char *end) {
    while (p + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned m = match3(v, '"', '\'', '\\') | match3(v, '\n', '\n', '\r');
        if (m) {
            return p + __builtin_ctz(m);
        }
        p += 16;
    }
    while (!HAS(*p, F_STRING_STOP)) {
        p++;
    }
    return p;
}

// First byte at or after 'p' that is not a space (indentation).
static inline const char *skip_spaces(const char *p, const char *end) {
    while (p + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) & 0xFFFF;
        if (stop) {
            return p + __builtin_ctz(stop);
        }
        p += 16;
    }
    while (*p == ' ') {
        p++;
    }
    return p;
}

// First byte at or after 'p' that is not an ASCII letter, digit or '_'.
static inline const char *skip_ascii_name(const char *p, const char *end) {
    const __m128i lower_a = _mm_set1_epi8((char)(0x80 - 'a')),
                  zero = _mm_set1_epi8((char)(0x80 - '0'));
    while (p + 16 <= end) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        // Shifted so that the range starts at -128: a signed compare tests it.
        __m128i alpha = _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), lower_a);
        __m128i digit = _mm_add_epi8(v, zero);
        __m128i in = _mm_or_si128(_mm_cmplt_epi8(alpha, _mm_set1_epi8(-128 + 26)),
                                  _mm_cmplt_epi8(digit, _mm_set1_epi8(-128 + 10)));
        in = _mm_or_si128(in, _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
        unsigned stop = ~(unsigned)_mm_movemask_epi8(in) & 0xFFFF;
        if (stop) {
            return p + __builtin_ctz(stop);
        }
        p += 16;
    }
    while (HAS(*p, F_ASCII_NAME)) {
        p++;
    }
    return p;
}
#else
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static inline uint64_t load8(const char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

// Nonzero when a byte of 'w' is 'c'.
static inline uint64_t has_byte(uint64_t w, unsigned char c) {
    uint64_t x = w ^ (ONES * c);
    return (x - ONES) & ~x & HIGHS;
}

static inline const char *skip_to_line_end(const char *p, const char *end) {
    while (p + 8 <= end) {
        uint64_t w = load8(p);
        if (has_byte(w, '\n') | has_byte(w, '\r')) {
            break;
        }
        p += 8;
    }
    while (!HAS(*p, F_LINE_END)) {
        p++;
    }
    return p;
}

static inline const char *skip_string_run(const char *p, const char *end) {
    while (p + 8 <= end) {
        uint64_t w = load8(p);
        if (has_byte(w, '"') | has_byte(w, '\'') | has_byte(w, '\\') | has_byte(w, '\n') |
            has_byte(w, '\r')) {
            break;
        }
        p += 8;
    }
    while (!HAS(*p, F_STRING_STOP)) {
        p++;
    }
    return p;
}

static inline const char *skip_spaces(const char *p, const char *end) {
    (void)end;
    while (*p == ' ') {
        p++;
    }
    return p;
}

static inline const char *skip_ascii_name(const char *p, const char *end) {
    (void)end;
    while (HAS(*p, F_ASCII_NAME)) {
        p++;
    }
    return p;
}
#endif

// ---------------------------------------------------------------------------
// Lexer state and token output

typedef struct Lexer {
    KArena *arena;
    KTokens *out; // its unclosed_* arrays are the live bracket stack
    const char *src;
    const char *end; // src + len; *end == '\0'
    int crlf_end;    // the text ends with "\r\n": CPython sees one more, empty line
    const char *line_start;
    int lineno;
    int level;  // open brackets
    int indent; // top of indstack
    int indstack[MAX_INDENT];
    int altstack[MAX_INDENT]; // indentation with tabs counted as one column
    KToken *toks;
    KToken *next;  // the next token's slot
    KToken *limit; // the end of the array
    // For KTokens.depth_bound: the first token of the current logical line,
    // the bytes of its f-strings, the largest weight of a logical line (its
    // tokens plus its f-strings' bytes) and the deepest indentation.
    int line_first;
    int fstring_bytes;
    int max_weight;
    int max_indent;
} Lexer;

static int grow_tokens(Lexer *lx) {
    int count = (int)(lx->next - lx->toks), cap = (int)(lx->limit - lx->toks);
    cap = cap <= INT_MAX / 2 ? cap * 2 : 0;
    KToken *toks = cap ? karena_alloc(lx->arena, (size_t)cap * sizeof(KToken)) : NULL;
    if (!toks) {
        return kdiag_nomem(&lx->out->error);
    }
    memcpy(toks, lx->toks, (size_t)count * sizeof(KToken));
    lx->toks = toks;
    lx->next = toks + count;
    lx->limit = toks + cap;
    return 0;
}

// Appends a token of 'kind' spanning ('lineno', 'col')-('end_lineno',
// 'end_col') with text 'text'/'len'. Returns 0, or -1 when out of memory.
static inline int push_token(Lexer *lx, int kind, const char *text, size_t len, int lineno, int col,
                             int end_lineno, int end_col) {
    if (lx->next == lx->limit && grow_tokens(lx) < 0) {
        return -1;
    }
    KToken *t = lx->next++;
    t->kind = (uint8_t)kind;
    t->text = text;
    t->len = (uint32_t)len;
    t->lineno = lineno;
    t->col = col;
    t->end_lineno = end_lineno;
    t->end_col = end_col;
    return 0;
}

// A logical line ends with the token just pushed: its weight for depth_bound.
static inline void end_logical_line(Lexer *lx) {
    int count = (int)(lx->next - lx->toks);
    int weight = count - lx->line_first + lx->fstring_bytes;
    lx->max_weight = weight > lx->max_weight ? weight : lx->max_weight;
    lx->line_first = count;
    lx->fstring_bytes = 0;
}

// An upper bound on the depth of any tree the parser builds from these
// tokens, so that kast_check_depth need not walk it. Within a logical line
// every node but a few wrappers (Expr, arguments, withitem, a call's bare
// generator expression, MatchValue), each right under a node that does,
// consumes a token of its own, so a line adds at most two levels a token;
// an f-string's fields add at most that per byte of it. Lines nest only by
// indentation (a compound statement and an except handler or match case
// per level) and by elif chains, which the parser adds (one If each). The
// factors here double those counts.
static int tree_depth_bound(const Lexer *lx) {
    long long bound = 4LL * lx->max_weight + 4LL * (lx->max_indent + 1) + 16;
    return bound < INT_MAX / 2 ? (int)bound : INT_MAX / 2;
}

// Appends a token for the bytes 'start'..'stop' of the current line.
static inline int emit(Lexer *lx, int kind, const char *start, const char *stop) {
    int col = (int)(start - lx->line_start);
    return push_token(lx, kind, start, (size_t)(stop - start), lx->lineno, col, lx->lineno,
                      col + (int)(stop - start));
}

// ---------------------------------------------------------------------------
// Errors

// Records the first error ('from' is LEXICAL_ERROR or STREAM_ERROR) at
// 'lineno'/'col'..'end_col' and appends the ERRORTOKEN there. Returns -1.
static int fail(Lexer *lx, int from, KDiagKind kind, int lineno, int col, int end_col,
                const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static int fail(Lexer *lx, int from, KDiagKind kind, int lineno, int col, int end_col,
                const char *fmt, ...) {
    char msg[sizeof lx->out->error.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    KDiag *d = &lx->out->error;
    kdiag_error(d, kind, lineno, col, lineno, end_col, "%s", msg);
    d->from_tokenizer = from;
    int tcol = col < 0 ? 0 : col;
    if (push_token(lx, KTOK_ERRORTOKEN, lx->line_start, 0, lineno, tcol, lineno,
                   end_col < 0 ? tcol : end_col) < 0) {
        // No room for the ERRORTOKEN: the array is unusable, so say so.
        *d = (KDiag){0};
        kdiag_nomem(d);
    }
    return -1;
}

// Column of the character before 'cur' on the current line: CPython's
// syntaxerror() points its 1-based offset at the last character it read.
static int col_before(const Lexer *lx, const char *cur) {
    if (cur <= lx->line_start) {
        return -1;
    }
    const char *q = cur - 1;
    while (q > lx->line_start && (CH(q) & 0xC0) == 0x80) {
        q--;
    }
    return (int)(q - lx->line_start);
}

// A SyntaxError raised by CPython's tokenizer with its read position at 'cur'.
static int error_at(Lexer *lx, const char *cur, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int error_at(Lexer *lx, const char *cur, const char *fmt, ...) {
    char msg[sizeof lx->out->error.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int col = col_before(lx, cur);
    return fail(lx, LEXICAL_ERROR, KDIAG_SYNTAX_ERROR, lx->lineno, col, col, "%s", msg);
}

// Byte column of character number 'n' of the current line (clamped to the
// line's end). CPython reports a few errors with byte counts where it means
// character offsets; going through this keeps its numbers on non-ASCII lines.
static int col_of_char(const Lexer *lx, int n) {
    const char *q = lx->line_start;
    for (int i = 0; i < n && !HAS(*q, F_LINE_END); i++) {
        q++;
        while ((CH(q) & 0xC0) == 0x80) {
            q++;
        }
    }
    return (int)(q - lx->line_start);
}

// Length of the line starting at 'line_start', without its line break; 'p'
// is a position on it to scan on from.
static int line_len(const char *line_start, const char *p) {
    while (!HAS(*p, F_LINE_END)) {
        p++;
    }
    return (int)(p - line_start);
}

// Writes the UTF-8 form of 'cp' and a NUL to 'buf' (5 bytes); returns its length.
static int put_utf8(char *buf, uint32_t cp) {
    int n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf[n] = '\0';
    return n;
}

// ---------------------------------------------------------------------------
// Names

// Keyword kind of the ASCII name 's'/'n', or KTOK_NAME. Soft keywords stay names.
static int keyword_kind(const char *s, size_t n) {
#define KW(word, kind)                                                                             \
    do {                                                                                           \
        if (n == sizeof(word) - 1 && memcmp(s, word, sizeof(word) - 1) == 0) {                     \
            return kind;                                                                           \
        }                                                                                          \
    } while (0)
    if (n < 2 || n > 8) {
        return KTOK_NAME;
    }
    switch (s[0]) {
    case 'a':
        KW("and", KTOK_KW_AND);
        KW("as", KTOK_KW_AS);
        KW("assert", KTOK_KW_ASSERT);
        KW("async", KTOK_KW_ASYNC);
        KW("await", KTOK_KW_AWAIT);
        break;
    case 'b':
        KW("break", KTOK_KW_BREAK);
        break;
    case 'c':
        KW("class", KTOK_KW_CLASS);
        KW("continue", KTOK_KW_CONTINUE);
        break;
    case 'd':
        KW("def", KTOK_KW_DEF);
        KW("del", KTOK_KW_DEL);
        break;
    case 'e':
        KW("elif", KTOK_KW_ELIF);
        KW("else", KTOK_KW_ELSE);
        KW("except", KTOK_KW_EXCEPT);
        break;
    case 'f':
        KW("for", KTOK_KW_FOR);
        KW("from", KTOK_KW_FROM);
        KW("finally", KTOK_KW_FINALLY);
        break;
    case 'g':
        KW("global", KTOK_KW_GLOBAL);
        break;
    case 'i':
        KW("if", KTOK_KW_IF);
        KW("in", KTOK_KW_IN);
        KW("is", KTOK_KW_IS);
        KW("import", KTOK_KW_IMPORT);
        break;
    case 'l':
        KW("lambda", KTOK_KW_LAMBDA);
        break;
    case 'n':
        KW("not", KTOK_KW_NOT);
        KW("nonlocal", KTOK_KW_NONLOCAL);
        break;
    case 'o':
        KW("or", KTOK_KW_OR);
        break;
    case 'p':
        KW("pass", KTOK_KW_PASS);
        break;
    case 'r':
        KW("return", KTOK_KW_RETURN);
        KW("raise", KTOK_KW_RAISE);
        break;
    case 't':
        KW("try", KTOK_KW_TRY);
        break;
    case 'w':
        KW("while", KTOK_KW_WHILE);
        KW("with", KTOK_KW_WITH);
        break;
    case 'y':
        KW("yield", KTOK_KW_YIELD);
        break;
    case 'F':
        KW("False", KTOK_KW_FALSE);
        break;
    case 'N':
        KW("None", KTOK_KW_NONE);
        break;
    case 'T':
        KW("True", KTOK_KW_TRUE);
        break;
    default:
        break;
    }
    return KTOK_NAME;
#undef KW
}

// Length of the string prefix at 'p' when a legal combination of b, r, u, f
// (any case) is followed by a quote, else 0 ('ub' and 'ur' are names).
static int string_prefix_len(const char *p) {
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
    for (int i = 0;; i++) {
        int c = CH(p + i) | 0x20;
        if (p[i] == '"' || p[i] == '\'') {
            return i;
        }
        if (c == 'b' && !(saw_b || saw_u || saw_f)) {
            saw_b = 1;
        } else if (c == 'u' && !(saw_b || saw_u || saw_r || saw_f)) {
            saw_u = 1;
        } else if (c == 'r' && !(saw_r || saw_u)) {
            saw_r = 1;
        } else if (c == 'f' && !(saw_f || saw_b || saw_u)) {
            saw_f = 1;
        } else {
            return 0;
        }
    }
}

// Error for a name whose bytes are not UTF-8 (only when the caller skipped
// ktok_decode_source); worded as CPython's decoder words it.
static int name_decode_error(Lexer *lx, const char *start, const char *bad, const char *stop) {
    unsigned c = CH(bad);
    int lead = (c >= 0xC2 && c <= 0xF4);
    return fail(lx, LEXICAL_ERROR, KDIAG_SYNTAX_ERROR, lx->lineno, col_before(lx, stop), -1,
                "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s", c,
                (int)(bad - start), lead ? "invalid continuation byte" : "invalid start byte");
}

// Stores NFKC of the code points 'cps'/'n' as the UTF-8 text of 't'.
static int normalise_name(Lexer *lx, const uint32_t *cps, size_t n, KToken *t) {
    uint32_t small[64];
    uint32_t *norm = small;
    long m = kuni_nfkc(cps, n, small, 64);
    if (m > 64) {
        norm = karena_alloc(lx->arena, (size_t)m * sizeof(uint32_t));
        if (!norm) {
            return kdiag_nomem(&lx->out->error);
        }
        m = kuni_nfkc(cps, n, norm, (size_t)m);
    }
    if (m < 0) {
        return 0; // cannot happen for valid code points; keep the source spelling
    }
    char *text = karena_alloc(lx->arena, (size_t)m * 4 + 1);
    if (!text) {
        return kdiag_nomem(&lx->out->error);
    }
    size_t len = 0;
    for (long i = 0; i < m; i++) {
        len += (size_t)put_utf8(text + len, norm[i]);
    }
    t->text = text;
    t->len = (uint32_t)len;
    return 0;
}

// A name with bytes >= 0x80, 'start'..'stop': CPython's verify_identifier
// (XID_Start then XID_Continue, errors at the first bad character), then the
// NFKC form as the token's text. Never a keyword: CPython compares the bytes.
static int emit_unicode_name(Lexer *lx, const char *start, const char *stop) {
    uint32_t small[64];
    size_t max = (size_t)(stop - start);
    uint32_t *cps = max <= 64 ? small : karena_alloc(lx->arena, max * sizeof(uint32_t));
    if (!cps) {
        return kdiag_nomem(&lx->out->error);
    }
    size_t n = 0;
    for (const char *s = start; s < stop;) {
        uint32_t cp;
        int k = kutf8_decode(s, (size_t)(stop - s), &cp, 0);
        if (k < 0) {
            return name_decode_error(lx, start, s, stop);
        }
        int ok = n == 0 ? (cp == '_' || kuni_is_xid_start(cp)) : kuni_is_xid_continue(cp);
        if (!ok) {
            char ch[5];
            put_utf8(ch, cp);
            int col = (int)(s - lx->line_start);
            if (kuni_is_printable(cp)) {
                return fail(lx, LEXICAL_ERROR, KDIAG_SYNTAX_ERROR, lx->lineno, col, col,
                            "invalid character '%s' (U+%04X)", ch, (unsigned)cp);
            }
            return fail(lx, LEXICAL_ERROR, KDIAG_SYNTAX_ERROR, lx->lineno, col, col,
                        "invalid non-printable character U+%04X", (unsigned)cp);
        }
        cps[n++] = cp;
        s += k;
    }
    if (emit(lx, KTOK_NAME, start, stop) < 0) {
        return -1;
    }
    if (kuni_nfkc_quick(cps, n)) {
        return 0;
    }
    return normalise_name(lx, cps, n, lx->next - 1);
}

// ---------------------------------------------------------------------------
// Numbers. The scanners mirror CPython's reads: 'q' is its tok->cur, just
// past 'c', the last character read; reading the NUL at the end steps 'q'
// one past it, and every such read is backed up before 'q' is used again.

// 1 when 's' starts one of the keywords CPython 3.11 lets follow a number
// without a space ("1if x else y" is valid, with a DeprecationWarning).
static int is_keyword_after_number(const char *s) {
    switch (s[0]) {
    case 'a':
        return s[1] == 'n' && s[2] == 'd' && !HAS(s[3], F_NAME);
    case 'e':
        return s[1] == 'l' && s[2] == 's' && s[3] == 'e' && !HAS(s[4], F_NAME);
    case 'f':
        return s[1] == 'o' && s[2] == 'r' && !HAS(s[3], F_NAME);
    case 'i':
        return s[1] == 'f' || s[1] == 'n' || s[1] == 's';
    case 'n':
        return s[1] == 'o' && s[2] == 't' && !HAS(s[3], F_NAME);
    case 'o':
        return s[1] == 'r' && !HAS(s[2], F_NAME);
    default:
        return 0;
    }
}

// CPython's verify_end_of_number: 'c' (at q - 1) follows a number of 'kind'.
// Returns 0, or -1 after an error.
static int verify_end(Lexer *lx, const char *q, int c, const char *kind) {
    if (c != 0 && is_keyword_after_number(q - 1)) {
        return 0;
    }
    if (HAS(c, F_NAME)) {
        return error_at(lx, q - 1, "invalid %s literal", kind);
    }
    return 0;
}

// Digits with single underscores between them, from the digit at 'p'.
// Returns the end, or NULL after an error.
static const char *decimal_tail(Lexer *lx, const char *p) {
    for (;;) {
        while (HAS(*p, F_DIGIT)) {
            p++;
        }
        if (*p != '_') {
            return p;
        }
        p++;
        if (!HAS(*p, F_DIGIT)) {
            error_at(lx, p, "invalid decimal literal");
            return NULL;
        }
    }
}

static inline int in_radix(int c, int radix) {
    return radix == 16 ? HAS(c, F_HEX) != 0 : c >= '0' && c < '0' + radix;
}

// The digits of a 0x/0o/0b literal after its prefix ('q' just past it).
// 'radix' is 16, 8 or 2. Returns the end, or NULL after an error.
static const char *radix_digits(Lexer *lx, const char *q, int radix) {
    static const char *const names[17] = {[2] = "binary", [8] = "octal", [16] = "hexadecimal"};
    const char *kind = names[radix];
    int c = CH(q++);
    do {
        if (c == '_') {
            c = CH(q++);
        }
        if (!in_radix(c, radix)) {
            if (radix != 16 && HAS(c, F_DIGIT)) {
                error_at(lx, q, "invalid digit '%c' in %s literal", c, kind);
            } else {
                error_at(lx, q - 1, "invalid %s literal", kind);
            }
            return NULL;
        }
        do {
            c = CH(q++);
        } while (in_radix(c, radix));
    } while (c == '_');
    if (radix != 16 && HAS(c, F_DIGIT)) {
        error_at(lx, q, "invalid digit '%c' in %s literal", c, kind);
        return NULL;
    }
    if (verify_end(lx, q, c, kind) < 0) {
        return NULL;
    }
    return q - 1;
}

// After the integer part of a decimal number ('c' just read, 'q' past it; or
// 'in_fraction' set when 'c' is the first character after the point): the
// fraction, exponent and 'j'. Returns the end, or NULL after an error.
static const char *float_tail(Lexer *lx, const char *q, int c, int in_fraction) {
    if (!in_fraction && c == '.') {
        c = CH(q++);
        in_fraction = 1;
    }
    if (in_fraction && HAS(c, F_DIGIT)) {
        if (!(q = decimal_tail(lx, q - 1))) {
            return NULL;
        }
        c = CH(q++);
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = CH(q++);
        if (c == '+' || c == '-') {
            c = CH(q++);
            if (!HAS(c, F_DIGIT)) {
                error_at(lx, q - 1, "invalid decimal literal");
                return NULL;
            }
        } else if (!HAS(c, F_DIGIT)) {
            // "1else": the number is "1"; "1ex" is an error at the 'e'.
            q--;
            if (verify_end(lx, q, e, "decimal") < 0) {
                return NULL;
            }
            return q - 1;
        }
        if (!(q = decimal_tail(lx, q - 1))) {
            return NULL;
        }
        c = CH(q++);
    }
    if (c == 'j' || c == 'J') {
        c = CH(q++);
        if (verify_end(lx, q, c, "imaginary") < 0) {
            return NULL;
        }
    } else if (verify_end(lx, q, c, "decimal") < 0) {
        return NULL;
    }
    return q - 1;
}

// A number starting with '0': 0x/0o/0b, zeros ("00", "0_0"), or a float.
static const char *zero_number(Lexer *lx, const char *start) {
    const char *q = start + 1;
    int c = CH(q++);
    if (c == 'x' || c == 'X') {
        return radix_digits(lx, q, 16);
    }
    if (c == 'o' || c == 'O') {
        return radix_digits(lx, q, 8);
    }
    if (c == 'b' || c == 'B') {
        return radix_digits(lx, q, 2);
    }
    for (;;) {
        if (c == '_') {
            c = CH(q++);
            if (!HAS(c, F_DIGIT)) {
                error_at(lx, q - 1, "invalid decimal literal");
                return NULL;
            }
        }
        if (c != '0') {
            break;
        }
        c = CH(q++);
    }
    const char *zeros_end = q;
    int nonzero = HAS(c, F_DIGIT) != 0;
    if (nonzero) {
        if (!(q = decimal_tail(lx, q - 1))) {
            return NULL;
        }
        c = CH(q++);
    }
    if (nonzero && c != '.' && c != 'e' && c != 'E' && c != 'j' && c != 'J') {
        // CPython passes byte counts as this error's character offsets.
        int col = col_of_char(lx, (int)(start - lx->line_start));
        int end_col = col_of_char(lx, (int)(zeros_end - lx->line_start) - 1);
        fail(lx, LEXICAL_ERROR, KDIAG_SYNTAX_ERROR, lx->lineno, col, end_col,
             "leading zeros in decimal integer literals are not permitted; "
             "use an 0o prefix for octal integers");
        return NULL;
    }
    return float_tail(lx, q, c, 0);
}

// A NUMBER token from 'start' (a digit, or the '.' of ".5"). Returns its end,
// or NULL after an error.
static const char *scan_number(Lexer *lx, const char *start) {
    if (*start == '.') {
        return float_tail(lx, start + 2, CH(start + 1), 1);
    }
    if (*start == '0') {
        return zero_number(lx, start);
    }
    const char *q = decimal_tail(lx, start);
    if (!q) {
        return NULL;
    }
    return float_tail(lx, q + 1, CH(q), 0);
}

// ---------------------------------------------------------------------------
// Strings

// Steps over the line break at 'p' ("\n", "\r\n" or "\r") and starts a new line.
static inline const char *next_line(Lexer *lx, const char *p) {
    p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
    lx->lineno++;
    lx->line_start = p;
    return p;
}

// Line number CPython's tokenizer is on at the end of the text: it has not
// started a line after a final line break, except after a final "\r\n",
// which its translate_newlines turns into two.
static int eof_lineno(const Lexer *lx) {
    const char *e = lx->end;
    int after_break = e > lx->src && (e[-1] == '\n' || e[-1] == '\r');
    return after_break && !lx->crlf_end ? lx->lineno - 1 : lx->lineno;
}

// A STRING token: optional prefix at 'start', quote at 'quote'. Handles
// triple quotes, escapes and line breaks. Returns its end, or NULL after
// "unterminated string literal" reported at 'start' as CPython does.
static const char *scan_string(Lexer *lx, const char *start, const char *quote) {
    int first_lineno = lx->lineno;
    const char *first_line_start = lx->line_start;
    char q = *quote;
    const char *p = quote + 1;
    int triple = 0;
    if (p[0] == q) {
        if (p[1] != q) {
            return p + 1; // empty string
        }
        triple = 1;
        p += 2;
    }
    int closing = 0; // quotes in a row, for the end of a triple-quoted string
    for (;;) {
        const char *run = p;
        p = skip_string_run(p, lx->end);
        if (p != run) {
            closing = 0;
        }
        char c = *p;
        if (c == q) {
            p++;
            if (!triple || ++closing == 3) {
                return p;
            }
            continue;
        }
        closing = 0;
        if (c == '"' || c == '\'') {
            p++;
            continue;
        }
        if (c == '\\' && p + 1 != lx->end) {
            p++;
            if (*p == '\n' || *p == '\r') {
                p = next_line(lx, p);
            } else {
                p++; // any escaped byte; a UTF-8 tail is never a quote or a break
            }
            continue;
        }
        if (c != '\\' && p != lx->end && triple) {
            p = next_line(lx, p);
            continue;
        }
        // A line break in a single-quoted string, or the end of the text.
        int detected = p + (c == '\\') == lx->end ? eof_lineno(lx) : lx->lineno;
        lx->lineno = first_lineno;
        lx->line_start = first_line_start;
        int col = (int)(start - first_line_start);
        fail(lx, LEXICAL_ERROR, KDIAG_SYNTAX_ERROR, first_lineno, col, col,
             triple ? "unterminated triple-quoted string literal (detected at line %d)"
                    : "unterminated string literal (detected at line %d)",
             detected);
        return NULL;
    }
}

// Appends the STRING token 'start'..'stop' that began on 'lineno' at 'col'.
static int emit_string(Lexer *lx, const char *start, const char *stop, int lineno, int col) {
    return push_token(lx, KTOK_STRING, start, (size_t)(stop - start), lineno, col, lx->lineno,
                      (int)(stop - lx->line_start));
}

// ---------------------------------------------------------------------------
// Operators and brackets

// The operators by first character: alone, followed by '=', doubled, and
// doubled then '='. A lone '!' is CPython's OP token: an ERRORTOKEN here.
typedef struct OpRow {
    uint8_t one, eq, twice, twice_eq;
} OpRow;

static const OpRow op_rows[128] = {
    ['+'] = {KTOK_PLUS, KTOK_PLUSEQUAL, 0, 0},
    ['-'] = {KTOK_MINUS, KTOK_MINEQUAL, 0, 0},
    ['*'] = {KTOK_STAR, KTOK_STAREQUAL, KTOK_DOUBLESTAR, KTOK_DOUBLESTAREQUAL},
    ['/'] = {KTOK_SLASH, KTOK_SLASHEQUAL, KTOK_DOUBLESLASH, KTOK_DOUBLESLASHEQUAL},
    ['%'] = {KTOK_PERCENT, KTOK_PERCENTEQUAL, 0, 0},
    ['&'] = {KTOK_AMPER, KTOK_AMPEREQUAL, 0, 0},
    ['|'] = {KTOK_VBAR, KTOK_VBAREQUAL, 0, 0},
    ['^'] = {KTOK_CIRCUMFLEX, KTOK_CIRCUMFLEXEQUAL, 0, 0},
    ['@'] = {KTOK_AT, KTOK_ATEQUAL, 0, 0},
    ['<'] = {KTOK_LESS, KTOK_LESSEQUAL, KTOK_LEFTSHIFT, KTOK_LEFTSHIFTEQUAL},
    ['>'] = {KTOK_GREATER, KTOK_GREATEREQUAL, KTOK_RIGHTSHIFT, KTOK_RIGHTSHIFTEQUAL},
    ['='] = {KTOK_EQUAL, KTOK_EQEQUAL, 0, 0},
    ['!'] = {KTOK_ERRORTOKEN, KTOK_NOTEQUAL, 0, 0},
    [':'] = {KTOK_COLON, KTOK_COLONEQUAL, 0, 0},
    [','] = {KTOK_COMMA, 0, 0, 0},
    [';'] = {KTOK_SEMI, 0, 0, 0},
    ['~'] = {KTOK_TILDE, 0, 0, 0},
};

// Kind and length of the operator at 'p' (a C_OP character), longest match.
static inline int op_kind(const char *p, int *len) {
    const OpRow *r = &op_rows[CH(p)];
    if (p[1] == '=' && r->eq) {
        *len = 2;
        return r->eq;
    }
    if (p[1] == p[0] && r->twice) {
        *len = p[2] == '=' ? 3 : 2;
        return p[2] == '=' ? r->twice_eq : r->twice;
    }
    if (p[1] == '>' && (p[0] == '-' || p[0] == '<')) {
        *len = 2;
        // "<>" is NOTEQUAL to the tokenizer; the parser rejects its spelling.
        return p[0] == '-' ? KTOK_RARROW : KTOK_NOTEQUAL;
    }
    *len = 1;
    return r->one;
}

static int open_bracket(Lexer *lx, const char *p) {
    if (lx->level >= MAX_LEVEL) {
        return error_at(lx, p + 1, "too many nested parentheses");
    }
    KTokens *o = lx->out;
    o->unclosed_char[lx->level] = *p;
    o->unclosed_lineno[lx->level] = lx->lineno;
    o->unclosed_col[lx->level] = (int)(p - lx->line_start);
    lx->level++;
    int kind = *p == '(' ? KTOK_LPAR : *p == '[' ? KTOK_LSQB : KTOK_LBRACE;
    return emit(lx, kind, p, p + 1);
}

static int close_bracket(Lexer *lx, const char *p) {
    char c = *p;
    if (lx->level == 0) {
        return error_at(lx, p + 1, "unmatched '%c'", c);
    }
    lx->level--;
    char open = lx->out->unclosed_char[lx->level];
    if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
        int line = lx->out->unclosed_lineno[lx->level];
        if (line != lx->lineno) {
            return error_at(lx, p + 1,
                            "closing parenthesis '%c' does not match opening parenthesis '%c' "
                            "on line %d",
                            c, open, line);
        }
        return error_at(
            lx, p + 1, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    }
    int kind = c == ')' ? KTOK_RPAR : c == ']' ? KTOK_RSQB : KTOK_RBRACE;
    return emit(lx, kind, p, p + 1);
}

// ---------------------------------------------------------------------------
// Lines

// Steps over a backslash and the line break after it (CPython's
// tok_continuation_line). Returns the start of the next line; NULL after an
// error, or at EOF, which ends the array with an ERRORTOKEN and no error
// (pegen's "unexpected EOF while parsing", or "'(' was never closed").
static const char *continue_line(Lexer *lx, const char *backslash) {
    const char *p = backslash + 1;
    if (p != lx->end && *p != '\n' && *p != '\r') {
        fail(lx, STREAM_ERROR, KDIAG_SYNTAX_ERROR, lx->lineno, (int)(p - lx->line_start), -1,
             "unexpected character after line continuation character");
        return NULL;
    }
    int len = (int)(p - lx->line_start);
    if (p != lx->end) {
        p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
    }
    if (p == lx->end && !(lx->crlf_end && p != backslash + 1)) {
        push_token(lx, KTOK_ERRORTOKEN, p, 0, lx->lineno, len, lx->lineno, -1);
        return NULL;
    }
    lx->lineno++;
    lx->line_start = p;
    return p;
}

// Compares the indentation 'col'/'altcol' of a logical line at level 0 with
// the stack and emits its INDENT or DEDENTs ('p' is its first token).
static int indent_line(Lexer *lx, const char *p, int col, int altcol) {
    int top = lx->indent;
    if (col == lx->indstack[top]) {
        if (altcol != lx->altstack[top]) {
            goto tab_error;
        }
        return 0;
    }
    if (col > lx->indstack[top]) {
        if (top + 1 >= MAX_INDENT) {
            return fail(lx, STREAM_ERROR, KDIAG_INDENTATION_ERROR, lx->lineno, 0, -1,
                        "too many levels of indentation");
        }
        if (altcol <= lx->altstack[top]) {
            goto tab_error;
        }
        lx->indent = ++top;
        lx->max_indent = top > lx->max_indent ? top : lx->max_indent;
        lx->indstack[top] = col;
        lx->altstack[top] = altcol;
        return push_token(lx, KTOK_INDENT, lx->line_start, (size_t)(p - lx->line_start), lx->lineno,
                          0, lx->lineno, (int)(p - lx->line_start));
    }
    while (top > 0 && col < lx->indstack[top]) {
        top--;
    }
    if (col != lx->indstack[top]) {
        return fail(lx, STREAM_ERROR, KDIAG_INDENTATION_ERROR, lx->lineno,
                    line_len(lx->line_start, p), -1,
                    "unindent does not match any outer indentation level");
    }
    if (altcol != lx->altstack[top]) {
        goto tab_error;
    }
    for (; lx->indent > top; lx->indent--) {
        if (emit(lx, KTOK_DEDENT, p, p) < 0) {
            return -1;
        }
    }
    return 0;
tab_error:
    return fail(lx, STREAM_ERROR, KDIAG_TAB_ERROR, lx->lineno, 0, -1,
                "inconsistent use of tabs and spaces in indentation");
}

// At the start of a line: measures its indentation (tabs to multiples of 8,
// and to 1 for the consistency check; form feed resets; a backslash joins
// the next line and the first one fixes the column). A blank or comment-only
// line is skipped whole and gives 1. Otherwise emits INDENT/DEDENTs at level
// 0 and gives 0 with '*pp' at the first token. -1 after an error.
static int start_line(Lexer *lx, const char **pp) {
    const char *p = skip_spaces(*pp, lx->end);
    int col = (int)(p - *pp), altcol = col, cont_col = 0;
    for (;; p++) {
        if (*p == ' ') {
            col++;
            altcol++;
        } else if (*p == '\t') {
            col = (col / TAB_SIZE + 1) * TAB_SIZE;
            altcol++;
        } else if (*p == '\f') {
            col = altcol = 0;
        } else if (*p == '\\') {
            cont_col = cont_col ? cont_col : col;
            if (!(p = continue_line(lx, p))) {
                return -1;
            }
            p--;
        } else {
            break;
        }
    }
    if (*p == '#' || HAS(*p, F_LINE_END)) {
        p = skip_to_line_end(p, lx->end);
        *pp = p == lx->end ? p : next_line(lx, p);
        return 1;
    }
    *pp = p;
    if (lx->level > 0) {
        return 0;
    }
    if (cont_col) {
        col = altcol = cont_col;
    }
    return indent_line(lx, p, col, altcol);
}

// The end of the text: DEDENTs and ENDMARKER at the end of the last line, or
// an ERRORTOKEN when brackets are still open.
static int finish(Lexer *lx) {
    int lineno = eof_lineno(lx);
    const char *ls = lx->line_start;
    if (lineno != lx->lineno) {
        ls = lx->end - 1;
        if (*ls == '\n' && ls > lx->src && ls[-1] == '\r') {
            ls--;
        }
        while (ls > lx->src && ls[-1] != '\n' && ls[-1] != '\r') {
            ls--;
        }
    }
    int col = line_len(ls, ls);
    const char *at = ls + col;
    if (lx->level > 0) {
        return push_token(lx, KTOK_ERRORTOKEN, at, 0, lineno, col, lineno, col);
    }
    for (; lx->indent > 0; lx->indent--) {
        if (push_token(lx, KTOK_DEDENT, at, 0, lineno, col, lineno, col) < 0) {
            return -1;
        }
    }
    return push_token(lx, KTOK_ENDMARKER, at, 0, lineno, col, lineno, col);
}

// ---------------------------------------------------------------------------
// The main loop

// The tokens of one logical line from 'p' (after its indentation) through its
// NEWLINE; brackets and backslashes join physical lines. Returns the start of
// the next line, or NULL after an error (or at EOF inside brackets, with
// '*at_eof' set).
static const char *lex_line(Lexer *lx, const char *p, int *at_eof) {
    for (;;) {
        while (char_class[CH(p)] == C_SPACE) {
            p++;
        }
        const char *start = p;
        switch (char_class[CH(p)]) {
        case C_NAME: {
            if (HAS(*p, F_PREFIX)) {
                int n = string_prefix_len(p);
                if (n) {
                    int lineno = lx->lineno, col = (int)(p - lx->line_start);
                    if (!(p = scan_string(lx, start, p + n)) ||
                        emit_string(lx, start, p, lineno, col) < 0) {
                        return NULL;
                    }
                    if (memchr(start, 'f', (size_t)n) || memchr(start, 'F', (size_t)n)) {
                        lx->fstring_bytes += (int)(p - start);
                    }
                    break;
                }
            }
            p = skip_ascii_name(p, lx->end);
            if (CH(p) >= 0x80) {
                while (HAS(*p, F_NAME)) {
                    p++;
                }
                if (emit_unicode_name(lx, start, p) < 0) {
                    return NULL;
                }
            } else if (emit(lx, keyword_kind(start, (size_t)(p - start)), start, p) < 0) {
                return NULL;
            }
            break;
        }
        case C_OP: {
            int len;
            int kind = op_kind(p, &len);
            if (emit(lx, kind, p, p + len) < 0) {
                return NULL;
            }
            p += len;
            break;
        }
        case C_OPEN:
            if (open_bracket(lx, p++) < 0) {
                return NULL;
            }
            break;
        case C_CLOSE:
            if (close_bracket(lx, p++) < 0) {
                return NULL;
            }
            break;
        case C_DIGIT:
            if (!(p = scan_number(lx, start)) || emit(lx, KTOK_NUMBER, start, p) < 0) {
                return NULL;
            }
            break;
        case C_QUOTE: {
            int lineno = lx->lineno, col = (int)(p - lx->line_start);
            if (!(p = scan_string(lx, start, p)) || emit_string(lx, start, p, lineno, col) < 0) {
                return NULL;
            }
            break;
        }
        case C_DOT:
            if (HAS(p[1], F_DIGIT)) {
                if (!(p = scan_number(lx, start)) || emit(lx, KTOK_NUMBER, start, p) < 0) {
                    return NULL;
                }
            } else if (p[1] == '.' && p[2] == '.') {
                if (emit(lx, KTOK_ELLIPSIS, p, p + 3) < 0) {
                    return NULL;
                }
                p += 3;
            } else {
                if (emit(lx, KTOK_DOT, p, p + 1) < 0) {
                    return NULL;
                }
                p++;
            }
            break;
        case C_HASH:
            p = skip_to_line_end(p, lx->end);
            if (p != lx->end) {
                goto newline; // NEWLINE starts at the comment, as in CPython
            }
            goto end;
        case C_NEWLINE:
        newline:
            if (lx->level > 0) {
                p = next_line(lx, p);
                break;
            }
            {
                int nl = (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
                int col = (int)(p - lx->line_start);
                if (push_token(lx, KTOK_NEWLINE, p, (size_t)nl, lx->lineno,
                               (int)(start - lx->line_start), lx->lineno, col) < 0) {
                    return NULL;
                }
                end_logical_line(lx);
            }
            return next_line(lx, p);
        case C_BACKSLASH:
            if (!(p = continue_line(lx, p))) {
                return NULL;
            }
            break;
        case C_END:
            if (p != lx->end) {
                goto other;
            }
        end:
            if (lx->level > 0) {
                *at_eof = 1;
                return NULL;
            }
            // CPython adds the missing final line break.
            if (push_token(lx, KTOK_NEWLINE, p, 0, lx->lineno, (int)(start - lx->line_start),
                           lx->lineno, (int)(p - lx->line_start)) < 0) {
                return NULL;
            }
            end_logical_line(lx);
            return p;
        default:
        other:
            if (CH(p) < 0x20 || CH(p) == 0x7f) {
                error_at(lx, p + 1, "invalid non-printable character U+%04X", CH(p));
                return NULL;
            }
            if (emit(lx, KTOK_ERRORTOKEN, p, p + 1) < 0) { // '$', '?', '`': CPython's OP
                return NULL;
            }
            p++;
            break;
        }
    }
}

static int lex(Lexer *lx) {
    const char *p = lx->src;
    for (;;) {
        if (p == lx->end) {
            return finish(lx);
        }
        int r = start_line(lx, &p);
        if (r < 0) {
            return -1;
        }
        if (r > 0) {
            continue;
        }
        int at_eof = 0;
        if (!(p = lex_line(lx, p, &at_eof))) {
            return at_eof ? finish(lx) : -1;
        }
    }
}

// A NUL byte in the text: CPython 3.11 refuses the source up front.
static int check_nul(Lexer *lx) {
    const char *nul = memchr(lx->src, '\0', (size_t)(lx->end - lx->src));
    if (!nul) {
        return 0;
    }
    for (const char *p = lx->src; p < nul; p++) {
        if (*p == '\n' || (*p == '\r' && p[1] != '\n')) {
            lx->lineno++;
            lx->line_start = p + 1;
        }
    }
    int col = (int)(nul - lx->line_start);
    return fail(lx, LEXICAL_ERROR, KDIAG_SYNTAX_ERROR, lx->lineno, col, col,
                "source code cannot contain null bytes");
}

int ktok_tokenize(KArena *a, const char *src, size_t len, KTokens *out) {
    memset(out, 0, sizeof *out);
    Lexer lx = {.arena = a,
                .out = out,
                .src = src,
                .end = src + len,
                .line_start = src,
                .lineno = 1,
                .crlf_end = len >= 2 && src[len - 2] == '\r' && src[len - 1] == '\n'};
    if (len >= INT_MAX / 2) {
        return kdiag_nomem(&out->error);
    }
    // Python source averages well over 4 bytes a token; growth covers the rest.
    size_t cap = len / 4 + 64;
    lx.toks = lx.next = karena_alloc(a, cap * sizeof(KToken));
    if (!lx.toks) {
        return kdiag_nomem(&out->error);
    }
    lx.limit = lx.toks + cap;
    if (check_nul(&lx) == 0) {
        lex(&lx);
    }
    end_logical_line(&lx); // the DEDENTs and ENDMARKER after the last NEWLINE
    out->depth_bound = tree_depth_bound(&lx);
    out->items = lx.toks;
    out->count = (int)(lx.next - lx.toks);
    out->unclosed_count = lx.level;
    return out->error.kind == KDIAG_MEMORY_ERROR ? -1 : 0;
}

const char *ktok_kind_name(int kind) {
    static const char *const names[] = {
#define KTOK_NAME_OF(name, spelling) #name,
        KTOK_LIST(KTOK_NAME_OF)
#undef KTOK_NAME_OF
    };
    if (kind < 0 || kind >= KTOK_COUNT) {
        return "?";
    }
    if (kind >= KTOK_FIRST_KEYWORD && kind <= KTOK_LAST_KEYWORD) {
        return "NAME";
    }
    return names[kind];
}

const char *ktok_spelling(int kind) {
    static const char *const spellings[] = {
#define KTOK_SPELLING_OF(name, spelling) spelling,
        KTOK_LIST(KTOK_SPELLING_OF)
#undef KTOK_SPELLING_OF
    };
    return kind >= 0 && kind < KTOK_COUNT ? spellings[kind] : NULL;
}
