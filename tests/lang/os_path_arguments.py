# os: how path, fd and dir_fd arguments are converted and refused (CPython's
# path_t): str, bytes, os.PathLike (what __fspath__ returns is what errors
# name), ints where an fd is allowed, embedded NULs, surrogates, and the
# argument-count messages of the functions.
import os

base = "/tmp/krait-os_path_arguments-%d" % os.getpid()
os.mkdir(base)

def t(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__ if not isinstance(r, (str, bytes, bool, int, list)) else r)
    except Exception as e:
        print(label, "!", type(e).__name__, str(e).replace(base, "B"))

class P:
    def __init__(self, v):
        self.v = v
    def __fspath__(self):
        return self.v

class Bad:
    __fspath__ = None

class B(bytes):
    pass

t("fspath str", lambda: os.fspath("a"))
t("fspath bytes", lambda: os.fspath(b"a"))
t("fspath sub", lambda: type(os.fspath(B(b"x"))).__name__)
t("fspath P", lambda: os.fspath(P("p")))
t("fspath P bytes", lambda: os.fspath(P(b"p")))
t("fspath int", lambda: os.fspath(1))
t("fspath P int", lambda: os.fspath(P(1)))
t("fspath None attr", lambda: os.fspath(Bad()))
t("fspath kw", lambda: os.fspath(path="k"))

t("stat float", lambda: os.stat(1.5))
t("stat list", lambda: os.stat([]))
t("stat None", lambda: os.stat(None))
t("lstat int", lambda: os.lstat(3))
t("listdir float", lambda: os.listdir(1.5))
t("mkdir None", lambda: os.mkdir(None))
t("rename int", lambda: os.rename(1, "x"))
t("rename dst", lambda: os.rename("x", 2.0))
t("stat nul", lambda: os.stat("a\0b"))
t("stat bytes nul", lambda: os.stat(b"a\0b"))
t("open nul", lambda: os.open(b"x\0", 0))
t("surrogate", lambda: os.stat("\udcff\ud800"))
t("escaped", lambda: os.stat(os.path.join(base, "\udcff")))
t("P missing", lambda: os.stat(P(os.path.join(base, "missing"))))
t("P bytes missing", lambda: os.stat(P(os.path.join(base, "missing").encode())))
t("P int", lambda: os.stat(P(3)))
t("P None", lambda: os.stat(Bad()))
t("fd big", lambda: os.stat(2**40))
t("fd small", lambda: os.stat(-2**40))
t("fd bad", lambda: os.stat(987654))
t("dir_fd str", lambda: os.stat("x", dir_fd="a"))
t("dir_fd float", lambda: os.stat("x", dir_fd=1.5))
t("fd and dir_fd", lambda: os.stat(987654, dir_fd=4))
t("fd no follow", lambda: os.stat(987654, follow_symlinks=False))
t("chmod fd no follow", lambda: os.chmod(987654, 0o644, follow_symlinks=False))
t("utime fd dir_fd", lambda: os.utime(987654, dir_fd=4))

t("stat 2 pos", lambda: os.stat("a", 1))
t("stat 3 pos", lambda: os.stat("a", 1, 2))
t("stat none", lambda: os.stat())
t("stat bogus", lambda: os.stat(path=base, bogus=1))
t("stat twice", lambda: os.stat(base, path=base))
t("stat kw", lambda: os.stat(path=base))
t("listdir 2", lambda: os.listdir("a", "b"))
t("open 4", lambda: os.open("x", 0, 0, 0))
t("open 1", lambda: os.open("x"))
t("open kw", lambda: os.open(path=os.path.join(base, "kw"), flags=os.O_CREAT | os.O_WRONLY, mode=0o600) > 2)
t("read 1", lambda: os.read(1))
t("close float", lambda: os.close(1.5))
t("close str", lambda: os.close("a"))
t("close big", lambda: os.close(2**40))
t("close kw", lambda: os.close(fd=987654))
t("write str", lambda: os.write(1, "text"))
t("getcwd arg", lambda: os.getcwd(1))
t("umask none", lambda: os.umask())
t("kill 1 arg", lambda: os.kill(1))
t("utime both", lambda: os.utime(base, (1, 2), ns=(1, 2)))
t("utime times int", lambda: os.utime(base, 5))
t("utime ns int", lambda: os.utime(base, ns=5))
t("utime str times", lambda: os.utime(base, ("a", 1)))
t("utime float ns", lambda: os.utime(base, ns=(1.5, 2)))
t("chown str", lambda: os.chown(base, "a", 1))
t("chown low", lambda: os.chown(base, -2, 1))
t("mkdir mode", lambda: os.mkdir(os.path.join(base, "m"), "x"))
t("access mode", lambda: os.access(base, "x"))
t("truncate len", lambda: os.truncate(base, "a"))


t("dup none", lambda: os.dup())
t("isatty 2", lambda: os.isatty(1, 2))
t("urandom none", lambda: os.urandom())
t("waitpid 1", lambda: os.waitpid(1))
t("killpg 3", lambda: os.killpg(1, 2, 3))
t("getpgid none", lambda: os.getpgid())
t("lseek 1", lambda: os.lseek(1))
t("sendfile 3", lambda: os.sendfile(1, 2, 3))
t("terminal 2", lambda: os.get_terminal_size(1, 2))
t("strerror str", lambda: os.strerror("x"))
t("listdir bytes", lambda: os.listdir(base.encode()))
t("listdir P bytes", lambda: os.listdir(P(base.encode())))
t("readlink P", lambda: os.readlink(P(base)))
fd = os.open(os.path.join(base, "kw"), os.O_RDONLY)
t("fstat kw", lambda: os.fstat(fd=fd).st_size)
t("stat fd", lambda: os.stat(fd).st_size)
t("stat bool", lambda: os.stat(False).st_mode > 0)
os.close(fd)
t("stat fd closed", lambda: os.stat(fd))
os.unlink(os.path.join(base, "kw"))
os.rmdir(base)
print("cleaned", os.path.exists(base))

# A bytes-like path still works, with CPython's DeprecationWarning, and
# gives bytes results.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("bytearray", os.stat(bytearray(b"/")).st_mode == os.stat("/").st_mode,
          type(os.listdir(bytearray(b"/"))[0]).__name__)
    try:
        os.stat(memoryview(b"/nonexistent-krait"))
    except FileNotFoundError as e:
        print("memoryview", type(e.filename).__name__)
    for w in caught:
        print(w.category.__name__, w.message)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        os.lstat(bytearray(b"/"))
    except DeprecationWarning as e:
        print("as error", e)
