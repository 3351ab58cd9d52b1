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

#define C(name) KMOD_INT(name)
static const KModInt constants[] = {
    C(AF_UNSPEC), C(AF_INET), C(AF_INET6), C(AF_UNIX), C(AF_NETLINK), C(AF_PACKET),
    C(AF_APPLETALK), C(AF_BLUETOOTH), C(AF_CAN), C(AF_IPX), C(AF_IRDA), C(AF_KEY),
    C(AF_LLC), C(AF_ROUTE), C(AF_SNA), C(AF_TIPC), C(AF_ALG), C(AF_VSOCK), C(AF_X25),
    C(AF_ASH), C(AF_ATMPVC), C(AF_ATMSVC), C(AF_AX25), C(AF_BRIDGE), C(AF_ECONET),
    C(AF_NETROM), C(AF_PPPOX), C(AF_ROSE), C(AF_SECURITY), C(AF_WANPIPE), C(AF_RDS),
    C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_RDM), C(SOCK_SEQPACKET),
    C(SOCK_NONBLOCK), C(SOCK_CLOEXEC),
    C(SOL_SOCKET), C(SOL_IP), C(SOL_TCP), {"SOL_UDP", 17},
    C(SO_DEBUG), C(SO_ACCEPTCONN), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_KEEPALIVE),
    C(SO_DONTROUTE), C(SO_BROADCAST), C(SO_LINGER), C(SO_OOBINLINE), C(SO_SNDBUF),
    C(SO_RCVBUF), C(SO_SNDLOWAT), C(SO_RCVLOWAT), C(SO_SNDTIMEO), C(SO_RCVTIMEO),
    C(SO_ERROR), C(SO_TYPE), C(SO_PASSCRED), C(SO_PEERCRED), C(SO_PASSSEC),
    C(SO_PEERSEC), C(SO_BINDTODEVICE), C(SO_PRIORITY), C(SO_MARK), C(SO_DOMAIN),
    C(SO_PROTOCOL), C(SO_INCOMING_CPU), C(SOMAXCONN), C(SCM_RIGHTS), C(SCM_CREDENTIALS),
    C(MSG_OOB), C(MSG_PEEK), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR), C(MSG_TRUNC),
    C(MSG_CTRUNC), C(MSG_WAITALL), C(MSG_NOSIGNAL), C(MSG_CMSG_CLOEXEC), C(MSG_CONFIRM),
    C(MSG_ERRQUEUE), C(MSG_MORE), C(MSG_FASTOPEN),
    C(IPPROTO_IP), C(IPPROTO_HOPOPTS), C(IPPROTO_ICMP), C(IPPROTO_IGMP), C(IPPROTO_IPIP),
    C(IPPROTO_TCP), C(IPPROTO_EGP), C(IPPROTO_PUP), C(IPPROTO_UDP), C(IPPROTO_IDP),
    C(IPPROTO_TP), C(IPPROTO_IPV6), C(IPPROTO_ROUTING), C(IPPROTO_FRAGMENT),
    C(IPPROTO_RSVP), C(IPPROTO_GRE), C(IPPROTO_ESP), C(IPPROTO_AH), C(IPPROTO_ICMPV6),
    C(IPPROTO_NONE), C(IPPROTO_DSTOPTS), C(IPPROTO_PIM), C(IPPROTO_SCTP),
    C(IPPROTO_UDPLITE), C(IPPROTO_MPTCP), C(IPPROTO_RAW),
    C(IPPORT_RESERVED), C(IPPORT_USERRESERVED),
    C(INADDR_ANY), C(INADDR_BROADCAST), C(INADDR_LOOPBACK), C(INADDR_NONE),
    C(INADDR_UNSPEC_GROUP), C(INADDR_ALLHOSTS_GROUP), C(INADDR_MAX_LOCAL_GROUP),
    C(IP_TOS), C(IP_TTL), C(IP_HDRINCL), C(IP_OPTIONS), C(IP_RECVOPTS), C(IP_RECVRETOPTS),
    C(IP_RETOPTS), C(IP_MULTICAST_IF), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP),
    C(IP_ADD_MEMBERSHIP), C(IP_DROP_MEMBERSHIP), C(IP_DEFAULT_MULTICAST_TTL),
    C(IP_DEFAULT_MULTICAST_LOOP), C(IP_MAX_MEMBERSHIPS), C(IP_TRANSPARENT),
    C(IP_BIND_ADDRESS_NO_PORT), C(IP_RECVTOS),
    C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF),
    C(IPV6_MULTICAST_LOOP), C(IPV6_UNICAST_HOPS), C(IPV6_V6ONLY), C(IPV6_CHECKSUM),
    C(IPV6_DONTFRAG), C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT), C(IPV6_HOPOPTS), C(IPV6_NEXTHOP),
    C(IPV6_PATHMTU), C(IPV6_PKTINFO), C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT),
    C(IPV6_RECVHOPOPTS), C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR), C(IPV6_RECVTCLASS),
    C(IPV6_RTHDR), C(IPV6_RTHDRDSTOPTS), C(IPV6_RTHDR_TYPE_0), C(IPV6_RECVPATHMTU),
    C(IPV6_TCLASS),
    C(TCP_NODELAY), C(TCP_MAXSEG), C(TCP_CORK), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL),
    C(TCP_KEEPCNT), C(TCP_SYNCNT), C(TCP_LINGER2), C(TCP_DEFER_ACCEPT),
    C(TCP_WINDOW_CLAMP), C(TCP_INFO), C(TCP_QUICKACK), C(TCP_FASTOPEN),
    C(TCP_CONGESTION), C(TCP_USER_TIMEOUT), C(TCP_NOTSENT_LOWAT),
    C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR),
    C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_V4MAPPED),
    C(AI_ALL), C(AI_ADDRCONFIG),
    C(NI_NUMERICHOST), C(NI_NUMERICSERV), C(NI_NOFQDN), C(NI_NAMEREQD), C(NI_DGRAM),
    C(NI_MAXHOST), C(NI_MAXSERV),
    C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY),
    C(EAI_MEMORY), C(EAI_NODATA), C(EAI_NONAME), C(EAI_OVERFLOW), C(EAI_SERVICE),
    C(EAI_SOCKTYPE), C(EAI_SYSTEM),
};
#undef C

int ksocket_add_constants(KValue module) {
    return kmod_add_ints(module, constants, KMOD_NINTS(constants));
}
