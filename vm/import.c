// vm/import.c: the import statement's core: absolute name resolution for
// relative imports, sys.modules, parent packages, fromlist. Finding and
// loading modules that are not yet in sys.modules is the loader's job: it
// installs kimport_hook; without it only builtin modules import. A finder
// a program puts on sys.meta_path is asked in its turn (import_meta_path).
#include "abstract.h"
#include "internal.h"
#include "dict.h"
#include "errors.h"
#include "finder.h"
#include "list.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#include <string.h>

KValue (*kimport_hook)(KValue absname);

// The builtin C modules beyond builtins and sys, created on first import.
// Kept in strcmp order (sorted()'s for these ASCII names), which is the
// order of sys.builtin_module_names: start-up then only checks it.
static const struct {
    const char *name;
    KValue (*create)(void);
} builtin_modules[] = {
    {"_abc", kmod_abc_create},
    {"_ast", kmod_ast_create},
    {"_blake2", kmod_blake2_create},
    {"_bz2", kmod_bz2_create},
    {"_codecs", kmod_codecs_create},
    {"_collections", kmod_collections_create},
    {"_contextvars", kmod_contextvars_create},
    {"_csv", kmod_csv_create},
    {"_functools", kmod_functools_create},
    {"_imp", kmod_imp_create},
    {"_io", kmod_io_create},
    {"_locale", kmod_locale_create},
    {"_lzma", kmod_lzma_create},
    {"_md5", kmod_md5_create},
    {"_multiprocessing", kmod_multiprocessing_create},
    {"_operator", kmod_operator_create},
    {"_posixshmem", kmod_posixshmem_create},
    {"_posixsubprocess", kmod_posixsubprocess_create},
    {"_random", kmod_random_create},
    {"_sha1", kmod_sha1_create},
    {"_sha256", kmod_sha256_create},
    {"_sha3", kmod_sha3_create},
    {"_sha512", kmod_sha512_create},
    {"_signal", kmod_signal_create},
    {"_socket", kmod_socket_create},
    {"_sre", kmod_sre_create},
    {"_string", kmod_string_create},
    {"_struct", kmod_struct_create},
    {"_thread", kmod_thread_create},
    {"_warnings", kmod_warnings_create},
    {"_weakref", kmod_weakref_create},
    {"array", kmod_array_create},
    {"atexit", kmod_atexit_create},
    {"binascii", kmod_binascii_create},
    {"cmath", kmod_cmath_create},
    {"errno", kmod_errno_create},
    {"fcntl", kmod_fcntl_create},
    {"gc", kmod_gc_create},
    {"grp", kmod_grp_create},
    {"itertools", kmod_itertools_create},
    {"marshal", kmod_marshal_create},
    {"math", kmod_math_create},
    {"mmap", kmod_mmap_create},
    {"posix", kmod_posix_create},
    {"pwd", kmod_pwd_create},
    {"pyexpat", kmod_pyexpat_create},
    {"resource", kmod_resource_create},
    {"select", kmod_select_create},
    {"termios", kmod_termios_create},
    {"time", kmod_time_create},
    {"unicodedata", kmod_unicodedata_create},
    {"zlib", kmod_zlib_create},
};

enum { NBUILTIN = sizeof builtin_modules / sizeof builtin_modules[0] };

// Inserts 'name' into the sorted 'names[0..count)'.
static void insert_sorted(const char **names, size_t count, const char *name) {
    size_t j = count;
    for (; j > 0 && strcmp(names[j - 1], name) > 0; j--) {
        names[j] = names[j - 1];
    }
    names[j] = name;
}

// sys.builtin_module_names: the table's names with builtins and sys, sorted.
// Checking the table's order costs one strcmp a name where sorting it cost
// ~450 (hello.py: 15K instructions); a table put out of order by an edit is
// still sorted here, only slower.
KValue kimport_builtin_names(void) {
    const char *names[NBUILTIN + 2];
    size_t n = 0;
    int sorted = 1;
    for (size_t i = 0; i < NBUILTIN; i++) {
        names[n++] = builtin_modules[i].name;
        sorted = sorted && (i == 0 || strcmp(names[n - 2], names[n - 1]) < 0);
    }
    if (!sorted) {
        for (size_t i = 1; i < NBUILTIN; i++) {
            insert_sorted(names, i, builtin_modules[i].name);
        }
    }
    insert_sorted(names, n++, "builtins");
    insert_sorted(names, n++, "sys");
    KValue t = ktuple_new((ssize_t)n);
    for (size_t i = 0; t && i < n; i++) {
        KValue s = kstr_intern_cstr(names[i]);
        if (!s) {
            KVAL_CLEAR(t);
            break;
        }
        ktuple_items(t)[i] = s;
    }
    return t;
}

