// compiler/strmap.c: string -> int hash map with insertion order, over an
// atom table (see strmap.h). Both the atom table's indices and the maps
// use linear probing over power-of-two slot arrays kept at most half full;
// keys and values sit in dense arrays so iteration is cache-friendly.
#include "strmap.h"

#include <stdint.h>
#include <string.h>

// Maps of at most SMALL keys have no slots: their 'ids' are scanned (most
// scopes have a handful of names; slots and their growth cost more).
enum { SMALL = 8, FIRST_ATOMS = 128, FIRST_PTRS = 256 };

struct KAtoms {
    KArena *arena;
    const char **text; // atom -> canonical text
    uint32_t *hash;    // atom -> hash of its text
    size_t *len;       // atom -> length of its text
    int count, cap;
    int *slots; // by text hash: atom + 1, 0 = empty
    int nslots;
    // Every pointer looked up with an atom, and that atom: open addressing
    // on the pointer, at most half full ('pkeys' NULL = empty).
    const char **pkeys;
    int *pvals;
    uint32_t pmask;
    int pcount;
    // The parser's identifiers, each after its atom (katom_set_region).
    const char *region_lo, *region_hi;
};

KAtoms *katoms_new(KArena *a) {
    KAtoms *t = karena_calloc(a, sizeof *t);
    if (t) {
        t->arena = a;
    }
    return t;
}

const char *katom_text(const KAtoms *t, int atom) {
    return t->text[atom];
}

// Hash of the 'len' bytes at 's': katom_key_hash, so that the parser's
// identifiers come with theirs. Only for probing: nothing in the output
// depends on it.
static uint32_t hash_str(const char *s, size_t len) {
    KAtomKey k = katom_key(s, (uint32_t)len);
    return katom_key_hash(&k, s);
}

static uint32_t hash_ptr(const char *p) {
    uint64_t x = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static uint32_t hash_atom(int atom) {
    uint32_t x = (uint32_t)atom * 2654435769u;
    return x ^ (x >> 16);
}

// The content slot of 's' ('len' bytes, hash 'h'): its atom's or the empty one.
static uint32_t text_slot(const KAtoms *t, const char *s, size_t len, uint32_t h) {
    uint32_t mask = (uint32_t)t->nslots - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        int a = t->slots[i] - 1;
        if (a < 0 || t->text[a] == s ||
            (t->hash[a] == h && t->len[a] == len && memcmp(t->text[a], s, len) == 0)) {
            return i;
        }
    }
}

static int grow_atoms(KAtoms *t) {
    int cap = t->cap ? t->cap * 2 : FIRST_ATOMS;
    const char **text = karena_alloc(t->arena, sizeof(char *) * (size_t)cap);
    uint32_t *hash = karena_alloc(t->arena, sizeof(uint32_t) * (size_t)cap);
    size_t *len = karena_alloc(t->arena, sizeof(size_t) * (size_t)cap);
    int nslots = cap * 2;
    int *slots = karena_calloc(t->arena, sizeof(int) * (size_t)nslots);
    if (!text || !hash || !len || !slots) {
        return -1;
    }
    if (t->count) {
        memcpy(text, t->text, sizeof(char *) * (size_t)t->count);
        memcpy(hash, t->hash, sizeof(uint32_t) * (size_t)t->count);
        memcpy(len, t->len, sizeof(size_t) * (size_t)t->count);
    }
    uint32_t mask = (uint32_t)nslots - 1;
    for (int a = 0; a < t->count; a++) {
        uint32_t j = hash[a] & mask;
        while (slots[j]) {
            j = (j + 1) & mask;
        }
        slots[j] = a + 1;
    }
    t->text = text;
    t->hash = hash;
    t->len = len;
    t->slots = slots;
    t->nslots = nslots;
    t->cap = cap;
    return 0;
}

// Pointer table of 'nslots' entries with the old one's entries; -1 when
// out of memory.
static int grow_ptrs(KAtoms *t, uint32_t nslots) {
    const char **keys = karena_calloc(t->arena, sizeof(char *) * nslots);
    int *vals = karena_alloc(t->arena, sizeof(int) * nslots);
    if (!keys || !vals) {
        return -1;
    }
    uint32_t mask = nslots - 1;
    for (uint32_t i = 0; t->pmask && i <= t->pmask; i++) {
        if (t->pkeys[i]) {
            uint32_t j = hash_ptr(t->pkeys[i]) & mask;
            while (keys[j]) {
                j = (j + 1) & mask;
            }
            keys[j] = t->pkeys[i];
            vals[j] = t->pvals[i];
        }
    }
    t->pkeys = keys;
    t->pvals = vals;
    t->pmask = mask;
    return 0;
}

