// vm/modules/marshal.c: the marshal module in CPython's format (versions
// 0 to 4: type codes, 15-bit digits of big ints, binary floats, short and
// ASCII strings, small tuples, back-references), so data written by either
// runtime loads in the other. importlib imports it. Code objects are not
// marshalled: krait's are not CPython's, and its own caches (format/) carry
// them. Back-references: like CPython's, an object referenced more than once
// (refcount above 1; small ints count as shared, as CPython's cached ones)
// is written once with FLAG_REF.
#include <stdio.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
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

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

enum { MARSHAL_VERSION = 4, MAX_DEPTH = 2000, FLAG_REF = 0x80 };

// ---------------------------------------------------------------------------
// Writing

typedef struct Writer {
    char *data;
    size_t len, cap;
    int version, depth, error;
    KValue refs; // dict: id -> index, for version >= 3
} Writer;

static void put(Writer *w, const void *p, size_t n) {
    if (w->error) {
        return;
    }
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 64;
        while (cap < w->len + n) {
            cap *= 2;
        }
        char *d = kmem_realloc(w->data, cap);
        if (!d) {
            w->error = 1;
            kerr_no_memory();
            return;
        }
        w->data = d;
        w->cap = cap;
    }
    memcpy(w->data + w->len, p, n);
    w->len += n;
}

static void put_byte(Writer *w, int b) {
    unsigned char c = (unsigned char)b;
    put(w, &c, 1);
}

static void put_u32(Writer *w, uint32_t v) {
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    put(w, b, 4);
}

static void put_double(Writer *w, double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    put_u32(w, (uint32_t)u);
    put_u32(w, (uint32_t)(u >> 32));
}

static int fail(Writer *w, KType *type, const char *msg) {
    if (!w->error) {
        kerr_set(type, msg);
        w->error = 1;
    }
    return -1;
}

// Writes a back-reference when 'v' was written before; otherwise records it.
// Returns 1 when done, 0 to write 'v' (with '*flag' set to FLAG_REF or 0).
static int put_ref(Writer *w, KValue v, int *flag) {
    *flag = 0;
    if (w->version < 3 || !w->refs) {
        return 0;
    }
    int shared = kval_is_int(v) ? 1 : kval_obj(v)->refcnt > 1;
    if (!shared) {
        return 0;
    }
    KValue id = kobj_id(v);
    if (!id) {
        return fail(w, &kexc_MemoryError, "");
    }
    KValue idx = kdict_get_borrow(w->refs, id);
    if (idx) {
        kval_decref(id);
        put_byte(w, 'r');
        put_u32(w, (uint32_t)kint_as_ssize(idx));
        return 1;
    }
    KValue n = kint_from_i64(kdict_len(w->refs));
    int r = n ? kdict_set(w->refs, id, n) : -1;
    kval_xdecref(n);
    kval_decref(id);
    if (r < 0) {
        w->error = 1;
        return -1;
    }
    *flag = FLAG_REF;
    return 0;
}

static void put_object(Writer *w, KValue v);

static void put_long(Writer *w, KValue v, int flag) {
    int overflow;
    int64_t i = kint_as_i64_overflow(v, &overflow);
    if (!overflow && i >= INT32_MIN && i <= INT32_MAX) {
        put_byte(w, 'i' | flag);
        put_u32(w, (uint32_t)(int32_t)i);
        return;
    }
    ssize_t nw;
    uint32_t *words = kint_abs_words(v, &nw);
    if (!words) {
        w->error = 1;
        return;
    }
    // base 2**32 words -> base 2**15 digits, least significant first.
    ssize_t bits = nw * 32;
    while (bits > 0 && !(words[(bits - 1) / 32] >> ((bits - 1) % 32) & 1)) {
        bits--;
    }
    ssize_t nd = (bits + 14) / 15;
    put_byte(w, 'l' | flag);
    put_u32(w, (uint32_t)(int32_t)(kint_sign(v) < 0 ? -nd : nd));
    for (ssize_t d = 0; d < nd; d++) {
        unsigned digit = 0;
        for (int b = 0; b < 15; b++) {
            ssize_t bit = d * 15 + b;
            if (bit < bits && (words[bit / 32] >> (bit % 32) & 1)) {
                digit |= 1u << b;
            }
        }
        unsigned char two[2] = {(unsigned char)digit, (unsigned char)(digit >> 8)};
        put(w, two, 2);
    }
    kmem_free(words);
}

