// vm/gil.c: the global interpreter lock (see gil.h): a mutex-protected flag
// with a condition for waiters, CPython's "forced switching" (a thread that
// lets go on request waits until another thread has taken the GIL, so it
// cannot take it straight back), and the drop request a waiter raises after
// the switch interval, delivered through the interpreter loop's check
// (ksignal_pending).
#include "gil.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "modules/_signal.h"

int kgil_on;
int kgil_threads;
long kgil_interval_ns = 5000000L;
static int finalizing;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t released = PTHREAD_COND_INITIALIZER; // the GIL became free
static pthread_cond_t taken = PTHREAD_COND_INITIALIZER;    // another thread took it
static int locked;
static unsigned long switches;
static atomic_int drop_request;

intptr_t kgil_thread_ident(void) {
    return (intptr_t)((uintptr_t)pthread_self() & (uintptr_t)KV_SMALL_MAX);
}

void kgil_start(void) {
    if (!kgil_on) {
        locked = 1;
        kgil_on = 1;
    }
}

static void deadline_after(struct timespec *t, long ns) {
    clock_gettime(CLOCK_REALTIME, t);
    t->tv_sec += ns / 1000000000L;
    t->tv_nsec += ns % 1000000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

void kgil_acquire(KThreadState *ts) {
    pthread_mutex_lock(&mu);
    while (locked) {
        unsigned long seen = switches;
        struct timespec t;
        deadline_after(&t, kgil_interval_ns);
        int r = pthread_cond_timedwait(&released, &mu, &t);
        if (r == ETIMEDOUT && locked && switches == seen && !finalizing) {
            // The holder ran a whole interval: ask it to let go.
            atomic_store(&drop_request, 1);
            ksignal_pending = 1;
        }
    }
    locked = 1;
    switches++;
    atomic_store(&drop_request, 0);
    kstate_ts = ts;
    if (ts == kstate_main && ksignal_tripped) {
        ksignal_pending = 1; // signals that arrived while another thread ran
    }
    pthread_cond_broadcast(&taken);
    pthread_mutex_unlock(&mu);
}

void kgil_release(void) {
    pthread_mutex_lock(&mu);
    locked = 0;
    pthread_cond_signal(&released);
    pthread_mutex_unlock(&mu);
}

void kgil_yield_if_asked(void) {
    if (!kgil_on || finalizing || !atomic_load(&drop_request)) {
        return;
    }
    KThreadState *ts = kstate_ts;
    pthread_mutex_lock(&mu);
    unsigned long seen = switches;
    locked = 0;
    pthread_cond_signal(&released);
    // Forced switching: let the thread that asked take it first (bounded,
    // in case it went away meanwhile).
    struct timespec t;
    deadline_after(&t, 4 * kgil_interval_ns);
    while (switches == seen && pthread_cond_timedwait(&taken, &mu, &t) != ETIMEDOUT) {
    }
    pthread_mutex_unlock(&mu);
    kgil_acquire(ts);
}

KThreadState *kgil_save(void) {
    if (!kgil_on || finalizing) {
        return NULL;
    }
    KThreadState *ts = kstate_ts;
    kgil_release();
    return ts;
}

void kgil_restore(KThreadState *saved) {
    if (saved) {
        int e = errno;
        kgil_acquire(saved);
        errno = e;
    }
}

void kgil_after_fork(void) {
    if (!kgil_on) {
        return;
    }
    kgil_threads = 0;
    kstate_main = kstate_ts;
    pthread_mutex_init(&mu, NULL);
    pthread_cond_init(&released, NULL);
    pthread_cond_init(&taken, NULL);
    locked = 1;
    atomic_store(&drop_request, 0);
}

void kgil_finalize(void) {
    finalizing = 1;
}
