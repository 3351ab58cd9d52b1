// vm/dict.c: the dict type. A KDictKeys block holds a hash index (slots of
// 1, 2, 4 or 8 bytes holding -1 empty, -2 deleted, or an entry number) and
// the dense, insertion-ordered entry array, as CPython's compact dict. Probing
// is CPython's (i = i*5 + perturb + 1). A lookup whose __eq__ mutates the dict
// starts over. Views and iterators are in dictview.c.
#include "dict.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define MINSIZE 8
#define PERTURB_SHIFT 5

uint64_t kdict_version_counter;
#define dict_version_counter kdict_version_counter

static inline ssize_t dk_size(const KDictKeys *k) {
    return (ssize_t)1 << k->log2size;
}
static inline KDictEntry *dk_entries(KDictKeys *k) {
    return kdict_keys_entries(k);
}
static inline ssize_t dk_get_index(const KDictKeys *k, size_t i) {
    switch (k->log2bytes) {
    case 0:
        return ((const int8_t *)k->indices)[i];
    case 1:
        return ((const int16_t *)k->indices)[i];
    case 2:
        return ((const int32_t *)k->indices)[i];
    default:
        return ((const int64_t *)k->indices)[i];
    }
}
static inline void dk_set_index(KDictKeys *k, size_t i, ssize_t ix) {
    switch (k->log2bytes) {
    case 0:
        ((int8_t *)k->indices)[i] = (int8_t)ix;
        break;
    case 1:
        ((int16_t *)k->indices)[i] = (int16_t)ix;
        break;
    case 2:
        ((int32_t *)k->indices)[i] = (int32_t)ix;
        break;
    default:
        ((int64_t *)k->indices)[i] = ix;
        break;
    }
}

static ssize_t usable_fraction(ssize_t size) {
    return (size << 1) / 3;
}

static KDictKeys *new_keys(uint8_t log2size) {
    ssize_t size = (ssize_t)1 << log2size;
    uint8_t log2bytes = log2size < 8 ? 0 : log2size < 16 ? 1 : log2size < 32 ? 2 : 3;
    ssize_t usable = usable_fraction(size);
    size_t bytes = sizeof(KDictKeys) + ((size_t)size << log2bytes) +
                   (size_t)usable * sizeof(KDictEntry);
    KDictKeys *k = kmem_alloc(bytes);
    if (!k) {
        kerr_no_memory();
        return NULL;
    }
    k->log2size = log2size;
    k->log2bytes = log2bytes;
    k->usable = usable;
    k->nentries = 0;
    memset(k->indices, 0xff, (size_t)size << log2bytes);
    return k;
}

static inline int64_t key_hash(KValue key) {
    if (kstr_check_exact(key)) {
        int64_t h = ((KStr *)key)->hash;
        return h != -1 ? h : kstr_hash(key);
    }
    return kobj_hash(key);
}

// Finds 'key': returns the entry number or DKIX_EMPTY; sets '*slot' to its
// index slot (or the first free one). -2 - 1 = -3 on error.
#define DKIX_ERROR (-3)

