// vm/str.c: the str type's representation: construction (from UTF-8, code
// points, printf-style formats), the UTF-8 cache, interning, hashing,
// comparison, repr, and the type's slots. The methods (split, join, ...)
// are in str_methods.c, formatting (%, format()) in format.c.
#include "str.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "search.h"
#include "tuple.h"
#include "type.h"
#include "unicode.h"

KStrIds kstr_ids;

static KValue empty_str;
// The one-character strings of Latin-1, made on first use (ASCII ones
// interned); most programs need only a few of them.
static KValue latin1[256];
static uint64_t hash_seed;

// ---------------------------------------------------------------------------
// Construction.

static int kind_for(uint32_t maxchar) {
    return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

static KValue str_alloc(KType *type, ssize_t len, uint32_t maxchar) {
    int kind = kind_for(maxchar);
    if (len > (ssize_t)((SIZE_MAX / 2 - 256) / 4)) {
        return kerr_no_memory();
    }
    size_t base = type == &kstr_type ? sizeof(KStr) : (size_t)type->basicsize;
    size_t size = base + (size_t)(len + 1) * (size_t)kind;
    KStr *s;
    if (type == &kstr_type) {
        // The exact type is static and not collected: the header is set here
        // field by field, with no memset and no type checks (most strings).
        s = kmem_alloc(size);
        if (!s) {
            return kerr_no_memory();
        }
        s->refcnt = 1;
        s->type = &kstr_type;
        s->interned = 0;
        s->utf8 = NULL;
        s->utf8_len = 0;
    } else {
        // The code units are the caller's to write: only the header is zeroed.
        s = (KStr *)kobj_alloc_partial(type, size, base);
        if (!s) {
            return kerr_no_memory();
        }
    }
    s->len = len;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = maxchar < 0x80;
    s->data = (char *)s + base;
    kstr_put(s->data, kind, len, 0);
    return kval_of(s);
}

KValue kstr_new(ssize_t len, uint32_t maxchar) {
    return str_alloc(&kstr_type, len, maxchar);
}

// The cached one-character string of Latin-1 code point 'c', new reference;
// KV_NULL on MemoryError.
static KValue latin1_char(uint32_t c) {
    KValue s = latin1[c];
    if (!s) {
        s = kstr_new(1, c);
        if (!s) {
            return KV_NULL;
        }
        ((uint8_t *)((KStr *)s)->data)[0] = (uint8_t)c;
        if (c < 0x80) {
            kstr_intern(&s);
        }
        latin1[c] = s;
    }
    return kval_newref(s);
}

// The largest code point of 'len' units at 'data' of width 'kind'.
static uint32_t max_char(const void *data, int kind, ssize_t len) {
    uint32_t m = 0;
    if (kind == 1) {
        // Eight bytes at a time: only whether any byte has its high bit matters.
        const uint8_t *p = data;
        uint64_t acc = 0;
        ssize_t i = 0;
        for (; i + 8 <= len; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            acc |= w;
        }
        for (; i < len; i++) {
            acc |= p[i];
        }
        acc |= acc >> 32;
        acc |= acc >> 16;
        acc |= acc >> 8;
        m = (uint32_t)(acc & 0xff);
        return m >= 0x80 ? 0xff : m;
    }
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = kind == 2 ? ((const uint16_t *)data)[i] : ((const uint32_t *)data)[i];
        if (c > m) {
            m = c;
        }
    }
    return m;
}

// A str holding 'len' code units of width 'kind', narrowed to the smallest width.
static KValue from_kind_data(int kind, const void *data, ssize_t len) {
    if (len == 0) {
        return kval_newref(empty_str);
    }
    uint32_t m = max_char(data, kind, len);
    if (len == 1) {
        uint32_t c = kind == 1   ? ((const uint8_t *)data)[0]
                     : kind == 2 ? ((const uint16_t *)data)[0]
                                 : ((const uint32_t *)data)[0];
        if (c < 256) {
            return latin1_char(c);
        }
    }
    KValue r = kstr_new(len, m);
    if (!r) {
        return KV_NULL;
    }
    KStr *s = (KStr *)r;
    if (s->kind == kind) {
        memcpy(s->data, data, (size_t)len * (size_t)kind);
    } else {
        for (ssize_t i = 0; i < len; i++) {
            uint32_t c = kind == 1   ? ((const uint8_t *)data)[i]
                         : kind == 2 ? ((const uint16_t *)data)[i]
                                     : ((const uint32_t *)data)[i];
            kstr_put(s->data, s->kind, i, c);
        }
    }
    return r;
}

KValue kstr_from_ucs4(const uint32_t *cps, ssize_t len) {
    return from_kind_data(4, cps, len);
}

KValue kstr_from_char(uint32_t c) {
    if (c < 256) {
        return latin1_char(c);
    }
    return from_kind_data(4, &c, 1);
}

// Decodes one UTF-8 sequence; returns its length or -1 (surrogates accepted).
static int utf8_decode(const unsigned char *s, ssize_t len, uint32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if (len < n) {
        return -1;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return -1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF) {
        return -1;
    }
    *cp = v;
    return n;
}

static void utf8_error(const char *s, ssize_t len, ssize_t pos) {
    kerr_unicode_decode("utf-8", s, len, pos, pos + 1, "invalid start byte");
}

