// vm/dict.h: dict objects: compact and insertion-ordered, as CPython's: a
// hash index of 1/2/4/8-byte slots pointing into a dense array of entries.
#ifndef KRAIT_VM_DICT_H
#define KRAIT_VM_DICT_H

#include <stdint.h>

#include "object.h"

typedef struct KDictEntry {
    int64_t hash;
    KValue key;   // KV_NULL: deleted
    KValue value;
} KDictEntry;

// The hash index and entries of a dict (exposed for the interpreter's
// inline caches, which remember an entry's position).
typedef struct KDictKeys {
    uint8_t log2size;
    uint8_t log2bytes; // log2 of the index slot width
    ssize_t usable;    // entries that may still be appended
    ssize_t nentries;  // entries used, deleted ones included
    char indices[];    // then the entries
} KDictKeys;

static inline KDictEntry *kdict_keys_entries(KDictKeys *k) {
    return (KDictEntry *)(k->indices + ((size_t)1 << (k->log2size + k->log2bytes)));
}

typedef struct KDict {
    KOBJ_HEAD;
    ssize_t used;      // live entries
    uint64_t version;  // changes on every mutation (for caches)
    KDictKeys *keys;
} KDict;

static inline int kdict_check(KValue v) {
    return kval_has_flag(v, KTF_DICT_SUBCLASS);
}
static inline int kdict_check_exact(KValue v) {
    return !kval_is_int(v) && kval_obj(v)->type == &kdict_type;
}
static inline ssize_t kdict_len(KValue d) {
    return ((KDict *)d)->used;
}

// The counter dict versions are drawn from.
extern uint64_t kdict_version_counter;
static inline void kdict_bump_version(KValue d) {
    ((KDict *)d)->version = ++kdict_version_counter;
}

KValue kdict_new(void);
// Makes room in 'd' for 'n' more keys, so that inserting them does not
// resize it again (a dict filled at start-up with a known number of names);
// -1 with MemoryError.
K_MUST_CHECK int kdict_reserve(KValue d, ssize_t n);
// The entry position of str key 'key' in 'd', or -1 when absent (no error).
ssize_t kdict_str_index(KValue d, KValue key);
// The value for 'key', borrowed; KV_NULL when absent (no exception) or on
// error (exception set: unhashable key, a failing __eq__).
KValue kdict_get_borrow(KValue d, KValue key);
// As kdict_get_borrow for a str key with its hash known.
KValue kdict_get_str_borrow(KValue d, KValue key);
KValue kdict_get_cstr_borrow(KValue d, const char *key);
// d[key] = value (both borrowed); -1 on error.
K_MUST_CHECK int kdict_set(KValue d, KValue key, KValue value);
K_MUST_CHECK int kdict_set_cstr(KValue d, const char *key, KValue value);
// As kdict_set for an exact str 'key' (an attribute name): no hashing or
// comparison that could run Python code unless 'd' holds other keys of the
// same hash. -1 on error.
K_MUST_CHECK int kdict_set_str(KValue d, KValue key, KValue value);
// del d[key]; KeyError when absent; -1 on error.
K_MUST_CHECK int kdict_del(KValue d, KValue key);
// As kdict_del, but 0 without an error when absent (1 when deleted).
int kdict_discard(KValue d, KValue key);
// Iterates: '*pos' starts at 0; returns 1 with borrowed 'key'/'value' (either
// may be NULL), 0 at the end.
int kdict_next(KValue d, ssize_t *pos, KValue *key, KValue *value);
// Copies every item of mapping 'src' into 'd' (a dict or an object with
// keys()); 'override' 1: replace existing keys, 0: keep them, -1: raise
// KeyError(key) on a duplicate (DICT_MERGE). -1 on error.
K_MUST_CHECK int kdict_merge(KValue d, KValue src, int override);
// d.update(iterable of pairs).
K_MUST_CHECK int kdict_merge_pairs(KValue d, KValue iterable);
KValue kdict_copy(KValue d);
void kdict_clear(KValue d);
KValue kdict_keys_list(KValue d);
KValue kdict_items_list(KValue d);
KValue kdict_values_list(KValue d);
// 1 when 'key' is present, 0 when not, -1 on error.
int kdict_contains(KValue d, KValue key);
// d.pop(key) as a new reference, or KV_NULL (no exception) when absent.
KValue kdict_pop(KValue d, KValue key);

#endif
