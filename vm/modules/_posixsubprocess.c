// vm/modules/_posixsubprocess.c: fork_exec, the process start of
// subprocess.Popen on POSIX, with CPython 3.11's arguments and child
// protocol. Everything the child needs (argv, environment, executables,
// descriptors to keep) is converted before fork(); the child only makes
// async-signal-safe calls (but for a preexec_fn, which is Python code, as
// in CPython). A child that fails before or at exec writes
// "OSError:<hex errno>:" (plus "noexec" when it failed before reaching
// exec, e.g. in chdir) or "SubprocessError:0:<message>" to errpipe_write
// and exits with 255; subprocess.py turns that into the exception.
#include "../internal.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../tuple.h"
#include "posix.h"

// What the child does, all prepared in the parent.
typedef struct Child {
    char **argv, **exes, **envp; // NULL-ended; envp NULL: inherit
    const char *cwd;
    int close_fds;
    int *keep; // sorted descriptors to keep open
    ssize_t nkeep;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    int restore_signals, call_setsid;
    pid_t pgid;
    gid_t gid;
    uid_t uid;
    int set_gid, set_uid;
    gid_t *groups;
    ssize_t ngroups; // -1: leave the supplementary groups
    int umask;
    KValue preexec_fn;
} Child;

// Converted arguments kept alive until the parent returns.
typedef struct Holder {
    KValue keep; // a list of the bytes objects the C arrays point into
} Holder;

// A NULL-ended array of the file system bytes of 'seq's items (a list or a
// tuple); NULL with an exception.
static char **byte_array(KValue seq, Holder *h) {
    KValue fast = kseq_fast(seq, "expected a sequence");
    if (!fast) {
        return NULL;
    }
    ssize_t n = ktuple_check(fast) ? ktuple_len(fast) : klist_len(fast);
    char **arr = kmem_alloc(((size_t)n + 1) * sizeof(char *));
    if (!arr) {
        kval_decref(fast);
        kerr_no_memory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (i >= (ktuple_check(fast) ? ktuple_len(fast) : klist_len(fast))) {
            n = i; // __fspath__ shortened a list
            break;
        }
        KValue *items = ktuple_check(fast) ? ktuple_items(fast) : klist_items(fast);
        KValue item = kval_newref(items[i]);
        KValue b = kposix_fs_bytes(item);
        kval_decref(item);
        if (!b || klist_append(h->keep, b) < 0) {
            kval_xdecref(b);
            kval_decref(fast);
            kmem_free(arr);
            return NULL;
        }
        ssize_t len;
        arr[i] = (char *)kbytes_data(b, &len);
        kval_decref(b);
    }
    arr[n] = NULL;
    kval_decref(fast);
    return arr;
}

