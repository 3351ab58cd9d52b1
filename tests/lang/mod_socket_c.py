# The _socket module on its own: socket objects (creation, blocking modes and
# timeouts, options, names), socketpair, the address forms of AF_INET,
# AF_INET6 and AF_UNIX, name resolution from /etc/hosts and /etc/services,
# the byte-order and inet_* conversions, and CPython's errors for bad input.
import _socket as S

s = S.socket()
print(s, s.family, s.type, s.proto, s.timeout, s.gettimeout(), s.getblocking())
print(type(s).__module__, type(s).__name__, S.SocketType is S.socket, S.error is OSError,
      S.timeout is TimeoutError, S.herror.__mro__[1:3], S.gaierror.__module__)
s.settimeout(2.5)
print(s.timeout, s.gettimeout(), s.getblocking())
s.setblocking(False)
print(s.timeout, s.getblocking())
s.settimeout(None)
print(s.timeout, s.getblocking())
s.settimeout(3)
print(repr(s.timeout))
print(S.getdefaulttimeout())
S.setdefaulttimeout(1.5)
t = S.socket()
print(t.gettimeout(), S.getdefaulttimeout())
S.setdefaulttimeout(None)
t.close()
print(S.socket(S.AF_INET, S.SOCK_DGRAM | S.SOCK_NONBLOCK).timeout)


def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


attempt("settimeout str", lambda: s.settimeout("x"))
attempt("settimeout neg", lambda: s.settimeout(-1))
attempt("settimeout nan", lambda: s.settimeout(float("nan")))
attempt("bind big port", lambda: s.bind(("127.0.0.1", 70000)))
attempt("bind str", lambda: s.bind("x"))
attempt("bind int host", lambda: s.bind((1, 2)))
attempt("bind 1-tuple", lambda: s.bind(("x",)))
attempt("connect str port", lambda: s.connect(("127.0.0.1", "a")))
attempt("bad family", lambda: S.socket(999))
attempt("recv negative", lambda: s.recv(-1))
attempt("send str", lambda: s.send("str"))
attempt("setsockopt 2 args", lambda: s.setsockopt(1, 2))
attempt("listen str", lambda: s.listen("a"))
attempt("negative fileno", lambda: S.socket(fileno=-5))
attempt("getpeername", lambda: s.getpeername())
attempt("bad inet6 flowinfo", lambda: S.socket(S.AF_INET6).bind(("::1", 0, 2 ** 21)))
attempt("bad inet6 tuple", lambda: S.socket(S.AF_INET6).bind(("::1",)))
attempt("inet6 str", lambda: S.socket(S.AF_INET6).bind("x"))
attempt("unix int", lambda: S.socket(S.AF_UNIX).bind(5))
attempt("unix long", lambda: S.socket(S.AF_UNIX).bind("x" * 200))
attempt("bad address", lambda: S.socket().bind(("300.1.1.1", 0)))

u = S.socket(S.AF_UNIX)
print(repr(u.getsockname()))
u.bind(b"\0krait-mod-socket-c-abstract")
print(u.getsockname())
u.close()
print(u, u.fileno())
attempt("send on closed", lambda: u.send(b"x"))

a, b = S.socketpair()
print(a.family, a.type, repr(a.getsockname()), type(a).__name__)
print(a.send(b"ping"), b.recv(10))
buf = bytearray(8)
a.sendall(b"0123456789")
print(b.recv_into(buf), bytes(buf), b.recv(5))
a.sendall(memoryview(b"abcdef")[2:])
print(b.recv(10))
attempt("recv_into bytes", lambda: b.recv_into(b"xx"))
attempt("recv_into too many", lambda: b.recv_into(bytearray(2), 5))
b.settimeout(0.01)
attempt("recv timeout", lambda: b.recv(1))
b.setblocking(False)
attempt("recv nonblocking", lambda: b.recv(1))
fd = S.dup(a.fileno())
print(fd != a.fileno())
d = S.socket(fileno=fd)
print(d.family, d.detach() == fd, d.fileno())
e = S.socket(fileno=fd)
print(e.family, e.type, e.proto)
e.close()
a.shutdown(S.SHUT_WR)
b.setblocking(True)
print(b.recv(10))
a.close()
b.close()

print(s.getsockopt(S.SOL_SOCKET, S.SO_TYPE) == S.SOCK_STREAM,
      s.getsockopt(S.SOL_SOCKET, S.SO_REUSEADDR))
