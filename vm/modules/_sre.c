// vm/modules/_sre.c: the _sre module that CPython's pure-Python re package
// builds on: constants, the case helpers re/_compiler.py calls, compile()
// (which takes the code list the compiler made, checks it and wraps it in
// a Pattern) and the Pattern type with its searching methods. Templates
// are CPython 3.11's: a replacement with a backslash goes to re._subx and
// Match.expand to re._expand, both in Python. Match and Scanner live in
// _sre_match.c, the matcher in _sre_engine.c.
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "../unicode.h"
#include "_sre.h"

#define PAT(v) ((SrePattern *)(v))

// ---------------------------------------------------------------------------
// States.

// The data of a str or bytes-like 'string': 1 with the fields set, 0 with
// TypeError when it is neither.
static int subject_data(KValue string, const void **data, int *kind, ssize_t *len,
                        int *isbytes) {
    if (kstr_check(string)) {
        KStr *s = (KStr *)string;
        *data = s->data;
        *kind = s->kind;
        *len = s->len;
        *isbytes = 0;
        return 1;
    }
    const char *p;
    if (kbytes_get_buffer(string, &p, len)) {
        *data = p;
        *kind = 1;
        *isbytes = 1;
        return 1;
    }
    kerr_format(&kexc_TypeError, "expected string or bytes-like object, got '%s'",
                ktype_name(kval_type(string)));
    return 0;
}

// The exporter behind a bytes-like subject when its buffer could move (it
// counts exports: bytearray, array), borrowed, or KV_NULL. A state holds an
// export of it while it looks at the buffer.
static KValue resizable_exporter(KValue string) {
    if (kmemoryview_check(string)) {
        string = kmemoryview_exporter_borrow(string);
    }
    if (!string || kval_is_int(string)) {
        return KV_NULL;
    }
    const KBufferSlots *s = kval_type(string)->buffer;
    return s && s->release ? string : KV_NULL;
}

int ksre_state_init(SreState *st, SrePattern *pat, KValue string, ssize_t pos, ssize_t endpos) {
    memset(st, 0, sizeof *st);
    if (!subject_data(string, &st->data, &st->kind, &st->len, &st->isbytes)) {
        return -1;
    }
    if (st->isbytes && pat->isbytes == 0) {
        kerr_set(&kexc_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    if (!st->isbytes && pat->isbytes > 0) {
        kerr_set(&kexc_TypeError, "cannot use a bytes pattern on a string-like object");
        return -1;
    }
    st->pos = pos < 0 ? 0 : pos > st->len ? st->len : pos;
    st->endpos = endpos < 0 ? 0 : endpos > st->len ? st->len : endpos;
    st->start = st->pos;
    st->groups = pat->groups;
    st->string = kval_newref(string);
    KValue pin = resizable_exporter(string);
    if (pin) {
        if (kbuffer_acquire(pin) < 0) {
            KVAL_CLEAR(st->string);
            return -1;
        }
        st->pin = kval_newref(pin);
    }
    return 0;
}

void ksre_state_fini(SreState *st) {
    if (st->pin) {
        kbuffer_release(st->pin);
        KVAL_CLEAR(st->pin);
    }
    KVAL_CLEAR(st->string);
    kmem_free(st->slots);
    kmem_free(st->trail);
    kmem_free(st->frames);
    st->slots = NULL;
    st->trail = NULL;
    st->frames = NULL;
    st->capslots = st->captrail = st->capframes = 0;
}

KValue ksre_getslice(int isbytes, KValue string, ssize_t start, ssize_t end) {
    if (!isbytes) {
        return kstr_substr(string, start, end);
    }
    const char *p;
    ssize_t len;
    if (kbytes_need_buffer(string, &p, &len) < 0) {
        return KV_NULL;
    }
    if (start > len) {
        start = len;
    }
    if (end > len) {
        end = len;
    }
    if (end < start) {
        end = start;
    }
    if (kbytes_check(string) && kval_type(string) == &kbytes_type && start == 0 && end == len) {
        return kval_newref(string);
    }
    return kbytes_from_data(p + start, end - start);
}

int ksre_ssize_arg(KValue v, ssize_t *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    ssize_t n = kint_as_ssize(i);
    kval_decref(i);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *out = n;
    return 0;
}

KValue ksre_call_re(const char *name, const KValue *args, size_t nargs) {
    KValue modname = kstr_from_cstr("re");
    if (!modname) {
        return KV_NULL;
    }
    KValue mod = kimport_module(modname, KV_NULL, KV_NULL, 0);
    kval_decref(modname);
    if (!mod) {
        return KV_NULL;
    }
    KValue f = kobj_getattr_cstr(mod, name);
    kval_decref(mod);
    if (!f) {
        return KV_NULL;
    }
    KValue r = kobj_call(f, args, nargs, KV_NULL);
    kval_decref(f);
    return r;
}

// ---------------------------------------------------------------------------
// Pattern: arguments.

// Parses (string, pos=0, endpos=maxsize) for 'fname'.
static int string_pos_args(const char *fname, const KValue *args, size_t nargs, KValue kwnames,
                           KValue *string, ssize_t *pos, ssize_t *endpos) {
    static const char *const kwlist[] = {"string", "pos", "endpos", NULL};
    KValue a[3];
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, 1, 3, a) < 0) {
        return -1;
    }
    *string = a[0];
    *pos = 0;
    *endpos = (ssize_t)(SIZE_MAX >> 1);
    if ((a[1] && ksre_ssize_arg(a[1], pos) < 0) || (a[2] && ksre_ssize_arg(a[2], endpos) < 0)) {
        return -1;
    }
    return 0;
}

