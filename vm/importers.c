// vm/importers.c: the two finders sys.meta_path starts with, as importlib's
// BuiltinImporter and PathFinder. The import statement uses vm/import.c and
// vm/finder.c directly (in their turn, when a program added finders to
// sys.meta_path); these let importlib (import_module, reload,
// util.find_spec, module_from_spec) reach the same builtin modules, files,
// caches and bundles. krait has no frozen modules and no C extensions.
#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "finder.h"
#include "func.h"
#include "int.h"
#include "internal.h"
#include "list.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static int need_str(KValue v, const char *fname) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument must be str, not %T", fname, v);
        return -1;
    }
    return 0;
}

// find_spec(fullname, path=None, target=None): the arguments, checked.
static int find_spec_args(const char *fname, const KValue *args, size_t nargs, KValue kw,
                          KValue *a) {
    static const char *const kwlist[] = {"fullname", "path", "target", NULL};
    if (kargs_parse(fname, args, nargs, kw, kwlist, 1, 3, a) < 0) {
        return -1;
    }
    return need_str(a[0], fname);
}

static KValue builtin_find_spec(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    KValue a[3];
    if (find_spec_args("find_spec", args, nargs, kw, a) < 0) {
        return KV_NULL;
    }
    if (!kimport_is_builtin(a[0])) {
        return kval_newref(KV_NONE);
    }
    return kfinder_builtin_spec(a[0], cls);
}

static KValue builtin_create_module(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)cls, (void)kw, (void)nargs;
    KValue name = kobj_getattr(args[0], KID(name));
    if (!name) {
        return KV_NULL;
    }
    KValue m = KV_NULL;
    if (need_str(name, "create_module") == 0) {
        m = kimport_is_builtin(name) ? kimport_module(name, KV_NULL, KV_NULL, 0)
                                     : (kerr_format(&kexc_ImportError,
                                                    "no built-in module named %U", name),
                                        KV_NULL);
    }
    kval_decref(name);
    return m;
}

static KValue none_o(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)cls, (void)args, (void)nargs, (void)kw;
    return kval_newref(KV_NONE);
}

static KValue false_o(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)cls, (void)args, (void)nargs, (void)kw;
    return kval_newref(KV_FALSE);
}

static const KMethodDef builtin_importer_methods[] = {
    {"find_spec", builtin_find_spec, KMETH_KW | KMETH_CLASS, NULL},
    {"create_module", builtin_create_module, KMETH_O | KMETH_CLASS, NULL},
    {"exec_module", none_o, KMETH_O | KMETH_CLASS, NULL},
    {"get_code", none_o, KMETH_O | KMETH_CLASS, NULL},
    {"get_source", none_o, KMETH_O | KMETH_CLASS, NULL},
    {"is_package", false_o, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kimp_builtin_importer_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_frozen_importlib.BuiltinImporter",
    .basicsize = sizeof(KObject),
    .methods = builtin_importer_methods,
    .doc = "Meta path import for built-in modules.\n"
        "\n"
        "    All methods are either class or static methods to avoid the need to\n"
        "    instantiate the class.\n"
        "\n"
        "    ",
};

// PathFinder.find_spec: 'path' None searches sys.path (importlib passes the
// parent package's __path__ for a submodule).
static KValue path_find_spec(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)cls;
    KValue a[3];
    if (find_spec_args("find_spec", args, nargs, kw, a) < 0) {
        return KV_NULL;
    }
    KValue search = a[1] && a[1] != KV_NONE ? a[1] : kdict_get_borrow(kruntime.sys_dict, KID(path));
    if (!search) {
        kerr_set(&kexc_ImportError, "sys.path must be a list of directory names");
        return KV_NULL;
    }
    KFound f;
    if (kfinder_find_in(a[0], search, &f) < 0) {
        return KV_NULL;
    }
    KValue spec = f.kind == KFIND_NONE ? kval_newref(KV_NONE) : kfinder_spec(&f, a[0]);
    kfinder_found_free(&f);
    return spec;
}

// PathFinder.find_distributions(context=...): importlib.metadata's
// MetadataPathFinder over sys.path, as CPython's PathFinder delegates
// (importlib.metadata.distributions() asks every finder on sys.meta_path).
static KValue path_find_distributions(KValue cls, const KValue *args, size_t nargs,
                                      KValue kwnames) {
    (void)cls;
    KValue mod = kimport_cstr("importlib.metadata");
    KValue finder = mod ? kobj_getattr_cstr(mod, "MetadataPathFinder") : KV_NULL;
    KValue method = finder ? kobj_getattr_cstr(finder, "find_distributions") : KV_NULL;
    KValue result = method ? kobj_call(method, args, nargs, kwnames) : KV_NULL;
    kval_xdecref(method);
    kval_xdecref(finder);
    kval_xdecref(mod);
    return result;
}

static const KMethodDef path_finder_methods[] = {
    {"find_spec", path_find_spec, KMETH_KW | KMETH_CLASS, NULL},
    {"find_distributions", path_find_distributions, KMETH_KW | KMETH_CLASS, NULL},
    {"invalidate_caches", none_o, KMETH_NOARGS | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kimp_path_finder_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_frozen_importlib_external.PathFinder",
    .basicsize = sizeof(KObject),
    .methods = path_finder_methods,
};

KValue kimp_meta_path(void) {
    KType *types[] = {&kimp_builtin_importer_type, &kimp_path_finder_type};
    KValue l = klist_new(0);
    for (int i = 0; l && i < 2; i++) {
        if ((!(types[i]->flags & KTF_READY) && ktype_ready(types[i]) < 0) ||
            klist_append(l, kval_of(types[i])) < 0) {
            KVAL_CLEAR(l);
        }
    }
    return l;
}
