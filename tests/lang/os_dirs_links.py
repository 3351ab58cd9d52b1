# os: directories and links: mkdir/makedirs/rmdir/removedirs, listdir by
# str, bytes, fd and None, chdir/getcwd, rename/replace, hard and symbolic
# links, readlink, walk and fwalk, dir_fd forms, and the errors naming files.
import os

base = "/tmp/krait-os_dirs_links-%d" % os.getpid()
os.makedirs(os.path.join(base, "a", "b", "c"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a"))
except FileExistsError as e:
    print("makedirs", e.errno, e.filename.endswith("/a"))

def touch(path, data=b""):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, data)
    os.close(fd)

touch(os.path.join(base, "one.txt"), b"1")
touch(os.path.join(base, "a", "two.txt"), b"22")
touch(os.path.join(base, "a", "b", "three.txt"), b"333")

print(sorted(os.listdir(base)))
print(sorted(os.listdir(base.encode())))
fd = os.open(base, os.O_RDONLY)
print(sorted(os.listdir(fd)), sorted(os.listdir(fd)))
print("stat dir_fd", os.stat("one.txt", dir_fd=fd).st_size, os.path.exists(os.path.join(base, "one.txt")))
os.mkdir("made_at", dir_fd=fd)
touch(os.path.join(base, "made_at", "x"))
os.rename("made_at", "renamed_at", src_dir_fd=fd, dst_dir_fd=fd)
print("renamed", sorted(os.listdir(base)))
os.unlink("renamed_at/x", dir_fd=fd)
os.rmdir("renamed_at", dir_fd=fd)
os.symlink("one.txt", "sym_at", dir_fd=fd)
print("readlink dir_fd", os.readlink("sym_at", dir_fd=fd))
print("lstat", os.stat("sym_at", dir_fd=fd, follow_symlinks=False).st_size == len("one.txt"))
os.unlink("sym_at", dir_fd=fd)
os.close(fd)

cwd = os.getcwd()
os.chdir(base)
print("cwd", os.getcwd() == base, os.getcwdb() == base.encode(), sorted(os.listdir()))
print("listdir None", sorted(os.listdir(None)) == sorted(os.listdir(".")))
os.chdir(os.path.join("a", "b"))
print("relative", os.getcwd().endswith("/a/b"), os.listdir("c"))
os.chdir(cwd)

os.link(os.path.join(base, "one.txt"), os.path.join(base, "hard.txt"))
print("nlink", os.stat(os.path.join(base, "one.txt")).st_nlink,
      os.path.samefile(os.path.join(base, "one.txt"), os.path.join(base, "hard.txt")))
os.symlink("a/two.txt", os.path.join(base, "soft"))
os.symlink("nowhere", os.path.join(base, "dangling"))
print("readlink", os.readlink(os.path.join(base, "soft")), os.readlink(os.path.join(base, "soft").encode()))
print("islink", os.path.islink(os.path.join(base, "soft")), os.path.exists(os.path.join(base, "dangling")),
      os.path.lexists(os.path.join(base, "dangling")))
print("follow", os.stat(os.path.join(base, "soft")).st_size, os.lstat(os.path.join(base, "soft")).st_size)
print("realpath", os.path.realpath(os.path.join(base, "soft")) == os.path.join(base, "a", "two.txt"))
try:
    os.readlink(os.path.join(base, "one.txt"))
except OSError as e:
    print("readlink file", type(e).__name__, e.errno)
try:
    os.stat(os.path.join(base, "dangling"))
except FileNotFoundError as e:
    print("dangling", e.filename == os.path.join(base, "dangling"))

os.rename(os.path.join(base, "hard.txt"), os.path.join(base, "moved.txt"))
touch(os.path.join(base, "target.txt"), b"old")
os.replace(os.path.join(base, "moved.txt"), os.path.join(base, "target.txt"))
print("replace", sorted(os.listdir(base)), os.stat(os.path.join(base, "target.txt")).st_size)
try:
    os.rename(os.path.join(base, "nope"), os.path.join(base, "other"))
except FileNotFoundError as e:
    print("rename", e.filename.endswith("nope"), e.filename2.endswith("other"), str(e).replace(base, "B"))
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print("rmdir", type(e).__name__, e.errno)
try:
    os.mkdir(os.path.join(base, "one.txt"))
except FileExistsError as e:
    print("mkdir", str(e).replace(base, "B"))
try:
    os.unlink(os.path.join(base, "a"))
except IsADirectoryError as e:
    print("unlink dir", e.errno)
try:
    os.listdir(os.path.join(base, "one.txt"))
except NotADirectoryError as e:
    print("listdir file", str(e).replace(base, "B"))

for root, dirs, files in os.walk(base):
    dirs.sort()
    print("walk", root.replace(base, "B"), dirs, sorted(files))
for root, dirs, files in os.walk(base, topdown=False):
    print("up", root.replace(base, "B"), sorted(dirs), sorted(files))
for root, dirs, files, rootfd in os.fwalk(base):
    dirs.sort()
    print("fwalk", root.replace(base, "B"), dirs, sorted(files), isinstance(rootfd, int))
for root, dirs, files in os.walk(base.encode()):
    print("bytes walk", type(root).__name__, sorted(files)[:1])
    break

os.unlink(os.path.join(base, "a", "b", "three.txt"))
os.removedirs(os.path.join(base, "a", "b", "c"))
print("removedirs", os.path.isdir(os.path.join(base, "a", "b")), os.path.isdir(os.path.join(base, "a")))
for root, dirs, files in os.walk(base, topdown=False):
    for name in files:
        os.unlink(os.path.join(root, name))
    for name in dirs:
        p = os.path.join(root, name)
        if os.path.islink(p):
            os.unlink(p)
        else:
            os.rmdir(p)
os.rmdir(base)
print("cleaned", os.path.exists(base))
