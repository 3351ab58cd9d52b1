// vm/modules/marshal.c: the marshal module: CPython 3.11's serialisation
// format for None, bools, ints, floats, complex numbers, str, bytes (and
// bytes-like objects, written as bytes), tuples, lists, dicts, sets and
// frozensets, with version 3's shared and recursive references. Code
// objects are not marshallable: krait's code objects are not CPython's
// (README, "Deliberate differences").
//
// A value is one type byte followed by its payload, integers little-endian.
// From version 3 on, a type byte with FLAG_REF set enters the object in a
// table of references, and TYPE_REF + a 4-byte index names an earlier one.
// Like CPython, the writer flags an object only when something else holds
// a reference to it (its refcount is above 1): an object seen once with no
// other owner cannot be shared.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../set.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

#define MARSHAL_VERSION 4
#define MAX_DEPTH 2000     // nesting limit of both directions, as CPython's
#define SIZE32_MAX 0x7fffffff
#define FILE_CHUNK (1 << 20) // load() asks a file for at most this much at once
#define FILE_TUPLE_STEP 4096 // load() makes room for this many tuple items first

enum {
    TYPE_NULL = '0',
    TYPE_NONE = 'N',
    TYPE_FALSE = 'F',
    TYPE_TRUE = 'T',
    TYPE_STOPITER = 'S',
    TYPE_ELLIPSIS = '.',
    TYPE_INT = 'i',
    TYPE_INT64 = 'I', // read only: CPython no longer writes it
    TYPE_FLOAT = 'f',
    TYPE_BINARY_FLOAT = 'g',
    TYPE_COMPLEX = 'x',
    TYPE_BINARY_COMPLEX = 'y',
    TYPE_LONG = 'l',
    TYPE_STRING = 's',
    TYPE_INTERNED = 't',
    TYPE_REF = 'r',
    TYPE_TUPLE = '(',
    TYPE_LIST = '[',
    TYPE_DICT = '{',
    TYPE_CODE = 'c',
    TYPE_UNICODE = 'u',
    TYPE_UNKNOWN = '?',
    TYPE_SET = '<',
    TYPE_FROZENSET = '>',
    TYPE_ASCII = 'a',
    TYPE_ASCII_INTERNED = 'A',
    TYPE_SMALL_TUPLE = ')',
    TYPE_SHORT_ASCII = 'z',
    TYPE_SHORT_ASCII_INTERNED = 'Z',
    FLAG_REF = 0x80,
};

// ---------------------------------------------------------------------------
// Writing

// Why a dump failed; as in CPython the last failure seen wins, since the
// walk goes on after one (only running out of memory stops it).
enum { WERR_OK, WERR_UNMARSHALLABLE, WERR_TOO_DEEP, WERR_NOMEM };

typedef struct Writer {
    char *buf;
    ssize_t len, cap;
    int version, depth, error;
    // Objects already written with FLAG_REF: open addressing on the value
    // word ('keys' KV_NULL when free), 'index' their reference numbers.
    KValue *keys;
    int32_t *index;
    size_t refs_cap, refs_count;
} Writer;

static int reserve(Writer *w, ssize_t n) {
    if (w->error == WERR_NOMEM) {
        return -1;
    }
    if (w->cap - w->len >= n) {
        return 0;
    }
    ssize_t cap = w->cap ? w->cap : 64;
    while (cap - w->len < n) {
        cap *= 2;
    }
    char *b = kmem_realloc(w->buf, (size_t)cap);
    if (!b) {
        w->error = WERR_NOMEM;
        return -1;
    }
    w->buf = b;
    w->cap = cap;
    return 0;
}

static void w_data(Writer *w, const void *data, ssize_t n) {
    if (n > 0 && reserve(w, n) == 0) {
        memcpy(w->buf + w->len, data, (size_t)n);
        w->len += n;
    }
}

static void w_byte(Writer *w, int c) {
    unsigned char b = (unsigned char)c;
    w_data(w, &b, 1);
}

static void w_u32(Writer *w, uint32_t x) {
    unsigned char b[4] = {(unsigned char)x, (unsigned char)(x >> 8), (unsigned char)(x >> 16),
                          (unsigned char)(x >> 24)};
    w_data(w, b, 4);
}

// A 4-byte length; one past 2**31-1 cannot be written.
static int w_size(Writer *w, ssize_t n) {
    if (n > SIZE32_MAX) {
        w->error = WERR_UNMARSHALLABLE;
        return -1;
    }
    w_u32(w, (uint32_t)n);
    return 0;
}

static void w_pstring(Writer *w, const char *data, ssize_t n) {
    if (w_size(w, n) == 0) {
        w_data(w, data, n);
    }
}

static size_t ref_slot(const Writer *w, KValue v) {
    uint64_t h = (uint64_t)v * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 20) & (w->refs_cap - 1);
    while (w->keys[i] && w->keys[i] != v) {
        i = (i + 1) & (w->refs_cap - 1);
    }
    return i;
}

