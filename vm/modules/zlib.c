// vm/modules/zlib.c: the zlib module over the system's libz, as gzip,
// zipfile, tarfile and shutil's archives use it: compress/decompress
// (wbits, bufsize), the Compress and Decompress objects of compressobj and
// decompressobj (flush modes, max_length, unused_data, unconsumed_tail,
// eof, zdict, copy), crc32/adler32, the constants and zlib.error, with
// CPython's argument conversions and messages ("Error -3 while
// decompressing data: incorrect header check").
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../type.h"

#define DEF_BUF_SIZE 16384
#define DEF_MEM_LEVEL 8

static KValue zlib_error; // zlib.error

// zlib.error("Error N WHAT: MESSAGE") from a failed call on 'zs'.
static void raise_zlib_error(const z_stream *zs, int err, const char *what) {
    const char *msg = err == Z_VERSION_ERROR ? "library version mismatch" : zs->msg;
    if (!msg) {
        switch (err) {
        case Z_BUF_ERROR:
            msg = "incomplete or truncated stream";
            break;
        case Z_STREAM_ERROR:
            msg = "inconsistent stream state";
            break;
        case Z_DATA_ERROR:
            msg = "invalid input data";
            break;
        }
    }
    KType *type = (KType *)kval_obj(zlib_error);
    if (msg) {
        kerr_format(type, "Error %d %s: %.200s", err, what, msg);
    } else {
        kerr_format(type, "Error %d %s", err, what);
    }
}

// ---------------------------------------------------------------------------
// Buffers: input fed to zlib in pieces of at most UINT_MAX bytes, output
// grown as zlib fills it.

typedef struct Input {
    const Bytef *next;
    size_t left; // bytes not yet handed to the stream
} Input;

// Hands the stream the next piece of input once it has used the last.
static void feed(z_stream *zs, Input *in) {
    if (zs->avail_in == 0 && in->left > 0) {
        uInt n = in->left > UINT_MAX ? UINT_MAX : (uInt)in->left;
        zs->next_in = (Bytef *)in->next;
        zs->avail_in = n;
        in->next += n;
        in->left -= n;
    }
}

// Input the stream holds plus what it was not yet given.
static size_t input_left(const z_stream *zs, const Input *in) {
    return zs->avail_in + in->left;
}

typedef struct Output {
    char *data;
    size_t len, cap;
    size_t limit; // 0: unlimited; else the most bytes to produce
} Output;

// Points the stream at free output space, growing the buffer: 0, or -1
// with MemoryError. With a limit, the space never passes it.
static int reserve(z_stream *zs, Output *out, size_t first) {
    if (out->len == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : (first ? first : 1);
        if (out->limit && cap > out->limit) {
            cap = out->limit;
        }
        char *d = realloc(out->data, cap ? cap : 1);
        if (!d) {
            kerr_no_memory();
            return -1;
        }
        out->data = d;
        out->cap = cap;
    }
    size_t room = out->cap - out->len;
    zs->next_out = (Bytef *)out->data + out->len;
    zs->avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
    return 0;
}

// Takes in what the last call wrote.
static void produced(const z_stream *zs, Output *out) {
    out->len = (size_t)((char *)zs->next_out - out->data);
}

static int is_full(const Output *out) {
    return out->limit && out->len >= out->limit;
}

static KValue output_bytes(Output *out) {
    KValue r = kbytes_from_data(out->data, (ssize_t)out->len);
    free(out->data);
    out->data = NULL;
    return r;
}

// ---------------------------------------------------------------------------
// Argument conversions, as CPython's "i" and "n" converters.

static int int_arg(KValue v, int *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow = 0;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow || n > INT_MAX || n < INT_MIN) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int ssize_arg(KValue v, ssize_t *out) {
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *out = n;
    return 0;
}

