// vm/baseobject.c: 'object', the root of every class: instance allocation,
// the instance dict pointer, object.__new__/__init__ and their argument
// checks, and the default repr, str, hash, comparison, format and dir.
#include "type.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "func.h"
#include "gc.h"
#include "instdict.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "typeslots.h"

// ---------------------------------------------------------------------------
// Instances: allocation, dict pointers, default behaviour.

KValue ktype_generic_alloc(KType *type, ssize_t nitems) {
    size_t size = (size_t)type->basicsize + (size_t)nitems * (size_t)type->itemsize;
    if (type->dictoffset < 0) {
        size = ((size + 7) & ~(size_t)7) + sizeof(KValue);
    }
    // Room for the attributes the class's instances have had so far.
    size_t embed = kinstdict_embed_size(type);
    if (embed) {
        size = (size + 7) & ~(size_t)7;
    }
    KObject *o = kobj_alloc(type, size + embed);
    if (!o) {
        return kerr_no_memory();
    }
    if (embed) {
        kinstdict_embed(kval_of(o), type, (char *)o + size);
    }
    return kval_of(o);
}

KValue *kobj_dictptr(KValue obj) {
    if (kval_is_int(obj)) {
        return NULL;
    }
    KType *t = kval_obj(obj)->type;
    ssize_t off = t->dictoffset;
    if (off == 0) {
        return NULL;
    }
    if (off > 0) {
        // The dict of a type object: a static type's is built on first use
        // (a failure to build it leaves the partial dict, tried again later).
        if (K_UNLIKELY(t->flags & KTF_TYPE_SUBCLASS) && !ktype_dict((KType *)obj)) {
            kerr_clear();
        }
        KValue *dp = (KValue *)((char *)obj + off);
        // Callers want the dict: an instance's values become one (a failure
        // leaves the values, as if there were no dict yet).
        if ((t->flags & KTF_SHARED_KEYS) && !*dp && *kinstdict_valuesptr(obj, t) &&
            kinstdict_materialise(obj, t) < 0) {
            kerr_clear();
        }
        return dp;
    }
    ssize_t len = ((ssize_t *)obj)[2];
    size_t end = (size_t)t->basicsize + (size_t)len * (size_t)t->itemsize;
    if (t->flags & KTF_BYTES_SUBCLASS) {
        end += 1;
    }
    return (KValue *)((char *)obj + ((end + 7) & ~(size_t)7));
}

KValue kobj_get_dict_borrow(KValue obj) {
    KType *t = kval_type(obj);
    if ((t->flags & KTF_SHARED_KEYS) && !*kinstdict_dictptr(obj, t)) {
        return kinstdict_materialise(obj, t) < 0 ? KV_NULL : *kinstdict_dictptr(obj, t);
    }
    KValue *dp = kobj_dictptr(obj);
    if (!dp) {
        kerr_format(&kexc_AttributeError, "'%T' object has no attribute '__dict__'", obj);
        return KV_NULL;
    }
    if (!*dp && !(*dp = kdict_new())) {
        return KV_NULL;
    }
    return *dp;
}

static int excess_args(size_t nargs, KValue kwnames) {
    return nargs > 0 || (kwnames && ktuple_len(kwnames) > 0);
}

static KValue abstract_error(KType *type) {
    KValue dict = ktype_dict(type);
    if (!dict) {
        return KV_NULL;
    }
    KValue am = kdict_get_borrow(dict, KID(__abstractmethods__));
    KValue sorted = KV_NULL, joined = KV_NULL, sep = KV_NULL;
    if (am) {
        sorted = klist_from_iterable(am);
        if (sorted && klist_sort(sorted, KV_NULL, 0) == 0) {
            sep = kstr_from_cstr(", ");
            joined = sep ? kstr_join(sep, sorted) : KV_NULL;
        }
    }
    if (joined) {
        ssize_t n = klist_len(sorted);
        kerr_format(&kexc_TypeError,
                    "Can't instantiate abstract class %s with abstract method%s %U",
                    ktype_name(type), n > 1 ? "s" : "", joined);
    }
    kval_xdecref(sorted);
    kval_xdecref(joined);
    kval_xdecref(sep);
    return KV_NULL;
}

