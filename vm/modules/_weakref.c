// vm/modules/_weakref.c: the _weakref module that weakref.py builds on:
// ref, proxy, the three types, getweakrefcount, getweakrefs and
// _remove_dead_weakref. The reference types themselves live in vm/weakref.c.
#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../module.h"
#include "../tuple.h"
#include "../type.h"
#include "../weakref.h"

static KValue wr_getweakrefcount(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    return kval_from_int(kweakref_count(args[0]));
}

static KValue wr_getweakrefs(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    return kweakref_list(args[0]);
}

static KValue wr_proxy(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("proxy", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    return kweakref_proxy_new(args[0], nargs > 1 ? args[1] : KV_NULL);
}

// _remove_dead_weakref(dict, key): del dict[key] if it is a dead weakref.
static KValue wr_remove_dead(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("_remove_dead_weakref", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!kval_has_flag(args[0], KTF_DICT_SUBCLASS)) {
        kerr_format(&kexc_TypeError,
                    "_remove_dead_weakref() argument 1 must be dict, not %T", args[0]);
        return KV_NULL;
    }
    KValue v = kdict_get_borrow(args[0], args[1]);
    if (!v) {
        if (kerr_occurred()) {
            return KV_NULL;
        }
        return kval_newref(KV_NONE);
    }
    if (ktype_is_subtype(kval_type(v), &kweakref_type) && !((KWeakref *)kval_obj(v))->object &&
        kdict_del(args[0], args[1]) < 0) {
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef weakref_methods[] = {
    {"getweakrefcount", wr_getweakrefcount, KMETH_O, NULL},
    {"getweakrefs", wr_getweakrefs, KMETH_O, NULL},
    {"proxy", wr_proxy, KMETH_FAST, NULL},
    {"_remove_dead_weakref", wr_remove_dead, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_weakref_create(void) {
    if (kweakref_init() < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_weakref");
    if (!m || kmod_add_functions(m, weakref_methods) < 0 ||
        kmod_add(m, "ref", kval_of(&kweakref_type)) < 0 ||
        kmod_add(m, "ReferenceType", kval_of(&kweakref_type)) < 0 ||
        kmod_add(m, "ProxyType", kval_of(&kweakproxy_type)) < 0 ||
        kmod_add(m, "CallableProxyType", kval_of(&kweakcallableproxy_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