// fds_to_keep: a tuple of sorted descriptors (CPython's check).
static int keep_arg(KValue v, Child *c) {
    if (!ktuple_check(v)) {
        kerr_format(&kexc_TypeError, "fork_exec() argument 4 must be tuple, not %T", v);
        return -1;
    }
    c->nkeep = ktuple_len(v);
    c->keep = kmem_alloc(((size_t)c->nkeep + 1) * sizeof(int));
    if (!c->keep) {
        kerr_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < c->nkeep; i++) {
        KValue item = ktuple_items(v)[i];
        int overflow = 0;
        int64_t fd = kint_check(item) ? kint_as_i64_overflow(item, &overflow) : -1;
        if (overflow || fd < 0 || fd > INT32_MAX || (i > 0 && fd <= c->keep[i - 1])) {
            kerr_set(&kexc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        c->keep[i] = (int)fd;
    }
    return 0;
}

// A C int argument (the descriptors, the umask, the process group).
static int int_arg(KValue v, int *out) {
    return kposix_int_arg(v, out);
}

// An id argument: None leaves it (0 returned in '*set'), else an int.
static int id_arg(KValue v, int *set, unsigned *out) {
    *set = 0;
    if (v == KV_NONE) {
        return 0;
    }
    int overflow = 0;
    int64_t n = kint_check(v) ? kint_as_i64_overflow(v, &overflow) : -2;
    if (n == -2 && !kint_check(v)) {
        kerr_format(&kexc_TypeError, "uid should be integer, not %T", v);
        return -1;
    }
    if (overflow || n < -1 || n > UINT32_MAX) {
        kerr_set(&kexc_OverflowError, "uid is greater than maximum");
        return -1;
    }
    *set = n != -1;
    *out = (unsigned)n;
    return 0;
}

static int groups_arg(KValue v, Child *c) {
    c->ngroups = -1;
    if (v == KV_NONE) {
        return 0;
    }
    if (!klist_check(v)) {
        kerr_set(&kexc_TypeError, "setgroups argument must be a list");
        return -1;
    }
    c->ngroups = klist_len(v);
    c->groups = kmem_alloc(((size_t)c->ngroups + 1) * sizeof(gid_t));
    if (!c->groups) {
        kerr_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < c->ngroups; i++) {
        int set;
        unsigned g;
        if (id_arg(klist_items(v)[i], &set, &g) < 0) {
            return -1;
        }
        c->groups[i] = (gid_t)g;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// The child (after fork: async-signal-safe calls only).

static void write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static int set_inheritable(int fd, int inheritable) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return -1;
    }
    int want = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    return want == flags ? 0 : fcntl(fd, F_SETFD, want);
}

// Closes every descriptor from 3 up but those in 'keep'.
static void close_open_fds(const int *keep, ssize_t nkeep) {
    struct rlimit rl;
    int max = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
                      rl.rlim_cur < (rlim_t)INT32_MAX
                  ? (int)rl.rlim_cur
                  : 65536;
    int lo = 3;
    for (ssize_t i = 0; i <= nkeep; i++) {
        int hi = i < nkeep ? keep[i] - 1 : max - 1;
        if (hi >= lo) {
#ifdef SYS_close_range
            if (syscall(SYS_close_range, (unsigned)lo, i < nkeep ? (unsigned)hi : ~0U, 0) ==
                0) {
                lo = i < nkeep ? keep[i] + 1 : lo;
                continue;
            }
#endif
            for (int fd = lo; fd <= hi; fd++) {
                close(fd);
            }
        }
        if (i < nkeep && keep[i] + 1 > lo) {
            lo = keep[i] + 1;
        }
    }
}

// Reports 'err' (0: the preexec_fn message) to the parent and exits.
static _Noreturn void child_fail(const Child *c, int err, int before_exec) {
    if (err) {
        char hex[2 * sizeof(int) + 1];
        size_t n = sizeof hex;
        unsigned u = (unsigned)err;
        while (u && n) {
            hex[--n] = "0123456789abcdef"[u % 16];
            u /= 16;
        }
        write_all(c->errpipe_write, "OSError:", 8);
        write_all(c->errpipe_write, hex + n, sizeof hex - n);
        write_all(c->errpipe_write, ":", 1);
        if (before_exec) {
            write_all(c->errpipe_write, "noexec", 6);
        }
    } else {
        static const char msg[] = "SubprocessError:0:Exception occurred in preexec_fn.";
        write_all(c->errpipe_write, msg, sizeof msg - 1);
    }
    _exit(255);
}

#define CHILD_CALL(call)                                                                         \
    do {                                                                                         \
        if ((call) < 0) {                                                                        \
            child_fail(c, errno, 1);                                                             \
        }                                                                                        \
    } while (0)

static _Noreturn void run_child(const Child *c) {
    for (ssize_t i = 0; i < c->nkeep; i++) {
        if (c->keep[i] != c->errpipe_write) {
            CHILD_CALL(set_inheritable(c->keep[i], 1));
        }
    }
    // The parent's ends of the pipes.
    if (c->p2cwrite != -1) {
        CHILD_CALL(close(c->p2cwrite));
    }
    if (c->c2pread != -1) {
        CHILD_CALL(close(c->c2pread));
    }
    if (c->errread != -1) {
        CHILD_CALL(close(c->errread));
    }
    CHILD_CALL(close(c->errpipe_read));
    // Move the child's ends out of 0..2 before dup2 overwrites them.
    int p2cread = c->p2cread, c2pwrite = c->c2pwrite, errwrite = c->errwrite;
    if (c2pwrite == 0) {
        CHILD_CALL(c2pwrite = dup(c2pwrite));
        CHILD_CALL(set_inheritable(c2pwrite, 0));
    }
    while (errwrite == 0 || errwrite == 1) {
        CHILD_CALL(errwrite = dup(errwrite));
        CHILD_CALL(set_inheritable(errwrite, 0));
    }
    // dup2 clears close-on-exec; a descriptor already in place needs it cleared.
    const int from[3] = {p2cread, c2pwrite, errwrite};
    for (int target = 0; target < 3; target++) {
        if (from[target] == target) {
            CHILD_CALL(set_inheritable(target, 1));
        } else if (from[target] != -1) {
            CHILD_CALL(dup2(from[target], target));
        }
    }
    if (c->cwd) {
        CHILD_CALL(chdir(c->cwd));
    }
    if (c->umask >= 0) {
        umask((mode_t)c->umask);
    }
    if (c->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (c->call_setsid) {
        CHILD_CALL(setsid());
    }
    if (c->pgid >= 0) {
        CHILD_CALL(setpgid(0, c->pgid));
    }
    if (c->ngroups >= 0) {
        CHILD_CALL(setgroups((size_t)c->ngroups, c->groups));
    }
    if (c->set_gid) {
        CHILD_CALL(setregid(c->gid, c->gid));
    }
    if (c->set_uid) {
        CHILD_CALL(setreuid(c->uid, c->uid));
    }
    if (c->preexec_fn != KV_NONE) {
        KValue r = kobj_call0(c->preexec_fn);
        if (!r) {
            child_fail(c, 0, 0);
        }
        kval_decref(r);
    }
    if (c->close_fds) {
        close_open_fds(c->keep, c->nkeep);
    }
    // The first error other than "not there" is the one reported, as
    // os._execvpe does over the PATH.
    int saved = 0;
    for (char **exe = c->exes; *exe; exe++) {
        if (c->envp) {
            execve(*exe, c->argv, c->envp);
        } else {
            execv(*exe, c->argv);
        }
        if (errno != ENOENT && errno != ENOTDIR && saved == 0) {
            saved = errno;
        }
    }
    child_fail(c, saved ? saved : errno, 0);
}

// ---------------------------------------------------------------------------

// fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env,
//           p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,
//           errpipe_read, errpipe_write, restore_signals, call_setsid,
//           pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,
//           allow_vfork) -> pid
static KValue sp_fork_exec(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kposix_parse_stack("fork_exec", nargs, 23) < 0) {
        return KV_NULL;
    }
    Child c;
    memset(&c, 0, sizeof c);
    c.ngroups = -1;
    Holder h = {klist_new(0)};
    KValue result = KV_NULL;
    int gid_set = 0, uid_set = 0;
    unsigned gid = 0, uid = 0;
    int *fds[8] = {&c.p2cread, &c.p2cwrite, &c.c2pread, &c.c2pwrite,
                   &c.errread, &c.errwrite, &c.errpipe_read, &c.errpipe_write};
    if (!h.keep || (c.close_fds = kobj_is_true(args[2])) < 0 || keep_arg(args[3], &c) < 0) {
        goto done;
    }
    for (int i = 0; i < 8; i++) {
        if (int_arg(args[6 + i], fds[i]) < 0) {
            goto done;
        }
    }
    int pgid;
    if ((c.restore_signals = kobj_is_true(args[14])) < 0 ||
        (c.call_setsid = kobj_is_true(args[15])) < 0 || int_arg(args[16], &pgid) < 0 ||
        id_arg(args[17], &gid_set, &gid) < 0 || groups_arg(args[18], &c) < 0 ||
        id_arg(args[19], &uid_set, &uid) < 0 || int_arg(args[20], &c.umask) < 0) {
        goto done;
    }
    c.pgid = pgid;
    c.gid = gid;
    c.uid = uid;
    c.set_gid = gid_set;
    c.set_uid = uid_set;
    c.preexec_fn = args[21];
    if (c.preexec_fn != KV_NONE && !kobj_is_callable(c.preexec_fn)) {
        kerr_set(&kexc_TypeError, "preexec_fn must be callable");
        goto done;
    }
    if (c.close_fds && c.errpipe_write < 3) {
        kerr_set(&kexc_ValueError, "errpipe_write must be >= 3");
        goto done;
    }
    if (args[0] != KV_NONE && !(c.argv = byte_array(args[0], &h))) {
        goto done;
    }
    if (!(c.exes = byte_array(args[1], &h))) {
        goto done;
    }
    if (args[5] != KV_NONE && !(c.envp = byte_array(args[5], &h))) {
        goto done;
    }
    if (args[4] != KV_NONE) {
        KValue cwd = kposix_fs_bytes(args[4]);
        if (!cwd || klist_append(h.keep, cwd) < 0) {
            kval_xdecref(cwd);
            goto done;
        }
        ssize_t len;
        c.cwd = kbytes_data(cwd, &len);
        kval_decref(cwd);
    }
    if (c.preexec_fn != KV_NONE) {
        kposix_fork_hooks(KPOSIX_BEFORE_FORK);
    }
    pid_t pid = fork();
    if (pid == 0) {
        if (c.preexec_fn != KV_NONE) {
            kposix_fork_hooks(KPOSIX_FORK_CHILD);
        }
        run_child(&c);
    }
    int err = errno;
    if (c.preexec_fn != KV_NONE) {
        kposix_fork_hooks(KPOSIX_FORK_PARENT);
    }
    if (pid < 0) {
        errno = err;
        kerr_from_errno(KV_NULL);
        goto done;
    }
    result = kint_from_i64(pid);
done:
    kmem_free(c.argv);
    kmem_free(c.exes);
    kmem_free(c.envp);
    kmem_free(c.keep);
    kmem_free(c.groups);
    kval_xdecref(h.keep);
    return result;
}

static const KMethodDef posixsubprocess_functions[] = {
    {"fork_exec", sp_fork_exec, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_posixsubprocess_create(void) {
    KValue m = kmod_new("_posixsubprocess");
    if (!m || kmod_add_functions(m, posixsubprocess_functions) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
