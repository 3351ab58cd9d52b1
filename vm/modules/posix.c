// vm/modules/posix.c: the posix module (what os.py imports as its
// platform layer): path, file descriptor and dir_fd arguments with
// CPython's conversions and messages (shared by posix_*.c through
// posix.h), errors naming their files, fspath, the constants, environ (a
// dict of bytes) and _have_functions. The functions live in posix_fs.c
// (files and directories), posix_fd.c (file descriptors), posix_proc.c
// (processes, users, system information) and posix_scandir.c.
#include "posix.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

extern char **environ;

// ---------------------------------------------------------------------------
// Arguments

void kpath_init(KPath *p, const char *fname, const char *argname, int nullable, int allow_fd) {
    memset(p, 0, sizeof *p);
    p->fname = fname;
    p->argname = argname ? argname : "path";
    p->nullable = nullable;
    p->allow_fd = allow_fd;
    p->fd = -1;
}

void kpath_clear(KPath *p) {
    KVAL_CLEAR(p->bytes);
    KVAL_CLEAR(p->converted);
    p->narrow = NULL;
}

// "stat: path should be string, bytes, os.PathLike or integer, not list"
static KValue path_type_message(const KPath *p, KValue arg) {
    const char *allowed = p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
                          : p->allow_fd              ? "string, bytes, os.PathLike or integer"
                          : p->nullable              ? "string, bytes, os.PathLike or None"
                                                     : "string, bytes or os.PathLike";
    return kstr_from_format("%s: %s should be %s, not %T", p->fname, p->argname, allowed, arg);
}

static int path_type_error(const KPath *p, KValue arg) {
    KValue msg = path_type_message(p, arg);
    if (msg) {
        kerr_set_value(&kexc_TypeError, msg);
        kval_decref(msg);
    }
    return -1;
}

// A bytes-like path (bytearray, memoryview): still taken, with CPython's
// DeprecationWarning, as a copy in bytes.
static KValue buffer_path(const KPath *p, KValue arg) {
    const char *data;
    ssize_t len;
    if (!kbytes_get_buffer(arg, &data, &len)) {
        return KV_NULL;
    }
    KValue msg = path_type_message(p, arg);
    int r = msg ? kwarnings_warn(&kexc_DeprecationWarning, kstr_utf8(msg, NULL), 1) : -1;
    kval_xdecref(msg);
    if (r < 0) {
        return KV_NULL;
    }
    kbytes_get_buffer(arg, &data, &len); // the warning may have run code
    return kbytes_from_data(data, len);
}

static KValue fspath_name(void) {
    static KValue name;
    if (!name) {
        name = kstr_intern_cstr("__fspath__");
    }
    return name;
}

// type(v).__fspath__(v), checked to be str or bytes; 'found' 0 when absent.
static KValue call_fspath(KValue v, int *found) {
    KValue name = fspath_name();
    if (!name) {
        *found = 1;
        return KV_NULL;
    }
    KValue r = kobj_call_special(v, name, NULL, 0, found);
    if (r && !kstr_check(r) && !kbytes_check(r)) {
        kerr_format(&kexc_TypeError, "expected %s.__fspath__() to return str or bytes, not %T",
                    kval_type(v)->name, r);
        KVAL_CLEAR(r);
    }
    return r;
}

KValue kposix_fspath(KValue v) {
    if (kstr_check(v) || kbytes_check(v)) {
        return kval_newref(v);
    }
    int found;
    KValue r = call_fspath(v, &found);
    if (!found) {
        kerr_format(&kexc_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
    }
    return r;
}

static int fd_from_index(KValue v, int *fd) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow > 0 || (!overflow && n > INT_MAX)) {
        kerr_set(&kexc_OverflowError, "fd is greater than maximum");
        return -1;
    }
    if (overflow < 0 || n < INT_MIN) {
        kerr_set(&kexc_OverflowError, "fd is less than minimum");
        return -1;
    }
    *fd = (int)n;
    return 0;
}

