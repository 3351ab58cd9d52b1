// vm/typeslots.c: special methods and type slots, both ways. For builtin
// types, each filled slot is published in the type's dict as a wrapper
// descriptor (int.__add__ calls int's add slot). For classes, a slot is
// derived from what the MRO holds under the slot's names: a wrapper for this
// very slot gives back its C function, anything else (a Python function)
// gives a generic slot function that looks the method up and calls it.
#include "typeslots.h"
#include "internal.h"

#include <stddef.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "int.h"
#include "mem.h"
#include "module.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

// Calls special method 'name' of type(self) with 'self' first; NotImplemented
// (new reference) when the type has no such attribute.
static KValue call_maybe(KValue self, KValue name, const KValue *args, size_t nargs) {
    int found;
    KValue r = kobj_call_special(self, name, args, nargs, &found);
    if (!found && !r && !kerr_occurred()) {
        return kval_newref(KV_NOTIMPL);
    }
    return r;
}

// As call_maybe, but a missing method is an AttributeError.
static KValue call_method(KValue self, KValue name, const KValue *args, size_t nargs) {
    int found;
    KValue r = kobj_call_special(self, name, args, nargs, &found);
    if (!found && !r && !kerr_occurred()) {
        // CPython's vectorcall_method: the exception's only argument is the name.
        kerr_format(&kexc_AttributeError, "%U", name);
    }
    return r;
}

// ---------------------------------------------------------------------------
// Generic slot functions for classes.

static KValue slot_tp_repr(KValue self) {
    return call_method(self, KID(__repr__), NULL, 0);
}

static KValue slot_tp_str(KValue self) {
    return call_method(self, KID(__str__), NULL, 0);
}

static int64_t slot_tp_hash(KValue self) {
    KValue h = call_method(self, KID(__hash__), NULL, 0);
    if (!h) {
        return -1;
    }
    if (!kint_check(h)) {
        kerr_set(&kexc_TypeError, "__hash__ method should return an integer");
        kval_decref(h);
        return -1;
    }
    int overflow;
    int64_t r = kint_as_i64_overflow(h, &overflow);
    if (overflow) {
        r = kint_hash(h);
    }
    kval_decref(h);
    return r == -1 ? -2 : r;
}

static KValue slot_tp_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue f;
    int found;
    f = kobj_lookup_special(self, KID(__call__), &found);
    if (!f) {
        if (!kerr_occurred()) {
            kerr_format(&kexc_TypeError, "'%T' object is not callable", self);
        }
        return KV_NULL;
    }
    KValue r = kobj_call(f, args, nargs, kwnames);
    kval_decref(f);
    return r;
}

static KValue slot_tp_richcompare(KValue self, KValue other, int op) {
    KValue names[6] = {KID(__lt__), KID(__le__), KID(__eq__),
                       KID(__ne__), KID(__gt__), KID(__ge__)};
    return call_maybe(self, names[op], &other, 1);
}

KValue kslot_tp_getattr_hook(KValue self, KValue name) {
    KType *t = kval_type(self);
    KValue getattribute = ktype_lookup(t, KID(__getattribute__));
    KValue r;
    if (!getattribute || (kval_type(getattribute) == &kwrapperdescr_type &&
                          ((KDescr *)getattribute)->wrapped == (void *)kobj_generic_getattr)) {
        KValue getattr = ktype_lookup(t, KID(__getattr__));
        r = kobj_generic_getattr_ex(self, name, getattr != KV_NULL);
        if (r || !getattr || kerr_occurred()) {
            return r;
        }
    } else {
        r = call_method(self, KID(__getattribute__), &name, 1);
        if (r || !kerr_matches(&kexc_AttributeError)) {
            return r;
        }
        if (!ktype_lookup(t, KID(__getattr__))) {
            return KV_NULL;
        }
        kerr_clear();
    }
    return call_method(self, KID(__getattr__), &name, 1);
}

