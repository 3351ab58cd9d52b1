// vm/object.h: the object model every runtime file stands on. A value is
// one machine word (KValue): a small integer tagged in the word (low bit 1,
// 63-bit signed) or a pointer to a heap object that starts with a refcount
// and its type (KOBJ_HEAD). KType holds CPython-like slots. Reference
// counting is inline and skips tagged integers.
//
// Ownership (STYLE.md): returned references are new unless the function's
// name ends in _borrow; arguments are borrowed unless it ends in _steal.
// Errors: functions returning KValue return KV_NULL with an exception set;
// those returning int return -1 (predicates 0/1).
#ifndef KRAIT_VM_OBJECT_H
#define KRAIT_VM_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "format/opcodes.h"

#define K_MUST_CHECK __attribute__((warn_unused_result))
#define K_NOINLINE __attribute__((noinline))
#define K_LIKELY(x) __builtin_expect(!!(x), 1)
#define K_UNLIKELY(x) __builtin_expect(!!(x), 0)

typedef uintptr_t KValue;
#define KV_NULL ((KValue)0)

typedef struct KType KType;

#define KOBJ_HEAD                                                                                \
    intptr_t refcnt;                                                                             \
    KType *type

typedef struct KObject {
    KOBJ_HEAD;
} KObject;

// A refcount that never reaches zero: static objects (None, types ...).
#define KOBJ_IMMORTAL ((intptr_t)1 << 60)
#define KOBJ_STATIC_HEAD(t) .refcnt = KOBJ_IMMORTAL, .type = (t)

// ---------------------------------------------------------------------------
// Tagged small integers.

#define KV_SMALL_MAX (((intptr_t)1 << 62) - 1)
#define KV_SMALL_MIN (-((intptr_t)1 << 62))

static inline int kval_is_int(KValue v) {
    return (int)(v & 1);
}
static inline intptr_t kval_int(KValue v) {
    return (intptr_t)v >> 1;
}
// 'i' must lie in [KV_SMALL_MIN, KV_SMALL_MAX].
static inline KValue kval_from_int(intptr_t i) {
    return ((KValue)i << 1) | 1;
}
static inline KObject *kval_obj(KValue v) {
    return (KObject *)v;
}
static inline KValue kval_of(const void *o) {
    return (KValue)o;
}

extern KType kint_type;

static inline KType *kval_type(KValue v) {
    return kval_is_int(v) ? &kint_type : ((KObject *)v)->type;
}

// ---------------------------------------------------------------------------
// Reference counts.

void kobj_dealloc(KObject *o);

static inline __attribute__((always_inline)) void kval_incref(KValue v) {
    if (!kval_is_int(v)) {
        ((KObject *)v)->refcnt++;
    }
}
static inline __attribute__((always_inline)) void kval_xincref(KValue v) {
    if (v && !kval_is_int(v)) {
        ((KObject *)v)->refcnt++;
    }
}
static inline __attribute__((always_inline)) void kval_decref(KValue v) {
    if (!kval_is_int(v) && --((KObject *)v)->refcnt == 0) {
        kobj_dealloc((KObject *)v);
    }
}
static inline __attribute__((always_inline)) void kval_xdecref(KValue v) {
    if (v && !kval_is_int(v) && --((KObject *)v)->refcnt == 0) {
        kobj_dealloc((KObject *)v);
    }
}
// Increfs 'v' and returns it: a new reference to a borrowed value.
static inline KValue kval_newref(KValue v) {
    kval_incref(v);
    return v;
}
static inline KValue kval_xnewref(KValue v) {
    kval_xincref(v);
    return v;
}
// Stores 'v' (owned) in '*slot' and releases the old value afterwards.
static inline void kval_setref(KValue *slot, KValue v) {
    KValue old = *slot;
    *slot = v;
    kval_xdecref(old);
}
#define KVAL_CLEAR(slot)                                                                         \
    do {                                                                                         \
        KValue old_ = (slot);                                                                    \
        (slot) = KV_NULL;                                                                        \
        kval_xdecref(old_);                                                                      \
    } while (0)

// ---------------------------------------------------------------------------
// Types.

