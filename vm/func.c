// vm/func.c: Python functions, bound methods, closure cells, and the
// argument parser that builtins share (kargs_*).
#include "func.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "code.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

// ---------------------------------------------------------------------------
// Functions.

// Where kfunc_new last found a key in its globals (the dict's keys block
// and the entry's position).
typedef struct EntryHint {
    KDictKeys *keys;
    ssize_t ix;
} EntryHint;

// globals[key] for the interned str 'key' as kdict_get_borrow answers it,
// the entry at '*hint' tried first: a module's thousands of MAKE_FUNCTIONs
// run against one globals dict whose entries do not move. A hit reads the
// live entry of the dict's current keys, its key compared by identity, so
// it is the lookup's answer whatever happened in between (a deleted entry
// has no key; entries past 'nentries' are not read).
static KValue get_hinted_borrow(KValue globals, KValue key, EntryHint *hint) {
    KDictKeys *k = ((KDict *)globals)->keys;
    if (k == hint->keys && hint->ix >= 0 && hint->ix < k->nentries) {
        KDictEntry *e = &kdict_keys_entries(k)[hint->ix];
        if (e->key == key) {
            return e->value;
        }
    }
    KValue v = kdict_get_borrow(globals, key);
    if (v) {
        hint->keys = ((KDict *)globals)->keys;
        hint->ix = kdict_str_index(globals, key);
    }
    return v;
}

static EntryHint name_hint, builtins_hint;

KValue kfunc_new(KValue code, KValue globals, KValue qualname) {
    KCode *c = (KCode *)code;
    KFunction *f = (KFunction *)kobj_alloc(&kfunction_type, sizeof(KFunction));
    if (!f) {
        return kerr_no_memory();
    }
    f->code = kval_newref(code);
    f->globals = kval_newref(globals);
    f->name = kval_newref(c->name);
    f->qualname = kval_newref(qualname ? qualname : c->qualname);
    // f->doc stays KV_NULL: see func_doc_borrow.
    KValue modname = get_hinted_borrow(globals, KID(__name__), &name_hint);
    f->module = kval_newref(modname ? modname : KV_NONE);
    KValue b = get_hinted_borrow(globals, KID(__builtins__), &builtins_hint);
    if (b && kval_type(b) == &kmodule_type) {
        b = ((KModule *)b)->dict;
    }
    if (!b || !kdict_check(b)) {
        b = kruntime.builtins;
    }
    f->builtins = kval_newref(b);
    return kval_of(f);
}

static void func_dealloc(KObject *o) {
    KFunction *f = (KFunction *)o;
    kgc_untrack(o);
    KValue *fields[] = {&f->code,     &f->globals, &f->builtins, &f->name,   &f->qualname,
                        &f->defaults, &f->kwdefaults, &f->closure, &f->doc, &f->module,
                        &f->annotations, &f->dict};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        KVAL_CLEAR(*fields[i]);
    }
    kobj_free(o);
}

// Visits each field by name: the collector traverses every young function
// twice per collection (an import defining 2,000 functions: 677K -> 240K
// instructions with an array of fields looped over instead).
#define VISIT_FIELD(v)                                                                            \
    do {                                                                                          \
        if ((v) && visit((v), arg)) {                                                             \
            return 1;                                                                             \
        }                                                                                         \
    } while (0)

static int func_traverse(KObject *o, KVisitFn visit, void *arg) {
    KFunction *f = (KFunction *)o;
    VISIT_FIELD(f->code);
    VISIT_FIELD(f->globals);
    VISIT_FIELD(f->builtins);
    VISIT_FIELD(f->defaults);
    VISIT_FIELD(f->kwdefaults);
    VISIT_FIELD(f->closure);
    VISIT_FIELD(f->doc);
    VISIT_FIELD(f->module);
    VISIT_FIELD(f->annotations);
    VISIT_FIELD(f->dict);
    return 0;
}

#undef VISIT_FIELD

static void func_clear(KObject *o) {
    KFunction *f = (KFunction *)o;
    KVAL_CLEAR(f->globals);
    KVAL_CLEAR(f->builtins);
    KVAL_CLEAR(f->defaults);
    KVAL_CLEAR(f->kwdefaults);
    KVAL_CLEAR(f->closure);
    KVAL_CLEAR(f->doc);
    f->doc = kval_newref(KV_NONE); // cleared, not pending (func_doc_borrow)
    KVAL_CLEAR(f->module);
    KVAL_CLEAR(f->annotations);
    KVAL_CLEAR(f->dict);
}

