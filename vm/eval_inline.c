// vm/eval_inline.c: Python methods that a C protocol would call, run as
// frames of the interpreter loop instead. A class's __add__ reached through
// BINARY_OP, and the __init__ of CALL on a class, would otherwise go
// through the type slot, a special-method lookup, a call from C and a fresh
// keval_frame for every operation (70% of the nbody benchmark). Here the
// loop pushes the method's frame itself, marked with a KFRAME_RET_* kind;
// RETURN_VALUE finishes the protocol in the calling frame (the None check
// of __init__, NotImplemented's fallback). Only the cases whose protocol
// starts with that one call qualify; everything else takes the generic
// path, so the semantics stay CPython's.
#include "eval.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "func.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "typeslots.h"

// A plain Python function whose call creates no generator or coroutine.
static int is_inlinable_function(KValue f) {
    if (!f || kval_is_int(f) || kval_obj(f)->type != &kfunction_type) {
        return 0;
    }
    int flags = ((KCode *)((KFunction *)f)->code)->flags;
    return !(flags & (KF_CO_GENERATOR | KF_CO_COROUTINE | KF_CO_ASYNC_GENERATOR));
}

// The method 'name' of 't' when it is an inlinable function, else KV_NULL;
// remembered in 'c' under the type's version (any change to a dict along
// the MRO changes it).
static KValue inlinable_method(KType *t, KValue name, KInlineCache *c) {
    if (c && c->key == t && c->ver == t->version) {
        return c->value;
    }
    KValue f = ktype_lookup(t, name);
    if (!is_inlinable_function(f)) {
        return KV_NULL;
    }
    if (c && t->version) {
        c->key = t;
        c->ver = t->version;
        c->value = f;
    }
    return f;
}

KFrame *keval_binop_frame(KThreadState *ts, KValue lhs, KValue rhs, int op, KInlineCache *c,
                          int *failed) {
    *failed = 0;
    KType *tv = kval_type(lhs);
    if (!(tv->flags & KTF_HEAPTYPE)) {
        return NULL;
    }
    int base = op >= KF_BINOP_INPLACE ? op - KF_BINOP_INPLACE : op;
    if (base == KNB_POWER || (base != op && knb(tv)->inplace[base])) {
        return NULL;
    }
    if (!kslot_binop_is_generic(tv, base)) {
        return NULL;
    }
    // The generic slot tries the right operand's reflected method first when
    // its class is a subclass, and after __op__ when the class defines the
    // operator in Python too: both go the generic way.
    KType *tw = kval_type(rhs);
    if (tw != tv && (knb(tw)->binop[base] == knb(tv)->binop[base] ||
                     ((tw->flags & KTF_HEAPTYPE) && ktype_is_subtype(tw, tv)))) {
        return NULL;
    }
    KValue f = inlinable_method(tv, kslot_binop_name(base), c);
    if (!f) {
        return NULL;
    }
    KCode *co = (KCode *)((KFunction *)f)->code;
    KFrame *nf;
    if (co->argcount == 2 && co->kwonlyargcount == 0 &&
        !(co->flags & (KF_CO_VARARGS | KF_CO_VARKEYWORDS))) {
        nf = kframe_push(ts, kval_newref(f), KV_NULL);
        if (nf) {
            nf->localsplus[0] = kval_newref(lhs);
            nf->localsplus[1] = kval_newref(rhs);
        }
    } else {
        KValue args[2] = {lhs, rhs};
        nf = keval_push_frame(ts, f, args, 2, KV_NULL);
    }
    if (!nf) {
        *failed = 1;
        return NULL;
    }
    nf->ret_kind = KFRAME_RET_BINOP;
    return nf;
}

KFrame *keval_init_frame(KThreadState *ts, KValue *base, size_t total, KValue kwnames,
                         KInlineCache *c, int *failed) {
    *failed = 0;
    KType *type = (KType *)base[1];
    if (!kslot_init_is_generic(type) || type->new_ != kobject_type.new_ ||
        (type->flags & KTF_ABSTRACT)) {
        return NULL;
    }
    KValue init = inlinable_method(type, KID(__init__), c);
    if (!init) {
        return NULL;
    }
    // object.__new__ accepts any arguments when __init__ is overridden.
    KValue obj = ktype_generic_alloc(type, 0);
    if (!obj) {
        for (size_t i = 0; i < total; i++) {
            kval_decref(base[2 + i]);
        }
        kval_decref(kval_of(type));
        *failed = 1;
        return NULL;
    }
    // [NULL, cls, args...] becomes [obj] with the frame owning the rest.
    base[0] = obj;
    base[1] = obj;
    kval_decref(kval_of(type));
    size_t npos = total + 1 - (kwnames ? (size_t)ktuple_len(kwnames) : 0);
    KFrame *nf;
    KCode *co = (KCode *)((KFunction *)init)->code;
    if (!kwnames && npos == (size_t)co->argcount && co->kwonlyargcount == 0 &&
        !(co->flags & (KF_CO_VARARGS | KF_CO_VARKEYWORDS))) {
        nf = kframe_push(ts, kval_newref(init), KV_NULL);
        if (nf) {
            nf->localsplus[0] = kval_newref(obj);
            memcpy(nf->localsplus + 1, base + 2, total * sizeof(KValue));
        }
    } else {
        nf = keval_push_frame(ts, init, base + 1, npos, kwnames);
        if (nf) {
            for (size_t i = 0; i < total; i++) {
                kval_decref(base[2 + i]);
            }
        }
    }
    if (!nf) {
        for (size_t i = 0; i < total; i++) {
            kval_decref(base[2 + i]);
        }
        kval_decref(obj);
        *failed = 1;
        return NULL;
    }
    nf->ret_kind = KFRAME_RET_INIT;
    return nf;
}

ssize_t keval_slot_offset(KType *t, KValue descr, int store) {
    if (kval_is_int(descr) || kval_obj(descr)->type != &kmemberdescr_type) {
        return -1;
    }
    const KDescr *d = (const KDescr *)descr;
    const KMemberDef *m = d->member;
    if (m->kind != KMEMBER_OBJECT_EX || (store && m->readonly) || !ktype_is_subtype(t, d->owner)) {
        return -1;
    }
    return m->offset;
}
