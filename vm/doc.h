// vm/doc.h: docstrings of builtin types, functions and methods, written in
// CPython's convention: an optional text signature first, "name(args)\n--\n\n",
// then the docstring proper. __doc__ shows the docstring without the
// signature; __text_signature__ shows "(args)", which inspect.signature reads.
#ifndef KRAIT_VM_DOC_H
#define KRAIT_VM_DOC_H

#include "object.h"

// __doc__ for the internal doc 'doc' of the object named 'name' (a dotted
// name uses its last part): a new str, or None when 'doc' is NULL or empty.
KValue kdoc_get(const char *name, const char *doc);

// __text_signature__ for the same: a new str "(args)", or None when 'doc'
// has no signature.
KValue kdoc_text_signature(const char *name, const char *doc);

#endif