// Remembers that pointer 's' (in none of the pointer slots: 'i' is the
// empty one where it belongs) has 'atom'; -1 when out of memory.
static int add_ptr(KAtoms *t, uint32_t i, const char *s, int atom) {
    if ((uint32_t)(t->pcount + 1) * 2 > t->pmask) {
        if (grow_ptrs(t, t->pmask ? (t->pmask + 1) * 2 : FIRST_PTRS) < 0) {
            return -1;
        }
        i = hash_ptr(s) & t->pmask;
        while (t->pkeys[i]) {
            i = (i + 1) & t->pmask;
        }
    }
    t->pkeys[i] = s;
    t->pvals[i] = atom;
    t->pcount++;
    return 0;
}

int katom_next(const KAtoms *t) {
    return t->count;
}

void katom_set_region(KAtoms *t, const char *lo, const char *hi) {
    t->region_lo = lo;
    t->region_hi = hi;
}

// 1 when 's' is in the identifier region (with room for an atom before it).
static inline int in_region(const KAtoms *t, const char *s) {
    return s >= t->region_lo + sizeof(int) && s < t->region_hi;
}

int katom_add_new(KAtoms *t, const char *s, uint32_t len, uint32_t hash) {
    if (t->count == t->cap && grow_atoms(t) < 0) {
        return -1;
    }
    int atom = t->count++;
    t->text[atom] = s;
    t->hash[atom] = hash;
    t->len[atom] = len;
    t->slots[text_slot(t, s, len, hash)] = atom + 1;
    if (in_region(t, s)) {
        return atom;
    }
    uint32_t pi = 0;
    if (t->pmask) {
        for (pi = hash_ptr(s) & t->pmask; t->pkeys[pi]; pi = (pi + 1) & t->pmask) {
        }
    }
    return add_ptr(t, pi, s, atom) < 0 ? -1 : atom;
}

// atom_of's work for a pointer not seen before ('pi': the empty pointer
// slot where it belongs, when there is a table).
static __attribute__((noinline)) int atom_of_new(KAtoms *t, const char *s, int add, uint32_t pi) {
    size_t len = strlen(s);
    uint32_t h = hash_str(s, len);
    int atom = -1;
    if (t->nslots) {
        atom = t->slots[text_slot(t, s, len, h)] - 1;
    }
    if (atom < 0) {
        if (!add) {
            return -1;
        }
        if (t->count == t->cap && grow_atoms(t) < 0) {
            return -1;
        }
        atom = t->count++;
        t->text[atom] = s;
        t->hash[atom] = h;
        t->len[atom] = len;
        t->slots[text_slot(t, s, len, h)] = atom + 1;
    }
    return add_ptr(t, pi, s, atom) < 0 ? -1 : atom;
}

// The atom of 's'; with 'add' 0, -1 when 's' has none (no map holds it),
// else -1 only when out of memory. A pointer seen before is found by its
// address alone (the parser's identifiers are one pointer per spelling).
static inline int atom_of(KAtoms *t, const char *s, int add) {
    if (in_region(t, s)) {
        // A pointer into the middle of an identifier is not one: check.
        int a;
        memcpy(&a, s - sizeof(int), sizeof(int));
        if ((unsigned)a < (unsigned)t->count && t->text[a] == s) {
            return a;
        }
    }
    uint32_t pi = 0;
    if (t->pmask) {
        for (pi = hash_ptr(s) & t->pmask; t->pkeys[pi]; pi = (pi + 1) & t->pmask) {
            if (t->pkeys[pi] == s) {
                return t->pvals[pi];
            }
        }
    }
    return atom_of_new(t, s, add, pi);
}

int katom(KAtoms *t, const char *s) {
    return atom_of(t, s, 1);
}

int katom_find(KAtoms *t, const char *s) {
    return atom_of(t, s, 0);
}

// ---------------------------------------------------------------------------
// Maps

void kmap_init(KMap *m, KAtoms *t) {
    memset(m, 0, sizeof *m);
    m->atoms = t;
}

