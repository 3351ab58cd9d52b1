// vm/dictview.c: dict iterators (forward and reversed, over keys, values
// or items) and the view objects of keys(), values() and items(), whose
// set operations build sets.
#include <string.h>
#include "internal.h"

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

enum { VIEW_KEYS, VIEW_VALUES, VIEW_ITEMS };

typedef struct DictIter {
    KOBJ_HEAD;
    KValue dict;
    ssize_t pos;   // next entry position (reversed: counting down)
    ssize_t used;  // the dict's size when the iteration started
    ssize_t left;
    int kind;
    int reversed;
} DictIter;

typedef struct DictView {
    KOBJ_HEAD;
    KValue dict;
    int kind;
} DictView;

static KType dict_keyiter_type, dict_valueiter_type, dict_itemiter_type;
static KType dict_revkeyiter_type, dict_revvalueiter_type, dict_revitemiter_type;
static KType dict_keys_type, dict_values_type, dict_items_type;

static KType *iter_types[2][3] = {
    {&dict_keyiter_type, &dict_valueiter_type, &dict_itemiter_type},
    {&dict_revkeyiter_type, &dict_revvalueiter_type, &dict_revitemiter_type},
};

// Positions of live entries are found by walking kdict_next; reversed
// iteration needs the raw entry count, reached through a forward scan.
static ssize_t entry_count(KValue d) {
    ssize_t pos = 0, last = 0;
    while (kdict_next(d, &pos, NULL, NULL)) {
        last = pos;
    }
    return last;
}

static KValue make_iter(KValue dict, int kind, int reversed) {
    DictIter *it = (DictIter *)kobj_alloc(iter_types[reversed][kind], sizeof(DictIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->dict = kval_newref(dict);
    it->used = kdict_len(dict);
    it->left = it->used;
    it->kind = kind;
    it->reversed = reversed;
    it->pos = reversed ? entry_count(dict) : 0;
    return kval_of(it);
}

KValue kdict_iter(KValue d) {
    return make_iter(d, VIEW_KEYS, 0);
}

KValue kdict_reversed_iter(KValue d) {
    return make_iter(d, VIEW_KEYS, 1);
}

static KValue iter_next(KValue v) {
    DictIter *it = (DictIter *)v;
    if (!it->dict) {
        return KV_NULL;
    }
    if (kdict_len(it->dict) != it->used) {
        kerr_set(&kexc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1;
        return KV_NULL;
    }
    KValue k, val;
    int found;
    if (!it->reversed) {
        found = kdict_next(it->dict, &it->pos, &k, &val);
    } else {
        found = 0;
        while (it->pos > 0) {
            ssize_t p = it->pos - 1;
            ssize_t q = p;
            it->pos--;
            if (kdict_next(it->dict, &q, &k, &val) && q == p + 1) {
                found = 1;
                break;
            }
        }
    }
    if (found && it->left <= 0) {
        kerr_set(&kexc_RuntimeError, "dictionary keys changed during iteration");
        it->left = -1;
        return KV_NULL;
    }
    if (!found) {
        KVAL_CLEAR(it->dict);
        return KV_NULL;
    }
    it->left--;
    switch (it->kind) {
    case VIEW_KEYS:
        return kval_newref(k);
    case VIEW_VALUES:
        return kval_newref(val);
    default:
        return ktuple_pack(2, k, val);
    }
}

static void iter_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((DictIter *)o)->dict);
    kobj_free(o);
}

static int iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue d = ((DictIter *)o)->dict;
    return d && visit(d, arg);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue iter_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    DictIter *it = (DictIter *)self;
    return kval_from_int(it->dict && it->used == kdict_len(it->dict) ? it->left : 0);
}