// match / fullmatch / search.
static KValue pattern_run(KValue self, const KValue *args, size_t nargs, KValue kwnames,
                          const char *fname, int search, int match_all) {
    KValue string;
    ssize_t pos, endpos;
    if (string_pos_args(fname, args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return KV_NULL;
    }
    SreState st;
    if (ksre_state_init(&st, PAT(self), string, pos, endpos) < 0) {
        return KV_NULL;
    }
    st.match_all = match_all;
    int status = ksre_match(&st, PAT(self), search);
    KValue m = status < 0 ? KV_NULL : ksre_match_new(PAT(self), &st, status);
    ksre_state_fini(&st);
    return m;
}

static KValue pat_match(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return pattern_run(self, args, nargs, kwnames, "match", 0, 0);
}

static KValue pat_fullmatch(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return pattern_run(self, args, nargs, kwnames, "fullmatch", 0, 1);
}

static KValue pat_search(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return pattern_run(self, args, nargs, kwnames, "search", 1, 0);
}

// Group 'g' of the state's last success, for findall and split: 'empty'
// gives "" (or b"") for a group that did not take part, else None.
static KValue state_group(SreState *st, ssize_t g, int empty) {
    ssize_t s, e;
    ksre_state_span(st, g, &s, &e);
    if (s < 0) {
        return empty ? ksre_getslice(st->isbytes, st->string, 0, 0) : kval_newref(KV_NONE);
    }
    return ksre_getslice(st->isbytes, st->string, s, e);
}

static int append_steal(KValue list, KValue item) {
    if (!item) {
        return -1;
    }
    int r = klist_append(list, item);
    kval_decref(item);
    return r;
}

static KValue findall_item(SreState *st, ssize_t groups) {
    if (groups == 0) {
        return ksre_getslice(st->isbytes, st->string, st->start, st->ptr);
    }
    if (groups == 1) {
        return state_group(st, 1, 1);
    }
    KValue t = ktuple_new(groups);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < groups; i++) {
        KValue g = state_group(st, i + 1, 1);
        if (!g) {
            kval_decref(t);
            return KV_NULL;
        }
        ktuple_items(t)[i] = g;
    }
    return t;
}

