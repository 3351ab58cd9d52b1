// vm/modules/_abc.c: the _abc module that abc.py's ABCMeta is built on (as
// CPython's Modules/_abc.c): each ABC carries an _abc_data object in
// _abc_impl with its registry and its positive and negative subclass caches
// (weak sets: dicts from a class's address to a weak reference to it, which
// removes its entry when the class dies, so a lookup makes no weakref),
// and one global invalidation counter (get_cache_token) that register()
// bumps to invalidate every negative cache. _abc_init also moves an ABC's
// __abc_tpflags__ into the type's flags (collections.abc.Sequence and
// Mapping: what match statements test), and register() spreads them to the
// registered class and its subclasses.
#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../set.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "../weakref.h"

// CPython's flag values, as collections.abc writes them in __abc_tpflags__.
#define PY_TPFLAGS_SEQUENCE (1 << 5)
#define PY_TPFLAGS_MAPPING (1 << 6)

static int64_t invalidation_counter;

// Interned attribute names, made when the module is created.
static KValue s_abc_impl, s_abc_tpflags, s_subclasses, s_subclasshook;

typedef struct AbcData {
    KOBJ_HEAD;
    KValue registry, cache, negative_cache; // weak sets (see in_weak_set), KV_NULL until needed
    int64_t negative_cache_version;
} AbcData;

static KType abc_data_type;

static void abc_data_clear(KObject *o) {
    AbcData *d = (AbcData *)o;
    KVAL_CLEAR(d->registry);
    KVAL_CLEAR(d->cache);
    KVAL_CLEAR(d->negative_cache);
}

static void abc_data_dealloc(KObject *o) {
    kgc_untrack(o);
    abc_data_clear(o);
    kobj_free(o);
}