// __doc__ of 'f': a function takes co_consts[0] of the code it is made
// with when that is a str (CPython's func_new), but it is looked up here,
// when first asked for (KV_NULL until then; __code__'s setter asks first):
// reading it when the function is made cost each of an import's functions
// a constant record read from its cache, for a __doc__ rarely looked at.
// Borrowed, or KV_NULL with an exception (a corrupt cache).
static KValue func_doc_borrow(KFunction *f) {
    if (!f->doc) {
        KValue doc = kcode_doc_borrow((KCode *)f->code);
        if (!doc) {
            return KV_NULL;
        }
        if (!f->doc) { // not set meanwhile
            f->doc = kval_newref(doc);
        }
    }
    return f->doc;
}

static KValue func_repr(KValue self) {
    return kstr_from_format("<function %U at %p>", ((KFunction *)self)->qualname, (void *)self);
}

static KValue func_descr_get(KValue self, KValue obj, KValue type) {
    (void)type;
    if (!obj || obj == KV_NONE) {
        return kval_newref(self);
    }
    return kmethod_new(self, obj);
}

#define FUNC_FIELD_GETSET(field, pyname, check, msg)                                             \
    static KValue func_get_##field(KValue self) {                                                \
        KValue v = ((KFunction *)self)->field;                                                   \
        return kval_newref(v ? v : KV_NONE);                                                     \
    }                                                                                            \
    static int func_set_##field(KValue self, KValue value) {                                     \
        if (value == KV_NONE) {                                                                  \
            value = KV_NULL;                                                                     \
        }                                                                                        \
        if (value && !(check)) {                                                                 \
            kerr_set(&kexc_TypeError, msg);                                                      \
            return -1;                                                                           \
        }                                                                                        \
        kval_setref(&((KFunction *)self)->field, kval_xnewref(value));                           \
        return 0;                                                                                \
    }

FUNC_FIELD_GETSET(defaults, "__defaults__", ktuple_check(value),
                  "__defaults__ must be set to a tuple object")
FUNC_FIELD_GETSET(kwdefaults, "__kwdefaults__", kdict_check(value),
                  "__kwdefaults__ must be set to a dict object")

static KValue func_get_code(KValue self) {
    return kval_newref(((KFunction *)self)->code);
}

