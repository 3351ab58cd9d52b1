// vm/modules/pwd.c: the pwd and grp modules, the user and group
// databases: getpwuid/getpwnam/getpwall and getgrgid/getgrnam/getgrall,
// their records as struct sequences (pwd.struct_passwd, grp.struct_group)
// and CPython's KeyError and argument messages.
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <nss.h>
#include <pwd.h>
#include <string.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../errors.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../str.h"
#include "../structseq.h"
#include "../type.h"
#include "posix.h"

static const char *const passwd_fields[] = {"pw_name", "pw_passwd", "pw_uid",  "pw_gid",
                                            "pw_gecos", "pw_dir",   "pw_shell"};
static const KStructSeqDesc passwd_desc = {"pwd.struct_passwd", passwd_fields, 7, 7};
static KType passwd_type = {KOBJ_STATIC_HEAD(&ktype_type)};

static const char *const group_fields[] = {"gr_name", "gr_passwd", "gr_gid", "gr_mem"};
static const KStructSeqDesc group_desc = {"grp.struct_group", group_fields, 4, 4};
static KType group_type = {KOBJ_STATIC_HEAD(&ktype_type)};

static KValue fs_str(const char *s) {
    return kcodec_decode(s ? s : "", s ? (ssize_t)strlen(s) : 0, "utf-8", "surrogateescape");
}

// Releases the first 'n' of 'v' and returns KV_NULL when any is missing.
static int all_set(KValue *v, int n) {
    for (int i = 0; i < n; i++) {
        if (!v[i]) {
            for (int j = 0; j < n; j++) {
                kval_xdecref(v[j]);
            }
            return 0;
        }
    }
    return 1;
}

static KValue passwd_record(const struct passwd *p) {
    KValue v[7] = {fs_str(p->pw_name),         fs_str(p->pw_passwd), kint_from_u64(p->pw_uid),
                   kint_from_u64(p->pw_gid),   fs_str(p->pw_gecos),  fs_str(p->pw_dir),
                   fs_str(p->pw_shell)};
    return all_set(v, 7) ? kstructseq_new(&passwd_type, v) : KV_NULL;
}

static KValue group_record(const struct group *g) {
    KValue mem = klist_new(0);
    for (char **m = g->gr_mem; mem && m && *m; m++) {
        KValue s = fs_str(*m);
        if (!s || klist_append(mem, s) < 0) {
            KVAL_CLEAR(mem);
        }
        kval_xdecref(s);
    }
    KValue v[4] = {fs_str(g->gr_name), fs_str(g->gr_passwd), kint_from_u64(g->gr_gid), mem};
    return all_set(v, 4) ? kstructseq_new(&group_type, v) : KV_NULL;
}

// A uid or gid argument as CPython's _Py_Uid_Converter: 'found' 0 (no
// error) when it cannot name an id, which the lookups report as not found.
static int id_arg(KValue v, const char *what, unsigned *out, int *valid) {
    if (!kint_check(v) && !knb(kval_type(v))->index) {
        kerr_format(&kexc_TypeError, "%s should be integer, not %T", what, v);
        return -1;
    }
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    // CPython's converter: a value truncated by the cast is "less than
    // minimum", one beyond a C long "greater than maximum".
    int low = overflow < 0 || (!overflow && (n < -1 || n > (int64_t)UINT_MAX));
    int high = overflow > 0;
    // grp raises for an impossible gid; pwd reports it as not found.
    if (what[0] == 'g' && (low || high)) {
        kerr_format(&kexc_OverflowError, "%s is %s", what,
                    low ? "less than minimum" : "greater than maximum");
        return -1;
    }
    *valid = !low && !high;
    *out = *valid ? (unsigned)n : 0;
    return 0;
}

static int name_arg(const char *fname, KValue v, KValue *bytes) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument must be str, not %T", fname, v);
        return -1;
    }
    *bytes = kcodec_encode(v, "utf-8", "surrogateescape");
    if (!*bytes) {
        return -1;
    }
    ssize_t len;
    const char *s = kbytes_data(*bytes, &len);
    if ((ssize_t)strlen(s) != len) {
        kerr_set(&kexc_ValueError, "embedded null byte");
        KVAL_CLEAR(*bytes);
        return -1;
    }
    return 0;
}

