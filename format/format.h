// format/format.h: the bytecode file format's public face, and the neutral
// code-object tree that connects the compiler to the runtime. kraitc builds a
// KfCode tree and writes it with kf_write; the runtime reads files back with
// kf_read (later: maps them and reads code objects lazily). Neither side
// depends on the other: the compiler links no VM, the VM links no parser.
#ifndef KRAIT_FORMAT_FORMAT_H
#define KRAIT_FORMAT_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "opcodes.h"

typedef struct KfCode KfCode;

// A constant of a code object's pool.
typedef enum {
    KF_CONST_NONE,
    KF_CONST_TRUE,
    KF_CONST_FALSE,
    KF_CONST_ELLIPSIS,
    KF_CONST_INT,       // 'i'
    KF_CONST_BIGINT,    // 'str': decimal digits with an optional leading '-'
    KF_CONST_FLOAT,     // 'f'
    KF_CONST_COMPLEX,   // 'f' + 'imag' j
    KF_CONST_STR,       // 'str'/'len': UTF-8, lone surrogates encoded as 3 bytes
    KF_CONST_BYTES,     // 'str'/'len'
    KF_CONST_TUPLE,     // 'items'/'count'
    KF_CONST_FROZENSET, // 'items'/'count'
    KF_CONST_CODE,      // 'code'
} KfConstKind;

typedef struct KfConst {
    KfConstKind kind;
    int count;
    int64_t i;
    double f;
    double imag;
    const char *str;
    size_t len;
    const struct KfConst *items;
    const KfCode *code;
} KfConst;

// Code flags, with CPython's values (co_flags).
enum {
    KF_CO_OPTIMIZED = 0x1,
    KF_CO_NEWLOCALS = 0x2,
    KF_CO_VARARGS = 0x4,
    KF_CO_VARKEYWORDS = 0x8,
    KF_CO_NESTED = 0x10,
    KF_CO_GENERATOR = 0x20,
    KF_CO_NOFREE = 0x40,
    KF_CO_COROUTINE = 0x80,
    KF_CO_ITERABLE_COROUTINE = 0x100,
    KF_CO_ASYNC_GENERATOR = 0x200,
};

// Kinds of the "locals plus" slots (co_localspluskinds of CPython 3.11): a
// slot is a plain local, a cell (possibly also an argument), or a free
// variable copied from the closure.
enum { KF_LOCAL = 0x20, KF_LOCAL_CELL = 0x40, KF_LOCAL_FREE = 0x80, KF_LOCAL_ARG = 0x01 };

// Source position of one instruction; lineno 0 = none, col -1 = unknown.
typedef struct KfPosition {
    int lineno, end_lineno, col, end_col;
} KfPosition;

// One exception-table entry: instructions [start, end) jump to 'target' with
// the value stack cut to 'depth' (+1 with the exception pushed); 'lasti' set:
// push the raising instruction's index first (as CPython 3.11).
typedef struct KfExceptEntry {
    int start, end, target, depth, lasti;
} KfExceptEntry;

// A code object: CPython 3.11's fields, instructions as 32-bit words.
struct KfCode {
    const char *name;          // co_name
    const char *qualname;      // co_qualname
    const char *filename;      // co_filename
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;                 // KF_CO_*
    int stacksize;
    const uint32_t *code;      // KF_INSTR words
    int ncode;
    const KfPosition *positions; // 'ncode' entries
    const KfConst *consts;
    int nconsts;
    const char *const *names;  // co_names: attributes, globals, imports
    int nnames;
    const char *const *localsplus; // arguments first, then locals, cells, free vars
    const uint8_t *localspluskinds;
    int nlocalsplus;
    const KfExceptEntry *exceptions;
    int nexceptions;
};

#endif
