// compiler/strmap.h: a string-keyed hash map (string -> int) living in the
// compiler's arena, for the symbol table (names to symbols) and the code
// generator (names, locals and constants to their indices). Keys are
// compared by content; iteration is by insertion order through 'keys', so
// nothing in the output depends on hash values.
#ifndef KRAIT_COMPILER_STRMAP_H
#define KRAIT_COMPILER_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct KMap {
    KArena *arena;
    const char **keys; // insertion order; 'count' entries
    int *vals;         // value of keys[i]
    uint32_t *hashes;  // hash of keys[i]: probes and growth never rehash
    int count;
    int *slots;        // open addressing: index into keys + 1, 0 = empty
    int nslots;        // power of two, or 0
    int cap;           // capacity of keys/vals
} KMap;

// Initialises an empty map allocating from 'a' (no allocation yet).
void kmap_init(KMap *m, KArena *a);

// Position of 'key' in insertion order, or -1 when absent.
int kmap_find(const KMap *m, const char *key);

// Value stored for 'key', or 'dflt' when absent.
static inline int kmap_get(const KMap *m, const char *key, int dflt) {
    int i = kmap_find(m, key);
    return i < 0 ? dflt : m->vals[i];
}

// Stores 'val' for 'key' (the key string is kept, not copied). Returns the
// key's position in insertion order, or -1 when out of memory.
int kmap_put(KMap *m, const char *key, int val);

// Adds 'key' with the value 'count' (its position) unless present; returns
// its value, or -1 when out of memory. For index maps: names -> 0, 1, 2...
int kmap_index(KMap *m, const char *key);

// Copies 'src' into 'dst' (a new map in 'a'); -1 when out of memory.
int kmap_copy(KMap *dst, const KMap *src, KArena *a);

#endif
