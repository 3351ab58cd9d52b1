// vm/modules/_decomp.h: what _bz2's and _lzma's decompressor objects share
// (private to vm/modules/_bz2.c, _lzma.c, _decomp.c): CPython's
// decompress(data, max_length=-1) protocol over a library's streaming call,
// with unconsumed input kept between calls, and the eof, unused_data and
// needs_input attributes.
#ifndef KRAIT_VM_MODULES_DECOMP_H
#define KRAIT_VM_MODULES_DECOMP_H

#include <stddef.h>
#include <stdint.h>

#include "../func.h"
#include "../object.h"

typedef struct KDecomp {
    KOBJ_HEAD;
    uint8_t *input; // input the library has not consumed yet (kmem), or NULL
    size_t input_len;
    KValue unused_data; // bytes after the end of the stream
    char eof, needs_input;
} KDecomp;

// One call of the library: decompresses from '*in' ('*in_left' bytes) into
// '*out' ('*out_left' bytes of room), advancing all four. 1 when the stream
// ended, 0 otherwise, -1 with the exception set.
typedef int (*KDecompStep)(KDecomp *d, const uint8_t **in, size_t *in_left, uint8_t **out,
                           size_t *out_left);

// Sets the shared fields of a new decompressor; -1 on MemoryError.
K_MUST_CHECK int kdecomp_init(KDecomp *d);
// Releases them (from the type's dealloc).
void kdecomp_release(KDecomp *d);
// decompress(data, max_length=-1): the method's arguments as given, then the
// loop over 'step'; after the end of the stream, EOFError('eof_message').
KValue kdecomp_decompress(KDecomp *d, const KValue *args, size_t nargs, KValue kwnames,
                          KDecompStep step, const char *eof_message);
// The eof, unused_data and needs_input getters.
extern const KGetSetDef kdecomp_getsets[];

#endif
