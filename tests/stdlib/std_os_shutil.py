# shutil, glob, fnmatch and tempfile from CPython's library over a real
# tree: copyfile/copy2/copytree with ignore patterns and symlinks,
# move, rmtree (the fd-based version os.py's supports_* sets select) and
# its onerror, which, disk_usage, chown by name; glob and fnmatch
# patterns; mkstemp/mkdtemp/TemporaryDirectory/NamedTemporaryFile.
import fnmatch
import glob
import os
import shutil
import stat
import tempfile

print("fd functions", shutil._use_fd_functions, shutil.rmtree.avoids_symlink_attacks)
with tempfile.TemporaryDirectory(prefix="krait-std_os_shutil-") as base:
    print("tempdir", os.path.isdir(base), os.path.basename(base).startswith("krait-std_os_shutil-"),
          oct(stat.S_IMODE(os.stat(base).st_mode)))
    src = os.path.join(base, "src")
    os.makedirs(os.path.join(src, "pkg", "sub"))
    for rel, text in (("a.py", "print(1)\n"), ("b.txt", "bee\n"), ("pkg/c.py", "c = 3\n"),
                      ("pkg/sub/d.log", "log\n"), ("pkg/sub/e.py", "")):
        with open(os.path.join(src, rel), "w") as f:
            f.write(text)
    os.symlink("a.py", os.path.join(src, "link.py"))
    os.chmod(os.path.join(src, "a.py"), 0o751)
    os.utime(os.path.join(src, "a.py"), (1000000000, 1100000000))

    def rel(paths):
        return sorted(os.path.relpath(p, base) for p in paths)

    print("glob", rel(glob.glob(os.path.join(src, "*.py"))))
    print("recursive", rel(glob.glob(os.path.join(src, "**", "*.py"), recursive=True)))
    print("iglob", rel(glob.iglob(os.path.join(src, "pkg", "*", "?.log"))))
    print("root_dir", sorted(glob.glob("**/*.log", root_dir=src, recursive=True)))
    print("hidden", glob.glob(os.path.join(src, ".*")), glob.escape("a[b]*?"))
    print("fnmatch", fnmatch.fnmatch("x.PY", "*.py"), fnmatch.fnmatchcase("x.PY", "*.py"),
          fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"), fnmatch.translate("[!a-c]*.?"))

    dst = os.path.join(base, "dst.py")
    print("copyfile", os.path.relpath(shutil.copyfile(os.path.join(src, "a.py"), dst), base),
          open(dst).read() == "print(1)\n", oct(stat.S_IMODE(os.stat(dst).st_mode)) != "0o751")
    shutil.copymode(os.path.join(src, "a.py"), dst)
    print("copymode", oct(stat.S_IMODE(os.stat(dst).st_mode)))
    c2 = shutil.copy2(os.path.join(src, "a.py"), os.path.join(base, "c2.py"))
    print("copy2", os.stat(c2).st_mtime, oct(stat.S_IMODE(os.stat(c2).st_mode)))
    c1 = shutil.copy(os.path.join(src, "b.txt"), base)
    print("copy into dir", os.path.relpath(c1, base))
    try:
        shutil.copyfile(dst, dst)
    except shutil.SameFileError as e:
        print("SameFileError", type(e).__mro__[1].__name__)

    tree = os.path.join(base, "tree")
    shutil.copytree(src, tree, symlinks=True, ignore=shutil.ignore_patterns("*.log"))
    print("copytree", rel(os.path.join(r, f) for r, _, fs in os.walk(tree) for f in fs),
          os.path.islink(os.path.join(tree, "link.py")))
    try:
        shutil.copytree(src, tree)
    except FileExistsError as e:
        print("exists", os.path.relpath(e.filename, base))
    shutil.copytree(src, tree, dirs_exist_ok=True)
    print("dirs_exist_ok", os.path.isfile(os.path.join(tree, "pkg", "sub", "d.log")))

    moved = shutil.move(os.path.join(base, "c2.py"), os.path.join(base, "tree"))
    print("move", os.path.relpath(moved, base), os.path.exists(os.path.join(base, "c2.py")))
    shutil.move(os.path.join(base, "tree", "pkg"), os.path.join(base, "pkg2"))
    print("move dir", sorted(os.listdir(os.path.join(base, "pkg2"))))

    errors = []
    shutil.rmtree(os.path.join(base, "missing"), onerror=lambda f, p, e: errors.append((f.__name__, e[0].__name__)))
    print("onerror", errors)
    try:
        shutil.rmtree(os.path.join(src, "link.py"))
    except OSError as e:
        print("rmtree link", e)
    shutil.rmtree(os.path.join(base, "tree"))
    print("rmtree", sorted(os.listdir(base)))

    print("which", shutil.which("sh") is not None, shutil.which("no-such-krait-tool"),
          os.path.relpath(shutil.which("a.py", path=src), base), shutil.which("b.txt", path=src))
    du = shutil.disk_usage(base)
    print("disk_usage", du.total >= du.used >= 0, du.free > 0, type(du).__name__)
    shutil.chown(os.path.join(base, "dst.py"), user="root", group=0)
    print("chown", os.stat(os.path.join(base, "dst.py")).st_uid)
    try:
        shutil.chown(os.path.join(base, "dst.py"))
    except ValueError as e:
        print("ValueError", e)

    fd, path = tempfile.mkstemp(suffix=".tmp", dir=base)
    os.write(fd, b"temp")
    os.close(fd)
    print("mkstemp", path.endswith(".tmp"), oct(stat.S_IMODE(os.stat(path).st_mode)), os.path.getsize(path))
    d = tempfile.mkdtemp(dir=base)
    print("mkdtemp", oct(stat.S_IMODE(os.stat(d).st_mode)), os.listdir(d))
    with tempfile.NamedTemporaryFile(dir=base, mode="w+") as nt:
        nt.write("named")
        nt.flush()
        nt.seek(0)
        print("named", nt.read(), os.path.exists(nt.name))
    print("named gone", os.path.exists(nt.name))
    print("gettempdir", os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix())
print("cleaned", os.path.exists(base))

import shlex
print(shlex.split("a 'b c' \"d e\" f\\ g # comment", comments=True), shlex.quote("it's"), shlex.join(["a b", "c"]))
lex = shlex.shlex("x=1; y = 'two'", posix=True, punctuation_chars=True)
print(list(lex))
