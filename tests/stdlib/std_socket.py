# socket.py over krait's _socket: TCP over the loopback (create_connection,
# accept, sendall/recv, makefile, timeouts, shutdown, refused connections),
# UDP, AF_UNIX with a path, socketpair, select on sockets, the enums.
import errno
import os
import select
import socket
import tempfile

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.family, srv.type, repr(srv.family), repr(srv.type))
print(repr(srv).startswith("<socket.socket fd="), "laddr=('127.0.0.1'" in repr(srv))
cli = socket.create_connection((host, port), timeout=5)
conn, addr = srv.accept()
print(addr[0], addr[1] == cli.getsockname()[1], conn.getpeername() == cli.getsockname())
print(cli.gettimeout(), conn.gettimeout(), conn.getblocking())
cli.sendall(b"hello " * 5000)
got = b""
while len(got) < 30000:
    got += conn.recv(4096)
print(len(got), got[:12])
buf = bytearray(10)
cli.send(b"0123456789abc")
n = conn.recv_into(buf)
print(n, bytes(buf), conn.recv(3))
conn.settimeout(0.05)
try:
    conn.recv(10)
except TimeoutError as e:
    print("TimeoutError", e, isinstance(e, socket.timeout), isinstance(e, OSError))
conn.setblocking(False)
try:
    conn.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN)
conn.setblocking(True)
r, w, x = select.select([conn], [cli], [], 1)
print(r, w == [cli], x)
f = cli.makefile("rwb")
f.write(b"line one\nline two\n")
f.flush()
g = conn.makefile("r", encoding="utf-8")
print(repr(g.readline()), repr(g.readline()))
cli.shutdown(socket.SHUT_WR)
print(conn.recv(10))
for s in (f, g, cli, conn, srv):
    s.close()
print(cli.fileno(), cli._closed)

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u1, \
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u2:
    u1.bind(("127.0.0.1", 0))
    u2.bind(("127.0.0.1", 0))
    u1.sendto(b"datagram", u2.getsockname())
    data, frm = u2.recvfrom(100)
    print(data, frm == u1.getsockname())
    u2.sendto(b"back", 0, frm)
    buf = bytearray(16)
    nbytes, frm2 = u1.recvfrom_into(buf)
    print(nbytes, frm2 == u2.getsockname(), bytes(buf[:4]))
print(u1._closed)

a, b = socket.socketpair()
print(a.family, a.type, type(a).__name__)
a.send(b"ping")
print(b.recv(4))
fd = a.detach()
print(fd >= 0, a.fileno())
c = socket.socket(fileno=fd)
print(c.family, c.type)
c.close()
b.close()

s = socket.socket()
s.bind(("127.0.0.1", 0))
free = s.getsockname()[1]
s.close()
try:
    socket.create_connection(("127.0.0.1", free), timeout=2)
except ConnectionRefusedError as e:
    print("refused", e.errno == errno.ECONNREFUSED)
s = socket.socket()
print(s.connect_ex(("127.0.0.1", free)) == errno.ECONNREFUSED)
s.close()

d = tempfile.mkdtemp()
path = os.path.join(d, "sock")
us = socket.socket(socket.AF_UNIX)
us.bind(path)
us.listen(1)
uc = socket.socket(socket.AF_UNIX)
uc.connect(path)
ua, _ = us.accept()
print(us.getsockname() == path, uc.getpeername() == path, repr(ua.getpeername()))
uc.sendall(b"unix!")
print(ua.recv(10))
for s in (ua, uc, us):
    s.close()
os.unlink(path)
os.rmdir(d)

print(socket.getfqdn("127.0.0.1") != "", socket.has_ipv6,
      socket.gethostname() == os.uname().nodename)
print(socket.SocketKind.SOCK_DGRAM, socket.AddressFamily.AF_UNIX, socket.inet_aton("10.0.0.1"))
print([c.__name__ for c in socket.socket.__mro__])
ss = socket.socket()
ss.settimeout(3)
print(ss.timeout, ss.gettimeout())
ss.close()
print(socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_STREAM))
print(sorted(set(n for n in dir(socket) if n.startswith("AF_")) & {"AF_INET", "AF_UNIX"}))
