// vm/modules/_thread.c: the _thread module: OS threads running under the
// GIL (vm/gil.h), lock and RLock (CPython's methods, reprs and errors; a
// blocked acquire waits with the GIL released, waking every 50 ms so the
// main thread runs signal handlers), get_ident, _count, _set_sentinel,
// stack_size, TIMEOUT_MAX, error. While no other thread runs, a blocking
// acquire of a held lock, which would wait for ever for a release no thread
// can make, raises RuntimeError instead of hanging; with a timeout it sleeps
// that long and returns False, as CPython would.
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../gc.h"
#include "../gil.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "_signal.h"

// A thread's identifier (CPython's: the pthread_t as an int), as
// kgil_thread_ident gives the calling thread's.
static intptr_t ident_of(pthread_t t) {
    return (intptr_t)((uintptr_t)t & (uintptr_t)KV_SMALL_MAX);
}

static KValue thread_ident(void) {
    return kval_from_int(kgil_thread_ident());
}


typedef struct {
    KOBJ_HEAD;
    int locked;      // under 'm'
    intptr_t owner;  // RLock: the owning thread's ident while locked
    intptr_t count;  // RLock: recursion depth
    pthread_mutex_t m;
    pthread_cond_t freed; // signalled on release
} Lock;

static void lock_init_sync(Lock *l) {
    pthread_mutex_init(&l->m, NULL);
    pthread_cond_init(&l->freed, NULL);
}

// Takes 'l' when it is free: 1, else 0.
static int try_take(Lock *l) {
    pthread_mutex_lock(&l->m);
    int got = !l->locked;
    l->locked = 1;
    pthread_mutex_unlock(&l->m);
    return got;
}

static void give_back(Lock *l) {
    pthread_mutex_lock(&l->m);
    l->locked = 0;
    pthread_cond_signal(&l->freed);
    pthread_mutex_unlock(&l->m);
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

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
    KThreadState *saved = kgil_save();
    nanosleep(&ts, NULL);
    kgil_restore(saved);
    return kbool_from(0);
}

// Acquires 'l' (blocking, 'timeout' seconds or -1 for ever): True, False on
// timeout, KV_NULL when a signal handler raised.
static KValue acquire_lock(Lock *l, int blocking, double timeout) {
    if (try_take(l)) {
        return kbool_from(1);
    }
    if (kgil_threads == 0) {
        return wait_in_vain(blocking, timeout);
    }
    if (!blocking || timeout == 0) {
        return kbool_from(0);
    }
    double end = timeout > 0 ? now_seconds() + timeout : 0;
    for (;;) {
        KThreadState *saved = kgil_save();
        pthread_mutex_lock(&l->m);
        int got = 0;
        double slice_end = now_seconds() + 0.05;
        if (timeout > 0 && end < slice_end) {
            slice_end = end;
        }
        struct timespec t = {(time_t)slice_end,
                             (long)((slice_end - (double)(time_t)slice_end) * 1e9)};
        while (!(got = !l->locked)) {
            if (pthread_cond_timedwait(&l->freed, &l->m, &t) == ETIMEDOUT) {
                break;
            }
        }
        if (got) {
            l->locked = 1;
        }
        pthread_mutex_unlock(&l->m);
        kgil_restore(saved);
        if (got) {
            return kbool_from(1);
        }
        if (timeout > 0 && now_seconds() >= end) {
            return kbool_from(0);
        }
        if (ksignal_tripped && kstate_ts == kstate_main) {
            ksignal_pending = 1;
            if (ksignal_run_pending() < 0) {
                return KV_NULL;
            }
        }
    }
}

static KValue lock_acquire(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    double timeout;
    int blocking = acquire_args(args, nargs, kwnames, &timeout);
    if (blocking < 0) {
        return KV_NULL;
    }
    return acquire_lock((Lock *)self, blocking, timeout);
}