static KValue pat_findall(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue string;
    ssize_t pos, endpos;
    if (string_pos_args("findall", args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return KV_NULL;
    }
    SreState st;
    if (ksre_state_init(&st, PAT(self), string, pos, endpos) < 0) {
        return KV_NULL;
    }
    KValue list = klist_new(0);
    while (list && st.start <= st.endpos) {
        ksre_state_reset(&st);
        int status = ksre_match(&st, PAT(self), 1);
        if (status <= 0) {
            if (status < 0) {
                KVAL_CLEAR(list);
            }
            break;
        }
        if (append_steal(list, findall_item(&st, PAT(self)->groups)) < 0) {
            KVAL_CLEAR(list);
            break;
        }
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    ksre_state_fini(&st);
    return list;
}

static KValue pat_scanner(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue string;
    ssize_t pos, endpos;
    if (string_pos_args("scanner", args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return KV_NULL;
    }
    return ksre_scanner_new(PAT(self), string, pos, endpos);
}

static KValue pat_finditer(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    KValue string;
    ssize_t pos, endpos;
    if (string_pos_args("finditer", args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return KV_NULL;
    }
    KValue scanner = ksre_scanner_new(PAT(self), string, pos, endpos);
    if (!scanner) {
        return KV_NULL;
    }
    KValue search = kobj_getattr_cstr(scanner, "search");
    kval_decref(scanner);
    if (!search) {
        return KV_NULL;
    }
    KValue it = kcallable_iter_new(search, KV_NONE);
    kval_decref(search);
    return it;
}

static KValue pat_split(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"string", "maxsplit", NULL};
    KValue a[2];
    ssize_t maxsplit = 0;
    if (kargs_parse("split", args, nargs, kwnames, kwlist, 1, 2, a) < 0 ||
        (a[1] && ksre_ssize_arg(a[1], &maxsplit) < 0)) {
        return KV_NULL;
    }
    SreState st;
    if (ksre_state_init(&st, PAT(self), a[0], 0, (ssize_t)(SIZE_MAX >> 1)) < 0) {
        return KV_NULL;
    }
    KValue list = klist_new(0);
    ssize_t n = 0, last = st.start;
    while (list && (!maxsplit || n < maxsplit)) {
        ksre_state_reset(&st);
        int status = ksre_match(&st, PAT(self), 1);
        if (status <= 0) {
            if (status < 0) {
                KVAL_CLEAR(list);
            }
            break;
        }
        if (append_steal(list, ksre_getslice(st.isbytes, st.string, last, st.start)) < 0) {
            KVAL_CLEAR(list);
            break;
        }
        for (ssize_t g = 1; g <= PAT(self)->groups && list; g++) {
            if (append_steal(list, state_group(&st, g, 0)) < 0) {
                KVAL_CLEAR(list);
            }
        }
        n++;
        st.must_advance = st.ptr == st.start;
        last = st.start = st.ptr;
    }
    if (list && append_steal(list, ksre_getslice(st.isbytes, st.string, last, st.endpos)) < 0) {
        KVAL_CLEAR(list);
    }
    ksre_state_fini(&st);
    return list;
}

// ---------------------------------------------------------------------------
// Pattern: sub and subn.

// Whether a non-callable replacement is a literal (no backslash in it).
static int literal_template(KValue repl) {
    if (kstr_check(repl)) {
        KStr *s = (KStr *)repl;
        for (ssize_t i = 0; i < s->len; i++) {
            if (kstr_char(s, i) == '\\') {
                return 0;
            }
        }
        return 1;
    }
    const char *p;
    ssize_t len;
    if (kbytes_get_buffer(repl, &p, &len)) {
        return memchr(p, '\\', (size_t)len) == NULL;
    }
    return 0;
}

static KValue join_pieces(SreState *st, KValue list) {
    KValue joiner = ksre_getslice(st->isbytes, st->string, 0, 0);
    if (!joiner || klist_len(list) == 0) {
        return joiner;
    }
    KValue r;
    if (!st->isbytes) {
        r = kstr_join(joiner, list);
    } else {
        KValue name = kstr_from_cstr("join");
        r = name ? kobj_call_method(joiner, name, &list, 1) : KV_NULL;
        kval_xdecref(name);
    }
    kval_decref(joiner);
    return r;
}

// The substitution loop once the filter is known; '*n' gets the count.
static KValue sub_loop(SrePattern *pat, SreState *st, KValue filter, int callable, ssize_t count,
                       ssize_t *n) {
    KValue list = klist_new(0);
    ssize_t i = 0;
    *n = 0;
    while (list && (!count || *n < count)) {
        ksre_state_reset(st);
        int status = ksre_match(st, pat, 1);
        if (status <= 0) {
            if (status < 0) {
                KVAL_CLEAR(list);
            }
            break;
        }
        if (i < st->start &&
            append_steal(list, ksre_getslice(st->isbytes, st->string, i, st->start)) < 0) {
            KVAL_CLEAR(list);
            break;
        }
        KValue item;
        if (callable) {
            KValue m = ksre_match_new(pat, st, 1);
            item = m ? kobj_call1(filter, m) : KV_NULL;
            kval_xdecref(m);
        } else {
            item = kval_newref(filter);
        }
        if (!item || (item != KV_NONE && klist_append(list, item) < 0)) {
            kval_xdecref(item);
            KVAL_CLEAR(list);
            break;
        }
        kval_decref(item);
        i = st->ptr;
        (*n)++;
        st->must_advance = st->ptr == st->start;
        st->start = st->ptr;
    }
    if (list && i < st->endpos &&
        append_steal(list, ksre_getslice(st->isbytes, st->string, i, st->endpos)) < 0) {
        KVAL_CLEAR(list);
    }
    if (!list) {
        return KV_NULL;
    }
    KValue r = join_pieces(st, list);
    kval_decref(list);
    return r;
}

static KValue pattern_subx(KValue self, const KValue *args, size_t nargs, KValue kwnames,
                           const char *fname, int subn) {
    static const char *const kwlist[] = {"repl", "string", "count", NULL};
    KValue a[3];
    ssize_t count = 0;
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, 2, 3, a) < 0 ||
        (a[2] && ksre_ssize_arg(a[2], &count) < 0)) {
        return KV_NULL;
    }
    KValue repl = a[0], filter;
    int callable = kobj_is_callable(repl);
    if (callable || literal_template(repl)) {
        filter = kval_newref(repl);
    } else {
        KValue sargs[2] = {self, repl};
        filter = ksre_call_re("_subx", sargs, 2);
        if (!filter) {
            return KV_NULL;
        }
        callable = kobj_is_callable(filter);
    }
    SreState st;
    if (ksre_state_init(&st, PAT(self), a[1], 0, (ssize_t)(SIZE_MAX >> 1)) < 0) {
        kval_decref(filter);
        return KV_NULL;
    }
    ssize_t n;
    KValue r = sub_loop(PAT(self), &st, filter, callable, count, &n);
    ksre_state_fini(&st);
    kval_decref(filter);
    if (r && subn) {
        KValue t = ktuple_pack(2, r, kval_from_int(n));
        kval_decref(r);
        r = t;
    }
    return r;
}

static KValue pat_sub(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return pattern_subx(self, args, nargs, kwnames, "sub", 0);
}

static KValue pat_subn(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    return pattern_subx(self, args, nargs, kwnames, "subn", 1);
}

// ---------------------------------------------------------------------------
// Pattern: the object.

static void pattern_dealloc(KObject *o) {
    SrePattern *p = PAT(o);
    KVAL_CLEAR(p->pattern);
    KVAL_CLEAR(p->groupindex);
    KVAL_CLEAR(p->indexgroup);
    kmem_free(p->code);
    kobj_free(o);
}

static const struct {
    const char *name;
    int value;
} flag_names[] = {
    {"re.TEMPLATE", SRE_FLAG_TEMPLATE}, {"re.IGNORECASE", SRE_FLAG_IGNORECASE},
    {"re.LOCALE", SRE_FLAG_LOCALE},     {"re.MULTILINE", SRE_FLAG_MULTILINE},
    {"re.DOTALL", SRE_FLAG_DOTALL},     {"re.UNICODE", SRE_FLAG_UNICODE},
    {"re.VERBOSE", SRE_FLAG_VERBOSE},   {"re.DEBUG", SRE_FLAG_DEBUG},
    {"re.ASCII", SRE_FLAG_ASCII},
};

// repr(v) cut to 'max' characters, as CPython's %.200R.
static KValue repr_cut(KValue v, ssize_t max) {
    KValue r = kobj_repr(v);
    if (r && kstr_len(r) > max) {
        KValue cut = kstr_substr(r, 0, max);
        kval_decref(r);
        r = cut;
    }
    return r;
}

static KValue pattern_repr(KValue self) {
    SrePattern *p = PAT(self);
    int flags = p->flags;
    if (p->isbytes == 0 &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE) {
        flags &= ~SRE_FLAG_UNICODE;
    }
    KValue src = repr_cut(p->pattern, 200);
    if (!src) {
        return KV_NULL;
    }
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_cstr(&b, "re.compile(");
    kstr_builder_str(&b, src);
    kval_decref(src);
    const char *sep = ", ";
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
        if (flags & flag_names[i].value) {
            kstr_builder_cstr(&b, sep);
            kstr_builder_cstr(&b, flag_names[i].name);
            flags &= ~flag_names[i].value;
            sep = "|";
        }
    }
    if (flags) {
        kstr_builder_printf(&b, "%s0x%x", sep, (unsigned)flags);
    }
    kstr_builder_char(&b, ')');
    return kstr_builder_finish(&b);
}

