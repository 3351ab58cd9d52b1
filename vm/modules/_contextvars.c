// vm/modules/_contextvars.c: the _contextvars module (PEP 567): Context,
// ContextVar, Token and copy_context. A context maps variables to values
// through a dict that is never changed once made: ContextVar.set builds a
// new one, so copying a context is sharing its dict (CPython uses a HAMT
// for the same effect; the dict copy makes set O(n), fine for the handful
// of variables programs keep). The current context hangs off the thread
// state and is created empty on first use.
#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../func.h"
#include "../gc.h"
#include "../internal.h"
#include "../module.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

typedef struct Context {
    KOBJ_HEAD;
    KValue vars;  // dict ContextVar -> value, never mutated after creation
    KValue prev;  // the context current before run() entered this one
    int entered;
} Context;

typedef struct ContextVar {
    KOBJ_HEAD;
    KValue name;
    KValue default_; // KV_NULL: none
} ContextVar;

typedef struct Token {
    KOBJ_HEAD;
    KValue ctx, var;
    KValue old_value; // KV_NULL: the variable had no value (Token.MISSING)
    int used;
} Token;

static KType context_type, contextvar_type, token_type, missing_type;
static KObject token_missing = {KOBJ_STATIC_HEAD(&missing_type)}; // Token.MISSING

#define CTX(v) ((Context *)(v))
#define VAR(v) ((ContextVar *)(v))
#define TOK(v) ((Token *)(v))

static KValue context_new_with(KValue vars) {
    Context *c = (Context *)kobj_alloc(&context_type, sizeof(Context));
    if (!c) {
        return kerr_no_memory();
    }
    c->vars = kval_newref(vars);
    return kval_of(c);
}

// The thread's current context (borrowed), created empty on first use.
static KValue current_context(void) {
    if (!kstate_ts->context) {
        KValue vars = kdict_new();
        kstate_ts->context = vars ? context_new_with(vars) : KV_NULL;
        kval_xdecref(vars);
    }
    return kstate_ts->context;
}

// ---------------------------------------------------------------------------
// Context

static void context_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(CTX(o)->vars);
    KVAL_CLEAR(CTX(o)->prev);
    kobj_free(o);
}

static int context_traverse(KObject *o, KVisitFn visit, void *arg) {
    Context *c = CTX(o);
    return (c->vars && visit(c->vars, arg)) || (c->prev && visit(c->prev, arg));
}

static void context_clear(KObject *o) {
    KVAL_CLEAR(CTX(o)->vars);
    KVAL_CLEAR(CTX(o)->prev);
}

static KValue context_tp_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type, (void)args;
    if (nargs || (kwnames && ktuple_len(kwnames))) {
        kerr_set(&kexc_TypeError, "Context() does not accept any arguments");
        return KV_NULL;
    }
    KValue vars = kdict_new();
    KValue c = vars ? context_new_with(vars) : KV_NULL;
    kval_xdecref(vars);
    return c;
}

