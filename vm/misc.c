// vm/misc.c: the small builtin types without a file of their own:
// mappingproxy (a read-only view of a class dict), types.GenericAlias
// (list[int]), types.UnionType (int | str), types.SimpleNamespace, and the
// helpers of the pattern-matching instructions and of object.__reduce_ex__.
#include <string.h>
#include "internal.h"

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "set.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

// ---------------------------------------------------------------------------
// mappingproxy

typedef struct MappingProxy {
    KOBJ_HEAD;
    KValue mapping;
} MappingProxy;

static KValue mp_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    if (kargs_no_kw("mappingproxy", kwnames) < 0 || kargs_count("mappingproxy", nargs, 1, 1) < 0) {
        return KV_NULL;
    }
    KValue m = args[0];
    if (!kval_type(m)->getitem || klist_check(m) || ktuple_check(m)) {
        kerr_format(&kexc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                    ktype_name(kval_type(m)));
        return KV_NULL;
    }
    MappingProxy *p = (MappingProxy *)kobj_alloc(&kmappingproxy_type, sizeof(MappingProxy));
    if (!p) {
        return kerr_no_memory();
    }
    p->mapping = kval_newref(m);
    return kval_of(p);
}

static void mp_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((MappingProxy *)o)->mapping);
    kobj_free(o);
}

static int mp_traverse(KObject *o, KVisitFn visit, void *arg) {
    return visit(((MappingProxy *)o)->mapping, arg);
}

static KValue mp_getitem(KValue self, KValue key) {
    return kobj_getitem(((MappingProxy *)self)->mapping, key);
}

static ssize_t mp_len(KValue self) {
    return kobj_len(((MappingProxy *)self)->mapping);
}

static int mp_contains(KValue self, KValue key) {
    return kobj_contains(((MappingProxy *)self)->mapping, key);
}

static KValue mp_iter(KValue self) {
    return kobj_get_iter(((MappingProxy *)self)->mapping);
}

static KValue mp_repr(KValue self) {
    return kstr_from_format("mappingproxy(%R)", ((MappingProxy *)self)->mapping);
}

static KValue mp_str(KValue self) {
    return kobj_str(((MappingProxy *)self)->mapping);
}

static KValue mp_richcompare(KValue a, KValue b, int op) {
    return kobj_richcompare(((MappingProxy *)a)->mapping, b, op);
}

#define MP_FORWARD(fname, pyname)                                                                \
    static KValue fname(KValue self, const KValue *args, size_t nargs, KValue kw) {              \
        (void)kw;                                                                                \
        return kobj_call_method(((MappingProxy *)self)->mapping, kstr_intern_cstr(pyname), args, \
                                nargs);                                                          \
    }
MP_FORWARD(mp_keys, "keys")
MP_FORWARD(mp_values, "values")
MP_FORWARD(mp_items, "items")
MP_FORWARD(mp_get, "get")
MP_FORWARD(mp_copy, "copy")

static const KMethodDef mp_methods[] = {
    {"keys", mp_keys, KMETH_NOARGS, NULL},   {"values", mp_values, KMETH_NOARGS, NULL},
    {"items", mp_items, KMETH_NOARGS, NULL}, {"get", mp_get, KMETH_FAST, NULL},
    {"copy", mp_copy, KMETH_NOARGS, NULL},   {NULL, NULL, 0, NULL},
};

KType kmappingproxy_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "mappingproxy",
    .basicsize = sizeof(MappingProxy),
    .flags = KTF_GC | KTF_MAPPING,
    .dealloc = mp_dealloc,
    .traverse = mp_traverse,
    .repr = mp_repr,
    .str = mp_str,
    .richcompare = mp_richcompare,
    .iter = mp_iter,
    .new_ = mp_new,
    .len = mp_len,
    .getitem = mp_getitem,
    .contains = mp_contains,
    .methods = mp_methods,
};

// ---------------------------------------------------------------------------
// types.GenericAlias and types.UnionType

typedef struct Alias {
    KOBJ_HEAD;
    KValue origin;
    KValue args; // tuple
} Alias;

static KType generic_alias_type, union_type;

