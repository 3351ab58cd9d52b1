// vm/set.c: set and frozenset with CPython's table: open addressing, nine
// linear probes then perturbed jumps (i = i*5 + 1 + perturb), dummies for
// deleted keys, grown to used*4 (used*2 past 50000) when 3/5 full; so a set
// of small ints iterates in the same order as CPython's.
#include "set.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

static KObject dummy_obj = {KOBJ_STATIC_HEAD(&knone_type)};
#define DUMMY ((KValue)&dummy_obj)

int kanyset_check(KValue v) {
    if (kval_is_int(v)) {
        return 0;
    }
    KType *t = kval_obj(v)->type;
    return t == &kset_type || t == &kfrozenset_type || ktype_is_subtype(t, &kset_type) ||
           ktype_is_subtype(t, &kfrozenset_type);
}

static int64_t hash_of(KValue key) {
    if (kstr_check_exact(key)) {
        int64_t h = ((KStr *)key)->hash;
        return h != -1 ? h : kstr_hash(key);
    }
    return kobj_hash(key);
}

static void insert_clean(KSetEntry *table, size_t mask, KValue key, int64_t hash) {
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        KSetEntry *e = &table[i];
        if (!e->key) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static int table_resize(KSet *s, ssize_t minused) {
    size_t newsize = KSET_SMALL;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    KSetEntry *old = s->table;
    ssize_t oldmask = s->mask;
    KSetEntry small_copy[KSET_SMALL];
    int old_malloced = old != s->smalltable;
    KSetEntry *nt;
    if (newsize == KSET_SMALL) {
        nt = s->smalltable;
        if (nt == old) {
            if (s->fill == s->used) {
                return 0;
            }
            memcpy(small_copy, old, sizeof small_copy);
            old = small_copy;
        }
    } else {
        nt = kmem_alloc(newsize * sizeof(KSetEntry));
        if (!nt) {
            kerr_no_memory();
            return -1;
        }
    }
    memset(nt, 0, newsize * sizeof(KSetEntry));
    s->table = nt;
    s->mask = (ssize_t)newsize - 1;
    for (ssize_t i = 0; i <= oldmask; i++) {
        KValue k = old[i].key;
        if (k && k != DUMMY) {
            insert_clean(nt, (size_t)s->mask, k, old[i].hash);
        }
    }
    s->fill = s->used;
    if (old_malloced) {
        kmem_free(old);
    }
    return 0;
}

// Adds 'key' (borrowed) with its hash. -1 on error.
static int add_entry(KSet *s, KValue key, int64_t hash) {
    kval_incref(key);
restart:;
    size_t mask = (size_t)s->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    KSetEntry *freeslot = NULL;
    for (;;) {
        KSetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && !e->key) {
                goto found_unused;
            }
            if (e->hash == hash && e->key != DUMMY) {
                KValue startkey = e->key;
                if (startkey == key) {
                    goto found_active;
                }
                if (kstr_check_exact(startkey) && kstr_check_exact(key)) {
                    if (kstr_eq(startkey, key)) {
                        goto found_active;
                    }
                } else {
                    KSetEntry *table = s->table;
                    kval_incref(startkey);
                    int cmp = kobj_richcompare_bool(startkey, key, KF_CMP_EQ);
                    kval_decref(startkey);
                    if (cmp < 0) {
                        kval_decref(key);
                        return -1;
                    }
                    if (table != s->table || e->key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        goto found_active;
                    }
                    mask = (size_t)s->mask;
                }
            } else if (e->key == DUMMY && !freeslot) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_unused:
        if (freeslot) {
            freeslot->key = key;
            freeslot->hash = hash;
            s->used++;
            return 0;
        }
        s->fill++;
        s->used++;
        e->key = key;
        e->hash = hash;
        if ((size_t)s->fill * 5 < mask * 3) {
            return 0;
        }
        return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
    found_active:
        kval_decref(key);
        return 0;
    }
}

