// vm/modules/_csv.c: the _csv module behind csv.py, as CPython 3.11's:
// Dialect (the validated formatting parameters), reader (a character state
// machine over the lines an iterator gives), writer (quoting and escaping
// per field), the dialect registry and field_size_limit.
#include "../internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

enum { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE };
#define NOT_SET UINT32_MAX // no escapechar / quotechar
#define EOL UINT32_MAX     // the end of a line, fed to the reader's machine

static KValue csv_error;       // _csv.Error
static KValue dialects;        // name -> Dialect
static int64_t field_limit = 128 * 1024;

typedef struct Dialect {
    KOBJ_HEAD;
    uint32_t delimiter, quotechar, escapechar;
    int doublequote, skipinitialspace, strict, quoting;
    KValue lineterminator; // str
} Dialect;

static KType dialect_type;

static void dialect_dealloc(KObject *o) {
    kval_xdecref(((Dialect *)o)->lineterminator);
    kobj_free(o);
}

// Raises _csv.Error with the formatted message.
static void csv_fail(const char *fmt, ...) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    KValue s = kstr_from_cstr(msg);
    if (s) {
        kerr_set_value((KType *)kval_obj(csv_error), s);
        kval_decref(s);
    }
}

// ---------------------------------------------------------------------------
// Dialect

// A 1-character str attribute ('allow_none': None gives NOT_SET).
static int char_param(const char *name, KValue v, uint32_t dflt, int allow_none, uint32_t *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (allow_none && v == KV_NONE) {
        *out = NOT_SET;
        return 0;
    }
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "\"%s\" must be string, not %T", name, v);
        return -1;
    }
    if (kstr_len(v) != 1) {
        kerr_format(&kexc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    *out = kstr_char((KStr *)v, 0);
    return 0;
}

static int bool_param(KValue v, int dflt, int *out) {
    *out = v ? kobj_is_true(v) : dflt;
    return *out < 0 ? -1 : 0;
}

static const char *const dialect_params[] = {"dialect",        "delimiter", "doublequote",
                                             "escapechar",     "lineterminator", "quotechar",
                                             "quoting",        "skipinitialspace", "strict",
                                             NULL};

// Dialect(dialect=None, **params): each parameter given, else the
// dialect's attribute of that name (a registered dialect when it is a str),
// else the default; validated as CPython's.
static KValue dialect_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    KValue a[9];
    for (ssize_t i = 0; kwnames && i < ktuple_len(kwnames); i++) {
        int known = 0;
        for (int k = 0; dialect_params[k] && !known; k++) {
            known = kstr_eq_cstr(ktuple_items(kwnames)[i], dialect_params[k]);
        }
        if (!known) {
            kerr_format(&kexc_TypeError, "'%U' is an invalid keyword argument for this function",
                        ktuple_items(kwnames)[i]);
            return KV_NULL;
        }
    }
    if (kargs_parse("Dialect", args, nargs, kwnames, dialect_params, 0, 9, a) < 0) {
        return KV_NULL;
    }
    KValue base = a[0];
    int given = 0;
    for (int i = 1; i < 9; i++) {
        given |= a[i] != KV_NULL;
    }
    if (base && kstr_check(base)) {
        base = dialects ? kdict_get_borrow(dialects, base) : KV_NULL;
        if (!base) {
            if (!kerr_occurred()) {
                csv_fail("unknown dialect");
            }
            return KV_NULL;
        }
    }
    if (base && kval_type(base) == &dialect_type && type == &dialect_type && !given) {
        return kval_newref(base);
    }
    KValue p[9] = {KV_NULL};
    int ok = 1;
    for (int i = 1; i < 9 && ok; i++) {
        if (a[i]) {
            p[i] = kval_newref(a[i]);
        } else if (base && base != KV_NONE) {
            p[i] = kobj_getattr_cstr(base, dialect_params[i]);
            if (!p[i] && kerr_matches(&kexc_AttributeError)) {
                kerr_clear();
            } else if (!p[i]) {
                ok = 0;
            }
        }
    }
    KValue self = ok ? ktype_generic_alloc(type, 0) : KV_NULL;
    Dialect *d = (Dialect *)self;
    if (!d) {
        goto done;
    }
    d->lineterminator = KV_NULL;
    // Converted in CPython's order, which decides which error is reported.
    if (char_param("delimiter", p[1], ',', 0, &d->delimiter) < 0 ||
        bool_param(p[2], 1, &d->doublequote) < 0 ||
        char_param("escapechar", p[3], NOT_SET, 1, &d->escapechar) < 0) {
        goto fail;
    }
    if (!p[4]) {
        d->lineterminator = kstr_from_cstr("\r\n");
        if (!d->lineterminator) {
            goto fail;
        }
    } else if (p[4] != KV_NONE) {
        if (!kstr_check(p[4])) {
            kerr_set(&kexc_TypeError, "\"lineterminator\" must be a string");
            goto fail;
        }
        d->lineterminator = kval_newref(p[4]);
    }
    if (char_param("quotechar", p[5], '"', 1, &d->quotechar) < 0) {
        goto fail;
    }
    KValue quoting = p[6];
    int64_t q = QUOTE_MINIMAL;
    if (quoting && !kint_check(quoting)) {
        kerr_set(&kexc_TypeError, "\"quoting\" must be an integer");
        goto fail;
    }
    if (quoting) {
        int overflow;
        q = kint_as_i64_overflow(quoting, &overflow);
        q = overflow ? -1 : q;
    }
    if (bool_param(p[7], 0, &d->skipinitialspace) < 0 || bool_param(p[8], 0, &d->strict) < 0) {
        goto fail;
    }
    if (p[5] == KV_NONE && !quoting) {
        q = QUOTE_NONE; // no quotechar: no quoting unless asked for
    }
    if (q < QUOTE_MINIMAL || q > QUOTE_NONE) {
        kerr_set(&kexc_TypeError, "bad \"quoting\" value");
        goto fail;
    }
    d->quoting = (int)q;
    if (d->quotechar == NOT_SET && q != QUOTE_NONE) {
        kerr_set(&kexc_TypeError, "quotechar must be set if quoting enabled");
        goto fail;
    }
    if (!d->lineterminator) {
        kerr_set(&kexc_TypeError, "lineterminator must be set");
        goto fail;
    }
    goto done;
fail:
    KVAL_CLEAR(self);
done:
    for (int i = 1; i < 9; i++) {
        kval_xdecref(p[i]);
    }
    return self;
}

