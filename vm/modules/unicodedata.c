// vm/modules/unicodedata.c: the unicodedata module of CPython 3.11 over the
// tables of unicodedata_db.c (Unicode 14.0.0, generated from python3.11):
// character properties, names (the compiler's name table), and the four
// normalization forms; and ucd_3_2_0, the unicodedata.UCD object that
// answers the same questions as of Unicode 3.2 (for IDNA and stringprep), in
// CPython's way: properties as of 3.2, no names, aliases or named sequences
// for what 3.2 did not have, and normalization that leaves those characters
// undecomposed but orders and composes with the current data.
#include "../internal.h"

#include <string.h>
#include <strings.h>

#include "compiler/unicode.h"

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../type.h"
#include "unicodedata_db.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// unicodedata.UCD: the type of ucd_3_2_0. The module's functions are its
// methods too; 'self' says which data they answer from.
static KType ucd_type;

static int is_old(KValue self) { return kval_type(self) == &ucd_type; }

// The record of 'c', as of Unicode 3.2 when 'old'.
static const KudRecord *record_in(uint32_t c, int old) {
    if (c >= 0x110000) {
        return &kud_records[0];
    }
    const uint16_t *index1 = old ? kud32_index1 : kud_index1;
    return &kud_records[kud_index2[((size_t)index1[c >> KUD_SHIFT] << KUD_SHIFT) +
                                   (c & KUD_MASK)]];
}

static const KudRecord *record(uint32_t c) { return record_in(c, 0); }

// Whether 'c' was assigned in Unicode 3.2.
static int assigned_in_3_2(uint32_t c) {
    return strcmp(kud_categories[record_in(c, 1)->category], "Cn") != 0;
}

// The character argument of 'fname': a str of length 1.
static int char_arg(const char *fname, KValue v, uint32_t *c) {
    if (!kstr_check(v) || kstr_len(v) != 1) {
        kerr_format(&kexc_TypeError, "%s() argument must be a unicode character, not %s", fname,
                    kstr_check(v) ? "str" : ktype_name(kval_type(v)));
        return -1;
    }
    *c = kstr_char((KStr *)v, 0);
    return 0;
}

// f(chr, /) for the string-valued properties.
static KValue string_prop(KValue self, const char *fname, const KValue *args, size_t nargs,
                          const char *(*get)(const KudRecord *)) {
    uint32_t c;
    if (kargs_count(fname, nargs, 1, 1) < 0 || char_arg(fname, args[0], &c) < 0) {
        return KV_NULL;
    }
    return kstr_from_cstr(get(record_in(c, is_old(self))));
}

static const char *get_category(const KudRecord *r) { return kud_categories[r->category]; }
static const char *get_bidi(const KudRecord *r) { return kud_bidis[r->bidi]; }
static const char *get_eaw(const KudRecord *r) { return kud_eaws[r->eaw]; }
static const char *get_decomp(const KudRecord *r) { return kud_decomps[r->decomp]; }

METHOD(ud_category) {
    (void)kw;
    return string_prop(self, "category", args, nargs, get_category);
}
METHOD(ud_bidirectional) {
    (void)kw;
    return string_prop(self, "bidirectional", args, nargs, get_bidi);
}
METHOD(ud_east_asian_width) {
    (void)kw;
    return string_prop(self, "east_asian_width", args, nargs, get_eaw);
}
METHOD(ud_decomposition) {
    (void)kw;
    return string_prop(self, "decomposition", args, nargs, get_decomp);
}

METHOD(ud_combining) {
    (void)nargs, (void)kw;
    uint32_t c;
    return char_arg("combining", args[0], &c) < 0 ? KV_NULL
                                                  : kval_from_int(record_in(c, is_old(self))->combining);
}

METHOD(ud_mirrored) {
    (void)nargs, (void)kw;
    uint32_t c;
    return char_arg("mirrored", args[0], &c) < 0 ? KV_NULL
                                                 : kval_from_int(record_in(c, is_old(self))->mirrored);
}

