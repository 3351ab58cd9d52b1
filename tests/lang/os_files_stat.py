# os: files through descriptors (open/read/write/lseek/pread/pwrite/dup/pipe,
# truncate), the stat family and os.stat_result, chmod/utime/access/umask,
# in a private directory removed at the end.
import os
import stat

base = "/tmp/krait-os_files_stat-%d" % os.getpid()
os.mkdir(base)
f = os.path.join(base, "data.bin")

fd = os.open(f, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
print("write", os.write(fd, b"hello, world\n"), os.write(fd, bytearray(b"abc")),
      os.write(fd, memoryview(b"xyz")))
print("inheritable", os.get_inheritable(fd), "blocking", os.get_blocking(fd))
os.set_inheritable(fd, True)
os.set_blocking(fd, False)
print("inheritable", os.get_inheritable(fd), "blocking", os.get_blocking(fd))
os.fsync(fd)
os.close(fd)

st = os.stat(f)
print("size", st.st_size, st[6] == st.st_size, len(st), type(st).__name__)
print("mode", oct(stat.S_IMODE(st.st_mode)), stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode))
print("times", st.st_mtime == st[8] or isinstance(st.st_mtime, float), type(st[8]).__name__,
      type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
print("ns", st.st_mtime_ns // 10**9 == st[8], abs(st.st_mtime - st.st_mtime_ns / 1e9) < 1e-3)
print("nlink", st.st_nlink, st.st_uid == os.getuid(), st.st_blksize > 0)
print("same", os.stat(f) == st, os.path.samestat(os.stat(f), os.lstat(f)))

fd = os.open(f, os.O_RDWR)
print("fstat", os.fstat(fd).st_size, os.fstat(fd).st_ino == st.st_ino)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100), os.read(fd, 10))
print("seek", os.lseek(fd, -3, os.SEEK_END), os.read(fd, 3), os.lseek(fd, 2, os.SEEK_SET))
print("pread", os.pread(fd, 4, 7), os.lseek(fd, 0, os.SEEK_CUR))
print("pwrite", os.pwrite(fd, b"W", 0), os.pread(fd, 6, 0))
fd2 = os.dup(fd)
print("dup", fd2 != fd, os.get_inheritable(fd2), os.lseek(fd2, 0, os.SEEK_CUR))
os.close(fd2)
os.ftruncate(fd, 5)
print("ftruncate", os.fstat(fd).st_size)
os.close(fd)
os.truncate(f, 3)
print("truncate", os.stat(f).st_size, os.path.getsize(f))
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    os.read(fd, -1)
except OSError as e:
    print(type(e).__name__, e)

r, w = os.pipe()
print("pipe", os.get_inheritable(r), os.write(w, b"through the pipe"), os.read(r, 7), os.read(r, 100))
os.close(w)
print("eof", os.read(r, 10))
os.close(r)

os.chmod(f, 0o600)
print("chmod", oct(stat.S_IMODE(os.stat(f).st_mode)))
fd = os.open(f, os.O_RDONLY)
os.chmod(fd, 0o644)
print("fchmod", oct(stat.S_IMODE(os.fstat(fd).st_mode)))
os.close(fd)

os.utime(f, (1000000000, 1200000000.5))
st = os.stat(f)
print("utime", st.st_atime, st.st_mtime, st[7], st[8], st.st_mtime_ns)
os.utime(f, ns=(5 * 10**9 + 1, 7 * 10**9 + 999))
st = os.stat(f)
print("utime ns", st.st_atime_ns, st.st_mtime_ns, st.st_atime)
# Beyond 2**63 nanoseconds (the year 2286): st_atime_ns is a big int.
os.utime(f, ns=(10**10 * 10**9 + 7, 0))
print("far future", os.stat(f).st_atime_ns, os.stat(f).st_atime, os.stat(f)[7])
os.utime(f)
print("utime now", os.stat(f).st_mtime > 1200000000)

print("access", os.access(f, os.F_OK), os.access(f, os.R_OK), os.access(base + "/none", os.F_OK))
old = os.umask(0o077)
print("umask", oct(os.umask(old)))
fd = os.open(os.path.join(base, "masked"), os.O_CREAT | os.O_WRONLY, 0o777)
os.close(fd)
os.umask(0o027)
fd = os.open(os.path.join(base, "masked2"), os.O_CREAT | os.O_WRONLY, 0o777)
os.close(fd)
os.umask(old)
print("masked", oct(stat.S_IMODE(os.stat(os.path.join(base, "masked2")).st_mode)))

try:
    os.open(os.path.join(base, "masked"), os.O_CREAT | os.O_EXCL | os.O_WRONLY)
except FileExistsError as e:
    print("excl", e.errno, e.filename == os.path.join(base, "masked"))
try:
    os.open(os.path.join(base, "missing"), os.O_RDONLY)
except FileNotFoundError as e:
    print("missing", e.strerror)

for name in sorted(os.listdir(base)):
    os.unlink(os.path.join(base, name))
os.rmdir(base)
print("cleaned", os.path.exists(base))