// Versions 0 and 1: the float as text, repr-like with 17 significant digits.
static void put_float_text(Writer *w, double d) {
    char buf[40];
    int n = snprintf(buf, sizeof buf, "%.17g", d);
    put_byte(w, n);
    put(w, buf, (size_t)n);
}

static int is_ascii(const char *s, ssize_t n) {
    for (ssize_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return 0;
        }
    }
    return 1;
}

static void put_str(Writer *w, KValue v, int flag) {
    ssize_t n;
    const char *s = kstr_utf8(v, &n);
    if (!s) {
        w->error = 1;
        return;
    }
    int interned = kstr_check_exact(v) && ((KStr *)v)->interned;
    if (w->version >= 4 && is_ascii(s, n)) {
        if (n < 256) {
            put_byte(w, (interned ? 'Z' : 'z') | flag);
            put_byte(w, (int)n);
        } else {
            put_byte(w, (interned ? 'A' : 'a') | flag);
            put_u32(w, (uint32_t)n);
        }
    } else {
        put_byte(w, (interned && w->version >= 3 ? 't' : 'u') | flag);
        put_u32(w, (uint32_t)n);
    }
    put(w, s, (size_t)n);
}

static void put_items(Writer *w, const KValue *items, ssize_t n) {
    for (ssize_t i = 0; i < n && !w->error; i++) {
        put_object(w, items[i]);
    }
}

static void put_set(Writer *w, KValue v, int code) {
    KValue list = klist_from_iterable(v);
    if (!list) {
        w->error = 1;
        return;
    }
    put_byte(w, code);
    put_u32(w, (uint32_t)klist_len(list));
    put_items(w, klist_items(list), klist_len(list));
    kval_decref(list);
}

static void put_dict(Writer *w, KValue v) {
    ssize_t pos = 0;
    KValue key, value;
    while (!w->error && kdict_next(v, &pos, &key, &value)) {
        put_object(w, key);
        put_object(w, value);
    }
    put_byte(w, '0');
}

static void put_container(Writer *w, KValue v, int flag) {
    KType *t = kval_type(v);
    if (t == &ktuple_type) {
        ssize_t n = ktuple_len(v);
        if (w->version >= 4 && n < 256) {
            put_byte(w, ')' | flag);
            put_byte(w, (int)n);
        } else {
            put_byte(w, '(' | flag);
            put_u32(w, (uint32_t)n);
        }
        put_items(w, ktuple_items(v), n);
    } else if (t == &klist_type) {
        put_byte(w, '[' | flag);
        put_u32(w, (uint32_t)klist_len(v));
        put_items(w, klist_items(v), klist_len(v));
    } else if (t == &kdict_type) {
        put_byte(w, '{' | flag);
        put_dict(w, v);
    } else if (t == &kset_type || t == &kfrozenset_type) {
        put_set(w, v, (t == &kset_type ? '<' : '>') | flag);
    } else {
        const char *data;
        ssize_t n;
        if (!kbytes_get_buffer(v, &data, &n)) {
            fail(w, &kexc_ValueError, "unmarshallable object");
            return;
        }
        put_byte(w, 's' | flag);
        put_u32(w, (uint32_t)n);
        put(w, data, (size_t)n);
    }
}

