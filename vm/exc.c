// vm/exc.c: the builtin exception hierarchy (one static type per entry of
// KEXC_TYPES), BaseException's behaviour (args, str/repr, __traceback__,
// __context__, __cause__, add_note) and the extra fields of StopIteration,
// SystemExit, ImportError, NameError, AttributeError, OSError, SyntaxError.
#include <stddef.h>
#include "internal.h"
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "func.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "str.h"
#include "traceback.h"
#include "tuple.h"
#include "type.h"

#define kexc_object kobject_type

#define KEXC_DEFINE(ename, ebase, layout, edoc)                                                  \
    KType kexc_##ename = {                                                                       \
        KOBJ_STATIC_HEAD(&ktype_type),                                                           \
        .name = #ename,                                                                          \
        .doc = edoc,                                                                             \
        .basicsize = sizeof(layout),                                                             \
        .flags = KTF_BASETYPE | KTF_GC | KTF_EXC_SUBCLASS,                                       \
        .dictoffset = offsetof(KException, dict),                                                \
        .base = &kexc_##ebase,                                                                   \
    };
KEXC_TYPES(KEXC_DEFINE)
#undef KEXC_DEFINE

int kexc_is_class(KValue v) {
    return ktype_check(v) && (((KType *)v)->flags & KTF_EXC_SUBCLASS);
}

KValue kexc_new(KType *type, KValue args) {
    return kobj_call_tuple(kval_of(type), args, KV_NULL);
}

// ---------------------------------------------------------------------------
// BaseException.

static KValue exc_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)kwnames;
    KException *e = (KException *)kobj_alloc(type, (size_t)type->basicsize);
    if (!e) {
        return kerr_no_memory();
    }
    e->args = ktuple_from_array(args, (ssize_t)nargs);
    if (!e->args) {
        kval_decref(kval_of(e));
        return KV_NULL;
    }
    return kval_of(e);
}

static int exc_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KType *t = kval_type(self);
    if (kwnames && ktuple_len(kwnames) && t->init == exc_init) {
        kerr_format(&kexc_TypeError, "%s() takes no keyword arguments", ktype_name(t));
        return -1;
    }
    KValue a = ktuple_from_array(args, (ssize_t)nargs);
    if (!a) {
        return -1;
    }
    kval_setref(&((KException *)self)->args, a);
    return 0;
}

static void exc_clear(KObject *o) {
    KException *e = (KException *)o;
    KVAL_CLEAR(e->dict);
    KVAL_CLEAR(e->args);
    KVAL_CLEAR(e->notes);
    KVAL_CLEAR(e->traceback);
    KVAL_CLEAR(e->context);
    KVAL_CLEAR(e->cause);
}

// The extra object fields of each layout, cleared and visited generically.
static void extra_fields(KObject *o, KValue **fields, int *n) {
    KType *t = o->type;
    *n = (int)((size_t)t->basicsize - sizeof(KException)) / (int)sizeof(KValue);
    // Heap subclasses may add a dict and slots after the builtin layout.
    KType *b = t;
    while (b->flags & KTF_HEAPTYPE) {
        b = b->base;
    }
    *n = (int)(((size_t)b->basicsize - sizeof(KException)) / sizeof(KValue));
    *fields = (KValue *)((char *)o + sizeof(KException));
}

static void exc_dealloc(KObject *o) {
    kgc_untrack(o);
    KValue *f;
    int n;
    extra_fields(o, &f, &n);
    for (int i = 0; i < n; i++) {
        KVAL_CLEAR(f[i]);
    }
    exc_clear(o);
    kobj_free(o);
}

static void exc_clear_all(KObject *o) {
    KValue *f;
    int n;
    extra_fields(o, &f, &n);
    for (int i = 0; i < n; i++) {
        KVAL_CLEAR(f[i]);
    }
    exc_clear(o);
}