// decimal/digit/numeric(chr, default=<none>, /): the value, else the default,
// else ValueError 'what'.
static KValue number_prop(KValue self, const char *fname, const KValue *args, size_t nargs,
                          int which, const char *what) {
    uint32_t c;
    if (kargs_count(fname, nargs, 1, 2) < 0 || char_arg(fname, args[0], &c) < 0) {
        return KV_NULL;
    }
    const KudRecord *r = record_in(c, is_old(self));
    int v = which == 0 ? r->decimal : which == 1 ? r->digit : r->numeric;
    if (v >= 0) {
        return which == 2 ? kfloat_new(kud_numerics[v]) : kval_from_int(v);
    }
    if (nargs > 1) {
        return kval_newref(args[1]);
    }
    kerr_set(&kexc_ValueError, what);
    return KV_NULL;
}

METHOD(ud_decimal) {
    (void)kw;
    return number_prop(self, "decimal", args, nargs, 0, "not a decimal");
}
METHOD(ud_digit) {
    (void)kw;
    return number_prop(self, "digit", args, nargs, 1, "not a digit");
}
METHOD(ud_numeric) {
    (void)kw;
    return number_prop(self, "numeric", args, nargs, 2, "not a numeric character");
}

METHOD(ud_name) {
    (void)kw;
    uint32_t c;
    if (kargs_count("name", nargs, 1, 2) < 0 || char_arg("name", args[0], &c) < 0) {
        return KV_NULL;
    }
    char buf[KUNI_NAME_BUF];
    if ((!is_old(self) || assigned_in_3_2(c)) && kuni_name_of(c, buf)) {
        return kstr_from_cstr(buf);
    }
    if (nargs > 1) {
        return kval_newref(args[1]);
    }
    kerr_set(&kexc_ValueError, "no such name");
    return KV_NULL;
}

// Whether ucd_3_2_0.lookup() finds 'c' by the name s[:n]: as CPython, the
// Hangul syllable and CJK ideograph names as today, other names only when
// they are the character's own (no alias) and it was assigned in 3.2.
static int found_in_3_2(const char *s, size_t n, uint32_t c) {
    static const char hangul[] = "HANGUL SYLLABLE ", cjk[] = "CJK UNIFIED IDEOGRAPH-";
    if ((n >= sizeof hangul - 1 && memcmp(s, hangul, sizeof hangul - 1) == 0) ||
        (n >= sizeof cjk - 1 && memcmp(s, cjk, sizeof cjk - 1) == 0)) {
        return 1;
    }
    char own[KUNI_NAME_BUF];
    return assigned_in_3_2(c) && kuni_name_of(c, own) == n && strncasecmp(own, s, n) == 0;
}

// lookup(name, /): the character named 'name' (aliases and named sequences'
// single characters too); KeyError otherwise.
METHOD(ud_lookup) {
    (void)nargs, (void)kw;
    KValue v = args[0];
    const char *s;
    ssize_t n;
    if (kstr_check(v)) {
        s = kstr_utf8(v, &n);
    } else if (kbytes_get_buffer(v, &s, &n)) {
        // bytes are accepted as in CPython (a read-only buffer of the name)
    } else {
        kerr_format(&kexc_TypeError, "lookup() argument must be str, not %T", v);
        return KV_NULL;
    }
    if (!s) {
        return KV_NULL;
    }
    if (n > 256) {
        KValue msg = kstr_from_cstr("name too long");
        if (msg) {
            kerr_set_value(&kexc_KeyError, msg);
            kval_decref(msg);
        }
        return KV_NULL;
    }
    uint32_t c;
    if (!kuni_lookup_name(s, (size_t)n, &c) || (is_old(self) && !found_in_3_2(s, (size_t)n, c))) {
        KValue msg = kstr_from_format("undefined character name '%s'", s);
        if (msg) {
            kerr_set_value(&kexc_KeyError, msg);
            kval_decref(msg);
        }
        return KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_char(&b, c);
    return kstr_builder_finish(&b);
}

// ---------------------------------------------------------------------------
// Normalization

enum { S_BASE = 0xAC00, L_BASE = 0x1100, V_BASE = 0x1161, T_BASE = 0x11A7, L_COUNT = 19,
       V_COUNT = 21, T_COUNT = 28, N_COUNT = V_COUNT * T_COUNT, S_COUNT = L_COUNT * N_COUNT };

typedef struct Cps {
    uint32_t *d;
    size_t n, cap;
} Cps;

static int put(Cps *o, uint32_t c) {
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        uint32_t *d = kmem_realloc(o->d, cap * sizeof *d);
        if (!d) {
            kerr_no_memory();
            return -1;
        }
        o->d = d;
        o->cap = cap;
    }
    o->d[o->n++] = c;
    return 0;
}