KValue kstr_from_utf8(const char *s, ssize_t len) {
    const unsigned char *u = (const unsigned char *)s;
    ssize_t i = 0;
    while (i < len && u[i] < 0x80) {
        i++;
    }
    if (i == len) {
        if (len == 0) {
            return kval_newref(empty_str);
        }
        if (len == 1) {
            return latin1_char(u[0]);
        }
        KValue r = kstr_new(len, 0x7f);
        if (r) {
            memcpy(((KStr *)r)->data, s, (size_t)len);
        }
        return r;
    }
    // Count code points and find the largest.
    ssize_t n = i;
    uint32_t m = 0x7f;
    for (ssize_t j = i; j < len;) {
        uint32_t cp;
        int k = utf8_decode(u + j, len - j, &cp);
        if (k < 0) {
            utf8_error(s, len, j);
            return KV_NULL;
        }
        if (cp > m) {
            m = cp;
        }
        j += k;
        n++;
    }
    if (n == 1 && m < 256) {
        return latin1_char(m);
    }
    KValue r = kstr_new(n, m);
    if (!r) {
        return KV_NULL;
    }
    KStr *str = (KStr *)r;
    ssize_t o = 0;
    for (ssize_t j = 0; j < len;) {
        uint32_t cp;
        j += utf8_decode(u + j, len - j, &cp);
        kstr_put(str->data, str->kind, o++, cp);
    }
    return r;
}

KValue kstr_from_cstr(const char *s) {
    return kstr_from_utf8(s, (ssize_t)strlen(s));
}

// ---------------------------------------------------------------------------
// UTF-8 out.

static size_t put_utf8(char *out, uint32_t c) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

