// vm/set.h: set and frozenset: open addressing with linear probes then
// perturbation, grown as CPython's, so sets of small ints iterate in the
// same order as CPython's.
#ifndef KRAIT_VM_SET_H
#define KRAIT_VM_SET_H

#include <stdint.h>

#include "object.h"

typedef struct KSetEntry {
    KValue key; // KV_NULL: empty; k_set_dummy: deleted
    int64_t hash;
} KSetEntry;

#define KSET_SMALL 8

typedef struct KSet {
    KOBJ_HEAD;
    ssize_t fill;  // active + dummy
    ssize_t used;  // active
    ssize_t mask;
    KSetEntry *table;
    int64_t hash;  // frozenset only; -1 until computed
    ssize_t finger;
    KSetEntry smalltable[KSET_SMALL];
} KSet;

// set, frozenset or a subclass of either.
int kanyset_check(KValue v);

// An empty set (frozen: a frozenset), or filled from 'iterable' (KV_NULL: none).
KValue kset_new(KValue iterable);
KValue kfrozenset_new(KValue iterable);
K_MUST_CHECK int kset_add(KValue set, KValue key);
// 1 present, 0 absent, -1 error.
int kset_contains(KValue set, KValue key);
// 1 removed, 0 absent, -1 error.
int kset_discard(KValue set, KValue key);
K_MUST_CHECK int kset_update(KValue set, KValue iterable);
// Iterates as kdict_next.
int kset_next(KValue set, ssize_t *pos, KValue *key);
static inline ssize_t kset_len(KValue s) {
    return ((KSet *)s)->used;
}

#endif
