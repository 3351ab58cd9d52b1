// compiler/unicode.h: the Unicode knowledge the front end needs, from tables
// that tools/gen_unicode.py generates out of python3.11's unicodedata (so
// they match CPython 3.11's Unicode version exactly): identifier classes,
// NFKC normalisation of identifiers, printability for repr(), and the
// character names of "\N{...}" escapes. Plus UTF-8 helpers.
#ifndef KRAIT_COMPILER_UNICODE_H
#define KRAIT_COMPILER_UNICODE_H

#include <stddef.h>
#include <stdint.h>

// 1 when 'cp' may start an identifier (XID_Start, or '_'), else 0.
int kuni_is_xid_start(uint32_t cp);

// 1 when 'cp' may continue an identifier (XID_Continue), else 0.
int kuni_is_xid_continue(uint32_t cp);

// 1 when python3.11's chr(cp).isprintable() is True, else 0.
int kuni_is_printable(uint32_t cp);

// NFKC-normalises the 'n' code points of 'in' into 'out' (capacity 'cap').
// Returns the number of code points the result has (which may exceed 'cap':
// then call again with a larger buffer), or -1 on invalid input (a value past
// U+10FFFF) or when out of memory (only long inputs allocate).
long kuni_nfkc(const uint32_t *in, size_t n, uint32_t *out, size_t cap);

// 1 when NFKC leaves the string unchanged for sure ("quick check" yes for every
// code point), so the caller can skip kuni_nfkc.
int kuni_nfkc_quick(const uint32_t *in, size_t n);

// Looks up a character by name as "\N{name}" does in CPython 3.11: names and
// name aliases in any ASCII case, "HANGUL SYLLABLE ..." and "CJK UNIFIED
// IDEOGRAPH-XXXX" in upper case only (as CPython); never named sequences.
// Returns 1 and sets '*cp', or 0. The first lookup of an ordinary name inflates
// the name table (thread-safe, ~2 MB kept for the process); if memory runs out
// then, every such lookup returns 0.
int kuni_lookup_name(const char *name, size_t len, uint32_t *cp);

// Writes the name of 'cp' as python3.11's unicodedata.name() gives it (never
// an alias) and a NUL to 'out' (KUNI_NAME_BUF bytes); returns its length, or
// 0 when 'cp' has no name (or the name table could not be loaded).
#define KUNI_NAME_BUF 96
size_t kuni_name_of(uint32_t cp, char *out);

// Decodes one UTF-8 sequence at 's' (at most 'len' bytes). Returns its length
// and sets '*cp', or returns -1 for an invalid or truncated sequence. Accepts
// encoded surrogates (as CPython's "surrogatepass") only when
// 'allow_surrogates' is set.
int kutf8_decode(const char *s, size_t len, uint32_t *cp, int allow_surrogates);

// Number of code points in 'len' bytes of valid UTF-8.
size_t kutf8_count(const char *s, size_t len);

#endif
