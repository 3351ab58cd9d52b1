// vm/modules/_struct.c: the _struct module behind struct.py: the Struct
// type (a parsed format: byte order, sizes, alignment, one code per format
// character with its repeat count), pack/unpack and their _into/_from
// forms, iter_unpack, calcsize, a cache of Structs for the module-level
// functions, and struct.error. Values are converted and checked as
// CPython's _struct does, with its messages.
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

static KValue struct_error; // struct.error
static KValue struct_cache; // format -> Struct, for the module functions

enum { CACHE_MAX = 100 };

// ---------------------------------------------------------------------------
// Format parsing

// A format character: its size in standard mode (0: native only), its
// native size and alignment.
typedef struct Def {
    char c;
    unsigned char std_size, native_size, native_align;
} Def;

static const Def defs[] = {
    {'x', 1, 1, 1},
    {'c', 1, 1, 1},
    {'b', 1, 1, 1},
    {'B', 1, 1, 1},
    {'?', 1, sizeof(_Bool), _Alignof(_Bool)},
    {'h', 2, sizeof(short), _Alignof(short)},
    {'H', 2, sizeof(short), _Alignof(short)},
    {'i', 4, sizeof(int), _Alignof(int)},
    {'I', 4, sizeof(int), _Alignof(int)},
    {'l', 4, sizeof(long), _Alignof(long)},
    {'L', 4, sizeof(long), _Alignof(long)},
    {'q', 8, sizeof(long long), _Alignof(long long)},
    {'Q', 8, sizeof(long long), _Alignof(long long)},
    {'n', 0, sizeof(ssize_t), _Alignof(ssize_t)},
    {'N', 0, sizeof(size_t), _Alignof(size_t)},
    {'e', 2, 2, _Alignof(short)},
    {'f', 4, sizeof(float), _Alignof(float)},
    {'d', 8, sizeof(double), _Alignof(double)},
    {'s', 1, 1, 1},
    {'p', 1, 1, 1},
    {'P', 0, sizeof(void *), _Alignof(void *)},
};

// One format character: 'repeat' items of 'size' bytes from 'offset'
// ('s' and 'p': one item of 'repeat' bytes).
typedef struct Code {
    char c;
    int size;
    ssize_t offset, repeat;
} Code;

typedef struct Layout {
    int native; // '@': native sizes and alignment
    int big;    // big-endian byte order
    ssize_t size, nitems, ncodes;
    Code *codes; // ncodes entries, kmem_alloc'd
} Layout;

typedef struct StructObj {
    KOBJ_HEAD;
    KValue format; // the format as a str; KV_NULL before __init__
    Layout lay;
} StructObj;

static KType struct_type, unpack_iter_type;

// Raises struct.error with a message formatted as kerr_format does.
static void struct_errorf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    kerr_vformat((KType *)kval_obj(struct_error), fmt, ap);
    va_end(ap);
}

static const Def *find_def(char c, int native) {
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        if (defs[i].c == c && (native || defs[i].std_size)) {
            return &defs[i];
        }
    }
    struct_errorf("bad char in struct format");
    return NULL;
}

// Walks the format 'fmt' (after its byte-order character), computing the
// size, item and code counts into 'lay'; fills lay->codes when it is set.
static int walk_format(const char *fmt, ssize_t len, Layout *lay) {
    ssize_t size = 0, nitems = 0, ncodes = 0;
    for (ssize_t i = 0; i < len;) {
        char c = fmt[i++];
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            continue;
        }
        ssize_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while (i < len && fmt[i] >= '0' && fmt[i] <= '9') {
                int d = fmt[i++] - '0';
                if (num > (PTRDIFF_MAX - d) / 10) {
                    goto overflow;
                }
                num = num * 10 + d;
            }
            if (i >= len) {
                struct_errorf("repeat count given without format specifier");
                return -1;
            }
            c = fmt[i++];
        }
        const Def *d = find_def(c, lay->native);
        if (!d) {
            return -1;
        }
        int isize = lay->native ? d->native_size : d->std_size;
        if (lay->native && d->native_align > 1 && size > 0) {
            ssize_t extra = (d->native_align - 1) - (size - 1) % d->native_align;
            if (extra > PTRDIFF_MAX - size) {
                goto overflow;
            }
            size += extra;
        }
        if (num > (PTRDIFF_MAX - size) / isize) {
            goto overflow;
        }
        if (c != 'x' && (num || c == 's' || c == 'p')) {
            if (lay->codes) {
                lay->codes[ncodes] = (Code){c, isize, size, num};
            }
            ncodes++;
            nitems += c == 's' || c == 'p' ? 1 : num;
        }
        size += num * isize;
    }
    lay->size = size;
    lay->nitems = nitems;
    lay->ncodes = ncodes;
    return 0;
