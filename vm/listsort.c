// vm/listsort.c: list.sort(): a stable natural merge sort in the manner of
// timsort: ascending and strictly descending runs are found, short ones
// extended to 'minrun' by binary insertion, and runs merged under timsort's
// stack invariants (no galloping). Keys that are all small ints, all exact
// strs or all exact floats compare without the generic protocol, as
// CPython's unsafe_*_compare, and so do the first items of tuple keys. A
// failing comparison leaves the list a permutation of its items. During the
// sort the list looks empty, so a key function or __lt__ that mutates it is
// detected ("list modified during sort").
#include <string.h>
#include "internal.h"

#include "abstract.h"
#include "errors.h"
#include "float.h"
#include "list.h"
#include "mem.h"
#include "str.h"
#include "tuple.h"

typedef struct Sorter {
    KValue *keys;
    KValue *vals; // NULL when the keys are the values
    KValue *tmpk, *tmpv;
    int (*lt)(KValue, KValue); // 1, 0, or -1 with an exception
} Sorter;

static int lt_generic(KValue a, KValue b) {
    return kobj_richcompare_bool(a, b, KF_CMP_LT);
}
static int lt_int(KValue a, KValue b) {
    return (intptr_t)a < (intptr_t)b;
}
static int lt_str(KValue a, KValue b) {
    return kstr_compare(a, b) < 0;
}
static int lt_float(KValue a, KValue b) {
    return kfloat_value(a) < kfloat_value(b);
}

// Tuple keys (CPython's unsafe_tuple_compare): the first items that differ
// decide, found with == on each pair in turn; equal up to the shorter
// length, the shorter tuple is less. The keys own their items and tuples
// are immutable, so no reference is taken. When every key's first item is a
// small int, an exact str or an exact float, the first items are compared
// directly: 'cmp' gives -1 or 1 when they differ, 0 when they are equal,
// and 2 when it cannot tell (a NaN), where the walk starts at item 0.
static int lt_tuple_from(KValue a, KValue b, ssize_t i) {
    ssize_t na = ktuple_len(a), nb = ktuple_len(b), n = na < nb ? na : nb;
    const KValue *x = ktuple_items(a), *y = ktuple_items(b);
    for (; i < n; i++) {
        int eq = kobj_richcompare_bool(x[i], y[i], KF_CMP_EQ);
        if (eq <= 0) {
            if (eq < 0) {
                return -1;
            }
            return kobj_richcompare_bool(x[i], y[i], KF_CMP_LT);
        }
    }
    return na < nb;
}
static int lt_tuple_generic(KValue a, KValue b) {
    return lt_tuple_from(a, b, 0);
}
static int cmp_int(KValue a, KValue b) {
    return ((intptr_t)a > (intptr_t)b) - ((intptr_t)a < (intptr_t)b);
}
static int cmp_str(KValue a, KValue b) {
    int c = a == b ? 0 : kstr_compare(a, b);
    return (c > 0) - (c < 0);
}
static int cmp_float(KValue a, KValue b) {
    double x = kfloat_value(a), y = kfloat_value(b);
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
}
static int lt_tuple_with(KValue a, KValue b, int (*cmp)(KValue, KValue)) {
    if (ktuple_len(a) == 0 || ktuple_len(b) == 0) {
        return lt_tuple_from(a, b, 0);
    }
    int c = cmp(ktuple_items(a)[0], ktuple_items(b)[0]);
    if (c == 2) {
        return lt_tuple_from(a, b, 0);
    }
    return c ? c < 0 : lt_tuple_from(a, b, 1);
}
static int lt_tuple_int(KValue a, KValue b) {
    return lt_tuple_with(a, b, cmp_int);
}
static int lt_tuple_str(KValue a, KValue b) {
    return lt_tuple_with(a, b, cmp_str);
}
static int lt_tuple_float(KValue a, KValue b) {
    return lt_tuple_with(a, b, cmp_float);
}

static void swap_range(Sorter *s, ssize_t lo, ssize_t hi) {
    for (hi--; lo < hi; lo++, hi--) {
        KValue t = s->keys[lo];
        s->keys[lo] = s->keys[hi];
        s->keys[hi] = t;
        if (s->vals) {
            t = s->vals[lo];
            s->vals[lo] = s->vals[hi];
            s->vals[hi] = t;
        }
    }
}

