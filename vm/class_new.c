// vm/class_new.c: classes created at run time. Their instances' dealloc,
// traverse and __dict__; class creation: metaclass choice, best base and
// layout (__slots__, __dict__, __weakref__), special methods wrapped or
// turned into slots, __set_name__ and __init_subclass__.
#include "type.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "eval.h"
#include "func.h"
#include "gc.h"
#include "instdict.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "module.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "typeslots.h"
#include "weakref.h"

// ---------------------------------------------------------------------------
// Classes: instances' dealloc/traverse.

static KType *solid_dealloc_base(KType *type) {
    KType *base = type;
    while (base->flags & KTF_HEAPTYPE) {
        base = base->base;
    }
    return base;
}

static void clear_slots(KType *type, KObject *o) {
    for (KType *t = type; t && (t->flags & KTF_HEAPTYPE); t = t->base) {
        if (!t->members) {
            continue;
        }
        for (const KMemberDef *m = t->members; m->name; m++) {
            KValue *p = (KValue *)((char *)o + m->offset);
            KVAL_CLEAR(*p);
        }
    }
}

static void subtype_dealloc(KObject *o) {
    KType *type = o->type;
    if (type->finalize && (type->flags & KTF_GC)) {
        KGcHead *g = kgc_head(o);
        if (!(g->pad & 1)) {
            g->pad |= 1;
            o->refcnt = 1;
            type->finalize(kval_of(o));
            if (--o->refcnt > 0) {
                return; // resurrected
            }
        }
    }
    if (type->flags & KTF_HAS_WEAKREFS) {
        kweakref_clear_refs(o);
    }
    kgc_untrack(o);
    clear_slots(type, o);
    KValue *dp;
    if (type->flags & KTF_SHARED_KEYS) {
        kinstdict_clear(kval_of(o), type);
        dp = kinstdict_dictptr(kval_of(o), type);
    } else {
        dp = kobj_dictptr(kval_of(o));
    }
    if (dp && *dp) {
        KVAL_CLEAR(*dp);
    }
    KType *base = solid_dealloc_base(type);
    base->dealloc(o);
}

static int subtype_traverse(KObject *o, KVisitFn visit, void *arg) {
    KType *type = o->type;
    if (visit(kval_of(type), arg)) {
        return 1;
    }
    for (KType *t = type; t && (t->flags & KTF_HEAPTYPE); t = t->base) {
        if (!t->members) {
            continue;
        }
        for (const KMemberDef *m = t->members; m->name; m++) {
            KValue v = *(KValue *)((char *)o + m->offset);
            if (v && visit(v, arg)) {
                return 1;
            }
        }
    }
    KType *base = solid_dealloc_base(type);
    // The raw dict pointer: kobj_dictptr would turn values into a dict.
    KValue *dp = NULL;
    if (type->flags & KTF_SHARED_KEYS) {
        if (kinstdict_traverse(kval_of(o), type, visit, arg)) {
            return 1;
        }
        dp = kinstdict_dictptr(kval_of(o), type);
    } else if (!base->dictoffset) {
        dp = kobj_dictptr(kval_of(o));
    }
    if (dp && *dp && visit(*dp, arg)) {
        return 1;
    }
    if (base->traverse) {
        return base->traverse(o, visit, arg);
    }
    return 0;
}

static void subtype_clear(KObject *o) {
    KType *type = o->type;
    clear_slots(type, o);
    if (type->flags & KTF_SHARED_KEYS) {
        kinstdict_clear(kval_of(o), type);
    }
    KType *base = solid_dealloc_base(type);
    KValue *dp = base->dictoffset ? NULL : kobj_dictptr(kval_of(o));
    if (dp && *dp) {
        KVAL_CLEAR(*dp);
    }
    if (base->clear) {
        base->clear(o);
    }
}

// __dict__ of instances (also the getset of builtin types with a dict).
KValue kobj_generic_get_dict(KValue self) {
    KValue d = kobj_get_dict_borrow(self);
    return d ? kval_newref(d) : KV_NULL;
}

