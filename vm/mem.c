// vm/mem.c: the small-object allocator behind kmem_alloc. Blocks of up to
// KMEM_SMALL_MAX bytes are served from pools, one size class (a multiple of
// 16 bytes) per pool; pools are cut from 1 MiB arenas aligned to their size,
// each pool aligned to its own size, so a block's pool header is found by
// masking its address and kmem_free needs no size. The first arena's pools
// are 2 KiB, later ones' 16 KiB: start-up takes a little from each of some
// 17 size classes, and with a page per class's first pool it wrote 25 pages
// of the arena (each a page fault), 14 with 2 KiB pools. Whether a pointer belongs to an arena at all is a
// probe in a small hash set of arena addresses (as CPython's address_in_range
// answers the same question with a radix tree). Larger blocks go to malloc.
// Under AddressSanitizer everything goes to malloc, so each block is checked.
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define KMEM_USE_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KMEM_USE_MALLOC 1
#endif
#endif

// ASan aborts on a request above its limit (1 TiB on 64-bit) where malloc
// would return NULL; refuse those first so they raise MemoryError as in the
// normal build (os.read(fd, 2**62), bytes(2**62)).
#define KMEM_ASAN_MAX ((size_t)1 << 40)

static size_t live_blocks;

size_t kmem_live_blocks(void) {
    return live_blocks;
}

char *kmem_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *p = kmem_alloc(n);
    if (p) {
        memcpy(p, s, n);
    }
    return p;
}

void *kmem_dup_array(const void *src, size_t n, size_t size) {
    void *p = kmem_alloc(n * size + 1);
    if (p && n) {
        memcpy(p, src, n * size);
    }
    return p;
}

// A large block comes from calloc, which leaves memory fresh from the
// system untouched (it is zero already): an image's per-record tables
// (92 KB for tools/bench/import-large's module) cost a page fault only
// where a record is used, not one per page up front.
void *kmem_zalloc(size_t size) {
    if (size > KMEM_SMALL_MAX) {
#ifdef KMEM_USE_MALLOC
        if (size > KMEM_ASAN_MAX) {
            return NULL;
        }
#endif
        void *p = calloc(1, size);
        if (p) {
            live_blocks++;
        }
        return p;
    }
    void *p = kmem_alloc(size);
    if (p) {
        memset(p, 0, size);
    }
    return p;
}

#ifdef KMEM_USE_MALLOC

void *kmem_alloc(size_t size) {
    if (size > KMEM_ASAN_MAX) {
        return NULL;
    }
    void *p = malloc(size ? size : 1);
    if (p) {
        live_blocks++;
    }
    return p;
}

void *kmem_realloc(void *p, size_t size) {
    if (size > KMEM_ASAN_MAX) {
        return NULL;
    }
    void *q = realloc(p, size ? size : 1);
    if (q && !p) {
        live_blocks++;
    }
    return q;
}

void kmem_free(void *p) {
    if (p) {
        live_blocks--;
        free(p);
    }
}

#else

#define ARENA_SIZE ((uintptr_t)1 << 20)
#define FIRST_POOL_SHIFT 11
#define POOL_SHIFT 14
#define NCLASSES (KMEM_SMALL_MAX / 16)

typedef struct FreeBlock {
    struct FreeBlock *next;
} FreeBlock;

// The header at the start of every pool.
typedef struct Pool {
    struct Pool *next_partial; // in its class's list of pools with free blocks
    FreeBlock *free;           // released blocks
    char *bump;                // never-used blocks start here
    char *end;
    uint32_t block_size;
    uint32_t used;
    int on_list;
    char pad[4];
} Pool;

static Pool *partial[NCLASSES];
// The arena that new pools are cut from, where the next pool starts, and
// the size of its pools.
static char *arena_next, *arena_end;
static uintptr_t arena_pool_size;
// Open-addressing set of arenas (0 = empty slot): each entry is the arena's
// base address plus the log2 of its pool size in the low bits.
static uintptr_t *arena_set;
static size_t arena_set_cap, arena_set_count;

static size_t arena_slot(uintptr_t base, size_t cap) {
    return (size_t)((base >> 20) * 0x9E3779B97F4A7C15ull) & (cap - 1);
}

