// vm/modules/_sre_match.c: re.Match (the spans of one successful match,
// read back from the subject on demand) and _sre.SRE_Scanner (a state kept
// across calls, behind Pattern.finditer and re.Scanner), with CPython's
// accessors, reprs and messages.
#include <string.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../internal.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "_sre.h"

typedef struct SreMatch {
    KOBJ_HEAD;
    KValue string;  // the subject
    KValue pattern; // the SrePattern
    KValue regs;    // the cached regs tuple, or KV_NULL
    ssize_t pos, endpos, lastindex;
    ssize_t ngroups; // groups + 1 (group 0 included)
    ssize_t marks[]; // 2 * ngroups: start, end of each group, -1 when unset
} SreMatch;

#define MATCH(v) ((SreMatch *)(v))

KValue ksre_match_new(SrePattern *pat, SreState *st, int status) {
    if (status <= 0) {
        return status < 0 ? KV_NULL : kval_newref(KV_NONE);
    }
    ssize_t n = pat->groups + 1;
    size_t size = sizeof(SreMatch) + 2 * (size_t)n * sizeof(ssize_t);
    SreMatch *m = (SreMatch *)kobj_alloc(&ksre_match_type, size);
    if (!m) {
        return KV_NULL;
    }
    m->string = kval_newref(st->string);
    m->pattern = kval_newref(kval_of(pat));
    m->pos = st->pos;
    m->endpos = st->endpos;
    m->lastindex = ksre_state_lastindex(st);
    m->ngroups = n;
    for (ssize_t g = 0; g < n; g++) {
        ksre_state_span(st, g, &m->marks[2 * g], &m->marks[2 * g + 1]);
    }
    return kval_of(m);
}

static void match_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(MATCH(o)->string);
    KVAL_CLEAR(MATCH(o)->pattern);
    KVAL_CLEAR(MATCH(o)->regs);
    kobj_free(o);
}

static int match_traverse(KObject *o, KVisitFn visit, void *arg) {
    SreMatch *m = MATCH(o);
    return (m->string && visit(m->string, arg)) || (m->pattern && visit(m->pattern, arg)) ||
           (m->regs && visit(m->regs, arg));
}

static void match_clear(KObject *o) {
    KVAL_CLEAR(MATCH(o)->regs);
}

static SrePattern *match_pattern(KValue self) {
    return (SrePattern *)MATCH(self)->pattern;
}

