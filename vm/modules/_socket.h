// vm/modules/_socket.h: what the files of the _socket module share (private
// to vm/modules/_socket*.c): the socket object, socket addresses to and from
// Python values, and the module's exceptions.
#ifndef KRAIT_VM_MODULES_SOCKET_H
#define KRAIT_VM_MODULES_SOCKET_H

#include <sys/socket.h>

#include "../func.h"
#include "../object.h"

// _socket.socket: a descriptor, its family, type and protocol, and its
// timeout (seconds; negative: blocking, None in Python; 0: non-blocking).
// While the timeout is not negative the descriptor is in O_NONBLOCK mode and
// each call waits for readiness with poll() first.
typedef struct KSocket {
    KOBJ_HEAD;
    int fd; // -1 once closed or detached
    int family, socktype, proto;
    double timeout;
} KSocket;

extern KType ksocket_type;
// socket.herror and socket.gaierror (subclasses of OSError).
extern KValue ksocket_herror, ksocket_gaierror;
// The timeout new sockets start with (setdefaulttimeout; negative: None).
extern double ksocket_default_timeout;

// Any socket address, large enough for every family.
typedef union KSockAddr {
    struct sockaddr sa;
    struct sockaddr_storage storage;
} KSockAddr;

// Parses the Python address 'v' for a socket of 'family' into 'addr' and
// '*len', with CPython's messages naming 'caller' ("bind(): AF_INET address
// must be tuple, not str"); host names are resolved. -1 on error.
K_MUST_CHECK int ksocket_parse_addr(int family, KValue v, const char *caller, KSockAddr *addr,
                                    socklen_t *len);
// The Python value of the address 'addr' of 'len' bytes: (host, port) for
// AF_INET, (host, port, flowinfo, scope_id) for AF_INET6, the path (bytes
// for Linux's abstract names) for AF_UNIX; None when 'len' is 0.
KValue ksocket_make_addr(const struct sockaddr *addr, socklen_t len);
// Raises socket.gaierror for getaddrinfo's 'code' (OSError from errno for
// EAI_SYSTEM); returns KV_NULL.
KValue ksocket_gai_error(int code);
// The socket object methods and module functions of _socket_addr.c.
extern const KMethodDef ksocket_addr_functions[];
// Adds the module's constants (AF_*, SOCK_*, SO_*, ...); -1 on error.
K_MUST_CHECK int ksocket_add_constants(KValue module);

#endif
