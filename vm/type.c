// vm/type.c: 'type' itself. Readying builtin types (base, MRO, slot
// inheritance, their dicts), the C3 MRO, attribute lookup along the MRO
// behind a global cache keyed by the type's version tag, the type type's
// slots, methods and attributes. 'object' is in baseobject.c, classes
// created at run time in class_new.c.
#include "type.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "doc.h"
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

// Deallocation depth guard (CPython's "trashcan"): freeing a long chain (a
// linked list of a million nodes) would recurse in C once per node and
// overflow the stack. Past MAX_DEALLOC_DEPTH nested deallocations, dying
// objects are queued and the outermost call frees them one by one. The queue
// is linked through the dead objects' own refcount fields.
enum { MAX_DEALLOC_DEPTH = 1000 };
static _Thread_local int dealloc_depth;
static _Thread_local KObject *dealloc_pending;

// Runs the type's dealloc; a builtin type's weak references die first (a
// class's die in subtype_dealloc, after __del__).
static inline void dealloc_now(KObject *o) {
    if (K_UNLIKELY((o->type->flags & (KTF_HAS_WEAKREFS | KTF_HEAPTYPE)) == KTF_HAS_WEAKREFS)) {
        kweakref_clear_refs(o);
    }
    o->type->dealloc(o);
}

void kobj_dealloc(KObject *o) {
    if (dealloc_depth >= MAX_DEALLOC_DEPTH) {
        o->refcnt = (intptr_t)dealloc_pending;
        dealloc_pending = o;
        return;
    }
    dealloc_depth++;
    dealloc_now(o);
    dealloc_depth--;
    while (dealloc_depth == 0 && dealloc_pending) {
        KObject *next = dealloc_pending;
        dealloc_pending = (KObject *)next->refcnt;
        next->refcnt = 0;
        dealloc_depth++;
        dealloc_now(next);
        dealloc_depth--;
    }
}

const char *ktype_name(KType *type) {
    return type->name;
}

const char *ktype_short_name(KType *type) {
    if (type->flags & KTF_HEAPTYPE) {
        return type->name;
    }
    const char *dot = strrchr(type->name, '.');
    return dot ? dot + 1 : type->name;
}

int ktype_is_subtype(KType *a, KType *b) {
    if (a == b) {
        return 1;
    }
    if (a->mro) {
        KValue *items = ktuple_items(a->mro);
        ssize_t n = ktuple_len(a->mro);
        for (ssize_t i = 0; i < n; i++) {
            if (items[i] == kval_of(b)) {
                return 1;
            }
        }
        return 0;
    }
    for (KType *t = a->base; t; t = t->base) {
        if (t == b) {
            return 1;
        }
    }
    return b == &kobject_type;
}

// ---------------------------------------------------------------------------
// Lookup along the MRO, with the method cache.

#define MCACHE_SIZE 4096

typedef struct MCacheEntry {
    uint32_t version;
    KValue name;
    KValue value; // borrowed: any change to the dicts bumps the version
} MCacheEntry;

static MCacheEntry mcache[MCACHE_SIZE];
static uint32_t next_version = 1;

// Looks 'name' up in the dicts along the MRO of 'type'. Sets '*failed' when
// a lazy dict could not be built (the exception is dropped: a lookup raises
// nothing), so the caller does not cache the result.
static KValue find_in_mro(KType *type, KValue name, int *failed) {
    KValue mro = type->mro;
    if (!mro) {
        for (KType *t = type; t; t = t->base) {
            KValue d = ktype_dict(t);
            if (!d && (t->flags & KTF_LAZY_DICT)) {
                kerr_clear();
                *failed = 1;
            }
            if (d) {
                KValue v = kdict_get_str_borrow(d, name);
                if (v) {
                    return v;
                }
            }
        }
        return KV_NULL;
    }
    KValue *items = ktuple_items(mro);
    ssize_t n = ktuple_len(mro);
    for (ssize_t i = 0; i < n; i++) {
        KType *t = (KType *)items[i];
        KValue d = ktype_dict(t);
        if (!d) {
            kerr_clear();
            *failed = 1;
            continue;
        }
        KValue v = kdict_get_str_borrow(d, name);
        if (v) {
            return v;
        }
    }
    return KV_NULL;
}

KValue ktype_lookup(KType *type, KValue name) {
    KStr *s = (KStr *)name;
    int failed = 0;
    if (s->interned && type->version) {
        size_t h = ((size_t)type->version * 2654435761u ^ ((size_t)name >> 4)) & (MCACHE_SIZE - 1);
        MCacheEntry *e = &mcache[h];
        if (e->version == type->version && e->name == name) {
            return e->value;
        }
        KValue v = find_in_mro(type, name, &failed);
        if (!failed) {
            e->version = type->version;
            e->name = name;
            e->value = v;
        }
        return v;
    }
    KValue v = find_in_mro(type, name, &failed);
    if (s->interned && next_version != 0 && type->mro && !failed) {
        type->version = next_version++;
        size_t h = ((size_t)type->version * 2654435761u ^ ((size_t)name >> 4)) & (MCACHE_SIZE - 1);
        mcache[h].version = type->version;
        mcache[h].name = name;
        mcache[h].value = v;
    }
    return v;
}

