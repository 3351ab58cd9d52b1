// vm/modules/sys_info.c: the descriptive part of sys: the named tuples
// int_info, float_info, hash_info and thread_info, the executable and the
// prefixes derived from it, the file system encoding, and small functions
// (call_tracing, is_finalizing, audit hooks). Values describe krait itself
// where it differs from CPython (int digits, the str hash).
#include <float.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
#include "sys_flags.h"

// ---------------------------------------------------------------------------
// Named tuples: a tuple subclass per kind, its fields as members, repr as
// CPython's structseq ("sys.float_info(max=..., ...)").

enum { INFO_MAX_FIELDS = 12 };

typedef struct InfoKind {
    KType type;
    const char *names[INFO_MAX_FIELDS];
    KMemberDef members[INFO_MAX_FIELDS + 1];
} InfoKind;

static KValue info_repr(KValue self) {
    const KMemberDef *m = kval_type(self)->members;
    KStrBuilder b;
    kstr_builder_init(&b);
    kstr_builder_cstr(&b, kval_type(self)->name);
    kstr_builder_char(&b, '(');
    for (ssize_t i = 0; i < ktuple_len(self) && m[i].name; i++) {
        KValue r = kobj_repr(ktuple_items(self)[i]);
        if (!r) {
            kstr_builder_discard(&b);
            return KV_NULL;
        }
        kstr_builder_printf(&b, "%s%s=", i ? ", " : "", m[i].name);
        kstr_builder_str(&b, r);
        kval_decref(r);
    }
    kstr_builder_char(&b, ')');
    return kstr_builder_finish(&b);
}

#define INFO_KIND(var, tname)                                                                    \
    static InfoKind var = {.type = {                                                             \
                               KOBJ_STATIC_HEAD(&ktype_type),                                    \
                               .name = tname,                                                    \
                               .basicsize = sizeof(KTuple),                                      \
                               .itemsize = sizeof(KValue),                                       \
                               .flags = KTF_GC | KTF_TUPLE_SUBCLASS,                             \
                               .base = &ktuple_type,                                             \
                               .repr = info_repr,                                                \
                           }}

INFO_KIND(int_info_kind, "sys.int_info");
INFO_KIND(float_info_kind, "sys.float_info");
INFO_KIND(hash_info_kind, "sys.hash_info");
INFO_KIND(thread_info_kind, "sys.thread_info");

// A named tuple of 'kind' with fields 'names' (NULL-ended) and the values
// 'values' (stolen; a KV_NULL among them fails the whole).
static KValue make_info(InfoKind *kind, const char *const *names, KValue *values) {
    int n = 0;
    while (names[n]) {
        n++;
    }
    int ok = 1;
    for (int i = 0; i < n; i++) {
        ok = ok && values[i];
    }
    if (ok && !kind->type.members) {
        for (int i = 0; i < n; i++) {
            kind->members[i] = (KMemberDef){names[i], KMEMBER_OBJECT,
                                            offsetof(KTuple, items) + (size_t)i * sizeof(KValue),
                                            1, NULL};
        }
        kind->type.members = kind->members;
        ok = ktype_ready(&kind->type) == 0;
    }
    KTuple *t = ok ? (KTuple *)kobj_alloc(&kind->type, sizeof(KTuple) + (size_t)n * sizeof(KValue))
                   : NULL;
    if (!t) {
        for (int i = 0; i < n; i++) {
            kval_xdecref(values[i]);
        }
        return ok ? kerr_no_memory() : KV_NULL;
    }
    t->len = n;
    for (int i = 0; i < n; i++) {
        t->items[i] = values[i];
    }
    return kval_of(t);
}

static KValue make_int_info(void) {
    static const char *const names[] = {"bits_per_digit", "sizeof_digit",
                                        "default_max_str_digits", "str_digits_check_threshold",
                                        NULL};
    KValue v[] = {kval_from_int(32), kval_from_int(4), kval_from_int(4300), kval_from_int(640)};
    return make_info(&int_info_kind, names, v);
}

