// vm/descr.c: builtin functions and the descriptors of builtin types:
// method descriptors (list.append), classmethod descriptors
// (dict.fromkeys), slot wrappers (int.__add__) and their bound
// method-wrappers, member and getset descriptors; and the Python-level
// descriptors property, staticmethod and classmethod.
#include <stddef.h>
#include "internal.h"
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "doc.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "mem.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "typeslots.h"

// ---------------------------------------------------------------------------
// Builtin functions.

// Whether a call with 'nargs' positional arguments and 'kwnames' fits the
// convention of 'def'; the callers below check this first and build the
// owner's name (a strcmp or strrchr) only for the error message.
static inline int cfunc_args_fit(const KMethodDef *def, size_t nargs, KValue kwnames) {
    int flags = def->flags;
    if (kwnames && ktuple_len(kwnames) > 0 && !(flags & KMETH_KW)) {
        return 0;
    }
    return !((flags & KMETH_NOARGS) && nargs != 0) && !((flags & KMETH_O) && nargs != 1);
}

KValue kcfunc_call_def(const KMethodDef *def, const char *owner, KValue self, const KValue *args,
                       size_t nargs, KValue kwnames) {
    int flags = def->flags;
    int has_kw = kwnames && ktuple_len(kwnames) > 0;
    if (!(flags & KMETH_KW) && has_kw) {
        if (owner) {
            kerr_format(&kexc_TypeError, "%s.%s() takes no keyword arguments", owner, def->name);
        } else {
            kerr_format(&kexc_TypeError, "%s() takes no keyword arguments", def->name);
        }
        return KV_NULL;
    }
    if ((flags & KMETH_NOARGS) && nargs != 0) {
        if (owner) {
            kerr_format(&kexc_TypeError, "%s.%s() takes no arguments (%zu given)", owner,
                        def->name, nargs);
        } else {
            kerr_format(&kexc_TypeError, "%s() takes no arguments (%zu given)", def->name, nargs);
        }
        return KV_NULL;
    }
    if ((flags & KMETH_O) && nargs != 1) {
        if (owner) {
            kerr_format(&kexc_TypeError, "%s.%s() takes exactly one argument (%zu given)", owner,
                        def->name, nargs);
        } else {
            kerr_format(&kexc_TypeError, "%s() takes exactly one argument (%zu given)", def->name,
                        nargs);
        }
        return KV_NULL;
    }
    return def->fn(self, args, nargs, has_kw ? kwnames : KV_NULL);
}

KValue kcfunc_new(const KMethodDef *def, KValue self, KValue module) {
    KCFunction *f = (KCFunction *)kobj_alloc(&kcfunction_type, sizeof(KCFunction));
    if (!f) {
        return kerr_no_memory();
    }
    f->def = def;
    f->self = kval_xnewref(self);
    f->module = kval_xnewref(module);
    return kval_of(f);
}

static void cfunc_dealloc(KObject *o) {
    KCFunction *f = (KCFunction *)o;
    kgc_untrack(o);
    kval_xdecref(f->self);
    kval_xdecref(f->module);
    kobj_free(o);
}

static int cfunc_traverse(KObject *o, KVisitFn visit, void *arg) {
    KCFunction *f = (KCFunction *)o;
    return (f->self && visit(f->self, arg)) || (f->module && visit(f->module, arg));
}

// The owner name for messages: the type of a bound method's self, or the
// module of a module's function ("math.sqrt() takes exactly one argument",
// as CPython's _PyObject_FunctionStr; builtins' functions go unqualified).
static const char *cfunc_owner(KCFunction *f) {
    if (!f->self) {
        return NULL;
    }
    if (kval_type(f->self) == &kmodule_type) {
        KValue name = ((KModule *)f->self)->name;
        const char *s = name && kstr_check(name) ? kstr_utf8(name, NULL) : NULL;
        return s && strcmp(s, "builtins") ? s : NULL;
    }
    if (f->def->flags & KMETH_CLASS) {
        return ktype_short_name((KType *)f->self);
    }
    return ktype_short_name(kval_type(f->self));
}

static KValue cfunc_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KCFunction *f = (KCFunction *)self;
    if (cfunc_args_fit(f->def, nargs, kwnames)) {
        return f->def->fn(f->self, args, nargs, kwnames && ktuple_len(kwnames) ? kwnames : KV_NULL);
    }
    return kcfunc_call_def(f->def, cfunc_owner(f), f->self, args, nargs, kwnames);
}

