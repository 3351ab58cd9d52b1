// vm/modules/_ast_convert.c: the compiler's tree to _ast objects (what
// ast.parse returns) and back (compile() of an AST object), field by field
// through the compiler's tables, with CPython 3.11's errors (Python-ast.c's
// ast2obj and obj2ast: "required field \"lineno\" missing from expr",
// "expected some sort of expr, but got ...", "field 'id' is required for
// Name"); the tree's own checks (PyAST_Validate) are the compiler's.
#include "_ast.h"

#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../code.h"
#include "../dict.h"
#include "../errors.h"
#include "../finder.h"
#include "../float.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

// ---------------------------------------------------------------------------
// Tree -> objects

static KValue node_object(const void *node, int type);

static KValue value_object(const KcAstField *f, const KcAstValue *v) {
    switch (f->kind) {
    case KC_AST_NODE:
        return v->node ? node_object(v->node, f->type) : kval_newref(KV_NONE);
    case KC_AST_SIMPLE: {
        const KcAstType *t = &kc_ast_types[f->type];
        if (v->i < 1 || v->i > t->nclasses) {
            kerr_set(&kexc_SystemError, "invalid operator in the compiler's tree");
            return KV_NULL;
        }
        return kval_newref(kpyast_singletons[t->first_class + v->i - 1]);
    }
    case KC_AST_IDENTIFIER:
    case KC_AST_STRING:
        return v->str ? kstr_from_utf8(v->str, (ssize_t)strlen(v->str)) : kval_newref(KV_NONE);
    case KC_AST_INT:
        return kint_from_i64(v->i);
    case KC_AST_CONSTANT:
        return kcode_scalar_const(&v->constant);
    }
    return kval_newref(KV_NONE);
}

static KValue field_object(const void *node, const KcAstField *f) {
    KcAstValue v;
    if (f->quant != '*') {
        kc_ast_get(node, f, &v);
        return value_object(f, &v);
    }
    int n = kc_ast_seq_len(node, f);
    KValue list = klist_new(n);
    for (int i = 0; list && i < n; i++) {
        kc_ast_seq_get(node, f, i, &v);
        KValue item = value_object(f, &v);
        if (!item) {
            KVAL_CLEAR(list);
            break;
        }
        klist_items(list)[i] = item;
    }
    return list;
}

