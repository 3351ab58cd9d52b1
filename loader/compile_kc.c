// loader/compile_kc.c: kraitc's compiler (compiler/compiler.h) behind the
// loader's KlCompiler face. The only file of loader/ that names the
// compiler, so that a runtime built without it (krait-run) links the loader
// with a NULL compiler instead.
#include "loader.h"

#include "compiler/compiler.h"

#include <stddef.h>

// Compiles a module's source: the unit is the owner of the code.
static int compile_module(const char *filename, const char *bytes, size_t len, int optimize,
                          const KfCode **code, void **owner, char **message) {
    *code = NULL;
    *owner = NULL;
    *message = NULL;
    KcUnit *u = kc_compile(filename, bytes, len, KC_MODE_EXEC, optimize);
    if (!u) {
        return -1; // no message: out of memory
    }
    const KfCode *c = kc_unit_code(u);
    if (!c) {
        *message = kc_format_error(u);
        kc_unit_free(u);
        return -1;
    }
    *code = c;
    *owner = u;
    return 0;
}

static void release_unit(void *owner) {
    kc_unit_free(owner);
}

const KlCompiler kl_kc_compiler = {compile_module, release_unit};
