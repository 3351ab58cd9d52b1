// vm/instdict.h: instance attributes with shared keys (CPython 3.11's split
// dicts, reduced). A class flagged KTF_SHARED_KEYS keeps one KSharedKeys: the
// append-only list of attribute names its instances have used, so a name's
// slot never changes. An instance whose __dict__ was never asked for keeps
// its attributes in a KInstValues block (one value per slot and its own
// insertion order), pointed to by the word after its dict pointer. Asking
// for __dict__ (or a name the keys cannot take) turns the block into an
// ordinary dict for good: from then on the object has a dict only.
// Invariant: a non-NULL dict pointer makes the values block irrelevant.
#ifndef KRAIT_VM_INSTDICT_H
#define KRAIT_VM_INSTDICT_H

#include <stdint.h>

#include "object.h"
#include "str.h"

#define KSHARED_KEYS_MAX 30   // names per class; more go to a dict
#define KSHARED_KEYS_INDEX 64 // hash index slots (a power of two > MAX)

typedef struct KSharedKeys {
    ssize_t refcnt; // the class and every values block laid out by these keys
    int count;      // names so far; never shrinks
    uint8_t index[KSHARED_KEYS_INDEX]; // 0xff empty, else a slot (linear probing)
    KValue names[KSHARED_KEYS_MAX];    // owned interned exact strs
} KSharedKeys;

typedef struct KInstValues {
    KSharedKeys *keys; // owned; the slots of 'values' are its names'
    uint8_t cap;       // value slots
    uint8_t len;       // live attributes: the entries of the order bytes
    uint8_t embedded;  // 1: allocated with the object (never freed alone)
    KValue values[];   // 'cap' values (KV_NULL: absent), then 'cap' order bytes
} KInstValues;

// The insertion order of 'iv': 'iv->len' slot numbers.
static inline uint8_t *kinstdict_order(KInstValues *iv) {
    return (uint8_t *)(iv->values + iv->cap);
}

// Where an instance of 't' (KTF_SHARED_KEYS) keeps its dict and values pointers.
static inline KValue *kinstdict_dictptr(KValue obj, const KType *t) {
    return (KValue *)((char *)obj + t->dictoffset);
}
static inline KInstValues **kinstdict_valuesptr(KValue obj, const KType *t) {
    return (KInstValues **)((char *)obj + t->dictoffset + sizeof(KValue));
}

// The slot of exact str 'name' in 'k', or -1 (no error: hashing a str cannot fail).
static inline ssize_t kinstdict_index(const KSharedKeys *k, KValue name) {
    const KStr *s = (const KStr *)name;
    int64_t h = s->hash != -1 ? s->hash : kstr_hash(name);
    size_t i = (size_t)h & (KSHARED_KEYS_INDEX - 1);
    for (;;) {
        uint8_t ix = k->index[i];
        if (ix == 0xff) {
            return -1;
        }
        KValue n = k->names[ix];
        // The names are interned: an interned 'name' matches by identity only.
        if (n == name || (!s->interned && ((const KStr *)n)->hash == h && kstr_eq(n, name))) {
            return ix;
        }
        i = (i + 1) & (KSHARED_KEYS_INDEX - 1);
    }
}

// 0 when exact str 'name' is surely not in 'k' (its first probe slot is
// empty), 1 when it may be: one load to rule out a method's shadowing.
static inline int kinstdict_may_have(const KSharedKeys *k, KValue name) {
    int64_t h = ((const KStr *)name)->hash;
    return h == -1 || k->index[(size_t)h & (KSHARED_KEYS_INDEX - 1)] != 0xff;
}

// Whether slot 'ix' (any number: a cache's hint) of 'iv' is exact str 'name'
// (compared by identity: an interned name, as the interpreter's are).
static inline int kinstdict_slot_is(const KInstValues *iv, ssize_t ix, KValue name) {
    return (size_t)ix < iv->cap && iv->keys->names[ix] == name;
}

// The attribute 'name' (exact str) of an instance in values mode, borrowed,
// or KV_NULL (no exception) when absent.
static inline KValue kinstdict_get(const KInstValues *iv, KValue name) {
    if (!iv) {
        return KV_NULL;
    }
    ssize_t ix = kinstdict_index(iv->keys, name);
    return ix >= 0 && ix < iv->cap ? iv->values[ix] : KV_NULL;
}

// Sets (or, 'value' KV_NULL, deletes) attribute 'name' of 'obj', an instance
// of 't' (KTF_SHARED_KEYS) with no dict. Returns 0 when done, 1 when deleting
// an absent name (the caller raises AttributeError), 2 when the caller must
// use the dict instead (made from the values now: a name that is not an
// exact str, or the keys are full), -1 on error.
K_MUST_CHECK int kinstdict_setattr(KValue obj, KType *t, KValue name, KValue value);
// Stores 'value' (borrowed) in slot 'ix' of 't->shared_keys' for 'obj' in
// values mode, making or growing its block; -1 with MemoryError.
K_MUST_CHECK int kinstdict_store_at(KValue obj, KType *t, ssize_t ix, KValue value);
// Turns the values of 'obj' into its dict (an empty one when it has none);
// -1 with MemoryError (the values are kept).
K_MUST_CHECK int kinstdict_materialise(KValue obj, KType *t);
// The bytes a block embedded in a new instance of 't' takes (0: none), and
// puts such a block at 'at' (zeroed memory inside the instance 'obj').
size_t kinstdict_embed_size(const KType *t);
void kinstdict_embed(KValue obj, KType *t, void *at);
// The dealloc, traverse and clear of an instance's values (dict pointer not included).
void kinstdict_clear(KValue obj, KType *t);
int kinstdict_traverse(KValue obj, KType *t, KVisitFn visit, void *arg);
// Frees 'k' (its last reference gone).
void kinstdict_keys_free(KSharedKeys *k);
// Drops a reference to 'k' (NULL is fine): a class's, or a values block's.
static inline void kinstdict_keys_decref(KSharedKeys *k) {
    if (k && --k->refcnt == 0) {
        kinstdict_keys_free(k);
    }
}

#endif
