// vm/modules/posix_proc.c: the posix functions on processes and the
// system: ids, kill, umask, the environment (putenv, unsetenv), fork with
// the register_at_fork hooks, exec, wait and system, _exit, uname, times,
// urandom, cpu_count, getloadavg, nice.
#include "posix.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "_signal.h"
#include "../abstract.h"
#include "../gil.h"
#include "../bytes.h"
#include "../codecs.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../structseq.h"
#include "../tuple.h"
#include "../type.h"

// ---------------------------------------------------------------------------
// Ids

#define ID_FN(name, call)                                                                        \
    static KValue px_##name(KValue self, const KValue *args, size_t nargs, KValue kw) {         \
        (void)self, (void)args, (void)nargs, (void)kw;                                           \
        return kint_from_i64((int64_t)(call));                                                   \
    }
ID_FN(getpid, getpid())
ID_FN(getppid, getppid())
ID_FN(getuid, getuid())
ID_FN(geteuid, geteuid())
ID_FN(getgid, getgid())
ID_FN(getegid, getegid())
ID_FN(getpgrp, getpgrp())

// A pid: a C int with the messages of CPython's "i" format unit.
static int pid_arg(KValue v, pid_t *pid) {
    if (kfloat_check(v)) {
        kerr_set(&kexc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow > 0 || (!overflow && n > INT_MAX)) {
        kerr_set(&kexc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (overflow < 0 || n < INT_MIN) {
        kerr_set(&kexc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *pid = (pid_t)n;
    return 0;
}

// kill's signal: a Py_ssize_t, cast to a C int as CPython does.
static int signal_arg(KValue v, int *sig) {
    if (kfloat_check(v)) {
        kerr_set(&kexc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *sig = (int)n;
    return 0;
}

static KValue px_getpgid(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"pid", NULL};
    KValue a[1];
    pid_t pid;
    if (kargs_unpack("getpgid", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        pid_arg(a[0], &pid) < 0) {
        return KV_NULL;
    }
    pid_t r = getpgid(pid);
    return r < 0 ? kposix_error() : kint_from_i64(r);
}

static KValue px_getsid(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    pid_t pid;
    if (kargs_count("getsid", nargs, 1, 1) < 0 || pid_arg(args[0], &pid) < 0) {
        return KV_NULL;
    }
    pid_t r = getsid(pid);
    return r < 0 ? kposix_error() : kint_from_i64(r);
}

static KValue px_setsid(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return setsid() < 0 ? kposix_error() : kval_newref(KV_NONE);
}

static KValue px_getgroups(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    int n = getgroups(0, NULL);
    gid_t *groups = n >= 0 ? kmem_alloc(((size_t)n + 1) * sizeof(gid_t)) : NULL;
    if (n < 0) {
        return kposix_error();
    }
    if (!groups) {
        return kerr_no_memory();
    }
    n = getgroups(n, groups);
    KValue l = n < 0 ? kposix_error() : klist_new(0);
    for (int i = 0; l && i < n; i++) {
        KValue g = kint_from_u64(groups[i]);
        if (!g || klist_append(l, g) < 0) {
            KVAL_CLEAR(l);
        }
        kval_xdecref(g);
    }
    kmem_free(groups);
    return l;
}

static KValue px_getlogin(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kposix_nss_setup();
    errno = 0;
    const char *name = getlogin();
    if (!name) {
        if (errno) {
            return kposix_error();
        }
        kerr_set(&kexc_OSError, "unable to determine login name");
        return KV_NULL;
    }
    return kposix_fs_decode(name, (ssize_t)strlen(name), 0);
}

static KValue px_kill(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    pid_t pid;
    int sig;
    if (kposix_parse_stack("kill", nargs, 2) < 0 || pid_arg(args[0], &pid) < 0 ||
        signal_arg(args[1], &sig) < 0) {
        return KV_NULL;
    }
    if (kill(pid, sig) < 0) {
        return kposix_error();
    }
    // A signal sent to this process runs its handler before kill() returns.
    return ksignal_run_pending() < 0 ? KV_NULL : kval_newref(KV_NONE);
}

static KValue px_killpg(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    pid_t pid;
    int sig;
    if (kposix_parse_stack("killpg", nargs, 2) < 0 || pid_arg(args[0], &pid) < 0 ||
        kposix_int_arg(args[1], &sig) < 0) {
        return KV_NULL;
    }
    return killpg(pid, sig) < 0 ? kposix_error() : kval_newref(KV_NONE);
}

static KValue px_umask(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int mask;
    if (kargs_count("umask", nargs, 1, 1) < 0 || kposix_int_arg(args[0], &mask) < 0) {
        return KV_NULL;
    }
    return kval_from_int(umask((mode_t)mask));
}

static KValue px_nice(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int inc;
    if (kargs_count("nice", nargs, 1, 1) < 0 || kposix_int_arg(args[0], &inc) < 0) {
        return KV_NULL;
    }
    errno = 0;
    int r = nice(inc);
    return r == -1 && errno ? kposix_error() : kval_from_int(r);
}

// ---------------------------------------------------------------------------
// The environment

// The NUL-terminated data of the bytes 'b', borrowed.
static const char *cstr(KValue b) {
    ssize_t len;
    return kbytes_data(b, &len);
}

KValue kposix_fs_bytes(KValue v) {
    KValue p = kposix_fspath(v);
    if (!p) {
        return KV_NULL;
    }
    KValue b = kstr_check(p) ? kcodec_encode(p, "utf-8", "surrogateescape") : kval_newref(p);
    kval_decref(p);
    if (!b) {
        return KV_NULL;
    }
    ssize_t len;
    const char *s = kbytes_data(b, &len);
    if ((ssize_t)strlen(s) != len) {
        kerr_set(&kexc_ValueError, "embedded null byte");
        KVAL_CLEAR(b);
    }
    return b;
}

static KValue px_putenv(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    if (kargs_count("putenv", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    KValue name = kposix_fs_bytes(args[0]);
    KValue value = name ? kposix_fs_bytes(args[1]) : KV_NULL;
    KValue r = KV_NULL;
    if (value) {
        const char *n = cstr(name);
        if (strchr(n, '=')) {
            kerr_set(&kexc_ValueError, "illegal environment variable name");
        } else {
            r = setenv(n, cstr(value), 1) ? kposix_error() : kval_newref(KV_NONE);
        }
    }
    kval_xdecref(name);
    kval_xdecref(value);
    return r;
}

static KValue px_unsetenv(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    if (kargs_count("unsetenv", nargs, 1, 1) < 0) {
        return KV_NULL;
    }
    KValue name = kposix_fs_bytes(args[0]);
    if (!name) {
        return KV_NULL;
    }
    KValue r = unsetenv(cstr(name)) ? kposix_error() : kval_newref(KV_NONE);
    kval_decref(name);
    return r;
}

// ---------------------------------------------------------------------------
// fork and its hooks

// register_at_fork's callables: lists in the module state, kept alive by
// the module dict ("_at_fork" entries would be visible, so they live here).
static KValue fork_before, fork_child, fork_parent;

static KValue px_register_at_fork(KValue self, const KValue *args, size_t nargs,
                                  KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"before", "after_in_child", "after_in_parent", NULL};
    KValue a[3];
    if (kargs_unpack("register_at_fork", args, nargs, kwnames, kwlist, 0, 0, a) < 0) {
        return KV_NULL;
    }
    if (!a[0] && !a[1] && !a[2]) {
        kerr_set(&kexc_TypeError, "At least one argument is required.");
        return KV_NULL;
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] && !kobj_is_callable(a[i])) {
            kerr_format(&kexc_TypeError, "'%s' must be callable, not %T", kwlist[i], a[i]);
            return KV_NULL;
        }
    }
    KValue *lists[3] = {&fork_before, &fork_child, &fork_parent};
    for (int i = 0; i < 3; i++) {
        if (!a[i]) {
            continue;
        }
        if (!*lists[i] && !(*lists[i] = klist_new(0))) {
            return KV_NULL;
        }
        if (klist_append(*lists[i], a[i]) < 0) {
            return KV_NULL;
        }
    }
    return kval_newref(KV_NONE);
}

// Calls each hook of 'list' (reversed for 'before', as CPython); a failing
// hook's exception is reported as unraisable and the others still run.
static void run_hooks(KValue list, int reverse) {
    if (!list) {
        return;
    }
    ssize_t n = klist_len(list);
    for (ssize_t k = 0; k < n && k < klist_len(list); k++) {
        KValue f = klist_items(list)[reverse ? klist_len(list) - 1 - k : k];
        kval_incref(f);
        KValue r = kobj_call0(f);
        if (!r) {
            KValue exc = kerr_fetch();
            ksys_write_stderr("Exception ignored in fork hook:\n");
            kerr_display(exc);
            kval_xdecref(exc);
        }
        kval_xdecref(r);
        kval_decref(f);
    }
}

void kposix_fork_hooks(int phase) {
    run_hooks(phase == KPOSIX_BEFORE_FORK  ? fork_before
              : phase == KPOSIX_FORK_CHILD ? fork_child
                                           : fork_parent,
              phase == KPOSIX_BEFORE_FORK);
}

static KValue px_fork(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    run_hooks(fork_before, 1);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        run_hooks(fork_parent, 0);
        errno = e;
        return kposix_error();
    }
    if (pid == 0) {
        kgil_after_fork(); // the calling thread is the child's only one
    }
    run_hooks(pid == 0 ? fork_child : fork_parent, 0);
    return kint_from_i64(pid);
}

// ---------------------------------------------------------------------------
// exec, wait, system, exit

// A NULL-ended array of C strings from the list or tuple 'seq', each kept
// alive in 'keep' (a new list). 'fname' names exec in messages.
static char **string_array(KValue seq, KValue *keep) {
    KValue *items = ktuple_check(seq) ? ktuple_items(seq) : klist_items(seq);
    ssize_t n = ktuple_check(seq) ? ktuple_len(seq) : klist_len(seq);
    char **arr = kmem_alloc(((size_t)n + 1) * sizeof(char *));
    *keep = arr ? klist_new(0) : KV_NULL;
    if (!*keep) {
        kmem_free(arr);
        return arr ? NULL : (kerr_no_memory(), NULL);
    }
    for (ssize_t i = 0; i < n; i++) {
        KValue b = kposix_fs_bytes(items[i]);
        if (!b || klist_append(*keep, b) < 0) {
            kval_xdecref(b);
            kmem_free(arr);
            KVAL_CLEAR(*keep);
            return NULL;
        }
        arr[i] = (char *)cstr(b);
        kval_decref(b);
    }
    arr[n] = NULL;
    return arr;
}

// "KEY=VALUE" as bytes, from one item of an exec environment.
static KValue env_entry(KValue env, KValue key) {
    KValue v = kobj_getitem(env, key);
    KValue kb = v ? kposix_fs_bytes(key) : KV_NULL;
    KValue vb = kb ? kposix_fs_bytes(v) : KV_NULL;
    KValue r = KV_NULL;
    if (vb) {
        ssize_t kl, vl;
        const char *ks = kbytes_data(kb, &kl), *vs = kbytes_data(vb, &vl);
        char *buf = kl && !strchr(ks, '=') ? kmem_alloc((size_t)(kl + vl + 1)) : NULL;
        if (buf) {
            memcpy(buf, ks, (size_t)kl);
            buf[kl] = '=';
            memcpy(buf + kl + 1, vs, (size_t)vl);
            r = kbytes_from_data(buf, kl + vl + 1);
            kmem_free(buf);
        } else if (!kl || strchr(ks, '=')) {
            kerr_set(&kexc_ValueError, "illegal environment variable name");
        } else {
            kerr_no_memory();
        }
    }
    kval_xdecref(v);
    kval_xdecref(kb);
    kval_xdecref(vb);
    return r;
}

// "KEY=VALUE" strings from the mapping 'env', kept alive in 'keep'.
static char **env_array(KValue env, KValue *keep) {
    KValue keys_fn = kobj_getattr_cstr(env, "keys");
    KValue keys = keys_fn ? kobj_call0(keys_fn) : KV_NULL;
    KValue list = keys ? klist_from_iterable(keys) : KV_NULL;
    KValue pairs = list ? klist_new(0) : KV_NULL;
    char **arr = NULL;
    for (ssize_t i = 0; pairs && i < klist_len(list); i++) {
        KValue pb = env_entry(env, klist_items(list)[i]);
        if (!pb || klist_append(pairs, pb) < 0) {
            KVAL_CLEAR(pairs);
        }
        kval_xdecref(pb);
    }
    if (pairs) {
        arr = string_array(pairs, keep);
    }
    kval_xdecref(keys_fn);
    kval_xdecref(keys);
    kval_xdecref(list);
    kval_xdecref(pairs);
    return arr;
}

static KValue exec_common(const char *fname, KValue path, KValue argv, KValue env) {
    if (!klist_check(argv) && !ktuple_check(argv)) {
        kerr_format(&kexc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return KV_NULL;
    }
    ssize_t n = ktuple_check(argv) ? ktuple_len(argv) : klist_len(argv);
    if (n == 0) {
        kerr_format(&kexc_ValueError, "%s() arg 2 must not be empty", fname);
        return KV_NULL;
    }
    if (env && !kdict_check(env) && !kval_type(env)->getitem) {
        kerr_format(&kexc_TypeError, "%s: environment must be a mapping object", fname);
        return KV_NULL;
    }
    KPath p;
    kpath_init(&p, fname, NULL, 0, 0);
    KValue keep_argv = KV_NULL, keep_env = KV_NULL;
    char **cargv = NULL, **cenv = NULL;
    if (kpath_convert(path, &p) == 0 && (cargv = string_array(argv, &keep_argv)) != NULL) {
        if (!cargv[0][0]) {
            kerr_format(&kexc_ValueError, "%s() arg 2 first element cannot be empty", fname);
        } else if (!env || (cenv = env_array(env, &keep_env)) != NULL) {
            if (cenv) {
                execve(p.narrow, cargv, cenv);
            } else {
                execv(p.narrow, cargv);
            }
            kposix_error(); // CPython names no file here
        }
    }
    kmem_free(cargv);
    kmem_free(cenv);
    kval_xdecref(keep_argv);
    kval_xdecref(keep_env);
    kpath_clear(&p);
    return KV_NULL;
}

static KValue px_execv(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    if (kargs_count("execv", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    return exec_common("execv", args[0], args[1], KV_NULL);
}

static KValue px_execve(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "argv", "env", NULL};
    KValue a[3];
    if (kargs_unpack("execve", args, nargs, kwnames, kwlist, 3, 3, a) < 0) {
        return KV_NULL;
    }
    return exec_common("execve", a[0], a[1], a[2]);
}

static KValue wait_result(pid_t pid, int status) {
    return pid < 0 ? kposix_error() : ktuple_pack(2, kint_from_i64(pid), kval_from_int(status));
}

static KValue px_waitpid(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    pid_t pid, r;
    int options, status = 0;
    if (kposix_parse_stack("waitpid", nargs, 2) < 0 || pid_arg(args[0], &pid) < 0 ||
        kposix_int_arg(args[1], &options) < 0) {
        return KV_NULL;
    }
    do {
        KThreadState *gil = kgil_save();
        r = waitpid(pid, &status, options);
        kgil_restore(gil);
    } while (r < 0 && errno == EINTR);
    return wait_result(r, status);
}

static KValue px_wait(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    pid_t r;
    int status = 0;
    do {
        r = wait(&status);
    } while (r < 0 && errno == EINTR);
    return wait_result(r, status);
}

static KValue px_waitstatus_to_exitcode(KValue self, const KValue *args, size_t nargs,
                                        KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"status", NULL};
    KValue a[1];
    int status;
    if (kargs_unpack("waitstatus_to_exitcode", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        kposix_int_arg(a[0], &status) < 0) {
        return KV_NULL;
    }
    if (WIFEXITED(status)) {
        return kval_from_int(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return kval_from_int(-WTERMSIG(status));
    }
    if (WIFSTOPPED(status)) {
        kerr_format(&kexc_ValueError, "process stopped by delivery of signal %d",
                    WSTOPSIG(status));
    } else {
        kerr_format(&kexc_ValueError, "invalid wait status: %d", status);
    }
    return KV_NULL;
}

static KValue px_system(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"command", NULL};
    KValue a[1];
    if (kargs_unpack("system", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    KValue cmd = kposix_fs_bytes(a[0]);
    if (!cmd) {
        return KV_NULL;
    }
    int r = system(cstr(cmd));
    kval_decref(cmd);
    return kval_from_int(r);
}

static KValue px__exit(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"status", NULL};
    KValue a[1];
    int status;
    if (kargs_unpack("_exit", args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        kposix_int_arg(a[0], &status) < 0) {
        return KV_NULL;
    }
    _exit(status);
}

static KValue px_abort(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    abort();
}

// ---------------------------------------------------------------------------
// System information

static const char *const uname_fields[] = {"sysname", "nodename", "release", "version",
                                           "machine"};
static const KStructSeqDesc uname_desc = {"posix.uname_result", uname_fields, 5, 5};
static KType uname_result_type = {KOBJ_STATIC_HEAD(&ktype_type)};

static const char *const times_fields[] = {"user", "system", "children_user",
                                           "children_system", "elapsed"};
static const KStructSeqDesc times_desc = {"posix.times_result", times_fields, 5, 5};
static KType times_result_type = {KOBJ_STATIC_HEAD(&ktype_type)};

static KValue px_uname(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    struct utsname u;
    if (uname(&u) < 0) {
        return kposix_error();
    }
    const char *s[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    KValue v[5];
    for (int i = 0; i < 5; i++) {
        v[i] = kposix_fs_decode(s[i], (ssize_t)strlen(s[i]), 0);
        if (!v[i]) {
            while (i--) {
                kval_decref(v[i]);
            }
            return KV_NULL;
        }
    }
    return kstructseq_new(&uname_result_type, v);
}

static KValue px_times(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) {
        return kposix_error();
    }
    double ticks = (double)sysconf(_SC_CLK_TCK);
    KValue v[5] = {
        kfloat_new((double)t.tms_utime / ticks),  kfloat_new((double)t.tms_stime / ticks),
        kfloat_new((double)t.tms_cutime / ticks), kfloat_new((double)t.tms_cstime / ticks),
        kfloat_new((double)c / ticks),
    };
    for (int i = 0; i < 5; i++) {
        if (!v[i]) {
            for (int j = 0; j < 5; j++) {
                kval_xdecref(v[j]);
            }
            return KV_NULL;
        }
    }
    return kstructseq_new(&times_result_type, v);
}

static KValue px_urandom(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    ssize_t n;
    if (kargs_count("urandom", nargs, 1, 1) < 0) {
        return KV_NULL;
    }
    n = knum_as_ssize(args[0], &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (n < 0) {
        kerr_set(&kexc_ValueError, "negative argument not allowed");
        return KV_NULL;
    }
    char *buf = kmem_alloc(n ? (size_t)n : 1);
    if (!buf) {
        return kerr_no_memory();
    }
    for (ssize_t done = 0; done < n;) {
        ssize_t r = getrandom(buf + done, (size_t)(n - done), 0);
        if (r < 0 && errno != EINTR) {
            kmem_free(buf);
            return kposix_error();
        }
        done += r > 0 ? r : 0;
    }
    KValue b = kbytes_from_data(buf, n);
    kmem_free(buf);
    return b;
}

static KValue px_cpu_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? kval_from_int(n) : kval_newref(KV_NONE);
}

static KValue px_getloadavg(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    double l[3];
    if (getloadavg(l, 3) != 3) {
        kerr_set(&kexc_OSError, "Load averages are unobtainable");
        return KV_NULL;
    }
    KValue a = kfloat_new(l[0]), b = kfloat_new(l[1]), c = kfloat_new(l[2]);
    KValue r = a && b && c ? ktuple_pack(3, a, b, c) : KV_NULL;
    kval_xdecref(a);
    kval_xdecref(b);
    kval_xdecref(c);
    return r;
}

int kposix_proc_init(KValue m) {
    if (!uname_result_type.name && (kstructseq_init_type(&uname_result_type, &uname_desc) < 0 ||
                                    kstructseq_init_type(&times_result_type, &times_desc) < 0)) {
        return -1;
    }
    return kmod_add(m, "uname_result", kval_of(&uname_result_type)) < 0 ||
                   kmod_add(m, "times_result", kval_of(&times_result_type)) < 0
               ? -1
               : 0;
}

const KMethodDef kposix_proc_methods[] = {
    {"getpid", px_getpid, KMETH_NOARGS, NULL},
    {"getppid", px_getppid, KMETH_NOARGS, NULL},
    {"getuid", px_getuid, KMETH_NOARGS, NULL},
    {"geteuid", px_geteuid, KMETH_NOARGS, NULL},
    {"getgid", px_getgid, KMETH_NOARGS, NULL},
    {"getegid", px_getegid, KMETH_NOARGS, NULL},
    {"getpgrp", px_getpgrp, KMETH_NOARGS, NULL},
    {"getpgid", px_getpgid, KMETH_KW, NULL},
    {"getsid", px_getsid, KMETH_O, NULL},
    {"setsid", px_setsid, KMETH_NOARGS, NULL},
    {"getgroups", px_getgroups, KMETH_NOARGS, NULL},
    {"getlogin", px_getlogin, KMETH_NOARGS, NULL},
    {"kill", px_kill, KMETH_FAST, NULL},
    {"killpg", px_killpg, KMETH_FAST, NULL},
    {"umask", px_umask, KMETH_O, NULL},
    {"nice", px_nice, KMETH_O, NULL},
    {"putenv", px_putenv, KMETH_FAST, NULL},
    {"unsetenv", px_unsetenv, KMETH_O, NULL},
    {"register_at_fork", px_register_at_fork, KMETH_KW, NULL},
    {"fork", px_fork, KMETH_NOARGS, NULL},
    {"execv", px_execv, KMETH_FAST, NULL},
    {"execve", px_execve, KMETH_KW, NULL},
    {"waitpid", px_waitpid, KMETH_FAST, NULL},
    {"wait", px_wait, KMETH_NOARGS, NULL},
    {"waitstatus_to_exitcode", px_waitstatus_to_exitcode, KMETH_KW, NULL},
    {"system", px_system, KMETH_KW, NULL},
    {"_exit", px__exit, KMETH_KW, NULL},
    {"abort", px_abort, KMETH_NOARGS, NULL},
    {"uname", px_uname, KMETH_NOARGS, NULL},
    {"times", px_times, KMETH_NOARGS, NULL},
    {"urandom", px_urandom, KMETH_O, NULL},
    {"cpu_count", px_cpu_count, KMETH_NOARGS, NULL},
    {"getloadavg", px_getloadavg, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
