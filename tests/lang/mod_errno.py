# errno: the constants, errorcode (aliases resolve as CPython's), and how
# OSError picks its subclass from an errno and keeps errno, strerror,
# filename and filename2.
import errno
import os

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EWOULDBLOCK], errno.errorcode[errno.EDEADLK],
      errno.errorcode[errno.EOPNOTSUPP])
print(len(errno.errorcode) >= 120, all(getattr(errno, n) == c for c, n in errno.errorcode.items()))
print(list(errno.errorcode)[:6], sorted(errno.errorcode)[:6])
names = [n for n in dir(errno) if n.startswith("E")]
print(len(names) > len(errno.errorcode), "ENOTSUP" in names, errno.ENOTSUP == errno.EOPNOTSUPP)
print(type(errno.errorcode).__name__, errno.__name__)

cases = [errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM,
         errno.EINTR, errno.EPIPE, errno.ESHUTDOWN, errno.ECHILD, errno.ESRCH, errno.ETIMEDOUT,
         errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EAGAIN, errno.EALREADY,
         errno.EINPROGRESS, errno.EINVAL, errno.EBADF, 99999]
for code in cases:
    e = OSError(code, "msg")
    print(errno.errorcode.get(code, code), type(e).__name__, e.errno, e.strerror, e.args, str(e))

e = OSError(errno.ENOENT, "No such file", "a.txt")
print(type(e).__name__, e.filename, e.filename2, e.args, str(e))
e = OSError(errno.ENOENT, "No such file", "a.txt", None, "b.txt")
print(type(e).__name__, e.filename, e.filename2, e.args, str(e))
e = OSError(errno.EEXIST, "exists", None)
print(type(e).__name__, e.filename, e.args, str(e))
e = OSError("just a message")
print(type(e).__name__, e.errno, e.strerror, e.args, str(e))
e = OSError(1, 2, 3, 4, 5, 6)
print(type(e).__name__, e.errno, e.args)
e = FileNotFoundError(errno.EACCES, "x")
print(type(e).__name__, e.errno)
print(os.error is OSError, IOError is OSError, EnvironmentError is OSError)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(FileExistsError, OSError))

try:
    os.stat("/nonexistent-krait-path/x")
except OSError as exc:
    print(type(exc).__name__, exc.errno == errno.ENOENT, exc.strerror == os.strerror(errno.ENOENT),
          exc.filename, repr(exc))
try:
    os.kill(2**30, 0)
except ProcessLookupError as exc:
    print("kill", exc.errno == errno.ESRCH, exc.filename)
try:
    os.waitpid(-1, 0)
except ChildProcessError as exc:
    print("waitpid", errno.errorcode[exc.errno])
print(os.strerror(errno.EACCES), os.strerror(errno.EEXIST))
