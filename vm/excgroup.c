// vm/excgroup.c: BaseExceptionGroup and ExceptionGroup (PEP 654): the
// constructor's checks (and its choice of ExceptionGroup when every member
// is an Exception), split/subgroup/derive, and the two helpers behind
// 'except*': matching a raised exception against one clause
// (CHECK_EG_MATCH) and building what is left to raise once every clause ran
// (PREP_RERAISE_STAR).
#include "errors.h"
#include "internal.h"

#include "abstract.h"
#include "dict.h"
#include "func.h"
#include "gc.h"
#include "list.h"
#include "state.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static int is_group(KValue v) {
    return kexc_is_instance(v) && ktype_is_subtype(kval_type(v), &kexc_BaseExceptionGroup);
}

static int is_sequence(KValue v) {
    KType *t = kval_type(v);
    return t->getitem && !kval_has_flag(v, KTF_DICT_SUBCLASS);
}

// BaseExceptionGroup.__new__(cls, message, exceptions).
// Keywords are refused by __init__, after these checks (as CPython).
static KValue eg_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)kwnames;
    if (nargs != 2) {
        kerr_format(&kexc_TypeError,
                    "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %T",
                    args[0]);
        return KV_NULL;
    }
    if (!is_sequence(args[1])) {
        kerr_set(&kexc_TypeError, "second argument (exceptions) must be a sequence");
        return KV_NULL;
    }
    KValue excs = ktuple_from_iterable(args[1]);
    if (!excs) {
        return KV_NULL;
    }
    ssize_t n = ktuple_len(excs);
    if (n == 0) {
        kval_decref(excs);
        kerr_set(&kexc_ValueError, "second argument (exceptions) must be a non-empty sequence");
        return KV_NULL;
    }
    int nested_base = 0;
    for (ssize_t i = 0; i < n; i++) {
        KValue e = ktuple_items(excs)[i];
        if (!kexc_is_instance(e)) {
            kval_decref(excs);
            kerr_format(&kexc_ValueError,
                        "Item %zd of second argument (exceptions) is not an exception", i);
            return KV_NULL;
        }
        if (!ktype_is_subtype(kval_type(e), &kexc_Exception)) {
            nested_base = 1;
        }
    }
    if (type == &kexc_BaseExceptionGroup) {
        if (!nested_base) {
            type = &kexc_ExceptionGroup;
        }
    } else if (type == &kexc_ExceptionGroup) {
        if (nested_base) {
            kval_decref(excs);
            kerr_set(&kexc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            return KV_NULL;
        }
    } else if (nested_base && ktype_is_subtype(type, &kexc_Exception)) {
        kval_decref(excs);
        kerr_format(&kexc_TypeError, "Cannot nest BaseExceptions in '%s'", ktype_name(type));
        return KV_NULL;
    }
    KExceptionGroup *g = (KExceptionGroup *)kobj_alloc(type, (size_t)type->basicsize);
    if (!g) {
        kval_decref(excs);
        return kerr_no_memory();
    }
    g->base.args = ktuple_from_array(args, 2);
    g->msg = kval_newref(args[0]);
    g->excs = excs;
    if (!g->base.args) {
        kval_decref(kval_of(g));
        return KV_NULL;
    }
    return kval_of(g);
}

static int eg_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    if (kwnames && ktuple_len(kwnames)) {
        kerr_format(&kexc_TypeError, "%s() takes no keyword arguments",
                    ktype_name(kval_type(self)));
        return -1;
    }
    KValue a = ktuple_from_array(args, (ssize_t)nargs);
    if (!a) {
        return -1;
    }
    kval_setref(&((KException *)self)->args, a);
    return 0;
}

static KValue eg_str(KValue self) {
    KExceptionGroup *g = (KExceptionGroup *)self;
    if (!g->msg || !g->excs) {
        return kval_newref(KID(empty));
    }
    ssize_t n = ktuple_len(g->excs);
    return kstr_from_format("%S (%zd sub-exception%s)", g->msg, n, n == 1 ? "" : "s");
}

KValue kexcgroup_new(const char *msg, KValue excs) {
    KValue m = kstr_from_cstr(msg);
    if (!m) {
        return KV_NULL;
    }
    KValue r = kobj_call2(kval_of(&kexc_BaseExceptionGroup), m, excs);
    kval_decref(m);
    return r;
}