static int slot_tp_setattro(KValue self, KValue name, KValue value) {
    KValue r;
    if (value) {
        KValue args[2] = {name, value};
        r = call_method(self, KID(__setattr__), args, 2);
    } else {
        r = call_method(self, KID(__delattr__), &name, 1);
    }
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

static KValue slot_tp_iter(KValue self) {
    KValue f = ktype_lookup(kval_type(self), KID(__iter__));
    if (f == KV_NONE) {
        kerr_format(&kexc_TypeError, "'%T' object is not iterable", self);
        return KV_NULL;
    }
    return call_method(self, KID(__iter__), NULL, 0);
}

static KValue slot_tp_iternext(KValue self) {
    return call_method(self, KID(__next__), NULL, 0);
}

static KValue slot_tp_descr_get(KValue self, KValue obj, KValue type) {
    KValue args[2] = {obj ? obj : KV_NONE, type ? type : KV_NONE};
    return call_method(self, KID(__get__), args, 2);
}

static int slot_tp_descr_set(KValue self, KValue obj, KValue value) {
    KValue r;
    if (value) {
        KValue args[2] = {obj, value};
        r = call_method(self, KID(__set__), args, 2);
    } else {
        r = call_method(self, KID(__delete__), &obj, 1);
    }
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

static int slot_tp_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue r;
    KValue init = ktype_lookup(kval_type(self), KID(__init__));
    if (init && kval_type(init) == &kfunction_type) {
        // A Python __init__: call it with 'self' prepended, no bound method.
        size_t nkw = kwnames ? (size_t)ktuple_len(kwnames) : 0;
        KValue local[8];
        KValue *full = nargs + nkw + 1 <= 8 ? local : kmem_alloc((nargs + nkw + 1) * sizeof(KValue));
        if (!full) {
            kerr_no_memory();
            return -1;
        }
        full[0] = self;
        if (nargs + nkw) {
            if (nargs + nkw) {
        memcpy(full + 1, args, (nargs + nkw) * sizeof(KValue));
    }
        }
        kval_incref(init);
        r = kobj_call(init, full, nargs + 1, kwnames);
        kval_decref(init);
        if (full != local) {
            kmem_free(full);
        }
    } else {
        int found;
        KValue f = kobj_lookup_special(self, KID(__init__), &found);
        if (!f) {
            return kerr_occurred() ? -1 : 0;
        }
        r = kobj_call(f, args, nargs, kwnames);
        kval_decref(f);
    }
    if (!r) {
        return -1;
    }
    if (r != KV_NONE) {
        kerr_format(&kexc_TypeError, "__init__() should return None, not '%T'", r);
        kval_decref(r);
        return -1;
    }
    return 0;
}

int kslot_init_is_generic(KType *t) {
    return t->init == slot_tp_init;
}

KValue kslot_tp_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    KValue f = kobj_getattr(kval_of(type), KID(__new__));
    if (!f) {
        return KV_NULL;
    }
    KValue local[8];
    KValue *full = local;
    size_t nkw = kwnames ? (size_t)ktuple_len(kwnames) : 0;
    if (nargs + nkw + 1 > 8) {
        full = kmem_alloc((nargs + nkw + 1) * sizeof(KValue));
        if (!full) {
            kval_decref(f);
            return kerr_no_memory();
        }
    }
    full[0] = kval_of(type);
    if (nargs + nkw) {
        memcpy(full + 1, args, (nargs + nkw) * sizeof(KValue));
    }
    KValue r = kobj_call(f, full, nargs + 1, kwnames);
    if (full != local) {
        kmem_free(full);
    }
    kval_decref(f);
    return r;
}

static void slot_tp_finalize(KValue self) {
    KValue exc = kerr_fetch();
    KValue r = call_method(self, KID(__del__), NULL, 0);
    if (!r) {
        KValue del = ktype_lookup(kval_type(self), KID(__del__));
        kerr_write_unraisable("Exception ignored in", del, "__del__");
    } else {
        kval_decref(r);
    }
    kerr_restore(exc);
}

