// vm/structseq.c: struct sequences (structseq.h): a tuple subtype whose
// first n_visible fields are its items and whose hidden fields follow them
// in the same allocation, with CPython's constructor rules and messages,
// repr, __reduce__ and class attributes.
#include "structseq.h"

#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "list.h"
#include "mem.h"
#include "str.h"
#include "type.h"

// Struct sequence types are few (one per kind of record in the runtime), so
// their descriptors live in a small table searched by type.
enum { MAX_TYPES = 32 };

static struct {
    KType *type;
    const KStructSeqDesc *desc;
    KMemberDef *members;
} registry[MAX_TYPES];
static int registry_count;

// The descriptor of 'type' or of its nearest struct sequence base.
static const KStructSeqDesc *desc_of(KType *type) {
    for (; type; type = type->base) {
        for (int i = 0; i < registry_count; i++) {
            if (registry[i].type == type) {
                return registry[i].desc;
            }
        }
    }
    return NULL;
}

static int is_named(const char *field) {
    return field != KSTRUCTSEQ_UNNAMED;
}

static int count_unnamed(const KStructSeqDesc *d) {
    int n = 0;
    for (int i = 0; i < d->n_fields; i++) {
        n += !is_named(d->fields[i]);
    }
    return n;
}

// The name repr shows for visible field 'i': as CPython, the i-th named
// member, so unnamed fields borrow the names of the ones after them.
static const char *repr_name(const KStructSeqDesc *d, int i) {
    for (int f = 0, named = 0; f < d->n_fields; f++) {
        if (is_named(d->fields[f]) && named++ == i) {
            return d->fields[f];
        }
    }
    return "?";
}

static void ss_dealloc(KObject *o) {
    KTuple *t = (KTuple *)o;
    const KStructSeqDesc *d = desc_of(o->type);
    kgc_untrack(o);
    for (int i = 0; i < d->n_fields; i++) {
        KVAL_CLEAR(t->items[i]);
    }
    kobj_free(o);
}

static int ss_traverse(KObject *o, KVisitFn visit, void *arg) {
    KTuple *t = (KTuple *)o;
    const KStructSeqDesc *d = desc_of(o->type);
    for (int i = 0; i < d->n_fields; i++) {
        if (t->items[i] && visit(t->items[i], arg)) {
            return 1;
        }
    }
    return 0;
}

KValue kstructseq_new(KType *type, KValue *values_steal) {
    const KStructSeqDesc *d = desc_of(type);
    KTuple *t = (KTuple *)kobj_alloc(type, sizeof(KTuple) + (size_t)d->n_fields * sizeof(KValue));
    if (!t) {
        for (int i = 0; i < d->n_fields; i++) {
            kval_xdecref(values_steal[i]);
        }
        return kerr_no_memory();
    }
    t->len = d->n_visible;
    for (int i = 0; i < d->n_fields; i++) {
        t->items[i] = values_steal[i] ? values_steal[i] : kval_newref(KV_NONE);
    }
    return kval_of(t);
}

// The hidden field 'f' of the constructor's 'dict' (borrowed), or KV_NULL.
static KValue dict_field(KValue dict, const char *f) {
    if (!dict || dict == KV_NONE || !is_named(f)) {
        return KV_NULL;
    }
    return kdict_get_cstr_borrow(dict, f);
}

KValue kstructseq_type_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"sequence", "dict", NULL};
    const KStructSeqDesc *d = desc_of(type);
    KValue a[2];
    if (kargs_parse(type->name, args, nargs, kwnames, kwlist, 1, 2, a) < 0) {
        return KV_NULL;
    }
    if (a[1] && !kdict_check(a[1])) {
        kerr_format(&kexc_TypeError, "%s() takes a dict as second arg, if any", d->name);
        return KV_NULL;
    }
    KValue seq = kseq_fast(a[0], "constructor requires a sequence");
    if (!seq) {
        return KV_NULL;
    }
    ssize_t n = ktuple_check(seq) ? ktuple_len(seq) : klist_len(seq);
    KValue *items = ktuple_check(seq) ? ktuple_items(seq) : klist_items(seq);
    if (n < d->n_visible || n > d->n_fields) {
        int few = n < d->n_visible;
        if (d->n_visible == d->n_fields) {
            kerr_format(&kexc_TypeError, "%s() takes a %d-sequence (%zd-sequence given)", d->name,
                        d->n_fields, n);
        } else {
            kerr_format(&kexc_TypeError, "%s() takes an at %s %d-sequence (%zd-sequence given)",
                        d->name, few ? "least" : "most", few ? d->n_visible : d->n_fields, n);
        }
        kval_decref(seq);
        return KV_NULL;
    }
    KValue *values = kmem_alloc((size_t)d->n_fields * sizeof(KValue));
    if (!values) {
        kval_decref(seq);
        return kerr_no_memory();
    }
    for (int i = 0; i < d->n_fields; i++) {
        KValue v = i < n ? items[i] : dict_field(a[1], d->fields[i]);
        values[i] = v ? kval_newref(v) : KV_NULL;
    }
    kval_decref(seq);
    KValue r = kstructseq_new(type, values);
    kmem_free(values);
    return r;
}

