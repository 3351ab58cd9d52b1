// vm/modules/_socket.c: the _socket module under socket.py: the socket
// object (creation from a family/type/protocol or a descriptor, timeouts and
// blocking modes, connect/accept/send/recv and their variants, options), and
// the module itself. Addresses, name resolution and constants are in
// _socket_addr.c. As CPython's: system calls interrupted by a signal run its
// handlers, then retry (PEP 475); a socket with a timeout waits with poll()
// and raises TimeoutError('timed out').
#include "_socket.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "_signal.h"
#include "../abstract.h"
#include "../gil.h"
#include "../bytes.h"
#include "../errors.h"
#include "../float.h"
#include "../gc.h"
#include "../int.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "../type.h"
#include "posix.h"

#define METHOD(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)
#define SOCK(v) ((KSocket *)kval_obj(v))

KValue ksocket_herror, ksocket_gaierror;
double ksocket_default_timeout = -1;

static double monotonic(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int set_blocking(int fd, int blocking) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return -1;
    }
    int want = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    return want == flags ? 0 : fcntl(fd, F_SETFL, want);
}

// A timeout argument: None gives -1, else a non-negative number of seconds.
static int timeout_arg(KValue v, double *out) {
    if (v == KV_NONE) {
        *out = -1;
        return 0;
    }
    double t;
    if (kfloat_check(v)) {
        t = kfloat_value(v);
        if (isnan(t)) {
            kerr_set(&kexc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        KValue i = knum_index(v);
        if (!i) {
            return -1;
        }
        int overflow;
        int64_t n = kint_as_i64_overflow(i, &overflow);
        kval_decref(i);
        if (overflow) {
            kerr_set(&kexc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        t = (double)n;
    }
    if (t < 0) {
        kerr_set(&kexc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = t;
    return 0;
}

static KValue timeout_value(double t) {
    return t < 0 ? kval_newref(KV_NONE) : kfloat_new(t);
}

// ---------------------------------------------------------------------------
// Waiting and calling

static KValue raise_timeout(void) {
    kerr_set(&kexc_TimeoutError, "timed out");
    return KV_NULL;
}

// Waits until the socket is readable (or writable when 'writing') before
// 'deadline' (monotonic seconds). 0: ready; 1: timed out; -1: a signal
// handler raised.
static int wait_ready(KSocket *s, int writing, double deadline) {
    for (;;) {
        double left = deadline - monotonic();
        if (left <= 0) {
            return 1;
        }
        struct pollfd p = {s->fd, (short)(writing ? POLLOUT : POLLIN), 0};
        int ms = left > 1e6 ? 1000000000 : (int)ceil(left * 1000);
        KThreadState *gil = kgil_save();
        int r = poll(&p, 1, ms);
        kgil_restore(gil);
        if (r > 0) {
            return 0;
        }
        if (r == 0) {
            return 1;
        }
        if (errno != EINTR) {
            kerr_from_errno(KV_NULL);
            return -1;
        }
        if (!ksignal_retry()) {
            kerr_from_errno(KV_NULL);
            return -1;
        }
    }
}

// One attempt of a socket operation: its result (>= 0), or -1 with errno.
typedef ssize_t (*SockFn)(KSocket *s, void *data);

// Runs 'fn' as CPython's sock_call: retries after EINTR (running signal
// handlers) and, when the socket has a timeout, waits with poll() after
// EAGAIN and retries, until the deadline. The result, or -1 with the
// exception set.
static ssize_t sock_call(KSocket *s, int writing, SockFn fn, void *data) {
    if (s->fd < 0) {
        errno = EBADF;
        kerr_from_errno(KV_NULL);
        return -1;
    }
    double deadline = s->timeout > 0 ? monotonic() + s->timeout : 0;
    for (;;) {
        KThreadState *gil = kgil_save();
        ssize_t n = fn(s, data);
        kgil_restore(gil);
        if (n >= 0) {
            return n;
        }
        if (errno == EINTR) {
            if (!ksignal_retry()) {
                kerr_from_errno(KV_NULL);
                return -1;
            }
            continue;
        }
        if (s->timeout > 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            int r = wait_ready(s, writing, deadline);
            if (r != 0) {
                if (r > 0) {
                    raise_timeout();
                }
                return -1;
            }
            continue;
        }
        kerr_from_errno(KV_NULL);
        return -1;
    }
}

// ---------------------------------------------------------------------------
// Creation

static KValue sock_new(KType *type, const KValue *args, size_t nargs, KValue kwnames) {
    (void)args, (void)nargs, (void)kwnames;
    KValue v = ktype_generic_alloc(type, 0);
    if (v) {
        SOCK(v)->fd = -1;
        SOCK(v)->family = AF_INET;
        SOCK(v)->socktype = SOCK_STREAM;
        SOCK(v)->timeout = -1;
    }
    return v;
}

// Records 'fd' with its family, type and protocol, and the default timeout
// (none when 'type' asks for SOCK_NONBLOCK: 0).
static int sock_setup(KSocket *s, int fd, int family, int type, int proto) {
    s->fd = fd;
    s->family = family;
    s->socktype = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    s->timeout = (type & SOCK_NONBLOCK) ? 0 : ksocket_default_timeout;
    if (s->timeout >= 0 && set_blocking(fd, 0) < 0) {
        kerr_from_errno(KV_NULL);
        return -1;
    }
    return 0;
}

static int sockopt_int(int fd, int opt, int *out) {
    socklen_t len = sizeof *out;
    return getsockopt(fd, SOL_SOCKET, opt, out, &len);
}

// socket(family=-1, type=-1, proto=-1, fileno=None)
static int sock_init(KValue self, const KValue *args, size_t nargs, KValue kwnames) {
    static const char *const kwlist[] = {"family", "type", "proto", "fileno", NULL};
    KValue a[4];
    if (kargs_unpack("socket", args, nargs, kwnames, kwlist, 0, 4, a) < 0) {
        return -1;
    }
    int family = -1, type = -1, proto = -1;
    if ((a[0] && kposix_int_arg(a[0], &family) < 0) || (a[1] && kposix_int_arg(a[1], &type) < 0) ||
        (a[2] && kposix_int_arg(a[2], &proto) < 0)) {
        return -1;
    }
    KSocket *s = SOCK(self);
    if (a[3] && a[3] != KV_NONE) {
        int fd;
        if (kposix_int_arg(a[3], &fd) < 0) {
            return -1;
        }
        if (fd < 0) {
            kerr_set(&kexc_ValueError, "negative file descriptor");
            return -1;
        }
        if ((family == -1 && sockopt_int(fd, SO_DOMAIN, &family) < 0) ||
            (type == -1 && sockopt_int(fd, SO_TYPE, &type) < 0) ||
            (proto == -1 && sockopt_int(fd, SO_PROTOCOL, &proto) < 0)) {
            kerr_from_errno(KV_NULL);
            return -1;
        }
        return sock_setup(s, fd, family, type, proto);
    }
    family = family == -1 ? AF_INET : family;
    type = type == -1 ? SOCK_STREAM : type;
    proto = proto == -1 ? 0 : proto;
    int fd = socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) {
        kerr_from_errno(KV_NULL);
        return -1;
    }
    if (sock_setup(s, fd, family, type, proto) < 0) {
        close(fd);
        s->fd = -1;
        return -1;
    }
    return 0;
}

static void sock_dealloc(KObject *o) {
    KSocket *s = (KSocket *)o;
    if (s->fd >= 0) {
        close(s->fd);
    }
    kobj_free(o);
}

static KValue sock_repr(KValue self) {
    KSocket *s = SOCK(self);
    return kstr_from_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd,
                            s->family, s->socktype, s->proto);
}

// A new _socket.socket over 'fd' (closed on failure).
static KValue wrap_fd(int fd, int family, int type, int proto) {
    KValue v = sock_new(&ksocket_type, NULL, 0, KV_NULL);
    if (!v) {
        close(fd);
        return KV_NULL;
    }
    if (sock_setup(SOCK(v), fd, family, type, proto) < 0) {
        kval_decref(v);
        return KV_NULL;
    }
    return v;
}

// ---------------------------------------------------------------------------
// Connections

typedef struct AcceptData {
    KSockAddr addr;
    socklen_t len;
} AcceptData;

static ssize_t accept_once(KSocket *s, void *data) {
    AcceptData *d = data;
    d->len = sizeof d->addr;
    return accept4(s->fd, &d->addr.sa, &d->len, SOCK_CLOEXEC);
}

// _accept() -> (fd, address)
METHOD(sock_accept) {
    (void)args, (void)nargs, (void)kw;
    AcceptData d;
    memset(&d, 0, sizeof d);
    ssize_t fd = sock_call(SOCK(self), 0, accept_once, &d);
    if (fd < 0) {
        return KV_NULL;
    }
    KValue addr = ksocket_make_addr(&d.addr.sa, d.len);
    KValue r = addr ? ktuple_pack(2, kval_from_int(fd), addr) : KV_NULL;
    kval_xdecref(addr);
    if (!r) {
        close((int)fd);
    }
    return r;
}

METHOD(sock_bind) {
    (void)nargs, (void)kw;
    KSocket *s = SOCK(self);
    KSockAddr addr;
    socklen_t len;
    if (ksocket_parse_addr(s->family, args[0], "bind", &addr, &len) < 0) {
        return KV_NULL;
    }
    if (bind(s->fd, &addr.sa, len) < 0) {
        return kposix_error();
    }
    return kval_newref(KV_NONE);
}

// Connects; 0, an errno value when 'raise' is 0 and the connection failed,
// or -1 with the exception set.
static int do_connect(KSocket *s, const KSockAddr *addr, socklen_t len, int raise) {
    KThreadState *gil = kgil_save();
    int r = connect(s->fd, &addr->sa, len);
    kgil_restore(gil);
    if (r == 0) {
        return 0;
    }
    int err = errno;
    int wait = (err == EINTR && s->timeout != 0) || (err == EINPROGRESS && s->timeout > 0);
    if (err == EINTR && !ksignal_retry()) {
        kerr_from_errno(KV_NULL);
        return -1;
    }
    if (wait) {
        // Completes in the background: wait for it, then read its outcome.
        double deadline = s->timeout > 0 ? monotonic() + s->timeout : INFINITY;
        int w = wait_ready(s, 1, deadline);
        if (w != 0) {
            if (w > 0) {
                raise_timeout();
            }
            return -1;
        }
        socklen_t elen = sizeof err;
        if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0) {
            err = errno;
        }
        if (err == 0 || err == EISCONN) {
            return 0;
        }
    } else if (err == EINTR) {
        err = EINPROGRESS; // non-blocking and interrupted: still under way
    }
    if (!raise) {
        return err;
    }
    errno = err;
    kerr_from_errno(KV_NULL);
    return -1;
}

static KValue connect_common(KValue self, KValue addrv, const char *name, int raise) {
    KSocket *s = SOCK(self);
    KSockAddr addr;
    socklen_t len;
    if (ksocket_parse_addr(s->family, addrv, name, &addr, &len) < 0) {
        return KV_NULL;
    }
    if (s->fd < 0) {
        errno = EBADF;
        if (!raise) {
            return kval_from_int(EBADF);
        }
        return kposix_error();
    }
    int r = do_connect(s, &addr, len, raise);
    if (r < 0) {
        return KV_NULL;
    }
    return raise ? kval_newref(KV_NONE) : kval_from_int(r);
}

METHOD(sock_connect) {
    (void)nargs, (void)kw;
    return connect_common(self, args[0], "connect", 1);
}

METHOD(sock_connect_ex) {
    (void)nargs, (void)kw;
    return connect_common(self, args[0], "connect_ex", 0);
}

METHOD(sock_listen) {
    (void)kw;
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (kargs_count("listen", nargs, 0, 1) < 0 || (nargs && kposix_int_arg(args[0], &backlog) < 0)) {
        return KV_NULL;
    }
    if (listen(SOCK(self)->fd, backlog < 0 ? 0 : backlog) < 0) {
        return kposix_error();
    }
    return kval_newref(KV_NONE);
}

METHOD(sock_shutdown) {
    (void)nargs, (void)kw;
    int how;
    if (kposix_int_arg(args[0], &how) < 0) {
        return KV_NULL;
    }
    if (shutdown(SOCK(self)->fd, how) < 0) {
        return kposix_error();
    }
    return kval_newref(KV_NONE);
}

METHOD(sock_close) {
    (void)args, (void)nargs, (void)kw;
    KSocket *s = SOCK(self);
    int fd = s->fd;
    if (fd >= 0) {
        s->fd = -1;
        // As CPython: ECONNRESET from close() is not an error.
        if (close(fd) < 0 && errno != ECONNRESET) {
            return kposix_error();
        }
    }
    return kval_newref(KV_NONE);
}

METHOD(sock_detach) {
    (void)args, (void)nargs, (void)kw;
    int fd = SOCK(self)->fd;
    SOCK(self)->fd = -1;
    return kval_from_int(fd);
}

METHOD(sock_fileno) {
    (void)args, (void)nargs, (void)kw;
    return kval_from_int(SOCK(self)->fd);
}

static KValue name_of(KValue self, int peer) {
    KSockAddr addr;
    memset(&addr, 0, sizeof addr);
    socklen_t len = sizeof addr;
    int r = peer ? getpeername(SOCK(self)->fd, &addr.sa, &len)
                 : getsockname(SOCK(self)->fd, &addr.sa, &len);
    if (r < 0) {
        return kposix_error();
    }
    return ksocket_make_addr(&addr.sa, len);
}

METHOD(sock_getsockname) {
    (void)args, (void)nargs, (void)kw;
    return name_of(self, 0);
}

METHOD(sock_getpeername) {
    (void)args, (void)nargs, (void)kw;
    return name_of(self, 1);
}

// ---------------------------------------------------------------------------
// Timeouts

METHOD(sock_settimeout) {
    (void)nargs, (void)kw;
    double t;
    if (timeout_arg(args[0], &t) < 0) {
        return KV_NULL;
    }
    KSocket *s = SOCK(self);
    s->timeout = t;
    if (s->fd >= 0 && set_blocking(s->fd, t < 0) < 0) {
        return kposix_error();
    }
    return kval_newref(KV_NONE);
}

METHOD(sock_gettimeout) {
    (void)args, (void)nargs, (void)kw;
    return timeout_value(SOCK(self)->timeout);
}

METHOD(sock_setblocking) {
    (void)nargs, (void)kw;
    int block;
    if (kposix_int_arg(args[0], &block) < 0) {
        return KV_NULL;
    }
    KSocket *s = SOCK(self);
    s->timeout = block ? -1 : 0;
    if (s->fd >= 0 && set_blocking(s->fd, block) < 0) {
        return kposix_error();
    }
    return kval_newref(KV_NONE);
}

METHOD(sock_getblocking) {
    (void)args, (void)nargs, (void)kw;
    return kbool_from(SOCK(self)->timeout != 0);
}

static KValue get_timeout_attr(KValue self) {
    return timeout_value(SOCK(self)->timeout);
}

// ---------------------------------------------------------------------------
// Sending and receiving

typedef struct IoData {
    char *buf;
    size_t len;
    int flags;
    KSockAddr addr;
    socklen_t addrlen;
} IoData;

static ssize_t recv_once(KSocket *s, void *data) {
    IoData *d = data;
    return recv(s->fd, d->buf, d->len, d->flags);
}

static ssize_t recvfrom_once(KSocket *s, void *data) {
    IoData *d = data;
    d->addrlen = sizeof d->addr;
    return recvfrom(s->fd, d->buf, d->len, d->flags, &d->addr.sa, &d->addrlen);
}

static ssize_t send_once(KSocket *s, void *data) {
    IoData *d = data;
    return send(s->fd, d->buf, d->len, d->flags | MSG_NOSIGNAL);
}

static ssize_t sendto_once(KSocket *s, void *data) {
    IoData *d = data;
    return sendto(s->fd, d->buf, d->len, d->flags | MSG_NOSIGNAL, &d->addr.sa, d->addrlen);
}

static int flags_arg(const KValue *args, size_t nargs, size_t i, int *flags) {
    *flags = 0;
    return nargs > i ? kposix_int_arg(args[i], flags) : 0;
}

// recv(bufsize[, flags]) / recvfrom(bufsize[, flags])
static KValue recv_common(KValue self, const KValue *args, size_t nargs, const char *name,
                          int from) {
    int size, flags;
    if (kargs_count(name, nargs, 1, 2) < 0 || kposix_int_arg(args[0], &size) < 0 ||
        flags_arg(args, nargs, 1, &flags) < 0) {
        return KV_NULL;
    }
    if (size < 0) {
        kerr_format(&kexc_ValueError, "negative buffersize in %s", name);
        return KV_NULL;
    }
    KValue b = kbytes_from_data(NULL, size);
    if (!b) {
        return KV_NULL;
    }
    IoData d;
    memset(&d, 0, sizeof d);
    ssize_t blen;
    d.buf = (char *)kbytes_data(b, &blen);
    d.len = (size_t)size;
    d.flags = flags;
    ssize_t n = sock_call(SOCK(self), 0, from ? recvfrom_once : recv_once, &d);
    if (n < 0) {
        kval_decref(b);
        return KV_NULL;
    }
    KValue r = n == size ? b : kbytes_from_data(d.buf, n);
    if (r != b) {
        kval_decref(b);
    }
    if (!from || !r) {
        return r;
    }
    KValue addr = ksocket_make_addr(&d.addr.sa, d.addrlen);
    KValue t = addr ? ktuple_pack(2, r, addr) : KV_NULL;
    kval_xdecref(addr);
    kval_decref(r);
    return t;
}

METHOD(sock_recv) {
    (void)kw;
    return recv_common(self, args, nargs, "recv", 0);
}

METHOD(sock_recvfrom) {
    (void)kw;
    return recv_common(self, args, nargs, "recvfrom", 1);
}

// recv_into(buffer, nbytes=0, flags=0) / recvfrom_into(...)
static KValue recv_into_common(KValue self, const KValue *args, size_t nargs, KValue kwnames,
                               const char *name, int from) {
    static const char *const kwlist[] = {"buffer", "nbytes", "flags", NULL};
    KValue a[3];
    if (kargs_unpack(name, args, nargs, kwnames, kwlist, 1, 3, a) < 0) {
        return KV_NULL;
    }
    char *buf;
    ssize_t buflen;
    if (!kbytes_get_writable(a[0], &buf, &buflen)) {
        kerr_format(&kexc_TypeError, "%s() argument 1 must be read-write bytes-like object, "
                    "not %T", name, a[0]);
        return KV_NULL;
    }
    int nbytes = 0, flags = 0;
    if ((a[1] && kposix_int_arg(a[1], &nbytes) < 0) || (a[2] && kposix_int_arg(a[2], &flags) < 0)) {
        return KV_NULL;
    }
    if (nbytes < 0) {
        kerr_format(&kexc_ValueError, "negative buffersize in %s", name);
        return KV_NULL;
    }
    if (nbytes == 0) {
        nbytes = buflen > INT32_MAX ? INT32_MAX : (int)buflen;
    } else if (nbytes > buflen) {
        kerr_format(&kexc_ValueError, "%s", from ? "nbytes is greater than the length of the buffer"
                                                 : "buffer too small for requested bytes");
        return KV_NULL;
    }
    IoData d;
    memset(&d, 0, sizeof d);
    d.buf = buf;
    d.len = (size_t)nbytes;
    d.flags = flags;
    ssize_t n = sock_call(SOCK(self), 0, from ? recvfrom_once : recv_once, &d);
    if (n < 0) {
        return KV_NULL;
    }
    if (!from) {
        return kval_from_int(n);
    }
    KValue addr = ksocket_make_addr(&d.addr.sa, d.addrlen);
    KValue t = addr ? ktuple_pack(2, kval_from_int(n), addr) : KV_NULL;
    kval_xdecref(addr);
    return t;
}

METHOD(sock_recv_into) {
    return recv_into_common(self, args, nargs, kw, "recv_into", 0);
}

METHOD(sock_recvfrom_into) {
    return recv_into_common(self, args, nargs, kw, "recvfrom_into", 1);
}

static int data_arg(KValue v, IoData *d) {
    const char *p;
    ssize_t n;
    if (kbytes_need_buffer(v, &p, &n) < 0) {
        return -1;
    }
    d->buf = (char *)p;
    d->len = (size_t)n;
    return 0;
}

METHOD(sock_send) {
    (void)kw;
    IoData d;
    memset(&d, 0, sizeof d);
    if (kargs_count("send", nargs, 1, 2) < 0 || data_arg(args[0], &d) < 0 ||
        flags_arg(args, nargs, 1, &d.flags) < 0) {
        return KV_NULL;
    }
    ssize_t n = sock_call(SOCK(self), 1, send_once, &d);
    return n < 0 ? KV_NULL : kval_from_int(n);
}

// sendall(data[, flags]): sends until everything went; with a timeout, the
// whole call has that long.
METHOD(sock_sendall) {
    (void)kw;
    IoData d;
    memset(&d, 0, sizeof d);
    if (kargs_count("sendall", nargs, 1, 2) < 0 || data_arg(args[0], &d) < 0 ||
        flags_arg(args, nargs, 1, &d.flags) < 0) {
        return KV_NULL;
    }
    KSocket *s = SOCK(self);
    double timeout = s->timeout, deadline = timeout > 0 ? monotonic() + timeout : 0;
    while (d.len > 0) {
        if (timeout > 0) {
            double left = deadline - monotonic();
            if (left <= 0) {
                return raise_timeout();
            }
            s->timeout = left;
        }
        ssize_t n = sock_call(s, 1, send_once, &d);
        s->timeout = timeout;
        if (n < 0) {
            return KV_NULL;
        }
        d.buf += n;
        d.len -= (size_t)n;
    }
    return kval_newref(KV_NONE);
}

// sendto(data[, flags], address)
METHOD(sock_sendto) {
    (void)kw;
    IoData d;
    memset(&d, 0, sizeof d);
    if (kargs_count("sendto", nargs, 2, 3) < 0 || data_arg(args[0], &d) < 0 ||
        (nargs == 3 && kposix_int_arg(args[1], &d.flags) < 0)) {
        return KV_NULL;
    }
    KSocket *s = SOCK(self);
    if (ksocket_parse_addr(s->family, args[nargs - 1], "sendto", &d.addr, &d.addrlen) < 0) {
        return KV_NULL;
    }
    ssize_t n = sock_call(s, 1, sendto_once, &d);
    return n < 0 ? KV_NULL : kval_from_int(n);
}

// ---------------------------------------------------------------------------
// Options

// getsockopt(level, option[, buflen]): an int, or bytes of at most buflen.
METHOD(sock_getsockopt) {
    (void)kw;
    int level, opt, buflen = 0;
    if (kargs_count("getsockopt", nargs, 2, 3) < 0 || kposix_int_arg(args[0], &level) < 0 ||
        kposix_int_arg(args[1], &opt) < 0 || (nargs > 2 && kposix_int_arg(args[2], &buflen) < 0)) {
        return KV_NULL;
    }
    int fd = SOCK(self)->fd;
    if (nargs < 3) {
        int v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(fd, level, opt, &v, &len) < 0) {
            return kposix_error();
        }
        return kval_from_int(v);
    }
    if (buflen <= 0 || buflen > 1024) {
        kerr_set(&kexc_OSError, "getsockopt buflen out of range");
        return KV_NULL;
    }
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(fd, level, opt, buf, &len) < 0) {
        return kposix_error();
    }
    return kbytes_from_data(buf, len);
}

// setsockopt(level, option, value: int | buffer) or (level, option, None, optlen)
METHOD(sock_setsockopt) {
    (void)kw;
    int level, opt;
    if (kposix_parse_stack("setsockopt", nargs, nargs == 4 ? 4 : 3) < 0 ||
        kposix_int_arg(args[0], &level) < 0 || kposix_int_arg(args[1], &opt) < 0) {
        return KV_NULL;
    }
    int fd = SOCK(self)->fd, r;
    if (nargs == 4) {
        int optlen;
        if (args[2] != KV_NONE) {
            kerr_format(&kexc_TypeError, "setsockopt() argument 3 must be NoneType, not %T",
                        args[2]);
            return KV_NULL;
        }
        if (kposix_int_arg(args[3], &optlen) < 0) {
            return KV_NULL;
        }
        r = setsockopt(fd, level, opt, NULL, (socklen_t)optlen);
    } else if (kint_check(args[2])) {
        int v;
        if (kposix_int_arg(args[2], &v) < 0) {
            return KV_NULL;
        }
        r = setsockopt(fd, level, opt, &v, sizeof v);
    } else {
        const char *p;
        ssize_t n;
        if (!kbytes_get_buffer(args[2], &p, &n)) {
            kerr_format(&kexc_TypeError, "a bytes-like object is required, not '%T'", args[2]);
            return KV_NULL;
        }
        r = setsockopt(fd, level, opt, p, (socklen_t)n);
    }
    return r < 0 ? kposix_error() : kval_newref(KV_NONE);
}

// ---------------------------------------------------------------------------
// The type and the module

static const KMethodDef sock_methods[] = {
    {"_accept", sock_accept, KMETH_NOARGS, NULL},
    {"bind", sock_bind, KMETH_O, NULL},
    {"close", sock_close, KMETH_NOARGS, NULL},
    {"connect", sock_connect, KMETH_O, NULL},
    {"connect_ex", sock_connect_ex, KMETH_O, NULL},
    {"detach", sock_detach, KMETH_NOARGS, NULL},
    {"fileno", sock_fileno, KMETH_NOARGS, NULL},
    {"getblocking", sock_getblocking, KMETH_NOARGS, NULL},
    {"getpeername", sock_getpeername, KMETH_NOARGS, NULL},
    {"getsockname", sock_getsockname, KMETH_NOARGS, NULL},
    {"getsockopt", sock_getsockopt, KMETH_FAST, NULL},
    {"gettimeout", sock_gettimeout, KMETH_NOARGS, NULL},
    {"listen", sock_listen, KMETH_FAST, NULL},
    {"recv", sock_recv, KMETH_FAST, NULL},
    {"recv_into", sock_recv_into, KMETH_KW, NULL},
    {"recvfrom", sock_recvfrom, KMETH_FAST, NULL},
    {"recvfrom_into", sock_recvfrom_into, KMETH_KW, NULL},
    {"send", sock_send, KMETH_FAST, NULL},
    {"sendall", sock_sendall, KMETH_FAST, NULL},
    {"sendto", sock_sendto, KMETH_FAST, NULL},
    {"setblocking", sock_setblocking, KMETH_O, NULL},
    {"setsockopt", sock_setsockopt, KMETH_FAST, NULL},
    {"settimeout", sock_settimeout, KMETH_O, NULL},
    {"shutdown", sock_shutdown, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const KMemberDef sock_members[] = {
    {"family", KMEMBER_INT, offsetof(KSocket, family), 1, "the socket family"},
    {"type", KMEMBER_INT, offsetof(KSocket, socktype), 1, "the socket type"},
    {"proto", KMEMBER_INT, offsetof(KSocket, proto), 1, "the socket protocol"},
    {NULL, 0, 0, 0, NULL},
};

static const KGetSetDef sock_getsets[] = {
    {"timeout", get_timeout_attr, NULL, "the socket timeout"},
    {NULL, NULL, NULL, NULL},
};

KType ksocket_type = {
    KOBJ_STATIC_HEAD(&ktype_type),
    .name = "_socket.socket",
    .basicsize = sizeof(KSocket),
    .flags = KTF_BASETYPE,
    .dealloc = sock_dealloc,
    .repr = sock_repr,
    .new_ = sock_new,
    .init = sock_init,
    .methods = sock_methods,
    .members = sock_members,
    .getsets = sock_getsets,
    .doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n"
           "socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\n"
           "Open a socket of the given type.",
};

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)
static KValue mod_socketpair(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)kw;
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (kargs_count("socketpair", nargs, 0, 3) < 0 ||
        (nargs > 0 && args[0] != KV_NONE && kposix_int_arg(args[0], &family) < 0) ||
        (nargs > 1 && args[1] != KV_NONE && kposix_int_arg(args[1], &type) < 0) ||
        (nargs > 2 && args[2] != KV_NONE && kposix_int_arg(args[2], &proto) < 0)) {
        return KV_NULL;
    }
    int fds[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) {
        return kposix_error();
    }
    KValue a = wrap_fd(fds[0], family, type, proto);
    if (!a) {
        close(fds[1]);
        return KV_NULL;
    }
    KValue b = wrap_fd(fds[1], family, type, proto);
    KValue r = b ? ktuple_pack(2, a, b) : KV_NULL;
    kval_decref(a);
    kval_xdecref(b);
    return r;
}

static KValue mod_getdefaulttimeout(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)args, (void)nargs, (void)kw;
    return timeout_value(ksocket_default_timeout);
}