// The entry of the arena at 'base', or 0 when there is none.
static uintptr_t arena_entry(uintptr_t base) {
    if (!arena_set_cap) {
        return 0;
    }
    for (size_t i = arena_slot(base, arena_set_cap);; i = (i + 1) & (arena_set_cap - 1)) {
        if ((arena_set[i] & ~(ARENA_SIZE - 1)) == base) {
            return arena_set[i];
        }
        if (arena_set[i] == 0) {
            return 0;
        }
    }
}

static void set_insert(uintptr_t *set, size_t cap, uintptr_t entry) {
    size_t i = arena_slot(entry & ~(ARENA_SIZE - 1), cap);
    while (set[i]) {
        i = (i + 1) & (cap - 1);
    }
    set[i] = entry;
}

static int remember_arena(uintptr_t entry) {
    if ((arena_set_count + 1) * 2 > arena_set_cap) {
        size_t cap = arena_set_cap ? arena_set_cap * 2 : 64;
        uintptr_t *set = calloc(cap, sizeof *set);
        if (!set) {
            return -1;
        }
        for (size_t i = 0; i < arena_set_cap; i++) {
            if (arena_set[i]) {
                set_insert(set, cap, arena_set[i]);
            }
        }
        free(arena_set);
        arena_set = set;
        arena_set_cap = cap;
    }
    set_insert(arena_set, arena_set_cap, entry);
    arena_set_count++;
    return 0;
}

// How many arenas were mapped, and how far the current one is populated
// (populate_ahead).
static int arenas_made;
static char *arena_populated; // pages before it are present (when populating)
static int populate_refused;  // the kernel does not know MADV_POPULATE_WRITE

// Maps a new arena aligned to ARENA_SIZE; returns -1 when out of memory.
static int new_arena(void) {
    size_t len = ARENA_SIZE * 2;
    char *raw = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        return -1;
    }
    uintptr_t base = ((uintptr_t)raw + ARENA_SIZE - 1) & ~(ARENA_SIZE - 1);
    if (base > (uintptr_t)raw) {
        munmap(raw, base - (uintptr_t)raw);
    }
    uintptr_t tail = base + ARENA_SIZE;
    if ((uintptr_t)raw + len > tail) {
        munmap((void *)tail, (uintptr_t)raw + len - tail);
    }
    unsigned shift = arena_set_count ? POOL_SHIFT : FIRST_POOL_SHIFT;
    if (remember_arena(base | shift) < 0) {
        munmap((void *)base, ARENA_SIZE);
        return -1;
    }
    arena_next = (char *)base;
    arena_end = (char *)tail;
    arena_populated = arena_next;
    arenas_made++;
    arena_pool_size = (uintptr_t)1 << shift;
    return 0;
}

// Arena pages are made present POPULATE_CHUNK at a time, ahead of the
// pools cut from them, by one madvise instead of one page fault per page,
// once a program has cut POPULATE_AFTER bytes of pools: it is allocating
// in bulk (an import defining thousands of functions), and a fault costs
// far more than the page it brings (on this project's machines, 3.1 us
// per page faulted one at a time against 2.2 us populated 16 at a time).
// Below that, pages fault one by one, so a small program does not make
// present pools' pages it never uses; but the first chunk of the first
// arena is populated when the arena is: start-up alone cuts some 18 pages
// of 2 KiB pools from it (hello.py: 16 page faults fewer).
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
#define POPULATE_CHUNK ((uintptr_t)1 << 16)
#define POPULATE_AFTER ((uintptr_t)1 << 19)

static void populate_ahead(void) {
    if (populate_refused || arena_next < arena_populated ||
        (arenas_made < 2 && arena_next != arena_end - ARENA_SIZE &&
         arena_next < arena_end - ARENA_SIZE + POPULATE_AFTER)) {
        return;
    }
    arena_populated = arena_next + POPULATE_CHUNK;
    if (madvise(arena_next, POPULATE_CHUNK, MADV_POPULATE_WRITE) != 0) {
        populate_refused = 1; // faults as usual; only the batching is lost
    }
}

