// vm/list.h: list objects: a growable array of owned items.
#ifndef KRAIT_VM_LIST_H
#define KRAIT_VM_LIST_H

#include "object.h"

typedef struct KList {
    KOBJ_HEAD;
    ssize_t len;
    KValue *items;
    ssize_t cap;
} KList;

static inline int klist_check(KValue v) {
    return kval_has_flag(v, KTF_LIST_SUBCLASS);
}
static inline int klist_check_exact(KValue v) {
    return !kval_is_int(v) && kval_obj(v)->type == &klist_type;
}
static inline ssize_t klist_len(KValue l) {
    return ((KList *)l)->len;
}
static inline KValue *klist_items(KValue l) {
    return ((KList *)l)->items;
}

// A list of 'len' items, all KV_NULL: the caller fills every slot.
KValue klist_new(ssize_t len);
// Appends 'v' (borrowed); -1 on MemoryError.
K_MUST_CHECK int klist_append(KValue list, KValue v);
// Appends every item of 'iterable'; -1 on error.
K_MUST_CHECK int klist_extend(KValue list, KValue iterable);
// list(iterable).
KValue klist_from_iterable(KValue iterable);
KValue klist_from_array(const KValue *items, ssize_t len);
// Sorts in place (stable, timsort); 'key' may be KV_NULL. -1 on error.
K_MUST_CHECK int klist_sort(KValue list, KValue key, int reverse);
// Reverses in place.
void klist_reverse(KValue list);
KValue klist_as_tuple(KValue list);

#endif