// Sorts [lo, hi) by binary insertion, where [lo, start) is already sorted.
static int binary_insertion(Sorter *s, ssize_t lo, ssize_t hi, ssize_t start) {
    for (ssize_t i = start; i < hi; i++) {
        KValue pk = s->keys[i], pv = s->vals ? s->vals[i] : KV_NULL;
        ssize_t l = lo, r = i;
        while (l < r) {
            ssize_t m = l + (r - l) / 2;
            int c = s->lt(pk, s->keys[m]);
            if (c < 0) {
                return -1;
            }
            if (c) {
                r = m;
            } else {
                l = m + 1;
            }
        }
        memmove(s->keys + l + 1, s->keys + l, (size_t)(i - l) * sizeof(KValue));
        s->keys[l] = pk;
        if (s->vals) {
            memmove(s->vals + l + 1, s->vals + l, (size_t)(i - l) * sizeof(KValue));
            s->vals[l] = pv;
        }
    }
    return 0;
}

// The length of the run starting at 'lo' (reversed in place when descending).
static ssize_t count_run(Sorter *s, ssize_t lo, ssize_t hi) {
    if (lo + 1 >= hi) {
        return hi - lo;
    }
    ssize_t n = 2;
    int c = s->lt(s->keys[lo + 1], s->keys[lo]);
    if (c < 0) {
        return -1;
    }
    if (c) {
        for (; lo + n < hi; n++) {
            c = s->lt(s->keys[lo + n], s->keys[lo + n - 1]);
            if (c < 0) {
                return -1;
            }
            if (!c) {
                break;
            }
        }
        swap_range(s, lo, lo + n);
    } else {
        for (; lo + n < hi; n++) {
            c = s->lt(s->keys[lo + n], s->keys[lo + n - 1]);
            if (c < 0) {
                return -1;
            }
            if (c) {
                break;
            }
        }
    }
    return n;
}

// Merges the adjacent sorted runs [lo, mid) and [mid, hi).
static int merge(Sorter *s, ssize_t lo, ssize_t mid, ssize_t hi) {
    ssize_t n1 = mid - lo;
    memcpy(s->tmpk, s->keys + lo, (size_t)n1 * sizeof(KValue));
    if (s->vals) {
        memcpy(s->tmpv, s->vals + lo, (size_t)n1 * sizeof(KValue));
    }
    ssize_t i = 0, j = mid, k = lo;
    int rc = 0;
    while (i < n1 && j < hi) {
        int c = s->lt(s->keys[j], s->tmpk[i]);
        if (c < 0) {
            rc = -1;
            break;
        }
        if (c) {
            s->keys[k] = s->keys[j];
            if (s->vals) {
                s->vals[k] = s->vals[j];
            }
            j++;
        } else {
            s->keys[k] = s->tmpk[i];
            if (s->vals) {
                s->vals[k] = s->tmpv[i];
            }
            i++;
        }
        k++;
    }
    // The rest of the left run (on error too: the items stay a permutation).
    memcpy(s->keys + k, s->tmpk + i, (size_t)(n1 - i) * sizeof(KValue));
    if (s->vals) {
        memcpy(s->vals + k, s->tmpv + i, (size_t)(n1 - i) * sizeof(KValue));
    }
    return rc;
}

static ssize_t min_run(ssize_t n) {
    ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

typedef struct Run {
    ssize_t base, len;
} Run;

static int sort_all(Sorter *s, ssize_t n) {
    Run stack[128];
    int top = 0;
    ssize_t minrun = min_run(n);
    for (ssize_t lo = 0; lo < n;) {
        ssize_t len = count_run(s, lo, n);
        if (len < 0) {
            return -1;
        }
        if (len < minrun) {
            ssize_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(s, lo, lo + force, lo + len) < 0) {
                return -1;
            }
            len = force;
        }
        stack[top].base = lo;
        stack[top].len = len;
        top++;
        lo += len;
        // Restore the invariants: len[i-2] > len[i-1] + len[i], len[i-1] > len[i].
        while (top > 1) {
            int m = top - 2;
            if (m > 0 && stack[m - 1].len <= stack[m].len + stack[m + 1].len) {
                if (stack[m - 1].len < stack[m + 1].len) {
                    m--;
                }
            } else if (stack[m].len > stack[m + 1].len) {
                break;
            }
            if (merge(s, stack[m].base, stack[m + 1].base,
                      stack[m + 1].base + stack[m + 1].len) < 0) {
                return -1;
            }
            stack[m].len += stack[m + 1].len;
            memmove(stack + m + 1, stack + m + 2, (size_t)(top - m - 2) * sizeof(Run));
            top--;
        }
    }
    while (top > 1) {
        int m = top - 2;
        if (m > 0 && stack[m - 1].len < stack[m + 1].len) {
            m--;
        }
        if (merge(s, stack[m].base, stack[m + 1].base, stack[m + 1].base + stack[m + 1].len) <
            0) {
            return -1;
        }
        stack[m].len += stack[m + 1].len;
        memmove(stack + m + 1, stack + m + 2, (size_t)(top - m - 2) * sizeof(Run));
        top--;
    }
    return 0;
}