static const KMethodDef iter_methods[] = {
    {"__length_hint__", iter_length_hint, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(var, tname)                                                               \
    static KType var = {                                                                         \
        KOBJ_STATIC_HEAD(&ktype_type),                                                           \
        .name = tname,                                                                           \
        .basicsize = sizeof(DictIter),                                                           \
        .flags = KTF_GC,                                                                         \
        .dealloc = iter_dealloc,                                                                 \
        .traverse = iter_traverse,                                                               \
        .iter = self_iter,                                                                       \
        .iternext = iter_next,                                                                   \
        .methods = iter_methods,                                                                 \
    };
DICT_ITER_TYPE(dict_keyiter_type, "dict_keyiterator")
DICT_ITER_TYPE(dict_valueiter_type, "dict_valueiterator")
DICT_ITER_TYPE(dict_itemiter_type, "dict_itemiterator")
DICT_ITER_TYPE(dict_revkeyiter_type, "dict_reversekeyiterator")
DICT_ITER_TYPE(dict_revvalueiter_type, "dict_reversevalueiterator")
DICT_ITER_TYPE(dict_revitemiter_type, "dict_reverseitemiterator")

// ---------------------------------------------------------------------------
// Views.

static KType *view_types[3] = {&dict_keys_type, &dict_values_type, &dict_items_type};

KValue kdictview_new(KValue dict, int kind) {
    DictView *v = (DictView *)kobj_alloc(view_types[kind], sizeof(DictView));
    if (!v) {
        return kerr_no_memory();
    }
    v->dict = kval_newref(dict);
    v->kind = kind;
    return kval_of(v);
}

static void view_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((DictView *)o)->dict);
    kobj_free(o);
}

static int view_traverse(KObject *o, KVisitFn visit, void *arg) {
    return visit(((DictView *)o)->dict, arg);
}

static KValue view_iter(KValue v) {
    DictView *dv = (DictView *)v;
    return make_iter(dv->dict, dv->kind, 0);
}

static ssize_t view_len(KValue v) {
    return kdict_len(((DictView *)v)->dict);
}

