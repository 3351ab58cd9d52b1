// vm/str.h: str objects. Immutable, with the hash cached; each string stores
// its code points at one fixed width (1, 2 or 4 bytes, the smallest that fits
// its largest code point, as PEP 393), so indexing is O(1) and two equal
// strings have the same width and bytes. Identifiers are interned: equal
// interned strings are the same object, so name lookups compare pointers.
#ifndef KRAIT_VM_STR_H
#define KRAIT_VM_STR_H

#include <stdarg.h>
#include <stdint.h>

#include "object.h"

typedef struct KStr {
    KOBJ_HEAD;
    ssize_t len;     // code points
    int64_t hash;    // -1: not computed yet
    uint8_t kind;    // bytes per code point: 1, 2 or 4
    uint8_t ascii;   // every code point < 128 (then data is its own UTF-8)
    uint8_t interned;
    uint8_t pad[5];
    char *utf8;      // cached UTF-8 (owned unless it is 'data'), or NULL
    ssize_t utf8_len;
    void *data;      // len+1 code units (NUL-terminated); follows the object
} KStr;

static inline int kstr_check(KValue v) {
    return kval_has_flag(v, KTF_STR_SUBCLASS);
}
static inline int kstr_check_exact(KValue v) {
    return !kval_is_int(v) && kval_obj(v)->type == &kstr_type;
}
static inline ssize_t kstr_len(KValue s) {
    return ((KStr *)s)->len;
}
static inline uint32_t kstr_char(const KStr *s, ssize_t i) {
    switch (s->kind) {
    case 1:
        return ((const uint8_t *)s->data)[i];
    case 2:
        return ((const uint16_t *)s->data)[i];
    default:
        return ((const uint32_t *)s->data)[i];
    }
}
static inline void kstr_put(void *data, int kind, ssize_t i, uint32_t c) {
    switch (kind) {
    case 1:
        ((uint8_t *)data)[i] = (uint8_t)c;
        break;
    case 2:
        ((uint16_t *)data)[i] = (uint16_t)c;
        break;
    default:
        ((uint32_t *)data)[i] = c;
        break;
    }
}

// Creates the interned-string table and the identifier table; -1 on failure.
int kstr_init(void);

// A string of 'len' code points of width 'kind', to be filled by the caller:
// its code units start uninitialised (the terminating NUL is set); 'maxchar'
// picks ascii. KV_NULL on MemoryError.
KValue kstr_new(ssize_t len, uint32_t maxchar);
// Decodes 'len' bytes of UTF-8 (lone surrogates encoded as three bytes are
// accepted, as the compiler writes them); UnicodeDecodeError on bad input.
KValue kstr_from_utf8(const char *s, ssize_t len);
KValue kstr_from_cstr(const char *s);
// A string of the 'len' code points at 'cps'.
KValue kstr_from_ucs4(const uint32_t *cps, ssize_t len);
// A one-character string (Latin-1 ones are cached).
KValue kstr_from_char(uint32_t c);
// Formats as printf for %s %d %i %u %ld %lu %lld %zd %zu %c %x %p %%, plus %R
// (repr of a KValue), %S (str of a KValue), %U (a str KValue), %T (the type
// name of a KValue), %N (the name of a KType *), %A (ascii() of a KValue).
KValue kstr_from_format(const char *fmt, ...);
KValue kstr_from_vformat(const char *fmt, va_list ap);

// The UTF-8 form of 's' (borrowed, lives as long as 's'); 'len' may be NULL.
// Lone surrogates are written as three bytes. NULL on MemoryError.
const char *kstr_utf8(KValue s, ssize_t *len);

// Interns '*s' in place (the reference is replaced by the interned one).
void kstr_intern(KValue *s);
// The interned string for 's', new reference; KV_NULL on MemoryError.
KValue kstr_intern_cstr(const char *s);
// The interned string of the 'len' bytes of UTF-8 at 's' (looked up by its
// bytes when ASCII, so a name interned before costs no allocation): new
// reference; KV_NULL with UnicodeDecodeError or MemoryError.
KValue kstr_intern_utf8(const char *s, size_t len);
// Grows the table of interned strings, at once, to take 'n' more without
// growing again (a module's names, about to be interned). Never fails: out
// of memory, the table grows later as needed.
void kstr_intern_reserve(size_t n);

// A static, immortal str over the ASCII string literal 'lit' (its code units
// are the literal's bytes), for the tables of names start-up interns: no
// allocation, no copy.
#define KSTR_STATIC_ASCII(lit)                                                                   \
    {KOBJ_STATIC_HEAD(&kstr_type), .len = sizeof(lit) - 1, .hash = -1, .kind = 1, .ascii = 1,    \
     .data = (lit)}
// Interns the static str 's' (KSTR_STATIC_ASCII); returns the interned str,
// borrowed (both live for ever). Never fails.
KValue kstr_intern_static(KStr *s);

int64_t kstr_hash(KValue s);
// Equality of two str values (any subclass), never fails.
int kstr_eq(KValue a, KValue b);
// Equality with a C string.
int kstr_eq_cstr(KValue a, const char *s);
// Compares code points: <0, 0, >0.
int kstr_compare(KValue a, KValue b);
KValue kstr_concat(KValue a, KValue b);
// Whether 'a' + 'b' may be written over 'a' (CPython's unicode_concatenate):
// 'a' is an exact, un-interned heap str with two references (the stack's
// and the local that the caller checked the result is about to replace),
// and 'b' is a str of the same kind.
int kstr_can_append(KValue a, KValue b);
// Appends 'b' to 'a' (accepted by kstr_can_append, now with one reference)
// and returns it, perhaps moved; KV_NULL with MemoryError leaves 'a' as it was.
KValue kstr_append_inplace(KValue a, KValue b);
// s[start:end] (clipped, step 1).
KValue kstr_substr(KValue s, ssize_t start, ssize_t end);
// 'sep'.join('items') for a sequence of str values.
KValue kstr_join(KValue sep, KValue iterable);
// repr(s), with CPython's quote choice and escapes.
KValue kstr_repr(KValue s);
// Index of the first occurrence of 'sub' in s[start:end], or -1.
ssize_t kstr_find(KValue s, KValue sub, ssize_t start, ssize_t end);

