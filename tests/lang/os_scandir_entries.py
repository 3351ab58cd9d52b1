# os.scandir and os.DirEntry: names and paths for str, bytes, PathLike and
# fd arguments, is_dir/is_file/is_symlink with and without following links,
# cached stat results, the context manager and close(), errors.
import os
import stat

base = "/tmp/krait-os_scandir_entries-%d" % os.getpid()
os.mkdir(base)
os.mkdir(os.path.join(base, "sub"))
fd = os.open(os.path.join(base, "file"), os.O_WRONLY | os.O_CREAT, 0o644)
os.write(fd, b"12345")
os.close(fd)
os.symlink("file", os.path.join(base, "link_file"))
os.symlink("sub", os.path.join(base, "link_dir"))
os.symlink("missing", os.path.join(base, "link_broken"))

def show(entries):
    for e in sorted(entries, key=lambda e: e.name):
        print(" ", repr(e), e.name, e.path.replace(base, "B") if isinstance(e.path, str) else e.path.replace(base.encode(), b"B"),
              e.is_dir(), e.is_dir(follow_symlinks=False), e.is_file(), e.is_file(follow_symlinks=False),
              e.is_symlink(), e.inode() == os.lstat(e.path).st_ino)

with os.scandir(base) as it:
    print(type(it).__name__, iter(it) is it)
    show(it)
print("bytes")
show(os.scandir(base.encode()))

class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p

print("pathlike")
show(os.scandir(P(base)))

entries = {e.name: e for e in os.scandir(base)}
e = entries["file"]
st = e.stat()
print("stat", st.st_size, stat.S_ISREG(st.st_mode), e.stat() is st, e.stat(follow_symlinks=False) is st)
l = entries["link_file"]
print("link stat", l.stat().st_size, stat.S_ISLNK(l.stat(follow_symlinks=False).st_mode),
      l.stat() is l.stat(), l.stat() is l.stat(follow_symlinks=False))
b = entries["link_broken"]
print("broken", b.is_dir(), b.is_file(), b.is_symlink(), stat.S_ISLNK(b.stat(follow_symlinks=False).st_mode))
try:
    b.stat()
except FileNotFoundError as exc:
    print("broken stat", exc.filename.replace(base, "B"))
print("fspath", os.fspath(e).replace(base, "B"), os.path.join(e, "x").replace(base, "B"))

# The entry keeps what it knew when the file is gone.
os.unlink(os.path.join(base, "file"))
print("after unlink", e.is_file(), e.stat().st_size, entries["link_file"].is_file())
fd = os.open(os.path.join(base, "file"), os.O_WRONLY | os.O_CREAT, 0o644)
os.close(fd)

it = os.scandir(base)
first = next(it)
it.close()
it.close()
print("closed", list(it), isinstance(first, os.DirEntry))
with os.scandir(base) as it:
    pass
print("after with", list(it))

dfd = os.open(base, os.O_RDONLY)
names = sorted((e.name, e.path, e.is_dir(), e.is_symlink()) for e in os.scandir(dfd))
print("fd", names)
print("fd stat", [e.stat().st_size for e in os.scandir(dfd) if e.name == "link_file"])
print("fd again", len(list(os.scandir(dfd))))
os.close(dfd)

cwd = os.getcwd()
os.chdir(base)
print("default", sorted(e.path for e in os.scandir()), sorted(e.path for e in os.scandir(".")))
os.chdir(cwd)

for bad in (42.0, [base], None):
    try:
        os.scandir(bad) if bad is not None else print("none ok", type(os.scandir(None)).__name__)
    except TypeError as exc:
        print("TypeError", exc)
try:
    os.scandir(os.path.join(base, "nothing"))
except FileNotFoundError as exc:
    print("missing", str(exc).replace(base, "B"))
try:
    os.DirEntry()
except TypeError as exc:
    print("DirEntry()", exc)
print(os.DirEntry[str])

for name in os.listdir(base):
    p = os.path.join(base, name)
    if os.path.isdir(p) and not os.path.islink(p):
        os.rmdir(p)
    else:
        os.unlink(p)
os.rmdir(base)
print("cleaned", os.path.exists(base))
