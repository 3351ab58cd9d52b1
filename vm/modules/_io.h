// vm/modules/_io.h: what the files of the _io module share (private to
// vm/modules/_io*.c and sys.c): the object head every io object starts
// with, the types, the interned method names, and the C entry points the
// text layer and sys use to skip method calls on our own exact types.
#ifndef KRAIT_VM_MODULES_IO_H
#define KRAIT_VM_MODULES_IO_H

#include "../object.h"

#define KIO_DEFAULT_BUFFER_SIZE 8192

// Every io object: an instance dict (as CPython's _IOBase) and flags.
#define KIO_HEAD                                                                                 \
    KOBJ_HEAD;                                                                                   \
    KValue dict;                                                                                 \
    uint32_t io_flags

enum {
    KIO_CLOSED = 1,     // _IOBase.close() ran (CPython's __IOBase_closed)
    KIO_FINALIZED = 2,  // the finalizer ran (close() at most once on death)
};

typedef struct KIOBase {
    KIO_HEAD;
} KIOBase;

extern KType kio_iobase_type, kio_rawiobase_type, kio_bufferediobase_type, kio_textiobase_type;
extern KType kio_fileio_type, kio_bytesio_type, kio_stringio_type;
extern KType kio_reader_type, kio_writer_type, kio_random_type, kio_rwpair_type;
extern KType kio_textio_type, kio_nldecoder_type;
// io.UnsupportedOperation (OSError, ValueError), created by kio_ready.
extern KValue kio_unsupported_operation;

// Method and attribute names, interned once (kio_ready).
#define KIO_IDS(X)                                                                               \
    X(read) X(read1) X(readinto) X(readall) X(readline) X(peek) X(closed) X(seek) X(tell)        \
    X(truncate) X(fileno) X(isatty) X(readable) X(writable) X(seekable) X(mode) X(raw)           \
    X(detach) X(getstate) X(setstate) X(reset) X(decode) X(newlines) X(_checkClosed)            \
    X(_dealloc_warn) X(readlines) X(__IOBase_closed)
typedef struct KIOIds {
#define KIO_ID_FIELD(n) KValue n;
    KIO_IDS(KIO_ID_FIELD)
#undef KIO_ID_FIELD
} KIOIds;
extern KIOIds kio_ids;
#define KIO_ID(n) (kio_ids.n)

// Readies every _io type and creates UnsupportedOperation (once). -1 on error.
K_MUST_CHECK int kio_ready(void);
// Readies only the types of the standard streams (sys at start-up).
K_MUST_CHECK int kio_ready_std(void);

// Raises UnsupportedOperation('msg'); returns KV_NULL.
KValue kio_unsupported(const char *msg);
// Raises ValueError('msg') (NULL: "I/O operation on closed file."); KV_NULL.
KValue kio_closed_error(const char *msg);
// bool(obj.closed): 0/1, -1 on error.
int kio_is_closed(KValue obj);
// The size argument of read()/readline() (None or absent: -1); -1 with an error
// sets '*out' untouched and returns -1.
K_MUST_CHECK int kio_size_arg(KValue v, ssize_t *out);
// A writable contiguous buffer (bytearray, memoryview over one): 0 and fills
// 'data'/'len', or -1 with TypeError.
K_MUST_CHECK int kio_writable_buffer(KValue v, char **data, ssize_t *len);

// The shared dealloc/traverse/clear of io objects' dict; the finalizer
// calls close() once when the object is not closed.
void kio_finalize(KValue self);
// Runs the finalizer from a dealloc; 1 when the object was resurrected (the
// dealloc must stop), else 0.
int kio_dealloc_finalize(KObject *o);
int kio_traverse_dict(KObject *o, KVisitFn visit, void *arg);

// FileIO (_io_file.c).
typedef struct KFileIO {
    KIO_HEAD;
    int fd; // -1 once closed
    unsigned created : 1, readable : 1, writable : 1, appending : 1, closefd : 1;
    int seekable; // -1: not known yet
    ssize_t blksize;
} KFileIO;
// _IOBase.close(self): flush() through the attribute, then mark closed.
KValue kio_iobase_close(KValue self);
// FileIO over 'fd' with 'mode' ("rb", "wb"), named 'name'; new reference.
KValue kio_fileio_from_fd(int fd, const char *mode, int closefd, KValue name);
// Buffered reader/writer of 'type' over 'raw'; new reference.
KValue kio_buffered_new(KType *type, KValue raw, ssize_t size);
// TextIOWrapper(buffer, encoding, errors, newline=None, line_buffering, write_through).
KValue kio_textio_new(KValue buffer, const char *encoding, const char *errors, int line_buffering,
                      int write_through);

