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

int kmap_find(const KMap *m, const char *key) {
    if (m->nslots == 0) {
        return -1;
    }
    uint32_t mask = (uint32_t)m->nslots - 1;
    for (uint32_t i = hash_str(key) & mask;; i = (i + 1) & mask) {
        int s = m->slots[i];
        if (s == 0) {
            return -1;
        }
        const char *k = m->keys[s - 1];
        if (k == key || strcmp(k, key) == 0) {
            return s - 1;
        }
    }
}

static void insert_slot(int *slots, int nslots, const char *key, int index) {
    uint32_t mask = (uint32_t)nslots - 1;
    uint32_t i = hash_str(key) & mask;
    while (slots[i] != 0) {
        i = (i + 1) & mask;
    }
    slots[i] = index + 1;
}

static int grow(KMap *m) {
    int cap = m->cap ? m->cap * 2 : 8;
    const char **keys = karena_alloc(m->arena, sizeof(char *) * (size_t)cap);
    int *vals = karena_alloc(m->arena, sizeof(int) * (size_t)cap);
    int nslots = cap * 2;
    int *slots = karena_calloc(m->arena, sizeof(int) * (size_t)nslots);
    if (!keys || !vals || !slots) {
        return -1;
    }
    if (m->count) {
        memcpy(keys, m->keys, sizeof(char *) * (size_t)m->count);
        memcpy(vals, m->vals, sizeof(int) * (size_t)m->count);
    }
    for (int i = 0; i < m->count; i++) {
        insert_slot(slots, nslots, keys[i], i);
    }
    m->keys = keys;
    m->vals = vals;
    m->slots = slots;
    m->nslots = nslots;
    m->cap = cap;
    return 0;
}

int kmap_put(KMap *m, const char *key, int val) {
    int i = kmap_find(m, key);
    if (i >= 0) {
        m->vals[i] = val;
        return i;
    }
    if (m->count == m->cap && grow(m) < 0) {
        return -1;
    }
    i = m->count++;
    m->keys[i] = key;
    m->vals[i] = val;
    insert_slot(m->slots, m->nslots, key, i);
    return i;
}

int kmap_index(KMap *m, const char *key) {
    int i = kmap_find(m, key);
    if (i >= 0) {
        return m->vals[i];
    }
    int n = m->count;
    return kmap_put(m, key, n) < 0 ? -1 : n;
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