static int exc_traverse(KObject *o, KVisitFn visit, void *arg) {
    KException *e = (KException *)o;
    KValue vals[] = {e->dict, e->args, e->notes, e->traceback, e->context, e->cause};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        if (vals[i] && visit(vals[i], arg)) {
            return 1;
        }
    }
    KValue *f;
    int n;
    extra_fields(o, &f, &n);
    for (int i = 0; i < n; i++) {
        if (f[i] && visit(f[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static KValue exc_str(KValue self) {
    KValue args = ((KException *)self)->args;
    if (!args || ktuple_len(args) == 0) {
        return kval_newref(KID(empty));
    }
    if (ktuple_len(args) == 1) {
        return kobj_str(ktuple_items(args)[0]);
    }
    return kobj_str(args);
}

static KValue exc_repr(KValue self) {
    KValue args = ((KException *)self)->args;
    const char *name = ktype_short_name(kval_type(self));
    if (args && ktuple_len(args) == 1) {
        return kstr_from_format("%s(%R)", name, ktuple_items(args)[0]);
    }
    return kstr_from_format("%s%R", name, args ? args : KID(empty));
}

static KValue exc_get_args(KValue self) {
    KValue a = ((KException *)self)->args;
    return a ? kval_newref(a) : ktuple_new(0);
}

static int exc_set_args(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "args may not be deleted");
        return -1;
    }
    KValue t = ktuple_from_iterable(value);
    if (!t) {
        return -1;
    }
    kval_setref(&((KException *)self)->args, t);
    return 0;
}

static KValue exc_get_tb(KValue self) {
    KValue tb = ((KException *)self)->traceback;
    return kval_newref(tb ? tb : KV_NONE);
}

static int exc_set_tb(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (value == KV_NONE) {
        value = KV_NULL;
    } else if (kval_type(value) != &ktraceback_type) {
        kerr_set(&kexc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    kval_setref(&((KException *)self)->traceback, kval_xnewref(value));
    return 0;
}

static KValue exc_get_context(KValue self) {
    KValue c = ((KException *)self)->context;
    return kval_newref(c ? c : KV_NONE);
}

static int exc_set_context(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value == KV_NONE) {
        value = KV_NULL;
    } else if (!kexc_is_instance(value)) {
        kerr_set(&kexc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    kval_setref(&((KException *)self)->context, kval_xnewref(value));
    return 0;
}

static KValue exc_get_cause(KValue self) {
    KValue c = ((KException *)self)->cause;
    return kval_newref(c ? c : KV_NONE);
}

static int exc_set_cause(KValue self, KValue value) {
    if (!value) {
        kerr_set(&kexc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value == KV_NONE) {
        value = KV_NULL;
    } else if (!kexc_is_instance(value)) {
        kerr_set(&kexc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    ((KException *)self)->suppress_context = 1;
    kval_setref(&((KException *)self)->cause, kval_xnewref(value));
    return 0;
}

static KValue exc_get_suppress(KValue self) {
    return kbool_from(((KException *)self)->suppress_context);
}

static int exc_set_suppress(KValue self, KValue value) {
    int t = value ? kobj_is_true(value) : 0;
    if (t < 0) {
        return -1;
    }
    ((KException *)self)->suppress_context = (char)t;
    return 0;
}

static const KGetSetDef exc_getsets[] = {
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},
    {"__dict__", kobj_generic_get_dict, kobj_generic_set_dict, NULL}, // made on first use
    {NULL, NULL, NULL, NULL},
};

static KValue exc_with_traceback(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (exc_set_tb(self, args[0]) < 0) {
        return KV_NULL;
    }
    return kval_newref(self);
}

static KValue exc_add_note(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "note must be a str, not '%T'", args[0]);
        return KV_NULL;
    }
    KValue dict = kobj_get_dict_borrow(self);
    if (!dict) {
        return KV_NULL;
    }
    KValue notes = kdict_get_borrow(dict, KID(__notes__));
    if (!notes) {
        notes = klist_new(0);
        if (!notes || kdict_set(dict, KID(__notes__), notes) < 0) {
            kval_xdecref(notes);
            return KV_NULL;
        }
        kval_decref(notes);
    } else if (!klist_check(notes)) {
        kerr_set(&kexc_TypeError, "Cannot add note: __notes__ is not a list");
        return KV_NULL;
    }
    if (klist_append(notes, args[0]) < 0) {
        return KV_NULL;
    }
    return KV_NONE;
}

static KValue exc_reduce(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    KException *e = (KException *)self;
    KValue a = e->args ? e->args : KID(empty);
    if (e->dict && kdict_len(e->dict)) {
        return ktuple_pack(3, kval_of(kval_type(self)), a, e->dict);
    }
    return ktuple_pack(2, kval_of(kval_type(self)), a);
}

static const KMethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, KMETH_O, NULL},
    {"add_note", exc_add_note, KMETH_O, NULL},
    {"__reduce__", exc_reduce, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// Subclasses with fields.

static KValue first_arg_or_none(const KValue *args, size_t nargs) {
    return kval_newref(nargs > 0 ? args[0] : KV_NONE);
}

static int stopiteration_init(KValue self, const KValue *args, size_t nargs, KValue kw) {
    if (exc_init(self, args, nargs, kw) < 0) {
        return -1;
    }
    kval_setref(&((KStopIteration *)self)->value, first_arg_or_none(args, nargs));
    return 0;
}

static int systemexit_init(KValue self, const KValue *args, size_t nargs, KValue kw) {
    if (exc_init(self, args, nargs, kw) < 0) {
        return -1;
    }
    KValue code = nargs == 0   ? kval_newref(KV_NONE)
                  : nargs == 1 ? kval_newref(args[0])
                               : kval_newref(((KException *)self)->args);
    kval_setref(&((KSystemExit *)self)->code, code);
    return 0;
}

// Pops keyword 'name' out of (args, kwnames): returns its value (borrowed) or KV_NULL.
static int take_keywords(const char *fname, const KValue *args, size_t nargs, KValue kwnames,
                         const char *const *names, KValue *out, int n) {
    for (int i = 0; i < n; i++) {
        out[i] = KV_NULL;
    }
    if (!kwnames) {
        return 0;
    }
    for (ssize_t k = 0; k < ktuple_len(kwnames); k++) {
        KValue key = ktuple_items(kwnames)[k];
        int found = 0;
        for (int i = 0; i < n; i++) {
            if (kstr_eq_cstr(key, names[i])) {
                out[i] = args[nargs + (size_t)k];
                found = 1;
            }
        }
        if (!found) {
            kerr_format(&kexc_TypeError, "%s() got an unexpected keyword argument '%U'", fname,
                        key);
            return -1;
        }
    }
    return 0;
}

static int importerror_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const names[] = {"name", "path"};
    KValue kw[2];
    if (take_keywords("ImportError", args, nargs, kwnames, names, kw, 2) < 0 ||
        exc_init(self, args, nargs, KV_NULL) < 0) {
        return -1;
    }
    KImportError *e = (KImportError *)self;
    kval_setref(&e->name, kval_newref(kw[0] ? kw[0] : KV_NONE));
    kval_setref(&e->path, kval_newref(kw[1] ? kw[1] : KV_NONE));
    kval_setref(&e->msg, nargs == 1 ? kval_newref(args[0]) : kval_newref(KV_NONE));
    return 0;
}

static KValue importerror_str(KValue self) {
    KImportError *e = (KImportError *)self;
    if (e->msg && e->msg != KV_NONE) {
        return kobj_str(e->msg);
    }
    return exc_str(self);
}

static int nameerror_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const names[] = {"name"};
    KValue kw[1];
    if (take_keywords("NameError", args, nargs, kwnames, names, kw, 1) < 0 ||
        exc_init(self, args, nargs, KV_NULL) < 0) {
        return -1;
    }
    kval_setref(&((KNameError *)self)->name, kval_newref(kw[0] ? kw[0] : KV_NONE));
    return 0;
}

static int attributeerror_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const names[] = {"name", "obj"};
    KValue kw[2];
    if (take_keywords("AttributeError", args, nargs, kwnames, names, kw, 2) < 0 ||
        exc_init(self, args, nargs, KV_NULL) < 0) {
        return -1;
    }
    KAttributeError *e = (KAttributeError *)self;
    kval_setref(&e->name, kval_newref(kw[0] ? kw[0] : KV_NONE));
    kval_setref(&e->obj, kval_newref(kw[1] ? kw[1] : KV_NONE));
    return 0;
}

static KValue keyerror_str(KValue self) {
    KValue args = ((KException *)self)->args;
    if (args && ktuple_len(args) == 1) {
        return kobj_repr(ktuple_items(args)[0]);
    }
    return exc_str(self);
}

static KType *oserror_subtype(KValue err) {
    if (!kval_is_int(err)) {
        return NULL;
    }
    KType *t = kerr_errno_type((int)kval_int(err));
    return t == &kexc_OSError ? NULL : t;
}

static KValue oserror_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    if (type == &kexc_OSError && nargs >= 2 && nargs <= 5) {
        KType *sub = oserror_subtype(args[0]);
        if (sub) {
            type = sub;
        }
    }
    return exc_new(type, args, nargs, kwnames);
}

static int oserror_init(KValue self, const KValue *args, size_t nargs, KValue kw) {
    if (exc_init(self, args, nargs, kw) < 0) {
        return -1;
    }
    KOSError *e = (KOSError *)self;
    if (nargs >= 2 && nargs <= 5) {
        kval_setref(&e->myerrno, kval_newref(args[0]));
        kval_setref(&e->strerror, kval_newref(args[1]));
        // As CPython: a None filename is no filename, and only a real one
        // takes filename, winerror and filename2 out of args.
        if (nargs >= 3 && args[2] != KV_NONE) {
            kval_setref(&e->filename, kval_newref(args[2]));
            if (nargs >= 5 && args[4] != KV_NONE) {
                kval_setref(&e->filename2, kval_newref(args[4]));
            }
            KValue a = ktuple_pack(2, args[0], args[1]);
            if (!a) {
                return -1;
            }
            kval_setref(&e->base.args, a);
        }
    }
    return 0;
}

static KValue oserror_str(KValue self) {
    KOSError *e = (KOSError *)self;
    if (e->filename && e->filename2) {
        return kstr_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror, e->filename,
                                e->filename2);
    }
    if (e->filename) {
        return kstr_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror) {
        return kstr_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    }
    return exc_str(self);
}

