// loader/compile_kc.c: kraitc's compiler (compiler/compiler.h) behind the
// loader's KlCompiler face. The only file of loader/ that names the
// compiler, so that a runtime built without it (krait-run) links the loader
// with a NULL compiler instead.
//
// The code generator (kc_compile) is being written: until compiler.h
// declares it, compiling reports that it is missing.
#include "loader.h"

#include "io.h"

#include <stdlib.h>

static int compile_missing(const char *filename, const char *bytes, size_t len, int optimize,
                           const KfCode **code, void **owner, char **message) {
    (void)bytes;
    (void)len;
    (void)optimize;
    *code = NULL;
    *owner = NULL;
    char *r = kio_repr(filename);
    *message = r ? kio_format("SystemError: cannot compile %s: krait's code generator is not "
                              "built yet\n",
                              r)
                 : NULL;
    free(r);
    return -1;
}

static void release_nothing(void *owner) {
    (void)owner;
}

const KlCompiler kl_kc_compiler = {compile_missing, release_nothing};