void ktype_modified(KType *type) {
    type->version = 0;
    for (int i = 0; i < type->nsubclasses; i++) {
        ktype_modified(type->subclasses[i]);
    }
}

int ktype_add_subclass(KType *base, KType *sub) {
    if (base->nsubclasses == base->capsubclasses) {
        int cap = base->capsubclasses ? base->capsubclasses * 2 : 4;
        KType **a = kmem_realloc(base->subclasses, (size_t)cap * sizeof(KType *));
        if (!a) {
            kerr_no_memory();
            return -1;
        }
        base->subclasses = a;
        base->capsubclasses = cap;
    }
    base->subclasses[base->nsubclasses++] = sub;
    return 0;
}

void ktype_remove_subclass(KType *base, KType *sub) {
    for (int i = 0; i < base->nsubclasses; i++) {
        if (base->subclasses[i] == sub) {
            base->subclasses[i] = base->subclasses[--base->nsubclasses];
            return;
        }
    }
}

// ---------------------------------------------------------------------------
// The MRO (C3 linearisation).

static int tail_contains(KValue list, ssize_t from, KValue t) {
    for (ssize_t i = from; i < klist_len(list); i++) {
        if (klist_items(list)[i] == t) {
            return 1;
        }
    }
    return 0;
}

// The tuple of 'type''s bases, borrowed. A static type's is made when first
// asked for (start-up readies some 170 types, whose __bases__ few programs
// read); KV_NULL with MemoryError.
static KValue bases_borrow(KType *type) {
    if (!type->bases) {
        type->bases = type->base ? ktuple_pack(1, kval_of(type->base)) : ktuple_new(0);
    }
    return type->bases;
}