static ssize_t slot_len(KValue self) {
    KValue r = call_method(self, KID(__len__), NULL, 0);
    if (!r) {
        return -1;
    }
    KValue i = knum_index(r);
    kval_decref(r);
    if (!i) {
        return -1;
    }
    if (kint_sign(i) < 0) {
        kval_decref(i);
        kerr_set(&kexc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    ssize_t n = kint_as_ssize(i);
    kval_decref(i);
    if (n == -1 && kerr_occurred()) {
        kerr_clear();
        kerr_set(&kexc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    return n;
}

static KValue slot_getitem(KValue self, KValue key) {
    return call_method(self, KID(__getitem__), &key, 1);
}

static int slot_setitem(KValue self, KValue key, KValue value) {
    KValue r;
    if (value) {
        KValue args[2] = {key, value};
        r = call_method(self, KID(__setitem__), args, 2);
    } else {
        r = call_method(self, KID(__delitem__), &key, 1);
    }
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

static int slot_contains(KValue self, KValue item) {
    KValue f = ktype_lookup(kval_type(self), KID(__contains__));
    if (f == KV_NONE) {
        kerr_format(&kexc_TypeError, "'%T' object is not a container", self);
        return -1;
    }
    KValue r = call_method(self, KID(__contains__), &item, 1);
    if (!r) {
        return -1;
    }
    int t = kobj_is_true(r);
    kval_decref(r);
    return t;
}

static int slot_bool(KValue self) {
    KValue r = call_method(self, KID(__bool__), NULL, 0);
    if (!r) {
        return -1;
    }
    if (r != KV_TRUE && r != KV_FALSE) {
        kerr_format(&kexc_TypeError, "__bool__ should return bool, returned %T", r);
        kval_decref(r);
        return -1;
    }
    return r == KV_TRUE;
}

#define SLOT_UNARY(fn, id)                                                                       \
    static KValue fn(KValue self) {                                                              \
        return call_method(self, KID(id), NULL, 0);                                              \
    }
SLOT_UNARY(slot_neg, __neg__)
SLOT_UNARY(slot_pos, __pos__)
SLOT_UNARY(slot_abs, __abs__)
SLOT_UNARY(slot_invert, __invert__)
SLOT_UNARY(slot_int, __int__)
SLOT_UNARY(slot_float, __float__)
SLOT_UNARY(slot_index, __index__)

static int method_is_overloaded(KValue left, KValue right, KValue name) {
    KValue a = ktype_lookup(kval_type(right), name);
    if (!a) {
        return 0;
    }
    KValue b = ktype_lookup(kval_type(left), name);
    return a != b;
}

// The binary operator protocol of a class's slot (CPython's SLOT1BINFULL):
// Where a slot is, for the slot table: its offset in KType, or, with
// NB_SLOT set, in the type's number slots (KType.nb, out of line).
#define NB_SLOT ((size_t)1 << 16)
#define NB_OFF(field) (NB_SLOT | offsetof(KNumberSlots, field))

// The slot at 'offset' of 't'. A number slot of a type without a table of
// its own is read from the shared empty table, never written: only classes
// have their slots set, and each has its own table (KHeapType).
static void **slot_ptr(KType *t, size_t offset) {
    if (offset & NB_SLOT) {
        return (void **)((char *)knb(t) + (offset & ~NB_SLOT));
    }
    return (void **)((char *)t + offset);
}

// 'me' is the generic slot function, found at 'offset' in the types that
// define the operator in Python.
static KValue slot_binop(KValue self, KValue other, size_t offset, KValue name, KValue rname,
                         void *me) {
    KType *ts = kval_type(self), *to = kval_type(other);
    int do_other = ts != to && *slot_ptr(to, offset) == me;
    KValue r;
    if (*slot_ptr(ts, offset) == me) {
        if (do_other && ktype_is_subtype(to, ts) && method_is_overloaded(self, other, rname)) {
            r = call_maybe(other, rname, &self, 1);
            if (r != KV_NOTIMPL) {
                return r;
            }
            kval_decref(r);
            do_other = 0;
        }
        r = call_maybe(self, name, &other, 1);
        if (r != KV_NOTIMPL || ts == to) {
            return r;
        }
        kval_decref(r);
    }
    if (do_other) {
        return call_maybe(other, rname, &self, 1);
    }
    return kval_newref(KV_NOTIMPL);
}

// Classes get one of these per operator; it is called either with the class
// instance on the left (try __op__, maybe the right's __rop__) or on the
// right (try its __rop__).
#define SLOT_BINOP(fn, idx, id, rid)                                                             \
    static KValue fn(KValue a, KValue b) {                                                       \
        return slot_binop(a, b, NB_OFF(binop[idx]), KID(id), KID(rid), (void *)fn);              \
    }
SLOT_BINOP(slot_add, KNB_ADD, __add__, __radd__)
SLOT_BINOP(slot_sub, KNB_SUBTRACT, __sub__, __rsub__)
SLOT_BINOP(slot_mul, KNB_MULTIPLY, __mul__, __rmul__)
SLOT_BINOP(slot_matmul, KNB_MATRIX_MULTIPLY, __matmul__, __rmatmul__)
SLOT_BINOP(slot_truediv, KNB_TRUE_DIVIDE, __truediv__, __rtruediv__)
SLOT_BINOP(slot_floordiv, KNB_FLOOR_DIVIDE, __floordiv__, __rfloordiv__)
SLOT_BINOP(slot_mod, KNB_REMAINDER, __mod__, __rmod__)
SLOT_BINOP(slot_lshift, KNB_LSHIFT, __lshift__, __rlshift__)
SLOT_BINOP(slot_rshift, KNB_RSHIFT, __rshift__, __rrshift__)
SLOT_BINOP(slot_and, KNB_AND, __and__, __rand__)
SLOT_BINOP(slot_or, KNB_OR, __or__, __ror__)
SLOT_BINOP(slot_xor, KNB_XOR, __xor__, __rxor__)

// The generic slots and method names of the binary operators, by KNB_*
// index (pow is left out: its slot takes three arguments).
static const KBinaryFn generic_binops[KNB_COUNT] = {
    [KNB_ADD] = slot_add,         [KNB_AND] = slot_and,
    [KNB_FLOOR_DIVIDE] = slot_floordiv, [KNB_LSHIFT] = slot_lshift,
    [KNB_MATRIX_MULTIPLY] = slot_matmul, [KNB_MULTIPLY] = slot_mul,
    [KNB_REMAINDER] = slot_mod,   [KNB_OR] = slot_or,
    [KNB_RSHIFT] = slot_rshift,   [KNB_SUBTRACT] = slot_sub,
    [KNB_TRUE_DIVIDE] = slot_truediv, [KNB_XOR] = slot_xor,
};

int kslot_binop_is_generic(KType *t, int op) {
    return generic_binops[op] && knb(t)->binop[op] == generic_binops[op];
}

KValue kslot_binop_name(int op) {
    switch (op) {
    case KNB_ADD: return KID(__add__);
    case KNB_AND: return KID(__and__);
    case KNB_FLOOR_DIVIDE: return KID(__floordiv__);
    case KNB_LSHIFT: return KID(__lshift__);
    case KNB_MATRIX_MULTIPLY: return KID(__matmul__);
    case KNB_MULTIPLY: return KID(__mul__);
    case KNB_REMAINDER: return KID(__mod__);
    case KNB_OR: return KID(__or__);
    case KNB_RSHIFT: return KID(__rshift__);
    case KNB_SUBTRACT: return KID(__sub__);
    case KNB_TRUE_DIVIDE: return KID(__truediv__);
    case KNB_XOR: return KID(__xor__);
    default: return KV_NULL;
    }
}

static KValue slot_divmod(KValue a, KValue b) {
    return slot_binop(a, b, NB_OFF(divmod), KID(__divmod__), KID(__rdivmod__),
                      (void *)slot_divmod);
}

static KValue slot_power(KValue a, KValue b, KValue mod) {
    if (mod == KV_NONE) {
        return slot_binop(a, b, NB_OFF(power), KID(__pow__), KID(__rpow__),
                          (void *)slot_power);
    }
    // Three-argument pow() never tries the reflected method.
    if (knb(kval_type(a))->power == slot_power) {
        KValue args[2] = {b, mod};
        return call_maybe(a, KID(__pow__), args, 2);
    }
    return kval_newref(KV_NOTIMPL);
}

#define SLOT_INPLACE(fn, id)                                                                     \
    static KValue fn(KValue a, KValue b) {                                                       \
        return call_maybe(a, KID(id), &b, 1);                                                    \
    }
SLOT_INPLACE(slot_iadd, __iadd__)
SLOT_INPLACE(slot_isub, __isub__)
SLOT_INPLACE(slot_imul, __imul__)
SLOT_INPLACE(slot_imatmul, __imatmul__)
SLOT_INPLACE(slot_itruediv, __itruediv__)
SLOT_INPLACE(slot_ifloordiv, __ifloordiv__)
SLOT_INPLACE(slot_imod, __imod__)
SLOT_INPLACE(slot_ilshift, __ilshift__)
SLOT_INPLACE(slot_irshift, __irshift__)
SLOT_INPLACE(slot_iand, __iand__)
SLOT_INPLACE(slot_ior, __ior__)
SLOT_INPLACE(slot_ixor, __ixor__)
SLOT_INPLACE(slot_ipow, __ipow__)

// ---------------------------------------------------------------------------
// Wrappers: Type.__name__(self, ...) calling the slot's C function.

#define WRAPPER(fn)                                                                              \
    static KValue fn(const KSlotDef *def, void *wrapped, KValue self, const KValue *args,        \
                     size_t nargs, KValue kwnames)

static int check_args(const KSlotDef *def, size_t nargs, KValue kwnames, size_t n) {
    if (kwnames && ktuple_len(kwnames)) {
        kerr_format(&kexc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
        return -1;
    }
    if (nargs != n) {
        kerr_format(&kexc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s",
                    nargs);
        return -1;
    }
    return 0;
}

WRAPPER(wrap_unary) {
    if (check_args(def, nargs, kwnames, 0) < 0) {
        return KV_NULL;
    }
    (void)args;
    return ((KUnaryFn)wrapped)(self);
}

WRAPPER(wrap_binary_l) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    return ((KBinaryFn)wrapped)(self, args[0]);
}

WRAPPER(wrap_binary_r) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    return ((KBinaryFn)wrapped)(args[0], self);
}

WRAPPER(wrap_ternary) {
    if (nargs == 1) {
        return ((KTernaryFn)wrapped)(self, args[0], KV_NONE);
    }
    if (check_args(def, nargs, kwnames, 2) < 0) {
        return KV_NULL;
    }
    return ((KTernaryFn)wrapped)(self, args[0], args[1]);
}

WRAPPER(wrap_ternary_r) {
    if (nargs == 1) {
        return ((KTernaryFn)wrapped)(args[0], self, KV_NONE);
    }
    if (check_args(def, nargs, kwnames, 2) < 0) {
        return KV_NULL;
    }
    return ((KTernaryFn)wrapped)(args[0], self, args[1]);
}

WRAPPER(wrap_richcmp) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    return ((KValue(*)(KValue, KValue, int))wrapped)(self, args[0], def->arg);
}

WRAPPER(wrap_hash) {
    (void)args;
    if (check_args(def, nargs, kwnames, 0) < 0) {
        return KV_NULL;
    }
    int64_t h = ((int64_t(*)(KValue))wrapped)(self);
    return h == -1 ? KV_NULL : kint_from_i64(h);
}

WRAPPER(wrap_call) {
    (void)def;
    return ((KVectorFn)wrapped)(self, args, nargs, kwnames);
}

WRAPPER(wrap_init) {
    (void)def;
    if (((KInitFn)wrapped)(self, args, nargs, kwnames) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

WRAPPER(wrap_getattr) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", args[0]);
        return KV_NULL;
    }
    return ((KBinaryFn)wrapped)(self, args[0]);
}

WRAPPER(wrap_setattr) {
    if (check_args(def, nargs, kwnames, 2) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", args[0]);
        return KV_NULL;
    }
    if (((int (*)(KValue, KValue, KValue))wrapped)(self, args[0], args[1]) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

WRAPPER(wrap_delattr) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", args[0]);
        return KV_NULL;
    }
    if (((int (*)(KValue, KValue, KValue))wrapped)(self, args[0], KV_NULL) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

WRAPPER(wrap_next) {
    (void)args;
    if (check_args(def, nargs, kwnames, 0) < 0) {
        return KV_NULL;
    }
    KValue r = ((KUnaryFn)wrapped)(self);
    if (!r && !kerr_occurred()) {
        kerr_restore(kexc_new(&kexc_StopIteration, ktuple_new(0)));
    }
    return r;
}

WRAPPER(wrap_descr_get) {
    if (kwnames && ktuple_len(kwnames)) {
        return check_args(def, nargs, kwnames, 0) < 0 ? KV_NULL : KV_NULL;
    }
    if (nargs < 1 || nargs > 2) {
        kerr_format(&kexc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
        return KV_NULL;
    }
    KValue obj = args[0] == KV_NONE ? KV_NULL : args[0];
    KValue type = nargs > 1 && args[1] != KV_NONE ? args[1] : KV_NULL;
    if (!obj && !type) {
        kerr_set(&kexc_TypeError, "__get__(None, None) is invalid");
        return KV_NULL;
    }
    return ((KValue(*)(KValue, KValue, KValue))wrapped)(self, obj, type);
}

WRAPPER(wrap_descr_set) {
    if (check_args(def, nargs, kwnames, 2) < 0) {
        return KV_NULL;
    }
    if (((int (*)(KValue, KValue, KValue))wrapped)(self, args[0], args[1]) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

WRAPPER(wrap_descr_delete) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    if (((int (*)(KValue, KValue, KValue))wrapped)(self, args[0], KV_NULL) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

WRAPPER(wrap_len) {
    (void)args;
    if (check_args(def, nargs, kwnames, 0) < 0) {
        return KV_NULL;
    }
    ssize_t n = ((ssize_t(*)(KValue))wrapped)(self);
    return n < 0 ? KV_NULL : kint_from_i64(n);
}

WRAPPER(wrap_setitem) {
    if (check_args(def, nargs, kwnames, 2) < 0) {
        return KV_NULL;
    }
    if (((int (*)(KValue, KValue, KValue))wrapped)(self, args[0], args[1]) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

WRAPPER(wrap_delitem) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    if (((int (*)(KValue, KValue, KValue))wrapped)(self, args[0], KV_NULL) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

WRAPPER(wrap_contains) {
    if (check_args(def, nargs, kwnames, 1) < 0) {
        return KV_NULL;
    }
    int r = ((int (*)(KValue, KValue))wrapped)(self, args[0]);
    return r < 0 ? KV_NULL : kbool_from(r);
}

WRAPPER(wrap_inquiry) {
    (void)args;
    if (check_args(def, nargs, kwnames, 0) < 0) {
        return KV_NULL;
    }
    int r = ((int (*)(KValue))wrapped)(self);
    return r < 0 ? KV_NULL : kbool_from(r);
}

WRAPPER(wrap_del) {
    (void)args;
    if (check_args(def, nargs, kwnames, 0) < 0) {
        return KV_NULL;
    }
    ((void (*)(KValue))wrapped)(self);
    return kerr_occurred() ? KV_NULL : KV_NONE;
}

// ---------------------------------------------------------------------------
// The table.

#define OFF(field) offsetof(KType, field)
#define S(name, field, wrap, gen, arg) {name, OFF(field), wrap, (void *)(gen), arg, NULL, 0},
#define S_NB(name, field, wrap, gen) {name, NB_OFF(field), wrap, (void *)(gen), 0, NULL, 0},
#define BIN(name, rname, idx, gen)                                                               \
    S_NB(name, binop[idx], wrap_binary_l, gen) S_NB(rname, binop[idx], wrap_binary_r, gen)
#define INPLACE(name, idx, gen) S_NB(name, inplace[idx], wrap_binary_l, gen)

static KSlotDef slotdefs[] = {
    S("__getattribute__", getattro, wrap_getattr, kslot_tp_getattr_hook, 0)
    S("__getattr__", getattro, NULL, kslot_tp_getattr_hook, 0)
    S("__setattr__", setattro, wrap_setattr, slot_tp_setattro, 0)
    S("__delattr__", setattro, wrap_delattr, slot_tp_setattro, 0)
    S("__repr__", repr, wrap_unary, slot_tp_repr, 0)
    S("__hash__", hash, wrap_hash, slot_tp_hash, 0)
    S("__call__", call, wrap_call, slot_tp_call, 0)
    S("__str__", str, wrap_unary, slot_tp_str, 0)
    S("__lt__", richcompare, wrap_richcmp, slot_tp_richcompare, KF_CMP_LT)
    S("__le__", richcompare, wrap_richcmp, slot_tp_richcompare, KF_CMP_LE)
    S("__eq__", richcompare, wrap_richcmp, slot_tp_richcompare, KF_CMP_EQ)
    S("__ne__", richcompare, wrap_richcmp, slot_tp_richcompare, KF_CMP_NE)
    S("__gt__", richcompare, wrap_richcmp, slot_tp_richcompare, KF_CMP_GT)
    S("__ge__", richcompare, wrap_richcmp, slot_tp_richcompare, KF_CMP_GE)
    S("__iter__", iter, wrap_unary, slot_tp_iter, 0)
    S("__next__", iternext, wrap_next, slot_tp_iternext, 0)
    S("__get__", descr_get, wrap_descr_get, slot_tp_descr_get, 0)
    S("__set__", descr_set, wrap_descr_set, slot_tp_descr_set, 0)
    S("__delete__", descr_set, wrap_descr_delete, slot_tp_descr_set, 0)
    S("__init__", init, wrap_init, slot_tp_init, 0)
    S("__new__", new_, NULL, kslot_tp_new, 0)
    S("__del__", finalize, wrap_del, slot_tp_finalize, 0)
    S("__len__", len, wrap_len, slot_len, 0)
    S("__getitem__", getitem, wrap_binary_l, slot_getitem, 0)
    S("__setitem__", setitem, wrap_setitem, slot_setitem, 0)
    S("__delitem__", setitem, wrap_delitem, slot_setitem, 0)
    S("__contains__", contains, wrap_contains, slot_contains, 0)
    BIN("__add__", "__radd__", KNB_ADD, slot_add)
    BIN("__sub__", "__rsub__", KNB_SUBTRACT, slot_sub)
    BIN("__mul__", "__rmul__", KNB_MULTIPLY, slot_mul)
    BIN("__matmul__", "__rmatmul__", KNB_MATRIX_MULTIPLY, slot_matmul)
    BIN("__truediv__", "__rtruediv__", KNB_TRUE_DIVIDE, slot_truediv)
    BIN("__floordiv__", "__rfloordiv__", KNB_FLOOR_DIVIDE, slot_floordiv)
    BIN("__mod__", "__rmod__", KNB_REMAINDER, slot_mod)
    BIN("__lshift__", "__rlshift__", KNB_LSHIFT, slot_lshift)
    BIN("__rshift__", "__rrshift__", KNB_RSHIFT, slot_rshift)
    BIN("__and__", "__rand__", KNB_AND, slot_and)
    BIN("__or__", "__ror__", KNB_OR, slot_or)
    BIN("__xor__", "__rxor__", KNB_XOR, slot_xor)
    S_NB("__divmod__", divmod, wrap_binary_l, slot_divmod)
    S_NB("__rdivmod__", divmod, wrap_binary_r, slot_divmod)
    S_NB("__pow__", power, wrap_ternary, slot_power)
    S_NB("__rpow__", power, wrap_ternary_r, slot_power)
    INPLACE("__iadd__", KNB_ADD, slot_iadd)
    INPLACE("__isub__", KNB_SUBTRACT, slot_isub)
    INPLACE("__imul__", KNB_MULTIPLY, slot_imul)
    INPLACE("__imatmul__", KNB_MATRIX_MULTIPLY, slot_imatmul)
    INPLACE("__itruediv__", KNB_TRUE_DIVIDE, slot_itruediv)
    INPLACE("__ifloordiv__", KNB_FLOOR_DIVIDE, slot_ifloordiv)
    INPLACE("__imod__", KNB_REMAINDER, slot_imod)
    INPLACE("__ilshift__", KNB_LSHIFT, slot_ilshift)
    INPLACE("__irshift__", KNB_RSHIFT, slot_irshift)
    INPLACE("__iand__", KNB_AND, slot_iand)
    INPLACE("__ior__", KNB_OR, slot_ior)
    INPLACE("__ixor__", KNB_XOR, slot_ixor)
    INPLACE("__ipow__", KNB_POWER, slot_ipow)
    S_NB("__neg__", negative, wrap_unary, slot_neg)
    S_NB("__pos__", positive, wrap_unary, slot_pos)
    S_NB("__abs__", absolute, wrap_unary, slot_abs)
    S_NB("__invert__", invert, wrap_unary, slot_invert)
    S_NB("__int__", to_int, wrap_unary, slot_int)
    S_NB("__float__", to_float, wrap_unary, slot_float)
    S_NB("__index__", index, wrap_unary, slot_index)
    S_NB("__bool__", to_bool, wrap_inquiry, slot_bool)
    {NULL, 0, NULL, NULL, 0, NULL, 0},
};

int ktypeslots_init(void) {
    for (KSlotDef *d = slotdefs; d->name; d++) {
        d->name_str = kstr_intern_cstr(d->name);
        if (!d->name_str) {
            return -1;
        }
    }
    return 0;
}

int ktypeslots_add_wrappers(KType *type) {
    KValue dict = type->dict;
    for (KSlotDef *d = slotdefs; d->name; d++) {
        if (!d->wrapper) {
            continue;
        }
        void *fn = *slot_ptr(type, d->offset);
        if (!fn) {
            continue;
        }
        // Only slots this type defines: an inherited one is the base's wrapper.
        if (type->base && *slot_ptr(type->base, d->offset) == fn) {
            continue;
        }
        if (fn == (void *)kobj_hash_not_implemented) {
            if (!kdict_get_borrow(dict, d->name_str) && kdict_set(dict, d->name_str, KV_NONE) < 0) {
                return -1;
            }
            continue;
        }
        if (kdict_get_borrow(dict, d->name_str)) {
            continue;
        }
        KValue w = kdescr_new_wrapper(type, d, fn);
        if (!w) {
            return -1;
        }
        int r = kdict_set(dict, d->name_str, w);
        kval_decref(w);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

KValue ktype_new_wrapper_self(KValue f);

// Sets the slot at 'offset' of class 'type' from what its MRO holds under
// the names of every slotdef that feeds it.
static void update_one_slot(KType *type, size_t offset) {
    void *generic = NULL, *specific = NULL;
    int use_generic = 0, any = 0;
    for (KSlotDef *d = slotdefs; d->name; d++) {
        if (d->offset != offset) {
            continue;
        }
        generic = d->generic;
        KValue descr = ktype_lookup(type, d->name_str);
        if (!descr) {
            continue;
        }
        any = 1;
        if (kval_type(descr) == &kwrapperdescr_type && ((KDescr *)descr)->slot->offset == offset) {
            void *w = ((KDescr *)descr)->wrapped;
            if (specific && specific != w) {
                use_generic = 1;
            }
            specific = w;
        } else if (offset == OFF(hash) && descr == KV_NONE) {
            specific = (void *)kobj_hash_not_implemented;
        } else if (offset == OFF(new_) && ktype_new_wrapper_self(descr)) {
            specific = (void *)((KType *)ktype_new_wrapper_self(descr))->new_;
        } else {
            use_generic = 1;
        }
    }
    void *fn = !any ? NULL : use_generic ? generic : specific;
    if (offset == OFF(getattro) && !fn) {
        fn = (void *)kobj_generic_getattr;
    }
    *slot_ptr(type, offset) = fn;
}

void ktypeslots_fixup(KType *type) {
    size_t last = (size_t)-1;
    for (KSlotDef *d = slotdefs; d->name; d++) {
        if (d->offset != last) {
            update_one_slot(type, d->offset);
            last = d->offset;
        }
    }
}

int ktypeslots_is_slot_name(KValue name) {
    for (KSlotDef *d = slotdefs; d->name; d++) {
        if (d->name_str == name || kstr_eq(d->name_str, name)) {
            return 1;
        }
    }
    return 0;
}

static void update_recursive(KType *type, size_t offset) {
    if (!(type->flags & KTF_HEAPTYPE)) {
        return;
    }
    update_one_slot(type, offset);
    for (int i = 0; i < type->nsubclasses; i++) {
        update_recursive(type->subclasses[i], offset);
    }
}

void ktypeslots_update(KType *type, KValue name) {
    for (KSlotDef *d = slotdefs; d->name; d++) {
        if (d->name_str == name || kstr_eq(d->name_str, name)) {
            update_recursive(type, d->offset);
        }
    }
}
