// compiler/compiler.h: the compiler's public face. kraitc's main and, later,
// the runtime (to recompile stale modules, and for compile()/exec()/eval())
// use only this header.
#ifndef KRAIT_COMPILER_COMPILER_H
#define KRAIT_COMPILER_COMPILER_H

#include <stddef.h>
#include <stdio.h>

#include "format/format.h"

// How the source is parsed, as compile()'s 'mode'.
typedef enum { KC_MODE_EXEC, KC_MODE_EVAL, KC_MODE_SINGLE } KcMode;

// Parses 'len' bytes of source 'bytes' (any PEP 263 encoding) from
// 'filename' in 'mode' and writes what python3.11's
// print(ast.dump(ast.parse(source, mode=...), include_attributes='attrs'))
// prints to 'out'. On a syntax error writes CPython's report
// (traceback.format_exception_only) to 'err' and returns 1; returns 0 on success.
int kc_dump_ast(const char *filename, const char *bytes, size_t len, KcMode mode, int attrs,
                FILE *out, FILE *err);

// Tokenizes the source and writes one line per token to 'out'
// ("1,0-1,5:  NAME  'print'", as python -m tokenize prints). On a lexical
// error writes the report to 'err' and returns 1; returns 0 on success.
int kc_dump_tokens(const char *filename, const char *bytes, size_t len, FILE *out, FILE *err);

// ---- Compiling to code objects

// The result of one compilation: the code object tree, or the error. It
// owns everything it points to; release it with kc_unit_free.
typedef struct KcUnit KcUnit;

// Compiles 'len' bytes of source 'bytes' (any PEP 263 encoding) from
// 'filename' (kept as co_filename) in 'mode', at -O level 'optimize' (0, 1
// or 2: -O drops asserts and makes __debug__ false, -OO also docstrings).
// Returns the unit, holding either the module's code object or the error;
// NULL only when out of memory.
KcUnit *kc_compile(const char *filename, const char *bytes, size_t len, KcMode mode,
                   int optimize);

// Flags of compile() (CPython's values): the CO_FUTURE_* features to
// compile with (as if the source began with those __future__ imports), and
// top-level await (the module's code may await, async for and async with;
// it is then a coroutine).
enum { KC_FLAG_ALLOW_TOP_LEVEL_AWAIT = 0x2000, KC_FLAG_FUTURE_MASK = 0x1fe0000 };

// As kc_compile, with compile()'s 'flags' (KC_FLAG_*; other bits ignored).
KcUnit *kc_compile_flags(const char *filename, const char *bytes, size_t len, KcMode mode,
                         int optimize, int flags);

// The module's code object (owned by 'u'), or NULL when compilation failed.
const KfCode *kc_unit_code(const KcUnit *u);

// A compilation error, as the attributes of CPython's SyntaxError. All
// strings are owned by the unit.
typedef struct KcError {
    const char *type;     // "SyntaxError", "IndentationError", "TabError",
                          // "MemoryError" or "RecursionError"
    const char *msg;
    const char *filename;
    int lineno;           // 1-based; 0 when unknown
    int offset;           // 1-based character offset in the line; 0 when unknown
    int end_lineno;       // 0 when unknown
    int end_offset;       // 0 when unknown
    const char *text;     // the source line with its newline, or NULL
} KcError;

// When compilation failed, fills '*err' and returns 1; otherwise returns 0.
int kc_unit_error(const KcUnit *u, KcError *err);

// What traceback.format_exception_only prints for the error (File line,
// source line, carets, "SyntaxError: msg"), as a malloc'd string the
// caller frees; NULL when there is no error or out of memory.
char *kc_format_error(const KcUnit *u);

// Number of basic blocks the stack-depth pass reached with two different
// depths (a code generator bug; 0 in a correct compiler), for checks.
long kc_unit_depth_mismatches(const KcUnit *u);

// Releases 'u' and everything it owns. NULL is fine.
void kc_unit_free(KcUnit *u);

// Looks up a Unicode character by name as "\\N{name}" does (the runtime's
// unicode_escape codec uses it). Returns 1 and sets '*cp', or 0.
int kc_lookup_char_name(const char *name, size_t len, unsigned int *cp);

#endif