static int64_t pattern_hash(KValue self) {
    SrePattern *p = PAT(self);
    int64_t h = kobj_hash(p->pattern);
    if (h == -1) {
        return -1;
    }
    uint64_t c = 1469598103934665603ull;
    for (ssize_t i = 0; i < p->codesize; i++) {
        c = (c ^ p->code[i]) * 1099511628211ull;
    }
    h ^= (int64_t)(c >> 1) ^ p->flags ^ p->isbytes ^ p->codesize;
    return h == -1 ? -2 : h;
}

static KValue pattern_richcompare(KValue a, KValue b, int op) {
    if ((op != KF_CMP_EQ && op != KF_CMP_NE) || kval_is_int(b) ||
        !ktype_is_subtype(kval_type(b), &ksre_pattern_type)) {
        return kval_newref(KV_NOTIMPL);
    }
    SrePattern *l = PAT(a), *r = PAT(b);
    int eq = 1;
    if (a != b) {
        eq = l->flags == r->flags && l->isbytes == r->isbytes && l->codesize == r->codesize &&
             memcmp(l->code, r->code, (size_t)l->codesize * sizeof(SreCode)) == 0;
        if (eq) {
            eq = kobj_richcompare_bool(l->pattern, r->pattern, KF_CMP_EQ);
            if (eq < 0) {
                return KV_NULL;
            }
        }
    }
    return kval_newref(kbool_from(op == KF_CMP_EQ ? eq : !eq));
}

