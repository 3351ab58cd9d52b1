// vm/instdict.c: shared keys and per-instance values (instdict.h): adding a
// name to a class's keys, storing and deleting in an instance's block,
// turning a block into the instance's dict, and the block's dealloc and
// traverse. The interpreter's attribute caches read the blocks directly.
#include "instdict.h"
#include "internal.h"

#include <string.h>

#include "dict.h"
#include "errors.h"
#include "mem.h"

static KSharedKeys *keys_new(void) {
    KSharedKeys *k = kmem_alloc(sizeof(KSharedKeys));
    if (!k) {
        kerr_no_memory();
        return NULL;
    }
    k->refcnt = 1;
    k->count = 0;
    memset(k->index, 0xff, sizeof(k->index));
    return k;
}

void kinstdict_keys_free(KSharedKeys *k) {
    for (int i = 0; i < k->count; i++) {
        kval_decref(k->names[i]);
    }
    kmem_free(k);
}

// Appends exact str 'name' (absent from 'k') to 'k': its slot, or -1 when
// the keys are full or the name cannot be interned (no error either way:
// the caller falls back to a dict).
static ssize_t keys_append(KSharedKeys *k, KValue name) {
    if (k->count >= KSHARED_KEYS_MAX) {
        return -1;
    }
    KValue n = kval_newref(name);
    kstr_intern(&n);
    if (!((KStr *)n)->interned) {
        kval_decref(n);
        kerr_clear();
        return -1;
    }
    size_t i = (size_t)((KStr *)n)->hash & (KSHARED_KEYS_INDEX - 1);
    while (k->index[i] != 0xff) {
        i = (i + 1) & (KSHARED_KEYS_INDEX - 1);
    }
    int ix = k->count++;
    k->names[ix] = n;
    k->index[i] = (uint8_t)ix;
    return ix;
}

static size_t block_size(int cap) {
    return (sizeof(KInstValues) + (size_t)cap * (sizeof(KValue) + 1) + 7) & ~(size_t)7;
}

size_t kinstdict_embed_size(const KType *t) {
    const KSharedKeys *k = t->shared_keys;
    return (t->flags & KTF_SHARED_KEYS) && k && k->count ? block_size(k->count) : 0;
}

void kinstdict_embed(KValue obj, KType *t, void *at) {
    KInstValues *iv = at;
    KSharedKeys *k = t->shared_keys;
    k->refcnt++;
    iv->keys = k;
    iv->cap = (uint8_t)k->count;
    iv->embedded = 1;
    *kinstdict_valuesptr(obj, t) = iv;
}

// A block for 'k' with room for every name it has (at least 'need' slots).
static KInstValues *block_new(KSharedKeys *k, int need) {
    int cap = k->count > need ? k->count : need;
    KInstValues *iv = kmem_alloc(block_size(cap));
    if (!iv) {
        kerr_no_memory();
        return NULL;
    }
    k->refcnt++;
    iv->keys = k;
    iv->cap = (uint8_t)cap;
    iv->len = 0;
    iv->embedded = 0;
    memset(iv->values, 0, (size_t)cap * sizeof(KValue));
    return iv;
}

// Grows 'iv' to hold slot 'ix' (and every other name of its keys); NULL with
// MemoryError, leaving 'iv' as it was.
static KInstValues *block_grow(KInstValues *iv, int ix) {
    int old = iv->cap;
    int cap = iv->keys->count > ix + 1 ? iv->keys->count : ix + 1;
    KInstValues *n;
    if (iv->embedded) {
        // The object's own block stays behind, unused (the keys' reference moves).
        if ((n = kmem_alloc(block_size(cap)))) {
            memcpy(n, iv, sizeof(KInstValues) + (size_t)old * sizeof(KValue) + iv->len);
            n->embedded = 0;
        }
    } else {
        n = kmem_realloc(iv, block_size(cap));
    }
    if (!n) {
        kerr_no_memory();
        return NULL;
    }
    // The order bytes follow the values: move them past the new slots.
    memmove(n->values + cap, n->values + old, n->len);
    memset(n->values + old, 0, (size_t)(cap - old) * sizeof(KValue));
    n->cap = (uint8_t)cap;
    return n;
}

