// vm/modules/_bz2.c: the _bz2 module under bz2.py, over Debian's libbz2:
// BZ2Compressor(compresslevel=9) with compress/flush, and BZ2Decompressor
// with CPython's decompress(data, max_length=-1), eof, unused_data and
// needs_input (vm/modules/_decomp.c); libbz2's errors become CPython's
// exceptions and messages.
#include <bzlib.h>
#include <limits.h>
#include <string.h>

#include "_decomp.h"
#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../gc.h"
#include "../int.h"
#include "../mem.h"
#include "../module.h"
#include "../tuple.h"
#include "../type.h"
#include "posix.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// Raises CPython's exception for a libbz2 error code; 0 when 'r' is none.
static int bz_error(int r) {
    switch (r) {
    case BZ_OK:
    case BZ_RUN_OK:
    case BZ_FLUSH_OK:
    case BZ_FINISH_OK:
    case BZ_STREAM_END:
        return 0;
    case BZ_PARAM_ERROR:
        kerr_set(&kexc_ValueError, "Internal error - invalid parameters passed to libbzip2");
        return -1;
    case BZ_MEM_ERROR:
        kerr_no_memory();
        return -1;
    case BZ_DATA_ERROR:
    case BZ_DATA_ERROR_MAGIC:
        kerr_set(&kexc_OSError, "Invalid data stream");
        return -1;
    case BZ_IO_ERROR:
        kerr_set(&kexc_OSError, "Unknown I/O error");
        return -1;
    case BZ_UNEXPECTED_EOF:
        kerr_set(&kexc_EOFError,
                 "Compressed file ended before the logical end-of-stream was detected");
        return -1;
    case BZ_SEQUENCE_ERROR:
        kerr_set(&kexc_RuntimeError,
                 "Internal error - Invalid sequence of commands sent to libbzip2");
        return -1;
    default:
        kerr_format(&kexc_SystemError, "Unrecognized error from libbzip2: %d", r);
        return -1;
    }
}

// Points the stream at the next piece of '*in' (libbz2 counts in unsigned int).
static void bz_feed(bz_stream *s, const uint8_t *in, size_t left, uint8_t *out, size_t room) {
    s->next_in = (char *)in;
    s->avail_in = left > UINT_MAX ? UINT_MAX : (unsigned)left;
    s->next_out = (char *)out;
    s->avail_out = room > UINT_MAX ? UINT_MAX : (unsigned)room;
}

// ---------------------------------------------------------------------------
// BZ2Compressor

typedef struct Compressor {
    KOBJ_HEAD;
    bz_stream bzs;
    int flushed;
} Compressor;

static KType compressor_type;

static KValue compressor_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    int level = 9;
    if (kwnames && ktuple_len(kwnames)) {
        kerr_set(&kexc_TypeError, "BZ2Compressor() takes no keyword arguments");
        return KV_NULL;
    }
    if (nargs > 1) {
        kerr_format(&kexc_TypeError, "BZ2Compressor expected at most 1 argument, got %zu", nargs);
        return KV_NULL;
    }
    if (nargs && kposix_int_arg(args[0], &level) < 0) {
        return KV_NULL;
    }
    if (level < 1 || level > 9) {
        kerr_set(&kexc_ValueError, "compresslevel must be between 1 and 9");
        return KV_NULL;
    }
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        return KV_NULL;
    }
    Compressor *c = (Compressor *)v;
    memset(&c->bzs, 0, sizeof c->bzs);
    c->flushed = 0;
    if (bz_error(BZ2_bzCompressInit(&c->bzs, level, 0, 0)) < 0) {
        c->flushed = -1; // nothing to end
        kval_decref(v);
        return KV_NULL;
    }
    return v;
}

static void compressor_dealloc(KObject *o) {
    Compressor *c = (Compressor *)o;
    if (c->flushed >= 0) {
        BZ2_bzCompressEnd(&c->bzs);
    }
    kobj_free(o);
}

// Runs BZ2_bzCompress with 'action' over data[0..n) until it is consumed
// (BZ_RUN) or the stream is finished (BZ_FINISH); the output as bytes.
static KValue compress_run(Compressor *c, const char *data, size_t n, int action) {
    size_t cap = 8192, len = 0;
    uint8_t *buf = kmem_alloc(cap);
    if (!buf) {
        return kerr_no_memory();
    }
    const uint8_t *in = (const uint8_t *)data;
    for (;;) {
        if (len == cap) {
            uint8_t *p = kmem_realloc(buf, cap * 2);
            if (!p) {
                kmem_free(buf);
                return kerr_no_memory();
            }
            buf = p;
            cap *= 2;
        }
        bz_feed(&c->bzs, in, n, buf + len, cap - len);
        unsigned before_in = c->bzs.avail_in;
        int r = BZ2_bzCompress(&c->bzs, action);
        in += before_in - c->bzs.avail_in;
        n -= before_in - c->bzs.avail_in;
        len = (size_t)((uint8_t *)c->bzs.next_out - buf);
        if (bz_error(r) < 0) {
            kmem_free(buf);
            return KV_NULL;
        }
        if (action == BZ_FINISH ? r == BZ_STREAM_END : (n == 0 && c->bzs.avail_out > 0)) {
            break;
        }
    }
    KValue result = kbytes_from_data((const char *)buf, (ssize_t)len);
    kmem_free(buf);
    return result;
}