static KValue return_self(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kval_newref(self);
}

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static KValue pattern_get_pattern(KValue self) {
    return kval_newref(PAT(self)->pattern);
}

static KValue pattern_get_flags(KValue self) {
    return kval_from_int(PAT(self)->flags);
}

static KValue pattern_get_groups(KValue self) {
    return kval_from_int(PAT(self)->groups);
}

static KValue pattern_get_groupindex(KValue self) {
    KValue gi = PAT(self)->groupindex;
    if (!gi || kdict_len(gi) == 0) {
        return kdict_new(); // CPython: a plain empty dict when there are no names
    }
    return kobj_call1(kval_of(&kmappingproxy_type), gi);
}

static const KMethodDef pattern_methods[] = {
    {"match", pat_match, KMETH_KW, NULL},
    {"fullmatch", pat_fullmatch, KMETH_KW, NULL},
    {"search", pat_search, KMETH_KW, NULL},
    {"sub", pat_sub, KMETH_KW, NULL},
    {"subn", pat_subn, KMETH_KW, NULL},
    {"findall", pat_findall, KMETH_KW, NULL},
    {"split", pat_split, KMETH_KW, NULL},
    {"finditer", pat_finditer, KMETH_KW, NULL},
    {"scanner", pat_scanner, KMETH_KW, NULL},
    {"__copy__", return_self, KMETH_NOARGS, NULL},
    {"__deepcopy__", return_self, KMETH_O, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef pattern_getsets[] = {
    {"pattern", pattern_get_pattern, NULL, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, NULL, "The regex matching flags."},
    {"groups", pattern_get_groups, NULL, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, NULL,
     "A dictionary mapping group names to group numbers."},
    {NULL, NULL, NULL, NULL},
};

static KValue no_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    kerr_format(&kexc_TypeError, "cannot create '%s' instances", type->name);
    return KV_NULL;
}

KType ksre_pattern_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "re.Pattern",
    .basicsize = sizeof(SrePattern),
    .flags = KTF_WEAKREF | KTF_IMMUTABLETYPE,
    .dealloc = pattern_dealloc,
    .repr = pattern_repr,
    .hash = pattern_hash,
    .richcompare = pattern_richcompare,
    .new_ = no_new,
    .methods = pattern_methods,
    .getsets = pattern_getsets,
};