// A bytes-like argument ("a bytes-like object is required, not 'str'").
static int data_arg(KValue v, Input *in) {
    const char *p;
    ssize_t n;
    if (kbytes_need_buffer(v, &p, &n) < 0) {
        return -1;
    }
    in->next = (const Bytef *)p;
    in->left = (size_t)n;
    return 0;
}

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// ---------------------------------------------------------------------------
// One-shot compress and decompress

// compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)
METHOD(z_compress) {
    (void)self;
    static const char *const kwlist[] = {"", "level", "wbits", NULL};
    KValue a[3];
    int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
    Input in;
    if (kargs_unpack("compress", args, nargs, kw, kwlist, 1, 3, a) < 0 || data_arg(a[0], &in) < 0 ||
        (a[1] && int_arg(a[1], &level) < 0) || (a[2] && int_arg(a[2], &wbits) < 0)) {
        return KV_NULL;
    }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR) {
        kerr_set(&kexc_MemoryError, "Out of memory while compressing data");
        return KV_NULL;
    }
    if (err == Z_STREAM_ERROR) {
        kerr_set((KType *)kval_obj(zlib_error), "Bad compression level");
        return KV_NULL;
    }
    if (err != Z_OK) {
        deflateEnd(&zs);
        raise_zlib_error(&zs, err, "while compressing data");
        return KV_NULL;
    }
    Output out = {NULL, 0, 0, 0};
    int flush;
    do {
        feed(&zs, &in);
        flush = in.left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (reserve(&zs, &out, DEF_BUF_SIZE) < 0) {
                goto error;
            }
            err = deflate(&zs, flush);
            produced(&zs, &out);
            if (err == Z_STREAM_ERROR) {
                raise_zlib_error(&zs, err, "while compressing data");
                goto error;
            }
        } while (zs.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&zs);
    return output_bytes(&out);
error:
    deflateEnd(&zs);
    free(out.data);
    return KV_NULL;
}

// decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)
METHOD(z_decompress) {
    (void)self;
    static const char *const kwlist[] = {"", "wbits", "bufsize", NULL};
    KValue a[3];
    int wbits = MAX_WBITS;
    ssize_t bufsize = DEF_BUF_SIZE;
    Input in;
    if (kargs_unpack("decompress", args, nargs, kw, kwlist, 1, 3, a) < 0 ||
        data_arg(a[0], &in) < 0 || (a[1] && int_arg(a[1], &wbits) < 0) ||
        (a[2] && ssize_arg(a[2], &bufsize) < 0)) {
        return KV_NULL;
    }
    if (bufsize < 0) {
        kerr_set(&kexc_ValueError, "bufsize must be non-negative");
        return KV_NULL;
    }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = inflateInit2(&zs, wbits);
    if (err == Z_MEM_ERROR) {
        kerr_set(&kexc_MemoryError, "Out of memory while decompressing data");
        return KV_NULL;
    }
    if (err != Z_OK) {
        inflateEnd(&zs);
        raise_zlib_error(&zs, err, "while preparing to decompress data");
        return KV_NULL;
    }
    Output out = {NULL, 0, 0, 0};
    do {
        feed(&zs, &in);
        int flush = in.left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (reserve(&zs, &out, bufsize ? (size_t)bufsize : 1) < 0) {
                goto error;
            }
            err = inflate(&zs, flush);
            produced(&zs, &out);
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                raise_zlib_error(&zs, err, "while decompressing data");
                goto error;
            }
        } while (zs.avail_out == 0 && err != Z_STREAM_END);
    } while (err != Z_STREAM_END && input_left(&zs, &in) > 0);
    if (err != Z_STREAM_END) {
        raise_zlib_error(&zs, err, "while decompressing data");
        goto error;
    }
    inflateEnd(&zs);
    return output_bytes(&out);
error:
    inflateEnd(&zs);
    free(out.data);
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// Compress and Decompress objects

typedef struct ZStream {
    KOBJ_HEAD;
    z_stream zs;
    int is_initialised; // between the Init and the End of 'zs'
    int eof;            // Decompress: the end of the stream was seen
    KValue unused_data;     // Decompress: bytes after the end of the stream
    KValue unconsumed_tail; // Decompress: input held back by max_length
    KValue zdict;           // Decompress: the dictionary, or KV_NULL
} ZStream;

