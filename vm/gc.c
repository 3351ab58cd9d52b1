// vm/gc.c: object allocation and the cycle collector. Objects of types with
// KTF_GC carry a KGcHead linking them into one of three generation lists.
// A collection of a generation (and the younger ones), as CPython's: copy
// each member's refcount into its head, subtract the references members
// hold to each other (via 'traverse'); what keeps a positive count is
// referenced from outside the set (C locals, frames, older objects, static
// objects) and everything it reaches is alive. The rest is garbage held only
// by cycles: finalizers (__del__) run once, then 'clear' breaks the cycles
// and reference counting frees the objects. Survivors move one generation
// up. Young collections run every 700 net allocations, older ones every 10
// younger ones, the oldest only once a quarter of its size is new (CPython's
// thresholds and long-lived rule): a program allocating many live objects
// pays about a constant per object. Tuples holding no trackable objects
// stop being tracked when a collection sees them, as CPython's. After an
// automatic collection that freed nothing the next waits longer
// (young_backoff).
#include "gc.h"
#include "internal.h"

#include <limits.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "list.h"
#include "mem.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "weakref.h"

#define NGENS 3

typedef struct Generation {
    KGcHead head;   // list sentinel
    ssize_t count;  // gen 0: net new objects; older: collections of the one below
    ssize_t threshold;
} Generation;

static Generation gens[NGENS] = {
    {{&gens[0].head, &gens[0].head, 0, 0}, 0, 700},
    {{&gens[1].head, &gens[1].head, 0, 0}, 0, 10},
    {{&gens[2].head, &gens[2].head, 0, 0}, 0, 10},
};
static ssize_t ntracked;
static ssize_t long_lived_total, long_lived_pending;
ssize_t kgc_threshold = 700;
int kgc_enabled = 1;
static int collecting;

// While a program only builds objects that stay alive (an import defining
// thousands of functions and their default tuples), each young collection
// traverses hundreds of new objects and frees none: tools/bench/import-large
// spent a tenth of its instructions so. After an automatic collection that
// freed nothing, the next waits for 2^YOUNG_BACKOFF_MAX times the threshold
// of net allocations; after one that freed anything, for the threshold. So
// cyclic garbage waits at most 8 x 700 allocations, and a program making
// it steadily is collected as often as before.
// gc.get_threshold() still reports the threshold; gc.get_count() may pass it.
#define YOUNG_BACKOFF_MAX 3
static int young_backoff;
// gens[0].count above this runs maybe_collect: the threshold, shifted.
static ssize_t young_limit = 700;

static ssize_t backed_off(ssize_t threshold) {
    return threshold > (SSIZE_MAX >> YOUNG_BACKOFF_MAX) ? threshold : threshold << young_backoff;
}

enum { GC_FINALIZED = 1, GC_REACHABLE = 2, GC_MEMBER = 4, GC_GARBAGE = 8 };

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

static void list_append(KGcHead *list, KGcHead *g) {
    g->next = list;
    g->prev = list->prev;
    list->prev->next = g;
    list->prev = g;
}

static void list_unlink(KGcHead *g) {
    g->prev->next = g->next;
    g->next->prev = g->prev;
}

// Moves every element of 'from' to the end of 'to'.
static void list_merge(KGcHead *from, KGcHead *to) {
    if (from->next == from) {
        return;
    }
    KGcHead *first = from->next, *last = from->prev;
    first->prev = to->prev;
    to->prev->next = first;
    last->next = to;
    to->prev = last;
    from->next = from->prev = from;
}

static ssize_t collect_generation(int gen);

static void maybe_collect(void) {
    if (!kgc_enabled || collecting || kgc_threshold <= 0) {
        return;
    }
    gens[0].threshold = kgc_threshold;
    young_limit = backed_off(kgc_threshold);
    if (gens[0].count <= young_limit) {
        return;
    }
    int gen = 0;
    for (int g = NGENS - 1; g > 0; g--) {
        if (gens[g].count > gens[g].threshold) {
            // The oldest generation waits until it has grown by a quarter.
            if (g == NGENS - 1 && long_lived_pending < long_lived_total / 4) {
                continue;
            }
            gen = g;
            break;
        }
    }
    ssize_t freed = collect_generation(gen);
    young_backoff = freed > 0 ? 0 : YOUNG_BACKOFF_MAX;
    young_limit = backed_off(kgc_threshold);
}