static KValue alias_make(KType *t, KValue origin, KValue args) {
    Alias *a = (Alias *)ktype_generic_alloc(t, 0);
    if (!a) {
        return KV_NULL;
    }
    a->origin = kval_xnewref(origin);
    a->args = ktuple_check(args) ? kval_newref(args) : ktuple_pack(1, args);
    if (!a->args) {
        kval_decref(kval_of(a));
        return KV_NULL;
    }
    return kval_of(a);
}

KValue kgeneric_alias_new(KValue origin, KValue args) {
    return alias_make(&generic_alias_type, origin, args);
}

static void alias_dealloc(KObject *o) {
    Alias *a = (Alias *)o;
    kgc_untrack(o);
    kval_xdecref(a->origin);
    kval_xdecref(a->args);
    kobj_free(o);
}

static int alias_traverse(KObject *o, KVisitFn visit, void *arg) {
    Alias *a = (Alias *)o;
    return (a->origin && visit(a->origin, arg)) || (a->args && visit(a->args, arg));
}

// repr of one type argument as typing prints it.
static KValue arg_repr(KValue v) {
    if (v == KV_ELLIPSIS) {
        return kstr_from_cstr("...");
    }
    if (v == KV_NONE || v == kval_of(&knone_type)) {
        return kstr_from_cstr("None");
    }
    if (ktype_check(v)) {
        KType *t = (KType *)v;
        KValue mod = kobj_getattr(v, KID(__module__));
        KValue qn = mod ? kobj_getattr(v, KID(__qualname__)) : KV_NULL;
        KValue r = KV_NULL;
        if (qn) {
            r = kstr_check(mod) && kstr_eq_cstr(mod, "builtins") ? kval_newref(qn)
                                                                 : kstr_from_format("%S.%S", mod, qn);
        }
        kval_xdecref(mod);
        kval_xdecref(qn);
        (void)t;
        return r;
    }
    return kobj_repr(v);
}