static KType compress_type, decompress_type;

#define ZS(v) ((ZStream *)(v))

static ZStream *zstream_alloc(KType *type) {
    ZStream *z = (ZStream *)kobj_alloc(type, sizeof(ZStream));
    if (!z) {
        return NULL;
    }
    z->unused_data = kbytes_from_data("", 0);
    z->unconsumed_tail = kbytes_from_data("", 0);
    if (!z->unused_data || !z->unconsumed_tail) {
        kval_decref(kval_of(z));
        return NULL;
    }
    return z;
}

static void zstream_dealloc(KObject *o) {
    ZStream *z = (ZStream *)o;
    if (z->is_initialised) {
        if (o->type == &compress_type) {
            deflateEnd(&z->zs);
        } else {
            inflateEnd(&z->zs);
        }
    }
    kval_xdecref(z->unused_data);
    kval_xdecref(z->unconsumed_tail);
    kval_xdecref(z->zdict);
    kobj_free(o);
}

// compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS,
//             memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None)
METHOD(z_compressobj) {
    (void)self;
    static const char *const kwlist[] = {"level", "method", "wbits", "memLevel",
                                         "strategy", "zdict", NULL};
    KValue a[6];
    int level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED, wbits = MAX_WBITS;
    int mem_level = DEF_MEM_LEVEL, strategy = Z_DEFAULT_STRATEGY;
    Input dict = {NULL, 0};
    if (kargs_unpack("compressobj", args, nargs, kw, kwlist, 0, 6, a) < 0 ||
        (a[0] && int_arg(a[0], &level) < 0) || (a[1] && int_arg(a[1], &method) < 0) ||
        (a[2] && int_arg(a[2], &wbits) < 0) || (a[3] && int_arg(a[3], &mem_level) < 0) ||
        (a[4] && int_arg(a[4], &strategy) < 0) || (a[5] && data_arg(a[5], &dict) < 0)) {
        return KV_NULL;
    }
    if (dict.left > UINT_MAX) {
        kerr_set(&kexc_OverflowError, "zdict length does not fit in an unsigned int");
        return KV_NULL;
    }
    ZStream *z = zstream_alloc(&compress_type);
    if (!z) {
        return KV_NULL;
    }
    int err = deflateInit2(&z->zs, level, method, wbits, mem_level, strategy);
    if (err == Z_OK) {
        z->is_initialised = 1;
        if (a[5] && deflateSetDictionary(&z->zs, dict.next, (uInt)dict.left) != Z_OK) {
            kerr_set(&kexc_ValueError, "Invalid dictionary");
            goto error;
        }
        return kval_of(z);
    }
    if (err == Z_MEM_ERROR) {
        kerr_set(&kexc_MemoryError, "Can't allocate memory for compression object");
    } else if (err == Z_STREAM_ERROR) {
        kerr_set(&kexc_ValueError, "Invalid initialization option");
    } else {
        raise_zlib_error(&z->zs, err, "while creating compression object");
    }
error:
    kval_decref(kval_of(z));
    return KV_NULL;
}

// Sets the Decompress object's dictionary: 0, or -1 with an error.
static int set_inflate_dict(ZStream *z) {
    const char *p;
    ssize_t n;
    if (!kbytes_get_buffer(z->zdict, &p, &n)) {
        kerr_set(&kexc_TypeError, "zdict argument must support the buffer protocol");
        return -1;
    }
    if ((size_t)n > UINT_MAX) {
        kerr_set(&kexc_OverflowError, "zdict length does not fit in an unsigned int");
        return -1;
    }
    int err = inflateSetDictionary(&z->zs, (const Bytef *)p, (uInt)n);
    if (err != Z_OK) {
        raise_zlib_error(&z->zs, err, "while setting zdict");
        return -1;
    }
    return 0;
}

