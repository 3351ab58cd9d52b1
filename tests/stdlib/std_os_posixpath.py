# posixpath and genericpath from CPython's library over a real tree: the
# queries (exists, isdir, isfile, islink, getsize, getmtime, samefile),
# realpath through links and loops, abspath/relpath/commonpath/commonprefix,
# expanduser, and the pure string functions on str and bytes;
# stat.py's helpers on real modes.
import os
import posixpath
import stat

base = "/tmp/krait-std_os_posixpath-%d" % os.getpid()
os.makedirs(posixpath.join(base, "d1", "d2"))
def touch(p, data=b""):
    fd = os.open(p, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, data)
    os.close(fd)
touch(posixpath.join(base, "d1", "f.txt"), b"12345")
os.symlink("d1/f.txt", posixpath.join(base, "lf"))
os.symlink("d1", posixpath.join(base, "ld"))
os.symlink("loop2", posixpath.join(base, "loop1"))
os.symlink("loop1", posixpath.join(base, "loop2"))

def rel(p):
    return p.replace(base, "B") if isinstance(p, str) else p.replace(base.encode(), b"B")

for name in ("d1", "d1/f.txt", "lf", "ld", "loop1", "missing", "d1/d2"):
    p = posixpath.join(base, name)
    print(name, posixpath.exists(p), posixpath.lexists(p), posixpath.isdir(p), posixpath.isfile(p),
          posixpath.islink(p), posixpath.ismount(p))
print("sizes", posixpath.getsize(posixpath.join(base, "lf")), posixpath.getsize(base + "/d1/f.txt"))
print("times", posixpath.getmtime(base + "/lf") == os.stat(base + "/d1/f.txt").st_mtime,
      posixpath.getatime(base + "/lf") > 0, posixpath.getctime(base) > 0)
print("samefile", posixpath.samefile(base + "/lf", base + "/d1/f.txt"),
      posixpath.samefile(base + "/ld", base + "/d1"), posixpath.samefile(base, base + "/d1"))
try:
    posixpath.getsize(base + "/missing")
except FileNotFoundError as e:
    print("getsize", rel(e.filename))
print("realpath", rel(posixpath.realpath(base + "/lf")), rel(posixpath.realpath(base + "/ld/d2/../f.txt")),
      rel(posixpath.realpath(base + "/loop1")), rel(posixpath.realpath((base + "/ld").encode())))
here = os.getcwd()
os.chdir(base + "/d1")
print("abspath", rel(posixpath.abspath("d2/../x")), rel(posixpath.abspath(b".")), posixpath.relpath(base, base + "/d1/d2"))
print("relpath", posixpath.relpath("d2"), posixpath.relpath(base + "/ld", base + "/d1/d2"), posixpath.relpath(b"a/b", b"a"))
os.chdir(here)
print("ismount", posixpath.ismount("/"), posixpath.ismount(base))

print(posixpath.commonpath(["/usr/lib", "/usr/local/lib", "/usr/lib/python"]),
      posixpath.commonpath([b"a/b", b"a/c"]), posixpath.commonprefix(["interval", "internet", "inter"]))
for bad in ([], ["/a", "b"], ["a", b"b"]):
    try:
        posixpath.commonpath(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(posixpath.split("/a/b/c.txt"), posixpath.splitext("x/archive.tar.gz"), posixpath.splitext(".bashrc"),
      posixpath.basename(b"/a/b"), posixpath.dirname("/a/b/"), posixpath.splitdrive("/x"))
print(posixpath.normpath("/a//b/./c/../../d/"), posixpath.normpath(""), posixpath.normpath("//x/y"),
      posixpath.normpath("///x"), posixpath.normpath(b"a/../../b"), posixpath.isabs("a"), posixpath.isabs(b"/a"))
print(posixpath.join("a", "/b", "c"), posixpath.join(b"a", b"b/", b"c"), posixpath.join("a", ""))
try:
    posixpath.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
os.environ["HOME"] = "/home/someone"
print(posixpath.expanduser("~/x"), posixpath.expanduser(b"~/y"), posixpath.expanduser("~"), posixpath.expanduser("x~"))

mode = os.lstat(base + "/lf").st_mode
print(stat.S_ISLNK(mode), stat.filemode(mode)[0], stat.filemode(os.stat(base).st_mode)[0],
      stat.filemode(0o100755), stat.filemode(0o040700), stat.S_IFMT(os.stat(base + "/lf").st_mode) == stat.S_IFREG,
      stat.S_IMODE(0o104755), stat.filemode(0o020666), stat.filemode(0o010644), stat.filemode(0o140777))
print(stat.ST_MODE, stat.ST_SIZE, stat.S_IRWXU, stat.UF_IMMUTABLE, stat.SF_APPEND, stat.S_ISVTX)

for p in ("loop1", "loop2", "lf", "ld", "d1/f.txt"):
    os.unlink(posixpath.join(base, p))
os.rmdir(base + "/d1/d2")
os.rmdir(base + "/d1")
os.rmdir(base)
print("cleaned", posixpath.exists(base))
