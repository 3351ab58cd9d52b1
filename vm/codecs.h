// vm/codecs.h: the text codecs behind str.encode, bytes.decode, str(b, enc)
// and the _codecs module: utf-8 (and utf-8-sig), utf-16 and utf-32 (with
// BOM, -le, -be), latin-1, ascii and cp1252, under CPython's names and
// aliases, with every standard error handler plus those registered with
// _codecs.register_error.
#ifndef KRAIT_VM_CODECS_H
#define KRAIT_VM_CODECS_H

#include "object.h"
#include "str.h"

// Encodes the str 's' with codec 'encoding' (NULL: utf-8) and error handler
// 'errors' (NULL: strict). A new bytes, or KV_NULL with LookupError (unknown
// codec or handler), UnicodeEncodeError or the handler's exception.
KValue kcodec_encode(KValue s, const char *encoding, const char *errors);
// Decodes 'len' bytes at 'data'; a new str, or KV_NULL as kcodec_encode.
KValue kcodec_decode(const char *data, ssize_t len, const char *encoding, const char *errors);

// The canonical name of the codec 'name' stands for ("utf-8", "utf-8-sig",
// "ascii", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
// "utf-32-le", "utf-32-be", "unicode-escape", "raw-unicode-escape"), or NULL
// when it is unknown (nothing raised).
const char *kcodec_canonical(const char *name);

// As kcodec_encode/kcodec_decode with the encoding and errors given as
// Python values (KV_NULL when absent), checked to be str; 'fname' names the
// function in the TypeError ("encode() argument 'encoding' must be str").
KValue kcodec_encode_obj(KValue s, KValue encoding, KValue errors, const char *fname);
KValue kcodec_decode_obj(const char *data, ssize_t len, KValue encoding, KValue errors,
                         const char *fname);

// Writes the escape of code point 'c' and a NUL to 'out' (KCODEC_ESCAPE_BUF
// bytes) in 'style': "\\xe9" / "\\u4e2d" / "\\U0001f600" (backslashreplace),
// "&#233;" (xmlcharrefreplace), or "\\N{LATIN SMALL LETTER E WITH ACUTE}"
// (namereplace; backslashreplace's form for a code point with no name).
// Returns its length.
enum { KCODEC_ESC_BACKSLASH, KCODEC_ESC_XML, KCODEC_ESC_NAME };
#define KCODEC_ESCAPE_BUF 112
size_t kcodec_escape(char *out, uint32_t c, int style);

// The error handler registry of _codecs.register_error / lookup_error.
K_MUST_CHECK int kcodec_register_error(KValue name, KValue handler);
// The handler registered under 'name' (new reference; the builtin ones are
// functions of the _codecs module), or KV_NULL with LookupError.
KValue kcodec_lookup_error(KValue name);

// For codecs outside this file (the charmap codec of _codecs) and the
// text-encoding fallback: a new UnicodeEncodeError/UnicodeDecodeError
// ('type'): 'object' is the str or bytes being converted, [start, end) the
// offending part, 'reason' why.
KValue kcodec_error_new(KType *type, const char *encoding, KValue object, ssize_t start,
                        ssize_t end, const char *reason);
// Calls the handler registered under 'errors' with 'exc' (the object is
// 'len' long); on success '*rep' is the replacement (a new str, or bytes when
// 'allow_bytes') and '*pos' where to go on, checked to be in range. -1 with
// the handler's exception, LookupError or TypeError for a bad result.
K_MUST_CHECK int kcodec_call_handler(const char *errors, KValue exc, ssize_t len,
                                     int allow_bytes, KValue *rep, ssize_t *pos);
// A bytewise decoder (codec 'encoding') cannot decode data[start:end]:
// handler 'errors' (NULL: strict) writes its replacement to 'out'; returns
// the position to go on from, or -1 with the exception set. '*obj' is the
// bytes object the UnicodeDecodeError carries: made from 'data' when it is
// KV_NULL and left there for the caller to release.
ssize_t kcodec_decode_error(KStrBuilder *out, const char *encoding, const char *errors,
                            const char *data, ssize_t len, KValue *obj, ssize_t start, ssize_t end,
                            const char *reason);

// A growing byte buffer for encoders; 'data' is kmem_alloc'd (NULL while
// empty), the caller frees it.
typedef struct KCodecBuf {
    char *data;
    ssize_t len, cap;
} KCodecBuf;
// Appends 'n' bytes: 0, or -1 with MemoryError.
K_MUST_CHECK int kcodec_buf_put(KCodecBuf *b, const void *p, ssize_t n);

// Encoding and decoding with a codec of the registry (the encodings package:
// cp437, iso8859_15, ...), for str.encode, bytes.decode and str(b, enc) when
// the runtime has no codec of that name (vm/modules/codecs.c). The codec
// must be a text encoding and give bytes / str. New reference or KV_NULL.
KValue kcodec_registry_encode(KValue s, KValue encoding, const char *errors);
KValue kcodec_registry_decode(const char *data, ssize_t len, KValue encoding, const char *errors);
// A new incremental encoder ('decoder' 0) or decoder (1) of the registry's
// text codec 'encoding' with the error handler 'errors' (a str), as
// TextIOWrapper makes them; LookupError ("... use codecs.open() ...") for a
// codec that is not a text encoding.
KValue kcodec_registry_incremental(KValue encoding, int decoder, KValue errors);

#endif
