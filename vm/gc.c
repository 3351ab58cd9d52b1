// vm/gc.c: object allocation and the cycle collector. Objects of types with
// KTF_GC carry a KGcHead linking them into one list. A collection (as
// CPython's): copy each tracked object's refcount into its head, subtract
// the references tracked objects hold to each other (via 'traverse'); what
// keeps a positive count is referenced from outside (C locals, frames,
// static objects) and everything it reaches is alive. The rest is garbage
// held only by cycles: finalizers (__del__) run once, then 'clear' breaks
// the cycles and reference counting frees the objects.
#include "gc.h"
#include "internal.h"

#include <string.h>

#include "errors.h"
#include "mem.h"

// The list of tracked objects: a circular list through a sentinel.
static KGcHead tracked = {&tracked, &tracked, 0, 0};
static ssize_t ntracked;
static ssize_t allocs_since;
ssize_t kgc_threshold = 2000;
int kgc_enabled = 1;
static int collecting;

enum { GC_FINALIZED = 1, GC_REACHABLE = 2 };

static int is_gc_object(KObject *o) {
    KType *t = o->type;
    if (!(t->flags & KTF_GC)) {
        return 0;
    }
    // Static type objects have no header.
    if ((t->flags & KTF_TYPE_SUBCLASS) && !(((KType *)o)->flags & KTF_HEAPTYPE)) {
        return 0;
    }
    return 1;
}

static int is_tracked(KObject *o) {
    return is_gc_object(o) && kgc_head(o)->next != NULL;
}

KObject *kobj_alloc(KType *type, size_t size) {
    KObject *o;
    if (type->flags & KTF_GC) {
        if (kgc_enabled && !collecting && ++allocs_since > kgc_threshold && kgc_threshold > 0 &&
            allocs_since > ntracked / 4) {
            kgc_collect();
        }
        KGcHead *g = kmem_zalloc(sizeof(KGcHead) + size);
        if (!g) {
            return NULL;
        }
        g->next = &tracked;
        g->prev = tracked.prev;
        tracked.prev->next = g;
        tracked.prev = g;
        ntracked++;
        o = (KObject *)(g + 1);
    } else {
        o = kmem_zalloc(size);
        if (!o) {
            return NULL;
        }
    }
    o->refcnt = 1;
    o->type = type;
    if (type->flags & KTF_HEAPTYPE) {
        kval_incref(kval_of(type));
    }
    return o;
}

void kgc_untrack(KObject *o) {
    if (!is_gc_object(o)) {
        return;
    }
    KGcHead *g = kgc_head(o);
    if (g->next) {
        g->prev->next = g->next;
        g->next->prev = g->prev;
        g->next = g->prev = NULL;
        ntracked--;
        if (allocs_since > 0) {
            allocs_since--;
        }
    }
}

void kobj_free(KObject *o) {
    KType *type = o->type;
    if (type->flags & KTF_GC) {
        kgc_untrack(o);
        kmem_free(kgc_head(o));
    } else {
        kmem_free(o);
    }
    if (type->flags & KTF_HEAPTYPE) {
        kval_decref(kval_of(type));
    }
}

ssize_t kgc_count(void) {
    return ntracked;
}

// ---------------------------------------------------------------------------
// Collection.

static int visit_decref(KValue v, void *arg) {
    (void)arg;
    if (!kval_is_int(v) && is_tracked(kval_obj(v))) {
        kgc_head(kval_obj(v))->refs--;
    }
    return 0;
}

typedef struct WorkList {
    KObject **items;
    ssize_t len, cap;
    int failed;
} WorkList;

static void push(WorkList *w, KObject *o) {
    if (w->len == w->cap) {
        ssize_t cap = w->cap ? w->cap * 2 : 256;
        KObject **items = kmem_realloc(w->items, (size_t)cap * sizeof(KObject *));
        if (!items) {
            w->failed = 1;
            return;
        }
        w->items = items;
        w->cap = cap;
    }
    w->items[w->len++] = o;
}

static int visit_reachable(KValue v, void *arg) {
    if (kval_is_int(v) || !is_tracked(kval_obj(v))) {
        return 0;
    }
    KGcHead *g = kgc_head(kval_obj(v));
    if (!(g->pad & GC_REACHABLE)) {
        g->pad |= GC_REACHABLE;
        push(arg, kval_obj(v));
    }
    return 0;
}

ssize_t kgc_collect(void) {
    if (collecting) {
        return 0;
    }
    collecting = 1;
    allocs_since = 0;
    for (KGcHead *g = tracked.next; g != &tracked; g = g->next) {
        g->refs = ((KObject *)(g + 1))->refcnt;
        g->pad &= ~(intptr_t)GC_REACHABLE;
    }
    for (KGcHead *g = tracked.next; g != &tracked; g = g->next) {
        KObject *o = (KObject *)(g + 1);
        if (o->type->traverse) {
            o->type->traverse(o, visit_decref, NULL);
        }
    }
    WorkList work = {NULL, 0, 0, 0};
    for (KGcHead *g = tracked.next; g != &tracked; g = g->next) {
        if (g->refs > 0 && !(g->pad & GC_REACHABLE)) {
            g->pad |= GC_REACHABLE;
            push(&work, (KObject *)(g + 1));
        }
    }
    while (work.len > 0 && !work.failed) {
        KObject *o = work.items[--work.len];
        if (o->type->traverse) {
            o->type->traverse(o, visit_reachable, &work);
        }
    }
    if (work.failed) {
        kmem_free(work.items);
        collecting = 0;
        return 0;
    }
    // Everything not reached is garbage: hold it while cycles are broken.
    WorkList garbage = {NULL, 0, 0, 0};
    for (KGcHead *g = tracked.next; g != &tracked; g = g->next) {
        if (!(g->pad & GC_REACHABLE)) {
            KObject *o = (KObject *)(g + 1);
            push(&garbage, o);
        }
    }
    kmem_free(work.items);
    if (garbage.failed) {
        kmem_free(garbage.items);
        collecting = 0;
        return 0;
    }
    for (ssize_t i = 0; i < garbage.len; i++) {
        garbage.items[i]->refcnt++;
    }
    KValue pending = kerr_fetch();
    for (ssize_t i = 0; i < garbage.len; i++) {
        KObject *o = garbage.items[i];
        KGcHead *g = kgc_head(o);
        if (o->type->finalize && !(g->pad & GC_FINALIZED)) {
            g->pad |= GC_FINALIZED;
            o->type->finalize(kval_of(o));
            kerr_clear();
        }
    }
    for (ssize_t i = 0; i < garbage.len; i++) {
        KObject *o = garbage.items[i];
        if (o->type->clear) {
            o->type->clear(o);
            kerr_clear();
        }
    }
    for (ssize_t i = 0; i < garbage.len; i++) {
        kval_decref(kval_of(garbage.items[i]));
    }
    kerr_restore(pending);
    ssize_t n = garbage.len;
    kmem_free(garbage.items);
    collecting = 0;
    return n;
}