static const KudDecomp *search_decomp(const KudDecomp *table, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (table[mid].cp < c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && table[lo].cp == c ? &table[lo] : NULL;
}

// The full decompositions of 'c' (as of Unicode 3.2 when 'old'), or NULL.
static const KudDecomp *find_decomp(uint32_t c, int old) {
    const KudDecomp *d = old ? search_decomp(kud32_decomp, kud32_ndecomp, c) : NULL;
    return d ? d : search_decomp(kud_decomp, kud_ndecomp, c);
}

static uint32_t compose_pair(uint32_t a, uint32_t b) {
    if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT) {
        return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
    }
    if (a >= S_BASE && a < S_BASE + S_COUNT && (a - S_BASE) % T_COUNT == 0 && b > T_BASE &&
        b < T_BASE + T_COUNT) {
        return a + (b - T_BASE);
    }
    size_t lo = 0, hi = kud_npairs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const KudPair *p = &kud_pairs[mid];
        if (p->first < a || (p->first == a && p->second < b)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < kud_npairs && kud_pairs[lo].first == a && kud_pairs[lo].second == b
               ? kud_pairs[lo].composite
               : 0;
}

// The decomposition (canonical, or compatibility when 'compat'; as of Unicode
// 3.2 when 'old') of 's' in canonical order.
static int decompose(KStr *s, int compat, int old, Cps *o) {
    for (ssize_t i = 0; i < s->len; i++) {
        uint32_t c = kstr_char(s, i);
        int r = 0;
        if (c >= S_BASE && c < S_BASE + S_COUNT) {
            uint32_t k = c - S_BASE;
            r = put(o, L_BASE + k / N_COUNT) | put(o, V_BASE + (k % N_COUNT) / T_COUNT);
            if (k % T_COUNT) {
                r |= put(o, T_BASE + k % T_COUNT);
            }
        } else {
            const KudDecomp *d = c >= 0xA0 ? find_decomp(c, old) : NULL;
            if (d) {
                uint32_t off = compat ? d->nfkd_off : d->nfd_off;
                uint32_t len = compat ? d->nfkd_len : d->nfd_len;
                for (uint32_t j = 0; j < len; j++) {
                    r |= put(o, kud_pool[off + j]);
                }
            } else {
                r = put(o, c);
            }
        }
        if (r < 0) {
            return -1;
        }
    }
    // Canonical ordering: a stable sort of each run of non-starters by class.
    for (size_t i = 1; i < o->n; i++) {
        uint32_t c = o->d[i];
        int cc = record(c)->combining;
        size_t j = i;
        while (cc && j > 0 && record(o->d[j - 1])->combining > cc) {
            o->d[j] = o->d[j - 1];
            j--;
        }
        o->d[j] = c;
    }
    return 0;
}

// Canonical composition in place.
static void compose(Cps *o) {
    if (o->n == 0) {
        return;
    }
    size_t starter = 0, w = 1;
    int have_starter = record(o->d[0])->combining == 0;
    int last_cc = have_starter ? 0 : 256;
    for (size_t i = 1; i < o->n; i++) {
        uint32_t c = o->d[i];
        int cc = record(c)->combining;
        if (have_starter && (w - 1 == starter || (last_cc != 0 && last_cc < cc))) {
            uint32_t comp = compose_pair(o->d[starter], c);
            if (comp) {
                o->d[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = w;
            have_starter = 1;
        }
        last_cc = cc;
        o->d[w++] = c;
    }
    o->n = w;
}

// The form's code: 'C'/'D' with 'K' for compatibility; -1 with ValueError.
static int form_arg(const char *fname, const KValue *args, size_t nargs, int *compat,
                    int *composed) {
    if (kargs_count(fname, nargs, 2, 2) < 0) {
        return -1;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "%s() argument 1 must be str, not %T", fname, args[0]);
        return -1;
    }
    if (!kstr_check(args[1])) {
        kerr_format(&kexc_TypeError, "%s() argument 2 must be str, not %T", fname, args[1]);
        return -1;
    }
    static const char *const forms[] = {"NFC", "NFKC", "NFD", "NFKD"};
    for (int i = 0; i < 4; i++) {
        if (kstr_eq_cstr(args[0], forms[i])) {
            *compat = i == 1 || i == 3;
            *composed = i < 2;
            return 0;
        }
    }
    kerr_set(&kexc_ValueError, "invalid normalization form");
    return -1;
}

// The normalized form of the str 's' (a new reference; 's' itself when
// nothing changes).
static KValue normalized(KValue s, int compat, int composed, int old) {
    KStr *t = (KStr *)s;
    int plain = 1; // nothing below U+00C0 decomposes or composes
    for (ssize_t i = 0; i < t->len && plain; i++) {
        plain = kstr_char(t, i) < 0xA0 || (!compat && kstr_char(t, i) < 0xC0);
    }
    if (plain) {
        return kval_newref(s);
    }
    Cps o = {NULL, 0, 0};
    if (decompose(t, compat, old, &o) < 0) {
        kmem_free(o.d);
        return KV_NULL;
    }
    if (composed) {
        compose(&o);
    }
    int same = (ssize_t)o.n == t->len;
    for (size_t i = 0; same && i < o.n; i++) {
        same = o.d[i] == kstr_char(t, (ssize_t)i);
    }
    KValue r;
    if (same) {
        r = kval_newref(s);
    } else {
        KStrBuilder b;
        kstr_builder_init(&b);
        for (size_t i = 0; i < o.n; i++) {
            kstr_builder_char(&b, o.d[i]);
        }
        r = kstr_builder_finish(&b);
    }
    kmem_free(o.d);
    return r;
}

METHOD(ud_normalize) {
    (void)kw;
    int compat, composed;
    if (form_arg("normalize", args, nargs, &compat, &composed) < 0) {
        return KV_NULL;
    }
    return normalized(args[1], compat, composed, is_old(self));
}

METHOD(ud_is_normalized) {
    (void)kw;
    int compat, composed;
    if (form_arg("is_normalized", args, nargs, &compat, &composed) < 0) {
        return KV_NULL;
    }
    KValue r = normalized(args[1], compat, composed, is_old(self));
    if (!r) {
        return KV_NULL;
    }
    int same = r == args[1] || kstr_eq(r, args[1]);
    kval_decref(r);
    return kbool_from(same);
}

static const KMethodDef ud_functions[] = {
    {"category", ud_category, KMETH_FAST, NULL},
    {"bidirectional", ud_bidirectional, KMETH_FAST, NULL},
    {"east_asian_width", ud_east_asian_width, KMETH_FAST, NULL},
    {"decomposition", ud_decomposition, KMETH_FAST, NULL},
    {"combining", ud_combining, KMETH_O, NULL},
    {"mirrored", ud_mirrored, KMETH_O, NULL},
    {"decimal", ud_decimal, KMETH_FAST, NULL},
    {"digit", ud_digit, KMETH_FAST, NULL},
    {"numeric", ud_numeric, KMETH_FAST, NULL},
    {"name", ud_name, KMETH_FAST, NULL},
    {"lookup", ud_lookup, KMETH_O, NULL},
    {"normalize", ud_normalize, KMETH_FAST, NULL},
    {"is_normalized", ud_is_normalized, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue ucd_version(KValue self) {
    (void)self;
    return kstr_from_cstr(KUD32_VERSION);
}

static const KGetSetDef ucd_getsets[] = {
    {"unidata_version", ucd_version, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KType ucd_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "unicodedata.UCD",
    .basicsize = sizeof(KObject),
    .methods = ud_functions,
    .getsets = ucd_getsets,
};

KValue kmod_unicodedata_create(void) {
    if (ktype_ready(&ucd_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("unicodedata");
    KValue v = m ? kstr_from_cstr(KUD_VERSION) : KV_NULL;
    KObject *old = v ? kobj_alloc(&ucd_type, sizeof(KObject)) : NULL;
    int r = old ? kmod_add_functions(m, ud_functions) : -1;
    r = r < 0 ? r : kmod_add(m, "unidata_version", v);
    r = r < 0 ? r : kmod_add(m, "UCD", kval_of(&ucd_type));
    r = r < 0 ? r : kmod_add(m, "ucd_3_2_0", kval_of(old));
    kval_xdecref(v);
    if (old) {
        kval_decref(kval_of(old));
    }
    if (r < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
