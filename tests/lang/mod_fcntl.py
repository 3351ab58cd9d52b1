# The fcntl module: fcntl() with int and buffer arguments (descriptor flags,
# status flags, F_GETLK records), ioctl() on pipes with copied and mutated
# buffers, flock() and lockf(), descriptors as ints or fileno() objects, and
# CPython's errors.
import fcntl, os, tempfile, array
print(sorted(n for n in dir(fcntl) if not n.startswith('_')))
d = tempfile.mkdtemp()
path = os.path.join(d, "f.txt")
fd = os.open(path, os.O_RDWR | os.O_CREAT)
print(fcntl.fcntl(fd, fcntl.F_GETFD), fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDWR)
fcntl.fcntl(fd, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
print(fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC, os.get_inheritable(fd))
fl = fcntl.fcntl(fd, fcntl.F_GETFL)
fcntl.fcntl(fd, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(bool(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(fd))
import struct
lk = struct.pack("hhqqi4x", fcntl.F_WRLCK, 0, 0, 0, 0)
res = fcntl.fcntl(fd, fcntl.F_GETLK, lk)
print(len(res), struct.unpack("hhqqi4x", res)[0] == fcntl.F_UNLCK)
for f in [lambda: fcntl.fcntl(-1, fcntl.F_GETFD), lambda: fcntl.fcntl('x', 1), lambda: fcntl.fcntl(fd, fcntl.F_GETFL, 'abc'),
          lambda: fcntl.fcntl(fd, 1, b'x' * 2000), lambda: fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), lambda: fcntl.lockf(fd, fcntl.LOCK_UN),
          lambda: fcntl.flock(fd, fcntl.LOCK_SH), lambda: fcntl.flock(fd, fcntl.LOCK_UN), lambda: fcntl.ioctl(fd, 0x5401),
          lambda: fcntl.lockf(fd, 0), lambda: fcntl.fcntl(fd, fcntl.F_GETFD, 1.5), lambda: fcntl.fcntl(fd), lambda: fcntl.flock(fd),
          lambda: fcntl.fcntl(9999, fcntl.F_GETFD), lambda: fcntl.lockf(fd, fcntl.LOCK_SH, 10, 0, 0), lambda: fcntl.ioctl(fd, 0x5413, b"12345678"),
          lambda: fcntl.fcntl(fd, fcntl.F_GETFD, b"")]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class F:
    def fileno(self): return fd
print(fcntl.fcntl(F(), fcntl.F_GETFD))
with open(path, "w") as f:
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    f.write("locked")
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)
ba = bytearray(4)
try:
    print(fcntl.ioctl(r, 0x541B, ba, True), ba)   # FIONREAD
    os.write(w, b"xyz")
    print(fcntl.ioctl(r, 0x541B, ba), ba, fcntl.ioctl(r, 0x541B, bytes(4)), fcntl.ioctl(r, 0x541B, ba, False))
except Exception as e: print(type(e).__name__, e)
for x in (r, w, fd): os.close(x)
os.unlink(path); os.rmdir(d)
