# TextIOWrapper's set-up over buffered objects: whether it asks the buffer
# through its methods (an attribute set on the instance hides the type's
# method) and where it thinks the stream starts (the BOM of UTF-16/32 and
# utf-8-sig), for seekable files at and after position 0 and for pipes.
import io
import os
import tempfile

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "f")


def contents():
    with open(path, "rb") as f:
        return f.read()


def writer(prefix=b""):
    b = io.BufferedWriter(io.FileIO(path, "w"))
    if prefix:
        b.write(prefix)
    return b


def show(label, make, encoding):
    try:
        t = make(encoding)
        t.write("hi")
        t.close()
        print(label, encoding, contents())
    except Exception as e:
        print(label, encoding, "raised", type(e).__name__, e)


for enc in ["utf-8", "utf-16", "utf-32", "utf-8-sig", "utf-16-le", "latin-1"]:
    show("at start", lambda e: io.TextIOWrapper(writer(), encoding=e), enc)
    show("after data", lambda e: io.TextIOWrapper(writer(b"ab"), encoding=e), enc)


def tell_says_zero(e):
    b = writer(b"ab")
    b.tell = lambda: 0
    return io.TextIOWrapper(b, encoding=e)


def tell_says_five(e):
    b = writer()
    b.tell = lambda: 5
    return io.TextIOWrapper(b, encoding=e)


def tell_says_text(e):
    b = writer()
    b.tell = lambda: "zero"
    return io.TextIOWrapper(b, encoding=e)


def tell_fails(e):
    b = writer()
    b.tell = lambda: 1 / 0
    return io.TextIOWrapper(b, encoding=e)


def not_seekable(e):
    b = writer()
    b.seekable = lambda: False
    b.tell = lambda: 1 / 0
    return io.TextIOWrapper(b, encoding=e)


def not_writable(e):
    b = writer()
    b.writable = lambda: False
    b.tell = lambda: 1 / 0
    return io.TextIOWrapper(b, encoding=e)


def other_attr(e):
    b = writer(b"ab")
    b.note = "unrelated"
    return io.TextIOWrapper(b, encoding=e)


for make in [tell_says_zero, tell_says_five, tell_says_text, tell_fails, not_seekable,
             not_writable, other_attr]:
    for enc in ["utf-16", "utf-32", "utf-8-sig", "utf-8"]:
        show(make.__name__, make, enc)

# A closed raw stream underneath.
b = writer()
b.raw.close()
try:
    io.TextIOWrapper(b, encoding="utf-16")
except ValueError as e:
    print("closed raw:", e)

# Pipes are not seekable: no BOM for UTF-16/32, one for utf-8-sig.
for enc in ["utf-16", "utf-32", "utf-8-sig", "utf-8"]:
    r, w = os.pipe()
    t = io.TextIOWrapper(io.BufferedWriter(io.FileIO(w, "w")), encoding=enc)
    print("pipe", enc, t.seekable(), t.buffer.seekable())
    t.write("hi")
    t.write("!")
    t.flush()
    print("pipe", enc, os.read(r, 100))
    t.close()
    os.close(r)

# Seeking back to 0 starts the stream again; reading a file back.
t = open(path, "w+", encoding="utf-16")
t.write("ab")
t.seek(0)
print(t.read())
t.seek(0)
t.write("cd")
t.seek(0, 2)
t.write("ef")
t.close()
print(contents())
with open(path, encoding="utf-16") as f:
    print(repr(f.read()), f.seekable(), f.writable(), f.readable())

# The standard streams' attributes (not their buffering, which -u changes).
import sys
for s in [sys.stdout, sys.stderr]:
    print(s.name, s.mode, s.encoding, s.errors, s.buffer.name, s.writable(), s.readable(),
          s.closed, s.fileno(), s.newlines, s is sys.__stdout__ or s is sys.__stderr__)
print(sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.stdin.errors, sys.stdin.fileno())

os.remove(path)
os.rmdir(tmp)