static KValue mod_setdefaulttimeout(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    double t;
    if (timeout_arg(args[0], &t) < 0) {
        return KV_NULL;
    }
    ksocket_default_timeout = t;
    return kval_newref(KV_NONE);
}

static KValue mod_dup(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    int fd;
    if (kposix_int_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? kposix_error() : kval_from_int(r);
}

static KValue mod_close(KValue self, const KValue *args, size_t nargs, KValue kw) {
    (void)self, (void)nargs, (void)kw;
    int fd;
    if (kposix_int_arg(args[0], &fd) < 0) {
        return KV_NULL;
    }
    if (close(fd) < 0 && errno != ECONNRESET) {
        return kposix_error();
    }
    return kval_newref(KV_NONE);
}

static const KMethodDef socket_functions[] = {
    {"socketpair", mod_socketpair, KMETH_FAST, NULL},
    {"getdefaulttimeout", mod_getdefaulttimeout, KMETH_NOARGS, NULL},
    {"setdefaulttimeout", mod_setdefaulttimeout, KMETH_O, NULL},
    {"dup", mod_dup, KMETH_O, NULL},
    {"close", mod_close, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KValue kmod_socket_create(void) {
    kposix_nss_setup();
    if (ktype_ready(&ksocket_type) < 0) {
        return KV_NULL;
    }
    if (!ksocket_herror &&
        !(ksocket_herror = kmod_new_exception("socket", "herror", &kexc_OSError))) {
        return KV_NULL;
    }
    if (!ksocket_gaierror &&
        !(ksocket_gaierror = kmod_new_exception("socket", "gaierror", &kexc_OSError))) {
        return KV_NULL;
    }
    KValue m = kmod_new("_socket");
    if (!m || kmod_add_functions(m, socket_functions) < 0 ||
        kmod_add_functions(m, ksocket_addr_functions) < 0 ||
        kmod_add(m, "socket", kval_of(&ksocket_type)) < 0 ||
        kmod_add(m, "SocketType", kval_of(&ksocket_type)) < 0 ||
        kmod_add(m, "error", kval_of(&kexc_OSError)) < 0 ||
        kmod_add(m, "timeout", kval_of(&kexc_TimeoutError)) < 0 ||
        kmod_add(m, "herror", ksocket_herror) < 0 || kmod_add(m, "gaierror", ksocket_gaierror) < 0 ||
        kmod_add(m, "has_ipv6", KV_TRUE) < 0 || ksocket_add_constants(m) < 0) {
        kval_xdecref(m);
        return KV_NULL;
    }
    return m;
}