static int syntaxerror_init(KValue self, const KValue *args, size_t nargs, KValue kw) {
    if (exc_init(self, args, nargs, kw) < 0) {
        return -1;
    }
    KSyntaxError *e = (KSyntaxError *)self;
    if (nargs >= 1) {
        kval_setref(&e->msg, kval_newref(args[0]));
    }
    if (nargs == 2) {
        KValue info = ktuple_from_iterable(args[1]);
        if (!info) {
            return -1;
        }
        ssize_t n = ktuple_len(info);
        if (n < 4 || n > 6) {
            kval_decref(info);
            kerr_set(&kexc_IndexError, "tuple index out of range");
            return -1;
        }
        KValue *f[] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno,
                       &e->end_offset};
        for (ssize_t i = 0; i < n; i++) {
            kval_setref(f[i], kval_newref(ktuple_items(info)[i]));
        }
        kval_decref(info);
    }
    return 0;
}

static KValue syntaxerror_str(KValue self) {
    KSyntaxError *e = (KSyntaxError *)self;
    KValue msg = e->msg ? e->msg : KV_NONE;
    int have_file = e->filename && kstr_check(e->filename);
    int have_line = e->lineno && kval_is_int(e->lineno);
    if (have_file) {
        // Only the base name, as CPython's my_basename.
        KStr *f = (KStr *)e->filename;
        ssize_t start = 0;
        for (ssize_t i = 0; i < f->len; i++) {
            if (kstr_char(f, i) == '/') {
                start = i + 1;
            }
        }
        KValue base = kstr_substr(e->filename, start, f->len);
        if (!base) {
            return KV_NULL;
        }
        KValue r = have_line ? kstr_from_format("%S (%U, line %ld)", msg, base,
                                                (long)kval_int(e->lineno))
                             : kstr_from_format("%S (%U)", msg, base);
        kval_decref(base);
        return r;
    }
    if (have_line) {
        return kstr_from_format("%S (line %ld)", msg, (long)kval_int(e->lineno));
    }
    return kobj_str(msg);
}