int kimport_is_builtin(KValue name) {
    if (kstr_eq_cstr(name, "sys") || kstr_eq_cstr(name, "builtins")) {
        return 1;
    }
    for (size_t i = 0; i < NBUILTIN; i++) {
        if (kstr_eq_cstr(name, builtin_modules[i].name)) {
            return 1;
        }
    }
    return 0;
}

// __spec__ and __loader__ of a builtin module, as importlib's
// BuiltinImporter gives them.
static int set_builtin_spec(KValue mod, KValue name) {
    KValue loader = kval_of(&kimp_builtin_importer_type);
    if (!(kimp_builtin_importer_type.flags & KTF_READY) &&
        ktype_ready(&kimp_builtin_importer_type) < 0) {
        return -1;
    }
    KValue spec = kfinder_builtin_spec(name, loader);
    KValue d = kmod_dict_borrow(mod);
    int r = spec && kdict_set(d, KID(__spec__), spec) == 0 &&
                    kdict_set(d, KID(__loader__), loader) == 0
                ? 0
                : -1;
    kval_xdecref(spec);
    return r;
}

// CPython's frozen importlib, which zipimport (and so pkg_resources)
// imports by these names: importlib's own modules once importlib is set
// up. While importlib itself runs, they are not found, so it sets its
// modules up from source as it does without frozen ones.
static KValue import_frozen_importlib(KValue absname) {
    static const char *const names[][2] = {
        {"_frozen_importlib", "importlib._bootstrap"},
        {"_frozen_importlib_external", "importlib._bootstrap_external"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!kstr_eq_cstr(absname, names[i][0])) {
            continue;
        }
        // While importlib itself runs (it is in sys.modules, its
        // bootstrap module not yet): not found.
        KValue target = kstr_from_cstr(names[i][1]);
        int initializing = target && kdict_get_cstr_borrow(kruntime.modules, "importlib") &&
                           !kdict_get_borrow(kruntime.modules, target);
        kval_xdecref(target);
        KValue m = target && !initializing && !kerr_occurred() ? kimport_cstr(names[i][1]) : KV_NULL;
        if (m && kdict_set(kruntime.modules, absname, m) < 0) {
            KVAL_CLEAR(m);
        }
        return m;
    }
    return KV_NULL;
}

static KValue import_builtin(KValue absname) {
    if (kstr_len(absname) >= 17 && kstr_char((KStr *)absname, 0) == '_' &&
        kstr_char((KStr *)absname, 1) == 'f') {
        return import_frozen_importlib(absname);
    }
    for (size_t i = 0; i < NBUILTIN; i++) {
        if (kstr_eq_cstr(absname, builtin_modules[i].name)) {
            KValue m = builtin_modules[i].create();
            if (m && (set_builtin_spec(m, absname) < 0 ||
                      kdict_set(kruntime.modules, absname, m) < 0)) {
                KVAL_CLEAR(m);
            }
            return m;
        }
    }
    return KV_NULL;
}

