// vm/weakref.c: weak references: weakref.ReferenceType (subclassable, as
// weakref.KeyedRef and WeakMethod need), ProxyType and CallableProxyType,
// and the side table from a referent's address to its list of weak
// references (objects have no field for it; see weakref.h).
//
// List order follows CPython's: the basic ref (no callback, exact type)
// first, then the basic proxy, then the others, newest first. ref(ob) with
// no callback returns the basic ref when there is one, so ref(o) is ref(o).
#include "weakref.h"

#include <stdlib.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "internal.h"
#include "list.h"
#include "mem.h"
#include "int.h"
#include "module.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

// ---------------------------------------------------------------------------
// The side table: linear probing keyed by address, backward-shift deletion.

typedef struct Slot {
    KObject *key;
    KWeakref *head;
} Slot;

static Slot *table;
static int table_bits; // capacity is 1 << table_bits (0: no table yet)
static size_t table_used;

static size_t ideal_slot(KObject *o) {
    uint64_t h = ((uint64_t)(uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> (64 - table_bits));
}

static size_t find_slot(KObject *o) {
    size_t mask = ((size_t)1 << table_bits) - 1;
    size_t i = ideal_slot(o);
    while (table[i].key && table[i].key != o) {
        i = (i + 1) & mask;
    }
    return i;
}

static KWeakref *list_head(KObject *o) {
    if (!table_bits) {
        return NULL;
    }
    return table[find_slot(o)].head;
}

static int grow_table(void) {
    int old_bits = table_bits;
    Slot *old = table;
    int bits = old_bits ? old_bits + 1 : 6;
    Slot *t = kmem_zalloc(sizeof(Slot) << bits);
    if (!t) {
        kerr_no_memory();
        return -1;
    }
    table = t;
    table_bits = bits;
    for (size_t i = 0; old && i < ((size_t)1 << old_bits); i++) {
        if (old[i].key) {
            table[find_slot(old[i].key)] = old[i];
        }
    }
    kmem_free(old);
    return 0;
}

static void remove_slot(size_t i) {
    size_t mask = ((size_t)1 << table_bits) - 1;
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!table[j].key) {
            break;
        }
        size_t k = ideal_slot(table[j].key);
        // Move entry j back to the hole at i unless its ideal slot lies
        // cyclically in (i, j].
        int stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
        if (!stays) {
            table[i] = table[j];
            i = j;
        }
    }
    table[i].key = NULL;
    table[i].head = NULL;
    table_used--;
}

// Makes 'head' the first weak reference of 'o' (NULL: 'o' has none left).
static int set_head(KObject *o, KWeakref *head) {
    if (!table_bits || (head && (table_used + 1) * 3 >= ((size_t)2 << table_bits))) {
        if (!head) {
            return 0;
        }
        if (grow_table() < 0) {
            return -1;
        }
    }
    size_t i = find_slot(o);
    if (!head) {
        if (table[i].key) {
            remove_slot(i);
        }
        return 0;
    }
    if (!table[i].key) {
        table[i].key = o;
        table_used++;
    }
    table[i].head = head;
    return 0;
}

static void unlink_ref(KWeakref *w) {
    if (!w->object) {
        return;
    }
    if (w->prev) {
        w->prev->next = w->next;
    } else {
        (void)set_head(w->object, w->next); // only shrinks: cannot fail
    }
    if (w->next) {
        w->next->prev = w->prev;
    }
    w->prev = w->next = NULL;
    w->object = NULL;
}

static int is_weakrefable(KType *t) {
    return (t->flags & KTF_WEAKREF) != 0;
}

// ---------------------------------------------------------------------------
// Creation and death.

static int is_proxy(KValue v) {
    KType *t = kval_type(v);
    return t == &kweakproxy_type || t == &kweakcallableproxy_type;
}