// decompressobj(wbits=MAX_WBITS, zdict=b'')
METHOD(z_decompressobj) {
    (void)self;
    static const char *const kwlist[] = {"wbits", "zdict", NULL};
    KValue a[2];
    int wbits = MAX_WBITS;
    if (kargs_unpack("decompressobj", args, nargs, kw, kwlist, 0, 2, a) < 0 ||
        (a[0] && int_arg(a[0], &wbits) < 0)) {
        return KV_NULL;
    }
    const char *p;
    ssize_t n;
    if (a[1] && !kbytes_get_buffer(a[1], &p, &n)) {
        kerr_set(&kexc_TypeError, "zdict argument must support the buffer protocol");
        return KV_NULL;
    }
    ZStream *z = zstream_alloc(&decompress_type);
    if (!z) {
        return KV_NULL;
    }
    z->zdict = a[1] ? kval_newref(a[1]) : KV_NULL;
    int err = inflateInit2(&z->zs, wbits);
    if (err == Z_OK) {
        z->is_initialised = 1;
        // A raw stream never asks for its dictionary: it is set at once.
        if (z->zdict && wbits < 0 && set_inflate_dict(z) < 0) {
            goto error;
        }
        return kval_of(z);
    }
    if (err == Z_MEM_ERROR) {
        kerr_set(&kexc_MemoryError, "Can't allocate memory for decompression object");
    } else if (err == Z_STREAM_ERROR) {
        kerr_set(&kexc_ValueError, "Invalid initialization option");
    } else {
        raise_zlib_error(&z->zs, err, "while creating decompression object");
    }
error:
    kval_decref(kval_of(z));
    return KV_NULL;
}

// Compress.compress(data, /)
METHOD(c_compress) {
    (void)nargs, (void)kw;
    ZStream *z = ZS(self);
    Input in;
    if (data_arg(args[0], &in) < 0) {
        return KV_NULL;
    }
    Output out = {NULL, 0, 0, 0};
    do {
        feed(&z->zs, &in);
        do {
            if (reserve(&z->zs, &out, DEF_BUF_SIZE) < 0) {
                goto error;
            }
            int err = deflate(&z->zs, Z_NO_FLUSH);
            produced(&z->zs, &out);
            if (err == Z_STREAM_ERROR) {
                raise_zlib_error(&z->zs, err, "while compressing data");
                goto error;
            }
        } while (z->zs.avail_out == 0);
    } while (input_left(&z->zs, &in) > 0);
    return output_bytes(&out);
error:
    z->zs.avail_in = 0; // the stream must not keep pointing at 'data'
    free(out.data);
    return KV_NULL;
}

// Compress.flush(mode=Z_FINISH, /)
METHOD(c_flush) {
    (void)kw;
    ZStream *z = ZS(self);
    int mode = Z_FINISH;
    if (kargs_count("flush", nargs, 0, 1) < 0 || (nargs > 0 && int_arg(args[0], &mode) < 0)) {
        return KV_NULL;
    }
    if (mode == Z_NO_FLUSH) {
        return kbytes_from_data("", 0);
    }
    Output out = {NULL, 0, 0, 0};
    int err;
    z->zs.avail_in = 0;
    do {
        if (reserve(&z->zs, &out, DEF_BUF_SIZE) < 0) {
            goto error;
        }
        err = deflate(&z->zs, mode);
        produced(&z->zs, &out);
        if (err == Z_STREAM_ERROR) {
            raise_zlib_error(&z->zs, err, "while flushing");
            goto error;
        }
    } while (z->zs.avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        err = deflateEnd(&z->zs);
        z->is_initialised = 0;
        if (err != Z_OK) {
            raise_zlib_error(&z->zs, err, "while finishing compression");
            goto error;
        }
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        raise_zlib_error(&z->zs, err, "while flushing");
        goto error;
    }
    return output_bytes(&out);
error:
    free(out.data);
    return KV_NULL;
}

