// vm/modules/_thread.c: the _thread module as far as a runtime without
// threads can honour it: lock and RLock (CPython's methods, reprs and
// errors), get_ident, allocate_lock, TIMEOUT_MAX, error. krait runs one
// thread, so start_new_thread raises RuntimeError ("can't start new
// thread"), and a blocking acquire of a lock that is already held, which
// would wait forever for a release no thread can make, raises RuntimeError
// instead of hanging; with a timeout it sleeps that long and returns False,
// as CPython would.
#include <pthread.h>
#include <time.h>

#include "../abstract.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"

// The single thread's identifier (CPython's: the pthread_t as an int).
static KValue thread_ident(void) {
    return kval_from_int((intptr_t)((uintptr_t)pthread_self() & (uintptr_t)KV_SMALL_MAX));
}

typedef struct {
    KOBJ_HEAD;
    int locked;
    intptr_t count; // RLock: recursion depth (owner is the one thread when > 0)
} Lock;

// Parses acquire(blocking=True, timeout=-1); 1 when the caller may wait,
// 0 for a non-blocking call, -1 on error. '*timeout' -1: forever.
static int acquire_args(const KValue *args, size_t nargs, KValue kwnames, double *timeout) {
    static const char *const kwlist[] = {"blocking", "timeout", NULL};
    KValue a[2];
    if (kargs_parse("acquire", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return -1;
    }
    int blocking = a[0] ? kobj_is_true(a[0]) : 1;
    if (blocking < 0) {
        return -1;
    }
    *timeout = -1;
    if (a[1]) {
        *timeout = knum_as_double(a[1]);
        if (*timeout == -1.0 && kerr_occurred()) {
            return -1;
        }
    }
    if (!blocking && *timeout != -1) {
        kerr_set(&kexc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (*timeout < 0 && *timeout != -1) {
        kerr_set(&kexc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    return blocking;
}

// Waiting for a lock no other thread can release.
static KValue wait_in_vain(int blocking, double timeout) {
    if (!blocking || timeout == 0) {
        return kbool_from(0);
    }
    if (timeout < 0) {
        kerr_set(&kexc_RuntimeError,
                 "deadlock: acquiring a held lock that no other thread can release");
        return KV_NULL;
    }
    struct timespec ts = {(time_t)timeout, (long)((timeout - (double)(time_t)timeout) * 1e9)};
    nanosleep(&ts, NULL);
    return kbool_from(0);
}

static KValue lock_acquire(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    Lock *l = (Lock *)self;
    double timeout;
    int blocking = acquire_args(args, nargs, kwnames, &timeout);
    if (blocking < 0) {
        return KV_NULL;
    }
    if (l->locked) {
        return wait_in_vain(blocking, timeout);
    }
    l->locked = 1;
    return kbool_from(1);
}

static KValue lock_release(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    if (!l->locked) {
        kerr_set(&kexc_RuntimeError, "release unlocked lock");
        return KV_NULL;
    }
    l->locked = 0;
    return kval_newref(KV_NONE);
}

static KValue lock_exit(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return lock_release(self, NULL, 0, KV_NULL);
}

static KValue lock_locked(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kbool_from(((Lock *)self)->locked);
}

static KValue lock_reinit(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    ((Lock *)self)->locked = 0;
    ((Lock *)self)->count = 0;
    return kval_newref(KV_NONE);
}

static KValue lock_repr(KValue self) {
    return kstr_from_format("<%s %s object at %p>", ((Lock *)self)->locked ? "locked" : "unlocked",
                            kval_type(self)->name, (void *)kval_obj(self));
}

static KValue lock_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    return ktype_generic_alloc(type, 0);
}

static void lock_dealloc(KObject *o) {
    kobj_free(o);
}

static const KMethodDef lock_methods[] = {
    {"acquire", lock_acquire, KMETH_KW, NULL},
    {"acquire_lock", lock_acquire, KMETH_KW, NULL},
    {"__enter__", lock_acquire, KMETH_KW, NULL},
    {"release", lock_release, KMETH_NOARGS, NULL},
    {"release_lock", lock_release, KMETH_NOARGS, NULL},
    {"__exit__", lock_exit, KMETH_FAST, NULL},
    {"locked", lock_locked, KMETH_NOARGS, NULL},
    {"locked_lock", lock_locked, KMETH_NOARGS, NULL},
    {"_at_fork_reinit", lock_reinit, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType lock_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_thread.lock",
    .basicsize = sizeof(Lock),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .methods = lock_methods,
};

// ---------------------------------------------------------------------------
// RLock

static KValue rlock_acquire(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    Lock *l = (Lock *)self;
    double timeout;
    if (acquire_args(args, nargs, kwnames, &timeout) < 0) {
        return KV_NULL;
    }
    l->count++;
    return kbool_from(1);
}

static KValue rlock_release(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    if (l->count == 0) {
        kerr_set(&kexc_RuntimeError, "cannot release un-acquired lock");
        return KV_NULL;
    }
    l->count--;
    return kval_newref(KV_NONE);
}

static KValue rlock_exit(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return rlock_release(self, NULL, 0, KV_NULL);
}

static KValue rlock_is_owned(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kbool_from(((Lock *)self)->count > 0);
}

// _release_save() -> (count, owner); _acquire_restore((count, owner)).
static KValue rlock_release_save(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    if (l->count == 0) {
        kerr_set(&kexc_RuntimeError, "cannot release un-acquired lock");
        return KV_NULL;
    }
    KValue owner = thread_ident();
    KValue r = owner ? ktuple_pack(2, kval_from_int(l->count), owner) : KV_NULL;
    kval_xdecref(owner);
    l->count = 0;
    return r;
}

static KValue rlock_acquire_restore(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    KValue state = args[0];
    if (!ktuple_check(state) || ktuple_len(state) != 2) {
        kerr_set(&kexc_TypeError, "_acquire_restore() argument must be a (count, owner) tuple");
        return KV_NULL;
    }
    ssize_t count = knum_as_ssize(ktuple_items(state)[0], &kexc_OverflowError);
    if (count == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    l->count = count;
    return kval_newref(KV_NONE);
}

static KValue rlock_repr(KValue self) {
    Lock *l = (Lock *)self;
    KValue owner = l->count ? thread_ident() : kval_from_int(0);
    if (!owner) {
        return KV_NULL;
    }
    KValue r = kstr_from_format("<%s %s object owner=%S count=%zd at %p>",
                                l->count ? "locked" : "unlocked", kval_type(self)->name, owner,
                                (ssize_t)l->count, (void *)kval_obj(self));
    kval_decref(owner);
    return r;
}

static const KMethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, KMETH_KW, NULL},
    {"__enter__", rlock_acquire, KMETH_KW, NULL},
    {"release", rlock_release, KMETH_NOARGS, NULL},
    {"__exit__", rlock_exit, KMETH_FAST, NULL},
    {"_is_owned", rlock_is_owned, KMETH_NOARGS, NULL},
    {"_release_save", rlock_release_save, KMETH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, KMETH_O, NULL},
    {"_at_fork_reinit", lock_reinit, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KType rlock_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_thread.RLock",
    .basicsize = sizeof(Lock),
    .flags = KTF_BASETYPE,
    .dealloc = lock_dealloc,
    .repr = rlock_repr,
    .new_ = lock_new,
    .methods = rlock_methods,
};

// ---------------------------------------------------------------------------
// Module functions.

static KValue th_allocate_lock(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return lock_new(&lock_type, NULL, 0, KV_NULL);
}

static KValue th_get_ident(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return thread_ident();
}

static KValue th_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_from_int(0);
}

static KValue th_start_new_thread(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    kerr_set(&kexc_RuntimeError, "can't start new thread");
    return KV_NULL;
}

// _set_sentinel(): the lock threading holds for a thread's life, released
// when the thread ends; with one thread, the main thread's lives until exit.
static KValue th_set_sentinel(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return lock_new(&lock_type, NULL, 0, KV_NULL);
}

// stack_size([size]): the size new threads would get (0: the default).
static KValue th_stack_size(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("stack_size", nargs, 0, 1) < 0) {
        return KV_NULL;
    }
    if (nargs) {
        ssize_t n = knum_as_ssize(args[0], &kexc_OverflowError);
        if (n == -1 && kerr_occurred()) {
            return KV_NULL;
        }
        if (n != 0 && n < 32768) {
            kerr_set(&kexc_ValueError, "size not valid: 32768 bytes");
            return KV_NULL;
        }
    }
    return kval_from_int(0);
}

static const KMethodDef thread_methods[] = {
    {"_set_sentinel", th_set_sentinel, KMETH_NOARGS, NULL},
    {"stack_size", th_stack_size, KMETH_FAST, NULL},
    {"allocate_lock", th_allocate_lock, KMETH_NOARGS, NULL},
    {"allocate", th_allocate_lock, KMETH_NOARGS, NULL},
    {"get_ident", th_get_ident, KMETH_NOARGS, NULL},
    {"get_native_id", th_get_ident, KMETH_NOARGS, NULL},
    {"_count", th_count, KMETH_NOARGS, NULL},
    {"start_new_thread", th_start_new_thread, KMETH_FAST, NULL},
    {"start_new", th_start_new_thread, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_thread_create(void) {
    if (ktype_ready(&lock_type) < 0 || ktype_ready(&rlock_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("_thread");
    KValue tmax = m ? kfloat_new(9223372036.0) : KV_NULL;
    int ok = tmax && kmod_add_functions(m, thread_methods) == 0 &&
             kmod_add(m, "LockType", kval_of(&lock_type)) == 0 &&
             kmod_add(m, "RLock", kval_of(&rlock_type)) == 0 &&
             kmod_add(m, "error", kval_of(&kexc_RuntimeError)) == 0 &&
             kmod_add(m, "TIMEOUT_MAX", tmax) == 0;
    kval_xdecref(tmax);
    if (!ok) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