static KValue alias_repr(KValue self) {
    Alias *a = (Alias *)self;
    KStrBuilder b;
    kstr_builder_init(&b);
    int is_union = kval_type(self) == &union_type;
    if (!is_union) {
        KValue o = arg_repr(a->origin);
        if (!o) {
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        kstr_builder_str(&b, o);
        kval_decref(o);
        kstr_builder_char(&b, '[');
    }
    for (ssize_t i = 0; i < ktuple_len(a->args); i++) {
        if (i) {
            kstr_builder_cstr(&b, is_union ? " | " : ", ");
        }
        KValue r = arg_repr(ktuple_items(a->args)[i]);
        if (!r) {
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    if (!is_union) {
        if (ktuple_len(a->args) == 0) {
            kstr_builder_cstr(&b, "()");
        }
        kstr_builder_char(&b, ']');
    }
    return kstr_builder_finish(&b);
}

static KValue alias_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    Alias *a = (Alias *)self;
    return kobj_call(a->origin, args, nargs, kwnames);
}

// Attribute 'name' of 'v': 1 found ('*out' a new reference), 0 absent, -1 error.
static int lookup_cstr(KValue v, const char *name, KValue *out) {
    KValue n = kstr_intern_cstr(name);
    int r = n ? kobj_lookup_attr(v, n, out) : -1;
    kval_xdecref(n);
    return r;
}

// The index of 'v' among the 'n' values at 'items' (==, as list.index),
// -1 when absent, -2 on error.
static ssize_t index_in(const KValue *items, ssize_t n, KValue v) {
    for (ssize_t i = 0; i < n; i++) {
        int eq = items[i] == v ? 1 : kobj_richcompare_bool(items[i], v, KF_CMP_EQ);
        if (eq) {
            return eq < 0 ? -2 : i;
        }
    }
    return -1;
}

// As typing._collect_parameters: the type variables of 'args' (those with
// __typing_subst__, and those of arguments' own __parameters__), in order
// of first appearance. A new tuple, or KV_NULL with an exception.
static KValue collect_parameters(KValue args) {
    KValue params = klist_new(0);
    for (ssize_t i = 0; params && i < ktuple_len(args); i++) {
        KValue t = ktuple_items(args)[i], found;
        if (ktype_check(t)) {
            continue; // not a bare class's __parameters__ descriptor
        }
        int r = lookup_cstr(t, "__typing_subst__", &found);
        KValue subs = KV_NULL;
        if (r > 0) {
            kval_decref(found);
            subs = ktuple_pack(1, t);
        } else if (r == 0 && lookup_cstr(t, "__parameters__", &found) > 0) {
            subs = ktuple_check(found) ? found : (kval_decref(found), ktuple_new(0));
        } else if (r == 0 && !kerr_occurred()) {
            continue;
        }
        for (ssize_t j = 0; subs && j < ktuple_len(subs); j++) {
            KValue x = ktuple_items(subs)[j];
            ssize_t at = index_in(klist_items(params), klist_len(params), x);
            if (at == -2 || (at == -1 && klist_append(params, x) < 0)) {
                KVAL_CLEAR(params);
            }
        }
        if (!subs) {
            KVAL_CLEAR(params);
        }
        kval_xdecref(subs);
    }
    KValue t = params ? klist_as_tuple(params) : KV_NULL;
    kval_xdecref(params);
    return t;
}

// As CPython's _Py_subs_parameters: the arguments of alias 'self' with its
// type variables replaced by 'item' (each parameter's
// __typing_prepare_subst__ first, then its __typing_subst__, or a nested
// alias subscripted with its own parameters' values). A new tuple.
static KValue subs_parameters(KValue self, KValue item) {
    Alias *a = (Alias *)self;
    KValue params = collect_parameters(a->args);
    if (!params) {
        return KV_NULL;
    }
    KValue items = KV_NULL, newargs = KV_NULL;
    ssize_t np = ktuple_len(params);
    if (np == 0) {
        kerr_format(&kexc_TypeError, "%R is not a generic class", self);
        goto done;
    }
    items = ktuple_check(item) ? kval_newref(item) : ktuple_pack(1, item);
    for (ssize_t i = 0; items && i < np; i++) {
        KValue prepare;
        int r = lookup_cstr(ktuple_items(params)[i], "__typing_prepare_subst__", &prepare);
        if (r < 0) {
            KVAL_CLEAR(items);
        } else if (r > 0) {
            KValue pargs[2] = {self, items};
            KValue next = kobj_call(prepare, pargs, 2, KV_NULL);
            kval_decref(prepare);
            kval_decref(items);
            items = next && !ktuple_check(next) ? (kval_decref(next), KV_NULL) : next;
            if (!items && !kerr_occurred()) {
                kerr_set(&kexc_TypeError, "__typing_prepare_subst__ must return a tuple");
            }
        }
    }
    if (!items) {
        goto done;
    }
    if (ktuple_len(items) != np) {
        kerr_format(&kexc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                    ktuple_len(items) > np ? "many" : "few", self, ktuple_len(items), np);
        goto done;
    }
    KValue out = klist_new(0);
    for (ssize_t i = 0; out && i < ktuple_len(a->args); i++) {
        KValue arg = ktuple_items(a->args)[i], fn, v = KV_NULL;
        int r = ktype_check(arg) ? 0 : lookup_cstr(arg, "__typing_subst__", &fn);
        if (ktype_check(arg)) {
            v = kval_newref(arg);
        } else if (r > 0) {
            ssize_t at = index_in(ktuple_items(params), np, arg);
            v = at >= 0 ? kobj_call(fn, &ktuple_items(items)[at], 1, KV_NULL) : KV_NULL;
            kval_decref(fn);
        } else if (r == 0) {
            KValue sub = KV_NULL;
            int has = lookup_cstr(arg, "__parameters__", &sub);
            if (has > 0 && ktuple_check(sub) && ktuple_len(sub) > 0) {
                KValue subargs = ktuple_new(ktuple_len(sub));
                for (ssize_t j = 0; subargs && j < ktuple_len(sub); j++) {
                    ssize_t at = index_in(ktuple_items(params), np, ktuple_items(sub)[j]);
                    if (at < 0) {
                        KVAL_CLEAR(subargs);
                    } else {
                        ktuple_items(subargs)[j] = kval_newref(ktuple_items(items)[at]);
                    }
                }
                v = subargs ? kobj_getitem(arg, subargs) : KV_NULL;
                kval_xdecref(subargs);
            } else if (has >= 0) {
                v = kval_newref(arg);
            }
            kval_xdecref(sub);
        }
        if (!v || klist_append(out, v) < 0) {
            KVAL_CLEAR(out);
        }
        kval_xdecref(v);
    }
    if (out) {
        newargs = klist_as_tuple(out);
        kval_decref(out);
    } else if (!kerr_occurred()) {
        kerr_set(&kexc_TypeError, "a type variable was not found among the parameters");
    }
done:
    kval_xdecref(items);
    kval_decref(params);
    return newargs;
}

static KValue alias_getattro(KValue self, KValue name) {
    Alias *a = (Alias *)self;
    if (kstr_eq_cstr(name, "__origin__") && a->origin) {
        return kval_newref(a->origin);
    }
    if (kstr_eq_cstr(name, "__args__")) {
        return kval_newref(a->args);
    }
    if (kstr_eq_cstr(name, "__parameters__")) {
        return collect_parameters(a->args);
    }
    KValue r = kobj_generic_getattr_ex(self, name, 1);
    if (r || kerr_occurred() || !a->origin) {
        if (!r && !kerr_occurred()) {
            kerr_format(&kexc_AttributeError, "'%s' object has no attribute '%U'",
                        kval_type(self)->name, name);
        }
        return r;
    }
    return kobj_getattr(a->origin, name);
}

static KValue alias_richcompare(KValue a, KValue b, int op) {
    if (kval_type(a) != kval_type(b) || (op != KF_CMP_EQ && op != KF_CMP_NE)) {
        return kval_newref(KV_NOTIMPL);
    }
    Alias *x = (Alias *)a, *y = (Alias *)b;
    int eq = x->origin == y->origin;
    if (eq && kval_type(a) == &union_type) { // the same members in any order, as sets
        KValue sx = kfrozenset_new(x->args), sy = sx ? kfrozenset_new(y->args) : KV_NULL;
        eq = sy ? kobj_richcompare_bool(sx, sy, KF_CMP_EQ) : -1;
        kval_xdecref(sx);
        kval_xdecref(sy);
    } else if (eq) {
        eq = kobj_richcompare_bool(x->args, y->args, KF_CMP_EQ);
    }
    if (eq < 0) {
        return KV_NULL;
    }
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

static int64_t alias_hash(KValue self) {
    Alias *a = (Alias *)self;
    if (kval_type(self) == &union_type) { // as its equality: the members' set
        KValue set = kfrozenset_new(a->args);
        int64_t h = set ? kobj_hash(set) : -1;
        kval_xdecref(set);
        return h;
    }
    int64_t h1 = a->origin ? kobj_hash(a->origin) : 0;
    int64_t h2 = kobj_hash(a->args);
    if (h1 == -1 || h2 == -1) {
        return -1;
    }
    int64_t h = h1 ^ h2;
    return h == -1 ? -2 : h;
}

// As CPython's: a GenericAlias subclass (collections.abc's Callable[...]) too.
static int is_unionable(KValue v) {
    return v == KV_NONE || ktype_check(v) || ktype_is_subtype(kval_type(v), &generic_alias_type) ||
           kval_type(v) == &union_type;
}

static int add_union_arg(KValue list, KValue v) {
    if (v == KV_NONE) {
        v = kval_of(&knone_type);
    }
    if (kval_type(v) == &union_type) {
        KValue args = ((Alias *)v)->args;
        for (ssize_t i = 0; i < ktuple_len(args); i++) {
            if (add_union_arg(list, ktuple_items(args)[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    for (ssize_t i = 0; i < klist_len(list); i++) {
        if (klist_items(list)[i] == v) {
            return 0;
        }
    }
    return klist_append(list, v);
}

KValue kunion_new(KValue a, KValue b) {
    if (!is_unionable(a) || !is_unionable(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    KValue l = klist_new(0);
    if (!l || add_union_arg(l, a) < 0 || add_union_arg(l, b) < 0) {
        kval_xdecref(l);
        return KV_NULL;
    }
    if (klist_len(l) == 1) {
        KValue r = kval_newref(klist_items(l)[0]);
        kval_decref(l);
        return r;
    }
    KValue t = klist_as_tuple(l);
    kval_decref(l);
    if (!t) {
        return KV_NULL;
    }
    KValue u = alias_make(&union_type, KV_NULL, t);
    kval_decref(t);
    return u;
}

int kgeneric_alias_check(KValue v) {
    return kval_type(v) == &generic_alias_type;
}

int kunion_check(KValue v) {
    return kval_type(v) == &union_type;
}

KValue kunion_args_borrow(KValue v) {
    return ((Alias *)v)->args;
}

static KValue alias_or(KValue a, KValue b) {
    return kunion_new(a, b);
}

static KValue alias_mro_entries(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return ktuple_pack(1, ((Alias *)self)->origin);
}

static const KMethodDef alias_methods[] = {
    {"__mro_entries__", alias_mro_entries, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

// GenericAlias(origin, args): subclassable, as _collections_abc's
// _CallableGenericAlias needs.
static KValue alias_new_slot(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (kargs_no_kw("GenericAlias", kwnames) < 0 || kargs_count("GenericAlias", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    return alias_make(type, args[0], args[1]);
}

static KValue alias_getitem(KValue self, KValue key) {
    KValue args = subs_parameters(self, key);
    KValue r = args ? kgeneric_alias_new(((Alias *)self)->origin, args) : KV_NULL;
    kval_xdecref(args);
    return r;
}

// (int | list[T])[str]: the arguments substituted, joined again with |.
static KValue union_getitem(KValue self, KValue key) {
    KValue args = subs_parameters(self, key);
    if (!args) {
        return KV_NULL;
    }
    if (ktuple_len(args) == 0) {
        KValue u = alias_make(&union_type, KV_NULL, args);
        kval_decref(args);
        return u;
    }
    KValue r = kval_newref(ktuple_items(args)[0]);
    for (ssize_t i = 1; r && i < ktuple_len(args); i++) {
        KValue next = knum_binop(r, ktuple_items(args)[i], KNB_OR);
        kval_decref(r);
        r = next;
    }
    kval_decref(args);
    return r;
}

static KType generic_alias_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "types.GenericAlias",
    .basicsize = sizeof(Alias),
    .flags = KTF_GC | KTF_BASETYPE,
    .new_ = alias_new_slot,
    .dealloc = alias_dealloc,
    .traverse = alias_traverse,
    .repr = alias_repr,
    .hash = alias_hash,
    .richcompare = alias_richcompare,
    .getattro = alias_getattro,
    .call = alias_call,
    .getitem = alias_getitem,
    .nb = &(KNumberSlots){.binop = {[KNB_OR] = alias_or}},
    .methods = alias_methods,
    .doc = "Represent a PEP 585 generic type\n"
        "\n"
        "E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
};

static KType union_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "types.UnionType",
    .basicsize = sizeof(Alias),
    .flags = KTF_GC,
    .dealloc = alias_dealloc,
    .traverse = alias_traverse,
    .repr = alias_repr,
    .hash = alias_hash,
    .richcompare = alias_richcompare,
    .getattro = alias_getattro,
    .getitem = union_getitem,
    .nb = &(KNumberSlots){.binop = {[KNB_OR] = alias_or}},
    .doc = "Represent a PEP 604 union type\n"
        "\n"
        "E.g. for int | str",
};

// ---------------------------------------------------------------------------
// types.SimpleNamespace

typedef struct Namespace {
    KOBJ_HEAD;
    KValue dict;
} Namespace;

static KType namespace_type;

KValue knamespace_new(KValue dict) {
    Namespace *n = (Namespace *)kobj_alloc(&namespace_type, sizeof(Namespace));
    if (!n) {
        return kerr_no_memory();
    }
    n->dict = dict ? kdict_copy(dict) : kdict_new();
    if (!n->dict) {
        kval_decref(kval_of(n));
        return KV_NULL;
    }
    return kval_of(n);
}

static KValue ns_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    Namespace *n = (Namespace *)ktype_generic_alloc(type, 0);
    if (!n) {
        return KV_NULL;
    }
    n->dict = kdict_new();
    if (!n->dict) {
        kval_decref(kval_of(n));
        return KV_NULL;
    }
    return kval_of(n);
}

static int ns_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (kargs_count("SimpleNamespace", nargs, 0, 1) < 0) {
        return -1;
    }
    KValue d = ((Namespace *)self)->dict;
    if (nargs && kdict_merge(d, args[0], 1) < 0) {
        return -1;
    }
    for (ssize_t i = 0; kwnames && i < ktuple_len(kwnames); i++) {
        if (kdict_set(d, ktuple_items(kwnames)[i], args[nargs + (size_t)i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static void ns_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((Namespace *)o)->dict);
    kobj_free(o);
}

static int ns_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue d = ((Namespace *)o)->dict;
    return d && visit(d, arg);
}

static KValue ns_repr(KValue self) {
    int r = krepr_enter(self);
    if (r != 0) {
        return r > 0 ? kstr_from_cstr("namespace(...)") : KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    const char *name = kval_type(self) == &namespace_type ? "namespace" : ktype_name(kval_type(self));
    kstr_builder_cstr(&b, name);
    kstr_builder_char(&b, '(');
    ssize_t pos = 0;
    KValue k, v;
    int first = 1;
    while (kdict_next(((Namespace *)self)->dict, &pos, &k, &v)) {
        if (!kstr_check(k)) {
            continue;
        }
        if (!first) {
            kstr_builder_cstr(&b, ", ");
        }
        first = 0;
        KValue vr = kobj_repr(v);
        if (!vr) {
            kstr_builder_discard(&b);
            krepr_leave(self);
            return KV_NULL;
        }
        kstr_builder_str(&b, k);
        kstr_builder_char(&b, '=');
        kstr_builder_str(&b, vr);
        kval_decref(vr);
    }
    kstr_builder_char(&b, ')');
    krepr_leave(self);
    return kstr_builder_finish(&b);
}

static KValue ns_richcompare(KValue a, KValue b, int op) {
    if (!ktype_is_subtype(kval_type(b), &namespace_type) || (op != KF_CMP_EQ && op != KF_CMP_NE)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kobj_richcompare(((Namespace *)a)->dict, ((Namespace *)b)->dict, op);
}

static KValue ns_get_dict(KValue self) {
    return kval_newref(((Namespace *)self)->dict);
}

static const KGetSetDef ns_getsets[] = {
    {"__dict__", ns_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KType namespace_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "types.SimpleNamespace",
    .getsets = ns_getsets,
    .basicsize = sizeof(Namespace),
    .flags = KTF_GC | KTF_BASETYPE,
    .dictoffset = offsetof(Namespace, dict),
    .dealloc = ns_dealloc,
    .traverse = ns_traverse,
    .repr = ns_repr,
    .richcompare = ns_richcompare,
    .new_ = ns_new,
    .init = ns_init,
    .doc = "A simple attribute-based namespace.\n"
        "\n"
        "SimpleNamespace(**kwargs)",
};

// ---------------------------------------------------------------------------
// Pattern matching helpers.

int kmatch_is_mapping(KValue v) {
    return kval_has_flag(v, KTF_MAPPING);
}

int kmatch_is_sequence(KValue v) {
    return kval_has_flag(v, KTF_SEQUENCE);
}

int kmatch_keys(KValue map, KValue keys, KValue *result) {
    ssize_t n = ktuple_len(keys);
    *result = KV_NULL;
    if (n == 0) {
        *result = ktuple_new(0);
        return *result ? 0 : -1;
    }
    KValue seen = kset_new(KV_NULL);
    KValue values = klist_new(0);
    if (!seen || !values) {
        kval_xdecref(seen);
        kval_xdecref(values);
        return -1;
    }
    KValue get = kobj_getattr(map, KID(get));
    if (!get) {
        kval_decref(seen);
        kval_decref(values);
        return -1;
    }
    KValue dummy = kval_of(&kobject_type);
    int rc = 0;
    for (ssize_t i = 0; i < n; i++) {
        KValue key = ktuple_items(keys)[i];
        int dup = kset_contains(seen, key);
        if (dup < 0 || (dup == 0 && kset_add(seen, key) < 0)) {
            rc = -1;
            break;
        }
        if (dup) {
            kerr_format(&kexc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            rc = -1;
            break;
        }
        KValue v = kobj_call2(get, key, dummy);
        if (!v) {
            rc = -1;
            break;
        }
        if (v == dummy) {
            kval_decref(v);
            *result = kval_newref(KV_NONE);
            break;
        }
        int r = klist_append(values, v);
        kval_decref(v);
        if (r < 0) {
            rc = -1;
            break;
        }
    }
    kval_decref(get);
    kval_decref(seen);
    if (rc == 0 && !*result) {
        *result = klist_as_tuple(values);
        if (!*result) {
            rc = -1;
        }
    }
    kval_decref(values);
    return rc;
}

static int match_self_type(KValue type) {
    KType *builtins[] = {&kbool_type, &kbytearray_type, &kbytes_type, &kdict_type,
                         &kfloat_type, &kfrozenset_type, &kint_type, &klist_type,
                         &kset_type, &kstr_type, &ktuple_type};
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        if (ktype_check(type) && ktype_is_subtype((KType *)type, builtins[i])) {
            return 1;
        }
    }
    return 0;
}

int kmatch_class(KValue subject, KValue type, int nargs, KValue kwargs, KValue *result) {
    *result = KV_NULL;
    // The compiler always gives a tuple of str; a crafted cache may not.
    if (!ktuple_check(kwargs)) {
        kerr_set(&kexc_SystemError, "MATCH_CLASS: keyword names must be a tuple");
        return -1;
    }
    if (!ktype_check(type)) {
        kerr_set(&kexc_TypeError, "called match pattern must be a type");
        return -1;
    }
    int inst = kobj_isinstance(subject, type);
    if (inst < 0) {
        return -1;
    }
    if (!inst) {
        *result = kval_newref(KV_NONE);
        return 0;
    }
    KValue attrs = klist_new(0);
    KValue seen = klist_new(0);
    if (!attrs || !seen) {
        kval_xdecref(attrs);
        kval_xdecref(seen);
        return -1;
    }
    KValue match_args = KV_NULL;
    int rc = 0;
    if (nargs) {
        int match_self = 0;
        KValue ma;
        int r = kobj_lookup_attr(type, kstr_intern_cstr("__match_args__"), &ma);
        if (r < 0) {
            rc = -1;
            goto done;
        }
        if (r) {
            if (!ktuple_check(ma)) {
                kerr_format(&kexc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                            ktype_name((KType *)type), ktype_name(kval_type(ma)));
                kval_decref(ma);
                rc = -1;
                goto done;
            }
            match_args = ma;
        } else {
            match_args = ktuple_new(0);
            match_self = match_self_type(type);
        }
        ssize_t allowed = match_self ? 1 : ktuple_len(match_args);
        if (nargs > allowed) {
            kerr_format(&kexc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)",
                        ktype_name((KType *)type), allowed, allowed == 1 ? "" : "s", nargs);
            rc = -1;
            goto done;
        }
        if (match_self) {
            if (klist_append(attrs, subject) < 0) {
                rc = -1;
                goto done;
            }
        } else {
            for (int i = 0; i < nargs; i++) {
                KValue name = ktuple_items(match_args)[i];
                if (!kstr_check(name)) {
                    kerr_format(&kexc_TypeError, "__match_args__ elements must be strings (got %s)",
                                ktype_name(kval_type(name)));
                    rc = -1;
                    goto done;
                }
                KValue v;
                int f = kobj_lookup_attr(subject, name, &v);
                if (f <= 0) {
                    rc = f;
                    if (f == 0) {
                        KVAL_CLEAR(attrs);
                    }
                    goto done;
                }
                int e = klist_append(attrs, v) < 0 || klist_append(seen, name) < 0;
                kval_decref(v);
                if (e) {
                    rc = -1;
                    goto done;
                }
            }
        }
    }
    for (ssize_t i = 0; i < ktuple_len(kwargs); i++) {
        KValue name = ktuple_items(kwargs)[i];
        int dup = kobj_contains(seen, name);
        if (dup) {
            if (dup > 0) {
                kerr_format(&kexc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                            ktype_name((KType *)type), name);
            }
            rc = -1;
            goto done;
        }
        KValue v;
        int f = kobj_lookup_attr(subject, name, &v);
        if (f <= 0) {
            rc = f;
            if (f == 0) {
                KVAL_CLEAR(attrs);
            }
            goto done;
        }
        int e = klist_append(attrs, v) < 0 || klist_append(seen, name) < 0;
        kval_decref(v);
        if (e) {
            rc = -1;
            goto done;
        }
    }
done:
    kval_xdecref(match_args);
    kval_decref(seen);
    if (rc == 0) {
        if (attrs) {
            *result = klist_as_tuple(attrs);
            rc = *result ? 0 : -1;
        } else {
            *result = kval_newref(KV_NONE);
        }
    }
    kval_xdecref(attrs);
    return rc;
}

int kmisc_init(void) {
    KType *types[] = {&generic_alias_type, &union_type, &namespace_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (ktype_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
