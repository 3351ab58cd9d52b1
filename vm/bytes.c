// vm/bytes.c: bytes (immutable, data inline) and bytearray (growable):
// construction, repr, hashing, comparison, indexing and slicing,
// concatenation, decode, and the most used methods.
#include "bytes.h"
#include "internal.h"

#include <string.h>
#include <xxhash.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static KValue bytes_alloc(KType *type, ssize_t len) {
    size_t base = type == &kbytes_type ? sizeof(KBytes) : (size_t)type->basicsize;
    size_t extra = type->dictoffset < 0 ? sizeof(KValue) + 8 : 0;
    KBytes *b = (KBytes *)kobj_alloc(type, base + (size_t)len + 1 + extra);
    if (!b) {
        return kerr_no_memory();
    }
    b->len = len;
    b->hash = -1;
    return kval_of(b);
}

KValue kbytes_from_data(const char *data, ssize_t len) {
    KValue b = bytes_alloc(&kbytes_type, len);
    if (b && len) {
        memcpy(((KBytes *)b)->data, data, (size_t)len);
    }
    return b;
}

const char *kbytes_data(KValue b, ssize_t *len) {
    if (kval_type(b) == &kbytearray_type || ktype_is_subtype(kval_type(b), &kbytearray_type)) {
        KByteArray *a = (KByteArray *)b;
        *len = a->len;
        return a->data ? a->data : "";
    }
    *len = ((KBytes *)b)->len;
    return ((KBytes *)b)->data;
}

KValue kbytes_repr_data(const char *data, ssize_t len, const char *prefix) {
    int has_single = memchr(data, '\'', (size_t)len) != NULL;
    int has_double = memchr(data, '"', (size_t)len) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_cstr(&b, prefix);
    kstr_builder_char(&b, (uint32_t)quote);
    for (ssize_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == (unsigned char)quote || c == '\\') {
            kstr_builder_char(&b, '\\');
            kstr_builder_char(&b, c);
        } else if (c == '\t') {
            kstr_builder_ascii(&b, "\\t", 2);
        } else if (c == '\n') {
            kstr_builder_ascii(&b, "\\n", 2);
        } else if (c == '\r') {
            kstr_builder_ascii(&b, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7f) {
            kstr_builder_printf(&b, "\\x%02x", c);
        } else {
            kstr_builder_char(&b, c);
        }
    }
    kstr_builder_char(&b, (uint32_t)quote);
    if (prefix[0] == 'b' && prefix[1] == 'y') {
        kstr_builder_char(&b, ')');
    }
    return kstr_builder_finish(&b);
}

static int bytes_like(KValue v) {
    return kbytes_check(v) || kval_type(v) == &kbytearray_type ||
           ktype_is_subtype(kval_type(v), &kbytearray_type);
}

// bytes(x): from an int count, an iterable of ints, a str with encoding.
static KValue bytes_from_object(KValue x, KValue encoding, KValue errors) {
    if (kstr_check(x)) {
        if (!encoding) {
            kerr_set(&kexc_TypeError, "string argument without an encoding");
            return KV_NULL;
        }
        (void)errors;
        ssize_t n;
        const char *u = kstr_utf8(x, &n);
        return u ? kbytes_from_data(u, n) : KV_NULL;
    }
    if (encoding) {
        kerr_set(&kexc_TypeError, "encoding without a string argument");
        return KV_NULL;
    }
    if (bytes_like(x)) {
        ssize_t n;
        const char *p = kbytes_data(x, &n);
        return kbytes_from_data(p, n);
    }
    if (kint_check(x) || kval_type(x)->nb.index) {
        ssize_t n = knum_as_ssize(x, &kexc_OverflowError);
        if (n == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (n < 0) {
            kerr_set(&kexc_ValueError, "negative count");
            return KV_NULL;
        }
        KValue b = bytes_alloc(&kbytes_type, n);
        if (b) {
            memset(((KBytes *)b)->data, 0, (size_t)n);
        }
        return b;
    }
    KValue it = kobj_get_iter(x);
    if (!it) {
        if (kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "cannot convert '%s' object to bytes",
                        ktype_name(kval_type(x)));
        }
        return KV_NULL;
    }
    char *buf = NULL;
    ssize_t len = 0, cap = 0;
    KValue item;
    while ((item = kobj_iter_next(it))) {
        ssize_t v = knum_as_ssize(item, NULL);
        kval_decref(item);
        if (v == -1 && kerr_occurred()) {
            goto error;
        }
        if (v < 0 || v > 255) {
            kerr_set(&kexc_ValueError, "bytes must be in range(0, 256)");
            goto error;
        }
        if (len == cap) {
            cap = cap ? cap * 2 : 16;
            char *nb = kmem_realloc(buf, (size_t)cap);
            if (!nb) {
                kerr_no_memory();
                goto error;
            }
            buf = nb;
        }
        buf[len++] = (char)v;
    }
    if (kerr_occurred()) {
        goto error;
    }
    kval_decref(it);
    KValue r = kbytes_from_data(buf ? buf : "", len);
    kmem_free(buf);
    return r;
error:
    kval_decref(it);
    kmem_free(buf);
    return KV_NULL;
}