KObject *kobj_alloc_partial(KType *type, size_t size, size_t zeroed) {
    KObject *o;
    if (type->flags & KTF_GC) {
        if (++gens[0].count > young_limit || gens[0].threshold != kgc_threshold) {
            maybe_collect();
        }
        KGcHead *g = kmem_alloc(sizeof(KGcHead) + size);
        if (!g) {
            return NULL;
        }
        memset(g, 0, sizeof(KGcHead) + zeroed);
        list_append(&gens[0].head, g);
        ntracked++;
        o = (KObject *)(g + 1);
    } else {
        o = kmem_alloc(size);
        if (!o) {
            return NULL;
        }
        memset(o, 0, zeroed);
    }
    o->refcnt = 1;
    o->type = type;
    if (type->flags & KTF_HEAPTYPE) {
        kval_incref(kval_of(type));
        if (K_UNLIKELY(type->finalize != NULL)) {
            kgc_finalizers_made = 1;
        }
    }
    return o;
}

KObject *kobj_alloc(KType *type, size_t size) {
    return kobj_alloc_partial(type, size, size);
}

void kgc_untrack(KObject *o) {
    if (!is_gc_object(o)) {
        return;
    }
    KGcHead *g = kgc_head(o);
    if (g->next) {
        list_unlink(g);
        g->next = g->prev = NULL;
        ntracked--;
        if (gens[0].count > 0) {
            gens[0].count--;
        }
    }
}