const char *kstr_utf8(KValue v, ssize_t *len) {
    KStr *s = (KStr *)v;
    if (s->ascii) {
        if (len) {
            *len = s->len;
        }
        return s->data;
    }
    if (!s->utf8) {
        size_t n = 0;
        for (ssize_t i = 0; i < s->len; i++) {
            uint32_t c = kstr_char(s, i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        char *buf = kmem_alloc(n + 1);
        if (!buf) {
            kerr_no_memory();
            return NULL;
        }
        size_t o = 0;
        for (ssize_t i = 0; i < s->len; i++) {
            o += put_utf8(buf + o, kstr_char(s, i));
        }
        buf[o] = 0;
        s->utf8 = buf;
        s->utf8_len = (ssize_t)o;
    }
    if (len) {
        *len = s->utf8_len;
    }
    return s->utf8;
}

// ---------------------------------------------------------------------------
// Hashing, equality, interning.

// The hash of a str whose code units are the 'size' bytes at 'data'.
static int64_t hash_units(const void *data, size_t size) {
    int64_t h = (int64_t)XXH3_64bits_withSeed(data, size, hash_seed);
    return h == -1 ? -2 : h;
}

int64_t kstr_hash(KValue v) {
    KStr *s = (KStr *)v;
    if (s->hash != -1) {
        return s->hash;
    }
    int64_t h = hash_units(s->data, (size_t)s->len * s->kind);
    s->hash = h;
    return h;
}

int kstr_eq(KValue a, KValue b) {
    if (a == b) {
        return 1;
    }
    KStr *x = (KStr *)a, *y = (KStr *)b;
    if (x->len != y->len || x->kind != y->kind) {
        return 0;
    }
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) {
        return 0;
    }
    return memcmp(x->data, y->data, (size_t)x->len * x->kind) == 0;
}

int kstr_eq_cstr(KValue a, const char *c) {
    KStr *s = (KStr *)a;
    if (!s->ascii) {
        ssize_t n;
        const char *u = kstr_utf8(a, &n);
        if (!u) {
            kerr_clear();
            return 0;
        }
        return (size_t)n == strlen(c) && memcmp(u, c, (size_t)n) == 0;
    }
    return (size_t)s->len == strlen(c) && memcmp(s->data, c, (size_t)s->len) == 0;
}

int kstr_compare(KValue a, KValue b) {
    KStr *x = (KStr *)a, *y = (KStr *)b;
    ssize_t n = x->len < y->len ? x->len : y->len;
    if (x->kind == 1 && y->kind == 1) {
        int c = memcmp(x->data, y->data, (size_t)n);
        if (c) {
            return c;
        }
    } else {
        for (ssize_t i = 0; i < n; i++) {
            uint32_t p = kstr_char(x, i), q = kstr_char(y, i);
            if (p != q) {
                return p < q ? -1 : 1;
            }
        }
    }
    return x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
}

// The interned strings: an open-addressing set owning one reference each.
// It starts in a zeroed static table large enough for what start-up interns
// (about 430 names), so start-up neither zeroes nor rehashes a table.
// Beside each slot, the low 32 bits of its str's hash: a probe compares
// those before it reads the str, and a rehash needs no str at all (reading
// the str of every slot probed missed the cache; an import interning 4,000
// new names spent more time there than anywhere else).
#define INTERN_INITIAL_CAP 1024
static KValue intern_initial[INTERN_INITIAL_CAP];
static uint32_t intern_initial_hashes[INTERN_INITIAL_CAP];
static KValue *interned = intern_initial;
static uint32_t *interned_hashes = intern_initial_hashes;
static size_t interned_cap = INTERN_INITIAL_CAP, interned_count;
// The table is kept at most two thirds full (linear probing stays short):
// half full, tools/bench/import-large's 4,500 names and constants took a
// table of 16,384 slots (128 KB, 33 page faults) instead of 8,192.
#define INTERN_TOO_FULL(count, cap) ((count) * 3 > (cap) * 2)

// Rehashes the set into a table of 'cap' slots (a power of two holding
// every entry, at most two thirds full); -1 when out of memory.
static int intern_resize(size_t cap) {
    // One block: the slots, then their hashes.
    KValue *t = calloc(cap, sizeof *t + sizeof(uint32_t));
    if (!t) {
        return -1;
    }
    uint32_t *th = (uint32_t *)(t + cap);
    for (size_t i = 0; i < interned_cap; i++) {
        if (interned[i]) {
            size_t j = (size_t)interned_hashes[i] & (cap - 1);
            while (t[j]) {
                j = (j + 1) & (cap - 1);
            }
            t[j] = interned[i];
            th[j] = interned_hashes[i];
        }
    }
    if (interned != intern_initial) {
        free(interned);
    }
    interned = t;
    interned_hashes = th;
    interned_cap = cap;
    return 0;
}

static int intern_grow(void) {
    // A table of 2^32 slots or more would need more hash bits beside them.
    return interned_cap >= ((size_t)1 << 31) ? -1 : intern_resize(interned_cap * 2);
}

void kstr_intern_reserve(size_t n) {
    size_t cap = interned_cap;
    while (INTERN_TOO_FULL(interned_count + n, cap) && cap < ((size_t)1 << 31)) {
        cap *= 2;
    }
    if (cap != interned_cap) {
        (void)intern_resize(cap); // when out of memory, grown one step at a time later
    }
}

// Puts the new interned str 's' of hash 'h' in the free slot 'j'.
static void intern_put(size_t j, KValue s, int64_t h) {
    interned[j] = kval_newref(s);
    interned_hashes[j] = (uint32_t)h;
    interned_count++;
    ((KStr *)s)->interned = 1;
}

void kstr_intern(KValue *p) {
    KValue s = *p;
    if (!kstr_check_exact(s) || ((KStr *)s)->interned) {
        return;
    }
    if (INTERN_TOO_FULL(interned_count + 1, interned_cap) && intern_grow() < 0) {
        return; // stays uninterned: still correct, only slower
    }
    int64_t h = kstr_hash(s);
    size_t j = (size_t)h & (interned_cap - 1);
    while (interned[j]) {
        if (interned_hashes[j] == (uint32_t)h && kstr_eq(interned[j], s)) {
            KValue found = kval_newref(interned[j]);
            kval_decref(s);
            *p = found;
            return;
        }
        j = (j + 1) & (interned_cap - 1);
    }
    intern_put(j, s, h);
}

// The interned str of the 'len' ASCII bytes at 'c' (len >= 2), looked up by
// its bytes, so that a name interned before costs no allocation; a new one
// is made with its hash already known. KV_NULL on MemoryError.
static KValue intern_ascii(const char *c, size_t len) {
    if (INTERN_TOO_FULL(interned_count + 1, interned_cap) && intern_grow() < 0) {
        KValue s = kstr_from_utf8(c, (ssize_t)len);
        return s; // uninterned: still correct, only slower
    }
    int64_t h = hash_units(c, len);
    size_t j = (size_t)h & (interned_cap - 1);
    while (interned[j]) {
        // An equal str has width 1, as every ASCII one: its bytes are 'c'.
        if (interned_hashes[j] == (uint32_t)h) {
            KStr *t = (KStr *)interned[j];
            if (t->hash == h && t->len == (ssize_t)len && t->kind == 1 &&
                memcmp(t->data, c, len) == 0) {
                return kval_newref(interned[j]);
            }
        }
        j = (j + 1) & (interned_cap - 1);
    }
    KValue s = kstr_new((ssize_t)len, 0x7f);
    if (!s) {
        return KV_NULL;
    }
    KStr *n = (KStr *)s;
    memcpy(n->data, c, len);
    n->hash = h;
    intern_put(j, s, h);
    return s;
}

KValue kstr_intern_cstr(const char *c) {
    // The length and whether every byte is ASCII, in one pass.
    unsigned char high = 0;
    size_t len = 0;
    for (; c[len]; len++) {
        high |= (unsigned char)c[len];
    }
    if (len >= 2 && high < 0x80) {
        return intern_ascii(c, len);
    }
    KValue s = kstr_from_utf8(c, (ssize_t)len);
    if (s) {
        kstr_intern(&s);
    }
    return s;
}

KValue kstr_intern_utf8(const char *c, size_t len) {
    unsigned char high = 0;
    for (size_t i = 0; i < len; i++) {
        high |= (unsigned char)c[i];
    }
    if (len >= 2 && high < 0x80) {
        return intern_ascii(c, len);
    }
    KValue s = kstr_from_utf8(c, (ssize_t)len);
    if (s) {
        kstr_intern(&s);
    }
    return s;
}

// ---------------------------------------------------------------------------
// Builder.

void kstr_builder_init(KStrBuilder *b) {
    memset(b, 0, sizeof *b);
    b->kind = 1;
}

static int builder_reserve(KStrBuilder *b, ssize_t extra, uint32_t c) {
    if (b->failed) {
        return -1;
    }
    if (c >= 0x100 && b->kind == 1) {
        uint32_t *wide = kmem_alloc((size_t)(b->cap + extra + 16) * 4);
        if (!wide) {
            b->failed = 1;
            return -1;
        }
        for (ssize_t i = 0; i < b->len; i++) {
            wide[i] = ((uint8_t *)b->data)[i];
        }
        kmem_free(b->data);
        b->data = wide;
        b->kind = 4;
        b->cap = b->cap + extra + 16;
    }
    if (b->len + extra > b->cap) {
        ssize_t cap = b->cap * 2 + extra + 16;
        void *d = kmem_realloc(b->data, (size_t)cap * (size_t)b->kind);
        if (!d) {
            b->failed = 1;
            return -1;
        }
        b->data = d;
        b->cap = cap;
    }
    return 0;
}

void kstr_builder_char(KStrBuilder *b, uint32_t c) {
    if (b->len < b->cap && c < 0x100) {
        // Room, and the character fits whichever width the buffer has.
        if (b->kind == 1) {
            ((uint8_t *)b->data)[b->len++] = (uint8_t)c;
        } else {
            ((uint32_t *)b->data)[b->len++] = c;
        }
        if (c > b->maxchar) {
            b->maxchar = c;
        }
        return;
    }
    if (builder_reserve(b, 1, c) < 0) {
        return;
    }
    kstr_put(b->data, b->kind, b->len++, c);
    if (c > b->maxchar) {
        b->maxchar = c;
    }
}

void kstr_builder_ascii(KStrBuilder *b, const char *s, ssize_t len) {
    if (len <= 0 || builder_reserve(b, len, 0) < 0) {
        return;
    }
    if (b->kind == 1) {
        memcpy((char *)b->data + b->len, s, (size_t)len);
        if (b->maxchar < 0x7f) {
            // An upper bound is enough (finish narrows): ASCII text is < 0x80.
            b->maxchar = 0x7f;
        }
        b->len += len;
    } else {
        for (ssize_t i = 0; i < len; i++) {
            kstr_put(b->data, b->kind, b->len++, (unsigned char)s[i]);
        }
    }
}

void kstr_builder_cstr(KStrBuilder *b, const char *s) {
    kstr_builder_utf8(b, s, (ssize_t)strlen(s));
}

void kstr_builder_utf8(KStrBuilder *b, const char *s, ssize_t len) {
    const unsigned char *u = (const unsigned char *)s;
    ssize_t i = 0;
    while (i < len) {
        uint32_t c;
        int k = utf8_decode(u + i, len - i, &c);
        if (k < 0) {
            c = 0xFFFD;
            k = 1;
        }
        kstr_builder_char(b, c);
        i += k;
    }
}

void kstr_builder_str(KStrBuilder *b, KValue v) {
    KStr *s = (KStr *)v;
    if (s->len == 0) {
        return;
    }
    uint32_t m = s->ascii ? 0x7f : s->kind == 1 ? 0xff : s->kind == 2 ? 0xffff : 0x10ffff;
    if (builder_reserve(b, s->len, s->kind == 1 ? 0 : m) < 0) {
        return;
    }
    if (s->kind == b->kind) {
        memcpy((char *)b->data + (size_t)b->len * b->kind, s->data, (size_t)s->len * s->kind);
        b->len += s->len;
    } else {
        for (ssize_t i = 0; i < s->len; i++) {
            kstr_put(b->data, b->kind, b->len++, kstr_char(s, i));
        }
    }
    if (m > b->maxchar) {
        b->maxchar = m; // an upper bound; finish narrows
    }
}

void kstr_builder_range(KStrBuilder *b, KValue v, ssize_t start, ssize_t end) {
    KStr *s = (KStr *)v;
    ssize_t n = end - start;
    if (n <= 0) {
        return;
    }
    uint32_t m = s->ascii ? 0x7f : s->kind == 1 ? 0xff : s->kind == 2 ? 0xffff : 0x10ffff;
    if (builder_reserve(b, n, s->kind == 1 ? 0 : m) < 0) {
        return;
    }
    if (s->kind == b->kind) {
        memcpy((char *)b->data + (size_t)b->len * b->kind, (char *)s->data + (size_t)start * s->kind,
               (size_t)n * s->kind);
        b->len += n;
    } else {
        for (ssize_t i = start; i < end; i++) {
            kstr_put(b->data, b->kind, b->len++, kstr_char(s, i));
        }
    }
    if (m > b->maxchar) {
        b->maxchar = m; // an upper bound; finish narrows
    }
}

void kstr_builder_printf(KStrBuilder *b, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof buf) {
        n = sizeof buf - 1;
    }
    kstr_builder_ascii(b, buf, n);
}