static int refs_grow(Writer *w) {
    size_t old_cap = w->refs_cap, cap = old_cap ? old_cap * 2 : 64;
    KValue *old_keys = w->keys;
    int32_t *old_index = w->index;
    w->keys = kmem_zalloc(cap * sizeof(KValue));
    w->index = kmem_alloc(cap * sizeof(int32_t));
    if (!w->keys || !w->index) {
        kmem_free(w->keys);
        kmem_free(w->index);
        w->keys = old_keys;
        w->index = old_index;
        w->error = WERR_NOMEM;
        return -1;
    }
    w->refs_cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (old_keys[i]) {
            size_t j = ref_slot(w, old_keys[i]);
            w->keys[j] = old_keys[i];
            w->index[j] = old_index[i];
        }
    }
    kmem_free(old_keys);
    kmem_free(old_index);
    return 0;
}

// Whether 'v' may be met again in this dump: a heap object held by more
// than its one owner, or a tagged int (no count to ask; CPython's small
// ints and int constants are shared, so all are taken as such).
static int may_be_shared(KValue v) {
    return kval_is_int(v) || kval_obj(v)->refcnt > 1;
}

// Version 3 and later: writes TYPE_REF for an object written before (1),
// or enters it and sets FLAG_REF in '*flag' (0). 1 also when the table
// cannot grow (the error is recorded).
static int w_ref(Writer *w, KValue v, int *flag) {
    if (w->version < 3 || !may_be_shared(v)) {
        return 0;
    }
    if ((w->refs_count + 1) * 2 > w->refs_cap && refs_grow(w) < 0) {
        return 1;
    }
    size_t i = ref_slot(w, v);
    if (w->keys[i]) {
        w_byte(w, TYPE_REF);
        w_u32(w, (uint32_t)w->index[i]);
        return 1;
    }
    if (w->refs_count >= SIZE32_MAX) {
        w->error = WERR_UNMARSHALLABLE; // CPython: "too many objects"
        return 1;
    }
    w->keys[i] = v;
    w->index[i] = (int32_t)w->refs_count++;
    *flag = FLAG_REF;
    return 0;
}

static void w_object(Writer *w, KValue v);

// An int outside 32 bits: TYPE_LONG, a signed count of base-2**15 digits.
static void w_long(Writer *w, KValue v, int flag) {
    ssize_t nwords;
    uint32_t *words = kint_abs_words(v, &nwords);
    if (!words) {
        w->error = WERR_NOMEM;
        return;
    }
    ssize_t bits = kint_bit_length(v), ndigits = (bits + 14) / 15;
    w_byte(w, TYPE_LONG | flag);
    if (ndigits > SIZE32_MAX) {
        w->error = WERR_UNMARSHALLABLE;
    } else {
        w_u32(w, (uint32_t)(kint_sign(v) < 0 ? -ndigits : ndigits));
        for (ssize_t i = 0; i < ndigits && reserve(w, 2) == 0; i++) {
            ssize_t pos = i * 15, wi = pos / 32;
            int shift = (int)(pos % 32);
            uint64_t chunk = words[wi] >> shift;
            if (shift > 17 && wi + 1 < nwords) {
                chunk |= (uint64_t)words[wi + 1] << (32 - shift);
            }
            unsigned d = (unsigned)(chunk & 0x7fff);
            w->buf[w->len++] = (char)(d & 0xff);
            w->buf[w->len++] = (char)(d >> 8);
        }
    }
    kmem_free(words);
}

static void w_int(Writer *w, KValue v, int flag) {
    int overflow = 0;
    int64_t x = kint_as_i64_overflow(v, &overflow);
    if (!overflow && x >= INT32_MIN && x <= INT32_MAX) {
        w_byte(w, TYPE_INT | flag);
        w_u32(w, (uint32_t)x);
    } else {
        w_long(w, v, flag);
    }
}

static void w_float_bin(Writer *w, double d) {
    uint64_t bits;
    memcpy(&bits, &d, 8);
    w_u32(w, (uint32_t)bits);
    w_u32(w, (uint32_t)(bits >> 32));
}

// Versions 0 and 1: repr-like text with 17 significant digits ('%.17g'),
// one length byte first; no sign on a NaN, as CPython writes it.
static void w_float_str(Writer *w, double d) {
    char buf[40];
    if (isnan(d)) {
        strcpy(buf, "nan");
    } else if (isinf(d)) {
        strcpy(buf, d < 0 ? "-inf" : "inf");
    } else {
        snprintf(buf, sizeof buf, "%.17g", d);
    }
    size_t n = strlen(buf);
    w_byte(w, (int)n);
    w_data(w, buf, (ssize_t)n);
}

static void w_float(Writer *w, double d, int flag) {
    if (w->version > 1) {
        w_byte(w, TYPE_BINARY_FLOAT | flag);
        w_float_bin(w, d);
    } else {
        w_byte(w, TYPE_FLOAT | flag);
        w_float_str(w, d);
    }
}