static KValue lock_release(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    if (!l->locked) {
        kerr_set(&kexc_RuntimeError, "release unlocked lock");
        return KV_NULL;
    }
    give_back(l);
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
    Lock *l = (Lock *)self;
    l->locked = 0;
    l->count = 0;
    l->owner = 0;
    lock_init_sync(l); // after fork: another thread may have held the mutex
    return kval_newref(KV_NONE);
}

static KValue lock_repr(KValue self) {
    return kstr_from_format("<%s %s object at %p>", ((Lock *)self)->locked ? "locked" : "unlocked",
                            kval_type(self)->name, (void *)kval_obj(self));
}

static KValue lock_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KValue v = ktype_generic_alloc(type, 0);
    if (v) {
        lock_init_sync((Lock *)v);
    }
    return v;
}

static void lock_dealloc(KObject *o) {
    pthread_mutex_destroy(&((Lock *)o)->m);
    pthread_cond_destroy(&((Lock *)o)->freed);
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
    int blocking = acquire_args(args, nargs, kwnames, &timeout);
    if (blocking < 0) {
        return KV_NULL;
    }
    intptr_t me = kgil_thread_ident();
    if (l->locked && l->owner == me) {
        if (l->count == INTPTR_MAX) {
            kerr_set(&kexc_OverflowError, "Internal lock count overflowed");
            return KV_NULL;
        }
        l->count++;
        return kbool_from(1);
    }
    KValue r = acquire_lock(l, blocking, timeout);
    if (r == KV_TRUE) {
        l->owner = me;
        l->count = 1;
    }
    return r;
}

static KValue rlock_release(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    if (!l->locked || l->owner != kgil_thread_ident()) {
        kerr_set(&kexc_RuntimeError, "cannot release un-acquired lock");
        return KV_NULL;
    }
    if (--l->count == 0) {
        l->owner = 0;
        give_back(l);
    }
    return kval_newref(KV_NONE);
}

static KValue rlock_exit(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return rlock_release(self, NULL, 0, KV_NULL);
}

static KValue rlock_is_owned(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    return kbool_from(l->locked && l->count > 0 && l->owner == kgil_thread_ident());
}