static KValue ss_repr(KValue self) {
    const KStructSeqDesc *d = desc_of(kval_type(self));
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_cstr(&b, d->name);
    kstr_builder_char(&b, '(');
    for (int i = 0; i < d->n_visible; i++) {
        KValue r = kobj_repr(((KTuple *)self)->items[i]);
        if (!r) {
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        kstr_builder_printf(&b, "%s%s=", i ? ", " : "", repr_name(d, i));
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    kstr_builder_char(&b, ')');
    return kstr_builder_finish(&b);
}

// (type, (visible fields, {hidden name: value}))
static KValue ss_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    const KStructSeqDesc *d = desc_of(kval_type(self));
    KTuple *t = (KTuple *)self;
    KValue visible = ktuple_from_array(t->items, d->n_visible);
    KValue extra = visible ? kdict_new() : KV_NULL;
    KValue r = KV_NULL;
    if (!extra) {
        goto done;
    }
    for (int i = d->n_visible; i < d->n_fields; i++) {
        if (is_named(d->fields[i]) && kdict_set_cstr(extra, d->fields[i], t->items[i]) < 0) {
            goto done;
        }
    }
    KValue inner = ktuple_pack(2, visible, extra);
    r = inner ? ktuple_pack(2, kval_of(kval_type(self)), inner) : KV_NULL;
    kval_xdecref(inner);
done:
    kval_xdecref(visible);
    kval_xdecref(extra);
    return r;
}

static const KMethodDef ss_methods[] = {
    {"__reduce__", ss_reduce, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KMemberDef *make_members(const KStructSeqDesc *d) {
    KMemberDef *m = kmem_alloc((size_t)(d->n_fields + 1) * sizeof(KMemberDef));
    if (!m) {
        return NULL;
    }
    int k = 0;
    for (int i = 0; i < d->n_fields; i++) {
        if (is_named(d->fields[i])) {
            m[k++] = (KMemberDef){d->fields[i], KMEMBER_OBJECT,
                                  (ssize_t)(offsetof(KTuple, items) + (size_t)i * sizeof(KValue)),
                                  1, NULL};
        }
    }
    m[k] = (KMemberDef){NULL, 0, 0, 0, NULL};
    return m;
}

static int set_class_int(KValue dict, const char *name, int v) {
    return kdict_set_cstr(dict, name, kval_from_int(v));
}

// __match_args__: the named visible fields.
static int set_match_args(KValue dict, const KStructSeqDesc *d) {
    KValue l = klist_new(0);
    for (int i = 0; l && i < d->n_visible; i++) {
        if (!is_named(d->fields[i])) {
            continue;
        }
        KValue s = kstr_intern_cstr(d->fields[i]);
        if (!s || klist_append(l, s) < 0) {
            kval_xdecref(s);
            KVAL_CLEAR(l);
            break;
        }
        kval_decref(s);
    }
    KValue t = l ? klist_as_tuple(l) : KV_NULL;
    kval_xdecref(l);
    int r = t ? kdict_set_cstr(dict, "__match_args__", t) : -1;
    kval_xdecref(t);
    return r;
}

int kstructseq_init_type(KType *type, const KStructSeqDesc *d) {
    if (registry_count == MAX_TYPES) {
        kerr_set(&kexc_SystemError, "too many struct sequence types");
        return -1;
    }
    KMemberDef *members = make_members(d);
    if (!members) {
        kerr_no_memory();
        return -1;
    }
    type->name = d->name;
    type->basicsize = sizeof(KTuple);
    type->itemsize = sizeof(KValue);
    type->flags = KTF_GC | KTF_TUPLE_SUBCLASS;
    type->base = &ktuple_type;
    type->dealloc = ss_dealloc;
    type->traverse = ss_traverse;
    type->repr = ss_repr;
    if (!type->new_) {
        type->new_ = kstructseq_type_new;
    }
    type->members = members;
    type->methods = ss_methods;
    registry[registry_count].type = type;
    registry[registry_count].desc = d;
    registry[registry_count].members = members;
    registry_count++;
    KValue dict = ktype_ready(type) < 0 ? KV_NULL : ktype_dict(type);
    if (!dict || set_class_int(dict, "n_sequence_fields", d->n_visible) < 0 ||
        set_class_int(dict, "n_fields", d->n_fields) < 0 ||
        set_class_int(dict, "n_unnamed_fields", count_unnamed(d)) < 0 ||
        set_match_args(dict, d) < 0) {
        return -1;
    }
    ktype_modified(type);
    return 0;
}