static KValue object_new_slot(KType *type, const KValue *args, size_t nargs, KValue kwnames);
static int object_init_slot(KValue self, const KValue *args, size_t nargs, KValue kwnames);

KValue kobject_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    return object_new_slot(type, args, nargs, kwnames);
}

int kobject_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return object_init_slot(self, args, nargs, kwnames);
}

static KValue object_new_slot(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args;
    if (excess_args(nargs, kwnames)) {
        if (type->new_ != object_new_slot) {
            kerr_set(&kexc_TypeError,
                     "object.__new__() takes exactly one argument (the type to instantiate)");
            return KV_NULL;
        }
        if (type->init == object_init_slot) {
            kerr_format(&kexc_TypeError, "%s() takes no arguments", ktype_name(type));
            return KV_NULL;
        }
    }
    if (type->flags & KTF_ABSTRACT) {
        return abstract_error(type);
    }
    return ktype_generic_alloc(type, 0);
}

static int object_init_slot(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args;
    KType *type = kval_type(self);
    if (excess_args(nargs, kwnames)) {
        if (type->init != object_init_slot) {
            kerr_set(&kexc_TypeError,
                     "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->new_ == object_new_slot) {
            kerr_format(&kexc_TypeError, "%s() takes no arguments", ktype_name(type));
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(KObject *o) {
    kobj_free(o);
}

KValue ktype_qualified_name(KType *type) {
    if (!(type->flags & KTF_HEAPTYPE)) {
        return kstr_from_cstr(type->name);
    }
    KValue mod = kdict_get_borrow(type->dict, KID(__module__));
    if (mod && kstr_check(mod) && !kstr_eq_cstr(mod, "builtins")) {
        return kstr_from_format("%U.%U", mod, type->ht_qualname);
    }
    return kval_newref(type->ht_qualname);
}

static KValue object_repr(KValue self) {
    KValue name = ktype_qualified_name(kval_type(self));
    if (!name) {
        return KV_NULL;
    }
    KValue r = kstr_from_format("<%U object at %p>", name, (void *)self);
    kval_decref(name);
    return r;
}

static KValue object_str(KValue self) {
    KType *t = kval_type(self);
    if (t->repr) {
        return t->repr(self);
    }
    return object_repr(self);
}

static int64_t object_hash(KValue self) {
    uintptr_t p = (uintptr_t)self;
    int64_t h = (int64_t)((p >> 4) | (p << 60));
    return h == -1 ? -2 : h;
}

static KValue object_richcompare(KValue self, KValue other, int op) {
    if (op == KF_CMP_EQ) {
        return kval_newref(self == other ? KV_TRUE : KV_NOTIMPL);
    }
    if (op == KF_CMP_NE) {
        KType *t = kval_type(self);
        if (!t->richcompare) {
            return kval_newref(KV_NOTIMPL);
        }
        KValue r = t->richcompare(self, other, KF_CMP_EQ);
        if (r && r != KV_NOTIMPL) {
            int b = kobj_is_true(r);
            kval_decref(r);
            return b < 0 ? KV_NULL : kbool_from(!b);
        }
        return r;
    }
    return kval_newref(KV_NOTIMPL);
}

static KValue object_format(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "format() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    if (kstr_len(args[0]) > 0) {
        kerr_format(&kexc_TypeError, "unsupported format string passed to %s.__format__",
                    ktype_name(kval_type(self)));
        return KV_NULL;
    }
    return kobj_str(self);
}

static KValue object_dir(KValue self, const KValue *args, size_t nargs, KValue kw);

static KValue object_sizeof(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_i64(kval_type(self)->basicsize);
}

static KValue object_init_subclass(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)cls, (void)args, (void)nargs, (void)kw;
    return KV_NONE;
}

static KValue object_subclasshook(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)cls, (void)args, (void)nargs, (void)kw;
    return kval_newref(KV_NOTIMPL);
}

static const KMethodDef object_methods[] = {
    {"__format__", object_format, KMETH_O, NULL},
    {"__dir__", object_dir, KMETH_NOARGS, NULL},
    {"__sizeof__", object_sizeof, KMETH_NOARGS, NULL},
    {"__init_subclass__", object_init_subclass, KMETH_NOARGS | KMETH_CLASS, NULL},
    {"__subclasshook__", object_subclasshook, KMETH_FAST | KMETH_CLASS, NULL},
    {"__reduce_ex__", kobject_reduce_ex, KMETH_FAST, NULL},
    {"__reduce__", kobject_reduce, KMETH_NOARGS, NULL},
    {"__getstate__", kobject_getstate, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue object_get_class(KValue self) {
    return kval_newref(kval_of(kval_type(self)));
}

static int object_set_class(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!ktype_check(value)) {
        kerr_format(&kexc_TypeError, "__class__ must be set to a class, not '%T' object", value);
        return -1;
    }
    KType *old = kval_type(self), *new = (KType *)value;
    if (!(old->flags & KTF_HEAPTYPE) || !(new->flags & KTF_HEAPTYPE)) {
        kerr_set(&kexc_TypeError,
                 "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (new->basicsize != old->basicsize || new->itemsize != old->itemsize ||
        new->dictoffset != old->dictoffset || new->dealloc != old->dealloc ||
        (new->flags & KTF_SHARED_KEYS) != (old->flags & KTF_SHARED_KEYS)) {
        kerr_format(&kexc_TypeError,
                    "__class__ assignment: '%s' object layout differs from '%s'", new->name,
                    old->name);
        return -1;
    }
    kval_incref(value);
    kval_obj(self)->type = new;
    kval_decref(kval_of(old));
    return 0;
}

static const KGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kobject_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "object",
    .basicsize = sizeof(KObject),
    .flags = KTF_BASETYPE,
    .dealloc = object_dealloc,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattro = kobj_generic_getattr,
    .setattro = kobj_generic_setattr,
    .new_ = object_new_slot,
    .init = object_init_slot,
    .methods = object_methods,
    .getsets = object_getsets,
    .doc = "object()\n"
        "--\n"
        "\n"
        "The base class of the class hierarchy.\n"
        "\n"
        "When called, it accepts no arguments and returns a new featureless\n"
        "instance that has no instance attributes and cannot be given any.\n",
};

// dir() of an instance: its __dict__ keys plus its class's attributes.
int kobject_merge_class_dict(KValue dict, KValue cls) {
    KValue mro;
    int r = kobj_lookup_attr(cls, KID(__mro__), &mro);
    if (r < 0) {
        return -1;
    }
    if (r == 0) {
        return 0;
    }
    KValue seq = kseq_fast(mro, "");
    kval_decref(mro);
    if (!seq) {
        return -1;
    }
    ssize_t n = ktuple_check(seq) ? ktuple_len(seq) : klist_len(seq);
    KValue *items = ktuple_check(seq) ? ktuple_items(seq) : klist_items(seq);
    for (ssize_t i = n - 1; i >= 0; i--) {
        KValue tdict = ktype_check(items[i]) ? ktype_dict((KType *)items[i]) : KV_NULL;
        if (ktype_check(items[i]) && (!tdict || kdict_merge(dict, tdict, 1) < 0)) {
            kval_decref(seq);
            return -1;
        }
    }
    kval_decref(seq);
    return 0;
}

static KValue object_dir(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue result = kdict_new();
    if (!result) {
        return KV_NULL;
    }
    KValue *dp = kobj_dictptr(self);
    if (dp && *dp && kdict_check(*dp) && kdict_merge(result, *dp, 1) < 0) {
        kval_decref(result);
        return KV_NULL;
    }
    if (kobject_merge_class_dict(result, kval_of(kval_type(self))) < 0) {
        kval_decref(result);
        return KV_NULL;
    }
    KValue l = kdict_keys_list(result);
    kval_decref(result);
    return l;
}
