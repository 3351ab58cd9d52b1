# open() argument checking and the closed-file errors of every layer, with
# CPython's messages; FileIO's own mode and descriptor checks.
import io
P = "io_tmp_open_args.txt"
def t(f):
    try: r = f(); print("ok", repr(r))
    except Exception as e: print(type(e).__name__, e)
open(P,"w").write("hello\nworld\n")
f = open(P,"rb", buffering=0); f.close()
t(lambda: f.read()); t(lambda: f.write(b"x")); t(lambda: f.seek(0)); t(lambda: f.tell()); t(lambda: f.fileno()); t(lambda: f.readable()); t(lambda: f.isatty())
f = open(P,"rb"); f.close()
t(lambda: f.read()); t(lambda: f.read1()); t(lambda: f.peek()); t(lambda: f.seek(0)); t(lambda: f.tell()); t(lambda: f.flush()); t(lambda: f.readline()); t(lambda: f.fileno()); t(lambda: f.readable()); t(lambda: next(f))
f = open(P,"wb"); f.close()
t(lambda: f.write(b"x")); t(lambda: f.flush()); t(lambda: f.tell())
f = open(P,"r"); f.close()
t(lambda: f.read()); t(lambda: f.readline()); t(lambda: f.seek(0)); t(lambda: f.tell()); t(lambda: f.write("x")); t(lambda: f.flush()); t(lambda: f.fileno()); t(lambda: next(f)); t(lambda: f.readable())
t(lambda: repr(f)); t(lambda: repr(f.buffer)); t(lambda: repr(f.buffer.raw))
f = io.StringIO(); f.close(); t(lambda: f.read()); t(lambda: f.write("x")); t(lambda: f.getvalue()); t(lambda: f.tell());t(lambda: f.readable())
f = io.BytesIO(); f.close(); t(lambda: f.read()); t(lambda: f.write(b"x")); t(lambda: f.getvalue()); t(lambda: f.tell()); t(lambda: f.readable())
f = open(P,"rb", buffering=0); t(lambda: f.write(b"x")); t(lambda: f.truncate())
f = open(P,"r"); t(lambda: f.write("x")); t(lambda: f.truncate()); t(lambda: f.buffer.write(b"x"));
f = open(P,"w"); t(lambda: f.read()); t(lambda: f.buffer.read()); t(lambda: f.readline())
t(lambda: open(P, "rw")); t(lambda: open(P, "rr")); t(lambda: open(P, "rU")); t(lambda: open(P, "z")); t(lambda: open(P, "rbt")); t(lambda: open(P, "rb", encoding="x"));  t(lambda: open(P, "rb", errors="x")); t(lambda: open(P, "rb", newline="x")); t(lambda: open(P, "r", newline="x")); t(lambda: open(P, "r", buffering=0)); t(lambda: open(P, 5)); t(lambda: open(P, encoding=5)); t(lambda: open(P, newline=5)); t(lambda: open(1.5)); t(lambda: open([])); t(lambda: open("nonexist/x")); t(lambda: open(".")); t(lambda: open(P, "x")); t(lambda: open(P, closefd=False)); t(lambda: open(-3)); t(lambda: open(P, buffering="1")); t(lambda: open(P, encoding="nope")); t(lambda: open("a\0b")); t(lambda: io.FileIO(P, "rw")); t(lambda: io.FileIO(P, "r+r")); t(lambda: io.FileIO(P, "q")); t(lambda: io.FileIO(P, "b"));t(lambda: open(P, ""));
t(lambda: open(P, "r", errors=5)); t(lambda: open(P, "r", opener=lambda p,f: "x")); t(lambda: open(P, "r", opener=lambda p,f: -2)); t(lambda: open(P, "rb", 1))

f = io.FileIO(P, "w+")
print(repr(f) == "<_io.FileIO name=%r mode='rb+' closefd=True>" % P, f.mode, f.closefd, f.name == P)
print(f.write(b"data"), f.tell(), f.seekable(), f.isatty(), f.readable(), f.writable())
fd = f.fileno()
g = io.FileIO(fd, "r", closefd=False)
print(g.name == fd, g.mode, g.closefd, g.read(), g.seek(0), g.read(2), g.readall())
print(repr(g).startswith("<_io.FileIO name=%d mode='rb' closefd=False" % fd))
g.close()
print(g.closed, f.closed, repr(g))
f.close()
for mode, expect in [("r", "rb"), ("r+", "rb+"), ("w", "wb"), ("w+", "rb+"), ("a", "ab"), ("a+", "ab+"), ("rb+", "rb+")]:
    with io.FileIO(P, mode) as h:
        print(mode, h.mode == expect, h.readable(), h.writable())
with open(P, "rb") as h:
    print(h.read(), h.raw.read(), h.mode, h.buffer if False else "")
try:
    import os
    os.remove(P)
except (ImportError, OSError):
    pass
