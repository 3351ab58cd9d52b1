// tests/unit/test_codegen.c: the compiler's public entry (kc_compile): a
// code object on success, and on failure the SyntaxError's attributes as
// python3.11 sets them (message, line, 1-based character offsets, text),
// compile()'s flags. The code generator's output itself is checked by the
// golden listings (tests/cli/dis_listings.sh) and the errors' full text by
// tests/cli/compile_errors.sh.
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"

static KcUnit *compile_str(const char *src, int flags) {
    return kc_compile_flags("m.py", src, strlen(src), KC_MODE_EXEC, 0, flags);
}

static void check_success(void) {
    KcUnit *u = compile_str("def f(a, /, b, *, c):\n    return a\n", 0);
    const KfCode *code = kc_unit_code(u);
    CHECK("module compiles", code != NULL);
    KcError err;
    CHECK("no error", kc_unit_error(u, &err) == 0 && kc_format_error(u) == NULL);
    const KfCode *f = NULL;
    for (int i = 0; code && i < code->nconsts; i++) {
        if (code->consts[i].kind == KF_CONST_CODE) {
            f = code->consts[i].code;
        }
    }
    CHECK("nested code object", f != NULL && strcmp(f->name, "f") == 0);
    CHECK("co_argcount counts positional-only", f && f->argcount == 2);
    CHECK("co_posonlyargcount", f && f->posonlyargcount == 1);
    CHECK("co_kwonlyargcount", f && f->kwonlyargcount == 1);
    CHECK("co_flags", f && f->flags == (KF_CO_OPTIMIZED | KF_CO_NEWLOCALS));
    CHECK("stack depth", f && f->stacksize == 1);
    CHECK("no depth mismatch", kc_unit_depth_mismatches(u) == 0);
    kc_unit_free(u);
}

static void check_symtable_error(void) {
    KcUnit *u = compile_str("def f():\n    x = 1\n    global x\n", 0);
    KcError e;
    CHECK("error reported", kc_unit_code(u) == NULL && kc_unit_error(u, &e) == 1);
    CHECK("type", strcmp(e.type, "SyntaxError") == 0);
    CHECK("msg", strcmp(e.msg, "name 'x' is assigned to before global declaration") == 0);
    CHECK("lineno", e.lineno == 3 && e.end_lineno == 3);
    CHECK("offsets", e.offset == 5 && e.end_offset == 13);
    CHECK("text", e.text && strcmp(e.text, "    global x\n") == 0);
    char *text = kc_format_error(u);
    CHECK("formatted", text && strstr(text, "    global x\n    ^^^^^^^^\n") != NULL);
    free(text);
    kc_unit_free(u);
}

static void check_character_offsets(void) {
    // Offsets count characters, not UTF-8 bytes.
    KcUnit *u = compile_str("x = \"\xc3\xa9\"; return x\n", 0);
    KcError e;
    CHECK("codegen error", kc_unit_error(u, &e) == 1);
    CHECK("return outside function", strcmp(e.msg, "'return' outside function") == 0);
    CHECK("character offsets", e.lineno == 1 && e.offset == 11 && e.end_offset == 19);
    kc_unit_free(u);
}

static void check_flags(void) {
    KcUnit *u = compile_str("await f()\n", 0);
    KcError e;
    CHECK("await refused", kc_unit_error(u, &e) == 1 &&
                               strcmp(e.msg, "'await' outside function") == 0);
    kc_unit_free(u);
    u = compile_str("await f()\n", KC_FLAG_ALLOW_TOP_LEVEL_AWAIT);
    const KfCode *code = kc_unit_code(u);
    CHECK("top-level await", code && code->flags == KF_CO_COROUTINE);
    kc_unit_free(u);
    u = compile_str("x = 1\n", 0x1000000);
    code = kc_unit_code(u);
    CHECK("future flag", code && code->flags == 0x1000000);
    kc_unit_free(u);
}

int main(void) {
    check_success();
    check_symtable_error();
    check_character_offsets();
    check_flags();
    return CHECK_DONE();
}
