// vm/float.h: float objects (boxed doubles from a free list) and their repr.
#ifndef KRAIT_VM_FLOAT_H
#define KRAIT_VM_FLOAT_H

#include "object.h"
#include "type.h"

typedef struct KFloat {
    KOBJ_HEAD;
    double value;
} KFloat;

static inline int kfloat_check(KValue v) {
    return !kval_is_int(v) && (kval_obj(v)->type == &kfloat_type ||
                               ktype_is_subtype(kval_obj(v)->type, &kfloat_type));
}
static inline double kfloat_value(KValue v) {
    return ((KFloat *)v)->value;
}

KValue kfloat_new(double d);
// repr(float): the shortest string that round-trips, as CPython ('1.0',
// '1e+16', 'inf', 'nan'), into 'buf' (at least 32 bytes).
void kfloat_repr_buf(double d, char *buf);
// format(d, spec-type 'e'/'f'/'g'/'r' ...) for %-formatting and format().
int64_t kfloat_hash(double d);
// d's value compared with an int 'i' exactly: <0, 0, >0.
int kfloat_compare_int(double d, KValue i);

#endif