static int has_index(KValue v) {
    return kint_check(v) || knb(kval_type(v))->index;
}

int kpath_convert(KValue arg, KPath *p) {
    p->object = arg ? arg : KV_NONE;
    if (p->object == KV_NONE && p->nullable) {
        return 0;
    }
    KValue o = p->object;
    if (!(p->allow_fd && has_index(o)) && !kstr_check(o) && !kbytes_check(o) &&
        (kbytearray_check(o) || kmemoryview_check(o))) {
        p->converted = buffer_path(p, o);
        if (!p->converted) {
            return kerr_occurred() ? -1 : path_type_error(p, o);
        }
        o = p->converted; // errors name the original object, as CPython
    }
    if (!(p->allow_fd && has_index(o)) && !kstr_check(o) && !kbytes_check(o)) {
        int found;
        p->converted = call_fspath(o, &found);
        if (!found) {
            return path_type_error(p, o);
        }
        if (!p->converted) {
            return -1;
        }
        // What __fspath__ returned is what errors name (CPython's path->object).
        o = p->object = p->converted;
    }
    if (kstr_check(o)) {
        p->bytes = kcodec_encode(o, "utf-8", "surrogateescape");
        if (!p->bytes) {
            kpath_clear(p);
            return -1;
        }
    } else if (kbytes_check(o)) {
        p->bytes = kval_newref(o);
        p->is_bytes = 1;
    } else {
        if (fd_from_index(o, &p->fd) < 0) {
            return -1;
        }
        if (p->fd < 0) {
            // A negative fd fails with EBADF; -1 is also CPython's "no fd"
            // mark, so there the call gets a NULL path and fails with
            // EFAULT. Say so without making the call.
            errno = p->fd == -1 ? EFAULT : EBADF;
            kerr_from_errno(p->object);
            return -1;
        }
        return 0;
    }
    ssize_t len;
    p->narrow = kbytes_data(p->bytes, &len);
    if ((ssize_t)strlen(p->narrow) != len) {
        if (kstr_check(o)) {
            kerr_set(&kexc_ValueError, "embedded null byte");
        } else {
            kerr_format(&kexc_ValueError, "%s: embedded null character in %s", p->fname,
                        p->argname);
        }
        kpath_clear(p);
        return -1;
    }
    return 0;
}

int kposix_int_arg(KValue v, int *out) {
    return knum_as_int(v, out);
}

int kposix_fd_arg(KValue v, int *fd) {
    return kposix_int_arg(v, fd);
}

int kposix_dir_fd_arg(KValue v, int *fd) {
    if (!v || v == KV_NONE) {
        *fd = AT_FDCWD;
        return 0;
    }
    if (!has_index(v)) {
        kerr_format(&kexc_TypeError, "argument should be integer or None, not %T", v);
        return -1;
    }
    return fd_from_index(v, fd);
}

int kposix_bool_arg(KValue v, int dflt, int *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    int t = kobj_is_true(v);
    if (t < 0) {
        return -1;
    }
    *out = t;
    return 0;
}

int kposix_parse_stack(const char *fname, size_t nargs, int count) {
    if ((int)nargs == count) {
        return 0;
    }
    kerr_format(&kexc_TypeError, "%s() takes exactly %d argument%s (%zu given)", fname, count,
                count == 1 ? "" : "s", nargs);
    return -1;
}

