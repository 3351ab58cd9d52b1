// vm/modules/_socket_addr.c: the address side of _socket: socket addresses
// to and from Python values (AF_INET, AF_INET6, AF_UNIX), name resolution
// (getaddrinfo, getnameinfo, gethostby*, getserv*, getprotobyname), the
// byte-order and inet_* conversions, interface names, and the module's
// constants; all with CPython's results and messages.
#include "_socket.h"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

#include "../abstract.h"
#include "../bytes.h"
#include "../errors.h"
#include "../int.h"
#include "../list.h"
#include "../module.h"
#include "../str.h"
#include "../tuple.h"
#include "posix.h"

#define FUNC(name) static KValue name(KValue self, const KValue *args, size_t nargs, KValue kw)

// The NUL-terminated data of the bytes object 'b'.
static const char *bytes_cstr(KValue b) {
    ssize_t n;
    return kbytes_data(b, &n);
}

KValue ksocket_gai_error(int code) {
    if (code == EAI_SYSTEM) {
        return kposix_error();
    }
    KValue msg = kstr_from_cstr(gai_strerror(code));
    KValue t = msg ? ktuple_pack(2, kval_from_int(code), msg) : KV_NULL;
    kval_xdecref(msg);
    if (t) {
        kerr_set_value((KType *)kval_obj(ksocket_gaierror), t);
        kval_decref(t);
    }
    return KV_NULL;
}

// ---------------------------------------------------------------------------
// Host names

// The host name 'v' (str, encoded with the idna codec as CPython does, bytes
// or bytearray) as a C string in 'out'; -1 with TypeError or an encoding
// error. 'owner' receives the bytes object holding it (release it).
static int host_arg(KValue v, const char **out, KValue *owner) {
    *owner = KV_NULL;
    if (kstr_check(v)) {
        ssize_t n;
        const char *s = kstr_utf8(v, &n);
        if (!s) {
            return -1;
        }
        int ascii = 1;
        for (ssize_t i = 0; i < n && ascii; i++) {
            ascii = (unsigned char)s[i] < 0x80;
        }
        if (ascii) {
            *out = s;
            return 0;
        }
        KValue enc = kstr_from_cstr("idna");
        KValue name = enc ? kstr_intern_cstr("encode") : KV_NULL;
        KValue b = name ? kobj_call_method(v, name, &enc, 1) : KV_NULL;
        kval_xdecref(enc);
        kval_xdecref(name);
        if (!b) {
            return -1;
        }
        *owner = b;
        *out = bytes_cstr(b);
        return 0;
    }
    if (kbytes_check(v) || kbytearray_check(v)) {
        ssize_t n;
        const char *p = kbytes_data(v, &n);
        if (!(*owner = kbytes_from_data(p, n))) {
            return -1;
        }
        *out = bytes_cstr(*owner);
        return 0;
    }
    kerr_format(&kexc_TypeError, "str, bytes or bytearray expected, not %T", v);
    return -1;
}

// Resolves 'name' for 'family' (AF_INET or AF_INET6) into 'addr', as
// CPython's setipaddr: '' is the wildcard address, '<broadcast>' INADDR_BROADCAST
// (AF_INET), a numeric address is taken as it is, else getaddrinfo decides.
static int set_ip(const char *name, int family, KSockAddr *addr) {
    if (name[0] == '\0' || (family == AF_INET && strcmp(name, "<broadcast>") == 0)) {
        if (family == AF_INET) {
            addr->storage.ss_family = AF_INET;
            ((struct sockaddr_in *)addr)->sin_addr.s_addr =
                htonl(name[0] ? INADDR_BROADCAST : INADDR_ANY);
        } else {
            addr->storage.ss_family = AF_INET6;
            ((struct sockaddr_in6 *)addr)->sin6_addr = in6addr_any;
        }
        return 0;
    }
    void *dst = family == AF_INET ? (void *)&((struct sockaddr_in *)addr)->sin_addr
                                  : (void *)&((struct sockaddr_in6 *)addr)->sin6_addr;
    if (inet_pton(family, name, dst) == 1) {
        addr->storage.ss_family = (sa_family_t)family;
        return 0;
    }
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    int code = getaddrinfo(name, NULL, &hints, &res);
    if (code != 0) {
        ksocket_gai_error(code);
        return -1;
    }
    memcpy(addr, res->ai_addr,
           res->ai_addrlen < sizeof *addr ? res->ai_addrlen : sizeof *addr);
    freeaddrinfo(res);
    return 0;
}

