// vm/func.h: callables and descriptors: Python functions, bound methods,
// builtin functions and methods (KMethodDef), slot wrappers, member and
// getset descriptors, property, staticmethod, classmethod, and the argument
// parser builtins use.
#ifndef KRAIT_VM_FUNC_H
#define KRAIT_VM_FUNC_H

#include "object.h"

typedef struct KFunction {
    KOBJ_HEAD;
    KValue code;        // KCode
    KValue globals;     // dict
    KValue builtins;    // dict
    KValue name, qualname;
    KValue defaults;    // tuple or KV_NULL
    KValue kwdefaults;  // dict or KV_NULL
    KValue closure;     // tuple of cells or KV_NULL
    KValue doc;         // KV_NULL until __doc__ is first asked for (func.c)
    KValue module, annotations, dict;
} KFunction;

typedef struct KMethod {
    KOBJ_HEAD;
    KValue func;
    KValue self;
} KMethod;

// A builtin's C entry: 'self' is the bound object (the module for module
// functions, the instance for methods), then the vectorcall arguments.
typedef KValue (*KCFunc)(KValue self, const KValue *args, size_t nargs, KValue kwnames);

// Calling conventions checked before the C function runs.
enum {
    KMETH_NOARGS = 1,  // no arguments: "f() takes no arguments (1 given)"
    KMETH_O = 2,       // exactly one positional argument
    KMETH_FAST = 4,    // positional only, any number
    KMETH_KW = 8,      // positional and keywords (the function checks)
    KMETH_CLASS = 16,  // a classmethod: 'self' is the type
    KMETH_STATIC = 32, // a staticmethod: 'self' is KV_NULL
};

struct KMethodDef {
    const char *name;
    KCFunc fn;
    int flags;
    const char *doc;
};

// KMemberDef kinds.
enum { KMEMBER_OBJECT, KMEMBER_OBJECT_EX, KMEMBER_INT, KMEMBER_SSIZE, KMEMBER_BOOL, KMEMBER_CHAR };

struct KMemberDef {
    const char *name;
    int kind;
    ssize_t offset;
    int readonly;
    const char *doc;
};

struct KGetSetDef {
    const char *name;
    KValue (*get)(KValue self);
    int (*set)(KValue self, KValue value); // KV_NULL: delete; NULL function: read-only
    const char *doc;
};

// A builtin function or bound builtin method.
typedef struct KCFunction {
    KOBJ_HEAD;
    const KMethodDef *def;
    KValue self;   // KV_NULL for static functions
    KValue module; // __module__ or KV_NULL
} KCFunction;

// An unbound method of a builtin type (list.append), or a slot wrapper
// (int.__add__), member or getset descriptor.
typedef struct KDescr {
    KOBJ_HEAD;
    KType *owner;  // the type that defines it
    KValue name;
    const KMethodDef *method;   // method descriptors
    const KMemberDef *member;   // member descriptors
    const KGetSetDef *getset;   // getset descriptors
    const struct KSlotDef *slot; // wrapper descriptors
    void *wrapped;               // the slot function a wrapper calls
} KDescr;

// A slot wrapper bound to an instance (method-wrapper: (1).__add__).
typedef struct KMethodWrapper {
    KOBJ_HEAD;
    KValue descr;
    KValue self;
} KMethodWrapper;

typedef struct KProperty {
    KOBJ_HEAD;
    KValue fget, fset, fdel, doc;
} KProperty;

// A closure cell.
typedef struct KCell {
    KOBJ_HEAD;
    KValue ref; // KV_NULL when empty
} KCell;

KValue kcell_new(KValue value);

// staticmethod and classmethod.
typedef struct KSMethod {
    KOBJ_HEAD;
    KValue func;
    KValue dict;
} KSMethod;

KValue kfunc_new(KValue code, KValue globals, KValue qualname);
KValue kmethod_new(KValue func, KValue self);
KValue kcfunc_new(const KMethodDef *def, KValue self, KValue module);
KValue kdescr_new_method(KType *owner, const KMethodDef *def);
KValue kdescr_new_member(KType *owner, const KMemberDef *def);
KValue kdescr_new_getset(KType *owner, const KGetSetDef *def);
KValue kdescr_new_wrapper(KType *owner, const struct KSlotDef *slot, void *wrapped);
// Calls the C function of 'def' bound to 'self' after checking the convention.
KValue kcfunc_call_def(const KMethodDef *def, const char *owner, KValue self,
                       const KValue *args, size_t nargs, KValue kwnames);

// Binds arguments for builtins: 'kwlist' names every parameter (NULL-ended;
// "" for positional-only ones); the first 'required' are required, at most
// 'maxpos' may come positionally. Fills 'out' (borrowed, KV_NULL when not
// given). 'fname' names the function in messages ("sorted"; NULL: "function",
// as CPython says for a format without a name). -1 on error.
K_MUST_CHECK int kargs_parse(const char *fname, const KValue *args, size_t nargs,
                             KValue kwnames, const char *const *kwlist, int required,
                             int maxpos, KValue *out);
// As kargs_parse, with the checks and messages of CPython's Argument Clinic
// (_PyArg_UnpackKeywords): 'kwlist' starts with "" for positional-only
// parameters; 'minpos' are required, 'maxpos' may come positionally, the
// rest are keyword-only and optional. Fills 'out' (borrowed, KV_NULL when
// not given). -1 on error.
K_MUST_CHECK int kargs_unpack(const char *fname, const KValue *args, size_t nargs,
                              KValue kwnames, const char *const *kwlist, int minpos,
                              int maxpos, KValue *out);
// "f() takes no keyword arguments" when 'kwnames' is non-empty; -1 then.
K_MUST_CHECK int kargs_no_kw(const char *fname, KValue kwnames);
// Checks min <= nargs <= max with CPython's "f expected at most 2 arguments, got 3".
K_MUST_CHECK int kargs_count(const char *fname, size_t nargs, size_t min, size_t max);

int kfunc_init(void);

#endif
