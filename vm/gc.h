// vm/gc.h: object allocation and the cycle collector's bookkeeping. Every
// object comes from kobj_alloc; instances of types with KTF_GC carry a
// KGcHead in front of them, linking all such objects so the collector can
// walk them (each type's 'traverse' visits exactly what it owns).
#ifndef KRAIT_VM_GC_H
#define KRAIT_VM_GC_H

#include "object.h"

typedef struct KGcHead {
    struct KGcHead *next, *prev;
    intptr_t refs; // scratch for the collector
    intptr_t pad;
} KGcHead;

static inline KGcHead *kgc_head(KObject *o) {
    return (KGcHead *)o - 1;
}

// A zero-filled object of 'size' bytes of 'type' with refcount 1 (the
// type is increfed when it is a heap type), tracked by the collector when
// the type has KTF_GC. NULL with MemoryError.
KObject *kobj_alloc(KType *type, size_t size);
// As kobj_alloc, but only the first 'zeroed' bytes are zero-filled: the
// caller fills the rest before anything can see the object (a str's code
// units, say).
KObject *kobj_alloc_partial(KType *type, size_t size, size_t zeroed);
// Releases the memory of an object whose fields were already cleared; decrefs
// its type when it is a heap type.
void kobj_free(KObject *o);
// Removes 'o' from the collector's list (before its fields are torn down).
void kgc_untrack(KObject *o);
// Puts an untracked object of a KTF_GC type back on the collector's list (a
// free list reusing it), as kobj_alloc would.
void kgc_track(KObject *o);
// Set once an object of a class with __del__ has been made.
extern int kgc_finalizers_made;
// At exit (after atexit), when objects with __del__ were made: collects the
// garbage cycles, removes __main__ from 'modules' (sys.modules) and
// collects again, so __del__ runs for what only the program's globals kept
// alive, as in CPython's shutdown. Errors are ignored.
void kgc_finalize_at_exit(KValue modules);
// Runs a collection; returns the number of unreachable objects found, -1 on error.
ssize_t kgc_collect(void);
// Collects generation 'gen' (clamped to 0..2) and the younger ones.
ssize_t kgc_collect_generation(int gen);
// The three generations' thresholds (the first is kgc_threshold) and counts,
// as gc.get_threshold() and gc.get_count() report them.
void kgc_get_state(ssize_t thresholds[3], ssize_t counts[3]);
void kgc_set_thresholds(const ssize_t thresholds[3]);
// gc.is_tracked(v).
// True while a collection handles the weak references to its garbage and
// 'o' is part of that garbage (its callback then never runs, as CPython's).
int kgc_in_garbage(KObject *o);
int kgc_is_tracked(KValue v);
// Calls 'fn' for each object the collector tracks in generation 'gen' (-1:
// all), oldest generation last, until it returns nonzero (then 1). 'fn'
// must not allocate tracked objects or run Python code.
int kgc_each(int gen, int (*fn)(KValue obj, void *arg), void *arg);
// Whether the collector already ran the object's __del__.
int kgc_is_finalized(KValue v);
// Objects currently tracked.
ssize_t kgc_count(void);
// Collections run automatically once this many tracked objects were allocated
// since the last one (0 disables), as gc.set_threshold's first value.
extern ssize_t kgc_threshold;
extern int kgc_enabled;

#endif