s.setsockopt(S.SOL_SOCKET, S.SO_REUSEADDR, 1)
print(s.getsockopt(S.SOL_SOCKET, S.SO_REUSEADDR) != 0,
      len(s.getsockopt(S.SOL_SOCKET, S.SO_LINGER, 8)))
s.close()

print(S.getaddrinfo("localhost", 80, S.AF_INET, S.SOCK_STREAM))
print(S.getaddrinfo("127.0.0.1", "http", 0, S.SOCK_STREAM))
print(S.getaddrinfo(None, 0, S.AF_INET6, S.SOCK_DGRAM, 0, S.AI_PASSIVE))
print(S.getaddrinfo(b"127.0.0.1", b"80", S.AF_INET, S.SOCK_DGRAM))
print(S.getaddrinfo("::1", 80, 0, S.SOCK_STREAM, 0, S.AI_NUMERICHOST))
print(S.getaddrinfo(host="127.0.0.1", port=None, family=S.AF_INET, type=S.SOCK_STREAM))
print(S.getnameinfo(("127.0.0.1", 80), S.NI_NUMERICHOST | S.NI_NUMERICSERV))
print(S.gethostbyname("localhost"), S.gethostbyname("127.0.0.1"),
      S.gethostbyaddr("127.0.0.1")[0], S.gethostbyname_ex("localhost")[2])
print(S.getservbyname("http", "tcp"), S.getservbyname("domain"), S.getservbyport(443),
      S.getservbyport(53, "udp"), S.getprotobyname("udp"), S.getprotobyname("tcp"))
attempt("getaddrinfo int host", lambda: S.getaddrinfo(5, 80))
attempt("getaddrinfo float port", lambda: S.getaddrinfo("localhost", 1.5))
attempt("getaddrinfo bad service", lambda: S.getaddrinfo("127.0.0.1", "no-such-service"))
attempt("getaddrinfo bad numeric", lambda: S.getaddrinfo("x", 80, 0, 0, 0, S.AI_NUMERICHOST))
attempt("getnameinfo str", lambda: S.getnameinfo("x", 0))
attempt("getnameinfo 1-tuple", lambda: S.getnameinfo(("127.0.0.1",), 0))
attempt("getservbyname", lambda: S.getservbyname("nope"))
attempt("getservbyport range", lambda: S.getservbyport(70000))
attempt("getservbyport", lambda: S.getservbyport(1, "nope"))
attempt("getprotobyname", lambda: S.getprotobyname("nope"))

print(S.htons(1), S.ntohs(256), S.htonl(1), S.ntohl(16777216))
for f, v in [(S.htons, -1), (S.htons, 70000), (S.htonl, -1), (S.htonl, 2 ** 32),
             (S.htons, "a")]:
    attempt(f.__name__ + " " + repr(v), lambda: f(v))
print(S.inet_aton("1.2"), S.inet_aton("10.0.0.1"), S.inet_ntoa(b"\x7f\0\0\1"))
print(S.inet_pton(S.AF_INET6, "::1"), S.inet_ntop(S.AF_INET6, b"\0" * 15 + b"\1"),
      S.inet_pton(S.AF_INET, "192.168.1.2"), S.inet_ntop(S.AF_INET, bytearray(b"\x01\x02\x03\x04")))
attempt("inet_aton", lambda: S.inet_aton("1.2.3.4.5"))
attempt("inet_ntoa", lambda: S.inet_ntoa(b"12"))
attempt("inet_ntop len", lambda: S.inet_ntop(S.AF_INET, b"123"))
attempt("inet_ntop family", lambda: S.inet_ntop(99, b"1234"))
attempt("inet_pton", lambda: S.inet_pton(S.AF_INET, "1.2.3"))
attempt("inet_pton family", lambda: S.inet_pton(99, "a"))
print(S.if_nametoindex("lo"), S.if_indextoname(1), (1, "lo") in S.if_nameindex())
attempt("if_nametoindex", lambda: S.if_nametoindex("nope0"))
print(S.AF_INET, S.AF_INET6, S.AF_UNIX, S.SOCK_STREAM, S.SOCK_DGRAM, S.SOL_SOCKET,
      S.IPPROTO_TCP, S.TCP_NODELAY, S.SHUT_RDWR, S.AI_PASSIVE, S.EAI_NONAME, S.has_ipv6)
