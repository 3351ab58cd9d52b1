// compiler/literal.h: Python literals as values (numbers and strings
// decoded from their source text) and Python's repr() of those values, as
// ast.dump prints them.
#ifndef KRAIT_COMPILER_LITERAL_H
#define KRAIT_COMPILER_LITERAL_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"

typedef enum {
    KCONST_NONE,
    KCONST_TRUE,
    KCONST_FALSE,
    KCONST_ELLIPSIS,
    KCONST_INT,     // fits in int64: 'i'
    KCONST_BIGINT,  // does not fit: 'big' holds the decimal digits, sign in 'big_neg'
    KCONST_FLOAT,   // 'f'
    KCONST_COMPLEX, // imaginary literal: 0 + 'f' j (real part 'real', 0.0 for literals)
    KCONST_STR,     // 'str': UTF-8 (surrogates encoded as 3 bytes), 'len' bytes
    KCONST_BYTES,   // 'str': raw bytes, 'len' bytes
} KConstKind;

typedef struct KConst {
    KConstKind kind;
    int big_neg;
    int64_t i;
    double f;
    double real;
    const char *str; // arena-owned; for BIGINT the decimal digits, NUL-terminated
    size_t len;
} KConst;

// Parses the NUMBER token text 'text' ('len' bytes, already validated by the
// tokenizer: underscores, 0x/0o/0b, floats, exponents, 'j' suffix) into 'out'.
// Returns 0, or -1 with 'diag' set (CPython 3.11's errors, e.g. "Exceeds the
// limit (4300 digits) for integer string conversion ..." for huge decimal
// literals) or out of memory.
int klit_parse_number(KArena *a, const char *text, size_t len, KConst *out, KDiag *diag);

// Decodes one STRING token's text (prefix, quotes and body) that is not an
// f-string into a KCONST_STR or KCONST_BYTES value: escapes (\n, \x, \ooo,
// \u, \U, \N{...}), raw strings, line continuations. 'lineno'/'col' are the
// token's start, for error locations. Errors, with CPython 3.11's messages:
// "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1:
// truncated \xXX escape", "bytes can only contain ASCII literal characters" ...
// Returns 0, or -1 with 'diag' set.
int klit_decode_string(KArena *a, const char *text, size_t len, int lineno, int col,
                       KConst *out, KDiag *diag);

// Decodes a string body with no quotes or prefix (used for the literal parts
// of f-strings): 'is_raw' disables escapes, 'is_bytes' makes bytes. Same
// contract as klit_decode_string.
int klit_decode_body(KArena *a, const char *body, size_t len, int is_raw, int is_bytes,
                     int lineno, int col, KConst *out, KDiag *diag);

// String prefix flags of a STRING token's text (letters before the quote).
enum { KLIT_RAW = 1, KLIT_BYTES = 2, KLIT_FSTRING = 4, KLIT_UNICODE = 8 };
int klit_prefix_flags(const char *text, size_t len);

// Appends Python's repr() of 'c' to 'out', as python3.11 prints it: ints in
// decimal, floats shortest round-trip ('1.0', '1e+16', 'inf', 'nan'),
// imaginary numbers ('2j', '(-0-1j)' style only where CPython would), str
// with CPython's quote choice and escapes (non-printable code points as
// \xNN, \uNNNN, \UNNNNNNNN), bytes as b'...', None/True/False/Ellipsis.
void klit_repr(const KConst *c, KBuf *out);

// Appends repr(float) of 'v'.
void klit_repr_float(double v, KBuf *out);

#endif