// The basic ref and basic proxy at the head of 'o''s list (either may be NULL).
static void basic_refs(KWeakref *head, KWeakref **ref, KWeakref **proxy) {
    *ref = *proxy = NULL;
    if (head && !head->callback && head->type == &kweakref_type) {
        *ref = head;
        head = head->next;
    }
    if (head && !head->callback && is_proxy(kval_of(head))) {
        *proxy = head;
    }
}

static KValue make_ref(KType *type, KValue ob, KValue callback, int basic) {
    if (callback == KV_NONE) {
        callback = KV_NULL;
    }
    KType *obtype = kval_type(ob);
    if (!is_weakrefable(obtype)) {
        kerr_format(&kexc_TypeError, "cannot create weak reference to '%s' object", obtype->name);
        return KV_NULL;
    }
    KObject *o = kval_obj(ob);
    KWeakref *head = list_head(o), *ref, *proxy;
    basic_refs(head, &ref, &proxy);
    if (!callback && basic) {
        KWeakref *existing = type == &kweakref_type ? ref : proxy;
        if (existing) {
            return kval_newref(kval_of(existing));
        }
    }
    KValue r = ktype_generic_alloc(type, 0);
    if (!r) {
        return KV_NULL;
    }
    KWeakref *w = (KWeakref *)kval_obj(r);
    w->hash = -1;
    KWeakref *prev;
    if (!callback && type == &kweakref_type) {
        prev = NULL;
    } else if (!callback && basic) {
        prev = ref;
    } else {
        prev = proxy ? proxy : ref;
    }
    if (!prev && set_head(o, w) < 0) {
        kval_decref(r);
        return KV_NULL;
    }
    w->object = o;
    w->callback = kval_xnewref(callback);
    if (prev) {
        w->prev = prev;
        w->next = prev->next;
        if (prev->next) {
            prev->next->prev = w;
        }
        prev->next = w;
    } else {
        w->next = head;
        if (head) {
            head->prev = w;
        }
    }
    obtype->flags |= KTF_HAS_WEAKREFS;
    return r;
}

KValue kweakref_new(KType *type, KValue ob, KValue callback) {
    return make_ref(type, ob, callback, type == &kweakref_type);
}

KValue kweakref_proxy_new(KValue ob, KValue callback) {
    KType *type = kobj_is_callable(ob) ? &kweakcallableproxy_type : &kweakproxy_type;
    return make_ref(type, ob, callback, 1);
}

KValue kweakref_first(KValue ob) {
    KWeakref *w = kval_is_int(ob) || !(kval_type(ob)->flags & KTF_HAS_WEAKREFS)
                      ? NULL
                      : list_head(kval_obj(ob));
    return kval_newref(w ? kval_of(w) : KV_NONE);
}

ssize_t kweakref_count(KValue ob) {
    if (kval_is_int(ob) || !(kval_type(ob)->flags & KTF_HAS_WEAKREFS)) {
        return 0;
    }
    ssize_t n = 0;
    for (KWeakref *w = list_head(kval_obj(ob)); w; w = w->next) {
        n++;
    }
    return n;
}

KValue kweakref_list(KValue ob) {
    KValue list = klist_new(0);
    if (!list || kval_is_int(ob) || !(kval_type(ob)->flags & KTF_HAS_WEAKREFS)) {
        return list;
    }
    for (KWeakref *w = list_head(kval_obj(ob)); w; w = w->next) {
        if (klist_append(list, kval_of(w)) < 0) {
            kval_decref(list);
            return KV_NULL;
        }
    }
    return list;
}

static void write_unraisable(KValue callback) {
    KValue err = kerr_fetch();
    KValue rep = kobj_repr(callback);
    const char *u = rep ? kstr_utf8(rep, NULL) : NULL;
    kerr_clear();
    ksys_write_stderr("Exception ignored in: ");
    ksys_write_stderr(u ? u : "weakref callback");
    ksys_write_stderr("\n");
    kval_xdecref(rep);
    kerr_display(err);
    kval_decref(err);
}