static KValue char_or_none(uint32_t c) {
    if (c == NOT_SET) {
        return kval_newref(KV_NONE);
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_char(&b, c);
    return kstr_builder_finish(&b);
}

#define D(v) ((Dialect *)(v))
static KValue get_delimiter(KValue s) { return char_or_none(D(s)->delimiter); }
static KValue get_quotechar(KValue s) { return char_or_none(D(s)->quotechar); }
static KValue get_escapechar(KValue s) { return char_or_none(D(s)->escapechar); }
static KValue get_lineterminator(KValue s) { return kval_newref(D(s)->lineterminator); }
static KValue get_quoting(KValue s) { return kint_from_i64(D(s)->quoting); }
static KValue get_doublequote(KValue s) { return kval_newref(D(s)->doublequote ? KV_TRUE : KV_FALSE); }
static KValue get_skipinitialspace(KValue s) {
    return kval_newref(D(s)->skipinitialspace ? KV_TRUE : KV_FALSE);
}
static KValue get_strict(KValue s) { return kval_newref(D(s)->strict ? KV_TRUE : KV_FALSE); }

static const KGetSetDef dialect_getsets[] = {
    {"delimiter", get_delimiter, NULL, NULL},
    {"quotechar", get_quotechar, NULL, NULL},
    {"escapechar", get_escapechar, NULL, NULL},
    {"lineterminator", get_lineterminator, NULL, NULL},
    {"quoting", get_quoting, NULL, NULL},
    {"doublequote", get_doublequote, NULL, NULL},
    {"skipinitialspace", get_skipinitialspace, NULL, NULL},
    {"strict", get_strict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KType dialect_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_csv.Dialect",
    .basicsize = sizeof(Dialect),
    .flags = KTF_BASETYPE,
    .dealloc = dialect_dealloc,
    .new_ = dialect_new,
    .getsets = dialect_getsets,
};

// ---------------------------------------------------------------------------
// reader

enum State {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
};

typedef struct Reader {
    KOBJ_HEAD;
    KValue input;   // the iterator of lines
    KValue dialect; // a Dialect
    KValue fields;  // the record being built (a list), or KV_NULL
    KStrBuilder field;
    int field_started; // 'field' holds characters (maybe none yet)
    ssize_t field_len;
    int numeric;       // the field is unquoted under QUOTE_NONNUMERIC
    enum State state;
    ssize_t line_num;
} Reader;

static KType reader_type;

static void reader_dealloc(KObject *o) {
    Reader *r = (Reader *)o;
    kgc_untrack(o);
    kval_xdecref(r->input);
    kval_xdecref(r->dialect);
    kval_xdecref(r->fields);
    if (r->field_started) {
        kstr_builder_discard(&r->field);
    }
    kobj_free(o);
}


// "',' expected after '\"'", for any two characters.
static void fail_expected(uint32_t want, uint32_t after) {
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_char(&b, '\'');
    kstr_builder_char(&b, want);
    kstr_builder_cstr(&b, "' expected after '");
    kstr_builder_char(&b, after);
    kstr_builder_char(&b, '\'');
    KValue s = kstr_builder_finish(&b);
    if (s) {
        kerr_set_value((KType *)kval_obj(csv_error), s);
        kval_decref(s);
    }
}

static int add_char(Reader *r, uint32_t c) {
    if (r->field_len >= field_limit) {
        csv_fail("field larger than field limit (%lld)", (long long)field_limit);
        return -1;
    }
    if (!r->field_started) {
        kstr_builder_init(&r->field);
        r->field_started = 1;
    }
    kstr_builder_char(&r->field, c);
    r->field_len++;
    return 0;
}

static int save_field(Reader *r) {
    KValue s;
    if (r->field_started) {
        s = kstr_builder_finish(&r->field);
        r->field_started = 0;
    } else {
        s = kstr_from_cstr("");
    }
    r->field_len = 0;
    if (s && r->numeric) {
        KValue f = kfloat_from_string(s);
        kval_decref(s);
        s = f;
    }
    r->numeric = 0;
    int rc = s ? klist_append(r->fields, s) : -1;
    kval_xdecref(s);
    return rc;
}

static int is_nl(uint32_t c) {
    return c == '\n' || c == '\r';
}

// Feeds one character (or EOL) to the machine.
static int process_char(Reader *r, uint32_t c) {
    const Dialect *d = (const Dialect *)r->dialect;
    switch (r->state) {
    case START_RECORD:
        if (c == EOL) {
            return 0; // an empty line: an empty record
        }
        if (is_nl(c)) {
            r->state = EAT_CRNL;
            return 0;
        }
        r->state = START_FIELD;
        // fall through
    case START_FIELD:
        if (is_nl(c) || c == EOL) {
            if (save_field(r) < 0) {
                return -1;
            }
            r->state = c == EOL ? START_RECORD : EAT_CRNL;
        } else if (c == d->quotechar && d->quoting != QUOTE_NONE) {
            r->state = IN_QUOTED_FIELD;
        } else if (c == d->escapechar) {
            r->state = ESCAPED_CHAR;
        } else if (c == ' ' && d->skipinitialspace) {
            // skipped
        } else if (c == d->delimiter) {
            return save_field(r);
        } else {
            r->numeric = d->quoting == QUOTE_NONNUMERIC;
            if (add_char(r, c) < 0) {
                return -1;
            }
            r->state = IN_FIELD;
        }
        return 0;
    case ESCAPED_CHAR:
        if (is_nl(c)) {
            r->state = AFTER_ESCAPED_CRNL;
            return add_char(r, c);
        }
        r->state = IN_FIELD;
        return add_char(r, c == EOL ? '\n' : c);
    case AFTER_ESCAPED_CRNL:
        if (c == EOL) {
            return 0;
        }
        // fall through
    case IN_FIELD:
        if (is_nl(c) || c == EOL) {
            r->state = c == EOL ? START_RECORD : EAT_CRNL;
            return save_field(r);
        }
        if (c == d->escapechar) {
            r->state = ESCAPED_CHAR;
            return 0;
        }
        if (c == d->delimiter) {
            r->state = START_FIELD;
            return save_field(r);
        }
        r->state = IN_FIELD;
        return add_char(r, c);
    case IN_QUOTED_FIELD:
        if (c == EOL) {
            return 0;
        }
        if (c == d->escapechar) {
            r->state = ESCAPE_IN_QUOTED_FIELD;
            return 0;
        }
        if (c == d->quotechar && d->quoting != QUOTE_NONE) {
            r->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
            return 0;
        }
        return add_char(r, c);
    case ESCAPE_IN_QUOTED_FIELD:
        r->state = IN_QUOTED_FIELD;
        return add_char(r, c == EOL ? '\n' : c);
    case QUOTE_IN_QUOTED_FIELD:
        if (d->quoting != QUOTE_NONE && c == d->quotechar) {
            r->state = IN_QUOTED_FIELD;
            return add_char(r, c);
        }
        if (c == d->delimiter) {
            r->state = START_FIELD;
            return save_field(r);
        }
        if (is_nl(c) || c == EOL) {
            r->state = c == EOL ? START_RECORD : EAT_CRNL;
            return save_field(r);
        }
        if (!d->strict) {
            r->state = IN_FIELD;
            return add_char(r, c);
        }
        fail_expected(d->delimiter, d->quotechar);
        return -1;
    case EAT_CRNL:
        if (is_nl(c)) {
            return 0;
        }
        if (c == EOL) {
            r->state = START_RECORD;
            return 0;
        }
        csv_fail("new-line character seen in unquoted field - do you need to open the file in "
                 "universal-newline mode?");
        return -1;
    }
    return 0;
}

static void reader_reset(Reader *r) {
    KVAL_CLEAR(r->fields);
    if (r->field_started) {
        kstr_builder_discard(&r->field);
        r->field_started = 0;
    }
    r->field_len = 0;
    r->numeric = 0;
    r->state = START_RECORD;
}

static KValue reader_next(KValue self) {
    Reader *r = (Reader *)self;
    reader_reset(r);
    r->fields = klist_new(0);
    if (!r->fields) {
        return KV_NULL;
    }
    do {
        KValue line = kobj_iter_next(r->input);
        if (!line) {
            if (kerr_occurred()) {
                return KV_NULL;
            }
            if (r->field_len != 0 || r->state == IN_QUOTED_FIELD) {
                if (((Dialect *)r->dialect)->strict) {
                    csv_fail("unexpected end of data");
                    return KV_NULL;
                }
                if (save_field(r) < 0) {
                    return KV_NULL;
                }
                break;
            }
            return KV_NULL;
        }
        if (!kstr_check(line)) {
            csv_fail("iterator should return strings, not %.200s (the file should be opened "
                     "in text mode)",
                     ktype_name(kval_type(line)));
            kval_decref(line);
            return KV_NULL;
        }
        r->line_num++;
        KStr *s = (KStr *)line;
        int rc = 0;
        for (ssize_t i = 0; rc == 0 && i < s->len; i++) {
            rc = process_char(r, kstr_char(s, i));
        }
        kval_decref(line);
        if (rc < 0 || process_char(r, EOL) < 0) {
            return KV_NULL;
        }
    } while (r->state != START_RECORD);
    KValue fields = r->fields;
    r->fields = KV_NULL;
    return fields;
}

static KValue reader_iter(KValue self) {
    return kval_newref(self);
}

static const KMemberDef reader_members[] = {
    {"dialect", KMEMBER_OBJECT, offsetof(Reader, dialect), 1, NULL},
    {"line_num", KMEMBER_SSIZE, offsetof(Reader, line_num), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int reader_traverse(KObject *o, KVisitFn visit, void *arg) {
    Reader *r = (Reader *)o;
    return (r->input && visit(r->input, arg)) || (r->dialect && visit(r->dialect, arg)) ||
           (r->fields && visit(r->fields, arg));
}

static KType reader_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_csv.reader",
    .basicsize = sizeof(Reader),
    .flags = KTF_GC,
    .dealloc = reader_dealloc,
    .traverse = reader_traverse,
    .iter = reader_iter,
    .iternext = reader_next,
    .members = reader_members,
};

// reader(iterable, dialect='excel', **fmtparams): the arguments after the
// iterable are Dialect()'s.
static KValue csv_reader(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    if (kargs_count("reader", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue input = kobj_get_iter(args[0]);
    KValue d = input ? dialect_new(&dialect_type, args + 1, nargs - 1, kwnames) : KV_NULL;
    Reader *r = d ? (Reader *)kobj_alloc(&reader_type, sizeof(Reader)) : NULL;
    if (!r) {
        kval_xdecref(input);
        kval_xdecref(d);
        return KV_NULL;
    }
    r->input = input;
    r->dialect = d;
    r->state = START_RECORD;
    return kval_of(r);
}

// ---------------------------------------------------------------------------
// writer

typedef struct Writer {
    KOBJ_HEAD;
    KValue write;   // the file's bound write method
    KValue dialect; // a Dialect
} Writer;

static void writer_dealloc(KObject *o) {
    kgc_untrack(o);
    kval_xdecref(((Writer *)o)->write);
    kval_xdecref(((Writer *)o)->dialect);
    kobj_free(o);
}

static int writer_traverse(KObject *o, KVisitFn visit, void *arg) {
    Writer *w = (Writer *)o;
    return (w->write && visit(w->write, arg)) || (w->dialect && visit(w->dialect, arg));
}

// Whether 'c' is one of the str 's''s characters.
static int str_has(KValue s, uint32_t c) {
    KStr *t = (KStr *)s;
    for (ssize_t i = 0; i < t->len; i++) {
        if (kstr_char(t, i) == c) {
            return 1;
        }
    }
    return 0;
}

// Appends 'field' (a str, or KV_NULL for nothing) to 'rec', quoted when
// '*quoted' is set or its characters need it, escaping what must be.
// 'first': no delimiter before it. 0, or -1 with Error.
static int join_field(const Dialect *d, KStrBuilder *rec, KValue field, int quoted, int first) {
    // A first pass decides the quoting; the second writes.
    KStr *f = field ? (KStr *)field : NULL;
    ssize_t n = f ? f->len : 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            if (!first) {
                kstr_builder_char(rec, d->delimiter);
            }
            if (quoted) {
                kstr_builder_char(rec, d->quotechar);
            }
        }
        for (ssize_t i = 0; i < n; i++) {
            uint32_t c = kstr_char(f, i);
            int escape = 0;
            if (c == d->delimiter || c == d->escapechar || c == d->quotechar ||
                str_has(d->lineterminator, c)) {
                if (d->quoting == QUOTE_NONE) {
                    escape = 1;
                } else {
                    if (c == d->quotechar) {
                        if (d->doublequote) {
                            if (pass == 1) {
                                kstr_builder_char(rec, c);
                            }
                        } else {
                            escape = 1;
                        }
                    } else if (c == d->escapechar) {
                        escape = 1;
                    }
                    if (!escape) {
                        quoted = 1;
                    }
                }
                if (escape) {
                    if (d->escapechar == NOT_SET) {
                        csv_fail("need to escape, but no escapechar set");
                        return -1;
                    }
                    if (pass == 1) {
                        kstr_builder_char(rec, d->escapechar);
                    }
                }
            }
            if (pass == 1) {
                kstr_builder_char(rec, c);
            }
        }
    }
    if (quoted) {
        kstr_builder_char(rec, d->quotechar);
    }
    return 0;
}

// Whether CPython's PyNumber_Check holds: the value converts to a number.
static int is_number(KValue v) {
    if (kval_is_int(v)) {
        return 1;
    }
    const KType *t = kval_type(v);
    return knb(t)->index || knb(t)->to_int || knb(t)->to_float || t == &kcomplex_type ||
           ktype_is_subtype((KType *)t, &kcomplex_type);
}

// writerow(row): writes the row's fields joined by the dialect and returns
// what the file's write() returned.
static KValue writer_writerow(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    Writer *w = (Writer *)self;
    const Dialect *d = (const Dialect *)w->dialect;
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        if (kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            csv_fail("iterable expected, not %.200s", ktype_name(kval_type(args[0])));
        }
        return KV_NULL;
    }
    KStrBuilder rec;
    kstr_builder_init(&rec);
    ssize_t nfields = 0;
    int empty = 1; // nothing written to the record yet
    KValue item;
    while ((item = kobj_iter_next(it))) {
        int quoted = d->quoting == QUOTE_ALL ||
                     (d->quoting == QUOTE_NONNUMERIC && !is_number(item));
        KValue str = item == KV_NONE ? KV_NULL : kstr_check(item) ? kval_newref(item)
                                                                   : kobj_str(item);
        kval_decref(item);
        if (item != KV_NONE && !str) {
            goto fail;
        }
        ssize_t before = rec.len;
        int r = join_field(d, &rec, str, quoted, nfields == 0);
        kval_xdecref(str);
        if (r < 0) {
            goto fail;
        }
        empty = empty && rec.len == before + (nfields > 0);
        nfields++;
    }
    if (kerr_occurred()) {
        goto fail;
    }
    kval_decref(it);
    it = KV_NULL;
    if (nfields == 1 && empty) {
        // A record of one empty field must show it: "" rather than nothing.
        if (d->quoting == QUOTE_NONE) {
            csv_fail("single empty field record must be quoted");
            goto fail;
        }
        kstr_builder_discard(&rec);
        kstr_builder_init(&rec);
        kstr_builder_char(&rec, d->quotechar);
        kstr_builder_char(&rec, d->quotechar);
    }
    kstr_builder_str(&rec, d->lineterminator);
    KValue line = kstr_builder_finish(&rec);
    KValue r = line ? kobj_call1(w->write, line) : KV_NULL;
    kval_xdecref(line);
    return r;
fail:
    kval_xdecref(it);
    kstr_builder_discard(&rec);
    return KV_NULL;
}

static KValue writer_writerows(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue it = kobj_get_iter(args[0]);
    if (!it) {
        return KV_NULL;
    }
    KValue row;
    while ((row = kobj_iter_next(it))) {
        KValue r = writer_writerow(self, &row, 1, KV_NULL);
        kval_decref(row);
        if (!r) {
            kval_decref(it);
            return KV_NULL;
        }
        kval_decref(r);
    }
    kval_decref(it);
    return kerr_occurred() ? KV_NULL : kval_newref(KV_NONE);
}

static const KMethodDef writer_methods[] = {
    {"writerow", writer_writerow, KMETH_O, NULL},
    {"writerows", writer_writerows, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef writer_members[] = {
    {"dialect", KMEMBER_OBJECT, offsetof(Writer, dialect), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

static KType writer_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_csv.writer",
    .basicsize = sizeof(Writer),
    .flags = KTF_GC,
    .dealloc = writer_dealloc,
    .traverse = writer_traverse,
    .methods = writer_methods,
    .members = writer_members,
};

// writer(fileobj, dialect='excel', **fmtparams)
static KValue csv_writer(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    if (kargs_count("writer", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    KValue write = kobj_getattr_cstr(args[0], "write");
    if (!write || !kobj_is_callable(write)) {
        if (!write && !kerr_matches(&kexc_AttributeError)) {
            return KV_NULL;
        }
        kerr_clear();
        kval_xdecref(write);
        kerr_set(&kexc_TypeError, "argument 1 must have a \"write\" method");
        return KV_NULL;
    }
    KValue d = dialect_new(&dialect_type, args + 1, nargs - 1, kwnames);
    Writer *w = d ? (Writer *)kobj_alloc(&writer_type, sizeof(Writer)) : NULL;
    if (!w) {
        kval_decref(write);
        kval_xdecref(d);
        return KV_NULL;
    }
    w->write = write;
    w->dialect = d;
    return kval_of(w);
}

// ---------------------------------------------------------------------------
// The dialect registry and field_size_limit

static KValue csv_register_dialect(KValue self, const KValue *args, size_t nargs,
                                   KValue kwnames) {
    (void)self;
    if (kargs_count("register_dialect", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_set(&kexc_TypeError, "dialect name must be a string");
        return KV_NULL;
    }
    KValue d = dialect_new(&dialect_type, args + 1, nargs - 1, kwnames);
    int r = d ? kdict_set(dialects, args[0], d) : -1;
    kval_xdecref(d);
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

static KValue csv_unregister_dialect(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    int r = kdict_discard(dialects, args[0]);
    if (r == 0) {
        csv_fail("unknown dialect");
    }
    return r > 0 ? kval_newref(KV_NONE) : KV_NULL;
}

static KValue csv_get_dialect(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    KValue d = kdict_get_borrow(dialects, args[0]);
    if (!d) {
        if (!kerr_occurred()) {
            csv_fail("unknown dialect");
        }
        return KV_NULL;
    }
    return kval_newref(d);
}

static KValue csv_list_dialects(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    KValue out = klist_new(0);
    ssize_t pos = 0;
    KValue key;
    while (out && kdict_next(dialects, &pos, &key, NULL)) {
        if (klist_append(out, key) < 0) {
            KVAL_CLEAR(out);
        }
    }
    return out;
}

// field_size_limit([new_limit]): the old limit.
static KValue csv_field_size_limit(KValue self, const KValue *args, size_t nargs,
                                   KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"new_limit", NULL};
    KValue a[1];
    if (kargs_parse("field_size_limit", args, nargs, kwnames, kwlist, 0, 1, a) < 0) {
        return KV_NULL;
    }
    int64_t old = field_limit;
    if (a[0]) {
        if (!kint_check(a[0])) {
            kerr_set(&kexc_TypeError, "limit must be an integer");
            return KV_NULL;
        }
        int overflow;
        int64_t v = kint_as_i64_overflow(a[0], &overflow);
        if (overflow) {
            kerr_set(&kexc_OverflowError, "Python int too large to convert to C long");
            return KV_NULL;
        }
        field_limit = v;
    }
    return kint_from_i64(old);
}

static const KMethodDef csv_functions[] = {
    {"reader", csv_reader, KMETH_KW, NULL},
    {"writer", csv_writer, KMETH_KW, NULL},
    {"register_dialect", csv_register_dialect, KMETH_KW, NULL},
    {"unregister_dialect", csv_unregister_dialect, KMETH_O, NULL},
    {"get_dialect", csv_get_dialect, KMETH_O, NULL},
    {"list_dialects", csv_list_dialects, KMETH_NOARGS, NULL},
    {"field_size_limit", csv_field_size_limit, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_csv_create(void) {
    if (ktype_ready(&dialect_type) < 0 || ktype_ready(&reader_type) < 0 ||
        ktype_ready(&writer_type) < 0) {
        return KV_NULL;
    }
    if (!csv_error && !(csv_error = kmod_new_exception("_csv", "Error", &kexc_Exception))) {
        return KV_NULL;
    }
    if (!dialects && !(dialects = kdict_new())) {
        return KV_NULL;
    }
    KValue m = kmod_new("_csv");
    if (!m || kmod_add_functions(m, csv_functions) < 0 ||
        kmod_add(m, "Dialect", kval_of(&dialect_type)) < 0 ||
        kmod_add(m, "Reader", kval_of(&reader_type)) < 0 ||
        kmod_add(m, "Writer", kval_of(&writer_type)) < 0 || kmod_add(m, "Error", csv_error) < 0 ||
        kmod_add(m, "_dialects", dialects) < 0) {
        goto error;
    }
    static const char *const names[] = {"QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC",
                                        "QUOTE_NONE"};
    for (int i = 0; i < 4; i++) {
        if (kmod_add(m, names[i], kval_from_int(i)) < 0) {
            goto error;
        }
    }
    KValue version = kstr_from_cstr("1.0");
    KValue doc = version ? kstr_from_cstr("CSV parsing and writing.") : KV_NULL;
    int r = doc ? (kmod_add(m, "__version__", version) | kmod_add(m, "__doc__", doc)) : -1;
    kval_xdecref(version);
    kval_xdecref(doc);
    if (r < 0) {
        goto error;
    }
    return m;
error:
    kval_xdecref(m);
    return KV_NULL;
}
