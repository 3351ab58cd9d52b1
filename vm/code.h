// vm/code.h: runtime code objects. kcode_from_kf turns the compiler's
// neutral KfCode tree (format/format.h) into a KCode with materialised
// constants and interned names; kcode_from_image makes one from a cache
// file used in place (vm/code_image.c), whose nested code objects are
// shells until they first run. The interpreter runs KCode only.
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
    ssize_t index;    // the attribute's entry in the instance dict, -1 none;
                      // -2 - offset: a __slots__ member at that offset
    const void *key2; // LOAD_METHOD's second type (version in 'ver2')
    KValue value2;    // and its method
} KInlineCache;

typedef struct KCodeImage KCodeImage;

// How much of a code object made from an image exists (KCode.state).
enum {
    KCODE_READY, // made from a tree (everything), or materialised: names and
                 // exception table; from an image, a constant slot stays
                 // KV_NULL until first loaded, positions NULL until asked for
    KCODE_SHELL, // the record's counts, name, qualname, filename, kinds and
                 // words; nothing else yet
};

typedef struct KCode {
    KOBJ_HEAD;
    uint32_t *code; // the instruction words: owned, or in the image (never written)
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
    KfPosition *positions;     // NULL until kcode_positions for code from an image
    KValue name, qualname, filename;
    KInlineCache *caches; // NULL until an instruction caches something
    KCodeImage *image;        // the cache it was made from (a reference), or NULL
    uint32_t image_index;     // its code index there
    uint32_t image_consts;    // the index of its first constant there
    uint8_t state;            // KCODE_*
    uint8_t code_in_image;    // 'code' points into the image (not freed)
    uint8_t kinds_in_image;   // 'localspluskinds' points into the image
} KCode;

static inline int kcode_check(KValue v) {
    return !kval_is_int(v) && kval_obj(v)->type == &kcode_type;
}

// Materialises what a shell lacks for running (the checks of its
// instructions, its exception table, co_names and the locals' names), as its
// first run or an introspecting attribute needs. Returns 0, or -1 with
// ImportError (a corrupt cache, naming it) or MemoryError set; it may be
// called again after a failure.
K_MUST_CHECK int kcode_materialise(KCode *code);

// Makes constant 'i' of a ready code object made from an image, whose slot
// is still KV_NULL (LOAD_CONST, KW_NAMES): borrowed (the slot holds it), or
// KV_NULL with ImportError or MemoryError (a later call tries again).
KValue kcode_const_slow(KCode *code, int i);

// Makes every constant of 'code' (co_consts): 0, or -1 with an exception.
K_MUST_CHECK int kcode_fill_consts(KCode *code);

// The positions of 'code', one per instruction, decoded on first use for a
// code object from an image; NULL when out of memory (no exception set).
const KfPosition *kcode_positions(KCode *code);

// 0 when 'code' is ready to run or inspect, else kcode_materialise's result.
static inline K_MUST_CHECK int kcode_ready(KCode *code) {
    return K_LIKELY(code->state == KCODE_READY) ? 0 : kcode_materialise(code);
}

// The code object of the module (code 0) in the raw payload 'payload'
// ('len' bytes, 8-byte aligned), used in place: the payload must stay valid
// until 'release(owner)', which is called when the last code object made
// from it is freed (also when this call fails). 'where' names the cache in
// errors ("cache file '/p/__pycache__/m.krait-1.pyc'"; copied); 'filename',
// when not NULL, replaces co_filename in every code object whose stored one
// is the module's (importlib's _fix_up_module). The module is returned as a
// shell. KV_NULL with ImportError (a corrupt cache) or MemoryError.
KValue kcode_from_image(const uint8_t *payload, size_t len, void (*release)(void *), void *owner,
                        const char *where, KValue filename);

// Drops a reference to 'im' (from a code object's dealloc).
void kcode_image_decref(KCodeImage *im);

// The value of a constant of no reference kind (None, bools, Ellipsis,
// numbers, bytes; str without interning): a new reference, or KV_NULL.
KValue kcode_scalar_const(const KfConst *c);

// co_consts[0] when it is the docstring a function takes (a str in
// optimised code), else None: borrowed, from the image without
// materialising the rest when 'code' is a shell. KV_NULL with an exception.
KValue kcode_doc_borrow(KCode *code);

// Interns the str '*s' when it looks like an identifier (as CPython interns
// such constants).
void kcode_maybe_intern(KValue *s);
// 1 when a str constant of the 'len' ASCII bytes at 's' is interned
// (kcode_maybe_intern's rule, asked before the str is made).
int kcode_text_interns(const char *s, size_t len);

// code.replace(**changes), code == code and hash(code) (vm/code_replace.c).
KValue kcode_replace(KValue self, const KValue *args, size_t nargs, KValue kwnames);
KValue kcode_richcompare(KValue a, KValue b, int op);
int64_t kcode_hash(KValue v);

// A code object for 'kc' and (as constants) its nested code objects.
// Everything is copied: 'kc' may be freed afterwards. KV_NULL on error.
KValue kcode_from_kf(const KfCode *kc);
// The source line of the instruction at index 'lasti' (-1 when unknown).
int kcode_line(const KCode *code, int lasti);
// The index of the exception-table entry covering 'lasti', or -1.
const KfExceptEntry *kcode_handler(const KCode *code, int lasti);

#endif
