// vm/slice.h: slice and range objects, and the index arithmetic that
// sequences share.
#ifndef KRAIT_VM_SLICE_H
#define KRAIT_VM_SLICE_H

#include "object.h"

typedef struct KSlice {
    KOBJ_HEAD;
    KValue start, stop, step; // owned; None when absent
} KSlice;

typedef struct KRange {
    KOBJ_HEAD;
    KValue start, stop, step, len; // ints
} KRange;

static inline int kslice_check(KValue v) {
    return !kval_is_int(v) && kval_obj(v)->type == &kslice_type;
}

KValue kslice_new(KValue start, KValue stop, KValue step);
// Clips the slice to a sequence of 'len' items as slice.indices(): sets
// start/stop/step and returns the number of items selected, -1 on error
// (ValueError "slice step cannot be zero", TypeError for non-int bounds).
ssize_t kslice_indices(KValue slice, ssize_t len, ssize_t *start, ssize_t *stop,
                       ssize_t *step);
// As kslice_indices for any length: new references to the clipped
// start/stop/step as ints (slice.indices(), range slicing); -1 on error.
int kslice_indices_long(KValue slice, KValue len, KValue *start, KValue *stop, KValue *step);
// Normalises index 'i' (an int, or anything with __index__) for a sequence
// of 'len' items, counting negative ones from the end: 0 <= result < len.
// -1 with IndexError "<what> index out of range" (or TypeError
// "<what> indices must be integers or slices, not str") otherwise.
ssize_t kseq_index(KValue i, ssize_t len, const char *what);
// range(start, stop, step) of C integers.
KValue krange_new_c(ssize_t start, ssize_t stop, ssize_t step);

#endif