overflow:
    struct_errorf("total struct size too long");
    return -1;
}

// Parses the format (ASCII bytes) into 'lay' (codes allocated).
static int parse_format(const char *fmt, ssize_t len, Layout *lay) {
    lay->codes = NULL;
    if ((ssize_t)strnlen(fmt, (size_t)len) != len) {
        struct_errorf("embedded null character");
        return -1;
    }
    lay->native = 1;
    lay->big = 0;
    if (len > 0 && strchr("@=<>!", fmt[0])) {
        lay->native = fmt[0] == '@';
        lay->big = fmt[0] == '>' || fmt[0] == '!';
        fmt++;
        len--;
    }
    if (walk_format(fmt, len, lay) < 0) {
        return -1;
    }
    lay->codes = kmem_alloc((size_t)(lay->ncodes ? lay->ncodes : 1) * sizeof(Code));
    if (!lay->codes) {
        kerr_no_memory();
        return -1;
    }
    return walk_format(fmt, len, lay);
}

// ---------------------------------------------------------------------------
// Packing

static void put_uint(char *p, uint64_t v, int n, int big) {
    for (int i = 0; i < n; i++) {
        p[big ? n - 1 - i : i] = (char)(v & 0xff);
        v >>= 8;
    }
}

static uint64_t get_uint(const char *p, int n, int big) {
    uint64_t v = 0;
    for (int i = 0; i < n; i++) {
        v = v << 8 | (unsigned char)p[big ? i : n - 1 - i];
    }
    return v;
}

// The int behind 'v' (through __index__), or NULL with struct.error when
// 'v' is no integer.
static KValue int_arg(KValue v) {
    if (kint_check(v)) {
        return kval_newref(v);
    }
    if (knb(kval_type(v))->index) {
        return knum_index(v);
    }
    struct_errorf("required argument is not an integer");
    return KV_NULL;
}

// "FORMAT format requires LO <= number <= HI": b/B/h/H name themselves in
// words where CPython packs them with its native functions ('named').
static int range_error(char c, int size, int is_unsigned, int named) {
    if (named) {
        switch (c) {
        case 'b': struct_errorf("byte format requires -128 <= number <= 127"); return -1;
        case 'B': struct_errorf("ubyte format requires 0 <= number <= 255"); return -1;
        case 'h': struct_errorf("short format requires -32768 <= number <= 32767"); return -1;
        case 'H': struct_errorf("ushort format requires 0 <= number <= 65535"); return -1;
        default: break;
        }
    }
    uint64_t largest = size >= 8 ? UINT64_MAX : ((uint64_t)1 << (size * 8)) - 1;
    if (is_unsigned) {
        struct_errorf("'%c' format requires 0 <= number <= %llu", c,
                      (unsigned long long)largest);
    } else {
        struct_errorf("'%c' format requires %lld <= number <= %lld", c,
                      -(long long)(largest >> 1) - 1, (long long)(largest >> 1));
    }
    return -1;
}