// Keeps the input the last call left: what follows the end of the stream
// goes to unused_data, input held back by max_length to unconsumed_tail.
static int save_unconsumed(ZStream *z, Input *in, int err) {
    size_t left = input_left(&z->zs, in);
    const char *rest = z->zs.avail_in ? (const char *)z->zs.next_in : (const char *)in->next;
    if (err == Z_STREAM_END && left > 0) {
        KValue tail = kbytes_from_data(rest, (ssize_t)left);
        KValue joined = tail ? kbytes_add(z->unused_data, tail) : KV_NULL;
        kval_xdecref(tail);
        if (!joined) {
            return -1;
        }
        KValue old = z->unused_data;
        z->unused_data = joined;
        kval_decref(old);
        left = 0;
    }
    if (left > 0 || kbytes_len(z->unconsumed_tail) > 0) {
        KValue tail = kbytes_from_data(rest, (ssize_t)left);
        if (!tail) {
            return -1;
        }
        KValue old = z->unconsumed_tail;
        z->unconsumed_tail = tail;
        kval_decref(old);
    }
    z->zs.avail_in = 0;
    return 0;
}

// Runs inflate over 'in' with 'flush', into 'out', setting the
// dictionary when the stream asks for it; the last inflate status (or the
// failing one) in '*errp'. -1 on a Python error (MemoryError, zdict).
static int inflate_loop(ZStream *z, Input *in, Output *out, int flush, size_t first, int *errp) {
    int err = Z_OK;
    do {
        feed(&z->zs, in);
        int f = in->left == 0 ? flush : Z_NO_FLUSH;
        do {
            if (is_full(out)) {
                break;
            }
            if (reserve(&z->zs, out, first) < 0) {
                return -1;
            }
            err = inflate(&z->zs, f);
            produced(&z->zs, out);
            if (err == Z_NEED_DICT && z->zdict) {
                if (set_inflate_dict(z) < 0) {
                    return -1;
                }
                err = Z_OK;
                continue;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                *errp = err;
                return 0;
            }
        } while (z->zs.avail_out == 0 && err != Z_STREAM_END);
    } while (err != Z_STREAM_END && input_left(&z->zs, in) > 0 && !is_full(out));
    *errp = err;
    return 0;
}

// Decompress.decompress(data, /, max_length=0)
METHOD(d_decompress) {
    ZStream *z = ZS(self);
    static const char *const kwlist[] = {"", "max_length", NULL};
    KValue a[2];
    ssize_t max_length = 0;
    Input in;
    if (kargs_unpack("decompress", args, nargs, kw, kwlist, 1, 2, a) < 0 ||
        data_arg(a[0], &in) < 0 || (a[1] && ssize_arg(a[1], &max_length) < 0)) {
        return KV_NULL;
    }
    if (max_length < 0) {
        kerr_set(&kexc_ValueError, "max_length must be non-negative");
        return KV_NULL;
    }
    Output out = {NULL, 0, 0, (size_t)max_length};
    int err;
    if (inflate_loop(z, &in, &out, Z_SYNC_FLUSH, DEF_BUF_SIZE, &err) < 0) {
        goto error;
    }
    if (save_unconsumed(z, &in, err) < 0) {
        goto error;
    }
    if (err == Z_STREAM_END) {
        z->eof = 1;
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        raise_zlib_error(&z->zs, err, "while decompressing data");
        goto error;
    }
    return output_bytes(&out);
error:
    z->zs.avail_in = 0;
    free(out.data);
    return KV_NULL;
}