KValue ktype_mro_of(KType *type) {
    KValue bases = bases_borrow(type);
    if (!bases) {
        return KV_NULL;
    }
    ssize_t n = ktuple_len(bases);
    // One list per base's MRO, plus the list of bases.
    KValue seqs = klist_new(0), heads = KV_NULL, result = KV_NULL;
    if (!seqs) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        KType *b = (KType *)ktuple_items(bases)[i];
        for (ssize_t j = i + 1; j < n; j++) {
            if (ktuple_items(bases)[j] == kval_of(b)) {
                kerr_format(&kexc_TypeError, "duplicate base class %s", ktype_name(b));
                goto error;
            }
        }
        KValue l = klist_from_iterable(b->mro);
        if (!l || klist_append(seqs, l) < 0) {
            kval_xdecref(l);
            goto error;
        }
        kval_decref(l);
    }
    KValue bl = klist_from_iterable(bases);
    if (!bl || klist_append(seqs, bl) < 0) {
        kval_xdecref(bl);
        goto error;
    }
    kval_decref(bl);
    ssize_t nseq = klist_len(seqs);
    ssize_t *pos = kmem_zalloc((size_t)nseq * sizeof(ssize_t));
    result = klist_new(0);
    if (!pos || !result || klist_append(result, kval_of(type)) < 0) {
        kmem_free(pos);
        goto error;
    }
    for (;;) {
        int empty = 1;
        KValue candidate = KV_NULL;
        for (ssize_t i = 0; i < nseq; i++) {
            KValue s = klist_items(seqs)[i];
            if (pos[i] >= klist_len(s)) {
                continue;
            }
            empty = 0;
            KValue c = klist_items(s)[pos[i]];
            int ok = 1;
            for (ssize_t j = 0; j < nseq && ok; j++) {
                if (tail_contains(klist_items(seqs)[j], pos[j] + 1, c)) {
                    ok = 0;
                }
            }
            if (ok) {
                candidate = c;
                break;
            }
        }
        if (empty) {
            break;
        }
        if (!candidate) {
            KStrBuilder b;
            kstr_builder_init(&b);
            kstr_builder_cstr(&b, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            int first = 1;
            for (ssize_t i = 0; i < nseq; i++) {
                KValue s = klist_items(seqs)[i];
                if (pos[i] < klist_len(s)) {
                    KType *t = (KType *)klist_items(s)[pos[i]];
                    int dup = 0;
                    for (ssize_t j = 0; j < i; j++) {
                        KValue s2 = klist_items(seqs)[j];
                        if (pos[j] < klist_len(s2) && klist_items(s2)[pos[j]] == kval_of(t)) {
                            dup = 1;
                        }
                    }
                    if (dup) {
                        continue;
                    }
                    if (!first) {
                        kstr_builder_ascii(&b, ", ", 2);
                    }
                    first = 0;
                    kstr_builder_cstr(&b, ktype_short_name(t));
                }
            }
            KValue msg = kstr_builder_finish(&b);
            if (msg) {
                kerr_set_value(&kexc_TypeError, msg);
                kval_decref(msg);
            }
            kmem_free(pos);
            goto error;
        }
        if (klist_append(result, candidate) < 0) {
            kmem_free(pos);
            goto error;
        }
        for (ssize_t i = 0; i < nseq; i++) {
            KValue s = klist_items(seqs)[i];
            if (pos[i] < klist_len(s) && klist_items(s)[pos[i]] == candidate) {
                pos[i]++;
            }
        }
    }
    kmem_free(pos);
    kval_decref(seqs);
    KValue t = klist_as_tuple(result);
    kval_decref(result);
    return t;
error:
    kval_xdecref(seqs);
    kval_xdecref(heads);
    kval_xdecref(result);
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// Readying static types.

#define COPY_SLOT(field)                                                                         \
    if (!type->field) {                                                                          \
        type->field = base->field;                                                               \
    }

const KNumberSlots kno_number_slots;

#define COPY_NB_SLOT(field)                                                                      \
    if (!nb->field) {                                                                            \
        nb->field = base->field;                                                                 \
    }

// Fills the slots of 'nb' (a static type's own table) that it leaves empty
// from its base's table.
static void inherit_number_slots(KNumberSlots *nb, const KNumberSlots *base) {
    for (int i = 0; i < KNB_COUNT; i++) {
        COPY_NB_SLOT(binop[i])
        COPY_NB_SLOT(inplace[i])
    }
    COPY_NB_SLOT(divmod)
    COPY_NB_SLOT(power)
    COPY_NB_SLOT(negative)
    COPY_NB_SLOT(positive)
    COPY_NB_SLOT(absolute)
    COPY_NB_SLOT(invert)
    COPY_NB_SLOT(to_int)
    COPY_NB_SLOT(to_float)
    COPY_NB_SLOT(index)
    COPY_NB_SLOT(to_bool)
}

static void inherit_slots(KType *type, KType *base) {
    COPY_SLOT(dealloc)
    COPY_SLOT(repr)
    COPY_SLOT(str)
    COPY_SLOT(getattro)
    COPY_SLOT(setattro)
    COPY_SLOT(iternext)
    COPY_SLOT(descr_get)
    COPY_SLOT(descr_set)
    // As CPython: a static type deriving straight from object without a
    // constructor of its own cannot be instantiated ("cannot create
    // 'posix.DirEntry' instances").
    if (base != &kobject_type || (type->flags & KTF_HEAPTYPE)) {
        COPY_SLOT(new_)
    }
    COPY_SLOT(init)
    COPY_SLOT(finalize)
    COPY_SLOT(len)
    COPY_SLOT(getitem)
    COPY_SLOT(setitem)
    COPY_SLOT(contains)
    COPY_SLOT(buffer)
    COPY_SLOT(call)
    COPY_SLOT(iter)
    if (!type->richcompare && !type->hash) {
        type->richcompare = base->richcompare;
        type->hash = base->hash;
    }
    if ((type->flags & KTF_GC) && (base->flags & KTF_GC)) {
        COPY_SLOT(traverse)
        COPY_SLOT(clear)
    }
    // A static type without number slots shares its base's table (most
    // have none: object, the exceptions, the iterators...); one with a table
    // of its own (bool's, over int's) fills the rest of it in. A class's
    // slots come from its special methods (ktypeslots_fixup).
    if (!(type->flags & KTF_HEAPTYPE)) {
        if (!type->nb) {
            type->nb = base->nb;
        } else if (base->nb && base->nb != type->nb) {
            inherit_number_slots(type->nb, base->nb);
        }
    }
    if (!type->basicsize) {
        type->basicsize = base->basicsize;
    }
    if (!type->itemsize) {
        type->itemsize = base->itemsize;
    }
    if (!type->dictoffset) {
        type->dictoffset = base->dictoffset;
    }
    if (!(type->flags & (KTF_SEQUENCE | KTF_MAPPING))) {
        type->flags |= base->flags & (KTF_SEQUENCE | KTF_MAPPING);
    }
    type->flags |= base->flags & (KTF_INT_SUBCLASS | KTF_LIST_SUBCLASS | KTF_TUPLE_SUBCLASS |
                                  KTF_BYTES_SUBCLASS | KTF_STR_SUBCLASS | KTF_DICT_SUBCLASS |
                                  KTF_EXC_SUBCLASS | KTF_TYPE_SUBCLASS);
}

static int add_to_dict(KType *type) {
    KValue dict = type->dict;
    if (type->methods) {
        for (const KMethodDef *m = type->methods; m->name; m++) {
            KValue d;
            if (m->flags & KMETH_STATIC) {
                KValue f = kcfunc_new(m, KV_NULL, KV_NULL);
                d = f ? kobj_call1(kval_of(&kstaticmethod_type), f) : KV_NULL;
                kval_xdecref(f);
            } else {
                d = kdescr_new_method(type, m);
            }
            if (!d || kdict_set_cstr(dict, m->name, d) < 0) {
                kval_xdecref(d);
                return -1;
            }
            kval_decref(d);
        }
    }
    if (type->members) {
        for (const KMemberDef *m = type->members; m->name; m++) {
            KValue d = kdescr_new_member(type, m);
            if (!d || kdict_set_cstr(dict, m->name, d) < 0) {
                kval_xdecref(d);
                return -1;
            }
            kval_decref(d);
        }
    }
    if (type->getsets) {
        for (const KGetSetDef *g = type->getsets; g->name; g++) {
            KValue d = kdescr_new_getset(type, g);
            if (!d || kdict_set_cstr(dict, g->name, d) < 0) {
                kval_xdecref(d);
                return -1;
            }
            kval_decref(d);
        }
    }
    return 0;
}

static KValue tp_new_wrapper(KValue self, const KValue *args, size_t nargs, KValue kwnames);
static const KMethodDef tp_new_def = {"__new__", tp_new_wrapper, KMETH_KW,
                                      "Create and return a new object."};

KValue ktype_new_wrapper_self(KValue f) {
    if (kval_type(f) == &kcfunction_type && ((KCFunction *)f)->def == &tp_new_def) {
        return ((KCFunction *)f)->self;
    }
    if (kval_type(f) == &kstaticmethod_type) {
        return ktype_new_wrapper_self(((KSMethod *)f)->func);
    }
    return KV_NULL;
}

int ktype_fill_dict(KType *type) {
    // Cleared first: building the dict looks types up (this one included).
    type->flags &= ~(uint32_t)KTF_LAZY_DICT;
    if (!type->dict && !(type->dict = kdict_new())) {
        goto error;
    }
    if (add_to_dict(type) < 0 || ktypeslots_add_wrappers(type) < 0) {
        goto error;
    }
    if (type->new_ && (!type->base || type->new_ != type->base->new_ || type == &kobject_type) &&
        !kdict_get_borrow(type->dict, KID(__new__))) {
        KValue f = kcfunc_new(&tp_new_def, kval_of(type), KV_NULL);
        if (!f || kdict_set(type->dict, KID(__new__), f) < 0) {
            kval_xdecref(f);
            goto error;
        }
        kval_decref(f);
    }
    if (!kdict_get_borrow(type->dict, KID(__doc__))) {
        KValue doc = kdoc_get(type->name, type->doc);
        if (!doc || kdict_set(type->dict, KID(__doc__), doc) < 0) {
            kval_xdecref(doc);
            goto error;
        }
        kval_decref(doc);
    }
    return 0;
error:
    type->flags |= KTF_LAZY_DICT;
    return -1;
}

int ktype_ready(KType *type) {
    if (type->flags & KTF_READY) {
        return 0;
    }
    if (!type->base && type != &kobject_type) {
        type->base = &kobject_type;
    }
    if (type->base && !(type->base->flags & KTF_READY) && ktype_ready(type->base) < 0) {
        return -1;
    }
    type->flags |= KTF_READY;
    if (!type->type) {
        type->type = &ktype_type;
    }
    type->refcnt = KOBJ_IMMORTAL;
    if (type->base) {
        inherit_slots(type, type->base);
        if (ktype_add_subclass(type->base, type) < 0) {
            return -1;
        }
    }
    if (!type->getattro) {
        type->getattro = kobj_generic_getattr;
    }
    if (!type->hash && type->richcompare) {
        // Comparable but not hashable (list, dict...): __hash__ is None, as CPython's.
        type->hash = kobj_hash_not_implemented;
    }
    type->flags |= KTF_LAZY_DICT;
    // The MRO of a static type: itself, then its base's.
    ssize_t n = 1;
    for (KType *t = type->base; t; t = t->base) {
        n++;
    }
    type->mro = ktuple_new(n);
    if (!type->mro) {
        return -1;
    }
    n = 0;
    for (KType *t = type; t; t = t->base) {
        ktuple_items(type->mro)[n++] = kval_of(t);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The type type.

static void type_dealloc(KObject *o) {
    KType *type = (KType *)o;
    kgc_untrack(o);
    if (type->bases) {
        for (ssize_t i = 0; i < ktuple_len(type->bases); i++) {
            ktype_remove_subclass((KType *)ktuple_items(type->bases)[i], type);
        }
    }
    kval_xdecref(type->bases);
    kval_xdecref(type->mro);
    kval_xdecref(type->dict);
    kval_xdecref(type->ht_name);
    kval_xdecref(type->ht_qualname);
    kval_xdecref(type->ht_slots);
    kval_xdecref(type->ht_module);
    if (type->base) {
        kval_decref(kval_of(type->base));
    }
    ktype_free_members(type);
    kinstdict_keys_decref(type->shared_keys);
    kmem_free(type->subclasses);
    kobj_free(o);
}

static int type_traverse(KObject *o, KVisitFn visit, void *arg) {
    KType *type = (KType *)o;
    if (!(type->flags & KTF_HEAPTYPE)) {
        return 0;
    }
    if ((type->dict && visit(type->dict, arg)) || (type->bases && visit(type->bases, arg)) ||
        (type->mro && visit(type->mro, arg)) ||
        (type->base && visit(kval_of(type->base), arg))) {
        return 1;
    }
    return 0;
}

static void type_clear(KObject *o) {
    KType *type = (KType *)o;
    if (type->dict) {
        kdict_clear(type->dict);
    }
    KVAL_CLEAR(type->mro);
}

static KValue type_repr(KValue self) {
    KType *t = (KType *)self;
    KValue name = ktype_qualified_name(t);
    if (!name) {
        return KV_NULL;
    }
    KValue r = kstr_from_format("<class '%U'>", name);
    kval_decref(name);
    return r;
}

static KValue type_call(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KType *type = (KType *)self;
    if (type == &ktype_type && nargs == 1 && (!kwnames || ktuple_len(kwnames) == 0)) {
        return kval_newref(kval_of(kval_type(args[0])));
    }
    if (!type->new_) {
        kerr_format(&kexc_TypeError, "cannot create '%s' instances", type->name);
        return KV_NULL;
    }
    KValue obj = type->new_(type, args, nargs, kwnames);
    if (!obj) {
        return KV_NULL;
    }
    KType *ot = kval_type(obj);
    if (!ktype_is_subtype(ot, type)) {
        return obj;
    }
    if (ot->init && ot->init(obj, args, nargs, kwnames) < 0) {
        kval_decref(obj);
        return KV_NULL;
    }
    return obj;
}

static KValue type_getattro(KValue self, KValue name) {
    KType *type = (KType *)self;
    KType *meta = kval_type(self);
    if (!kstr_check(name)) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", name);
        return KV_NULL;
    }
    KValue meta_attr = ktype_lookup(meta, name);
    KValue (*meta_get)(KValue, KValue, KValue) = NULL;
    if (meta_attr) {
        kval_incref(meta_attr);
        meta_get = kval_type(meta_attr)->descr_get;
        if (meta_get && kval_type(meta_attr)->descr_set) {
            KValue r = meta_get(meta_attr, self, kval_of(meta));
            kval_decref(meta_attr);
            return r;
        }
    }
    KValue attr = ktype_lookup(type, name);
    if (attr) {
        kval_incref(attr);
        KValue (*get)(KValue, KValue, KValue) = kval_type(attr)->descr_get;
        kval_xdecref(meta_attr);
        if (get) {
            KValue r = get(attr, KV_NULL, self);
            kval_decref(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        KValue r = meta_get(meta_attr, self, kval_of(meta));
        kval_decref(meta_attr);
        return r;
    }
    if (meta_attr) {
        return meta_attr;
    }
    kerr_format(&kexc_AttributeError, "type object '%s' has no attribute '%U'", type->name,
                name);
    return KV_NULL;
}

static int type_setattro(KValue self, KValue name, KValue value) {
    KType *type = (KType *)self;
    if (!(type->flags & KTF_HEAPTYPE)) {
        kerr_format(&kexc_TypeError, "cannot set %R attribute of immutable type '%s'", name,
                    type->name);
        return -1;
    }
    if (!kstr_check(name)) {
        kerr_format(&kexc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    KValue iname = kval_newref(name);
    kstr_intern(&iname);
    KValue meta_attr = ktype_lookup(kval_type(self), iname);
    int r;
    if (meta_attr && kval_type(meta_attr)->descr_set) {
        r = kval_type(meta_attr)->descr_set(meta_attr, self, value);
    } else if (value) {
        r = kdict_set(type->dict, iname, value);
    } else {
        r = kdict_discard(type->dict, iname);
        if (r == 0) {
            kerr_format(&kexc_AttributeError, "type object '%s' has no attribute '%U'",
                        type->name, iname);
            r = -1;
        }
        r = r < 0 ? -1 : 0;
    }
    if (r == 0) {
        ktype_modified(type);
        if (ktypeslots_is_slot_name(iname)) {
            ktypeslots_update(type, iname);
        }
    }
    kval_decref(iname);
    return r;
}

static KValue type_new(KType *meta, const KValue *args, size_t nargs, KValue kwnames) {
    size_t nkw = kwnames ? (size_t)ktuple_len(kwnames) : 0;
    if (nargs == 1 && nkw == 0 && meta == &ktype_type) {
        return kval_newref(kval_of(kval_type(args[0])));
    }
    if (nargs != 3) {
        kerr_set(&kexc_TypeError, nargs == 1 && nkw == 0 ? "type() takes 1 or 3 arguments"
                                                          : "type() takes 1 or 3 arguments");
        return KV_NULL;
    }
    KValue kwargs = KV_NULL;
    if (nkw) {
        kwargs = kdict_new();
        if (!kwargs) {
            return KV_NULL;
        }
        for (size_t i = 0; i < nkw; i++) {
            if (kdict_set(kwargs, ktuple_items(kwnames)[i], args[nargs + i]) < 0) {
                kval_decref(kwargs);
                return KV_NULL;
            }
        }
    }
    KValue r = ktype_new_class(meta, args[0], args[1], args[2], kwargs);
    kval_xdecref(kwargs);
    return r;
}

static int type_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)args, (void)kwnames;
    if (nargs != 1 && nargs != 3) {
        kerr_set(&kexc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

// T.__new__(S, ...): calls S's new slot after checking it is a subtype.
static KValue tp_new_wrapper(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KType *type = (KType *)self;
    if (nargs < 1) {
        kerr_format(&kexc_TypeError, "%s.__new__(): not enough arguments", type->name);
        return KV_NULL;
    }
    KValue arg0 = args[0];
    if (!ktype_check(arg0)) {
        kerr_format(&kexc_TypeError, "%s.__new__(X): X is not a type object (%T)", type->name,
                    arg0);
        return KV_NULL;
    }
    KType *sub = (KType *)arg0;
    if (!ktype_is_subtype(sub, type)) {
        kerr_format(&kexc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->name,
                    sub->name, sub->name, type->name);
        return KV_NULL;
    }
    // The most derived static base must be 'type' (object.__new__(list) is wrong).
    KType *staticbase = sub;
    while (staticbase && (staticbase->flags & KTF_HEAPTYPE)) {
        staticbase = staticbase->base;
    }
    if (staticbase && staticbase->new_ != type->new_ && type->new_ == kobject_type.new_ &&
        staticbase != type) {
        kerr_format(&kexc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type->name,
                    sub->name, staticbase->name);
        return KV_NULL;
    }
    return type->new_(sub, args + 1, nargs - 1, kwnames);
}

static KValue type_mro_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue t = ktype_mro_of((KType *)self);
    if (!t) {
        return KV_NULL;
    }
    KValue l = klist_from_iterable(t);
    kval_decref(t);
    return l;
}

static KValue type_subclasses(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KType *t = (KType *)self;
    KValue l = klist_new(0);
    for (int i = 0; l && i < t->nsubclasses; i++) {
        if (klist_append(l, kval_of(t->subclasses[i])) < 0) {
            kval_decref(l);
            return KV_NULL;
        }
    }
    return l;
}

static KValue type_instancecheck(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue obj = args[0];
    if (ktype_is_subtype(kval_type(obj), (KType *)self)) {
        return KV_TRUE;
    }
    KValue cls;
    int r = kobj_lookup_attr(obj, KID(__class__), &cls);
    if (r < 0) {
        return KV_NULL;
    }
    if (r) {
        int sub = ktype_check(cls) && ktype_is_subtype((KType *)cls, (KType *)self);
        kval_decref(cls);
        return kbool_from(sub);
    }
    return KV_FALSE;
}

static KValue type_subclasscheck(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!ktype_check(args[0])) {
        kerr_set(&kexc_TypeError, "issubclass() arg 1 must be a class");
        return KV_NULL;
    }
    return kbool_from(ktype_is_subtype((KType *)args[0], (KType *)self));
}

static KValue type_prepare(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kdict_new();
}

static KValue type_dir(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue result = kdict_new();
    if (!result) {
        return KV_NULL;
    }
    if (kobject_merge_class_dict(result, self) < 0) {
        kval_decref(result);
        return KV_NULL;
    }
    KValue l = kdict_keys_list(result);
    kval_decref(result);
    return l;
}

static KValue type_sizeof(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_i64(((KType *)self)->flags & KTF_HEAPTYPE ? sizeof(KHeapType) : sizeof(KType));
}

static const KMethodDef type_methods[] = {
    {"mro", type_mro_m, KMETH_NOARGS, NULL},
    {"__subclasses__", type_subclasses, KMETH_NOARGS, NULL},
    {"__instancecheck__", type_instancecheck, KMETH_O, NULL},
    {"__subclasscheck__", type_subclasscheck, KMETH_O, NULL},
    {"__prepare__", type_prepare, KMETH_KW | KMETH_CLASS, NULL},
    {"__dir__", type_dir, KMETH_NOARGS, NULL},
    {"__sizeof__", type_sizeof, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue type_get_name(KValue self) {
    KType *t = (KType *)self;
    if (t->flags & KTF_HEAPTYPE) {
        return kval_newref(t->ht_name);
    }
    return kstr_from_cstr(ktype_short_name(t));
}

static int check_set_special(KType *t, KValue value, const char *what) {
    if (!(t->flags & KTF_HEAPTYPE)) {
        kerr_format(&kexc_TypeError, "cannot set '%s' attribute of immutable type '%s'", what,
                    t->name);
        return -1;
    }
    if (!value) {
        kerr_format(&kexc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", what,
                    t->name);
        return -1;
    }
    return 0;
}

static int type_set_name(KValue self, KValue value) {
    KType *t = (KType *)self;
    if (check_set_special(t, value, "__name__") < 0) {
        return -1;
    }
    if (!kstr_check(value)) {
        kerr_format(&kexc_TypeError, "can only assign string to %s.__name__, not '%T'", t->name,
                    value);
        return -1;
    }
    ssize_t len;
    const char *u = kstr_utf8(value, &len);
    if (!u) {
        return -1;
    }
    if (strlen(u) != (size_t)len) {
        kerr_set(&kexc_ValueError, "type name must not contain null characters");
        return -1;
    }
    kval_setref(&t->ht_name, kval_newref(value));
    t->name = u;
    return 0;
}

static KValue type_get_qualname(KValue self) {
    KType *t = (KType *)self;
    if (t->flags & KTF_HEAPTYPE) {
        return kval_newref(t->ht_qualname);
    }
    return kstr_from_cstr(ktype_short_name(t));
}

static int type_set_qualname(KValue self, KValue value) {
    KType *t = (KType *)self;
    if (check_set_special(t, value, "__qualname__") < 0) {
        return -1;
    }
    if (!kstr_check(value)) {
        kerr_format(&kexc_TypeError, "can only assign string to %s.__qualname__, not '%T'",
                    t->name, value);
        return -1;
    }
    kval_setref(&t->ht_qualname, kval_newref(value));
    return 0;
}

static KValue type_get_module(KValue self) {
    KType *t = (KType *)self;
    if (t->flags & KTF_HEAPTYPE) {
        KValue m = kdict_get_borrow(t->dict, KID(__module__));
        if (!m) {
            kerr_set(&kexc_AttributeError, "__module__");
            return KV_NULL;
        }
        return kval_newref(m);
    }
    const char *dot = strrchr(t->name, '.');
    if (dot) {
        return kstr_from_utf8(t->name, dot - t->name);
    }
    return kstr_from_cstr("builtins");
}

static int type_set_module(KValue self, KValue value) {
    KType *t = (KType *)self;
    if (check_set_special(t, value, "__module__") < 0) {
        return -1;
    }
    ktype_modified(t);
    return kdict_set(t->dict, KID(__module__), value);
}

static KValue type_get_bases(KValue self) {
    KValue bases = bases_borrow((KType *)self);
    return bases ? kval_newref(bases) : KV_NULL;
}

static KValue type_get_dict(KValue self) {
    KValue d = ktype_dict((KType *)self);
    return d ? kobj_call1(kval_of(&kmappingproxy_type), d) : KV_NULL;
}

static KValue type_get_doc(KValue self) {
    KType *t = (KType *)self;
    if (!(t->flags & KTF_HEAPTYPE) && t->doc) {
        // A builtin type's own doc, even when its instances have a
        // __doc__ descriptor (method), as CPython's type_get_doc.
        return kdoc_get(t->name, t->doc);
    }
    KValue dict = ktype_dict(t);
    if (!dict) {
        return KV_NULL;
    }
    KValue d = kdict_get_borrow(dict, KID(__doc__));
    if (!d) {
        return kval_newref(KV_NONE);
    }
    if (kval_type(d)->descr_get) {
        return kval_type(d)->descr_get(d, KV_NULL, self);
    }
    return kval_newref(d);
}

static int type_set_doc(KValue self, KValue value) {
    KType *t = (KType *)self;
    if (check_set_special(t, value, "__doc__") < 0) {
        return -1;
    }
    ktype_modified(t);
    return kdict_set(t->dict, KID(__doc__), value);
}

static KValue type_get_text_signature(KValue self) {
    KType *t = (KType *)self;
    return kdoc_text_signature(t->name, t->flags & KTF_HEAPTYPE ? NULL : t->doc);
}

static KValue type_get_abstractmethods(KValue self) {
    KType *t = (KType *)self;
    KValue dict = ktype_dict(t);
    if (!dict) {
        return KV_NULL;
    }
    KValue v = t != &ktype_type ? kdict_get_borrow(dict, KID(__abstractmethods__)) : KV_NULL;
    if (!v) {
        kerr_set_value(&kexc_AttributeError, KID(__abstractmethods__));
        return KV_NULL;
    }
    return kval_newref(v);
}

static int type_set_abstractmethods(KValue self, KValue value) {
    KType *t = (KType *)self;
    int abstract = 0;
    int r;
    if (!ktype_dict(t)) {
        return -1;
    }
    if (value) {
        abstract = kobj_is_true(value);
        if (abstract < 0) {
            return -1;
        }
        r = kdict_set(t->dict, KID(__abstractmethods__), value);
    } else {
        r = kdict_discard(t->dict, KID(__abstractmethods__));
        if (r == 0) {
            kerr_set_value(&kexc_AttributeError, KID(__abstractmethods__));
            return -1;
        }
        r = r < 0 ? -1 : 0;
    }
    if (r < 0) {
        return -1;
    }
    ktype_modified(t);
    if (abstract) {
        t->flags |= KTF_ABSTRACT;
    } else {
        t->flags &= ~(uint32_t)KTF_ABSTRACT;
    }
    return 0;
}

static KValue type_get_annotations(KValue self) {
    KType *t = (KType *)self;
    KValue dict = ktype_dict(t);
    if (!dict) {
        return KV_NULL;
    }
    KValue a = kdict_get_borrow(dict, KID(__annotations__));
    if (a) {
        return kval_newref(a);
    }
    if (!(t->flags & KTF_HEAPTYPE)) {
        kerr_format(&kexc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                    t->name);
        return KV_NULL;
    }
    a = kdict_new();
    if (a && kdict_set(t->dict, KID(__annotations__), a) < 0) {
        kval_decref(a);
        return KV_NULL;
    }
    return a;
}

static int type_set_annotations(KValue self, KValue value) {
    KType *t = (KType *)self;
    if (!(t->flags & KTF_HEAPTYPE)) {
        kerr_format(&kexc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                    t->name);
        return -1;
    }
    ktype_modified(t);
    if (value) {
        return kdict_set(t->dict, KID(__annotations__), value);
    }
    return kdict_del(t->dict, KID(__annotations__));
}

// __flags__: the CPython Py_TPFLAGS_* bits matching krait's flags (what
// Python code tests: inspect.isabstract reads Py_TPFLAGS_IS_ABSTRACT);
// version-tag and other CPython-internal bits are not reproduced.
static KValue type_get_flags(KValue self) {
    static const struct {
        uint32_t krait;
        uint64_t cpython;
    } map[] = {
        {KTF_HEAPTYPE, 1u << 9},        {KTF_BASETYPE, 1u << 10},
        {KTF_GC, 1u << 14},             {KTF_READY, 1u << 12},
        {KTF_ABSTRACT, 1u << 20},       {KTF_METHOD_DESCR, 1u << 17},
        {KTF_IMMUTABLETYPE, 1u << 8},   {KTF_SEQUENCE, 1u << 5},
        {KTF_MAPPING, 1u << 6},         {KTF_INT_SUBCLASS, 1u << 24},
        {KTF_LIST_SUBCLASS, 1u << 25},  {KTF_TUPLE_SUBCLASS, 1u << 26},
        {KTF_BYTES_SUBCLASS, 1u << 27}, {KTF_STR_SUBCLASS, 1u << 28},
        {KTF_DICT_SUBCLASS, 1u << 29},  {KTF_EXC_SUBCLASS, 1u << 30},
        {KTF_TYPE_SUBCLASS, 1u << 31},
    };
    uint32_t f = ((KType *)self)->flags;
    uint64_t out = 1u << 18; // Py_TPFLAGS_HAVE_VERSION_TAG, part of Py_TPFLAGS_DEFAULT
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (f & map[i].krait) {
            out |= map[i].cpython;
        }
    }
    return kint_from_u64(out);
}

static const KGetSetDef type_getsets[] = {
    {"__flags__", type_get_flags, NULL, NULL},
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__bases__", type_get_bases, ktype_set_bases, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL},
    {NULL, NULL, NULL, NULL},
};

// Read-only members, as CPython's: assigning one says "readonly attribute".
static const KMemberDef type_members[] = {
    {"__mro__", KMEMBER_OBJECT, offsetof(KType, mro), 1, NULL},
    {"__base__", KMEMBER_OBJECT, offsetof(KType, base), 1, NULL},
    {"__basicsize__", KMEMBER_SSIZE, offsetof(KType, basicsize), 1, NULL},
    {"__itemsize__", KMEMBER_SSIZE, offsetof(KType, itemsize), 1, NULL},
    {"__dictoffset__", KMEMBER_SSIZE, offsetof(KType, dictoffset), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KValue type_or(KValue a, KValue b);

KType ktype_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "type",
    .basicsize = sizeof(KHeapType),
    .flags = KTF_BASETYPE | KTF_GC | KTF_TYPE_SUBCLASS | KTF_WEAKREF,
    .dictoffset = offsetof(KType, dict),
    .dealloc = type_dealloc,
    .traverse = type_traverse,
    .clear = type_clear,
    .repr = type_repr,
    .getattro = type_getattro,
    .setattro = type_setattro,
    .call = type_call,
    .new_ = type_new,
    .init = type_init,
    .nb = &(KNumberSlots){.binop = {[KNB_OR] = type_or}},
    .methods = type_methods,
    .members = type_members,
    .getsets = type_getsets,
    .doc = "type(object) -> the object's type\n"
        "type(name, bases, dict, **kwds) -> a new type",
};

KValue kunion_new(KValue a, KValue b);

static KValue type_or(KValue a, KValue b) {
    return kunion_new(a, b);
}

int ktype_init(void) {
    return 0;
}