static int view_contains(KValue v, KValue item) {
    DictView *dv = (DictView *)v;
    if (dv->kind == VIEW_KEYS) {
        return kdict_contains(dv->dict, item);
    }
    if (dv->kind == VIEW_ITEMS) {
        if (!ktuple_check(item) || ktuple_len(item) != 2) {
            return 0;
        }
        KValue found = kdict_get_borrow(dv->dict, ktuple_items(item)[0]);
        if (!found) {
            return kerr_occurred() ? -1 : 0;
        }
        kval_incref(found);
        int r = kobj_richcompare_bool(found, ktuple_items(item)[1], KF_CMP_EQ);
        kval_decref(found);
        return r;
    }
    ssize_t pos = 0;
    KValue val;
    while (kdict_next(dv->dict, &pos, NULL, &val)) {
        kval_incref(val);
        int r = kobj_richcompare_bool(val, item, KF_CMP_EQ);
        kval_decref(val);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static KValue view_repr(KValue v) {
    int r = krepr_enter(v);
    if (r != 0) {
        return r > 0 ? kstr_from_cstr("...") : KV_NULL;
    }
    KValue l = klist_from_iterable(v);
    KValue s = l ? kstr_from_format("%s(%R)", kval_type(v)->name, l) : KV_NULL;
    kval_xdecref(l);
    krepr_leave(v);
    return s;
}

static KValue view_reversed(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    DictView *dv = (DictView *)self;
    return make_iter(dv->dict, dv->kind, 1);
}

static KValue view_mapping(KValue self) {
    KValue mp_new(KValue d);
    return kobj_call1(kval_of(&kmappingproxy_type), ((DictView *)self)->dict);
}

static const KMethodDef view_methods[] = {
    {"__reversed__", view_reversed, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef view_getsets[] = {
    {"mapping", view_mapping, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// Set operations of keys and items views: op is one of & | - ^.
static KValue view_setop(KValue a, KValue b, int op) {
    KValue left = a, right = b;
    int swapped = 0;
    if (kval_type(a) != &dict_keys_type && kval_type(a) != &dict_items_type) {
        left = b, right = a, swapped = 1;
    }
    KValue s = kset_new(left);
    if (!s) {
        return KV_NULL;
    }
    KValue other = kset_new(right);
    if (!other) {
        kval_decref(s);
        return KV_NULL;
    }
    int bop = op == '&' ? KF_BINOP_AND : op == '|' ? KF_BINOP_OR : op == '^' ? KF_BINOP_XOR
                                                                                  : KF_BINOP_SUBTRACT;
    KValue r = swapped ? knum_binop(other, s, bop) : knum_binop(s, other, bop);
    kval_decref(s);
    kval_decref(other);
    return r;
}

static KValue view_and(KValue a, KValue b) {
    return view_setop(a, b, '&');
}
static KValue view_or(KValue a, KValue b) {
    return view_setop(a, b, '|');
}
static KValue view_sub(KValue a, KValue b) {
    return view_setop(a, b, '-');
}
static KValue view_xor(KValue a, KValue b) {
    return view_setop(a, b, '^');
}

static KValue view_richcompare(KValue a, KValue b, int op) {
    KValue s = kset_new(a);
    if (!s) {
        return KV_NULL;
    }
    KValue other = kanyset_check(b) || kval_type(b) == &dict_keys_type ||
                           kval_type(b) == &dict_items_type
                       ? kset_new(b)
                       : KV_NULL;
    if (!other) {
        kval_decref(s);
        return kerr_occurred() ? KV_NULL : kval_newref(KV_NOTIMPL);
    }
    KValue r = kobj_richcompare(s, other, op);
    kval_decref(s);
    kval_decref(other);
    return r;
}

static KValue view_isdisjoint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        return KV_NULL;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        int r = view_contains(self, item);
        kval_decref(item);
        if (r != 0) {
            kval_decref(it);
            return r < 0 ? KV_NULL : KV_FALSE;
        }
    }
    kval_decref(it);
    return kerr_occurred() ? KV_NULL : KV_TRUE;
}

static const KMethodDef setview_methods[] = {
    {"__reversed__", view_reversed, KMETH_NOARGS, NULL},
    {"isdisjoint", view_isdisjoint, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICT_VIEW_TYPE(var, tname, ...)                                                        \
    static KType var = {                                                                         \
        KOBJ_STATIC_HEAD(&ktype_type),                                                           \
        .name = tname,                                                                           \
        .basicsize = sizeof(DictView),                                                           \
        .flags = KTF_GC,                                                                         \
        .dealloc = view_dealloc,                                                                 \
        .traverse = view_traverse,                                                               \
        .repr = view_repr,                                                                       \
        .iter = view_iter,                                                                       \
        .len = view_len,                                                                         \
        .contains = view_contains,                                                               \
        .getsets = view_getsets,                                                                 \
        __VA_ARGS__};

DICT_VIEW_TYPE(dict_keys_type, "dict_keys",
               .richcompare = view_richcompare, .hash = kobj_hash_not_implemented,
               .methods = setview_methods,
               .nb = &(KNumberSlots){.binop = {[KNB_AND] = view_and, [KNB_OR] = view_or,
                                [KNB_SUBTRACT] = view_sub, [KNB_XOR] = view_xor}})
DICT_VIEW_TYPE(dict_items_type, "dict_items",
               .richcompare = view_richcompare, .hash = kobj_hash_not_implemented,
               .methods = setview_methods,
               .nb = &(KNumberSlots){.binop = {[KNB_AND] = view_and, [KNB_OR] = view_or,
                                [KNB_SUBTRACT] = view_sub, [KNB_XOR] = view_xor}})
DICT_VIEW_TYPE(dict_values_type, "dict_values", .methods = view_methods)

int kdictview_init(void) {
    KType *types[] = {&dict_keyiter_type,    &dict_valueiter_type,    &dict_itemiter_type,
                      &dict_revkeyiter_type, &dict_revvalueiter_type, &dict_revitemiter_type,
                      &dict_keys_type,       &dict_values_type,       &dict_items_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (ktype_ready(types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