// Decompress.flush(length=DEF_BUF_SIZE, /): what the unconsumed tail
// still gives.
METHOD(d_flush) {
    (void)kw;
    ZStream *z = ZS(self);
    ssize_t length = DEF_BUF_SIZE;
    if (kargs_count("flush", nargs, 0, 1) < 0 || (nargs > 0 && ssize_arg(args[0], &length) < 0)) {
        return KV_NULL;
    }
    if (length <= 0) {
        kerr_set(&kexc_ValueError, "length must be greater than zero");
        return KV_NULL;
    }
    KValue tail = kval_newref(z->unconsumed_tail); // kept alive while inflate reads it
    ssize_t tail_len;
    const char *tail_data = kbytes_data(tail, &tail_len);
    Input in = {(const Bytef *)tail_data, (size_t)tail_len};
    Output out = {NULL, 0, 0, 0};
    int err;
    if (inflate_loop(z, &in, &out, Z_FINISH, (size_t)length, &err) < 0 ||
        save_unconsumed(z, &in, err) < 0) {
        goto error;
    }
    if (err == Z_STREAM_END) {
        z->eof = 1;
        if (z->is_initialised) {
            z->is_initialised = 0;
            err = inflateEnd(&z->zs);
            if (err != Z_OK) {
                raise_zlib_error(&z->zs, err, "while finishing decompression");
                goto error;
            }
        }
    }
    kval_decref(tail);
    return output_bytes(&out);
error:
    z->zs.avail_in = 0;
    kval_decref(tail);
    free(out.data);
    return KV_NULL;
}

// copy(), __copy__(), __deepcopy__(memo): a new object with the stream's state.
static KValue zstream_copy(ZStream *z) {
    if (!z->is_initialised) {
        kerr_set(&kexc_ValueError, "Inconsistent stream state");
        return KV_NULL;
    }
    int is_compress = kval_type(kval_of(z)) == &compress_type;
    ZStream *c = zstream_alloc(kval_type(kval_of(z)));
    if (!c) {
        return KV_NULL;
    }
    int err = is_compress ? deflateCopy(&c->zs, &z->zs) : inflateCopy(&c->zs, &z->zs);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR) {
            kerr_set(&kexc_MemoryError, is_compress ? "Can't allocate memory for compression object"
                                                    : "Can't allocate memory for decompression object");
        } else if (err == Z_STREAM_ERROR) {
            kerr_set(&kexc_ValueError, "Inconsistent stream state");
        } else {
            raise_zlib_error(&z->zs, err, is_compress ? "while copying compression object"
                                                      : "while copying decompression object");
        }
        kval_decref(kval_of(c));
        return KV_NULL;
    }
    c->is_initialised = 1;
    c->eof = z->eof;
    kval_decref(c->unused_data);
    kval_decref(c->unconsumed_tail);
    c->unused_data = kval_newref(z->unused_data);
    c->unconsumed_tail = kval_newref(z->unconsumed_tail);
    c->zdict = z->zdict ? kval_newref(z->zdict) : KV_NULL;
    return kval_of(c);
}

METHOD(z_copy) {
    (void)args, (void)nargs, (void)kw;
    return zstream_copy(ZS(self));
}

METHOD(z_deepcopy) {
    (void)args, (void)nargs, (void)kw;
    return zstream_copy(ZS(self));
}

static KValue get_unused_data(KValue self) {
    return kval_newref(ZS(self)->unused_data);
}

static KValue get_unconsumed_tail(KValue self) {
    return kval_newref(ZS(self)->unconsumed_tail);
}

static KValue get_eof(KValue self) {
    return kval_newref(kbool_from(ZS(self)->eof));
}

