// vm/modules/sys_flags.c: the command line's settings as the sys module
// shows them: sys.flags (a named tuple of CPython 3.11's fields),
// sys.dont_write_bytecode, sys.pycache_prefix, and unbuffered streams (-u).
#include "../internal.h"

#include <stddef.h>
#include <string.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "sys_flags.h"

static const char *const field_names[] = {
    "debug",       "inspect",         "interactive",        "optimize",
    "dont_write_bytecode", "no_user_site", "no_site",       "ignore_environment",
    "verbose",     "bytes_warning",   "quiet",              "hash_randomization",
    "isolated",    "dev_mode",        "utf8_mode",          "warn_default_encoding",
    "safe_path",   "int_max_str_digits",
};
enum { NFIELDS = sizeof field_names / sizeof field_names[0] };

static KValue flags_repr(KValue self) {
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_cstr(&b, "sys.flags(");
    for (int i = 0; i < NFIELDS; i++) {
        KValue r = kobj_repr(ktuple_items(self)[i]);
        if (!r) {
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        kstr_builder_printf(&b, "%s%s=", i ? ", " : "", field_names[i]);
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    kstr_builder_char(&b, ')');
    return kstr_builder_finish(&b);
}

static KMemberDef flags_members[NFIELDS + 1];

static KType flags_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "sys.flags",
    .basicsize = sizeof(KTuple),
    .itemsize = sizeof(KValue),
    .flags = KTF_GC | KTF_TUPLE_SUBCLASS,
    .base = &ktuple_type,
    .repr = flags_repr,
    .members = flags_members,
};

static KValue make_flags(const KSysFlags *f) {
    for (int i = 0; i < NFIELDS; i++) {
        flags_members[i] = (KMemberDef){field_names[i], KMEMBER_OBJECT,
                                        offsetof(KTuple, items) + (size_t)i * sizeof(KValue), 1,
                                        NULL};
    }
    if (ktype_ready(&flags_type) < 0) {
        return KV_NULL;
    }
    KTuple *t = (KTuple *)kobj_alloc(&flags_type, sizeof(KTuple) + NFIELDS * sizeof(KValue));
    if (!t) {
        return kerr_no_memory();
    }
    int v[NFIELDS] = {0, 0, 0, f->optimize, f->dont_write_bytecode, f->isolated, 0,
                      f->ignore_environment, 0, 0, 0, 1, f->isolated, 0, 0, 0, 0, -1};
    t->len = NFIELDS;
    for (int i = 0; i < NFIELDS; i++) {
        t->items[i] = kval_from_int(v[i]);
    }
    t->items[13] = kval_newref(KV_FALSE);
    t->items[16] = kval_newref(f->isolated ? KV_TRUE : KV_FALSE);
    return kval_of(t);
}

// sys.warnoptions (a list of str) and sys._xoptions ({name: value}, True
// for an option without '=').
static KValue str_list(const char *const *items, int n) {
    KValue l = klist_new(0);
    for (int i = 0; l && i < n; i++) {
        KValue s = kstr_from_cstr(items[i]);
        if (!s || klist_append(l, s) < 0) {
            kval_xdecref(s);
            KVAL_CLEAR(l);
        }
        kval_xdecref(s);
    }
    return l;
}

static KValue make_xoptions(const KSysFlags *f) {
    KValue d = kdict_new();
    for (int i = 0; d && i < f->nxoptions; i++) {
        const char *opt = f->xoptions[i], *eq = strchr(opt, '=');
        KValue key = eq ? kstr_from_utf8(opt, eq - opt) : kstr_from_cstr(opt);
        KValue value = eq ? kstr_from_cstr(eq + 1) : kval_newref(KV_TRUE);
        if (!key || !value || kdict_set(d, key, value) < 0) {
            KVAL_CLEAR(d);
        }
        kval_xdecref(key);
        kval_xdecref(value);
    }
    return d;
}

static int add_steal(KValue sys, const char *name, KValue v_steal) {
    int r = v_steal ? kmod_add(sys, name, v_steal) : -1;
    kval_xdecref(v_steal);
    return r;
}

int ksys_apply_flags(const KSysFlags *f) {
    if (add_steal(kruntime.sys, "warnoptions", str_list(f->warnoptions, f->nwarnoptions)) < 0 ||
        add_steal(kruntime.sys, "_xoptions", make_xoptions(f)) < 0 ||
        add_steal(kruntime.sys, "orig_argv",
                  str_list((const char *const *)f->orig_argv, f->orig_argc)) < 0) {
        return -1;
    }
    KValue sys = kruntime.sys;
    KValue flags = make_flags(f);
    KValue prefix = f->pycache_prefix ? kstr_from_cstr(f->pycache_prefix) : kval_newref(KV_NONE);
    int r = flags && prefix && kmod_add(sys, "flags", flags) == 0 &&
                    kmod_add(sys, "dont_write_bytecode",
                             f->dont_write_bytecode ? KV_TRUE : KV_FALSE) == 0 &&
                    kmod_add(sys, "pycache_prefix", prefix) == 0
                ? 0
                : -1;
    kval_xdecref(flags);
    kval_xdecref(prefix);
    if (r == 0 && f->unbuffered) {
        ksys_set_write_through();
    }
    return r;
}