void kgc_track(KObject *o) {
    KGcHead *g = kgc_head(o);
    // Collect before linking 'o' in: it may not be fully set up yet.
    if (++gens[0].count > gens[0].threshold || gens[0].threshold != kgc_threshold) {
        maybe_collect();
    }
    list_append(&gens[0].head, g);
    ntracked++;
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

int kgc_finalizers_made;

void kgc_finalize_at_exit(KValue modules) {
    if (!kgc_finalizers_made) {
        return; // nothing with a __del__ was ever made: nothing to run
    }
    KValue saved = kerr_fetch();
    kgc_collect();
    // As CPython's shutdown (finalize_modules): sys.meta_path becomes None,
    // so imports fail, and every module but sys and builtins leaves
    // sys.modules. What only __main__ kept alive dies first (its dict, in a
    // cycle with its functions, by the collector: __del__ methods still see
    // their globals), then what only the other modules kept alive.
    if (modules && kdict_check(modules)) {
        if (kruntime.sys_dict && kdict_set_cstr(kruntime.sys_dict, "meta_path", KV_NONE) < 0) {
            kerr_clear();
        }
        KValue names = kdict_keys_list(modules);
        KValue held = klist_new(0); // the other modules, alive until __main__'s objects died
        for (ssize_t i = 0; names && held && i < klist_len(names); i++) {
            KValue key = klist_items(names)[i];
            if (!kstr_check(key) || kstr_eq_cstr(key, "sys") || kstr_eq_cstr(key, "builtins")) {
                continue;
            }
            KValue mod = kdict_get_borrow(modules, key);
            if ((mod && !kstr_eq_cstr(key, "__main__") && klist_append(held, mod) < 0) ||
                kdict_discard(modules, key) < 0) {
                kerr_clear();
            }
        }
        kval_xdecref(names);
        kgc_collect();
        kval_xdecref(held);
        kgc_collect();
    }
    kerr_clear();
    kerr_restore(saved);
}

ssize_t kgc_count(void) {
    return ntracked;
}

// ---------------------------------------------------------------------------
// Collection.

static int visit_decref(KValue v, void *arg) {
    (void)arg;
    if (!kval_is_int(v) && is_tracked(kval_obj(v))) {
        KGcHead *g = kgc_head(kval_obj(v));
        if (g->pad & GC_MEMBER) {
            g->refs--;
        }
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
    if ((g->pad & GC_MEMBER) && !(g->pad & GC_REACHABLE)) {
        g->pad |= GC_REACHABLE;
        push(arg, kval_obj(v));
    }
    return 0;
}

// A tuple whose items are all untrackable can never be part of a cycle.
static int tuple_is_atomic(KObject *o) {
    KTuple *t = (KTuple *)o;
    for (ssize_t i = 0; i < t->len; i++) {
        KValue v = t->items[i];
        if (v && !kval_is_int(v) && is_tracked(kval_obj(v))) {
            return 0;
        }
    }
    return 1;
}

// After finalizers ran on the garbage (each held by one extra reference), the
// part an outside reference reaches again was resurrected (a __del__ that
// stored self, a generator's finally that kept its frame's objects): as in
// CPython (PEP 442), it is neither cleared nor counted, and lives on in the
// generation it is in; its finalizer does not run again. 'garbage' keeps the
// rest. When memory runs out, nothing is cleared.
static void drop_resurrected(WorkList *garbage) {
    for (ssize_t i = 0; i < garbage->len; i++) {
        KObject *o = garbage->items[i];
        KGcHead *g = kgc_head(o);
        g->refs = o->refcnt - 1;
        g->pad = (g->pad & GC_FINALIZED) | GC_MEMBER;
    }
    for (ssize_t i = 0; i < garbage->len; i++) {
        KObject *o = garbage->items[i];
        if (o->type->traverse) {
            o->type->traverse(o, visit_decref, NULL);
        }
    }
    WorkList work = {NULL, 0, 0, 0};
    for (ssize_t i = 0; i < garbage->len; i++) {
        KObject *o = garbage->items[i];
        KGcHead *g = kgc_head(o);
        if (g->refs > 0 && !(g->pad & GC_REACHABLE)) {
            g->pad |= GC_REACHABLE;
            push(&work, o);
        }
    }
    while (work.len > 0 && !work.failed) {
        KObject *o = work.items[--work.len];
        if (o->type->traverse) {
            o->type->traverse(o, visit_reachable, &work);
        }
    }
    ssize_t kept = 0;
    for (ssize_t i = 0; i < garbage->len; i++) {
        KObject *o = garbage->items[i];
        KGcHead *g = kgc_head(o);
        int alive = work.failed || (g->pad & GC_REACHABLE);
        g->pad &= ~(intptr_t)(GC_MEMBER | GC_REACHABLE);
        if (alive) {
            o->refcnt--; // the hold; outside or garbage references remain
        } else {
            garbage->items[kept++] = o;
        }
    }
    garbage->len = kept;
    kmem_free(work.items);
}

static ssize_t collect_generation(int gen) {
    if (collecting) {
        return 0;
    }
    collecting = 1;
    // The set: generation 'gen' and every younger one.
    KGcHead *young = &gens[gen].head;
    for (int g = 0; g < gen; g++) {
        list_merge(&gens[g].head, young);
    }
    for (KGcHead *g = young->next; g != young;) {
        KGcHead *next = g->next;
        KObject *o = (KObject *)(g + 1);
        if (o->type == &ktuple_type && tuple_is_atomic(o)) {
            list_unlink(g);
            g->next = g->prev = NULL;
            ntracked--;
        } else {
            g->refs = o->refcnt;
            g->pad = (g->pad & GC_FINALIZED) | GC_MEMBER;
        }
        g = next;
    }
    for (KGcHead *g = young->next; g != young; g = g->next) {
        KObject *o = (KObject *)(g + 1);
        if (o->type->traverse) {
            o->type->traverse(o, visit_decref, NULL);
        }
    }
    WorkList work = {NULL, 0, 0, 0};
    for (KGcHead *g = young->next; g != young; g = g->next) {
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
    WorkList garbage = {NULL, 0, 0, 0};
    if (!work.failed) {
        for (KGcHead *g = young->next; g != young; g = g->next) {
            if (!(g->pad & GC_REACHABLE)) {
                push(&garbage, (KObject *)(g + 1));
            }
        }
    }
    kmem_free(work.items);
    // Survivors (everything, when memory ran out) move up a generation.
    for (KGcHead *g = young->next; g != young; g = g->next) {
        g->pad &= ~(intptr_t)(GC_MEMBER | GC_REACHABLE);
    }
    int older = gen + 1 < NGENS ? gen + 1 : gen;
    ssize_t survivors = 0;
    for (KGcHead *g = young->next; g != young; g = g->next) {
        survivors++;
    }
    if (older != gen) {
        list_merge(young, &gens[older].head);
        gens[older].count++;
        if (older == NGENS - 1) {
            long_lived_pending += survivors;
        }
    } else {
        long_lived_total = survivors;
        long_lived_pending = 0;
    }
    for (int g = 0; g <= gen; g++) {
        gens[g].count = 0;
    }
    if (work.failed || garbage.failed) {
        kmem_free(garbage.items);
        collecting = 0;
        return 0;
    }
    for (ssize_t i = 0; i < garbage.len; i++) {
        garbage.items[i]->refcnt++;
    }
    KValue pending = kerr_fetch();
    // As CPython's handle_weakrefs: weak references to the garbage die (and
    // their callbacks run) before any finaliser or clear can expose a
    // half-torn object through them; a weak reference that is garbage
    // itself runs no callback (kgc_in_garbage).
    for (ssize_t i = 0; i < garbage.len; i++) {
        kgc_head(garbage.items[i])->pad |= GC_GARBAGE;
    }
    for (ssize_t i = 0; i < garbage.len; i++) {
        KObject *o = garbage.items[i];
        if (o->type->flags & KTF_HAS_WEAKREFS) {
            kweakref_clear_refs(o);
        }
    }
    for (ssize_t i = 0; i < garbage.len; i++) {
        kgc_head(garbage.items[i])->pad &= ~(intptr_t)GC_GARBAGE;
    }
    int finalized = 0;
    for (ssize_t i = 0; i < garbage.len; i++) {
        KObject *o = garbage.items[i];
        KGcHead *g = kgc_head(o);
        if (o->type->finalize && !(g->pad & GC_FINALIZED)) {
            g->pad |= GC_FINALIZED;
            o->type->finalize(kval_of(o));
            kerr_clear();
            finalized = 1;
        }
    }
    if (finalized) {
        drop_resurrected(&garbage);
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

ssize_t kgc_collect(void) {
    return collect_generation(NGENS - 1);
}

ssize_t kgc_collect_generation(int gen) {
    return collect_generation(gen < 0 ? 0 : gen >= NGENS ? NGENS - 1 : gen);
}

void kgc_get_state(ssize_t thresholds[3], ssize_t counts[3]) {
    for (int g = 0; g < NGENS; g++) {
        thresholds[g] = g ? gens[g].threshold : kgc_threshold;
        counts[g] = gens[g].count;
    }
}

void kgc_set_thresholds(const ssize_t thresholds[3]) {
    kgc_threshold = thresholds[0];
    gens[1].threshold = thresholds[1];
    gens[2].threshold = thresholds[2];
}

int kgc_each(int gen, int (*fn)(KValue obj, void *arg), void *arg) {
    for (int i = 0; i < NGENS; i++) {
        if (gen >= 0 && gen != i) {
            continue;
        }
        for (KGcHead *g = gens[i].head.next; g != &gens[i].head; g = g->next) {
            if (fn(kval_of((KObject *)(g + 1)), arg)) {
                return 1;
            }
        }
    }
    return 0;
}

int kgc_is_finalized(KValue v) {
    return !kval_is_int(v) && is_gc_object(kval_obj(v)) &&
           (kgc_head(kval_obj(v))->pad & GC_FINALIZED) != 0;
}

int kgc_in_garbage(KObject *o) {
    return is_tracked(o) && (kgc_head(o)->pad & GC_GARBAGE) != 0;
}

int kgc_is_tracked(KValue v) {
    return !kval_is_int(v) && is_tracked(kval_obj(v));
}
