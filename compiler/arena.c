// compiler/arena.c: bump allocation in chunks. Chunks grow geometrically so a
// large file costs few mallocs; an oversized request gets a chunk of its own.
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef KArenaChunk Chunk;

enum { FIRST_CHUNK = 16 * 1024, MAX_CHUNK = 4 * 1024 * 1024 };

KArena *karena_new(void) {
    KArena *a = calloc(1, sizeof(KArena));
    if (a) {
        a->next_cap = FIRST_CHUNK;
    }
    return a;
}

void karena_free(KArena *a) {
    if (!a) {
        return;
    }
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

static Chunk *add_chunk(KArena *a, size_t need) {
    size_t cap = a->next_cap;
    if (cap < need) {
        cap = need;
    }
    if (a->next_cap < MAX_CHUNK) {
        a->next_cap *= 2;
    }
    Chunk *c = malloc(sizeof(Chunk) + cap);
    if (!c) {
        return NULL;
    }
    c->cap = cap;
    c->next = a->head;
    a->head = c;
    a->footprint += sizeof(Chunk) + cap;
    return c;
}

void *karena_alloc_chunk(KArena *a, size_t size) {
    if (size > SIZE_MAX / 2) {
        return NULL;
    }
    size = (size + 7) & ~(size_t)7;
    Chunk *c = add_chunk(a, size);
    if (!c) {
        return NULL;
    }
    // The new chunk is the one filled from now on, even when this request
    // leaves little of it.
    a->cur = c->data + size;
    a->end = c->data + c->cap;
    return c->data;
}

void *karena_calloc(KArena *a, size_t size) {
    void *p = karena_alloc(a, size);
    if (p) {
        memset(p, 0, size);
    }
    return p;
}

size_t karena_footprint(const KArena *a) {
    return a->footprint;
}
