// vm/modules/_warnings.c: the _warnings module, the C half of warnings.py:
// the filter list, the default action and the once-registry (warnings.py
// takes these very objects when it imports), warn(), warn_explicit() and
// _filters_mutated(). A warning is matched against the filters of the
// warnings module when it has been imported (else these defaults), then
// shown through warnings._showwarnmsg, or, before warnings is imported,
// printed to sys.stderr as CPython prints it ("file:line: Category: text"
// and the source line). kwarnings_warn lets C code warn the same way.
#include <string.h>

#include "../abstract.h"
#include "../code.h"
#include "../dict.h"
#include "../errors.h"
#include "../frame.h"
#include "../func.h"
#include "../int.h"
#include "../internal.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../state.h"
#include "../str.h"
#include "../traceback.h"
#include "../tuple.h"
#include "../type.h"

static KValue filters_list;  // the default filters (warnings.filters is this list)
static KValue once_registry; // dict
static KValue default_action; // str
static int64_t filters_version;

// An attribute of the warnings module: imported first when 'import_it',
// else only if it is in sys.modules already. KV_NULL without an error when
// it (or the attribute) is missing.
static KValue warnings_attr(const char *name, int import_it) {
    KValue modname = kstr_from_cstr("warnings");
    if (!modname) {
        return KV_NULL;
    }
    KValue mod;
    if (import_it) {
        mod = kimport_module(modname, KV_NULL, KV_NULL, 0);
    } else {
        mod = kdict_get_borrow(kruntime.modules, modname);
        mod = mod ? kval_newref(mod) : KV_NULL;
    }
    kval_decref(modname);
    if (!mod) {
        return KV_NULL;
    }
    KValue attr = KV_NULL;
    KValue key = kstr_from_cstr(name);
    int r = key ? kobj_lookup_attr(mod, key, &attr) : -1;
    kval_xdecref(key);
    kval_decref(mod);
    return r < 0 ? KV_NULL : attr;
}

// Whether the filter field 'pattern' matches 'arg': None always, a str
// exactly (the built-in defaults), anything else through pattern.match().
static int check_matched(KValue pattern, KValue arg) {
    if (pattern == KV_NONE) {
        return 1;
    }
    if (kval_type(pattern) == &kstr_type) {
        return kobj_richcompare_bool(pattern, arg, KF_CMP_EQ);
    }
    KValue match = kobj_getattr_cstr(pattern, "match");
    KValue r = match ? kobj_call1(match, arg) : KV_NULL;
    kval_xdecref(match);
    if (!r) {
        return -1;
    }
    int t = kobj_is_true(r);
    kval_decref(r);
    return t;
}

// The action of the first filter matching the warning, else the default
// action; '*item' is the filter (or None). New references.
static KValue get_filter(KValue category, KValue text, ssize_t lineno, KValue module,
                         KValue *item) {
    KValue filters = warnings_attr("filters", 0);
    if (!filters) {
        if (kerr_occurred()) {
            return KV_NULL;
        }
        filters = kval_newref(filters_list);
    }
    if (!klist_check(filters)) {
        kval_decref(filters);
        kerr_set(&kexc_ValueError, "_warnings.filters must be a list");
        return KV_NULL;
    }
    for (ssize_t i = 0; i < klist_len(filters); i++) {
        KValue f = kval_newref(klist_items(filters)[i]);
        if (!ktuple_check(f) || ktuple_len(f) != 5) {
            kerr_format(&kexc_ValueError, "_warnings.filters item %zd isn't a 5-tuple", i);
            kval_decref(f);
            kval_decref(filters);
            return KV_NULL;
        }
        KValue *fi = ktuple_items(f);
        int good_msg = check_matched(fi[1], text);
        int good_mod = good_msg > 0 ? check_matched(fi[3], module) : good_msg;
        int is_sub = good_mod > 0 ? kobj_issubclass(category, fi[2]) : good_mod;
        ssize_t ln = is_sub > 0 ? knum_as_ssize(fi[4], &kexc_OverflowError) : 0;
        if (is_sub < 0 || (ln == -1 && kerr_occurred())) {
            kval_decref(f);
            kval_decref(filters);
            return KV_NULL;
        }
        if (is_sub > 0 && (ln == 0 || ln == lineno)) {
            kval_decref(filters);
            *item = f;
            return kval_newref(fi[0]);
        }
        kval_decref(f);
    }
    kval_decref(filters);
    *item = kval_newref(KV_NONE);
    KValue action = warnings_attr("_defaultaction", 0);
    if (!action) {
        if (kerr_occurred()) {
            kval_decref(*item);
            return KV_NULL;
        }
        action = kval_newref(default_action);
    }
    if (!kstr_check(action)) {
        kerr_format(&kexc_TypeError, "_warnings.defaultaction must be a string, not '%s'",
                    ktype_name(kval_type(action)));
        kval_decref(action);
        kval_decref(*item);
        return KV_NULL;
    }
    return action;
}