static KValue eg_derive(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kobj_call2(kval_of(&kexc_BaseExceptionGroup), ((KExceptionGroup *)self)->msg,
                      args[0]);
}

// ---------------------------------------------------------------------------
// split and subgroup.

enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_IDS };

typedef struct Matcher {
    int kind;
    KValue value;        // MATCH_TYPE: a class or tuple; MATCH_PREDICATE: a callable
    KValue *ids;         // MATCH_IDS: the leaves to keep (borrowed)
    ssize_t nids;
} Matcher;

static int matcher_from(KValue v, Matcher *m) {
    m->value = v;
    m->ids = NULL;
    m->nids = 0;
    if (kexc_is_class(v)) {
        m->kind = MATCH_TYPE;
        return 0;
    }
    if (ktuple_check(v)) {
        for (ssize_t i = 0; i < ktuple_len(v); i++) {
            if (!kexc_is_class(ktuple_items(v)[i])) {
                goto bad;
            }
        }
        m->kind = MATCH_TYPE;
        return 0;
    }
    if (kobj_is_callable(v) && !ktype_check(v)) {
        m->kind = MATCH_PREDICATE;
        return 0;
    }
bad:
    kerr_set(&kexc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

// 1 when 'exc' matches as a whole, 0 when not, -1 on error.
static int matches(KValue exc, const Matcher *m) {
    switch (m->kind) {
    case MATCH_TYPE:
        return kerr_given_matches(exc, m->value);
    case MATCH_PREDICATE: {
        KValue r = kobj_call1(m->value, exc);
        if (!r) {
            return -1;
        }
        int t = kobj_is_true(r);
        kval_decref(r);
        return t;
    }
    default:
        for (ssize_t i = 0; i < m->nids; i++) {
            if (m->ids[i] == exc) {
                return 1;
            }
        }
        return 0;
    }
}

// The group 'orig' narrowed to 'excs' (a list; empty: None) through its
// derive(), with orig's traceback, context, cause and a copy of its notes.
static KValue subset(KValue orig, KValue excs) {
    if (klist_len(excs) == 0) {
        return kval_newref(KV_NONE);
    }
    KValue eg = kobj_call_method(orig, KID(derive), &excs, 1);
    if (!eg) {
        return KV_NULL;
    }
    if (!is_group(eg)) {
        kval_decref(eg);
        kerr_set(&kexc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return KV_NULL;
    }
    KException *o = (KException *)orig, *e = (KException *)eg;
    kval_setref(&e->traceback, kval_xnewref(o->traceback));
    kval_setref(&e->context, kval_xnewref(o->context));
    kval_setref(&e->cause, kval_xnewref(o->cause));
    e->suppress_context = 1; // as PyException_SetCause
    KValue notes;
    int has = kobj_lookup_attr(orig, KID(__notes__), &notes);
    if (has < 0) {
        kval_decref(eg);
        return KV_NULL;
    }
    if (has) {
        if (is_sequence(notes)) {
            KValue copy = klist_from_iterable(notes);
            int r = copy ? kobj_setattr(eg, KID(__notes__), copy) : -1;
            kval_xdecref(copy);
            if (r < 0) {
                kval_decref(notes);
                kval_decref(eg);
                return KV_NULL;
            }
        }
        kval_decref(notes);
    }
    return eg;
}

// Splits 'exc' by 'm' into '*match' and (when 'rest' is not NULL) '*rest',
// each KV_NULL when empty. -1 on error.
static int split_rec(KValue exc, const Matcher *m, KValue *match, KValue *rest) {
    *match = KV_NULL;
    if (rest) {
        *rest = KV_NULL;
    }
    int is = matches(exc, m);
    if (is < 0) {
        return -1;
    }
    if (is) {
        *match = kval_newref(exc);
        return 0;
    }
    if (!is_group(exc)) {
        if (rest) {
            *rest = kval_newref(exc);
        }
        return 0;
    }
    if (kstate_enter(" in exception group split") < 0) {
        return -1;
    }
    int status = -1;
    KValue excs = ((KExceptionGroup *)exc)->excs;
    KValue mlist = klist_new(0), rlist = rest ? klist_new(0) : KV_NULL;
    if (!mlist || (rest && !rlist)) {
        goto done;
    }
    for (ssize_t i = 0; i < ktuple_len(excs); i++) {
        KValue sm, sr;
        if (split_rec(ktuple_items(excs)[i], m, &sm, rest ? &sr : NULL) < 0) {
            goto done;
        }
        int bad = (sm && klist_append(mlist, sm) < 0) || (rest && sr && klist_append(rlist, sr) < 0);
        kval_xdecref(sm);
        if (rest) {
            kval_xdecref(sr);
        }
        if (bad) {
            goto done;
        }
    }
    KValue mg = subset(exc, mlist);
    if (!mg) {
        goto done;
    }
    *match = mg == KV_NONE ? KV_NULL : mg;
    if (rest) {
        KValue rg = subset(exc, rlist);
        if (!rg) {
            KVAL_CLEAR(*match);
            goto done;
        }
        *rest = rg == KV_NONE ? KV_NULL : rg;
    }
    status = 0;
done:
    kstate_leave();
    kval_xdecref(mlist);
    kval_xdecref(rlist);
    return status;
}

static KValue eg_split(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    Matcher m;
    KValue match, rest;
    if (matcher_from(args[0], &m) < 0 || split_rec(self, &m, &match, &rest) < 0) {
        return KV_NULL;
    }
    KValue r = ktuple_pack(2, match ? match : KV_NONE, rest ? rest : KV_NONE);
    kval_xdecref(match);
    kval_xdecref(rest);
    return r;
}

static KValue eg_subgroup(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    Matcher m;
    KValue match;
    if (matcher_from(args[0], &m) < 0 || split_rec(self, &m, &match, NULL) < 0) {
        return KV_NULL;
    }
    return match ? match : KV_NONE;
}

// ---------------------------------------------------------------------------
// except*.

int kexcgroup_match(KValue exc, KValue type, KValue *match, KValue *rest) {
    *match = *rest = KV_NULL;
    if (exc == KV_NONE) {
        *match = KV_NONE;
        *rest = KV_NONE;
        return 0;
    }
    if (kerr_given_matches(exc, type)) {
        if (is_group(exc)) {
            *match = kval_newref(exc);
        } else {
            // A naked exception: wrapped in a group, as the handler sees it.
            KValue excs = ktuple_pack(1, exc);
            KValue w = excs ? kexcgroup_new("", excs) : KV_NULL;
            kval_xdecref(excs);
            if (!w) {
                return -1;
            }
            KException *e = (KException *)exc;
            kval_setref(&((KException *)w)->traceback, kval_xnewref(e->traceback));
            *match = w;
        }
        *rest = KV_NONE;
        return 0;
    }
    if (is_group(exc)) {
        KValue pair = kobj_call_method(exc, KID(split), &type, 1);
        if (!pair) {
            return -1;
        }
        if (!ktuple_check(pair) || kval_type(pair) != &ktuple_type) {
            kerr_format(&kexc_TypeError, "%s.split must return a tuple, not %s",
                        ktype_name(kval_type(exc)), ktype_name(kval_type(pair)));
            kval_decref(pair);
            return -1;
        }
        if (ktuple_len(pair) != 2) {
            kerr_format(&kexc_TypeError,
                        "%s.split must return a 2-tuple, got tuple of size %zd",
                        ktype_name(kval_type(exc)), ktuple_len(pair));
            kval_decref(pair);
            return -1;
        }
        *match = kval_newref(ktuple_items(pair)[0]);
        *rest = kval_newref(ktuple_items(pair)[1]);
        kval_decref(pair);
        return 0;
    }
    *match = KV_NONE;
    *rest = KV_NONE;
    return 0;
}

// Adds the leaves (non-group exceptions) of 'exc' to the list 'ids'.
static int collect_leaves(KValue exc, KValue ids) {
    if (exc == KV_NONE) {
        return 0;
    }
    if (!is_group(exc)) {
        return klist_append(ids, exc);
    }
    if (kstate_enter(" in collect_exception_group_leaf_ids") < 0) {
        return -1;
    }
    KValue excs = ((KExceptionGroup *)exc)->excs;
    int r = 0;
    for (ssize_t i = 0; i < ktuple_len(excs) && r == 0; i++) {
        r = collect_leaves(ktuple_items(excs)[i], ids);
    }
    kstate_leave();
    return r;
}

// 'orig' narrowed to the leaves of the groups in 'keep' (None when empty),
// keeping orig's nesting.
static KValue projection(KValue orig, KValue keep) {
    if (klist_len(keep) == 0) {
        return kval_newref(KV_NONE);
    }
    KValue ids = klist_new(0);
    if (!ids) {
        return KV_NULL;
    }
    for (ssize_t i = 0; i < klist_len(keep); i++) {
        if (collect_leaves(klist_items(keep)[i], ids) < 0) {
            kval_decref(ids);
            return KV_NULL;
        }
    }
    Matcher m = {MATCH_IDS, KV_NULL, klist_items(ids), klist_len(ids)};
    KValue match;
    int r = split_rec(orig, &m, &match, NULL);
    kval_decref(ids);
    if (r < 0) {
        return KV_NULL;
    }
    return match ? match : KV_NONE;
}

// The same exception as 'orig' re-raised (a bare 'raise' in a handler):
// same traceback, context and cause.
static int same_metadata(KValue a, KValue b) {
    KException *x = (KException *)a, *y = (KException *)b;
    return x->traceback == y->traceback && x->context == y->context && x->cause == y->cause;
}

KValue kexcgroup_prep_reraise_star(KValue orig, KValue excs) {
    ssize_t n = klist_len(excs);
    if (n == 0) {
        return kval_newref(KV_NONE);
    }
    if (!is_group(orig)) {
        // A naked exception was wrapped: one clause ran, so one to raise at most.
        return kval_newref(klist_items(excs)[0]);
    }
    KValue result = KV_NULL, reraised_eg = KV_NULL;
    KValue raised = klist_new(0), reraised = klist_new(0);
    if (!raised || !reraised) {
        goto done;
    }
    for (ssize_t i = 0; i < n; i++) {
        KValue e = klist_items(excs)[i];
        if (e == KV_NONE) {
            continue;
        }
        if (klist_append(same_metadata(e, orig) ? reraised : raised, e) < 0) {
            goto done;
        }
    }
    reraised_eg = projection(orig, reraised);
    if (!reraised_eg) {
        goto done;
    }
    if (klist_len(raised) == 0) {
        result = kval_newref(reraised_eg);
        goto done;
    }
    if (reraised_eg != KV_NONE && klist_append(raised, reraised_eg) < 0) {
        goto done;
    }
    result = kexcgroup_new("", raised);
done:
    kval_xdecref(raised);
    kval_xdecref(reraised);
    kval_xdecref(reraised_eg);
    return result;
}

// ---------------------------------------------------------------------------
// The types.

#define MEMBER(field, name)                                                                      \
    { name, KMEMBER_OBJECT, offsetof(KExceptionGroup, field), 1, NULL }

static const KMemberDef eg_members[] = {
    MEMBER(msg, "message"),
    MEMBER(excs, "exceptions"),
    {NULL, 0, 0, 0, NULL},
};

KValue kgeneric_alias_new(KValue origin, KValue args);

static KValue eg_class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef eg_methods[] = {
    {"derive", eg_derive, KMETH_O, NULL},
    {"split", eg_split, KMETH_O, NULL},
    {"subgroup", eg_subgroup, KMETH_O, NULL},
    {"__class_getitem__", eg_class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

void kexcgroup_init_types(void) {
    KType *t = &kexc_BaseExceptionGroup;
    t->new_ = eg_new;
    t->init = eg_init;
    t->str = eg_str;
    t->members = eg_members;
    t->methods = eg_methods;
}

int kexcgroup_ready(void) {
    // ExceptionGroup(BaseExceptionGroup, Exception): a static type has one
    // base, so its bases and MRO are set here.
    KType *t = &kexc_ExceptionGroup;
    KValue bases = ktuple_pack(2, kval_of(&kexc_BaseExceptionGroup), kval_of(&kexc_Exception));
    KValue mro = ktuple_pack(5, kval_of(t), kval_of(&kexc_BaseExceptionGroup),
                             kval_of(&kexc_Exception), kval_of(&kexc_BaseException),
                             kval_of(&kobject_type));
    if (!bases || !mro) {
        kval_xdecref(bases);
        kval_xdecref(mro);
        return -1;
    }
    kval_setref(&t->bases, bases);
    kval_setref(&t->mro, mro);
    return 0;
}
