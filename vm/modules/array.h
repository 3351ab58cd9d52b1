// vm/modules/array.h: what the array module's two files share: the
// descriptors of the type codes (item size, conversions to and from Python
// objects, machine format code) and the array object's layout.
#ifndef KRAIT_VM_MODULES_ARRAY_H
#define KRAIT_VM_MODULES_ARRAY_H

#include "../object.h"

typedef struct ArrayDescr {
    char typecode;
    int itemsize;
    int is_integer, is_signed;
    int mformat; // the machine format code of this build (x86-64, little-endian)
    // The item at 'p' as a new Python object.
    KValue (*get)(const char *p);
    // Stores 'v' at 'p' with CPython's checks: -1 with TypeError or
    // OverflowError (nothing stored).
    int (*set)(char *p, KValue v);
} ArrayDescr;

typedef struct ArrayObj {
    KOBJ_HEAD;
    const ArrayDescr *d;
    char *items;  // len * itemsize bytes (cap items allocated), or NULL
    ssize_t len, cap;
    ssize_t exports; // live buffer exports (memoryviews...): no resizing while > 0
} ArrayObj;

// The descriptor of 'typecode', or NULL.
const ArrayDescr *karray_descr(uint32_t typecode);
// "bBuhHiIlLqQfd".
extern const char karray_typecodes[];

// _array_reconstructor(arraytype, typecode, mformat_code, items): the
// unpickling helper (array_items.c); it builds arrays through
// 'make_array' (array(typecode, initializer) of 'type').
KValue karray_reconstruct(const KValue *args, size_t nargs,
                          KValue (*make_array)(KType *type, char typecode, KValue init));
extern KType karray_type;

#endif