// Buffered fast paths for exact types (_io_buffered.c).
int kio_buffered_check(KValue v);
K_MUST_CHECK int kio_buffered_write_data(KValue self, const char *data, ssize_t len);
K_MUST_CHECK int kio_buffered_flush_data(KValue self);
// Appends to the write buffer when that needs no system call and no check
// can fail (open FileIO underneath, room left, no read-ahead): 1 when done,
// 0 when the caller must take kio_buffered_write_data's way.
int kio_buffered_append_fast(KValue self, const char *data, ssize_t len);
// read1(n) of an exact buffered reader: a new bytes (empty at EOF).
KValue kio_buffered_read1(KValue self, ssize_t n);
// readable()/writable()/seekable() and whether read1 exists, for an exact
// buffered object over an open FileIO, without method calls: 0, or -1
// (nothing raised) when the caller must ask through methods (also when the
// instance dict holds attributes, which may hide those methods).
int kio_buffered_caps(KValue self, int *readable, int *writable, int *seekable,
                      int *has_read1);
// tell() of an exact buffered object whose kio_buffered_caps succeeded,
// without a method call: the position, or -1 with an exception set.
int64_t kio_buffered_tell(KValue self);
// Whether the raw stream under an exact buffered object is closed (-1 error).
int kio_buffered_closed(KValue self);
// Flushes every live buffered writer's data (at exit); errors are dropped.
void kio_flush_all_writers(void);

// TextIOWrapper fast path (print): 1 when 'file' is one of ours that took
// 'text', 0 when the caller must call file.write, -1 on error.
int kio_text_write_fast(KValue file, KValue text);

// A growable byte buffer (kmem); errors raise MemoryError.
typedef struct KIOBuf {
    char *data;
    ssize_t len, cap;
} KIOBuf;
K_MUST_CHECK int kiobuf_reserve(KIOBuf *b, ssize_t extra);
K_MUST_CHECK int kiobuf_put(KIOBuf *b, const char *data, ssize_t len);
// A bytes of the contents; the buffer is freed either way.
KValue kiobuf_finish(KIOBuf *b);
void kiobuf_free(KIOBuf *b);

// The decoding half of the text layer (_io_decode.c).
enum { KIO_SEEN_CR = 1, KIO_SEEN_LF = 2, KIO_SEEN_CRLF = 4 };
enum { KIO_CK_STATELESS, KIO_CK_UTF8, KIO_CK_UTF8SIG, KIO_CK_UTF16, KIO_CK_UTF16LE, KIO_CK_UTF16BE, KIO_CK_UTF32,
       KIO_CK_UTF32LE, KIO_CK_UTF32BE };

typedef struct KIOByteDec {
    int kind;       // KIO_CK_*
    int bom_done;   // the start of the stream was examined (BOM codecs)
    int npend;
    char pend[8];   // an incomplete character held from the last chunk
} KIOByteDec;
// The universal-newline step over 'text' (borrowed str): a pending '\r' is
// put back in front, a trailing one held when not 'final', the newline
// kinds seen added to '*seen' (KIO_SEEN_*), and with 'translate' '\r\n' and
// '\r' become '\n'. A new str.
KValue kio_translate_newlines(KValue text, int *pendingcr, int *seen, int translate, int final);
// The 'newlines' attribute for the KIO_SEEN_* bits: None, a str or a tuple.
KValue kio_newlines_value(int seen);
// The decoder kind (KIO_CK_*) of a canonical codec name, and the codec that
// decodes a kind once its byte order is known ('fallback' for stateless ones).
int kio_codec_kind(const char *canonical);
const char *kio_kind_codec(int kind, const char *fallback);
// Decodes 'len' more bytes through 'd' (holding an incomplete tail unless
// 'final'); 'codec' is the canonical name. A new str.
KValue kio_bytedec_decode(KIOByteDec *d, const char *codec, const char *errors, const char *data,
                          ssize_t len, int final);

// A codec of the registry (encodings.cp437, utf_7...) as TextIOWrapper uses
// it when krait's codecs do not know the encoding: the codec's incremental
// decoder and encoder objects (their decode/encode/getstate/setstate/reset).
typedef struct KIOPyCodec {
    KValue dec, enc; // KV_NULL when the encoding is one of krait's
} KIOPyCodec;
// Makes both for 'encoding' and 'errors' (str): 0, or -1 with LookupError.
int kio_pycodec_open(KIOPyCodec *c, KValue encoding, KValue errors);
void kio_pycodec_close(KIOPyCodec *c);
// decoder.decode(data, final), checked to be a str; a new str.
KValue kio_pycodec_decode(KIOPyCodec *c, const char *data, ssize_t len, int final);
// encoder.encode(text), checked to be bytes; a new bytes.
KValue kio_pycodec_encode(KIOPyCodec *c, KValue text);
// decoder.getstate(): '*pending' the bytes it holds (new bytes), '*flags'.
int kio_pycodec_getstate(KIOPyCodec *c, KValue *pending, int64_t *flags);
// decoder.setstate((pending, flags)) ('pending' NULL: b""), or
// decoder.reset() when 'flags' is -1.
int kio_pycodec_setstate(KIOPyCodec *c, KValue pending, int64_t flags);

// flush() of an exact TextIOWrapper over one of our buffered writers or
// readers, in C (the raw FileIO's flush() does nothing): 1 done (or already
// closed), 0 when the caller must call flush(), -1 on error.
int kio_text_flush_fast(KValue file);

// Module parts.
K_MUST_CHECK int kio_add_types(KValue module);
KValue kio_open_impl(const KValue *args, size_t nargs, KValue kwnames);

#endif
