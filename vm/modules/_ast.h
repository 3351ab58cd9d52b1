// vm/modules/_ast.h: what the _ast module's files share: the classes made
// from the compiler's tables (kc_ast_classes), indexed as those tables are,
// and the conversions between the compiler's tree and these objects.
#ifndef KRAIT_VM_MODULES_AST_H
#define KRAIT_VM_MODULES_AST_H

#include "compiler/compiler.h"

#include "../object.h"

enum { KPYAST_MAX_CLASSES = 128, KPYAST_MAX_TYPES = 32 };

// compile()'s flags of the ast module (CPython's values).
enum {
    KPYAST_CF_ONLY_AST = 0x400,
    KPYAST_CF_TYPE_COMMENTS = 0x1000,
    KPYAST_CF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
};

// ast.AST, the base of every node class.
extern KType kpyast_type;
// The class of each kc_ast_classes entry; the abstract class of each sum
// of kc_ast_types (KV_NULL for products); the shared instance of each class
// of a simple sum (Load, Add...), as CPython's parser results share them;
// the tuple of each class's field names (interned str). All made by the
// first import of _ast (kpyast_ready) and kept for the runtime's life.
extern KValue kpyast_classes[KPYAST_MAX_CLASSES];
extern KValue kpyast_abstract[KPYAST_MAX_TYPES];
extern KValue kpyast_singletons[KPYAST_MAX_CLASSES];
extern KValue kpyast_field_names[KPYAST_MAX_CLASSES];

// Interned names the conversions use.
typedef struct KPyAstIds {
    KValue fields, match_args, attributes, lineno, col_offset, end_lineno, end_col_offset;
} KPyAstIds;
extern KPyAstIds kpyast_ids;

// Makes the classes when _ast was never imported. -1 on error.
K_MUST_CHECK int kpyast_ready(void);

// The Python objects of the tree rooted at 'mod' (compiler.h's node of
// type 'mod'). New reference, or KV_NULL with an exception.
KValue kpyast_from_tree(const void *mod);

// compile() of source with PyCF_ONLY_AST, or of an AST object ('source' is
// an instance of ast.AST); 'mode' 0 exec, 1 eval, 2 single, 3 func_type.
KValue kpyast_compile(KValue source, KValue filename, int mode, int flags, int optimize);

#endif