static int (*pick_tuple_compare(const KValue *keys, ssize_t n))(KValue, KValue) {
    int ints = 1, strs = 1, floats = 1;
    for (ssize_t i = 0; i < n; i++) {
        KValue k = keys[i];
        if (kval_is_int(k) || kval_obj(k)->type != &ktuple_type) {
            return lt_generic;
        }
        if (ktuple_len(k) == 0) {
            ints = strs = floats = 0;
            continue;
        }
        KValue f = ktuple_items(k)[0];
        ints &= kval_is_int(f);
        strs &= kstr_check_exact(f);
        floats &= !kval_is_int(f) && kval_obj(f)->type == &kfloat_type;
    }
    return ints     ? lt_tuple_int
           : strs   ? lt_tuple_str
           : floats ? lt_tuple_float
                    : lt_tuple_generic;
}

static int (*pick_compare(const KValue *keys, ssize_t n))(KValue, KValue) {
    int ints = 1, strs = 1, floats = 1;
    for (ssize_t i = 0; i < n && (ints | strs | floats); i++) {
        KValue k = keys[i];
        ints &= kval_is_int(k);
        strs &= kstr_check_exact(k);
        floats &= !kval_is_int(k) && kval_obj(k)->type == &kfloat_type;
    }
    if (ints | strs | floats) {
        return ints ? lt_int : strs ? lt_str : lt_float;
    }
    return pick_tuple_compare(keys, n);
}

int klist_sort(KValue list, KValue keyfunc, int reverse) {
    KList *l = (KList *)list;
    ssize_t n = l->len;
    KValue *items = l->items;
    ssize_t cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    Sorter s = {items, NULL, NULL, NULL, lt_generic};
    int rc = 0;
    ssize_t nkeys = 0;
    if (keyfunc && n > 0) {
        s.keys = kmem_alloc((size_t)n * sizeof(KValue));
        if (!s.keys) {
            kerr_no_memory();
            rc = -1;
            goto done;
        }
        for (; nkeys < n; nkeys++) {
            s.keys[nkeys] = kobj_call1(keyfunc, items[nkeys]);
            if (!s.keys[nkeys]) {
                rc = -1;
                goto done;
            }
        }
        s.vals = items;
    }
    if (n > 1) {
        s.tmpk = kmem_alloc((size_t)n * sizeof(KValue) * (s.vals ? 2 : 1));
        if (!s.tmpk) {
            kerr_no_memory();
            rc = -1;
            goto done;
        }
        s.tmpv = s.tmpk + n;
        s.lt = pick_compare(s.keys, n);
        if (reverse) {
            swap_range(&s, 0, n);
        }
        rc = sort_all(&s, n);
        if (reverse) {
            swap_range(&s, 0, n);
        }
    }
done:
    if (s.keys != items) {
        for (ssize_t i = 0; i < nkeys; i++) {
            kval_decref(s.keys[i]);
        }
        kmem_free(s.keys);
    }
    kmem_free(s.tmpk);
    // Put the items back; anything the comparisons added is dropped.
    KValue *added = l->items;
    ssize_t nadded = l->len;
    int modified = added != NULL || l->len != 0;
    l->items = items;
    l->len = n;
    l->cap = cap;
    for (ssize_t i = 0; i < nadded; i++) {
        kval_decref(added[i]);
    }
    kmem_free(added);
    if (modified && rc == 0) {
        kerr_set(&kexc_ValueError, "list modified during sort");
        rc = -1;
    }
    return rc;
}
