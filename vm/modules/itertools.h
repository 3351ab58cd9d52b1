// vm/modules/itertools.h: shared between the two files of the itertools
// module: itertools.c (the iterators over one or more iterables, the module)
// and itertools_comb.c (product, permutations, combinations,
// combinations_with_replacement).
#ifndef KRAIT_VM_MODULES_ITERTOOLS_H
#define KRAIT_VM_MODULES_ITERTOOLS_H

#include "../object.h"

// Most itertools objects are KOBJ_HEAD followed by 'n' owned KValue fields
// (each may be KV_NULL), then plain C fields: these release and visit them.
void kitertools_release_values(KObject *o, int n);
int kitertools_visit_values(KObject *o, int n, KVisitFn visit, void *arg);

extern KType kitertools_product_type, kitertools_permutations_type,
    kitertools_combinations_type, kitertools_cwr_type;

#define KITER_VALUE_TYPE(prefix, n)                                                              \
    static void prefix##_dealloc(KObject *o) {                                                   \
        kitertools_release_values(o, n);                                                         \
    }                                                                                            \
    static int prefix##_traverse(KObject *o, KVisitFn visit, void *arg) {                        \
        return kitertools_visit_values(o, n, visit, arg);                                        \
    }

#endif