static KValue bytes_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KValue a[3];
    if (kargs_parse("bytes", args, nargs, kwnames, kwlist, 0, 3, a) < 0) {
        return KV_NULL;
    }
    KValue r;
    if (!a[0]) {
        r = kbytes_from_data("", 0);
    } else {
        int found;
        KValue conv = KV_NULL;
        if (!a[1] && !kstr_check(a[0]) && !bytes_like(a[0])) {
            conv = kobj_call_special(a[0], kstr_intern_cstr("__bytes__"), NULL, 0, &found);
            if (!conv && kerr_occurred()) {
                return KV_NULL;
            }
        }
        r = conv ? conv : bytes_from_object(a[0], a[1], a[2]);
    }
    if (!r || type == &kbytes_type) {
        return r;
    }
    KValue sub = bytes_alloc(type, ((KBytes *)r)->len);
    if (sub) {
        KBytes *s = (KBytes *)sub;
        memcpy(s->data, ((KBytes *)r)->data, (size_t)s->len);
    }
    kval_decref(r);
    return sub;
}

static KValue bytes_repr(KValue v) {
    ssize_t n;
    const char *p = kbytes_data(v, &n);
    return kbytes_repr_data(p, n, "b");
}

static int64_t bytes_hash(KValue v) {
    KBytes *b = (KBytes *)v;
    if (b->hash != -1) {
        return b->hash;
    }
    int64_t h = (int64_t)XXH3_64bits_withSeed(b->data, (size_t)b->len, 0x6b72616974ull);
    if (h == -1) {
        h = -2;
    }
    b->hash = h;
    return h;
}

