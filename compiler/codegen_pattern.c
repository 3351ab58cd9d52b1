// compiler/codegen_pattern.c: the match statement (in progress).
#include "codegen.h"

int kcg_match(KCg *c, const KAstStmt *s) {
    (void)s;
    return kcg_error(c, "match statements are not supported yet");
}