// ---------------------------------------------------------------------------
// compile() and the module functions.

// The code words of list 'list' into 'p'; -1 with OverflowError/TypeError.
static int take_code(SrePattern *p, KValue list) {
    ssize_t n = klist_len(list);
    p->code = kmem_alloc((size_t)(n ? n : 1) * sizeof(SreCode));
    if (!p->code) {
        kerr_no_memory();
        return -1;
    }
    p->codesize = n;
    for (ssize_t i = 0; i < n && i < klist_len(list); i++) {
        // CPython reports any item that is no C unsigned long as an overflow.
        KValue v = klist_items(list)[i];
        int overflow = 0;
        int64_t x = kint_check(v) ? kint_as_i64_overflow(v, &overflow) : -1;
        if (overflow || x < 0 || x > (int64_t)0xFFFFFFFF) {
            kerr_set(&kexc_OverflowError, "regular expression code size limit exceeded");
            return -1;
        }
        p->code[i] = (SreCode)x;
    }
    return 0;
}

static int need_type(KValue v, KType *t, const char *argname) {
    if (!kval_is_int(v) && ktype_is_subtype(kval_type(v), t)) {
        return 0;
    }
    kerr_format(&kexc_TypeError, "compile() argument '%s' must be %s, not %s", argname, t->name,
                ktype_name(kval_type(v)));
    return -1;
}

