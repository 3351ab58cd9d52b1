// vm/modules/_io_text.h: TextIOWrapper's object and the parts of
// _io_text.c that _io_text_seek.c (tell and seek) uses.
#ifndef KRAIT_VM_MODULES_IO_TEXT_H
#define KRAIT_VM_MODULES_IO_TEXT_H

#include "_io.h"

typedef struct TextIO {
    KIO_HEAD;
    int ok, detached;
    KValue buffer, encoding, errors;
    char *codec;       // canonical codec name (owned); the name given for 'py' codecs
    KIOPyCodec py;     // the registry's codec when krait's codecs lack the encoding
    const char *writenl; // NULL: '\n' written as is
    KValue readnl;     // the line ending when not universal ("\n", "\r", "\r\n"), else KV_NULL
    int readuniversal, readtranslate, line_buffering, write_through;
    int readable, writable, seekable, telling, has_read1, encoder_started;
    int fast_buffer;   // 'buffer' is an exact _io buffered object
    int plain_utf8;    // codec utf-8 and no newline translation on write
    ssize_t chunk_size;
    KIOByteDec dec;
    int pendingcr, seen;
    KValue decoded;    // str or KV_NULL
    ssize_t decoded_used;
    // The snapshot for tell(): the decoder state before the last chunk and
    // the bytes fed since (held bytes + chunk), from stream position snap_pos.
    int has_snap;
    KIOByteDec snap_dec;
    int64_t snap_flags; // 'py' codecs: the decoder's flags (its bytes are in snap_input)
    int snap_cr;
    KValue snap_input; // bytes
    KIOBuf pending;    // encoded text not yet given to a buffer that is not one of ours
} TextIO;

#define TIO(v) ((TextIO *)(v))

// Attached and open; -1 with ValueError.
int kio_text_check_open(TextIO *t);
// Forgets decoded text and the decoder's state ('at_start': a BOM may come).
int kio_text_reset_decoder(TextIO *t, int at_start);
// Writes pending encoded text to the buffer and flushes it.
int kio_text_flush(TextIO *t);
// Reads and decodes one chunk into t->decoded: 1 data, 0 EOF, -1 error.
int kio_text_read_chunk(TextIO *t, ssize_t size_hint);
// Decoded characters not yet taken.
ssize_t kio_text_available(TextIO *t);

// TextIOWrapper.tell() and seek(cookie, whence=0) (_io_text_seek.c).
KValue kio_textio_tell(KValue self, const KValue *args, size_t nargs, KValue kw);
KValue kio_textio_seek(KValue self, const KValue *args, size_t nargs, KValue kw);

#endif
