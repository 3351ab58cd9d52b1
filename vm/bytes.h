// vm/bytes.h: bytes (immutable, data inline) and bytearray (growable).
#ifndef KRAIT_VM_BYTES_H
#define KRAIT_VM_BYTES_H

#include "object.h"
#include "type.h"

typedef struct KBytes {
    KOBJ_HEAD;
    ssize_t len;
    int64_t hash;
    char data[]; // len + 1 bytes, NUL-terminated
} KBytes;

typedef struct KByteArray {
    KOBJ_HEAD;
    ssize_t len;
    char *data;
    ssize_t cap;
    ssize_t exports; // live memoryviews: no resizing while > 0
} KByteArray;

static inline int kbytes_check(KValue v) {
    return kval_has_flag(v, KTF_BYTES_SUBCLASS);
}

static inline int kbytearray_check(KValue v) {
    return !kval_is_int(v) && (kval_type(v) == &kbytearray_type ||
                               ktype_is_subtype(kval_type(v), &kbytearray_type));
}

// A new bytes holding a copy of 'len' bytes at 'data' (zeros if NULL).
KValue kbytes_from_data(const char *data, ssize_t len);
// The bytes' or bytearray's data (borrowed) and length.
const char *kbytes_data(KValue b, ssize_t *len);
KValue kbytes_repr_data(const char *data, ssize_t len, const char *prefix);
// A new bytearray holding a copy of 'len' bytes at 'data' (zeros if NULL).
KValue kbytearray_from_data(const char *data, ssize_t len);
// A bytearray when 'like' is one (any subclass), else exact bytes.
KValue kbytes_new_like(KValue like, const char *data, ssize_t len);
// The bytes of a C-contiguous bytes-like object (bytes, bytearray, a
// memoryview, any buffer exporter), borrowed: 1 and sets 'data'/'len', or 0
// (nothing raised).
int kbytes_get_buffer(KValue v, const char **data, ssize_t *len);
// The buffer of any exporter (bytes, bytearray, array...) for use during the
// current call, without counting an export: 1 and fills 'view', or 0
// (nothing raised) when 'v' exports no buffer.
int kbuffer_borrow(KValue v, KBuffer *view);
// Counts one export of the buffer of 'v' (an exporter: KType.buffer set),
// which then stays in place until kbuffer_release: 0, or -1 with an
// exception.
int kbuffer_acquire(KValue v);
void kbuffer_release(KValue v);
// As kbytes_get_buffer, but -1 with "a bytes-like object is required".
K_MUST_CHECK int kbytes_need_buffer(KValue v, const char **data, ssize_t *len);
// The bytes of a writable C-contiguous buffer (bytearray, a memoryview
// over one), borrowed: 1 and sets 'data'/'len', or 0 (nothing raised).
int kbytes_get_writable(KValue v, char **data, ssize_t *len);
// bytes(x) / bytearray(x) without encoding: a new exact bytes from an int
// count, a buffer or an iterable of ints; 'tname' names the target type in
// messages. With 'encoding': x must be a str, encoded with 'errors'.
KValue kbytes_from_object(KValue x, KValue encoding, KValue errors, const char *tname);
// A byte value 0..255 from an int-like 'v'; -1 with ValueError/TypeError.
int kbytes_byte_value(KValue v);
// hex(sep=, bytes_per_sep=) of 'len' bytes at 'data' (bytes, bytearray and
// memoryview share it; the arguments are those of the method call).
KValue kbytes_hex_data(const char *data, ssize_t len, const KValue *args, size_t nargs,
                       KValue kwnames);
// %-formatting of a bytes or bytearray 'fmt' (vm/format.c).
KValue kbytes_percent_format(KValue fmt, KValue args);
// The codec behind bytes.decode and bytearray.decode.
KValue kbytes_decode_method(KValue self, const KValue *args, size_t nargs, KValue kwnames);

// memoryview (vm/memoryview.c).
extern KType kmemoryview_type;
int kmemoryview_check(KValue v);
// The bytes of a live, C-contiguous view: 1 and sets 'data'/'len', else 0.
int kmemoryview_contiguous(KValue v, const char **data, ssize_t *len);
// As kmemoryview_contiguous, for a view that is not read-only.
int kmemoryview_writable(KValue v, char **data, ssize_t *len);
// The object a live view exports (bytes or bytearray), borrowed; KV_NULL
// once the view is released.
KValue kmemoryview_exporter_borrow(KValue v);
int kmemoryview_init(void);

// The slots bytearray shares with bytes (vm/bytes.c).
KValue kbytes_iter(KValue v);
ssize_t kbytes_len(KValue v);
KValue kbytes_getitem(KValue v, KValue key);
int kbytes_contains(KValue v, KValue item);
KValue kbytes_add(KValue a, KValue b);
KValue kbytes_mul(KValue a, KValue b);
KValue kbytes_mod(KValue a, KValue b);

// The methods bytes and bytearray share (vm/bytes_methods.c): name and
// calling convention; each is kbytes_m_NAME.
#define KBYTES_METHODS(X)                                                                        \
    X(capitalize, KMETH_NOARGS) X(center, KMETH_FAST) X(count, KMETH_FAST)                       \
    X(endswith, KMETH_FAST) X(expandtabs, KMETH_KW) X(find, KMETH_FAST)                          \
    X(fromhex, KMETH_O | KMETH_CLASS) X(hex, KMETH_KW) X(index, KMETH_FAST)                      \
    X(isalnum, KMETH_NOARGS) X(isalpha, KMETH_NOARGS) X(isascii, KMETH_NOARGS)                   \
    X(isdigit, KMETH_NOARGS) X(islower, KMETH_NOARGS) X(isspace, KMETH_NOARGS)                   \
    X(istitle, KMETH_NOARGS) X(isupper, KMETH_NOARGS) X(join, KMETH_O) X(ljust, KMETH_FAST)      \
    X(lower, KMETH_NOARGS) X(lstrip, KMETH_FAST) X(maketrans, KMETH_FAST | KMETH_STATIC)         \
    X(partition, KMETH_O) X(removeprefix, KMETH_O) X(removesuffix, KMETH_O)                      \
    X(replace, KMETH_FAST) X(rfind, KMETH_FAST) X(rindex, KMETH_FAST) X(rjust, KMETH_FAST)       \
    X(rpartition, KMETH_O) X(rsplit, KMETH_KW) X(rstrip, KMETH_FAST) X(split, KMETH_KW)          \
    X(splitlines, KMETH_KW) X(startswith, KMETH_FAST) X(strip, KMETH_FAST)                       \
    X(swapcase, KMETH_NOARGS) X(title, KMETH_NOARGS) X(translate, KMETH_KW)                      \
    X(upper, KMETH_NOARGS) X(zfill, KMETH_O)

#define KBYTES_DECLARE_METHOD(name, flags)                                                       \
    KValue kbytes_m_##name(KValue self, const KValue *args, size_t nargs, KValue kwnames);
KBYTES_METHODS(KBYTES_DECLARE_METHOD)
#undef KBYTES_DECLARE_METHOD
// A method table entry for each shared method.
#define KBYTES_METHOD_ENTRY(name, flags) {#name, kbytes_m_##name, flags, NULL},

#endif
