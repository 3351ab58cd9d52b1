// vm/modules/_functools.c: the C parts functools.py takes when present:
// reduce, cmp_to_key (the KeyWrapper type) and partial. functools.py has
// pure-Python versions of all three; these exist for speed (a partial
// call in Python is an extra frame plus argument packing), and behave as
// CPython's: nested partials flatten, repr/pickling/__setstate__ and the
// messages match. lru_cache stays the pure-Python one.
#include <stddef.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../internal.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// ---------------------------------------------------------------------------
// reduce

// reduce(function, iterable[, initial])
METHOD(ft_reduce) {
    (void)self, (void)kw;
    if (kargs_count("reduce", nargs, 2, 3) < 0) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(args[1]);
    if (!it) {
        if (kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            kerr_set(&kexc_TypeError, "reduce() arg 2 must support iteration");
        }
        return KV_NULL;
    }
    KValue acc = nargs > 2 ? kval_newref(args[2]) : KV_NULL, item;
    while ((item = kobj_iter_next(it))) {
        if (!acc) {
            acc = item;
            continue;
        }
        KValue r = kobj_call2(args[0], acc, item);
        kval_decref(item);
        kval_decref(acc);
        acc = r;
        if (!acc) {
            break;
        }
    }
    kval_decref(it);
    if (kerr_occurred()) {
        kval_xdecref(acc);
        return KV_NULL;
    }
    if (!acc) {
        kerr_set(&kexc_TypeError, "reduce() of empty iterable with no initial value");
    }
    return acc;
}

// ---------------------------------------------------------------------------
// cmp_to_key: K(obj) objects comparing through cmp(a.obj, b.obj) <op> 0.

typedef struct KeyWrapper {
    KOBJ_HEAD;
    KValue cmp, obj; // obj KV_NULL for the key function itself
} KeyWrapper;

static KType keywrapper_type;

static KValue keywrapper_new(KValue cmp, KValue obj) {
    KeyWrapper *k = (KeyWrapper *)kobj_alloc(&keywrapper_type, sizeof(KeyWrapper));
    if (!k) {
        return kerr_no_memory();
    }
    k->cmp = kval_newref(cmp);
    k->obj = obj ? kval_newref(obj) : KV_NULL;
    return kval_of(k);
}

static void keywrapper_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(((KeyWrapper *)o)->cmp);
    KVAL_CLEAR(((KeyWrapper *)o)->obj);
    kobj_free(o);
}

static int keywrapper_traverse(KObject *o, KVisitFn visit, void *arg) {
    KeyWrapper *k = (KeyWrapper *)o;
    return (k->cmp && visit(k->cmp, arg)) || (k->obj && visit(k->obj, arg));
}

static void keywrapper_clear(KObject *o) {
    KVAL_CLEAR(((KeyWrapper *)o)->cmp);
    KVAL_CLEAR(((KeyWrapper *)o)->obj);
}

static KValue keywrapper_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"obj", NULL};
    KValue a[1];
    if (kargs_parse("K", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    return keywrapper_new(((KeyWrapper *)self)->cmp, a[0]);
}

static KValue keywrapper_richcompare(KValue a, KValue b, int op) {
    if (kval_type(b) != &keywrapper_type) {
        kerr_set(&kexc_TypeError, "other argument must be K instance");
        return KV_NULL;
    }
    KeyWrapper *x = (KeyWrapper *)a, *y = (KeyWrapper *)b;
    if (!x->obj || !y->obj) {
        kerr_set(&kexc_AttributeError, "object");
        return KV_NULL;
    }
    KValue r = kobj_call2(x->cmp, x->obj, y->obj);
    if (!r) {
        return KV_NULL;
    }
    KValue answer = kobj_richcompare(r, kval_from_int(0), op);
    kval_decref(r);
    return answer;
}

static KValue keywrapper_get_obj(KValue self) {
    KValue obj = ((KeyWrapper *)self)->obj;
    return kval_newref(obj ? obj : KV_NONE); // a T_OBJECT member in CPython: None when unset
}

static const KGetSetDef keywrapper_getsets[] = {
    {"obj", keywrapper_get_obj, NULL, "Value wrapped by a key function."},
    {NULL, NULL, NULL, NULL},
};

static KType keywrapper_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "functools.KeyWrapper",
    .basicsize = sizeof(KeyWrapper),
    .flags = KTF_GC,
    .dealloc = keywrapper_dealloc,
    .traverse = keywrapper_traverse,
    .clear = keywrapper_clear,
    .hash = kobj_hash_not_implemented,
    .richcompare = keywrapper_richcompare,
    .call = keywrapper_call,
    .getsets = keywrapper_getsets,
};