static int port_arg(KValue v, const char *caller, int *port) {
    if (kposix_int_arg(v, port) < 0) {
        return -1;
    }
    if (*port < 0 || *port > 0xFFFF) {
        kerr_format(&kexc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Addresses

static int parse_unix(KValue v, KSockAddr *addr, socklen_t *len) {
    KValue owned = KV_NULL;
    const char *p;
    ssize_t n;
    if (kstr_check(v) || !kbytes_get_buffer(v, &p, &n)) {
        owned = kstr_check(v) ? kposix_fs_bytes(v) : KV_NULL;
        if (!owned) {
            if (!kerr_occurred()) {
                kerr_format(&kexc_TypeError, "a bytes-like object is required, not '%T'", v);
            }
            return -1;
        }
        p = kbytes_data(owned, &n);
    }
    struct sockaddr_un *u = (struct sockaddr_un *)addr;
    // A Linux abstract name (leading NUL) has no terminator; a path has one.
    int abstract = n > 0 && p[0] == '\0';
    if ((size_t)n + (abstract ? 0 : 1) > sizeof u->sun_path) {
        kval_xdecref(owned);
        kerr_set(&kexc_OSError, "AF_UNIX path too long");
        return -1;
    }
    u->sun_family = AF_UNIX;
    memcpy(u->sun_path, p, (size_t)n);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n + (abstract ? 0 : 1));
    kval_xdecref(owned);
    return 0;
}

int ksocket_parse_addr(int family, KValue v, const char *caller, KSockAddr *addr,
                       socklen_t *len) {
    memset(addr, 0, sizeof *addr);
    if (family == AF_UNIX) {
        return parse_unix(v, addr, len);
    }
    if (family != AF_INET && family != AF_INET6) {
        kerr_format(&kexc_OSError, "%s(): bad family", caller);
        return -1;
    }
    const char *fam = family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!ktuple_check(v)) {
        kerr_format(&kexc_TypeError, "%s(): %s address must be tuple, not %T", caller, fam, v);
        return -1;
    }
    ssize_t n = ktuple_len(v);
    if (family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
        kerr_set(&kexc_TypeError, family == AF_INET
                                      ? "AF_INET address must be a pair (host, port)"
                                      : "AF_INET6 address must be a tuple (host, port[, flowinfo[, "
                                        "scopeid]])");
        return -1;
    }
    const char *host;
    KValue owner;
    int port, flowinfo = 0, scope_id = 0;
    if (host_arg(ktuple_get_borrow(v, 0), &host, &owner) < 0) {
        return -1;
    }
    int r = port_arg(ktuple_get_borrow(v, 1), caller, &port);
    if (r == 0 && n > 2) {
        r = kposix_int_arg(ktuple_get_borrow(v, 2), &flowinfo);
        if (r == 0 && (flowinfo < 0 || flowinfo > 0xFFFFF)) {
            kerr_format(&kexc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
            r = -1;
        }
    }
    if (r == 0 && n > 3) {
        r = kposix_int_arg(ktuple_get_borrow(v, 3), &scope_id);
    }
    if (r == 0) {
        r = set_ip(host, family, addr);
    }
    kval_xdecref(owner);
    if (r < 0) {
        return -1;
    }
    if (family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)addr;
        in->sin_family = AF_INET;
        in->sin_port = htons((uint16_t)port);
        *len = sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        in6->sin6_flowinfo = htonl((uint32_t)flowinfo);
        in6->sin6_scope_id = (uint32_t)scope_id;
        *len = sizeof *in6;
    }
    return 0;
}

KValue ksocket_make_addr(const struct sockaddr *addr, socklen_t len) {
    if (len == 0) {
        return kval_newref(KV_NONE);
    }
    char buf[INET6_ADDRSTRLEN];
    switch (addr->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *in = (const struct sockaddr_in *)addr;
        inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
        KValue host = kstr_from_cstr(buf);
        KValue r = host ? ktuple_pack(2, host, kval_from_int(ntohs(in->sin_port))) : KV_NULL;
        kval_xdecref(host);
        return r;
    }
    case AF_INET6: {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr;
        inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
        KValue host = kstr_from_cstr(buf);
        KValue scope = host ? kint_from_u64(in6->sin6_scope_id) : KV_NULL;
        KValue flow = scope ? kint_from_u64(ntohl(in6->sin6_flowinfo)) : KV_NULL;
        KValue r = flow ? ktuple_pack(4, host, kval_from_int(ntohs(in6->sin6_port)), flow, scope)
                        : KV_NULL;
        kval_xdecref(host);
        kval_xdecref(scope);
        kval_xdecref(flow);
        return r;
    }
    case AF_UNIX: {
        const struct sockaddr_un *u = (const struct sockaddr_un *)addr;
        size_t off = offsetof(struct sockaddr_un, sun_path);
        size_t n = len > off ? len - off : 0;
        if (n > 0 && u->sun_path[0] == '\0') {
            return kbytes_from_data(u->sun_path, (ssize_t)n);
        }
        size_t end = 0;
        while (end < n && u->sun_path[end]) {
            end++;
        }
        return kposix_fs_decode(u->sun_path, (ssize_t)end, 0);
    }
    default: {
        KValue data = kbytes_from_data(addr->sa_data, sizeof addr->sa_data);
        KValue r = data ? ktuple_pack(2, kval_from_int(addr->sa_family), data) : KV_NULL;
        kval_xdecref(data);
        return r;
    }
    }
}

