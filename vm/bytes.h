// vm/bytes.h: bytes (immutable, data inline) and bytearray (growable).
#ifndef KRAIT_VM_BYTES_H
#define KRAIT_VM_BYTES_H

#include "object.h"

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
} KByteArray;

static inline int kbytes_check(KValue v) {
    return kval_has_flag(v, KTF_BYTES_SUBCLASS);
}

KValue kbytes_from_data(const char *data, ssize_t len);
// The bytes' or bytearray's data (borrowed) and length.
const char *kbytes_data(KValue b, ssize_t *len);
KValue kbytes_repr_data(const char *data, ssize_t len, const char *prefix);
KValue kbytearray_from_data(const char *data, ssize_t len);

#endif
