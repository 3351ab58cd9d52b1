// vm/reduce.c: object's side of the copy and pickle protocol, as CPython's
// typeobject.c: object.__reduce_ex__ (calling an overriding __reduce__),
// object.__reduce__, and object.__getstate__ (the instance dict and the
// __slots__ values, the slot names found by copyreg._slotnames). Protocol 2
// and later build (copyreg.__newobj__, (cls, *args), state, listitems,
// dictitems) or copyreg.__newobj_ex__'s form; 0 and 1 call copyreg._reduce_ex.
#include "internal.h"

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static KValue copyreg_attr(const char *name) {
    KValue mod = kimport_module(kstr_intern_cstr("copyreg"), KV_NULL, KV_NULL, 0);
    if (!mod) {
        return KV_NULL;
    }
    KValue r = kobj_getattr(mod, kstr_intern_cstr(name));
    kval_decref(mod);
    return r;
}

// copyreg._slotnames(cls): a list, or None; KV_NULL on error.
static KValue slot_names(KType *cls) {
    KValue f = copyreg_attr("_slotnames");
    KValue names = f ? kobj_call1(f, kval_of(cls)) : KV_NULL;
    kval_xdecref(f);
    if (names && names != KV_NONE && !klist_check(names)) {
        kerr_set(&kexc_TypeError, "copyreg._slotnames didn't return a list or None");
        KVAL_CLEAR(names);
    }
    return names;
}

// The default __getstate__: None or the instance dict, paired with a dict of
// the slot values that are set. 'required': the object is rebuilt without
// arguments, so a C base with hidden state cannot be pickled.
static KValue default_getstate(KValue obj, int required) {
    KType *t = kval_type(obj);
    if (required && t->itemsize) {
        kerr_format(&kexc_TypeError, "cannot pickle %s objects", ktype_name(t));
        return KV_NULL;
    }
    if (required) {
        KType *c = t;
        while (c->base && (c->flags & KTF_HEAPTYPE)) {
            c = c->base;
        }
        if (c != &kobject_type && c->basicsize > kobject_type.basicsize) {
            kerr_format(&kexc_TypeError, "cannot pickle '%s' object", ktype_name(t));
            return KV_NULL;
        }
    }
    KValue *dp = kobj_dictptr(obj);
    KValue state = dp && *dp && kdict_len(*dp) ? kval_newref(*dp) : kval_newref(KV_NONE);
    KValue names = slot_names(t);
    if (!names) {
        kval_decref(state);
        return KV_NULL;
    }
    if (names == KV_NONE || klist_len(names) == 0) {
        kval_decref(names);
        return state;
    }
    KValue slots = kdict_new();
    for (ssize_t i = 0; slots && i < klist_len(names); i++) {
        KValue name = klist_items(names)[i];
        KValue v;
        int r = kobj_lookup_attr(obj, name, &v);
        if (r > 0) {
            r = kdict_set(slots, name, v);
            kval_decref(v);
        }
        if (r < 0) {
            KVAL_CLEAR(slots);
        }
    }
    kval_decref(names);
    KValue r = KV_NULL;
    if (slots && kdict_len(slots)) {
        r = ktuple_pack(2, state, slots);
    } else if (slots) {
        r = kval_newref(state);
    }
    kval_xdecref(slots);
    kval_decref(state);
    return r;
}

KValue kobject_getstate(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return default_getstate(self, 0);
}

// obj.__getstate__(), or the default one when it is object's.
static KValue get_state(KValue obj, int required) {
    KValue f = ktype_lookup(kval_type(obj), kstr_intern_cstr("__getstate__"));
    KValue base = ktype_lookup(&kobject_type, kstr_intern_cstr("__getstate__"));
    if (f && f == base) {
        return default_getstate(obj, required);
    }
    return kobj_call_method(obj, kstr_intern_cstr("__getstate__"), NULL, 0);
}