static ssize_t lookup(KDict *d, KValue key, int64_t hash, size_t *slot) {
restart:;
    KDictKeys *k = d->keys;
    size_t mask = (size_t)dk_size(k) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    KDictEntry *entries = dk_entries(k);
    int key_is_str = kstr_check_exact(key);
    for (;;) {
        ssize_t ix = dk_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            *slot = i;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            KDictEntry *e = &entries[ix];
            if (e->key == key) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                KValue startkey = e->key;
                if (key_is_str && kstr_check_exact(startkey)) {
                    if (kstr_eq(startkey, key)) {
                        *slot = i;
                        return ix;
                    }
                } else {
                    kval_incref(startkey);
                    int eq = kobj_richcompare_bool(startkey, key, KF_CMP_EQ);
                    kval_decref(startkey);
                    if (eq < 0) {
                        return DKIX_ERROR;
                    }
                    if (k != d->keys || e->key != startkey) {
                        goto restart;
                    }
                    if (eq) {
                        *slot = i;
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// The first free index slot for 'hash' (the key is known to be absent).
static size_t find_empty_slot(KDictKeys *k, int64_t hash) {
    size_t mask = (size_t)dk_size(k) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (dk_get_index(k, i) >= 0 || dk_get_index(k, i) == DKIX_DUMMY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static int resize(KDict *d, ssize_t minsize) {
    uint8_t log2 = 3;
    while (((ssize_t)1 << log2) < minsize) {
        log2++;
    }
    KDictKeys *old = d->keys;
    KDictKeys *k = new_keys(log2);
    if (!k) {
        return -1;
    }
    KDictEntry *src = dk_entries(old), *dst = dk_entries(k);
    ssize_t n = 0;
    for (ssize_t i = 0; i < old->nentries; i++) {
        if (src[i].key) {
            dst[n] = src[i];
            dk_set_index(k, find_empty_slot(k, src[i].hash), n);
            n++;
        }
    }
    k->nentries = n;
    k->usable -= n;
    d->keys = k;
    kmem_free(old);
    return 0;
}

// Inserts the absent 'key'. 'slot', when not SIZE_MAX, is the first free
// index slot of its probe sequence in the current keys (lookup's answer),
// which a dict that needs no resize takes without probing again.
static int insert_new_at(KDict *d, KValue key, KValue value, int64_t hash, size_t slot) {
    if (d->keys->usable <= 0) {
        if (resize(d, d->used * 3) < 0) {
            return -1;
        }
        slot = SIZE_MAX;
    }
    KDictKeys *k = d->keys;
    if (slot == SIZE_MAX) {
        slot = find_empty_slot(k, hash);
    }
    ssize_t ix = k->nentries;
    KDictEntry *e = &dk_entries(k)[ix];
    e->hash = hash;
    e->key = kval_newref(key);
    e->value = kval_newref(value);
    dk_set_index(k, slot, ix);
    k->nentries++;
    k->usable--;
    d->used++;
    d->version = ++dict_version_counter;
    return 0;
}

static int insert_new(KDict *d, KValue key, KValue value, int64_t hash) {
    return insert_new_at(d, key, value, hash, SIZE_MAX);
}

static int dict_set_hashed(KDict *d, KValue key, KValue value, int64_t hash) {
    size_t slot;
    ssize_t ix = lookup(d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix >= 0) {
        KDictEntry *e = &dk_entries(d->keys)[ix];
        KValue old = e->value;
        e->value = kval_newref(value);
        d->version = ++dict_version_counter;
        kval_decref(old);
        return 0;
    }
    return insert_new_at(d, key, value, hash, slot);
}

// ---------------------------------------------------------------------------
// The C API.

static KValue dict_alloc(KType *type) {
    KDict *d = (KDict *)kobj_alloc(type, type == &kdict_type ? sizeof(KDict) : (size_t)type->basicsize);
    if (!d) {
        return kerr_no_memory();
    }
    d->keys = new_keys(3);
    if (!d->keys) {
        kval_decref(kval_of(d));
        return KV_NULL;
    }
    d->version = ++dict_version_counter;
    return kval_of(d);
}

KValue kdict_new(void) {
    return dict_alloc(&kdict_type);
}

int kdict_reserve(KValue dv, ssize_t n) {
    KDict *d = (KDict *)dv;
    if (n <= d->keys->usable) {
        return 0;
    }
    // The index table holds 'usable_fraction' of its size as entries.
    return resize(d, (d->used + n) * 3 / 2 + 1);
}

KValue kdict_get_borrow(KValue dv, KValue key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return KV_NULL;
    }
    size_t slot;
    KDict *d = (KDict *)dv;
    ssize_t ix = lookup(d, key, hash, &slot);
    if (ix < 0) {
        return KV_NULL;
    }
    return dk_entries(d->keys)[ix].value;
}

KValue kdict_get_str_borrow(KValue dv, KValue key) {
    KDict *d = (KDict *)dv;
    int64_t hash = ((KStr *)key)->hash;
    if (hash == -1) {
        hash = kstr_hash(key);
    }
    KDictKeys *k = d->keys;
    size_t mask = (size_t)dk_size(k) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    KDictEntry *entries = dk_entries(k);
    for (;;) {
        ssize_t ix = dk_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            return KV_NULL;
        }
        if (ix >= 0) {
            KDictEntry *e = &entries[ix];
            if (e->key == key) {
                return e->value;
            }
            if (e->hash == hash) {
                if (kstr_check_exact(e->key)) {
                    if (kstr_eq(e->key, key)) {
                        return e->value;
                    }
                } else {
                    size_t s;
                    ix = lookup(d, key, hash, &s);
                    return ix >= 0 ? dk_entries(d->keys)[ix].value : KV_NULL;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

ssize_t kdict_str_index(KValue dv, KValue key) {
    KDict *d = (KDict *)dv;
    int64_t hash = ((KStr *)key)->hash;
    if (hash == -1) {
        hash = kstr_hash(key);
    }
    KDictKeys *k = d->keys;
    size_t mask = (size_t)dk_size(k) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    KDictEntry *entries = dk_entries(k);
    for (;;) {
        ssize_t ix = dk_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            return -1;
        }
        if (ix >= 0) {
            KDictEntry *e = &entries[ix];
            if (e->key == key ||
                (e->hash == hash && kstr_check_exact(e->key) && kstr_eq(e->key, key))) {
                return ix;
            }
            if (e->hash == hash && !kstr_check_exact(e->key)) {
                return -1; // odd keys: let the slow path decide
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

KValue kdict_get_cstr_borrow(KValue d, const char *key) {
    KValue k = kstr_from_cstr(key);
    if (!k) {
        return KV_NULL;
    }
    KValue r = kdict_get_borrow(d, k);
    kval_decref(k);
    return r;
}

int kdict_set(KValue d, KValue key, KValue value) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return dict_set_hashed((KDict *)d, key, value, hash);
}

int kdict_set_str(KValue dv, KValue key, KValue value) {
    KDict *d = (KDict *)dv;
    int64_t hash = ((KStr *)key)->hash;
    if (hash == -1) {
        hash = kstr_hash(key);
    }
    KDictKeys *k = d->keys;
    size_t mask = (size_t)dk_size(k) - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    KDictEntry *entries = dk_entries(k);
    int dummies = 0;
    for (;;) {
        ssize_t ix = dk_get_index(k, i);
        if (ix == DKIX_EMPTY) {
            break;
        }
        if (ix >= 0) {
            KDictEntry *e = &entries[ix];
            if (e->key == key || (e->hash == hash && kstr_check_exact(e->key) &&
                                  kstr_eq(e->key, key))) {
                KValue old = e->value;
                e->value = kval_newref(value);
                d->version = ++dict_version_counter;
                kval_decref(old);
                return 0;
            }
            if (e->hash == hash) {
                return dict_set_hashed(d, key, value, hash); // a key that is not a str
            }
        } else {
            dummies = 1;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    if (dummies || k->usable <= 0) {
        return insert_new(d, key, value, hash);
    }
    // Absent: 'i' is the first free slot of the probe sequence.
    ssize_t ix = k->nentries;
    KDictEntry *e = &entries[ix];
    e->hash = hash;
    e->key = kval_newref(key);
    e->value = kval_newref(value);
    dk_set_index(k, i, ix);
    k->nentries++;
    k->usable--;
    d->used++;
    d->version = ++dict_version_counter;
    return 0;
}

int kdict_set_cstr(KValue d, const char *key, KValue value) {
    KValue k = kstr_intern_cstr(key);
    if (!k) {
        return -1;
    }
    int r = kdict_set(d, k, value);
    kval_decref(k);
    return r;
}

static void delete_at(KDict *d, size_t slot, ssize_t ix) {
    KDictEntry *e = &dk_entries(d->keys)[ix];
    KValue k = e->key, v = e->value;
    e->key = KV_NULL;
    e->value = KV_NULL;
    dk_set_index(d->keys, slot, DKIX_DUMMY);
    d->used--;
    d->version = ++dict_version_counter;
    kval_decref(k);
    kval_decref(v);
}

int kdict_discard(KValue dv, KValue key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    KDict *d = (KDict *)dv;
    size_t slot;
    ssize_t ix = lookup(d, key, hash, &slot);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix < 0) {
        return 0;
    }
    delete_at(d, slot, ix);
    return 1;
}

int kdict_del(KValue d, KValue key) {
    int r = kdict_discard(d, key);
    if (r == 0) {
        kerr_set_key(key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

KValue kdict_pop(KValue dv, KValue key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return KV_NULL;
    }
    KDict *d = (KDict *)dv;
    size_t slot;
    ssize_t ix = lookup(d, key, hash, &slot);
    if (ix < 0) {
        return KV_NULL;
    }
    KValue v = kval_newref(dk_entries(d->keys)[ix].value);
    delete_at(d, slot, ix);
    return v;
}

int kdict_contains(KValue dv, KValue key) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    size_t slot;
    ssize_t ix = lookup((KDict *)dv, key, hash, &slot);
    return ix == DKIX_ERROR ? -1 : ix >= 0;
}

int kdict_next(KValue dv, ssize_t *pos, KValue *key, KValue *value) {
    KDict *d = (KDict *)dv;
    KDictEntry *e = dk_entries(d->keys);
    ssize_t i = *pos;
    while (i < d->keys->nentries && !e[i].key) {
        i++;
    }
    if (i >= d->keys->nentries) {
        return 0;
    }
    *pos = i + 1;
    if (key) {
        *key = e[i].key;
    }
    if (value) {
        *value = e[i].value;
    }
    return 1;
}

void kdict_clear(KValue dv) {
    KDict *d = (KDict *)dv;
    KDictKeys *old = d->keys;
    KDictKeys *k = new_keys(3);
    if (!k) {
        kerr_clear(); // clearing never fails: keep the old table emptied in place below
        return;
    }
    d->keys = k;
    d->used = 0;
    d->version = ++dict_version_counter;
    KDictEntry *e = dk_entries(old);
    for (ssize_t i = 0; i < old->nentries; i++) {
        if (e[i].key) {
            kval_decref(e[i].key);
            kval_decref(e[i].value);
        }
    }
    kmem_free(old);
}

KValue kdict_copy(KValue d) {
    KValue r = kdict_new();
    if (r && kdict_merge(r, d, 1) < 0) {
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

int kdict_merge(KValue dv, KValue src, int override) {
    if (kdict_check(src) && kval_type(src)->iter == kdict_type.iter) {
        KDict *d = (KDict *)dv;
        KDict *s = (KDict *)src;
        if (d->used == 0 && d->keys->usable < s->used && resize(d, (s->used * 3 + 1) / 2) < 0) {
            return -1;
        }
        ssize_t pos = 0;
        KValue k, v;
        while (kdict_next(src, &pos, &k, &v)) {
            KDictEntry *e = &dk_entries(s->keys)[pos - 1];
            if (override != 1) {
                size_t slot;
                ssize_t ix = lookup(d, k, e->hash, &slot);
                if (ix == DKIX_ERROR) {
                    return -1;
                }
                if (ix >= 0) {
                    if (override < 0) {
                        kerr_set_key(k);
                        return -1;
                    }
                    continue;
                }
            }
            kval_incref(k);
            kval_incref(v);
            int r = dict_set_hashed(d, k, v, e->hash);
            kval_decref(k);
            kval_decref(v);
            if (r < 0) {
                return -1;
            }
        }
        return 0;
    }
    KValue keys = kobj_call_method(src, KID(keys), NULL, 0);
    if (!keys) {
        return -1;
    }
    KValue it = kobj_get_iter(keys);
    kval_decref(keys);
    if (!it) {
        return -1;
    }
    KValue k;
    while ((k = kobj_iter_next(it))) {
        if (override != 1) {
            int has = kdict_contains(dv, k);
            if (has != 0) {
                if (has > 0 && override < 0) {
                    kerr_set_key(k);
                    has = -1;
                }
                kval_decref(k);
                if (has < 0) {
                    kval_decref(it);
                    return -1;
                }
                continue;
            }
        }
        KValue v = kobj_getitem(src, k);
        int r = v ? kdict_set(dv, k, v) : -1;
        kval_xdecref(v);
        kval_decref(k);
        if (r < 0) {
            kval_decref(it);
            return -1;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

int kdict_merge_pairs(KValue d, KValue iterable) {
    KValue it = kobj_get_iter(iterable);
    if (!it) {
        return -1;
    }
    KValue item;
    ssize_t i = 0;
    while ((item = kobj_iter_next(it))) {
        KValue seq = kseq_fast(item, "");
        if (!seq) {
            kerr_clear();
            kerr_format(&kexc_TypeError,
                        "cannot convert dictionary update sequence element #%zd to a sequence", i);
            kval_decref(item);
            kval_decref(it);
            return -1;
        }
        ssize_t n = klist_check(seq) ? klist_len(seq) : ktuple_len(seq);
        KValue *p = klist_check(seq) ? klist_items(seq) : ktuple_items(seq);
        int r;
        if (n != 2) {
            kerr_format(&kexc_ValueError,
                        "dictionary update sequence element #%zd has length %zd; 2 is required",
                        i, n);
            r = -1;
        } else {
            r = kdict_set(d, p[0], p[1]);
        }
        kval_decref(seq);
        kval_decref(item);
        if (r < 0) {
            kval_decref(it);
            return -1;
        }
        i++;
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

static KValue list_of(KValue dv, int what) {
    KDict *d = (KDict *)dv;
    KValue l = klist_new(d->used);
    if (!l) {
        return KV_NULL;
    }
    ssize_t pos = 0, n = 0;
    KValue k, v;
    while (kdict_next(dv, &pos, &k, &v)) {
        KValue item;
        if (what == 0) {
            item = kval_newref(k);
        } else if (what == 1) {
            item = kval_newref(v);
        } else {
            item = ktuple_pack(2, k, v);
            if (!item) {
                kval_decref(l);
                return KV_NULL;
            }
        }
        klist_items(l)[n++] = item;
    }
    return l;
}

KValue kdict_keys_list(KValue d) {
    return list_of(d, 0);
}
KValue kdict_values_list(KValue d) {
    return list_of(d, 1);
}
KValue kdict_items_list(KValue d) {
    return list_of(d, 2);
}

// ---------------------------------------------------------------------------
// Slots.

static void dict_dealloc(KObject *o) {
    KDict *d = (KDict *)o;
    kgc_untrack(o);
    if (d->keys) {
        KDictEntry *e = dk_entries(d->keys);
        for (ssize_t i = 0; i < d->keys->nentries; i++) {
            if (e[i].key) {
                kval_decref(e[i].key);
                kval_decref(e[i].value);
            }
        }
        kmem_free(d->keys);
    }
    kobj_free(o);
}

static int dict_traverse(KObject *o, KVisitFn visit, void *arg) {
    KDict *d = (KDict *)o;
    KDictEntry *e = dk_entries(d->keys);
    for (ssize_t i = 0; i < d->keys->nentries; i++) {
        if (e[i].key && (visit(e[i].key, arg) || visit(e[i].value, arg))) {
            return 1;
        }
    }
    return 0;
}

static void dict_clear_slot(KObject *o) {
    kdict_clear(kval_of(o));
}

static KValue dict_repr(KValue v) {
    if (kdict_len(v) == 0) {
        return kstr_from_cstr("{}");
    }
    int r = krepr_enter(v);
    if (r != 0) {
        return r > 0 ? kstr_from_cstr("{...}") : KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_char(&b, '{');
    ssize_t pos = 0;
    KValue k, val;
    int first = 1;
    while (kdict_next(v, &pos, &k, &val)) {
        if (!first) {
            kstr_builder_ascii(&b, ", ", 2);
        }
        first = 0;
        kval_incref(k);
        kval_incref(val);
        KValue ks = kobj_repr(k);
        KValue vs = ks ? kobj_repr(val) : KV_NULL;
        kval_decref(k);
        kval_decref(val);
        if (!vs) {
            kval_xdecref(ks);
            kstr_builder_discard(&b);
            krepr_leave(v);
            return KV_NULL;
        }
        kstr_builder_str(&b, ks);
        kstr_builder_ascii(&b, ": ", 2);
        kstr_builder_str(&b, vs);
        kval_decref(ks);
        kval_decref(vs);
    }
    kstr_builder_char(&b, '}');
    krepr_leave(v);
    return kstr_builder_finish(&b);
}

static KValue dict_richcompare(KValue a, KValue b, int op) {
    if (!kdict_check(a) || !kdict_check(b) || (op != KF_CMP_EQ && op != KF_CMP_NE)) {
        return kval_newref(KV_NOTIMPL);
    }
    int eq = 1;
    if (kdict_len(a) != kdict_len(b)) {
        eq = 0;
    } else {
        ssize_t pos = 0;
        KValue k, v;
        while (eq && kdict_next(a, &pos, &k, &v)) {
            kval_incref(k);
            kval_incref(v);
            KValue w = kdict_get_borrow(b, k);
            int r;
            if (!w) {
                r = kerr_occurred() ? -1 : 0;
            } else {
                kval_incref(w);
                r = kobj_richcompare_bool(v, w, KF_CMP_EQ);
                kval_decref(w);
            }
            kval_decref(k);
            kval_decref(v);
            if (r < 0) {
                return KV_NULL;
            }
            eq = r;
        }
    }
    return kbool_from(op == KF_CMP_EQ ? eq : !eq);
}

static ssize_t dict_len_slot(KValue v) {
    return kdict_len(v);
}

static KValue dict_getitem(KValue d, KValue key) {
    KValue v = kdict_get_borrow(d, key);
    if (v) {
        return kval_newref(v);
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    if (!kdict_check_exact(d)) {
        int found;
        KValue r = kobj_call_special(d, KID(__missing__), &key, 1, &found);
        if (found || r) {
            return r;
        }
        if (kerr_occurred()) {
            return KV_NULL;
        }
    }
    kerr_set_key(key);
    return KV_NULL;
}

static int dict_setitem(KValue d, KValue key, KValue value) {
    return value ? kdict_set(d, key, value) : kdict_del(d, key);
}

static int dict_contains_slot(KValue d, KValue key) {
    return kdict_contains(d, key);
}

static KValue dict_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return dict_alloc(type);
}

// dict.update(arg, **kwargs) semantics.
static int dict_update_common(KValue self, const KValue *args, size_t nargs, KValue kwnames,
                              const char *name) {
    if (kargs_count(name, nargs, 0, 1) < 0) {
        return -1;
    }
    if (nargs) {
        KValue arg = args[0];
        int has_keys = kdict_check(arg);
        if (!has_keys) {
            KValue m;
            int r = kobj_lookup_attr(arg, KID(keys), &m);
            if (r < 0) {
                return -1;
            }
            if (r) {
                kval_decref(m);
            }
            has_keys = r;
        }
        if ((has_keys ? kdict_merge(self, arg, 1) : kdict_merge_pairs(self, arg)) < 0) {
            return -1;
        }
    }
    if (kwnames) {
        for (ssize_t i = 0; i < ktuple_len(kwnames); i++) {
            if (kdict_set(self, ktuple_items(kwnames)[i], args[nargs + i]) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int dict_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return dict_update_common(self, args, nargs, kwnames, "dict");
}

static KValue dict_or(KValue a, KValue b) {
    if (!kdict_check(a) || !kdict_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    KValue r = kdict_copy(a);
    if (r && kdict_merge(r, b, 1) < 0) {
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

static KValue dict_ior(KValue a, KValue b) {
    if (dict_update_common(a, &b, 1, KV_NULL, "update") < 0) {
        return KV_NULL;
    }
    return kval_newref(a);
}

// ---------------------------------------------------------------------------
// Methods.

static KValue dict_get_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("get", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue v = kdict_get_borrow(self, args[0]);
    if (v) {
        return kval_newref(v);
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    return kval_newref(nargs > 1 ? args[1] : KV_NONE);
}

static KValue dict_setdefault(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("setdefault", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue v = kdict_get_borrow(self, args[0]);
    if (v) {
        return kval_newref(v);
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    KValue dflt = nargs > 1 ? args[1] : KV_NONE;
    if (kdict_set(self, args[0], dflt) < 0) {
        return KV_NULL;
    }
    return kval_newref(dflt);
}

static KValue dict_pop_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("pop", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    // As CPython's: an empty dict answers without hashing the key, so
    // {}.pop([], None) is None, not an unhashable-type error.
    KValue v = ((KDict *)self)->used ? kdict_pop(self, args[0]) : KV_NULL;
    if (v || kerr_occurred()) {
        return v;
    }
    if (nargs > 1) {
        return kval_newref(args[1]);
    }
    kerr_set_key(args[0]);
    return KV_NULL;
}

static KValue dict_popitem(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KDict *d = (KDict *)self;
    if (d->used == 0) {
        kerr_set(&kexc_KeyError, "popitem(): dictionary is empty");
        return KV_NULL;
    }
    KDictEntry *e = dk_entries(d->keys);
    ssize_t i = d->keys->nentries - 1;
    while (!e[i].key) {
        i--;
    }
    KValue r = ktuple_pack(2, e[i].key, e[i].value);
    if (!r) {
        return KV_NULL;
    }
    size_t slot;
    ssize_t ix = lookup(d, e[i].key, e[i].hash, &slot);
    if (ix >= 0) {
        delete_at(d, slot, ix);
        d->keys->nentries = ix; // popping the last entry frees its place
    }
    return r;
}

static KValue dict_update_m(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (dict_update_common(self, args, nargs, kwnames, "update") < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

static KValue dict_clear_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    kdict_clear(self);
    return KV_NONE;
}

static KValue dict_copy_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kdict_copy(self);
}

static KValue dict_fromkeys(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("fromkeys", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue value = nargs > 1 ? args[1] : KV_NONE;
    KValue d = kobj_call0(cls);
    if (!d) {
        return KV_NULL;
    }
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        kval_decref(d);
        return KV_NULL;
    }
    KValue k;
    while ((k = kobj_iter_next(it))) {
        int r = kdict_check_exact(d) ? kdict_set(d, k, value) : kobj_setitem(d, k, value);
        kval_decref(k);
        if (r < 0) {
            kval_decref(it);
            kval_decref(d);
            return KV_NULL;
        }
    }
    kval_decref(it);
    if (kerr_occurred()) {
        kval_decref(d);
        return KV_NULL;
    }
    return d;
}

static KValue dict_contains_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    int r = kdict_contains(self, args[0]);
    return r < 0 ? KV_NULL : kbool_from(r);
}

static KValue dict_getitem_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return dict_getitem(self, args[0]);
}

static KValue dict_sizeof(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KDictKeys *k = ((KDict *)self)->keys;
    return kint_from_i64(48 + (int64_t)(dk_size(k) << k->log2bytes) +
                         usable_fraction(dk_size(k)) * 24);
}

KValue kdictview_new(KValue dict, int kind);
KValue kdict_reversed_iter(KValue dict);

static KValue dict_keys_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kdictview_new(self, 0);
}
static KValue dict_values_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kdictview_new(self, 1);
}
static KValue dict_items_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kdictview_new(self, 2);
}
static KValue dict_reversed_m(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kdict_reversed_iter(self);
}

KValue kgeneric_alias_new(KValue origin, KValue args);

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef dict_methods[] = {
    {"get", dict_get_m, KMETH_FAST, NULL},
    {"setdefault", dict_setdefault, KMETH_FAST, NULL},
    {"pop", dict_pop_m, KMETH_FAST, NULL},
    {"popitem", dict_popitem, KMETH_NOARGS, NULL},
    {"keys", dict_keys_m, KMETH_NOARGS, NULL},
    {"values", dict_values_m, KMETH_NOARGS, NULL},
    {"items", dict_items_m, KMETH_NOARGS, NULL},
    {"update", dict_update_m, KMETH_KW, NULL},
    {"clear", dict_clear_m, KMETH_NOARGS, NULL},
    {"copy", dict_copy_m, KMETH_NOARGS, NULL},
    {"fromkeys", dict_fromkeys, KMETH_FAST | KMETH_CLASS, NULL},
    {"__contains__", dict_contains_m, KMETH_O, NULL},
    {"__getitem__", dict_getitem_m, KMETH_O, NULL},
    {"__reversed__", dict_reversed_m, KMETH_NOARGS, NULL},
    {"__sizeof__", dict_sizeof, KMETH_NOARGS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kdict_iter(KValue d);

KType kdict_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "dict",
    .basicsize = sizeof(KDict),
    .flags = KTF_BASETYPE | KTF_GC | KTF_DICT_SUBCLASS | KTF_MAPPING,
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
    .repr = dict_repr,
    .hash = kobj_hash_not_implemented,
    .richcompare = dict_richcompare,
    .iter = kdict_iter,
    .new_ = dict_new,
    .init = dict_init,
    .len = dict_len_slot,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains_slot,
    .nb = &(KNumberSlots){.binop = {[KNB_OR] = dict_or}, .inplace = {[KNB_OR] = dict_ior}},
    .methods = dict_methods,
    .doc = "dict() -> new empty dictionary\n"
        "dict(mapping) -> new dictionary initialized from a mapping object's\n"
        "    (key, value) pairs\n"
        "dict(iterable) -> new dictionary initialized as if via:\n"
        "    d = {}\n"
        "    for k, v in iterable:\n"
        "        d[k] = v\n"
        "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
        "    in the keyword argument list.  For example:  dict(one=1, two=2)",
};