// ---------------------------------------------------------------------------
// UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError.

// Checks the constructor's arguments against 'spec' (one letter each: 'U'
// str, 'B' bytes-like, stored as bytes, 'n' int) and stores them, in order,
// in 'out' (new references). -1 with TypeError.
static int unicode_args(const char *spec, const KValue *args, size_t nargs, KValue *out) {
    size_t want = strlen(spec);
    if (nargs != want) {
        kerr_format(&kexc_TypeError, "function takes exactly %zu arguments (%zu given)", want,
                    nargs);
        return -1;
    }
    for (size_t i = 0; i < want; i++) {
        KValue v = args[i];
        out[i] = KV_NULL;
        if (spec[i] == 'U' && !kstr_check(v)) {
            kerr_format(&kexc_TypeError, "argument %zu must be str, not %T", i + 1, v);
        } else if (spec[i] == 'n' && !kint_check(v)) {
            kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                        ktype_name(kval_type(v)));
        } else if (spec[i] == 'B') {
            ssize_t n;
            const char *d;
            if (kbytes_get_buffer(v, &d, &n)) {
                out[i] = kbytes_from_data(d, n);
                if (out[i]) {
                    continue;
                }
            } else {
                kerr_format(&kexc_TypeError, "a bytes-like object is required, not '%s'",
                            ktype_name(kval_type(v)));
            }
        } else {
            out[i] = kval_newref(v);
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            kval_decref(out[j]);
        }
        return -1;
    }
    return 0;
}