static KValue cfunc_repr(KValue self) {
    KCFunction *f = (KCFunction *)self;
    if (!f->self || kval_type(f->self) == &kmodule_type) {
        return kstr_from_format("<built-in function %s>", f->def->name);
    }
    if (ktype_check(f->self)) {
        return kstr_from_format("<built-in method %s of type object at %p>", f->def->name,
                                (void *)f->self);
    }
    return kstr_from_format("<built-in method %s of %s object at %p>", f->def->name,
                            ktype_name(kval_type(f->self)), (void *)f->self);
}

static KValue cfunc_get_name(KValue self) {
    return kstr_from_cstr(((KCFunction *)self)->def->name);
}

static KValue cfunc_get_qualname(KValue self) {
    KCFunction *f = (KCFunction *)self;
    const char *owner = cfunc_owner(f);
    if (owner) {
        return kstr_from_format("%s.%s", owner, f->def->name);
    }
    return kstr_from_cstr(f->def->name);
}

static KValue cfunc_get_self(KValue self) {
    KValue s = ((KCFunction *)self)->self;
    return kval_newref(s ? s : KV_NONE);
}

static KValue cfunc_get_module(KValue self) {
    KCFunction *f = (KCFunction *)self;
    if (f->module) {
        return kval_newref(f->module);
    }
    if (f->self && kval_type(f->self) == &kmodule_type) {
        return kval_newref(((KModule *)f->self)->name);
    }
    return kval_newref(KV_NONE);
}

static KValue cfunc_get_doc(KValue self) {
    const KMethodDef *def = ((KCFunction *)self)->def;
    return kdoc_get(def->name, def->doc);
}

static KValue cfunc_get_text_signature(KValue self) {
    const KMethodDef *def = ((KCFunction *)self)->def;
    return kdoc_text_signature(def->name, def->doc);
}