static void put_object(Writer *w, KValue v) {
    if (w->error) {
        return;
    }
    if (++w->depth > MAX_DEPTH) {
        fail(w, &kexc_ValueError, "object too deeply nested to marshal");
        return;
    }
    if (v == KV_NONE || v == KV_TRUE || v == KV_FALSE || v == KV_ELLIPSIS) {
        put_byte(w, v == KV_NONE ? 'N' : v == KV_TRUE ? 'T' : v == KV_FALSE ? 'F' : '.');
    } else if (kval_obj(v) == (KObject *)&kexc_StopIteration) {
        put_byte(w, 'S');
    } else {
        int flag;
        if (put_ref(w, v, &flag) == 0 && !w->error) {
            KType *t = kval_type(v);
            if (kint_check_exact(v)) {
                put_long(w, v, flag);
            } else if (t == &kfloat_type) {
                if (w->version > 1) {
                    put_byte(w, 'g' | flag);
                    put_double(w, kfloat_value(v));
                } else {
                    put_byte(w, 'f' | flag);
                    put_float_text(w, kfloat_value(v));
                }
            } else if (t == &kcomplex_type) {
                KValue re = kobj_getattr(v, KID(real)), im = kobj_getattr(v, KID(imag));
                if (!re || !im) {
                    w->error = 1;
                } else if (w->version > 1) {
                    put_byte(w, 'y' | flag);
                    put_double(w, kfloat_value(re));
                    put_double(w, kfloat_value(im));
                } else {
                    put_byte(w, 'x' | flag);
                    put_float_text(w, kfloat_value(re));
                    put_float_text(w, kfloat_value(im));
                }
                kval_xdecref(re);
                kval_xdecref(im);
            } else if (t == &kstr_type) {
                put_str(w, v, flag);
            } else {
                put_container(w, v, flag);
            }
        }
    }
    w->depth--;
}

static KValue dumps_value(KValue v, int version) {
    Writer w = {.version = version};
    if (version >= 3 && !(w.refs = kdict_new())) {
        return KV_NULL;
    }
    put_object(&w, v);
    KValue r = w.error ? KV_NULL : kbytes_from_data(w.data ? w.data : "", (ssize_t)w.len);
    kmem_free(w.data);
    kval_xdecref(w.refs);
    return r;
}

static int version_arg(KValue v, int *out) {
    if (!v) {
        *out = MARSHAL_VERSION;
        return 0;
    }
    if (!kint_check(v)) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    ssize_t n = kint_as_ssize(v);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *out = (int)n;
    return 0;
}

// dumps(value, version=4, /)
METHOD(m_dumps) {
    (void)self, (void)kw;
    int version;
    if (kargs_count("dumps", nargs, 1, 2) < 0 || version_arg(nargs > 1 ? args[1] : KV_NULL,
                                                             &version) < 0) {
        return KV_NULL;
    }
    return dumps_value(args[0], version);
}

// dump(value, file, version=4, /)
METHOD(m_dump) {
    (void)self, (void)kw;
    int version;
    if (kargs_count("dump", nargs, 2, 3) < 0 || version_arg(nargs > 2 ? args[2] : KV_NULL,
                                                            &version) < 0) {
        return KV_NULL;
    }
    KValue data = dumps_value(args[0], version);
    if (!data) {
        return KV_NULL;
    }
    KValue name = kstr_from_cstr("write");
    KValue r = name ? kobj_call_method(args[1], name, &data, 1) : KV_NULL;
    kval_xdecref(name);
    kval_decref(data);
    if (!r) {
        return KV_NULL;
    }
    kval_decref(r);
    return kval_newref(KV_NONE);
}

// ---------------------------------------------------------------------------
// Reading

typedef struct Reader {
    const unsigned char *p, *end; // the bytes (loads), or a scratch copy (load)
    KValue file;                  // load: the file read on demand
    KValue chunk;                 // load: the last bytes read
    KValue refs;                  // list of objects flagged FLAG_REF
    int depth;
} Reader;

static int eof(Reader *r) {
    kerr_set(&kexc_EOFError, r->file ? "EOF read where not expected" : "marshal data too short");
    return -1;
}