static int unicode_init(KValue self, const KValue *args, size_t nargs, KValue kwnames,
                        const char *spec) {
    if (kwnames && ktuple_len(kwnames)) {
        kerr_format(&kexc_TypeError, "%s() takes no keyword arguments",
                    ktype_name(kval_type(self)));
        return -1;
    }
    if (exc_init(self, args, nargs, KV_NULL) < 0) {
        return -1;
    }
    KValue v[5];
    if (unicode_args(spec, args, nargs, v) < 0) {
        return -1;
    }
    KUnicodeError *e = (KUnicodeError *)self;
    int translate = strlen(spec) == 4; // UnicodeTranslateError has no encoding
    kval_setref(&e->encoding, translate ? kval_newref(KV_NONE) : v[0]);
    KValue *rest = translate ? v : v + 1;
    kval_setref(&e->object, rest[0]);
    kval_setref(&e->start, rest[1]);
    kval_setref(&e->end, rest[2]);
    kval_setref(&e->reason, rest[3]);
    return 0;
}

static int unicodeencode_init(KValue self, const KValue *args, size_t nargs, KValue kw) {
    return unicode_init(self, args, nargs, kw, "UUnnU");
}
static int unicodedecode_init(KValue self, const KValue *args, size_t nargs, KValue kw) {
    return unicode_init(self, args, nargs, kw, "UBnnU");
}
static int unicodetranslate_init(KValue self, const KValue *args, size_t nargs, KValue kw) {
    return unicode_init(self, args, nargs, kw, "UnnU");
}

// The fields str() needs, or 0 when the exception was never initialised.
static int unicode_fields(KValue self, KValue *enc, KValue *reason, ssize_t *start,
                          ssize_t *end) {
    KUnicodeError *e = (KUnicodeError *)self;
    if (!e->object || !e->start || !e->end || !kint_check(e->start) || !kint_check(e->end)) {
        return 0;
    }
    *start = kint_as_ssize(e->start);
    *end = kint_as_ssize(e->end);
    if ((*start == -1 || *end == -1) && kerr_occurred()) {
        return -1;
    }
    *reason = kobj_str(e->reason ? e->reason : KV_NONE);
    *enc = *reason ? kobj_str(e->encoding ? e->encoding : KV_NONE) : KV_NULL;
    if (!*enc) {
        kval_xdecref(*reason);
        return -1;
    }
    return 1;
}

// "'\\x%02x'"-style escape of one code point for the messages.
static const char *char_format(uint32_t c) {
    return c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x";
}