static KValue bytes_richcompare(KValue a, KValue b, int op) {
    if (!bytes_like(a) || !bytes_like(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t na, nb;
    const char *pa = kbytes_data(a, &na), *pb = kbytes_data(b, &nb);
    ssize_t n = na < nb ? na : nb;
    int c = memcmp(pa, pb, (size_t)n);
    if (c == 0) {
        c = na < nb ? -1 : na > nb;
    }
    int r = op == KF_CMP_LT   ? c < 0
            : op == KF_CMP_LE ? c <= 0
            : op == KF_CMP_EQ ? c == 0
            : op == KF_CMP_NE ? c != 0
            : op == KF_CMP_GT ? c > 0
                              : c >= 0;
    return kbool_from(r);
}

static ssize_t bytes_len(KValue v) {
    ssize_t n;
    kbytes_data(v, &n);
    return n;
}

static KValue bytes_getitem(KValue v, KValue key) {
    ssize_t n;
    const char *p = kbytes_data(v, &n);
    if (kslice_check(key)) {
        ssize_t start, stop, step;
        ssize_t len = kslice_indices(key, n, &start, &stop, &step);
        if (len < 0) {
            return KV_NULL;
        }
        char *buf = kmem_alloc((size_t)len + 1);
        if (!buf) {
            return kerr_no_memory();
        }
        for (ssize_t i = 0, j = start; i < len; i++, j += step) {
            buf[i] = p[j];
        }
        KValue r = kval_type(v) == &kbytearray_type ? kbytearray_from_data(buf, len)
                                                    : kbytes_from_data(buf, len);
        kmem_free(buf);
        return r;
    }
    ssize_t i = kseq_index(key, n, kval_type(v) == &kbytearray_type ? "bytearray" : "");
    if (i < 0) {
        return KV_NULL;
    }
    return kval_from_int((unsigned char)p[i]);
}

static int bytes_contains(KValue v, KValue item) {
    ssize_t n;
    const char *p = kbytes_data(v, &n);
    if (kint_check(item)) {
        ssize_t c = knum_as_ssize(item, NULL);
        if (c < 0 || c > 255) {
            kerr_set(&kexc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return memchr(p, (int)c, (size_t)n) != NULL;
    }
    if (!bytes_like(item)) {
        kerr_format(&kexc_TypeError, "a bytes-like object is required, not '%s'",
                    ktype_name(kval_type(item)));
        return -1;
    }
    ssize_t m;
    const char *q = kbytes_data(item, &m);
    return memmem(p, (size_t)n, q, (size_t)m) != NULL;
}

static KValue bytes_add(KValue a, KValue b) {
    if (!bytes_like(a) || !bytes_like(b)) {
        if (bytes_like(a)) {
            kerr_format(&kexc_TypeError, "can't concat %s to %s", ktype_name(kval_type(b)),
                        ktype_name(kval_type(a)));
            return KV_NULL;
        }
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t na, nb;
    const char *pa = kbytes_data(a, &na), *pb = kbytes_data(b, &nb);
    int is_array = kval_type(a) == &kbytearray_type;
    KValue r = is_array ? kbytearray_from_data(NULL, na + nb) : bytes_alloc(&kbytes_type, na + nb);
    if (!r) {
        return KV_NULL;
    }
    char *d = is_array ? ((KByteArray *)r)->data : ((KBytes *)r)->data;
    memcpy(d, pa, (size_t)na);
    memcpy(d + na, pb, (size_t)nb);
    return r;
}

static KValue bytes_mul(KValue a, KValue b) {
    KValue s = bytes_like(a) ? a : b, n = bytes_like(a) ? b : a;
    if (!kint_check(n) && !kval_type(n)->nb.index) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t count = knum_as_ssize(n, &kexc_OverflowError);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (count < 0) {
        count = 0;
    }
    ssize_t len;
    const char *p = kbytes_data(s, &len);
    if (len && count > PTRDIFF_MAX / 2 / len) {
        return kerr_no_memory();
    }
    int is_array = kval_type(s) == &kbytearray_type;
    KValue r = is_array ? kbytearray_from_data(NULL, len * count) : bytes_alloc(&kbytes_type, len * count);
    if (!r) {
        return KV_NULL;
    }
    char *d = is_array ? ((KByteArray *)r)->data : ((KBytes *)r)->data;
    for (ssize_t i = 0; i < count; i++) {
        memcpy(d + i * len, p, (size_t)len);
    }
    return r;
}

KValue kbytes_percent_format(KValue fmt, KValue args);

typedef struct BytesIter {
    KOBJ_HEAD;
    KValue seq;
    ssize_t index;
} BytesIter;

static KType bytes_iter_type, bytearray_iter_type;

static KValue bytes_iter(KValue v) {
    KType *type = ktype_is_subtype(kval_type(v), &kbytearray_type) ? &bytearray_iter_type
                                                                   : &bytes_iter_type;
    BytesIter *it = (BytesIter *)kobj_alloc(type, sizeof(BytesIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->seq = kval_newref(v);
    return kval_of(it);
}

static KValue bytes_iter_next(KValue v) {
    BytesIter *it = (BytesIter *)v;
    if (!it->seq) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(it->seq, &n);
    if (it->index < n) {
        return kval_from_int((unsigned char)p[it->index++]);
    }
    KVAL_CLEAR(it->seq);
    return KV_NULL;
}

static void bytes_iter_dealloc(KObject *o) {
    kval_xdecref(((BytesIter *)o)->seq);
    kobj_free(o);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KType bytes_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIter),
    .dealloc = bytes_iter_dealloc,
    .iter = self_iter,
    .iternext = bytes_iter_next,
};

// The same iterator under the name CPython gives it for bytearray.
static KType bytearray_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytearray_iterator",
    .basicsize = sizeof(BytesIter),
    .dealloc = bytes_iter_dealloc,
    .iter = self_iter,
    .iternext = bytes_iter_next,
};

// ---------------------------------------------------------------------------
// Methods shared by bytes and bytearray.

static KValue bytes_decode(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    KValue a[2];
    if (kargs_parse("decode", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    if (a[0] && kstr_check(a[0]) && (kstr_eq_cstr(a[0], "latin-1") || kstr_eq_cstr(a[0], "latin1") ||
                                     kstr_eq_cstr(a[0], "iso-8859-1"))) {
        KValue s = kstr_new(n, 0xff);
        if (s) {
            for (ssize_t i = 0; i < n; i++) {
                kstr_put(((KStr *)s)->data, ((KStr *)s)->kind, i, (unsigned char)p[i]);
            }
        }
        return s;
    }
    if (a[0] && kstr_check(a[0]) && kstr_eq_cstr(a[0], "ascii")) {
        for (ssize_t i = 0; i < n; i++) {
            if ((unsigned char)p[i] >= 0x80) {
                kerr_unicode_decode("ascii", p, n, i, i + 1, "ordinal not in range(128)");
                return KV_NULL;
            }
        }
    }
    return kstr_from_utf8(p, n);
}

static KValue bytes_hex(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    KValue s = kstr_new(n * 2, 0x7f);
    if (!s) {
        return KV_NULL;
    }
    char *d = ((KStr *)s)->data;
    for (ssize_t i = 0; i < n; i++) {
        d[2 * i] = "0123456789abcdef"[(unsigned char)p[i] >> 4];
        d[2 * i + 1] = "0123456789abcdef"[(unsigned char)p[i] & 15];
    }
    return s;
}

static KValue bytes_join(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue seq = kseq_fast(args[0], "can only join an iterable");
    if (!seq) {
        return KV_NULL;
    }
    ssize_t cnt = klist_check(seq) ? klist_len(seq) : ktuple_len(seq);
    KValue *items = klist_check(seq) ? klist_items(seq) : ktuple_items(seq);
    ssize_t seplen;
    const char *sep = kbytes_data(self, &seplen);
    ssize_t total = 0;
    for (ssize_t i = 0; i < cnt; i++) {
        if (!bytes_like(items[i])) {
            kerr_format(&kexc_TypeError, "sequence item %zd: expected a bytes-like object, %s found",
                        i, ktype_name(kval_type(items[i])));
            kval_decref(seq);
            return KV_NULL;
        }
        ssize_t n;
        kbytes_data(items[i], &n);
        total += n + (i ? seplen : 0);
    }
    KValue r = kval_type(self) == &kbytearray_type ? kbytearray_from_data(NULL, total)
                                                   : bytes_alloc(&kbytes_type, total);
    if (r) {
        char *d = kval_type(self) == &kbytearray_type ? ((KByteArray *)r)->data : ((KBytes *)r)->data;
        ssize_t o = 0;
        for (ssize_t i = 0; i < cnt; i++) {
            if (i) {
                memcpy(d + o, sep, (size_t)seplen);
                o += seplen;
            }
            ssize_t n;
            const char *p = kbytes_data(items[i], &n);
            memcpy(d + o, p, (size_t)n);
            o += n;
        }
    }
    kval_decref(seq);
    return r;
}

static KValue bytes_startswith(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    ssize_t n, m;
    const char *p = kbytes_data(self, &n);
    if (!bytes_like(args[0])) {
        kerr_set(&kexc_TypeError, "startswith first arg must be bytes or a tuple of bytes");
        return KV_NULL;
    }
    const char *q = kbytes_data(args[0], &m);
    return kbool_from(m <= n && memcmp(p, q, (size_t)m) == 0);
}

static KValue bytes_endswith(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    ssize_t n, m;
    const char *p = kbytes_data(self, &n);
    if (!bytes_like(args[0])) {
        kerr_set(&kexc_TypeError, "endswith first arg must be bytes or a tuple of bytes");
        return KV_NULL;
    }
    const char *q = kbytes_data(args[0], &m);
    return kbool_from(m <= n && memcmp(p + n - m, q, (size_t)m) == 0);
}

static KValue bytes_find(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    ssize_t n, m;
    const char *p = kbytes_data(self, &n);
    char one;
    const char *q;
    if (kint_check(args[0])) {
        one = (char)knum_as_ssize(args[0], NULL);
        q = &one;
        m = 1;
    } else if (bytes_like(args[0])) {
        q = kbytes_data(args[0], &m);
    } else {
        kerr_format(&kexc_TypeError, "argument should be integer or bytes-like object, not '%s'",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    const char *r = memmem(p, (size_t)n, q, (size_t)m);
    return kval_from_int(r ? r - p : -1);
}

static KValue bytes_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    ssize_t n, m;
    const char *p = kbytes_data(self, &n);
    if (!bytes_like(args[0])) {
        kerr_set(&kexc_TypeError, "argument should be bytes-like");
        return KV_NULL;
    }
    const char *q = kbytes_data(args[0], &m);
    if (m == 0) {
        return kval_from_int(n + 1);
    }
    ssize_t c = 0;
    for (const char *s = p; (s = memmem(s, (size_t)(n - (s - p)), q, (size_t)m)); s += m) {
        c++;
    }
    return kval_from_int(c);
}

static KValue bytes_upper_lower(KValue self, int upper) {
    ssize_t n;
    const char *p = kbytes_data(self, &n);
    KValue r = kval_type(self) == &kbytearray_type ? kbytearray_from_data(p, n) : kbytes_from_data(p, n);
    if (r) {
        char *d = kval_type(self) == &kbytearray_type ? ((KByteArray *)r)->data : ((KBytes *)r)->data;
        for (ssize_t i = 0; i < n; i++) {
            if (upper && d[i] >= 'a' && d[i] <= 'z') {
                d[i] = (char)(d[i] - 32);
            } else if (!upper && d[i] >= 'A' && d[i] <= 'Z') {
                d[i] = (char)(d[i] + 32);
            }
        }
    }
    return r;
}

static KValue bytes_upper(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return bytes_upper_lower(self, 1);
}

static KValue bytes_lower(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return bytes_upper_lower(self, 0);
}

static KValue bytes_fromhex(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "fromhex() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    KStr *s = (KStr *)args[0];
    char *buf = kmem_alloc((size_t)s->len / 2 + 1);
    if (!buf) {
        return kerr_no_memory();
    }
    ssize_t n = 0;
    for (ssize_t i = 0; i < s->len;) {
        uint32_t c = kstr_char(s, i);
        if (c == ' ') {
            i++;
            continue;
        }
        int hi = c >= '0' && c <= '9' ? (int)(c - '0') : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10) : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
        uint32_t c2 = i + 1 < s->len ? kstr_char(s, i + 1) : 0;
        int lo = c2 >= '0' && c2 <= '9' ? (int)(c2 - '0') : c2 >= 'a' && c2 <= 'f' ? (int)(c2 - 'a' + 10) : c2 >= 'A' && c2 <= 'F' ? (int)(c2 - 'A' + 10) : -1;
        if (hi < 0 || lo < 0) {
            kmem_free(buf);
            kerr_format(&kexc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd",
                        hi < 0 ? i : i + 1);
            return KV_NULL;
        }
        buf[n++] = (char)(hi * 16 + lo);
        i += 2;
    }
    KValue r = cls == kval_of(&kbytearray_type) ? kbytearray_from_data(buf, n) : kbytes_from_data(buf, n);
    kmem_free(buf);
    return r;
}

static const KMethodDef bytes_methods[] = {
    {"decode", bytes_decode, KMETH_KW, NULL},
    {"hex", bytes_hex, KMETH_FAST, NULL},
    {"join", bytes_join, KMETH_O, NULL},
    {"startswith", bytes_startswith, KMETH_FAST, NULL},
    {"endswith", bytes_endswith, KMETH_FAST, NULL},
    {"find", bytes_find, KMETH_FAST, NULL},
    {"count", bytes_count, KMETH_FAST, NULL},
    {"upper", bytes_upper, KMETH_NOARGS, NULL},
    {"lower", bytes_lower, KMETH_NOARGS, NULL},
    {"fromhex", bytes_fromhex, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static void bytes_dealloc(KObject *o) {
    kobj_free(o);
}

static KValue bytes_mod(KValue a, KValue b) {
    if (!kbytes_check(a)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kbytes_percent_format(a, b);
}

KType kbytes_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytes",
    .basicsize = sizeof(KBytes),
    .itemsize = 1,
    .flags = KTF_BASETYPE | KTF_BYTES_SUBCLASS,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .new_ = bytes_new,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .nb = {.binop = {[KNB_ADD] = bytes_add, [KNB_MULTIPLY] = bytes_mul, [KNB_REMAINDER] = bytes_mod}},
    .methods = bytes_methods,
};

// ---------------------------------------------------------------------------
// bytearray.

KValue kbytearray_from_data(const char *data, ssize_t len) {
    KByteArray *a = (KByteArray *)kobj_alloc(&kbytearray_type, sizeof(KByteArray));
    if (!a) {
        return kerr_no_memory();
    }
    a->data = kmem_zalloc((size_t)len + 1);
    if (!a->data) {
        kval_decref(kval_of(a));
        return kerr_no_memory();
    }
    if (data) {
        memcpy(a->data, data, (size_t)len);
    }
    a->len = len;
    a->cap = len + 1;
    return kval_of(a);
}

static int bytearray_resize(KByteArray *a, ssize_t len) {
    if (len + 1 > a->cap) {
        ssize_t cap = len + (len >> 3) + 16;
        char *d = kmem_realloc(a->data, (size_t)cap);
        if (!d) {
            kerr_no_memory();
            return -1;
        }
        a->data = d;
        a->cap = cap;
    }
    a->len = len;
    a->data[len] = 0;
    return 0;
}

static void bytearray_dealloc(KObject *o) {
    kmem_free(((KByteArray *)o)->data);
    kobj_free(o);
}

static KValue bytearray_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KByteArray *a = (KByteArray *)kobj_alloc(type, (size_t)type->basicsize);
    if (!a) {
        return kerr_no_memory();
    }
    return kval_of(a);
}

static int bytearray_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    KValue a[3];
    if (kargs_parse("bytearray", args, nargs, kwnames, kwlist, 0, 3, a) < 0) {
        return -1;
    }
    KByteArray *ba = (KByteArray *)self;
    if (!a[0]) {
        return bytearray_resize(ba, 0);
    }
    KValue b = bytes_from_object(a[0], a[1], a[2]);
    if (!b) {
        return -1;
    }
    int r = bytearray_resize(ba, ((KBytes *)b)->len);
    if (r == 0) {
        memcpy(ba->data, ((KBytes *)b)->data, (size_t)ba->len);
    }
    kval_decref(b);
    return r;
}

static KValue bytearray_repr(KValue v) {
    ssize_t n;
    const char *p = kbytes_data(v, &n);
    return kbytes_repr_data(p, n, "bytearray(b");
}

// ba[slice] = value / del ba[slice].
static int bytearray_setslice(KByteArray *a, KValue key, KValue value) {
    ssize_t start, stop, step;
    ssize_t n = kslice_indices(key, a->len, &start, &stop, &step);
    if (n < 0) {
        return -1;
    }
    KValue src = KV_NULL;
    ssize_t m = 0;
    const char *p = NULL;
    if (value) {
        if (kint_check(value)) {
            kerr_set(&kexc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        src = bytes_from_object(value, KV_NULL, KV_NULL);
        if (!src) {
            return -1;
        }
        p = ((KBytes *)src)->data;
        m = ((KBytes *)src)->len;
    }
    int rc = 0;
    if (step == 1 || (!value && n == 0)) {
        if (step != 1) {
            stop = start;
        }
        if (stop < start) {
            stop = start;
        }
        ssize_t old = a->len, removed = stop - start;
        if (m > removed) {
            if (bytearray_resize(a, old + m - removed) < 0) {
                kval_xdecref(src);
                return -1;
            }
            memmove(a->data + start + m, a->data + stop, (size_t)(old - stop));
        } else {
            memmove(a->data + start + m, a->data + stop, (size_t)(old - stop));
            rc = bytearray_resize(a, old + m - removed);
        }
        if (m) {
            memcpy(a->data + start, p, (size_t)m);
        }
    } else if (!value) {
        if (step < 0) {
            start = start + step * (n - 1);
            step = -step;
        }
        ssize_t w = start, k = 0;
        for (ssize_t r = start; r < a->len; r++) {
            if (k < n && r == start + k * step) {
                k++;
            } else {
                a->data[w++] = a->data[r];
            }
        }
        rc = bytearray_resize(a, w);
    } else if (m != n) {
        kerr_format(&kexc_ValueError,
                    "attempt to assign bytes of size %zd to extended slice of size %zd", m, n);
        rc = -1;
    } else {
        for (ssize_t i = 0, j = start; i < n; i++, j += step) {
            a->data[j] = p[i];
        }
    }
    kval_xdecref(src);
    return rc;
}

static int bytearray_setitem(KValue v, KValue key, KValue value) {
    KByteArray *a = (KByteArray *)v;
    if (kslice_check(key)) {
        return bytearray_setslice(a, key, value);
    }
    ssize_t i = kseq_index(key, a->len, "bytearray");
    if (i < 0) {
        return -1;
    }
    if (!value) {
        memmove(a->data + i, a->data + i + 1, (size_t)(a->len - i - 1));
        return bytearray_resize(a, a->len - 1);
    }
    ssize_t c = knum_as_ssize(value, NULL);
    if (c == -1 && kerr_occurred()) {
        return -1;
    }
    if (c < 0 || c > 255) {
        kerr_set(&kexc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    a->data[i] = (char)c;
    return 0;
}

static KValue bytearray_append(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KByteArray *a = (KByteArray *)self;
    ssize_t c = knum_as_ssize(args[0], NULL);
    if (c == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (c < 0 || c > 255) {
        kerr_set(&kexc_ValueError, "byte must be in range(0, 256)");
        return KV_NULL;
    }
    if (bytearray_resize(a, a->len + 1) < 0) {
        return KV_NULL;
    }
    a->data[a->len - 1] = (char)c;
    return KV_NONE;
}

static KValue bytearray_extend(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue b = bytes_from_object(args[0], KV_NULL, KV_NULL);
    if (!b) {
        return KV_NULL;
    }
    KByteArray *a = (KByteArray *)self;
    ssize_t old = a->len;
    if (bytearray_resize(a, old + ((KBytes *)b)->len) < 0) {
        kval_decref(b);
        return KV_NULL;
    }
    memcpy(a->data + old, ((KBytes *)b)->data, (size_t)((KBytes *)b)->len);
    kval_decref(b);
    return KV_NONE;
}

static KValue bytearray_iadd(KValue a, KValue b) {
    KValue r = bytearray_extend(a, &b, 1, KV_NULL);
    if (!r) {
        return KV_NULL;
    }
    return kval_newref(a);
}

static const KMethodDef bytearray_methods[] = {
    {"append", bytearray_append, KMETH_O, NULL},
    {"extend", bytearray_extend, KMETH_O, NULL},
    {"decode", bytes_decode, KMETH_KW, NULL},
    {"hex", bytes_hex, KMETH_FAST, NULL},
    {"join", bytes_join, KMETH_O, NULL},
    {"startswith", bytes_startswith, KMETH_FAST, NULL},
    {"endswith", bytes_endswith, KMETH_FAST, NULL},
    {"find", bytes_find, KMETH_FAST, NULL},
    {"count", bytes_count, KMETH_FAST, NULL},
    {"upper", bytes_upper, KMETH_NOARGS, NULL},
    {"lower", bytes_lower, KMETH_NOARGS, NULL},
    {"fromhex", bytes_fromhex, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kbytearray_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "bytearray",
    .basicsize = sizeof(KByteArray),
    .flags = KTF_BASETYPE,
    .dealloc = bytearray_dealloc,
    .repr = bytearray_repr,
    .hash = kobj_hash_not_implemented,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .new_ = bytearray_new,
    .init = bytearray_init,
    .len = bytes_len,
    .getitem = bytes_getitem,
    .setitem = bytearray_setitem,
    .contains = bytes_contains,
    .nb = {.binop = {[KNB_ADD] = bytes_add, [KNB_MULTIPLY] = bytes_mul},
           .inplace = {[KNB_ADD] = bytearray_iadd}},
    .methods = bytearray_methods,
};

int kbytes_init(void) {
    return ktype_ready(&bytes_iter_type) < 0 ? -1 : ktype_ready(&bytearray_iter_type);
}