static const KGetSetDef cfunc_getsets[] = {
    {"__name__", cfunc_get_name, NULL, NULL},
    {"__qualname__", cfunc_get_qualname, NULL, NULL},
    {"__self__", cfunc_get_self, NULL, NULL},
    {"__module__", cfunc_get_module, NULL, NULL},
    {"__doc__", cfunc_get_doc, NULL, NULL},
    {"__text_signature__", cfunc_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// __reduce__: a module's function pickles as its name (pickle finds the
// module through __module__), a bound method as getattr(self, name), as
// CPython's builtin functions do.
static KValue cfunc_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KCFunction *f = (KCFunction *)self;
    if (!f->self || kval_type(f->self) == &kmodule_type) {
        return kstr_from_cstr(f->def->name);
    }
    KValue key = kstr_intern_cstr("getattr");
    KValue getattr_fn = key ? kdict_get_borrow(kruntime.builtins, key) : KV_NULL;
    kval_xdecref(key);
    if (!getattr_fn) {
        if (!kerr_occurred()) {
            kerr_set(&kexc_AttributeError, "module 'builtins' has no attribute 'getattr'");
        }
        return KV_NULL;
    }
    KValue name = kstr_from_cstr(f->def->name);
    KValue pair = name ? ktuple_pack(2, f->self, name) : KV_NULL;
    KValue r = pair ? ktuple_pack(2, getattr_fn, pair) : KV_NULL;
    kval_xdecref(name);
    kval_xdecref(pair);
    return r;
}

static const KMethodDef cfunc_methods[] = {
    {"__reduce__", cfunc_reduce, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue cfunc_richcompare(KValue a, KValue b, int op) {
    if ((op != KF_CMP_EQ && op != KF_CMP_NE) || kval_type(b) != &kcfunction_type) {
        return kval_newref(KV_NOTIMPL);
    }
    KCFunction *x = (KCFunction *)a, *y = (KCFunction *)b;
    int eq = x->def == y->def && x->self == y->self;
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

static int64_t cfunc_hash(KValue self) {
    KCFunction *f = (KCFunction *)self;
    int64_t h = (int64_t)(((uintptr_t)f->def >> 4) ^ ((uintptr_t)f->self >> 4));
    return h == -1 ? -2 : h;
}

KType kcfunction_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "builtin_function_or_method",
    .basicsize = sizeof(KCFunction),
    .flags = KTF_GC | KTF_WEAKREF,
    .dealloc = cfunc_dealloc,
    .traverse = cfunc_traverse,
    .repr = cfunc_repr,
    .hash = cfunc_hash,
    .richcompare = cfunc_richcompare,
    .call = cfunc_call,
    .methods = cfunc_methods,
    .getsets = cfunc_getsets,
};

// ---------------------------------------------------------------------------
// Descriptors of builtin types.

static KValue descr_alloc(KType *dtype, KType *owner, const char *name) {
    KDescr *d = (KDescr *)kobj_alloc(dtype, sizeof(KDescr));
    if (!d) {
        return kerr_no_memory();
    }
    d->owner = owner;
    d->name = kstr_intern_cstr(name);
    if (!d->name) {
        kval_decref(kval_of(d));
        return KV_NULL;
    }
    return kval_of(d);
}

KValue kdescr_new_method(KType *owner, const KMethodDef *def) {
    KType *dt = (def->flags & KMETH_CLASS) ? &kclassmethoddescr_type : &kmethoddescr_type;
    KValue d = descr_alloc(dt, owner, def->name);
    if (d) {
        ((KDescr *)d)->method = def;
    }
    return d;
}

KValue kdescr_new_member(KType *owner, const KMemberDef *def) {
    KValue d = descr_alloc(&kmemberdescr_type, owner, def->name);
    if (d) {
        ((KDescr *)d)->member = def;
    }
    return d;
}

KValue kdescr_new_getset(KType *owner, const KGetSetDef *def) {
    KValue d = descr_alloc(&kgetsetdescr_type, owner, def->name);
    if (d) {
        ((KDescr *)d)->getset = def;
    }
    return d;
}

KValue kdescr_new_wrapper(KType *owner, const KSlotDef *slot, void *wrapped) {
    KValue d = descr_alloc(&kwrapperdescr_type, owner, slot->name);
    if (d) {
        ((KDescr *)d)->slot = slot;
        ((KDescr *)d)->wrapped = wrapped;
    }
    return d;
}

static void descr_dealloc(KObject *o) {
    kval_xdecref(((KDescr *)o)->name);
    kobj_free(o);
}

// Checks that 'obj' is an instance of the descriptor's owner.
static int descr_check(KDescr *d, KValue obj, const char *what) {
    if (!ktype_is_subtype(kval_type(obj), d->owner)) {
        kerr_format(&kexc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                    d->name, ktype_name(d->owner), ktype_name(kval_type(obj)));
        (void)what;
        return -1;
    }
    return 0;
}

static KValue methoddescr_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KDescr *d = (KDescr *)self;
    if (nargs < 1) {
        kerr_format(&kexc_TypeError, "unbound method %s.%U() needs an argument",
                    ktype_name(d->owner), d->name);
        return KV_NULL;
    }
    if (descr_check(d, args[0], "method") < 0) {
        return KV_NULL;
    }
    if (cfunc_args_fit(d->method, nargs - 1, kwnames)) {
        return d->method->fn(args[0], args + 1, nargs - 1,
                             kwnames && ktuple_len(kwnames) ? kwnames : KV_NULL);
    }
    return kcfunc_call_def(d->method, ktype_short_name(d->owner), args[0], args + 1, nargs - 1, kwnames);
}

static KValue methoddescr_get(KValue self, KValue obj, KValue type) {
    (void)type;
    KDescr *d = (KDescr *)self;
    if (!obj) {
        return kval_newref(self);
    }
    if (descr_check(d, obj, "method") < 0) {
        return KV_NULL;
    }
    return kcfunc_new(d->method, obj, KV_NULL);
}

static KValue methoddescr_repr(KValue self) {
    KDescr *d = (KDescr *)self;
    return kstr_from_format("<method '%U' of '%s' objects>", d->name, ktype_name(d->owner));
}

static KValue descr_get_name(KValue self) {
    return kval_newref(((KDescr *)self)->name);
}

static KValue descr_get_qualname(KValue self) {
    KDescr *d = (KDescr *)self;
    return kstr_from_format("%s.%U", ktype_short_name(d->owner), d->name);
}

static KValue descr_get_objclass(KValue self) {
    return kval_newref(kval_of(((KDescr *)self)->owner));
}

// The C name and internal doc of what 'd' describes.
static const char *descr_doc(KDescr *d, const char **name) {
    *name = d->method   ? d->method->name
            : d->getset ? d->getset->name
            : d->member ? d->member->name
            : d->slot   ? d->slot->name
                        : NULL;
    return d->method   ? d->method->doc
           : d->getset ? d->getset->doc
           : d->member ? d->member->doc
           : d->slot   ? d->slot->doc
                       : NULL;
}

static KValue descr_get_doc(KValue self) {
    const char *name;
    const char *doc = descr_doc((KDescr *)self, &name);
    return kdoc_get(name, doc);
}

static KValue descr_get_text_signature(KValue self) {
    const char *name;
    const char *doc = descr_doc((KDescr *)self, &name);
    return kdoc_text_signature(name, doc);
}

static const KGetSetDef descr_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL},
    {"__doc__", descr_get_doc, NULL, NULL},
    {"__text_signature__", descr_get_text_signature, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kmethoddescr_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "method_descriptor",
    .basicsize = sizeof(KDescr),
    .flags = KTF_METHOD_DESCR,
    .dealloc = descr_dealloc,
    .repr = methoddescr_repr,
    .call = methoddescr_call,
    .descr_get = methoddescr_get,
    .getsets = descr_getsets,
};

static KValue classmethoddescr_get(KValue self, KValue obj, KValue type) {
    KDescr *d = (KDescr *)self;
    if (!type) {
        type = kval_of(kval_type(obj));
    }
    return kcfunc_new(d->method, type, KV_NULL);
}

static KValue classmethoddescr_call(KValue self, const KValue *args, size_t nargs,
                                    KValue kwnames) {
    KDescr *d = (KDescr *)self;
    if (nargs < 1 || !ktype_check(args[0])) {
        kerr_format(&kexc_TypeError, "descriptor '%U' of '%s' object needs a type argument",
                    d->name, ktype_name(d->owner));
        return KV_NULL;
    }
    return kcfunc_call_def(d->method, ktype_short_name(d->owner), args[0], args + 1, nargs - 1,
                           kwnames);
}

static KValue classmethoddescr_repr(KValue self) {
    KDescr *d = (KDescr *)self;
    return kstr_from_format("<method '%U' of '%s' objects>", d->name, ktype_name(d->owner));
}

KType kclassmethoddescr_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "classmethod_descriptor",
    .basicsize = sizeof(KDescr),
    .dealloc = descr_dealloc,
    .repr = classmethoddescr_repr,
    .call = classmethoddescr_call,
    .descr_get = classmethoddescr_get,
    .getsets = descr_getsets,
};