static int set_locations(KValue dict, const void *node, int type) {
    int loc[4];
    kc_ast_get_attrs(node, type, loc);
    KValue *names = &kpyast_ids.lineno;
    for (int i = 0; i < 4; i++) {
        KValue v = kint_from_i64(loc[i]);
        int r = v ? kdict_set(dict, names[i], v) : -1;
        kval_xdecref(v);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// An instance of the node's class with every field and location in its dict.
static KValue node_object(const void *node, int type) {
    int ci = kc_ast_class_of(node, type);
    const KcAstClass *c = &kc_ast_classes[ci];
    if (kstate_enter(" during ast construction") < 0) {
        return KV_NULL;
    }
    KValue obj = ktype_generic_alloc((KType *)kval_obj(kpyast_classes[ci]), 0);
    KValue dict = obj ? kdict_new() : KV_NULL;
    if (!dict) {
        goto error;
    }
    for (int i = 0; i < c->nfields; i++) {
        KValue v = field_object(node, &c->fields[i]);
        int r = v ? kdict_set(dict, ktuple_get_borrow(kpyast_field_names[ci], i), v) : -1;
        kval_xdecref(v);
        if (r < 0) {
            goto error;
        }
    }
    if (kc_ast_types[type].has_attrs && set_locations(dict, node, type) < 0) {
        goto error;
    }
    kval_setref(kobj_dictptr(obj), dict);
    kstate_leave();
    return obj;
error:
    kstate_leave();
    kval_xdecref(dict);
    kval_xdecref(obj);
    return KV_NULL;
}

KValue kpyast_from_tree(const void *mod) {
    if (kpyast_ready() < 0) {
        return KV_NULL;
    }
    return node_object(mod, kc_ast_mod_type);
}

// ---------------------------------------------------------------------------
// Objects -> tree

typedef struct Builder {
    KcUnit *unit;
} Builder;

static int object_node(Builder *b, KValue obj, int type, const void **out);

static int isinstance_of(KValue obj, KValue cls) {
    return kobj_isinstance(obj, cls);
}

// obj.name, or KV_NULL: with an exception (-1) or without (missing, 0).
static int lookup(KValue obj, KValue name, KValue *out) {
    return kobj_lookup_attr(obj, name, out);
}

static int missing(const char *field, const char *owner) {
    kerr_format(&kexc_TypeError, "required field \"%s\" missing from %s", field, owner);
    return -1;
}

// A C int from 'v' (obj2ast_int): an int, else ValueError.
static int object_int(KValue v, int *out) {
    if (!kint_check(v)) {
        KValue r = kobj_repr(v);
        if (r) {
            kerr_format(&kexc_ValueError, "invalid integer value: %U", r);
            kval_decref(r);
        }
        return -1;
    }
    int overflow;
    int64_t i = kint_as_i64_overflow(v, &overflow);
    if (overflow || i > INT32_MAX || i < INT32_MIN) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)i;
    return 0;
}

// A scalar constant of the tree; 'v' was checked by check_constant.
// Returns 1 for an int beyond 64 bits (the caller gives its digits).
static int object_constant(KValue v, KfConst *out) {
    memset(out, 0, sizeof *out);
    if (v == KV_NONE) {
        out->kind = KF_CONST_NONE;
    } else if (v == KV_TRUE || v == KV_FALSE) {
        out->kind = v == KV_TRUE ? KF_CONST_TRUE : KF_CONST_FALSE;
    } else if (v == KV_ELLIPSIS) {
        out->kind = KF_CONST_ELLIPSIS;
    } else if (kint_check(v)) {
        int overflow;
        out->i = kint_as_i64_overflow(v, &overflow);
        out->kind = KF_CONST_INT;
        if (overflow) {
            return 1; // const_field writes the digits
        }
    } else if (kfloat_check(v)) {
        out->kind = KF_CONST_FLOAT;
        out->f = kfloat_value(v);
    } else if (ktype_is_subtype(kval_type(v), &kcomplex_type)) {
        KValue re = kobj_getattr(v, KID(real)), im = re ? kobj_getattr(v, KID(imag)) : KV_NULL;
        if (!im) {
            kval_xdecref(re);
            return -1;
        }
        out->kind = KF_CONST_COMPLEX;
        out->f = kfloat_value(re);
        out->imag = kfloat_value(im);
        kval_decref(re);
        kval_decref(im);
    } else if (kstr_check(v)) {
        ssize_t len;
        out->kind = KF_CONST_STR;
        out->str = kstr_utf8(v, &len);
        out->len = (size_t)len;
        if (!out->str) {
            return -1;
        }
    } else {
        ssize_t len;
        out->kind = KF_CONST_BYTES;
        out->str = kbytes_data(v, &len);
        out->len = (size_t)len;
    }
    return 0;
}

// CPython's validate_constant: None, Ellipsis, numbers, str, bytes, and
// tuples of those. Returns KV_NULL when 'v' is one, else the value (maybe
// an item deep inside) whose type is refused (borrowed).
static KValue invalid_constant(KValue v) {
    if (v == KV_NONE || v == KV_ELLIPSIS || kint_check(v) || kfloat_check(v) ||
        ktype_is_subtype(kval_type(v), &kcomplex_type) || kstr_check(v) ||
        kval_has_flag(v, KTF_BYTES_SUBCLASS)) {
        return KV_NULL;
    }
    if (ktuple_check(v)) {
        for (ssize_t i = 0; i < ktuple_len(v); i++) {
            KValue bad = invalid_constant(ktuple_get_borrow(v, i));
            if (bad) {
                return bad;
            }
        }
        return KV_NULL;
    }
    return v;
}

static int check_constant(KValue v) {
    KValue bad = invalid_constant(v);
    if (bad) {
        kerr_format(&kexc_TypeError, "got an invalid type in Constant: %s",
                    ktype_name(kval_type(bad)));
        return -1;
    }
    return 0;
}

// A field's value from an object (one item of a sequence field).
static int object_value(Builder *b, const KcAstField *f, KValue v, KcAstValue *out) {
    memset(out, 0, sizeof *out);
    switch (f->kind) {
    case KC_AST_NODE:
    case KC_AST_SIMPLE:
        if (f->kind == KC_AST_SIMPLE) {
            const KcAstType *t = &kc_ast_types[f->type];
            for (int i = 0; i < t->nclasses; i++) {
                int is = isinstance_of(v, kpyast_classes[t->first_class + i]);
                if (is) {
                    out->i = i + 1;
                    return is < 0 ? -1 : 0;
                }
            }
            kerr_format(&kexc_TypeError, "expected some sort of %s, but got %R", t->name, v);
            return -1;
        }
        return object_node(b, v, f->type, &out->node);
    case KC_AST_IDENTIFIER:
    case KC_AST_STRING:
        if (v == KV_NONE) {
            return 0;
        }
        if (!kstr_check_exact(v)) {
            kerr_format(&kexc_TypeError, "AST %s must be of type str",
                        f->kind == KC_AST_IDENTIFIER ? "identifier" : "string");
            return -1;
        }
        out->str = kstr_utf8(v, NULL);
        return out->str ? 0 : -1;
    case KC_AST_INT:
        return object_int(v, &out->i);
    case KC_AST_CONSTANT:
        return 0; // const_field's
    }
    return 0;
}

static int nomem(void) {
    kerr_no_memory();
    return -1;
}

static int const_field(Builder *b, void *node, const KcAstField *f, KValue v) {
    if (check_constant(v) < 0) {
        return -1;
    }
    KcAstValue cv;
    memset(&cv, 0, sizeof cv);
    KValue keep = KV_NULL;
    int r = object_constant(v, &cv.constant);
    if (r == 1) {
        ssize_t len;
        keep = kint_to_decimal(v);
        cv.constant.kind = KF_CONST_BIGINT;
        cv.constant.str = keep ? kstr_utf8(keep, &len) : NULL;
        if (!cv.constant.str) {
            kval_xdecref(keep);
            return -1;
        }
        cv.constant.len = (size_t)len;
        r = 0;
    }
    if (r == 0 && kc_ast_set(b->unit, node, f, &cv) < 0) {
        r = nomem();
    }
    kval_xdecref(keep);
    return r;
}

static int seq_field(Builder *b, void *node, const KcAstField *f, KValue list, const char *owner) {
    if (!klist_check(list)) {
        kerr_format(&kexc_TypeError, "%s field \"%s\" must be a list, not a %s", owner, f->name,
                    ktype_name(kval_type(list)));
        return -1;
    }
    ssize_t n = klist_len(list);
    if (kc_ast_seq_new(b->unit, node, f, (int)n) < 0) {
        return nomem();
    }
    for (ssize_t i = 0; i < n; i++) {
        KValue item = kval_newref(klist_items(list)[i]);
        KcAstValue v;
        int r = object_value(b, f, item, &v);
        if (r == 0 && f->kind != KC_AST_NODE && f->kind != KC_AST_SIMPLE && !v.str) {
            // identifier* holds no None (obj2ast_identifier lets it through;
            // the compiler has no use for it).
            kerr_format(&kexc_ValueError, "field '%s' is required for %s", f->name, owner);
            r = -1;
        }
        if (r == 0 && kc_ast_seq_set(b->unit, node, f, (int)i, &v) < 0) {
            r = nomem();
        }
        kval_decref(item);
        if (r < 0) {
            return -1;
        }
        if (klist_len(list) != n) {
            kerr_format(&kexc_RuntimeError, "%s field \"%s\" changed size during iteration",
                        owner, f->name);
            return -1;
        }
    }
    return 0;
}

// Sets field 'f' of 'node' from 'obj.<f>' (class 'owner').
static int set_field(Builder *b, void *node, const KcAstField *f, KValue name, KValue obj,
                     const char *owner) {
    KValue v;
    if (lookup(obj, name, &v) < 0) {
        return -1;
    }
    if (!v && f->quant != '?') {
        return missing(f->name, owner);
    }
    int r;
    if (!v || (v == KV_NONE && f->quant == '?')) {
        r = 0; // stays NULL / 0
    } else if (f->quant == '*') {
        r = seq_field(b, node, f, v, owner);
    } else if (f->kind == KC_AST_CONSTANT) {
        r = const_field(b, node, f, v);
    } else {
        KcAstValue val;
        r = object_value(b, f, v, &val);
        if (r == 0 && f->quant == 0 && (f->kind == KC_AST_NODE || f->kind == KC_AST_IDENTIFIER ||
                                        f->kind == KC_AST_STRING) &&
            !val.node && !val.str) {
            kerr_format(&kexc_ValueError, "field '%s' is required for %s", f->name, owner);
            r = -1;
        }
        if (r == 0 && kc_ast_set(b->unit, node, f, &val) < 0) {
            r = nomem();
        }
    }
    kval_xdecref(v);
    return r;
}

// lineno, col_offset (required) and end_lineno, end_col_offset (optional,
// defaulting to the start) of 'obj', read before its class is looked at.
static int object_locations(KValue obj, const KcAstType *t, int loc[4]) {
    KValue *names = &kpyast_ids.lineno;
    static const char *const cnames[] = {"lineno", "col_offset", "end_lineno",
                                         "end_col_offset"};
    for (int i = 0; i < 4; i++) {
        KValue v;
        if (lookup(obj, names[i], &v) < 0) {
            return -1;
        }
        if (!v || (v == KV_NONE && i >= 2 && t->end_optional)) {
            kval_xdecref(v);
            if (i < 2 || !t->end_optional) {
                return missing(cnames[i], t->name);
            }
            loc[i] = loc[i - 2];
            continue;
        }
        int r = object_int(v, &loc[i]);
        kval_decref(v);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int class_index(const char *name) {
    for (int i = 0; i < kc_ast_nclasses; i++) {
        if (strcmp(kc_ast_classes[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}

// Constant(value=(1, (2, 3))): the compiler's tree holds scalar constants
// only, so the tuple becomes a Tuple of Constants (at 'loc'), which the
// constant folder turns back into the same tuple constant.
static int tuple_constant(Builder *b, KValue tuple, int type, const int loc[4], const void **out) {
    static int tuple_cls = -1, const_cls = -1;
    if (tuple_cls < 0) {
        tuple_cls = class_index("Tuple");
        const_cls = class_index("Constant");
    }
    const KcAstClass *tc = &kc_ast_classes[tuple_cls], *cc = &kc_ast_classes[const_cls];
    void *node = kc_ast_new(b->unit, tuple_cls);
    ssize_t n = ktuple_len(tuple);
    if (!node || kc_ast_seq_new(b->unit, node, &tc->fields[0], (int)n) < 0) {
        return nomem();
    }
    KcAstValue v = {.i = 1}; // ctx=Load()
    if (kc_ast_set(b->unit, node, &tc->fields[1], &v) < 0) {
        return nomem();
    }
    for (ssize_t i = 0; i < n; i++) {
        KValue item = ktuple_get_borrow(tuple, i);
        memset(&v, 0, sizeof v);
        if (ktuple_check(item)) {
            if (tuple_constant(b, item, type, loc, &v.node) < 0) {
                return -1;
            }
        } else {
            void *c = kc_ast_new(b->unit, const_cls);
            if (!c) {
                return nomem();
            }
            if (const_field(b, c, &cc->fields[0], item) < 0) {
                return -1;
            }
            kc_ast_set_attrs(c, type, loc);
            v.node = c;
        }
        if (kc_ast_seq_set(b->unit, node, &tc->fields[0], (int)i, &v) < 0) {
            return nomem();
        }
    }
    kc_ast_set_attrs(node, type, loc);
    *out = node;
    return 0;
}

// A Constant whose value is a tuple (then '*out' is set) or not: 1 or 0; -1 on error.
static int constant_tuple_node(Builder *b, KValue obj, KValue name, int type, const int loc[4],
                               const void **out) {
    KValue v;
    if (lookup(obj, name, &v) < 0) {
        return -1;
    }
    int r = 0;
    if (v && ktuple_check(v)) {
        if (check_constant(v) < 0) {
            r = -1;
        } else {
            r = tuple_constant(b, v, type, loc, out) < 0 ? -1 : 1;
        }
    }
    kval_xdecref(v);
    return r;
}

static int object_node(Builder *b, KValue obj, int type, const void **out) {
    const KcAstType *t = &kc_ast_types[type];
    *out = NULL;
    if (t->is_sum && obj == KV_NONE) {
        return 0;
    }
    int loc[4] = {0, 0, 0, 0};
    if (t->is_sum && t->has_attrs && object_locations(obj, t, loc) < 0) {
        return -1;
    }
    int ci = t->first_class;
    if (t->is_sum) {
        int found = 0;
        for (; ci < t->first_class + t->nclasses; ci++) {
            found = isinstance_of(obj, kpyast_classes[ci]);
            if (found) {
                break;
            }
        }
        if (found < 0) {
            return -1;
        }
        if (!found) {
            kerr_format(&kexc_TypeError, "expected some sort of %s, but got %R", t->name, obj);
            return -1;
        }
    }
    const KcAstClass *c = &kc_ast_classes[ci];
    if (c->nfields && c->fields[0].kind == KC_AST_CONSTANT && t->has_attrs) {
        int r = constant_tuple_node(b, obj, ktuple_get_borrow(kpyast_field_names[ci], 0), type,
                                    loc, out);
        if (r != 0) {
            return r < 0 ? -1 : 0;
        }
    }
    char where[80];
    snprintf(where, sizeof where, " while traversing '%s' node", t->name);
    if (kstate_enter(where) < 0) {
        return -1;
    }
    void *node = kc_ast_new(b->unit, ci);
    int r = node ? 0 : nomem();
    for (int i = 0; r == 0 && i < c->nfields; i++) {
        r = set_field(b, node, &c->fields[i], ktuple_get_borrow(kpyast_field_names[ci], i), obj,
                      c->name);
    }
    if (r == 0 && !t->is_sum && t->has_attrs) {
        r = object_locations(obj, t, loc);
    }
    kstate_leave();
    if (r < 0) {
        return -1;
    }
    if (t->has_attrs) {
        kc_ast_set_attrs(node, type, loc);
    }
    *out = node;
    return 0;
}

// ---------------------------------------------------------------------------
// compile()

static KValue parse_source(KValue source, KValue filename, int mode, int flags) {
    const char *src;
    ssize_t len;
    if (kstr_check(source)) {
        src = kstr_utf8(source, &len);
    } else {
        src = kbytes_data(source, &len);
    }
    const char *fname = kstr_utf8(filename, NULL);
    if (!src || !fname) {
        return KV_NULL;
    }
    if (mode == 3) {
        kerr_set(&kexc_ValueError, "krait does not parse func_type input");
        return KV_NULL;
    }
    KcMode m = mode == 1 ? KC_MODE_EVAL : mode == 2 ? KC_MODE_SINGLE : KC_MODE_EXEC;
    KcUnit *u = kc_parse(fname, src, (size_t)len, m, flags);
    if (!u) {
        return kerr_no_memory();
    }
    const void *tree = kc_unit_ast(u);
    KValue r;
    if (!tree) {
        kfinder_raise_compile_error(u);
        r = KV_NULL;
    } else {
        r = kpyast_from_tree(tree);
    }
    kc_unit_free(u);
    return r;
}

static KValue compile_tree(KValue source, KValue filename, int mode, int flags, int optimize) {
    static const char *const wanted[] = {"Module", "Expression", "Interactive", "FunctionType"};
    static const int wanted_class[] = {0, 2, 1, 3};
    KValue cls = kpyast_classes[kc_ast_types[kc_ast_mod_type].first_class + wanted_class[mode]];
    int is = kobj_isinstance(source, cls);
    if (is <= 0) {
        if (is == 0) {
            kerr_format(&kexc_TypeError, "expected %s node, got %s", wanted[mode],
                        ktype_name(kval_type(source)));
        }
        return KV_NULL;
    }
    const char *fname = kstr_utf8(filename, NULL);
    if (!fname) {
        return KV_NULL;
    }
    Builder b = {kc_ast_builder_new(fname)};
    if (!b.unit) {
        return kerr_no_memory();
    }
    const void *mod;
    KValue r = KV_NULL;
    if (object_node(&b, source, kc_ast_mod_type, &mod) == 0) {
        const char *msg;
        int is_type_error;
        KcMode m = mode == 1 ? KC_MODE_EVAL : mode == 2 ? KC_MODE_SINGLE : KC_MODE_EXEC;
        if (kc_compile_ast(b.unit, (void *)mod, m, optimize < 0 ? 0 : optimize,
                           flags & ~KPYAST_CF_ONLY_AST, &msg, &is_type_error) < 0) {
            kerr_set(is_type_error ? &kexc_TypeError : &kexc_ValueError, msg);
        } else if (!kc_unit_code(b.unit)) {
            kfinder_raise_compile_error(b.unit);
        } else {
            r = kcode_from_kf(kc_unit_code(b.unit));
        }
    }
    kc_unit_free(b.unit);
    return r;
}

KValue kpyast_compile(KValue source, KValue filename, int mode, int flags, int optimize) {
    if (kpyast_ready() < 0) {
        return KV_NULL;
    }
    if (!ktype_is_subtype(kval_type(source), &kpyast_type)) {
        return parse_source(source, filename, mode, flags);
    }
    if (flags & KPYAST_CF_ONLY_AST) {
        return kval_newref(source);
    }
    return compile_tree(source, filename, mode, flags, optimize);
}
