// compiler/compiler.h: the compiler's public face. kraitc's main and, later,
// the runtime (to recompile stale modules, and for compile()/exec()/eval())
// use only this header.
#ifndef KRAIT_COMPILER_COMPILER_H
#define KRAIT_COMPILER_COMPILER_H

#include <stddef.h>
#include <stdio.h>

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

#endif
