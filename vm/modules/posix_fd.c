// vm/modules/posix_fd.c: the posix functions on file descriptors: open,
// close, read, write, lseek, the sync calls, dup and pipes (descriptors
// made here are non-inheritable, as PEP 446 says), inheritable and
// blocking flags, isatty, positional I/O, sendfile, lockf and the
// terminal's size.
#include "posix.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include "_signal.h"
#include "../abstract.h"
#include "../gil.h"
#include "../bytes.h"
#include "../errors.h"
#include "../int.h"
#include "../mem.h"
#include "../module.h"
#include "../str.h"
#include "../structseq.h"
#include "../tuple.h"
#include "../type.h"

// Retries a system call interrupted by a signal, as CPython does when no
// handler raised (when one did, the call fails with its exception).
// A blocking system call, made with the GIL released (vm/gil.h).
#define RETRY(result, call)                                                                      \
    do {                                                                                         \
        KThreadState *gil_ = kgil_save();                                                        \
        (result) = (call);                                                                       \
        kgil_restore(gil_);                                                                      \
    } while ((result) < 0 && errno == EINTR && ksignal_retry())

static KValue none_or_error(int failed) {
    return failed ? kposix_error() : kval_newref(KV_NONE);
}

// One required fd argument under the keyword 'fd'.
static int fd_only(const char *fname, const KValue *args, size_t nargs, KValue kwnames, int *fd) {
    static const char *const kwlist[] = {"fd", NULL};
    KValue a[1];
    if (kargs_unpack(fname, args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return -1;
    }
    return kposix_fd_arg(a[0], fd);
}

int kposix_fileno_arg(KValue v, int *fd) {
    if (kint_check(v)) {
        if (kposix_fd_arg(v, fd) < 0) {
            return -1;
        }
        if (*fd < 0) {
            kerr_format(&kexc_ValueError, "file descriptor cannot be a negative integer (%d)",
                        *fd);
            return -1;
        }
        return 0;
    }
    KValue meth = kobj_getattr_cstr(v, "fileno");
    if (!meth) {
        if (kerr_matches(&kexc_AttributeError)) {
            kerr_clear();
            kerr_set(&kexc_TypeError,
                     "argument must be an int, or have a fileno() method.");
        }
        return -1;
    }
    KValue r = kobj_call0(meth);
    kval_decref(meth);
    if (!r) {
        return -1;
    }
    if (!kint_check(r)) {
        kerr_set(&kexc_TypeError, "fileno() returned a non-integer");
        kval_decref(r);
        return -1;
    }
    int rc = kposix_fd_arg(r, fd);
    kval_decref(r);
    if (rc == 0 && *fd < 0) {
        kerr_format(&kexc_ValueError,
                    "file descriptor cannot be a negative integer (%d)", *fd);
        return -1;
    }
    return rc;
}

static int offset_arg(KValue v, off_t *out) {
    ssize_t n = knum_as_ssize(v, &kexc_OverflowError);
    if (n == -1 && kerr_occurred()) {
        return -1;
    }
    *out = (off_t)n;
    return 0;
}

static int ssize_arg(KValue v, ssize_t *out) {
    *out = knum_as_ssize(v, &kexc_OverflowError);
    return *out == -1 && kerr_occurred() ? -1 : 0;
}

// ---------------------------------------------------------------------------
// open, close, read, write, lseek

static KValue px_open(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "flags", "mode", "dir_fd", NULL};
    KPath p;
    kpath_init(&p, "open", NULL, 0, 0);
    KValue a[4], r = KV_NULL;
    int flags, mode = 0777, dir_fd;
    if (kargs_unpack("open", args, nargs, kwnames, kwlist, 2, 3, a) == 0 &&
        kpath_convert(a[0], &p) == 0 && kposix_int_arg(a[1], &flags) == 0 &&
        (!a[2] || kposix_int_arg(a[2], &mode) == 0) && kposix_dir_fd_arg(a[3], &dir_fd) == 0) {
        int fd;
        RETRY(fd, openat(dir_fd, p.narrow, flags | O_CLOEXEC, mode));
        r = fd < 0 ? kposix_path_error(&p, NULL) : kval_from_int(fd);
    }
    kpath_clear(&p);
    return r;
}

static KValue px_close(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    int fd;
    if (fd_only("close", args, nargs, kwnames, &fd) < 0) {
        return KV_NULL;
    }
    return none_or_error(close(fd) < 0);
}