// The slot holding 'atom', or the empty slot where it would go; the map
// has slots.
static inline uint32_t probe(const KMap *m, int atom) {
    uint32_t mask = (uint32_t)m->nslots - 1;
    for (uint32_t i = hash_atom(atom) & mask;; i = (i + 1) & mask) {
        int s = m->slots[i];
        if (s == 0 || m->ids[s - 1] == atom) {
            return i;
        }
    }
}

// Position of 'atom' among the keys of a map without slots, or -1.
static inline int scan(const KMap *m, int atom) {
    for (int i = 0; i < m->count; i++) {
        if (m->ids[i] == atom) {
            return i;
        }
    }
    return -1;
}

int kmap_find_atom(const KMap *m, int atom) {
    if (atom < 0) {
        return -1;
    }
    if (m->nslots == 0) {
        return scan(m, atom);
    }
    return m->slots[probe(m, atom)] - 1;
}

int kmap_find(const KMap *m, const char *key) {
    if (m->count == 0) {
        return -1;
    }
    return kmap_find_atom(m, atom_of(m->atoms, key, 0));
}

// Doubles the capacity; past SMALL keys the map gets slots. -1 when out of
// memory.
static int grow(KMap *m) {
    KArena *a = m->atoms->arena;
    int cap = m->cap ? m->cap * 2 : SMALL;
    // One block: the keys, then the atoms and the values.
    const char **keys = karena_alloc(a, (sizeof(char *) + 2 * sizeof(int)) * (size_t)cap);
    if (!keys) {
        return -1;
    }
    int *ids = (int *)(void *)(keys + cap);
    int *vals = ids + cap;
    for (int i = 0; i < m->count; i++) { // mostly a few: no memcpy calls
        keys[i] = m->keys[i];
        ids[i] = m->ids[i];
        vals[i] = m->vals[i];
    }
    if (cap > SMALL) {
        int nslots = cap * 2;
        int *slots = karena_calloc(a, sizeof(int) * (size_t)nslots);
        if (!slots) {
            return -1;
        }
        uint32_t mask = (uint32_t)nslots - 1;
        for (int i = 0; i < m->count; i++) {
            uint32_t j = hash_atom(ids[i]) & mask;
            while (slots[j] != 0) {
                j = (j + 1) & mask;
            }
            slots[j] = i + 1;
        }
        m->slots = slots;
        m->nslots = nslots;
    }
    m->keys = keys;
    m->vals = vals;
    m->ids = ids;
    m->cap = cap;
    return 0;
}

// find_or_add's work for an absent 'atom' ('slot': its empty slot when
// the map has slots).
static __attribute__((noinline)) int add_new(KMap *m, int atom, int val, uint32_t slot) {
    if (m->count == m->cap) {
        if (grow(m) < 0) {
            return -1;
        }
        if (m->nslots) {
            slot = probe(m, atom);
        }
    }
    int i = m->count++;
    m->keys[i] = katom_text(m->atoms, atom);
    m->vals[i] = val;
    m->ids[i] = atom;
    if (m->nslots) {
        m->slots[slot] = i + 1;
    }
    return i;
}

// Position of 'atom', added with 'val' when absent; -1 when out of memory.
static inline int find_or_add(KMap *m, int atom, int val) {
    if (atom < 0) {
        return -1;
    }
    uint32_t slot = 0;
    if (m->nslots) {
        slot = probe(m, atom);
        if (m->slots[slot] != 0) {
            return m->slots[slot] - 1;
        }
    } else {
        int i = scan(m, atom);
        if (i >= 0) {
            return i;
        }
    }
    return add_new(m, atom, val, slot);
}

int kmap_put_atom(KMap *m, int atom, int val) {
    int i = find_or_add(m, atom, val);
    if (i >= 0) {
        m->vals[i] = val;
    }
    return i;
}

int kmap_put(KMap *m, const char *key, int val) {
    return kmap_put_atom(m, katom(m->atoms, key), val);
}

int kmap_index_atom(KMap *m, int atom) {
    int i = find_or_add(m, atom, m->count);
    return i < 0 ? -1 : m->vals[i];
}

int kmap_index(KMap *m, const char *key) {
    return kmap_index_atom(m, katom(m->atoms, key));
}

int kmap_copy(KMap *dst, const KMap *src) {
    kmap_init(dst, src->atoms);
    for (int i = 0; i < src->count; i++) {
        if (kmap_put_atom(dst, src->ids[i], src->vals[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
