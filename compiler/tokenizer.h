// compiler/tokenizer.h: Python 3.11's lexical analysis. Source bytes are first
// decoded to UTF-8 (BOM, PEP 263 coding declaration), then cut into the
// whole token array at once, which the parser then reads with unlimited
// lookahead. f-strings are single STRING tokens, as in CPython 3.11.
#ifndef KRAIT_COMPILER_TOKENIZER_H
#define KRAIT_COMPILER_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "tokens.h"

typedef struct KToken {
    uint8_t kind;      // KTokKind
    const char *text;  // the token's bytes in the UTF-8 source; for NAME, the
                       // NFKC-normalised identifier (may live in the arena)
    uint32_t len;      // bytes of 'text'
    int lineno;        // 1-based line of the first byte
    int col;           // 0-based UTF-8 byte column of the first byte
    int end_lineno;    // line of the last byte
    int end_col;       // byte column just after the last byte
} KToken;

typedef struct KTokens {
    KToken *items;     // arena-owned; always ends with ENDMARKER or ERRORTOKEN
    int count;
    // When the tokenizer meets an error it stops, appends one ERRORTOKEN at
    // the error's place and keeps the error here (error.kind != KDIAG_NONE),
    // with error.from_tokenizer 1 for a lexical error CPython raises at once
    // (it outranks an earlier parser error) or 2 for a stream error (TabError,
    // bad dedent, too deep, line continuation: reported only when the parser
    // reaches it). A final ERRORTOKEN with no error means EOF inside brackets
    // (see unclosed_*) or right after a backslash. A one-byte ERRORTOKEN in the
    // middle of the array is a stray character ('$', '?', '!', '`') that no
    // rule accepts ("invalid syntax"); tokenizing went on after it.
    KDiag error;
    // An upper bound on the depth of the tree parsed from these tokens,
    // elif chains aside (see tree_depth_bound in tokenizer.c).
    int depth_bound;
    // Line of each unclosed bracket at the error/EOF, innermost last, with its
    // character, for "'(' was never closed".
    int unclosed_count;
    char unclosed_char[200];
    int unclosed_lineno[200];
    int unclosed_col[200];
} KTokens;

// Decodes the raw bytes of a source file to UTF-8: drops a UTF-8 BOM, honours
// a PEP 263 coding declaration on line 1 or 2 (converting through iconv; a
// BOM with a non-utf-8 declaration is an error), and checks that the result
// is valid UTF-8. On success stores an arena-owned, NUL-terminated buffer in
// '*out' / '*out_len' and returns 0; on failure records a SyntaxError in
// 'diag' with CPython's message and returns -1.
int ktok_decode_source(KArena *a, const char *bytes, size_t len, const char **out,
                       size_t *out_len, KDiag *diag);

// 1 when the source bytes carry a PEP 263 coding declaration (after an
// optional BOM), else 0.
int ktok_has_declaration(const char *bytes, size_t len);

// Tokenizes the UTF-8 text 'src' ('len' bytes, NUL-terminated). Positions
// start at line 1, column 0. Returns 0 and fills 'out' (see KTokens for how
// lexical errors are delivered); returns -1 only when out of memory
// (out->error then holds MemoryError).
int ktok_tokenize(KArena *a, const char *src, size_t len, KTokens *out);

// Name of a token kind as CPython's token module spells it ("NAME", "LPAR",
// keywords as "NAME").
const char *ktok_kind_name(int kind);

// The operator or keyword spelling of 'kind', or NULL for NAME, NUMBER ...
const char *ktok_spelling(int kind);

#endif