static KValue px_closerange(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int lo, hi;
    if (kargs_count("closerange", nargs, 2, 2) < 0 || kposix_fd_arg(args[0], &lo) < 0 ||
        kposix_fd_arg(args[1], &hi) < 0) {
        return KV_NULL;
    }
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) {
        close(fd);
    }
    return kval_newref(KV_NONE);
}

static KValue read_into_bytes(int fd, ssize_t len, off_t offset, int positional) {
    if (len < 0) {
        errno = EINVAL;
        return kposix_error();
    }
    char *buf = kmem_alloc(len ? (size_t)len : 1);
    if (!buf) {
        return kerr_no_memory();
    }
    ssize_t n;
    RETRY(n, positional ? pread(fd, buf, (size_t)len, offset) : read(fd, buf, (size_t)len));
    KValue r = n < 0 ? kposix_error() : kbytes_from_data(buf, n);
    kmem_free(buf);
    return r;
}

static KValue px_read(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd;
    ssize_t len;
    if (kargs_count("read", nargs, 2, 2) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        ssize_arg(args[1], &len) < 0) {
        return KV_NULL;
    }
    return read_into_bytes(fd, len, 0, 0);
}

static KValue px_pread(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd;
    ssize_t len;
    off_t off;
    if (kargs_count("pread", nargs, 3, 3) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        ssize_arg(args[1], &len) < 0 || offset_arg(args[2], &off) < 0) {
        return KV_NULL;
    }
    return read_into_bytes(fd, len, off, 1);
}

static KValue write_from(KValue fdv, KValue data, KValue offv) {
    int fd;
    off_t off = 0;
    const char *buf;
    ssize_t len;
    if (kposix_fd_arg(fdv, &fd) < 0 || kbytes_need_buffer(data, &buf, &len) < 0 ||
        (offv && offset_arg(offv, &off) < 0)) {
        return KV_NULL;
    }
    ssize_t n;
    RETRY(n, offv ? pwrite(fd, buf, (size_t)len, off) : write(fd, buf, (size_t)len));
    return n < 0 ? kposix_error() : kint_from_i64(n);
}

static KValue px_write(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    if (kargs_count("write", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    return write_from(args[0], args[1], KV_NULL);
}

static KValue px_pwrite(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    if (kargs_count("pwrite", nargs, 3, 3) < 0) {
        return KV_NULL;
    }
    return write_from(args[0], args[1], args[2]);
}

static KValue px_lseek(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd, how;
    off_t pos;
    if (kargs_count("lseek", nargs, 3, 3) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        offset_arg(args[1], &pos) < 0 || kposix_int_arg(args[2], &how) < 0) {
        return KV_NULL;
    }
    off_t r = lseek(fd, pos, how);
    return r < 0 ? kposix_error() : kint_from_i64(r);
}

static KValue sync_common(const char *fname, int data_only, const KValue *args, size_t nargs,
                          KValue kwnames) {
    static const char *const kwlist[] = {"fd", NULL};
    KValue a[1];
    int fd, r;
    if (kargs_unpack(fname, args, nargs, kwnames, kwlist, 1, 1, a) < 0 ||
        kposix_fileno_arg(a[0], &fd) < 0) {
        return KV_NULL;
    }
    RETRY(r, data_only ? fdatasync(fd) : fsync(fd));
    return none_or_error(r < 0);
}

static KValue px_fsync(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return sync_common("fsync", 0, args, nargs, kwnames);
}

static KValue px_fdatasync(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    return sync_common("fdatasync", 1, args, nargs, kwnames);
}

static KValue px_ftruncate(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd, r;
    off_t len;
    if (kargs_count("ftruncate", nargs, 2, 2) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        offset_arg(args[1], &len) < 0) {
        return KV_NULL;
    }
    RETRY(r, ftruncate(fd, len));
    return none_or_error(r < 0);
}

// ---------------------------------------------------------------------------
// dup, pipes, flags

static KValue px_dup(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd;
    if (kargs_count("dup", nargs, 1, 1) < 0 || kposix_fd_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? kposix_error() : kval_from_int(r);
}

static KValue px_dup2(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"fd", "fd2", "inheritable", NULL};
    KValue a[3];
    int fd, fd2, inheritable;
    if (kargs_unpack("dup2", args, nargs, kwnames, kwlist, 2, 3, a) < 0 ||
        kposix_fd_arg(a[0], &fd) < 0 || kposix_fd_arg(a[1], &fd2) < 0 ||
        kposix_bool_arg(a[2], 1, &inheritable) < 0) {
        return KV_NULL;
    }
    int r = fd == fd2 || inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    return r < 0 ? kposix_error() : kval_from_int(r);
}

static KValue fd_pair(int flags) {
    int fds[2];
    if (pipe2(fds, flags) < 0) {
        return kposix_error();
    }
    return ktuple_pack(2, kval_from_int(fds[0]), kval_from_int(fds[1]));
}

static KValue px_pipe(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return fd_pair(O_CLOEXEC);
}

static KValue px_pipe2(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int flags;
    if (kargs_count("pipe2", nargs, 1, 1) < 0 || kposix_int_arg(args[0], &flags) < 0) {
        return KV_NULL;
    }
    return fd_pair(flags);
}

// openpty(): (master, slave) descriptors of a new pseudo-terminal, both
// non-inheritable as CPython makes them.
static KValue px_openpty(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kposix_nss_setup(); // grantpt may look up the tty group
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) < 0) {
        return kposix_error();
    }
    if (fcntl(master, F_SETFD, FD_CLOEXEC) < 0 || fcntl(slave, F_SETFD, FD_CLOEXEC) < 0) {
        KValue r = kposix_error();
        close(master);
        close(slave);
        return r;
    }
    return ktuple_pack(2, kval_from_int(master), kval_from_int(slave));
}

