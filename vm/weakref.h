// vm/weakref.h: weak references (weakref.ref, weakref.proxy). Objects carry
// no weak-reference field: a side table maps an object's address to the list
// of its weak references, consulted only for types flagged KTF_HAS_WEAKREFS
// (set when one of their instances first gets a weak reference).
#ifndef KRAIT_VM_WEAKREF_H
#define KRAIT_VM_WEAKREF_H

#include "object.h"

typedef struct KWeakref {
    KOBJ_HEAD;
    KObject *object; // the referent (not owned), NULL once it died
    KValue callback; // KV_NULL: none
    int64_t hash;    // -1: not computed yet
    struct KWeakref *prev, *next; // the referent's list of weak references
} KWeakref;

extern KType kweakref_type, kweakproxy_type, kweakcallableproxy_type;

// Called as an object of a KTF_HAS_WEAKREFS type dies (refcount zero, after
// __del__, or when the cycle collector found it unreachable): its weak
// references go dead, then their callbacks run (errors reported as
// unraisable). The pending exception is preserved.
void kweakref_clear_refs(KObject *o);
// weakref.ref(ob, callback) / proxy(ob, callback) for type 'type'
// ('callback' KV_NULL or None: none). TypeError when 'ob' cannot be weakly
// referenced.
KValue kweakref_new(KType *type, KValue ob, KValue callback);
KValue kweakref_proxy_new(KValue ob, KValue callback);
// obj.__weakref__: the first weak reference to 'ob', or None.
KValue kweakref_first(KValue ob);
// The number of weak references to 'ob', and a list of them.
ssize_t kweakref_count(KValue ob);
KValue kweakref_list(KValue ob);

int kweakref_init(void);

#endif
