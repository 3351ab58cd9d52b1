// vm/mem.h: the runtime's one allocation funnel. Small blocks (up to
// KMEM_SMALL_MAX bytes) come from size-class pools carved out of aligned
// arenas; larger ones from malloc. Under AddressSanitizer every block goes to
// malloc so that each one is checked. Nothing here raises: callers turn a
// NULL into MemoryError (kerr_no_memory).
#ifndef KRAIT_VM_MEM_H
#define KRAIT_VM_MEM_H

#include <stddef.h>

#define KMEM_SMALL_MAX 512

// Returns 'size' bytes (16-byte aligned), or NULL when out of memory.
void *kmem_alloc(size_t size);
// As kmem_alloc, zero-filled.
void *kmem_zalloc(size_t size);
// Resizes 'p' (NULL: allocates) to 'size' bytes, keeping the contents; the
// old block is released only on success. NULL when out of memory.
void *kmem_realloc(void *p, size_t size);
// Releases a block from kmem_alloc/kmem_zalloc/kmem_realloc; NULL is fine.
void kmem_free(void *p);
// Duplicates the NUL-terminated 's'; NULL when out of memory.
char *kmem_strdup(const char *s);
// A copy of the 'n' items of 'size' bytes at 'src' (a valid block even when
// 'n' is 0); NULL when out of memory.
void *kmem_dup_array(const void *src, size_t n, size_t size);

// Counters for tests and `sys` introspection: blocks currently allocated.
size_t kmem_live_blocks(void);

#endif