// str() of UnicodeEncodeError, or of UnicodeTranslateError when 'translate'.
static KValue unicode_char_str(KValue self, int translate) {
    KValue enc, reason;
    ssize_t start, end;
    int r = unicode_fields(self, &enc, &reason, &start, &end);
    if (r <= 0) {
        return r < 0 ? KV_NULL : kval_newref(KID(empty));
    }
    KValue obj = ((KUnicodeError *)self)->object;
    KValue res;
    KValue head = translate ? kstr_from_cstr("can't translate")
                            : kstr_from_format("'%U' codec can't encode", enc);
    if (!head) {
        res = KV_NULL;
    } else if (kstr_check(obj) && start >= 0 && start < kstr_len(obj) && end == start + 1) {
        uint32_t c = kstr_char((KStr *)obj, start);
        char esc[16];
        snprintf(esc, sizeof esc, char_format(c), (unsigned)c);
        res = kstr_from_format("%U character '%s' in position %zd: %U", head, esc, start, reason);
    } else {
        res = kstr_from_format("%U characters in position %zd-%zd: %U", head, start, end - 1,
                               reason);
    }
    kval_xdecref(head);
    kval_decref(enc);
    kval_decref(reason);
    return res;
}

static KValue unicodeencode_str(KValue self) {
    return unicode_char_str(self, 0);
}

static KValue unicodetranslate_str(KValue self) {
    return unicode_char_str(self, 1);
}

static KValue unicodedecode_str(KValue self) {
    KValue enc, reason;
    ssize_t start, end;
    int r = unicode_fields(self, &enc, &reason, &start, &end);
    if (r <= 0) {
        return r < 0 ? KV_NULL : kval_newref(KID(empty));
    }
    KValue obj = ((KUnicodeError *)self)->object;
    ssize_t n = 0;
    const char *d = kbytes_check(obj) ? kbytes_data(obj, &n) : NULL;
    KValue res;
    if (d && start >= 0 && start < n && end == start + 1) {
        res = kstr_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U", enc,
                               (unsigned char)d[start], start, reason);
    } else {
        res = kstr_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U", enc, start,
                               end - 1, reason);
    }
    kval_decref(enc);
    kval_decref(reason);
    return res;
}

// Builds and raises 'type'(*args) from 'n' owned values (KV_NULL: a failure already raised).
static void raise_owned(KType *type, KValue *v, int n) {
    KValue args = KV_NULL;
    int ok = 1;
    for (int i = 0; i < n; i++) {
        ok = ok && v[i];
    }
    if (ok) {
        args = ktuple_from_array(v, n);
    }
    for (int i = 0; i < n; i++) {
        kval_xdecref(v[i]);
    }
    if (!args) {
        return;
    }
    KValue e = kexc_new(type, args);
    kval_decref(args);
    if (e) {
        kerr_raise(e);
        kval_decref(e);
    }
}

void kerr_unicode_decode(const char *encoding, const char *data, ssize_t len, ssize_t start,
                         ssize_t end, const char *reason) {
    KValue v[5] = {kstr_from_cstr(encoding), kbytes_from_data(data, len), kint_from_i64(start),
                   kint_from_i64(end), kstr_from_cstr(reason)};
    raise_owned(&kexc_UnicodeDecodeError, v, 5);
}

void kerr_unicode_encode(const char *encoding, KValue str, ssize_t start, ssize_t end,
                         const char *reason) {
    KValue v[5] = {kstr_from_cstr(encoding), kval_newref(str), kint_from_i64(start),
                   kint_from_i64(end), kstr_from_cstr(reason)};
    raise_owned(&kexc_UnicodeEncodeError, v, 5);
}

#define MEMBER(layout, field, name)                                                              \
    { name, KMEMBER_OBJECT, offsetof(layout, field), 0, NULL }

static const KMemberDef stopiteration_members[] = {
    MEMBER(KStopIteration, value, "value"), {NULL, 0, 0, 0, NULL}};
static const KMemberDef systemexit_members[] = {
    MEMBER(KSystemExit, code, "code"), {NULL, 0, 0, 0, NULL}};
static const KMemberDef importerror_members[] = {
    MEMBER(KImportError, msg, "msg"), MEMBER(KImportError, name, "name"),
    MEMBER(KImportError, path, "path"), {NULL, 0, 0, 0, NULL}};
