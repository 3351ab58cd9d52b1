// compiler/arena.h: the compiler's one allocation funnel. Tokens, AST nodes,
// decoded literals and diagnostics' scratch all live in an arena that is freed
// in one call; nothing allocated from it is freed on its own.
#ifndef KRAIT_COMPILER_ARENA_H
#define KRAIT_COMPILER_ARENA_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct KArena KArena;

// The free space of the chunk being filled is visible here so
// karena_alloc's fast path can be inlined (3.7% of kraitc's time as a
// call) as a pointer bump; the rest is arena.c's.
typedef struct KArenaChunk {
    struct KArenaChunk *next;
    size_t cap;
    _Alignas(8) unsigned char data[];
} KArenaChunk;

struct KArena {
    unsigned char *cur; // the free space of the newest chunk: 8-aligned,
    unsigned char *end; // a multiple of 8 bytes (both NULL before the first)
    KArenaChunk *head;
    size_t footprint;
    size_t next_cap;
};

// Returns a new, empty arena, or NULL when out of memory.
KArena *karena_new(void);

// Frees 'a' and everything allocated from it. NULL is fine.
void karena_free(KArena *a);

// Returns 'size' bytes aligned to 8, uninitialised, owned by 'a'; NULL when
// out of memory (the arena stays usable).
// (karena_alloc_chunk is its slow path: a new chunk.)
void *karena_alloc_chunk(KArena *a, size_t size);

static inline void *karena_alloc(KArena *a, size_t size) {
    // The free space is a multiple of 8, so 'size' rounded up still fits
    // (an exact fit, and any size before the first chunk, take the slow path).
    if (size >= (size_t)(a->end - a->cur)) {
        return karena_alloc_chunk(a, size);
    }
    void *p = a->cur;
    a->cur += (size + 7) & ~(size_t)7;
    return p;
}

// As karena_alloc, but zero-filled.
void *karena_calloc(KArena *a, size_t size);

// Copies 'len' bytes of 's' into the arena and adds a NUL; NULL when out of
// memory. Inline: the parser copies every identifier through it.
static inline char *karena_strndup(KArena *a, const char *s, size_t len) {
    char *p = karena_alloc(a, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

// Total bytes obtained from malloc by 'a' (for statistics and tests).
size_t karena_footprint(const KArena *a);

#endif
