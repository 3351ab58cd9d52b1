// compiler/symtable.h: Python's scoping rules over the AST (CPython 3.11's
// Python/symtable.c): one entry per module, class, function, lambda,
// comprehension and generator expression, with every name's flags and its
// resolved scope (local, cell, free, explicit/implicit global). Built in two
// passes: a walk of the AST records facts, then an analysis from the top
// resolves free and cell variables. The compile-time SyntaxErrors of those
// rules are reported here with CPython's messages and locations.
#ifndef KRAIT_COMPILER_SYMTABLE_H
#define KRAIT_COMPILER_SYMTABLE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "strmap.h"

typedef enum { KSYM_MODULE, KSYM_CLASS, KSYM_FUNCTION, KSYM_ANNOTATION } KSymBlock;

// Flags of a name in one block (CPython's DEF_*).
enum {
    KSYM_DEF_GLOBAL = 1,
    KSYM_DEF_LOCAL = 2,
    KSYM_DEF_PARAM = 4,
    KSYM_DEF_NONLOCAL = 8,
    KSYM_USE = 16,
    KSYM_DEF_FREE = 32,
    KSYM_DEF_FREE_CLASS = 64,
    KSYM_DEF_IMPORT = 128,
    KSYM_DEF_ANNOT = 256,
    KSYM_DEF_COMP_ITER = 512,
    KSYM_DEF_BOUND = KSYM_DEF_LOCAL | KSYM_DEF_PARAM | KSYM_DEF_IMPORT,
};

// Resolved scope of a name.
typedef enum {
    KSYM_SCOPE_NONE,
    KSYM_LOCAL,
    KSYM_GLOBAL_EXPLICIT,
    KSYM_GLOBAL_IMPLICIT,
    KSYM_FREE,
    KSYM_CELL,
} KSymScope;

typedef enum { KSYM_NOT_COMP, KSYM_LISTCOMP, KSYM_SETCOMP, KSYM_DICTCOMP, KSYM_GENEXP } KSymComp;

typedef struct KSymbol {
    const char *name; // mangled (the atom's canonical text)
    int atom;         // of 'name', in ksym_atoms
    int flags;        // KSYM_DEF_*
    KSymScope scope;
    // Where the first global/nonlocal statement naming it is, for errors.
    int dir_lineno, dir_col, dir_end_lineno, dir_end_col;
} KSymbol;

typedef struct KSymEntry {
    KSymBlock type;
    const char *name;
    const void *key; // the AST node that opened the block
    KSymbol *symbols; // in order of first mention
    int nsymbols, symcap;
    KMap index;       // name -> position in 'symbols'
    const char **varnames; // parameters, in CPython's co_varnames order
    int nvarnames, varcap;
    struct KSymEntry **children;
    int nchildren, childcap;
    struct KSymEntry *parent;
    KSymComp comprehension;
    int comp_iter_expr;    // > 0 while visiting a comprehension's iterable
    unsigned is_nested : 1, has_free : 1, child_free : 1, is_generator : 1, is_coroutine : 1,
        varargs : 1, varkeywords : 1, returns_value : 1, needs_class_closure : 1,
        comp_iter_target : 1;
    int lineno, col;
} KSymEntry;

typedef struct KSymTable KSymTable;

// Future features (co_flags values of CPython).
enum {
    KSYM_FUTURE_DIVISION = 0x20000,
    KSYM_FUTURE_ABSOLUTE_IMPORT = 0x40000,
    KSYM_FUTURE_WITH_STATEMENT = 0x80000,
    KSYM_FUTURE_PRINT_FUNCTION = 0x100000,
    KSYM_FUTURE_UNICODE_LITERALS = 0x200000,
    KSYM_FUTURE_BARRY_AS_BDFL = 0x400000,
    KSYM_FUTURE_GENERATOR_STOP = 0x800000,
    KSYM_FUTURE_ANNOTATIONS = 0x1000000,
};

// Reads the module's `from __future__ import` statements (future.c):
// stores their features in '*features' and the position of the last one in
// '*lineno'/'*col' (0 when none). Errors: "future feature X is not defined",
// "not a chance", "from __future__ imports must occur at the beginning of
// the file" (semicolon-joined). Returns 0, or -1 with 'diag' set.
int ksym_future(const KAstMod *mod, int *features, int *lineno, int *col, KDiag *diag);

// Builds and analyses the symbol table of 'mod' with the 'features' from
// ksym_future. Returns it (arena-owned), or NULL with 'diag' set.
KSymTable *ksym_build(KArena *a, const KAstMod *mod, int features, KDiag *diag);

// The entry opened by AST node 'key' (a Module/Expression/Interactive,
// FunctionDef, AsyncFunctionDef, ClassDef, Lambda or comprehension node),
// or NULL.
KSymEntry *ksym_lookup(const KSymTable *st, const void *key);

// The module's entry.
KSymEntry *ksym_top(const KSymTable *st);

// The atom table of the symbol maps, for the code generator's maps.
KAtoms *ksym_atoms(const KSymTable *st);

// The symbol 'name' (already mangled) of 'ste', or NULL.
const KSymbol *ksym_symbol(const KSymEntry *ste, const char *name);

// The symbol of atom 'atom' (of ksym_atoms) in 'ste', or NULL.
static inline const KSymbol *ksym_symbol_atom(const KSymEntry *ste, int atom) {
    int i = kmap_find_atom(&ste->index, atom);
    return i < 0 ? NULL : &ste->symbols[ste->index.vals[i]];
}

// Scope of 'name' (mangled) in 'ste'; KSYM_SCOPE_NONE when unknown there.
static inline KSymScope ksym_scope(const KSymEntry *ste, const char *name) {
    const KSymbol *s = ksym_symbol(ste, name);
    return s ? s->scope : KSYM_SCOPE_NONE;
}

// ksym_mangle's work once 'name' starts with '__' inside a class.
const char *ksym_mangle_private(KArena *a, const char *private_, const char *name);

// Python's private name mangling: '__x' inside class 'private_' becomes
// '_Class__x' (not dunders, not dotted names). Returns 'name' itself when
// no mangling applies, NULL when out of memory. Inline: asked for every
// name the compiler meets, and most are not private (a call each was 0.7%
// of kraitc's instructions).
static inline const char *ksym_mangle(KArena *a, const char *private_, const char *name) {
    if (!private_ || name[0] != '_' || name[1] != '_') {
        return name;
    }
    return ksym_mangle_private(a, private_, name);
}

#endif
