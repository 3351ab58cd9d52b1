// vm/codecs.h: the text codecs behind str.encode, bytes.decode, str(b, enc)
// and the _codecs module: utf-8 (and utf-8-sig), utf-16 and utf-32 (with
// BOM, -le, -be), latin-1, ascii and cp1252, under CPython's names and
// aliases, with every standard error handler plus those registered with
// _codecs.register_error.
#ifndef KRAIT_VM_CODECS_H
#define KRAIT_VM_CODECS_H

#include "object.h"

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

#endif