// 1 when 'key' is marked in 'registry' (cleared first if the filters
// changed since it was filled); marks it when 'set'. -1 on error.
static int already_warned(KValue registry, KValue key, int set) {
    KValue version = kdict_get_cstr_borrow(registry, "version");
    int fresh = version && kint_check(version);
    if (fresh) {
        int overflow;
        fresh = kint_as_i64_overflow(version, &overflow) == filters_version && !overflow;
    }
    if (!fresh) {
        KValue v = kint_from_i64(filters_version);
        kdict_clear(registry);
        int r = v ? kdict_set_cstr(registry, "version", v) : -1;
        kval_xdecref(v);
        if (r < 0) {
            return -1;
        }
    } else {
        KValue seen = kdict_get_borrow(registry, key);
        if (seen) {
            int t = kobj_is_true(seen);
            if (t != 0) {
                return t;
            }
        } else if (kerr_occurred()) {
            return -1;
        }
    }
    return set ? (kdict_set(registry, key, KV_TRUE) < 0 ? -1 : 0) : 0;
}

// registry[(text, category)] (or with a third item 0), marking it.
static int update_registry(KValue registry, KValue text, KValue category, int add_zero) {
    KValue key = add_zero ? ktuple_pack(3, text, category, kval_from_int(0))
                          : ktuple_pack(2, text, category);
    if (!key) {
        return -1;
    }
    int r = already_warned(registry, key, 1);
    kval_decref(key);
    return r;
}

// The C fallback of warnings.showwarning, before warnings is imported.
static int show_warning(KValue filename, ssize_t lineno, KValue text, KValue category,
                        KValue sourceline) {
    KValue name = kobj_getattr(category, kstr_ids.__name__);
    if (!name) {
        return -1;
    }
    KValue head = kstr_from_format("%S:%zd: %S: %S\n", filename, lineno, name, text);
    kval_decref(name);
    if (!head || ksys_write(kstr_ids.stderr, head) < 0) {
        kval_xdecref(head);
        return -1;
    }
    kval_decref(head);
    KValue line = KV_NULL;
    if (sourceline && sourceline != KV_NONE) {
        KValue strip = kobj_getattr_cstr(sourceline, "strip");
        line = strip ? kobj_call0(strip) : KV_NULL;
        kval_xdecref(strip);
    } else if (kstr_check(filename)) {
        char *src = ktraceback_source_line(kstr_utf8(filename, NULL), (int)lineno);
        if (src) {
            const char *p = src;
            while (*p == ' ' || *p == '\t' || *p == '\f') {
                p++;
            }
            line = kstr_from_cstr(p);
            kmem_free(src);
        } else {
            return 0;
        }
    }
    if (!line) {
        return kerr_occurred() ? -1 : 0;
    }
    KValue out = kstr_from_format("  %U\n", line);
    kval_decref(line);
    int r = out ? ksys_write(kstr_ids.stderr, out) : -1;
    kval_xdecref(out);
    return r;
}

