// vm/modules/_multiprocessing.c: the _multiprocessing module under CPython's
// multiprocessing package on POSIX: SemLock, a named POSIX semaphore that
// processes share (multiprocessing's Lock, RLock, Semaphore, Condition,
// Event and Queue are built on it), sem_unlink, and flags. A SemLock counts
// the acquisitions of this process and remembers the last thread that
// acquired it, so a recursive mutex is re-entrant for its owner. Blocking
// acquires wait with the GIL released; signals interrupt them as CPython's
// (PEP 475: a handler that raises ends the wait).
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
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
#include "../type.h"
#include "_signal.h"

enum { RECURSIVE_MUTEX, SEMAPHORE };

typedef struct {
    KOBJ_HEAD;
    sem_t *handle;
    intptr_t last_tid; // the thread that acquired last
    ssize_t count;     // acquisitions by this process not yet released
    int maxvalue, kind;
    KValue name; // str, or None once unlinked
} SemLock;

#define SL(v) ((SemLock *)(v))

static int is_mine(SemLock *s) {
    return s->count > 0 && s->last_tid == kgil_thread_ident();
}

static KType semlock_type;

static KValue semlock_make(KType *type, sem_t *handle, int kind, int maxvalue, KValue name) {
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        sem_close(handle);
        return KV_NULL;
    }
    SemLock *s = SL(v);
    s->handle = handle;
    s->kind = kind;
    s->maxvalue = maxvalue;
    s->name = kval_newref(name);
    return v;
}