// A growable buffer that becomes a str: code points are collected as UCS-4
// only once a non-Latin-1 one appears. Errors are sticky (MemoryError set);
// kstr_builder_finish reports them.
typedef struct KStrBuilder {
    void *data;
    ssize_t len, cap;
    int kind;
    uint32_t maxchar;
    int failed;
} KStrBuilder;
void kstr_builder_init(KStrBuilder *b);
void kstr_builder_char(KStrBuilder *b, uint32_t c);
void kstr_builder_ascii(KStrBuilder *b, const char *s, ssize_t len);
void kstr_builder_cstr(KStrBuilder *b, const char *s);
void kstr_builder_utf8(KStrBuilder *b, const char *s, ssize_t len);
void kstr_builder_str(KStrBuilder *b, KValue s);
// Appends s[start:end] of the str 's' (0 <= start <= end <= len).
void kstr_builder_range(KStrBuilder *b, KValue s, ssize_t start, ssize_t end);
void kstr_builder_printf(KStrBuilder *b, const char *fmt, ...);
// The finished string (the builder is emptied), or KV_NULL with the error.
KValue kstr_builder_finish(KStrBuilder *b);
void kstr_builder_discard(KStrBuilder *b);

// Identifiers the runtime looks up by name, interned once at start-up:
// KID(__init__) is the interned str "__init__" (borrowed).
#define KSTR_IDS(X)                                                                              \
    X(__abs__) X(__add__) X(__and__) X(__annotations__) X(__bool__) X(__build_class__)           \
    X(__builtins__) X(__call__) X(__class__) X(__class_getitem__) X(__classcell__)               \
    X(__contains__) X(__del__) X(__delattr__) X(__delete__) X(__delitem__) X(__dict__)           \
    X(__dir__) X(__divmod__) X(__doc__) X(__enter__) X(__eq__) X(__exit__) X(__file__)           \
    X(__float__) X(__floordiv__) X(__format__) X(__ge__) X(__get__) X(__getattr__)               \
    X(__getattribute__) X(__getitem__) X(__gt__) X(__hash__) X(__iadd__) X(__iand__)             \
    X(__ifloordiv__) X(__ilshift__) X(__imatmul__) X(__imod__) X(__imul__) X(__index__)          \
    X(__init__) X(__init_subclass__) X(__int__) X(__invert__) X(__ior__) X(__ipow__)             \
    X(__irshift__) X(__isub__) X(__iter__) X(__itruediv__) X(__ixor__) X(__le__) X(__len__)      \
    X(__lshift__) X(__lt__) X(__main__) X(__matmul__) X(__missing__) X(__mod__)                  \
    X(__module__) X(__mro__) X(__mro_entries__) X(__mul__) X(__name__) X(__ne__) X(__neg__)      \
    X(__new__) X(__next__) X(__or__) X(__pos__) X(__pow__) X(__prepare__) X(__qualname__)        \
    X(__radd__) X(__rand__) X(__rdivmod__) X(__repr__) X(__reversed__) X(__rfloordiv__)          \
    X(__rlshift__) X(__rmatmul__) X(__rmod__) X(__rmul__) X(__ror__) X(__round__)                \
    X(__rpow__) X(__rrshift__) X(__rshift__) X(__rsub__) X(__rtruediv__) X(__rxor__)             \
    X(__set__) X(__set_name__) X(__setattr__) X(__setitem__) X(__slots__) X(__spec__)            \
    X(__str__) X(__sub__) X(__subclasscheck__) X(__instancecheck__) X(__truediv__)               \
    X(__trunc__) X(__xor__) X(__loader__) X(__package__) X(__weakref__) X(__notes__)             \
    X(__length_hint__) X(__ceil__) X(__floor__) X(__abstractmethods__) X(__cause__)              \
    X(__context__) X(__traceback__) X(__self__) X(__wrapped__) X(__bases__) X(__all__)            \
    X(__path__) X(__import__) X(__cached__) X(__debug__) X(__isabstractmethod__)                 \
    X(mro) X(args) X(keys) X(items) X(values) X(close) X(send) X(throw) X(flush) X(write)        \
    X(sort) X(append) X(extend) X(copy) X(update) X(get) X(excepthook) X(stdout) X(stderr)       \
    X(stdin) X(modules) X(path) X(argv) X(name) X(end) X(sep) X(file) X(key) X(reverse)          \
    X(encoding) X(errors) X(start) X(stop) X(step) X(metaclass) X(builtins) X(displayhook)       \
    X(format) X(real) X(imag) X(message) X(fget) X(fset) X(fdel) X(doc)                            \
    X(__await__) X(__aiter__) X(__anext__) X(__aenter__) X(__aexit__) X(derive) X(split)

typedef struct KStrIds {
#define KSTR_ID_FIELD(name) KValue name;
    KSTR_IDS(KSTR_ID_FIELD)
#undef KSTR_ID_FIELD
    KValue empty; // ""
} KStrIds;
extern KStrIds kstr_ids;
#define KID(name) (kstr_ids.name)

#endif