METHOD(ft_cmp_to_key) {
    (void)self;
    static const char *const kwlist[] = {"mycmp", NULL};
    KValue a[1];
    if (kargs_parse("cmp_to_key", args, nargs, kw, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    return keywrapper_new(a[0], KV_NULL);
}

// ---------------------------------------------------------------------------
// partial

typedef struct Partial {
    KOBJ_HEAD;
    KValue fn;
    KValue args; // tuple
    KValue kw;   // dict
    KValue dict; // __dict__, KV_NULL until used
} Partial;

static KType partial_type;

#define PT(v) ((Partial *)(v))

static void partial_dealloc(KObject *o) {
    kgc_untrack(o);
    Partial *p = PT(o);
    KVAL_CLEAR(p->fn);
    KVAL_CLEAR(p->args);
    KVAL_CLEAR(p->kw);
    KVAL_CLEAR(p->dict);
    kobj_free(o);
}

static int partial_traverse(KObject *o, KVisitFn visit, void *arg) {
    Partial *p = PT(o);
    return (p->fn && visit(p->fn, arg)) || (p->args && visit(p->args, arg)) ||
           (p->kw && visit(p->kw, arg)) || (p->dict && visit(p->dict, arg));
}

static void partial_clear(KObject *o) {
    Partial *p = PT(o);
    KVAL_CLEAR(p->fn);
    KVAL_CLEAR(p->args);
    KVAL_CLEAR(p->kw);
    KVAL_CLEAR(p->dict);
}

static KValue partial_call(KValue self, const KValue *args, size_t nargs, KValue kwnames);

// A partial whose calls are partial_call's (a subclass overriding
// __call__ is not taken apart).
static int is_partial(KValue v) {
    return !kval_is_int(v) && kval_type(v)->call == partial_call;
}

// partial(func, /, *args, **keywords): a partial of a partial (without a
// __dict__) takes over its function, arguments and keywords.
static KValue partial_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (nargs < 1) {
        kerr_set(&kexc_TypeError, "type 'partial' takes at least one argument");
        return KV_NULL;
    }
    KValue fn = args[0], pargs = KV_NULL, pkw = KV_NULL;
    if (is_partial(fn) && !PT(fn)->dict) {
        pargs = PT(fn)->args;
        pkw = PT(fn)->kw;
        fn = PT(fn)->fn;
    }
    if (!kobj_is_callable(fn)) {
        kerr_set(&kexc_TypeError, "the first argument must be callable");
        return KV_NULL;
    }
    KValue self = ktype_generic_alloc(type, 0);
    if (!self) {
        return KV_NULL;
    }
    Partial *p = PT(self);
    p->fn = kval_newref(fn);
    ssize_t nold = pargs ? ktuple_len(pargs) : 0;
    p->args = ktuple_new(nold + (ssize_t)nargs - 1);
    for (ssize_t i = 0; p->args && i < nold; i++) {
        ktuple_items(p->args)[i] = kval_newref(ktuple_items(pargs)[i]);
    }
    for (size_t i = 1; p->args && i < nargs; i++) {
        ktuple_items(p->args)[nold + (ssize_t)i - 1] = kval_newref(args[i]);
    }
    p->kw = pkw ? kdict_copy(pkw) : kdict_new();
    if (!p->args || !p->kw) {
        kval_decref(self);
        return KV_NULL;
    }
    ssize_t nkw = kwnames ? ktuple_len(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        if (kdict_set(p->kw, ktuple_items(kwnames)[i], args[nargs + (size_t)i]) < 0) {
            kval_decref(self);
            return KV_NULL;
        }
    }
    return self;
}

// func(*self.args, *args, **self.keywords, **kw), later keywords winning.
static KValue partial_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    Partial *p = PT(self);
    ssize_t np = ktuple_len(p->args), nkw = kwnames ? ktuple_len(kwnames) : 0;
    ssize_t nstored = kdict_len(p->kw);
    if (nstored == 0) {
        if (np == 0) {
            return kobj_call(p->fn, args, nargs, kwnames);
        }
    }
    // Merge the keywords: stored ones first, the call's replacing them.
    KValue merged = KV_NULL;
    if (nstored) {
        merged = kdict_copy(p->kw);
        for (ssize_t i = 0; merged && i < nkw; i++) {
            if (kdict_set(merged, ktuple_items(kwnames)[i], args[nargs + (size_t)i]) < 0) {
                KVAL_CLEAR(merged);
            }
        }
        if (!merged) {
            return KV_NULL;
        }
        nkw = kdict_len(merged);
    }
    size_t total = (size_t)np + nargs + (size_t)nkw;
    KValue small[16];
    KValue *stack = total <= 16 ? small : kmem_alloc(total * sizeof(KValue));
    KValue names = KV_NULL, r = KV_NULL;
    if (!stack) {
        kval_xdecref(merged);
        return kerr_no_memory();
    }
    for (ssize_t i = 0; i < np; i++) {
        stack[i] = ktuple_items(p->args)[i];
    }
    for (size_t i = 0; i < nargs; i++) {
        stack[np + (ssize_t)i] = args[i];
    }
    if (merged) {
        names = ktuple_new(nkw);
        KValue key, value;
        ssize_t pos = 0, k = 0;
        while (names && kdict_next(merged, &pos, &key, &value)) {
            ktuple_items(names)[k] = kval_newref(key);
            stack[(size_t)np + nargs + (size_t)k++] = value;
        }
    } else if (nkw) {
        names = kval_newref(kwnames);
        for (ssize_t i = 0; i < nkw; i++) {
            stack[(size_t)np + nargs + (size_t)i] = args[nargs + (size_t)i];
        }
    }
    if (names || nkw == 0) {
        r = kobj_call(p->fn, stack, (size_t)np + nargs, nkw ? names : KV_NULL);
    }
    kval_xdecref(names);
    kval_xdecref(merged);
    if (stack != small) {
        kmem_free(stack);
    }
    return r;
}