static int bad(const char *what) {
    kerr_format(&kexc_ValueError, "bad marshal data (%s)", what);
    return -1;
}

// Points '*out' at the next 'n' bytes. -1 with EOFError when short.
static int take(Reader *r, size_t n, const unsigned char **out) {
    if (!r->file) {
        if ((size_t)(r->end - r->p) < n) {
            return eof(r);
        }
        *out = r->p;
        r->p += n;
        return 0;
    }
    KValue size = kint_from_i64((int64_t)n);
    KValue name = size ? kstr_from_cstr("read") : KV_NULL;
    KValue data = name ? kobj_call_method(r->file, name, &size, 1) : KV_NULL;
    kval_xdecref(name);
    kval_xdecref(size);
    if (!data) {
        return -1;
    }
    const char *d;
    ssize_t len;
    if (!kval_has_flag(data, KTF_BYTES_SUBCLASS)) {
        kerr_format(&kexc_TypeError, "file.read() returned not bytes but %T", data);
        kval_decref(data);
        return -1;
    }
    d = kbytes_data(data, &len);
    kval_setref(&r->chunk, data);
    if ((size_t)len < n) {
        return eof(r);
    }
    *out = (const unsigned char *)d;
    return 0;
}

static int take_u32(Reader *r, uint32_t *v) {
    const unsigned char *b;
    if (take(r, 4, &b) < 0) {
        return -1;
    }
    *v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 0;
}

static int take_size(Reader *r, ssize_t *n) {
    uint32_t v;
    if (take_u32(r, &v) < 0) {
        return -1;
    }
    if ((int32_t)v < 0) {
        return bad("size out of range");
    }
    *n = (ssize_t)(int32_t)v;
    return 0;
}

static int take_double(Reader *r, double *d) {
    uint32_t lo, hi;
    if (take_u32(r, &lo) < 0 || take_u32(r, &hi) < 0) {
        return -1;
    }
    uint64_t u = (uint64_t)hi << 32 | lo;
    memcpy(d, &u, 8);
    return 0;
}

static int take_float_text(Reader *r, double *d) {
    const unsigned char *b, *s;
    if (take(r, 1, &b) < 0) {
        return -1;
    }
    size_t n = b[0];
    if (take(r, n, &s) < 0) {
        return -1;
    }
    KValue text = kstr_from_utf8((const char *)s, (ssize_t)n);
    KValue f = text ? kfloat_from_string(text) : KV_NULL;
    kval_xdecref(text);
    if (!f) {
        return -1;
    }
    *d = kfloat_value(f);
    kval_decref(f);
    return 0;
}

static KValue get_object(Reader *r);

static KValue get_long(Reader *r) {
    uint32_t raw;
    if (take_u32(r, &raw) < 0) {
        return KV_NULL;
    }
    int64_t n = (int32_t)raw;
    int neg = n < 0;
    ssize_t nd = (ssize_t)(neg ? -n : n);
    if (nd > 1 << 26) {
        bad("long size out of range");
        return KV_NULL;
    }
    ssize_t nw = (nd * 15 + 31) / 32 + 1;
    uint32_t *words = kmem_alloc((size_t)nw * sizeof(uint32_t));
    if (!words) {
        return kerr_no_memory();
    }
    memset(words, 0, (size_t)nw * sizeof(uint32_t));
    for (ssize_t d = 0; d < nd; d++) {
        const unsigned char *b;
        if (take(r, 2, &b) < 0) {
            kmem_free(words);
            return KV_NULL;
        }
        unsigned digit = b[0] | (unsigned)b[1] << 8;
        if (digit >= 1u << 15 || (digit == 0 && d == nd - 1)) {
            kmem_free(words);
            bad(digit ? "digit out of range in long" : "unnormalized long data");
            return KV_NULL;
        }
        for (int bit = 0; bit < 15; bit++) {
            if (digit >> bit & 1) {
                ssize_t at = d * 15 + bit;
                words[at / 32] |= 1u << (at % 32);
            }
        }
    }
    KValue v = kint_from_words(words, nw);
    kmem_free(words);
    if (v && neg) {
        KValue m = kint_neg(v);
        kval_decref(v);
        v = m;
    }
    return v;
}