void kweakref_clear_refs(KObject *o) {
    KWeakref *head = list_head(o);
    if (!head) {
        return;
    }
    KValue saved = kerr_fetch();
    size_t n = 0;
    for (KWeakref *w = head; w; w = w->next) {
        n += w->callback != KV_NULL;
    }
    // The refs whose callbacks run, each held (with its callback) while
    // the callbacks of the ones before it run.
    KValue *pending = n ? kmem_alloc(n * 2 * sizeof(KValue)) : NULL;
    size_t k = 0;
    while ((head = list_head(o))) {
        if (head->callback && pending && !kgc_in_garbage((KObject *)head)) {
            pending[k++] = kval_newref(kval_of(head));
            pending[k++] = head->callback;
        } else {
            KVAL_CLEAR(head->callback);
        }
        head->callback = KV_NULL;
        unlink_ref(head);
    }
    for (size_t i = 0; i < k; i += 2) {
        KValue r = kobj_call1(pending[i + 1], pending[i]);
        if (r) {
            kval_decref(r);
        } else {
            write_unraisable(pending[i + 1]);
        }
        kval_decref(pending[i + 1]);
        kval_decref(pending[i]);
    }
    kmem_free(pending);
    kerr_restore(saved);
}

// ---------------------------------------------------------------------------
// weakref.ReferenceType

static void weakref_dealloc(KObject *o) {
    KWeakref *w = (KWeakref *)o;
    kgc_untrack(o);
    unlink_ref(w);
    KVAL_CLEAR(w->callback);
    kobj_free(o);
}

static int weakref_traverse(KObject *o, KVisitFn visit, void *arg) {
    KWeakref *w = (KWeakref *)o;
    return w->callback && visit(w->callback, arg);
}

static void weakref_clear(KObject *o) {
    KWeakref *w = (KWeakref *)o;
    unlink_ref(w);
    KVAL_CLEAR(w->callback);
}

// The arguments of ReferenceType.__new__ and __init__: (ob, callback=None)
// positionally; keywords are left to subclasses.
static int unpack_ref_args(const char *fname, const KValue *args, size_t nargs, KValue *ob,
                           KValue *callback) {
    if (nargs < 1 || nargs > 2) {
        kerr_format(&kexc_TypeError, "%s expected at %s %d argument%s, got %zu", fname,
                    nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
        return -1;
    }
    *ob = args[0];
    *callback = nargs > 1 ? args[1] : KV_NULL;
    return 0;
}

static KValue weakref_new_slot(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)kwnames;
    KValue ob, callback;
    if (unpack_ref_args("__new__", args, nargs, &ob, &callback) < 0) {
        return KV_NULL;
    }
    return kweakref_new(type, ob, callback);
}

static int weakref_init_slot(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    KValue ob, callback;
    return unpack_ref_args("__init__", args, nargs, &ob, &callback);
}

static KValue weakref_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args;
    if (kwnames && ktuple_len(kwnames)) {
        kerr_set(&kexc_TypeError, "weakref() takes no keyword arguments");
        return KV_NULL;
    }
    if (nargs) {
        kerr_format(&kexc_TypeError, "weakref expected 0 arguments, got %zu", nargs);
        return KV_NULL;
    }
    KWeakref *w = (KWeakref *)kval_obj(self);
    return w->object ? kval_newref(kval_of(w->object)) : kval_newref(KV_NONE);
}

static int64_t weakref_hash(KValue self) {
    KWeakref *w = (KWeakref *)kval_obj(self);
    if (w->hash != -1) {
        return w->hash;
    }
    if (!w->object) {
        kerr_set(&kexc_TypeError, "weak object has gone away");
        return -1;
    }
    KValue ob = kval_newref(kval_of(w->object));
    w->hash = kobj_hash(ob);
    kval_decref(ob);
    return w->hash;
}