static KValue make_float_info(void) {
    static const char *const names[] = {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                        "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                        "rounds", NULL};
    KValue v[] = {kfloat_new(DBL_MAX),        kval_from_int(DBL_MAX_EXP),
                  kval_from_int(DBL_MAX_10_EXP), kfloat_new(DBL_MIN),
                  kval_from_int(DBL_MIN_EXP), kval_from_int(DBL_MIN_10_EXP),
                  kval_from_int(DBL_DIG),     kval_from_int(DBL_MANT_DIG),
                  kfloat_new(DBL_EPSILON),    kval_from_int(FLT_RADIX),
                  kval_from_int(1)};
    return make_info(&float_info_kind, names, v);
}

// Numbers hash as CPython's (modulo 2**61 - 1); str and bytes use a seeded
// XXH3 instead of siphash13.
static KValue make_hash_info(void) {
    static const char *const names[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                        "hash_bits", "seed_bits", "cutoff", NULL};
    KValue v[] = {kval_from_int(64),      kint_from_i64(((int64_t)1 << 61) - 1),
                  kval_from_int(314159),  kval_from_int(0),
                  kval_from_int(1000003), kstr_from_cstr("xxh3"),
                  kval_from_int(64),      kval_from_int(64),
                  kval_from_int(0)};
    return make_info(&hash_info_kind, names, v);
}

static KValue make_thread_info(void) {
    static const char *const names[] = {"name", "lock", "version", NULL};
    KValue v[] = {kstr_from_cstr("pthread"), kstr_from_cstr("mutex+cond"),
                  kval_newref(KV_NONE)};
    return make_info(&thread_info_kind, names, v);
}

// ---------------------------------------------------------------------------
// Functions

#define SYSFN(name) static KValue sys_##name(KValue self, const KValue *args, size_t nargs, KValue kw)

SYSFN(getfilesystemencoding) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kstr_from_cstr("utf-8");
}

SYSFN(getfilesystemencodeerrors) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kstr_from_cstr("surrogateescape");
}

SYSFN(is_finalizing) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_newref(KV_FALSE);
}