static KValue get_string(Reader *r, int code) {
    ssize_t n;
    if (code == 'z' || code == 'Z') {
        const unsigned char *b;
        if (take(r, 1, &b) < 0) {
            return KV_NULL;
        }
        n = b[0];
    } else if (take_size(r, &n) < 0) {
        return KV_NULL;
    }
    const unsigned char *s;
    if (take(r, (size_t)n, &s) < 0) {
        return KV_NULL;
    }
    if (code == 's') {
        return kbytes_from_data((const char *)s, n);
    }
    if (code != 'u' && code != 't' && !is_ascii((const char *)s, n)) {
        bad("non-ASCII text in an ASCII string");
        return KV_NULL;
    }
    KValue v = kstr_from_utf8((const char *)s, n);
    if (v && (code == 't' || code == 'Z' || code == 'A')) {
        kstr_intern(&v);
    }
    return v;
}

// A tuple, list, set or frozenset of 'n' objects read next.
static KValue get_items(Reader *r, int code, ssize_t n) {
    KValue list = klist_new(0);
    for (ssize_t i = 0; list && i < n; i++) {
        KValue item = get_object(r);
        if (!item || klist_append(list, item) < 0) {
            kval_xdecref(item);
            KVAL_CLEAR(list);
            break;
        }
        kval_decref(item);
    }
    if (!list || code == '[') {
        return list;
    }
    KValue v = code == '<' ? kset_new(list) : code == '>' ? kfrozenset_new(list)
                                                          : klist_as_tuple(list);
    kval_decref(list);
    return v;
}

static KValue get_after(Reader *r, int byte);
static int take_type(Reader *r, const unsigned char **b);

static KValue get_dict(Reader *r) {
    KValue d = kdict_new();
    while (d) {
        const unsigned char *b;
        if (take_type(r, &b) < 0) {
            KVAL_CLEAR(d);
            break;
        }
        if (b[0] == '0') {
            break;
        }
        KValue key = get_after(r, b[0]), value = key ? get_object(r) : KV_NULL;
        int ok = value && kdict_set(d, key, value) == 0;
        kval_xdecref(key);
        kval_xdecref(value);
        if (!ok) {
            KVAL_CLEAR(d);
        }
    }
    return d;
}

static KValue get_ref(Reader *r) {
    uint32_t i;
    if (take_u32(r, &i) < 0) {
        return KV_NULL;
    }
    if (i >= (uint32_t)klist_len(r->refs) || klist_items(r->refs)[i] == KV_NONE) {
        bad("invalid reference");
        return KV_NULL;
    }
    return kval_newref(klist_items(r->refs)[i]);
}

static KValue get_typed(Reader *r, int code) {
    double re, im;
    ssize_t n;
    switch (code) {
    case 'N':
        return kval_newref(KV_NONE);
    case 'T':
        return kval_newref(KV_TRUE);
    case 'F':
        return kval_newref(KV_FALSE);
    case '.':
        return kval_newref(KV_ELLIPSIS);
    case 'S':
        return kval_newref(kval_of(&kexc_StopIteration));
    case 'i': {
        uint32_t v;
        return take_u32(r, &v) < 0 ? KV_NULL : kint_from_i64((int32_t)v);
    }
    case 'l':
        return get_long(r);
    case 'g':
        return take_double(r, &re) < 0 ? KV_NULL : kfloat_new(re);
    case 'f':
        return take_float_text(r, &re) < 0 ? KV_NULL : kfloat_new(re);
    case 'y':
        return take_double(r, &re) < 0 || take_double(r, &im) < 0 ? KV_NULL
                                                                    : kcomplex_new(re, im);
    case 'x':
        return take_float_text(r, &re) < 0 || take_float_text(r, &im) < 0
                   ? KV_NULL
                   : kcomplex_new(re, im);
    case 's':
    case 'u':
    case 't':
    case 'a':
    case 'A':
    case 'z':
    case 'Z':
        return get_string(r, code);
    case ')': {
        const unsigned char *b;
        return take(r, 1, &b) < 0 ? KV_NULL : get_items(r, '(', b[0]);
    }
    case '(':
    case '[':
    case '<':
    case '>':
        return take_size(r, &n) < 0 ? KV_NULL : get_items(r, code, n);
    case '{':
        return get_dict(r);
    case 'r':
        return get_ref(r);
    case 'c':
        bad("krait cannot load code objects");
        return KV_NULL;
    default:
        bad("unknown type code");
        return KV_NULL;
    }
}