static const KMemberDef nameerror_members[] = {
    MEMBER(KNameError, name, "name"), {NULL, 0, 0, 0, NULL}};
static const KMemberDef attributeerror_members[] = {
    MEMBER(KAttributeError, name, "name"), MEMBER(KAttributeError, obj, "obj"),
    {NULL, 0, 0, 0, NULL}};
static const KMemberDef oserror_members[] = {
    MEMBER(KOSError, myerrno, "errno"), MEMBER(KOSError, strerror, "strerror"),
    MEMBER(KOSError, filename, "filename"), MEMBER(KOSError, filename2, "filename2"),
    {NULL, 0, 0, 0, NULL}};
static const KMemberDef unicodeerror_members[] = {
    MEMBER(KUnicodeError, encoding, "encoding"), MEMBER(KUnicodeError, object, "object"),
    MEMBER(KUnicodeError, start, "start"), MEMBER(KUnicodeError, end, "end"),
    MEMBER(KUnicodeError, reason, "reason"), {NULL, 0, 0, 0, NULL}};
static const KMemberDef syntaxerror_members[] = {
    MEMBER(KSyntaxError, msg, "msg"), MEMBER(KSyntaxError, filename, "filename"),
    MEMBER(KSyntaxError, lineno, "lineno"), MEMBER(KSyntaxError, offset, "offset"),
    MEMBER(KSyntaxError, text, "text"), MEMBER(KSyntaxError, end_lineno, "end_lineno"),
    MEMBER(KSyntaxError, end_offset, "end_offset"),
    MEMBER(KSyntaxError, print_file_and_line, "print_file_and_line"), {NULL, 0, 0, 0, NULL}};
int kexc_init(void) {
    KType *base = &kexc_BaseException;
    base->new_ = exc_new;
    base->init = exc_init;
    base->dealloc = exc_dealloc;
    base->traverse = exc_traverse;
    base->clear = exc_clear_all;
    base->str = exc_str;
    base->repr = exc_repr;
    base->getsets = exc_getsets;
    base->methods = exc_methods;
    kexc_StopIteration.init = stopiteration_init;
    kexc_StopIteration.members = stopiteration_members;
    kexc_SystemExit.init = systemexit_init;
    kexc_SystemExit.members = systemexit_members;
    kexc_ImportError.init = importerror_init;
    kexc_ImportError.str = importerror_str;
    kexc_ImportError.members = importerror_members;
    kexc_NameError.init = nameerror_init;
    kexc_NameError.members = nameerror_members;
    kexc_AttributeError.init = attributeerror_init;
    kexc_AttributeError.members = attributeerror_members;
    kexc_KeyError.str = keyerror_str;
    kexc_OSError.new_ = oserror_new;
    kexc_OSError.init = oserror_init;
    kexc_OSError.str = oserror_str;
    kexc_OSError.members = oserror_members;
    kexc_SyntaxError.init = syntaxerror_init;
    kexc_SyntaxError.str = syntaxerror_str;
    kexc_SyntaxError.members = syntaxerror_members;
    kexcgroup_init_types();
    kexc_UnicodeEncodeError.init = unicodeencode_init;
    kexc_UnicodeEncodeError.str = unicodeencode_str;
    kexc_UnicodeEncodeError.members = unicodeerror_members;
    kexc_UnicodeDecodeError.init = unicodedecode_init;
    kexc_UnicodeDecodeError.str = unicodedecode_str;
    kexc_UnicodeDecodeError.members = unicodeerror_members;
    kexc_UnicodeTranslateError.init = unicodetranslate_init;
    kexc_UnicodeTranslateError.str = unicodetranslate_str;
    kexc_UnicodeTranslateError.members = unicodeerror_members;
#define KEXC_READY(ename, ebase, layout, edoc)                                                   \
    if (ktype_ready(&kexc_##ename) < 0) {                                                        \
        return -1;                                                                               \
    }
    KEXC_TYPES(KEXC_READY)
#undef KEXC_READY
    return kexcgroup_ready();
}
