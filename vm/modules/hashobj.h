// vm/modules/hashobj.h: what the hash modules (_md5, _sha1, _sha256,
// _sha512, _sha3, _blake2) share: one object layout holding an algorithm's
// plain-bytes state, and the methods, attributes and argument checks of
// CPython's hash objects (update, digest, hexdigest, copy, name,
// digest_size, block_size). Each module supplies the algorithm as a
// KHashAlgo and its own static types built from these pieces.
#ifndef KRAIT_VM_MODULES_HASHOBJ_H
#define KRAIT_VM_MODULES_HASHOBJ_H

#include <stddef.h>
#include <stdint.h>

#include "../func.h"
#include "../object.h"

// One hash algorithm over a state of 'state_size' plain bytes (copied with
// memcpy, no references).
typedef struct KHashAlgo {
    const char *name; // the objects' name attribute: "sha256"
    int digest_size;  // 0: variable length (shake), digest(length)
    int block_size;
    size_t state_size;
    // Sets a fresh state (NULL for algorithms whose constructor does it).
    void (*init)(void *state);
    void (*update)(void *state, const unsigned char *data, size_t len);
    // Writes 'len' bytes of digest to 'out' without changing 'state'.
    void (*final)(const void *state, unsigned char *out, size_t len);
} KHashAlgo;

typedef struct KHashObj {
    KOBJ_HEAD;
    const KHashAlgo *algo;
    int digest_size; // the algorithm's, or the one chosen (blake2)
    uint64_t state[]; // algo->state_size bytes
} KHashObj;

// The basicsize of a type whose state is the struct 'S'.
#define KHASHOBJ_SIZE(S) (sizeof(KHashObj) + sizeof(S))

// A new hash object of 'type' for 'algo' (initialised by algo->init when
// it has one, else zero-filled). NULL with MemoryError.
KHashObj *khashobj_new(KType *type, const KHashAlgo *algo);
// Hashes the bytes-like 'data': TypeError "Strings must be encoded before
// hashing" for a str, "object supporting the buffer API required" for
// other non-buffers. -1 on error.
K_MUST_CHECK int khashobj_update(KHashObj *h, KValue data);
// NAME(string=b'', *, usedforsecurity=True) (the md5/sha1/sha2 module
// functions, 'kwname' "string") and the sha3 types' constructors
// (data=b'', /, ...: 'kwname' ""): a new object of 'type' for 'algo'.
KValue khashobj_construct(KType *type, const KHashAlgo *algo, const char *fname,
                          const char *kwname, const KValue *args, size_t nargs, KValue kwnames);
void khashobj_dealloc(KObject *o);

// update, digest, hexdigest, copy.
extern const KMethodDef khashobj_methods[];
// update, copy, and digest(length)/hexdigest(length) for variable-length
// algorithms (shake).
extern const KMethodDef khashobj_xof_methods[];
// name, digest_size, block_size.
extern const KGetSetDef khashobj_getsets[];
KValue khashobj_get_name(KValue self);
KValue khashobj_get_digest_size(KValue self);
KValue khashobj_get_block_size(KValue self);
// The entries of khashobj_getsets, for a type that adds its own.
#define KHASHOBJ_GETSETS                                                                       \
    {"name", khashobj_get_name, NULL, NULL},                                                   \
        {"digest_size", khashobj_get_digest_size, NULL, NULL},                                 \
        {"block_size", khashobj_get_block_size, NULL, NULL}

// The block buffering and length padding of the Merkle-Damgard hashes
// (md5, sha1, sha256, sha512): 'compress' folds one block into the
// chaining value 'h'.
typedef void (*KMdCompress)(void *h, const unsigned char *block);
typedef struct KMdBuf {
    uint64_t count_lo, count_hi; // bytes hashed so far (128-bit)
    size_t used;                 // bytes waiting in 'block'
    unsigned char block[128];
} KMdBuf;

// Feeds 'len' bytes through blocks of 'block_len' (64 or 128) bytes.
void khash_md_update(KMdBuf *b, size_t block_len, KMdCompress compress, void *h,
                     const unsigned char *data, size_t len);
// Feeds the final padding: 0x80, zeros, then the message length in bits
// as 'len_bytes' (8 or 16) bytes, big-endian or (md5) little-endian.
void khash_md_finish(KMdBuf *b, size_t block_len, size_t len_bytes, int big_endian,
                     KMdCompress compress, void *h);

#endif
