// vm/traceback.h: traceback objects (one per frame an exception passed
// through) and their printing in CPython's format, source lines included.
#ifndef KRAIT_VM_TRACEBACK_H
#define KRAIT_VM_TRACEBACK_H

#include "frame.h"
#include "object.h"
#include "str.h"

typedef struct KTraceback {
    KOBJ_HEAD;
    KValue next;  // KTraceback or KV_NULL
    KValue code;  // KCode
    KValue frame; // frame object or KV_NULL
    int lasti;
    int lineno;
} KTraceback;

// Prepends an entry for frame 'f' (at its current instruction) to the
// traceback of the exception 'exc'. -1 on MemoryError.
int ktraceback_here(KValue exc, KFrame *f);
// Appends the '  File "...", line N, in name' lines (with the source line
// and carets) of the traceback chain 'tb'.
void ktraceback_format(KStrBuilder *b, KValue tb);
// The text of line 'lineno' of the file 'filename' (no line end), or NULL.
// The caller frees it with kmem_free.
char *ktraceback_source_line(const char *filename, int lineno);

#endif
