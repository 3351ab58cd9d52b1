// vm/finder.h: the path-based finder and module loader behind kimport_hook
// (vm/finder.c), and the import settings the command line fills in.
#ifndef KRAIT_VM_FINDER_H
#define KRAIT_VM_FINDER_H

#include "compiler/compiler.h"
#include "object.h"

// Import and cache settings (the command line's -O, -B, -X pycache_prefix).
typedef struct KImportOptions {
    int optimize;               // 0, 1 (-O) or 2 (-OO): cache names and asserts
    int dont_write;             // -B / KRAITDONTWRITEBYTECODE: never write a cache
    const char *pycache_prefix; // -X pycache_prefix / KRAITPYCACHEPREFIX, or NULL
} KImportOptions;
extern KImportOptions kfinder_options;

// Installs the path finder as kimport_hook.
void kfinder_install(void);

// Finds and loads module 'absname' (its parent package already imported)
// from sys.path or the parent's __path__. Returns a new reference, or
// KV_NULL with an exception set, or KV_NULL without one when not found.
KValue kfinder_import(KValue absname);

// Where a module was found (kfinder_find).
// KFIND_SPEC: found by an importer from sys.path_importer_cache (a zip
// archive's zipimport.zipimporter): 'spec' is its ModuleSpec.
typedef enum {
    KFIND_NONE,
    KFIND_SOURCE,
    KFIND_SOURCELESS,
    KFIND_NAMESPACE,
    KFIND_BUNDLE,
    KFIND_SPEC
} KFindKind;
typedef struct KFound {
    KFindKind kind;
    int is_package;
    char *path;  // malloc'd: the .py/.pyc (or package directory for a namespace);
                 // in a bundle 'BUNDLE/pkg/mod.py', as zipimport names it
    KValue dirs; // owned list: the package's __path__, or KV_NULL
    const struct KlBundleFile *bundle; // KFIND_BUNDLE: the bundle (borrowed)
    uint32_t entry;                    // and the module's index entry in it
    KValue spec;                       // KFIND_SPEC: the importer's spec (owned)
} KFound;

// The 'path' a path-entry search for 'absname' takes, as importlib passes
// it to find_spec: None at the top level, else the parent package's
// __path__ (ModuleNotFoundError when the parent is no package). A new
// reference, or KV_NULL with an exception.
KValue kfinder_parent_path(KValue absname);
// Loads the module of ModuleSpec 'spec' as importlib._bootstrap._load does
// (create_module/exec_module, or an old loader's load_module). A new
// reference, or KV_NULL with an exception.
KValue kfinder_load_spec(KValue spec);

// 1 when the file at 'path' is a zip archive (an end record in its tail),
// which sys.path takes as zipimport does and krait runs as a zip application.
int kfinder_is_zip(const char *path);

// Looks 'absname' up without loading it: in the parent's __path__ (the
// parent must be in sys.modules) or sys.path. 0 (kind KFIND_NONE when not
// found), -1 with an exception set. Release with kfinder_found_free.
K_MUST_CHECK int kfinder_find(KValue absname, KFound *out);
void kfinder_found_free(KFound *f);
// As kfinder_find, searching the list 'path' instead when it is not KV_NULL
// (importlib's PathFinder.find_spec(name, path)).
K_MUST_CHECK int kfinder_find_in(KValue absname, KValue path, KFound *out);

// The ModuleSpec of the module found in 'f' named 'name', with its loader
// (whose create_module, exec_module, get_code, is_package and get_filename
// follow importlib's protocol). A new reference, or KV_NULL with an exception.
KValue kfinder_spec(const KFound *f, KValue name);
// The ModuleSpec of the builtin module 'name', with 'loader' and origin
// 'built-in'.
KValue kfinder_builtin_spec(KValue name, KValue loader);

// Runs the module found in 'f' under the name 'modname' (as runpy does for
// -m, '__main__') with __spec__.name 'specname'. Returns the module (a new
// reference) or KV_NULL with an exception set. The module stays in
// sys.modules on success only.
KValue kfinder_exec_found(const KFound *f, KValue modname, KValue specname);

// The code object (a runtime KCode) for the source file 'path', from its
// valid cache or by compiling it (writing the cache back unless told not
// to). A compile error is raised as SyntaxError (and kin). KV_NULL with an
// exception set on failure.
KValue kfinder_load_code(const char *path, int sourceless);

// Raises the compiler's error in 'u' as a SyntaxError (or subclass) with
// filename, lineno, offset and text, as the compiler reported them.
void kfinder_raise_compile_error(const KcUnit *u);

// 1 when 'mod' is still running its body (mod.__spec__._initializing is
// true: a circular import), else 0. Never raises.
int kfinder_is_initializing(KValue mod);

#endif
