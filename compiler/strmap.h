// compiler/strmap.h: a string-keyed hash map (string -> int) living in the
// compiler's arena, for the symbol table (names to symbols) and the code
// generator (names, locals and constants to their indices). Keys are
// compared by content; iteration is by insertion order through 'keys', so
// nothing in the output depends on hash values.
//
// Keys go through a KAtoms table shared by one compilation's maps: each
// distinct string becomes an atom (a small integer, with the first pointer
// seen for it as its canonical text, which the maps' 'keys' hold). Maps
// compare atoms, so a caller that has an atom (katom, a map's 'ids', a
// symbol's 'atom') probes any number of maps without hashing the string
// again; equal names in every code object then share one pointer, which
// the cache writer's recent-string cache recognises. Every pointer looked
// up is remembered with its atom (a table by address: the parser's
// identifiers, one pointer per spelling, are hashed once per compilation),
// so a key must keep its bytes while its table lives (arena strings and
// literals do; a reused buffer must not be passed). Maps of a few keys
// have no slots: their atoms are scanned.
#ifndef KRAIT_COMPILER_STRMAP_H
#define KRAIT_COMPILER_STRMAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

typedef struct KAtoms KAtoms;

// A new atom table allocating from 'a' (freed with it); NULL when out of memory.
KAtoms *katoms_new(KArena *a);

// A string's bytes as two words, the first and the last eight (or four)
// bytes, overlapping when shorter than sixteen: with the length they are
// the whole string up to sixteen bytes (the parser compares identifiers
// by them), and they start its hash.
typedef struct KAtomKey {
    uint64_t w0, w1;
    uint32_t len;
} KAtomKey;

static inline KAtomKey katom_key(const char *s, uint32_t len) {
    KAtomKey k = {0, 0, len};
    if (len >= 8) {
        memcpy(&k.w0, s, 8);
        memcpy(&k.w1, s + len - 8, 8);
    } else if (len >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + len - 4, 4);
        k.w0 = x;
        k.w1 = y;
    } else {
        for (uint32_t i = 0; i < len; i++) {
            k.w0 = k.w0 << 8 | (unsigned char)s[i];
        }
    }
    return k;
}

// The hash of string 's' with key 'k' by which atom tables find texts (the
// parser computes it once per identifier and hands it to katom_add_new).
static inline uint32_t katom_key_hash(const KAtomKey *k, const char *s) {
    uint64_t h = (k->w0 * 0x9E3779B97F4A7C15ull) ^ ((k->w1 + k->len) * 0xC2B2AE3D27D4EB4Full);
    for (uint32_t i = 8; i + 8 < k->len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    }
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

// Makes 's' ('len' bytes, 'hash' from katom_key_hash) a new atom, found
// by its text and by its pointer; the caller knows that no atom has its
// text yet (the parser's distinct identifiers). When 's' lies in the
// region of katom_set_region, the four bytes before it must hold the atom
// this returns (katom_next tells which it will be). Returns the atom, or
// -1 when out of memory.
int katom_add_new(KAtoms *t, const char *s, uint32_t len, uint32_t hash);

// The atom the next katom_add_new makes.
int katom_next(const KAtoms *t);

// Declares ['lo', 'hi') the region where the parser writes identifiers,
// each after its atom (an int, four bytes, unaligned): a pointer there is
// mapped to its atom without a table.
void katom_set_region(KAtoms *t, const char *lo, const char *hi);

// The atom of string 's' (adding it at its first use), or -1 when out of memory.
int katom(KAtoms *t, const char *s);

// The atom of 's' when it has one (-1: no map holds 's').
int katom_find(KAtoms *t, const char *s);

// The canonical text of atom 'atom' (the first pointer seen with its bytes).
const char *katom_text(const KAtoms *t, int atom);

typedef struct KMap {
    KAtoms *atoms;
    const char **keys; // insertion order, canonical texts; 'count' entries
    int *vals;         // value of keys[i]
    int *ids;          // atom of keys[i]
    int count;
    int *slots;        // open addressing: index into keys + 1, 0 = empty
    int nslots;        // power of two, or 0
    int cap;           // capacity of keys/vals/ids
} KMap;

// Initialises an empty map keyed through 't' (no allocation yet).
// 'ids' holds each key's atom.
void kmap_init(KMap *m, KAtoms *t);

// Position of 'key' in insertion order, or -1 when absent (or out of memory).
int kmap_find(const KMap *m, const char *key);

// Value stored for 'key', or 'dflt' when absent.
static inline int kmap_get(const KMap *m, const char *key, int dflt) {
    int i = kmap_find(m, key);
    return i < 0 ? dflt : m->vals[i];
}

// Stores 'val' for 'key'. Returns the key's position in insertion order, or
// -1 when out of memory.
int kmap_put(KMap *m, const char *key, int val);

// Adds 'key' with the value 'count' (its position) unless present; returns
// its value, or -1 when out of memory. For index maps: names -> 0, 1, 2...
int kmap_index(KMap *m, const char *key);

// The same by atom (from katom, or a map's 'ids'), without the string
// lookup; a negative atom (out of memory, or none) is absent / an error.
int kmap_find_atom(const KMap *m, int atom);
int kmap_put_atom(KMap *m, int atom, int val);
int kmap_index_atom(KMap *m, int atom);

static inline int kmap_get_atom(const KMap *m, int atom, int dflt) {
    int i = kmap_find_atom(m, atom);
    return i < 0 ? dflt : m->vals[i];
}

// Copies 'src' into 'dst' (a new map with the same atom table); -1 when
// out of memory.
int kmap_copy(KMap *dst, const KMap *src);

#endif
