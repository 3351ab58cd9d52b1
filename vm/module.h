// vm/module.h: module objects (a namespace dict with a name) and the table
// of builtin C modules.
#ifndef KRAIT_VM_MODULE_H
#define KRAIT_VM_MODULE_H

#include <stdint.h>

#include "func.h"
#include "object.h"

typedef struct KModule {
    KOBJ_HEAD;
    KValue dict;
    KValue name;
    const KMethodDef *methods;
} KModule;

// A module named 'name' with __name__, __doc__ (None), __package__, __loader__,
// __spec__ set.
KValue kmod_new(const char *name);
// Adds builtin functions from 'defs' (NULL-name terminated) to the module.
K_MUST_CHECK int kmod_add_functions(KValue mod, const KMethodDef *defs);
// mod.name = value (borrowed).
K_MUST_CHECK int kmod_add(KValue mod, const char *name, KValue value);
// A module's integer constant; KMOD_INT(NAME) takes a C macro's name and value.
typedef struct KModInt {
    const char *name;
    int64_t value;
} KModInt;
#define KMOD_INT(name) {#name, (int64_t)(name)}
#define KMOD_NINTS(table) (sizeof(table) / sizeof((table)[0]))
// Adds the 'n' constants of 'table' to the module; -1 on error.
K_MUST_CHECK int kmod_add_ints(KValue mod, const KModInt *table, size_t n);
// class NAME(BASE) with __module__ 'module' (a module's error class:
// binascii.Error, zlib.error). A new reference, or KV_NULL with an error.
KValue kmod_new_exception(const char *module, const char *name, KType *base);
static inline KValue kmod_dict_borrow(KValue mod) {
    return ((KModule *)mod)->dict;
}

// Builtin C modules (vm/modules/*.c).
KValue kmod_builtins_create(void);
KValue kmod_sys_create(int argc, char **argv);
KValue kmod_math_create(void);
KValue kmod_cmath_create(void);
KValue kmod_weakref_create(void);
KValue kmod_gc_create(void);
KValue kmod_itertools_create(void);
KValue kmod_thread_create(void);
KValue kmod_multiprocessing_create(void);
KValue kmod_posixshmem_create(void);
KValue kmod_time_create(void);
KValue kmod_collections_create(void);
KValue kmod_codecs_create(void);
// _codecs' per-codec functions (vm/modules/codecs_funcs.c).
extern const KMethodDef kcodecs_codec_functions[];
KValue kmod_abc_create(void);
KValue kmod_string_create(void);
KValue kmod_struct_create(void);
KValue kmod_sha512_create(void);
KValue kmod_md5_create(void);
KValue kmod_sha1_create(void);
KValue kmod_sha256_create(void);
KValue kmod_sha3_create(void);
KValue kmod_blake2_create(void);
KValue kmod_operator_create(void);
KValue kmod_zlib_create(void);
KValue kmod_array_create(void);
KValue kmod_random_create(void);
KValue kmod_warnings_create(void);
KValue kmod_contextvars_create(void);
KValue kmod_io_create(void);
KValue kmod_binascii_create(void);
KValue kmod_functools_create(void);
KValue kmod_ast_create(void);
KValue kmod_imp_create(void);
KValue kmod_marshal_create(void);
KValue kmod_signal_create(void);
KValue kmod_select_create(void);
KValue kmod_socket_create(void);
KValue kmod_bz2_create(void);
KValue kmod_lzma_create(void);
KValue kmod_fcntl_create(void);
KValue kmod_resource_create(void);
KValue kmod_termios_create(void);
KValue kmod_mmap_create(void);
KValue kmod_csv_create(void);
KValue kmod_unicodedata_create(void);
KValue kmod_posixsubprocess_create(void);
KValue kmod_pyexpat_create(void);
// importlib's meta path finders, as sys.meta_path starts with them
// (vm/importers.c), and a new list of them.
extern KType kimp_builtin_importer_type, kimp_path_finder_type;
KValue kimp_meta_path(void);
// warnings.warn(text, category, stacklevel) from C: filtered, shown or
// raised as the _warnings module does; -1 with the exception set (the
// warning itself under the "error" action).
K_MUST_CHECK int kwarnings_warn(KType *category, const char *text, ssize_t stacklevel);
KValue kmod_posix_create(void);
KValue kmod_errno_create(void);
KValue kmod_atexit_create(void);
KValue kmod_pwd_create(void);
KValue kmod_grp_create(void);
KValue kmod_locale_create(void);
KValue kmod_sre_create(void);
// sys.stdout.write(s) etc.: writes 'text' (a str) to the named sys stream.
K_MUST_CHECK int ksys_write(KValue stream_name, KValue text);
// Writes to sys.stderr, falling back to C stderr.
void ksys_write_stderr(const char *text);

#endif
