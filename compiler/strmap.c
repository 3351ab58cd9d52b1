// compiler/strmap.c: string -> int hash map with insertion order (see
// strmap.h). Linear probing over a power-of-two slot array kept at most half
// full; keys and values sit in dense arrays so iteration is cache-friendly.
#include "strmap.h"

#include <stdint.h>
#include <string.h>

void kmap_init(KMap *m, KArena *a) {
    memset(m, 0, sizeof *m);
    m->arena = a;
}

static uint32_t hash_str(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

// The slot holding 'key' (hash 'h'), or the empty slot where it would go;
// the map has slots.
static uint32_t probe(const KMap *m, const char *key, uint32_t h) {
    uint32_t mask = (uint32_t)m->nslots - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        int s = m->slots[i];
        if (s == 0) {
            return i;
        }
        const char *k = m->keys[s - 1];
        if (k == key || (m->hashes[s - 1] == h && strcmp(k, key) == 0)) {
            return i;
        }
    }
}

int kmap_find(const KMap *m, const char *key) {
    if (m->nslots == 0) {
        return -1;
    }
    return m->slots[probe(m, key, hash_str(key))] - 1;
}

static int grow(KMap *m) {
    int cap = m->cap ? m->cap * 2 : 8;
    const char **keys = karena_alloc(m->arena, sizeof(char *) * (size_t)cap);
    int *vals = karena_alloc(m->arena, sizeof(int) * (size_t)cap);
    uint32_t *hashes = karena_alloc(m->arena, sizeof(uint32_t) * (size_t)cap);
    int nslots = cap * 2;
    int *slots = karena_calloc(m->arena, sizeof(int) * (size_t)nslots);
    if (!keys || !vals || !hashes || !slots) {
        return -1;
    }
    if (m->count) {
        memcpy(keys, m->keys, sizeof(char *) * (size_t)m->count);
        memcpy(vals, m->vals, sizeof(int) * (size_t)m->count);
        memcpy(hashes, m->hashes, sizeof(uint32_t) * (size_t)m->count);
    }
    uint32_t mask = (uint32_t)nslots - 1;
    for (int i = 0; i < m->count; i++) {
        uint32_t j = hashes[i] & mask;
        while (slots[j] != 0) {
            j = (j + 1) & mask;
        }
        slots[j] = i + 1;
    }
    m->keys = keys;
    m->vals = vals;
    m->hashes = hashes;
    m->slots = slots;
    m->nslots = nslots;
    m->cap = cap;
    return 0;
}

// Position of 'key', added with 'val' when absent; -1 when out of memory.
static int find_or_add(KMap *m, const char *key, int val, int *added) {
    uint32_t h = hash_str(key);
    uint32_t slot = 0;
    *added = 0;
    if (m->nslots) {
        slot = probe(m, key, h);
        if (m->slots[slot] != 0) {
            return m->slots[slot] - 1;
        }
    }
    if (m->count == m->cap) {
        if (grow(m) < 0) {
            return -1;
        }
        slot = probe(m, key, h);
    }
    int i = m->count++;
    m->keys[i] = key;
    m->vals[i] = val;
    m->hashes[i] = h;
    m->slots[slot] = i + 1;
    *added = 1;
    return i;
}

int kmap_put(KMap *m, const char *key, int val) {
    int added;
    int i = find_or_add(m, key, val, &added);
    if (i >= 0) {
        m->vals[i] = val;
    }
    return i;
}

int kmap_index(KMap *m, const char *key) {
    int added;
    int i = find_or_add(m, key, m->count, &added);
    return i < 0 ? -1 : m->vals[i];
}

int kmap_copy(KMap *dst, const KMap *src, KArena *a) {
    kmap_init(dst, a);
    for (int i = 0; i < src->count; i++) {
        if (kmap_put(dst, src->keys[i], src->vals[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
