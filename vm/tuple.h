// vm/tuple.h: tuple objects: a fixed number of owned items stored inline.
#ifndef KRAIT_VM_TUPLE_H
#define KRAIT_VM_TUPLE_H

#include "object.h"

typedef struct KTuple {
    KOBJ_HEAD;
    ssize_t len;
    KValue items[];
} KTuple;

static inline int ktuple_check(KValue v) {
    return kval_has_flag(v, KTF_TUPLE_SUBCLASS);
}
static inline int ktuple_check_exact(KValue v) {
    return !kval_is_int(v) && kval_obj(v)->type == &ktuple_type;
}
static inline ssize_t ktuple_len(KValue t) {
    return ((KTuple *)t)->len;
}
static inline KValue *ktuple_items(KValue t) {
    return ((KTuple *)t)->items;
}
static inline KValue ktuple_get_borrow(KValue t, ssize_t i) {
    return ((KTuple *)t)->items[i];
}

// A tuple of 'len' items, all KV_NULL: the caller fills every slot before
// the tuple escapes. len 0 returns the shared empty tuple.
KValue ktuple_new(ssize_t len);
// A tuple of the 'len' values at 'items' (borrowed).
KValue ktuple_from_array(const KValue *items, ssize_t len);
// A tuple of 'n' borrowed values.
KValue ktuple_pack(ssize_t n, ...);
// tuple(iterable).
KValue ktuple_from_iterable(KValue iterable);
// t[start:end], clipped.
KValue ktuple_slice(KValue t, ssize_t start, ssize_t end);

#endif