static KValue partial_repr(KValue self) {
    Partial *p = PT(self);
    int rec = krepr_enter(self);
    if (rec != 0) {
        return rec > 0 ? kstr_from_cstr("...") : KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_cstr(&b, kval_type(self)->name);
    kstr_builder_char(&b, '(');
    KValue r = kobj_repr(p->fn);
    int ok = r != KV_NULL;
    if (ok) {
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    for (ssize_t i = 0; ok && i < ktuple_len(p->args); i++) {
        r = kobj_repr(ktuple_items(p->args)[i]);
        ok = r != KV_NULL;
        if (ok) {
            kstr_builder_cstr(&b, ", ");
            kstr_builder_str(&b, r);
            kval_decref(r);
        }
    }
    KValue key, value;
    ssize_t pos = 0;
    while (ok && kdict_next(p->kw, &pos, &key, &value)) {
        r = kobj_repr(value);
        ok = r != KV_NULL;
        if (ok) {
            KValue k = kobj_str(key);
            ok = k != KV_NULL;
            if (ok) {
                kstr_builder_cstr(&b, ", ");
                kstr_builder_str(&b, k);
                kstr_builder_char(&b, '=');
                kstr_builder_str(&b, r);
                kval_decref(k);
            }
            kval_decref(r);
        }
    }
    krepr_leave(self);
    if (!ok) {
        kstr_builder_discard(&b);
        return KV_NULL;
    }
    kstr_builder_char(&b, ')');
    return kstr_builder_finish(&b);
}

// (type(self), (fn,), (fn, args, keywords or None, __dict__ or None))
METHOD(pt_reduce) {
    (void)args, (void)nargs, (void)kw;
    Partial *p = PT(self);
    KValue kwv = kdict_len(p->kw) ? p->kw : KV_NONE;
    KValue dict = p->dict && kdict_len(p->dict) ? p->dict : KV_NONE;
    KValue fnargs = ktuple_pack(1, p->fn);
    KValue state = ktuple_pack(4, p->fn, p->args, kwv, dict);
    KValue r = fnargs && state ? ktuple_pack(3, kval_of(kval_type(self)), fnargs, state) : KV_NULL;
    kval_xdecref(fnargs);
    kval_xdecref(state);
    return r;
}

METHOD(pt_setstate) {
    (void)nargs, (void)kw;
    KValue state = args[0];
    if (!ktuple_check(state) || ktuple_len(state) != 4) {
        kerr_set(&kexc_TypeError, "invalid partial state");
        return KV_NULL;
    }
    KValue *s = ktuple_items(state);
    if (!kobj_is_callable(s[0]) || !ktuple_check(s[1]) ||
        (s[2] != KV_NONE && !kdict_check(s[2]))) {
        kerr_set(&kexc_TypeError, "invalid partial state");
        return KV_NULL;
    }
    KValue fnargs = kval_type(s[1]) == &ktuple_type ? kval_newref(s[1])
                                                    : ktuple_from_array(ktuple_items(s[1]),
                                                                        ktuple_len(s[1]));
    KValue kwv = s[2] == KV_NONE ? kdict_new()
                 : kval_type(s[2]) == &kdict_type ? kval_newref(s[2])
                                                  : kdict_copy(s[2]);
    if (!fnargs || !kwv) {
        kval_xdecref(fnargs);
        kval_xdecref(kwv);
        return KV_NULL;
    }
    Partial *p = PT(self);
    kval_setref(&p->fn, kval_newref(s[0]));
    kval_setref(&p->args, fnargs);
    kval_setref(&p->kw, kwv);
    kval_setref(&p->dict, s[3] == KV_NONE ? KV_NULL : kval_newref(s[3]));
    return kval_newref(KV_NONE);
}

static KValue pt_class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static KValue pt_get_dict(KValue self) {
    KValue d = kobj_get_dict_borrow(self);
    return d ? kval_newref(d) : KV_NULL;
}

static int pt_set_dict(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!kdict_check(value)) {
        kerr_format(&kexc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", value);
        return -1;
    }
    kval_setref(&PT(self)->dict, kval_newref(value));
    return 0;
}

static const KMethodDef partial_methods[] = {
    {"__reduce__", pt_reduce, KMETH_NOARGS, NULL},
    {"__setstate__", pt_setstate, KMETH_O, NULL},
    {"__class_getitem__", pt_class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef partial_getsets[] = {
    {"__dict__", pt_get_dict, pt_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMemberDef partial_members[] = {
    {"func", KMEMBER_OBJECT, offsetof(Partial, fn), 1,
     "function object to use in future partial calls"},
    {"args", KMEMBER_OBJECT, offsetof(Partial, args), 1,
     "tuple of arguments to future partial calls"},
    {"keywords", KMEMBER_OBJECT, offsetof(Partial, kw), 1,
     "dictionary of keyword arguments to future partial calls"},
    {NULL, 0, 0, 0, NULL},
};

static KType partial_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "functools.partial",
    .basicsize = sizeof(Partial),
    .flags = KTF_GC | KTF_BASETYPE | KTF_WEAKREF,
    .dictoffset = offsetof(Partial, dict),
    .dealloc = partial_dealloc,
    .traverse = partial_traverse,
    .clear = partial_clear,
    .repr = partial_repr,
    .call = partial_call,
    .new_ = partial_new,
    .methods = partial_methods,
    .members = partial_members,
    .getsets = partial_getsets,
};

// ---------------------------------------------------------------------------

static const KMethodDef functools_functions[] = {
    {"reduce", ft_reduce, KMETH_FAST, NULL},
    {"cmp_to_key", ft_cmp_to_key, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_functools_create(void) {
    if (ktype_ready(&keywrapper_type) < 0 || ktype_ready(&partial_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_functools");
    if (!m || kmod_add_functions(m, functools_functions) < 0 ||
        kmod_add(m, "partial", kval_of(&partial_type)) < 0 ||
        kmod_add(m, "KeyWrapper", kval_of(&keywrapper_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