// ---------------------------------------------------------------------------
// Name resolution

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)
FUNC(sa_getaddrinfo) {
    (void)self;
    static const char *const kwlist[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    KValue a[6];
    if (kargs_unpack("getaddrinfo", args, nargs, kw, kwlist, 2, 6, a) < 0) {
        return KV_NULL;
    }
    const char *host = NULL, *port = NULL;
    KValue host_owner = KV_NULL;
    char portbuf[32];
    if (a[0] != KV_NONE) {
        if (!kstr_check(a[0]) && !kbytes_check(a[0])) {
            kerr_set(&kexc_TypeError, "getaddrinfo() argument 1 must be string or None");
            return KV_NULL;
        }
        if (host_arg(a[0], &host, &host_owner) < 0) {
            return KV_NULL;
        }
    }
    int ints[4] = {0, 0, 0, 0};
    int r = 0;
    if (kint_check(a[1])) {
        int overflow;
        int64_t p = kint_as_i64_overflow(a[1], &overflow);
        snprintf(portbuf, sizeof portbuf, "%lld", (long long)p);
        port = portbuf;
        if (overflow) {
            kerr_set(&kexc_OverflowError, "Python int too large to convert to C long");
            r = -1;
        }
    } else if (kstr_check(a[1])) {
        port = kstr_utf8(a[1], NULL);
        r = port ? 0 : -1;
    } else if (kbytes_check(a[1])) {
        port = bytes_cstr(a[1]);
    } else if (a[1] != KV_NONE) {
        kerr_set(&kexc_OSError, "Int or String expected");
        r = -1;
    }
    for (int i = 0; i < 4 && r == 0; i++) {
        if (a[i + 2]) {
            r = kposix_int_arg(a[i + 2], &ints[i]);
        }
    }
    if (r < 0) {
        kval_xdecref(host_owner);
        return KV_NULL;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = ints[0];
    hints.ai_socktype = ints[1];
    hints.ai_protocol = ints[2];
    hints.ai_flags = ints[3];
    int code = getaddrinfo(host, port, &hints, &res);
    kval_xdecref(host_owner);
    if (code != 0) {
        return ksocket_gai_error(code);
    }
    KValue list = klist_new(0);
    for (struct addrinfo *p = res; list && p; p = p->ai_next) {
        KValue addr = ksocket_make_addr(p->ai_addr, p->ai_addrlen);
        KValue canon = addr ? kstr_from_cstr(p->ai_canonname ? p->ai_canonname : "") : KV_NULL;
        KValue t = canon ? ktuple_pack(5, kval_from_int(p->ai_family), kval_from_int(p->ai_socktype),
                                       kval_from_int(p->ai_protocol), canon, addr)
                         : KV_NULL;
        kval_xdecref(addr);
        kval_xdecref(canon);
        if (!t || klist_append(list, t) < 0) {
            kval_xdecref(t);
            kval_decref(list);
            list = KV_NULL;
            break;
        }
        kval_decref(t);
    }
    freeaddrinfo(res);
    return list;
}

// getnameinfo(sockaddr, flags)
FUNC(sa_getnameinfo) {
    (void)self, (void)kw;
    if (kposix_parse_stack("getnameinfo", nargs, 2) < 0) {
        return KV_NULL;
    }
    int flags;
    if (!ktuple_check(args[0])) {
        kerr_set(&kexc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return KV_NULL;
    }
    if (kposix_int_arg(args[1], &flags) < 0) {
        return KV_NULL;
    }
    KValue t = args[0];
    ssize_t n = ktuple_len(t);
    if (n < 2 || n > 4 || !kstr_check(ktuple_get_borrow(t, 0))) {
        kerr_set(&kexc_TypeError, "getnameinfo(): illegal sockaddr argument");
        return KV_NULL;
    }
    int port, flowinfo = 0, scope_id = 0;
    if (kposix_int_arg(ktuple_get_borrow(t, 1), &port) < 0 ||
        (n > 2 && kposix_int_arg(ktuple_get_borrow(t, 2), &flowinfo) < 0) ||
        (n > 3 && kposix_int_arg(ktuple_get_borrow(t, 3), &scope_id) < 0)) {
        return KV_NULL;
    }
    if (flowinfo < 0 || flowinfo > 0xFFFFF) {
        kerr_set(&kexc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        return KV_NULL;
    }
    char portbuf[16];
    snprintf(portbuf, sizeof portbuf, "%d", port);
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int code = getaddrinfo(kstr_utf8(ktuple_get_borrow(t, 0), NULL), portbuf, &hints, &res);
    if (code != 0) {
        return ksocket_gai_error(code);
    }
    if (res->ai_next) {
        freeaddrinfo(res);
        kerr_set(&kexc_OSError, "sockaddr resolved to multiple addresses");
        return KV_NULL;
    }
    KSockAddr addr;
    memcpy(&addr, res->ai_addr, res->ai_addrlen);
    socklen_t len = res->ai_addrlen;
    int family = res->ai_family;
    freeaddrinfo(res);
    if (family == AF_INET && n != 2) {
        kerr_set(&kexc_OSError, "IPv4 sockaddr must be 2 tuple");
        return KV_NULL;
    }
    if (family == AF_INET6) {
        addr.storage.ss_family = AF_INET6;
        ((struct sockaddr_in6 *)&addr)->sin6_flowinfo = htonl((uint32_t)flowinfo);
        ((struct sockaddr_in6 *)&addr)->sin6_scope_id = (uint32_t)scope_id;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    code = getnameinfo(&addr.sa, len, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
    if (code != 0) {
        return ksocket_gai_error(code);
    }
    KValue h = kstr_from_cstr(hbuf);
    KValue s = h ? kstr_from_cstr(sbuf) : KV_NULL;
    KValue r = s ? ktuple_pack(2, h, s) : KV_NULL;
    kval_xdecref(h);
    kval_xdecref(s);
    return r;
}

FUNC(sa_gethostname) {
    (void)self, (void)args, (void)nargs, (void)kw;
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0) {
        return kposix_error();
    }
    buf[sizeof buf - 1] = '\0';
    return kposix_fs_decode(buf, (ssize_t)strlen(buf), 0);
}

FUNC(sa_sethostname) {
    (void)self, (void)nargs, (void)kw;
    KValue b = kposix_fs_bytes(args[0]);
    if (!b) {
        return KV_NULL;
    }
    ssize_t n;
    const char *p = kbytes_data(b, &n);
    int r = sethostname(p, (size_t)n);
    kval_decref(b);
    return r < 0 ? kposix_error() : kval_newref(KV_NONE);
}

// (name, aliases, addresses) of a hostent, as gethostbyname_ex and gethostbyaddr return.
static KValue host_triple(const struct hostent *h) {
    KValue name = kstr_from_cstr(h->h_name);
    KValue aliases = name ? klist_new(0) : KV_NULL;
    KValue addrs = aliases ? klist_new(0) : KV_NULL;
    int ok = addrs != KV_NULL;
    for (char **a = h->h_aliases; ok && a && *a; a++) {
        KValue s = kstr_from_cstr(*a);
        ok = s && klist_append(aliases, s) == 0;
        kval_xdecref(s);
    }
    for (char **a = h->h_addr_list; ok && a && *a; a++) {
        char buf[INET6_ADDRSTRLEN];
        inet_ntop(h->h_addrtype, *a, buf, sizeof buf);
        KValue s = kstr_from_cstr(buf);
        ok = s && klist_append(addrs, s) == 0;
        kval_xdecref(s);
    }
    KValue r = ok ? ktuple_pack(3, name, aliases, addrs) : KV_NULL;
    kval_xdecref(name);
    kval_xdecref(aliases);
    kval_xdecref(addrs);
    return r;
}

static KValue h_error(int code) {
    KValue msg = kstr_from_cstr(hstrerror(code));
    KValue t = msg ? ktuple_pack(2, kval_from_int(code), msg) : KV_NULL;
    kval_xdecref(msg);
    if (t) {
        kerr_set_value((KType *)kval_obj(ksocket_herror), t);
        kval_decref(t);
    }
    return KV_NULL;
}

// The IPv4 address 'name' resolves to (as gethostbyname does), into 'in'.
static int resolve_v4(KValue v, struct sockaddr_in *in) {
    const char *name;
    KValue owner;
    if (host_arg(v, &name, &owner) < 0) {
        return -1;
    }
    KSockAddr addr;
    memset(&addr, 0, sizeof addr);
    int r = set_ip(name, AF_INET, &addr);
    kval_xdecref(owner);
    if (r == 0) {
        *in = *(struct sockaddr_in *)&addr;
    }
    return r;
}

FUNC(sa_gethostbyname) {
    (void)self, (void)nargs, (void)kw;
    struct sockaddr_in in;
    if (resolve_v4(args[0], &in) < 0) {
        return KV_NULL;
    }
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &in.sin_addr, buf, sizeof buf);
    return kstr_from_cstr(buf);
}

FUNC(sa_gethostbyname_ex) {
    (void)self, (void)nargs, (void)kw;
    const char *name;
    KValue owner;
    if (host_arg(args[0], &name, &owner) < 0) {
        return KV_NULL;
    }
    struct hostent h, *res = NULL;
    char buf[16384];
    int herr = 0;
    gethostbyname_r(name, &h, buf, sizeof buf, &res, &herr);
    kval_xdecref(owner);
    return res ? host_triple(res) : h_error(herr);
}

FUNC(sa_gethostbyaddr) {
    (void)self, (void)nargs, (void)kw;
    const char *name;
    KValue owner;
    if (host_arg(args[0], &name, &owner) < 0) {
        return KV_NULL;
    }
    KSockAddr addr;
    memset(&addr, 0, sizeof addr);
    struct addrinfo hints, *ai;
    memset(&hints, 0, sizeof hints);
    int code = getaddrinfo(name, NULL, &hints, &ai);
    kval_xdecref(owner);
    if (code != 0) {
        return ksocket_gai_error(code);
    }
    int family = ai->ai_family;
    const void *raw = family == AF_INET ? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
                                        : (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
    socklen_t rawlen = family == AF_INET ? sizeof(struct in_addr) : sizeof(struct in6_addr);
    char rawbuf[sizeof(struct in6_addr)];
    memcpy(rawbuf, raw, rawlen);
    freeaddrinfo(ai);
    struct hostent h, *res = NULL;
    char buf[16384];
    int herr = 0;
    gethostbyaddr_r(rawbuf, rawlen, family, &h, buf, sizeof buf, &res, &herr);
    return res ? host_triple(res) : h_error(herr);
}

// An optional protocol name argument ("tcp", ...): NULL when absent or None.
static int proto_name_arg(const KValue *args, size_t nargs, size_t i, const char **out) {
    *out = NULL;
    if (nargs <= i) {
        return 0;
    }
    if (!kstr_check(args[i])) {
        kerr_format(&kexc_TypeError, "%s() argument %zu must be str, not %T",
                    i == 1 ? "getservbyname" : "getservbyport", i + 1, args[i]);
        return -1;
    }
    *out = kstr_utf8(args[i], NULL);
    return *out ? 0 : -1;
}

FUNC(sa_getservbyname) {
    (void)self, (void)kw;
    const char *proto;
    if (kargs_count("getservbyname", nargs, 1, 2) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "getservbyname() argument 1 must be str, not %T", args[0]);
        return KV_NULL;
    }
    if (proto_name_arg(args, nargs, 1, &proto) < 0) {
        return KV_NULL;
    }
    struct servent s, *res = NULL;
    char buf[4096];
    getservbyname_r(kstr_utf8(args[0], NULL), proto, &s, buf, sizeof buf, &res);
    if (!res) {
        kerr_set(&kexc_OSError, "service/proto not found");
        return KV_NULL;
    }
    return kval_from_int(ntohs((uint16_t)res->s_port));
}

FUNC(sa_getservbyport) {
    (void)self, (void)kw;
    int port;
    const char *proto;
    if (kargs_count("getservbyport", nargs, 1, 2) < 0 || kposix_int_arg(args[0], &port) < 0) {
        return KV_NULL;
    }
    if (port < 0 || port > 0xFFFF) {
        kerr_set(&kexc_OverflowError, "getservbyport: port must be 0-65535.");
        return KV_NULL;
    }
    if (proto_name_arg(args, nargs, 1, &proto) < 0) {
        return KV_NULL;
    }
    struct servent s, *res = NULL;
    char buf[4096];
    getservbyport_r(htons((uint16_t)port), proto, &s, buf, sizeof buf, &res);
    if (!res) {
        kerr_set(&kexc_OSError, "port/proto not found");
        return KV_NULL;
    }
    return kstr_from_cstr(res->s_name);
}

FUNC(sa_getprotobyname) {
    (void)self, (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "getprotobyname() argument must be str, not %T", args[0]);
        return KV_NULL;
    }
    struct protoent p, *res = NULL;
    char buf[4096];
    getprotobyname_r(kstr_utf8(args[0], NULL), &p, buf, sizeof buf, &res);
    if (!res) {
        kerr_set(&kexc_OSError, "protocol not found");
        return KV_NULL;
    }
    return kval_from_int(res->p_proto);
}

// ---------------------------------------------------------------------------
// Conversions

// An unsigned argument of 'bits' bits for hton*/ntoh*, with CPython's messages.
static int unsigned_arg(const char *fname, KValue v, int bits, uint32_t *out) {
    KValue i = knum_index(v);
    if (!i) {
        return -1;
    }
    int overflow;
    int64_t n = kint_as_i64_overflow(i, &overflow);
    int neg = kint_sign(i) < 0;
    kval_decref(i);
    if (bits == 16) {
        if (neg) {
            kerr_format(&kexc_OverflowError,
                        "%s: can't convert negative Python int to C 16-bit unsigned integer", fname);
            return -1;
        }
        if (overflow || n > 0xFFFF) {
            kerr_format(&kexc_OverflowError,
                        "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
            return -1;
        }
    } else {
        if (neg) {
            kerr_set(&kexc_OverflowError, "can't convert negative value to unsigned int");
            return -1;
        }
        if (overflow || n > 0xFFFFFFFFLL) {
            kerr_set(&kexc_OverflowError, "int larger than 32 bits");
            return -1;
        }
    }
    *out = (uint32_t)n;
    return 0;
}

#define ORDER_FUNC(name, bits, conv)                                                             \
    FUNC(sa_##name) {                                                                            \
        (void)self, (void)nargs, (void)kw;                                                       \
        uint32_t v;                                                                              \
        if (unsigned_arg(#name, args[0], bits, &v) < 0) {                                        \
            return KV_NULL;                                                                      \
        }                                                                                        \
        return kint_from_u64(conv(v));                                                           \
    }
ORDER_FUNC(htons, 16, htons)
ORDER_FUNC(ntohs, 16, ntohs)
ORDER_FUNC(htonl, 32, htonl)
ORDER_FUNC(ntohl, 32, ntohl)

FUNC(sa_inet_aton) {
    (void)self, (void)nargs, (void)kw;
    if (!kstr_check(args[0])) {
        kerr_format(&kexc_TypeError, "inet_aton() argument 1 must be str, not %T", args[0]);
        return KV_NULL;
    }
    struct in_addr in;
    if (inet_aton(kstr_utf8(args[0], NULL), &in) == 0) {
        kerr_set(&kexc_OSError, "illegal IP address string passed to inet_aton");
        return KV_NULL;
    }
    return kbytes_from_data((const char *)&in, sizeof in);
}

FUNC(sa_inet_ntoa) {
    (void)self, (void)nargs, (void)kw;
    const char *p;
    ssize_t n;
    if (kbytes_need_buffer(args[0], &p, &n) < 0) {
        return KV_NULL;
    }
    if (n != 4) {
        kerr_set(&kexc_OSError, "packed IP wrong length for inet_ntoa");
        return KV_NULL;
    }
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, p, buf, sizeof buf);
    return kstr_from_cstr(buf);
}

FUNC(sa_inet_pton) {
    (void)self, (void)kw;
    int af;
    if (kposix_parse_stack("inet_pton", nargs, 2) < 0 || kposix_int_arg(args[0], &af) < 0) {
        return KV_NULL;
    }
    if (!kstr_check(args[1])) {
        kerr_format(&kexc_TypeError, "inet_pton() argument 2 must be str, not %T", args[1]);
        return KV_NULL;
    }
    unsigned char buf[sizeof(struct in6_addr)];
    int r = inet_pton(af, kstr_utf8(args[1], NULL), buf);
    if (r < 0) {
        return kposix_error();
    }
    if (r == 0) {
        kerr_set(&kexc_OSError, "illegal IP address string passed to inet_pton");
        return KV_NULL;
    }
    return kbytes_from_data((const char *)buf, af == AF_INET ? 4 : 16);
}

FUNC(sa_inet_ntop) {
    (void)self, (void)kw;
    int af;
    const char *p;
    ssize_t n;
    if (kposix_parse_stack("inet_ntop", nargs, 2) < 0 || kposix_int_arg(args[0], &af) < 0 ||
        kbytes_need_buffer(args[1], &p, &n) < 0) {
        return KV_NULL;
    }
    if (af != AF_INET && af != AF_INET6) {
        kerr_format(&kexc_ValueError, "unknown address family %d", af);
        return KV_NULL;
    }
    if (n != (af == AF_INET ? 4 : 16)) {
        kerr_set(&kexc_ValueError, "invalid length of packed IP address string");
        return KV_NULL;
    }
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, p, buf, sizeof buf)) {
        return kposix_error();
    }
    return kstr_from_cstr(buf);
}

// ---------------------------------------------------------------------------
// Interfaces

FUNC(sa_if_nameindex) {
    (void)self, (void)args, (void)nargs, (void)kw;
    struct if_nameindex *ni = if_nameindex();
    if (!ni) {
        return kposix_error();
    }
    KValue list = klist_new(0);
    for (struct if_nameindex *p = ni; list && p->if_index; p++) {
        KValue name = kposix_fs_decode(p->if_name, (ssize_t)strlen(p->if_name), 0);
        KValue t = name ? ktuple_pack(2, kint_from_u64(p->if_index), name) : KV_NULL;
        kval_xdecref(name);
        if (!t || klist_append(list, t) < 0) {
            kval_xdecref(t);
            kval_decref(list);
            list = KV_NULL;
            break;
        }
        kval_decref(t);
    }
    if_freenameindex(ni);
    return list;
}

FUNC(sa_if_nametoindex) {
    (void)self, (void)nargs, (void)kw;
    KValue b = kposix_fs_bytes(args[0]);
    if (!b) {
        return KV_NULL;
    }
    unsigned index = if_nametoindex(bytes_cstr(b));
    kval_decref(b);
    if (index == 0) {
        kerr_set(&kexc_OSError, "no interface with this name");
        return KV_NULL;
    }
    return kint_from_u64(index);
}

FUNC(sa_if_indextoname) {
    (void)self, (void)nargs, (void)kw;
    KValue i = knum_index(args[0]);
    if (!i) {
        return KV_NULL;
    }
    int overflow;
    int64_t index = kint_as_i64_overflow(i, &overflow);
    kval_decref(i);
    if (overflow || index < 0 || index > 0xFFFFFFFFLL) {
        kerr_set(&kexc_OverflowError, "index must be between 0 and 4294967295");
        return KV_NULL;
    }
    char buf[IF_NAMESIZE + 1];
    if (!if_indextoname((unsigned)index, buf)) {
        return kposix_error();
    }
    return kposix_fs_decode(buf, (ssize_t)strlen(buf), 0);
}

const KMethodDef ksocket_addr_functions[] = {
    {"getaddrinfo", sa_getaddrinfo, KMETH_KW, NULL},
    {"getnameinfo", sa_getnameinfo, KMETH_FAST, NULL},
    {"gethostname", sa_gethostname, KMETH_NOARGS, NULL},
    {"sethostname", sa_sethostname, KMETH_O, NULL},
    {"gethostbyname", sa_gethostbyname, KMETH_O, NULL},
    {"gethostbyname_ex", sa_gethostbyname_ex, KMETH_O, NULL},
    {"gethostbyaddr", sa_gethostbyaddr, KMETH_O, NULL},
    {"getservbyname", sa_getservbyname, KMETH_FAST, NULL},
    {"getservbyport", sa_getservbyport, KMETH_FAST, NULL},
    {"getprotobyname", sa_getprotobyname, KMETH_O, NULL},
    {"htons", sa_htons, KMETH_O, NULL},
    {"ntohs", sa_ntohs, KMETH_O, NULL},
    {"htonl", sa_htonl, KMETH_O, NULL},
    {"ntohl", sa_ntohl, KMETH_O, NULL},
    {"inet_aton", sa_inet_aton, KMETH_O, NULL},
    {"inet_ntoa", sa_inet_ntoa, KMETH_O, NULL},
    {"inet_pton", sa_inet_pton, KMETH_FAST, NULL},
    {"inet_ntop", sa_inet_ntop, KMETH_FAST, NULL},
    {"if_nameindex", sa_if_nameindex, KMETH_NOARGS, NULL},
    {"if_nametoindex", sa_if_nametoindex, KMETH_O, NULL},
    {"if_indextoname", sa_if_indextoname, KMETH_O, NULL},
    {NULL, NULL, 0, NULL},
};

// ---------------------------------------------------------------------------
// Constants

static const KModInt constants[] = {
    KMOD_INT(AF_UNSPEC), KMOD_INT(AF_INET), KMOD_INT(AF_INET6), KMOD_INT(AF_UNIX), KMOD_INT(AF_NETLINK), KMOD_INT(AF_PACKET),
    KMOD_INT(AF_APPLETALK), KMOD_INT(AF_BLUETOOTH), KMOD_INT(AF_CAN), KMOD_INT(AF_IPX), KMOD_INT(AF_IRDA), KMOD_INT(AF_KEY),
    KMOD_INT(AF_LLC), KMOD_INT(AF_ROUTE), KMOD_INT(AF_SNA), KMOD_INT(AF_TIPC), KMOD_INT(AF_ALG), KMOD_INT(AF_VSOCK), KMOD_INT(AF_X25),
    KMOD_INT(AF_ASH), KMOD_INT(AF_ATMPVC), KMOD_INT(AF_ATMSVC), KMOD_INT(AF_AX25), KMOD_INT(AF_BRIDGE), KMOD_INT(AF_ECONET),
    KMOD_INT(AF_NETROM), KMOD_INT(AF_PPPOX), KMOD_INT(AF_ROSE), KMOD_INT(AF_SECURITY), KMOD_INT(AF_WANPIPE), KMOD_INT(AF_RDS),
    KMOD_INT(SOCK_STREAM), KMOD_INT(SOCK_DGRAM), KMOD_INT(SOCK_RAW), KMOD_INT(SOCK_RDM), KMOD_INT(SOCK_SEQPACKET),
    KMOD_INT(SOCK_NONBLOCK), KMOD_INT(SOCK_CLOEXEC),
    KMOD_INT(SOL_SOCKET), KMOD_INT(SOL_IP), KMOD_INT(SOL_TCP), {"SOL_UDP", 17},
    KMOD_INT(SO_DEBUG), KMOD_INT(SO_ACCEPTCONN), KMOD_INT(SO_REUSEADDR), KMOD_INT(SO_REUSEPORT), KMOD_INT(SO_KEEPALIVE),
    KMOD_INT(SO_DONTROUTE), KMOD_INT(SO_BROADCAST), KMOD_INT(SO_LINGER), KMOD_INT(SO_OOBINLINE), KMOD_INT(SO_SNDBUF),
    KMOD_INT(SO_RCVBUF), KMOD_INT(SO_SNDLOWAT), KMOD_INT(SO_RCVLOWAT), KMOD_INT(SO_SNDTIMEO), KMOD_INT(SO_RCVTIMEO),
    KMOD_INT(SO_ERROR), KMOD_INT(SO_TYPE), KMOD_INT(SO_PASSCRED), KMOD_INT(SO_PEERCRED), KMOD_INT(SO_PASSSEC),
    KMOD_INT(SO_PEERSEC), KMOD_INT(SO_BINDTODEVICE), KMOD_INT(SO_PRIORITY), KMOD_INT(SO_MARK), KMOD_INT(SO_DOMAIN),
    KMOD_INT(SO_PROTOCOL), KMOD_INT(SO_INCOMING_CPU), KMOD_INT(SOMAXCONN), KMOD_INT(SCM_RIGHTS), KMOD_INT(SCM_CREDENTIALS),
    KMOD_INT(MSG_OOB), KMOD_INT(MSG_PEEK), KMOD_INT(MSG_DONTROUTE), KMOD_INT(MSG_DONTWAIT), KMOD_INT(MSG_EOR), KMOD_INT(MSG_TRUNC),
    KMOD_INT(MSG_CTRUNC), KMOD_INT(MSG_WAITALL), KMOD_INT(MSG_NOSIGNAL), KMOD_INT(MSG_CMSG_CLOEXEC), KMOD_INT(MSG_CONFIRM),
    KMOD_INT(MSG_ERRQUEUE), KMOD_INT(MSG_MORE), KMOD_INT(MSG_FASTOPEN),
    KMOD_INT(IPPROTO_IP), KMOD_INT(IPPROTO_HOPOPTS), KMOD_INT(IPPROTO_ICMP), KMOD_INT(IPPROTO_IGMP), KMOD_INT(IPPROTO_IPIP),
    KMOD_INT(IPPROTO_TCP), KMOD_INT(IPPROTO_EGP), KMOD_INT(IPPROTO_PUP), KMOD_INT(IPPROTO_UDP), KMOD_INT(IPPROTO_IDP),
    KMOD_INT(IPPROTO_TP), KMOD_INT(IPPROTO_IPV6), KMOD_INT(IPPROTO_ROUTING), KMOD_INT(IPPROTO_FRAGMENT),
    KMOD_INT(IPPROTO_RSVP), KMOD_INT(IPPROTO_GRE), KMOD_INT(IPPROTO_ESP), KMOD_INT(IPPROTO_AH), KMOD_INT(IPPROTO_ICMPV6),
    KMOD_INT(IPPROTO_NONE), KMOD_INT(IPPROTO_DSTOPTS), KMOD_INT(IPPROTO_PIM), KMOD_INT(IPPROTO_SCTP),
    KMOD_INT(IPPROTO_UDPLITE), KMOD_INT(IPPROTO_MPTCP), KMOD_INT(IPPROTO_RAW),
    KMOD_INT(IPPORT_RESERVED), KMOD_INT(IPPORT_USERRESERVED),
    KMOD_INT(INADDR_ANY), KMOD_INT(INADDR_BROADCAST), KMOD_INT(INADDR_LOOPBACK), KMOD_INT(INADDR_NONE),
    KMOD_INT(INADDR_UNSPEC_GROUP), KMOD_INT(INADDR_ALLHOSTS_GROUP), KMOD_INT(INADDR_MAX_LOCAL_GROUP),
    KMOD_INT(IP_TOS), KMOD_INT(IP_TTL), KMOD_INT(IP_HDRINCL), KMOD_INT(IP_OPTIONS), KMOD_INT(IP_RECVOPTS), KMOD_INT(IP_RECVRETOPTS),
    KMOD_INT(IP_RETOPTS), KMOD_INT(IP_MULTICAST_IF), KMOD_INT(IP_MULTICAST_TTL), KMOD_INT(IP_MULTICAST_LOOP),
    KMOD_INT(IP_ADD_MEMBERSHIP), KMOD_INT(IP_DROP_MEMBERSHIP), KMOD_INT(IP_DEFAULT_MULTICAST_TTL),
    KMOD_INT(IP_DEFAULT_MULTICAST_LOOP), KMOD_INT(IP_MAX_MEMBERSHIPS), KMOD_INT(IP_TRANSPARENT),
    KMOD_INT(IP_BIND_ADDRESS_NO_PORT), KMOD_INT(IP_RECVTOS),
    KMOD_INT(IPV6_JOIN_GROUP), KMOD_INT(IPV6_LEAVE_GROUP), KMOD_INT(IPV6_MULTICAST_HOPS), KMOD_INT(IPV6_MULTICAST_IF),
    KMOD_INT(IPV6_MULTICAST_LOOP), KMOD_INT(IPV6_UNICAST_HOPS), KMOD_INT(IPV6_V6ONLY), KMOD_INT(IPV6_CHECKSUM),
    KMOD_INT(IPV6_DONTFRAG), KMOD_INT(IPV6_DSTOPTS), KMOD_INT(IPV6_HOPLIMIT), KMOD_INT(IPV6_HOPOPTS), KMOD_INT(IPV6_NEXTHOP),
    KMOD_INT(IPV6_PATHMTU), KMOD_INT(IPV6_PKTINFO), KMOD_INT(IPV6_RECVDSTOPTS), KMOD_INT(IPV6_RECVHOPLIMIT),
    KMOD_INT(IPV6_RECVHOPOPTS), KMOD_INT(IPV6_RECVPKTINFO), KMOD_INT(IPV6_RECVRTHDR), KMOD_INT(IPV6_RECVTCLASS),
    KMOD_INT(IPV6_RTHDR), KMOD_INT(IPV6_RTHDRDSTOPTS), KMOD_INT(IPV6_RTHDR_TYPE_0), KMOD_INT(IPV6_RECVPATHMTU),
    KMOD_INT(IPV6_TCLASS),
    KMOD_INT(TCP_NODELAY), KMOD_INT(TCP_MAXSEG), KMOD_INT(TCP_CORK), KMOD_INT(TCP_KEEPIDLE), KMOD_INT(TCP_KEEPINTVL),
    KMOD_INT(TCP_KEEPCNT), KMOD_INT(TCP_SYNCNT), KMOD_INT(TCP_LINGER2), KMOD_INT(TCP_DEFER_ACCEPT),
    KMOD_INT(TCP_WINDOW_CLAMP), KMOD_INT(TCP_INFO), KMOD_INT(TCP_QUICKACK), KMOD_INT(TCP_FASTOPEN),
    KMOD_INT(TCP_CONGESTION), KMOD_INT(TCP_USER_TIMEOUT), KMOD_INT(TCP_NOTSENT_LOWAT),
    KMOD_INT(SHUT_RD), KMOD_INT(SHUT_WR), KMOD_INT(SHUT_RDWR),
    KMOD_INT(AI_PASSIVE), KMOD_INT(AI_CANONNAME), KMOD_INT(AI_NUMERICHOST), KMOD_INT(AI_NUMERICSERV), KMOD_INT(AI_V4MAPPED),
    KMOD_INT(AI_ALL), KMOD_INT(AI_ADDRCONFIG),
    KMOD_INT(NI_NUMERICHOST), KMOD_INT(NI_NUMERICSERV), KMOD_INT(NI_NOFQDN), KMOD_INT(NI_NAMEREQD), KMOD_INT(NI_DGRAM),
    KMOD_INT(NI_MAXHOST), KMOD_INT(NI_MAXSERV),
    KMOD_INT(EAI_ADDRFAMILY), KMOD_INT(EAI_AGAIN), KMOD_INT(EAI_BADFLAGS), KMOD_INT(EAI_FAIL), KMOD_INT(EAI_FAMILY),
    KMOD_INT(EAI_MEMORY), KMOD_INT(EAI_NODATA), KMOD_INT(EAI_NONAME), KMOD_INT(EAI_OVERFLOW), KMOD_INT(EAI_SERVICE),
    KMOD_INT(EAI_SOCKTYPE), KMOD_INT(EAI_SYSTEM),
};

int ksocket_add_constants(KValue module) {
    return kmod_add_ints(module, constants, KMOD_NINTS(constants));
}
