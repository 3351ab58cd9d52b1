// vm/code.h: runtime code objects. kcode_from_kf turns the compiler's
// neutral KfCode tree (format/format.h) into a KCode with materialised
// constants and interned names; the interpreter runs KCode only.
#ifndef KRAIT_VM_CODE_H
#define KRAIT_VM_CODE_H

#include "format/format.h"
#include "object.h"

// One instruction's inline cache (LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD,
// STORE_ATTR): what the last execution found and the versions that keep it
// valid. The side table is allocated on first use, one entry per instruction.
typedef struct KInlineCache {
    const void *key;  // the globals dict, or the type of the object
    uint64_t ver;     // its version
    uint64_t ver2;    // the builtins dict's version (LOAD_GLOBAL)
    KValue value;     // borrowed: the global, or the method in the type's MRO
    ssize_t index;    // the attribute's entry in the instance dict, -1 none
} KInlineCache;

typedef struct KCode {
    KOBJ_HEAD;
    uint32_t *code; // owned copy of the instruction words
    int ncode;
    int nconsts, nnames, nlocalsplus;
    KValue *consts;            // owned
    KValue *names;             // owned, interned str
    KValue localsplusnames;    // tuple of interned str
    uint8_t *localspluskinds;  // KF_LOCAL* per slot
    int argcount, posonlyargcount, kwonlyargcount;
    int flags, stacksize, framesize, firstlineno;
    int ncells, nfree;         // cell slots (not free) and free slots
    int has_cells;             // any slot is a cell or free variable
    KfExceptEntry *exceptions;
    int nexceptions;
    KfPosition *positions;
    KValue name, qualname, filename;
    KInlineCache *caches; // NULL until an instruction caches something
} KCode;

static inline int kcode_check(KValue v) {
    return !kval_is_int(v) && kval_obj(v)->type == &kcode_type;
}

// A code object for 'kc' and (as constants) its nested code objects.
// Everything is copied: 'kc' may be freed afterwards. KV_NULL on error.
KValue kcode_from_kf(const KfCode *kc);
// The source line of the instruction at index 'lasti' (-1 when unknown).
int kcode_line(const KCode *code, int lasti);
// The index of the exception-table entry covering 'lasti', or -1.
const KfExceptEntry *kcode_handler(const KCode *code, int lasti);

#endif