// Shows the warning through warnings._showwarnmsg(WarningMessage(...)),
// or show_warning when warnings is not imported.
static int call_show_warning(KValue category, KValue text, KValue message, KValue filename,
                             ssize_t lineno, KValue sourceline, KValue source) {
    KValue show = warnings_attr("_showwarnmsg", source && source != KV_NONE);
    if (!show) {
        return kerr_occurred() ? -1 : show_warning(filename, lineno, text, category, sourceline);
    }
    if (!kobj_is_callable(show)) {
        kval_decref(show);
        kerr_set(&kexc_TypeError, "warnings._showwarnmsg() must be set to a callable");
        return -1;
    }
    KValue cls = warnings_attr("WarningMessage", 0);
    if (!cls) {
        kval_decref(show);
        if (!kerr_occurred()) {
            kerr_set(&kexc_RuntimeError, "unable to get warnings.WarningMessage");
        }
        return -1;
    }
    KValue args[7] = {message, category, filename, kint_from_i64(lineno), KV_NONE, KV_NONE,
                      source ? source : KV_NONE};
    KValue msg = args[3] ? kobj_call(cls, args, 7, KV_NULL) : KV_NULL;
    kval_xdecref(args[3]);
    kval_decref(cls);
    KValue r = msg ? kobj_call1(show, msg) : KV_NULL;
    kval_xdecref(msg);
    kval_decref(show);
    kval_xdecref(r);
    return r ? 0 : -1;
}

// "name.py" -> "name"; "" -> "<unknown>".
static KValue normalize_module(KValue filename) {
    ssize_t n = kstr_len(filename);
    if (n == 0) {
        return kstr_from_cstr("<unknown>");
    }
    if (n >= 3 && kstr_char((KStr *)filename, n - 3) == '.' &&
        kstr_char((KStr *)filename, n - 2) == 'p' && kstr_char((KStr *)filename, n - 1) == 'y') {
        return kstr_substr(filename, 0, n - 3);
    }
    return kval_newref(filename);
}

// The core of warn_explicit: filters, registries, then error/show.
static int warn_explicit(KValue category, KValue message, KValue filename, ssize_t lineno,
                         KValue module, KValue registry, KValue sourceline, KValue source) {
    if (registry && registry != KV_NONE && !kdict_check(registry)) {
        kerr_set(&kexc_TypeError, "'registry' must be a dict or None");
        return -1;
    }
    KValue text = KV_NULL, key = KV_NULL, action = KV_NULL, item = KV_NULL;
    int rc = -1;
    module = module ? kval_newref(module) : normalize_module(filename);
    if (!module) {
        return -1;
    }
    int is_warning = kobj_isinstance(message, kval_of(&kexc_Warning));
    if (is_warning < 0) {
        goto done;
    }
    if (is_warning) {
        text = kobj_str(message);
        category = kval_of(kval_type(message));
        message = kval_newref(message);
    } else {
        text = kval_newref(message);
        message = kobj_call1(category, message);
    }
    if (!text || !message) {
        goto done;
    }
    key = ktuple_pack(3, text, category, kint_from_i64(lineno));
    if (!key) {
        goto done;
    }
    if (registry && registry != KV_NONE) {
        int r = already_warned(registry, key, 0);
        if (r != 0) {
            rc = r > 0 ? 0 : -1;
            goto done;
        }
    }
    action = get_filter(category, text, lineno, module, &item);
    if (!action) {
        goto done;
    }
    if (kstr_eq_cstr(action, "error")) {
        kerr_raise(message);
        goto done;
    }
    rc = 0;
    if (kstr_eq_cstr(action, "ignore")) {
        goto done;
    }
    int seen = 0;
    if (!kstr_eq_cstr(action, "always")) {
        if (registry && registry != KV_NONE && kdict_set(registry, key, KV_TRUE) < 0) {
            rc = -1;
            goto done;
        }
        if (kstr_eq_cstr(action, "once")) {
            seen = update_registry(registry && registry != KV_NONE ? registry : once_registry,
                                   text, category, 0);
        } else if (kstr_eq_cstr(action, "module")) {
            if (registry && registry != KV_NONE) {
                seen = update_registry(registry, text, category, 0);
            }
        } else if (!kstr_eq_cstr(action, "default")) {
            kerr_format(&kexc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                        action, item);
            seen = -1;
        }
    }
    if (seen == 0) {
        seen = call_show_warning(category, text, message, filename, lineno, sourceline, source);
    }
    rc = seen < 0 ? -1 : 0;
done:
    kval_xdecref(module);
    kval_xdecref(text);
    kval_xdecref(message);
    kval_xdecref(key);
    kval_xdecref(action);
    kval_xdecref(item);
    return rc;
}