static KValue weakref_richcompare(KValue a, KValue b, int op) {
    if ((op != KF_CMP_EQ && op != KF_CMP_NE) || !ktype_is_subtype(kval_type(a), &kweakref_type) ||
        !ktype_is_subtype(kval_type(b), &kweakref_type)) {
        return kval_newref(KV_NOTIMPL);
    }
    KWeakref *wa = (KWeakref *)kval_obj(a), *wb = (KWeakref *)kval_obj(b);
    if (!wa->object || !wb->object) {
        int same = (a == b) == (op == KF_CMP_EQ);
        return kbool_from(same);
    }
    KValue x = kval_newref(kval_of(wa->object)), y = kval_newref(kval_of(wb->object));
    KValue r = kobj_richcompare(x, y, op);
    kval_decref(x);
    kval_decref(y);
    return r;
}

static KValue weakref_repr(KValue self) {
    KWeakref *w = (KWeakref *)kval_obj(self);
    if (!w->object) {
        return kstr_from_format("<weakref at %p; dead>", (void *)w);
    }
    KValue ob = kval_newref(kval_of(w->object)), name = KV_NULL, r;
    if (kobj_lookup_attr(ob, KID(__name__), &name) < 0) {
        kval_decref(ob);
        return KV_NULL;
    }
    if (name && kstr_check(name)) {
        r = kstr_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)w,
                             kval_type(ob)->name, (void *)kval_obj(ob), name);
    } else {
        r = kstr_from_format("<weakref at %p; to '%s' at %p>", (void *)w, kval_type(ob)->name,
                             (void *)kval_obj(ob));
    }
    kval_xdecref(name);
    kval_decref(ob);
    return r;
}

static KValue weakref_get_callback(KValue self) {
    KWeakref *w = (KWeakref *)kval_obj(self);
    return kval_newref(w->callback ? w->callback : KV_NONE);
}

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KGetSetDef weakref_getsets[] = {
    {"__callback__", weakref_get_callback, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMethodDef weakref_methods[] = {
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kweakref_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "weakref.ReferenceType",
    .basicsize = sizeof(KWeakref),
    .flags = KTF_GC | KTF_BASETYPE,
    .dealloc = weakref_dealloc,
    .traverse = weakref_traverse,
    .clear = weakref_clear,
    .repr = weakref_repr,
    .hash = weakref_hash,
    .richcompare = weakref_richcompare,
    .call = weakref_call,
    .new_ = weakref_new_slot,
    .init = weakref_init_slot,
    .getsets = weakref_getsets,
    .methods = weakref_methods,
};

// ---------------------------------------------------------------------------
// Proxies: every operation is done on the referent, ReferenceError once it died.

static KValue referent(KValue proxy) {
    KWeakref *w = (KWeakref *)kval_obj(proxy);
    if (!w->object) {
        kerr_set(&kexc_ReferenceError, "weakly-referenced object no longer exists");
        return KV_NULL;
    }
    return kval_newref(kval_of(w->object));
}

// 'v' itself, or its referent when it is a proxy (new reference).
static KValue unwrap(KValue v) {
    return is_proxy(v) ? referent(v) : kval_newref(v);
}

static KValue proxy_unary(KValue self, KValue (*fn)(KValue)) {
    KValue o = referent(self);
    if (!o) {
        return KV_NULL;
    }
    KValue r = fn(o);
    kval_decref(o);
    return r;
}

static KValue proxy_binary(KValue a, KValue b, int op) {
    KValue x = unwrap(a);
    if (!x) {
        return KV_NULL;
    }
    KValue y = unwrap(b);
    if (!y) {
        kval_decref(x);
        return KV_NULL;
    }
    KValue r = knum_binop(x, y, op);
    kval_decref(x);
    kval_decref(y);
    return r;
}

#define PROXY_BINOP(name, op)                                                                    \
    static KValue proxy_##name(KValue a, KValue b) {                                             \
        return proxy_binary(a, b, op);                                                           \
    }                                                                                            \
    static KValue proxy_i##name(KValue a, KValue b) {                                            \
        return proxy_binary(a, b, (op) + KF_BINOP_INPLACE);                                      \
    }
