// vm/modules/_lzma.c: the _lzma module under lzma.py, over Debian's liblzma:
// LZMACompressor and LZMADecompressor for the .xz, legacy .lzma and raw
// formats, filter chains given as dicts (LZMA1/2 with their options, delta,
// the BCJ filters), is_check_supported, and the filter-property helpers
// zipfile uses; liblzma's errors become LZMAError with CPython's messages.
#include <lzma.h>
#include <stdlib.h>
#include <string.h>

#include "_decomp.h"
#include "../abstract.h"
#include "../bytes.h"
#include "../dict.h"
#include "../errors.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "posix.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

enum { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };

static KValue lzma_error; // _lzma.LZMAError

static int lz_error(lzma_ret r) {
    const char *msg;
    switch (r) {
    case LZMA_OK:
    case LZMA_GET_CHECK:
    case LZMA_NO_CHECK:
    case LZMA_STREAM_END:
        return 0;
    case LZMA_MEM_ERROR:
        kerr_no_memory();
        return -1;
    case LZMA_UNSUPPORTED_CHECK: msg = "Unsupported integrity check"; break;
    case LZMA_MEMLIMIT_ERROR: msg = "Memory usage limit exceeded"; break;
    case LZMA_FORMAT_ERROR: msg = "Input format not supported by decoder"; break;
    case LZMA_OPTIONS_ERROR: msg = "Invalid or unsupported options"; break;
    case LZMA_DATA_ERROR: msg = "Corrupt input data"; break;
    case LZMA_BUF_ERROR: msg = "Insufficient buffer space"; break;
    case LZMA_PROG_ERROR: msg = "Internal error"; break;
    default:
        kerr_format((KType *)kval_obj(lzma_error), "Unrecognized error from liblzma: %d", (int)r);
        return -1;
    }
    kerr_set((KType *)kval_obj(lzma_error), msg);
    return -1;
}