static int abc_data_traverse(KObject *o, KVisitFn visit, void *arg) {
    AbcData *d = (AbcData *)o;
    KValue sets[] = {d->registry, d->cache, d->negative_cache};
    for (size_t i = 0; i < 3; i++) {
        if (sets[i] && visit(sets[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static KValue abc_data_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    AbcData *d = (AbcData *)kobj_alloc(type, sizeof(AbcData));
    if (!d) {
        return KV_NULL;
    }
    d->negative_cache_version = invalidation_counter;
    return kval_of(d);
}

static KType abc_data_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_abc._abc_data",
    .basicsize = sizeof(AbcData),
    .flags = KTF_GC,
    .dealloc = abc_data_dealloc,
    .traverse = abc_data_traverse,
    .clear = abc_data_clear,
    .new_ = abc_data_new,
    .doc = "Internal state held by ABC machinery.",
};

// self._abc_impl, checked to be an _abc_data.
static AbcData *get_impl(KValue self) {
    KValue impl = kobj_getattr(self, s_abc_impl);
    if (!impl) {
        return NULL;
    }
    if (kval_type(impl) != &abc_data_type) {
        kerr_set(&kexc_TypeError, "_abc_impl is set to a wrong type");
        kval_decref(impl);
        return NULL;
    }
    return (AbcData *)kval_obj(impl);
}

// A weak set's key for 'obj': its address, a small int.
static KValue weak_key(KValue obj) {
    return kint_from_i64((int64_t)(intptr_t)kval_obj(obj));
}

// 1 when 'obj' is in the weak set 'set' (KV_NULL: empty), 0 when not, -1
// on error.
static int in_weak_set(KValue set, KValue obj) {
    if (!set || kdict_len(set) == 0 || kval_is_int(obj)) {
        return 0;
    }
    KValue key = weak_key(obj);
    if (!key) {
        return -1;
    }
    KValue ref = kdict_get_borrow(set, key);
    kval_decref(key);
    return ref && ((KWeakref *)kval_obj(ref))->object == kval_obj(obj);
}

// The callback of a weak set's references: 'self' is (set, key); drops the
// entry when it still holds this (dead) reference.
static KValue weak_set_remove(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue set = ktuple_items(self)[0], key = ktuple_items(self)[1];
    if (kdict_get_borrow(set, key) == args[0] && kdict_del(set, key) < 0) {
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef weak_set_remove_def = {"_destroy", weak_set_remove, KMETH_O, NULL};

// Adds 'obj' to the weak set '*pset' (made when KV_NULL). An object that
// cannot be weakly referenced raises TypeError, as CPython's.
static int add_to_weak_set(KValue *pset, KValue obj) {
    if (!*pset && !(*pset = kdict_new())) {
        return -1;
    }
    int r = in_weak_set(*pset, obj);
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    KValue key = weak_key(obj);
    KValue bound = key ? ktuple_pack(2, *pset, key) : KV_NULL;
    KValue destroy = bound ? kcfunc_new(&weak_set_remove_def, bound, KV_NULL) : KV_NULL;
    KValue ref = destroy ? kweakref_new(&kweakref_type, obj, destroy) : KV_NULL;
    r = ref ? kdict_set(*pset, key, ref) : -1;
    kval_xdecref(ref);
    kval_xdecref(destroy);
    kval_xdecref(bound);
    kval_xdecref(key);
    return r;
}

// The live members of a weak set, as a list (the set may change while the
// caller calls out on them).
static KValue weak_set_members(KValue set) {
    KValue out = klist_new(0);
    ssize_t pos = 0;
    KValue key, ref;
    while (out && set && kdict_next(set, &pos, &key, &ref)) {
        KObject *o = ((KWeakref *)kval_obj(ref))->object;
        if (o && klist_append(out, kval_of(o)) < 0) {
            KVAL_CLEAR(out);
        }
    }
    return out;
}

// getattr(obj, '__isabstractmethod__', False) as a truth value.
static int is_abstract(KValue obj) {
    KValue v;
    int r = kobj_lookup_attr(obj, KID(__isabstractmethod__), &v);
    if (r > 0) {
        r = kobj_is_true(v);
        kval_decref(v);
    }
    return r;
}

// self.__abstractmethods__ = the names abstract in the namespace, and those
// abstract in a base that are still abstract here.
static int compute_abstract_methods(KValue self) {
    KValue abstracts = kset_new(KV_NULL);
    KValue ns = abstracts ? kobj_getattr(self, KID(__dict__)) : KV_NULL;
    KValue items = ns ? kobj_call_method(ns, KID(items), NULL, 0) : KV_NULL;
    KValue it = items ? kobj_get_iter(items) : KV_NULL;
    int rc = it ? 0 : -1;
    for (KValue item; rc == 0 && (item = kobj_iter_next(it));) {
        if (!ktuple_check(item) || ktuple_len(item) != 2) {
            kerr_set(&kexc_TypeError, "items() returned item which is not a 2-tuple");
            rc = -1;
        } else {
            int a = is_abstract(ktuple_items(item)[1]);
            rc = a < 0 ? -1 : a ? kset_add(abstracts, ktuple_items(item)[0]) : 0;
        }
        kval_decref(item);
    }
    if (rc == 0 && kerr_occurred()) {
        rc = -1;
    }
    kval_xdecref(it);
    kval_xdecref(items);
    kval_xdecref(ns);
    KValue bases = rc == 0 ? kobj_getattr(self, KID(__bases__)) : KV_NULL;
    if (bases && !ktuple_check(bases)) {
        kerr_set(&kexc_TypeError, "__bases__ is not tuple");
        KVAL_CLEAR(bases);
    }
    rc = bases ? 0 : -1;
    for (ssize_t i = 0; rc == 0 && i < ktuple_len(bases); i++) {
        KValue names;
        int r = kobj_lookup_attr(ktuple_items(bases)[i], KID(__abstractmethods__), &names);
        if (r <= 0) {
            rc = r;
            continue;
        }
        KValue nit = kobj_get_iter(names);
        kval_decref(names);
        if (!nit) {
            rc = -1;
            break;
        }
        for (KValue key; rc == 0 && (key = kobj_iter_next(nit));) {
            KValue value;
            int f = kobj_lookup_attr(self, key, &value);
            if (f > 0) {
                int a = is_abstract(value);
                kval_decref(value);
                f = a < 0 ? -1 : a ? kset_add(abstracts, key) : 0;
            }
            rc = f < 0 ? -1 : 0;
            kval_decref(key);
        }
        if (rc == 0 && kerr_occurred()) {
            rc = -1;
        }
        kval_decref(nit);
    }
    kval_xdecref(bases);
    KValue frozen = rc == 0 ? kfrozenset_new(abstracts) : KV_NULL;
    if (frozen) {
        rc = kobj_setattr(self, KID(__abstractmethods__), frozen);
        kval_decref(frozen);
    } else {
        rc = -1;
    }
    kval_xdecref(abstracts);
    return rc;
}

static KValue abc_init(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    KValue self = args[0];
    if (compute_abstract_methods(self) < 0) {
        return KV_NULL;
    }
    KValue data = abc_data_new(&abc_data_type, NULL, 0, KV_NULL);
    if (!data) {
        return KV_NULL;
    }
    int r = kobj_setattr(self, s_abc_impl, data);
    kval_decref(data);
    if (r < 0) {
        return KV_NULL;
    }
    if (ktype_check(self)) {
        KType *cls = (KType *)kval_obj(self);
        KValue name = s_abc_tpflags;
        KValue flags = kdict_get_borrow(cls->dict, name);
        if (flags) {
            if (kint_check(flags)) {
                int overflow = 0;
                int64_t v = kint_as_i64_overflow(flags, &overflow);
                if (overflow) {
                    kerr_set(&kexc_OverflowError, "Python int too large to convert to C long");
                    return KV_NULL;
                }
                if ((v & PY_TPFLAGS_SEQUENCE) && (v & PY_TPFLAGS_MAPPING)) {
                    kerr_set(&kexc_TypeError, "__abc_tpflags__ cannot be both "
                                              "Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                    return KV_NULL;
                }
                cls->flags |= ((v & PY_TPFLAGS_SEQUENCE) ? KTF_SEQUENCE : 0) |
                              ((v & PY_TPFLAGS_MAPPING) ? KTF_MAPPING : 0);
            }
            if (kdict_del(cls->dict, name) < 0) {
                return KV_NULL;
            }
            ktype_modified(cls);
        }
    }
    return kval_newref(KV_NONE);
}

// Sets 'flag' on 'cls' and its subclasses that have neither collection flag.
static int set_collection_flag_recursive(KType *cls, uint32_t flag) {
    if (!(cls->flags & KTF_HEAPTYPE) || (cls->flags & (KTF_SEQUENCE | KTF_MAPPING))) {
        return 0;
    }
    cls->flags |= flag;
    KValue subs = kobj_call_method(kval_of(cls), s_subclasses, NULL, 0);
    if (!subs) {
        return -1;
    }
    int rc = 0;
    for (ssize_t i = 0; rc == 0 && i < klist_len(subs); i++) {
        rc = set_collection_flag_recursive((KType *)kval_obj(klist_items(subs)[i]), flag);
    }
    kval_decref(subs);
    return rc;
}

static KValue abc_register(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)kw;
    if (kargs_count("_abc_register", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue self = args[0], subclass = args[1];
    if (!ktype_check(subclass)) {
        kerr_set(&kexc_TypeError, "Can only register classes");
        return KV_NULL;
    }
    int r = kobj_issubclass(subclass, self);
    if (r != 0) {
        return r > 0 ? kval_newref(subclass) : KV_NULL; // already a subclass
    }
    // Subtle: test for cycles *after* testing for "already a subclass";
    // this means we allow X.register(X) and interpret it as a no-op.
    r = kobj_issubclass(self, subclass);
    if (r != 0) {
        if (r > 0) {
            kerr_set(&kexc_RuntimeError, "Refusing to create an inheritance cycle");
        }
        return KV_NULL;
    }
    AbcData *impl = get_impl(self);
    if (!impl) {
        return KV_NULL;
    }
    r = add_to_weak_set(&impl->registry, subclass);
    kval_decref(kval_of(impl));
    if (r < 0) {
        return KV_NULL;
    }
    invalidation_counter++;
    if (ktype_check(self)) {
        uint32_t flags = ((KType *)kval_obj(self))->flags & (KTF_SEQUENCE | KTF_MAPPING);
        if (flags && set_collection_flag_recursive((KType *)kval_obj(subclass), flags) < 0) {
            return KV_NULL;
        }
    }
    return kval_newref(subclass);
}

// self.__subclasscheck__(cls) as a truth value.
static int call_subclasscheck(KValue self, KValue cls) {
    KValue r = kobj_call_method(self, KID(__subclasscheck__), &cls, 1);
    if (!r) {
        return -1;
    }
    int t = kobj_is_true(r);
    kval_decref(r);
    return t;
}

static KValue abc_instancecheck(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)kw;
    if (kargs_count("_abc_instancecheck", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue self = args[0], instance = args[1];
    AbcData *impl = get_impl(self);
    if (!impl) {
        return KV_NULL;
    }
    KValue subclass = kobj_getattr(instance, KID(__class__));
    int r = subclass ? in_weak_set(impl->cache, subclass) : -1;
    if (r == 0) {
        KValue subtype = kval_of(kval_type(instance));
        if (subtype == subclass) {
            if (impl->negative_cache_version == invalidation_counter) {
                r = in_weak_set(impl->negative_cache, subclass);
                r = r > 0 ? 2 : r; // known not to be one
            }
            if (r == 0) {
                r = call_subclasscheck(self, subclass);
            }
        } else {
            r = call_subclasscheck(self, subclass);
            if (r == 0) {
                r = call_subclasscheck(self, subtype);
            }
        }
    }
    kval_xdecref(subclass);
    kval_decref(kval_of(impl));
    return r < 0 ? KV_NULL : kbool_from(r == 1);
}

// issubclass(subclass, each of 'classes') until one is true: 1, 0 or -1.
static int any_subclass(KValue subclass, KValue classes) {
    KValue it = kobj_get_iter(classes);
    if (!it) {
        return -1;
    }
    int r = 0;
    for (KValue c; r == 0 && (c = kobj_iter_next(it));) {
        r = kobj_issubclass(subclass, c);
        kval_decref(c);
    }
    if (r == 0 && kerr_occurred()) {
        r = -1;
    }
    kval_decref(it);
    return r;
}

static int subclasscheck(KValue self, AbcData *impl, KValue subclass) {
    // 1. In the cache.
    int r = in_weak_set(impl->cache, subclass);
    if (r != 0) {
        return r;
    }
    // 2. The negative cache, emptied when register() ran since it was filled.
    if (impl->negative_cache_version < invalidation_counter) {
        KVAL_CLEAR(impl->negative_cache);
        impl->negative_cache_version = invalidation_counter;
    } else {
        r = in_weak_set(impl->negative_cache, subclass);
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
    }
    // 3. The subclass hook.
    KValue ok = kobj_call_method(self, s_subclasshook, &subclass, 1);
    if (!ok) {
        return -1;
    }
    if (ok != KV_NOTIMPL) {
        int t = ok == KV_TRUE ? 1 : ok == KV_FALSE ? 0 : -2;
        kval_decref(ok);
        if (t == -2) {
            kerr_set(&kexc_AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");
            return -1;
        }
        if (add_to_weak_set(t ? &impl->cache : &impl->negative_cache, subclass) < 0) {
            return -1;
        }
        return t;
    }
    kval_decref(ok);
    // 4. A direct subclass.
    KValue mro;
    r = kobj_lookup_attr(subclass, KID(__mro__), &mro);
    if (r < 0) {
        return -1;
    }
    if (r > 0) {
        r = 0;
        if (ktuple_check(mro)) {
            for (ssize_t i = 0; i < ktuple_len(mro); i++) {
                if (ktuple_items(mro)[i] == self) {
                    r = 1;
                    break;
                }
            }
        }
        kval_decref(mro);
        if (r) {
            return add_to_weak_set(&impl->cache, subclass) < 0 ? -1 : 1;
        }
    }
    // 5. A subclass of a registered class (recursively).
    KValue registered = weak_set_members(impl->registry);
    r = registered ? any_subclass(subclass, registered) : -1;
    kval_xdecref(registered);
    // 6. A subclass of a subclass (recursively).
    if (r == 0) {
        KValue subs = kobj_call_method(self, s_subclasses, NULL, 0);
        r = subs ? any_subclass(subclass, subs) : -1;
        kval_xdecref(subs);
    }
    if (r != 0) {
        return r < 0 ? -1 : add_to_weak_set(&impl->cache, subclass) < 0 ? -1 : 1;
    }
    // 7. No.
    return add_to_weak_set(&impl->negative_cache, subclass) < 0 ? -1 : 0;
}

static KValue abc_subclasscheck(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)kw;
    if (kargs_count("_abc_subclasscheck", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!ktype_check(args[1])) {
        kerr_set(&kexc_TypeError, "issubclass() arg 1 must be a class");
        return KV_NULL;
    }
    AbcData *impl = get_impl(args[0]);
    if (!impl) {
        return KV_NULL;
    }
    int r = subclasscheck(args[0], impl, args[1]);
    kval_decref(kval_of(impl));
    return r < 0 ? KV_NULL : kbool_from(r);
}

// A weak set as _get_dump shows it: a set of the weak references.
static KValue copy_set(KValue set) {
    KValue out = kset_new(KV_NULL);
    ssize_t pos = 0;
    KValue key, ref;
    while (out && set && kdict_next(set, &pos, &key, &ref)) {
        if (kset_add(out, ref) < 0) {
            KVAL_CLEAR(out);
        }
    }
    return out;
}

static KValue abc_get_dump(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    AbcData *impl = get_impl(args[0]);
    if (!impl) {
        return KV_NULL;
    }
    KValue reg = copy_set(impl->registry), cache = copy_set(impl->cache);
    KValue neg = copy_set(impl->negative_cache);
    KValue version = kint_from_i64(impl->negative_cache_version);
    KValue r = reg && cache && neg && version ? ktuple_pack(4, reg, cache, neg, version) : KV_NULL;
    kval_xdecref(reg);
    kval_xdecref(cache);
    kval_xdecref(neg);
    kval_xdecref(version);
    kval_decref(kval_of(impl));
    return r;
}

static KValue abc_reset_registry(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    AbcData *impl = get_impl(args[0]);
    if (!impl) {
        return KV_NULL;
    }
    KVAL_CLEAR(impl->registry);
    kval_decref(kval_of(impl));
    return kval_newref(KV_NONE);
}

static KValue abc_reset_caches(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    AbcData *impl = get_impl(args[0]);
    if (!impl) {
        return KV_NULL;
    }
    KVAL_CLEAR(impl->cache);
    KVAL_CLEAR(impl->negative_cache);
    kval_decref(kval_of(impl));
    return kval_newref(KV_NONE);
}

static KValue abc_get_cache_token(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)args, (void)nargs, (void)kw;
    return kint_from_i64(invalidation_counter);
}

static const KMethodDef abc_methods[] = {
    {"get_cache_token", abc_get_cache_token, KMETH_NOARGS, NULL},
    {"_abc_init", abc_init, KMETH_O, NULL},
    {"_reset_registry", abc_reset_registry, KMETH_O, NULL},
    {"_reset_caches", abc_reset_caches, KMETH_O, NULL},
    {"_get_dump", abc_get_dump, KMETH_O, NULL},
    {"_abc_register", abc_register, KMETH_FAST, NULL},
    {"_abc_instancecheck", abc_instancecheck, KMETH_FAST, NULL},
    {"_abc_subclasscheck", abc_subclasscheck, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_abc_create(void) {
    if (ktype_ready(&abc_data_type) < 0) {
        return KV_NULL;
    }
    s_abc_impl = kstr_intern_cstr("_abc_impl");
    s_abc_tpflags = kstr_intern_cstr("__abc_tpflags__");
    s_subclasses = kstr_intern_cstr("__subclasses__");
    s_subclasshook = kstr_intern_cstr("__subclasshook__");
    if (!s_abc_impl || !s_abc_tpflags || !s_subclasses || !s_subclasshook) {
        return KV_NULL;
    }
    KValue m = kmod_new("_abc");
    if (!m || kmod_add_functions(m, abc_methods) < 0 ||
        kmod_add(m, "_abc_data", kval_of(&abc_data_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
