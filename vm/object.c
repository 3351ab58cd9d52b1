// vm/object.c: the generic object protocols: repr/str, hashing, rich
// comparison with reflection, truth, attribute access (the generic
// __getattribute__/__setattr__ with descriptors and instance dicts), calls,
// special-method lookup, iteration, containers, isinstance/issubclass, and
// the None, NotImplemented and Ellipsis singletons.
#include <string.h>
#include "internal.h"

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "instdict.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

// ---------------------------------------------------------------------------
// repr / str.

KValue kobj_repr(KValue v) {
    KType *t = kval_type(v);
    if (!t->repr) {
        return kstr_from_format("<%s object at %p>", t->name, (void *)v);
    }
    if (kstate_enter(" while getting the repr of an object") < 0) {
        return KV_NULL;
    }
    KValue r = t->repr(v);
    kstate_leave();
    if (r && !kstr_check(r)) {
        kerr_format(&kexc_TypeError, "__repr__ returned non-string (type %T)", r);
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

KValue kobj_str(KValue v) {
    if (kstr_check_exact(v)) {
        return kval_newref(v);
    }
    KType *t = kval_type(v);
    if (!t->str) {
        return kobj_repr(v);
    }
    if (kstate_enter(" while getting the str of an object") < 0) {
        return KV_NULL;
    }
    KValue r = t->str(v);
    kstate_leave();
    if (r && !kstr_check(r)) {
        kerr_format(&kexc_TypeError, "__str__ returned non-string (type %T)", r);
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

KValue kobj_ascii(KValue v) {
    KValue r = kobj_repr(v);
    if (!r || ((KStr *)r)->ascii) {
        return r;
    }
    KStr *s = (KStr *)r;
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        if (c < 0x80) {
            kstr_builder_char(&b, c);
        } else if (c < 0x100) {
            kstr_builder_printf(&b, "\\x%02x", c);
        } else if (c < 0x10000) {
            kstr_builder_printf(&b, "\\u%04x", c);
        } else {
            kstr_builder_printf(&b, "\\U%08x", c);
        }
    }
    kval_decref(r);
    return kstr_builder_finish(&b);
}

// The objects whose repr is in progress (cycle guard).
static KValue *repr_stack;
static ssize_t repr_len, repr_cap;

int krepr_enter(KValue v) {
    for (ssize_t i = 0; i < repr_len; i++) {
        if (repr_stack[i] == v) {
            return 1;
        }
    }
    if (repr_len == repr_cap) {
        ssize_t cap = repr_cap ? repr_cap * 2 : 16;
        KValue *s = kmem_realloc(repr_stack, (size_t)cap * sizeof(KValue));
        if (!s) {
            kerr_no_memory();
            return -1;
        }
        repr_stack = s;
        repr_cap = cap;
    }
    repr_stack[repr_len++] = v;
    return 0;
}

void krepr_leave(KValue v) {
    for (ssize_t i = repr_len - 1; i >= 0; i--) {
        if (repr_stack[i] == v) {
            memmove(repr_stack + i, repr_stack + i + 1, (size_t)(repr_len - i - 1) * sizeof(KValue));
            repr_len--;
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// Hashing, comparison, truth.

int64_t kobj_hash_not_implemented(KValue v) {
    // The full tp_name, as CPython: 'types.SimpleNamespace', 'collections.deque'.
    kerr_format(&kexc_TypeError, "unhashable type: '%s'", kval_type(v)->name);
    return -1;
}

int64_t kobj_hash(KValue v) {
    KType *t = kval_type(v);
    if (t->hash) {
        return t->hash(v);
    }
    return kobj_hash_not_implemented(v);
}

static const int swapped_op[] = {KF_CMP_GT, KF_CMP_GE, KF_CMP_EQ, KF_CMP_NE, KF_CMP_LT, KF_CMP_LE};
static const char *const op_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

KValue kobj_richcompare(KValue v, KValue w, int op) {
    KType *tv = kval_type(v), *tw = kval_type(w);
    int checked_reverse = 0;
    KValue r;
    if (kstate_enter(" in comparison") < 0) {
        return KV_NULL;
    }
    if (tv != tw && ktype_is_subtype(tw, tv) && tw->richcompare) {
        checked_reverse = 1;
        r = tw->richcompare(w, v, swapped_op[op]);
        if (r != KV_NOTIMPL) {
            goto done;
        }
        kval_decref(r);
    }
    if (tv->richcompare) {
        r = tv->richcompare(v, w, op);
        if (r != KV_NOTIMPL) {
            goto done;
        }
        kval_decref(r);
    }
    if (!checked_reverse && tw->richcompare) {
        r = tw->richcompare(w, v, swapped_op[op]);
        if (r != KV_NOTIMPL) {
            goto done;
        }
        kval_decref(r);
    }
    if (op == KF_CMP_EQ) {
        r = kbool_from(v == w);
    } else if (op == KF_CMP_NE) {
        r = kbool_from(v != w);
    } else {
        kerr_format(&kexc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    op_symbol[op], ktype_name(tv), ktype_name(tw));
        r = KV_NULL;
    }
done:
    kstate_leave();
    return r;
}

// == (or != when 'ne') of two exact tuples as tuple_richcompare answers
// it (items compared in turn up to the shorter length, then the lengths;
// no shortcut on lengths, as CPython's), without a bool object per level:
// set and dict probes of tuple keys (wordcount's bigrams).
static int tuple_eq_bool(KValue v, KValue w, int ne) {
    ssize_t nv = ktuple_len(v), nw = ktuple_len(w), n = nv < nw ? nv : nw;
    if (kstate_enter(" in comparison") < 0) {
        return -1;
    }
    int eq = 1;
    for (ssize_t i = 0; i < n && eq > 0; i++) {
        eq = kobj_richcompare_bool(ktuple_items(v)[i], ktuple_items(w)[i], KF_CMP_EQ);
    }
    kstate_leave();
    if (eq < 0) {
        return -1;
    }
    return (eq && nv == nw) != ne;
}

int kobj_richcompare_bool(KValue v, KValue w, int op) {
    if (v == w) {
        if (op == KF_CMP_EQ) {
            return 1;
        }
        if (op == KF_CMP_NE) {
            return 0;
        }
    }
    if (kval_is_int(v) && kval_is_int(w)) {
        intptr_t a = (intptr_t)v, b = (intptr_t)w;
        switch (op) {
        case KF_CMP_LT:
            return a < b;
        case KF_CMP_LE:
            return a <= b;
        case KF_CMP_EQ:
            return a == b;
        case KF_CMP_NE:
            return a != b;
        case KF_CMP_GT:
            return a > b;
        default:
            return a >= b;
        }
    }
    if (op == KF_CMP_EQ || op == KF_CMP_NE) {
        if (kstr_check_exact(v) && kstr_check_exact(w)) {
            return kstr_eq(v, w) == (op == KF_CMP_EQ);
        }
        // Two instances of one type that keeps object's comparison (a class
        // with no __eq__/__ne__): both sides answer NotImplemented, so the
        // result is identity (list.index, 'in', dict probes of such keys).
        KType *t = kval_type(v);
        if (t == kval_type(w) && t->richcompare == kobject_type.richcompare) {
            return (v == w) == (op == KF_CMP_EQ);
        }
        if (t == &ktuple_type && kval_type(w) == &ktuple_type) {
            return tuple_eq_bool(v, w, op == KF_CMP_NE);
        }
    }
    KValue r = kobj_richcompare(v, w, op);
    if (!r) {
        return -1;
    }
    int b = r == KV_TRUE ? 1 : r == KV_FALSE ? 0 : kobj_is_true(r);
    kval_decref(r);
    return b;
}

int kobj_is_true(KValue v) {
    if (v == KV_TRUE) {
        return 1;
    }
    if (v == KV_FALSE || v == KV_NONE) {
        return 0;
    }
    if (kval_is_int(v)) {
        return kval_int(v) != 0;
    }
    KType *t = kval_type(v);
    if (knb(t)->to_bool) {
        return knb(t)->to_bool(v);
    }
    if (t->len) {
        ssize_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

KValue kobj_id(KValue v) {
    return kint_from_u64((uint64_t)v);
}

// ---------------------------------------------------------------------------
// Attributes.

static int check_name(KValue name) {
    if (!kstr_check(name)) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

static void no_attribute(KValue obj, KValue name) {
    kerr_format(&kexc_AttributeError, "'%s' object has no attribute '%U'",
                ktype_name(kval_type(obj)), name);
    KValue exc = kerr_occurred();
    if (exc && kval_type(exc) == &kexc_AttributeError) {
        KAttributeError *e = (KAttributeError *)exc;
        kval_setref(&e->name, kval_newref(name));
        kval_setref(&e->obj, kval_newref(obj));
    }
}

// The instance attribute 'name' of 'obj' (borrowed), from its shared-key
// values or its dict; KV_NULL when absent.
static KValue instance_attr_borrow(KValue obj, KType *t, KValue name) {
    if ((t->flags & KTF_SHARED_KEYS) && kstr_check_exact(name) && !*kinstdict_dictptr(obj, t)) {
        return kinstdict_get(*kinstdict_valuesptr(obj, t), name);
    }
    KValue *dp = kobj_dictptr(obj);
    if (!dp || !*dp) {
        return KV_NULL;
    }
    return kstr_check_exact(name) ? kdict_get_str_borrow(*dp, name) : kdict_get_borrow(*dp, name);
}

KValue kobj_generic_getattr_ex(KValue obj, KValue name, int suppress) {
    KType *t = kval_type(obj);
    if (check_name(name) < 0) {
        return KV_NULL;
    }
    KValue descr = ktype_lookup(t, name);
    KValue (*get)(KValue, KValue, KValue) = NULL;
    if (descr) {
        kval_incref(descr);
        get = kval_type(descr)->descr_get;
        if (get && kval_type(descr)->descr_set) {
            KValue r = get(descr, obj, kval_of(t));
            kval_decref(descr);
            if (!r && suppress && kerr_matches(&kexc_AttributeError)) {
                kerr_clear();
            }
            return r;
        }
    }
    KValue v = instance_attr_borrow(obj, t, name);
    if (v) {
        kval_incref(v);
        kval_xdecref(descr);
        return v;
    }
    if (get) {
        KValue r = get(descr, obj, kval_of(t));
        kval_decref(descr);
        if (!r && suppress && kerr_matches(&kexc_AttributeError)) {
            kerr_clear();
        }
        return r;
    }
    if (descr) {
        return descr;
    }
    if (!suppress) {
        no_attribute(obj, name);
    }
    return KV_NULL;
}

KValue kobj_generic_getattr(KValue obj, KValue name) {
    return kobj_generic_getattr_ex(obj, name, 0);
}

int kobj_generic_setattr(KValue obj, KValue name, KValue value) {
    KType *t = kval_type(obj);
    if (check_name(name) < 0) {
        return -1;
    }
    KValue descr = ktype_lookup(t, name);
    if (descr && kval_type(descr)->descr_set) {
        kval_incref(descr);
        int r = kval_type(descr)->descr_set(descr, obj, value);
        kval_decref(descr);
        return r;
    }
    if ((t->flags & KTF_SHARED_KEYS) && !*kinstdict_dictptr(obj, t)) {
        int r = kinstdict_setattr(obj, t, name, value);
        if (r == 1) {
            no_attribute(obj, name);
            return -1;
        }
        if (r != 2) {
            return r;
        }
    }
    KValue *dp = kobj_dictptr(obj);
    if (!dp) {
        if (descr) {
            kerr_format(&kexc_AttributeError, "'%s' object attribute '%U' is read-only",
                        ktype_name(t), name);
        } else {
            no_attribute(obj, name);
        }
        return -1;
    }
    if (!*dp) {
        if (!value) {
            no_attribute(obj, name);
            return -1;
        }
        if (!(*dp = kdict_new())) {
            return -1;
        }
    }
    if (value) {
        return kdict_set(*dp, name, value);
    }
    int r = kdict_discard(*dp, name);
    if (r == 0) {
        no_attribute(obj, name);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

KValue kobj_getattr(KValue obj, KValue name) {
    KType *t = kval_type(obj);
    if (!t->getattro) {
        return kobj_generic_getattr(obj, name);
    }
    return t->getattro(obj, name);
}

KValue kobj_getattr_cstr(KValue obj, const char *name) {
    KValue n = kstr_intern_cstr(name);
    if (!n) {
        return KV_NULL;
    }
    KValue r = kobj_getattr(obj, n);
    kval_decref(n);
    return r;
}

int kobj_lookup_attr(KValue obj, KValue name, KValue *result) {
    KType *t = kval_type(obj);
    if (t->getattro == kobj_generic_getattr) {
        *result = kobj_generic_getattr_ex(obj, name, 1);
    } else {
        *result = kobj_getattr(obj, name);
        if (!*result && kerr_matches(&kexc_AttributeError)) {
            kerr_clear();
        }
    }
    if (*result) {
        return 1;
    }
    return kerr_occurred() ? -1 : 0;
}

int kobj_setattr(KValue obj, KValue name, KValue value) {
    KType *t = kval_type(obj);
    if (check_name(name) < 0) {
        return -1;
    }
    if (t->setattro) {
        return t->setattro(obj, name, value);
    }
    if (ktype_lookup(t, name) || kobj_dictptr(obj)) {
        return kobj_generic_setattr(obj, name, value);
    }
    if (!value) {
        kerr_format(&kexc_AttributeError, "'%s' object has no attribute '%U'", ktype_name(t),
                    name);
    } else {
        kerr_format(&kexc_AttributeError, "'%s' object has no attribute '%U'", ktype_name(t),
                    name);
    }
    return -1;
}

int kobj_delattr(KValue obj, KValue name) {
    return kobj_setattr(obj, name, KV_NULL);
}

int kobj_get_method(KValue obj, KValue name, KValue *method) {
    KType *t = kval_type(obj);
    if (t->getattro != kobj_generic_getattr || !kstr_check_exact(name)) {
        *method = kobj_getattr(obj, name);
        return *method ? 0 : -1;
    }
    KValue descr = ktype_lookup(t, name);
    int meth_found = 0;
    KValue (*get)(KValue, KValue, KValue) = NULL;
    if (descr) {
        kval_incref(descr);
        KType *dt = kval_type(descr);
        if (dt->flags & KTF_METHOD_DESCR) {
            meth_found = 1;
        } else {
            get = dt->descr_get;
            if (get && dt->descr_set) {
                *method = get(descr, obj, kval_of(t));
                kval_decref(descr);
                return *method ? 0 : -1;
            }
        }
    }
    KValue v = instance_attr_borrow(obj, t, name);
    if (v) {
        kval_xdecref(descr);
        *method = kval_newref(v);
        return 0;
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (get) {
        *method = get(descr, obj, kval_of(t));
        kval_decref(descr);
        return *method ? 0 : -1;
    }
    if (descr) {
        *method = descr;
        return 0;
    }
    no_attribute(obj, name);
    *method = KV_NULL;
    return -1;
}

// ---------------------------------------------------------------------------
// Calls.

KValue kobj_call(KValue callable, const KValue *args, size_t nargs, KValue kwnames) {
    KType *t = kval_type(callable);
    if (!t->call) {
        kerr_format(&kexc_TypeError, "'%s' object is not callable", ktype_name(t));
        return KV_NULL;
    }
    if (kstate_enter(" while calling a Python object") < 0) {
        return KV_NULL;
    }
    KValue r = t->call(callable, args, nargs, kwnames);
    kstate_leave();
    if (!r && !kerr_occurred()) {
        kerr_format(&kexc_SystemError, "%R returned NULL without setting an exception",
                    callable);
    }
    return r;
}

KValue kobj_call_tuple(KValue callable, KValue args, KValue kwargs) {
    ssize_t n = ktuple_len(args);
    ssize_t nkw = kwargs ? kdict_len(kwargs) : 0;
    if (nkw == 0) {
        return kobj_call(callable, ktuple_items(args), (size_t)n, KV_NULL);
    }
    KValue local[16];
    KValue *stack = n + nkw <= 16 ? local : kmem_alloc((size_t)(n + nkw) * sizeof(KValue));
    if (!stack) {
        return kerr_no_memory();
    }
    KValue kwnames = ktuple_new(nkw);
    if (!kwnames) {
        if (stack != local) {
            kmem_free(stack);
        }
        return KV_NULL;
    }
    memcpy(stack, ktuple_items(args), (size_t)n * sizeof(KValue));
    ssize_t pos = 0, i = 0;
    KValue k, v;
    int bad = 0;
    while (kdict_next(kwargs, &pos, &k, &v)) {
        if (!kstr_check(k)) {
            bad = 1;
        }
        ktuple_items(kwnames)[i] = kval_newref(k);
        stack[n + i] = v;
        i++;
    }
    KValue r;
    if (bad) {
        kerr_set(&kexc_TypeError, "keywords must be strings");
        r = KV_NULL;
    } else {
        r = kobj_call(callable, stack, (size_t)n, kwnames);
    }
    kval_decref(kwnames);
    if (stack != local) {
        kmem_free(stack);
    }
    return r;
}

KValue kobj_call_method(KValue obj, KValue name, const KValue *args, size_t nargs) {
    KValue m;
    int unbound = kobj_get_method(obj, name, &m);
    if (unbound < 0) {
        return KV_NULL;
    }
    KValue r;
    if (unbound) {
        KValue local[8];
        KValue *full = nargs + 1 <= 8 ? local : kmem_alloc((nargs + 1) * sizeof(KValue));
        if (!full) {
            kval_decref(m);
            return kerr_no_memory();
        }
        full[0] = obj;
        if (nargs) { // 'args' may be NULL when empty
            if (nargs) {
                memcpy(full + 1, args, nargs * sizeof(KValue));
            }
        }
        r = kobj_call(m, full, nargs + 1, KV_NULL);
        if (full != local) {
            kmem_free(full);
        }
    } else {
        r = kobj_call(m, args, nargs, KV_NULL);
    }
    kval_decref(m);
    return r;
}

KValue kobj_lookup_special(KValue obj, KValue name, int *found) {
    KValue f = ktype_lookup(kval_type(obj), name);
    *found = f != KV_NULL;
    if (!f) {
        return KV_NULL;
    }
    KValue (*get)(KValue, KValue, KValue) = kval_type(f)->descr_get;
    if (get) {
        return get(f, obj, kval_of(kval_type(obj)));
    }
    return kval_newref(f);
}

KValue kobj_call_special(KValue obj, KValue name, const KValue *args, size_t nargs,
                         int *found) {
    KValue f = ktype_lookup(kval_type(obj), name);
    *found = f != KV_NULL;
    if (!f) {
        return KV_NULL;
    }
    kval_incref(f);
    KValue r;
    if (kval_type(f)->flags & KTF_METHOD_DESCR) {
        KValue local[8];
        KValue *full = nargs + 1 <= 8 ? local : kmem_alloc((nargs + 1) * sizeof(KValue));
        if (!full) {
            kval_decref(f);
            return kerr_no_memory();
        }
        full[0] = obj;
        if (nargs) { // 'args' may be NULL when empty
            if (nargs) {
                memcpy(full + 1, args, nargs * sizeof(KValue));
            }
        }
        r = kobj_call(f, full, nargs + 1, KV_NULL);
        if (full != local) {
            kmem_free(full);
        }
    } else {
        KValue (*get)(KValue, KValue, KValue) = kval_type(f)->descr_get;
        KValue bound = get ? get(f, obj, kval_of(kval_type(obj))) : kval_newref(f);
        r = bound ? kobj_call(bound, args, nargs, KV_NULL) : KV_NULL;
        kval_xdecref(bound);
    }
    kval_decref(f);
    return r;
}

int kobj_is_callable(KValue v) {
    return kval_type(v)->call != NULL;
}

KValue kobj_func_desc(KValue callable) {
    KType *t = kval_type(callable);
    if (t == &kfunction_type) {
        KFunction *f = (KFunction *)callable;
        if (f->module && kstr_check(f->module) && !kstr_eq_cstr(f->module, "builtins")) {
            return kstr_from_format("%U.%U()", f->module, f->qualname);
        }
        return kstr_from_format("%U()", f->qualname);
    }
    if (t == &kmethod_type) {
        return kobj_func_desc(((KMethod *)callable)->func);
    }
    if (t == &kcfunction_type) {
        return kstr_from_format("%s()", ((KCFunction *)callable)->def->name);
    }
    if (ktype_check(callable)) {
        return kstr_from_format("%s()", ktype_short_name((KType *)callable));
    }
    return kstr_from_format("%s object", ktype_name(t));
}

// ---------------------------------------------------------------------------
// Iteration.

// The iterator of objects with __getitem__ only.
typedef struct SeqIter {
    KOBJ_HEAD;
    KValue seq;
    ssize_t index;
} SeqIter;

static KValue seqiter_next(KValue v) {
    SeqIter *it = (SeqIter *)v;
    if (!it->seq) {
        return KV_NULL;
    }
    KValue r = kobj_getitem(it->seq, kval_from_int(it->index));
    if (r) {
        it->index++;
        return r;
    }
    if (kerr_matches(&kexc_IndexError) || kerr_matches(&kexc_StopIteration)) {
        kerr_clear();
        KVAL_CLEAR(it->seq);
    }
    return KV_NULL;
}

static void seqiter_dealloc(KObject *o) {
    kval_xdecref(((SeqIter *)o)->seq);
    kobj_free(o);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KType seqiter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "iterator",
    .basicsize = sizeof(SeqIter),
    .dealloc = seqiter_dealloc,
    .iter = self_iter,
    .iternext = seqiter_next,
};

KValue kobj_get_iter(KValue v) {
    KType *t = kval_type(v);
    if (t->iter) {
        KValue it = t->iter(v);
        if (it && !kval_type(it)->iternext) {
            kerr_format(&kexc_TypeError, "iter() returned non-iterator of type '%T'", it);
            kval_decref(it);
            return KV_NULL;
        }
        return it;
    }
    if (t->getitem && !kdict_check(v)) {
        SeqIter *it = (SeqIter *)kobj_alloc(&seqiter_type, sizeof(SeqIter));
        if (!it) {
            return kerr_no_memory();
        }
        it->seq = kval_newref(v);
        return kval_of(it);
    }
    kerr_format(&kexc_TypeError, "'%s' object is not iterable", ktype_name(t));
    return KV_NULL;
}

KValue kobj_iter_next(KValue it) {
    KType *t = kval_type(it);
    if (!t->iternext) {
        kerr_format(&kexc_TypeError, "'%s' object is not an iterator", ktype_name(t));
        return KV_NULL;
    }
    KValue r = t->iternext(it);
    if (!r && kerr_matches(&kexc_StopIteration)) {
        kerr_clear();
    }
    return r;
}

// ---------------------------------------------------------------------------
// Containers.

ssize_t kobj_len(KValue v) {
    KType *t = kval_type(v);
    if (!t->len) {
        kerr_format(&kexc_TypeError, "object of type '%s' has no len()", ktype_name(t));
        return -1;
    }
    return t->len(v);
}

ssize_t kobj_length_hint(KValue v, ssize_t dflt) {
    KType *t = kval_type(v);
    if (t->len) {
        ssize_t n = t->len(v);
        if (n >= 0) {
            return n;
        }
        kerr_clear();
        return dflt;
    }
    int found;
    KValue r = kobj_call_special(v, KID(__length_hint__), NULL, 0, &found);
    if (!r) {
        kerr_clear();
        return dflt;
    }
    ssize_t n = kint_check(r) ? kint_as_ssize(r) : dflt;
    kval_decref(r);
    if (n < 0) {
        kerr_clear();
        return dflt;
    }
    return n;
}

KValue kgeneric_alias_new(KValue origin, KValue args);

KValue kobj_getitem(KValue obj, KValue key) {
    KType *t = kval_type(obj);
    if (t->getitem) {
        return t->getitem(obj, key);
    }
    if (ktype_check(obj)) {
        if (obj == kval_of(&ktype_type)) {
            return kgeneric_alias_new(obj, key);
        }
        // An ordinary attribute lookup on the class, as CPython's; None
        // there means "not subscriptable".
        KValue cg;
        int has = kobj_lookup_attr(obj, KID(__class_getitem__), &cg);
        if (has < 0) {
            return KV_NULL;
        }
        if (has > 0 && cg != KV_NONE) {
            KValue r = kobj_call1(cg, key);
            kval_decref(cg);
            return r;
        }
        if (has > 0) {
            kval_decref(cg);
        }
        kerr_format(&kexc_TypeError, "type '%s' is not subscriptable", ktype_name((KType *)obj));
        return KV_NULL;
    }
    kerr_format(&kexc_TypeError, "'%s' object is not subscriptable", ktype_name(t));
    return KV_NULL;
}

int kobj_setitem(KValue obj, KValue key, KValue value) {
    KType *t = kval_type(obj);
    if (t->setitem) {
        return t->setitem(obj, key, value);
    }
    kerr_format(&kexc_TypeError, "'%s' object does not support item assignment", ktype_name(t));
    return -1;
}

int kobj_delitem(KValue obj, KValue key) {
    KType *t = kval_type(obj);
    if (t->setitem) {
        return t->setitem(obj, key, KV_NULL);
    }
    kerr_format(&kexc_TypeError, "'%s' object doesn't support item deletion", ktype_name(t));
    return -1;
}

int kobj_contains(KValue container, KValue item) {
    KType *t = kval_type(container);
    if (t->contains) {
        return t->contains(container, item);
    }
    if (!t->iter && !t->getitem) {
        kerr_format(&kexc_TypeError, "argument of type '%s' is not iterable", ktype_name(t));
        return -1;
    }
    KValue it = kobj_get_iter(container);
    if (!it) {
        return -1;
    }
    KValue x;
    while ((x = kobj_iter_next(it))) {
        int r = kobj_richcompare_bool(x, item, KF_CMP_EQ);
        kval_decref(x);
        if (r != 0) {
            kval_decref(it);
            return r;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

KValue kseq_fast(KValue v, const char *msg) {
    if (klist_check_exact(v) || ktuple_check_exact(v)) {
        return kval_newref(v);
    }
    KValue it = kobj_get_iter(v);
    if (!it) {
        if (msg && *msg && kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            kerr_set(&kexc_TypeError, msg);
        }
        return KV_NULL;
    }
    KValue l = klist_new(0);
    if (l && klist_extend(l, it) < 0) {
        KVAL_CLEAR(l);
    }
    kval_decref(it);
    return l;
}

// ---------------------------------------------------------------------------
// isinstance / issubclass.

static int check_class(KValue cls, const char *msg) {
    if (ktype_check(cls)) {
        return 1;
    }
    KValue bases;
    int r = kobj_lookup_attr(cls, KID(__bases__), &bases);
    if (r < 0) {
        return -1;
    }
    if (r) {
        int ok = ktuple_check(bases);
        kval_decref(bases);
        if (ok) {
            return 1;
        }
    }
    kerr_set(&kexc_TypeError, msg);
    return -1;
}

static int abstract_issubclass(KValue derived, KValue cls) {
    for (int depth = 0; depth < 1000; depth++) {
        if (derived == cls) {
            return 1;
        }
        KValue bases;
        int r = kobj_lookup_attr(derived, KID(__bases__), &bases);
        if (r <= 0) {
            return r;
        }
        if (!ktuple_check(bases)) {
            kval_decref(bases);
            return 0;
        }
        ssize_t n = ktuple_len(bases);
        if (n == 0) {
            kval_decref(bases);
            return 0;
        }
        for (ssize_t i = 0; i + 1 < n; i++) {
            r = abstract_issubclass(ktuple_items(bases)[i], cls);
            if (r != 0) {
                kval_decref(bases);
                return r;
            }
        }
        derived = ktuple_items(bases)[n - 1];
        kval_decref(bases);
    }
    return 0;
}

static int recursive_isinstance(KValue obj, KValue cls) {
    if (ktype_check(cls)) {
        if (ktype_is_subtype(kval_type(obj), (KType *)cls)) {
            return 1;
        }
        KValue c;
        int r = kobj_lookup_attr(obj, KID(__class__), &c);
        if (r <= 0) {
            return r;
        }
        int res = c != kval_of(kval_type(obj)) && ktype_check(c) &&
                  ktype_is_subtype((KType *)c, (KType *)cls);
        kval_decref(c);
        return res;
    }
    if (check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") < 0) {
        return -1;
    }
    KValue c;
    int r = kobj_lookup_attr(obj, KID(__class__), &c);
    if (r <= 0) {
        return r;
    }
    r = abstract_issubclass(c, cls);
    kval_decref(c);
    return r;
}

KValue kgeneric_alias_new(KValue origin, KValue args);
int kunion_check(KValue v);
KValue kunion_args_borrow(KValue v);

int kgeneric_alias_check(KValue v);

int kobj_isinstance(KValue obj, KValue cls) {
    if (kval_type(obj) == (KType *)cls) {
        return 1;
    }
    if (kgeneric_alias_check(cls)) {
        kerr_set(&kexc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
        return -1;
    }
    if (ktype_check(cls) && kval_type(cls) == &ktype_type) {
        return recursive_isinstance(obj, cls);
    }
    if (kunion_check(cls)) {
        cls = kunion_args_borrow(cls);
    }
    if (ktuple_check(cls)) {
        if (kstate_enter(" in __instancecheck__") < 0) {
            return -1;
        }
        for (ssize_t i = 0; i < ktuple_len(cls); i++) {
            int r = kobj_isinstance(obj, ktuple_items(cls)[i]);
            if (r != 0) {
                kstate_leave();
                return r;
            }
        }
        kstate_leave();
        return 0;
    }
    int found;
    KValue r = kobj_call_special(cls, KID(__instancecheck__), &obj, 1, &found);
    if (found) {
        if (!r) {
            return -1;
        }
        int b = kobj_is_true(r);
        kval_decref(r);
        return b;
    }
    if (kerr_occurred()) {
        return -1;
    }
    return recursive_isinstance(obj, cls);
}

int kobj_issubclass(KValue derived, KValue cls) {
    if (kgeneric_alias_check(cls)) {
        kerr_set(&kexc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
        return -1;
    }
    if (ktype_check(cls) && kval_type(cls) == &ktype_type && ktype_check(derived)) {
        return ktype_is_subtype((KType *)derived, (KType *)cls);
    }
    if (kunion_check(cls)) {
        cls = kunion_args_borrow(cls);
    }
    if (ktuple_check(cls)) {
        for (ssize_t i = 0; i < ktuple_len(cls); i++) {
            int r = kobj_issubclass(derived, ktuple_items(cls)[i]);
            if (r != 0) {
                return r;
            }
        }
        return 0;
    }
    int found;
    KValue r = kobj_call_special(cls, KID(__subclasscheck__), &derived, 1, &found);
    if (found) {
        if (!r) {
            return -1;
        }
        int b = kobj_is_true(r);
        kval_decref(r);
        return b;
    }
    if (kerr_occurred()) {
        return -1;
    }
    if (check_class(derived, "issubclass() arg 1 must be a class") < 0 ||
        check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") <
            0) {
        return -1;
    }
    if (ktype_check(derived) && ktype_check(cls)) {
        return ktype_is_subtype((KType *)derived, (KType *)cls);
    }
    return abstract_issubclass(derived, cls);
}

// ---------------------------------------------------------------------------
// format(), dir().

KValue kobj_format(KValue v, KValue spec) {
    if (!spec || (kstr_len(spec) == 0)) {
        if (kstr_check_exact(v)) {
            return kval_newref(v);
        }
        if (kval_is_int(v)) {
            return kint_to_decimal(v);
        }
    }
    // Exact ints, floats and strs call their __format__ directly (f-strings
    // with a spec): what the method lookup would find, without the lookup.
    if (spec && kstr_check_exact(spec)) {
        KType *t = kval_type(v);
        if (t == &kint_type) {
            return kint_format_spec(v, spec);
        }
        if (t == &kfloat_type) {
            return kfloat_format_spec(v, spec);
        }
        if (t == &kstr_type) {
            return kstr_format_spec(v, spec);
        }
    }
    KValue empty = spec ? spec : KID(empty);
    int found;
    KValue r = kobj_call_special(v, KID(__format__), &empty, 1, &found);
    if (!found && !r && !kerr_occurred()) {
        kerr_format(&kexc_TypeError, "Type %s doesn't define __format__",
                    ktype_name(kval_type(v)));
    }
    if (r && !kstr_check(r)) {
        kerr_format(&kexc_TypeError, "__format__ must return a str, not %T", r);
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

KValue kobj_dir(KValue obj) {
    int found;
    KValue r = kobj_call_special(obj, KID(__dir__), NULL, 0, &found);
    if (!r) {
        if (!found && !kerr_occurred()) {
            kerr_set(&kexc_TypeError, "object does not provide __dir__");
        }
        return KV_NULL;
    }
    KValue l = klist_from_iterable(r);
    kval_decref(r);
    if (l && klist_sort(l, KV_NULL, 0) < 0) {
        KVAL_CLEAR(l);
    }
    return l;
}

// ---------------------------------------------------------------------------
// None, NotImplemented, Ellipsis.

static KValue none_repr(KValue v) {
    (void)v;
    return kstr_intern_cstr("None");
}

static int none_bool(KValue v) {
    (void)v;
    return 0;
}

static KValue none_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type, (void)args;
    if (nargs || (kwnames && ktuple_len(kwnames))) {
        kerr_set(&kexc_TypeError, "NoneType takes no arguments");
        return KV_NULL;
    }
    return KV_NONE;
}

static int64_t singleton_hash(KValue v) {
    return (int64_t)((uintptr_t)v >> 4);
}

KType knone_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "NoneType",
    .basicsize = sizeof(KObject),
    .repr = none_repr,
    .hash = singleton_hash,
    .new_ = none_new,
    .nb = &(KNumberSlots){.to_bool = none_bool},
};

static KValue notimpl_repr(KValue v) {
    (void)v;
    return kstr_intern_cstr("NotImplemented");
}

static int notimpl_bool(KValue v) {
    (void)v;
    return 1;
}

static KValue notimpl_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type, (void)args;
    if (nargs || (kwnames && ktuple_len(kwnames))) {
        kerr_set(&kexc_TypeError, "NotImplementedType takes no arguments");
        return KV_NULL;
    }
    return kval_newref(KV_NOTIMPL);
}

KType knotimpl_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "NotImplementedType",
    .basicsize = sizeof(KObject),
    .repr = notimpl_repr,
    .hash = singleton_hash,
    .new_ = notimpl_new,
    .nb = &(KNumberSlots){.to_bool = notimpl_bool},
};

static KValue ellipsis_repr(KValue v) {
    (void)v;
    return kstr_intern_cstr("Ellipsis");
}

static KValue ellipsis_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type, (void)args;
    if (nargs || (kwnames && ktuple_len(kwnames))) {
        kerr_set(&kexc_TypeError, "ellipsis takes no arguments");
        return KV_NULL;
    }
    return kval_newref(KV_ELLIPSIS);
}

KType kellipsis_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "ellipsis",
    .basicsize = sizeof(KObject),
    .repr = ellipsis_repr,
    .hash = singleton_hash,
    .new_ = ellipsis_new,
};

KObject k_none_obj = {KOBJ_STATIC_HEAD(&knone_type)};
KObject k_notimpl_obj = {KOBJ_STATIC_HEAD(&knotimpl_type)};
KObject k_ellipsis_obj = {KOBJ_STATIC_HEAD(&kellipsis_type)};

int kobject_init_types(void) {
    if (ktype_ready(&seqiter_type) < 0 || ktype_ready(&knone_type) < 0 ||
        ktype_ready(&knotimpl_type) < 0 || ktype_ready(&kellipsis_type) < 0) {
        return -1;
    }
    return 0;
}
