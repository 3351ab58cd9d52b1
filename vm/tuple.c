// vm/tuple.c: the tuple type. Items live inline after the header; the
// empty tuple is shared. The hash is CPython's (xxHash-based), so sets of
// tuples iterate in CPython's order.
#include "tuple.h"
#include "internal.h"

#include <stdarg.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "slice.h"
#include "str.h"
#include "type.h"

static KValue empty_tuple;

static KValue tuple_alloc(KType *type, ssize_t len) {
    if (len < 0 || (size_t)len > (SIZE_MAX / 2) / sizeof(KValue)) {
        return kerr_no_memory();
    }
    size_t base = type == &ktuple_type ? sizeof(KTuple) : (size_t)type->basicsize;
    // Instances of subclasses with a __dict__ keep its pointer after the items.
    size_t extra = type->dictoffset < 0 ? sizeof(KValue) : 0;
    KTuple *t = (KTuple *)kobj_alloc(type, base + (size_t)len * sizeof(KValue) + extra);
    if (!t) {
        return kerr_no_memory();
    }
    t->len = len;
    return kval_of(t);
}

KValue ktuple_new(ssize_t len) {
    if (len == 0 && empty_tuple) {
        return kval_newref(empty_tuple);
    }
    return tuple_alloc(&ktuple_type, len);
}

KValue ktuple_from_array(const KValue *items, ssize_t len) {
    KValue t = ktuple_new(len);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < len; i++) {
        ktuple_items(t)[i] = kval_newref(items[i]);
    }
    return t;
}

KValue ktuple_pack(ssize_t n, ...) {
    KValue t = ktuple_new(n);
    if (!t) {
        return KV_NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++) {
        ktuple_items(t)[i] = kval_newref(va_arg(ap, KValue));
    }
    va_end(ap);
    return t;
}

KValue ktuple_from_iterable(KValue it) {
    if (ktuple_check_exact(it)) {
        return kval_newref(it);
    }
    if (klist_check(it)) {
        return ktuple_from_array(klist_items(it), klist_len(it));
    }
    KValue l = klist_from_iterable(it);
    if (!l) {
        return KV_NULL;
    }
    KValue t = ktuple_from_array(klist_items(l), klist_len(l));
    kval_decref(l);
    return t;
}

KValue ktuple_slice(KValue t, ssize_t start, ssize_t end) {
    ssize_t n = ktuple_len(t);
    if (start < 0) {
        start = 0;
    }
    if (end > n) {
        end = n;
    }
    if (start == 0 && end == n && ktuple_check_exact(t)) {
        return kval_newref(t);
    }
    if (end <= start) {
        return ktuple_new(0);
    }
    return ktuple_from_array(ktuple_items(t) + start, end - start);
}

// ---------------------------------------------------------------------------
// Slots.

static void tuple_dealloc(KObject *o) {
    KTuple *t = (KTuple *)o;
    kgc_untrack(o);
    for (ssize_t i = 0; i < t->len; i++) {
        kval_xdecref(t->items[i]);
    }
    kobj_free(o);
}