// __getnewargs_ex__ or __getnewargs__: '*args' a tuple and '*kwargs' a dict
// (or KV_NULL when neither is defined). -1 on error.
static int get_newargs(KValue obj, KValue *args, KValue *kwargs) {
    *args = *kwargs = KV_NULL;
    int found = 0;
    KValue r = kobj_call_special(obj, kstr_intern_cstr("__getnewargs_ex__"), NULL, 0, &found);
    if (found) {
        if (!r) {
            return -1;
        }
        if (!ktuple_check(r)) {
            kerr_format(&kexc_TypeError, "__getnewargs_ex__ should return a tuple, not '%s'",
                        ktype_name(kval_type(r)));
        } else if (ktuple_len(r) != 2) {
            kerr_format(&kexc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                        ktuple_len(r));
        } else if (!ktuple_check(ktuple_items(r)[0])) {
            kerr_format(&kexc_TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                        ktype_name(kval_type(ktuple_items(r)[0])));
        } else if (!kdict_check(ktuple_items(r)[1])) {
            kerr_format(&kexc_TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                        ktype_name(kval_type(ktuple_items(r)[1])));
        } else {
            *args = kval_newref(ktuple_items(r)[0]);
            *kwargs = kval_newref(ktuple_items(r)[1]);
        }
        kval_decref(r);
        return *args ? 0 : -1;
    }
    if (kerr_occurred()) {
        return -1;
    }
    r = kobj_call_special(obj, kstr_intern_cstr("__getnewargs__"), NULL, 0, &found);
    if (found) {
        if (r && !ktuple_check(r)) {
            kerr_format(&kexc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                        ktype_name(kval_type(r)));
            KVAL_CLEAR(r);
        }
        *args = r;
        return r ? 0 : -1;
    }
    return kerr_occurred() ? -1 : 0;
}

// iter(obj) for list subclasses ('items' 0) and iter(obj.items()) for dict
// subclasses; None otherwise.
static KValue items_iter(KValue obj, int flag, int items) {
    if (!kval_has_flag(obj, flag)) {
        return kval_newref(KV_NONE);
    }
    if (!items) {
        return kobj_get_iter(obj);
    }
    KValue view = kobj_call_method(obj, KID(items), NULL, 0);
    KValue it = view ? kobj_get_iter(view) : KV_NULL;
    kval_xdecref(view);
    return it;
}

static KValue reduce_newobj(KValue obj) {
    KType *t = kval_type(obj);
    if (!t->new_) {
        kerr_format(&kexc_TypeError, "cannot pickle '%s' object", ktype_name(t));
        return KV_NULL;
    }
    KValue args, kwargs;
    if (get_newargs(obj, &args, &kwargs) < 0) {
        return KV_NULL;
    }
    int hasargs = args != KV_NULL;
    KValue newobj = KV_NULL, newargs = KV_NULL;
    if (!kwargs || kdict_len(kwargs) == 0) {
        newobj = copyreg_attr("__newobj__");
        ssize_t n = args ? ktuple_len(args) : 0;
        newargs = newobj ? ktuple_new(n + 1) : KV_NULL;
        if (newargs) {
            KValue *items = ktuple_items(newargs);
            items[0] = kval_newref(kval_of(t));
            for (ssize_t i = 0; i < n; i++) {
                items[i + 1] = kval_newref(ktuple_items(args)[i]);
            }
        }
    } else {
        newobj = copyreg_attr("__newobj_ex__");
        newargs = newobj ? ktuple_pack(3, kval_of(t), args ? args : KV_NONE, kwargs) : KV_NULL;
    }
    kval_xdecref(args);
    kval_xdecref(kwargs);
    KValue state = KV_NULL, list_items = KV_NULL, dict_items = KV_NULL, r = KV_NULL;
    if (newargs) {
        int required = !hasargs && !kval_has_flag(obj, KTF_LIST_SUBCLASS) &&
                       !kval_has_flag(obj, KTF_DICT_SUBCLASS);
        state = get_state(obj, required);
    }
    if (state) {
        list_items = items_iter(obj, KTF_LIST_SUBCLASS, 0);
    }
    if (list_items) {
        dict_items = items_iter(obj, KTF_DICT_SUBCLASS, 1);
    }
    if (dict_items) {
        r = ktuple_pack(5, newobj, newargs, state, list_items, dict_items);
    }
    kval_xdecref(newobj);
    kval_xdecref(newargs);
    kval_xdecref(state);
    kval_xdecref(list_items);
    kval_xdecref(dict_items);
    return r;
}

static KValue common_reduce(KValue self, KValue protocol) {
    KValue p = knum_index(protocol);
    if (!p) {
        return KV_NULL;
    }
    int ge2 = !kval_is_int(p) || kval_int(p) >= 2;
    if (ge2) {
        kval_decref(p);
        return reduce_newobj(self);
    }
    KValue f = copyreg_attr("_reduce_ex");
    KValue r = f ? kobj_call2(f, self, p) : KV_NULL;
    kval_xdecref(f);
    kval_decref(p);
    return r;
}

KValue kobject_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return common_reduce(self, kval_from_int(0));
}

KValue kobject_reduce_ex(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (nargs != 1) {
        kerr_format(&kexc_TypeError, "object.__reduce_ex__() takes exactly one argument (%zu given)", nargs);
        return KV_NULL;
    }
    KValue name = kstr_intern_cstr("__reduce__");
    KValue mine = ktype_lookup(kval_type(self), name);
    KValue base = ktype_lookup(&kobject_type, name);
    if (mine && mine != base) {
        return kobj_call_method(self, name, NULL, 0);
    }
    return common_reduce(self, args[0]);
}
