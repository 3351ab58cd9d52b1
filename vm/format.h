// vm/format.h: the str.format parser shared by str.format/format_map
// (format.c) and the _string module (modules/_string.c), which exposes it
// to string.Formatter. Both walk a format string as CPython's
// MarkupIterator and FieldNameIterator do, so they accept and reject the
// same strings with the same messages.
#ifndef KRAIT_VM_FORMAT_H
#define KRAIT_VM_FORMAT_H

#include "object.h"
#include "str.h"

// A replacement field: the name is [name_start, name_end), the spec
// [spec_start, spec_end) (spec_start -1 when the field has none;
// needs_expanding when the spec holds a '{'); 'conversion' is 0 or the
// character after '!' (not validated here).
typedef struct KFormatField {
    ssize_t name_start, name_end, spec_start, spec_end;
    uint32_t conversion;
    int needs_expanding;
} KFormatField;

// One step of a format string: literal text [lit_start, lit_end) ('{{' and
// '}}' end a chunk holding one brace), then a field when 'has_field'.
typedef struct KFormatChunk {
    ssize_t lit_start, lit_end;
    int has_field;
    KFormatField field;
} KFormatChunk;

// Reads the chunk of 's' starting at '*pos' (the string ends at 'end') and
// moves '*pos' past it. 1: a chunk in 'c'; 0: nothing left; -1: ValueError.
int kformat_next_chunk(const KStr *s, ssize_t *pos, ssize_t end, KFormatChunk *c);

// The first part of the field name [start, end) (up to the first '.' or
// '['): it ends at '*first_end'; '*index' is its value when it is a
// non-empty run of decimal digits, else -1. -1 with ValueError when the
// number is too large.
int kformat_name_first(const KStr *s, ssize_t start, ssize_t end, ssize_t *first_end,
                       ssize_t *index);

// The next '.attr' or '[key]' of a field name from '*pos': 1 with
// '*is_attr', the name or key [*a, *b) and '*index' (the key's value when
// it is all decimal digits, else -1), '*pos' moved past it; 0 at 'end';
// -1 with ValueError for a malformed name.
int kformat_name_next(const KStr *s, ssize_t *pos, ssize_t end, int *is_attr, ssize_t *a,
                      ssize_t *b, ssize_t *index);

#endif