static KValue resolve_name(KValue name, KValue globals, int level) {
    if (level == 0) {
        return kval_newref(name);
    }
    if (!globals) {
        kerr_set(&kexc_KeyError, "'__name__' not in globals");
        return KV_NULL;
    }
    KValue package = kdict_get_borrow(globals, KID(__package__));
    if (!package || package == KV_NONE) {
        KValue modname = kdict_get_borrow(globals, KID(__name__));
        if (!modname || !kstr_check(modname)) {
            kerr_set(&kexc_ImportError, "attempted relative import with no known parent package");
            return KV_NULL;
        }
        if (kdict_get_borrow(globals, KID(__path__))) {
            package = modname;
        } else {
            ssize_t i = kstr_len(modname) - 1;
            while (i >= 0 && kstr_char((KStr *)modname, i) != '.') {
                i--;
            }
            if (i < 0) {
                kerr_set(&kexc_ImportError, "attempted relative import with no known parent package");
                return KV_NULL;
            }
            package = kstr_substr(modname, 0, i);
            if (!package) {
                return KV_NULL;
            }
            KValue r = resolve_name(name, KV_NULL, 0);
            kval_decref(r);
            // fall through with the owned package
            KValue base = package;
            for (int l = 1; l < level; l++) {
                ssize_t j = kstr_len(base) - 1;
                while (j >= 0 && kstr_char((KStr *)base, j) != '.') {
                    j--;
                }
                if (j < 0) {
                    kval_decref(base);
                    kerr_set(&kexc_ImportError, "attempted relative import beyond top-level package");
                    return KV_NULL;
                }
                KValue t = kstr_substr(base, 0, j);
                kval_decref(base);
                if (!t) {
                    return KV_NULL;
                }
                base = t;
            }
            KValue res = kstr_len(name) ? kstr_from_format("%U.%U", base, name) : kval_newref(base);
            kval_decref(base);
            return res;
        }
    }
    if (!kstr_check(package)) {
        kerr_set(&kexc_TypeError, "package must be a string");
        return KV_NULL;
    }
    if (kstr_len(package) == 0) {
        kerr_set(&kexc_ImportError, "attempted relative import with no known parent package");
        return KV_NULL;
    }
    KValue base = kval_newref(package);
    for (int l = 1; l < level; l++) {
        ssize_t j = kstr_len(base) - 1;
        while (j >= 0 && kstr_char((KStr *)base, j) != '.') {
            j--;
        }
        if (j < 0) {
            kval_decref(base);
            kerr_set(&kexc_ImportError, "attempted relative import beyond top-level package");
            return KV_NULL;
        }
        KValue t = kstr_substr(base, 0, j);
        kval_decref(base);
        if (!t) {
            return KV_NULL;
        }
        base = t;
    }
    KValue res = kstr_len(name) ? kstr_from_format("%U.%U", base, name) : kval_newref(base);
    kval_decref(base);
    return res;
}

// Sets the name of the ModuleNotFoundError just raised to 'absname'.
static void name_not_found(KValue absname) {
    KValue e = kerr_occurred();
    if (e && kval_type(e) == &kexc_ModuleNotFoundError) {
        kval_setref(&((KImportError *)e)->name, kval_newref(absname));
    }
}

// 1 when 'meta_path' holds just the two finders it starts with, in order
// (the import statement then finds modules itself, without calls).
static int default_meta_path(KValue meta_path) {
    return klist_check(meta_path) && klist_len(meta_path) == 2 &&
           klist_items(meta_path)[0] == kval_of(&kimp_builtin_importer_type) &&
           klist_items(meta_path)[1] == kval_of(&kimp_path_finder_type);
}

// Asks 'finder' (not one of the two built-in ones) for 'absname' as
// importlib's _find_spec does: find_spec(name, path), or an old finder's
// find_module(name, path) (with an ImportWarning) wrapped in a spec.
// Returns the spec, None, or NULL with an exception.
static KValue ask_finder(KValue finder, KValue absname, KValue path, KValue bootstrap) {
    KValue method, find_spec = kstr_intern_cstr("find_spec");
    int r = find_spec ? kobj_lookup_attr(finder, find_spec, &method) : -1;
    kval_xdecref(find_spec);
    if (r < 0) {
        return KV_NULL;
    }
    if (r > 0) {
        KValue args[3] = {absname, path, KV_NONE};
        KValue spec = kobj_call(method, args, 3, KV_NULL);
        kval_decref(method);
        return spec;
    }
    KValue find_module = kstr_from_cstr("find_module");
    r = find_module ? kobj_lookup_attr(finder, find_module, &method) : -1;
    kval_xdecref(find_module);
    if (r <= 0) {
        return r < 0 ? KV_NULL : kval_newref(KV_NONE);
    }
    KValue text = kstr_from_format("%s.find_spec() not found; falling back to find_module()",
                                   ktype_short_name(kval_type(finder) == &ktype_type
                                                        ? (KType *)finder
                                                        : kval_type(finder)));
    if (!text || kwarnings_warn(&kexc_ImportWarning, kstr_utf8(text, NULL), 1) < 0) {
        kval_xdecref(text);
        kval_decref(method);
        return KV_NULL;
    }
    kval_decref(text);
    KValue args[2] = {absname, path};
    KValue loader = kobj_call(method, args, 2, KV_NULL);
    kval_decref(method);
    if (!loader || loader == KV_NONE) {
        return loader;
    }
    KValue from_loader = kobj_getattr_cstr(bootstrap, "spec_from_loader");
    KValue spec = KV_NULL;
    if (from_loader) {
        KValue fargs[2] = {absname, loader};
        spec = kobj_call(from_loader, fargs, 2, KV_NULL);
        kval_decref(from_loader);
    }
    kval_decref(loader);
    return spec;
}