PROXY_BINOP(add, KF_BINOP_ADD)
PROXY_BINOP(and, KF_BINOP_AND)
PROXY_BINOP(floordiv, KF_BINOP_FLOOR_DIVIDE)
PROXY_BINOP(lshift, KF_BINOP_LSHIFT)
PROXY_BINOP(matmul, KF_BINOP_MATRIX_MULTIPLY)
PROXY_BINOP(mul, KF_BINOP_MULTIPLY)
PROXY_BINOP(mod, KF_BINOP_REMAINDER)
PROXY_BINOP(or, KF_BINOP_OR)
PROXY_BINOP(pow, KF_BINOP_POWER)
PROXY_BINOP(rshift, KF_BINOP_RSHIFT)
PROXY_BINOP(sub, KF_BINOP_SUBTRACT)
PROXY_BINOP(truediv, KF_BINOP_TRUE_DIVIDE)
PROXY_BINOP(xor, KF_BINOP_XOR)

static KValue proxy_neg(KValue v) {
    return proxy_unary(v, knum_negative);
}
static KValue proxy_pos(KValue v) {
    return proxy_unary(v, knum_positive);
}
static KValue proxy_abs(KValue v) {
    return proxy_unary(v, knum_absolute);
}
static KValue proxy_invert(KValue v) {
    return proxy_unary(v, knum_invert);
}
static KValue proxy_int(KValue v) {
    return proxy_unary(v, knum_long);
}
static KValue proxy_float(KValue v) {
    return proxy_unary(v, knum_float);
}
static KValue proxy_index(KValue v) {
    return proxy_unary(v, knum_index);
}
static KValue proxy_str(KValue v) {
    return proxy_unary(v, kobj_str);
}
static KValue proxy_iter(KValue v) {
    return proxy_unary(v, kobj_get_iter);
}

static KValue proxy_next(KValue v) {
    KValue o = referent(v);
    if (!o) {
        return KV_NULL;
    }
    if (!kval_type(o)->iternext) {
        kerr_format(&kexc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                    kval_type(o)->name);
        kval_decref(o);
        return KV_NULL;
    }
    KValue r = kval_type(o)->iternext(o);
    kval_decref(o);
    return r;
}

static int proxy_bool(KValue v) {
    KValue o = referent(v);
    if (!o) {
        return -1;
    }
    int r = kobj_is_true(o);
    kval_decref(o);
    return r;
}

static ssize_t proxy_len(KValue v) {
    KValue o = referent(v);
    if (!o) {
        return -1;
    }
    ssize_t r = kobj_len(o);
    kval_decref(o);
    return r;
}

static int proxy_contains(KValue v, KValue item) {
    KValue o = referent(v);
    if (!o) {
        return -1;
    }
    int r = kobj_contains(o, item);
    kval_decref(o);
    return r;
}

static KValue proxy_getitem(KValue v, KValue key) {
    KValue o = referent(v);
    if (!o) {
        return KV_NULL;
    }
    KValue r = kobj_getitem(o, key);
    kval_decref(o);
    return r;
}

static int proxy_setitem(KValue v, KValue key, KValue value) {
    KValue o = referent(v);
    if (!o) {
        return -1;
    }
    int r = value ? kobj_setitem(o, key, value) : kobj_delitem(o, key);
    kval_decref(o);
    return r;
}

static KValue proxy_getattr(KValue v, KValue name) {
    KValue o = referent(v);
    if (!o) {
        return KV_NULL;
    }
    KValue r = kobj_getattr(o, name);
    kval_decref(o);
    return r;
}

static int proxy_setattr(KValue v, KValue name, KValue value) {
    KValue o = referent(v);
    if (!o) {
        return -1;
    }
    int r = value ? kobj_setattr(o, name, value) : kobj_delattr(o, name);
    kval_decref(o);
    return r;
}

static KValue proxy_richcompare(KValue a, KValue b, int op) {
    KValue x = unwrap(a);
    if (!x) {
        return KV_NULL;
    }
    KValue y = unwrap(b);
    if (!y) {
        kval_decref(x);
        return KV_NULL;
    }
    KValue r = kobj_richcompare(x, y, op);
    kval_decref(x);
    kval_decref(y);
    return r;
}

