// vm/typeslots.h: the table tying special method names to type slots (as
// CPython's slotdefs): a builtin type's dict gets a wrapper descriptor per
// filled slot (int.__add__), and a class that defines __add__ gets a slot
// function that calls it.
#ifndef KRAIT_VM_TYPESLOTS_H
#define KRAIT_VM_TYPESLOTS_H

#include "object.h"

struct KSlotDef;

typedef KValue (*KSlotWrapperFn)(const struct KSlotDef *def, void *wrapped, KValue self,
                                 const KValue *args, size_t nargs, KValue kwnames);

typedef struct KSlotDef {
    const char *name;
    size_t offset;          // of the slot's function pointer in KType (typeslots.c: NB_SLOT)
    KSlotWrapperFn wrapper; // calls the slot function for Type.__name__(self, ...)
    void *generic;          // the slot function classes get
    int arg;                // comparison op, or other per-entry data
    const char *doc;
    KValue name_str;        // interned, set by ktypeslots_init
} KSlotDef;

int ktypeslots_init(void);
// Adds wrapper descriptors for the slots 'type' fills itself (not ones it
// inherited) to its dict, unless the dict already has the name. -1 on error.
K_MUST_CHECK int ktypeslots_add_wrappers(KType *type);
// Sets every slot of class 'type' from its MRO (after creation).
void ktypeslots_fixup(KType *type);
// Re-derives the slots that special method 'name' feeds, for 'type' and its
// subclasses (after a class attribute assignment).
void ktypeslots_update(KType *type, KValue name);
// True when 'name' (a str) is a special method name that feeds a slot.
int ktypeslots_is_slot_name(KValue name);

// The vectorcall slot functions of classes, used for identity checks.
KValue kslot_tp_getattr_hook(KValue self, KValue name);
KValue kslot_tp_new(KType *type, const KValue *args, size_t nargs, KValue kwnames);
// True when class 't' runs a Python __init__ through the generic init slot.
int kslot_init_is_generic(KType *t);
// True when 't''s slot for binary operator 'op' (KNB_*, not KNB_POWER) is
// the generic one of classes defining the operator in Python.
int kslot_binop_is_generic(KType *t, int op);
// The name of binary operator 'op''s method ('__add__'), borrowed; KV_NULL for KNB_POWER.
KValue kslot_binop_name(int op);

#endif