// sys.meta_path as a program changed it: each finder in turn, the two
// built-in ones by the import statement's own means, any other through
// importlib (its spec loaded by importlib._bootstrap._load, which runs
// create_module/exec_module or an old loader's load_module). Returns the
// module, or KV_NULL: with an exception, or none when no finder found it.
static KValue import_meta_path(KValue absname, KValue meta_path) {
    KValue finders = klist_as_tuple(meta_path); // a finder may change the list
    if (!finders) {
        return KV_NULL;
    }
    KValue m = KV_NULL, path = KV_NULL, bootstrap = KV_NULL;
    for (ssize_t i = 0; i < ktuple_len(finders) && !m && !kerr_occurred(); i++) {
        KValue finder = ktuple_items(finders)[i];
        if (finder == kval_of(&kimp_builtin_importer_type)) {
            m = import_builtin(absname);
            continue;
        }
        if (finder == kval_of(&kimp_path_finder_type)) {
            m = kimport_hook ? kimport_hook(absname) : KV_NULL;
            continue;
        }
        if (!path && !(path = kfinder_parent_path(absname))) {
            break;
        }
        if (!bootstrap && !(bootstrap = kimport_cstr("importlib._bootstrap"))) {
            break;
        }
        KValue spec = ask_finder(finder, absname, path, bootstrap);
        if (spec && spec != KV_NONE) {
            m = kfinder_load_spec(spec);
        }
        kval_xdecref(spec);
    }
    kval_xdecref(path);
    kval_xdecref(bootstrap);
    kval_decref(finders);
    return m;
}