METHOD(compressor_compress) {
    (void)nargs, (void)kw;
    Compressor *c = (Compressor *)self;
    const char *data;
    ssize_t n;
    if (kbytes_need_buffer(args[0], &data, &n) < 0) {
        return KV_NULL;
    }
    if (c->flushed) {
        kerr_set(&kexc_ValueError, "Compressor has been flushed");
        return KV_NULL;
    }
    return compress_run(c, data, (size_t)n, BZ_RUN);
}

METHOD(compressor_flush) {
    (void)args, (void)nargs, (void)kw;
    Compressor *c = (Compressor *)self;
    if (c->flushed) {
        kerr_set(&kexc_ValueError, "Repeated call to flush()");
        return KV_NULL;
    }
    c->flushed = 1;
    return compress_run(c, "", 0, BZ_FINISH);
}

static KValue no_pickle(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    kerr_format(&kexc_TypeError, "cannot pickle '%s' object", kval_type(self)->name);
    return KV_NULL;
}

static const KMethodDef compressor_methods[] = {
    {"compress", compressor_compress, KMETH_O, NULL},
    {"flush", compressor_flush, KMETH_NOARGS, NULL},
    {"__reduce__", no_pickle, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType compressor_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_bz2.BZ2Compressor",
    .basicsize = sizeof(Compressor),
    .flags = KTF_BASETYPE,
    .dealloc = compressor_dealloc,
    .new_ = compressor_new,
    .methods = compressor_methods,
    .doc = "Create a compressor object for compressing data incrementally.",
};

// ---------------------------------------------------------------------------
// BZ2Decompressor

typedef struct Decompressor {
    KDecomp base;
    bz_stream bzs;
    int ready; // bzs was initialised
} Decompressor;

static KType decompressor_type;

static KValue decompressor_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args;
    if (nargs) {
        kerr_set(&kexc_TypeError, "BZ2Decompressor() takes no positional arguments");
        return KV_NULL;
    }
    if (kwnames && ktuple_len(kwnames)) {
        kerr_set(&kexc_TypeError, "BZ2Decompressor() takes no keyword arguments");
        return KV_NULL;
    }
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        return KV_NULL;
    }
    Decompressor *d = (Decompressor *)v;
    memset(&d->bzs, 0, sizeof d->bzs);
    d->ready = 0;
    if (kdecomp_init(&d->base) < 0 || bz_error(BZ2_bzDecompressInit(&d->bzs, 0, 0)) < 0) {
        kval_decref(v);
        return KV_NULL;
    }
    d->ready = 1;
    return v;
}

static void decompressor_dealloc(KObject *o) {
    Decompressor *d = (Decompressor *)o;
    if (d->ready) {
        BZ2_bzDecompressEnd(&d->bzs);
    }
    kdecomp_release(&d->base);
    kobj_free(o);
}

static int bz_step(KDecomp *base, const uint8_t **in, size_t *in_left, uint8_t **out,
                   size_t *out_left) {
    Decompressor *d = (Decompressor *)base;
    bz_feed(&d->bzs, *in, *in_left, *out, *out_left);
    unsigned in0 = d->bzs.avail_in, out0 = d->bzs.avail_out;
    int r = BZ2_bzDecompress(&d->bzs);
    *in += in0 - d->bzs.avail_in;
    *in_left -= in0 - d->bzs.avail_in;
    *out += out0 - d->bzs.avail_out;
    *out_left -= out0 - d->bzs.avail_out;
    if (bz_error(r) < 0) {
        return -1;
    }
    return r == BZ_STREAM_END;
}

METHOD(decompressor_decompress) {
    return kdecomp_decompress((KDecomp *)self, args, nargs, kw, bz_step,
                              "End of stream already reached");
}

static const KMethodDef decompressor_methods[] = {
    {"decompress", decompressor_decompress, KMETH_KW, NULL},
    {"__reduce__", no_pickle, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType decompressor_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_bz2.BZ2Decompressor",
    .basicsize = sizeof(Decompressor),
    .flags = KTF_BASETYPE,
    .dealloc = decompressor_dealloc,
    .new_ = decompressor_new,
    .methods = decompressor_methods,
    .getsets = kdecomp_getsets,
    .doc = "Create a decompressor object for decompressing data incrementally.",
};

KValue kmod_bz2_create(void) {
    if (ktype_ready(&compressor_type) < 0 || ktype_ready(&decompressor_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_bz2");
    if (!m || kmod_add(m, "BZ2Compressor", kval_of(&compressor_type)) < 0 ||
        kmod_add(m, "BZ2Decompressor", kval_of(&decompressor_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
