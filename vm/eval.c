// vm/eval.c: the interpreter loop. Instructions dispatch through a table of
// label addresses (computed goto; a switch with KV_SWITCH_DISPATCH=1). The
// hot state (ip, sp, the frame's localsplus and constants) lives in C locals
// and is written back to the frame before anything that can look at it.
// A call to a Python function pushes a frame on the data stack and continues
// in the same loop; RETURN_VALUE pops it. Exceptions unwind through the code
// object's exception table (zero cost when nothing is raised).
#include "eval.h"
#include "eval_fast.h"
#include "finder.h"
#include "internal.h"

#include <string.h>

#include "abstract.h"
#include "code.h"
#include "dict.h"
#include "errors.h"
#include "float.h"
#include "func.h"
#include "gen.h"
#include "instdict.h"
#include "int.h"
#include "list.h"
#include "mem.h"
#include "module.h"
#include "gil.h"
#include "modules/_signal.h"
#include "set.h"
#include "slice.h"
#include "state.h"
#include "str.h"
#include "traceback.h"
#include "tuple.h"
#include "type.h"

KValue kstr_format_value(KValue v, int conversion, KValue spec);

// ---------------------------------------------------------------------------
// Binding arguments to a new frame (CPython's initialize_locals).

static void format_missing(KFunction *func, const char *kind, KValue names) {
    ssize_t n = klist_len(names);
    KValue *items = klist_items(names);
    KStrBuilder b;
    kstr_builder_init(&b);
    for (ssize_t i = 0; i < n; i++) {
        KValue r = kobj_repr(items[i]);
        if (!r) {
            kstr_builder_discard(&b);
            return;
        }
        if (i > 0) {
            kstr_builder_cstr(&b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        }
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    KValue s = kstr_builder_finish(&b);
    if (s) {
        kerr_format(&kexc_TypeError, "%U() missing %zd required %s argument%s: %U", func->qualname,
                    n, kind, n == 1 ? "" : "s", s);
        kval_decref(s);
    }
}

static void missing_arguments(KFunction *func, KValue *lp, int start, int end, int positional) {
    KCode *co = (KCode *)func->code;
    KValue names = klist_new(0);
    if (!names) {
        return;
    }
    ssize_t ndefs = func->defaults ? ktuple_len(func->defaults) : 0;
    for (int i = start; i < end; i++) {
        if (lp[i]) {
            continue;
        }
        KValue name = ktuple_items(co->localsplusnames)[i];
        if (!positional && func->kwdefaults && kdict_get_borrow(func->kwdefaults, name)) {
            continue;
        }
        if (positional && i >= co->argcount - ndefs) {
            continue;
        }
        if (klist_append(names, name) < 0) {
            kval_decref(names);
            return;
        }
    }
    format_missing(func, positional ? "positional" : "keyword-only", names);
    kval_decref(names);
}

static void too_many_positional(KFunction *func, KValue *lp, size_t given) {
    KCode *co = (KCode *)func->code;
    ssize_t ndefs = func->defaults ? ktuple_len(func->defaults) : 0;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        kwonly_given += lp[i] != KV_NULL;
    }
    KValue sig = ndefs ? kstr_from_format("from %zd to %d", co->argcount - ndefs, co->argcount)
                       : kstr_from_format("%d", co->argcount);
    int plural = ndefs || co->argcount != 1;
    KValue kwsig = kwonly_given ? kstr_from_format(" positional argument%s (and %d keyword-only argument%s)",
                                                   given != 1 ? "s" : "", kwonly_given,
                                                   kwonly_given != 1 ? "s" : "")
                                : kval_newref(KID(empty));
    if (sig && kwsig) {
        kerr_format(&kexc_TypeError, "%U() takes %U positional argument%s but %zu%U %s given",
                    func->qualname, sig, plural ? "s" : "", given, kwsig,
                    given == 1 && !kwonly_given ? "was" : "were");
    }
    kval_xdecref(sig);
    kval_xdecref(kwsig);
}

static void posonly_passed_as_keyword(KFunction *func, KValue kwnames) {
    KCode *co = (KCode *)func->code;
    KValue names = klist_new(0);
    if (!names) {
        return;
    }
    for (int i = 0; i < co->posonlyargcount; i++) {
        KValue pname = ktuple_items(co->localsplusnames)[i];
        for (ssize_t k = 0; k < ktuple_len(kwnames); k++) {
            if (kstr_eq(ktuple_items(kwnames)[k], pname)) {
                if (klist_append(names, pname) < 0) {
                    kval_decref(names);
                    return;
                }
                break;
            }
        }
    }
    KValue sep = kstr_from_cstr(", ");
    KValue joined = sep ? kstr_join(sep, names) : KV_NULL;
    if (joined) {
        kerr_format(&kexc_TypeError,
                    "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                    func->qualname, joined);
    }
    kval_xdecref(sep);
    kval_xdecref(joined);
    kval_decref(names);
}

// Fills the argument slots of 'f' for a call of 'func'; 'args' are borrowed
// ('nargs' positional then one per keyword name). -1 with TypeError.
static int bind_args(KFrame *f, KFunction *func, const KValue *args, size_t nargs,
                     KValue kwnames) {
    KCode *co = f->code;
    KValue *lp = f->localsplus;
    int argcount = co->argcount;
    int total = argcount + co->kwonlyargcount;
    KValue kwdict = KV_NULL;
    if (co->flags & KF_CO_VARKEYWORDS) {
        kwdict = kdict_new();
        if (!kwdict) {
            return -1;
        }
        lp[total + ((co->flags & KF_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
    for (size_t i = 0; i < n; i++) {
        lp[i] = kval_newref(args[i]);
    }
    if (co->flags & KF_CO_VARARGS) {
        KValue u = nargs > n ? ktuple_from_array(args + n, (ssize_t)(nargs - n)) : ktuple_new(0);
        if (!u) {
            return -1;
        }
        lp[total] = u;
    }
    if (kwnames) {
        KValue *names = ktuple_items(co->localsplusnames);
        for (ssize_t k = 0; k < ktuple_len(kwnames); k++) {
            KValue name = ktuple_items(kwnames)[k];
            KValue value = args[nargs + (size_t)k];
            int j = -1;
            for (int i = co->posonlyargcount; i < total; i++) {
                if (names[i] == name) {
                    j = i;
                    break;
                }
            }
            if (j < 0) {
                if (!kstr_check(name)) {
                    kerr_format(&kexc_TypeError, "%U() keywords must be strings", func->qualname);
                    return -1;
                }
                for (int i = co->posonlyargcount; i < total; i++) {
                    if (kstr_eq(names[i], name)) {
                        j = i;
                        break;
                    }
                }
            }
            if (j < 0) {
                if (kwdict) {
                    if (kdict_set(kwdict, name, value) < 0) {
                        return -1;
                    }
                    continue;
                }
                for (int i = 0; i < co->posonlyargcount; i++) {
                    if (kstr_eq(names[i], name)) {
                        posonly_passed_as_keyword(func, kwnames);
                        return -1;
                    }
                }
                kerr_format(&kexc_TypeError, "%U() got an unexpected keyword argument '%U'",
                            func->qualname, name);
                return -1;
            }
            if (lp[j]) {
                kerr_format(&kexc_TypeError, "%U() got multiple values for argument '%U'",
                            func->qualname, name);
                return -1;
            }
            lp[j] = kval_newref(value);
        }
    }
    if (nargs > (size_t)argcount && !(co->flags & KF_CO_VARARGS)) {
        too_many_positional(func, lp, nargs);
        return -1;
    }
    if (nargs < (size_t)argcount) {
        ssize_t ndefs = func->defaults ? ktuple_len(func->defaults) : 0;
        int m = argcount - (int)ndefs;
        for (int i = (int)nargs; i < m; i++) {
            if (!lp[i]) {
                missing_arguments(func, lp, (int)nargs, m, 1);
                return -1;
            }
        }
        for (int i = m > (int)nargs ? m : (int)nargs; i < argcount; i++) {
            if (!lp[i]) {
                lp[i] = kval_newref(ktuple_items(func->defaults)[i - m]);
            }
        }
    }
    for (int i = argcount; i < total; i++) {
        if (lp[i]) {
            continue;
        }
        KValue dflt = func->kwdefaults ? kdict_get_borrow(func->kwdefaults, ktuple_items(co->localsplusnames)[i])
                                       : KV_NULL;
        if (dflt) {
            lp[i] = kval_newref(dflt);
            continue;
        }
        if (kerr_occurred()) {
            return -1;
        }
        missing_arguments(func, lp, argcount, total, 0);
        return -1;
    }
    return 0;
}

// Pushes and fills a frame for calling 'func' (borrowed) with 'args'
// (borrowed). NULL on error.
static KFrame *push_call_frame(KThreadState *ts, KValue func, const KValue *args, size_t nargs,
                               KValue kwnames, KValue locals) {
    KFrame *f = kframe_push(ts, kval_newref(func), locals);
    if (!f) {
        return NULL;
    }
    KCode *co = f->code;
    if (!kwnames && nargs == (size_t)co->argcount &&
        !(co->flags & (KF_CO_VARARGS | KF_CO_VARKEYWORDS)) && co->kwonlyargcount == 0) {
        for (size_t i = 0; i < nargs; i++) {
            f->localsplus[i] = kval_newref(args[i]);
        }
    } else if (bind_args(f, (KFunction *)func, args, nargs, kwnames) < 0) {
        f->sp = f->localsplus + co->nlocalsplus;
        kframe_pop(ts, f);
        return NULL;
    }
    f->sp = f->localsplus + co->nlocalsplus;
    return f;
}

KFrame *keval_push_frame(KThreadState *ts, KValue func, const KValue *args, size_t nargs,
                         KValue kwnames) {
    return push_call_frame(ts, func, args, nargs, kwnames, KV_NULL);
}

// Runs a frame for 'func' to completion from C.
static KValue run_function(KValue func, const KValue *args, size_t nargs, KValue kwnames,
                           KValue locals) {
    KThreadState *ts = kstate_ts;
    KFrame *f = push_call_frame(ts, func, args, nargs, kwnames, locals);
    if (!f) {
        return KV_NULL;
    }
    f->previous = ts->frame;
    ts->frame = f;
    return keval_frame(ts, f, 0);
}

KValue keval_call_function(KValue func, const KValue *args, size_t nargs, KValue kwnames) {
    return run_function(func, args, nargs, kwnames, KV_NULL);
}

KValue keval_call_with_locals(KValue func, KValue locals) {
    return run_function(func, NULL, 0, KV_NULL, locals);
}

#ifdef KV_FUZZ_BUDGET
long keval_fuzz_budget;

int keval_fuzz_step(void) {
    if (keval_fuzz_budget > 0) {
        keval_fuzz_budget--;
        return 0;
    }
    kerr_set(&kexc_RuntimeError, "fuzzing step budget spent");
    return -1;
}
#endif

KValue keval_code(KValue code, KValue globals, KValue locals) {
    KValue func = kfunc_new(code, globals, KV_NULL);
    if (!func) {
        return KV_NULL;
    }
    KValue r = run_function(func, NULL, 0, KV_NULL, locals);
    kval_decref(func);
    return r;
}

KValue keval_globals(void) {
    KFrame *f = kstate_ts->frame;
    return f ? f->globals : KV_NULL;
}

KValue keval_builtins(void) {
    KFrame *f = kstate_ts->frame;
    return f ? f->builtins : kruntime.builtins;
}

KValue keval_locals(void) {
    KFrame *f = kstate_ts->frame;
    return f ? f->locals : KV_NULL;
}

// ---------------------------------------------------------------------------
// Slow paths, out of line.

static K_NOINLINE void name_error(KValue name) {
    kerr_format(&kexc_NameError, "name '%U' is not defined", name);
    KValue e = kerr_occurred();
    if (e && kval_type(e) == &kexc_NameError) {
        kval_setref(&((KNameError *)e)->name, kval_newref(name));
    }
}

static K_NOINLINE void unbound_local(KCode *co, int i) {
    kerr_format(&kexc_UnboundLocalError,
                "cannot access local variable '%U' where it is not associated with a value",
                ktuple_items(co->localsplusnames)[i]);
}

static K_NOINLINE void unbound_deref(KCode *co, int i) {
    KValue name = ktuple_items(co->localsplusnames)[i];
    if (co->localspluskinds[i] & KF_LOCAL_FREE) {
        kerr_format(&kexc_NameError,
                    "cannot access free variable '%U' where it is not associated with a value in "
                    "enclosing scope",
                    name);
    } else {
        unbound_local(co, i);
    }
}

// LOAD_GLOBAL's lookup: globals, then builtins. New reference or KV_NULL.
static KValue load_global(KValue globals, KValue builtins, KValue name) {
    KValue v = kdict_get_str_borrow(globals, name);
    if (v) {
        return kval_newref(v);
    }
    if (kdict_check_exact(builtins)) {
        v = kdict_get_str_borrow(builtins, name);
        if (v) {
            return kval_newref(v);
        }
        if (!kerr_occurred()) {
            name_error(name);
        }
        return KV_NULL;
    }
    v = kobj_getitem(builtins, name);
    if (!v && kerr_matches(&kexc_KeyError)) {
        kerr_clear();
        name_error(name);
    }
    return v;
}

// ---------------------------------------------------------------------------
// Inline caches (code.h KInlineCache): filled on the slow path, checked first.

static KInlineCache *cache_at(KCode *code, int index) {
    if (!code->caches) {
        code->caches = kmem_zalloc((size_t)code->ncode * sizeof(KInlineCache));
        if (!code->caches) {
            return NULL; // no cache: still correct, only slower
        }
        for (int i = 0; i < code->ncode; i++) {
            code->caches[i].index = -1;
        }
    }
    return &code->caches[index];
}

static K_NOINLINE KValue load_global_cached(KFrame *f, int index, KValue name) {
    KValue v = load_global(f->globals, f->builtins, name);
    if (v && kdict_check_exact(f->builtins)) {
        KInlineCache *c = cache_at(f->code, index);
        if (c) {
            c->key = (void *)f->globals;
            c->ver = ((KDict *)f->globals)->version;
            c->ver2 = ((KDict *)f->builtins)->version;
            c->value = v;
        }
    }
    return v;
}

// LOAD_ATTR and STORE_ATTR caches remember two plain types: the last one in
// 'key'/'ver' and the one before in 'value'/'ver2' (unused by these
// instructions otherwise). The entry 'index' is only a hint, checked
// against the name before use, so the two types may share it. For an
// instance keeping its attributes in shared-key values (instdict.h),
// 'index' is the name's slot there, a hint checked the same way against
// the name of that slot in the block's keys.
static inline int attr_cache_hit(const KInlineCache *c, const KType *t) {
    return c->index >= 0 && ((c->key == t && c->ver == t->version) ||
                             ((const KType *)c->value == t && c->ver2 == t->version));
}

// Makes 't' the cache's newest type, keeping the previous one as the second
// (unless it was a __slots__ member, whose index cannot be shared).
static void attr_cache_push(KInlineCache *c, KType *t, ssize_t index) {
    if (c->key != t) {
        c->value = c->index < -1 ? KV_NULL : kval_of(c->key);
        c->ver2 = c->ver;
    }
    c->key = t;
    c->ver = t->version;
    c->index = index;
}

// After a generic attribute load: caches where an instance-dict attribute sits.
// Caches the __slots__ member 'descr' of 't' found by a generic access, if it is one.
static void slot_cache_fill(KFrame *f, int index, KType *t, KValue descr, int store) {
    ssize_t off = keval_slot_offset(t, descr, store);
    KInlineCache *c = off >= 0 && t->version ? cache_at(f->code, index) : NULL;
    if (c) {
        c->key = t;
        c->ver = t->version;
        c->value = KV_NULL;
        c->index = -2 - off;
    }
}

// Caches where the instance attribute 'name' of 'obj' (of plain type 't',
// found in no class) sits: its shared-key slot or its dict entry.
static void instance_cache_fill(KFrame *f, int index, KType *t, KValue obj, KValue name) {
    if (t->dictoffset <= 0 || !t->version) {
        return;
    }
    KValue d = *(KValue *)((char *)obj + t->dictoffset);
    ssize_t ix = -1;
    if (d) {
        ix = kdict_str_index(d, name);
    } else if (t->flags & KTF_SHARED_KEYS) {
        KInstValues *iv = *kinstdict_valuesptr(obj, t);
        ix = iv ? kinstdict_index(iv->keys, name) : -1;
    }
    KInlineCache *c = ix >= 0 ? cache_at(f->code, index) : NULL;
    if (c) {
        attr_cache_push(c, t, ix);
    }
}

static K_NOINLINE void attr_cache_fill(KFrame *f, int index, KValue obj, KValue name) {
    if (kval_is_int(obj)) {
        return;
    }
    KType *t = kval_obj(obj)->type;
    if (t->getattro != kobj_generic_getattr || !((KStr *)name)->interned) {
        return;
    }
    KValue descr = ktype_lookup(t, name);
    if (descr) {
        slot_cache_fill(f, index, t, descr, 0);
        return;
    }
    instance_cache_fill(f, index, t, obj, name);
}

static K_NOINLINE void store_cache_fill(KFrame *f, int index, KValue obj, KValue name) {
    if (kval_is_int(obj)) {
        return;
    }
    KType *t = kval_obj(obj)->type;
    if (t->setattro != kobj_generic_setattr || !((KStr *)name)->interned) {
        return;
    }
    KValue descr = ktype_lookup(t, name);
    if (descr) {
        slot_cache_fill(f, index, t, descr, 1);
        return;
    }
    instance_cache_fill(f, index, t, obj, name);
}

// Makes ('t', 'm') LOAD_METHOD's first entry, the previous first its second.
static void method_cache_set(KInlineCache *c, KType *t, KValue m) {
    if (c->key != t && c->value) {
        c->key2 = c->key;
        c->ver2 = c->ver;
        c->value2 = c->value;
    }
    c->key = t;
    c->ver = t->version;
    c->value = m;
}

// After LOAD_METHOD found a method in the type: caches it under the type's version.
static K_NOINLINE void method_cache_fill(KFrame *f, int index, KValue obj, KValue name) {
    KType *t = kval_type(obj);
    if (t->getattro != kobj_generic_getattr || !((KStr *)name)->interned) {
        return;
    }
    KValue m = ktype_lookup(t, name);
    if (!m || !t->version) {
        return;
    }
    KInlineCache *c = cache_at(f->code, index);
    if (c) {
        method_cache_set(c, t, m);
    }
}

// Polymorphic attribute sites (a base-class method running on instances of
// several subclasses) keep missing a cache keyed by one type. When the new
// type is plain (generic getattr/setattr, an instance dict, nothing of that
// name in its MRO, a version tag) the attribute lives in the instance dict
// alone: these helpers serve the miss from there and retarget the cache to
// the new type, at the cost of one method-cache probe instead of a generic
// lookup followed by a refill (a third of the scheduler benchmark's time).

// Whether 't' qualifies as above for 'name'.
static int is_plain_for(KType *t, KValue name, int store) {
    if (store ? t->setattro != kobj_generic_setattr : t->getattro != kobj_generic_getattr) {
        return 0;
    }
    return t->dictoffset > 0 && t->version && ((KStr *)name)->interned && !ktype_lookup(t, name);
}

// The slot of 'name' in the values of 'obj' (type 't', in values mode)
// when it holds a value, else -1.
static ssize_t values_slot(KType *t, KValue obj, KValue name, KInstValues **ivp) {
    if (!(t->flags & KTF_SHARED_KEYS)) {
        return -1;
    }
    KInstValues *iv = *kinstdict_valuesptr(obj, t);
    *ivp = iv;
    ssize_t ix = iv ? kinstdict_index(iv->keys, name) : -1;
    return ix >= 0 && ix < iv->cap && iv->values[ix] ? ix : -1;
}

// The entry index of 'name' in 'd', trying the cached 'hint' first; -1 if absent.
static ssize_t instance_index(KDict *d, ssize_t hint, KValue name) {
    if (hint >= 0 && hint < d->keys->nentries && kdict_keys_entries(d->keys)[hint].key == name) {
        return hint;
    }
    return kdict_str_index(kval_of(d), name);
}

// LOAD_ATTR after a cache miss: the attribute (borrowed) or KV_NULL, with no
// exception set, when the generic path must decide.
static K_NOINLINE KValue load_attr_retarget(KInlineCache *c, KValue obj, KValue name) {
    KType *t = kval_obj(obj)->type;
    if (!is_plain_for(t, name, 0)) {
        return KV_NULL;
    }
    KDict *d = *(KDict **)((char *)obj + t->dictoffset);
    if (!d) {
        KInstValues *iv;
        ssize_t ix = values_slot(t, obj, name, &iv);
        if (ix < 0) {
            return KV_NULL;
        }
        attr_cache_push(c, t, ix);
        return iv->values[ix];
    }
    ssize_t ix = instance_index(d, c->index, name);
    if (ix < 0) {
        return KV_NULL;
    }
    attr_cache_push(c, t, ix);
    return kdict_keys_entries(d->keys)[ix].value;
}

// STORE_ATTR after a cache miss: 1 when 'v' (borrowed) replaced an existing
// instance attribute, 0 when the generic path must decide.
static K_NOINLINE int store_attr_retarget(KInlineCache *c, KValue obj, KValue name, KValue v) {
    KType *t = kval_obj(obj)->type;
    if (!is_plain_for(t, name, 1)) {
        return 0;
    }
    KDict *d = *(KDict **)((char *)obj + t->dictoffset);
    if (!d) {
        KInstValues *iv;
        ssize_t ix = values_slot(t, obj, name, &iv);
        if (ix < 0) {
            return 0;
        }
        attr_cache_push(c, t, ix);
        KValue old = iv->values[ix];
        iv->values[ix] = kval_newref(v);
        kval_decref(old);
        return 1;
    }
    ssize_t ix = instance_index(d, c->index, name);
    if (ix < 0) {
        return 0;
    }
    attr_cache_push(c, t, ix);
    KDictEntry *e = &kdict_keys_entries(d->keys)[ix];
    KValue old = e->value;
    e->value = kval_newref(v);
    kdict_bump_version(kval_of(d));
    kval_decref(old);
    return 1;
}

// LOAD_METHOD after a cache miss: the method descriptor (borrowed) found in
// the MRO of a plain type and not shadowed by the instance dict, else KV_NULL
// (no exception set).
static K_NOINLINE KValue load_method_retarget(KInlineCache *c, KValue obj, KValue name) {
    KType *t = kval_type(obj);
    if (t->getattro != kobj_generic_getattr || !t->version || !((KStr *)name)->interned) {
        return KV_NULL;
    }
    KValue m = ktype_lookup(t, name);
    if (!m || !(kval_type(m)->flags & KTF_METHOD_DESCR)) {
        return KV_NULL;
    }
    if ((t->flags & KTF_SHARED_KEYS) && !*kinstdict_dictptr(obj, t)) {
        if (kinstdict_get(*kinstdict_valuesptr(obj, t), name)) {
            return KV_NULL;
        }
    } else {
        KValue *dp = t->dictoffset ? kobj_dictptr(obj) : NULL;
        if (dp && *dp && kdict_get_str_borrow(*dp, name)) {
            return KV_NULL;
        }
    }
    method_cache_set(c, t, m);
    return m;
}

// STORE_ATTR on a cached plain type 't' whose instance 'obj' has no dict:
// stores 'v' (borrowed) in its values; -1 on error.
static K_NOINLINE int store_values_slow(KInlineCache *c, KValue obj, KType *t, KValue name,
                                        KValue v) {
    KInstValues *iv = *kinstdict_valuesptr(obj, t);
    const KSharedKeys *k = t->shared_keys;
    if (k && (!iv || iv->keys == k) && c->index < k->count && k->names[c->index] == name) {
        return kinstdict_store_at(obj, t, c->index, v); // 'index' is the name's slot
    }
    int r = kinstdict_setattr(obj, t, name, v);
    if (r == 2) {
        r = kdict_set_str(*kinstdict_dictptr(obj, t), name, v);
    }
    return r < 0 ? -1 : 0;
}

static K_NOINLINE KValue load_name(KFrame *f, KValue name) {
    KValue locals = f->locals;
    if (!locals) {
        kerr_format(&kexc_SystemError, "no locals when loading %R", name);
        return KV_NULL;
    }
    KValue v;
    if (kdict_check_exact(locals)) {
        v = kdict_get_str_borrow(locals, name);
        if (v) {
            return kval_newref(v);
        }
    } else {
        v = kobj_getitem(locals, name);
        if (v) {
            return v;
        }
        if (!kerr_matches(&kexc_KeyError)) {
            return KV_NULL;
        }
        kerr_clear();
    }
    return load_global(f->globals, f->builtins, name);
}

static K_NOINLINE int do_raise(KValue exc, KValue cause) {
    KValue value = KV_NULL;
    if (!exc) {
        KValue handled = kerr_handled_borrow();
        if (handled == KV_NONE) {
            kerr_set(&kexc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        kerr_restore(kval_newref(handled));
        return 1;
    }
    if (kexc_is_class(exc)) {
        value = kobj_call0(exc);
        if (!value) {
            goto fail;
        }
        if (!kexc_is_instance(value)) {
            kerr_format(&kexc_TypeError,
                        "calling %R should have returned an instance of BaseException, not %T",
                        exc, value);
            goto fail;
        }
    } else if (kexc_is_instance(exc)) {
        value = kval_newref(exc);
    } else {
        kerr_set(&kexc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        KValue fixed;
        if (kexc_is_class(cause)) {
            fixed = kobj_call0(cause);
            if (!fixed) {
                goto fail;
            }
        } else if (kexc_is_instance(cause)) {
            fixed = kval_newref(cause);
        } else if (cause == KV_NONE) {
            fixed = KV_NULL;
        } else {
            kerr_set(&kexc_TypeError, "exception causes must derive from BaseException");
            goto fail;
        }
        KException *e = (KException *)value;
        kval_setref(&e->cause, fixed);
        e->suppress_context = 1;
    }
    kerr_raise(value);
    kval_decref(value);
    return 0;
fail:
    kval_xdecref(value);
    return 0;
}

static K_NOINLINE int check_except_type(KValue t) {
    if (ktuple_check(t)) {
        for (ssize_t i = 0; i < ktuple_len(t); i++) {
            if (!kexc_is_class(ktuple_items(t)[i])) {
                kerr_set(&kexc_TypeError,
                         "catching classes that do not inherit from BaseException is not allowed");
                return -1;
            }
        }
        return 0;
    }
    if (!kexc_is_class(t)) {
        kerr_set(&kexc_TypeError,
                 "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return 0;
}

// check_except_type, and no exception group class (except* T).
static K_NOINLINE int check_except_star_type(KValue t) {
    if (check_except_type(t) < 0) {
        return -1;
    }
    int n = ktuple_check(t) ? (int)ktuple_len(t) : 1;
    for (int i = 0; i < n; i++) {
        KValue c = ktuple_check(t) ? ktuple_items(t)[i] : t;
        if (ktype_is_subtype((KType *)c, &kexc_BaseExceptionGroup)) {
            kerr_set(&kexc_TypeError,
                     "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

// CHECK_EG_MATCH: 'exc' is split by 'type' into '*match' (None: no match)
// and '*rest'; the match becomes the exception being handled.
static K_NOINLINE int eg_match(KValue exc, KValue type, KValue *match, KValue *rest) {
    if (check_except_star_type(type) < 0 || kexcgroup_match(exc, type, match, rest) < 0) {
        return -1;
    }
    if (*match != KV_NONE) {
        KExcInfo *ei = kstate_ts->exc_info;
        kval_setref(&ei->exc, kval_newref(*match));
    }
    return 0;
}

static K_NOINLINE int unpack_iterable(KValue v, int before, int after, KValue *top) {
    // Fills top[-1], top[-2] ... downwards as UNPACK_SEQUENCE/UNPACK_EX push.
    KValue it = kobj_get_iter(v);
    if (!it) {
        if (kerr_matches(&kexc_TypeError) && !kval_type(v)->iter && !kval_type(v)->getitem) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "cannot unpack non-iterable %s object",
                        ktype_name(kval_type(v)));
        }
        return -1;
    }
    KValue *out = top;
    int i;
    for (i = 0; i < before; i++) {
        KValue w = kobj_iter_next(it);
        if (!w) {
            if (!kerr_occurred()) {
                if (after < 0) {
                    kerr_format(&kexc_ValueError, "not enough values to unpack (expected %d, got %d)",
                                before, i);
                } else {
                    kerr_format(&kexc_ValueError,
                                "not enough values to unpack (expected at least %d, got %d)",
                                before + after, i);
                }
            }
            goto error;
        }
        *--out = w;
    }
    if (after < 0) {
        KValue w = kobj_iter_next(it);
        if (w) {
            kval_decref(w);
            kerr_format(&kexc_ValueError, "too many values to unpack (expected %d)", before);
            goto error;
        }
        if (kerr_occurred()) {
            goto error;
        }
        kval_decref(it);
        return 0;
    }
    KValue l = klist_from_iterable(it);
    if (!l) {
        goto error;
    }
    *--out = l;
    i++;
    ssize_t ll = klist_len(l);
    if (ll < after) {
        kerr_format(&kexc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                    before + after, before + ll);
        goto error;
    }
    for (int j = after; j > 0; j--) {
        *--out = klist_items(l)[ll - j];
    }
    ((KList *)l)->len = ll - after;
    kval_decref(it);
    return 0;
error:
    while (out < top) {
        kval_decref(*out++);
    }
    kval_decref(it);
    return -1;
}

static K_NOINLINE KValue import_name(KFrame *f, KValue name, KValue fromlist, KValue level) {
    KValue import = kdict_get_str_borrow(f->builtins, KID(__import__));
    if (!import) {
        kerr_set(&kexc_ImportError, "__import__ not found");
        return KV_NULL;
    }
    KValue args[5] = {name, f->globals, f->locals ? f->locals : KV_NONE, fromlist, level};
    return kobj_call(import, args, 5, KV_NULL);
}

static K_NOINLINE KValue import_from(KValue mod, KValue name) {
    KValue r;
    int found = kobj_lookup_attr(mod, name, &r);
    if (found > 0) {
        return r;
    }
    if (found < 0) {
        return KV_NULL;
    }
    // A submodule being imported: sys.modules['pkg.name'].
    KValue pkgname;
    if (kobj_lookup_attr(mod, KID(__name__), &pkgname) > 0 && kstr_check(pkgname)) {
        KValue full = kstr_from_format("%U.%U", pkgname, name);
        KValue m = full ? kdict_get_borrow(kruntime.modules, full) : KV_NULL;
        kval_xdecref(full);
        if (m) {
            kval_decref(pkgname);
            return kval_newref(m);
        }
        KValue file = KV_NULL;
        if (kobj_lookup_attr(mod, KID(__file__), &file) > 0 && kfinder_is_initializing(mod)) {
            kerr_format(&kexc_ImportError,
                        "cannot import name '%U' from partially initialized module '%U' (most "
                        "likely due to a circular import) (%S)",
                        name, pkgname, file);
        } else if (file) {
            kerr_format(&kexc_ImportError, "cannot import name '%U' from '%U' (%S)", name, pkgname,
                        file);
        } else {
            kerr_format(&kexc_ImportError, "cannot import name '%U' from '%U' (unknown location)",
                        name, pkgname);
        }
        KValue e = kerr_occurred();
        if (e && kval_type(e) == &kexc_ImportError) {
            // ImportError's name and path attributes, as CPython's import_from.
            kval_setref(&((KImportError *)e)->name, kval_newref(pkgname));
            if (file) {
                kval_setref(&((KImportError *)e)->path, kval_newref(file));
            }
        }
        kval_xdecref(file);
        kval_decref(pkgname);
        return KV_NULL;
    }
    kerr_clear();
    kerr_format(&kexc_ImportError, "cannot import name '%U'", name);
    return KV_NULL;
}

static K_NOINLINE int import_star(KFrame *f, KValue mod) {
    KValue locals = f->locals;
    if (!locals) {
        kerr_set(&kexc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    KValue all;
    int has_all = kobj_lookup_attr(mod, KID(__all__), &all);
    if (has_all < 0) {
        return -1;
    }
    int skip_private = 0;
    if (!has_all) {
        KValue d;
        if (kobj_lookup_attr(mod, KID(__dict__), &d) <= 0) {
            if (!kerr_occurred()) {
                kerr_set(&kexc_ImportError, "from-import-* object has no __dict__ and no __all__");
            }
            return -1;
        }
        all = kdict_check(d) ? kdict_keys_list(d) : klist_from_iterable(d);
        kval_decref(d);
        if (!all) {
            return -1;
        }
        skip_private = 1;
    }
    KValue it = kobj_get_iter(all);
    kval_decref(all);
    if (!it) {
        return -1;
    }
    KValue name;
    int rc = 0;
    while ((name = kobj_iter_next(it))) {
        if (skip_private && kstr_check(name) && kstr_len(name) > 0 &&
            kstr_char((KStr *)name, 0) == '_') {
            kval_decref(name);
            continue;
        }
        KValue v = kobj_getattr(mod, name);
        int r = v ? kobj_setitem(locals, name, v) : -1;
        kval_xdecref(v);
        kval_decref(name);
        if (r < 0) {
            rc = -1;
            break;
        }
    }
    kval_decref(it);
    return rc < 0 || kerr_occurred() ? -1 : 0;
}

static K_NOINLINE KValue with_enter(KValue mgr, KValue *exit_out) {
    int found;
    KValue enter = kobj_lookup_special(mgr, KID(__enter__), &found);
    if (!enter) {
        if (!kerr_occurred()) {
            kerr_format(&kexc_TypeError,
                        "'%s' object does not support the context manager protocol",
                        ktype_name(kval_type(mgr)));
        }
        return KV_NULL;
    }
    KValue exit = kobj_lookup_special(mgr, KID(__exit__), &found);
    if (!exit) {
        if (!kerr_occurred()) {
            kerr_format(&kexc_TypeError,
                        "'%s' object does not support the context manager protocol (missed "
                        "__exit__ method)",
                        ktype_name(kval_type(mgr)));
        }
        kval_decref(enter);
        return KV_NULL;
    }
    KValue r = kobj_call0(enter);
    kval_decref(enter);
    if (!r) {
        kval_decref(exit);
        return KV_NULL;
    }
    *exit_out = exit;
    return r;
}

static K_NOINLINE int dict_merge_call(KValue dict, KValue update, KValue func) {
    if (!kdict_check(update)) {
        KValue keys;
        int r = kobj_lookup_attr(update, KID(keys), &keys);
        if (r < 0) {
            return -1;
        }
        if (r == 0) {
            KValue desc = kobj_func_desc(func);
            if (desc) {
                kerr_format(&kexc_TypeError, "%U argument after ** must be a mapping, not %T",
                            desc, update);
                kval_decref(desc);
            }
            return -1;
        }
        kval_decref(keys);
    }
    if (kdict_merge(dict, update, -1) < 0) {
        if (kerr_matches(&kexc_KeyError)) {
            KValue exc = kerr_fetch();
            KValue args = ((KException *)exc)->args;
            KValue key = args && ktuple_len(args) == 1 ? ktuple_items(args)[0] : KV_NONE;
            KValue desc = kobj_func_desc(func);
            if (desc) {
                if (kstr_check(key)) {
                    kerr_format(&kexc_TypeError, "%U got multiple values for keyword argument '%U'",
                                desc, key);
                } else {
                    kerr_set(&kexc_TypeError, "keywords must be strings");
                }
                kval_decref(desc);
            }
            kval_decref(exc);
        }
        return -1;
    }
    return 0;
}

static K_NOINLINE KValue call_function_ex(KValue func, KValue callargs, KValue kwargs) {
    KValue args = callargs;
    if (!ktuple_check_exact(callargs)) {
        if (!kval_type(callargs)->iter && !kval_type(callargs)->getitem) {
            KValue desc = kobj_func_desc(func);
            if (desc) {
                kerr_format(&kexc_TypeError, "%U argument after * must be an iterable, not %T",
                            desc, callargs);
                kval_decref(desc);
            }
            return KV_NULL;
        }
        args = ktuple_from_iterable(callargs);
        if (!args) {
            return KV_NULL;
        }
    } else {
        kval_incref(args);
    }
    KValue kw = KV_NULL;
    if (kwargs && !kdict_check_exact(kwargs)) {
        kw = kdict_new();
        if (!kw || dict_merge_call(kw, kwargs, func) < 0) {
            kval_xdecref(kw);
            kval_decref(args);
            return KV_NULL;
        }
    } else if (kwargs) {
        kw = kval_newref(kwargs);
    }
    KValue r = kobj_call_tuple(func, args, kw);
    kval_decref(args);
    kval_xdecref(kw);
    return r;
}

// 1 when MAKE_FUNCTION's operands have the types the function object and
// its calls rely on (only a crafted cache can break this; the verifier
// proves the stack, not the types): a code object, a tuple of exactly its
// free variables' cells, tuple defaults and annotations, dict kwdefaults.
static int function_parts_ok(KValue code, int flags, KValue *sp) {
    if (!kcode_check(code)) {
        return 0;
    }
    const KCode *c = (const KCode *)code;
    KValue closure = (flags & KF_MAKE_CLOSURE) ? *--sp : KV_NULL;
    if (closure ? !ktuple_check(closure) || ktuple_len(closure) != c->nfree : c->nfree != 0) {
        return 0;
    }
    for (ssize_t i = 0; closure && i < ktuple_len(closure); i++) {
        KValue cell = ktuple_items(closure)[i];
        if (kval_is_int(cell) || kval_obj(cell)->type != &kcell_type) {
            return 0;
        }
    }
    if ((flags & KF_MAKE_ANNOTATIONS) && !ktuple_check(*--sp)) {
        return 0;
    }
    if ((flags & KF_MAKE_KWDEFAULTS) && !kdict_check(*--sp)) {
        return 0;
    }
    return !(flags & KF_MAKE_DEFAULTS) || ktuple_check(*--sp);
}

static K_NOINLINE KValue make_function(KValue code, KFrame *f, int flags, KValue *sp) {
    if (!function_parts_ok(code, flags, sp)) {
        kerr_set(&kexc_SystemError, "MAKE_FUNCTION: operands of the wrong type");
        return KV_NULL;
    }
    KValue func = kfunc_new(code, f->globals, KV_NULL);
    if (!func) {
        return KV_NULL;
    }
    KFunction *fn = (KFunction *)func;
    if (flags & KF_MAKE_CLOSURE) {
        fn->closure = *--sp;
    }
    if (flags & KF_MAKE_ANNOTATIONS) {
        fn->annotations = *--sp;
    }
    if (flags & KF_MAKE_KWDEFAULTS) {
        fn->kwdefaults = *--sp;
    }
    if (flags & KF_MAKE_DEFAULTS) {
        fn->defaults = *--sp;
    }
    return func;
}

static K_NOINLINE KValue build_map(KValue *items, int n) {
    KValue d = kdict_new();
    if (!d) {
        return KV_NULL;
    }
    for (int i = 0; i < n; i++) {
        if (kdict_set(d, items[2 * i], items[2 * i + 1]) < 0) {
            kval_decref(d);
            return KV_NULL;
        }
    }
    return d;
}

static K_NOINLINE KValue build_string(KValue *items, int n) {
    KStrBuilder b;
    kstr_builder_init(&b);
    for (int i = 0; i < n; i++) {
        kstr_builder_str(&b, items[i]);
    }
    return kstr_builder_finish(&b);
}

// COMPARE_OP on two exact strs: equality by length, hash and bytes, order
// by code points.
static inline int compare_str(KValue a, KValue b, int op) {
    if (op == KF_CMP_EQ) {
        return kstr_eq(a, b);
    }
    if (op == KF_CMP_NE) {
        return !kstr_eq(a, b);
    }
    int c = a == b ? 0 : kstr_compare(a, b);
    return op == KF_CMP_LT ? c < 0 : op == KF_CMP_LE ? c <= 0 : op == KF_CMP_GT ? c > 0 : c >= 0;
}

static K_NOINLINE KValue binary_subscr_slow(KValue c, KValue k) {
    return kobj_getitem(c, k);
}

static K_NOINLINE int list_extend_op(KValue list, KValue iterable) {
    if (klist_extend(list, iterable) < 0) {
        if (kerr_matches(&kexc_TypeError) && !kval_type(iterable)->iter &&
            !kval_type(iterable)->getitem) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "Value after * must be an iterable, not %s",
                        ktype_name(kval_type(iterable)));
        }
        return -1;
    }
    return 0;
}

// The print of a value in interactive mode.
static K_NOINLINE int print_expr(KValue v) {
    KValue hook = kdict_get_cstr_borrow(kruntime.sys_dict, "displayhook");
    if (!hook) {
        kerr_set(&kexc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    KValue r = kobj_call1(hook, v);
    if (!r) {
        return -1;
    }
    kval_decref(r);
    return 0;
}

static K_NOINLINE int setup_annotations(KFrame *f) {
    if (!f->locals) {
        kerr_set(&kexc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    if (kdict_check_exact(f->locals)) {
        if (kdict_get_str_borrow(f->locals, KID(__annotations__))) {
            return 0;
        }
        KValue d = kdict_new();
        int r = d ? kdict_set(f->locals, KID(__annotations__), d) : -1;
        kval_xdecref(d);
        return r;
    }
    KValue v = kobj_getitem(f->locals, KID(__annotations__));
    if (v) {
        kval_decref(v);
        return 0;
    }
    if (!kerr_matches(&kexc_KeyError)) {
        return -1;
    }
    kerr_clear();
    KValue d = kdict_new();
    int r = d ? kobj_setitem(f->locals, KID(__annotations__), d) : -1;
    kval_xdecref(d);
    return r;
}

// Raises SystemError for instruction 'op' given a stack value of a kind it
// cannot use. The verifier proves stack depths and where NULLs go, not the
// types of values: a crafted cache can hand an instruction that trusts the
// compiler's patterns (an exception where a handler left one) something
// else, and gets this instead of a crash.
static K_NOINLINE void bad_stack_value(const char *op) {
    kerr_format(&kexc_SystemError, "bad bytecode: %s given a value of the wrong kind", op);
}

int kmatch_class(KValue subject, KValue type, int nargs, KValue kwargs, KValue *result);
int kmatch_keys(KValue map, KValue keys, KValue *result);
int kmatch_is_mapping(KValue v);
int kmatch_is_sequence(KValue v);

// ---------------------------------------------------------------------------
// The loop.

#if defined(KV_SWITCH_DISPATCH) && KV_SWITCH_DISPATCH
#define USE_COMPUTED_GOTO 0
#else
#define USE_COMPUTED_GOTO 1
#endif

KValue keval_frame(KThreadState *ts, KFrame *frame, int throwflag) {
    KCode *code;
    uint32_t *ip;
    KValue *sp;
    KValue *localsplus;
    KValue *consts;
    KValue *names;
    uint32_t word;
    int oparg;
    KValue kwnames = KV_NULL;
    KValue retval = KV_NULL;
    KFrame *new_frame;

#if USE_COMPUTED_GOTO
#define KV_TARGET_ADDR(name, arg, in, pop, effect, jump) [KF_OP_##name] = &&TARGET_##name,
    static void *targets[256] = {KF_OPCODES(KV_TARGET_ADDR)};
#undef KV_TARGET_ADDR
#define TARGET(op)                                                                               \
    TARGET_##op:                                                                                 \
    case KF_OP_##op:
// Every entry of 'targets' is set (unused opcodes point at unknown_opcode,
// filled in on the first call), so dispatch needs no NULL test.
#ifdef KV_FUZZ_BUDGET
// Fuzzing builds: every instruction takes a step of the budget (any jump
// may go backward, so loops are not only JUMP_BACKWARD).
#define DISPATCH()                                                                               \
    do {                                                                                         \
        if (K_UNLIKELY(keval_fuzz_budget <= 0)) {                                                \
            goto fuzz_spent;                                                                     \
        }                                                                                        \
        keval_fuzz_budget--;                                                                     \
        frame->ip = ip + 1;                                                                      \
        word = *ip++;                                                                            \
        oparg = (int)(word >> 8);                                                                \
        goto *targets[word & 0xFF];                                                              \
    } while (0)
#else
#define DISPATCH()                                                                               \
    do {                                                                                         \
        frame->ip = ip + 1;                                                                      \
        word = *ip++;                                                                            \
        oparg = (int)(word >> 8);                                                                \
        goto *targets[word & 0xFF];                                                              \
    } while (0)
#endif
#else
#define TARGET(op) case KF_OP_##op:
#define DISPATCH() goto dispatch
#endif

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define GETLOCAL(i) (localsplus[i])
#define SETLOCAL(i, v)                                                                           \
    do {                                                                                         \
        KValue old_ = localsplus[i];                                                             \
        localsplus[i] = (v);                                                                     \
        kval_xdecref(old_);                                                                      \
    } while (0)
#define JUMPTO(target) (ip = code->code + (target))
#define LOAD_FRAME()                                                                             \
    do {                                                                                         \
        code = frame->code;                                                                      \
        ip = frame->ip;                                                                          \
        sp = frame->sp;                                                                          \
        localsplus = frame->localsplus;                                                          \
        consts = code->consts;                                                                   \
        names = code->names;                                                                     \
    } while (0)
#define SAVE_SP() (frame->sp = sp)
// Lets another thread have the GIL when one asked (vm/gil.h) and runs the
// Python handlers of signals that arrived (vm/modules/_signal.c),
// at backward jumps and taken conditional jumps: the points where CPython's
// eval breaker is tested, so a loop cannot hold a handler off for ever.
#define CHECK_SIGNALS()                                                                          \
    do {                                                                                         \
        if (K_UNLIKELY(ksignal_pending)) {                                                       \
            SAVE_SP();                                                                           \
            kgil_yield_if_asked();                                                               \
            if (ksignal_run_pending() < 0) {                                                     \
                goto error;                                                                      \
            }                                                                                    \
        }                                                                                        \
    } while (0)

// After a comparison whose operands are popped and whose result 'r' (0 or 1)
// is not yet pushed: when the next instruction is POP_JUMP_IF_FALSE/TRUE,
// runs it here without making the bool (CPython's COMPARE_OP_*_JUMP).
#define FUSED_COND_JUMP(r)                                                                       \
    do {                                                                                         \
        uint32_t next_ = *ip;                                                                    \
        int jop_ = (int)(next_ & 0xFF);                                                          \
        if (jop_ == KF_OP_POP_JUMP_IF_FALSE || jop_ == KF_OP_POP_JUMP_IF_TRUE) {                 \
            frame->ip = ++ip;                                                                    \
            if ((jop_ == KF_OP_POP_JUMP_IF_TRUE) == (r)) {                                       \
                CHECK_SIGNALS();                                                                 \
                JUMPTO(next_ >> 8);                                                              \
            }                                                                                    \
            DISPATCH();                                                                          \
        }                                                                                        \
    } while (0)

#if USE_COMPUTED_GOTO
    static int targets_filled;
    if (K_UNLIKELY(!targets_filled)) {
        for (int i = 0; i < 256; i++) {
            if (!targets[i]) {
                targets[i] = &&unknown_opcode;
            }
        }
        targets_filled = 1;
    }
#endif
    frame->is_entry = 1;
    if (++ts->depth > ts->recursion_limit && kstate_enter_check_py(ts) < 0) {
        ts->frame = frame->previous;
        ts->depth--;
        if (frame->owner == KFRAME_OWNED_BY_THREAD) {
            kframe_pop(ts, frame);
        }
        return KV_NULL;
    }
    LOAD_FRAME();
    if (throwflag) {
        goto error; // as a raise at the yield: the traceback gets this frame
    }

#if USE_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    frame->ip = ip + 1;
    word = *ip++;
    oparg = (int)(word >> 8);
#endif
    switch (word & 0xFF) {

        TARGET(NOP) {
            DISPATCH();
        }

        TARGET(POP_TOP) {
            KValue v = POP();
            kval_decref(v);
            DISPATCH();
        }

        TARGET(COPY) {
            KValue v = PEEK(oparg);
            PUSH(kval_newref(v));
            DISPATCH();
        }

        TARGET(SWAP) {
            KValue t = TOP();
            SET_TOP(PEEK(oparg));
            PEEK(oparg) = t;
            DISPATCH();
        }

        TARGET(PUSH_NULL) {
            PUSH(KV_NULL);
            DISPATCH();
        }

        TARGET(LOAD_CONST) {
            KValue v = consts[oparg];
            if (K_UNLIKELY(!v) && !(v = kcode_const_slow(code, oparg))) {
                goto error; // a cache's constant, made on first load (code_image.c)
            }
            kval_incref(v);
            PUSH(v);
            DISPATCH();
        }

        TARGET(LOAD_FAST) {
            KValue v = GETLOCAL(oparg);
            if (K_UNLIKELY(!v)) {
                unbound_local(code, oparg);
                goto error;
            }
            kval_incref(v);
            PUSH(v);
            // LOAD_FAST LOAD_FAST, the commonest pair: the second one here,
            // without a dispatch (CPython's LOAD_FAST__LOAD_FAST).
            word = *ip;
            if ((word & 0xFF) == KF_OP_LOAD_FAST) {
                oparg = (int)(word >> 8);
                v = GETLOCAL(oparg);
                if (K_LIKELY(v != KV_NULL)) {
                    frame->ip = ++ip;
                    kval_incref(v);
                    PUSH(v);
                }
            }
            DISPATCH();
        }

        TARGET(STORE_FAST) {
            KValue v = POP();
            SETLOCAL(oparg, v);
            DISPATCH();
        }

        TARGET(DELETE_FAST) {
            KValue v = GETLOCAL(oparg);
            if (!v) {
                unbound_local(code, oparg);
                goto error;
            }
            SETLOCAL(oparg, KV_NULL);
            DISPATCH();
        }

        TARGET(LOAD_NAME) {
            SAVE_SP();
            KValue v = load_name(frame, names[oparg]);
            if (!v) {
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_NAME) {
            KValue name = names[oparg];
            KValue v = POP();
            KValue locals = frame->locals;
            int r;
            if (!locals) {
                kerr_format(&kexc_SystemError, "no locals found when storing %R", name);
                kval_decref(v);
                goto error;
            }
            SAVE_SP();
            if (!kdict_check_exact(locals)) {
                r = kobj_setitem(locals, name, v);
            } else if (kstr_check_exact(name)) { // co_names are; code.replace's may not be
                r = kdict_set_str(locals, name, v);
            } else {
                r = kdict_set(locals, name, v);
            }
            kval_decref(v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_NAME) {
            KValue name = names[oparg];
            KValue locals = frame->locals;
            if (!locals) {
                kerr_format(&kexc_SystemError, "no locals when deleting %R", name);
                goto error;
            }
            int r = kobj_delitem(locals, name);
            if (r < 0) {
                if (kerr_matches(&kexc_KeyError)) {
                    kerr_clear();
                    name_error(name);
                }
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_GLOBAL) {
            KValue v;
            KInlineCache *c = code->caches ? &code->caches[ip - code->code - 1] : NULL;
            KDict *g = (KDict *)frame->globals, *b = (KDict *)frame->builtins;
            if (c && c->key == g && c->ver == g->version && c->ver2 == b->version) {
                v = c->value;
                kval_incref(v);
            } else {
                SAVE_SP();
                v = load_global_cached(frame, (int)(ip - code->code - 1), names[oparg >> 1]);
                if (!v) {
                    goto error;
                }
            }
            if (oparg & 1) {
                PUSH(KV_NULL);
            }
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_GLOBAL) {
            KValue v = POP();
            SAVE_SP();
            int r = kdict_set(frame->globals, names[oparg], v);
            kval_decref(v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_GLOBAL) {
            int r = kdict_discard(frame->globals, names[oparg]);
            if (r <= 0) {
                if (r == 0) {
                    name_error(names[oparg]);
                }
                goto error;
            }
            DISPATCH();
        }

        TARGET(MAKE_CELL) {
            KValue init = GETLOCAL(oparg);
            KValue cell = kcell_new(init);
            if (!cell) {
                goto error;
            }
            SETLOCAL(oparg, cell);
            DISPATCH();
        }

        TARGET(LOAD_CLOSURE) {
            KValue cell = GETLOCAL(oparg);
            if (!cell) {
                unbound_deref(code, oparg);
                goto error;
            }
            PUSH(kval_newref(cell));
            DISPATCH();
        }

        TARGET(LOAD_DEREF) {
            KValue v = ((KCell *)GETLOCAL(oparg))->ref;
            if (!v) {
                unbound_deref(code, oparg);
                goto error;
            }
            PUSH(kval_newref(v));
            DISPATCH();
        }

        TARGET(LOAD_CLASSDEREF) {
            KValue name = ktuple_items(code->localsplusnames)[oparg];
            KValue locals = frame->locals;
            KValue v = KV_NULL;
            if (locals) {
                if (kdict_check_exact(locals)) {
                    v = kdict_get_str_borrow(locals, name);
                    kval_xincref(v);
                } else {
                    v = kobj_getitem(locals, name);
                    if (!v) {
                        if (!kerr_matches(&kexc_KeyError)) {
                            goto error;
                        }
                        kerr_clear();
                    }
                }
            }
            if (!v) {
                v = ((KCell *)GETLOCAL(oparg))->ref;
                if (!v) {
                    unbound_deref(code, oparg);
                    goto error;
                }
                kval_incref(v);
            }
            PUSH(v);
            DISPATCH();
        }

        TARGET(STORE_DEREF) {
            KValue v = POP();
            KCell *cell = (KCell *)GETLOCAL(oparg);
            KValue old = cell->ref;
            cell->ref = v;
            kval_xdecref(old);
            DISPATCH();
        }

        TARGET(DELETE_DEREF) {
            KCell *cell = (KCell *)GETLOCAL(oparg);
            KValue old = cell->ref;
            if (!old) {
                unbound_deref(code, oparg);
                goto error;
            }
            cell->ref = KV_NULL;
            kval_decref(old);
            DISPATCH();
        }

        TARGET(COPY_FREE_VARS) {
            KValue closure = ((KFunction *)frame->func)->closure;
            int offset = code->nlocalsplus - oparg;
            for (int i = 0; i < oparg; i++) {
                localsplus[offset + i] = kval_newref(ktuple_items(closure)[i]);
            }
            DISPATCH();
        }

        TARGET(LOAD_ATTR) {
            KValue owner = TOP();
            KValue res;
            if (!kval_is_int(owner) && code->caches) {
                KInlineCache *c = &code->caches[ip - code->code - 1];
                KType *t = kval_obj(owner)->type;
                if (attr_cache_hit(c, t)) {
                    // The type has no attribute of this name: only the instance dict counts.
                    KDict *d = *(KDict **)((char *)owner + t->dictoffset);
                    if (!d && (t->flags & KTF_SHARED_KEYS)) {
                        // Values: the cached slot, if it is this name's, is a read.
                        KInstValues *iv = *kinstdict_valuesptr(owner, t);
                        if (iv) {
                            KValue v = kinstdict_slot_is(iv, c->index, names[oparg])
                                           ? iv->values[c->index]
                                           : kinstdict_get(iv, names[oparg]);
                            if (v) {
                                SET_TOP(kval_newref(v));
                                kval_decref(owner);
                                DISPATCH();
                            }
                        }
                    } else if (d) {
                        KValue v = KV_NULL;
                        if (c->index < d->keys->nentries) {
                            KDictEntry *e = &kdict_keys_entries(d->keys)[c->index];
                            if (e->key == names[oparg]) {
                                v = e->value;
                            }
                        }
                        if (!v) {
                            v = kdict_get_str_borrow(kval_of(d), names[oparg]);
                        }
                        if (v) {
                            SET_TOP(kval_newref(v));
                            kval_decref(owner);
                            DISPATCH();
                        }
                    }
                } else if (c->index < -1) {
                    // A __slots__ member (a data descriptor: the dict does not count).
                    KValue v = KV_NULL;
                    if (c->key == t && c->ver == t->version) {
                        v = *(KValue *)((char *)owner + (-2 - c->index));
                    }
                    if (v) {
                        SET_TOP(kval_newref(v));
                        kval_decref(owner);
                        DISPATCH();
                    }
                } else if (c->index >= 0) {
                    KValue v = load_attr_retarget(c, owner, names[oparg]);
                    if (v) {
                        SET_TOP(kval_newref(v));
                        kval_decref(owner);
                        DISPATCH();
                    }
                }
            }
            SAVE_SP();
            res = kobj_getattr(owner, names[oparg]);
            if (!res) {
                goto error;
            }
            attr_cache_fill(frame, (int)(ip - code->code - 1), owner, names[oparg]);
            SET_TOP(res);
            kval_decref(owner);
            DISPATCH();
        }

        TARGET(STORE_ATTR) {
            KValue owner = TOP();
            KValue v = SECOND();
            sp -= 2;
            if (!kval_is_int(owner) && code->caches) {
                KInlineCache *c = &code->caches[ip - code->code - 1];
                KType *t = kval_obj(owner)->type;
                if (attr_cache_hit(c, t)) {
                    // No descriptor in the type: the value goes to the instance dict.
                    KDict **dp = (KDict **)((char *)owner + t->dictoffset);
                    KDict *d = *dp;
                    if (!d && (t->flags & KTF_SHARED_KEYS)) {
                        KInstValues *iv = *kinstdict_valuesptr(owner, t);
                        if (iv && kinstdict_slot_is(iv, c->index, names[oparg])) {
                            // 'v' moves from the stack into the slot.
                            KValue old = iv->values[c->index];
                            iv->values[c->index] = v;
                            if (old) {
                                kval_decref(old);
                            } else {
                                kinstdict_order(iv)[iv->len++] = (uint8_t)c->index;
                            }
                            kval_decref(owner);
                            DISPATCH();
                        }
                        SAVE_SP();
                        int r = store_values_slow(c, owner, t, names[oparg], v);
                        kval_decref(v);
                        kval_decref(owner);
                        if (r < 0) {
                            goto error;
                        }
                        DISPATCH();
                    }
                    if (d && c->index < d->keys->nentries) {
                        KDictEntry *e = &kdict_keys_entries(d->keys)[c->index];
                        if (e->key == names[oparg]) {
                            KValue old = e->value;
                            e->value = v;
                            kdict_bump_version(kval_of(d));
                            kval_decref(old);
                            kval_decref(owner);
                            DISPATCH();
                        }
                    }
                    if (!d) {
                        d = (KDict *)kdict_new();
                        if (!d) {
                            kval_decref(v);
                            kval_decref(owner);
                            goto error;
                        }
                        *dp = d;
                    }
                    SAVE_SP();
                    int r = kdict_set_str(kval_of(d), names[oparg], v);
                    kval_decref(v);
                    kval_decref(owner);
                    if (r < 0) {
                        goto error;
                    }
                    DISPATCH();
                } else if (c->index < -1 && c->key == t && c->ver == t->version) {
                    KValue *slot = (KValue *)((char *)owner + (-2 - c->index));
                    KValue old = *slot;
                    *slot = v;
                    kval_xdecref(old);
                    kval_decref(owner);
                    DISPATCH();
                } else if (c->index >= 0 && store_attr_retarget(c, owner, names[oparg], v)) {
                    kval_decref(v);
                    kval_decref(owner);
                    DISPATCH();
                }
            }
            SAVE_SP();
            int r = kobj_setattr(owner, names[oparg], v);
            kval_decref(v);
            if (r < 0) {
                kval_decref(owner);
                goto error;
            }
            store_cache_fill(frame, (int)(ip - code->code - 1), owner, names[oparg]);
            kval_decref(owner);
            DISPATCH();
        }

        TARGET(DELETE_ATTR) {
            KValue owner = POP();
            SAVE_SP();
            int r = kobj_delattr(owner, names[oparg]);
            kval_decref(owner);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_METHOD) {
            KValue obj = TOP();
            KValue meth;
            if (code->caches) {
                KInlineCache *c = &code->caches[ip - code->code - 1];
                KType *t = kval_type(obj);
                KValue m = KV_NULL;
                if (c->key == t && c->ver == t->version) {
                    m = c->value;
                } else if (c->key2 == t && c->ver2 == t->version) {
                    m = c->value2;
                }
                if (m) {
                    KValue *dp = t->dictoffset > 0 && !(t->flags & KTF_TYPE_SUBCLASS)
                                     ? (KValue *)((char *)obj + t->dictoffset)
                                 : t->dictoffset ? kobj_dictptr(obj)
                                                 : NULL;
                    // The instance must not shadow the method.
                    int shadowed = 0;
                    if (dp && *dp) {
                        shadowed = kdict_str_index(*dp, names[oparg]) >= 0;
                    } else if (dp && (t->flags & KTF_SHARED_KEYS)) {
                        KInstValues *iv = ((KInstValues **)dp)[1];
                        shadowed = iv && kinstdict_may_have(iv->keys, names[oparg]) &&
                                   kinstdict_get(iv, names[oparg]);
                    }
                    if (!shadowed) {
                        SET_TOP(kval_newref(m));
                        PUSH(obj);
                        DISPATCH();
                    }
                } else if (c->value) {
                    m = load_method_retarget(c, obj, names[oparg]);
                    if (m) {
                        SET_TOP(kval_newref(m));
                        PUSH(obj);
                        DISPATCH();
                    }
                }
            }
            SAVE_SP();
            int unbound = kobj_get_method(obj, names[oparg], &meth);
            if (unbound < 0) {
                goto error;
            }
            if (unbound) {
                method_cache_fill(frame, (int)(ip - code->code - 1), obj, names[oparg]);
                SET_TOP(meth);
                PUSH(obj);
            } else {
                SET_TOP(KV_NULL);
                kval_decref(obj);
                PUSH(meth);
            }
            DISPATCH();
        }

        TARGET(BINARY_OP) {
            KValue rhs = TOP();
            KValue lhs = SECOND();
            KValue res;
            int base = oparg >= KF_BINOP_INPLACE ? oparg - KF_BINOP_INPLACE : oparg;
            double a, b, d;
            if (kval_is_int(lhs) && kval_is_int(rhs)) {
                int k = kfast_int_binop(lhs, rhs, base, &res, &d);
                if (k == 1) {
                    sp--;
                    SET_TOP(res);
                    DISPATCH();
                }
                if (k == 2) {
                    if (!(res = kfloat_new(d))) {
                        goto error;
                    }
                    sp--;
                    SET_TOP(res);
                    DISPATCH();
                }
            } else if (kfast_as_double(lhs, &a) && kfast_as_double(rhs, &b) &&
                       kfast_float_binop(a, b, base, &d)) {
                // An operand only the stack holds is reused for the result.
                if (!kval_is_int(lhs) && kval_obj(lhs)->refcnt == 1) {
                    ((KFloat *)lhs)->value = d;
                    sp--;
                    SET_TOP(lhs);
                    kval_decref(rhs);
                    DISPATCH();
                }
                if (!kval_is_int(rhs) && kval_obj(rhs)->refcnt == 1) {
                    ((KFloat *)rhs)->value = d;
                    sp--;
                    SET_TOP(rhs);
                    kval_decref(lhs);
                    DISPATCH();
                }
                if (!(res = kfloat_new(d))) {
                    goto error;
                }
                sp--;
                SET_TOP(res);
                kval_decref(lhs);
                kval_decref(rhs);
                DISPATCH();
            }
            SAVE_SP();
            if (!kval_is_int(lhs) && (kval_obj(lhs)->type->flags & KTF_HEAPTYPE)) {
                int failed;
                new_frame = keval_binop_frame(ts, lhs, rhs, oparg, cache_at(code, (int)(ip - code->code - 1)),
                                              &failed);
                if (new_frame) {
                    goto enter_new_frame; // RETURN_VALUE finishes (KFRAME_RET_BINOP)
                }
                if (failed) {
                    goto error;
                }
            }
            if (oparg == KF_BINOP_ADD + KF_BINOP_INPLACE && (*ip & 0xFF) == KF_OP_STORE_FAST &&
                localsplus[*ip >> 8] == lhs && kstr_can_append(lhs, rhs)) {
                // 's += x' into a local: it lets go first and the str grows in place.
                localsplus[*ip >> 8] = KV_NULL;
                kval_decref(lhs);
                lhs = res = kstr_append_inplace(lhs, rhs);
                kval_xincref(res);
            } else {
                res = knum_binop(lhs, rhs, oparg);
            }
            if (!res) {
                goto error;
            }
            sp--;
            SET_TOP(res);
            kval_decref(lhs);
            kval_decref(rhs);
            DISPATCH();
        }

        TARGET(UNARY_POSITIVE) {
            KValue v = TOP();
            SAVE_SP();
            KValue r = knum_positive(v);
            if (!r) {
                goto error;
            }
            SET_TOP(r);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(UNARY_NEGATIVE) {
            KValue v = TOP();
            KValue r;
            if (kval_is_int(v) && kval_int(v) != KV_SMALL_MIN) {
                r = kval_from_int(-kval_int(v));
            } else {
                SAVE_SP();
                r = knum_negative(v);
                if (!r) {
                    goto error;
                }
            }
            SET_TOP(r);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(UNARY_NOT) {
            KValue v = TOP();
            int t = kobj_is_true(v);
            if (t < 0) {
                goto error;
            }
            SET_TOP(kbool_from(!t));
            kval_decref(v);
            DISPATCH();
        }

        TARGET(UNARY_INVERT) {
            KValue v = TOP();
            SAVE_SP();
            KValue r = knum_invert(v);
            if (!r) {
                goto error;
            }
            SET_TOP(r);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(COMPARE_OP) {
            KValue rhs = TOP();
            KValue lhs = SECOND();
            KValue res;
            if (kval_is_int(lhs) && kval_is_int(rhs)) {
                int r = kfast_cmp_int((intptr_t)lhs, (intptr_t)rhs, oparg);
                sp -= 2;
                FUSED_COND_JUMP(r);
                PUSH(kbool_from(r));
                DISPATCH();
            }
            if (!kval_is_int(lhs) && !kval_is_int(rhs) &&
                kval_obj(lhs)->type == kval_obj(rhs)->type) {
                // Exact str and float operands: no richcompare dispatch, no
                // recursion check (their comparisons run no Python code).
                KType *t = kval_obj(lhs)->type;
                int r = -1;
                if (t == &kstr_type) {
                    r = compare_str(lhs, rhs, oparg);
                } else if (t == &kfloat_type) {
                    r = kfast_cmp_float(kfloat_value(lhs), kfloat_value(rhs), oparg);
                }
                if (r >= 0) {
                    sp -= 2;
                    kval_decref(lhs);
                    kval_decref(rhs);
                    FUSED_COND_JUMP(r);
                    PUSH(kbool_from(r));
                    DISPATCH();
                }
            } else if (kval_is_int(lhs) != kval_is_int(rhs)) {
                // A float and a small int that a double holds exactly.
                KValue fv = kval_is_int(lhs) ? rhs : lhs;
                intptr_t i = kval_int(kval_is_int(lhs) ? lhs : rhs);
                if (kval_obj(fv)->type == &kfloat_type && i <= ((intptr_t)1 << DBL_MANT_DIG) &&
                    i >= -((intptr_t)1 << DBL_MANT_DIG)) {
                    int r = kval_is_int(lhs) ? kfast_cmp_float((double)i, kfloat_value(rhs), oparg)
                                             : kfast_cmp_float(kfloat_value(lhs), (double)i, oparg);
                    sp -= 2;
                    kval_decref(fv);
                    FUSED_COND_JUMP(r);
                    PUSH(kbool_from(r));
                    DISPATCH();
                }
            }
            SAVE_SP();
            res = kobj_richcompare(lhs, rhs, oparg);
            if (!res) {
                goto error;
            }
            sp--;
            SET_TOP(res);
            kval_decref(lhs);
            kval_decref(rhs);
            DISPATCH();
        }

        TARGET(IS_OP) {
            KValue rhs = POP();
            KValue lhs = TOP();
            int r = (lhs == rhs) ^ oparg;
            SET_TOP(kbool_from(r));
            kval_decref(lhs);
            kval_decref(rhs);
            DISPATCH();
        }

        TARGET(CONTAINS_OP) {
            KValue container = TOP();
            KValue item = SECOND();
            SAVE_SP();
            int r = kobj_contains(container, item);
            if (r < 0) {
                goto error;
            }
            sp--;
            SET_TOP(kbool_from(r ^ oparg));
            kval_decref(container);
            kval_decref(item);
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR) {
            KValue key = TOP();
            KValue c = SECOND();
            KValue res;
            if (kval_is_int(key) && !kval_is_int(c)) {
                KType *t = kval_obj(c)->type;
                intptr_t i = kval_int(key);
                if (t == &klist_type) {
                    ssize_t n = klist_len(c);
                    if (i < 0) {
                        i += n;
                    }
                    if ((size_t)i < (size_t)n) {
                        res = kval_newref(klist_items(c)[i]);
                        sp--;
                        SET_TOP(res);
                        kval_decref(c);
                        DISPATCH();
                    }
                } else if (t == &ktuple_type) {
                    ssize_t n = ktuple_len(c);
                    if (i < 0) {
                        i += n;
                    }
                    if ((size_t)i < (size_t)n) {
                        res = kval_newref(ktuple_items(c)[i]);
                        sp--;
                        SET_TOP(res);
                        kval_decref(c);
                        DISPATCH();
                    }
                } else if (t == &kstr_type) {
                    ssize_t n = ((KStr *)c)->len;
                    if (i < 0) {
                        i += n;
                    }
                    if ((size_t)i < (size_t)n) {
                        // One-character strings below 256 are shared: no allocation.
                        SAVE_SP();
                        res = kstr_from_char(kstr_char((KStr *)c, i));
                        if (!res) {
                            goto error;
                        }
                        sp--;
                        SET_TOP(res);
                        kval_decref(c);
                        DISPATCH();
                    }
                }
            }
            SAVE_SP();
            res = binary_subscr_slow(c, key);
            if (!res) {
                goto error;
            }
            sp--;
            SET_TOP(res);
            kval_decref(c);
            kval_decref(key);
            DISPATCH();
        }

        TARGET(STORE_SUBSCR) {
            KValue key = TOP();
            KValue c = SECOND();
            KValue v = THIRD();
            sp -= 3;
            if (kval_is_int(key) && !kval_is_int(c) && kval_obj(c)->type == &klist_type) {
                intptr_t i = kval_int(key);
                ssize_t n = klist_len(c);
                if (i < 0) {
                    i += n;
                }
                if ((size_t)i < (size_t)n) {
                    KValue old = klist_items(c)[i];
                    klist_items(c)[i] = v;
                    kval_decref(old);
                    kval_decref(c);
                    DISPATCH();
                }
            }
            SAVE_SP();
            int r = kobj_setitem(c, key, v);
            kval_decref(v);
            kval_decref(c);
            kval_decref(key);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_SUBSCR) {
            KValue key = TOP();
            KValue c = SECOND();
            sp -= 2;
            SAVE_SP();
            int r = kobj_delitem(c, key);
            kval_decref(c);
            kval_decref(key);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(BUILD_SLICE) {
            uint32_t next_ = *ip;
            int next_op = (int)(next_ & 0xFF);
            KValue c = PEEK(oparg + 1);
            if ((next_op == KF_OP_BINARY_SUBSCR || next_op == KF_OP_STORE_SUBSCR) &&
                !kval_is_int(c) &&
                (kval_obj(c)->type == &klist_type ||
                 (next_op == KF_OP_BINARY_SUBSCR &&
                  (kval_obj(c)->type == &ktuple_type || kval_obj(c)->type == &kstr_type)))) {
                // x[a:b:c] and x[a:b:c] = v on an exact list, tuple or str
                // with None or small-int bounds: the slice lives on the C
                // stack (its bounds borrowed, nothing can keep it: the
                // type's own slot only reads its indices, and no bound has
                // an __index__ to run).
                KValue step = oparg == 3 ? TOP() : KV_NONE;
                KValue stop = PEEK(oparg - 1);
                KValue start = PEEK(oparg);
                if ((kval_is_int(start) || start == KV_NONE) &&
                    (kval_is_int(stop) || stop == KV_NONE) &&
                    (kval_is_int(step) || step == KV_NONE)) {
                    KSlice tmp = {KOBJ_STATIC_HEAD(&kslice_type), start, stop, step};
                    KType *t = kval_obj(c)->type;
                    frame->ip = ++ip;
                    sp -= oparg + 1;
                    SAVE_SP();
                    if (next_op == KF_OP_BINARY_SUBSCR) {
                        KValue res = t->getitem(c, kval_of(&tmp));
                        kval_decref(c);
                        kval_xdecref(oparg == 3 ? step : KV_NULL);
                        kval_decref(stop);
                        kval_decref(start);
                        if (!res) {
                            goto error;
                        }
                        PUSH(res);
                    } else {
                        KValue v = POP();
                        int r = t->setitem(c, kval_of(&tmp), v);
                        kval_decref(v);
                        kval_decref(c);
                        kval_xdecref(oparg == 3 ? step : KV_NULL);
                        kval_decref(stop);
                        kval_decref(start);
                        if (r < 0) {
                            goto error;
                        }
                    }
                    DISPATCH();
                }
            }
            KValue step = oparg == 3 ? POP() : KV_NULL;
            KValue stop = POP();
            KValue start = TOP();
            KValue s = kslice_new(start, stop, step ? step : KV_NONE);
            kval_decref(start);
            kval_decref(stop);
            kval_xdecref(step);
            SET_TOP(s);
            if (!s) {
                sp--;
                goto error;
            }
            DISPATCH();
        }

        TARGET(BUILD_TUPLE) {
            KValue t = ktuple_new(oparg);
            if (!t) {
                goto error;
            }
            sp -= oparg;
            memcpy(ktuple_items(t), sp, (size_t)oparg * sizeof(KValue));
            PUSH(t);
            DISPATCH();
        }

        TARGET(BUILD_LIST) {
            KValue l = klist_new(oparg);
            if (!l) {
                goto error;
            }
            sp -= oparg;
            if (oparg) { // an empty list has no item array (memcpy needs a pointer)
                memcpy(klist_items(l), sp, (size_t)oparg * sizeof(KValue));
            }
            PUSH(l);
            DISPATCH();
        }

        TARGET(BUILD_SET) {
            KValue s = kset_new(KV_NULL);
            if (!s) {
                goto error;
            }
            int err = 0;
            for (int i = oparg; i > 0; i--) {
                KValue item = PEEK(i);
                if (!err && kset_add(s, item) < 0) {
                    err = 1;
                }
            }
            for (int i = 0; i < oparg; i++) {
                kval_decref(POP());
            }
            if (err) {
                kval_decref(s);
                goto error;
            }
            PUSH(s);
            DISPATCH();
        }

        TARGET(BUILD_MAP) {
            SAVE_SP();
            KValue d = build_map(sp - 2 * oparg, oparg);
            if (!d) {
                goto error;
            }
            for (int i = 0; i < 2 * oparg; i++) {
                kval_decref(POP());
            }
            PUSH(d);
            DISPATCH();
        }

        TARGET(BUILD_CONST_KEY_MAP) {
            KValue keys = TOP();
            if (K_UNLIKELY(!ktuple_check(keys) || ktuple_len(keys) != oparg)) {
                kerr_set(&kexc_SystemError, "BUILD_CONST_KEY_MAP: bad keys tuple");
                goto error;
            }
            KValue d = kdict_new();
            if (!d) {
                goto error;
            }
            SAVE_SP();
            for (int i = 0; i < oparg; i++) {
                if (kdict_set(d, ktuple_items(keys)[i], PEEK(oparg + 1 - i)) < 0) {
                    kval_decref(d);
                    goto error;
                }
            }
            kval_decref(POP());
            for (int i = 0; i < oparg; i++) {
                kval_decref(POP());
            }
            PUSH(d);
            DISPATCH();
        }

        TARGET(BUILD_STRING) {
            KValue s = build_string(sp - oparg, oparg);
            if (!s) {
                goto error;
            }
            for (int i = 0; i < oparg; i++) {
                kval_decref(POP());
            }
            PUSH(s);
            DISPATCH();
        }

        TARGET(LIST_APPEND) {
            KValue v = POP();
            KValue l = PEEK(oparg);
            if (K_UNLIKELY(!klist_check_exact(l))) {
                kval_decref(v);
                bad_stack_value("LIST_APPEND");
                goto error;
            }
            int r = klist_append(l, v);
            kval_decref(v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(SET_ADD) {
            KValue v = POP();
            KValue s = PEEK(oparg);
            SAVE_SP();
            if (K_UNLIKELY(kval_type(s) != &kset_type)) {
                kval_decref(v);
                bad_stack_value("SET_ADD");
                goto error;
            }
            int r = kset_add(s, v);
            kval_decref(v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(MAP_ADD) {
            KValue v = POP();
            KValue k = POP();
            KValue d = PEEK(oparg);
            SAVE_SP();
            if (K_UNLIKELY(!kdict_check_exact(d))) {
                kval_decref(k);
                kval_decref(v);
                bad_stack_value("MAP_ADD");
                goto error;
            }
            int r = kdict_set(d, k, v);
            kval_decref(k);
            kval_decref(v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LIST_EXTEND) {
            KValue it = POP();
            KValue l = PEEK(oparg);
            SAVE_SP();
            if (K_UNLIKELY(!klist_check_exact(l))) {
                kval_decref(it);
                bad_stack_value("LIST_EXTEND");
                goto error;
            }
            int r = list_extend_op(l, it);
            kval_decref(it);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(SET_UPDATE) {
            KValue it = POP();
            KValue s = PEEK(oparg);
            SAVE_SP();
            if (K_UNLIKELY(kval_type(s) != &kset_type)) {
                kval_decref(it);
                bad_stack_value("SET_UPDATE");
                goto error;
            }
            int r = kset_update(s, it);
            kval_decref(it);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DICT_UPDATE) {
            KValue u = POP();
            KValue d = PEEK(oparg);
            SAVE_SP();
            if (K_UNLIKELY(!kdict_check_exact(d))) {
                kval_decref(u);
                bad_stack_value("DICT_UPDATE");
                goto error;
            }
            int r = kdict_merge(d, u, 1);
            if (r < 0 && kerr_matches(&kexc_AttributeError)) {
                kerr_clear();
                kerr_format(&kexc_TypeError, "'%s' object is not a mapping",
                            ktype_name(kval_type(u)));
            }
            kval_decref(u);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DICT_MERGE) {
            KValue u = POP();
            KValue d = PEEK(oparg);
            KValue func = PEEK(oparg + 2);
            SAVE_SP();
            if (K_UNLIKELY(!kdict_check_exact(d))) {
                kval_decref(u);
                bad_stack_value("DICT_MERGE");
                goto error;
            }
            int r = dict_merge_call(d, u, func);
            kval_decref(u);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LIST_TO_TUPLE) {
            KValue l = TOP();
            if (K_UNLIKELY(!klist_check_exact(l))) {
                bad_stack_value("LIST_TO_TUPLE");
                goto error;
            }
            KValue t = klist_as_tuple(l);
            if (!t) {
                goto error;
            }
            SET_TOP(t);
            kval_decref(l);
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE) {
            KValue seq = TOP();
            if (!kval_is_int(seq) &&
                ((kval_obj(seq)->type == &ktuple_type && ktuple_len(seq) == oparg) ||
                 (kval_obj(seq)->type == &klist_type && klist_len(seq) == oparg))) {
                KValue *items =
                    kval_obj(seq)->type == &ktuple_type ? ktuple_items(seq) : klist_items(seq);
                sp--;
                for (int i = oparg - 1; i >= 0; i--) {
                    PUSH(kval_newref(items[i]));
                }
                kval_decref(seq);
                DISPATCH();
            }
            sp--;
            SAVE_SP();
            if (unpack_iterable(seq, oparg, -1, sp + oparg) < 0) {
                PUSH(seq);
                goto error;
            }
            sp += oparg;
            kval_decref(seq);
            DISPATCH();
        }

        TARGET(UNPACK_EX) {
            int before = oparg & 0xFF, after = oparg >> 8;
            KValue seq = POP();
            SAVE_SP();
            if (unpack_iterable(seq, before, after, sp + before + after + 1) < 0) {
                PUSH(seq);
                goto error;
            }
            sp += before + after + 1;
            kval_decref(seq);
            DISPATCH();
        }

        TARGET(JUMP_FORWARD) {
            JUMPTO(oparg);
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD) {
#ifdef KV_FUZZ_BUDGET
            if (keval_fuzz_step() < 0) {
                goto error;
            }
#endif
            CHECK_SIGNALS();
            JUMPTO(oparg);
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
#ifdef KV_FUZZ_BUDGET
            if (keval_fuzz_step() < 0) {
                goto error;
            }
#endif
            JUMPTO(oparg);
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_FALSE) {
            KValue v = POP();
            if (v == KV_FALSE) {
                CHECK_SIGNALS();
                JUMPTO(oparg);
            } else if (v != KV_TRUE) {
                int t = kobj_is_true(v);
                kval_decref(v);
                if (t < 0) {
                    goto error;
                }
                if (!t) {
                    CHECK_SIGNALS();
                    JUMPTO(oparg);
                }
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_TRUE) {
            KValue v = POP();
            if (v == KV_TRUE) {
                CHECK_SIGNALS();
                JUMPTO(oparg);
            } else if (v != KV_FALSE) {
                int t = kobj_is_true(v);
                kval_decref(v);
                if (t < 0) {
                    goto error;
                }
                if (t) {
                    CHECK_SIGNALS();
                    JUMPTO(oparg);
                }
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_NONE) {
            KValue v = POP();
            if (v == KV_NONE) {
                CHECK_SIGNALS();
                JUMPTO(oparg);
            } else {
                kval_decref(v);
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_NOT_NONE) {
            KValue v = POP();
            if (v != KV_NONE) {
                kval_decref(v);
                CHECK_SIGNALS();
                JUMPTO(oparg);
            }
            DISPATCH();
        }

        TARGET(JUMP_IF_FALSE_OR_POP) {
            KValue v = TOP();
            int t = v == KV_TRUE ? 1 : v == KV_FALSE ? 0 : kobj_is_true(v);
            if (t < 0) {
                goto error;
            }
            if (!t) {
                JUMPTO(oparg);
            } else {
                sp--;
                kval_decref(v);
            }
            DISPATCH();
        }

        TARGET(JUMP_IF_TRUE_OR_POP) {
            KValue v = TOP();
            int t = v == KV_TRUE ? 1 : v == KV_FALSE ? 0 : kobj_is_true(v);
            if (t < 0) {
                goto error;
            }
            if (t) {
                JUMPTO(oparg);
            } else {
                sp--;
                kval_decref(v);
            }
            DISPATCH();
        }

        TARGET(GET_ITER) {
            KValue v = TOP();
            SAVE_SP();
            KValue it = kobj_get_iter(v);
            if (!it) {
                goto error;
            }
            SET_TOP(it);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(FOR_ITER) {
            KValue it = TOP();
            SAVE_SP();
            KUnaryFn iternext = kval_type(it)->iternext;
            if (K_UNLIKELY(!iternext)) {
                bad_stack_value("FOR_ITER");
                goto error;
            }
            KValue next = iternext(it);
            if (next) {
                uint32_t next_ = *ip;
                if ((next_ & 0xFF) == KF_OP_STORE_FAST) {
                    // 'for x in ...': the item goes straight to its local.
                    frame->ip = ++ip;
                    SETLOCAL(next_ >> 8, next);
                    DISPATCH();
                }
                PUSH(next);
                DISPATCH();
            }
            if (kerr_occurred()) {
                if (!kerr_matches(&kexc_StopIteration)) {
                    goto error;
                }
                kerr_clear();
            }
            sp--;
            kval_decref(it);
            JUMPTO(oparg);
            DISPATCH();
        }

        TARGET(KW_NAMES) {
            kwnames = consts[oparg];
            if (K_UNLIKELY(!kwnames) && !(kwnames = kcode_const_slow(code, oparg))) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(CALL) {
            KValue *base = sp - oparg - 2;
            int is_meth = base[0] != KV_NULL;
            KValue callable = is_meth ? base[0] : base[1];
            KValue *args = is_meth ? base + 1 : base + 2;
            size_t total = (size_t)oparg + (size_t)is_meth;
            KValue kw = kwnames;
            kwnames = KV_NULL;
            size_t nkw = kw ? (size_t)ktuple_len(kw) : 0;
            KValue call_res; // a C callee's result, finished at call_finish
            if (!is_meth && !kval_is_int(callable) && kval_obj(callable)->type == &kmethod_type) {
                // Unpack a bound method in place: [func self args].
                KMethod *m = (KMethod *)callable;
                base[0] = kval_newref(m->func);
                base[1] = kval_newref(m->self);
                kval_decref(callable);
                callable = base[0];
                args = base + 1;
                total++;
                is_meth = 1;
            }
            if (!kval_is_int(callable) && kval_obj(callable)->type == &kfunction_type) {
                KFunction *fn = (KFunction *)callable;
                KCode *co = (KCode *)fn->code;
                size_t npos = total - nkw;
                KFrame *nf;
                SAVE_SP();
                if (!kw && npos == (size_t)co->argcount && co->kwonlyargcount == 0 &&
                    !(co->flags & (KF_CO_VARARGS | KF_CO_VARKEYWORDS))) {
                    // Fast path: move the arguments and the function into the frame.
                    nf = kframe_push(ts, callable, KV_NULL);
                    if (!nf) {
                        base[is_meth ? 0 : 1] = KV_NULL;
                        goto call_error_cleanup;
                    }
                    memcpy(nf->localsplus, args, npos * sizeof(KValue));
                    sp = base;
                } else {
                    nf = push_call_frame(ts, callable, args, npos, kw, KV_NULL);
                    for (KValue *p = args; p < args + total; p++) {
                        kval_decref(*p);
                    }
                    kval_decref(callable);
                    sp = base;
                    if (!nf) {
                        goto error;
                    }
                }
                SAVE_SP();
                nf->previous = frame;
                nf->is_entry = 0;
                ts->frame = nf;
                if (K_UNLIKELY(++ts->depth > ts->recursion_limit) &&
                    kstate_enter_check_py(ts) < 0) {
                    ts->depth--;
                    ts->frame = frame;
                    kframe_pop(ts, nf);
                    goto error;
                }
                frame = nf;
                LOAD_FRAME();
                DISPATCH();
            }
            if (!kw && !kval_is_int(callable) &&
                (kval_obj(callable)->type == &kcfunction_type ||
                 (kval_obj(callable)->type == &kmethoddescr_type && total >= 1 &&
                  kval_type(args[0]) == ((KDescr *)callable)->owner))) {
                // A builtin function, or a method of a builtin type called on
                // an instance of exactly that type (list.append): straight to
                // its C function when the arguments fit its convention, as
                // the type's call slot would (cfunc_call, methoddescr_call).
                int is_descr = kval_obj(callable)->type == &kmethoddescr_type;
                const KMethodDef *def =
                    is_descr ? ((KDescr *)callable)->method : ((KCFunction *)callable)->def;
                KValue self_arg = is_descr ? args[0] : ((KCFunction *)callable)->self;
                size_t n = total - (size_t)is_descr;
                if (!((def->flags & KMETH_NOARGS) && n != 0) &&
                    !((def->flags & KMETH_O) && n != 1)) {
                    SAVE_SP();
                    call_res = def->fn(self_arg, args + is_descr, n, KV_NULL);
                    goto call_finish;
                }
            }
            if (!is_meth && !kval_is_int(callable) && kval_obj(callable)->type == &ktype_type) {
                int failed;
                SAVE_SP();
                new_frame = keval_init_frame(ts, base, total, kw,
                                             cache_at(code, (int)(ip - code->code - 1)), &failed);
                if (new_frame) {
                    sp = base + 1; // the instance (KFRAME_RET_INIT)
                    goto enter_new_frame;
                }
                if (failed) {
                    sp = base;
                    goto error;
                }
            }
            SAVE_SP();
            KType *ct = kval_type(callable);
            call_res = ct->call ? ct->call(callable, args, total - nkw, kw)
                                : kobj_call(callable, args, total - nkw, kw);
        call_finish:
            if (!call_res && !kerr_occurred()) {
                kerr_format(&kexc_SystemError, "%R returned NULL without setting an exception",
                            callable);
            }
            for (KValue *p = args; p < args + total; p++) {
                kval_decref(*p);
            }
            kval_decref(callable);
            sp = base;
            if (!call_res) {
                goto error;
            }
            PUSH(call_res);
            DISPATCH();
        call_error_cleanup:
            for (KValue *p = args; p < args + total; p++) {
                kval_decref(*p);
            }
            sp = base;
            goto error;
        }

        TARGET(CALL_FUNCTION_EX) {
            KValue kwargs = (oparg & 1) ? POP() : KV_NULL;
            KValue callargs = POP();
            KValue func = TOP();
            SAVE_SP();
            KValue res = call_function_ex(func, callargs, kwargs);
            kval_decref(callargs);
            kval_xdecref(kwargs);
            kval_decref(func);
            sp -= 2;
            if (!res) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(MAKE_FUNCTION) {
            KValue codeobj = POP();
            KValue func = make_function(codeobj, frame, oparg, sp);
            kval_decref(codeobj);
            if (!func) {
                goto error;
            }
            sp -= ((oparg & 1) + ((oparg >> 1) & 1) + ((oparg >> 2) & 1) + ((oparg >> 3) & 1));
            PUSH(func);
            DISPATCH();
        }

        TARGET(RETURN_VALUE) {
            retval = POP();
            if (frame->is_entry) {
                goto exit_frame;
            }
            {
                KFrame *prev = frame->previous;
                int kind = frame->ret_kind;
                SAVE_SP();
                ts->frame = prev;
                ts->depth--;
                kframe_pop(ts, frame);
                frame = prev;
                LOAD_FRAME();
                if (K_UNLIKELY(kind != KFRAME_RET_PLAIN)) {
                    if (kind == KFRAME_RET_INIT) {
                        goto return_from_init;
                    }
                    goto return_from_binop;
                }
                PUSH(retval);
                retval = KV_NULL;
                DISPATCH();
            }
        }

        TARGET(RAISE_VARARGS) {
            KValue cause = KV_NULL, exc = KV_NULL;
            if (oparg == 2) {
                cause = POP();
            }
            if (oparg >= 1) {
                exc = POP();
            }
            SAVE_SP();
            int reraise = do_raise(exc, cause);
            kval_xdecref(exc);
            kval_xdecref(cause);
            if (reraise) {
                goto exception_unwind;
            }
            goto error;
        }

        TARGET(RERAISE) {
            KValue exc = POP();
            if (K_UNLIKELY(!kexc_is_instance(exc))) {
                kval_xdecref(exc);
                bad_stack_value("RERAISE");
                goto error;
            }
            if (oparg) {
                KValue lasti = PEEK(oparg);
                if (kval_is_int(lasti)) {
                    // For tracebacks and f_lineno only: unwinding goes on from here.
                    frame->ip = code->code + kval_int(lasti) + 1;
                }
            }
            kerr_restore(exc);
            goto exception_unwind;
        }

        TARGET(PUSH_EXC_INFO) {
            KValue exc = TOP();
            if (K_UNLIKELY(!kexc_is_instance(exc))) {
                bad_stack_value("PUSH_EXC_INFO");
                goto error;
            }
            KExcInfo *ei = ts->exc_info;
            KValue prev = ei->exc ? ei->exc : kval_newref(KV_NONE);
            ei->exc = kval_newref(exc);
            SET_TOP(prev);
            PUSH(exc);
            DISPATCH();
        }

        TARGET(POP_EXCEPT) {
            KValue prev = POP();
            if (K_UNLIKELY(prev != KV_NONE && !kexc_is_instance(prev))) {
                kval_xdecref(prev);
                bad_stack_value("POP_EXCEPT");
                goto error;
            }
            KExcInfo *ei = ts->exc_info;
            KValue old = ei->exc;
            ei->exc = prev == KV_NONE ? (kval_decref(prev), KV_NULL) : prev;
            kval_xdecref(old);
            DISPATCH();
        }

        TARGET(CHECK_EXC_MATCH) {
            KValue right = TOP();
            KValue left = SECOND();
            if (check_except_type(right) < 0) {
                goto error;
            }
            int r = kerr_given_matches(left, right);
            kval_decref(right);
            SET_TOP(kbool_from(r));
            DISPATCH();
        }

        TARGET(CHECK_EG_MATCH) {
            // [exc, type] -> [exc, None] (no match) or [rest, match]
            KValue type = POP();
            KValue exc = TOP();
            KValue match, rest;
            SAVE_SP();
            int r = eg_match(exc, type, &match, &rest);
            kval_decref(type);
            if (r < 0) {
                goto error;
            }
            if (match == KV_NONE) {
                kval_decref(rest);
                PUSH(match);
                DISPATCH();
            }
            SET_TOP(rest);
            kval_decref(exc);
            PUSH(match);
            DISPATCH();
        }

        TARGET(PREP_RERAISE_STAR) {
            // [orig, list] -> [what is left to raise, or None]
            KValue excs = POP();
            KValue orig = TOP();
            SAVE_SP();
            KValue v = kexcgroup_prep_reraise_star(orig, excs);
            kval_decref(excs);
            if (!v) {
                goto error;
            }
            SET_TOP(v);
            kval_decref(orig);
            DISPATCH();
        }

        TARGET(WITH_EXCEPT_START) {
            KValue val = TOP();
            KValue exit_func = PEEK(4);
            KValue tb = ((KException *)val)->traceback;
            KValue args[3] = {kval_of(kval_type(val)), val, tb ? tb : KV_NONE};
            SAVE_SP();
            KValue res = kobj_call(exit_func, args, 3, KV_NULL);
            if (!res) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(BEFORE_WITH) {
            KValue mgr = TOP();
            KValue exit = KV_NULL;
            SAVE_SP();
            KValue res = with_enter(mgr, &exit);
            if (!res) {
                goto error;
            }
            SET_TOP(exit);
            kval_decref(mgr);
            PUSH(res);
            DISPATCH();
        }

        TARGET(BEFORE_ASYNC_WITH) {
            KValue mgr = TOP();
            KValue exit = KV_NULL;
            SAVE_SP();
            KValue res = kcoro_before_async_with(mgr, &exit);
            if (!res) {
                goto error;
            }
            SET_TOP(exit);
            kval_decref(mgr);
            PUSH(res);
            DISPATCH();
        }

        TARGET(IMPORT_NAME) {
            KValue fromlist = POP();
            KValue level = TOP();
            SAVE_SP();
            KValue mod = import_name(frame, names[oparg], fromlist, level);
            kval_decref(fromlist);
            if (!mod) {
                goto error;
            }
            SET_TOP(mod);
            kval_decref(level);
            DISPATCH();
        }

        TARGET(IMPORT_FROM) {
            SAVE_SP();
            KValue v = import_from(TOP(), names[oparg]);
            if (!v) {
                goto error;
            }
            PUSH(v);
            DISPATCH();
        }

        TARGET(IMPORT_STAR) {
            KValue mod = POP();
            SAVE_SP();
            int r = import_star(frame, mod);
            kval_decref(mod);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_BUILD_CLASS) {
            KValue bc = kdict_get_str_borrow(frame->builtins, KID(__build_class__));
            if (!bc) {
                kerr_set(&kexc_NameError, "__build_class__ not found");
                goto error;
            }
            PUSH(kval_newref(bc));
            DISPATCH();
        }

        TARGET(LOAD_ASSERTION_ERROR) {
            PUSH(kval_of(&kexc_AssertionError));
            DISPATCH();
        }

        TARGET(SETUP_ANNOTATIONS) {
            SAVE_SP();
            if (setup_annotations(frame) < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(PRINT_EXPR) {
            KValue v = POP();
            SAVE_SP();
            int r = print_expr(v);
            kval_decref(v);
            if (r < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(FORMAT_VALUE) {
            KValue spec = (oparg & 4) ? POP() : KV_NULL;
            KValue v = TOP();
            SAVE_SP();
            KValue r = kstr_format_value(v, oparg & 3, spec);
            kval_xdecref(spec);
            if (!r) {
                goto error;
            }
            SET_TOP(r);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(RETURN_GENERATOR) {
            SAVE_SP();
            KValue gen = kgen_new_from_frame(frame);
            if (!gen) {
                goto error;
            }
            // The frame now lives in the generator; this one is discarded.
            retval = gen;
            frame->sp = frame->localsplus;
            if (frame->is_entry) {
                ts->frame = frame->previous;
                ts->depth--;
                kframe_pop(ts, frame);
                return retval;
            }
            {
                KFrame *prev = frame->previous;
                ts->frame = prev;
                ts->depth--;
                kframe_pop(ts, frame);
                frame = prev;
                LOAD_FRAME();
                PUSH(retval);
                retval = KV_NULL;
                DISPATCH();
            }
        }

        TARGET(YIELD_VALUE) {
            retval = POP();
            SAVE_SP();
            frame->is_entry = 0;
            ts->frame = frame->previous;
            ts->depth--;
            kgen_frame_suspended(frame);
            return retval;
        }

        TARGET(SEND) {
            KValue v = TOP();
            KValue receiver = SECOND();
            SAVE_SP();
            KValue res;
            int status = kgen_send(receiver, v, &res);
            if (status < 0) {
                goto error;
            }
            kval_decref(v);
            if (status == 1) {
                // The sub-iterator returned: pop it, push the value, jump.
                sp--;
                SET_TOP(res);
                kval_decref(receiver);
                JUMPTO(oparg);
                DISPATCH();
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(GET_YIELD_FROM_ITER) {
            KValue v = TOP();
            if (kval_type(v) == &kgen_type) {
                DISPATCH();
            }
            if (kval_type(v) == &kcoro_type) {
                if (!(code->flags & (KF_CO_COROUTINE | KF_CO_ITERABLE_COROUTINE))) {
                    SAVE_SP();
                    kerr_set(&kexc_TypeError,
                             "cannot 'yield from' a coroutine object in a non-coroutine generator");
                    goto error;
                }
                DISPATCH();
            }
            SAVE_SP();
            KValue it = kobj_get_iter(v);
            if (!it) {
                goto error;
            }
            SET_TOP(it);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(GET_AWAITABLE) {
            KValue v = TOP();
            SAVE_SP();
            KValue it = kcoro_get_awaitable(v, oparg);
            if (!it) {
                goto error;
            }
            SET_TOP(it);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(GET_AITER) {
            KValue v = TOP();
            SAVE_SP();
            KValue it = kcoro_get_aiter(v);
            if (!it) {
                goto error;
            }
            SET_TOP(it);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(GET_ANEXT) {
            SAVE_SP();
            KValue aw = kcoro_get_anext(TOP());
            if (!aw) {
                goto error;
            }
            PUSH(aw);
            DISPATCH();
        }

        TARGET(END_ASYNC_FOR) {
            // The exception the SEND loop of GET_ANEXT raised: the iterator's
            // end (StopAsyncIteration) leaves the loop, anything else goes on.
            KValue exc = POP();
            if (K_UNLIKELY(!kexc_is_instance(exc))) {
                kval_xdecref(exc);
                bad_stack_value("END_ASYNC_FOR");
                goto error;
            }
            if (ktype_is_subtype(kval_type(exc), &kexc_StopAsyncIteration)) {
                kval_decref(exc);
                KValue it = POP();
                kval_decref(it);
                DISPATCH();
            }
            SAVE_SP();
            kerr_restore(exc);
            goto exception_unwind;
        }

        TARGET(ASYNC_GEN_WRAP) {
            KValue v = TOP();
            SAVE_SP();
            KValue w = kasyncgen_wrap(v);
            if (!w) {
                goto error;
            }
            SET_TOP(w);
            kval_decref(v);
            DISPATCH();
        }

        TARGET(GET_LEN) {
            SAVE_SP();
            ssize_t n = kobj_len(TOP());
            if (n < 0) {
                goto error;
            }
            PUSH(kint_from_i64(n));
            DISPATCH();
        }

        TARGET(MATCH_MAPPING) {
            KValue m_ = kbool_from(kmatch_is_mapping(TOP()));
            PUSH(m_);
            DISPATCH();
        }

        TARGET(MATCH_SEQUENCE) {
            KValue s_ = kbool_from(kmatch_is_sequence(TOP()));
            PUSH(s_);
            DISPATCH();
        }

        TARGET(MATCH_KEYS) {
            KValue res;
            SAVE_SP();
            if (kmatch_keys(SECOND(), TOP(), &res) < 0) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(MATCH_CLASS) {
            KValue kwargs = POP();
            KValue type = POP();
            KValue subject = TOP();
            KValue res;
            SAVE_SP();
            int r = kmatch_class(subject, type, oparg, kwargs, &res);
            kval_decref(kwargs);
            kval_decref(type);
            if (r < 0) {
                goto error;
            }
            SET_TOP(res);
            kval_decref(subject);
            DISPATCH();
        }

    default:
        goto unknown_opcode;
    }

unknown_opcode:
    kerr_format(&kexc_SystemError, "unknown opcode %d", (int)(word & 0xFF));
    goto error;

#if defined(KV_FUZZ_BUDGET) && USE_COMPUTED_GOTO
fuzz_spent:
    kerr_set(&kexc_RuntimeError, "fuzzing step budget spent");
    goto error;
#endif

enter_new_frame:
    // 'new_frame' was pushed by eval_inline.c for the current instruction;
    // the stack below holds what its return (return_to_protocol) needs.
    SAVE_SP();
    new_frame->previous = frame;
    ts->frame = new_frame;
    if (K_UNLIKELY(++ts->depth > ts->recursion_limit) && kstate_enter_check_py(ts) < 0) {
        ts->depth--;
        ts->frame = frame;
        kframe_pop(ts, new_frame);
        goto error;
    }
    frame = new_frame;
    LOAD_FRAME();
    DISPATCH();

return_from_init:
    // 'retval' came back from the __init__ of enter_new_frame; the instance
    // is on top of the stack.
    if (retval != KV_NONE) {
        SAVE_SP();
        kerr_format(&kexc_TypeError, "__init__() should return None, not '%T'", retval);
        kval_decref(retval);
        retval = KV_NULL;
        goto error;
    }
    retval = KV_NULL;
    DISPATCH();

return_from_binop:
    // 'retval' came back from the __op__ of enter_new_frame; the operands
    // are still on the stack.
    {
        KValue rhs = TOP();
        KValue lhs = SECOND();
        if (retval == KV_NOTIMPL) {
            kval_decref(retval);
            SAVE_SP();
            retval = knum_binop_after_left(lhs, rhs, (int)(ip[-1] >> 8));
            if (!retval) {
                goto error;
            }
        }
        sp--;
        SET_TOP(retval);
        retval = KV_NULL;
        kval_decref(lhs);
        kval_decref(rhs);
        DISPATCH();
    }

error:
    // A new exception in this frame: record where.
    frame->ip = ip;
    frame->sp = sp;
    kwnames = KV_NULL;
    if (kerr_occurred()) {
        if (ktraceback_here(kerr_occurred(), frame) < 0) {
            kerr_clear();
        }
    } else {
        kerr_set(&kexc_SystemError, "error return without exception set");
    }

exception_unwind:
    {
        int lasti = (int)(ip - code->code) - 1;
        const KfExceptEntry *h = kcode_handler(code, lasti);
        KValue *stack_base = localsplus + code->nlocalsplus;
#ifdef KV_FUZZ_BUDGET
        if (h && keval_fuzz_budget == 0) {
            h = NULL; // spent: nothing catches
        } else if (h) {
            keval_fuzz_budget--;
        }
#endif
        if (h) {
            KValue *level = stack_base + h->depth;
            while (sp > level) {
                KValue v = POP();
                kval_xdecref(v);
            }
            if (h->lasti) {
                PUSH(kval_from_int(lasti));
            }
            KValue exc = kerr_fetch();
            PUSH(exc);
            JUMPTO(h->target);
            DISPATCH();
        }
        while (sp > stack_base) {
            KValue v = POP();
            kval_xdecref(v);
        }
        frame->sp = sp;
        if (frame->is_entry) {
            retval = KV_NULL;
            goto exit_frame;
        }
        KFrame *prev = frame->previous;
        ts->frame = prev;
        ts->depth--;
        kframe_pop(ts, frame);
        frame = prev;
        LOAD_FRAME();
        goto error;
    }

exit_frame:
    frame->sp = sp;
    ts->frame = frame->previous;
    ts->depth--;
    if (frame->owner == KFRAME_OWNED_BY_GENERATOR) {
        kgen_frame_finished(frame);
    } else {
        kframe_pop(ts, frame);
    }
    return retval;

#undef TARGET
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef THIRD
#undef PEEK
#undef SET_TOP
#undef SET_SECOND
#undef GETLOCAL
#undef SETLOCAL
#undef JUMPTO
#undef LOAD_FRAME
#undef SAVE_SP
#undef CHECK_SIGNALS
}