// The next type byte; EOFError "EOF read where object expected" at the end.
static int take_type(Reader *r, const unsigned char **b) {
    if (!r->file && r->p == r->end) {
        kerr_set(&kexc_EOFError, "EOF read where object expected");
        return -1;
    }
    if (take(r, 1, b) < 0) {
        if (r->file && kerr_matches(&kexc_EOFError)) {
            kerr_clear();
            kerr_set(&kexc_EOFError, "EOF read where object expected");
        }
        return -1;
    }
    return 0;
}

static KValue get_object(Reader *r) {
    const unsigned char *b;
    if (take_type(r, &b) < 0) {
        return KV_NULL;
    }
    return get_after(r, b[0]);
}

// The object whose type byte 'byte' was just read.
static KValue get_after(Reader *r, int byte) {
    int code = byte & ~FLAG_REF, flag = byte & FLAG_REF;
    if (++r->depth > MAX_DEPTH) {
        r->depth--;
        kerr_set(&kexc_ValueError, "recursion limit exceeded");
        return KV_NULL;
    }
    ssize_t slot = -1;
    if (flag) {
        // Reserved before the contents are read, so the indices follow
        // the order the writer numbered them in.
        slot = klist_len(r->refs);
        if (klist_append(r->refs, KV_NONE) < 0) {
            r->depth--;
            return KV_NULL;
        }
    }
    KValue v = get_typed(r, code);
    if (v && slot >= 0) {
        kval_setref(&klist_items(r->refs)[slot], kval_newref(v));
    }
    r->depth--;
    return v;
}

static KValue loads_from(Reader *r) {
    r->refs = klist_new(0);
    KValue v = r->refs ? get_object(r) : KV_NULL;
    kval_xdecref(r->refs);
    kval_xdecref(r->chunk);
    return v;
}

// loads(bytes, /)
METHOD(m_loads) {
    (void)self, (void)nargs, (void)kw;
    const char *data;
    ssize_t len;
    if (kbytes_need_buffer(args[0], &data, &len) < 0) {
        return KV_NULL;
    }
    Reader r = {.p = (const unsigned char *)data, .end = (const unsigned char *)data + len};
    return loads_from(&r);
}

// load(file, /): reads the object's bytes from 'file' with read(n).
METHOD(m_load) {
    (void)self, (void)nargs, (void)kw;
    Reader r = {.file = args[0]};
    return loads_from(&r);
}

static const KMethodDef marshal_functions[] = {
    {"dumps", m_dumps, KMETH_FAST, NULL},
    {"dump", m_dump, KMETH_FAST, NULL},
    {"loads", m_loads, KMETH_O, NULL},
    {"load", m_load, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_marshal_create(void) {
    KValue m = kmod_new("marshal");
    KValue v = m ? kint_from_i64(MARSHAL_VERSION) : KV_NULL;
    if (!v || kmod_add_functions(m, marshal_functions) < 0 || kmod_add(m, "version", v) < 0) {
        kval_xdecref(v);
        kval_xdecref(m);
        return KV_NULL;
    }
    kval_decref(v);
    return m;
}
