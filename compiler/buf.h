// compiler/buf.h: a growable byte buffer for building text (dumps, reprs,
// messages). Out of memory is sticky: the buffer stops growing, 'oom' is set,
// and the caller checks it once at the end.
#ifndef KRAIT_COMPILER_BUF_H
#define KRAIT_COMPILER_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct KBuf {
    char *data;   // NUL-terminated while not 'oom'; owned, release with kbuf_free
    size_t len;
    size_t cap;
    int oom;
} KBuf;

#define KBUF_INIT {NULL, 0, 0, 0}

// Appends 'len' bytes of 's'.
void kbuf_put(KBuf *b, const char *s, size_t len);
// Appends the NUL-terminated 's'.
void kbuf_puts(KBuf *b, const char *s);
// Appends one byte.
void kbuf_putc(KBuf *b, char c);
// Appends printf-style formatted text.
void kbuf_printf(KBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kbuf_vprintf(KBuf *b, const char *fmt, va_list ap);
// Appends the UTF-8 encoding of code point 'cp' (surrogates encoded as three
// bytes, as CPython's "surrogatepass").
void kbuf_put_utf8(KBuf *b, unsigned cp);
// Empties the buffer, keeping its memory.
void kbuf_clear(KBuf *b);
// Releases the memory; the buffer is KBUF_INIT again.
void kbuf_free(KBuf *b);

#endif