// The category of warn(message, category): the message's class when it is
// a Warning instance, UserWarning for None, else a Warning subclass.
static KValue get_category(KValue message, KValue category) {
    int is_warning = kobj_isinstance(message, kval_of(&kexc_Warning));
    if (is_warning < 0) {
        return KV_NULL;
    }
    if (is_warning) {
        return kval_of(kval_type(message));
    }
    if (!category || category == KV_NONE) {
        return kval_of(&kexc_UserWarning);
    }
    int ok = ktype_check(category) ? kobj_issubclass(category, kval_of(&kexc_Warning)) : 0;
    if (ok < 0) {
        return KV_NULL;
    }
    if (!ok) {
        kerr_format(&kexc_TypeError, "category must be a Warning subclass, not '%s'",
                    ktype_name(kval_type(category)));
        return KV_NULL;
    }
    return category;
}

// warn() from the frame 'stacklevel' levels up: its file, line, module
// name and __warningregistry__ (sys's when the stack is not that deep).
static int warn_at_level(KValue message, KValue category, ssize_t stacklevel, KValue source) {
    KFrame *f = kstate_ts->frame;
    while (--stacklevel > 0 && f) {
        f = f->previous;
    }
    KValue globals, filename;
    ssize_t lineno;
    if (!f) {
        globals = kmod_dict_borrow(kdict_get_cstr_borrow(kruntime.modules, "sys"));
        filename = kstr_from_cstr("sys");
        lineno = 1;
    } else {
        globals = f->globals;
        filename = kval_newref(f->code->filename);
        lineno = kframe_line(f);
    }
    if (!filename) {
        return -1;
    }
    KValue registry = kdict_get_cstr_borrow(globals, "__warningregistry__");
    if (registry) {
        kval_incref(registry);
    } else if (!(registry = kdict_new()) ||
               kdict_set_cstr(globals, "__warningregistry__", registry) < 0) {
        kval_xdecref(registry);
        kval_decref(filename);
        return -1;
    }
    KValue module = kdict_get_cstr_borrow(globals, "__name__");
    module = module && (module == KV_NONE || kstr_check(module)) ? kval_newref(module)
                                                                 : kstr_from_cstr("<string>");
    int r = module ? warn_explicit(category, message, filename, lineno, module, registry, KV_NULL,
                                   source)
                   : -1;
    kval_xdecref(module);
    kval_decref(registry);
    kval_decref(filename);
    return r;
}

static int init_state(void);