void kstr_builder_discard(KStrBuilder *b) {
    kmem_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

KValue kstr_builder_finish(KStrBuilder *b) {
    if (b->failed) {
        kstr_builder_discard(b);
        return kerr_no_memory();
    }
    KValue r;
    if (b->kind == 1 && b->maxchar < 0x80 && b->len > 1) {
        // maxchar bounds every character appended: ASCII without a scan.
        r = kstr_new(b->len, 0x7f);
        if (r) {
            memcpy(((KStr *)r)->data, b->data, (size_t)b->len);
        }
    } else {
        r = from_kind_data(b->kind, b->data ? b->data : "", b->len);
    }
    kstr_builder_discard(b);
    return r;
}

// ---------------------------------------------------------------------------
// Formatting for messages.

static void put_value(KStrBuilder *b, KValue v, KValue (*conv)(KValue)) {
    KValue s = conv(v);
    if (!s) {
        b->failed = 2;
        return;
    }
    kstr_builder_str(b, s);
    kval_decref(s);
}

KValue kstr_from_vformat(const char *fmt, va_list ap) {
    KStrBuilder b;
    kstr_builder_init(&b);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            const char *q = p;
            while (*q && *q != '%') {
                q++;
            }
            kstr_builder_utf8(&b, p, q - p);
            p = q - 1;
            continue;
        }
        p++;
        char spec[16] = "%";
        size_t sl = 1;
        while (*p && strchr("0123456789.-", *p) && sl < 8) {
            spec[sl++] = *p++;
        }
        int lng = 0, size = 0;
        while (*p == 'l') {
            lng++, p++;
        }
        if (*p == 'z') {
            size = 1, p++;
        }
        switch (*p) {
        case 'd':
        case 'i':
        case 'u':
        case 'x': {
            char buf[64];
            const char *mod = size ? "z" : lng == 2 ? "ll" : lng == 1 ? "l" : "";
            snprintf(spec + sl, sizeof spec - sl, "%s%c", mod, *p);
            if (size) {
                snprintf(buf, sizeof buf, spec, va_arg(ap, ssize_t));
            } else if (lng == 2) {
                snprintf(buf, sizeof buf, spec, va_arg(ap, long long));
            } else if (lng == 1) {
                snprintf(buf, sizeof buf, spec, va_arg(ap, long));
            } else {
                snprintf(buf, sizeof buf, spec, va_arg(ap, int));
            }
            kstr_builder_ascii(&b, buf, (ssize_t)strlen(buf));
            break;
        }
        case 'c':
            kstr_builder_char(&b, (uint32_t)va_arg(ap, int));
            break;
        case 'p': {
            char buf[32];
            snprintf(buf, sizeof buf, "%p", va_arg(ap, void *));
            kstr_builder_ascii(&b, buf, (ssize_t)strlen(buf));
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (sl > 1 && spec[1] == '.') {
                size_t n = (size_t)atoi(spec + 2);
                size_t m = strnlen(s, n);
                kstr_builder_utf8(&b, s, (ssize_t)m);
            } else {
                kstr_builder_cstr(&b, s ? s : "(null)");
            }
            break;
        }
        case 'R':
            put_value(&b, va_arg(ap, KValue), kobj_repr);
            break;
        case 'S':
            put_value(&b, va_arg(ap, KValue), kobj_str);
            break;
        case 'A':
            put_value(&b, va_arg(ap, KValue), kobj_ascii);
            break;
        case 'U':
            kstr_builder_str(&b, va_arg(ap, KValue));
            break;
        case 'T':
            kstr_builder_cstr(&b, ktype_name(kval_type(va_arg(ap, KValue))));
            break;
        case 'N':
            kstr_builder_cstr(&b, ktype_name(va_arg(ap, KType *)));
            break;
        case '%':
            kstr_builder_char(&b, '%');
            break;
        default:
            kstr_builder_char(&b, '%');
            if (*p) {
                kstr_builder_char(&b, (unsigned char)*p);
            } else {
                p--;
            }
        }
    }
    if (b.failed == 2) {
        kstr_builder_discard(&b);
        return KV_NULL;
    }
    return kstr_builder_finish(&b);
}