// Slot wrappers.
static KValue wrapperdescr_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KDescr *d = (KDescr *)self;
    if (nargs < 1) {
        kerr_format(&kexc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->name,
                    ktype_name(d->owner));
        return KV_NULL;
    }
    if (descr_check(d, args[0], "wrapper") < 0) {
        return KV_NULL;
    }
    return d->slot->wrapper(d->slot, d->wrapped, args[0], args + 1, nargs - 1, kwnames);
}

static KValue wrapperdescr_get(KValue self, KValue obj, KValue type) {
    (void)type;
    KDescr *d = (KDescr *)self;
    if (!obj) {
        return kval_newref(self);
    }
    if (descr_check(d, obj, "wrapper") < 0) {
        return KV_NULL;
    }
    KMethodWrapper *w = (KMethodWrapper *)kobj_alloc(&kmethodwrapper_type, sizeof(KMethodWrapper));
    if (!w) {
        return kerr_no_memory();
    }
    w->descr = kval_newref(self);
    w->self = kval_newref(obj);
    return kval_of(w);
}

static KValue wrapperdescr_repr(KValue self) {
    KDescr *d = (KDescr *)self;
    return kstr_from_format("<slot wrapper '%U' of '%s' objects>", d->name, ktype_name(d->owner));
}

KType kwrapperdescr_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(KDescr),
    .flags = KTF_METHOD_DESCR,
    .dealloc = descr_dealloc,
    .repr = wrapperdescr_repr,
    .call = wrapperdescr_call,
    .descr_get = wrapperdescr_get,
    .getsets = descr_getsets,
};

static void methodwrapper_dealloc(KObject *o) {
    KMethodWrapper *w = (KMethodWrapper *)o;
    kgc_untrack(o);
    kval_xdecref(w->descr);
    kval_xdecref(w->self);
    kobj_free(o);
}

static int methodwrapper_traverse(KObject *o, KVisitFn visit, void *arg) {
    KMethodWrapper *w = (KMethodWrapper *)o;
    return visit(w->descr, arg) || visit(w->self, arg);
}

static KValue methodwrapper_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KMethodWrapper *w = (KMethodWrapper *)self;
    KDescr *d = (KDescr *)w->descr;
    return d->slot->wrapper(d->slot, d->wrapped, w->self, args, nargs, kwnames);
}

static KValue methodwrapper_repr(KValue self) {
    KMethodWrapper *w = (KMethodWrapper *)self;
    KDescr *d = (KDescr *)w->descr;
    return kstr_from_format("<method-wrapper '%U' of %s object at %p>", d->name,
                            ktype_name(kval_type(w->self)), (void *)w->self);
}

static KValue methodwrapper_get_self(KValue self) {
    return kval_newref(((KMethodWrapper *)self)->self);
}

static KValue methodwrapper_get_name(KValue self) {
    return kval_newref(((KDescr *)((KMethodWrapper *)self)->descr)->name);
}

static KValue methodwrapper_get_qualname(KValue self) {
    return descr_get_qualname(((KMethodWrapper *)self)->descr);
}

static KValue methodwrapper_get_objclass(KValue self) {
    return descr_get_objclass(((KMethodWrapper *)self)->descr);
}

static KValue methodwrapper_get_doc(KValue self) {
    return descr_get_doc(((KMethodWrapper *)self)->descr);
}

