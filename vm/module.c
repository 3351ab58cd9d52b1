// vm/module.c: module objects: a namespace dict and a name, attribute
// access with module-level __getattr__ (PEP 562), repr as CPython's.
#include "module.h"
#include "internal.h"

#include <stddef.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "gc.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static int init_dict(KValue d, KValue name, KValue doc) {
    if (kdict_set(d, KID(__name__), name) < 0 ||
        kdict_set(d, KID(__doc__), doc ? doc : KV_NONE) < 0 ||
        kdict_set(d, KID(__package__), KV_NONE) < 0 ||
        kdict_set(d, KID(__loader__), KV_NONE) < 0 || kdict_set(d, KID(__spec__), KV_NONE) < 0) {
        return -1;
    }
    return 0;
}

static KValue module_alloc(KType *type) {
    KModule *m = (KModule *)kobj_alloc(type, (size_t)type->basicsize);
    if (!m) {
        return kerr_no_memory();
    }
    m->dict = kdict_new();
    if (!m->dict) {
        kval_decref(kval_of(m));
        return KV_NULL;
    }
    return kval_of(m);
}

KValue kmod_new(const char *name) {
    KValue m = module_alloc(&kmodule_type);
    if (!m) {
        return KV_NULL;
    }
    KValue n = kstr_intern_cstr(name);
    if (!n || init_dict(((KModule *)m)->dict, n, KV_NULL) < 0) {
        kval_xdecref(n);
        kval_decref(m);
        return KV_NULL;
    }
    ((KModule *)m)->name = n;
    return m;
}

int kmod_add_ints(KValue mod, const KModInt *table, size_t n) {
    for (size_t i = 0; i < n; i++) {
        KValue v = kint_from_i64(table[i].value);
        if (!v || kmod_add(mod, table[i].name, v) < 0) {
            kval_xdecref(v);
            return -1;
        }
        kval_decref(v);
    }
    return 0;
}

int kmod_add_functions(KValue mod, const KMethodDef *defs) {
    ssize_t count = 0;
    while (defs[count].name) {
        count++;
    }
    if (kdict_reserve(((KModule *)mod)->dict, count) < 0) {
        return -1;
    }
    for (const KMethodDef *d = defs; d->name; d++) {
        KValue f = kcfunc_new(d, mod, ((KModule *)mod)->name);
        if (!f || kdict_set_cstr(((KModule *)mod)->dict, d->name, f) < 0) {
            kval_xdecref(f);
            return -1;
        }
        kval_decref(f);
    }
    return 0;
}

int kmod_add(KValue mod, const char *name, KValue value) {
    return kdict_set_cstr(((KModule *)mod)->dict, name, value);
}

KValue kmod_new_exception(const char *module, const char *name, KType *base) {
    KValue n = kstr_from_cstr(name);
    KValue bases = ktuple_pack(1, kval_of(base));
    KValue ns = kdict_new();
    KValue mod = kstr_from_cstr(module);
    KValue cls = KV_NULL;
    if (n && bases && ns && mod && kdict_set_cstr(ns, "__module__", mod) == 0) {
        cls = ktype_new_class(&ktype_type, n, bases, ns, KV_NULL);
    }
    kval_xdecref(n);
    kval_xdecref(bases);
    kval_xdecref(ns);
    kval_xdecref(mod);
    return cls;
}

static void module_dealloc(KObject *o) {
    KModule *m = (KModule *)o;
    kgc_untrack(o);
    kval_xdecref(m->dict);
    kval_xdecref(m->name);
    kobj_free(o);
}

static int module_traverse(KObject *o, KVisitFn visit, void *arg) {
    KModule *m = (KModule *)o;
    return m->dict && visit(m->dict, arg);
}

// As CPython's module tp_clear: the module lets go of its dict, whose
// contents stay for whoever else holds it (a function alive outside the
// garbage reads its globals there); when the dict is garbage too, its own
// clear empties it. An empty dict takes its place (the rest of krait
// expects one).
static void module_clear(KObject *o) {
    KModule *m = (KModule *)o;
    if (!m->dict) {
        return;
    }
    KValue fresh = kdict_new();
    if (!fresh) {
        kerr_clear();
        kdict_clear(m->dict); // out of memory: the cycle breaks the old way
        return;
    }
    KValue old = m->dict;
    m->dict = fresh;
    kval_decref(old);
}

static KValue module_getattro(KValue self, KValue name) {
    KValue r = kobj_generic_getattr_ex(self, name, 1);
    if (r || kerr_occurred()) {
        return r;
    }
    KModule *m = (KModule *)self;
    KValue getattr = kdict_get_borrow(m->dict, KID(__getattr__));
    if (getattr) {
        return kobj_call1(getattr, name);
    }
    KValue modname = kdict_get_borrow(m->dict, KID(__name__));
    if (modname && kstr_check(modname)) {
        kerr_format(&kexc_AttributeError, "module '%U' has no attribute '%U'", modname, name);
    } else {
        kerr_format(&kexc_AttributeError, "module has no attribute '%U'", name);
    }
    return KV_NULL;
}

static KValue module_repr(KValue self) {
    KModule *m = (KModule *)self;
    KValue name = kdict_get_borrow(m->dict, KID(__name__));
    KValue file = kdict_get_borrow(m->dict, KID(__file__));
    if (!name) {
        name = kstr_ids.empty;
    }
    if (file) {
        return kstr_from_format("<module %R from %R>", name, file);
    }
    return kstr_from_format("<module %R (built-in)>", name);
}

static KValue module_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return module_alloc(type);
}

static int module_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"name", "doc", NULL};
    KValue a[2];
    if (kargs_parse("module", args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return -1;
    }
    if (!kstr_check(a[0])) {
        kerr_format(&kexc_TypeError, "module.__init__() argument 'name' must be str, not %T", a[0]);
        return -1;
    }
    KModule *m = (KModule *)self;
    kval_setref(&m->name, kval_newref(a[0]));
    return init_dict(m->dict, a[0], a[1]);
}

static KValue module_dir(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kdict_keys_list(((KModule *)self)->dict);
}

static const KMethodDef module_methods[] = {
    {"__dir__", module_dir, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef module_members[] = {
    {"__dict__", KMEMBER_OBJECT, offsetof(KModule, dict), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

KType kmodule_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "module",
    .basicsize = sizeof(KModule),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(KModule, dict),
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .clear = module_clear,
    .repr = module_repr,
    .getattro = module_getattro,
    .setattro = kobj_generic_setattr,
    .new_ = module_new,
    .init = module_init,
    .methods = module_methods,
    .members = module_members,
    .doc = "module(name, doc=None)\n"
        "--\n"
        "\n"
        "Create a module object.\n"
        "\n"
        "The name must be a string; the optional doc argument can have any type.",
};
