// vm/modules/fcntl.c: the fcntl module: fcntl() and ioctl() with an int or a
// buffer argument (copied, or changed in place for ioctl's mutable buffers),
// flock() and lockf(), and the F_*, FD_*, LOCK_* and DN_* constants; as
// CPython's, descriptors may be ints or objects with fileno(), and
// interrupted calls run signal handlers and retry.
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "_signal.h"
#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "posix.h"

#define FUNC(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

enum { ARG_MAX = 1024 }; // CPython's buffer for fcntl/ioctl arguments

// An int argument as CPython's "I" converter takes it: masked to unsigned int.
static int uint_mask_arg(KValue v, unsigned *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    if (overflow) {
        uint64_t u = kint_as_u64_overflow(i, &overflow);
        n = (int64_t)u;
    }
    kval_decref(i);
    *out = (unsigned)(uint64_t)n;
    return 0;
}

// Runs 'call' until it is not interrupted (the signal handlers run between);
// its result, or -1 with OSError set.
#define RETRY(result, call)                                                                      \
    do {                                                                                         \
        (result) = (call);                                                                       \
    } while ((result) < 0 && errno == EINTR && ksignal_retry());                                 \
    if ((result) < 0) {                                                                          \
        kposix_error();                                                                          \
    }

// fcntl(fd, cmd, arg=0, /)
FUNC(fc_fcntl) {
    (void)self, (void)kw;
    int fd, cmd, r;
    if (kargs_count("fcntl", nargs, 2, 3) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        kposix_int_arg(args[1], &cmd) < 0) {
        return KV_NULL;
    }
    if (nargs > 2 && !kint_check(args[2])) {
        const char *p;
        ssize_t n;
        if (kstr_check(args[2])) {
            p = kstr_utf8(args[2], &n);
            if (!p) {
                return KV_NULL;
            }
        } else if (!kbytes_get_buffer(args[2], &p, &n)) {
            unsigned dummy;
            if (uint_mask_arg(args[2], &dummy) < 0) {
                return KV_NULL; // not a buffer and not an int: the int's error
            }
            p = NULL;
        }
        if (p) {
            if (n > ARG_MAX) {
                kerr_set(&kexc_ValueError, "fcntl string arg too long");
                return KV_NULL;
            }
            char buf[ARG_MAX];
            memcpy(buf, p, (size_t)n);
            RETRY(r, fcntl(fd, cmd, buf));
            return r < 0 ? KV_NULL : kbytes_from_data(buf, n);
        }
    }
    unsigned arg = 0;
    if (nargs > 2 && uint_mask_arg(args[2], &arg) < 0) {
        return KV_NULL;
    }
    RETRY(r, fcntl(fd, cmd, arg));
    return r < 0 ? KV_NULL : kval_from_int(r);
}

// ioctl(fd, request, arg=0, mutate_flag=True, /)
FUNC(fc_ioctl) {
    (void)self, (void)kw;
    int fd, r, mutate = 1;
    unsigned request;
    if (kargs_count("ioctl", nargs, 2, 4) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        uint_mask_arg(args[1], &request) < 0 ||
        (nargs > 3 && (mutate = kobj_is_true(args[3])) < 0)) {
        return KV_NULL;
    }
    if (nargs > 2 && !kint_check(args[2])) {
        char *w;
        const char *p;
        ssize_t n;
        if (mutate && kbytes_get_writable(args[2], &w, &n)) {
            // A mutable buffer is changed in place; the result is the call's.
            if (n > ARG_MAX) {
                RETRY(r, ioctl(fd, request, w));
                return r < 0 ? KV_NULL : kval_from_int(r);
            }
            char buf[ARG_MAX + 1];
            memcpy(buf, w, (size_t)n);
            buf[n] = '\0';
            RETRY(r, ioctl(fd, request, buf));
            if (r < 0) {
                return KV_NULL;
            }
            memcpy(w, buf, (size_t)n);
            return kval_from_int(r);
        }
        int have = 0;
        if (kstr_check(args[2])) {
            p = kstr_utf8(args[2], &n);
            if (!p) {
                return KV_NULL;
            }
            have = 1;
        } else {
            have = kbytes_get_buffer(args[2], &p, &n);
        }
        if (have) {
            if (n > ARG_MAX) {
                kerr_set(&kexc_ValueError, "ioctl string arg too long");
                return KV_NULL;
            }
            char buf[ARG_MAX + 1];
            memcpy(buf, p, (size_t)n);
            buf[n] = '\0';
            RETRY(r, ioctl(fd, request, buf));
            return r < 0 ? KV_NULL : kbytes_from_data(buf, n);
        }
    }
    unsigned arg = 0;
    if (nargs > 2 && uint_mask_arg(args[2], &arg) < 0) {
        return KV_NULL;
    }
    RETRY(r, ioctl(fd, request, (unsigned long)arg));
    return r < 0 ? KV_NULL : kval_from_int(r);
}

