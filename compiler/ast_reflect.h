// compiler/ast_reflect.h: what compile.c and ast_reflect.c share for the
// tree as data (compiler.h's kc_ast_* functions).
#ifndef KRAIT_COMPILER_AST_REFLECT_H
#define KRAIT_COMPILER_AST_REFLECT_H

#include "compiler.h"

#include "arena.h"
#include "ast.h"

// The arena nodes of 'u' live in.
KArena *kcompile_arena(KcUnit *u);

// Checks 'mod' as CPython's PyAST_Validate (Python/ast.c) does. Returns 0,
// or -1 with '*msg' (in 'a') set to the ValueError's text, or out of memory
// with '*msg' NULL. '*is_type_error' is set when CPython raises TypeError.
int kast_validate(KArena *a, const KAstMod *mod, const char **msg, int *is_type_error);

#endif
