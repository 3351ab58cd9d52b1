// compiler/parse_target.h: private to the parser: assignment targets as
// CPython's invalid_* rules look for them, shared by parse_target.c and
// parse_expr.c.
#ifndef KRAIT_COMPILER_PARSE_TARGET_H
#define KRAIT_COMPILER_PARSE_TARGET_H

#include "ast.h"

typedef enum {
    KTARGET_STORE, // an assignment's or with item's target
    KTARGET_DEL,   // a del target: no starred item
    KTARGET_FOR,   // star_expressions read where a for target was expected
} KTargetKind;

// CPython's _PyPegen_get_invalid_target: the first part of 'e' that cannot
// be a target of 'kind', or NULL when there is none. For KTARGET_FOR, "x in
// y" was read as a comparison whose left side is the target; a comparison
// with another first operator yields NULL (CPython then says "invalid
// syntax").
const KAstExpr *ktarget_invalid(const KAstExpr *e, KTargetKind kind);

#endif