static Pool *new_pool(size_t cls) {
    if (arena_next == arena_end && new_arena() < 0) {
        return NULL;
    }
    populate_ahead();
    Pool *pool = (Pool *)arena_next;
    arena_next += arena_pool_size;
    pool->block_size = (uint32_t)((cls + 1) * 16);
    pool->free = NULL;
    pool->bump = (char *)pool + sizeof(Pool);
    pool->end = (char *)pool + arena_pool_size;
    pool->used = 0;
    pool->next_partial = NULL;
    pool->on_list = 1;
    partial[cls] = pool;
    return pool;
}

static void *small_alloc_slow(size_t cls);

// The common cases inline: the first partial pool of the class has a free
// block (one load and one store), or never-used room at its end (a program
// building many objects that live on, as an import does, takes every block
// from there: 14,600 calls out of line for tools/bench/import-large); anything
// else goes out of line.
static inline __attribute__((always_inline)) void *small_alloc(size_t size) {
    size_t cls = size ? (size - 1) >> 4 : 0;
    Pool *pool = partial[cls];
    if (__builtin_expect(pool != NULL, 1)) {
        FreeBlock *b = pool->free;
        if (__builtin_expect(b != NULL, 1)) {
            pool->free = b->next;
            pool->used++;
            return b;
        }
        if (pool->bump + pool->block_size <= pool->end) {
            void *p = pool->bump;
            pool->bump += pool->block_size;
            pool->used++;
            return p;
        }
    }
    return small_alloc_slow(cls);
}

static __attribute__((noinline)) void *small_alloc_slow(size_t cls) {
    Pool *pool = partial[cls];
    for (;;) {
        if (!pool && !(pool = new_pool(cls))) {
            return NULL;
        }
        if (pool->free) {
            FreeBlock *b = pool->free;
            pool->free = b->next;
            pool->used++;
            return b;
        }
        if (pool->bump + pool->block_size <= pool->end) {
            void *b = pool->bump;
            pool->bump += pool->block_size;
            pool->used++;
            return b;
        }
        // Full: drop it from the list; a free will put it back.
        partial[cls] = pool->next_partial;
        pool->on_list = 0;
        pool = partial[cls];
    }
}

// The arena the last pool_of answered for, and the mask of its pools' size:
// most frees land in the arena of the one before, which saves the hash probe.
static uintptr_t last_arena, last_pool_mask;

static Pool *pool_of(void *p) {
    uintptr_t a = (uintptr_t)p;
    uintptr_t base = a & ~(ARENA_SIZE - 1);
    if (base != last_arena || base == 0) {
        uintptr_t entry = arena_entry(base);
        if (!entry) {
            return NULL;
        }
        last_arena = base;
        last_pool_mask = ~(((uintptr_t)1 << (entry & (ARENA_SIZE - 1))) - 1);
    }
    return (Pool *)(a & last_pool_mask);
}

void *kmem_alloc(size_t size) {
    void *p = size <= KMEM_SMALL_MAX ? small_alloc(size) : malloc(size);
    if (p) {
        live_blocks++;
    }
    return p;
}

void kmem_free(void *p) {
    if (!p) {
        return;
    }
    live_blocks--;
    Pool *pool = pool_of(p);
    if (!pool) {
        free(p);
        return;
    }
    FreeBlock *b = p;
    b->next = pool->free;
    pool->free = b;
    pool->used--;
    if (!pool->on_list) {
        size_t cls = (pool->block_size >> 4) - 1;
        pool->next_partial = partial[cls];
        partial[cls] = pool;
        pool->on_list = 1;
    }
}

void *kmem_realloc(void *p, size_t size) {
    if (!p) {
        return kmem_alloc(size);
    }
    Pool *pool = pool_of(p);
    if (!pool) {
        if (size > KMEM_SMALL_MAX) {
            return realloc(p, size);
        }
        void *q = small_alloc(size);
        if (q) {
            memcpy(q, p, size);
            free(p);
        }
        return q;
    }
    if (size <= pool->block_size && size > pool->block_size / 2) {
        return p;
    }
    void *q = kmem_alloc(size);
    if (q) {
        memcpy(q, p, size < pool->block_size ? size : pool->block_size);
        kmem_free(p);
    }
    return q;
}

#endif