int kobj_generic_set_dict(KValue self, KValue value) {
    KValue *dp = kobj_dictptr(self);
    if (!dp) {
        kerr_set(&kexc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value && !kdict_check(value)) {
        kerr_format(&kexc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", value);
        return -1;
    }
    kval_setref(dp, kval_xnewref(value));
    return 0;
}

static const KGetSetDef subtype_getsets[] = {
    {"__dict__", kobj_generic_get_dict, kobj_generic_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

// __weakref__ of instances: the first weak reference to the object, or None.
static KValue subtype_get_weakref(KValue self) {
    return kweakref_first(self);
}

// Instances vary in size (CPython's tp_itemsize != 0; krait's str keeps its
// characters inline but is fixed-size in CPython).
static int is_varsized(KType *base) {
    return base->itemsize && !(base->flags & KTF_STR_SUBCLASS);
}

static const KGetSetDef subtype_weakref_getset = {"__weakref__", subtype_get_weakref, NULL,
                                                  "list of weak references to the object"};

// Whether a base after the first has a __weakref__ slot.
static int secondary_weakref(KType *type) {
    for (ssize_t i = 1; i < ktuple_len(type->bases); i++) {
        if (((KType *)ktuple_items(type->bases)[i])->flags & KTF_WEAKREF) {
            return 1;
        }
    }
    return 0;
}

// Gives the class its __weakref__ slot unless a base has one already, the
// base's instances vary in size, or __slots__ leave it out (laid out in
// 'layout_slots'). -1 on error.
static int add_weakref(KType *type, KType *base, KValue slots) {
    if (!slots && !(base->flags & KTF_WEAKREF) && !is_varsized(base)) {
        type->flags |= KTF_WEAKREF;
    } else if (!(type->flags & KTF_WEAKREF)) {
        type->flags |= base->flags & KTF_WEAKREF;
        if ((base->flags & KTF_WEAKREF) || is_varsized(base) || !secondary_weakref(type)) {
            return 0;
        }
        type->flags |= KTF_WEAKREF; // a secondary base provides it, as in CPython
    }
    if (kdict_get_borrow(type->dict, KID(__weakref__))) {
        return 0;
    }
    KValue d = kdescr_new_getset(type, &subtype_weakref_getset);
    int r = d ? kdict_set(type->dict, KID(__weakref__), d) : -1;
    kval_xdecref(d);
    return r;
}

// ---------------------------------------------------------------------------
// Class creation.

static KType *solid_base(KType *type) {
    KType *base = type->base ? solid_base(type->base) : type;
    if (!type->base) {
        return type;
    }
    // A type is its own solid base when it adds fields beyond a dict.
    ssize_t extra = type->basicsize - type->base->basicsize;
    // Empty __slots__ add no field: such a class shares its base's layout.
    if ((type->flags & KTF_HEAPTYPE) && type->members && type->members[0].name) {
        return type;
    }
    if (extra > 0 && !(type->flags & KTF_HEAPTYPE)) {
        return type;
    }
    return base;
}

static KType *best_base(KValue bases) {
    KType *winner = NULL, *base = NULL;
    for (ssize_t i = 0; i < ktuple_len(bases); i++) {
        KValue b = ktuple_items(bases)[i];
        if (!ktype_check(b)) {
            kerr_set(&kexc_TypeError, "bases must be types");
            return NULL;
        }
        KType *t = (KType *)b;
        if (!(t->flags & KTF_BASETYPE)) {
            kerr_format(&kexc_TypeError, "type '%s' is not an acceptable base type", t->name);
            return NULL;
        }
        KType *candidate = solid_base(t);
        if (!winner) {
            winner = candidate;
            base = t;
        } else if (ktype_is_subtype(winner, candidate)) {
            ;
        } else if (ktype_is_subtype(candidate, winner)) {
            winner = candidate;
            base = t;
        } else {
            kerr_set(&kexc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static KType *calculate_metaclass(KType *meta, KValue bases) {
    KType *winner = meta;
    for (ssize_t i = 0; i < ktuple_len(bases); i++) {
        KType *t = kval_type(ktuple_items(bases)[i]);
        if (ktype_is_subtype(winner, t)) {
            continue;
        }
        if (ktype_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        kerr_set(&kexc_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

// Wraps plain functions in the dict as staticmethod/classmethod where the
// language says so (__new__, __init_subclass__, __class_getitem__).
static int wrap_special(KValue dict, KValue name, KType *wrapper) {
    KValue f = kdict_get_borrow(dict, name);
    if (!f || kval_type(f) != &kfunction_type) {
        return 0;
    }
    KValue w = kobj_call1(kval_of(wrapper), f);
    if (!w) {
        return -1;
    }
    int r = kdict_set(dict, name, w);
    kval_decref(w);
    return r;
}

// Lays out __slots__: fills 'type->members' and the basicsize. Returns 1
// when the instances get a __dict__, 0 when not, -1 on error.
static int layout_slots(KType *type, KType *base, KValue slots) {
    KValue seq;
    if (kstr_check(slots)) {
        seq = ktuple_pack(1, slots);
    } else {
        seq = ktuple_from_iterable(slots);
    }
    if (!seq) {
        return -1;
    }
    ssize_t n = ktuple_len(seq);
    if (n && base->itemsize) {
        kerr_format(&kexc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                    ktype_name(base));
        kval_decref(seq);
        return -1;
    }
    int add_dict = 0, count = 0;
    for (ssize_t i = 0; i < n; i++) {
        KValue s = ktuple_items(seq)[i];
        if (!kstr_check(s)) {
            kerr_format(&kexc_TypeError, "__slots__ items must be strings, not '%T'", s);
            kval_decref(seq);
            return -1;
        }
        if (!kstr_is_identifier(s)) {
            kerr_set(&kexc_TypeError, "__slots__ must be identifiers");
            kval_decref(seq);
            return -1;
        }
        if (kstr_eq_cstr(s, "__dict__")) {
            if (base->dictoffset || add_dict) {
                kerr_set(&kexc_TypeError, "__dict__ slot disallowed: we already got one");
                kval_decref(seq);
                return -1;
            }
            add_dict = 1;
        } else if (kstr_eq_cstr(s, "__weakref__")) {
            if ((base->flags & KTF_WEAKREF) || is_varsized(base) || (type->flags & KTF_WEAKREF)) {
                kerr_set(&kexc_TypeError, "__weakref__ slot disallowed: either we already got "
                                          "one, or __itemsize__ != 0");
                kval_decref(seq);
                return -1;
            }
            type->flags |= KTF_WEAKREF;
        } else {
            count++;
        }
    }
    KMemberDef *members = kmem_zalloc((size_t)(count + 1) * sizeof(KMemberDef));
    if (!members) {
        kval_decref(seq);
        kerr_no_memory();
        return -1;
    }
    int k = 0;
    for (ssize_t i = 0; i < n; i++) {
        KValue s = ktuple_items(seq)[i];
        if (kstr_eq_cstr(s, "__dict__") || kstr_eq_cstr(s, "__weakref__")) {
            continue;
        }
        if (kdict_get_borrow(type->dict, s)) {
            kerr_format(&kexc_ValueError, "%R in __slots__ conflicts with class variable", s);
            kmem_free(members);
            kval_decref(seq);
            return -1;
        }
        KValue mangled = kval_newref(s);
        KStr *ss = (KStr *)s;
        if (ss->len > 2 && kstr_char(ss, 0) == '_' && kstr_char(ss, 1) == '_' &&
            !(kstr_char(ss, ss->len - 1) == '_' && kstr_char(ss, ss->len - 2) == '_')) {
            KValue cname = type->ht_name;
            KStr *cs = (KStr *)cname;
            ssize_t skip = 0;
            while (skip < cs->len && kstr_char(cs, skip) == '_') {
                skip++;
            }
            KValue stripped = kstr_substr(cname, skip, cs->len);
            if (stripped) {
                kval_setref(&mangled, kstr_from_format("_%U%U", stripped, s));
                kval_decref(stripped);
            }
        }
        const char *u = mangled ? kstr_utf8(mangled, NULL) : NULL;
        members[k].name = u ? kmem_strdup(u) : NULL;
        kval_xdecref(mangled);
        members[k].kind = KMEMBER_OBJECT_EX;
        members[k].offset = type->basicsize;
        type->basicsize += sizeof(KValue);
        k++;
    }
    type->members = members;
    kval_setref(&type->ht_slots, seq);
    return add_dict;
}

void ktype_free_members(KType *type) {
    if (!type->members) {
        return;
    }
    for (const KMemberDef *m = type->members; m->name; m++) {
        kmem_free((void *)m->name);
    }
    kmem_free((void *)type->members);
    type->members = NULL;
}

static int set_names(KType *type) {
    KValue items = kdict_items_list(type->dict);
    if (!items) {
        return -1;
    }
    for (ssize_t i = 0; i < klist_len(items); i++) {
        KValue pair = klist_items(items)[i];
        KValue name = ktuple_items(pair)[0], value = ktuple_items(pair)[1];
        int found;
        KValue args[2] = {kval_of(type), name};
        KValue r = kobj_call_special(value, KID(__set_name__), args, 2, &found);
        if (!r && found) {
            KValue exc = kerr_fetch();
            kerr_format(&kexc_RuntimeError, "Error calling __set_name__ on '%T' instance %R in '%s'",
                        value, name, type->name);
            KValue e = kerr_occurred();
            if (e) {
                kval_setref(&((KException *)e)->cause, kval_newref(exc));
            }
            kval_decref(exc);
            kval_decref(items);
            return -1;
        }
        if (!r && kerr_occurred()) {
            kval_decref(items);
            return -1;
        }
        kval_xdecref(r);
    }
    kval_decref(items);
    return 0;
}

static int init_subclass(KType *type, KValue kwargs) {
    KValue sup = kobj_call2(kval_of(&ksuper_type), kval_of(type), kval_of(type));
    if (!sup) {
        return -1;
    }
    KValue f = kobj_getattr(sup, KID(__init_subclass__));
    kval_decref(sup);
    if (!f) {
        return -1;
    }
    KValue empty = ktuple_new(0);
    KValue r = empty ? kobj_call_tuple(f, empty, kwargs) : KV_NULL;
    kval_xdecref(empty);
    kval_decref(f);
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

// The MRO of a new class: C3, or what its metaclass's own mro() returns
// (a metaclass may override type.mro), checked to hold only types whose
// layout the class extends.
static KValue compute_mro(KType *type) {
    KType *meta = kval_type(kval_of(type));
    if (meta == &ktype_type || ktype_lookup(meta, KID(mro)) == ktype_lookup(&ktype_type, KID(mro))) {
        return ktype_mro_of(type);
    }
    KValue r = kobj_call_method(kval_of(type), KID(mro), NULL, 0);
    if (!r) {
        return KV_NULL;
    }
    KValue mro = ktuple_from_iterable(r);
    kval_decref(r);
    if (!mro) {
        return KV_NULL;
    }
    KType *solid = solid_base(type);
    for (ssize_t i = 0; i < ktuple_len(mro); i++) {
        KValue t = ktuple_items(mro)[i];
        if (!ktype_check(t)) {
            kerr_format(&kexc_TypeError, "mro() returned a non-class ('%T')", t);
            kval_decref(mro);
            return KV_NULL;
        }
        if (!ktype_is_subtype(solid, solid_base((KType *)t))) {
            kerr_format(&kexc_TypeError, "mro() returned base with unsuitable layout ('%s')",
                        ktype_name((KType *)t));
            kval_decref(mro);
            return KV_NULL;
        }
    }
    return mro;
}

// type(name, bases, dict, **kwargs) whose bases call for a more derived
// metaclass 'winner' with its own __new__: that __new__ gets the keywords too
// (enum's _simple_enum passes boundary= and _simple=).
static KValue new_with_winner(KType *winner, KValue name, KValue bases, KValue dict,
                              KValue kwargs) {
    ssize_t nkw = kwargs ? kdict_len(kwargs) : 0;
    KValue *args = kmem_alloc((size_t)(3 + nkw) * sizeof(KValue));
    KValue kwnames = nkw ? ktuple_new(nkw) : KV_NULL;
    if (!args || (nkw && !kwnames)) {
        kmem_free(args);
        kval_xdecref(kwnames);
        return kerr_no_memory();
    }
    args[0] = name;
    args[1] = bases;
    args[2] = dict;
    ssize_t pos = 0, i = 0;
    KValue k, v;
    while (kwargs && kdict_next(kwargs, &pos, &k, &v)) {
        ktuple_items(kwnames)[i] = kval_newref(k);
        args[3 + i++] = v;
    }
    KValue r = winner->new_(winner, args, 3, kwnames);
    kmem_free(args);
    kval_xdecref(kwnames);
    return r;
}

KValue ktype_new_class(KType *meta, KValue name, KValue bases, KValue dict, KValue kwargs) {
    if (!kstr_check(name)) {
        kerr_format(&kexc_TypeError, "type.__new__() argument 1 must be str, not %T", name);
        return KV_NULL;
    }
    if (!ktuple_check(bases)) {
        kerr_format(&kexc_TypeError, "type.__new__() argument 2 must be tuple, not %T", bases);
        return KV_NULL;
    }
    if (!kdict_check(dict)) {
        kerr_format(&kexc_TypeError, "type.__new__() argument 3 must be dict, not %T", dict);
        return KV_NULL;
    }
    KType *winner = calculate_metaclass(meta, bases);
    if (!winner) {
        return KV_NULL;
    }
    if (winner != meta && winner->new_ != ktype_type.new_) {
        return new_with_winner(winner, name, bases, dict, kwargs);
    }
    meta = winner;
    KValue owned_bases = KV_NULL;
    if (ktuple_len(bases) == 0) {
        owned_bases = ktuple_pack(1, kval_of(&kobject_type));
        if (!owned_bases) {
            return KV_NULL;
        }
        bases = owned_bases;
    } else {
        owned_bases = kval_newref(bases);
    }
    KType *base = best_base(bases);
    if (!base) {
        kval_decref(owned_bases);
        return KV_NULL;
    }
    KType *type = (KType *)kobj_alloc(meta, (size_t)meta->basicsize);
    if (!type) {
        kval_decref(owned_bases);
        return kerr_no_memory();
    }
    type->flags = KTF_HEAPTYPE | KTF_BASETYPE | KTF_GC | KTF_READY;
    type->nb = &((KHeapType *)type)->nb_storage;
    type->flags |= base->flags & (KTF_INT_SUBCLASS | KTF_LIST_SUBCLASS | KTF_TUPLE_SUBCLASS |
                                  KTF_BYTES_SUBCLASS | KTF_STR_SUBCLASS | KTF_DICT_SUBCLASS |
                                  KTF_EXC_SUBCLASS | KTF_TYPE_SUBCLASS | KTF_SEQUENCE |
                                  KTF_MAPPING);
    type->bases = owned_bases;
    type->base = base;
    kval_incref(kval_of(base));
    type->ht_name = kval_newref(name);
    kstr_intern(&type->ht_name);
    ssize_t name_len;
    type->name = kstr_utf8(type->ht_name, &name_len);
    type->basicsize = base->basicsize;
    type->itemsize = base->itemsize;
    type->dictoffset = base->dictoffset;
    type->buffer = base->buffer; // the layout's: no special method sets it (3.11)
    type->dealloc = subtype_dealloc;
    type->traverse = subtype_traverse;
    type->clear = subtype_clear;
    type->dict = kdict_copy(dict);
    if (!type->dict || !type->name) {
        goto error;
    }
    if (strlen(type->name) != (size_t)name_len) {
        kerr_set(&kexc_ValueError, "type name must not contain null characters");
        goto error;
    }
    // __qualname__
    KValue qualname = kdict_get_borrow(type->dict, KID(__qualname__));
    if (qualname) {
        if (!kstr_check(qualname)) {
            kerr_format(&kexc_TypeError, "type __qualname__ must be a str, not %T", qualname);
            goto error;
        }
        type->ht_qualname = kval_newref(qualname);
        if (kdict_del(type->dict, KID(__qualname__)) < 0) {
            goto error;
        }
    } else {
        type->ht_qualname = kval_newref(type->ht_name);
    }
    // __module__ from the caller's globals.
    if (!kdict_get_borrow(type->dict, KID(__module__))) {
        KValue globals = keval_globals();
        KValue modname = globals ? kdict_get_borrow(globals, KID(__name__)) : KV_NULL;
        if (modname && kdict_set(type->dict, KID(__module__), modname) < 0) {
            goto error;
        }
    }
    // __slots__ and __dict__
    int add_dict;
    KValue slots = kdict_get_borrow(type->dict, KID(__slots__));
    if (slots) {
        add_dict = layout_slots(type, base, slots);
        if (add_dict < 0) {
            goto error;
        }
        add_dict = add_dict && !base->dictoffset;
        // Secondary bases may provide a __dict__ (CPython's type_new_slots):
        // minidom's ProcessingInstruction(Childless, Node) gets one from Node.
        for (ssize_t i = 1; !add_dict && !base->dictoffset && i < ktuple_len(type->bases); i++) {
            add_dict = ((KType *)ktuple_items(type->bases)[i])->dictoffset != 0;
        }
    } else {
        add_dict = !base->dictoffset;
    }
    if (add_dict) {
        if (base->itemsize && (base->flags & (KTF_TUPLE_SUBCLASS | KTF_BYTES_SUBCLASS))) {
            type->dictoffset = -1;
        } else if (!base->itemsize) {
            // The dict pointer, then the values of shared keys (instdict.h).
            type->dictoffset = type->basicsize;
            type->basicsize += 2 * sizeof(KValue);
            type->flags |= KTF_SHARED_KEYS;
        } else {
            type->dictoffset = type->basicsize;
            type->basicsize += sizeof(KValue);
        }
    } else {
        type->flags |= base->flags & KTF_SHARED_KEYS;
    }
    if (type->dictoffset && !ktype_lookup(base, KID(__dict__))) {
        type->getsets = subtype_getsets;
    } else if (add_dict) {
        type->getsets = subtype_getsets;
    }
    if (type->getsets && !kdict_get_borrow(type->dict, KID(__dict__))) {
        KValue d = kdescr_new_getset(type, &type->getsets[0]);
        if (!d || kdict_set(type->dict, KID(__dict__), d) < 0) {
            kval_xdecref(d);
            goto error;
        }
        kval_decref(d);
    }
    if (add_weakref(type, base, slots) < 0) {
        goto error;
    }
    if (type->members) {
        for (const KMemberDef *m = type->members; m->name; m++) {
            KValue d = kdescr_new_member(type, m);
            if (!d || kdict_set_cstr(type->dict, m->name, d) < 0) {
                kval_xdecref(d);
                goto error;
            }
            kval_decref(d);
        }
    }
    if (!kdict_get_borrow(type->dict, KID(__doc__)) &&
        kdict_set(type->dict, KID(__doc__), KV_NONE) < 0) {
        goto error;
    }
    if (wrap_special(type->dict, KID(__new__), &kstaticmethod_type) < 0 ||
        wrap_special(type->dict, KID(__init_subclass__), &kclassmethod_type) < 0 ||
        wrap_special(type->dict, KID(__class_getitem__), &kclassmethod_type) < 0) {
        goto error;
    }
    if (kdict_get_borrow(type->dict, KID(__eq__)) && !kdict_get_borrow(type->dict, KID(__hash__)) &&
        kdict_set(type->dict, KID(__hash__), KV_NONE) < 0) {
        goto error;
    }
    type->mro = compute_mro(type);
    if (!type->mro) {
        goto error;
    }
    for (ssize_t i = 0; i < ktuple_len(bases); i++) {
        if (ktype_add_subclass((KType *)ktuple_items(bases)[i], type) < 0) {
            goto error;
        }
    }
    ktypeslots_fixup(type);
    if (!type->getattro) {
        type->getattro = kobj_generic_getattr;
    }
    if (!type->setattro) {
        type->setattro = kobj_generic_setattr;
    }
    if (!type->repr) {
        type->repr = kobject_type.repr;
    }
    if (!type->str) {
        type->str = kobject_type.str;
    }
    if (kdict_get_borrow(type->dict, KID(__abstractmethods__))) {
        KValue am = kdict_get_borrow(type->dict, KID(__abstractmethods__));
        int t = kobj_is_true(am);
        if (t < 0) {
            goto error;
        }
        if (t) {
            type->flags |= KTF_ABSTRACT;
        }
    }
    // __classcell__
    KValue cell = kdict_get_borrow(type->dict, KID(__classcell__));
    if (cell) {
        if (kval_type(cell) != &kcell_type) {
            kerr_format(&kexc_TypeError, "__classcell__ must be a nonlocal cell, not %T", cell);
            goto error;
        }
        kval_setref(&((KCell *)cell)->ref, kval_newref(kval_of(type)));
        if (kdict_del(type->dict, KID(__classcell__)) < 0) {
            goto error;
        }
    }
    if (set_names(type) < 0 || init_subclass(type, kwargs) < 0) {
        goto error;
    }
    return kval_of(type);
error:
    kval_decref(kval_of(type));
    return KV_NULL;
}


// ---------------------------------------------------------------------------
// Assigning __bases__.

// Recomputes the MRO of 'type' and, recursively, of its subclasses, and
// reassigns their slots, which may now be inherited from elsewhere.
static int remake_mro(KType *type) {
    KValue mro = compute_mro(type);
    if (!mro) {
        return -1;
    }
    kval_setref(&type->mro, mro);
    ktypeslots_fixup(type);
    for (int i = 0; i < type->nsubclasses; i++) {
        if (remake_mro(type->subclasses[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// Two classes that each add the same __slots__ to the same layout.
static int same_slots_added(KType *a, KType *b) {
    if (!(a->flags & KTF_HEAPTYPE) || !(b->flags & KTF_HEAPTYPE) || !a->ht_slots ||
        !b->ht_slots || a->basicsize != b->basicsize ||
        solid_base(a->base) != solid_base(b->base)) {
        return 0;
    }
    int r = kobj_richcompare_bool(a->ht_slots, b->ht_slots, KF_CMP_EQ);
    if (r < 0) {
        kerr_clear();
    }
    return r > 0;
}

// Whether instances laid out for 'old' can belong to a class based on 'new'
// (CPython's compatible_for_assignment, reduced to krait's layouts).
static int same_layout(KType *new, KType *old) {
    KType *a = solid_base(new), *b = solid_base(old);
    if (new->dealloc != old->dealloc) {
        kerr_format(&kexc_TypeError, "__bases__ assignment: '%s' deallocator differs from '%s'",
                    ktype_name(new), ktype_name(old));
        return 0;
    }
    if ((a != b && !same_slots_added(a, b)) || !new->dictoffset != !old->dictoffset) {
        kerr_format(&kexc_TypeError, "__bases__ assignment: '%s' object layout differs from '%s'",
                    ktype_name(new), ktype_name(old));
        return 0;
    }
    return 1;
}

static int check_new_bases(KType *type, KValue value) {
    if (!ktuple_check(value)) {
        kerr_format(&kexc_TypeError, "can only assign tuple to %s.__bases__, not %T",
                    ktype_name(type), value);
        return -1;
    }
    if (ktuple_len(value) == 0) {
        kerr_format(&kexc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                    ktype_name(type));
        return -1;
    }
    for (ssize_t i = 0; i < ktuple_len(value); i++) {
        KValue b = ktuple_items(value)[i];
        if (!ktype_check(b)) {
            kerr_format(&kexc_TypeError, "%s.__bases__ must be tuple of classes, not '%T'",
                        ktype_name(type), b);
            return -1;
        }
        if (ktype_is_subtype((KType *)b, type)) {
            kerr_set(&kexc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    return 0;
}

int ktype_set_bases(KValue self, KValue value) {
    KType *type = (KType *)self;
    if (!value) {
        kerr_format(&kexc_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'",
                    ktype_name(type));
        return -1;
    }
    if (check_new_bases(type, value) < 0) {
        return -1;
    }
    KType *new_base = best_base(value);
    if (!new_base || !same_layout(new_base, type->base)) {
        return -1;
    }
    KValue old_bases = type->bases;
    KType *old_base = type->base;
    type->bases = kval_newref(value);
    type->base = (KType *)kval_newref(kval_of(new_base));
    ktype_modified(type);
    if (remake_mro(type) < 0) {
        // Put everything back; the old MROs were valid.
        kval_decref(type->bases);
        kval_decref(kval_of(type->base));
        type->bases = old_bases;
        type->base = old_base;
        ktype_modified(type);
        KValue exc = kerr_fetch();
        if (remake_mro(type) < 0) {
            kerr_clear();
        }
        kerr_restore(exc);
        return -1;
    }
    for (ssize_t i = 0; i < ktuple_len(old_bases); i++) {
        ktype_remove_subclass((KType *)ktuple_items(old_bases)[i], type);
    }
    for (ssize_t i = 0; i < ktuple_len(value); i++) {
        if (ktype_add_subclass((KType *)ktuple_items(value)[i], type) < 0) {
            kval_decref(old_bases);
            kval_decref(kval_of(old_base));
            return -1;
        }
    }
    kval_decref(old_bases);
    kval_decref(kval_of(old_base));
    return 0;
}