// Imports exactly 'absname' (its parent is already imported).
static KValue import_one(KValue absname) {
    KValue m = kdict_get_borrow(kruntime.modules, absname);
    if (m) {
        if (m == KV_NONE) {
            kerr_format(&kexc_ModuleNotFoundError, "import of %U halted; None in sys.modules", absname);
            return KV_NULL;
        }
        return kval_newref(m);
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    // As importlib's _find_spec: no finder is asked once shutdown (or the
    // program) set sys.meta_path to None.
    KValue meta_path = kruntime.sys_dict ? kdict_get_cstr_borrow(kruntime.sys_dict, "meta_path")
                                         : KV_NULL;
    if (meta_path == KV_NONE) {
        kerr_set(&kexc_ImportError, "sys.meta_path is None, Python is likely shutting down");
        return KV_NULL;
    }
    if (meta_path && klist_check(meta_path) && !default_meta_path(meta_path)) {
        m = import_meta_path(absname, meta_path);
    } else {
        m = import_builtin(absname);
        if (!m && !kerr_occurred() && kimport_hook) {
            m = kimport_hook(absname);
        }
    }
    if (m || kerr_occurred()) {
        return m;
    }
    kerr_format(&kexc_ModuleNotFoundError, "No module named %R", absname);
    name_not_found(absname);
    return KV_NULL;
}

// Imports every dotted prefix of 'absname'; returns the last module.
static KValue import_dotted(KValue absname) {
    KStr *s = (KStr *)absname;
    KValue mod = KV_NULL, parent = KV_NULL;
    for (ssize_t i = 0; i <= s->len; i++) {
        if (i < s->len && kstr_char(s, i) != '.') {
            continue;
        }
        KValue prefix = kstr_substr(absname, 0, i);
        if (!prefix) {
            kval_xdecref(parent);
            return KV_NULL;
        }
        kstr_intern(&prefix);
        mod = import_one(prefix);
        kval_decref(prefix);
        if (!mod) {
            kval_xdecref(parent);
            return KV_NULL;
        }
        if (parent) {
            // Bind the submodule on its parent package.
            ssize_t j = i - 1;
            while (j >= 0 && kstr_char(s, j) != '.') {
                j--;
            }
            KValue last = kstr_substr(absname, j + 1, i);
            if (last) {
                KValue has;
                int r = kobj_lookup_attr(parent, last, &has);
                if (r > 0) {
                    kval_decref(has);
                } else if (r == 0 && kobj_setattr(parent, last, mod) < 0) {
                    kerr_clear();
                }
                kval_decref(last);
            }
            kerr_clear();
            kval_decref(parent);
        }
        parent = mod;
    }
    return mod;
}

// Imports the submodules of package 'mod' (named 'absname') listed in
// 'fromlist' that are not attributes yet. 0, or -1 with an exception set.
static int import_fromlist(KValue mod, KValue absname, KValue fromlist) {
    KValue it = kobj_get_iter(fromlist), item;
    if (!it) {
        return -1;
    }
    int r = 0;
    while (r == 0 && (item = kobj_iter_next(it))) {
        KValue has = KV_NULL;
        int found = kstr_check(item) ? kobj_lookup_attr(mod, item, &has) : 1;
        kval_xdecref(has);
        if (found < 0) {
            r = -1;
        } else if (found == 0 && kstr_eq_cstr(item, "*")) {
            KValue all;
            int has_all = kobj_lookup_attr(mod, KID(__all__), &all);
            if (has_all > 0) {
                r = import_fromlist(mod, absname, all);
                kval_decref(all);
            } else if (has_all < 0) {
                r = -1;
            }
        } else if (found == 0) {
            KValue sub = kstr_from_format("%U.%U", absname, item);
            KValue sm = sub ? import_dotted(sub) : KV_NULL;
            if (!sm) {
                KValue e = kerr_occurred();
                if (e && kval_type(e) == &kexc_ModuleNotFoundError &&
                    ((KImportError *)e)->name && 
                    kobj_richcompare_bool(((KImportError *)e)->name, sub, KF_CMP_EQ) > 0) {
                    kerr_clear();
                } else {
                    r = -1;
                }
            }
            kval_xdecref(sm);
            kval_xdecref(sub);
        }
        kval_decref(item);
    }
    if (r == 0 && kerr_occurred()) {
        r = -1;
    }
    kval_decref(it);
    return r;
}

KValue kimport_module(KValue name, KValue globals, KValue fromlist, int level) {
    if (level == 0 && kstr_len(name) == 0) {
        kerr_set(&kexc_ValueError, "Empty module name");
        return KV_NULL;
    }
    KValue absname = resolve_name(name, globals, level);
    if (!absname) {
        return KV_NULL;
    }
    KValue mod = import_dotted(absname);
    if (!mod) {
        kval_decref(absname);
        return KV_NULL;
    }
    int has_from = fromlist && kobj_is_true(fromlist) > 0;
    if (!has_from) {
        if (level == 0 || kstr_len(name) > 0) {
            // The top-level package of the imported name.
            KStr *s = (KStr *)absname;
            ssize_t cut = s->len;
            if (level == 0) {
                for (ssize_t i = 0; i < s->len; i++) {
                    if (kstr_char(s, i) == '.') {
                        cut = i;
                        break;
                    }
                }
            } else {
                ssize_t dots = 0;
                for (ssize_t i = 0; i < kstr_len(name); i++) {
                    dots += kstr_char((KStr *)name, i) == '.';
                }
                cut = s->len;
                for (ssize_t i = s->len - 1; i >= 0 && dots > 0; i--) {
                    if (kstr_char(s, i) == '.') {
                        cut = i;
                        dots--;
                    }
                }
            }
            if (cut < s->len) {
                KValue top = kstr_substr(absname, 0, cut);
                KValue t = top ? kdict_get_borrow(kruntime.modules, top) : KV_NULL;
                kval_xdecref(top);
                if (t) {
                    kval_decref(mod);
                    mod = kval_newref(t);
                }
            }
        }
        kval_decref(absname);
        return mod;
    }
    // from pkg import sub: import submodules named in fromlist when missing;
    // a submodule that is not there is no error (IMPORT_FROM reports it),
    // any other failure propagates, as importlib's _handle_fromlist.
    KValue path;
    int is_pkg = kobj_lookup_attr(mod, KID(__path__), &path);
    if (is_pkg > 0) {
        kval_decref(path);
        if (import_fromlist(mod, absname, fromlist) < 0) {
            kval_decref(mod);
            mod = KV_NULL;
        }
    } else if (is_pkg < 0) {
        kval_decref(mod);
        mod = KV_NULL;
    }
    kval_decref(absname);
    return mod;
}

KValue kimport_cstr(const char *dotted) {
    KValue name = kstr_from_cstr(dotted);
    KValue top = name ? kimport_module(name, KV_NULL, KV_NONE, 0) : KV_NULL;
    KValue m = top ? kdict_get_borrow(kruntime.modules, name) : KV_NULL;
    if (top && !m && !kerr_occurred()) {
        kerr_format(&kexc_ImportError, "%s is not in sys.modules", dotted);
    }
    kval_xdecref(top);
    kval_xdecref(name);
    return kval_xnewref(m);
}