// An unsigned 64-bit argument, with CPython's messages.
static int u64_arg(KValue v, uint64_t *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    uint64_t u = kint_as_u64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow < 0) {
        kerr_set(&kexc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    if (overflow > 0) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = u;
    return 0;
}

static int u32_arg(KValue v, uint32_t *out) {
    uint64_t u;
    if (u64_arg(v, &u) < 0) {
        return -1;
    }
    if (u > UINT32_MAX) {
        kerr_set(&kexc_OverflowError, "Value too large for uint32_t type");
        return -1;
    }
    *out = (uint32_t)u;
    return 0;
}

// ---------------------------------------------------------------------------
// Filter specifications

static int is_bcj(lzma_vli id) {
    return id == LZMA_FILTER_X86 || id == LZMA_FILTER_POWERPC || id == LZMA_FILTER_IA64 ||
           id == LZMA_FILTER_ARM || id == LZMA_FILTER_ARMTHUMB || id == LZMA_FILTER_SPARC;
}

// The options in 'spec' besides "id": each must be one of 'names'; their
// values go to 'out' (KV_NULL when absent). -1 with ValueError 'bad'.
static int spec_options(KValue spec, const char *const *names, KValue *out, const char *bad) {
    size_t n = 0;
    for (; names[n]; n++) {
        out[n] = KV_NULL;
    }
    KValue name = kstr_intern_cstr("items");
    KValue items = name ? kobj_call_method(spec, name, NULL, 0) : KV_NULL;
    kval_xdecref(name);
    KValue it = items ? kobj_get_iter(items) : KV_NULL;
    kval_xdecref(items);
    if (!it) {
        return -1;
    }
    int r = 0;
    for (KValue pair; r == 0 && (pair = kobj_iter_next(it)) != KV_NULL;) {
        KValue key = ktuple_check(pair) && ktuple_len(pair) == 2 ? ktuple_get_borrow(pair, 0) : KV_NULL;
        size_t i = 0;
        if (key && kstr_check(key) && !kstr_eq_cstr(key, "id")) {
            for (; i < n && !kstr_eq_cstr(key, names[i]); i++) {
            }
            if (i == n) {
                kerr_set(&kexc_ValueError, bad);
                r = -1;
            } else {
                out[i] = ktuple_get_borrow(pair, 1); // borrowed from 'spec', which outlives this
            }
        } else if (!key || !kstr_check(key)) {
            kerr_set(&kexc_ValueError, bad);
            r = -1;
        }
        kval_decref(pair);
    }
    kval_decref(it);
    return r < 0 || kerr_occurred() ? -1 : 0;
}

// Parses one filter specifier (a mapping with "id") into 'f'; options are
// allocated with kmem (free with free_filters). -1 with the exception set.
static int parse_filter(KValue spec, lzma_filter *f) {
    f->options = NULL;
    KValue items_name = kstr_intern_cstr("items"), items_attr = KV_NULL;
    int has_items =
        kdict_check(spec) || (items_name && kobj_lookup_attr(spec, items_name, &items_attr) > 0);
    kval_xdecref(items_attr);
    kval_xdecref(items_name);
    if (kerr_occurred()) {
        return -1;
    }
    if (!has_items) {
        kerr_set(&kexc_TypeError, "Filter specifier must be a dict or dict-like object");
        return -1;
    }
    KValue key = kstr_from_cstr("id");
    KValue idv = key ? kobj_getitem(spec, key) : KV_NULL;
    kval_xdecref(key);
    if (!idv) {
        if (kerr_matches(&kexc_KeyError)) {
            kerr_set(&kexc_ValueError, "Filter specifier must have an \"id\" entry");
        }
        return -1;
    }
    uint64_t id;
    int r = u64_arg(idv, &id);
    kval_decref(idv);
    if (r < 0) {
        return -1;
    }
    f->id = id;
    if (id == LZMA_FILTER_LZMA1 || id == LZMA_FILTER_LZMA2) {
        static const char *const names[] = {"preset", "dict_size", "lc", "lp", "pb", "mode",
                                            "nice_len", "mf", "depth", NULL};
        const char *bad = "Invalid filter specifier for LZMA filter";
        KValue v[9];
        if (spec_options(spec, names, v, bad) < 0) {
            return -1;
        }
        uint32_t preset = LZMA_PRESET_DEFAULT;
        if (v[0] && u32_arg(v[0], &preset) < 0) {
            kerr_set(&kexc_ValueError, bad);
            return -1;
        }
        lzma_options_lzma *o = kmem_alloc(sizeof *o);
        if (!o) {
            kerr_no_memory();
            return -1;
        }
        memset(o, 0, sizeof *o);
        f->options = o;
        if (lzma_lzma_preset(o, preset)) {
            kerr_format((KType *)kval_obj(lzma_error), "Invalid compression preset: %u", preset);
            return -1;
        }
        uint32_t *fields[] = {&o->dict_size, &o->lc, &o->lp, &o->pb, NULL, &o->nice_len, NULL,
                              &o->depth};
        for (int i = 1; i < 9; i++) {
            if (!v[i]) {
                continue;
            }
            uint32_t x;
            if (u32_arg(v[i], &x) < 0) {
                kerr_clear();
                kerr_set(&kexc_ValueError, bad);
                return -1;
            }
            if (i == 5) {
                o->mode = (lzma_mode)x;
            } else if (i == 7) {
                o->mf = (lzma_match_finder)x;
            } else {
                *fields[i - 1] = x;
            }
        }
        return 0;
    }
    if (id == LZMA_FILTER_DELTA || is_bcj(id)) {
        int delta = id == LZMA_FILTER_DELTA;
        static const char *const dnames[] = {"dist", NULL}, *const bnames[] = {"start_offset", NULL};
        const char *bad = delta ? "Invalid filter specifier for delta filter"
                                : "Invalid filter specifier for BCJ filter";
        KValue v[1];
        if (spec_options(spec, delta ? dnames : bnames, v, bad) < 0) {
            return -1;
        }
        uint32_t x = delta ? 1 : 0;
        if (v[0] && u32_arg(v[0], &x) < 0) {
            kerr_clear();
            kerr_set(&kexc_ValueError, bad);
            return -1;
        }
        if (delta) {
            lzma_options_delta *o = kmem_alloc(sizeof *o);
            if (!o) {
                kerr_no_memory();
                return -1;
            }
            memset(o, 0, sizeof *o);
            o->type = LZMA_DELTA_TYPE_BYTE;
            o->dist = x;
            f->options = o;
        } else {
            lzma_options_bcj *o = kmem_alloc(sizeof *o);
            if (!o) {
                kerr_no_memory();
                return -1;
            }
            o->start_offset = x;
            f->options = o;
        }
        return 0;
    }
    kerr_format(&kexc_ValueError, "Invalid filter ID: %llu", (unsigned long long)id);
    return -1;
}

static void free_filters(lzma_filter *f) {
    for (int i = 0; f[i].id != LZMA_VLI_UNKNOWN; i++) {
        kmem_free(f[i].options);
    }
}

// A filter chain from a sequence of specifiers into 'f' (LZMA_FILTERS_MAX + 1
// entries, ended by LZMA_VLI_UNKNOWN). -1 with the exception set.
static int parse_filters(KValue seq, lzma_filter *f) {
    f[0].id = LZMA_VLI_UNKNOWN;
    ssize_t n = kobj_len(seq);
    if (n < 0) {
        return -1;
    }
    if (n > LZMA_FILTERS_MAX) {
        kerr_format(&kexc_ValueError, "Too many filters - liblzma supports a maximum of %d",
                    LZMA_FILTERS_MAX);
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        KValue idx = kval_from_int(i);
        KValue spec = kobj_getitem(seq, idx);
        int r = spec ? parse_filter(spec, &f[i]) : -1;
        kval_xdecref(spec);
        f[i + 1].id = LZMA_VLI_UNKNOWN;
        if (r < 0) {
            kmem_free(f[i].options);
            f[i].id = LZMA_VLI_UNKNOWN;
            free_filters(f);
            f[0].id = LZMA_VLI_UNKNOWN;
            return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// LZMACompressor

typedef struct Compressor {
    KOBJ_HEAD;
    lzma_stream lzs;
    int flushed;
} Compressor;

static KType compressor_type;

// LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)
static KValue compressor_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"format", "check", "preset", "filters", NULL};
    KValue a[4];
    if (kargs_unpack("LZMACompressor", args, nargs, kwnames, kwlist, 0, 4, a) < 0) {
        return KV_NULL;
    }
    int format = FORMAT_XZ, check = -1;
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if ((a[0] && kposix_int_arg(a[0], &format) < 0) ||
        (a[1] && kposix_int_arg(a[1], &check) < 0) ||
        (a[2] && a[2] != KV_NONE && u32_arg(a[2], &preset) < 0)) {
        return KV_NULL;
    }
    int have_filters = a[3] && a[3] != KV_NONE;
    if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE) {
        kerr_set(&kexc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
        return KV_NULL;
    }
    if (a[2] && a[2] != KV_NONE && have_filters) {
        kerr_set(&kexc_ValueError, "Cannot specify both preset and filter chain");
        return KV_NULL;
    }
    if (format < FORMAT_XZ || format > FORMAT_RAW) {
        kerr_format(&kexc_ValueError, "Invalid container format: %d", format);
        return KV_NULL;
    }
    if (format == FORMAT_RAW && !have_filters) {
        kerr_set(&kexc_ValueError, "Must specify filters for FORMAT_RAW");
        return KV_NULL;
    }
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    filters[0].id = LZMA_VLI_UNKNOWN;
    if (have_filters && parse_filters(a[3], filters) < 0) {
        return KV_NULL;
    }
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        free_filters(filters);
        return KV_NULL;
    }
    Compressor *c = (Compressor *)v;
    lzma_stream init = LZMA_STREAM_INIT;
    c->lzs = init;
    c->flushed = 0;
    lzma_ret r;
    if (format == FORMAT_XZ) {
        lzma_check chk = check == -1 ? LZMA_CHECK_CRC64 : (lzma_check)check;
        r = have_filters ? lzma_stream_encoder(&c->lzs, filters, chk)
                         : lzma_easy_encoder(&c->lzs, preset, chk);
    } else if (format == FORMAT_ALONE) {
        if (have_filters && (filters[0].id != LZMA_FILTER_LZMA1 ||
                             filters[1].id != LZMA_VLI_UNKNOWN)) {
            free_filters(filters);
            kval_decref(v);
            kerr_set(&kexc_ValueError,
                     "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
            return KV_NULL;
        }
        lzma_options_lzma opts;
        if (!have_filters && lzma_lzma_preset(&opts, preset)) {
            kval_decref(v);
            kerr_format((KType *)kval_obj(lzma_error), "Invalid compression preset: %u", preset);
            return KV_NULL;
        }
        r = lzma_alone_encoder(&c->lzs, have_filters ? filters[0].options : &opts);
    } else {
        r = lzma_raw_encoder(&c->lzs, filters);
    }
    free_filters(filters);
    if (lz_error(r) < 0) {
        kval_decref(v);
        return KV_NULL;
    }
    return v;
}

static void compressor_dealloc(KObject *o) {
    lzma_end(&((Compressor *)o)->lzs);
    kobj_free(o);
}

static KValue compress_run(Compressor *c, const uint8_t *in, size_t n, lzma_action action) {
    size_t cap = 8192, len = 0;
    uint8_t *buf = kmem_alloc(cap);
    if (!buf) {
        return kerr_no_memory();
    }
    c->lzs.next_in = in;
    c->lzs.avail_in = n;
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
        c->lzs.next_out = buf + len;
        c->lzs.avail_out = cap - len;
        lzma_ret r = lzma_code(&c->lzs, action);
        len = (size_t)(c->lzs.next_out - buf);
        if (r == LZMA_BUF_ERROR && c->lzs.avail_in == 0 && c->lzs.avail_out > 0) {
            r = LZMA_OK; // nothing more to do
        }
        if (lz_error(r) < 0) {
            kmem_free(buf);
            return KV_NULL;
        }
        if ((action == LZMA_RUN && c->lzs.avail_in == 0 && c->lzs.avail_out > 0) ||
            (action == LZMA_FINISH && r == LZMA_STREAM_END)) {
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
    return compress_run(c, (const uint8_t *)data, (size_t)n, LZMA_RUN);
}

METHOD(compressor_flush) {
    (void)args, (void)nargs, (void)kw;
    Compressor *c = (Compressor *)self;
    if (c->flushed) {
        kerr_set(&kexc_ValueError, "Repeated call to flush()");
        return KV_NULL;
    }
    c->flushed = 1;
    return compress_run(c, NULL, 0, LZMA_FINISH);
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
    .name = "_lzma.LZMACompressor",
    .basicsize = sizeof(Compressor),
    .flags = KTF_BASETYPE,
    .dealloc = compressor_dealloc,
    .new_ = compressor_new,
    .methods = compressor_methods,
};

// ---------------------------------------------------------------------------
// LZMADecompressor

typedef struct Decompressor {
    KDecomp base;
    lzma_stream lzs;
    int check;
} Decompressor;

static KType decompressor_type;

// LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)
static KValue decompressor_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"format", "memlimit", "filters", NULL};
    KValue a[3];
    if (kargs_unpack("LZMADecompressor", args, nargs, kwnames, kwlist, 0, 3, a) < 0) {
        return KV_NULL;
    }
    int format = FORMAT_AUTO;
    uint64_t memlimit = UINT64_MAX;
    int have_limit = a[1] && a[1] != KV_NONE, have_filters = a[2] && a[2] != KV_NONE;
    if (a[0] && kposix_int_arg(a[0], &format) < 0) {
        return KV_NULL;
    }
    if (have_limit && format == FORMAT_RAW) {
        kerr_set(&kexc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
        return KV_NULL;
    }
    if (have_limit && u64_arg(a[1], &memlimit) < 0) {
        return KV_NULL;
    }
    if (format == FORMAT_RAW && !have_filters) {
        kerr_set(&kexc_ValueError, "Must specify filters for FORMAT_RAW");
        return KV_NULL;
    }
    if (format != FORMAT_RAW && have_filters) {
        kerr_set(&kexc_ValueError, "Cannot specify filters except with FORMAT_RAW");
        return KV_NULL;
    }
    if (format < FORMAT_AUTO || format > FORMAT_RAW) {
        kerr_format(&kexc_ValueError, "Invalid container format: %d", format);
        return KV_NULL;
    }
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    filters[0].id = LZMA_VLI_UNKNOWN;
    if (have_filters && parse_filters(a[2], filters) < 0) {
        return KV_NULL;
    }
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        free_filters(filters);
        return KV_NULL;
    }
    Decompressor *d = (Decompressor *)v;
    lzma_stream init = LZMA_STREAM_INIT;
    d->lzs = init;
    d->check = format == FORMAT_AUTO || format == FORMAT_XZ ? LZMA_CHECK_ID_MAX + 1
                                                            : LZMA_CHECK_NONE;
    if (kdecomp_init(&d->base) < 0) {
        free_filters(filters);
        kval_decref(v);
        return KV_NULL;
    }
    uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    lzma_ret r = format == FORMAT_AUTO    ? lzma_auto_decoder(&d->lzs, memlimit, flags)
                 : format == FORMAT_XZ    ? lzma_stream_decoder(&d->lzs, memlimit, flags)
                 : format == FORMAT_ALONE ? lzma_alone_decoder(&d->lzs, memlimit)
                                          : lzma_raw_decoder(&d->lzs, filters);
    free_filters(filters);
    if (lz_error(r) < 0) {
        kval_decref(v);
        return KV_NULL;
    }
    return v;
}

static void decompressor_dealloc(KObject *o) {
    Decompressor *d = (Decompressor *)o;
    lzma_end(&d->lzs);
    kdecomp_release(&d->base);
    kobj_free(o);
}

static int lz_step(KDecomp *base, const uint8_t **in, size_t *in_left, uint8_t **out,
                   size_t *out_left) {
    Decompressor *d = (Decompressor *)base;
    d->lzs.next_in = *in;
    d->lzs.avail_in = *in_left;
    d->lzs.next_out = *out;
    d->lzs.avail_out = *out_left;
    lzma_ret r = lzma_code(&d->lzs, LZMA_RUN);
    *in = d->lzs.next_in;
    *in_left = d->lzs.avail_in;
    *out = d->lzs.next_out;
    *out_left = d->lzs.avail_out;
    if (r == LZMA_GET_CHECK || r == LZMA_NO_CHECK) {
        d->check = (int)lzma_get_check(&d->lzs);
        return 0;
    }
    if (r == LZMA_BUF_ERROR && *in_left == 0 && *out_left > 0) {
        return 0; // waits for input
    }
    if (lz_error(r) < 0) {
        return -1;
    }
    return r == LZMA_STREAM_END;
}

METHOD(decompressor_decompress) {
    return kdecomp_decompress((KDecomp *)self, args, nargs, kw, lz_step, "Already at end of stream");
}

static KValue get_check(KValue self) {
    return kval_from_int(((Decompressor *)self)->check);
}

static const KMethodDef decompressor_methods[] = {
    {"decompress", decompressor_decompress, KMETH_KW, NULL},
    {"__reduce__", no_pickle, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KGetSetDef decompressor_getsets[5];

static KType decompressor_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_lzma.LZMADecompressor",
    .basicsize = sizeof(Decompressor),
    .flags = KTF_BASETYPE,
    .dealloc = decompressor_dealloc,
    .new_ = decompressor_new,
    .methods = decompressor_methods,
    .getsets = decompressor_getsets,
};

// ---------------------------------------------------------------------------
// Module functions

static KValue mod_is_check_supported(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    int id;
    if (kposix_int_arg(args[0], &id) < 0) {
        return KV_NULL;
    }
    return kbool_from(id >= 0 && id <= LZMA_CHECK_ID_MAX && lzma_check_is_supported((lzma_check)id));
}

static KValue mod_encode_filter_properties(KValue self, const KValue *args, size_t nargs,
                                           KValue kw) {
    (void)self, (void)nargs, (void)kw;
    lzma_filter f[2];
    f[1].id = LZMA_VLI_UNKNOWN;
    if (parse_filter(args[0], &f[0]) < 0) {
        kmem_free(f[0].options);
        return KV_NULL;
    }
    uint32_t size;
    lzma_ret r = lzma_properties_size(&size, &f[0]);
    uint8_t buf[64];
    if (r == LZMA_OK && size > sizeof buf) {
        r = LZMA_PROG_ERROR;
    }
    if (r == LZMA_OK) {
        r = lzma_properties_encode(&f[0], buf);
    }
    kmem_free(f[0].options);
    return lz_error(r) < 0 ? KV_NULL : kbytes_from_data((const char *)buf, size);
}

static int put_u64(KValue d, const char *key, uint64_t v) {
    KValue x = kint_from_u64(v);
    int r = x ? kdict_set_cstr(d, key, x) : -1;
    kval_xdecref(x);
    return r;
}

static KValue mod_decode_filter_properties(KValue self, const KValue *args, size_t nargs,
                                           KValue kw) {
    (void)self, (void)kw;
    uint64_t id;
    const char *p;
    ssize_t n;
    if (kposix_parse_stack("_decode_filter_properties", nargs, 2) < 0 ||
        u64_arg(args[0], &id) < 0 || kbytes_need_buffer(args[1], &p, &n) < 0) {
        return KV_NULL;
    }
    lzma_filter f = {.id = id, .options = NULL};
    lzma_ret r = lzma_properties_decode(&f, NULL, (const uint8_t *)p, (size_t)n);
    if (lz_error(r) < 0) {
        return KV_NULL;
    }
    KValue d = kdict_new();
    int ok = d && put_u64(d, "id", id) == 0;
    if (ok && f.options && (id == LZMA_FILTER_LZMA1 || id == LZMA_FILTER_LZMA2)) {
        const lzma_options_lzma *o = f.options;
        if (id == LZMA_FILTER_LZMA1) {
            ok = put_u64(d, "lc", o->lc) == 0 && put_u64(d, "lp", o->lp) == 0 &&
                 put_u64(d, "pb", o->pb) == 0;
        }
        ok = ok && put_u64(d, "dict_size", o->dict_size) == 0;
    } else if (ok && f.options && id == LZMA_FILTER_DELTA) {
        ok = put_u64(d, "dist", ((const lzma_options_delta *)f.options)->dist) == 0;
    } else if (ok && f.options && is_bcj(id)) {
        ok = put_u64(d, "start_offset", ((const lzma_options_bcj *)f.options)->start_offset) == 0;
    }
    free(f.options); // liblzma allocates with malloc
    if (!ok) {
        kval_xdecref(d);
        return KV_NULL;
    }
    return d;
}

static const KMethodDef lzma_functions[] = {
    {"is_check_supported", mod_is_check_supported, KMETH_O, NULL},
    {"_encode_filter_properties", mod_encode_filter_properties, KMETH_O, NULL},
    {"_decode_filter_properties", mod_decode_filter_properties, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

#define C(name, value) {#name, (int64_t)(value)}
static const KModInt constants[] = {
    C(FORMAT_AUTO, FORMAT_AUTO), C(FORMAT_XZ, FORMAT_XZ), C(FORMAT_ALONE, FORMAT_ALONE),
    C(FORMAT_RAW, FORMAT_RAW), C(CHECK_NONE, LZMA_CHECK_NONE), C(CHECK_CRC32, LZMA_CHECK_CRC32),
    C(CHECK_CRC64, LZMA_CHECK_CRC64), C(CHECK_SHA256, LZMA_CHECK_SHA256),
    C(CHECK_ID_MAX, LZMA_CHECK_ID_MAX), C(CHECK_UNKNOWN, LZMA_CHECK_ID_MAX + 1),
    C(FILTER_LZMA1, LZMA_FILTER_LZMA1), C(FILTER_LZMA2, LZMA_FILTER_LZMA2),
    C(FILTER_DELTA, LZMA_FILTER_DELTA), C(FILTER_X86, LZMA_FILTER_X86),
    C(FILTER_IA64, LZMA_FILTER_IA64), C(FILTER_ARM, LZMA_FILTER_ARM),
    C(FILTER_ARMTHUMB, LZMA_FILTER_ARMTHUMB), C(FILTER_SPARC, LZMA_FILTER_SPARC),
    C(FILTER_POWERPC, LZMA_FILTER_POWERPC), C(MF_HC3, LZMA_MF_HC3), C(MF_HC4, LZMA_MF_HC4),
    C(MF_BT2, LZMA_MF_BT2), C(MF_BT3, LZMA_MF_BT3), C(MF_BT4, LZMA_MF_BT4),
    C(MODE_FAST, LZMA_MODE_FAST), C(MODE_NORMAL, LZMA_MODE_NORMAL),
    C(PRESET_DEFAULT, LZMA_PRESET_DEFAULT), C(PRESET_EXTREME, LZMA_PRESET_EXTREME),
};
#undef C

KValue kmod_lzma_create(void) {
    if (!decompressor_getsets[0].name) {
        for (int i = 0; kdecomp_getsets[i].name; i++) {
            decompressor_getsets[i] = kdecomp_getsets[i];
        }
        decompressor_getsets[3] = (KGetSetDef){"check", get_check, NULL,
                                               "ID of the integrity check used by the input stream."};
    }
    if (ktype_ready(&compressor_type) < 0 || ktype_ready(&decompressor_type) < 0) {
        return KV_NULL;
    }
    if (!lzma_error && !(lzma_error = kmod_new_exception("_lzma", "LZMAError", &kexc_Exception))) {
        return KV_NULL;
    }
    KValue m = kmod_new("_lzma");
    if (!m || kmod_add_functions(m, lzma_functions) < 0 ||
        kmod_add(m, "LZMACompressor", kval_of(&compressor_type)) < 0 ||
        kmod_add(m, "LZMADecompressor", kval_of(&decompressor_type)) < 0 ||
        kmod_add(m, "LZMAError", lzma_error) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    if (kmod_add_ints(m, constants, KMOD_NINTS(constants)) < 0) {
        kval_decref(m);
        return KV_NULL;
    }
    return m;
}