KValue kstr_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    KValue r = kstr_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

// ---------------------------------------------------------------------------
// Operations.

int kstr_can_append(KValue a, KValue b) {
    if (!kstr_check_exact(a) || !kstr_check(b)) {
        return 0;
    }
    KStr *x = (KStr *)a, *y = (KStr *)b;
    return x->refcnt == 2 && !x->interned && x->kind == y->kind &&
           x->data == (char *)x + sizeof(KStr) && y->len > 0 &&
           x->len <= (ssize_t)((SIZE_MAX / 2 - 256) / 4) - y->len;
}

KValue kstr_append_inplace(KValue a, KValue b) {
    KStr *x = (KStr *)a, *y = (KStr *)b;
    size_t kind = x->kind, len = (size_t)(x->len + y->len);
    // The UTF-8 cache may be the data itself: it is dropped either way.
    if (x->utf8 && x->utf8 != x->data) {
        kmem_free(x->utf8);
    }
    x->utf8 = NULL;
    x->utf8_len = 0;
    KStr *r = kmem_realloc(x, sizeof(KStr) + (len + 1) * kind);
    if (!r) {
        return kerr_no_memory();
    }
    r->data = (char *)r + sizeof(KStr);
    memcpy((char *)r->data + (size_t)r->len * kind, y->data, (size_t)y->len * kind);
    kstr_put(r->data, (int)kind, (ssize_t)len, 0);
    r->len = (ssize_t)len;
    r->hash = -1;
    r->ascii &= y->ascii;
    return kval_of(r);
}

