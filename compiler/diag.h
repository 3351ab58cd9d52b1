// compiler/diag.h: the compiler's diagnostics. The first error recorded wins
// and is kept; later ones are ignored, so callers just return -1/NULL to
// unwind. Locations are kept as the AST keeps them (1-based lines, 0-based
// UTF-8 byte columns) and converted to CPython's 1-based character offsets
// only when formatted.
#ifndef KRAIT_COMPILER_DIAG_H
#define KRAIT_COMPILER_DIAG_H

#include <stddef.h>

#include "buf.h"

typedef enum {
    KDIAG_NONE,
    KDIAG_SYNTAX_ERROR,
    KDIAG_INDENTATION_ERROR,
    KDIAG_TAB_ERROR,
    KDIAG_MEMORY_ERROR,
} KDiagKind;

typedef struct KDiag {
    KDiagKind kind;
    int from_tokenizer; // set for errors the tokenizer found (they outrank most parser errors)
    int byte_columns;   // report columns as bytes, not characters (see kdiag_format)
    int lineno;         // 1-based; 0 for errors CPython reports at "line 0" (decoding)
    int col;            // 0-based byte column; -1 when there is no caret
    int end_lineno;     // 0 when unknown
    int end_col;        // exclusive byte column; -1 when unknown
    const char *text;   // when set, the source line to show ('text_len' bytes) in place
    size_t text_len;    // of line 'lineno' of the source (f-string fields: "(expr)")
    char msg[512];
} KDiag;

// Records an error of 'kind' at the given location unless one is already
// recorded. Always returns -1, so callers can write 'return kdiag_error(...)'.
int kdiag_error(KDiag *d, KDiagKind kind, int lineno, int col, int end_lineno, int end_col,
                const char *fmt, ...) __attribute__((format(printf, 7, 8)));

// Records MemoryError unless an error is already recorded; returns -1.
int kdiag_nomem(KDiag *d);

// Name of the exception type for 'kind' ("SyntaxError", "IndentationError" ...).
const char *kdiag_kind_name(KDiagKind kind);

// With 'byte_columns' set, offsets are byte columns + 1: CPython 3.11 does
// that for parser errors in a source with no coding declaration (its
// tokenizer has no 'encoding' then), so its caret lands by bytes.
// Appends to 'out' exactly what CPython 3.11's
// traceback.format_exception_only(exc) prints for this error raised while
// compiling 'src' ('src_len' bytes; invalid UTF-8 is shown replaced) from 'filename': the File line,
// the stripped source line, the carets, and "SyntaxError: msg".
void kdiag_format(const KDiag *d, const char *filename, const char *src, size_t src_len,
                  KBuf *out);

#endif