static const KMethodDef compress_methods[] = {
    {"compress", c_compress, KMETH_O, NULL},
    {"flush", c_flush, KMETH_FAST, NULL},
    {"copy", z_copy, KMETH_NOARGS, NULL},
    {"__copy__", z_copy, KMETH_NOARGS, NULL},
    {"__deepcopy__", z_deepcopy, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMethodDef decompress_methods[] = {
    {"decompress", d_decompress, KMETH_KW, NULL},
    {"flush", d_flush, KMETH_FAST, NULL},
    {"copy", z_copy, KMETH_NOARGS, NULL},
    {"__copy__", z_copy, KMETH_NOARGS, NULL},
    {"__deepcopy__", z_deepcopy, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef decompress_getsets[] = {
    {"unused_data", get_unused_data, NULL, NULL},
    {"unconsumed_tail", get_unconsumed_tail, NULL, NULL},
    {"eof", get_eof, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KType compress_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "zlib.Compress",
    .basicsize = sizeof(ZStream),
    .dealloc = zstream_dealloc,
    .methods = compress_methods,
};

static KType decompress_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "zlib.Decompress",
    .basicsize = sizeof(ZStream),
    .dealloc = zstream_dealloc,
    .methods = decompress_methods,
    .getsets = decompress_getsets,
};

// ---------------------------------------------------------------------------
// Checksums

// The starting value of crc32/adler32: any int (or __index__), taken
// modulo 2**32 as CPython's bitwise unsigned int converter does.
static int checksum_start(KValue v, uLong *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    ssize_t n;
    uint32_t *words = kint_abs_words(i, &n);
    int negative = kint_sign(i) < 0;
    kval_decref(i);
    if (!words) {
        return -1;
    }
    uint32_t low = words[0];
    kmem_free(words);
    *out = negative ? (uint32_t)(0u - low) : low;
    return 0;
}

static KValue checksum(const char *fname, const KValue *args, size_t nargs, uLong start,
                       uLong (*fn)(uLong, const Bytef *, uInt)) {
    Input in;
    if (kargs_count(fname, nargs, 1, 2) < 0 || data_arg(args[0], &in) < 0 ||
        (nargs > 1 && checksum_start(args[1], &start) < 0)) {
        return KV_NULL;
    }
    uLong v = start;
    while (in.left > 0) {
        uInt n = in.left > 0x40000000u ? 0x40000000u : (uInt)in.left;
        v = fn(v, in.next, n);
        in.next += n;
        in.left -= n;
    }
    return kint_from_u64((uint32_t)v);
}

// crc32(data, value=0, /)
METHOD(z_crc32) {
    (void)self, (void)kw;
    return checksum("crc32", args, nargs, 0, crc32);
}

// adler32(data, value=1, /)
METHOD(z_adler32) {
    (void)self, (void)kw;
    return checksum("adler32", args, nargs, 1, adler32);
}

static const KMethodDef zlib_functions[] = {
    {"compress", z_compress, KMETH_KW, NULL},
    {"decompress", z_decompress, KMETH_KW, NULL},
    {"compressobj", z_compressobj, KMETH_KW, NULL},
    {"decompressobj", z_decompressobj, KMETH_KW, NULL},
    {"crc32", z_crc32, KMETH_FAST, NULL},
    {"adler32", z_adler32, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} zlib_constants[] = {
    {"MAX_WBITS", MAX_WBITS},
    {"DEFLATED", Z_DEFLATED},
    {"DEF_MEM_LEVEL", DEF_MEM_LEVEL},
    {"DEF_BUF_SIZE", DEF_BUF_SIZE},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_RLE", Z_RLE},
    {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_TREES", Z_TREES},
};

static int add_string(KValue m, const char *name, const char *value) {
    KValue s = kstr_from_cstr(value);
    int r = s ? kmod_add(m, name, s) : -1;
    kval_xdecref(s);
    return r;
}

KValue kmod_zlib_create(void) {
    if (ktype_ready(&compress_type) < 0 || ktype_ready(&decompress_type) < 0) {
        return KV_NULL;
    }
    if (!zlib_error && !(zlib_error = kmod_new_exception("zlib", "error", &kexc_Exception))) {
        return KV_NULL;
    }
    KValue m = kmod_new("zlib");
    if (!m || kmod_add_functions(m, zlib_functions) < 0 || kmod_add(m, "error", zlib_error) < 0 ||
        add_string(m, "ZLIB_VERSION", ZLIB_VERSION) < 0 ||
        add_string(m, "ZLIB_RUNTIME_VERSION", zlibVersion()) < 0) {
        goto error;
    }
    for (size_t i = 0; i < sizeof zlib_constants / sizeof zlib_constants[0]; i++) {
        if (kmod_add(m, zlib_constants[i].name, kval_from_int(zlib_constants[i].value)) < 0) {
            goto error;
        }
    }
    return m;
error:
    kval_xdecref(m);
    return KV_NULL;
}