KValue kstr_concat(KValue a, KValue b) {
    KStr *x = (KStr *)a, *y = (KStr *)b;
    if (y->len == 0 && kstr_check_exact(a)) {
        return kval_newref(a);
    }
    if (x->len == 0 && kstr_check_exact(b)) {
        return kval_newref(b);
    }
    uint32_t mx = x->ascii ? 0x7f : x->kind == 1 ? 0xff : x->kind == 2 ? 0xffff : 0x10ffff;
    uint32_t my = y->ascii ? 0x7f : y->kind == 1 ? 0xff : y->kind == 2 ? 0xffff : 0x10ffff;
    if (x->len > PTRDIFF_MAX / 8 - y->len) {
        kerr_set(&kexc_OverflowError, "strings are too large to concat");
        return KV_NULL;
    }
    KValue r = kstr_new(x->len + y->len, mx > my ? mx : my);
    if (!r) {
        return KV_NULL;
    }
    KStr *s = (KStr *)r;
    if (s->kind == x->kind && s->kind == y->kind) {
        memcpy(s->data, x->data, (size_t)x->len * s->kind);
        memcpy((char *)s->data + (size_t)x->len * s->kind, y->data, (size_t)y->len * s->kind);
    } else {
        for (ssize_t i = 0; i < x->len; i++) {
            kstr_put(s->data, s->kind, i, kstr_char(x, i));
        }
        for (ssize_t i = 0; i < y->len; i++) {
            kstr_put(s->data, s->kind, x->len + i, kstr_char(y, i));
        }
    }
    // A latin-1 wide string can only arise from non-ascii latin-1 parts,
    // which is exact; wider kinds are exact because both parts were.
    return r;
}

KValue kstr_substr(KValue v, ssize_t start, ssize_t end) {
    KStr *s = (KStr *)v;
    if (start < 0) {
        start = 0;
    }
    if (end > s->len) {
        end = s->len;
    }
    if (start >= end) {
        return kval_newref(empty_str);
    }
    if (start == 0 && end == s->len && kstr_check_exact(v)) {
        return kval_newref(v);
    }
    if (s->ascii && end - start > 1) {
        // A piece of an ASCII string is ASCII: no scan for its widest character.
        KValue r = kstr_new(end - start, 0x7f);
        if (r) {
            memcpy(((KStr *)r)->data, (char *)s->data + start, (size_t)(end - start));
        }
        return r;
    }
    return from_kind_data(s->kind, (char *)s->data + (size_t)start * s->kind, end - start);
}

ssize_t kstr_find(KValue v, KValue subv, ssize_t start, ssize_t end) {
    KStr *s = (KStr *)v, *sub = (KStr *)subv;
    if (start < 0) {
        start = 0;
    }
    if (end > s->len) {
        end = s->len;
    }
    ssize_t n = sub->len;
    if (end - start < n) {
        return -1;
    }
    if (n == 0) {
        return start;
    }
    if (sub->kind > s->kind) {
        return -1;
    }
    if (s->kind == 1) {
        const char *hay = (const char *)s->data + start;
        const char *r = ksearch_find(hay, (size_t)(end - start), sub->data, (size_t)n);
        return r ? (ssize_t)(r - (const char *)s->data) : -1;
    }
    uint32_t first = kstr_char(sub, 0);
    for (ssize_t i = start; i + n <= end; i++) {
        if (kstr_char(s, i) != first) {
            continue;
        }
        ssize_t j = 1;
        while (j < n && kstr_char(s, i + j) == kstr_char(sub, j)) {
            j++;
        }
        if (j == n) {
            return i;
        }
    }
    return -1;
}

// The widest code point a str of this kind and ascii flag may hold (for
// kstr_new: exact for the result's kind and ascii flag).
static uint32_t kind_max(const KStr *s) {
    return s->ascii ? 0x7f : s->kind == 1 ? 0xff : s->kind == 2 ? 0xffff : 0x10ffff;
}

// Copies the code points of 'src' to 'dst' (of width 'kind' >= src's) at 'at'.
static void copy_into(void *dst, int kind, ssize_t at, const KStr *src) {
    if (src->kind == kind) {
        memcpy((char *)dst + (size_t)at * kind, src->data, (size_t)src->len * kind);
        return;
    }
    for (ssize_t i = 0; i < src->len; i++) {
        kstr_put(dst, kind, at + i, kstr_char(src, i));
    }
}