static KValue proxy_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue o = referent(self);
    if (!o) {
        return KV_NULL;
    }
    KValue r = kobj_call(o, args, nargs, kwnames);
    kval_decref(o);
    return r;
}

static int64_t proxy_hash(KValue self) {
    kerr_format(&kexc_TypeError, "unhashable type: '%s'", kval_type(self)->name);
    return -1;
}

static KValue proxy_repr(KValue self) {
    KWeakref *w = (KWeakref *)kval_obj(self);
    KType *t = w->object ? w->object->type : &knone_type;
    return kstr_from_format("<weakproxy at %p to %s at %p>", (void *)w, t->name,
                            w->object ? (void *)w->object : (void *)&k_none_obj);
}

static KValue proxy_bytes(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue o = referent(self);
    if (!o) {
        return KV_NULL;
    }
    KValue r = kobj_call1(kval_of(&kbytes_type), o);
    kval_decref(o);
    return r;
}

static KValue proxy_reversed(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue o = referent(self);
    if (!o) {
        return KV_NULL;
    }
    KValue r = kobj_call1(kval_of(&kreversed_type), o);
    kval_decref(o);
    return r;
}

static KValue proxy_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kerr_set(&kexc_TypeError, "cannot pickle 'weakref.ProxyType' object");
    return KV_NULL;
}

static const KMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, KMETH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, KMETH_NOARGS, NULL},
    {"__reduce__", proxy_reduce, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define PROXY_NUMBER_SLOTS                                                                       \
    .nb = &(KNumberSlots){                                                                       \
        .binop = {proxy_add, proxy_and, proxy_floordiv, proxy_lshift, proxy_matmul, proxy_mul,   \
                  proxy_mod, proxy_or, proxy_pow, proxy_rshift, proxy_sub, proxy_truediv,        \
                  proxy_xor},                                                                    \
        .inplace = {proxy_iadd, proxy_iand, proxy_ifloordiv, proxy_ilshift, proxy_imatmul,       \
                    proxy_imul, proxy_imod, proxy_ior, proxy_ipow, proxy_irshift, proxy_isub,     \
                    proxy_itruediv, proxy_ixor},                                                 \
        .negative = proxy_neg,                                                                   \
        .positive = proxy_pos,                                                                   \
        .absolute = proxy_abs,                                                                   \
        .invert = proxy_invert,                                                                  \
        .to_int = proxy_int,                                                                     \
        .to_float = proxy_float,                                                                 \
        .index = proxy_index,                                                                    \
        .to_bool = proxy_bool,                                                                   \
    }

#define PROXY_COMMON_SLOTS                                                                       \
    .basicsize = sizeof(KWeakref), .flags = KTF_GC, .dealloc = weakref_dealloc,                 \
    .traverse = weakref_traverse, .clear = weakref_clear, .repr = proxy_repr, .str = proxy_str, \
    .hash = proxy_hash, .richcompare = proxy_richcompare,                        \
    .getattro = proxy_getattr, .setattro = proxy_setattr, .iter = proxy_iter,                   \
    .iternext = proxy_next, .len = proxy_len, .getitem = proxy_getitem,                         \
    .setitem = proxy_setitem, .contains = proxy_contains, .methods = proxy_methods,             \
    PROXY_NUMBER_SLOTS

KType kweakproxy_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "weakref.ProxyType",
    PROXY_COMMON_SLOTS,
};

KType kweakcallableproxy_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "weakref.CallableProxyType",
    .call = proxy_call,
    PROXY_COMMON_SLOTS,
};

int kweakref_init(void) {
    if (ktype_ready(&kweakref_type) < 0 || ktype_ready(&kweakproxy_type) < 0 ||
        ktype_ready(&kweakcallableproxy_type) < 0) {
        return -1;
    }
    return 0;
}