// _release_save() -> (count, owner); _acquire_restore((count, owner)).
static KValue rlock_release_save(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    Lock *l = (Lock *)self;
    if (l->count == 0 || !l->locked) {
        kerr_set(&kexc_RuntimeError, "cannot release un-acquired lock");
        return KV_NULL;
    }
    KValue r = ktuple_pack(2, kval_from_int(l->count), kval_from_int(l->owner));
    if (r) {
        l->count = 0;
        l->owner = 0;
        give_back(l);
    }
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
    ssize_t owner = count == -1 && kerr_occurred()
                        ? -1
                        : knum_as_ssize(ktuple_items(state)[1], &kexc_OverflowError);
    if (owner == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    KValue r = acquire_lock(l, 1, -1);
    if (r == KV_TRUE) {
        l->count = count;
        l->owner = owner;
    }
    if (!r) {
        return KV_NULL;
    }
    kval_decref(r);
    return kval_newref(KV_NONE);
}

static KValue rlock_repr(KValue self) {
    Lock *l = (Lock *)self;
    int held = l->locked && l->count > 0;
    return kstr_from_format("<%s %s object owner=%zd count=%zd at %p>",
                            held ? "locked" : "unlocked", kval_type(self)->name,
                            (ssize_t)(held ? l->owner : 0), (ssize_t)(held ? l->count : 0),
                            (void *)kval_obj(self));
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

static KValue th_get_native_id(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_from_int((intptr_t)gettid());
}

static KValue th_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return kval_from_int(kgil_threads);
}

// A thread on its way: what start_new_thread hands it.
typedef struct Boot {
    KValue func, args, kwargs; // owned; kwargs KV_NULL when absent
    KThreadState *ts;
} Boot;

static size_t stack_size; // for new threads; 0: the system's default

static void *thread_run(void *arg) {
    Boot *b = arg;
    KThreadState *ts = b->ts;
    kgil_acquire(ts);
    KValue r = kobj_call_tuple(b->func, b->args, b->kwargs);
    if (r) {
        kval_decref(r);
    } else if (kerr_matches(&kexc_SystemExit)) {
        kerr_clear();
    } else {
        kerr_write_unraisable("Exception ignored in thread started by", b->func, "<function>");
    }
    kval_decref(b->func);
    kval_decref(b->args);
    kval_xdecref(b->kwargs);
    free(b);
    if (ts->sentinel) { // threading's join() waits on it
        Lock *l = (Lock *)ts->sentinel;
        if (l->locked) {
            give_back(l);
        }
        KVAL_CLEAR(ts->sentinel);
    }
    kstate_clear_thread(ts);
    kerr_clear();
    kgil_threads--;
    kstate_free_thread(ts); // the allocator needs the GIL: free before letting go
    kgil_release();
    return NULL;
}

// start_new_thread(function, args[, kwargs]) -> the new thread's ident.
static KValue th_start_new_thread(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    if (kargs_count("start_new_thread", nargs, 2, 3) < 0) {
        return KV_NULL;
    }
    if (!kobj_is_callable(args[0])) {
        kerr_set(&kexc_TypeError, "first arg must be callable");
        return KV_NULL;
    }
    if (!ktuple_check(args[1])) {
        kerr_set(&kexc_TypeError, "2nd arg must be a tuple");
        return KV_NULL;
    }
    if (nargs > 2 && !kdict_check(args[2])) {
        kerr_set(&kexc_TypeError, "optional 3rd arg must be a dictionary");
        return KV_NULL;
    }
    Boot *b = malloc(sizeof *b);
    KThreadState *ts = b ? kstate_new_thread() : NULL;
    if (!ts) {
        free(b);
        return kerr_no_memory();
    }
    b->func = kval_newref(args[0]);
    b->args = kval_newref(args[1]);
    b->kwargs = nargs > 2 ? kval_newref(args[2]) : KV_NULL;
    b->ts = ts;
    kgil_start();
    pthread_attr_t attr;
    pthread_t tid;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (stack_size) {
        pthread_attr_setstacksize(&attr, stack_size);
    }
    kgil_threads++;
    int e = pthread_create(&tid, &attr, thread_run, b);
    pthread_attr_destroy(&attr);
    if (e != 0) {
        kgil_threads--;
        kval_decref(b->func);
        kval_decref(b->args);
        kval_xdecref(b->kwargs);
        free(b);
        kstate_free_thread(ts);
        kerr_set(&kexc_RuntimeError, "can't start new thread");
        return KV_NULL;
    }
    return kval_from_int(ident_of(tid));
}

// _set_sentinel(): a lock that threading acquires at once and the runtime
// releases when the calling thread ends, which join() waits on (the main
// thread's lives until exit).
static KValue th_set_sentinel(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    KValue l = lock_new(&lock_type, NULL, 0, KV_NULL);
    if (!l) {
        return KV_NULL;
    }
    if (kstate_ts != kstate_main) {
        kval_setref(&kstate_ts->sentinel, kval_newref(l));
    }
    return l;
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
        size_t old = stack_size;
        stack_size = (size_t)n;
        return kval_from_int((intptr_t)old);
    }
    return kval_from_int((intptr_t)stack_size);
}

static const KMethodDef thread_methods[] = {
    {"_set_sentinel", th_set_sentinel, KMETH_NOARGS, NULL},
    {"stack_size", th_stack_size, KMETH_FAST, NULL},
    {"allocate_lock", th_allocate_lock, KMETH_NOARGS, NULL},
    {"allocate", th_allocate_lock, KMETH_NOARGS, NULL},
    {"get_ident", th_get_ident, KMETH_NOARGS, NULL},
    {"get_native_id", th_get_native_id, KMETH_NOARGS, NULL},
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