// Packs the integer 'v' for 'code', checked as CPython 3.11 checks it on a
// little-endian machine. Native and little-endian codes: b/B/h/H read a C
// long and name their range in words; the other signed codes read a C
// long, the unsigned ones I/L/Q/N an unsigned long ("argument out of
// range" outside), then 4-byte codes check their range. Big-endian codes:
// b/B as above, h/i/l read a long and H/I/L an unsigned long, checked
// against their size; q/Q fail with OverflowError. P takes any signed or
// unsigned pointer value.
static int pack_int(const Layout *lay, const Code *code, KValue v, char *p) {
    char c = code->c;
    int size = code->size;
    int big_std = lay->big && c != 'b' && c != 'B';
    KValue n = int_arg(v);
    if (!n) {
        return -1;
    }
    int overflow, is_unsigned = strchr("BHILQNP", c) != NULL;
    int64_t x = 0;
    uint64_t bits;
    if (c == 'P' || (big_std && size == 8)) {
        int neg = kint_sign(n) < 0;
        bits = neg ? (uint64_t)kint_as_i64_overflow(n, &overflow)
                   : kint_as_u64_overflow(n, &overflow);
        if (!overflow && c == 'q' && !neg && bits > INT64_MAX) {
            overflow = 1;
        }
        kval_decref(n);
        if (overflow || (c == 'Q' && neg)) {
            kerr_set(&kexc_OverflowError, c == 'Q' && neg ? "can't convert negative int to unsigned"
                                                          : "int too big to convert");
            return -1;
        }
        put_uint(p, bits, size, lay->big);
        return 0;
    }
    // b/B/h/H read a signed long unless big-endian H.
    int read_unsigned = is_unsigned && c != 'B' && !(c == 'H' && !big_std);
    if (read_unsigned) {
        bits = kint_as_u64_overflow(n, &overflow);
    } else {
        x = kint_as_i64_overflow(n, &overflow);
        bits = (uint64_t)x;
    }
    kval_decref(n);
    if (overflow) {
        struct_errorf("argument out of range");
        return -1;
    }
    if (size < 8) {
        int64_t lo = is_unsigned ? 0 : -((int64_t)1 << (size * 8 - 1));
        int64_t hi = is_unsigned ? ((int64_t)1 << (size * 8)) - 1 : ((int64_t)1 << (size * 8 - 1)) - 1;
        if (read_unsigned ? bits > (uint64_t)hi : (x < lo || x > hi)) {
            return range_error(c, size, is_unsigned, !big_std);
        }
    }
    put_uint(p, bits, size, lay->big);
    return 0;
}

// The IEEE half-precision bits of 'x', rounded to nearest even; -1 with
// OverflowError past the largest finite half.
static int half_bits(double x, uint16_t *out) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return 0;
    }
    double a = fabs(x);
    if (isinf(a)) {
        *out = sign | 0x7c00;
        return 0;
    }
    int e;
    frexp(a, &e); // a = f * 2**e with f in [0.5, 1)
    uint32_t bits;
    if (a == 0 || e < -24) {
        // below half the smallest subnormal (2**-25): zero; exactly 2**-25
        // is a tie that rounds to zero (even) as well.
        bits = 0;
    } else {
        // scale so that one unit is the last place: subnormals use 2**-24,
        // normals 2**(e-11).
        int unit_exp = e - 1 < -14 ? -24 : e - 1 - 10;
        double m = ldexp(a, -unit_exp); // exact: fits 53 bits
        double r = floor(m);
        double frac = m - r;
        uint32_t q = (uint32_t)r;
        if (frac > 0.5 || (frac == 0.5 && (q & 1))) {
            q++;
        }
        if (unit_exp == -24) {
            bits = q; // q <= 1024: 1024 is the smallest normal, still right
        } else {
            uint32_t biased = (uint32_t)(unit_exp + 10 + 15);
            if (q == 2048) {
                q = 1024;
                biased++;
            }
            bits = biased << 10 | (q - 1024);
        }
        if (bits >= 0x7c00) {
            kerr_set(&kexc_OverflowError, "float too large to pack with e format");
            return -1;
        }
    }
    *out = sign | (uint16_t)bits;
    return 0;
}

static double half_value(uint16_t h) {
    int e = (h >> 10) & 0x1f;
    double f = h & 0x3ff;
    double x;
    if (e == 0x1f) {
        x = f ? NAN : INFINITY;
    } else if (e == 0) {
        x = ldexp(f, -24);
    } else {
        x = ldexp(f + 1024, e - 25);
    }
    return h & 0x8000 ? -x : x;
}