typedef int (*KVisitFn)(KValue v, void *arg);
typedef KValue (*KUnaryFn)(KValue);
typedef KValue (*KBinaryFn)(KValue, KValue);
typedef KValue (*KTernaryFn)(KValue, KValue, KValue);
// Calls 'callable' with 'nargs' positional values in 'args' followed by one
// value per keyword name of 'kwnames' (a tuple of str, or KV_NULL).
typedef KValue (*KVectorFn)(KValue callable, const KValue *args, size_t nargs, KValue kwnames);
typedef KValue (*KNewFn)(KType *type, const KValue *args, size_t nargs, KValue kwnames);
typedef int (*KInitFn)(KValue self, const KValue *args, size_t nargs, KValue kwnames);

// Binary number slots, indexed by KF_BINOP_* (format/opcodes.h order).
enum {
    KNB_ADD, KNB_AND, KNB_FLOOR_DIVIDE, KNB_LSHIFT, KNB_MATRIX_MULTIPLY, KNB_MULTIPLY,
    KNB_REMAINDER, KNB_OR, KNB_POWER, KNB_RSHIFT, KNB_SUBTRACT, KNB_TRUE_DIVIDE, KNB_XOR,
    KNB_COUNT
};

// A buffer exported by a bytes-like object: CPython's Py_buffer for one
// C-contiguous dimension.
typedef struct KBuffer {
    char *buf;
    ssize_t len;  // in bytes
    int itemsize; // bytes per item
    char format;  // its struct format character ('B' for bytes)
    int readonly;
} KBuffer;

// The buffer protocol (CPython's tp_as_buffer).
typedef struct KBufferSlots {
    // Fills 'view' and counts an export: the exporter keeps the buffer where
    // it is (no resizing) until the matching 'release'. -1 with an exception.
    int (*get)(KValue self, KBuffer *view);
    // Ends one export made by 'get'; NULL when exports are not counted.
    void (*release)(KValue self);
} KBufferSlots;

typedef struct KNumberSlots {
    // binop[i](a, b): a or b (or both) has this type; NotImplemented when
    // the other operand is foreign. binop[KNB_POWER] is pow(a, b).
    KBinaryFn binop[KNB_COUNT];
    KBinaryFn inplace[KNB_COUNT];
    KBinaryFn divmod;
    KTernaryFn power; // pow(a, b, mod); 'mod' may be None
    KUnaryFn negative, positive, absolute, invert;
    KUnaryFn to_int, to_float, index;
    int (*to_bool)(KValue); // 0/1, -1 on error
} KNumberSlots;

typedef struct KMethodDef KMethodDef;
typedef struct KMemberDef KMemberDef;
typedef struct KGetSetDef KGetSetDef;

// Type flags.
enum {
    KTF_HEAPTYPE = 1 << 0,   // created by a class statement or type()
    KTF_BASETYPE = 1 << 1,   // may be subclassed
    KTF_GC = 1 << 2,         // instances carry a GC header
    KTF_READY = 1 << 3,
    KTF_ABSTRACT = 1 << 4,
    KTF_METHOD_DESCR = 1 << 5, // instances bind like functions (LOAD_METHOD)
    KTF_IMMUTABLETYPE = 1 << 6,
    KTF_HAS_GETATTR = 1 << 7,  // heap type with __getattr__
    KTF_WEAKREF = 1 << 8,      // instances have a __weakref__ slot (CPython's tp_weaklistoffset)
    KTF_HAS_WEAKREFS = 1 << 9, // an instance once had a weak reference (vm/weakref.h)
    KTF_LAZY_DICT = 1 << 10,   // static type whose dict is filled on first use (ktype_dict)
    // match statements: instances match sequence / mapping patterns (CPython's
    // Py_TPFLAGS_SEQUENCE and _MAPPING; inherited, set on ABCs by _abc).
    KTF_SEQUENCE = 1 << 11,
    KTF_MAPPING = 1 << 12,
    // Heap class whose instances keep their attributes in a values block laid
    // out by shared keys (vm/instdict.h) until __dict__ is asked for; the
    // block's pointer follows the dict pointer. Inherited.
    KTF_SHARED_KEYS = 1 << 13,
    // Fast subclass bits: the instance's type is this builtin or a subclass.
    KTF_INT_SUBCLASS = 1 << 24,
    KTF_LIST_SUBCLASS = 1 << 25,
    KTF_TUPLE_SUBCLASS = 1 << 26,
    KTF_BYTES_SUBCLASS = 1 << 27,
    KTF_STR_SUBCLASS = 1 << 28,
    KTF_DICT_SUBCLASS = 1 << 29,
    KTF_EXC_SUBCLASS = 1 << 30,
    KTF_TYPE_SUBCLASS = 1u << 31,
};

