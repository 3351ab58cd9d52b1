// vm/structseq.h: struct sequences, CPython's PyStructSequence: tuples with
// named fields (time.struct_time, os.stat_result, pwd.struct_passwd...).
// The first 'n_visible' fields are the tuple's items; the rest are hidden,
// stored after them and reached only by attribute.
#ifndef KRAIT_VM_STRUCTSEQ_H
#define KRAIT_VM_STRUCTSEQ_H

#include "object.h"
#include "tuple.h"

// KSTRUCTSEQ_UNNAMED as a field name: a visible field with no attribute
// (os.stat_result's integer times), as CPython's PyStructSequence_UnnamedField.
#define KSTRUCTSEQ_UNNAMED ((const char *)1)

typedef struct KStructSeqDesc {
    const char *name;          // qualified: "os.stat_result"
    const char *const *fields; // n_fields names, visible ones first
    int n_visible, n_fields;
} KStructSeqDesc;

// Fills in the static type 'type' (its head set, every other field zero
// but new_ if it wants its own)
// from 'desc' (static storage) and readies it: tuple base, repr, __new__
// (sequence[, dict]), __reduce__, member per named field, n_sequence_fields,
// n_fields, n_unnamed_fields and __match_args__. -1 on error.
K_MUST_CHECK int kstructseq_init_type(KType *type, const KStructSeqDesc *desc);

// The constructor kstructseq_init_type installs when 'type' has none:
// type(sequence, dict=None) with CPython's checks. A type with its own
// __new__ (os.stat_result) sets it before init and calls this one.
KValue kstructseq_type_new(KType *type, const KValue *args, size_t nargs, KValue kwnames);

// A new instance of 'type' (a struct sequence type or a subclass) from its
// n_fields values, stolen; KV_NULL entries become None. On failure every
// value is released.
KValue kstructseq_new(KType *type, KValue *values_steal);

// The value of field 'i' of struct sequence 'v', borrowed (hidden ones too).
static inline KValue kstructseq_get_borrow(KValue v, int i) {
    return ((KTuple *)v)->items[i];
}

#endif
