// vm/super.c: super(): attribute lookup that starts after a given class in
// the MRO of an instance's (or class's) type; the zero-argument form reads
// the first argument and the __class__ cell of the calling frame.
#include "abstract.h"
#include "internal.h"
#include "code.h"
#include "dict.h"
#include "errors.h"
#include "frame.h"
#include "func.h"
#include "gc.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

typedef struct Super {
    KOBJ_HEAD;
    KValue thisclass; // the class after which lookup starts
    KValue obj;      // the instance or class, or KV_NULL (unbound)
    KValue obj_type; // the type whose MRO is searched
} Super;

static KValue supercheck(KType *type, KValue obj) {
    if (ktype_check(obj) && ktype_is_subtype((KType *)obj, type)) {
        return kval_newref(obj);
    }
    if (ktype_is_subtype(kval_type(obj), type)) {
        return kval_newref(kval_of(kval_type(obj)));
    }
    KValue cls;
    int r = kobj_lookup_attr(obj, KID(__class__), &cls);
    if (r < 0) {
        return KV_NULL;
    }
    if (r) {
        if (ktype_check(cls) && cls != kval_of(kval_type(obj)) &&
            ktype_is_subtype((KType *)cls, type)) {
            return cls;
        }
        kval_decref(cls);
    }
    kerr_set(&kexc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return KV_NULL;
}

static int super_init_frame(KValue *type_out, KValue *obj_out) {
    KFrame *f = kstate_ts->frame;
    if (!f) {
        kerr_set(&kexc_RuntimeError, "super(): no current frame");
        return -1;
    }
    KCode *co = f->code;
    if (co->argcount == 0) {
        kerr_set(&kexc_RuntimeError, "super(): no arguments");
        return -1;
    }
    KValue first = f->localsplus[0];
    if (first && (co->localspluskinds[0] & KF_LOCAL_CELL) && kval_type(first) == &kcell_type) {
        first = ((KCell *)first)->ref;
    }
    if (!first) {
        kerr_set(&kexc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nlocalsplus; i++) {
        KValue name = ktuple_items(co->localsplusnames)[i];
        if (!(co->localspluskinds[i] & KF_LOCAL_FREE) || !kstr_eq_cstr(name, "__class__")) {
            continue;
        }
        KValue cell = f->localsplus[i];
        if (!cell || kval_type(cell) != &kcell_type) {
            kerr_set(&kexc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        KValue t = ((KCell *)cell)->ref;
        if (!t) {
            kerr_set(&kexc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!ktype_check(t)) {
            kerr_format(&kexc_RuntimeError, "super(): __class__ is not a type (%s)",
                        ktype_name(kval_type(t)));
            return -1;
        }
        *type_out = t;
        *obj_out = first;
        return 0;
    }
    kerr_set(&kexc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static KValue super_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

static int super_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (kargs_no_kw("super", kwnames) < 0 || kargs_count("super", nargs, 0, 2) < 0) {
        return -1;
    }
    KValue type, obj = KV_NULL;
    if (nargs == 0) {
        if (super_init_frame(&type, &obj) < 0) {
            return -1;
        }
    } else {
        type = args[0];
        obj = nargs > 1 && args[1] != KV_NONE ? args[1] : KV_NULL;
    }
    if (!ktype_check(type)) {
        kerr_format(&kexc_TypeError, "super() argument 1 must be a type, not %s",
                    ktype_name(kval_type(type)));
        return -1;
    }
    KValue obj_type = KV_NULL;
    if (obj) {
        obj_type = supercheck((KType *)type, obj);
        if (!obj_type) {
            return -1;
        }
    }
    Super *s = (Super *)self;
    kval_setref(&s->thisclass, kval_newref(type));
    kval_setref(&s->obj, kval_xnewref(obj));
    kval_setref(&s->obj_type, obj_type);
    return 0;
}

static KValue super_getattro(KValue self, KValue name) {
    Super *s = (Super *)self;
    if (s->obj_type && !kstr_eq_cstr(name, "__class__")) {
        KValue mro = ((KType *)s->obj_type)->mro;
        if (mro) {
            ssize_t n = ktuple_len(mro), i = 0;
            while (i < n && ktuple_items(mro)[i] != s->thisclass) {
                i++;
            }
            for (i++; i < n; i++) {
                KType *t = (KType *)ktuple_items(mro)[i];
                KValue dict = ktype_dict(t);
                if (!dict) {
                    return KV_NULL;
                }
                KValue res = kdict_get_str_borrow(dict, name);
                if (!res) {
                    continue;
                }
                KValue (*get)(KValue, KValue, KValue) = kval_type(res)->descr_get;
                if (get) {
                    kval_incref(res);
                    KValue obj = s->obj == s->obj_type ? KV_NULL : s->obj;
                    KValue r = get(res, obj, s->obj_type);
                    kval_decref(res);
                    return r;
                }
                return kval_newref(res);
            }
        }
    }
    return kobj_generic_getattr(self, name);
}

static KValue super_descr_get(KValue self, KValue obj, KValue type) {
    (void)type;
    Super *s = (Super *)self;
    if (!obj || obj == KV_NONE || s->obj) {
        return kval_newref(self);
    }
    KValue args[2] = {s->thisclass, obj};
    return kobj_call(kval_of(kval_type(self)), args, 2, KV_NULL);
}

static KValue super_repr(KValue self) {
    Super *s = (Super *)self;
    const char *tn = s->thisclass ? ktype_name((KType *)s->thisclass) : "NULL";
    if (s->obj_type) {
        return kstr_from_format("<super: <class '%s'>, <%s object>>", tn,
                                ktype_name((KType *)s->obj_type));
    }
    return kstr_from_format("<super: <class '%s'>, NULL>", tn);
}

static void super_dealloc(KObject *o) {
    Super *s = (Super *)o;
    kgc_untrack(o);
    kval_xdecref(s->thisclass);
    kval_xdecref(s->obj);
    kval_xdecref(s->obj_type);
    kobj_free(o);
}

static int super_traverse(KObject *o, KVisitFn visit, void *arg) {
    Super *s = (Super *)o;
    return (s->thisclass && visit(s->thisclass, arg)) || (s->obj && visit(s->obj, arg)) ||
           (s->obj_type && visit(s->obj_type, arg));
}

static const KMemberDef super_members[] = {
    {"__thisclass__", KMEMBER_OBJECT, offsetof(Super, thisclass), 1, NULL},
    {"__self__", KMEMBER_OBJECT, offsetof(Super, obj), 1, NULL},
    {"__self_class__", KMEMBER_OBJECT, offsetof(Super, obj_type), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

KType ksuper_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "super",
    .basicsize = sizeof(Super),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .repr = super_repr,
    .getattro = super_getattro,
    .descr_get = super_descr_get,
    .new_ = super_new,
    .init = super_init,
    .members = super_members,
    .doc = "super() -> same as super(__class__, <first argument>)\n"
        "super(type) -> unbound super object\n"
        "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
        "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
        "Typical use to call a cooperative superclass method:\n"
        "class C(B):\n"
        "    def meth(self, arg):\n"
        "        super().meth(arg)\n"
        "This works for class methods too:\n"
        "class C(B):\n"
        "    @classmethod\n"
        "    def cmeth(cls, arg):\n"
        "        super().cmeth(arg)\n",
};
