// vm/modules/codecs_utf7.h: the UTF-7 codec of _codecs (codecs_utf7.c).
#ifndef KRAIT_VM_MODULES_CODECS_UTF7_H
#define KRAIT_VM_MODULES_CODECS_UTF7_H

#include "../object.h"

// The str 'str' in UTF-7: a new bytes, or KV_NULL with MemoryError.
KValue kcodec_utf7_encode(KValue str);

// Decodes 'n' bytes at 'data' with error handler 'errors' (NULL: strict): a
// new str, '*consumed' set to the bytes used. Unless 'final', a base64 run
// still open at the end is left for the next call (not consumed, not
// decoded). KV_NULL with UnicodeDecodeError or the handler's exception.
KValue kcodec_utf7_decode(const char *data, ssize_t n, const char *errors, int final,
                          ssize_t *consumed);

#endif
