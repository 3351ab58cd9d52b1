// compiler/arena.h: the compiler's one allocation funnel. Tokens, AST nodes,
// decoded literals and diagnostics' scratch all live in an arena that is freed
// in one call; nothing allocated from it is freed on its own.
#ifndef KRAIT_COMPILER_ARENA_H
#define KRAIT_COMPILER_ARENA_H

#include <stddef.h>

typedef struct KArena KArena;

// Returns a new, empty arena, or NULL when out of memory.
KArena *karena_new(void);

// Frees 'a' and everything allocated from it. NULL is fine.
void karena_free(KArena *a);

// Returns 'size' bytes aligned to 8, uninitialised, owned by 'a'; NULL when
// out of memory (the arena stays usable).
void *karena_alloc(KArena *a, size_t size);

// As karena_alloc, but zero-filled.
void *karena_calloc(KArena *a, size_t size);

// Copies 'len' bytes of 's' into the arena and adds a NUL; NULL when out of memory.
char *karena_strndup(KArena *a, const char *s, size_t len);

// Total bytes obtained from malloc by 'a' (for statistics and tests).
size_t karena_footprint(const KArena *a);

#endif