int kposix_check_fd_combos(const KPath *p, int dir_fd, int follow_symlinks) {
    if (p->fd >= 0 && dir_fd != AT_FDCWD) {
        kerr_format(&kexc_ValueError, "%s: can't specify dir_fd without matching path",
                    p->fname);
        return -1;
    }
    if (p->fd >= 0 && !follow_symlinks) {
        kerr_format(&kexc_ValueError, "%s: cannot use fd and follow_symlinks together",
                    p->fname);
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Errors and results

KValue kposix_path_error(const KPath *p, const KPath *p2) {
    kerr_from_errno2(p ? p->object : KV_NULL, p2 ? p2->object : KV_NULL);
    return KV_NULL;
}

KValue kposix_error(void) {
    kerr_from_errno(KV_NULL);
    return KV_NULL;
}

KValue kposix_fs_decode(const char *s, ssize_t len, int as_bytes) {
    return as_bytes ? kbytes_from_data(s, len) : kcodec_decode(s, len, "utf-8", "surrogateescape");
}

// ---------------------------------------------------------------------------
// Module functions that belong nowhere else

static KValue px_fspath(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", NULL};
    KValue a[1];
    if (kargs_unpack("fspath", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    return kposix_fspath(a[0]);
}

static KValue px_strerror(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int code;
    if (kargs_count("strerror", nargs, 1, 1) < 0 || kposix_int_arg(args[0], &code) < 0) {
        return KV_NULL;
    }
    const char *msg = strerror(code);
    if (!msg) {
        kerr_set(&kexc_ValueError, "strerror() argument out of range");
        return KV_NULL;
    }
    return kcodec_decode(msg, (ssize_t)strlen(msg), "utf-8", "surrogateescape");
}

// The W*() macros on a wait status: status=int, a keyword too.
static int status_arg(const char *fname, const KValue *args, size_t nargs, KValue kwnames,
                      int *status) {
    static const char *const kwlist[] = {"status", NULL};
    KValue a[1];
    if (kargs_unpack(fname, args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return -1;
    }
    return kposix_int_arg(a[0], status);
}

#define WAIT_MACRO(NAME, RESULT)                                                                 \
    static KValue px_##NAME(KValue self, const KValue *args, size_t nargs, KValue kwnames) {     \
        (void)self;                                                                              \
        int status;                                                                              \
        if (status_arg(#NAME, args, nargs, kwnames, &status) < 0) {                              \
            return KV_NULL;                                                                      \
        }                                                                                        \
        return RESULT(NAME(status));                                                             \
    }
#define AS_INT(x) kval_from_int(x)
#define AS_BOOL(x) kbool_from((x) != 0)
WAIT_MACRO(WEXITSTATUS, AS_INT)
WAIT_MACRO(WTERMSIG, AS_INT)
WAIT_MACRO(WSTOPSIG, AS_INT)
WAIT_MACRO(WIFEXITED, AS_BOOL)
WAIT_MACRO(WIFSIGNALED, AS_BOOL)
WAIT_MACRO(WIFSTOPPED, AS_BOOL)
WAIT_MACRO(WIFCONTINUED, AS_BOOL)
WAIT_MACRO(WCOREDUMP, AS_BOOL)

static const KMethodDef posix_methods[] = {
    {"fspath", px_fspath, KMETH_KW, NULL},
    {"strerror", px_strerror, KMETH_O, NULL},
    {"WEXITSTATUS", px_WEXITSTATUS, KMETH_KW, NULL},
    {"WTERMSIG", px_WTERMSIG, KMETH_KW, NULL},
    {"WSTOPSIG", px_WSTOPSIG, KMETH_KW, NULL},
    {"WIFEXITED", px_WIFEXITED, KMETH_KW, NULL},
    {"WIFSIGNALED", px_WIFSIGNALED, KMETH_KW, NULL},
    {"WIFSTOPPED", px_WIFSTOPPED, KMETH_KW, NULL},
    {"WIFCONTINUED", px_WIFCONTINUED, KMETH_KW, NULL},
    {"WCOREDUMP", px_WCOREDUMP, KMETH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// Constants, environ, _have_functions

#define C(name) {#name, name}
static const struct {
    const char *name;
    long value;
} constants[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK),
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_ACCMODE), C(O_APPEND), C(O_ASYNC), C(O_CLOEXEC),
    C(O_CREAT), C(O_DIRECT), C(O_DIRECTORY), C(O_DSYNC), C(O_EXCL), C(O_FSYNC), C(O_LARGEFILE),
    C(O_NDELAY), C(O_NOATIME), C(O_NOCTTY), C(O_NOFOLLOW), C(O_NONBLOCK), C(O_PATH), C(O_RSYNC),
    C(O_SYNC), C(O_TMPFILE), C(O_TRUNC),
    C(SEEK_DATA), C(SEEK_HOLE),
    C(WNOHANG), C(WUNTRACED), C(WCONTINUED), C(WEXITED), C(WSTOPPED), C(WNOWAIT),
    C(P_ALL), C(P_PID), C(P_PGID),
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST),
    C(EX_UNAVAILABLE), C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT), C(EX_IOERR),
    C(EX_TEMPFAIL), C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG),
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST),
    C(PRIO_PROCESS), C(PRIO_PGRP), C(PRIO_USER),
    C(NGROUPS_MAX), C(TMP_MAX),
    {NULL, 0},
};
#undef C

// What os.py reads to fill supports_dir_fd, supports_fd and
// supports_follow_symlinks: only what the functions here really accept.
static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR",  "HAVE_FCHMOD",    "HAVE_FCHMODAT",   "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",  "HAVE_FDOPENDIR", "HAVE_FSTATAT", "HAVE_FSTATVFS",   "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",  "HAVE_LINKAT",  "HAVE_LCHOWN",    "HAVE_LSTAT",      "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",  "HAVE_OPENAT",  "HAVE_READLINKAT", "HAVE_RENAMEAT",  "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",  "HAVE_UTIMENSAT", NULL,
};

