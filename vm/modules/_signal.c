// vm/modules/_signal.c: the _signal module under CPython's signal.py:
// handlers written in Python, the signal numbers of <signal.h>, alarms and
// interval timers, masks, set_wakeup_fd. The C handler only records the
// signal (and writes its number to the wakeup fd); the interpreter runs the
// Python handler at its next check (ksignal_pending, tested at backward
// jumps, and right after raise_signal/pause), as CPython's eval breaker
// does. Unlike CPython, krait leaves SIGINT with the system's default at
// start-up: getsignal(SIGINT) is SIG_DFL until a program sets a handler.
#include "_signal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../frame.h"
#include "../func.h"
#include "../int.h"
#include "../internal.h"
#include "../module.h"
#include "../set.h"
#include "../state.h"
#include "../str.h"
#include "../tuple.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

volatile sig_atomic_t ksignal_pending;
volatile sig_atomic_t ksignal_tripped;
static volatile sig_atomic_t tripped[NSIG];
static KValue handlers[NSIG]; // the Python-level handler of each signal, or KV_NULL
static volatile sig_atomic_t wakeup_fd = -1;
static KValue itimer_error;

// SIGINT runs default_int_handler while Python has not set another: raising
// KeyboardInterrupt needs no module object until _signal is imported.
static int sigint_default;

static void on_signal(int signum) {
    int saved = errno;
    tripped[signum] = 1;
    ksignal_tripped = 1;
    ksignal_pending = 1;
    if (wakeup_fd >= 0) {
        unsigned char b = (unsigned char)signum;
        ssize_t r = write(wakeup_fd, &b, 1);
        (void)r;
    }
    errno = saved;
}

// After a handler raised for signal 'i': the later ones stay pending.
static void requeue_after(int i) {
    for (int j = i + 1; j < NSIG; j++) {
        if (tripped[j]) {
            ksignal_tripped = 1;
            ksignal_pending = 1;
        }
    }
}

static void raise_keyboard_interrupt(void) {
    KValue e = kobj_call(kval_of(&kexc_KeyboardInterrupt), NULL, 0, KV_NULL);
    if (e) {
        kerr_raise(e);
        kval_decref(e);
    }
}

int ksignal_run_pending(void) {
    if (!ksignal_pending) {
        return 0;
    }
    ksignal_pending = 0;
    if (kstate_ts != kstate_main || !ksignal_tripped) {
        return 0;
    }
    ksignal_tripped = 0;
    for (int i = 1; i < NSIG; i++) {
        if (!tripped[i]) {
            continue;
        }
        tripped[i] = 0;
        KValue h = handlers[i];
        if (!h && i == SIGINT && sigint_default) {
            raise_keyboard_interrupt();
            requeue_after(i);
            return -1;
        }
        if (!h || kint_check(h)) {
            continue; // SIG_DFL or SIG_IGN was set meanwhile
        }
        KFrame *f = kstate_ts->frame;
        KValue frame = f ? kframe_object(f) : kval_newref(KV_NONE);
        KValue num = frame ? kint_from_i64(i) : KV_NULL;
        KValue r = num ? kobj_call2(h, num, frame) : KV_NULL;
        kval_xdecref(num);
        kval_xdecref(frame);
        if (!r) {
            requeue_after(i);
            return -1;
        }
        kval_decref(r);
    }
    return 0;
}

int ksignal_retry(void) {
    if (ksignal_run_pending() == 0) {
        return 1;
    }
    errno = EINTR;
    return 0;
}

void ksignal_init_process(void) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    sigaction(SIGXFSZ, &sa, NULL);
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler == SIG_DFL) {
        sa.sa_handler = on_signal;
        sigint_default = sigaction(SIGINT, &sa, NULL) == 0;
    }
}

static KValue errno_error(void) {
    kerr_from_errno(KV_NULL);
    return KV_NULL;
}