// call_tracing(func, args): func(*args).
SYSFN(call_tracing) {
    (void)self, (void)kw;
    if (kargs_count("call_tracing", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    if (!ktuple_check(args[1])) {
        kerr_format(&kexc_TypeError, "call_tracing() argument 2 must be tuple, not %s",
                    ktype_name(kval_type(args[1])));
        return KV_NULL;
    }
    return kobj_call_tuple(args[0], args[1], KV_NULL);
}

static KValue audit_hooks; // list, created by the first addaudithook

SYSFN(addaudithook) {
    (void)self, (void)nargs, (void)kw;
    if (!audit_hooks && !(audit_hooks = klist_new(0))) {
        return KV_NULL;
    }
    return klist_append(audit_hooks, args[0]) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// audit(event, *args): each hook is called with (event, args).
SYSFN(audit) {
    (void)self, (void)kw;
    if (nargs == 0) {
        kerr_set(&kexc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "expected str for argument 'event', not %s",
                    ktype_name(kval_type(args[0])));
        return KV_NULL;
    }
    if (!audit_hooks || klist_len(audit_hooks) == 0) {
        return kval_newref(KV_NONE);
    }
    KValue rest = ktuple_from_array(args + 1, (ssize_t)nargs - 1);
    KValue hooks = rest ? klist_from_iterable(audit_hooks) : KV_NULL;
    for (ssize_t i = 0; hooks && i < klist_len(hooks); i++) {
        KValue r = kobj_call2(klist_items(hooks)[i], args[0], rest);
        if (!r) {
            KVAL_CLEAR(hooks);
            break;
        }
        kval_decref(r);
    }
    kval_xdecref(rest);
    if (!hooks) {
        return KV_NULL;
    }
    kval_decref(hooks);
    return kval_newref(KV_NONE);
}

static const KMethodDef info_methods[] = {
    {"getfilesystemencoding", sys_getfilesystemencoding, KMETH_NOARGS, NULL},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, KMETH_NOARGS, NULL},
    {"is_finalizing", sys_is_finalizing, KMETH_NOARGS, NULL},
    {"call_tracing", sys_call_tracing, KMETH_FAST, NULL},
    {"addaudithook", sys_addaudithook, KMETH_O, NULL},
    {"audit", sys_audit, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------

static int add_steal(KValue sys, const char *name, KValue v_steal) {
    int r = v_steal ? kmod_add(sys, name, v_steal) : -1;
    kval_xdecref(v_steal);
    return r;
}

// The kernel's name for /proc/self/exe is already canonical (absolute, no
// symbolic links), so one readlink answers what realpath would find with a
// readlink per path component (10 system calls for build/bin/krait, and
// start-up asks three times). A deleted or unreachable executable is left to
// realpath, which fails for it.
static char *find_executable(void) {
    for (size_t cap = 256; cap <= 65536; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            return NULL;
        }
        ssize_t n = readlink("/proc/self/exe", buf, cap);
        if (n < 0) {
            free(buf);
            break;
        }
        if ((size_t)n < cap) {
            buf[n] = 0;
            static const char deleted[] = " (deleted)";
            size_t dn = sizeof deleted - 1;
            if (buf[0] == '/' && !((size_t)n >= dn && !strcmp(buf + n - dn, deleted))) {
                return buf;
            }
            free(buf);
            break;
        }
        free(buf);
    }
    return realpath("/proc/self/exe", NULL);
}

const char *ksys_executable_path(void) {
    static char *path;
    static int found;
    if (!found) {
        found = 1;
        path = find_executable();
    }
    return path;
}

// sys.executable: the absolute path of this binary; the prefixes: the
// directory above its own ("/usr" for "/usr/bin/krait").
static int add_paths(KValue sys) {
    const char *self = ksys_executable_path();
    char *exe = self ? strdup(self) : NULL;
    KValue executable = kstr_from_cstr(exe ? exe : "");
    char *slash = exe ? strrchr(exe, '/') : NULL;
    if (slash) {
        *slash = 0;
        slash = strrchr(exe, '/');
        if (slash) {
            *(slash == exe ? slash + 1 : slash) = 0;
        }
    }
    KValue prefix = kstr_from_cstr(exe && slash ? exe : "");
    free(exe);
    int r = executable && prefix && kmod_add(sys, "executable", executable) == 0 &&
                    kmod_add(sys, "_base_executable", executable) == 0 &&
                    kmod_add(sys, "prefix", prefix) == 0 &&
                    kmod_add(sys, "base_prefix", prefix) == 0 &&
                    kmod_add(sys, "exec_prefix", prefix) == 0 &&
                    kmod_add(sys, "base_exec_prefix", prefix) == 0
                ? 0
                : -1;
    kval_xdecref(executable);
    kval_xdecref(prefix);
    return r;
}

int ksys_add_info(KValue sys) {
    if (kmod_add_functions(sys, info_methods) < 0 || add_paths(sys) < 0 ||
        add_steal(sys, "int_info", make_int_info()) < 0 ||
        add_steal(sys, "float_info", make_float_info()) < 0 ||
        add_steal(sys, "hash_info", make_hash_info()) < 0 ||
        add_steal(sys, "thread_info", make_thread_info()) < 0 ||
        add_steal(sys, "float_repr_style", kstr_from_cstr("short")) < 0 ||
        add_steal(sys, "abiflags", kstr_from_cstr("")) < 0 ||
        add_steal(sys, "platlibdir", kstr_from_cstr("lib")) < 0 ||
        add_steal(sys, "api_version", kval_from_int(1013)) < 0 ||
        add_steal(sys, "copyright", kstr_from_cstr("krait: a Python 3.11 implementation")) < 0) {
        return -1;
    }
    return 0;
}