// flock(fd, operation, /)
FUNC(fc_flock) {
    (void)self, (void)kw;
    int fd, op, r;
    if (kargs_count("flock", nargs, 2, 2) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        kposix_int_arg(args[1], &op) < 0) {
        return KV_NULL;
    }
    RETRY(r, flock(fd, op));
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// lockf(fd, cmd, len=0, start=0, whence=0, /): flock-style commands over
// fcntl's record locks, as CPython does.
FUNC(fc_lockf) {
    (void)self, (void)kw;
    int fd, code, whence = 0, r;
    if (kargs_count("lockf", nargs, 2, 5) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        kposix_int_arg(args[1], &code) < 0 || (nargs > 4 && kposix_int_arg(args[4], &whence) < 0)) {
        return KV_NULL;
    }
    long pos[2] = {0, 0};
    for (size_t i = 2; i < nargs && i < 4; i++) {
        if (knum_as_long(args[i], &pos[i - 2]) < 0) {
            return KV_NULL;
        }
    }
    struct flock l;
    memset(&l, 0, sizeof l);
    if (code == LOCK_UN) {
        l.l_type = F_UNLCK;
    } else if (code & LOCK_SH) {
        l.l_type = F_RDLCK;
    } else if (code & LOCK_EX) {
        l.l_type = F_WRLCK;
    } else {
        kerr_set(&kexc_ValueError, "unrecognized lockf argument");
        return KV_NULL;
    }
    l.l_len = (off_t)pos[0];
    l.l_start = (off_t)pos[1];
    l.l_whence = (short)whence;
    RETRY(r, fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l));
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

static const KMethodDef fcntl_functions[] = {
    {"fcntl", fc_fcntl, KMETH_FAST, NULL},
    {"ioctl", fc_ioctl, KMETH_FAST, NULL},
    {"flock", fc_flock, KMETH_FAST, NULL},
    {"lockf", fc_lockf, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static const KModInt constants[] = {
    KMOD_INT(DN_ACCESS), KMOD_INT(DN_ATTRIB), KMOD_INT(DN_CREATE), KMOD_INT(DN_DELETE), KMOD_INT(DN_MODIFY), KMOD_INT(DN_MULTISHOT),
    KMOD_INT(DN_RENAME), KMOD_INT(FASYNC), KMOD_INT(FD_CLOEXEC), KMOD_INT(F_ADD_SEALS), KMOD_INT(F_DUPFD), KMOD_INT(F_DUPFD_CLOEXEC),
    KMOD_INT(F_EXLCK), KMOD_INT(F_GETFD), KMOD_INT(F_GETFL), KMOD_INT(F_GETLEASE), KMOD_INT(F_GETLK), KMOD_INT(F_GETLK64), KMOD_INT(F_GETOWN),
    KMOD_INT(F_GETPIPE_SZ), KMOD_INT(F_GETSIG), KMOD_INT(F_GET_SEALS), KMOD_INT(F_NOTIFY), KMOD_INT(F_OFD_GETLK), KMOD_INT(F_OFD_SETLK),
    KMOD_INT(F_OFD_SETLKW), KMOD_INT(F_RDLCK), KMOD_INT(F_SEAL_GROW), KMOD_INT(F_SEAL_SEAL), KMOD_INT(F_SEAL_SHRINK),
    KMOD_INT(F_SEAL_WRITE), KMOD_INT(F_SETFD), KMOD_INT(F_SETFL), KMOD_INT(F_SETLEASE), KMOD_INT(F_SETLK), KMOD_INT(F_SETLK64),
    KMOD_INT(F_SETLKW), KMOD_INT(F_SETLKW64), KMOD_INT(F_SETOWN), KMOD_INT(F_SETPIPE_SZ), KMOD_INT(F_SETSIG), KMOD_INT(F_SHLCK),
    KMOD_INT(F_UNLCK), KMOD_INT(F_WRLCK), KMOD_INT(LOCK_EX), KMOD_INT(LOCK_MAND), KMOD_INT(LOCK_NB), KMOD_INT(LOCK_READ), KMOD_INT(LOCK_RW),
    KMOD_INT(LOCK_SH), KMOD_INT(LOCK_UN), KMOD_INT(LOCK_WRITE),
};

KValue kmod_fcntl_create(void) {
    KValue m = kmod_new("fcntl");
    if (!m || kmod_add_functions(m, fcntl_functions) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    if (kmod_add_ints(m, constants, KMOD_NINTS(constants)) < 0) {
        kval_decref(m);
        return KV_NULL;
    }
    return m;
}
