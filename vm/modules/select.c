// vm/modules/select.c: the select module as CPython's on Linux, for
// selectors and subprocess: select() over fd_sets and poll objects, each
// waiting again with the time left when a signal handler interrupts it and
// raises nothing (PEP 475). select.error is OSError.
#include "../internal.h"
#include "../gil.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "_signal.h"
#include "../abstract.h"
#include "../dict.h"
#include "../errors.h"
#include "../float.h"
#include "../func.h"
#include "../gc.h"
#include "../int.h"
#include "../list.h"
#include "../mem.h"
#include "../module.h"
#include "../tuple.h"
#include "../type.h"
#include "posix.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// A timeout argument in 'unit' seconds (1 for select, 1e-3 for poll): -1 for
// None (wait forever); 'what' completes CPython's TypeError ("a float" /
// "an integer"). -1.0 is never a valid result otherwise: negatives are
// refused by the caller or mean "forever" for poll.
static int timeout_arg(KValue v, const char *what, double *out) {
    if (!v || v == KV_NONE) {
        *out = -1;
        return 0;
    }
    if (kfloat_check(v)) {
        *out = knum_as_double(v);
        if (isnan(*out)) {
            kerr_set(&kexc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        return 0;
    }
    KValue i = knum_index(v);
    if (!i) {
        if (kerr_matches(&kexc_TypeError)) {
            kerr_clear();
            kerr_format(&kexc_TypeError, "timeout must be %s or None", what);
        }
        return -1;
    }
    *out = knum_as_double(i);
    kval_decref(i);
    return *out == -1.0 && kerr_occurred() ? -1 : 0;
}

// Appends (fd, events) to the list 'out': 0, or -1 with MemoryError.
static int append_event(KValue out, int fd, uint32_t events) {
    KValue f = kint_from_i64(fd);
    KValue e = f ? kint_from_i64(events) : KV_NULL;
    KValue t = e ? ktuple_pack(2, f, e) : KV_NULL;
    int r = t ? klist_append(out, t) : -1;
    kval_xdecref(f);
    kval_xdecref(e);
    kval_xdecref(t);
    return r;
}

// ---------------------------------------------------------------------------
// select()

typedef struct FdList {
    KValue seq;   // the fast sequence (a list or tuple), owned
    int *fds;     // its items' descriptors
    ssize_t n;
} FdList;

static void fdlist_clear(FdList *l) {
    kval_xdecref(l->seq);
    kmem_free(l->fds);
    l->seq = KV_NULL;
    l->fds = NULL;
}

// Reads the descriptors of 'arg' into 'l' and 'set', raising the highest in
// '*maxfd'.
static int fdlist_fill(KValue arg, FdList *l, fd_set *set, int *maxfd) {
    FD_ZERO(set);
    l->seq = kseq_fast(arg, "arguments 1-3 must be sequences");
    if (!l->seq) {
        return -1;
    }
    KValue *items;
    l->n = ktuple_check(l->seq) ? ktuple_len(l->seq) : klist_len(l->seq);
    l->fds = kmem_alloc(((size_t)l->n + 1) * sizeof(int));
    if (!l->fds) {
        kerr_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < l->n; i++) {
        // fileno() may change the list: read each item afresh.
        if (i >= (ktuple_check(l->seq) ? ktuple_len(l->seq) : klist_len(l->seq))) {
            l->n = i;
            break;
        }
        items = ktuple_check(l->seq) ? ktuple_items(l->seq) : klist_items(l->seq);
        KValue item = kval_newref(items[i]);
        int fd;
        int r = kposix_fileno_arg(item, &fd);
        kval_decref(item);
        if (r < 0) {
            return -1;
        }
        if (fd >= FD_SETSIZE) {
            kerr_set(&kexc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
        l->fds[i] = fd;
        FD_SET(fd, set);
        if (fd > *maxfd) {
            *maxfd = fd;
        }
    }
    return 0;
}

// The items of 'l' whose descriptor is in 'set', in their order.
static KValue fdlist_ready(const FdList *l, const fd_set *set) {
    KValue out = klist_new(0);
    ssize_t len = ktuple_check(l->seq) ? ktuple_len(l->seq) : klist_len(l->seq);
    KValue *items = ktuple_check(l->seq) ? ktuple_items(l->seq) : klist_items(l->seq);
    for (ssize_t i = 0; out && i < l->n && i < len; i++) {
        if (FD_ISSET(l->fds[i], set) && klist_append(out, items[i]) < 0) {
            KVAL_CLEAR(out);
        }
    }
    return out;
}

METHOD(sel_select) {
    (void)self, (void)kw;
    if (kargs_count("select", nargs, 3, 4) < 0) {
        return KV_NULL;
    }
    double timeout;
    if (timeout_arg(nargs > 3 ? args[3] : KV_NULL, "a float", &timeout) < 0) {
        return KV_NULL;
    }
    if (nargs > 3 && args[3] != KV_NONE && timeout < 0) {
        kerr_set(&kexc_ValueError, "timeout must be non-negative");
        return KV_NULL;
    }
    FdList lists[3] = {{KV_NULL, NULL, 0}, {KV_NULL, NULL, 0}, {KV_NULL, NULL, 0}};
    fd_set in[3], out[3];
    int maxfd = -1;
    KValue result = KV_NULL;
    for (int k = 0; k < 3; k++) {
        if (fdlist_fill(args[k], &lists[k], &in[k], &maxfd) < 0) {
            goto done;
        }
    }
    double deadline = timeout >= 0 ? now() + timeout : 0;
    for (;;) {
        memcpy(out, in, sizeof out);
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            double left = deadline - now();
            left = left < 0 ? 0 : left;
            tv.tv_sec = (time_t)left;
            tv.tv_usec = (suseconds_t)ceil((left - (double)tv.tv_sec) * 1e6);
            if (tv.tv_usec >= 1000000) {
                tv.tv_sec++;
                tv.tv_usec -= 1000000;
            }
            tvp = &tv;
        }
        KThreadState *gil = kgil_save();
        int n = select(maxfd + 1, &out[0], &out[1], &out[2], tvp);
        kgil_restore(gil);
        if (n >= 0) {
            break;
        }
        if (errno != EINTR || !ksignal_retry()) {
            kerr_from_errno(KV_NULL);
            goto done;
        }
    }
    KValue r = fdlist_ready(&lists[0], &out[0]);
    KValue w = r ? fdlist_ready(&lists[1], &out[1]) : KV_NULL;
    KValue x = w ? fdlist_ready(&lists[2], &out[2]) : KV_NULL;
    result = x ? ktuple_pack(3, r, w, x) : KV_NULL;
    kval_xdecref(r);
    kval_xdecref(w);
    kval_xdecref(x);
done:
    for (int k = 0; k < 3; k++) {
        fdlist_clear(&lists[k]);
    }
    return result;
}

// ---------------------------------------------------------------------------
// poll objects

typedef struct PollObj {
    KOBJ_HEAD;
    KValue fds; // dict: descriptor -> event mask
    int polling;
} PollObj;

static KType poll_type;

static void poll_dealloc(KObject *o) {
    kval_xdecref(((PollObj *)o)->fds);
    kobj_free(o);
}

// An event mask: a C unsigned short, as CPython's.
static int events_arg(KValue v, unsigned short *out) {
    if (!kint_check(v)) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(v, &overflow);
    if (!overflow ? n < 0 : kint_sign(v) < 0) {
        kerr_set(&kexc_ValueError, "value must be positive");
        return -1;
    }
    if (overflow || n > USHRT_MAX) {
        kerr_set(&kexc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (unsigned short)n;
    return 0;
}

static int poll_set(PollObj *p, int fd, unsigned short events) {
    KValue k = kint_from_i64(fd), v = kint_from_i64(events);
    int r = k && v ? kdict_set(p->fds, k, v) : -1;
    kval_xdecref(k);
    kval_xdecref(v);
    return r;
}

// register(fd, eventmask=POLLIN|POLLPRI|POLLOUT, /)
METHOD(poll_register) {
    (void)kw;
    int fd;
    unsigned short events = POLLIN | POLLPRI | POLLOUT;
    if (kargs_count("register", nargs, 1, 2) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        (nargs > 1 && events_arg(args[1], &events) < 0)) {
        return KV_NULL;
    }
    return poll_set((PollObj *)self, fd, events) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// modify(fd, eventmask, /): FileNotFoundError when fd is not registered.
METHOD(poll_modify) {
    (void)kw;
    int fd;
    unsigned short events;
    if (kargs_count("modify", nargs, 2, 2) < 0 || kposix_fileno_arg(args[0], &fd) < 0 ||
        events_arg(args[1], &events) < 0) {
        return KV_NULL;
    }
    PollObj *p = (PollObj *)self;
    KValue k = kint_from_i64(fd);
    KValue have = k ? kdict_get_borrow(p->fds, k) : KV_NULL;
    kval_xdecref(k);
    if (!have) {
        if (!kerr_occurred()) {
            errno = ENOENT;
            kerr_from_errno(KV_NULL);
        }
        return KV_NULL;
    }
    return poll_set(p, fd, events) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// unregister(fd, /): KeyError when fd is not registered.
METHOD(poll_unregister) {
    (void)nargs, (void)kw;
    int fd;
    if (kposix_fileno_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    KValue k = kint_from_i64(fd);
    if (!k) {
        return KV_NULL;
    }
    int r = kdict_del(((PollObj *)self)->fds, k);
    kval_decref(k);
    return r < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// poll(timeout=None, /): a list of (fd, events) for the descriptors that
// are ready; the timeout is in milliseconds, None or negative for none.
METHOD(poll_poll) {
    (void)kw;
    PollObj *p = (PollObj *)self;
    double ms;
    if (kargs_count("poll", nargs, 0, 1) < 0 ||
        timeout_arg(nargs ? args[0] : KV_NULL, "an integer", &ms) < 0) {
        return KV_NULL;
    }
    if (p->polling) {
        kerr_set(&kexc_RuntimeError, "concurrent poll() invocation");
        return KV_NULL;
    }
    ssize_t n = kdict_len(p->fds);
    struct pollfd *ufds = kmem_alloc(((size_t)n + 1) * sizeof *ufds);
    if (!ufds) {
        return kerr_no_memory();
    }
    ssize_t pos = 0, i = 0;
    KValue key, value;
    while (i < n && kdict_next(p->fds, &pos, &key, &value)) {
        ufds[i].fd = (int)kint_as_ssize(key);
        ufds[i].events = (short)kint_as_ssize(value);
        ufds[i].revents = 0;
        i++;
    }
    n = i;
    double deadline = ms >= 0 ? now() + ceil(ms) / 1000 : 0;
    int ready;
    p->polling = 1;
    for (;;) {
        int wait = -1;
        if (ms >= 0) {
            double left = ceil((deadline - now()) * 1000);
            wait = left < 0 ? 0 : left > INT_MAX ? INT_MAX : (int)left;
        }
        KThreadState *gil = kgil_save();
        ready = poll(ufds, (nfds_t)n, wait);
        kgil_restore(gil);
        if (ready >= 0 || errno != EINTR || !ksignal_retry()) {
            break;
        }
    }
    p->polling = 0;
    if (ready < 0) {
        kmem_free(ufds);
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    KValue out = klist_new(0);
    for (i = 0; out && i < n; i++) {
        if (!ufds[i].revents) {
            continue;
        }
        if (append_event(out, ufds[i].fd, (unsigned short)ufds[i].revents) < 0) {
            KVAL_CLEAR(out);
        }
    }
    kmem_free(ufds);
    return out;
}

static const KMethodDef poll_methods[] = {
    {"register", poll_register, KMETH_FAST, NULL},
    {"modify", poll_modify, KMETH_FAST, NULL},
    {"unregister", poll_unregister, KMETH_O, NULL},
    {"poll", poll_poll, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static KType poll_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "select.poll",
    .basicsize = sizeof(PollObj),
    .dealloc = poll_dealloc,
    .methods = poll_methods,
};

METHOD(sel_poll) {
    (void)self, (void)args, (void)nargs, (void)kw;
    KValue fds = kdict_new();
    PollObj *p = fds ? (PollObj *)kobj_alloc(&poll_type, sizeof *p) : NULL;
    if (!p) {
        kval_xdecref(fds);
        return KV_NULL;
    }
    p->fds = fds;
    p->polling = 0;
    return kval_of(p);
}

// ---------------------------------------------------------------------------
// epoll objects

typedef struct EpollObj {
    KOBJ_HEAD;
    int fd; // -1 once closed
} EpollObj;

static KType epoll_type;

#define EP(v) ((EpollObj *)(v))

static void epoll_dealloc(KObject *o) {
    if (EP(o)->fd >= 0) {
        close(EP(o)->fd);
    }
    kobj_free(o);
}

static int epoll_open(KValue self) {
    if (EP(self)->fd < 0) {
        kerr_set(&kexc_ValueError, "I/O operation on closed epoll object");
        return -1;
    }
    return 0;
}

static KValue epoll_wrap(KType *type, int fd) {
    KValue v = ktype_generic_alloc(type, 0);
    if (!v) {
        close(fd);
        return KV_NULL;
    }
    EP(v)->fd = fd;
    return v;
}

// epoll(sizehint=-1, flags=0)
static KValue epoll_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"sizehint", "flags", NULL};
    KValue a[2];
    if (kargs_parse("epoll", args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return KV_NULL;
    }
    int sizehint = -1, flags = 0;
    if ((a[0] && kposix_int_arg(a[0], &sizehint) < 0) ||
        (a[1] && kposix_int_arg(a[1], &flags) < 0)) {
        return KV_NULL;
    }
    if (sizehint == 0 || sizehint < -1) {
        kerr_set(&kexc_ValueError, "negative sizehint");
        return KV_NULL;
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) {
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return epoll_wrap(type, fd);
}

// fromfd(fd, /): an epoll object over an existing descriptor.
static KValue epoll_fromfd(KValue cls, const KValue *args, size_t nargs, KValue kw) {
    (void)nargs, (void)kw;
    int fd;
    if (kposix_int_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    return epoll_wrap((KType *)cls, fd);
}

static int epoll_ctl_call(KValue self, int op, KValue fdv, unsigned events) {
    int fd;
    if (epoll_open(self) < 0 || kposix_fileno_arg(fdv, &fd) < 0) {
        return -1;
    }
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.fd = fd;
    if (epoll_ctl(EP(self)->fd, op, fd, &ev) < 0) {
        kerr_from_errno(KV_NULL);
        return -1;
    }
    return 0;
}

// An epoll event mask: a C unsigned int.
static int epoll_events_arg(KValue v, unsigned *out) {
    if (!kint_check(v)) {
        kerr_format(&kexc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(v, &overflow);
    if (overflow || n < INT32_MIN || n > UINT32_MAX) {
        kerr_set(&kexc_OverflowError, "Python int too large to convert to C unsigned int");
        return -1;
    }
    *out = (unsigned)n;
    return 0;
}

static KValue epoll_register_or_modify(KValue self, const KValue *args, size_t nargs,
                                       KValue kwnames, int op) {
    static const char *const kwlist[] = {"fd", "eventmask", NULL};
    const char *fname = op == EPOLL_CTL_ADD ? "register" : "modify";
    KValue a[2];
    if (kargs_parse(fname, args, nargs, kwnames, kwlist, op == EPOLL_CTL_ADD ? 1 : 2, 2, a) <
        0) {
        return KV_NULL;
    }
    unsigned events = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (a[1] && epoll_events_arg(a[1], &events) < 0) {
        return KV_NULL;
    }
    return epoll_ctl_call(self, op, a[0], events) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

METHOD(epoll_register) {
    return epoll_register_or_modify(self, args, nargs, kw, EPOLL_CTL_ADD);
}

METHOD(epoll_modify) {
    return epoll_register_or_modify(self, args, nargs, kw, EPOLL_CTL_MOD);
}

METHOD(epoll_unregister) {
    static const char *const kwlist[] = {"fd", NULL};
    KValue a[1];
    if (kargs_parse("unregister", args, nargs, kw, kwlist, 1, 1, a) < 0) {
        return KV_NULL;
    }
    return epoll_ctl_call(self, EPOLL_CTL_DEL, a[0], 0) < 0 ? KV_NULL : kval_newref(KV_NONE);
}

// poll(timeout=None, maxevents=-1): a list of (fd, events); the timeout is
// in seconds, None or negative for none.
METHOD(epoll_poll) {
    static const char *const kwlist[] = {"timeout", "maxevents", NULL};
    KValue a[2];
    double timeout;
    int maxevents = -1;
    if (kargs_parse("poll", args, nargs, kw, kwlist, 0, 2, a) < 0 ||
        timeout_arg(a[0], "an integer", &timeout) < 0 ||
        (a[1] && kposix_int_arg(a[1], &maxevents) < 0) || epoll_open(self) < 0) {
        return KV_NULL;
    }
    if (maxevents == -1) {
        maxevents = FD_SETSIZE - 1;
    } else if (maxevents < 1) {
        kerr_format(&kexc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
        return KV_NULL;
    }
    struct epoll_event *evs = kmem_alloc((size_t)maxevents * sizeof *evs);
    if (!evs) {
        return kerr_no_memory();
    }
    double deadline = timeout >= 0 ? now() + timeout : 0;
    int n;
    for (;;) {
        int wait = -1;
        if (timeout >= 0) {
            double left = ceil((deadline - now()) * 1000);
            wait = left < 0 ? 0 : left > INT_MAX ? INT_MAX : (int)left;
        }
        KThreadState *gil = kgil_save();
        n = epoll_wait(EP(self)->fd, evs, maxevents, wait);
        kgil_restore(gil);
        if (n >= 0 || errno != EINTR || !ksignal_retry()) {
            break;
        }
    }
    if (n < 0) {
        kmem_free(evs);
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    KValue out = klist_new(0);
    for (int i = 0; out && i < n; i++) {
        if (append_event(out, evs[i].data.fd, evs[i].events) < 0) {
            KVAL_CLEAR(out);
        }
    }
    kmem_free(evs);
    return out;
}

METHOD(epoll_close) {
    (void)args, (void)nargs, (void)kw;
    int fd = EP(self)->fd;
    EP(self)->fd = -1;
    if (fd >= 0 && close(fd) < 0) {
        kerr_from_errno(KV_NULL);
        return KV_NULL;
    }
    return kval_newref(KV_NONE);
}

METHOD(epoll_fileno) {
    (void)args, (void)nargs, (void)kw;
    return epoll_open(self) < 0 ? KV_NULL : kint_from_i64(EP(self)->fd);
}

METHOD(epoll_enter) {
    (void)args, (void)nargs, (void)kw;
    return epoll_open(self) < 0 ? KV_NULL : kval_newref(self);
}

METHOD(epoll_exit) {
    return epoll_close(self, args, nargs, kw);
}

static KValue epoll_get_closed(KValue self) {
    return kval_newref(EP(self)->fd < 0 ? KV_TRUE : KV_FALSE);
}

static const KMethodDef epoll_methods[] = {
    {"register", epoll_register, KMETH_KW, NULL},
    {"modify", epoll_modify, KMETH_KW, NULL},
    {"unregister", epoll_unregister, KMETH_KW, NULL},
    {"poll", epoll_poll, KMETH_KW, NULL},
    {"close", epoll_close, KMETH_NOARGS, NULL},
    {"fileno", epoll_fileno, KMETH_NOARGS, NULL},
    {"fromfd", epoll_fromfd, KMETH_O | KMETH_CLASS, NULL},
    {"__enter__", epoll_enter, KMETH_NOARGS, NULL},
    {"__exit__", epoll_exit, KMETH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static const KGetSetDef epoll_getsets[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed"},
    {NULL, NULL, NULL, NULL},
};

static KType epoll_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "select.epoll",
    .basicsize = sizeof(EpollObj),
    .flags = KTF_BASETYPE,
    .dealloc = epoll_dealloc,
    .new_ = epoll_new,
    .methods = epoll_methods,
    .getsets = epoll_getsets,
};

static const KMethodDef select_functions[] = {
    {"select", sel_select, KMETH_FAST, NULL},
    {"poll", sel_poll, KMETH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const KModInt select_constants[] = {
    {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
    {"POLLERR", POLLERR},       {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
    {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
    {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},       {"POLLRDHUP", POLLRDHUP},
    {"PIPE_BUF", PIPE_BUF},
    {"EPOLLIN", EPOLLIN},       {"EPOLLOUT", EPOLLOUT},     {"EPOLLPRI", EPOLLPRI},
    {"EPOLLERR", EPOLLERR},     {"EPOLLHUP", EPOLLHUP},     {"EPOLLET", (uint32_t)EPOLLET},
    {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
    {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND},
    {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
    {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
};

KValue kmod_select_create(void) {
    if (ktype_ready(&poll_type) < 0 || ktype_ready(&epoll_type) < 0) {
        return KV_NULL;
    }
    KValue m = kmod_new("select");
    if (!m || kmod_add_functions(m, select_functions) < 0 ||
        kmod_add(m, "epoll", kval_of(&epoll_type)) < 0 ||
        kmod_add(m, "error", kval_of(&kexc_OSError)) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    if (kmod_add_ints(m, select_constants, KMOD_NINTS(select_constants)) < 0) {
        kval_decref(m);
        return KV_NULL;
    }
    return m;
}