static int signum_arg(KValue v, int *out) {
    if (!kint_check(v)) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(v, &overflow);
    if (overflow || n < 1 || n >= NSIG) {
        kerr_set(&kexc_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)n;
    return 0;
}

// The handler the system has for 'signum' before Python set one.
static KValue system_handler(int signum) {
    struct sigaction sa;
    if (sigaction(signum, NULL, &sa) < 0) {
        return kval_newref(KV_NONE);
    }
    if (sa.sa_handler == SIG_DFL) {
        return kint_from_i64(0);
    }
    if (sa.sa_handler == SIG_IGN) {
        return kint_from_i64(1);
    }
    return kval_newref(KV_NONE);
}

static KValue current_handler(int signum) {
    return handlers[signum] ? kval_newref(handlers[signum]) : system_handler(signum);
}

// signal(signalnum, handler, /)
METHOD(sig_signal) {
    (void)self, (void)kw;
    int signum;
    if (kargs_count("signal", nargs, 2, 2) < 0 || signum_arg(args[0], &signum) < 0) {
        return KV_NULL;
    }
    KValue h = args[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    KValue dfl = kint_from_i64(0), ign = kint_from_i64(1); // tagged: compared as words
    if (h == dfl || h == ign) {
        sa.sa_handler = h == dfl ? SIG_DFL : SIG_IGN;
    } else if (kobj_is_callable(h)) {
        sa.sa_handler = on_signal;
    } else {
        kerr_set(&kexc_TypeError,
                 "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
        return KV_NULL;
    }
    KValue old = current_handler(signum);
    if (!old) {
        return KV_NULL;
    }
    if (sigaction(signum, &sa, NULL) < 0) {
        kval_decref(old);
        return errno_error();
    }
    kval_setref(&handlers[signum], kval_newref(h));
    if (signum == SIGINT) {
        sigint_default = 0;
    }
    return old;
}

// getsignal(signalnum, /)
METHOD(sig_getsignal) {
    (void)self, (void)nargs, (void)kw;
    int signum;
    return signum_arg(args[0], &signum) < 0 ? KV_NULL : current_handler(signum);
}

// default_int_handler(signalnum, frame, /)
METHOD(sig_default_int_handler) {
    (void)self, (void)args, (void)nargs, (void)kw;
    raise_keyboard_interrupt();
    return KV_NULL;
}

// raise_signal(signalnum, /): the handler has run when it returns.
METHOD(sig_raise_signal) {
    (void)self, (void)nargs, (void)kw;
    int signum;
    if (signum_arg(args[0], &signum) < 0) {
        return KV_NULL;
    }
    if (raise(signum) != 0) {
        return errno_error();
    }
    return ksignal_run_pending() < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// alarm(seconds, /)
METHOD(sig_alarm) {
    (void)self, (void)nargs, (void)kw;
    if (!kint_check(args[0])) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        return KV_NULL;
    }
    ssize_t s = kint_as_ssize(args[0]);
    if (s == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    return kint_from_i64(alarm((unsigned)s));
}

// pause(): waits for a signal, then runs its handler.
METHOD(sig_pause) {
    (void)self, (void)args, (void)nargs, (void)kw;
    pause();
    return ksignal_run_pending() < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// strsignal(signalnum, /)
METHOD(sig_strsignal) {
    (void)self, (void)nargs, (void)kw;
    int signum;
    if (signum_arg(args[0], &signum) < 0) {
        return KV_NULL;
    }
    const char *s = strsignal(signum);
    if (!s || strncmp(s, "Unknown signal", 14) == 0 || strncmp(s, "Real-time signal", 16) == 0) {
        return kval_newref(KV_NONE);
    }
    return kstr_from_cstr(s);
}

static KValue set_of(const sigset_t *mask) {
    KValue s = kset_new(KV_NULL);
    for (int i = 1; s && i < NSIG; i++) {
        if (sigismember(mask, i) == 1) {
            KValue n = kint_from_i64(i);
            if (!n || kset_add(s, n) < 0) {
                kval_xdecref(n);
                KVAL_CLEAR(s);
                break;
            }
            kval_decref(n);
        }
    }
    return s;
}

// An iterable of signal numbers -> a sigset_t. -1 on error.
static int mask_of(KValue iterable, sigset_t *mask) {
    sigemptyset(mask);
    KValue it = kobj_get_iter(iterable);
    if (!it) {
        return -1;
    }
    KValue item;
    while ((item = kobj_iter_next(it))) {
        int signum;
        int r = signum_arg(item, &signum);
        kval_decref(item);
        if (r < 0) {
            kval_decref(it);
            return -1;
        }
        sigaddset(mask, signum);
    }
    kval_decref(it);
    return kerr_occurred() ? -1 : 0;
}

METHOD(sig_valid_signals) {
    (void)self, (void)args, (void)nargs, (void)kw;
    sigset_t mask;
    sigfillset(&mask);
    return set_of(&mask);
}

// pthread_sigmask(how, mask, /)
METHOD(sig_pthread_sigmask) {
    (void)self, (void)kw;
    if (kargs_count("pthread_sigmask", nargs, 2, 2) < 0) {
        return KV_NULL;
    }
    ssize_t how = kint_check(args[0]) ? kint_as_ssize(args[0]) : -1;
    if (how == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    sigset_t mask, old;
    if (mask_of(args[1], &mask) < 0) {
        return KV_NULL;
    }
    int err = pthread_sigmask((int)how, &mask, &old);
    if (err) {
        errno = err;
        return errno_error();
    }
    if (ksignal_run_pending() < 0) {
        return KV_NULL;
    }
    return set_of(&old);
}

METHOD(sig_sigpending) {
    (void)self, (void)args, (void)nargs, (void)kw;
    sigset_t mask;
    if (sigpending(&mask) < 0) {
        return errno_error();
    }
    return set_of(&mask);
}

// sigwait(sigset, /)
METHOD(sig_sigwait) {
    (void)self, (void)nargs, (void)kw;
    sigset_t mask;
    int signum;
    if (mask_of(args[0], &mask) < 0) {
        return KV_NULL;
    }
    int err = sigwait(&mask, &signum);
    if (err) {
        errno = err;
        return errno_error();
    }
    return kint_from_i64(signum);
}

// pthread_kill(thread_id, signalnum, /)
METHOD(sig_pthread_kill) {
    (void)self, (void)kw;
    int signum;
    if (kargs_count("pthread_kill", nargs, 2, 2) < 0 || signum_arg(args[1], &signum) < 0) {
        return KV_NULL;
    }
    int overflow;
    uint64_t tid = kint_check(args[0]) ? kint_as_u64_overflow(args[0], &overflow) : 0;
    int err = pthread_kill((pthread_t)tid, signum);
    if (err) {
        errno = err;
        return errno_error();
    }
    return ksignal_run_pending() < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// siginterrupt(signalnum, flag, /)
METHOD(sig_siginterrupt) {
    (void)self, (void)kw;
    int signum;
    if (kargs_count("siginterrupt", nargs, 2, 2) < 0 || signum_arg(args[0], &signum) < 0) {
        return KV_NULL;
    }
    int flag = kobj_is_true(args[1]);
    if (flag < 0) {
        return KV_NULL;
    }
    struct sigaction sa;
    if (sigaction(signum, NULL, &sa) < 0) {
        return errno_error();
    }
    if (flag) {
        sa.sa_flags &= ~SA_RESTART;
    } else {
        sa.sa_flags |= SA_RESTART;
    }
    if (sigaction(signum, &sa, NULL) < 0) {
        return errno_error();
    }
    return kval_newref(KV_NONE);
}

// set_wakeup_fd(fd, /, *, warn_on_full_buffer=True): the previous fd.
METHOD(sig_set_wakeup_fd) {
    (void)self;
    static const char *const kwlist[] = {"", "warn_on_full_buffer", NULL};
    KValue a[2];
    if (kargs_unpack("set_wakeup_fd", args, nargs, kw, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    if (!kint_check(a[0])) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
        return KV_NULL;
    }
    ssize_t fd = kint_as_ssize(a[0]);
    if (fd == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    if (fd != -1) {
        int fl = fcntl((int)fd, F_GETFL);
        if (fl < 0) {
            kerr_format(&kexc_ValueError, "invalid fd");
            return KV_NULL;
        }
        if (!(fl & O_NONBLOCK)) {
            kerr_format(&kexc_ValueError, "the fd %zd must be in non-blocking mode", fd);
            return KV_NULL;
        }
    }
    int old = wakeup_fd;
    wakeup_fd = (int)fd;
    return kint_from_i64(old);
}

static KValue timer_tuple(const struct itimerval *v) {
    KValue a = kfloat_new((double)v->it_value.tv_sec + v->it_value.tv_usec / 1e6);
    KValue b = a ? kfloat_new((double)v->it_interval.tv_sec + v->it_interval.tv_usec / 1e6)
                 : KV_NULL;
    KValue t = b ? ktuple_pack(2, a, b) : KV_NULL;
    kval_xdecref(a);
    kval_xdecref(b);
    return t;
}

static int seconds_of(KValue v, struct timeval *tv) {
    double d = knum_as_double(v);
    if (d == -1.0 && kerr_occurred()) {
        return -1;
    }
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6);
    if (tv->tv_sec == 0 && tv->tv_usec == 0 && d > 0) {
        tv->tv_usec = 1; // a positive time too small still arms the timer
    }
    return 0;
}

// ItimerError(errno, strerror).
static KValue itimer_fail(void) {
    int e = errno;
    KValue code = kint_from_i64(e), msg = code ? kstr_from_cstr(strerror(e)) : KV_NULL;
    KValue args[2] = {code, msg};
    KValue exc = msg ? kobj_call(itimer_error, args, 2, KV_NULL) : KV_NULL;
    if (exc) {
        kerr_raise(exc);
        kval_decref(exc);
    }
    kval_xdecref(code);
    kval_xdecref(msg);
    return KV_NULL;
}

// setitimer(which, seconds, interval=0.0, /)
METHOD(sig_setitimer) {
    (void)self, (void)kw;
    if (kargs_count("setitimer", nargs, 2, 3) < 0) {
        return KV_NULL;
    }
    ssize_t which = kint_check(args[0]) ? kint_as_ssize(args[0]) : -1;
    if (which == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    struct itimerval v, old;
    memset(&v, 0, sizeof v);
    if (seconds_of(args[1], &v.it_value) < 0 ||
        (nargs > 2 && seconds_of(args[2], &v.it_interval) < 0)) {
        return KV_NULL;
    }
    if (setitimer((int)which, &v, &old) < 0) {
        return itimer_fail();
    }
    return timer_tuple(&old);
}

// getitimer(which, /)
METHOD(sig_getitimer) {
    (void)self, (void)nargs, (void)kw;
    ssize_t which = kint_check(args[0]) ? kint_as_ssize(args[0]) : -1;
    if (which == -1 && kerr_occurred()) {
        return KV_NULL;
    }
    struct itimerval v;
    if (getitimer((int)which, &v) < 0) {
        return itimer_fail();
    }
    return timer_tuple(&v);
}

static const KMethodDef signal_functions[] = {
    {"signal", sig_signal, KMETH_FAST, NULL},
    {"getsignal", sig_getsignal, KMETH_O, NULL},
    {"default_int_handler", sig_default_int_handler, KMETH_FAST,
     "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {"raise_signal", sig_raise_signal, KMETH_O, NULL},
    {"alarm", sig_alarm, KMETH_O, NULL},
    {"pause", sig_pause, KMETH_NOARGS, NULL},
    {"strsignal", sig_strsignal, KMETH_O, NULL},
    {"valid_signals", sig_valid_signals, KMETH_NOARGS, NULL},
    {"pthread_sigmask", sig_pthread_sigmask, KMETH_FAST, NULL},
    {"pthread_kill", sig_pthread_kill, KMETH_FAST, NULL},
    {"sigpending", sig_sigpending, KMETH_NOARGS, NULL},
    {"sigwait", sig_sigwait, KMETH_O, NULL},
    {"siginterrupt", sig_siginterrupt, KMETH_FAST, NULL},
    {"set_wakeup_fd", sig_set_wakeup_fd, KMETH_KW, NULL},
    {"setitimer", sig_setitimer, KMETH_FAST, NULL},
    {"getitimer", sig_getitimer, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} signal_constants[] = {
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", NSIG},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCLD", SIGCHLD}, {"SIGCONT", SIGCONT},
    {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL},
    {"SIGPWR", SIGPWR}, {"SIGSYS", SIGSYS},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
    {"ITIMER_PROF", ITIMER_PROF},
};

static int add_int(KValue m, const char *name, int64_t v) {
    KValue i = kint_from_i64(v);
    int r = i ? kmod_add(m, name, i) : -1;
    kval_xdecref(i);
    return r;
}

KValue kmod_signal_create(void) {
    KValue m = kmod_new("_signal");
    if (!m || kmod_add_functions(m, signal_functions) < 0 ||
        add_int(m, "SIGRTMIN", SIGRTMIN) < 0 || add_int(m, "SIGRTMAX", SIGRTMAX) < 0) {
        goto error;
    }
    for (size_t i = 0; i < sizeof signal_constants / sizeof signal_constants[0]; i++) {
        if (add_int(m, signal_constants[i].name, signal_constants[i].value) < 0) {
            goto error;
        }
    }
    if (!itimer_error && !(itimer_error = kmod_new_exception("signal", "itimer_error",
                                                             &kexc_OSError))) {
        goto error;
    }
    if (kmod_add(m, "ItimerError", itimer_error) < 0) {
        goto error;
    }
    if (sigint_default && !handlers[SIGINT]) {
        // getsignal(SIGINT) is this module's default_int_handler.
        KValue h = kdict_get_cstr_borrow(kmod_dict_borrow(m), "default_int_handler");
        if (!h) {
            goto error;
        }
        handlers[SIGINT] = kval_newref(h);
    }
    return m;
error:
    kval_xdecref(m);
    return KV_NULL;
}
