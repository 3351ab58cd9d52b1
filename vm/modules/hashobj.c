// vm/modules/hashobj.c: the hash object plumbing every hash module shares
// (hashobj.h): allocation, update from bytes-like objects, digest and
// hexdigest (fixed or chosen length), copy, and the name/digest_size/
// block_size attributes. The algorithms live in their modules.
#include "hashobj.h"

#include <stdlib.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../str.h"

// shake's digest(length) refuses lengths from 2**29 on, as CPython's.
#define XOF_MAX_LEN ((size_t)1 << 29)

KHashObj *khashobj_new(KType *type, const KHashAlgo *algo) {
    KHashObj *h = (KHashObj *)kobj_alloc(type, sizeof(KHashObj) + algo->state_size);
    if (!h) {
        return NULL;
    }
    h->algo = algo;
    h->digest_size = algo->digest_size;
    if (algo->init) {
        algo->init(h->state);
    }
    return h;
}

int khashobj_update(KHashObj *h, KValue data) {
    const char *p;
    ssize_t n;
    if (kstr_check(data)) {
        kerr_set(&kexc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!kbytes_get_buffer(data, &p, &n)) {
        kerr_set(&kexc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    h->algo->update(h->state, (const unsigned char *)p, (size_t)n);
    return 0;
}

KValue khashobj_construct(KType *type, const KHashAlgo *algo, const char *fname,
                          const char *kwname, const KValue *args, size_t nargs, KValue kwnames) {
    const char *const kwlist[] = {kwname, "usedforsecurity", NULL};
    KValue a[2];
    if (kargs_unpack(fname, args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    KHashObj *h = khashobj_new(type, algo);
    if (h && a[0] && khashobj_update(h, a[0]) < 0) {
        kval_decref(kval_of(h));
        return KV_NULL;
    }
    return h ? kval_of(h) : KV_NULL;
}

void khashobj_dealloc(KObject *o) {
    kobj_free(o);
}

#define HASH(v) ((KHashObj *)(v))
#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static KValue hex_of(const unsigned char *d, size_t len) {
    char *hex = malloc(2 * len + 1);
    if (!hex) {
        return kerr_no_memory();
    }
    for (size_t i = 0; i < len; i++) {
        hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
    }
    hex[2 * len] = 0;
    KValue r = kstr_from_cstr(hex);
    free(hex);
    return r;
}

// The digest of 'len' bytes as bytes, or as hex text when 'as_hex'.
static KValue digest_as(KHashObj *h, size_t len, int as_hex) {
    unsigned char small[64];
    unsigned char *out = len <= sizeof small ? small : malloc(len);
    if (!out) {
        return kerr_no_memory();
    }
    h->algo->final(h->state, out, len);
    KValue r = as_hex ? hex_of(out, len) : kbytes_from_data((const char *)out, (ssize_t)len);
    if (out != small) {
        free(out);
    }
    return r;
}

METHOD(m_update) {
    (void)nargs, (void)kw;
    return khashobj_update(HASH(self), args[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(m_digest) {
    (void)args, (void)nargs, (void)kw;
    return digest_as(HASH(self), (size_t)HASH(self)->digest_size, 0);
}

METHOD(m_hexdigest) {
    (void)args, (void)nargs, (void)kw;
    return digest_as(HASH(self), (size_t)HASH(self)->digest_size, 1);
}

// A digest length: an int from 0 up to XOF_MAX_LEN, as CPython's
// unsigned long converter and its limit check report otherwise.
static int xof_length(KValue v, size_t *len) {
    if (!kint_check(v)) { // no __index__: CPython's converter wants an int
        kerr_set(&kexc_TypeError, "an integer is required");
        return -1;
    }
    int overflow = 0;
    uint64_t n = kint_as_u64_overflow(v, &overflow);
    if (overflow < 0) {
        kerr_set(&kexc_ValueError, "value must be positive");
        return -1;
    }
    if (overflow > 0) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    if (n >= XOF_MAX_LEN) {
        kerr_set(&kexc_ValueError, "length is too large");
        return -1;
    }
    *len = (size_t)n;
    return 0;
}

METHOD(m_xof_digest) {
    (void)nargs, (void)kw;
    size_t len;
    return xof_length(args[0], &len) < 0 ? KV_NULL : digest_as(HASH(self), len, 0);
}

METHOD(m_xof_hexdigest) {
    (void)nargs, (void)kw;
    size_t len;
    return xof_length(args[0], &len) < 0 ? KV_NULL : digest_as(HASH(self), len, 1);
}

METHOD(m_copy) {
    (void)args, (void)nargs, (void)kw;
    KHashObj *src = HASH(self);
    KHashObj *c = khashobj_new(kval_type(self), src->algo);
    if (!c) {
        return KV_NULL;
    }
    c->digest_size = src->digest_size;
    memcpy(c->state, src->state, src->algo->state_size);
    return kval_of(c);
}

KValue khashobj_get_name(KValue self) {
    return kstr_from_cstr(HASH(self)->algo->name);
}

KValue khashobj_get_digest_size(KValue self) {
    return kval_from_int(HASH(self)->digest_size);
}

KValue khashobj_get_block_size(KValue self) {
    return kval_from_int(HASH(self)->algo->block_size);
}

const KMethodDef khashobj_methods[] = {
    {"update", m_update, KMETH_O, "Update this hash object's state with the provided string."},
    {"digest", m_digest, KMETH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", m_hexdigest, KMETH_NOARGS,
     "Return the digest value as a string of hexadecimal digits."},
    {"copy", m_copy, KMETH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

const KMethodDef khashobj_xof_methods[] = {
    {"update", m_update, KMETH_O, "Update this hash object's state with the provided bytes-like object."},
    {"digest", m_xof_digest, KMETH_O, "Return the digest value as a bytes object."},
    {"hexdigest", m_xof_hexdigest, KMETH_O,
     "Return the digest value as a string of hexadecimal digits."},
    {"copy", m_copy, KMETH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

const KGetSetDef khashobj_getsets[] = {
    KHASHOBJ_GETSETS,
    {NULL, NULL, NULL, NULL},
};

void khash_md_update(KMdBuf *b, size_t block_len, KMdCompress compress, void *h,
                     const unsigned char *p, size_t n) {
    uint64_t lo = b->count_lo + n;
    b->count_hi += lo < b->count_lo;
    b->count_lo = lo;
    if (b->used) {
        size_t take = block_len - b->used < n ? block_len - b->used : n;
        memcpy(b->block + b->used, p, take);
        b->used += take;
        p += take;
        n -= take;
        if (b->used < block_len) {
            return;
        }
        compress(h, b->block);
        b->used = 0;
    }
    for (; n >= block_len; p += block_len, n -= block_len) {
        compress(h, p);
    }
    memcpy(b->block, p, n);
    b->used = n;
}

void khash_md_finish(KMdBuf *b, size_t block_len, size_t len_bytes, int big_endian,
                     KMdCompress compress, void *h) {
    unsigned char pad[2 * 128] = {0x80};
    size_t room = block_len - len_bytes; // where the length starts in the last block
    size_t padlen = (b->used < room ? room : block_len + room) - b->used;
    uint64_t bits_hi = b->count_hi << 3 | b->count_lo >> 61, bits_lo = b->count_lo << 3;
    for (size_t i = 0; i < len_bytes; i++) {
        // Byte i of the length counted from its least significant end.
        size_t k = big_endian ? len_bytes - 1 - i : i;
        unsigned char v = (unsigned char)(i < 8 ? bits_lo >> (8 * i) : bits_hi >> (8 * (i - 8)));
        pad[padlen + k] = v;
    }
    khash_md_update(b, block_len, compress, h, pad, padlen + len_bytes);
}