static KValue px_isatty(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd;
    if (kargs_count("isatty", nargs, 1, 1) < 0 || kposix_fd_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    return kbool_from(isatty(fd));
}

static KValue px_ttyname(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd;
    if (kargs_count("ttyname", nargs, 1, 1) < 0 || kposix_fd_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    char buf[256];
    int e = ttyname_r(fd, buf, sizeof buf);
    if (e) {
        errno = e;
        return kposix_error();
    }
    return kposix_fs_decode(buf, (ssize_t)strlen(buf), 0);
}

// The bit 'bit' of the flags fcntl reads with 'get': -1 on error.
static int fd_flag(int fd, int get, int bit) {
    int flags = fcntl(fd, get);
    if (flags < 0) {
        kposix_error();
        return -1;
    }
    return (flags & bit) != 0;
}

static int set_fd_flag(int fd, int get, int set, int bit, int on) {
    int flags = fcntl(fd, get);
    if (flags < 0) {
        return -1;
    }
    int nflags = on ? flags | bit : flags & ~bit;
    return nflags == flags ? 0 : fcntl(fd, set, nflags);
}

static KValue px_get_inheritable(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    int fd, r;
    if (kargs_count("get_inheritable", nargs, 1, 1) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        (r = fd_flag(fd, F_GETFD, FD_CLOEXEC)) < 0) {
        return KV_NULL;
    }
    return kbool_from(!r);
}

static KValue px_set_inheritable(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    int fd, on;
    if (kargs_count("set_inheritable", nargs, 2, 2) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        kposix_int_arg(args[1], &on) < 0) {
        return KV_NULL;
    }
    return none_or_error(set_fd_flag(fd, F_GETFD, F_SETFD, FD_CLOEXEC, !on) < 0);
}

static KValue px_get_blocking(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    int fd, r;
    if (kargs_count("get_blocking", nargs, 1, 1) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        (r = fd_flag(fd, F_GETFL, O_NONBLOCK)) < 0) {
        return KV_NULL;
    }
    return kbool_from(!r);
}

static KValue px_set_blocking(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    int fd, on;
    if (kargs_count("set_blocking", nargs, 2, 2) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        kposix_bool_arg(args[1], 0, &on) < 0) {
        return KV_NULL;
    }
    return none_or_error(set_fd_flag(fd, F_GETFL, F_SETFL, O_NONBLOCK, !on) < 0);
}

// A terminal's encoding: krait's text is UTF-8 whatever the locale, so a
// terminal gets "UTF-8" (CPython gives the locale's codeset), else None.
static KValue px_device_encoding(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    int fd;
    if (fd_only("device_encoding", args, nargs, kwnames, &fd) < 0) {
        return KV_NULL;
    }
    return isatty(fd) ? kstr_from_cstr("UTF-8") : kval_newref(KV_NONE);
}

static KValue px_sendfile(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"out_fd", "in_fd", "offset", "count", NULL};
    KValue a[4];
    int out_fd, in_fd;
    off_t off = 0;
    ssize_t count;
    if (kargs_unpack("sendfile", args, nargs, kwnames, kwlist, 4, 4, a) < 0 ||
        kposix_fd_arg(a[0], &out_fd) < 0 || kposix_fd_arg(a[1], &in_fd) < 0 ||
        (a[2] != KV_NONE && offset_arg(a[2], &off) < 0) || ssize_arg(a[3], &count) < 0) {
        return KV_NULL;
    }
    ssize_t n;
    RETRY(n, sendfile(out_fd, in_fd, a[2] == KV_NONE ? NULL : &off, (size_t)count));
    return n < 0 ? kposix_error() : kint_from_i64(n);
}

static KValue px_lockf(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self, (void)kwnames;
    int fd, cmd, r;
    off_t len;
    if (kargs_count("lockf", nargs, 3, 3) < 0 || kposix_fd_arg(args[0], &fd) < 0 ||
        kposix_int_arg(args[1], &cmd) < 0 || offset_arg(args[2], &len) < 0) {
        return KV_NULL;
    }
    RETRY(r, lockf(fd, cmd, len));
    return none_or_error(r < 0);
}

// ---------------------------------------------------------------------------
// The terminal's size

static const char *const terminal_size_fields[] = {"columns", "lines"};
static const KStructSeqDesc terminal_size_desc = {"os.terminal_size", terminal_size_fields, 2,
                                                  2};
static KType terminal_size_type = {KOBJ_STATIC_HEAD(&ktype_type)};

static KValue px_get_terminal_size(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    int fd = STDOUT_FILENO;
    if (kargs_count("get_terminal_size", nargs, 0, 1) < 0 ||
        (nargs && kposix_fd_arg(args[0], &fd) < 0)) {
        return KV_NULL;
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) {
        return kposix_error();
    }
    KValue v[2] = {kval_from_int(w.ws_col), kval_from_int(w.ws_row)};
    return kstructseq_new(&terminal_size_type, v);
}

int kposix_fd_init(KValue m) {
    if (!terminal_size_type.name &&
        kstructseq_init_type(&terminal_size_type, &terminal_size_desc) < 0) {
        return -1;
    }
    return kmod_add(m, "terminal_size", kval_of(&terminal_size_type));
}

const KMethodDef kposix_fd_methods[] = {
    {"open", px_open, KMETH_KW, NULL},
    {"close", px_close, KMETH_KW, NULL},
    {"closerange", px_closerange, KMETH_FAST, NULL},
    {"read", px_read, KMETH_FAST, NULL},
    {"pread", px_pread, KMETH_FAST, NULL},
    {"write", px_write, KMETH_FAST, NULL},
    {"pwrite", px_pwrite, KMETH_FAST, NULL},
    {"lseek", px_lseek, KMETH_FAST, NULL},
    {"fsync", px_fsync, KMETH_KW, NULL},
    {"fdatasync", px_fdatasync, KMETH_KW, NULL},
    {"ftruncate", px_ftruncate, KMETH_FAST, NULL},
    {"dup", px_dup, KMETH_O, NULL},
    {"dup2", px_dup2, KMETH_KW, NULL},
    {"pipe", px_pipe, KMETH_NOARGS, NULL},
    {"pipe2", px_pipe2, KMETH_O, NULL},
    {"isatty", px_isatty, KMETH_O, NULL},
    {"openpty", px_openpty, KMETH_NOARGS, NULL},
    {"ttyname", px_ttyname, KMETH_O, NULL},
    {"get_inheritable", px_get_inheritable, KMETH_O, NULL},
    {"set_inheritable", px_set_inheritable, KMETH_FAST, NULL},
    {"get_blocking", px_get_blocking, KMETH_O, NULL},
    {"set_blocking", px_set_blocking, KMETH_FAST, NULL},
    {"device_encoding", px_device_encoding, KMETH_KW, NULL},
    {"sendfile", px_sendfile, KMETH_KW, NULL},
    {"lockf", px_lockf, KMETH_FAST, NULL},
    {"get_terminal_size", px_get_terminal_size, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};