static KValue sre_compile(KValue mod, const KValue *args, size_t nargs, KValue kwnames) {
    (void)mod;
    static const char *const kwlist[] = {"pattern", "flags", "code", "groups", "groupindex",
                                         "indexgroup", NULL};
    KValue a[6];
    if (kargs_parse("compile", args, nargs, kwnames, kwlist, 6, 6, a) < 0 ||
        need_type(a[2], &klist_type, "code") < 0 ||
        need_type(a[4], &kdict_type, "groupindex") < 0 ||
        need_type(a[5], &ktuple_type, "indexgroup") < 0) {
        return KV_NULL;
    }
    ssize_t flags, groups;
    if (ksre_ssize_arg(a[1], &flags) < 0 || ksre_ssize_arg(a[3], &groups) < 0) {
        return KV_NULL;
    }
    int isbytes = -1;
    if (a[0] != KV_NONE) {
        const void *data;
        int kind;
        ssize_t len;
        if (!subject_data(a[0], &data, &kind, &len, &isbytes)) {
            return KV_NULL;
        }
    }
    SrePattern *p = (SrePattern *)kobj_alloc(&ksre_pattern_type, sizeof(SrePattern));
    if (!p) {
        return KV_NULL;
    }
    p->pattern = kval_newref(a[0]);
    p->flags = (int)flags;
    p->isbytes = isbytes;
    p->groups = groups;
    p->indexgroup = kval_newref(a[5]);
    p->groupindex = kdict_copy(a[4]);
    if (!p->groupindex || take_code(p, a[2]) < 0 || ksre_validate(p->code, p->codesize, groups) < 0) {
        kval_decref(kval_of(p));
        return KV_NULL;
    }
    return kval_of(p);
}

static KValue sre_getcodesize(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)args, (void)nargs, (void)kw;
    return kval_from_int(sizeof(SreCode));
}

// The int argument of the case helpers, as a code point.
static int char_arg(KValue v, uint32_t *c) {
    ssize_t n;
    if (!kint_check(v)) {
        kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                    ktype_name(kval_type(v)));
        return -1;
    }
    if (ksre_ssize_arg(v, &n) < 0) {
        return -1;
    }
    *c = (uint32_t)n;
    return 0;
}

static KValue sre_ascii_iscased(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    uint32_t c;
    if (char_arg(args[0], &c) < 0) {
        return KV_NULL;
    }
    return kval_newref(kbool_from(c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))));
}

static KValue sre_unicode_iscased(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    uint32_t c;
    if (char_arg(args[0], &c) < 0) {
        return KV_NULL;
    }
    return kval_newref(kbool_from(c != ksre_lower_unicode(c) || c != ksre_upper_unicode(c)));
}

static KValue sre_ascii_tolower(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    uint32_t c;
    if (char_arg(args[0], &c) < 0) {
        return KV_NULL;
    }
    return kint_from_u64(c < 128 ? ksre_lower_ascii(c) : c);
}

static KValue sre_unicode_tolower(KValue mod, const KValue *args, size_t nargs, KValue kw) {
    (void)mod, (void)nargs, (void)kw;
    uint32_t c;
    if (char_arg(args[0], &c) < 0) {
        return KV_NULL;
    }
    return kint_from_u64(ksre_lower_unicode(c));
}

static const KMethodDef sre_functions[] = {
    {"compile", sre_compile, KMETH_KW, NULL},
    {"getcodesize", sre_getcodesize, KMETH_NOARGS, NULL},
    {"ascii_iscased", sre_ascii_iscased, KMETH_O, NULL},
    {"unicode_iscased", sre_unicode_iscased, KMETH_O, NULL},
    {"ascii_tolower", sre_ascii_tolower, KMETH_O, NULL},
    {"unicode_tolower", sre_unicode_tolower, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_sre_create(void) {
    KType *types[] = {&ksre_pattern_type, &ksre_match_type, &ksre_scanner_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (ktype_ready(types[i]) < 0) {
            return KV_NULL;
        }
    }
    KValue m = kmod_new("_sre");
    KValue copyright = kstr_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ");
    int ok = m && copyright && kmod_add_functions(m, sre_functions) == 0 &&
             kmod_add(m, "MAGIC", kval_from_int(SRE_MAGIC)) == 0 &&
             kmod_add(m, "CODESIZE", kval_from_int(sizeof(SreCode))) == 0 &&
             kmod_add(m, "MAXREPEAT", kval_from_int(SRE_MAXREPEAT)) == 0 &&
             kmod_add(m, "MAXGROUPS", kval_from_int(SRE_MAXGROUPS)) == 0 &&
             kmod_add(m, "copyright", copyright) == 0;
    kval_xdecref(copyright);
    if (!ok) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
