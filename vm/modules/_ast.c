// vm/modules/_ast.c: the _ast module under CPython's ast.py: the base class
// AST (a C type: fields set by its __init__, an instance __dict__,
// __reduce__ for pickle and copy), and one class per node of Python.asdl,
// made at import from the compiler's tables (compiler.h's kc_ast_classes):
// abstract classes for the sums (expr, stmt...), concrete ones below them
// with _fields, __match_args__, _attributes, CPython's docstrings and None
// defaults for optional fields. The conversions between these objects and
// the compiler's tree are _ast_convert.c's.
#include "_ast.h"

#include <stddef.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

KValue kpyast_classes[KPYAST_MAX_CLASSES];
KValue kpyast_abstract[KPYAST_MAX_TYPES];
KValue kpyast_singletons[KPYAST_MAX_CLASSES];
KValue kpyast_field_names[KPYAST_MAX_CLASSES];
KPyAstIds kpyast_ids;

typedef struct AstObject {
    KOBJ_HEAD;
    KValue dict;
} AstObject;

static void ast_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(((AstObject *)o)->dict);
    kobj_free(o);
}

static int ast_traverse(KObject *o, KVisitFn visit, void *arg) {
    KValue d = ((AstObject *)o)->dict;
    return d && visit(d, arg);
}

static void ast_clear(KObject *o) {
    KVAL_CLEAR(((AstObject *)o)->dict);
}

// AST.__new__ takes any arguments: __init__ looks at them.
static KValue ast_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

// The index of 'key' in the sequence 'fields', -1 when absent, -2 on error.
static ssize_t field_index(KValue fields, KValue key) {
    int has = kobj_contains(fields, key);
    if (has <= 0) {
        return has < 0 ? -2 : -1;
    }
    ssize_t n = kobj_len(fields);
    for (ssize_t i = 0; i < n; i++) {
        KValue idx = kint_from_i64(i);
        KValue item = idx ? kobj_getitem(fields, idx) : KV_NULL;
        kval_xdecref(idx);
        if (!item) {
            return -2;
        }
        int eq = kobj_richcompare_bool(item, key, KF_CMP_EQ);
        kval_decref(item);
        if (eq != 0) {
            return eq < 0 ? -2 : i;
        }
    }
    return -1;
}

// AST.__init__(*args, **kwargs): positional arguments name the fields of
// _fields in order, keywords set any attribute (CPython's ast_type_init).
static int ast_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KType *type = kval_type(self);
    KValue fields = KV_NULL;
    if (kobj_lookup_attr(kval_of(type), kpyast_ids.fields, &fields) < 0) {
        return -1;
    }
    ssize_t numfields = 0;
    if (fields) {
        numfields = kobj_len(fields);
        if (numfields < 0) {
            goto error;
        }
    }
    if ((ssize_t)nargs > numfields) {
        kerr_format(&kexc_TypeError, "%s constructor takes at most %zd positional argument%s",
                    ktype_short_name(type), numfields, numfields == 1 ? "" : "s");
        goto error;
    }
    for (size_t i = 0; i < nargs; i++) {
        KValue idx = kint_from_i64((int64_t)i);
        KValue name = idx ? kobj_getitem(fields, idx) : KV_NULL;
        kval_xdecref(idx);
        int r = name ? kobj_setattr(self, name, args[i]) : -1;
        kval_xdecref(name);
        if (r < 0) {
            goto error;
        }
    }
    ssize_t nkw = kwnames ? ktuple_len(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        KValue key = ktuple_get_borrow(kwnames, i);
        if (fields) {
            ssize_t p = field_index(fields, key);
            if (p == -2) {
                goto error;
            }
            if (p >= 0 && p < (ssize_t)nargs) {
                kerr_format(&kexc_TypeError, "%s got multiple values for argument '%U'",
                            ktype_name(type), key);
                goto error;
            }
        }
        if (kobj_setattr(self, key, args[nargs + (size_t)i]) < 0) {
            goto error;
        }
    }
    kval_xdecref(fields);
    return 0;
error:
    kval_xdecref(fields);
    return -1;
}