static const KGetSetDef methodwrapper_getsets[] = {
    {"__self__", methodwrapper_get_self, NULL, NULL},
    {"__name__", methodwrapper_get_name, NULL, NULL},
    {"__qualname__", methodwrapper_get_qualname, NULL, NULL},
    {"__objclass__", methodwrapper_get_objclass, NULL, NULL},
    {"__doc__", methodwrapper_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KValue methodwrapper_richcompare(KValue a, KValue b, int op) {
    if ((op != KF_CMP_EQ && op != KF_CMP_NE) || kval_type(b) != &kmethodwrapper_type) {
        return kval_newref(KV_NOTIMPL);
    }
    KMethodWrapper *x = (KMethodWrapper *)a, *y = (KMethodWrapper *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

KType kmethodwrapper_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "method-wrapper",
    .basicsize = sizeof(KMethodWrapper),
    .flags = KTF_GC,
    .dealloc = methodwrapper_dealloc,
    .traverse = methodwrapper_traverse,
    .repr = methodwrapper_repr,
    .richcompare = methodwrapper_richcompare,
    .call = methodwrapper_call,
    .getsets = methodwrapper_getsets,
};

// Member descriptors.
static KValue memberdescr_get(KValue self, KValue obj, KValue type) {
    (void)type;
    KDescr *d = (KDescr *)self;
    if (!obj) {
        return kval_newref(self);
    }
    if (descr_check(d, obj, "member") < 0) {
        return KV_NULL;
    }
    const KMemberDef *m = d->member;
    char *addr = (char *)obj + m->offset;
    switch (m->kind) {
    case KMEMBER_OBJECT: {
        KValue v = *(KValue *)addr;
        return kval_newref(v ? v : KV_NONE);
    }
    case KMEMBER_OBJECT_EX: {
        KValue v = *(KValue *)addr;
        if (!v) {
            kerr_format(&kexc_AttributeError, "'%s' object has no attribute '%s'",
                        ktype_name(kval_type(obj)), m->name);
            return KV_NULL;
        }
        return kval_newref(v);
    }
    case KMEMBER_INT:
        return kint_from_i64(*(int *)addr);
    case KMEMBER_SSIZE:
        return kint_from_i64(*(ssize_t *)addr);
    case KMEMBER_BOOL:
        return kbool_from(*(char *)addr);
    default:
        return kint_from_i64(*(char *)addr);
    }
}

static int memberdescr_set(KValue self, KValue obj, KValue value) {
    KDescr *d = (KDescr *)self;
    const KMemberDef *m = d->member;
    if (descr_check(d, obj, "member") < 0) {
        return -1;
    }
    if (m->readonly) {
        kerr_set(&kexc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + m->offset;
    switch (m->kind) {
    case KMEMBER_OBJECT:
    case KMEMBER_OBJECT_EX: {
        KValue old = *(KValue *)addr;
        if (!value && m->kind == KMEMBER_OBJECT_EX && !old) {
            kerr_set(&kexc_AttributeError, m->name);
            return -1;
        }
        *(KValue *)addr = kval_xnewref(value);
        kval_xdecref(old);
        return 0;
    }
    default: {
        if (!value) {
            kerr_set(&kexc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
        ssize_t v = knum_as_ssize(value, &kexc_OverflowError);
        if (v == -1 && kerr_occurred()) {
            return -1;
        }
        if (m->kind == KMEMBER_INT) {
            *(int *)addr = (int)v;
        } else if (m->kind == KMEMBER_SSIZE) {
            *(ssize_t *)addr = v;
        } else {
            *(char *)addr = (char)v;
        }
        return 0;
    }
    }
}

static KValue memberdescr_repr(KValue self) {
    KDescr *d = (KDescr *)self;
    return kstr_from_format("<member '%U' of '%s' objects>", d->name, d->owner->name);
}

KType kmemberdescr_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "member_descriptor",
    .basicsize = sizeof(KDescr),
    .dealloc = descr_dealloc,
    .repr = memberdescr_repr,
    .descr_get = memberdescr_get,
    .descr_set = memberdescr_set,
    .getsets = descr_getsets,
};

// Getset descriptors.
static KValue getsetdescr_get(KValue self, KValue obj, KValue type) {
    (void)type;
    KDescr *d = (KDescr *)self;
    if (!obj) {
        return kval_newref(self);
    }
    if (descr_check(d, obj, "getset") < 0) {
        return KV_NULL;
    }
    if (!d->getset->get) {
        kerr_format(&kexc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                    d->name, ktype_name(d->owner));
        return KV_NULL;
    }
    return d->getset->get(obj);
}

static int getsetdescr_set(KValue self, KValue obj, KValue value) {
    KDescr *d = (KDescr *)self;
    if (descr_check(d, obj, "getset") < 0) {
        return -1;
    }
    if (!d->getset->set) {
        kerr_format(&kexc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                    d->name, ktype_name(d->owner));
        return -1;
    }
    return d->getset->set(obj, value);
}

static KValue getsetdescr_repr(KValue self) {
    KDescr *d = (KDescr *)self;
    return kstr_from_format("<attribute '%U' of '%s' objects>", d->name, ktype_name(d->owner));
}

KType kgetsetdescr_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "getset_descriptor",
    .basicsize = sizeof(KDescr),
    .dealloc = descr_dealloc,
    .repr = getsetdescr_repr,
    .descr_get = getsetdescr_get,
    .descr_set = getsetdescr_set,
    .getsets = descr_getsets,
};

// ---------------------------------------------------------------------------
// property.

typedef struct Property {
    KOBJ_HEAD;
    KValue fget, fset, fdel, doc, name;
} Property;

static void property_dealloc(KObject *o) {
    Property *p = (Property *)o;
    kgc_untrack(o);
    kval_xdecref(p->fget);
    kval_xdecref(p->fset);
    kval_xdecref(p->fdel);
    kval_xdecref(p->doc);
    kval_xdecref(p->name);
    kobj_free(o);
}

static int property_traverse(KObject *o, KVisitFn visit, void *arg) {
    Property *p = (Property *)o;
    KValue vals[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (size_t i = 0; i < 5; i++) {
        if (vals[i] && visit(vals[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static void property_clear(KObject *o) {
    Property *p = (Property *)o;
    KVAL_CLEAR(p->fget);
    KVAL_CLEAR(p->fset);
    KVAL_CLEAR(p->fdel);
    KVAL_CLEAR(p->doc);
    KVAL_CLEAR(p->name);
}

static KValue property_name(Property *p) {
    if (p->name) {
        return kval_newref(p->name);
    }
    if (p->fget) {
        KValue n;
        if (kobj_lookup_attr(p->fget, KID(__name__), &n) > 0) {
            return n;
        }
        kerr_clear();
    }
    return KV_NULL;
}

static void property_error(Property *p, KValue obj, const char *what) {
    KValue name = property_name(p);
    if (name && obj) {
        kerr_format(&kexc_AttributeError, "property %R of '%s' object has no %s", name,
                    ktype_short_name(kval_type(obj)), what);
    } else {
        kerr_format(&kexc_AttributeError, "property has no %s", what);
    }
    kval_xdecref(name);
}

static KValue property_get(KValue self, KValue obj, KValue type) {
    (void)type;
    Property *p = (Property *)self;
    if (!obj || obj == KV_NONE) {
        return kval_newref(self);
    }
    if (!p->fget || p->fget == KV_NONE) {
        property_error(p, obj, "getter");
        return KV_NULL;
    }
    return kobj_call1(p->fget, obj);
}

static int property_set(KValue self, KValue obj, KValue value) {
    Property *p = (Property *)self;
    KValue f = value ? p->fset : p->fdel;
    if (!f || f == KV_NONE) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    KValue r = value ? kobj_call2(f, obj, value) : kobj_call1(f, obj);
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

static KValue property_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

static int property_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    KValue a[4];
    if (kargs_parse("property", args, nargs, kwnames, kwlist, 0, 4, a) < 0) {
        return -1;
    }
    Property *p = (Property *)self;
    for (int i = 0; i < 3; i++) {
        if (a[i] == KV_NONE) {
            a[i] = KV_NULL;
        }
    }
    kval_setref(&p->fget, kval_xnewref(a[0]));
    kval_setref(&p->fset, kval_xnewref(a[1]));
    kval_setref(&p->fdel, kval_xnewref(a[2]));
    KValue doc = a[3] && a[3] != KV_NONE ? kval_newref(a[3]) : KV_NULL;
    if (!doc && p->fget) {
        KValue d;
        int r = kobj_lookup_attr(p->fget, KID(__doc__), &d);
        if (r < 0) {
            return -1;
        }
        if (r) {
            doc = d;
        }
    }
    kval_setref(&p->doc, doc);
    return 0;
}

// Returns a copy of 'self' with one accessor replaced (getter/setter/deleter).
static KValue property_copy(KValue self, int which, KValue f) {
    Property *p = (Property *)self;
    KValue fs[3] = {p->fget, p->fset, p->fdel};
    fs[which] = f;
    KValue args[4] = {fs[0] ? fs[0] : KV_NONE, fs[1] ? fs[1] : KV_NONE, fs[2] ? fs[2] : KV_NONE,
                      p->doc ? p->doc : KV_NONE};
    KValue r = kobj_call(kval_of(kval_type(self)), args, 4, KV_NULL);
    if (r && kval_type(r) == &kproperty_type && p->name) {
        kval_setref(&((Property *)r)->name, kval_newref(p->name));
    }
    return r;
}

static KValue property_getter(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return property_copy(self, 0, args[0]);
}
static KValue property_setter(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return property_copy(self, 1, args[0]);
}
static KValue property_deleter(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return property_copy(self, 2, args[0]);
}
static KValue property_set_name(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("__set_name__", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    kval_setref(&((Property *)self)->name, kval_newref(args[1]));
    return KV_NONE;
}

static const KMethodDef property_methods[] = {
    {"getter", property_getter, KMETH_O, NULL},
    {"setter", property_setter, KMETH_O, NULL},
    {"deleter", property_deleter, KMETH_O, NULL},
    {"__set_name__", property_set_name, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef property_members[] = {
    {"fget", KMEMBER_OBJECT, offsetof(Property, fget), 1, NULL},
    {"fset", KMEMBER_OBJECT, offsetof(Property, fset), 1, NULL},
    {"fdel", KMEMBER_OBJECT, offsetof(Property, fdel), 1, NULL},
    {"__doc__", KMEMBER_OBJECT, offsetof(Property, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KValue property_get_isabstract(KValue self) {
    Property *p = (Property *)self;
    KValue fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) {
            continue;
        }
        KValue v;
        int r = kobj_lookup_attr(fs[i], KID(__isabstractmethod__), &v);
        if (r < 0) {
            return KV_NULL;
        }
        if (r) {
            int t = kobj_is_true(v);
            kval_decref(v);
            if (t != 0) {
                return t < 0 ? KV_NULL : KV_TRUE;
            }
        }
    }
    return KV_FALSE;
}

static const KGetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kproperty_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "property",
    .basicsize = sizeof(Property),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = property_dealloc,
    .traverse = property_traverse,
    .clear = property_clear,
    .descr_get = property_get,
    .descr_set = property_set,
    .new_ = property_new,
    .init = property_init,
    .methods = property_methods,
    .members = property_members,
    .getsets = property_getsets,
    .doc = "property(fget=None, fset=None, fdel=None, doc=None)\n"
        "--\n"
        "\n"
        "Property attribute.\n"
        "\n"
        "  fget\n"
        "    function to be used for getting an attribute value\n"
        "  fset\n"
        "    function to be used for setting an attribute value\n"
        "  fdel\n"
        "    function to be used for del'ing an attribute\n"
        "  doc\n"
        "    docstring\n"
        "\n"
        "Typical use is to define a managed attribute x:\n"
        "\n"
        "class C(object):\n"
        "    def getx(self): return self._x\n"
        "    def setx(self, value): self._x = value\n"
        "    def delx(self): del self._x\n"
        "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n"
        "\n"
        "Decorators make defining new properties or modifying existing ones easy:\n"
        "\n"
        "class C(object):\n"
        "    @property\n"
        "    def x(self):\n"
        "        \"I am the 'x' property.\"\n"
        "        return self._x\n"
        "    @x.setter\n"
        "    def x(self, value):\n"
        "        self._x = value\n"
        "    @x.deleter\n"
        "    def x(self):\n"
        "        del self._x",
};

// ---------------------------------------------------------------------------
// staticmethod and classmethod.

static void smethod_dealloc(KObject *o) {
    KSMethod *s = (KSMethod *)o;
    kgc_untrack(o);
    kval_xdecref(s->func);
    kval_xdecref(s->dict);
    kobj_free(o);
}

static int smethod_traverse(KObject *o, KVisitFn visit, void *arg) {
    KSMethod *s = (KSMethod *)o;
    return (s->func && visit(s->func, arg)) || (s->dict && visit(s->dict, arg));
}

static void smethod_clear(KObject *o) {
    KSMethod *s = (KSMethod *)o;
    KVAL_CLEAR(s->func);
    KVAL_CLEAR(s->dict);
}

static KValue smethod_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

static int smethod_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    const char *name = kval_type(self) == &kclassmethod_type ||
                               ktype_is_subtype(kval_type(self), &kclassmethod_type)
                           ? "classmethod"
                           : "staticmethod";
    if (kargs_no_kw(name, kwnames) < 0 || kargs_count(name, nargs, 1, 1) < 0) {
        return -1;
    }
    kval_setref(&((KSMethod *)self)->func, kval_newref(args[0]));
    // Copy __doc__, __name__ ... as functools.update_wrapper (3.10+).
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    for (int i = 0; i < 4; i++) {
        KValue n = kstr_intern_cstr(attrs[i]);
        KValue v;
        int r = n ? kobj_lookup_attr(args[0], n, &v) : -1;
        if (r > 0) {
            KValue d = kobj_get_dict_borrow(self);
            if (!d || kdict_set(d, n, v) < 0) {
                r = -1;
            }
            kval_decref(v);
        }
        kval_xdecref(n);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static KValue staticmethod_get(KValue self, KValue obj, KValue type) {
    (void)obj, (void)type;
    KValue f = ((KSMethod *)self)->func;
    if (!f) {
        kerr_set(&kexc_RuntimeError, "uninitialized staticmethod object");
        return KV_NULL;
    }
    return kval_newref(f);
}

static KValue staticmethod_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return kobj_call(((KSMethod *)self)->func, args, nargs, kwnames);
}

static KValue smethod_repr(KValue self) {
    KSMethod *s = (KSMethod *)self;
    return kstr_from_format("<%s(%R)>", ktype_name(kval_type(self)), s->func ? s->func : KV_NONE);
}

static KValue smethod_get_func(KValue self) {
    KValue f = ((KSMethod *)self)->func;
    return kval_newref(f ? f : KV_NONE);
}

static KValue smethod_get_isabstract(KValue self) {
    KValue f = ((KSMethod *)self)->func, v;
    int r = f ? kobj_lookup_attr(f, KID(__isabstractmethod__), &v) : 0;
    if (r < 0) {
        return KV_NULL;
    }
    if (r == 0) {
        return KV_FALSE;
    }
    return v;
}

static const KGetSetDef smethod_getsets[] = {
    {"__func__", smethod_get_func, NULL, NULL},
    {"__wrapped__", smethod_get_func, NULL, NULL},
    {"__isabstractmethod__", smethod_get_isabstract, NULL, NULL},
    {"__dict__", kobj_generic_get_dict, kobj_generic_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kstaticmethod_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "staticmethod",
    .basicsize = sizeof(KSMethod),
    .flags = KTF_GC | KTF_BASETYPE,
    .dictoffset = offsetof(KSMethod, dict),
    .dealloc = smethod_dealloc,
    .traverse = smethod_traverse,
    .clear = smethod_clear,
    .repr = smethod_repr,
    .call = staticmethod_call,
    .descr_get = staticmethod_get,
    .new_ = smethod_new,
    .init = smethod_init,
    .getsets = smethod_getsets,
    .doc = "staticmethod(function) -> method\n"
        "\n"
        "Convert a function to be a static method.\n"
        "\n"
        "A static method does not receive an implicit first argument.\n"
        "To declare a static method, use this idiom:\n"
        "\n"
        "     class C:\n"
        "         @staticmethod\n"
        "         def f(arg1, arg2, ...):\n"
        "             ...\n"
        "\n"
        "It can be called either on the class (e.g. C.f()) or on an instance\n"
        "(e.g. C().f()). Both the class and the instance are ignored, and\n"
        "neither is passed implicitly as the first argument to the method.\n"
        "\n"
        "Static methods in Python are similar to those found in Java or C++.\n"
        "For a more advanced concept, see the classmethod builtin.",
};

static KValue classmethod_get(KValue self, KValue obj, KValue type) {
    KValue f = ((KSMethod *)self)->func;
    if (!f) {
        kerr_set(&kexc_RuntimeError, "uninitialized classmethod object");
        return KV_NULL;
    }
    if (!type) {
        type = kval_of(kval_type(obj));
    }
    if (kval_type(f)->descr_get && kval_type(f) != &kfunction_type) {
        return kval_type(f)->descr_get(f, type, KV_NULL);
    }
    return kmethod_new(f, type);
}

KType kclassmethod_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "classmethod",
    .basicsize = sizeof(KSMethod),
    .flags = KTF_GC | KTF_BASETYPE,
    .dictoffset = offsetof(KSMethod, dict),
    .dealloc = smethod_dealloc,
    .traverse = smethod_traverse,
    .clear = smethod_clear,
    .repr = smethod_repr,
    .descr_get = classmethod_get,
    .new_ = smethod_new,
    .init = smethod_init,
    .getsets = smethod_getsets,
    .doc = "classmethod(function) -> method\n"
        "\n"
        "Convert a function to be a class method.\n"
        "\n"
        "A class method receives the class as implicit first argument,\n"
        "just like an instance method receives the instance.\n"
        "To declare a class method, use this idiom:\n"
        "\n"
        "  class C:\n"
        "      @classmethod\n"
        "      def f(cls, arg1, arg2, ...):\n"
        "          ...\n"
        "\n"
        "It can be called either on the class (e.g. C.f()) or on an instance\n"
        "(e.g. C().f()).  The instance is ignored except for its class.\n"
        "If a class method is called for a derived class, the derived class\n"
        "object is passed as the implied first argument.\n"
        "\n"
        "Class methods are different than C++ or Java static methods.\n"
        "If you want those, see the staticmethod builtin.",
};