static int check_var(KValue key) {
    if (kval_type(key) != &contextvar_type) {
        kerr_format(&kexc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static KValue context_getitem(KValue self, KValue key) {
    if (check_var(key) < 0) {
        return KV_NULL;
    }
    KValue v = kdict_get_borrow(CTX(self)->vars, key);
    if (!v) {
        if (!kerr_occurred()) {
            kerr_set_key(key);
        }
        return KV_NULL;
    }
    return kval_newref(v);
}

static int context_contains(KValue self, KValue key) {
    if (check_var(key) < 0) {
        return -1;
    }
    return kdict_contains(CTX(self)->vars, key);
}

static ssize_t context_len(KValue self) {
    return kdict_len(CTX(self)->vars);
}

static KValue context_iter(KValue self) {
    return kobj_get_iter(CTX(self)->vars);
}

static KValue context_richcompare(KValue a, KValue b, int op) {
    if (kval_type(b) != &context_type || (op != KF_CMP_EQ && op != KF_CMP_NE)) {
        return kval_newref(KV_NOTIMPL);
    }
    return kobj_richcompare(CTX(a)->vars, CTX(b)->vars, op);
}

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// run(callable, *args, **kwargs): calls it with this context current.
METHOD(ctx_run) {
    if (nargs < 1) {
        kerr_set(&kexc_TypeError, "run() missing 1 required positional argument");
        return KV_NULL;
    }
    Context *c = CTX(self);
    if (c->entered) {
        kerr_format(&kexc_RuntimeError, "cannot enter context: %R is already entered", self);
        return KV_NULL;
    }
    KValue prev = current_context();
    if (!prev) {
        return KV_NULL;
    }
    c->prev = kval_newref(prev);
    c->entered = 1;
    kstate_ts->context = kval_newref(self);
    KValue r = kobj_call(args[0], args + 1, nargs - 1, kw);
    KValue mine = kstate_ts->context;
    kstate_ts->context = c->prev;
    c->prev = KV_NULL;
    c->entered = 0;
    kval_decref(mine);
    return r;
}

METHOD(ctx_copy) {
    (void)args, (void)nargs, (void)kw;
    return context_new_with(CTX(self)->vars);
}

METHOD(ctx_get) {
    (void)kw;
    if (kargs_count("get", nargs, 1, 2) < 0 || check_var(args[0]) < 0) {
        return KV_NULL;
    }
    KValue v = kdict_get_borrow(CTX(self)->vars, args[0]);
    if (!v && kerr_occurred()) {
        return KV_NULL;
    }
    return kval_newref(v ? v : nargs > 1 ? args[1] : KV_NONE);
}

// Views of the context's mapping (kind 0 keys, 1 values, 2 items): the
// dict is never changed, so they stay a snapshot.
METHOD(ctx_keys) {
    (void)args, (void)nargs, (void)kw;
    return kdictview_new(CTX(self)->vars, 0);
}

METHOD(ctx_values) {
    (void)args, (void)nargs, (void)kw;
    return kdictview_new(CTX(self)->vars, 1);
}

METHOD(ctx_items) {
    (void)args, (void)nargs, (void)kw;
    return kdictview_new(CTX(self)->vars, 2);
}

static const KMethodDef context_methods[] = {
    {"run", ctx_run, KMETH_KW, NULL},
    {"copy", ctx_copy, KMETH_NOARGS, NULL},
    {"get", ctx_get, KMETH_FAST, NULL},
    {"keys", ctx_keys, KMETH_NOARGS, NULL},
    {"values", ctx_values, KMETH_NOARGS, NULL},
    {"items", ctx_items, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType context_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_contextvars.Context",
    .basicsize = sizeof(Context),
    .flags = KTF_GC,
    .dealloc = context_dealloc,
    .traverse = context_traverse,
    .clear = context_clear,
    .hash = kobj_hash_not_implemented,
    .richcompare = context_richcompare,
    .iter = context_iter,
    .new_ = context_tp_new,
    .len = context_len,
    .getitem = context_getitem,
    .contains = context_contains,
    .methods = context_methods,
};

// ---------------------------------------------------------------------------
// ContextVar

static void var_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(VAR(o)->name);
    KVAL_CLEAR(VAR(o)->default_);
    kobj_free(o);
}

static int var_traverse(KObject *o, KVisitFn visit, void *arg) {
    ContextVar *v = VAR(o);
    return (v->name && visit(v->name, arg)) || (v->default_ && visit(v->default_, arg));
}

static void var_clear(KObject *o) {
    KVAL_CLEAR(VAR(o)->default_);
}

// ContextVar(name, *, default=<none>)
static KValue var_tp_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type;
    static const char *const kwlist[] = {"name", "default", NULL};
    KValue a[2];
    if (nargs != 1) {
        kerr_format(&kexc_TypeError, "ContextVar() takes %s 1 positional argument (%zu given)",
                    nargs ? "at most" : "exactly", nargs);
        return KV_NULL;
    }
    if (kargs_parse("ContextVar", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(a[0])) {
        kerr_set(&kexc_TypeError, "context variable name must be a str");
        return KV_NULL;
    }
    ContextVar *v = (ContextVar *)kobj_alloc(&contextvar_type, sizeof(ContextVar));
    if (!v) {
        return kerr_no_memory();
    }
    v->name = kval_newref(a[0]);
    v->default_ = a[1] ? kval_newref(a[1]) : KV_NULL;
    return kval_of(v);
}

static int64_t var_hash(KValue self) {
    return (int64_t)((uintptr_t)self >> 4);
}

// get([default]): the value in the current context, else 'default', else
// the variable's default, else LookupError(var).
METHOD(var_get) {
    (void)kw;
    if (kargs_count("get", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    KValue ctx = current_context();
    if (!ctx) {
        return KV_NULL;
    }
    KValue v = kdict_get_borrow(CTX(ctx)->vars, self);
    if (v) {
        return kval_newref(v);
    }
    if (kerr_occurred()) {
        return KV_NULL;
    }
    if (nargs) {
        return kval_newref(args[0]);
    }
    if (VAR(self)->default_) {
        return kval_newref(VAR(self)->default_);
    }
    kerr_set_value(&kexc_LookupError, self);
    return KV_NULL;
}

// Gives the current context a new mapping with var = value (KV_NULL: var
// removed).
static int context_store(KValue ctx, KValue var, KValue value) {
    KValue vars = kdict_copy(CTX(ctx)->vars);
    if (!vars) {
        return -1;
    }
    int r = value ? kdict_set(vars, var, value) : kdict_del(vars, var);
    if (r < 0) {
        kval_decref(vars);
        return -1;
    }
    KValue old = CTX(ctx)->vars;
    CTX(ctx)->vars = vars;
    kval_decref(old);
    return 0;
}

METHOD(var_set) {
    (void)nargs, (void)kw;
    KValue ctx = current_context();
    if (!ctx) {
        return KV_NULL;
    }
    KValue old = kdict_get_borrow(CTX(ctx)->vars, self);
    if (!old && kerr_occurred()) {
        return KV_NULL;
    }
    Token *t = (Token *)kobj_alloc(&token_type, sizeof(Token));
    if (!t) {
        return kerr_no_memory();
    }
    t->ctx = kval_newref(ctx);
    t->var = kval_newref(self);
    t->old_value = old ? kval_newref(old) : KV_NULL;
    if (context_store(ctx, self, args[0]) < 0) {
        kval_decref(kval_of(t));
        return KV_NULL;
    }
    return kval_of(t);
}

METHOD(var_reset) {
    (void)nargs, (void)kw;
    KValue tok = args[0];
    if (kval_type(tok) != &token_type) {
        kerr_format(&kexc_TypeError, "expected an instance of Token, got %R", tok);
        return KV_NULL;
    }
    Token *t = TOK(tok);
    if (t->used) {
        kerr_format(&kexc_RuntimeError, "%R has already been used once", tok);
        return KV_NULL;
    }
    if (t->var != self) {
        kerr_format(&kexc_ValueError, "%R was created by a different ContextVar", tok);
        return KV_NULL;
    }
    KValue ctx = current_context();
    if (!ctx) {
        return KV_NULL;
    }
    if (t->ctx != ctx) {
        kerr_format(&kexc_ValueError, "%R was created in a different Context", tok);
        return KV_NULL;
    }
    t->used = 1;
    if (!t->old_value && !kdict_contains(CTX(ctx)->vars, self)) {
        return kval_newref(KV_NONE);
    }
    return context_store(ctx, self, t->old_value) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

static KValue var_repr(KValue self) {
    ContextVar *v = VAR(self);
    KValue name = kobj_repr(v->name);
    KValue dflt = name && v->default_ ? kobj_repr(v->default_) : KV_NULL;
    KValue r = KV_NULL;
    if (name && (dflt || !v->default_)) {
        r = dflt ? kstr_from_format("<ContextVar name=%U default=%U at %p>", name, dflt,
                                    (void *)self)
                 : kstr_from_format("<ContextVar name=%U at %p>", name, (void *)self);
    }
    kval_xdecref(name);
    kval_xdecref(dflt);
    return r;
}

static KValue var_get_name(KValue self) {
    return kval_newref(VAR(self)->name);
}

static KValue class_getitem(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    return kgeneric_alias_new(cls, args[0]);
}

static const KMethodDef var_methods[] = {
    {"get", var_get, KMETH_FAST, NULL},
    {"set", var_set, KMETH_O, NULL},
    {"reset", var_reset, KMETH_O, NULL},
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef var_getsets[] = {
    {"name", var_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KType contextvar_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_contextvars.ContextVar",
    .basicsize = sizeof(ContextVar),
    .flags = KTF_GC,
    .dealloc = var_dealloc,
    .traverse = var_traverse,
    .clear = var_clear,
    .repr = var_repr,
    .hash = var_hash,
    .new_ = var_tp_new,
    .methods = var_methods,
    .getsets = var_getsets,
};

// ---------------------------------------------------------------------------
// Token

static void token_dealloc(KObject *o) {
    kgc_untrack(o);
    KVAL_CLEAR(TOK(o)->ctx);
    KVAL_CLEAR(TOK(o)->var);
    KVAL_CLEAR(TOK(o)->old_value);
    kobj_free(o);
}

static int token_traverse(KObject *o, KVisitFn visit, void *arg) {
    Token *t = TOK(o);
    return (t->ctx && visit(t->ctx, arg)) || (t->var && visit(t->var, arg)) ||
           (t->old_value && visit(t->old_value, arg));
}

static void token_clear(KObject *o) {
    KVAL_CLEAR(TOK(o)->ctx);
    KVAL_CLEAR(TOK(o)->old_value);
}

static KValue token_tp_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)type, (void)args, (void)nargs, (void)kwnames;
    kerr_set(&kexc_RuntimeError, "Tokens can only be created by ContextVars");
    return KV_NULL;
}

static KValue token_repr(KValue self) {
    Token *t = TOK(self);
    KValue var = kobj_repr(t->var);
    KValue r = var ? kstr_from_format("<Token%s var=%U at %p>", t->used ? " used" : "", var,
                                      (void *)self)
                   : KV_NULL;
    kval_xdecref(var);
    return r;
}

static KValue token_get_var(KValue self) {
    return kval_newref(TOK(self)->var);
}

static KValue token_get_old_value(KValue self) {
    KValue v = TOK(self)->old_value;
    return kval_newref(v ? v : kval_of(&token_missing));
}

static const KGetSetDef token_getsets[] = {
    {"var", token_get_var, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const KMethodDef token_methods[] = {
    {"__class_getitem__", class_getitem, KMETH_O | KMETH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType token_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_contextvars.Token",
    .basicsize = sizeof(Token),
    .flags = KTF_GC,
    .dealloc = token_dealloc,
    .traverse = token_traverse,
    .clear = token_clear,
    .repr = token_repr,
    .new_ = token_tp_new,
    .methods = token_methods,
    .getsets = token_getsets,
};

static KValue missing_repr(KValue self) {
    (void)self;
    return kstr_from_cstr("<Token.MISSING>");
}

static KType missing_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "Token.MISSING",
    .basicsize = sizeof(KObject),
    .repr = missing_repr,
};

// ---------------------------------------------------------------------------

static KValue m_copy_context(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    KValue ctx = current_context();
    return ctx ? context_new_with(CTX(ctx)->vars) : KV_NULL;
}

static const KMethodDef contextvars_functions[] = {
    {"copy_context", m_copy_context, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_contextvars_create(void) {
    KType *types[] = {&context_type, &contextvar_type, &token_type, &missing_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (ktype_ready(types[i]) < 0) {
            return KV_NULL;
        }
    }
    KValue token_dict = ktype_dict(&token_type);
    if (!token_dict || kdict_set_cstr(token_dict, "MISSING", kval_of(&token_missing)) < 0) {
        return KV_NULL;
    }
    ktype_modified(&token_type);
    KValue m = kmod_new("_contextvars");
    if (!m || kmod_add_functions(m, contextvars_functions) < 0 ||
        kmod_add(m, "Context", kval_of(&context_type)) < 0 ||
        kmod_add(m, "ContextVar", kval_of(&contextvar_type)) < 0 ||
        kmod_add(m, "Token", kval_of(&token_type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