int kwarnings_warn(KType *category, const char *text, ssize_t stacklevel) {
    if (init_state() < 0) {
        return -1;
    }
    KValue msg = kstr_from_cstr(text);
    if (!msg) {
        return -1;
    }
    int r = warn_at_level(msg, kval_of(category), stacklevel, KV_NULL);
    kval_decref(msg);
    return r;
}

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// warn(message, category=None, stacklevel=1, source=None)
METHOD(w_warn) {
    (void)self;
    static const char *const kwlist[] = {"message", "category", "stacklevel", "source", NULL};
    KValue a[4];
    if (kargs_parse("warn", args, nargs, kw, kwlist, 1, 4, a) < 0) {
        return KV_NULL;
    }
    ssize_t stacklevel = 1;
    if (a[2]) {
        KValue n = knum_index(a[2]);
        stacklevel = n ? kint_as_ssize(n) : -1;
        kval_xdecref(n);
        if (stacklevel == -1 && kerr_occurred()) {
            return KV_NULL;
        }
    }
    KValue category = get_category(a[0], a[1]);
    if (!category) {
        return KV_NULL;
    }
    return warn_at_level(a[0], category, stacklevel, a[3]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// warn_explicit(message, category, filename, lineno, module=None,
//               registry=None, module_globals=None, source=None)
METHOD(w_warn_explicit) {
    (void)self;
    static const char *const kwlist[] = {"message", "category", "filename", "lineno", "module",
                                         "registry", "module_globals", "source", NULL};
    KValue a[8];
    if (kargs_parse("warn_explicit", args, nargs, kw, kwlist, 4, 8, a) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(a[2])) {
        kerr_format(&kexc_TypeError, "warn_explicit() argument 'filename' must be str, not %s",
                    ktype_name(kval_type(a[2])));
        return KV_NULL;
    }
    if (!kint_check(a[3])) {
        kerr_format(&kexc_TypeError, "'%s' object cannot be interpreted as an integer",
                    ktype_name(kval_type(a[3])));
        return KV_NULL;
    }
    ssize_t lineno = kint_as_ssize(a[3]);
    if (lineno == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (a[6] && a[6] != KV_NONE && !kdict_check(a[6])) {
        kerr_format(&kexc_TypeError, "module_globals must be a dict, not '%s'",
                    ktype_name(kval_type(a[6])));
        return KV_NULL;
    }
    int r = warn_explicit(a[1], a[0], a[2], lineno, a[4] && a[4] != KV_NONE ? a[4] : KV_NULL,
                          a[5], KV_NULL, a[7]);
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(w_filters_mutated) {
    (void)self, (void)args, (void)nargs, (void)kw;
    filters_version++;
    return kval_newref(KV_NONE);
}

static const KMethodDef warnings_methods[] = {
    {"warn", w_warn, KMETH_KW, NULL},
    {"warn_explicit", w_warn_explicit, KMETH_KW, NULL},
    {"_filters_mutated", w_filters_mutated, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

// (action, None, category, module, 0): module a plain str, matched exactly.
static int add_filter(const char *action, KType *category, const char *module) {
    KValue a = kstr_intern_cstr(action);
    KValue m = module ? kstr_from_cstr(module) : kval_newref(KV_NONE);
    KValue t = a && m ? ktuple_pack(5, a, KV_NONE, kval_of(category), m, kval_from_int(0))
                      : KV_NULL;
    int r = t ? klist_append(filters_list, t) : -1;
    kval_xdecref(a);
    kval_xdecref(m);
    kval_xdecref(t);
    return r;
}

static int init_state(void) {
    if (filters_list) {
        return 0;
    }
    filters_list = klist_new(0);
    once_registry = kdict_new();
    default_action = kstr_intern_cstr("default");
    if (!filters_list || !once_registry || !default_action ||
        add_filter("default", &kexc_DeprecationWarning, "__main__") < 0 ||
        add_filter("ignore", &kexc_DeprecationWarning, NULL) < 0 ||
        add_filter("ignore", &kexc_PendingDeprecationWarning, NULL) < 0 ||
        add_filter("ignore", &kexc_ImportWarning, NULL) < 0 ||
        add_filter("ignore", &kexc_ResourceWarning, NULL) < 0) {
        KVAL_CLEAR(filters_list);
        KVAL_CLEAR(once_registry);
        KVAL_CLEAR(default_action);
        return -1;
    }
    return 0;
}

KValue kmod_warnings_create(void) {
    if (init_state() < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_warnings");
    if (!m || kmod_add_functions(m, warnings_methods) < 0 ||
        kmod_add(m, "filters", filters_list) < 0 ||
        kmod_add(m, "_defaultaction", default_action) < 0 ||
        kmod_add(m, "_onceregistry", once_registry) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