// The group number 'index' names (an int, or a name of groupindex); -1
// with IndexError("no such group").
static ssize_t group_index(KValue self, KValue index) {
    SreMatch *m = MATCH(self);
    ssize_t i = -1;
    if (kint_check(index) || knb(kval_type(index))->index) {
        i = knum_as_ssize(index, NULL);
        if (i == -1 && kerr_occurred()) {
            return -1;
        }
    } else {
        KValue gi = match_pattern(self)->groupindex;
        KValue v = gi ? kdict_get_borrow(gi, index) : KV_NULL;
        if (!v && kerr_occurred()) {
            return -1;
        }
        if (v && kint_check(v)) {
            i = knum_as_ssize(v, NULL);
        }
    }
    if (i < 0 || i >= m->ngroups) {
        kerr_set(&kexc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static KValue group_value(KValue self, ssize_t g, KValue dflt) {
    SreMatch *m = MATCH(self);
    if (m->marks[2 * g] < 0) {
        return kval_newref(dflt);
    }
    return ksre_getslice(!kstr_check(m->string), m->string,
                         m->marks[2 * g], m->marks[2 * g + 1]);
}

static KValue group_by_key(KValue self, KValue key, KValue dflt) {
    ssize_t g = group_index(self, key);
    return g < 0 ? KV_NULL : group_value(self, g, dflt);
}

static KValue m_group(KValue self, const KValue *args, size_t nargs, KValue kw) {
    if (kargs_no_kw("Match.group", kw) < 0) {
        return KV_NULL;
    }
    if (nargs == 0) {
        return group_value(self, 0, KV_NONE);
    }
    if (nargs == 1) {
        return group_by_key(self, args[0], KV_NONE);
    }
    KValue t = ktuple_new((ssize_t)nargs);
    if (!t) {
        return KV_NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        KValue v = group_by_key(self, args[i], KV_NONE);
        if (!v) {
            kval_decref(t);
            return KV_NULL;
        }
        ktuple_items(t)[i] = v;
    }
    return t;
}

static KValue match_getitem(KValue self, KValue key) {
    return group_by_key(self, key, KV_NONE);
}

static int default_arg(const char *fname, const KValue *args, size_t nargs, KValue kw,
                       KValue *dflt) {
    static const char *const kwlist[] = {"default", NULL};
    KValue a[1];
    if (kargs_parse(fname, args, nargs, kw, kwlist, 0, 1, a) < 0) {
        return -1;
    }
    *dflt = a[0] ? a[0] : KV_NONE;
    return 0;
}

static KValue m_groups(KValue self, const KValue *args, size_t nargs, KValue kw) {
    KValue dflt;
    if (default_arg("groups", args, nargs, kw, &dflt) < 0) {
        return KV_NULL;
    }
    ssize_t n = MATCH(self)->ngroups - 1;
    KValue t = ktuple_new(n);
    if (!t) {
        return KV_NULL;
    }
    for (ssize_t g = 0; g < n; g++) {
        KValue v = group_value(self, g + 1, dflt);
        if (!v) {
            kval_decref(t);
            return KV_NULL;
        }
        ktuple_items(t)[g] = v;
    }
    return t;
}

static KValue m_groupdict(KValue self, const KValue *args, size_t nargs, KValue kw) {
    KValue dflt;
    if (default_arg("groupdict", args, nargs, kw, &dflt) < 0) {
        return KV_NULL;
    }
    KValue d = kdict_new();
    KValue gi = match_pattern(self)->groupindex;
    ssize_t pos = 0;
    KValue key, value;
    while (d && gi && kdict_next(gi, &pos, &key, &value)) {
        kval_incref(key);
        KValue v = group_by_key(self, key, dflt);
        if (!v || kdict_set(d, key, v) < 0) {
            KVAL_CLEAR(d);
        }
        kval_xdecref(v);
        kval_decref(key);
    }
    return d;
}

// The group of start()/end()/span(): 0 when not given.
static ssize_t span_group(const char *fname, KValue self, const KValue *args, size_t nargs) {
    if (kargs_count(fname, nargs, 0, 1) < 0) {
        return -1;
    }
    return nargs ? group_index(self, args[0]) : 0;
}

static KValue m_start(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    ssize_t g = span_group("start", self, args, nargs);
    return g < 0 ? KV_NULL : kval_from_int(MATCH(self)->marks[2 * g]);
}

static KValue m_end(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    ssize_t g = span_group("end", self, args, nargs);
    return g < 0 ? KV_NULL : kval_from_int(MATCH(self)->marks[2 * g + 1]);
}

static KValue span_tuple(SreMatch *m, ssize_t g) {
    return ktuple_pack(2, kval_from_int(m->marks[2 * g]), kval_from_int(m->marks[2 * g + 1]));
}

static KValue m_span(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    ssize_t g = span_group("span", self, args, nargs);
    return g < 0 ? KV_NULL : span_tuple(MATCH(self), g);
}

static KValue m_expand(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    KValue a[3] = {MATCH(self)->pattern, self, args[0]};
    return ksre_call_re("_expand", a, 3);
}

static KValue return_self(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kval_newref(self);
}

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static KValue match_repr(KValue self) {
    SreMatch *m = MATCH(self);
    KValue g0 = group_value(self, 0, KV_NONE);
    if (!g0) {
        return KV_NULL;
    }
    KValue r = kobj_repr(g0);
    kval_decref(g0);
    if (r && kstr_len(r) > 50) {
        KValue cut = kstr_substr(r, 0, 50);
        kval_decref(r);
        r = cut;
    }
    if (!r) {
        return KV_NULL;
    }
    KValue res = kstr_from_format("<%s object; span=(%zd, %zd), match=%U>",
                                  kval_type(self)->name, m->marks[0], m->marks[1], r);
    kval_decref(r);
    return res;
}

static KValue match_get_regs(KValue self) {
    SreMatch *m = MATCH(self);
    if (!m->regs) {
        KValue t = ktuple_new(m->ngroups);
        if (!t) {
            return KV_NULL;
        }
        for (ssize_t g = 0; g < m->ngroups; g++) {
            KValue s = span_tuple(m, g);
            if (!s) {
                kval_decref(t);
                return KV_NULL;
            }
            ktuple_items(t)[g] = s;
        }
        m->regs = t;
    }
    return kval_newref(m->regs);
}

static KValue match_get_lastindex(KValue self) {
    ssize_t i = MATCH(self)->lastindex;
    return i >= 0 ? kval_from_int(i) : kval_newref(KV_NONE);
}

static KValue match_get_lastgroup(KValue self) {
    ssize_t i = MATCH(self)->lastindex;
    KValue ig = match_pattern(self)->indexgroup;
    if (i < 0 || !ig || i >= ktuple_len(ig)) {
        return kval_newref(KV_NONE);
    }
    return kval_newref(ktuple_items(ig)[i]);
}

static KValue match_get_pos(KValue self) {
    return kval_from_int(MATCH(self)->pos);
}

static KValue match_get_endpos(KValue self) {
    return kval_from_int(MATCH(self)->endpos);
}

static KValue match_get_re(KValue self) {
    return kval_newref(MATCH(self)->pattern);
}

static KValue match_get_string(KValue self) {
    return kval_newref(MATCH(self)->string);
}

static const KMethodDef match_methods[] = {
    {"group", m_group, KMETH_KW, NULL},
    {"groups", m_groups, KMETH_KW, NULL},
    {"groupdict", m_groupdict, KMETH_KW, NULL},
    {"start", m_start, KMETH_FAST, NULL},
    {"end", m_end, KMETH_FAST, NULL},
    {"span", m_span, KMETH_FAST, NULL},
    {"expand", m_expand, KMETH_O, NULL},
    {"__copy__", return_self, KMETH_NOARGS, NULL},
    {"__deepcopy__", return_self, KMETH_O, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef match_getsets[] = {
    {"regs", match_get_regs, NULL, NULL},
    {"lastindex", match_get_lastindex, NULL,
     "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, NULL, "The name of the last matched capturing group."},
    {"pos", match_get_pos, NULL, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", match_get_endpos, NULL, "The index into the string beyond which the RE engine will not go."},
    {"re", match_get_re, NULL, "The regular expression object."},
    {"string", match_get_string, NULL, "The string passed to match() or search()."},
    {NULL, NULL, NULL, NULL},
};

static KValue no_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    kerr_format(&kexc_TypeError, "cannot create '%s' instances", type->name);
    return KV_NULL;
}

KType ksre_match_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "re.Match",
    .basicsize = sizeof(SreMatch),
    .flags = KTF_GC | KTF_IMMUTABLETYPE,
    .dealloc = match_dealloc,
    .traverse = match_traverse,
    .clear = match_clear,
    .repr = match_repr,
    .new_ = no_new,
    .getitem = match_getitem,
    .methods = match_methods,
    .getsets = match_getsets,
};

// ---------------------------------------------------------------------------
// Scanner

typedef struct {
    KOBJ_HEAD;
    KValue pattern;
    SreState state;
    int executing;
    int exhausted;
} SreScanner;

#define SCANNER(v) ((SreScanner *)(v))

KValue ksre_scanner_new(SrePattern *pat, KValue string, ssize_t pos, ssize_t endpos) {
    SreState st;
    if (ksre_state_init(&st, pat, string, pos, endpos) < 0) {
        return KV_NULL;
    }
    SreScanner *s = (SreScanner *)kobj_alloc(&ksre_scanner_type, sizeof(SreScanner));
    if (!s) {
        ksre_state_fini(&st);
        return KV_NULL;
    }
    s->state = st;
    s->pattern = kval_newref(kval_of(pat));
    return kval_of(s);
}

static void scanner_dealloc(KObject *o) {
    kgc_untrack(o);
    ksre_state_fini(&SCANNER(o)->state);
    KVAL_CLEAR(SCANNER(o)->pattern);
    kobj_free(o);
}

static int scanner_traverse(KObject *o, KVisitFn visit, void *arg) {
    SreScanner *s = SCANNER(o);
    return (s->pattern && visit(s->pattern, arg)) ||
           (s->state.string && visit(s->state.string, arg));
}

static KValue scanner_step(KValue self, int search) {
    SreScanner *s = SCANNER(self);
    SreState *st = &s->state;
    if (s->executing) {
        kerr_set(&kexc_ValueError, "regular expression scanner already executing");
        return KV_NULL;
    }
    if (s->exhausted || !st->string) {
        return kval_newref(KV_NONE);
    }
    ksre_state_reset(st);
    s->executing = 1;
    int status = ksre_match(st, (SrePattern *)s->pattern, search);
    s->executing = 0;
    KValue m = ksre_match_new((SrePattern *)s->pattern, st, status);
    if (status == 0) {
        s->exhausted = 1;
    } else if (status > 0) {
        st->must_advance = st->ptr == st->start;
        st->start = st->ptr;
    }
    return m;
}

static KValue sc_match(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return scanner_step(self, 0);
}

static KValue sc_search(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return scanner_step(self, 1);
}

static KValue scanner_get_pattern(KValue self) {
    return kval_newref(SCANNER(self)->pattern);
}

static const KMethodDef scanner_methods[] = {
    {"match", sc_match, KMETH_NOARGS, NULL},
    {"search", sc_search, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef scanner_getsets[] = {
    {"pattern", scanner_get_pattern, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

KType ksre_scanner_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_sre.SRE_Scanner",
    .basicsize = sizeof(SreScanner),
    .flags = KTF_GC | KTF_IMMUTABLETYPE,
    .dealloc = scanner_dealloc,
    .traverse = scanner_traverse,
    .new_ = no_new,
    .methods = scanner_methods,
    .getsets = scanner_getsets,
};
