// vm/code.h: runtime code objects. kcode_from_kf turns the compiler's
// neutral KfCode tree (format/format.h) into a KCode with materialised
// constants and interned names; the interpreter runs KCode only.
#ifndef KRAIT_VM_CODE_H
#define KRAIT_VM_CODE_H

#include "format/format.h"
#include "object.h"

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
    KValue docstring_unused;
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