static int func_set_code(KValue self, KValue value) {
    if (!value || !kcode_check(value)) {
        kerr_set(&kexc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    // The frame copies the closure's cells into the code's free slots.
    KFunction *fn = (KFunction *)self;
    ssize_t nclosure = fn->closure ? ktuple_len(fn->closure) : 0;
    if (((KCode *)value)->nfree != nclosure) {
        kerr_format(&kexc_ValueError, "%U() requires a code object with %zd free vars, not %d",
                    fn->name, nclosure, ((KCode *)value)->nfree);
        return -1;
    }
    if (!func_doc_borrow(fn)) { // the old code's docstring stays
        return -1;
    }
    kval_setref(&((KFunction *)self)->code, kval_newref(value));
    return 0;
}

static KValue func_get_globals(KValue self) {
    return kval_newref(((KFunction *)self)->globals);
}

static KValue func_get_builtins(KValue self) {
    return kval_newref(((KFunction *)self)->builtins);
}

static KValue func_get_closure(KValue self) {
    KValue c = ((KFunction *)self)->closure;
    return kval_newref(c ? c : KV_NONE);
}

static KValue func_get_name(KValue self) {
    return kval_newref(((KFunction *)self)->name);
}

static int func_set_name(KValue self, KValue value) {
    if (!value || !kstr_check(value)) {
        kerr_set(&kexc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    kval_setref(&((KFunction *)self)->name, kval_newref(value));
    return 0;
}

static KValue func_get_qualname(KValue self) {
    return kval_newref(((KFunction *)self)->qualname);
}

static int func_set_qualname(KValue self, KValue value) {
    if (!value || !kstr_check(value)) {
        kerr_set(&kexc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    kval_setref(&((KFunction *)self)->qualname, kval_newref(value));
    return 0;
}

static KValue func_get_doc(KValue self) {
    KValue d = func_doc_borrow((KFunction *)self);
    return d ? kval_newref(d) : KV_NULL;
}

static int func_set_doc(KValue self, KValue value) {
    kval_setref(&((KFunction *)self)->doc, kval_newref(value ? value : KV_NONE));
    return 0;
}

static KValue func_get_module(KValue self) {
    KValue d = ((KFunction *)self)->module;
    return kval_newref(d ? d : KV_NONE);
}

static int func_set_module(KValue self, KValue value) {
    kval_setref(&((KFunction *)self)->module, kval_newref(value ? value : KV_NONE));
    return 0;
}

static KValue func_get_annotations(KValue self) {
    KFunction *f = (KFunction *)self;
    if (!f->annotations) {
        f->annotations = kdict_new();
        if (!f->annotations) {
            return KV_NULL;
        }
    } else if (ktuple_check(f->annotations)) {
        // MAKE_FUNCTION's flat (name, value, ...) tuple.
        KValue d = kdict_new();
        if (!d) {
            return KV_NULL;
        }
        KValue t = f->annotations;
        for (ssize_t i = 0; i + 1 < ktuple_len(t); i += 2) {
            if (kdict_set(d, ktuple_items(t)[i], ktuple_items(t)[i + 1]) < 0) {
                kval_decref(d);
                return KV_NULL;
            }
        }
        kval_setref(&f->annotations, d);
    }
    return kval_newref(f->annotations);
}

static int func_set_annotations(KValue self, KValue value) {
    if (value == KV_NONE) {
        value = KV_NULL;
    }
    if (value && !kdict_check(value)) {
        kerr_set(&kexc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    kval_setref(&((KFunction *)self)->annotations, kval_xnewref(value));
    return 0;
}

static KValue func_get_dict(KValue self) {
    KValue d = kobj_get_dict_borrow(self);
    return d ? kval_newref(d) : KV_NULL;
}

static int func_set_dict(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!kdict_check(value)) {
        kerr_format(&kexc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", value);
        return -1;
    }
    kval_setref(&((KFunction *)self)->dict, kval_newref(value));
    return 0;
}

static const KGetSetDef func_getsets[] = {
    {"__code__", func_get_code, func_set_code, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL},
    {"__globals__", func_get_globals, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL},
    {"__module__", func_get_module, func_set_module, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

static KValue func_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    static const char *const kwlist[] = {"code", "globals", "name", "argdefs", "closure", NULL};
    KValue a[5];
    if (kargs_parse("function", args, nargs, kwnames, kwlist, 2, 5, a) < 0) {
        return KV_NULL;
    }
    if (!kcode_check(a[0]) || !kdict_check(a[1])) {
        kerr_set(&kexc_TypeError, "function() argument 'code' must be code, globals a dict");
        return KV_NULL;
    }
    KValue f = kfunc_new(a[0], a[1], KV_NULL);
    if (f && a[2] && a[2] != KV_NONE) {
        kval_setref(&((KFunction *)f)->name, kval_newref(a[2]));
    }
    if (f && a[3] && a[3] != KV_NONE) {
        kval_setref(&((KFunction *)f)->defaults, kval_newref(a[3]));
    }
    if (f && a[4] && a[4] != KV_NONE) {
        kval_setref(&((KFunction *)f)->closure, kval_newref(a[4]));
    }
    return f;
}

KType kfunction_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "function",
    .basicsize = sizeof(KFunction),
    .flags = KTF_GC | KTF_METHOD_DESCR | KTF_WEAKREF,
    .dictoffset = offsetof(KFunction, dict),
    .dealloc = func_dealloc,
    .traverse = func_traverse,
    .clear = func_clear,
    .repr = func_repr,
    .call = keval_call_function,
    .descr_get = func_descr_get,
    .setattro = kobj_generic_setattr,
    .new_ = func_new,
    .getsets = func_getsets,
    .doc = "function(code, globals, name=None, argdefs=None, closure=None)\n"
        "--\n"
        "\n"
        "Create a function object.\n"
        "\n"
        "  code\n"
        "    a code object\n"
        "  globals\n"
        "    the globals dictionary\n"
        "  name\n"
        "    a string that overrides the name from the code object\n"
        "  argdefs\n"
        "    a tuple that specifies the default argument values\n"
        "  closure\n"
        "    a tuple that supplies the bindings for free variables",
};

// ---------------------------------------------------------------------------
// Bound methods.

KValue kmethod_new(KValue func, KValue self) {
    KMethod *m = (KMethod *)kobj_alloc(&kmethod_type, sizeof(KMethod));
    if (!m) {
        return kerr_no_memory();
    }
    m->func = kval_newref(func);
    m->self = kval_newref(self);
    return kval_of(m);
}

static void method_dealloc(KObject *o) {
    KMethod *m = (KMethod *)o;
    kgc_untrack(o);
    kval_xdecref(m->func);
    kval_xdecref(m->self);
    kobj_free(o);
}

static int method_traverse(KObject *o, KVisitFn visit, void *arg) {
    KMethod *m = (KMethod *)o;
    return visit(m->func, arg) || visit(m->self, arg);
}

static KValue method_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KMethod *m = (KMethod *)self;
    size_t nkw = kwnames ? (size_t)ktuple_len(kwnames) : 0;
    KValue local[8];
    KValue *full = nargs + nkw + 1 <= 8 ? local : kmem_alloc((nargs + nkw + 1) * sizeof(KValue));
    if (!full) {
        return kerr_no_memory();
    }
    full[0] = m->self;
    if (nargs + nkw) { // 'args' may be NULL when empty
        if (nargs + nkw) {
            if (nargs + nkw) {
        memcpy(full + 1, args, (nargs + nkw) * sizeof(KValue));
    }
        }
    }
    KValue r = kobj_call(m->func, full, nargs + 1, kwnames);
    if (full != local) {
        kmem_free(full);
    }
    return r;
}

static KValue method_repr(KValue self) {
    KMethod *m = (KMethod *)self;
    KValue name;
    if (kobj_lookup_attr(m->func, KID(__qualname__), &name) <= 0) {
        kerr_clear();
        if (kobj_lookup_attr(m->func, KID(__name__), &name) <= 0) {
            kerr_clear();
            name = kstr_from_cstr("?");
            if (!name) {
                return KV_NULL;
            }
        }
    }
    KValue r = kstr_from_format("<bound method %S of %R>", name, m->self);
    kval_decref(name);
    return r;
}

static KValue method_richcompare(KValue a, KValue b, int op) {
    if ((op != KF_CMP_EQ && op != KF_CMP_NE) || kval_type(a) != &kmethod_type ||
        kval_type(b) != &kmethod_type) {
        return kval_newref(KV_NOTIMPL);
    }
    KMethod *x = (KMethod *)a, *y = (KMethod *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = kobj_richcompare_bool(x->func, y->func, KF_CMP_EQ);
        if (eq < 0) {
            return KV_NULL;
        }
    }
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

static int64_t method_hash(KValue self) {
    KMethod *m = (KMethod *)self;
    int64_t a = (int64_t)((uintptr_t)m->self >> 4);
    int64_t b = kobj_hash(m->func);
    if (b == -1) {
        return -1;
    }
    int64_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static KValue method_getattro(KValue self, KValue name) {
    KValue r = kobj_generic_getattr_ex(self, name, 1);
    if (r || kerr_occurred()) {
        return r;
    }
    return kobj_getattr(((KMethod *)self)->func, name);
}

static KValue method_get_func(KValue self) {
    return kval_newref(((KMethod *)self)->func);
}

static KValue method_get_self(KValue self) {
    return kval_newref(((KMethod *)self)->self);
}

// A bound method's __doc__ is its function's (CPython's method_get_doc).
static KValue method_get_doc(KValue self) {
    return kobj_getattr(((KMethod *)self)->func, KID(__doc__));
}

static const KGetSetDef method_getsets[] = {
    {"__doc__", method_get_doc, NULL, NULL},
    {"__func__", method_get_func, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KValue method_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    if (kargs_no_kw("method", kwnames) < 0 || kargs_count("method", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!kobj_is_callable(args[0])) {
        kerr_set(&kexc_TypeError, "first argument must be callable");
        return KV_NULL;
    }
    if (args[1] == KV_NONE) {
        kerr_set(&kexc_TypeError, "instance must not be None");
        return KV_NULL;
    }
    return kmethod_new(args[0], args[1]);
}

KType kmethod_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "method",
    .doc = "method(function, instance, /)\n"
        "--\n"
        "\n"
        "Create a bound instance method object.",
    .basicsize = sizeof(KMethod),
    .flags = KTF_GC | KTF_WEAKREF,
    .dealloc = method_dealloc,
    .traverse = method_traverse,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .getattro = method_getattro,
    .call = method_call,
    .new_ = method_new,
    .getsets = method_getsets,
};

// ---------------------------------------------------------------------------
// Cells.

KValue kcell_new(KValue value) {
    KCell *c = (KCell *)kobj_alloc(&kcell_type, sizeof(KCell));
    if (!c) {
        return kerr_no_memory();
    }
    c->ref = kval_xnewref(value);
    return kval_of(c);
}

static void cell_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((KCell *)o)->ref);
    kobj_free(o);
}

static int cell_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue r = ((KCell *)o)->ref;
    return r && visit(r, arg);
}

static void cell_clear(KObject *o) {
    KVAL_CLEAR(((KCell *)o)->ref);
}

static KValue cell_repr(KValue self) {
    KValue r = ((KCell *)self)->ref;
    if (!r) {
        return kstr_from_format("<cell at %p: empty>", (void *)self);
    }
    return kstr_from_format("<cell at %p: %s object at %p>", (void *)self,
                            ktype_name(kval_type(r)), (void *)r);
}

static KValue cell_get_contents(KValue self) {
    KValue r = ((KCell *)self)->ref;
    if (!r) {
        kerr_set(&kexc_ValueError, "Cell is empty");
        return KV_NULL;
    }
    return kval_newref(r);
}

static int cell_set_contents(KValue self, KValue value) {
    kval_setref(&((KCell *)self)->ref, kval_xnewref(value));
    return 0;
}

static const KGetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL},
};

static KValue cell_richcompare(KValue a, KValue b, int op) {
    if (kval_type(a) != &kcell_type || kval_type(b) != &kcell_type) {
        return kval_newref(KV_NOTIMPL);
    }
    KValue x = ((KCell *)a)->ref, y = ((KCell *)b)->ref;
    if (x && y) {
        return kobj_richcompare(x, y, op);
    }
    int c = (x != KV_NULL) - (y != KV_NULL);
    int r = op == KF_CMP_LT   ? c < 0
            : op == KF_CMP_LE ? c <= 0
            : op == KF_CMP_EQ ? c == 0
            : op == KF_CMP_NE ? c != 0
            : op == KF_CMP_GT ? c > 0
                              : c >= 0;
    return kbool_from(r);
}

static KValue cell_new_slot(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    if (kargs_no_kw("cell", kwnames) < 0 || kargs_count("cell", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    return kcell_new(nargs ? args[0] : KV_NULL);
}

KType kcell_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "cell",
    .basicsize = sizeof(KCell),
    .flags = KTF_GC,
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .repr = cell_repr,
    .richcompare = cell_richcompare,
    .new_ = cell_new_slot,
    .getsets = cell_getsets,
    .doc = "cell([contents])\n"
        "--\n"
        "\n"
        "Create a new cell object.\n"
        "\n"
        "  contents\n"
        "    the contents of the cell. If not specified, the cell will be empty,\n"
        "    and \n"
        " further attempts to access its cell_contents attribute will\n"
        "    raise a ValueError.",
};

// ---------------------------------------------------------------------------
// Argument parsing for builtins.

int kargs_no_kw(const char *fname, KValue kwnames) {
    if (kwnames && ktuple_len(kwnames) > 0) {
        kerr_format(&kexc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int kargs_count(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        if (min == max) {
            kerr_format(&kexc_TypeError, "%s expected %zu argument%s, got %zu", fname, min,
                        min == 1 ? "" : "s", nargs);
        } else {
            kerr_format(&kexc_TypeError, "%s expected at least %zu argument%s, got %zu", fname,
                        min, min == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    if (nargs > max) {
        if (min == max) {
            kerr_format(&kexc_TypeError, "%s expected %zu argument%s, got %zu", fname, max,
                        max == 1 ? "" : "s", nargs);
        } else {
            kerr_format(&kexc_TypeError, "%s expected at most %zu argument%s, got %zu", fname,
                        max, max == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    return 0;
}

// "f()" for a function named 'fname' in kargs_parse's messages; CPython
// says "function" for an unnamed one (NULL).
static const char *fn_name(const char *fname, char *buf, size_t size) {
    if (!fname) {
        return "function";
    }
    snprintf(buf, size, "%s()", fname);
    return buf;
}

int kargs_parse(const char *fname, const KValue *args, size_t nargs, KValue kwnames,
                const char *const *kwlist, int required, int maxpos, KValue *out) {
    char who[96];
#define WHO fn_name(fname, who, sizeof who)
    int n = 0;
    while (kwlist[n]) {
        out[n] = KV_NULL;
        n++;
    }
    if ((int)nargs > maxpos) {
        if (maxpos == 0) {
            kerr_format(&kexc_TypeError, "%s takes no positional arguments", WHO);
        } else {
            kerr_format(&kexc_TypeError, "%s takes at most %d argument%s (%zu given)",
                        WHO, maxpos, maxpos == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    if (kwnames) {
        for (ssize_t k = 0; k < ktuple_len(kwnames); k++) {
            KValue key = ktuple_items(kwnames)[k];
            int found = -1;
            for (int i = 0; i < n; i++) {
                if (kwlist[i][0] && kstr_eq_cstr(key, kwlist[i])) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                kerr_format(&kexc_TypeError, "'%U' is an invalid keyword argument for %s%s", key,
                            fname ? fname : "this function", fname ? "()" : "");
                return -1;
            }
            if (out[found]) {
                kerr_format(&kexc_TypeError, "argument for %s given by name ('%s') and position (%d)",
                            WHO, kwlist[found], found + 1);
                return -1;
            }
            out[found] = args[nargs + (size_t)k];
        }
    }
    for (int i = 0; i < required; i++) {
        if (!out[i]) {
            if (kwlist[i][0]) {
                kerr_format(&kexc_TypeError, "%s missing required argument '%s' (pos %d)",
                            WHO, kwlist[i], i + 1);
            } else {
                kerr_format(&kexc_TypeError, "%s takes at least %d positional argument%s (%zu given)",
                            WHO, required, required == 1 ? "" : "s", nargs);
            }
            return -1;
        }
    }
    return 0;
#undef WHO
}

// The index in 'kwnames' of the keyword 'name', or -1.
static ssize_t find_keyword(KValue kwnames, const char *name) {
    for (ssize_t k = 0; kwnames && k < ktuple_len(kwnames); k++) {
        if (kstr_eq_cstr(ktuple_items(kwnames)[k], name)) {
            return k;
        }
    }
    return -1;
}

int kargs_unpack(const char *fname, const KValue *args, size_t nargs, KValue kwnames,
                 const char *const *kwlist, int minpos, int maxpos, KValue *out) {
    int posonly = 0, maxargs = 0;
    while (kwlist[maxargs]) {
        posonly += !kwlist[maxargs][0];
        out[maxargs++] = KV_NULL;
    }
    ssize_t nkw = kwnames ? ktuple_len(kwnames) : 0;
    if ((ssize_t)nargs + nkw > maxargs) {
        kerr_format(&kexc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", fname,
                    maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
                    (ssize_t)nargs + nkw);
        return -1;
    }
    if ((int)nargs > maxpos) {
        if (maxpos == 0) {
            kerr_format(&kexc_TypeError, "%s() takes no positional arguments", fname);
        } else {
            kerr_format(&kexc_TypeError, "%s() takes %s %d positional argument%s (%zu given)",
                        fname, minpos < maxpos ? "at most" : "exactly", maxpos,
                        maxpos == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    int minposonly = minpos < posonly ? minpos : posonly;
    if ((int)nargs < minposonly) {
        kerr_format(&kexc_TypeError, "%s() takes %s %d positional argument%s (%zu given)", fname,
                    minposonly < maxpos ? "at least" : "exactly", minposonly,
                    minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (int i = (int)nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
        ssize_t k = nkw ? find_keyword(kwnames, kwlist[i]) : -1;
        if (k >= 0) {
            out[i] = args[nargs + (size_t)k];
            nkw--;
        } else if (i < minpos) {
            kerr_format(&kexc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                        kwlist[i], i + 1);
            return -1;
        }
    }
    if (nkw > 0) {
        for (int i = posonly; i < (int)nargs; i++) {
            if (find_keyword(kwnames, kwlist[i]) >= 0) {
                kerr_format(&kexc_TypeError,
                            "argument for %s() given by name ('%s') and position (%d)", fname,
                            kwlist[i], i + 1);
                return -1;
            }
        }
        for (ssize_t k = 0; k < ktuple_len(kwnames); k++) {
            KValue key = ktuple_items(kwnames)[k];
            int known = 0;
            for (int i = posonly; i < maxargs && !known; i++) {
                known = kstr_eq_cstr(key, kwlist[i]);
            }
            if (!known) {
                kerr_format(&kexc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                            fname);
                return -1;
            }
        }
    }
    return 0;
}

int kfunc_init(void) {
    return 0;
}
