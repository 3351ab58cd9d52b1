// vm/modules/_string.c: the _string module behind string.Formatter:
// formatter_parser (the (literal, field_name, format_spec, conversion)
// chunks of a format string) and formatter_field_name_split (a field
// name's first part and an iterator over its '.attr' and '[key]' parts).
// Both walk strings with str.format's own parser (format.h), so they
// accept and reject exactly what str.format does.
#include "../abstract.h"
#include "../errors.h"
#include "../format.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

// Both iterators walk a str between 'pos' and its end.
typedef struct {
    KOBJ_HEAD;
    KValue str;
    ssize_t pos;
} StrWalk;

static KType parser_type, name_iter_type;

static KValue walk_new(KType *type, KValue str, ssize_t pos) {
    StrWalk *w = (StrWalk *)kobj_alloc(type, sizeof(StrWalk));
    if (!w) {
        return kerr_no_memory();
    }
    w->str = kval_newref(str);
    w->pos = pos;
    return kval_of(w);
}

static void walk_dealloc(KObject *o) {
    KVAL_CLEAR(((StrWalk *)o)->str);
    kobj_free(o);
}

static KValue self_iter(KValue v) {
    return kval_newref(v);
}

static int check_str(KValue v) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "expected str, got %s", ktype_name(kval_type(v)));
        return -1;
    }
    return 0;
}

// (literal, field_name, format_spec, conversion): the last three None when
// no field follows the literal text; format_spec '' for a field without one.
static KValue parser_next(KValue self) {
    StrWalk *w = (StrWalk *)self;
    KFormatChunk ch;
    int r = kformat_next_chunk((KStr *)w->str, &w->pos, kstr_len(w->str), &ch);
    if (r <= 0) {
        return KV_NULL;
    }
    KValue items[4] = {kstr_substr(w->str, ch.lit_start, ch.lit_end), KV_NULL, KV_NULL, KV_NULL};
    if (!ch.has_field) {
        items[1] = kval_newref(KV_NONE);
        items[2] = kval_newref(KV_NONE);
        items[3] = kval_newref(KV_NONE);
    } else {
        const KFormatField *f = &ch.field;
        items[1] = kstr_substr(w->str, f->name_start, f->name_end);
        items[2] = f->spec_start < 0 ? kval_newref(kstr_ids.empty)
                                     : kstr_substr(w->str, f->spec_start, f->spec_end);
        items[3] = f->conversion ? kstr_from_char(f->conversion) : kval_newref(KV_NONE);
    }
    KValue t = KV_NULL;
    if (items[0] && items[1] && items[2] && items[3]) {
        t = ktuple_from_array(items, 4);
    }
    for (int i = 0; i < 4; i++) {
        kval_xdecref(items[i]);
    }
    return t;
}

// (is_attribute, name): the name an int when it is all decimal digits.
static KValue name_iter_next(KValue self) {
    StrWalk *w = (StrWalk *)self;
    int is_attr;
    ssize_t a, b, index;
    int r = kformat_name_next((KStr *)w->str, &w->pos, kstr_len(w->str), &is_attr, &a, &b, &index);
    if (r <= 0) {
        return KV_NULL;
    }
    KValue key = index >= 0 ? kint_from_i64(index) : kstr_substr(w->str, a, b);
    if (!key) {
        return KV_NULL;
    }
    KValue t = ktuple_pack(2, is_attr ? KV_TRUE : KV_FALSE, key);
    kval_decref(key);
    return t;
}

static KType parser_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "formatteriterator",
    .basicsize = sizeof(StrWalk),
    .dealloc = walk_dealloc,
    .iter = self_iter,
    .iternext = parser_next,
};

static KType name_iter_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "fieldnameiterator",
    .basicsize = sizeof(StrWalk),
    .dealloc = walk_dealloc,
    .iter = self_iter,
    .iternext = name_iter_next,
};

static KValue s_formatter_parser(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    if (check_str(args[0]) < 0) {
        return KV_NULL;
    }
    return walk_new(&parser_type, args[0], 0);
}

static KValue s_field_name_split(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    KValue name = args[0];
    if (check_str(name) < 0) {
        return KV_NULL;
    }
    ssize_t first_end, index;
    if (kformat_name_first((KStr *)name, 0, kstr_len(name), &first_end, &index) < 0) {
        return KV_NULL;
    }
    KValue first = index >= 0 ? kint_from_i64(index) : kstr_substr(name, 0, first_end);
    KValue rest = first ? walk_new(&name_iter_type, name, first_end) : KV_NULL;
    KValue t = rest ? ktuple_pack(2, first, rest) : KV_NULL;
    kval_xdecref(first);
    kval_xdecref(rest);
    return t;
}

static const KMethodDef string_methods[] = {
    {"formatter_parser", s_formatter_parser, KMETH_O, NULL},
    {"formatter_field_name_split", s_field_name_split, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_string_create(void) {
    if (ktype_ready(&parser_type) < 0 || ktype_ready(&name_iter_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_string");
    if (!m || kmod_add_functions(m, string_methods) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