static int add_str_list(KValue m, const char *name, const char *const *items) {
    KValue l = klist_new(0);
    for (int i = 0; l && items[i]; i++) {
        KValue s = kstr_from_cstr(items[i]);
        if (!s || klist_append(l, s) < 0) {
            kval_xdecref(s);
            KVAL_CLEAR(l);
        } else {
            kval_decref(s);
        }
    }
    int r = l ? kmod_add(m, name, l) : -1;
    kval_xdecref(l);
    return r;
}

// posix.environ: bytes to bytes, the first of duplicate names winning.
static KValue make_environ(void) {
    KValue d = kdict_new();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) {
            continue;
        }
        KValue k = kbytes_from_data(*e, eq - *e);
        KValue v = k ? kbytes_from_data(eq + 1, (ssize_t)strlen(eq + 1)) : KV_NULL;
        int r = !v ? -1 : kdict_contains(d, k) ? 0 : kdict_set(d, k, v);
        kval_xdecref(k);
        kval_xdecref(v);
        if (r < 0) {
            KVAL_CLEAR(d);
        }
    }
    return d;
}

static int add_constants(KValue m) {
    for (int i = 0; constants[i].name; i++) {
        KValue v = kint_from_i64(constants[i].value);
        int r = v ? kmod_add(m, constants[i].name, v) : -1;
        kval_xdecref(v);
        if (r < 0) {
            return -1;
        }
    }
    KValue env = make_environ();
    int r = env ? kmod_add(m, "environ", env) : -1;
    kval_xdecref(env);
    if (r < 0 || kmod_add(m, "error", kval_of(&kexc_OSError)) < 0) {
        return -1;
    }
    return add_str_list(m, "_have_functions", have_functions);
}

KValue kmod_posix_create(void) {
    KValue m = kmod_new("posix");
    if (!m || kmod_add_functions(m, posix_methods) < 0 ||
        kmod_add_functions(m, kposix_fs_methods) < 0 ||
        kmod_add_functions(m, kposix_fd_methods) < 0 ||
        kmod_add_functions(m, kposix_proc_methods) < 0 ||
        kmod_add_functions(m, kposix_scandir_methods) < 0 ||
        kmod_add_functions(m, kposix_conf_methods) < 0 || add_constants(m) < 0 ||
        kposix_conf_init(m) < 0 ||
        kposix_fs_init(m) < 0 || kposix_fd_init(m) < 0 || kposix_proc_init(m) < 0 || kposix_scandir_init(m) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