struct KType {
    KOBJ_HEAD;
    const char *name; // tp_name: "int", "collections.OrderedDict"; heap types: the __name__
    ssize_t basicsize, itemsize;
    uint32_t flags;
    uint32_t version;     // 0: unassigned; changes whenever the MRO's dicts change
    ssize_t dictoffset;   // offset of the instance __dict__ pointer, 0: none
    void (*dealloc)(KObject *);
    int (*traverse)(KObject *, KVisitFn, void *);
    void (*clear)(KObject *);
    KUnaryFn repr, str;
    int64_t (*hash)(KValue);                 // -1 on error
    KValue (*richcompare)(KValue, KValue, int op); // op: KF_CMP_*
    KValue (*getattro)(KValue obj, KValue name);
    int (*setattro)(KValue obj, KValue name, KValue value); // value KV_NULL: delete
    KVectorFn call;
    KUnaryFn iter;
    KUnaryFn iternext; // KV_NULL without an exception at exhaustion
    KValue (*descr_get)(KValue descr, KValue obj, KValue type); // obj may be KV_NULL
    int (*descr_set)(KValue descr, KValue obj, KValue value);   // value KV_NULL: delete
    KNewFn new_;
    KInitFn init;
    void (*finalize)(KValue);
    ssize_t (*len)(KValue);
    KValue (*getitem)(KValue obj, KValue key);
    int (*setitem)(KValue obj, KValue key, KValue value); // value KV_NULL: delete
    int (*contains)(KValue obj, KValue item);
    // The number slots: a table of the type's own, or its base's when it
    // defines none (NULL for a static type not readied, and for object).
    // Out of line, as CPython's tp_as_number: most types have none, and
    // start-up writes every static type it readies (each page written is a
    // page fault). Read it with knb(); a class's table is its own
    // (KHeapType), which its special methods fill.
    KNumberSlots *nb;
    const KBufferSlots *buffer; // NULL: not bytes-like
    KType *base;
    KValue bases, mro, dict; // tuple, tuple, dict
    const KMethodDef *methods;
    const KMemberDef *members;
    const KGetSetDef *getsets;
    const char *doc;
    KType **subclasses; // borrowed: a subclass removes itself when it dies
    int nsubclasses, capsubclasses;
    // Heap types only.
    KValue ht_name, ht_qualname, ht_slots, ht_module;
    struct KSharedKeys *shared_keys; // KTF_SHARED_KEYS: made at the first store, then fixed
};

// A class: its number slots are its own, after the type.
typedef struct KHeapType {
    KType type;
    KNumberSlots nb_storage;
} KHeapType;

// The table of a type without number slots.
extern const KNumberSlots kno_number_slots;

// The number slots of 't' (never NULL).
static inline const KNumberSlots *knb(const KType *t) {
    return t->nb ? t->nb : &kno_number_slots;
}

// Instances of 'type' or its subclasses, by fast flag.
static inline int kval_has_flag(KValue v, uint32_t flag) {
    return (kval_type(v)->flags & flag) != 0;
}

// The builtin types (each defined in the file named for it).
extern KType kobject_type, ktype_type, kbool_type, kfloat_type, kcomplex_type, kstr_type,
    kbytes_type, kbytearray_type, ktuple_type, klist_type, kdict_type, kset_type,
    kfrozenset_type, krange_type, kslice_type, kfunction_type, kmethod_type, kcfunction_type,
    kcode_type, kmodule_type, kcell_type, kgen_type, knone_type, knotimpl_type,
    kellipsis_type, kproperty_type, kstaticmethod_type, kclassmethod_type, ksuper_type,
    kmethoddescr_type, kclassmethoddescr_type, kwrapperdescr_type, kmethodwrapper_type,
    kmemberdescr_type, kgetsetdescr_type, kmappingproxy_type, ktraceback_type,
    kframe_type;

// The static singletons.
extern KObject k_none_obj, k_notimpl_obj, k_ellipsis_obj;
#define KV_NONE ((KValue)&k_none_obj)
#define KV_NOTIMPL ((KValue)&k_notimpl_obj)
#define KV_ELLIPSIS ((KValue)&k_ellipsis_obj)

#endif