// Stores 'value' in slot 'ix' of the block at 'vp' (made for 'k' when absent).
static int block_store(KInstValues **vp, KSharedKeys *k, ssize_t ix, KValue value) {
    KInstValues *iv = *vp;
    if (!iv) {
        if (!(iv = block_new(k, (int)ix + 1))) {
            return -1;
        }
        *vp = iv;
    } else if (ix >= iv->cap) {
        if (!(iv = block_grow(iv, (int)ix))) {
            return -1;
        }
        *vp = iv;
    }
    KValue old = iv->values[ix];
    iv->values[ix] = kval_newref(value);
    if (old) {
        kval_decref(old);
    } else {
        kinstdict_order(iv)[iv->len++] = (uint8_t)ix;
    }
    return 0;
}

// Deletes slot 'ix' of 'iv'; 1 when it held nothing.
static int block_delete(KInstValues *iv, ssize_t ix) {
    KValue old = ix < iv->cap ? iv->values[ix] : KV_NULL;
    if (!old) {
        return 1;
    }
    iv->values[ix] = KV_NULL;
    uint8_t *order = kinstdict_order(iv);
    int i = 0;
    while (order[i] != ix) {
        i++;
    }
    memmove(order + i, order + i + 1, (size_t)(iv->len - i - 1));
    iv->len--;
    kval_decref(old);
    return 0;
}

int kinstdict_store_at(KValue obj, KType *t, ssize_t ix, KValue value) {
    return block_store(kinstdict_valuesptr(obj, t), t->shared_keys, ix, value);
}

int kinstdict_setattr(KValue obj, KType *t, KValue name, KValue value) {
    KInstValues **vp = kinstdict_valuesptr(obj, t);
    if (!kstr_check_exact(name)) {
        return kinstdict_materialise(obj, t) < 0 ? -1 : 2;
    }
    // A block keeps the keys it was laid out by (the class may have changed).
    KSharedKeys *k = *vp ? (*vp)->keys : t->shared_keys;
    if (!value) {
        ssize_t ix = *vp ? kinstdict_index(k, name) : -1;
        return ix < 0 ? 1 : block_delete(*vp, ix);
    }
    if (!k && !(k = t->shared_keys = keys_new())) {
        return -1;
    }
    ssize_t ix = kinstdict_index(k, name);
    if (ix < 0 && (ix = keys_append(k, name)) < 0) {
        return kinstdict_materialise(obj, t) < 0 ? -1 : 2;
    }
    return block_store(vp, k, ix, value);
}

int kinstdict_materialise(KValue obj, KType *t) {
    KInstValues **vp = kinstdict_valuesptr(obj, t);
    KInstValues *iv = *vp;
    KValue d = kdict_new();
    if (!d) {
        return -1;
    }
    if (iv) {
        if (kdict_reserve(d, iv->len) < 0) {
            kval_decref(d);
            return -1;
        }
        uint8_t *order = kinstdict_order(iv);
        for (int i = 0; i < iv->len; i++) {
            // Interned exact str keys: no Python code runs here.
            if (kdict_set_str(d, iv->keys->names[order[i]], iv->values[order[i]]) < 0) {
                kval_decref(d);
                return -1;
            }
        }
    }
    *kinstdict_dictptr(obj, t) = d;
    kinstdict_clear(obj, t); // the dict holds the values now
    return 0;
}

void kinstdict_clear(KValue obj, KType *t) {
    KInstValues **vp = kinstdict_valuesptr(obj, t);
    KInstValues *iv = *vp;
    if (!iv) {
        return;
    }
    // Unhooked first: a finaliser run by a decref below may look at the object.
    *vp = NULL;
    for (int i = 0; i < iv->cap; i++) {
        kval_xdecref(iv->values[i]);
    }
    kinstdict_keys_decref(iv->keys);
    if (!iv->embedded) {
        kmem_free(iv);
    }
}

int kinstdict_traverse(KValue obj, KType *t, KVisitFn visit, void *arg) {
    KInstValues *iv = *kinstdict_valuesptr(obj, t);
    if (!iv) {
        return 0;
    }
    for (int i = 0; i < iv->cap; i++) {
        if (iv->values[i] && visit(iv->values[i], arg)) {
            return 1;
        }
    }
    return 0;
}