// AST.__reduce__(): (type(self), (), self.__dict__), or without the dict
// when the instance has none.
static KValue ast_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KValue d = kobj_get_dict_borrow(self);
    KValue empty = ktuple_new(0);
    if (!empty) {
        return KV_NULL;
    }
    KValue r = d ? ktuple_pack(3, kval_of(kval_type(self)), empty, d)
                 : ktuple_pack(2, kval_of(kval_type(self)), empty);
    kval_decref(empty);
    return r;
}

static const KMethodDef ast_methods[] = {
    {"__reduce__", ast_reduce, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef ast_getsets[] = {
    {"__dict__", kobj_generic_get_dict, kobj_generic_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

KType kpyast_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "ast.AST",
    .basicsize = sizeof(AstObject),
    .flags = KTF_GC | KTF_BASETYPE,
    .dictoffset = offsetof(AstObject, dict),
    .dealloc = ast_dealloc,
    .traverse = ast_traverse,
    .clear = ast_clear,
    .new_ = ast_new,
    .init = ast_init,
    .methods = ast_methods,
    .getsets = ast_getsets,
};

// ---------------------------------------------------------------------------
// The classes

// A tuple of the names of class 'cls''s fields.
static KValue field_names(const KcAstClass *c) {
    KValue t = ktuple_new(c->nfields);
    for (int i = 0; t && i < c->nfields; i++) {
        KValue s = kstr_intern_cstr(c->fields[i].name);
        if (!s) {
            KVAL_CLEAR(t);
            break;
        }
        ktuple_items(t)[i] = s;
    }
    return t;
}

static KValue location_names(void) {
    return ktuple_pack(4, kpyast_ids.lineno, kpyast_ids.col_offset, kpyast_ids.end_lineno,
                       kpyast_ids.end_col_offset);
}

static int make_ids(void) {
    static const char *const names[] = {"_fields", "__match_args__", "_attributes", "lineno",
                                        "col_offset", "end_lineno", "end_col_offset"};
    KValue *ids = &kpyast_ids.fields;
    for (int i = 0; i < 7; i++) {
        if (!ids[i] && !(ids[i] = kstr_intern_cstr(names[i]))) {
            return -1;
        }
    }
    return 0;
}

// type(name, (base,), {_fields, __match_args__, __module__, __doc__}).
static KValue make_class(const char *name, KValue base, KValue fields, const char *doc) {
    KValue ns = kdict_new();
    KValue sname = kstr_from_cstr(name);
    KValue sdoc = doc ? kstr_from_cstr(doc) : kval_newref(KV_NONE);
    KValue bases = ktuple_pack(1, base);
    KValue mod = kstr_from_cstr("ast");
    KValue cls = KV_NULL;
    if (ns && sname && sdoc && bases && mod && kdict_set(ns, kpyast_ids.fields, fields) == 0 &&
        kdict_set(ns, kpyast_ids.match_args, fields) == 0 &&
        kdict_set(ns, KID(__module__), mod) == 0 && kdict_set(ns, KID(__doc__), sdoc) == 0) {
        cls = ktype_new_class(&ktype_type, sname, bases, ns, KV_NULL);
    }
    kval_xdecref(ns);
    kval_xdecref(sname);
    kval_xdecref(sdoc);
    kval_xdecref(bases);
    kval_xdecref(mod);
    return cls;
}

// _attributes and the None defaults of optional locations ('t''s own class).
static int set_type_attributes(KValue cls, const KcAstType *t) {
    KValue attrs = t->has_attrs ? location_names() : ktuple_new(0);
    int r = attrs ? kobj_setattr(cls, kpyast_ids.attributes, attrs) : -1;
    kval_xdecref(attrs);
    if (r == 0 && t->end_optional) {
        r = kobj_setattr(cls, kpyast_ids.end_lineno, KV_NONE);
        if (r == 0) {
            r = kobj_setattr(cls, kpyast_ids.end_col_offset, KV_NONE);
        }
    }
    return r;
}

// Class attributes None for the optional fields of 'c' ('expr? returns').
static int set_optional_defaults(KValue cls, const KcAstClass *c) {
    for (int i = 0; i < c->nfields; i++) {
        if (c->fields[i].quant == '?') {
            KValue name = ktuple_get_borrow(kpyast_field_names[c - kc_ast_classes], i);
            if (kobj_setattr(cls, name, KV_NONE) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int make_concrete(int ci, KValue base) {
    if (kpyast_classes[ci]) {
        return 0; // made by an earlier attempt that failed further on
    }
    const KcAstClass *c = &kc_ast_classes[ci];
    const KcAstType *t = &kc_ast_types[c->type];
    KValue fields = field_names(c);
    if (!fields) {
        return -1;
    }
    kpyast_field_names[ci] = fields;
    KValue cls = make_class(c->name, base, fields, c->doc);
    if (!cls) {
        return -1;
    }
    kpyast_classes[ci] = cls;
    if ((!t->is_sum && set_type_attributes(cls, t) < 0) || set_optional_defaults(cls, c) < 0) {
        return -1;
    }
    if (t->is_simple) {
        kpyast_singletons[ci] = kobj_call(cls, NULL, 0, KV_NULL);
        if (!kpyast_singletons[ci]) {
            return -1;
        }
    }
    return 0;
}

// Makes every class once (they outlive the module, as the runtime's types do).
static int make_classes(void) {
    static int made;
    if (made) {
        return 0;
    }
    if (ktype_ready(&kpyast_type) < 0 || make_ids() < 0) {
        return -1;
    }
    KValue empty = ktuple_new(0);
    if (!empty) {
        return -1;
    }
    KValue ast = kval_of(&kpyast_type);
    // AST is a static (immutable) type: its class attributes go straight
    // into its dict.
    KValue d = ktype_dict(&kpyast_type);
    int r = !d || kdict_set(d, kpyast_ids.fields, empty) < 0 ||
                    kdict_set(d, kpyast_ids.match_args, empty) < 0 ||
                    kdict_set(d, kpyast_ids.attributes, empty) < 0
                ? -1
                : 0;
    ktype_modified(&kpyast_type);
    for (int ti = 0; r == 0 && ti < kc_ast_ntypes; ti++) {
        const KcAstType *t = &kc_ast_types[ti];
        KValue base = ast;
        if (t->is_sum && !kpyast_abstract[ti]) {
            KValue cls = make_class(t->name, ast, empty, t->doc);
            if (!cls || set_type_attributes(cls, t) < 0) {
                kval_xdecref(cls);
                r = -1;
                break;
            }
            kpyast_abstract[ti] = cls;
        }
        base = t->is_sum ? kpyast_abstract[ti] : ast;
        for (int ci = t->first_class; r == 0 && ci < t->first_class + t->nclasses; ci++) {
            r = make_concrete(ci, base);
        }
    }
    kval_decref(empty);
    made = r == 0;
    return r;
}

static int add_int(KValue m, const char *name, int64_t v) {
    KValue i = kint_from_i64(v);
    int r = i ? kmod_add(m, name, i) : -1;
    kval_xdecref(i);
    return r;
}

int kpyast_ready(void) {
    return make_classes();
}

KValue kmod_ast_create(void) {
    if (make_classes() < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_ast");
    if (!m || kmod_add(m, "AST", kval_of(&kpyast_type)) < 0) {
        goto error;
    }
    for (int ti = 0; ti < kc_ast_ntypes; ti++) {
        const KcAstType *t = &kc_ast_types[ti];
        if (kpyast_abstract[ti] && kmod_add(m, t->name, kpyast_abstract[ti]) < 0) {
            goto error;
        }
        for (int ci = t->first_class; ci < t->first_class + t->nclasses; ci++) {
            if (kmod_add(m, kc_ast_classes[ci].name, kpyast_classes[ci]) < 0) {
                goto error;
            }
        }
    }
    if (add_int(m, "PyCF_ONLY_AST", KPYAST_CF_ONLY_AST) < 0 ||
        add_int(m, "PyCF_TYPE_COMMENTS", KPYAST_CF_TYPE_COMMENTS) < 0 ||
        add_int(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", KPYAST_CF_ALLOW_TOP_LEVEL_AWAIT) < 0) {
        goto error;
    }
    return m;
error:
    kval_xdecref(m);
    return KV_NULL;
}