// SemLock(kind, value, maxvalue, name, unlink)
static KValue semlock_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"kind", "value", "maxvalue", "name", "unlink", NULL};
    KValue a[5];
    if (kargs_parse("SemLock", args, nargs, kwnames, kwlist, 5, 5, a) < 0) {
        return KV_NULL;
    }
    ssize_t kind = knum_as_ssize(a[0], &kexc_OverflowError);
    ssize_t value = kind == -1 && kerr_occurred() ? -1 : knum_as_ssize(a[1], &kexc_OverflowError);
    ssize_t maxvalue = value == -1 && kerr_occurred() ? -1
                                                       : knum_as_ssize(a[2], &kexc_OverflowError);
    if (maxvalue == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (!kstr_check(a[3])) {
        kerr_format(&kexc_TypeError, "SemLock() argument 'name' must be str, not %T", a[3]);
        return KV_NULL;
    }
    int unlink = kobj_is_true(a[4]);
    if (unlink < 0) {
        return KV_NULL;
    }
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
        kerr_set(&kexc_ValueError, "unrecognized kind");
        return KV_NULL;
    }
    if (value < 0 || value > SEM_VALUE_MAX || maxvalue < 0 || maxvalue > INT_MAX) {
        kerr_set(&kexc_ValueError, "invalid value");
        return KV_NULL;
    }
    const char *name = kstr_utf8(a[3], NULL);
    if (!name) {
        return KV_NULL;
    }
    sem_t *h = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned)value);
    if (h == SEM_FAILED) {
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    if (unlink && sem_unlink(name) < 0) {
        int e = errno;
        sem_close(h);
        errno = e;
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return semlock_make(type, h, (int)kind, (int)maxvalue, unlink ? KV_NONE : a[3]);
}

// _rebuild(handle, kind, maxvalue, name): the same semaphore in another
// process, opened again by name (or the inherited handle when unlinked).
static KValue semlock_rebuild(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)kw;
    if (kargs_count("_rebuild", nargs, 4, 4) < 0) {
        return KV_NULL;
    }
    ssize_t handle = knum_as_ssize(args[0], &kexc_OverflowError);
    ssize_t kind = handle == -1 && kerr_occurred() ? -1 : knum_as_ssize(args[1], &kexc_OverflowError);
    ssize_t maxvalue = kind == -1 && kerr_occurred() ? -1
                                                      : knum_as_ssize(args[2], &kexc_OverflowError);
    if (maxvalue == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    sem_t *h = (sem_t *)(intptr_t)handle;
    if (args[3] != KV_NONE) {
        const char *name = kstr_check(args[3]) ? kstr_utf8(args[3], NULL) : NULL;
        if (!name) {
            if (!kerr_occurred()) {
                kerr_format(&kexc_TypeError, "_rebuild() argument 4 must be str or None, not %T",
                            args[3]);
            }
            return KV_NULL;
        }
        h = sem_open(name, 0);
        if (h == SEM_FAILED) {
            kerr_from_errno(KV_NULL);
            return KV_NULL;
        }
    }
    return semlock_make((KType *)cls, h, (int)kind, (int)maxvalue, args[3]);
}

// acquire(block=True, timeout=None)
static KValue semlock_acquire(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"block", "timeout", NULL};
    KValue a[2];
    if (kargs_parse("acquire", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    SemLock *s = SL(self);
    int blocking = a[0] ? kobj_is_true(a[0]) : 1;
    if (blocking < 0) {
        return KV_NULL;
    }
    if (s->kind == RECURSIVE_MUTEX && is_mine(s)) {
        s->count++;
        return kbool_from(1);
    }
    int use_deadline = 0;
    struct timespec deadline = {0, 0};
    if (a[1] && a[1] != KV_NONE) {
        double timeout = knum_as_double(a[1]);
        if (timeout == -1.0 && kerr_occurred()) {
            return KV_NULL;
        }
        if (timeout < 0) {
            timeout = 0;
        }
        clock_gettime(CLOCK_REALTIME, &deadline);
        double secs = (double)deadline.tv_sec + (double)deadline.tv_nsec / 1e9 + timeout;
        deadline.tv_sec = (time_t)secs;
        deadline.tv_nsec = (long)((secs - (double)deadline.tv_sec) * 1e9);
        use_deadline = 1;
    }
    int r, err;
    do {
        r = sem_trywait(s->handle);
        err = errno;
    } while (r < 0 && err == EINTR && ksignal_retry());
    if (r < 0 && err == EINTR) {
        return KV_NULL; // a signal handler raised
    }
    if (r < 0 && err == EAGAIN && blocking) {
        for (;;) {
            KThreadState *gil = kgil_save();
            r = use_deadline ? sem_timedwait(s->handle, &deadline) : sem_wait(s->handle);
            err = errno;
            kgil_restore(gil);
            if (r == 0 || err != EINTR) {
                break;
            }
            if (!ksignal_retry()) {
                return KV_NULL;
            }
        }
    }
    if (r < 0) {
        if (err == EAGAIN || err == ETIMEDOUT) {
            return kbool_from(0);
        }
        errno = err;
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    s->count++;
    s->last_tid = kgil_thread_ident();
    return kbool_from(1);
}

static KValue semlock_release(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    SemLock *s = SL(self);
    if (s->kind == RECURSIVE_MUTEX) {
        if (!is_mine(s)) {
            kerr_set(&kexc_AssertionError, "attempt to release recursive lock not owned by thread");
            return KV_NULL;
        }
        if (s->count > 1) {
            s->count--;
            return kval_newref(KV_NONE);
        }
    } else {
        int sval;
        if (sem_getvalue(s->handle, &sval) < 0) {
            kerr_from_errno(KV_NULL);
            return KV_NULL;
        }
        if (sval >= s->maxvalue) {
            kerr_set(&kexc_ValueError, "semaphore or lock released too many times");
            return KV_NULL;
        }
    }
    if (sem_post(s->handle) < 0) {
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    s->count--;
    return kval_newref(KV_NONE);
}

static KValue semlock_exit(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return semlock_release(self, NULL, 0, KV_NULL);
}

static KValue semlock_count(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kint_from_i64(SL(self)->count);
}

static KValue semlock_is_mine(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    return kbool_from(is_mine(SL(self)));
}

static int get_value(SemLock *s, int *sval) {
    if (sem_getvalue(s->handle, sval) < 0) {
        kerr_from_errno(KV_NULL);
        return -1;
    }
    if (*sval < 0) { // some systems count waiters as a negative value
        *sval = 0;
    }
    return 0;
}

static KValue semlock_get_value(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    int sval;
    return get_value(SL(self), &sval) < 0 ? KV_NULL : kint_from_i64(sval);
}

static KValue semlock_is_zero(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    int sval;
    return get_value(SL(self), &sval) < 0 ? KV_NULL : kbool_from(sval == 0);
}

// _after_fork(): the child holds none of the parent's acquisitions.
static KValue semlock_after_fork(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)args, (void)nargs, (void)kw;
    SL(self)->count = 0;
    return kval_newref(KV_NONE);
}

static KValue semlock_get_handle(KValue self) {
    return kint_from_i64((int64_t)(intptr_t)SL(self)->handle);
}

static KValue semlock_get_kind(KValue self) {
    return kint_from_i64(SL(self)->kind);
}

static KValue semlock_get_maxvalue(KValue self) {
    return kint_from_i64(SL(self)->maxvalue);
}

static KValue semlock_get_name(KValue self) {
    return kval_newref(SL(self)->name);
}

static void semlock_dealloc(KObject *o) {
    SemLock *s = (SemLock *)o;
    if (s->handle && s->handle != SEM_FAILED) {
        sem_close(s->handle);
    }
    kval_xdecref(s->name);
    kobj_free(o);
}

static const KMethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, KMETH_KW, "Acquire the semaphore/lock."},
    {"release", semlock_release, KMETH_NOARGS, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, KMETH_KW, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, KMETH_FAST, "Exit the semaphore/lock."},
    {"_count", semlock_count, KMETH_NOARGS, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, KMETH_NOARGS, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, KMETH_NOARGS, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, KMETH_NOARGS, "Return whether semaphore has value zero."},
    {"_rebuild", semlock_rebuild, KMETH_FAST | KMETH_CLASS, NULL},
    {"_after_fork", semlock_after_fork, KMETH_NOARGS, "Rezero the net acquisition count after fork()."},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef semlock_getsets[] = {
    {"handle", semlock_get_handle, NULL, NULL},
    {"kind", semlock_get_kind, NULL, NULL},
    {"maxvalue", semlock_get_maxvalue, NULL, NULL},
    {"name", semlock_get_name, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static KType semlock_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_multiprocessing.SemLock",
    .basicsize = sizeof(SemLock),
    .flags = KTF_BASETYPE,
    .dealloc = semlock_dealloc,
    .new_ = semlock_new,
    .methods = semlock_methods,
    .getsets = semlock_getsets,
    .doc = "Semaphore/Mutex type",
};

// sem_unlink(name)
static KValue mp_sem_unlink(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "sem_unlink() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    const char *name = kstr_utf8(args[0], NULL);
    if (!name) {
        return KV_NULL;
    }
    if (sem_unlink(name) < 0) {
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef mp_functions[] = {
    {"sem_unlink", mp_sem_unlink, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_multiprocessing_create(void) {
    if (ktype_ready(&semlock_type) < 0) {
        return KV_NULL;
    }
    KValue maxv = kint_from_i64(SEM_VALUE_MAX);
    int ok = maxv && kdict_set_cstr(ktype_dict(&semlock_type), "SEM_VALUE_MAX", maxv) == 0;
    kval_xdecref(maxv);
    KValue m = ok ? kmod_new("_multiprocessing") : KV_NULL;
    KValue flags = m ? kdict_new() : KV_NULL;
    ok = flags && kdict_set_cstr(flags, "HAVE_SEM_OPEN", kval_from_int(1)) == 0 &&
         kdict_set_cstr(flags, "HAVE_SEM_TIMEDWAIT", kval_from_int(1)) == 0 &&
         kmod_add_functions(m, mp_functions) == 0 &&
         kmod_add(m, "SemLock", kval_of(&semlock_type)) == 0 && kmod_add(m, "flags", flags) == 0;
    kval_xdecref(flags);
    if (!ok) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