KValue kstr_join(KValue sep, KValue iterable) {
    KValue seq = kseq_fast(iterable, "can only join an iterable");
    if (!seq) {
        return KV_NULL;
    }
    ssize_t n = klist_check(seq) ? klist_len(seq) : ktuple_len(seq);
    KValue *items = klist_check(seq) ? klist_items(seq) : ktuple_items(seq);
    if (n == 1 && kstr_check_exact(items[0])) {
        KValue r = kval_newref(items[0]);
        kval_decref(seq);
        return r;
    }
    // First pass: check the items, add up the length, find the widest kind;
    // then the result is allocated once and filled (no Python code runs in
    // between, so the items cannot change).
    KStr *sp = (KStr *)sep;
    ssize_t total = 0;
    uint32_t m = n > 1 ? kind_max(sp) : 0;
    for (ssize_t i = 0; i < n; i++) {
        if (!kstr_check(items[i])) {
            kerr_format(&kexc_TypeError, "sequence item %zd: expected str instance, %T found",
                        i, items[i]);
            kval_decref(seq);
            return KV_NULL;
        }
        KStr *it = (KStr *)items[i];
        ssize_t add = it->len + (i ? sp->len : 0);
        if (total > PTRDIFF_MAX / 8 - add) {
            kval_decref(seq);
            kerr_set(&kexc_OverflowError, "join() result is too long for a Python string");
            return KV_NULL;
        }
        total += add;
        uint32_t im = kind_max(it);
        m = im > m ? im : m;
    }
    if (total == 0) {
        kval_decref(seq);
        return kval_newref(empty_str);
    }
    KValue r = kstr_new(total, m);
    if (!r) {
        kval_decref(seq);
        return KV_NULL;
    }
    KStr *out = (KStr *)r;
    ssize_t at = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (i && sp->len) {
            copy_into(out->data, out->kind, at, sp);
            at += sp->len;
        }
        KStr *it = (KStr *)items[i];
        if (it->len == 1 && out->kind == 1) {
            ((uint8_t *)out->data)[at++] = ((uint8_t *)it->data)[0];
            continue;
        }
        copy_into(out->data, out->kind, at, it);
        at += it->len;
    }
    kval_decref(seq);
    return r;
}

// Escapes code point 'c' for repr into 'b' (quote is the chosen quote char).
static void repr_char(KStrBuilder *b, uint32_t c, uint32_t quote) {
    if (c == quote || c == '\\') {
        kstr_builder_char(b, '\\');
        kstr_builder_char(b, c);
    } else if (c == '\t') {
        kstr_builder_ascii(b, "\\t", 2);
    } else if (c == '\n') {
        kstr_builder_ascii(b, "\\n", 2);
    } else if (c == '\r') {
        kstr_builder_ascii(b, "\\r", 2);
    } else if (c < 0x20 || c == 0x7f) {
        kstr_builder_printf(b, "\\x%02x", c);
    } else if (c < 0x7f) {
        kstr_builder_char(b, c);
    } else if (kuni_isprintable(c)) {
        kstr_builder_char(b, c);
    } else if (c < 0x100) {
        kstr_builder_printf(b, "\\x%02x", c);
    } else if (c < 0x10000) {
        kstr_builder_printf(b, "\\u%04x", c);
    } else {
        kstr_builder_printf(b, "\\U%08x", c);
    }
}

KValue kstr_repr(KValue v) {
    KStr *s = (KStr *)v;
    int has_single = 0, has_double = 0;
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        has_single |= c == '\'';
        has_double |= c == '"';
    }
    uint32_t quote = has_single && !has_double ? '"' : '\'';
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_char(&b, quote);
    for (ssize_t i = 0; i < s->len; i++) {
        repr_char(&b, kstr_char(s, i), quote);
    }
    kstr_builder_char(&b, quote);
    return kstr_builder_finish(&b);
}

// ---------------------------------------------------------------------------
// The type's slots.

static KValue str_str(KValue v) {
    if (kstr_check_exact(v)) {
        return kval_newref(v);
    }
    return from_kind_data(((KStr *)v)->kind, ((KStr *)v)->data, ((KStr *)v)->len);
}

static int64_t str_hash(KValue v) {
    return kstr_hash(v);
}