static int tuple_traverse(KObject *o, KVisitFn visit, void *arg) {
    KTuple *t = (KTuple *)o;
    for (ssize_t i = 0; i < t->len; i++) {
        if (t->items[i] && visit(t->items[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static KValue tuple_repr(KValue v) {
    ssize_t n = ktuple_len(v);
    if (n == 0) {
        return kstr_from_cstr("()");
    }
    int r = krepr_enter(v);
    if (r != 0) {
        return r > 0 ? kstr_from_cstr("(...)") : KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_char(&b, '(');
    for (ssize_t i = 0; i < n; i++) {
        if (i) {
            kstr_builder_ascii(&b, ", ", 2);
        }
        KValue s = kobj_repr(ktuple_items(v)[i]);
        if (!s) {
            kstr_builder_discard(&b);
            krepr_leave(v);
            return KV_NULL;
        }
        kstr_builder_str(&b, s);
        kval_decref(s);
    }
    if (n == 1) {
        kstr_builder_char(&b, ',');
    }
    kstr_builder_char(&b, ')');
    krepr_leave(v);
    return kstr_builder_finish(&b);
}

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) ((x << 31) | (x >> 33))

static int64_t tuple_hash(KValue v) {
    ssize_t n = ktuple_len(v);
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < n; i++) {
        int64_t lane = kobj_hash(ktuple_items(v)[i]);
        if (lane == -1) {
            return -1;
        }
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (int64_t)acc;
}

// Lexicographic comparison shared by tuple and list.
KValue kseq_richcompare(const KValue *a, ssize_t na, const KValue *b, ssize_t nb, int op) {
    ssize_t i;
    for (i = 0; i < na && i < nb; i++) {
        int eq = kobj_richcompare_bool(a[i], b[i], KF_CMP_EQ);
        if (eq < 0) {
            return KV_NULL;
        }
        if (!eq) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        int c = na < nb ? -1 : na > nb;
        int r = op == KF_CMP_LT   ? c < 0
                : op == KF_CMP_LE ? c <= 0
                : op == KF_CMP_EQ ? c == 0
                : op == KF_CMP_NE ? c != 0
                : op == KF_CMP_GT ? c > 0
                                  : c >= 0;
        return kbool_from(r);
    }
    if (op == KF_CMP_EQ) {
        return KV_FALSE;
    }
    if (op == KF_CMP_NE) {
        return KV_TRUE;
    }
    return kobj_richcompare(a[i], b[i], op);
}

static KValue tuple_richcompare(KValue a, KValue b, int op) {
    if (!ktuple_check(a) || !ktuple_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kseq_richcompare(ktuple_items(a), ktuple_len(a), ktuple_items(b), ktuple_len(b), op);
}

static ssize_t tuple_len(KValue v) {
    return ktuple_len(v);
}

static KValue tuple_getitem(KValue v, KValue key) {
    if (kval_is_int(key)) {
        intptr_t i = kval_int(key);
        ssize_t n = ktuple_len(v);
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            kerr_set(&kexc_IndexError, "tuple index out of range");
            return KV_NULL;
        }
        return kval_newref(ktuple_items(v)[i]);
    }
    if (kslice_check(key)) {
        ssize_t start, stop, step;
        ssize_t n = kslice_indices(key, ktuple_len(v), &start, &stop, &step);
        if (n < 0) {
            return KV_NULL;
        }
        if (step == 1) {
            return ktuple_slice(v, start, stop);
        }
        KValue t = ktuple_new(n);
        if (!t) {
            return KV_NULL;
        }
        for (size_t i = 0, j = (size_t)start; i < (size_t)n; i++, j += (size_t)step) {
            ktuple_items(t)[i] = kval_newref(ktuple_items(v)[j]);
        }
        return t;
    }
    ssize_t i = kseq_index(key, ktuple_len(v), "tuple");
    if (i < 0) {
        return KV_NULL;
    }
    return kval_newref(ktuple_items(v)[i]);
}

static int tuple_contains(KValue v, KValue item) {
    for (ssize_t i = 0; i < ktuple_len(v); i++) {
        int r = kobj_richcompare_bool(ktuple_items(v)[i], item, KF_CMP_EQ);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static KValue tuple_add(KValue a, KValue b) {
    if (!ktuple_check(a) || !ktuple_check(b)) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t na = ktuple_len(a), nb = ktuple_len(b);
    if (nb == 0 && ktuple_check_exact(a)) {
        return kval_newref(a);
    }
    if (na == 0 && ktuple_check_exact(b)) {
        return kval_newref(b);
    }
    KValue t = ktuple_new(na + nb);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < na; i++) {
        ktuple_items(t)[i] = kval_newref(ktuple_items(a)[i]);
    }
    for (ssize_t i = 0; i < nb; i++) {
        ktuple_items(t)[na + i] = kval_newref(ktuple_items(b)[i]);
    }
    return t;
}

static KValue tuple_mul(KValue a, KValue b) {
    KValue t = ktuple_check(a) ? a : b, n = ktuple_check(a) ? b : a;
    if (!kint_check(n) && knb(kval_type(n))->index == NULL) {
        return kval_newref(KV_NOTIMPL);
    }
    ssize_t count = knum_as_ssize(n, &kexc_OverflowError);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    ssize_t len = ktuple_len(t);
    if (count <= 0 || len == 0) {
        return ktuple_new(0);
    }
    if (count == 1 && ktuple_check_exact(t)) {
        return kval_newref(t);
    }
    if (len > PTRDIFF_MAX / 16 / count) {
        return kerr_no_memory();
    }
    KValue r = ktuple_new(len * count);
    if (!r) {
        return KV_NULL;
    }
    for (ssize_t c = 0; c < count; c++) {
        for (ssize_t i = 0; i < len; i++) {
            ktuple_items(r)[c * len + i] = kval_newref(ktuple_items(t)[i]);
        }
    }
    return r;
}

// The iterator of tuples (and of lists: it rechecks the length each step).
typedef struct SeqIter {
    KOBJ_HEAD;
    KValue seq;
    ssize_t index;
} SeqIter;

static KType tuple_iter_type;

static KValue tuple_iter(KValue v) {
    SeqIter *it = (SeqIter *)kobj_alloc(&tuple_iter_type, sizeof(SeqIter));
    if (!it) {
        return kerr_no_memory();
    }
    it->seq = kval_newref(v);
    return kval_of(it);
}

static KValue tuple_iter_next(KValue v) {
    SeqIter *it = (SeqIter *)v;
    if (!it->seq) {
        return KV_NULL;
    }
    if (it->index < ktuple_len(it->seq)) {
        return kval_newref(ktuple_items(it->seq)[it->index++]);
    }
    KVAL_CLEAR(it->seq);
    return KV_NULL;
}

static void seq_iter_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((SeqIter *)o)->seq);
    kobj_free(o);
}

static int seq_iter_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue s = ((SeqIter *)o)->seq;
    return s && visit(s, arg);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static KValue tuple_iter_length_hint(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    SeqIter *it = (SeqIter *)self;
    return kval_from_int(it->seq ? ktuple_len(it->seq) - it->index : 0);
}

static KValue tuple_iter_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    SeqIter *it = (SeqIter *)self;
    KValue empty = ktuple_new(0);
    KValue r = empty ? kiter_reduce_indexed("iter", it->seq, it->index, empty) : KV_NULL;
    kval_xdecref(empty);
    return r;
}

static KValue tuple_iter_setstate(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue state = args[0];
    SeqIter *it = (SeqIter *)self;
    if (it->seq && kiter_setstate_index(state, 0, ktuple_len(it->seq), &it->index) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

static const KMethodDef tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint, KMETH_NOARGS, NULL},
    {"__reduce__", tuple_iter_reduce, KMETH_NOARGS, NULL},
    {"__setstate__", tuple_iter_setstate, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static KType tuple_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "tuple_iterator",
    .basicsize = sizeof(SeqIter),
    .flags = KTF_GC,
    .dealloc = seq_iter_dealloc,
    .traverse = seq_iter_traverse,
    .iter = self_iter,
    .iternext = tuple_iter_next,
    .methods = tuple_iter_methods,
};

static KValue tuple_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (type == &ktuple_type && kargs_no_kw("tuple", kwnames) < 0) {
        return KV_NULL;
    }
    if (kargs_count("tuple", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    KValue t = nargs ? ktuple_from_iterable(args[0]) : ktuple_new(0);
    if (!t || type == &ktuple_type) {
        return t;
    }
    KValue sub = tuple_alloc(type, ktuple_len(t));
    if (sub) {
        for (ssize_t i = 0; i < ktuple_len(t); i++) {
            ktuple_items(sub)[i] = kval_newref(ktuple_items(t)[i]);
        }
    }
    kval_decref(t);
    return sub;
}

// ---------------------------------------------------------------------------
// Methods.

static KValue tuple_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    ssize_t c = 0;
    for (ssize_t i = 0; i < ktuple_len(self); i++) {
        int r = kobj_richcompare_bool(ktuple_items(self)[i], args[0], KF_CMP_EQ);
        if (r < 0) {
            return KV_NULL;
        }
        c += r;
    }
    return kval_from_int(c);
}

// Clips an optional start/stop argument of index() for 'len' items.
ssize_t kseq_clip_arg(KValue v, ssize_t len, ssize_t dflt) {
    if (!v || v == KV_NONE) {
        return dflt;
    }
    ssize_t i = knum_as_ssize(v, NULL);
    if (i == -1 && kerr_occurred()) {
        return -2;
    }
    if (i < 0) {
        i += len;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > len) {
        i = len;
    }
    return i;
}

KValue kseq_index_method(const KValue *items, ssize_t len, const KValue *args, size_t nargs,
                         const char *what) {
    if (kargs_count("index", nargs, 1, 3) < 0) {
        return KV_NULL;
    }
    ssize_t start = kseq_clip_arg(nargs > 1 ? args[1] : KV_NULL, len, 0);
    ssize_t stop = kseq_clip_arg(nargs > 2 ? args[2] : KV_NULL, len, len);
    if (start == -2 || stop == -2) {
        return KV_NULL;
    }
    for (ssize_t i = start; i < stop && i < len; i++) {
        int r = kobj_richcompare_bool(items[i], args[0], KF_CMP_EQ);
        if (r < 0) {
            return KV_NULL;
        }
        if (r) {
            return kval_from_int(i);
        }
    }
    if (what[0] == 'l') {
        kerr_format(&kexc_ValueError, "%R is not in list", args[0]);
    } else {
        kerr_set(&kexc_ValueError, "tuple.index(x): x not in tuple");
    }
    return KV_NULL;
}

static KValue tuple_index(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    return kseq_index_method(ktuple_items(self), ktuple_len(self), args, nargs, "tuple");
}

static KValue tuple_getnewargs(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue t = ktuple_from_array(ktuple_items(self), ktuple_len(self));
    if (!t) {
        return KV_NULL;
    }
    KValue r = ktuple_pack(1, t);
    kval_decref(t);
    return r;
}

KValue kgeneric_alias_new(KValue origin, KValue args);

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef tuple_methods[] = {
    {"count", tuple_count, KMETH_O, NULL},
    {"index", tuple_index, KMETH_FAST, NULL},
    {"__getnewargs__", tuple_getnewargs, KMETH_NOARGS, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

KType ktuple_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "tuple",
    .basicsize = sizeof(KTuple),
    .itemsize = sizeof(KValue),
    .flags = KTF_BASETYPE | KTF_GC | KTF_TUPLE_SUBCLASS | KTF_SEQUENCE,
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .new_ = tuple_new,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .nb = &(KNumberSlots){.binop = {[KNB_ADD] = tuple_add, [KNB_MULTIPLY] = tuple_mul}},
    .methods = tuple_methods,
    .doc = "tuple(iterable=(), /)\n"
        "--\n"
        "\n"
        "Built-in immutable sequence.\n"
        "\n"
        "If no argument is given, the constructor returns an empty tuple.\n"
        "If iterable is specified the tuple is initialized from iterable's items.\n"
        "\n"
        "If the argument is a tuple, the return value is the same object.",
};

int ktuple_init(void) {
    empty_tuple = tuple_alloc(&ktuple_type, 0);
    if (!empty_tuple) {
        return -1;
    }
    kgc_untrack(kval_obj(empty_tuple));
    return ktype_ready(&tuple_iter_type);
}