// The entry holding 'key', or NULL (and on error NULL with an exception).
static KSetEntry *lookup(KSet *s, KValue key, int64_t hash) {
restart:;
    size_t mask = (size_t)s->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        KSetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && !e->key) {
                return NULL;
            }
            if (e->hash == hash && e->key != DUMMY) {
                KValue startkey = e->key;
                if (startkey == key) {
                    return e;
                }
                if (kstr_check_exact(startkey) && kstr_check_exact(key)) {
                    if (kstr_eq(startkey, key)) {
                        return e;
                    }
                } else {
                    KSetEntry *table = s->table;
                    kval_incref(startkey);
                    int cmp = kobj_richcompare_bool(startkey, key, KF_CMP_EQ);
                    kval_decref(startkey);
                    if (cmp < 0) {
                        return NULL;
                    }
                    if (table != s->table || e->key != startkey) {
                        goto restart;
                    }
                    if (cmp > 0) {
                        return e;
                    }
                    mask = (size_t)s->mask;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// ---------------------------------------------------------------------------
// The C API.

static KValue set_alloc(KType *type) {
    KSet *s = (KSet *)kobj_alloc(type, (size_t)type->basicsize);
    if (!s) {
        return kerr_no_memory();
    }
    s->table = s->smalltable;
    s->mask = KSET_SMALL - 1;
    s->hash = -1;
    return kval_of(s);
}

int kset_add(KValue set, KValue key) {
    int64_t h = hash_of(key);
    if (h == -1) {
        return -1;
    }
    return add_entry((KSet *)set, key, h);
}

int kset_contains(KValue set, KValue key) {
    int64_t h = hash_of(key);
    if (h == -1) {
        if (kerr_matches(&kexc_TypeError) && kanyset_check(key)) {
            // A set is looked up as the frozenset with the same items.
            kerr_clear();
            KValue fs = kfrozenset_new(key);
            if (!fs) {
                return -1;
            }
            int r = kset_contains(set, fs);
            kval_decref(fs);
            return r;
        }
        return -1;
    }
    KSetEntry *e = lookup((KSet *)set, key, h);
    if (!e) {
        return kerr_occurred() ? -1 : 0;
    }
    return 1;
}

int kset_discard(KValue set, KValue key) {
    int64_t h = hash_of(key);
    if (h == -1) {
        return -1;
    }
    KSet *s = (KSet *)set;
    KSetEntry *e = lookup(s, key, h);
    if (!e) {
        return kerr_occurred() ? -1 : 0;
    }
    KValue old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    kval_decref(old);
    return 1;
}

int kset_next(KValue set, ssize_t *pos, KValue *key) {
    KSet *s = (KSet *)set;
    ssize_t i = *pos;
    while (i <= s->mask && (!s->table[i].key || s->table[i].key == DUMMY)) {
        i++;
    }
    *pos = i + 1;
    if (i > s->mask) {
        return 0;
    }
    *key = s->table[i].key;
    return 1;
}

static int set_merge(KSet *s, KSet *o) {
    if (o->used == 0) {
        return 0;
    }
    if ((s->fill + o->used) * 5 >= s->mask * 3) {
        if (table_resize(s, (s->used + o->used) * 2) < 0) {
            return -1;
        }
    }
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (ssize_t i = 0; i <= o->mask; i++) {
            KValue k = o->table[i].key;
            if (k) {
                s->table[i].key = kval_newref(k);
                s->table[i].hash = o->table[i].hash;
            }
        }
        s->fill = o->fill;
        s->used = o->used;
        return 0;
    }
    if (s->fill == 0) {
        for (ssize_t i = 0; i <= o->mask; i++) {
            KValue k = o->table[i].key;
            if (k && k != DUMMY) {
                insert_clean(s->table, (size_t)s->mask, kval_newref(k), o->table[i].hash);
            }
        }
        s->fill = s->used = o->used;
        return 0;
    }
    for (ssize_t i = 0; i <= o->mask; i++) {
        KValue k = o->table[i].key;
        if (k && k != DUMMY && add_entry(s, k, o->table[i].hash) < 0) {
            return -1;
        }
    }
    return 0;
}

int kset_update(KValue set, KValue iterable) {
    KSet *s = (KSet *)set;
    if (kanyset_check(iterable)) {
        return set_merge(s, (KSet *)iterable);
    }
    if (kdict_check_exact(iterable)) {
        ssize_t n = kdict_len(iterable);
        if ((s->fill + n) * 5 >= s->mask * 3 && table_resize(s, (s->used + n) * 2) < 0) {
            return -1;
        }
        ssize_t pos = 0;
        KValue k;
        while (kdict_next(iterable, &pos, &k, NULL)) {
            if (kset_add(set, k) < 0) {
                return -1;
            }
        }
        return 0;
    }
    KValue it = kobj_get_iter(iterable);
    if (!it) {
        return -1;
    }
    KValue k;
    while ((k = kobj_iter_next(it))) {
        int r = kset_add(set, k);
        kval_decref(k);
        if (r < 0) {
            kval_decref(it);
            return -1;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

static KValue make_set(KType *type, KValue iterable) {
    KValue s = set_alloc(type);
    if (s && iterable && kset_update(s, iterable) < 0) {
        kval_decref(s);
        return KV_NULL;
    }
    return s;
}

KValue kset_new(KValue iterable) {
    return make_set(&kset_type, iterable);
}

KValue kfrozenset_new(KValue iterable) {
    return make_set(&kfrozenset_type, iterable);
}

static void set_clear_internal(KSet *s) {
    KSetEntry *table = s->table;
    ssize_t mask = s->mask;
    KSetEntry small_copy[KSET_SMALL];
    if (table == s->smalltable) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    int malloced = s->table != s->smalltable;
    memset(s->smalltable, 0, sizeof s->smalltable);
    s->table = s->smalltable;
    s->mask = KSET_SMALL - 1;
    s->fill = s->used = 0;
    for (ssize_t i = 0; i <= mask; i++) {
        if (table[i].key && table[i].key != DUMMY) {
            kval_decref(table[i].key);
        }
    }
    if (malloced) {
        kmem_free(table);
    }
}

// ---------------------------------------------------------------------------
// Slots.

static void set_dealloc(KObject *o) {
    KSet *s = (KSet *)o;
    kgc_untrack(o);
    for (ssize_t i = 0; i <= s->mask; i++) {
        if (s->table[i].key && s->table[i].key != DUMMY) {
            kval_decref(s->table[i].key);
        }
    }
    if (s->table != s->smalltable) {
        kmem_free(s->table);
    }
    kobj_free(o);
}

static int set_traverse(KObject *o, KVisitFn visit, void *arg) {
    KSet *s = (KSet *)o;
    for (ssize_t i = 0; i <= s->mask; i++) {
        KValue k = s->table[i].key;
        if (k && k != DUMMY && visit(k, arg)) {
            return 1;
        }
    }
    return 0;
}

static void set_clear_slot(KObject *o) {
    set_clear_internal((KSet *)o);
}

static KValue set_repr(KValue v) {
    KSet *s = (KSet *)v;
    const char *tname = ktype_name(kval_type(v));
    if (s->used == 0) {
        return kstr_from_format("%s()", tname);
    }
    int r = krepr_enter(v);
    if (r != 0) {
        return r > 0 ? kstr_from_format("%s(...)", tname) : KV_NULL;
    }
    KValue l = klist_from_iterable(v);
    KValue lr = l ? kobj_repr(l) : KV_NULL;
    kval_xdecref(l);
    KValue res = KV_NULL;
    if (lr) {
        KValue inner = kstr_substr(lr, 1, kstr_len(lr) - 1);
        if (inner) {
            if (kval_type(v) == &kset_type) {
                res = kstr_from_format("{%U}", inner);
            } else {
                res = kstr_from_format("%s({%U})", tname, inner);
            }
            kval_decref(inner);
        }
        kval_decref(lr);
    }
    krepr_leave(v);
    return res;
}

static ssize_t set_len(KValue v) {
    return ((KSet *)v)->used;
}

static int set_contains_slot(KValue v, KValue key) {
    return kset_contains(v, key);
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static int64_t frozenset_hash(KValue v) {
    KSet *s = (KSet *)v;
    if (s->hash != -1) {
        return s->hash;
    }
    uint64_t hash = 0;
    for (ssize_t i = 0; i <= s->mask; i++) {
        KValue k = s->table[i].key;
        if (k && k != DUMMY) {
            hash ^= shuffle_bits((uint64_t)s->table[i].hash);
        }
    }
    hash ^= ((uint64_t)s->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) {
        hash = 590923713UL;
    }
    s->hash = (int64_t)hash;
    return s->hash;
}

static int issubset(KValue a, KValue b) {
    if (kset_len(a) > kset_len(b)) {
        return 0;
    }
    ssize_t pos = 0;
    KValue k;
    while (kset_next(a, &pos, &k)) {
        int r = kset_contains(b, k);
        if (r <= 0) {
            return r;
        }
    }
    return 1;
}

static KValue set_richcompare(KValue a, KValue b, int op) {
    if (!kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    int r;
    switch (op) {
    case KF_CMP_EQ:
    case KF_CMP_NE:
        r = kset_len(a) == kset_len(b) ? issubset(a, b) : 0;
        if (r < 0) {
            return KV_NULL;
        }
        return kbool_from(op == KF_CMP_EQ ? r : !r);
    case KF_CMP_LE:
        r = issubset(a, b);
        break;
    case KF_CMP_GE:
        r = issubset(b, a);
        break;
    case KF_CMP_LT:
        r = kset_len(a) < kset_len(b) ? issubset(a, b) : 0;
        break;
    default:
        r = kset_len(a) > kset_len(b) ? issubset(b, a) : 0;
        break;
    }
    return r < 0 ? KV_NULL : kbool_from(r);
}

// Set algebra. 'result_type' follows the left operand.
static KValue set_copy_of(KValue a) {
    KType *t = kval_type(a);
    if (t != &kset_type && t != &kfrozenset_type) {
        t = ktype_is_subtype(t, &kfrozenset_type) ? &kfrozenset_type : &kset_type;
    }
    return make_set(t, a);
}

static KValue set_union_op(KValue a, KValue b) {
    if (!kanyset_check(a) || !kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    KValue r = set_copy_of(a);
    if (r && set_merge((KSet *)r, (KSet *)b) < 0) {
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

static KValue intersection(KValue a, KValue other) {
    KType *t = kval_type(a);
    t = ktype_is_subtype(t, &kfrozenset_type) ? &kfrozenset_type : &kset_type;
    KValue r = set_alloc(t);
    if (!r) {
        return KV_NULL;
    }
    if (kanyset_check(other)) {
        KValue small = a, big = other;
        if (kset_len(other) < kset_len(a)) {
            small = other, big = a;
        }
        ssize_t pos = 0;
        KValue k;
        while (kset_next(small, &pos, &k)) {
            int c = kset_contains(big, k);
            if (c < 0 || (c && kset_add(r, k) < 0)) {
                kval_decref(r);
                return KV_NULL;
            }
        }
        return r;
    }
    KValue it = kobj_get_iter(other);
    if (!it) {
        kval_decref(r);
        return KV_NULL;
    }
    KValue k;
    while ((k = kobj_iter_next(it))) {
        int c = kset_contains(a, k);
        if (c < 0 || (c && kset_add(r, k) < 0)) {
            kval_decref(k);
            kval_decref(it);
            kval_decref(r);
            return KV_NULL;
        }
        kval_decref(k);
    }
    kval_decref(it);
    if (kerr_occurred()) {
        kval_decref(r);
        return KV_NULL;
    }
    return r;
}

static KValue set_and_op(KValue a, KValue b) {
    if (!kanyset_check(a) || !kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return intersection(a, b);
}

static KValue difference(KValue a, KValue other) {
    KType *t = kval_type(a);
    t = ktype_is_subtype(t, &kfrozenset_type) ? &kfrozenset_type : &kset_type;
    KValue r = set_alloc(t);
    if (!r) {
        return KV_NULL;
    }
    KValue o = other;
    int owned = 0;
    if (!kanyset_check(o) && !kdict_check(o)) {
        o = kset_new(other);
        if (!o) {
            kval_decref(r);
            return KV_NULL;
        }
        owned = 1;
    }
    ssize_t pos = 0;
    KValue k;
    while (kset_next(a, &pos, &k)) {
        int c = kdict_check(o) ? kdict_contains(o, k) : kset_contains(o, k);
        if (c < 0 || (!c && add_entry((KSet *)r, k, ((KSet *)a)->table[pos - 1].hash) < 0)) {
            kval_decref(r);
            if (owned) {
                kval_decref(o);
            }
            return KV_NULL;
        }
    }
    if (owned) {
        kval_decref(o);
    }
    return r;
}

static KValue set_sub_op(KValue a, KValue b) {
    if (!kanyset_check(a) || !kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return difference(a, b);
}

static KValue symmetric_difference(KValue a, KValue other) {
    KValue o = kanyset_check(other) ? kval_newref(other) : kset_new(other);
    if (!o) {
        return KV_NULL;
    }
    KValue r = set_copy_of(a);
    if (!r) {
        kval_decref(o);
        return KV_NULL;
    }
    ssize_t pos = 0;
    KValue k;
    while (kset_next(o, &pos, &k)) {
        int64_t h = ((KSet *)o)->table[pos - 1].hash;
        KSetEntry *e = lookup((KSet *)r, k, h);
        if (!e && kerr_occurred()) {
            goto error;
        }
        if (e) {
            KValue old = e->key;
            e->key = DUMMY;
            e->hash = -1;
            ((KSet *)r)->used--;
            kval_decref(old);
        } else if (add_entry((KSet *)r, k, h) < 0) {
            goto error;
        }
    }
    kval_decref(o);
    return r;
error:
    kval_decref(o);
    kval_decref(r);
    return KV_NULL;
}

static KValue set_xor_op(KValue a, KValue b) {
    if (!kanyset_check(a) || !kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return symmetric_difference(a, b);
}

// In-place forms (set only).
static KValue replace_contents(KValue a, KValue r) {
    if (!r) {
        return KV_NULL;
    }
    KSet *s = (KSet *)a;
    set_clear_internal(s);
    int rc = set_merge(s, (KSet *)r);
    kval_decref(r);
    return rc < 0 ? KV_NULL : kval_newref(a);
}

static KValue set_ior(KValue a, KValue b) {
    if (!kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return set_merge((KSet *)a, (KSet *)b) < 0 ? KV_NULL : kval_newref(a);
}

static KValue set_iand(KValue a, KValue b) {
    if (!kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return replace_contents(a, intersection(a, b));
}

static KValue set_isub(KValue a, KValue b) {
    if (!kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return replace_contents(a, difference(a, b));
}

static KValue set_ixor(KValue a, KValue b) {
    if (!kanyset_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return replace_contents(a, symmetric_difference(a, b));
}

// The iterator.
typedef struct SetIter {
    KOBJ_HEAD;
    KValue set;
    ssize_t pos;
    ssize_t used;
    ssize_t left;
} SetIter;

static KType set_iter_type;

static KValue set_iter(KValue v) {
    SetIter *it = (SetIter *)kobj_alloc(&set_iter_type, sizeof(SetIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->set = kval_newref(v);
    it->used = kset_len(v);
    it->left = it->used;
    return kval_of(it);
}

static KValue set_iter_next(KValue v) {
    SetIter *it = (SetIter *)v;
    if (!it->set) {
        return KV_NULL;
    }
    if (kset_len(it->set) != it->used) {
        kerr_set(&kexc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return KV_NULL;
    }
    KValue k;
    if (!kset_next(it->set, &it->pos, &k)) {
        KVAL_CLEAR(it->set);
        return KV_NULL;
    }
    it->left--;
    return kval_newref(k);
}

static void set_iter_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((SetIter *)o)->set);
    kobj_free(o);
}

static int set_iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue s = ((SetIter *)o)->set;
    return s && visit(s, arg);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue set_iter_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    SetIter *it = (SetIter *)self;
    return kval_from_int(it->set && it->used == kset_len(it->set) ? it->left : 0);
}

static const KMethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType set_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "set_iterator",
    .basicsize = sizeof(SetIter),
    .flags = KTF_GC,
    .dealloc = set_iter_dealloc,
    .traverse = set_iter_traverse,
    .iter = self_iter,
    .iternext = set_iter_next,
    .methods = set_iter_methods,
};

static KValue set_new_slot(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return set_alloc(type);
}

static int set_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (kval_type(self) == &kset_type && kargs_no_kw("set", kwnames) < 0) {
        return -1;
    }
    if (kargs_count("set", nargs, 0, 1) < 0) {
        return -1;
    }
    set_clear_internal((KSet *)self);
    return nargs ? kset_update(self, args[0]) : 0;
}

static KValue frozenset_new_slot(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (type == &kfrozenset_type && kargs_no_kw("frozenset", kwnames) < 0) {
        return KV_NULL;
    }
    if (kargs_count("frozenset", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    if (nargs && type == &kfrozenset_type && kval_type(args[0]) == &kfrozenset_type) {
        return kval_newref(args[0]);
    }
    return make_set(type, nargs ? args[0] : KV_NULL);
}

// ---------------------------------------------------------------------------
// Methods.

#define SETM(name) static KValue set_##name(KValue self, const KValue *args, size_t nargs, KValue kw)

SETM(add_m) {
    (void)nargs, (void)kw;
    return kset_add(self, args[0]) < 0 ? KV_NULL : KV_NONE;
}

SETM(discard_m) {
    (void)nargs, (void)kw;
    int r = kset_discard(self, args[0]);
    if (r < 0 && kerr_matches(&kexc_TypeError) && kanyset_check(args[0])) {
        kerr_clear();
        KValue fs = kfrozenset_new(args[0]);
        r = fs ? kset_discard(self, fs) : -1;
        kval_xdecref(fs);
    }
    return r < 0 ? KV_NULL : KV_NONE;
}

SETM(remove_m) {
    (void)nargs, (void)kw;
    int r = kset_discard(self, args[0]);
    if (r < 0 && kerr_matches(&kexc_TypeError) && kanyset_check(args[0])) {
        kerr_clear();
        KValue fs = kfrozenset_new(args[0]);
        r = fs ? kset_discard(self, fs) : -1;
        kval_xdecref(fs);
    }
    if (r == 0) {
        kerr_set_key(args[0]);
        return KV_NULL;
    }
    return r < 0 ? KV_NULL : KV_NONE;
}

SETM(pop_m) {
    (void)args, (void)nargs, (void)kw;
    KSet *s = (KSet *)self;
    if (s->used == 0) {
        kerr_set(&kexc_KeyError, "pop from an empty set");
        return KV_NULL;
    }
    ssize_t i = s->finger & s->mask;
    while (!s->table[i].key || s->table[i].key == DUMMY) {
        i++;
        if (i > s->mask) {
            i = 0;
        }
    }
    KValue k = s->table[i].key;
    s->table[i].key = DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return k;
}

SETM(clear_m) {
    (void)args, (void)nargs, (void)kw;
    set_clear_internal((KSet *)self);
    return KV_NONE;
}

SETM(copy_m) {
    (void)args, (void)nargs, (void)kw;
    if (kval_type(self) == &kfrozenset_type) {
        return kval_newref(self);
    }
    return set_copy_of(self);
}

SETM(update_m) {
    (void)kw;
    for (size_t i = 0; i < nargs; i++) {
        if (kset_update(self, args[i]) < 0) {
            return KV_NULL;
        }
    }
    return KV_NONE;
}

SETM(union_m) {
    (void)kw;
    KValue r = set_copy_of(self);
    for (size_t i = 0; r && i < nargs; i++) {
        if (kset_update(r, args[i]) < 0) {
            KVAL_CLEAR(r);
        }
    }
    return r;
}

SETM(intersection_m) {
    (void)kw;
    KValue r = set_copy_of(self);
    for (size_t i = 0; r && i < nargs; i++) {
        KValue t = intersection(r, args[i]);
        kval_decref(r);
        r = t;
    }
    return r;
}

SETM(intersection_update_m) {
    (void)kw;
    KValue r = set_intersection_m(self, args, nargs, KV_NULL);
    KValue x = replace_contents(self, r);
    if (!x) {
        return KV_NULL;
    }
    kval_decref(x);
    return KV_NONE;
}

SETM(difference_m) {
    (void)kw;
    KValue r = set_copy_of(self);
    for (size_t i = 0; r && i < nargs; i++) {
        KValue t = difference(r, args[i]);
        kval_decref(r);
        r = t;
    }
    return r;
}

SETM(difference_update_m) {
    (void)kw;
    KValue r = set_difference_m(self, args, nargs, KV_NULL);
    KValue x = replace_contents(self, r);
    if (!x) {
        return KV_NULL;
    }
    kval_decref(x);
    return KV_NONE;
}

SETM(symmetric_difference_m) {
    (void)nargs, (void)kw;
    return symmetric_difference(self, args[0]);
}

SETM(symmetric_difference_update_m) {
    (void)nargs, (void)kw;
    KValue x = replace_contents(self, symmetric_difference(self, args[0]));
    if (!x) {
        return KV_NULL;
    }
    kval_decref(x);
    return KV_NONE;
}

SETM(issubset_m) {
    (void)nargs, (void)kw;
    KValue o = kanyset_check(args[0]) ? kval_newref(args[0]) : kset_new(args[0]);
    if (!o) {
        return KV_NULL;
    }
    int r = issubset(self, o);
    kval_decref(o);
    return r < 0 ? KV_NULL : kbool_from(r);
}

SETM(issuperset_m) {
    (void)nargs, (void)kw;
    KValue o = kanyset_check(args[0]) ? kval_newref(args[0]) : kset_new(args[0]);
    if (!o) {
        return KV_NULL;
    }
    int r = issubset(o, self);
    kval_decref(o);
    return r < 0 ? KV_NULL : kbool_from(r);
}

SETM(isdisjoint_m) {
    (void)nargs, (void)kw;
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        return KV_NULL;
    }
    KValue k;
    while ((k = kobj_iter_next(it))) {
        int r = kset_contains(self, k);
        kval_decref(k);
        if (r != 0) {
            kval_decref(it);
            return r < 0 ? KV_NULL : KV_FALSE;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? KV_NULL : KV_TRUE;
}

SETM(contains_m) {
    (void)nargs, (void)kw;
    int r = kset_contains(self, args[0]);
    return r < 0 ? KV_NULL : kbool_from(r);
}

SETM(reduce_m) {
    (void)args, (void)nargs, (void)kw;
    KValue l = klist_from_iterable(self);
    if (!l) {
        return KV_NULL;
    }
    KValue a = ktuple_pack(1, l);
    kval_decref(l);
    if (!a) {
        return KV_NULL;
    }
    KValue *dp = kobj_dictptr(self);
    KValue r = ktuple_pack(3, kval_of(kval_type(self)), a, dp && *dp ? *dp : KV_NONE);
    kval_decref(a);
    return r;
}

KValue kgeneric_alias_new(KValue origin, KValue args);

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef set_methods[] = {
    {"add", set_add_m, KMETH_O, NULL},
    {"discard", set_discard_m, KMETH_O, NULL},
    {"remove", set_remove_m, KMETH_O, NULL},
    {"pop", set_pop_m, KMETH_NOARGS, NULL},
    {"clear", set_clear_m, KMETH_NOARGS, NULL},
    {"copy", set_copy_m, KMETH_NOARGS, NULL},
    {"update", set_update_m, KMETH_FAST, NULL},
    {"union", set_union_m, KMETH_FAST, NULL},
    {"intersection", set_intersection_m, KMETH_FAST, NULL},
    {"intersection_update", set_intersection_update_m, KMETH_FAST, NULL},
    {"difference", set_difference_m, KMETH_FAST, NULL},
    {"difference_update", set_difference_update_m, KMETH_FAST, NULL},
    {"symmetric_difference", set_symmetric_difference_m, KMETH_O, NULL},
    {"symmetric_difference_update", set_symmetric_difference_update_m, KMETH_O, NULL},
    {"issubset", set_issubset_m, KMETH_O, NULL},
    {"issuperset", set_issuperset_m, KMETH_O, NULL},
    {"isdisjoint", set_isdisjoint_m, KMETH_O, NULL},
    {"__contains__", set_contains_m, KMETH_O, NULL},
    {"__reduce__", set_reduce_m, KMETH_NOARGS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMethodDef frozenset_methods[] = {
    {"copy", set_copy_m, KMETH_NOARGS, NULL},
    {"union", set_union_m, KMETH_FAST, NULL},
    {"intersection", set_intersection_m, KMETH_FAST, NULL},
    {"difference", set_difference_m, KMETH_FAST, NULL},
    {"symmetric_difference", set_symmetric_difference_m, KMETH_O, NULL},
    {"issubset", set_issubset_m, KMETH_O, NULL},
    {"issuperset", set_issuperset_m, KMETH_O, NULL},
    {"isdisjoint", set_isdisjoint_m, KMETH_O, NULL},
    {"__contains__", set_contains_m, KMETH_O, NULL},
    {"__reduce__", set_reduce_m, KMETH_NOARGS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType kset_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "set",
    .basicsize = sizeof(KSet),
    .flags = KTF_BASETYPE | KTF_GC | KTF_WEAKREF,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .hash = kobj_hash_not_implemented,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = set_new_slot,
    .init = set_init,
    .len = set_len,
    .contains = set_contains_slot,
    .nb = &(KNumberSlots){.binop = {[KNB_OR] = set_union_op, [KNB_AND] = set_and_op,
                     [KNB_SUBTRACT] = set_sub_op, [KNB_XOR] = set_xor_op},
           .inplace = {[KNB_OR] = set_ior, [KNB_AND] = set_iand, [KNB_SUBTRACT] = set_isub,
                       [KNB_XOR] = set_ixor}},
    .methods = set_methods,
    .doc = "set() -> new empty set object\n"
        "set(iterable) -> new set object\n"
        "\n"
        "Build an unordered collection of unique elements.",
};

KType kfrozenset_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "frozenset",
    .basicsize = sizeof(KSet),
    .flags = KTF_BASETYPE | KTF_GC | KTF_WEAKREF,
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .new_ = frozenset_new_slot,
    .len = set_len,
    .contains = set_contains_slot,
    .nb = &(KNumberSlots){.binop = {[KNB_OR] = set_union_op, [KNB_AND] = set_and_op,
                     [KNB_SUBTRACT] = set_sub_op, [KNB_XOR] = set_xor_op}},
    .methods = frozenset_methods,
    .doc = "frozenset() -> empty frozenset object\n"
        "frozenset(iterable) -> frozenset object\n"
        "\n"
        "Build an immutable unordered collection of unique elements.",
};

int kset_init(void) {
    return ktype_ready(&set_iter_type);
}
