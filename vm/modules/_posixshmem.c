// vm/modules/_posixshmem.c: the _posixshmem module (shm_open, shm_unlink),
// which multiprocessing's resource tracker and shared_memory use.
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>

#include "../errors.h"
#include "../func.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "_signal.h"
#include "posix.h"

// The path argument: a str (borrowed UTF-8), or NULL with TypeError.
static const char *path_arg(const char *fname, KValue v) {
    if (!kstr_check(v)) {
        kerr_format(&kexc_TypeError, "%s() argument 'path' must be str, not %T", fname, v);
        return NULL;
    }
    return kstr_utf8(v, NULL);
}

// shm_open(path, flags, mode=0o777) -> fd
static KValue shm_open_fn(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", "flags", "mode", NULL};
    KValue a[3];
    if (kargs_parse("shm_open", args, nargs, kwnames, kwlist, 2, 3, a) < 0) {
        return KV_NULL;
    }
    const char *path = path_arg("shm_open", a[0]);
    int flags, mode = 0777;
    if (!path || kposix_int_arg(a[1], &flags) < 0 || (a[2] && kposix_int_arg(a[2], &mode) < 0)) {
        return KV_NULL;
    }
    int fd;
    do {
        fd = shm_open(path, flags, (mode_t)mode);
    } while (fd < 0 && errno == EINTR && ksignal_retry());
    if (fd < 0) {
        kerr_from_errno(a[0]);
        return KV_NULL;
    }
    return kval_from_int(fd);
}

// shm_unlink(path)
static KValue shm_unlink_fn(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    (void)self;
    static const char *const kwlist[] = {"path", NULL};
    KValue a[1];
    if (kargs_parse("shm_unlink", args, nargs, kwnames, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    const char *path = path_arg("shm_unlink", a[0]);
    if (!path) {
        return KV_NULL;
    }
    if (shm_unlink(path) < 0) {
        kerr_from_errno(a[0]);
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef posixshmem_functions[] = {
    {"shm_open", shm_open_fn, KMETH_KW, "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink", shm_unlink_fn, KMETH_KW, "Remove a shared memory object (similar to unlink())."},
    {NULL, NULL, 0, NULL},
};

KValue kmod_posixshmem_create(void) {
    KValue m = kmod_new("_posixshmem");
    if (m && kmod_add_functions(m, posixshmem_functions) < 0) {
        kval_decref(m);
        return KV_NULL;
    }
    return m;
}