static int pack_float(const Layout *lay, char c, KValue v, char *p) {
    double x;
    if (kfloat_check(v)) {
        x = kfloat_value(v);
    } else {
        x = knum_as_double(v);
        if (x == -1.0 && kerr_occurred()) {
            kerr_clear();
            struct_errorf("required argument is not a float");
            return -1;
        }
    }
    if (c == 'e') {
        uint16_t h;
        if (half_bits(x, &h) < 0) {
            return -1;
        }
        put_uint(p, h, 2, lay->big);
    } else if (c == 'f') {
        // Out of float's range the C conversion is undefined: round by hand
        // (past FLT_MAX plus half an ulp is infinity, ties going to even).
        float y = !isfinite(x) || fabs(x) <= FLT_MAX ? (float)x
                  : fabs(x) < 0x1.ffffffp127         ? copysignf(FLT_MAX, (float)copysign(1, x))
                                                     : copysignf(INFINITY, (float)copysign(1, x));
        if (!lay->native && isinf(y) && !isinf(x)) {
            kerr_set(&kexc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t u;
        memcpy(&u, &y, 4);
        put_uint(p, u, 4, lay->big);
    } else {
        uint64_t u;
        memcpy(&u, &x, 8);
        put_uint(p, u, 8, lay->big);
    }
    return 0;
}

// Packs one item of 'code' from 'v' at 'p'.
static int pack_item(const Layout *lay, const Code *code, KValue v, char *p) {
    const char *data;
    ssize_t len;
    switch (code->c) {
    case '?': {
        int t = kobj_is_true(v);
        if (t < 0) {
            return -1;
        }
        *p = (char)t;
        return 0;
    }
    case 'c':
        data = kbytes_check(v) ? kbytes_data(v, &len) : NULL;
        if (!data || len != 1) {
            struct_errorf("char format requires a bytes object of length 1");
            return -1;
        }
        *p = data[0];
        return 0;
    case 's':
    case 'p': {
        if (!kbytes_check(v) && !kbytearray_check(v)) {
            struct_errorf("argument for '%c' must be a bytes object", code->c);
            return -1;
        }
        data = kbytes_data(v, &len);
        ssize_t room = code->c == 's' ? code->repeat : code->repeat - 1;
        ssize_t n = len < room ? len : room;
        if (n > 0) {
            memcpy(code->c == 's' ? p : p + 1, data, (size_t)n);
        }
        if (code->c == 'p' && code->repeat > 0) {
            *p = (char)(n > 255 ? 255 : n);
        }
        return 0;
    }
    case 'e':
    case 'f':
    case 'd':
        return pack_float(lay, code->c, v, p);
    default:
        return pack_int(lay, code, v, p);
    }
}

// Packs the lay->nitems values 'args' into 'buf' (lay->size bytes, zeroed
// first, as CPython does even when an item then fails).
static int pack_to(const Layout *lay, const KValue *args, char *buf) {
    memset(buf, 0, (size_t)lay->size);
    const KValue *v = args;
    for (ssize_t i = 0; i < lay->ncodes; i++) {
        const Code *code = &lay->codes[i];
        ssize_t count = code->c == 's' || code->c == 'p' ? 1 : code->repeat;
        for (ssize_t k = 0; k < count; k++, v++) {
            if (pack_item(lay, code, *v, buf + code->offset + k * code->size) < 0) {
                if (kint_check(*v) && kerr_matches(&kexc_OverflowError)) {
                    kerr_clear();
                    struct_errorf("int too large to convert");
                }
                return -1;
            }
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Unpacking

static KValue unpack_item(const Layout *lay, const Code *code, const char *p) {
    int big = lay->big;
    switch (code->c) {
    case '?':
        return kval_newref(kbool_from(*p != 0));
    case 'c':
        return kbytes_from_data(p, 1);
    case 's':
        return kbytes_from_data(p, code->repeat);
    case 'p': {
        ssize_t n = (unsigned char)p[0];
        if (code->repeat == 0) {
            kerr_set(&kexc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
            return KV_NULL;
        }
        if (n >= code->repeat) {
            n = code->repeat - 1;
        }
        return kbytes_from_data(p + 1, n);
    }
    case 'e':
        return kfloat_new(half_value((uint16_t)get_uint(p, 2, big)));
    case 'f': {
        uint32_t u = (uint32_t)get_uint(p, 4, big);
        float y;
        memcpy(&y, &u, 4);
        return kfloat_new(y);
    }
    case 'd': {
        uint64_t u = get_uint(p, 8, big);
        double x;
        memcpy(&x, &u, 8);
        return kfloat_new(x);
    }
    default: {
        uint64_t u = get_uint(p, code->size, big);
        if (strchr("BHILQNP", code->c)) {
            return kint_from_u64(u);
        }
        int shift = 64 - code->size * 8;
        return kint_from_i64((int64_t)(u << shift) >> shift);
    }
    }
}

static KValue unpack_from_data(const Layout *lay, const char *buf) {
    KValue t = ktuple_new(lay->nitems);
    if (!t) {
        return KV_NULL;
    }
    ssize_t j = 0;
    for (ssize_t i = 0; i < lay->ncodes; i++) {
        const Code *code = &lay->codes[i];
        ssize_t count = code->c == 's' || code->c == 'p' ? 1 : code->repeat;
        for (ssize_t k = 0; k < count; k++) {
            KValue v = unpack_item(lay, code, buf + code->offset + k * code->size);
            if (!v) {
                kval_decref(t);
                return KV_NULL;
            }
            ktuple_items(t)[j++] = v;
        }
    }
    return t;
}

// ---------------------------------------------------------------------------
// Struct

static void struct_dealloc(KObject *o) {
    StructObj *s = (StructObj *)o;
    KVAL_CLEAR(s->format);
    kmem_free(s->lay.codes);
    kobj_free(o);
}

static KValue struct_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KValue v = ktype_generic_alloc(type, 0);
    if (v) {
        StructObj *s = (StructObj *)v;
        s->format = KV_NULL;
        s->lay = (Layout){1, 0, 0, 0, 0, NULL};
    }
    return v;
}

// Struct(format): 'format' a str (ASCII) or bytes.
static int struct_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"format", NULL};
    KValue a[1];
    if (kargs_parse("Struct", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return -1;
    }
    KValue raw; // the format's bytes: a str is encoded as ASCII
    if (kstr_check(a[0])) {
        raw = kcodec_encode(a[0], "ascii", NULL);
    } else if (kbytes_check(a[0])) {
        raw = kval_newref(a[0]);
    } else {
        kerr_format(&kexc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                    ktype_name(kval_type(a[0])));
        return -1;
    }
    if (!raw) {
        return -1;
    }
    ssize_t len;
    const char *data = kbytes_data(raw, &len);
    Layout lay;
    KValue fmt = KV_NULL;
    if (parse_format(data, len, &lay) == 0) {
        fmt = kcodec_decode(data, len, "ascii", NULL);
    }
    kval_decref(raw);
    if (!fmt) {
        kmem_free(lay.codes);
        return -1;
    }
    StructObj *s = (StructObj *)self;
    kmem_free(s->lay.codes);
    s->lay = lay;
    kval_setref(&s->format, fmt);
    return 0;
}

#define SELF_LAYOUT(self) (&((StructObj *)(self))->lay)

static KValue pack_values(const Layout *lay, const KValue *args, size_t nargs) {
    if ((ssize_t)nargs != lay->nitems) {
        struct_errorf("pack expected %zd items for packing (got %zu)", lay->nitems, nargs);
        return KV_NULL;
    }
    KValue b = kbytes_from_data(NULL, lay->size);
    if (b && pack_to(lay, args, (char *)kbytes_data(b, &(ssize_t){0})) < 0) {
        KVAL_CLEAR(b);
    }
    return b;
}

// pack_into(buffer, offset, *values) on 'lay'.
static KValue pack_into_values(const Layout *lay, const KValue *args, size_t nargs) {
    if ((ssize_t)nargs != lay->nitems + 2) {
        if (nargs == 0) {
            struct_errorf("pack_into expected buffer argument");
        } else if (nargs == 1) {
            struct_errorf("pack_into expected offset argument");
        } else {
            struct_errorf("pack_into expected %zd items for packing (got %zu)", lay->nitems,
                          nargs - 2);
        }
        return KV_NULL;
    }
    char *buf;
    ssize_t len;
    if (!kbytes_get_writable(args[0], &buf, &len)) {
        kerr_format(&kexc_TypeError, "argument must be read-write bytes-like object, not %s",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    KValue off = knum_index(args[1]);
    ssize_t offset = off ? kint_as_ssize(off) : -1;
    kval_xdecref(off);
    if (offset == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (offset < 0) {
        if (offset + lay->size > 0) {
            struct_errorf("no space to pack %zd bytes at offset %zd", lay->size, offset);
            return KV_NULL;
        }
        if (offset + len < 0) {
            struct_errorf("offset %zd out of range for %zd-byte buffer", offset, len);
            return KV_NULL;
        }
        offset += len;
    }
    if (len - offset < lay->size) {
        struct_errorf("pack_into requires a buffer of at least %zu bytes for packing %zd bytes "
                      "at offset %zd (actual buffer size is %zd)",
                      (size_t)lay->size + (size_t)offset, lay->size, offset, len);
        return KV_NULL;
    }
    if (pack_to(lay, args + 2, buf + offset) < 0) {
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

static KValue unpack_buffer(const Layout *lay, KValue buffer) {
    const char *data;
    ssize_t len;
    if (kbytes_need_buffer(buffer, &data, &len) < 0) {
        return KV_NULL;
    }
    if (len != lay->size) {
        struct_errorf("unpack requires a buffer of %zd bytes", lay->size);
        return KV_NULL;
    }
    return unpack_from_data(lay, data);
}

static KValue unpack_from_buffer(const Layout *lay, KValue buffer, KValue offset_arg) {
    const char *data;
    ssize_t len, offset = 0;
    if (kbytes_need_buffer(buffer, &data, &len) < 0) {
        return KV_NULL;
    }
    if (offset_arg) {
        KValue off = knum_index(offset_arg);
        offset = off ? kint_as_ssize(off) : -1;
        kval_xdecref(off);
        if (offset == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    if (offset < 0) {
        if (offset + len < 0) {
            struct_errorf("offset %zd out of range for %zd-byte buffer", offset, len);
            return KV_NULL;
        }
        if (offset + lay->size > 0) {
            struct_errorf("not enough data to unpack %zd bytes at offset %zd", lay->size, offset);
            return KV_NULL;
        }
        offset += len;
    }
    if (len - offset < lay->size) {
        struct_errorf("unpack_from requires a buffer of at least %zu bytes for unpacking %zd "
                      "bytes at offset %zd (actual buffer size is %zd)",
                      (size_t)lay->size + (size_t)offset, lay->size, offset, len);
        return KV_NULL;
    }
    return unpack_from_data(lay, data + offset);
}

// ---------------------------------------------------------------------------
// unpack_iterator: the items of iter_unpack, re-reading the buffer at each
// step (a bytearray may have shrunk in between: the iteration then ends).

typedef struct UnpackIter {
    KOBJ_HEAD;
    KValue st;     // the Struct
    KValue buffer; // KV_NULL once exhausted
    ssize_t index; // byte offset of the next item
} UnpackIter;

static KValue iter_unpack_buffer(KValue st, KValue buffer) {
    const Layout *lay = SELF_LAYOUT(st);
    const char *data;
    ssize_t len;
    if (lay->size == 0) {
        struct_errorf("cannot iteratively unpack with a struct of length 0");
        return KV_NULL;
    }
    if (kbytes_need_buffer(buffer, &data, &len) < 0) {
        return KV_NULL;
    }
    if (len % lay->size != 0) {
        struct_errorf("iterative unpacking requires a buffer of a multiple of %zd bytes",
                      lay->size);
        return KV_NULL;
    }
    UnpackIter *it = (UnpackIter *)kobj_alloc(&unpack_iter_type, sizeof(UnpackIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->st = kval_newref(st);
    it->buffer = kval_newref(buffer);
    it->index = 0;
    return kval_of(it);
}

static void uiter_dealloc(KObject *o) {
    UnpackIter *it = (UnpackIter *)o;
    kgc_untrack(o);
    KVAL_CLEAR(it->st);
    KVAL_CLEAR(it->buffer);
    kobj_free(o);
}

static int uiter_traverse(KObject *o, KVisitFn visit, void *arg) {
    UnpackIter *it = (UnpackIter *)o;
    return (it->st && visit(it->st, arg)) || (it->buffer && visit(it->buffer, arg));
}

static KValue uiter_next(KValue self) {
    UnpackIter *it = (UnpackIter *)self;
    if (!it->buffer) {
        return KV_NULL;
    }
    const Layout *lay = SELF_LAYOUT(it->st);
    const char *data;
    ssize_t len;
    if (!kbytes_get_buffer(it->buffer, &data, &len) || len - it->index < lay->size) {
        KVAL_CLEAR(it->buffer);
        return KV_NULL;
    }
    KValue r = unpack_from_data(lay, data + it->index);
    it->index += lay->size;
    return r;
}

static KValue uiter_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    UnpackIter *it = (UnpackIter *)self;
    const char *data;
    ssize_t len;
    if (!it->buffer || !kbytes_get_buffer(it->buffer, &data, &len)) {
        return kval_from_int(0);
    }
    ssize_t left = (len - it->index) / SELF_LAYOUT(it->st)->size;
    return kval_from_int(left < 0 ? 0 : left);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static const KMethodDef uiter_methods[] = {
    {"__length_hint__", uiter_length_hint, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue uiter_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type, (void)args, (void)nargs, (void)kwnames;
    kerr_set(&kexc_TypeError, "Cannot create 'unpack_iterator objects");
    return KV_NULL;
}

static KType unpack_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_struct.unpack_iterator",
    .basicsize = sizeof(UnpackIter),
    .flags = KTF_GC,
    .dealloc = uiter_dealloc,
    .traverse = uiter_traverse,
    .iter = self_iter,
    .iternext = uiter_next,
    .new_ = uiter_new,
    .methods = uiter_methods,
};

// ---------------------------------------------------------------------------
// Struct methods

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

METHOD(st_pack) {
    (void)kw;
    return pack_values(SELF_LAYOUT(self), args, nargs);
}

METHOD(st_pack_into) {
    (void)kw;
    return pack_into_values(SELF_LAYOUT(self), args, nargs);
}

METHOD(st_unpack) {
    (void)nargs, (void)kw;
    return unpack_buffer(SELF_LAYOUT(self), args[0]);
}

METHOD(st_unpack_from) {
    static const char *const kwlist[] = {"buffer", "offset", NULL};
    KValue a[2];
    if (kargs_parse("unpack_from", args, nargs, kw, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    return unpack_from_buffer(SELF_LAYOUT(self), a[0], a[1]);
}

METHOD(st_iter_unpack) {
    (void)nargs, (void)kw;
    return iter_unpack_buffer(self, args[0]);
}

METHOD(st_sizeof) {
    (void)args, (void)nargs, (void)kw;
    return kval_from_int((intptr_t)(sizeof(StructObj) +
                                    (size_t)SELF_LAYOUT(self)->ncodes * sizeof(Code)));
}

static KValue st_get_format(KValue self) {
    KValue f = ((StructObj *)self)->format;
    return kval_newref(f ? f : KV_NONE);
}

static KValue st_get_size(KValue self) {
    return kint_from_i64(SELF_LAYOUT(self)->size);
}

static const KMethodDef struct_methods[] = {
    {"pack", st_pack, KMETH_FAST, NULL},
    {"pack_into", st_pack_into, KMETH_FAST, NULL},
    {"unpack", st_unpack, KMETH_O, NULL},
    {"unpack_from", st_unpack_from, KMETH_KW, NULL},
    {"iter_unpack", st_iter_unpack, KMETH_O, NULL},
    {"__sizeof__", st_sizeof, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef struct_getsets[] = {
    {"format", st_get_format, NULL, "struct format string"},
    {"size", st_get_size, NULL, "struct size in bytes"},
    {NULL, NULL, NULL, NULL},
};

static KType struct_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_struct.Struct",
    .basicsize = sizeof(StructObj),
    .flags = KTF_BASETYPE,
    .dealloc = struct_dealloc,
    .new_ = struct_new,
    .init = struct_init,
    .methods = struct_methods,
    .getsets = struct_getsets,
};

// ---------------------------------------------------------------------------
// Module functions: each finds its Struct in the cache.

static KValue cached_struct(KValue fmt) {
    KValue s = kdict_get_borrow(struct_cache, fmt);
    if (s) {
        return kval_newref(s);
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    s = kobj_call1(kval_of(&struct_type), fmt);
    if (!s) {
        return KV_NULL;
    }
    if (kdict_len(struct_cache) >= CACHE_MAX) {
        kdict_clear(struct_cache);
    }
    if (kdict_set(struct_cache, fmt, s) < 0) {
        KVAL_CLEAR(s);
    }
    return s;
}

METHOD(m_pack) {
    (void)self, (void)kw;
    if (nargs == 0) {
        kerr_set(&kexc_TypeError, "missing format argument");
        return KV_NULL;
    }
    KValue s = cached_struct(args[0]);
    KValue r = s ? pack_values(SELF_LAYOUT(s), args + 1, nargs - 1) : KV_NULL;
    kval_xdecref(s);
    return r;
}

METHOD(m_pack_into) {
    (void)self, (void)kw;
    if (nargs == 0) {
        kerr_set(&kexc_TypeError, "missing format argument");
        return KV_NULL;
    }
    KValue s = cached_struct(args[0]);
    KValue r = s ? pack_into_values(SELF_LAYOUT(s), args + 1, nargs - 1) : KV_NULL;
    kval_xdecref(s);
    return r;
}

METHOD(m_unpack) {
    (void)self, (void)kw;
    if (kargs_count("unpack", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue s = cached_struct(args[0]);
    KValue r = s ? unpack_buffer(SELF_LAYOUT(s), args[1]) : KV_NULL;
    kval_xdecref(s);
    return r;
}

METHOD(m_unpack_from) {
    (void)self;
    static const char *const kwlist[] = {"", "buffer", "offset", NULL};
    KValue a[3];
    if (nargs == 0) {
        kerr_set(&kexc_TypeError, "unpack_from() takes at least 1 positional argument (0 given)");
        return KV_NULL;
    }
    if (kargs_parse("unpack_from", args, nargs, kw, kwlist, 2, 3, a) < 0) {
        return KV_NULL;
    }
    KValue s = cached_struct(a[0]);
    KValue r = s ? unpack_from_buffer(SELF_LAYOUT(s), a[1], a[2]) : KV_NULL;
    kval_xdecref(s);
    return r;
}

METHOD(m_iter_unpack) {
    (void)self, (void)kw;
    if (kargs_count("iter_unpack", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue s = cached_struct(args[0]);
    KValue r = s ? iter_unpack_buffer(s, args[1]) : KV_NULL;
    kval_xdecref(s);
    return r;
}

METHOD(m_calcsize) {
    (void)self, (void)kw;
    if (nargs != 1) {
        kerr_format(&kexc_TypeError, "_struct.calcsize() takes exactly one argument (%zu given)",
                    nargs);
        return KV_NULL;
    }
    KValue s = cached_struct(args[0]);
    KValue r = s ? kint_from_i64(SELF_LAYOUT(s)->size) : KV_NULL;
    kval_xdecref(s);
    return r;
}

METHOD(m_clearcache) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kdict_clear(struct_cache);
    return kval_newref(KV_NONE);
}

static const KMethodDef struct_functions[] = {
    {"pack", m_pack, KMETH_FAST, NULL},
    {"pack_into", m_pack_into, KMETH_FAST, NULL},
    {"unpack", m_unpack, KMETH_FAST, NULL},
    {"unpack_from", m_unpack_from, KMETH_KW, NULL},
    {"iter_unpack", m_iter_unpack, KMETH_FAST, NULL},
    {"calcsize", m_calcsize, KMETH_FAST, NULL},
    {"_clearcache", m_clearcache, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const char struct_doc[] =
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n";

KValue kmod_struct_create(void) {
    if (ktype_ready(&struct_type) < 0 || ktype_ready(&unpack_iter_type) < 0) {
        return KV_NULL;
    }
    if (!struct_error && !(struct_error = kmod_new_exception("struct", "error", &kexc_Exception))) {
        return KV_NULL;
    }
    if (!struct_cache && !(struct_cache = kdict_new())) {
        return KV_NULL;
    }
    KValue m = kmod_new("_struct");
    KValue doc = kstr_from_cstr(struct_doc);
    int r = m && doc && kmod_add_functions(m, struct_functions) == 0 &&
            kmod_add(m, "Struct", kval_of(&struct_type)) == 0 &&
            kmod_add(m, "error", struct_error) == 0 && kmod_add(m, "__doc__", doc) == 0;
    kval_xdecref(doc);
    if (!r) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
