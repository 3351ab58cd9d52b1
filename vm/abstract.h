// vm/abstract.h: the generic object protocols (as CPython's abstract.c and
// object.c): attributes, calls, comparison, hashing, truth, iteration,
// containers and numbers, each dispatching through the type's slots.
#ifndef KRAIT_VM_ABSTRACT_H
#define KRAIT_VM_ABSTRACT_H

#include "object.h"

// ---------------------------------------------------------------------------
// Objects (vm/object.c).

KValue kobj_repr(KValue v);
KValue kobj_str(KValue v);
KValue kobj_ascii(KValue v);
// hash(v); -1 with TypeError "unhashable type: 'list'".
int64_t kobj_hash(KValue v);
// The hash slot of unhashable types (list, dict, set): always raises.
int64_t kobj_hash_not_implemented(KValue v);
// v OP w (KF_CMP_*), with reflection and CPython's TypeError.
KValue kobj_richcompare(KValue v, KValue w, int op);
// As kobj_richcompare, as a truth value; identity implies equality for EQ/NE.
int kobj_richcompare_bool(KValue v, KValue w, int op);
// bool(v): 0/1, -1 on error.
int kobj_is_true(KValue v);
// getattr(obj, name).
KValue kobj_getattr(KValue obj, KValue name);
KValue kobj_getattr_cstr(KValue obj, const char *name);
// getattr without AttributeError: 1 with '*result' (new), 0 absent, -1 error.
int kobj_lookup_attr(KValue obj, KValue name, KValue *result);
K_MUST_CHECK int kobj_setattr(KValue obj, KValue name, KValue value);
K_MUST_CHECK int kobj_delattr(KValue obj, KValue name);
// object.__getattribute__ and object.__setattr__.
KValue kobj_generic_getattr(KValue obj, KValue name);
K_MUST_CHECK int kobj_generic_setattr(KValue obj, KValue name, KValue value);
// As kobj_generic_getattr; 'suppress' 1: KV_NULL without AttributeError when absent.
KValue kobj_generic_getattr_ex(KValue obj, KValue name, int suppress);
// The address of the instance __dict__ slot, or NULL when instances have none.
KValue *kobj_dictptr(KValue obj);
// The instance dict, created on demand (borrowed); KV_NULL with an error when none.
KValue kobj_get_dict_borrow(KValue obj);
// For LOAD_METHOD: 1 with '*method' an unbound function to call with 'obj'
// first, 0 with '*method' the bound attribute; -1 on error.
int kobj_get_method(KValue obj, KValue name, KValue *method);
// dir(obj) as a sorted list.
KValue kobj_dir(KValue obj);
// format(v, spec).
KValue kobj_format(KValue v, KValue spec);
// Guards repr() of containers against cycles: 1 when 'v' is already being
// repr'd further up (print "[...]"), 0 when entered, -1 on error. Pair 0 with
// krepr_leave.
int krepr_enter(KValue v);
void krepr_leave(KValue v);
// Python's id(): the object's address (tagged ints: a stable per-value id).
KValue kobj_id(KValue v);

// Calls (vectorcall convention, see KVectorFn).
KValue kobj_call(KValue callable, const KValue *args, size_t nargs, KValue kwnames);
// callable(*args, **kwargs): 'args' a tuple, 'kwargs' a dict or KV_NULL.
KValue kobj_call_tuple(KValue callable, KValue args, KValue kwargs);
static inline KValue kobj_call0(KValue callable) {
    return kobj_call(callable, NULL, 0, KV_NULL);
}
static inline KValue kobj_call1(KValue callable, KValue a) {
    return kobj_call(callable, &a, 1, KV_NULL);
}
static inline KValue kobj_call2(KValue callable, KValue a, KValue b) {
    KValue args[2] = {a, b};
    return kobj_call(callable, args, 2, KV_NULL);
}
// obj.name(*args): 'args' has 'nargs' items.
KValue kobj_call_method(KValue obj, KValue name, const KValue *args, size_t nargs);
// Looks 'name' up on type(obj) only (a special method): the bound result,
// or KV_NULL with no exception when absent ('*found' 0), or on error.
KValue kobj_lookup_special(KValue obj, KValue name, int *found);
// Calls type(obj).name(obj, *args); '*found' 0 when absent (no exception).
KValue kobj_call_special(KValue obj, KValue name, const KValue *args, size_t nargs, int *found);
// callable(v)
int kobj_is_callable(KValue v);
// "'name()'"-style description of a callable for messages ("f()", "int()").
KValue kobj_func_desc(KValue callable);

// Iteration.
KValue kobj_get_iter(KValue v);
// next(it): KV_NULL with no exception at exhaustion (a StopIteration raised
// by __next__ is swallowed), KV_NULL with one on error.
KValue kobj_iter_next(KValue it);

// Containers.
ssize_t kobj_len(KValue v);
// len(v) if known, else 'dflt' (for presizing; never raises).
ssize_t kobj_length_hint(KValue v, ssize_t dflt);
KValue kobj_getitem(KValue obj, KValue key);
K_MUST_CHECK int kobj_setitem(KValue obj, KValue key, KValue value);
K_MUST_CHECK int kobj_delitem(KValue obj, KValue key);
// item in container: 0/1, -1 on error.
int kobj_contains(KValue container, KValue item);
// A list or tuple with the items of 'v' (v itself when it already is one).
KValue kseq_fast(KValue v, const char *msg);

// isinstance / issubclass, with __instancecheck__ / __subclasscheck__.
int kobj_isinstance(KValue obj, KValue cls);
int kobj_issubclass(KValue derived, KValue cls);

// ---------------------------------------------------------------------------
// Numbers (vm/number.c).

// a OP b for a BINARY_OP argument (KF_BINOP_*, in-place forms included).
KValue knum_binop(KValue a, KValue b, int op);
// The rest of knum_binop after the left operand's class method (its
// generic slot, with no reflected method of the right operand's class to
// try first: see eval_inline.c) returned NotImplemented.
KValue knum_binop_after_left(KValue a, KValue b, int op);
KValue knum_divmod(KValue a, KValue b);
KValue knum_power(KValue a, KValue b, KValue mod);
KValue knum_negative(KValue v);
KValue knum_positive(KValue v);
KValue knum_absolute(KValue v);
KValue knum_invert(KValue v);
// operator.index(v): an int (exact), TypeError "'str' object cannot be
// interpreted as an integer".
KValue knum_index(KValue v);
// v as a C ssize_t through __index__; 'overflow' the exception type for
// values out of range (KV_NULL: clamp). -1 with an error.
ssize_t knum_as_ssize(KValue v, KType *overflow);
// v as a C int / C long through __index__, as CPython's 'i' and 'l'
// argument converters: 0 with '*out', or -1 with TypeError or OverflowError
// ("Python int too large to convert to C int", for either sign).
K_MUST_CHECK int knum_as_int(KValue v, int *out);
K_MUST_CHECK int knum_as_long(KValue v, long *out);
// int(v) / float(v) conversions of the constructors.
KValue knum_long(KValue v);
KValue knum_float(KValue v);
// The C double of a float or int (or __float__/__index__); -1.0 with an error.
double knum_as_double(KValue v);
// Names of the operators for messages: "+", "+=" ...
const char *knum_op_symbol(int op);

#endif