static void w_complex(Writer *w, double re, double im, int flag) {
    if (w->version > 1) {
        w_byte(w, TYPE_BINARY_COMPLEX | flag);
        w_float_bin(w, re);
        w_float_bin(w, im);
    } else {
        w_byte(w, TYPE_COMPLEX | flag);
        w_float_str(w, re);
        w_float_str(w, im);
    }
}

// Version 4 writes ASCII text as such (one length byte below 256 code
// points); other text is UTF-8 with lone surrogates kept (surrogatepass).
static void w_str(Writer *w, KValue v, int flag) {
    KStr *s = (KStr *)v;
    if (w->version >= 4 && s->ascii) {
        if (s->len < 256) {
            w_byte(w, (s->interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag);
            w_byte(w, (int)s->len);
            w_data(w, s->data, s->len);
        } else {
            w_byte(w, (s->interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
            w_pstring(w, s->data, s->len);
        }
        return;
    }
    KValue utf8 = kcodec_encode(v, "utf-8", "surrogatepass");
    if (!utf8) {
        kerr_clear();
        w->error = WERR_UNMARSHALLABLE;
        return;
    }
    ssize_t n;
    const char *data = kbytes_data(utf8, &n);
    w_byte(w, (w->version >= 3 && s->interned ? TYPE_INTERNED : TYPE_UNICODE) | flag);
    w_pstring(w, data, n);
    kval_decref(utf8);
}

static void w_tuple(Writer *w, KValue v, int flag) {
    ssize_t n = ktuple_len(v);
    if (w->version >= 4 && n < 256) {
        w_byte(w, TYPE_SMALL_TUPLE | flag);
        w_byte(w, (int)n);
    } else {
        w_byte(w, TYPE_TUPLE | flag);
        if (w_size(w, n) < 0) {
            return;
        }
    }
    for (ssize_t i = 0; i < n; i++) {
        w_object(w, ktuple_items(v)[i]);
    }
}

static void w_list(Writer *w, KValue v, int flag) {
    w_byte(w, TYPE_LIST | flag);
    if (w_size(w, klist_len(v)) < 0) {
        return;
    }
    for (ssize_t i = 0; i < klist_len(v); i++) {
        w_object(w, klist_items(v)[i]);
    }
}

// Keys and values alternate, ended by TYPE_NULL.
static void w_dict(Writer *w, KValue v, int flag) {
    w_byte(w, TYPE_DICT | flag);
    ssize_t pos = 0;
    KValue key, value;
    while (kdict_next(v, &pos, &key, &value)) {
        w_object(w, key);
        w_object(w, value);
    }
    w_byte(w, TYPE_NULL);
}

static void w_set(Writer *w, KValue v, int flag) {
    w_byte(w, (kval_type(v) == &kfrozenset_type ? TYPE_FROZENSET : TYPE_SET) | flag);
    if (w_size(w, kset_len(v)) < 0) {
        return;
    }
    ssize_t pos = 0;
    KValue key;
    while (kset_next(v, &pos, &key)) {
        w_object(w, key);
    }
}

// Everything but the singletons, which carry no reference flag. Only exact
// types are marshallable (a subclass of str is not); other objects with a
// contiguous buffer are written as bytes.
static void w_value(Writer *w, KValue v, int flag) {
    KType *t = kval_type(v);
    const char *data;
    ssize_t len;
    if (kint_check_exact(v)) {
        w_int(w, v, flag);
    } else if (t == &kfloat_type) {
        w_float(w, kfloat_value(v), flag);
    } else if (t == &kcomplex_type) {
        double re, im;
        kcomplex_parts(v, &re, &im);
        w_complex(w, re, im, flag);
    } else if (t == &kstr_type) {
        w_str(w, v, flag);
    } else if (t == &ktuple_type) {
        w_tuple(w, v, flag);
    } else if (t == &klist_type) {
        w_list(w, v, flag);
    } else if (t == &kdict_type) {
        w_dict(w, v, flag);
    } else if (t == &kset_type || t == &kfrozenset_type) {
        w_set(w, v, flag);
    } else if (kbytes_get_buffer(v, &data, &len)) {
        w_byte(w, TYPE_STRING | flag);
        w_pstring(w, data, len);
    } else {
        w_byte(w, TYPE_UNKNOWN | flag);
        w->error = WERR_UNMARSHALLABLE;
    }
}

static void w_object(Writer *w, KValue v) {
    int flag = 0;
    if (++w->depth > MAX_DEPTH) {
        w->error = WERR_TOO_DEEP;
    } else if (v == KV_NONE) {
        w_byte(w, TYPE_NONE);
    } else if (v == kval_of(&kexc_StopIteration)) {
        w_byte(w, TYPE_STOPITER);
    } else if (v == KV_ELLIPSIS) {
        w_byte(w, TYPE_ELLIPSIS);
    } else if (v == KV_FALSE) {
        w_byte(w, TYPE_FALSE);
    } else if (v == KV_TRUE) {
        w_byte(w, TYPE_TRUE);
    } else if (!w_ref(w, v, &flag)) {
        w_value(w, v, flag);
    }
    w->depth--;
}

// marshal.dumps(value, version): a new bytes, or KV_NULL with ValueError
// ("unmarshallable object", "object too deeply nested to marshal").
static KValue dump_to_bytes(KValue v, int version) {
    Writer w = {.version = version};
    w_object(&w, v);
    KValue r = KV_NULL;
    if (w.error == WERR_NOMEM) {
        kerr_no_memory();
    } else if (w.error) {
        kerr_set(&kexc_ValueError, w.error == WERR_UNMARSHALLABLE
                                       ? "unmarshallable object"
                                       : "object too deeply nested to marshal");
    } else {
        r = kbytes_from_data(w.buf, w.len);
    }
    kmem_free(w.buf);
    kmem_free(w.keys);
    kmem_free(w.index);
    return r;
}

// ---------------------------------------------------------------------------
// Reading

typedef struct Reader {
    const unsigned char *ptr, *end; // loads(): the data; NULL for load()
    KValue file;                    // load(): the file read through readinto()
    unsigned char *buf;             // load(): what the last read brought
    ssize_t buf_cap;
    KValue refs;                    // objects entered by FLAG_REF (None: not made yet)
    int depth;
} Reader;

// Asks the file for 'n' bytes into 'r->buf' + 'off' with readinto(memoryview).
static int file_read(Reader *r, ssize_t off, ssize_t n) {
    KValue ba = kbytearray_from_data(NULL, n);
    KValue view = ba ? kobj_call1(kval_of(&kmemoryview_type), ba) : KV_NULL;
    KValue res = KV_NULL, name = view ? kstr_from_cstr("readinto") : KV_NULL;
    if (name) {
        res = kobj_call_method(r->file, name, &view, 1);
    }
    ssize_t got = -1;
    if (res) {
        KValue idx = knum_index(res);
        if (idx) {
            int overflow;
            int64_t g = kint_as_i64_overflow(idx, &overflow);
            if (overflow) {
                kerr_format(&kexc_ValueError, "cannot fit '%s' into an index-sized integer",
                            ktype_name(kval_type(res)));
            } else {
                got = (ssize_t)g;
            }
            kval_decref(idx);
        }
    }
    if (got == n) {
        ssize_t len;
        memcpy(r->buf + off, kbytes_data(ba, &len), (size_t)n);
    } else if (!kerr_occurred()) {
        if (got > n) {
            kerr_format(&kexc_ValueError,
                        "read() returned too much data: %zd bytes requested, %zd returned", n, got);
        } else {
            kerr_set(&kexc_EOFError, "EOF read where not expected");
        }
    }
    kval_xdecref(res);
    kval_xdecref(name);
    kval_xdecref(view);
    kval_xdecref(ba);
    return got == n ? 0 : -1;
}

// The next 'n' bytes, borrowed until the next read; NULL with EOFError.
// load() asks the file for a large count piece by piece, so a length
// announced by bad data costs no more memory than the file supplies.
static const unsigned char *r_bytes(Reader *r, ssize_t n) {
    if (r->ptr) {
        if (r->end - r->ptr < n) {
            kerr_set(&kexc_EOFError, "marshal data too short");
            return NULL;
        }
        const unsigned char *p = r->ptr;
        r->ptr += n;
        return p;
    }
    static const unsigned char nothing[1];
    if (n == 0) {
        return nothing;
    }
    for (ssize_t off = 0; off < n;) {
        ssize_t chunk = n - off < FILE_CHUNK ? n - off : FILE_CHUNK;
        if (off + chunk > r->buf_cap) {
            unsigned char *b = kmem_realloc(r->buf, (size_t)(off + chunk));
            if (!b) {
                kerr_no_memory();
                return NULL;
            }
            r->buf = b;
            r->buf_cap = off + chunk;
        }
        if (file_read(r, off, chunk) < 0) {
            return NULL;
        }
        off += chunk;
    }
    return r->buf;
}

// The EOFError of a missing type code or one-byte length: CPython 3.11
// sets it over whatever the reading raised (even a file's own error).
static void eof_expected_object(void) {
    kerr_set(&kexc_EOFError, "EOF read where object expected");
}

// One byte, or -1 with EOFError.
static int r_byte(Reader *r) {
    if (r->ptr && r->ptr < r->end) {
        return *r->ptr++;
    }
    if (r->ptr) {
        kerr_set(&kexc_EOFError, "EOF read where not expected");
        return -1;
    }
    const unsigned char *p = r_bytes(r, 1);
    return p ? *p : -1;
}

// A signed 32-bit little-endian value; -1 with an error set on failure
// (check kerr_occurred()).
static int32_t r_i32(Reader *r) {
    const unsigned char *p = r_bytes(r, 4);
    if (!p) {
        return -1;
    }
    return (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                     (uint32_t)p[3] << 24);
}

// A 4-byte size in [0, 2**31-1]: -1 with "bad marshal data (WHAT size out
// of range)" or EOFError.
static ssize_t r_size(Reader *r, const char *what) {
    int32_t n = r_i32(r);
    if (n < 0 && !kerr_occurred()) {
        kerr_format(&kexc_ValueError, "bad marshal data (%s size out of range)", what);
    }
    return n < 0 ? -1 : n;
}

static void bad_data(const char *why) {
    kerr_format(&kexc_ValueError, "bad marshal data (%s)", why);
}

static KValue r_object(Reader *r);

// TYPE_LONG: a signed count of base-2**15 digits, the last one non-zero.
static KValue r_long(Reader *r) {
    int32_t n = r_i32(r);
    if (n == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (n == INT32_MIN) {
        bad_data("long size out of range");
        return KV_NULL;
    }
    ssize_t count = n < 0 ? -(ssize_t)n : n, nwords = 0, cap = 0;
    uint32_t *words = NULL;
    KValue v = KV_NULL;
    for (ssize_t i = 0; i < count; i++) {
        const unsigned char *p = r_bytes(r, 2);
        if (!p) {
            goto done;
        }
        unsigned d = (unsigned)p[0] | (unsigned)p[1] << 8;
        if (d > 0x7fff) {
            bad_data("digit out of range in long");
            goto done;
        }
        if (d == 0 && i == count - 1) {
            bad_data("unnormalized long data");
            goto done;
        }
        ssize_t pos = i * 15, wi = pos / 32;
        int shift = (int)(pos % 32);
        if (wi + 2 > cap) {
            ssize_t ncap = cap ? cap * 2 : 8;
            uint32_t *nw = kmem_realloc(words, (size_t)ncap * sizeof(uint32_t));
            if (!nw) {
                kerr_no_memory();
                goto done;
            }
            memset(nw + cap, 0, (size_t)(ncap - cap) * sizeof(uint32_t));
            words = nw;
            cap = ncap;
        }
        words[wi] |= (uint32_t)d << shift;
        if (shift > 17) {
            words[wi + 1] |= (uint32_t)d >> (32 - shift);
        }
        nwords = wi + 2;
    }
    v = count ? kint_from_words(words, nwords) : kval_from_int(0);
    if (v && n < 0) {
        KValue neg = kint_neg(v);
        kval_decref(v);
        v = neg;
    }
done:
    kmem_free(words);
    return v;
}

// The digits of TYPE_INT64 (8 bytes, signed).
static KValue r_int64(Reader *r) {
    const unsigned char *p = r_bytes(r, 8);
    if (!p) {
        return KV_NULL;
    }
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--) {
        x = x << 8 | p[i];
    }
    return kint_from_i64((int64_t)x);
}

static int r_float_bin(Reader *r, double *out) {
    const unsigned char *p = r_bytes(r, 8);
    if (!p) {
        return -1;
    }
    uint64_t bits = 0;
    for (int i = 7; i >= 0; i--) {
        bits = bits << 8 | p[i];
    }
    memcpy(out, &bits, 8);
    return 0;
}

// Whether 's' is decimal float syntax: digits with an optional point and
// exponent (no spaces, underscores or hex, as CPython's string_to_double).
static int is_decimal_float(const char *s) {
    int digits = 0;
    while (*s >= '0' && *s <= '9') {
        s++, digits++;
    }
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9') {
            s++, digits++;
        }
    }
    if (!digits) {
        return 0;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-') {
            s++;
        }
        if (!(*s >= '0' && *s <= '9')) {
            return 0;
        }
        while (*s >= '0' && *s <= '9') {
            s++;
        }
    }
    return *s == 0;
}