static KValue not_found(const char *fmt, KValue arg) {
    KValue msg = arg ? kstr_from_format(fmt, arg) : kstr_from_cstr(fmt);
    if (msg) {
        kerr_set_value(&kexc_KeyError, msg);
        kval_decref(msg);
    }
    return KV_NULL;
}

void kposix_nss_setup(void) {
#ifdef KV_STATIC_LIBC
    static int done;
    if (!done) {
        done = 1;
        __nss_configure_lookup("passwd", "files");
        __nss_configure_lookup("group", "files");
        __nss_configure_lookup("shadow", "files");
        __nss_configure_lookup("initgroups", "files");
        __nss_configure_lookup("hosts", "files dns");
        __nss_configure_lookup("networks", "files dns");
        __nss_configure_lookup("services", "files");
        __nss_configure_lookup("protocols", "files");
    }
#endif
}

static KValue pw_getpwuid(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    unsigned uid;
    int valid;
    if (id_arg(args[0], "uid", &uid, &valid) < 0) {
        return KV_NULL;
    }
    kposix_nss_setup();
    struct passwd *p = valid ? getpwuid(uid) : NULL;
    if (!p) {
        return valid ? not_found("getpwuid(): uid not found: %S", args[0])
                     : not_found("getpwuid(): uid not found", KV_NULL);
    }
    return passwd_record(p);
}

static KValue pw_getpwnam(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    KValue name;
    if (name_arg("getpwnam", args[0], &name) < 0) {
        return KV_NULL;
    }
    ssize_t len;
    kposix_nss_setup();
    struct passwd *p = getpwnam(kbytes_data(name, &len));
    kval_decref(name);
    return p ? passwd_record(p) : not_found("getpwnam(): name not found: %R", args[0]);
}

static KValue pw_getpwall(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    KValue l = klist_new(0);
    kposix_nss_setup();
    setpwent();
    for (struct passwd *p; l && (p = getpwent()) != NULL;) {
        KValue r = passwd_record(p);
        if (!r || klist_append(l, r) < 0) {
            KVAL_CLEAR(l);
        }
        kval_xdecref(r);
    }
    endpwent();
    return l;
}

static KValue gr_getgrgid(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"id", NULL};
    KValue a[1];
    unsigned gid;
    int valid;
    if (kargs_unpack("getgrgid", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        id_arg(a[0], "gid", &gid, &valid) < 0) {
        return KV_NULL;
    }
    kposix_nss_setup();
    struct group *g = valid ? getgrgid(gid) : NULL;
    return g ? group_record(g) : not_found("getgrgid(): gid not found: %S", a[0]);
}

static KValue gr_getgrnam(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"name", NULL};
    KValue a[1], name;
    if (kargs_unpack("getgrnam", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        name_arg("getgrnam", a[0], &name) < 0) {
        return KV_NULL;
    }
    ssize_t len;
    kposix_nss_setup();
    struct group *g = getgrnam(kbytes_data(name, &len));
    kval_decref(name);
    return g ? group_record(g) : not_found("getgrnam(): name not found: %R", a[0]);
}

static KValue gr_getgrall(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    KValue l = klist_new(0);
    kposix_nss_setup();
    setgrent();
    for (struct group *g; l && (g = getgrent()) != NULL;) {
        KValue r = group_record(g);
        if (!r || klist_append(l, r) < 0) {
            KVAL_CLEAR(l);
        }
        kval_xdecref(r);
    }
    endgrent();
    return l;
}

static const KMethodDef pwd_methods[] = {
    {"getpwuid", pw_getpwuid, KMETH_O, NULL},
    {"getpwnam", pw_getpwnam, KMETH_O, NULL},
    {"getpwall", pw_getpwall, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMethodDef grp_methods[] = {
    {"getgrgid", gr_getgrgid, KMETH_KW, NULL},
    {"getgrnam", gr_getgrnam, KMETH_KW, NULL},
    {"getgrall", gr_getgrall, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KValue make_module(const char *name, const KMethodDef *methods, KType *type,
                          const KStructSeqDesc *desc, const char *type_attr) {
    if (!type->name && kstructseq_init_type(type, desc) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new(name);
    if (!m || kmod_add_functions(m, methods) < 0 || kmod_add(m, type_attr, kval_of(type)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}

KValue kmod_pwd_create(void) {
    return make_module("pwd", pwd_methods, &passwd_type, &passwd_desc, "struct_passwd");
}

KValue kmod_grp_create(void) {
    return make_module("grp", grp_methods, &group_type, &group_desc, "struct_group");
}
