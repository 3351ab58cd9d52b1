// vm/type.h: type objects: readying builtin types (slot inheritance,
// wrapper descriptors in their dicts), the MRO (C3), attribute lookup along
// it with a version-tagged cache, and classes created at run time.
#ifndef KRAIT_VM_TYPE_H
#define KRAIT_VM_TYPE_H

#include "object.h"

static inline int ktype_check(KValue v) {
    return kval_has_flag(v, KTF_TYPE_SUBCLASS);
}

// Fills in a static type: base (object when NULL), MRO, inherited slots.
// Its dict (methods, members, getsets, slot wrappers) is built on first use
// by ktype_dict, so start-up does not pay for types a program never looks
// into. -1 on error.
K_MUST_CHECK int ktype_ready(KType *type);
// Builds the dict of a readied static type flagged KTF_LAZY_DICT. -1 on
// error (the flag stays set, so a later use tries again).
K_MUST_CHECK int ktype_fill_dict(KType *type);
// The dict of 'type', borrowed; every read of a type's dict that may meet a
// static type goes through here. KV_NULL with an exception on failure.
static inline KValue ktype_dict(KType *type) {
    if (K_UNLIKELY(type->flags & KTF_LAZY_DICT) && ktype_fill_dict(type) < 0) {
        return KV_NULL;
    }
    return type->dict;
}
// True when 'a' is 'b' or a subclass of it (by MRO).
int ktype_is_subtype(KType *a, KType *b);
// Looks 'name' (a str) up along the MRO: borrowed, or KV_NULL (no exception).
KValue ktype_lookup(KType *type, KValue name);
// Reassigns slots after the class attribute 'name' changed (and
// invalidates the lookup cache of the type and its subclasses).
void ktype_modified(KType *type);
void ktype_update_slot(KType *type, KValue name);
// type(name, bases, dict) with keyword arguments for __init_subclass__.
KValue ktype_new_class(KType *meta, KValue name, KValue bases, KValue dict, KValue kwargs);
// The generic allocator for instances of 'type' (nitems for var-sized types).
KValue ktype_generic_alloc(KType *type, ssize_t nitems);
// The module-qualified name used by repr: "int", "__main__.Foo".
KValue ktype_qualified_name(KType *type);
// The name for messages, as CPython's tp_name ("int", "Foo",
// "collections.deque" for a builtin type of a module), borrowed C string.
const char *ktype_name(KType *type);
// __name__: ktype_name without a builtin type's module ("deque"), as
// CPython's _PyType_Name; what reprs such as "deque([])" show.
const char *ktype_short_name(KType *type);
// object.__new__ / object.__init__ for use by other types.
KValue kobject_new(KType *type, const KValue *args, size_t nargs, KValue kwnames);
int kobject_init(KValue self, const KValue *args, size_t nargs, KValue kwnames);
// Adds the attribute names of 'cls' and its MRO to 'dict' (for dir()). -1 on error.
K_MUST_CHECK int kobject_merge_class_dict(KValue dict, KValue cls);
// The method-resolution order of a class being created (list -> tuple).
KValue ktype_mro_of(KType *type);
// Records 'sub' in the weak list of 'base's subclasses. -1 on error.
K_MUST_CHECK int ktype_add_subclass(KType *base, KType *sub);
// Forgets 'sub' as a subclass of 'base' (no-op when it is not recorded).
void ktype_remove_subclass(KType *base, KType *sub);
// The setter of C.__bases__ (class_new.c): checks the new bases, then
// recomputes the MRO of the class and its subclasses. -1 on error.
K_MUST_CHECK int ktype_set_bases(KValue self, KValue value);
// Frees the member table a class got from its __slots__ (class_new.c).
void ktype_free_members(KType *type);
// Start-up hook of this file; nothing to do today. Returns 0.
int ktype_init(void);

#endif