// TYPE_FLOAT's text: one length byte, then the digits.
static int r_float_str(Reader *r, double *out) {
    int n = r_byte(r);
    if (n < 0) {
        eof_expected_object();
        return -1;
    }
    const unsigned char *p = r_bytes(r, n);
    if (!p) {
        return -1;
    }
    char buf[256];
    memcpy(buf, p, (size_t)n);
    buf[n] = 0;
    const char *q = buf + (buf[0] == '+' || buf[0] == '-');
    int neg = buf[0] == '-';
    if (!strcasecmp(q, "inf") || !strcasecmp(q, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
    } else if (!strcasecmp(q, "nan")) {
        *out = neg ? -NAN : NAN;
    } else if (strlen(buf) == (size_t)n && is_decimal_float(q)) {
        *out = strtod(buf, NULL);
    } else {
        KValue text = kcodec_decode(buf, (ssize_t)strlen(buf), "latin-1", NULL);
        if (text) {
            kerr_format(&kexc_ValueError, "could not convert string to float: %R", text);
            kval_decref(text);
        }
        return -1;
    }
    return 0;
}

// A str from 'n' bytes in 'encoding', interned when asked.
static KValue r_text(Reader *r, ssize_t n, const char *encoding, int interned) {
    const unsigned char *p = r_bytes(r, n);
    if (!p) {
        return KV_NULL;
    }
    KValue v = kcodec_decode((const char *)p, n, encoding,
                             strcmp(encoding, "utf-8") ? NULL : "surrogatepass");
    if (v && interned) {
        kstr_intern(&v);
    }
    return v;
}

// Enters 'v' (owned, may be KV_NULL) in the reference list when 'flag' says so.
static KValue r_ref(Reader *r, KValue v, int flag) {
    if (v && flag && klist_append(r->refs, v) < 0) {
        KVAL_CLEAR(v);
    }
    return v;
}

// Reserves a reference number for an object made after its contents
// (frozensets): its index, or -1 with the error set; 0 when not flagged.
static ssize_t r_ref_reserve(Reader *r, int flag) {
    if (!flag) {
        return 0;
    }
    ssize_t idx = klist_len(r->refs);
    if (idx >= 0x7ffffffe) {
        bad_data("index list too large");
        return -1;
    }
    return klist_append(r->refs, KV_NONE) < 0 ? -1 : idx;
}

// The next item of a container: NULL with TypeError "NULL object in marshal
// data for WHAT" when the data holds TYPE_NULL there.
static KValue r_item(Reader *r, const char *what) {
    KValue v = r_object(r);
    if (!v && !kerr_occurred()) {
        kerr_format(&kexc_TypeError, "NULL object in marshal data for %s", what);
    }
    return v;
}

// How many items to make room for first in a tuple of 'n': loads() sizes
// it by the data left (each item takes at least a byte, so more would
// fail), load() starts small and grows as items arrive (grow_tuple).
static ssize_t first_capacity(const Reader *r, ssize_t n) {
    ssize_t limit = r->ptr ? r->end - r->ptr : FILE_TUPLE_STEP;
    return n < limit ? n : limit;
}

// A tuple of 'cap' Nones (the items replace them as they are read).
static KValue tuple_of_none(ssize_t cap) {
    KValue t = ktuple_new(cap);
    for (ssize_t i = 0; t && i < cap; i++) {
        ktuple_items(t)[i] = KV_NONE;
    }
    return t;
}

// load(): moves the 'cap' items of '*t' into a tuple twice as large (at
// most 'n'), entered in the reference list at 'idx' instead when flagged.
// A tuple its own items already refer to cannot move: ValueError then.
static int grow_tuple(Reader *r, KValue *t, ssize_t cap, ssize_t n, int flag, ssize_t idx) {
    if (kval_obj(*t)->refcnt > 1 + (flag != 0)) {
        bad_data("a tuple this large read from a file cannot refer to itself");
        return -1;
    }
    KValue nt = tuple_of_none(cap * 2 < n ? cap * 2 : n);
    if (!nt) {
        return -1;
    }
    for (ssize_t i = 0; i < cap; i++) {
        ktuple_items(nt)[i] = ktuple_items(*t)[i];
        ktuple_items(*t)[i] = KV_NONE;
    }
    if (flag) {
        kval_setref(&klist_items(r->refs)[idx], kval_newref(nt));
    }
    kval_decref(*t);
    *t = nt;
    return 0;
}

// A tuple is made (filled with None) before its items so that they may
// refer to it.
static KValue r_tuple(Reader *r, ssize_t n, int flag) {
    ssize_t cap = first_capacity(r, n), idx = klist_len(r->refs);
    KValue t = r_ref(r, tuple_of_none(cap), flag);
    for (ssize_t i = 0; t && i < n; i++) {
        if (i == cap && r->ptr) { // the data is used up: this read fails
            kerr_set(&kexc_EOFError, "EOF read where object expected");
            KVAL_CLEAR(t);
            break;
        }
        if (i == cap && grow_tuple(r, &t, cap, n, flag, idx) < 0) {
            KVAL_CLEAR(t);
            break;
        }
        cap = ktuple_len(t);
        KValue item = r_item(r, "tuple");
        if (!item) {
            KVAL_CLEAR(t);
            break;
        }
        ktuple_items(t)[i] = item; // replaces an immortal None
    }
    return t;
}

static KValue r_list(Reader *r, ssize_t n, int flag) {
    KValue l = r_ref(r, klist_new(0), flag);
    for (ssize_t i = 0; l && i < n; i++) {
        KValue item = r_item(r, "list");
        if (!item || klist_append(l, item) < 0) {
            kval_xdecref(item);
            KVAL_CLEAR(l);
            break;
        }
        kval_decref(item);
    }
    return l;
}

// Pairs up to TYPE_NULL; a TYPE_NULL in a value's place also ends the dict
// (its key is dropped), as CPython reads it.
static KValue r_dict(Reader *r, int flag) {
    KValue d = r_ref(r, kdict_new(), flag);
    while (d) {
        KValue key = r_object(r);
        KValue val = key ? r_object(r) : KV_NULL;
        int rc = val ? kdict_set(d, key, val) : 0;
        kval_xdecref(key);
        kval_xdecref(val);
        if (!val || rc < 0) {
            break;
        }
    }
    if (d && kerr_occurred()) {
        KVAL_CLEAR(d);
    }
    return d;
}

// A set is entered before its items, a frozenset only once complete (a
// reference to it from inside is invalid).
static KValue r_set(Reader *r, ssize_t n, int frozen, int flag) {
    if (n == 0 && frozen) {
        return r_ref(r, kfrozenset_new(KV_NULL), flag);
    }
    KValue s = frozen ? kfrozenset_new(KV_NULL) : r_ref(r, kset_new(KV_NULL), flag);
    ssize_t idx = 0;
    if (s && frozen && (idx = r_ref_reserve(r, flag)) < 0) {
        KVAL_CLEAR(s);
    }
    for (ssize_t i = 0; s && i < n; i++) {
        KValue item = r_item(r, "set");
        if (!item || kset_add(s, item) < 0) {
            kval_xdecref(item);
            KVAL_CLEAR(s);
            break;
        }
        kval_decref(item);
    }
    if (s && frozen && flag) {
        kval_setref(&klist_items(r->refs)[idx], kval_newref(s));
    }
    return s;
}

static KValue r_backref(Reader *r) {
    int32_t n = r_i32(r);
    if (n == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (n < 0 || n >= klist_len(r->refs) || klist_items(r->refs)[n] == KV_NONE) {
        bad_data("invalid reference");
        return KV_NULL;
    }
    return kval_newref(klist_items(r->refs)[n]);
}

static KValue r_complex(Reader *r, int binary, int flag) {
    double re, im;
    int (*part)(Reader *, double *) = binary ? r_float_bin : r_float_str;
    if (part(r, &re) < 0 || part(r, &im) < 0) {
        return KV_NULL;
    }
    return r_ref(r, kcomplex_new(re, im), flag);
}

static KValue r_float(Reader *r, int binary, int flag) {
    double d;
    if ((binary ? r_float_bin(r, &d) : r_float_str(r, &d)) < 0) {
        return KV_NULL;
    }
    return r_ref(r, kfloat_new(d), flag);
}

// Strings: 'short' ones have a one-byte length.
static KValue r_str(Reader *r, int type, int flag) {
    int interned = type == TYPE_INTERNED || type == TYPE_ASCII_INTERNED ||
                   type == TYPE_SHORT_ASCII_INTERNED;
    const char *encoding = type == TYPE_INTERNED || type == TYPE_UNICODE ? "utf-8" : "latin-1";
    ssize_t n;
    if (type == TYPE_SHORT_ASCII || type == TYPE_SHORT_ASCII_INTERNED) {
        if ((n = r_byte(r)) < 0) {
            eof_expected_object();
            return KV_NULL;
        }
    } else if ((n = r_size(r, "string")) < 0) {
        return KV_NULL;
    }
    return r_ref(r, r_text(r, n, encoding, interned), flag);
}

static KValue r_bytes_object(Reader *r, int flag) {
    ssize_t n = r_size(r, "bytes object");
    const unsigned char *p = n < 0 ? NULL : r_bytes(r, n);
    return p ? r_ref(r, kbytes_from_data((const char *)p, n), flag) : KV_NULL;
}

// Containers and references.
static KValue r_compound(Reader *r, int type, int flag) {
    ssize_t n;
    switch (type) {
    case TYPE_SMALL_TUPLE:
        // At the end of loads()'s data CPython reads a count of 255 and
        // fails at the first item; load() keeps the file's EOF error.
        if ((n = r_byte(r)) < 0 && r->ptr) {
            eof_expected_object();
        }
        return n < 0 ? KV_NULL : r_tuple(r, n, flag);
    case TYPE_TUPLE:
        n = r_size(r, "tuple");
        return n < 0 ? KV_NULL : r_tuple(r, n, flag);
    case TYPE_LIST:
        n = r_size(r, "list");
        return n < 0 ? KV_NULL : r_list(r, n, flag);
    case TYPE_DICT:
        return r_dict(r, flag);
    case TYPE_SET:
    case TYPE_FROZENSET:
        n = r_size(r, "set");
        return n < 0 ? KV_NULL : r_set(r, n, type == TYPE_FROZENSET, flag);
    case TYPE_REF:
        return r_backref(r);
    case TYPE_CODE:
        bad_data("code objects are not supported by krait");
        return KV_NULL;
    default:
        bad_data("unknown type code");
        return KV_NULL;
    }
}

static KValue r_scalar(Reader *r, int type, int flag) {
    int32_t x;
    switch (type) {
    case TYPE_INT:
        x = r_i32(r);
        return x == -1 && kerr_occurred() ? KV_NULL : r_ref(r, kval_from_int(x), flag);
    case TYPE_INT64:
        return r_ref(r, r_int64(r), flag);
    case TYPE_LONG:
        return r_ref(r, r_long(r), flag);
    case TYPE_FLOAT:
    case TYPE_BINARY_FLOAT:
        return r_float(r, type == TYPE_BINARY_FLOAT, flag);
    case TYPE_COMPLEX:
    case TYPE_BINARY_COMPLEX:
        return r_complex(r, type == TYPE_BINARY_COMPLEX, flag);
    case TYPE_STRING:
        return r_bytes_object(r, flag);
    case TYPE_UNICODE:
    case TYPE_INTERNED:
    case TYPE_ASCII:
    case TYPE_ASCII_INTERNED:
    case TYPE_SHORT_ASCII:
    case TYPE_SHORT_ASCII_INTERNED:
        return r_str(r, type, flag);
    default:
        return r_compound(r, type, flag);
    }
}

// One object; KV_NULL without an exception for TYPE_NULL.
static KValue r_object(Reader *r) {
    int code = r_byte(r);
    if (code < 0) {
        eof_expected_object();
        return KV_NULL;
    }
    if (r->depth >= MAX_DEPTH) {
        kerr_set(&kexc_ValueError, "recursion limit exceeded");
        return KV_NULL;
    }
    r->depth++;
    int flag = code & FLAG_REF, type = code & ~FLAG_REF;
    KValue v;
    switch (type) {
    case TYPE_NULL: v = KV_NULL; break;
    case TYPE_NONE: v = KV_NONE; break;
    case TYPE_STOPITER: v = kval_of(&kexc_StopIteration); break;
    case TYPE_ELLIPSIS: v = KV_ELLIPSIS; break;
    case TYPE_FALSE: v = KV_FALSE; break;
    case TYPE_TRUE: v = KV_TRUE; break;
    default: v = r_scalar(r, type, flag); r->depth--; return v;
    }
    r->depth--;
    return kval_xnewref(v);
}

// A whole object from 'r' (a TYPE_NULL at the top is a TypeError).
static KValue read_top(Reader *r) {
    r->refs = klist_new(0);
    KValue v = r->refs ? r_item(r, "object") : KV_NULL;
    kval_xdecref(r->refs);
    kmem_free(r->buf);
    return v;
}

// ---------------------------------------------------------------------------
// The module's functions

// The version argument: a C int, as Argument Clinic converts it.
static int version_arg(KValue v, int *out) {
    KValue idx = knum_index(v);
    if (!idx) {
        return -1;
    }
    int overflow;
    int64_t x = kint_as_i64_overflow(idx, &overflow);
    kval_decref(idx);
    if (overflow || x > INT32_MAX || x < INT32_MIN) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// dumps(value, version=4, /)
METHOD(m_dumps) {
    (void)self;
    int version = MARSHAL_VERSION;
    if (kargs_no_kw("marshal.dumps", kw) < 0 || kargs_count("dumps", nargs, 1, 2) < 0 ||
        (nargs > 1 && version_arg(args[1], &version) < 0)) {
        return KV_NULL;
    }
    return dump_to_bytes(args[0], version);
}

// dump(value, file, version=4, /): file.write(data)'s result.
METHOD(m_dump) {
    (void)self;
    int version = MARSHAL_VERSION;
    if (kargs_no_kw("marshal.dump", kw) < 0 || kargs_count("dump", nargs, 2, 3) < 0 ||
        (nargs > 2 && version_arg(args[2], &version) < 0)) {
        return KV_NULL;
    }
    KValue data = dump_to_bytes(args[0], version);
    KValue name = data ? kstr_from_cstr("write") : KV_NULL;
    KValue r = name ? kobj_call_method(args[1], name, &data, 1) : KV_NULL;
    kval_xdecref(name);
    kval_xdecref(data);
    return r;
}

// loads(bytes, /): extra bytes after the object are ignored.
METHOD(m_loads) {
    (void)self, (void)nargs, (void)kw;
    const char *data;
    ssize_t len;
    if (kbytes_need_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    // Keep the buffer's owner alive: reading may run no Python code, but
    // the owner must outlive 'data' all the same.
    KValue keep = kval_newref(args[0]);
    static const unsigned char empty[1];
    Reader r = {.ptr = len ? (const unsigned char *)data : empty};
    r.end = r.ptr + len;
    KValue v = read_top(&r);
    kval_decref(keep);
    return v;
}

// load(file, /): reads exactly the object's bytes through file.readinto(),
// after a file.read(0) that checks the file gives bytes.
METHOD(m_load) {
    (void)self, (void)nargs, (void)kw;
    KValue name = kstr_from_cstr("read");
    KValue zero = kval_from_int(0);
    KValue data = name ? kobj_call_method(args[0], name, &zero, 1) : KV_NULL;
    kval_xdecref(name);
    if (!data) {
        return KV_NULL;
    }
    KValue v = KV_NULL;
    if (!kbytes_check(data)) {
        kerr_format(&kexc_TypeError, "file.read() returned not bytes but %.100s",
                    ktype_name(kval_type(data)));
    } else {
        Reader r = {.file = args[0]};
        v = read_top(&r);
    }
    kval_decref(data);
    return v;
}

static const KMethodDef marshal_functions[] = {
    {"dump", m_dump, KMETH_KW, NULL},
    {"load", m_load, KMETH_O, NULL},
    {"dumps", m_dumps, KMETH_KW, NULL},
    {"loads", m_loads, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_marshal_create(void) {
    KValue m = kmod_new("marshal");
    if (!m || kmod_add_functions(m, marshal_functions) < 0 ||
        kmod_add(m, "version", kval_from_int(MARSHAL_VERSION)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