static KValue str_richcompare(KValue a, KValue b, int op) {
    if (!kstr_check(a) || !kstr_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    int r;
    if (op == KF_CMP_EQ || op == KF_CMP_NE) {
        r = kstr_eq(a, b) == (op == KF_CMP_EQ);
    } else {
        int c = kstr_compare(a, b);
        r = op == KF_CMP_LT ? c < 0 : op == KF_CMP_LE ? c <= 0 : op == KF_CMP_GT ? c > 0 : c >= 0;
    }
    return kbool_from(r);
}

static ssize_t str_len(KValue v) {
    return ((KStr *)v)->len;
}

KValue kstr_getitem(KValue v, KValue key);

static int str_contains(KValue v, KValue sub) {
    if (!kstr_check(sub)) {
        kerr_format(&kexc_TypeError, "'in <string>' requires string as left operand, not %T",
                    sub);
        return -1;
    }
    return kstr_find(v, sub, 0, ((KStr *)v)->len) >= 0;
}

static KValue str_add(KValue a, KValue b) {
    if (!kstr_check(a) || !kstr_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kstr_concat(a, b);
}

static KValue str_repeat(KValue s, ssize_t n) {
    KStr *x = (KStr *)s;
    if (n <= 0 || x->len == 0) {
        return kval_newref(empty_str);
    }
    if (n == 1 && kstr_check_exact(s)) {
        return kval_newref(s);
    }
    if (x->len > PTRDIFF_MAX / 8 / n) {
        kerr_set(&kexc_OverflowError, "repeated string is too long");
        return KV_NULL;
    }
    uint32_t m = x->ascii ? 0x7f : x->kind == 1 ? 0xff : x->kind == 2 ? 0xffff : 0x10ffff;
    KValue r = kstr_new(x->len * n, m);
    if (!r) {
        return KV_NULL;
    }
    size_t unit = (size_t)x->len * x->kind;
    char *d = ((KStr *)r)->data;
    for (ssize_t i = 0; i < n; i++) {
        memcpy(d + unit * (size_t)i, x->data, unit);
    }
    return r;
}

static KValue str_mul(KValue a, KValue b) {
    KValue s = kstr_check(a) ? a : b, n = kstr_check(a) ? b : a;
    if (!kint_check(n)) {
        if (knb(kval_type(n))->index == NULL) {
            return kval_newref(KV_NOTIMPL);
        }
    }
    ssize_t count = knum_as_ssize(n, &kexc_OverflowError);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    return str_repeat(s, count);
}

KValue kstr_percent_format(KValue fmt, KValue args);

static KValue str_mod(KValue a, KValue b) {
    if (!kstr_check(a)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kstr_percent_format(a, b);
}

// The str iterator.
typedef struct StrIter {
    KOBJ_HEAD;
    KValue str;
    ssize_t index;
} StrIter;

static KType str_iter_type;

static KValue str_iter(KValue v) {
    StrIter *it = (StrIter *)kobj_alloc(&str_iter_type, sizeof(StrIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->str = kval_newref(v);
    return kval_of(it);
}

static KValue str_iter_next(KValue v) {
    StrIter *it = (StrIter *)v;
    if (!it->str) {
        return KV_NULL;
    }
    KStr *s = (KStr *)it->str;
    if (it->index < s->len) {
        return kstr_from_char(kstr_char(s, it->index++));
    }
    KVAL_CLEAR(it->str);
    return KV_NULL;
}

static void str_iter_dealloc(KObject *o) {
    kval_xdecref(((StrIter *)o)->str);
    kobj_free(o);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KType str_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .iter = self_iter,
    .iternext = str_iter_next,
};

static void str_dealloc(KObject *o) {
    KStr *s = (KStr *)o;
    if (s->utf8 && s->utf8 != s->data) {
        kmem_free(s->utf8);
    }
    if (o->type == &kstr_type) {
        kmem_free(o); // as str_alloc made it: no GC head, no heap type
        return;
    }
    kobj_free(o);
}

KValue kstr_new_from_object(KType *type, KValue obj, KValue encoding, KValue errors);

static KValue str_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    KValue a[3];
    if (kargs_parse("str", args, nargs, kwnames, kwlist, 0, 3, a) < 0) {
        return KV_NULL;
    }
    KValue r;
    if (!a[0]) {
        r = kval_newref(empty_str);
    } else {
        r = kstr_new_from_object(&kstr_type, a[0], a[1], a[2]);
    }
    if (!r || type == &kstr_type) {
        return r;
    }
    KStr *s = (KStr *)r;
    uint32_t m = s->ascii ? 0x7f : s->kind == 1 ? 0xff : s->kind == 2 ? 0xffff : 0x10ffff;
    KValue sub = str_alloc(type, s->len, m);
    if (sub) {
        memcpy(((KStr *)sub)->data, s->data, (size_t)s->len * s->kind);
    }
    kval_decref(r);
    return sub;
}

extern const KMethodDef kstr_methods[];

KType kstr_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "str",
    .basicsize = sizeof(KStr),
    .itemsize = 1,
    .flags = KTF_BASETYPE | KTF_STR_SUBCLASS,
    .dealloc = str_dealloc,
    .repr = kstr_repr,
    .str = str_str,
    .hash = str_hash,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .new_ = str_new,
    .len = str_len,
    .getitem = kstr_getitem,
    .contains = str_contains,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = str_add, [KNB_MULTIPLY] = str_mul, [KNB_REMAINDER] = str_mod}},
    .methods = kstr_methods,
    .doc = "str(object='') -> str\n"
        "str(bytes_or_buffer[, encoding[, errors]]) -> str\n"
        "\n"
        "Create a new string object from the given object. If encoding or\n"
        "errors is specified, then the object must expose a data buffer\n"
        "that will be decoded using the given encoding and error handler.\n"
        "Otherwise, returns the result of object.__str__() (if defined)\n"
        "or repr(object).\n"
        "encoding defaults to sys.getdefaultencoding().\n"
        "errors defaults to 'strict'.",
};

int kstr_init_types(void) {
    return ktype_ready(&str_iter_type);
}

// The identifiers of KSTR_IDS are static, immortal str objects whose code
// units are the C string literals: start-up allocates none of them and only
// hashes and interns each (178 names; about 28K instructions fewer).
#define KSTR_ID_OBJECT(name) KSTR_STATIC_ASCII(#name),
static KStr id_objects[] = {KSTR_IDS(KSTR_ID_OBJECT)};
#undef KSTR_ID_OBJECT

KValue kstr_intern_static(KStr *s) {
    KValue v = kval_of(s);
    kstr_intern(&v);
    return v;
}

int kstr_init(void) {
    const char *seed = getenv("KRAITHASHSEED");
    hash_seed = seed ? strtoull(seed, NULL, 10) : 0x6b72616974ull;
    KStr *e = (KStr *)kobj_alloc(&kstr_type, sizeof(KStr) + 4);
    if (!e) {
        return -1;
    }
    e->hash = -1;
    e->kind = 1;
    e->ascii = 1;
    e->data = (char *)e + sizeof(KStr);
    empty_str = kval_of(e);
    kstr_intern(&empty_str);
    kstr_ids.empty = empty_str;
    size_t i = 0;
#define KSTR_ID_INIT(name) kstr_ids.name = kstr_intern_static(&id_objects[i++]);
    KSTR_IDS(KSTR_ID_INIT)
#undef KSTR_ID_INIT
    return 0;
}
