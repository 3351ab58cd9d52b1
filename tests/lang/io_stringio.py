# io.StringIO: reading, writing past the end, seek/tell/truncate, the
# newline argument, iteration and the closed state.
import io

def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = io.StringIO()
print(s.write("hello"), s.write(" wörld\n"), s.tell(), repr(s.getvalue()))
print(s.seek(0), repr(s.read(3)), repr(s.read()), repr(s.read()), s.tell())
print(s.seek(2), s.write("LL"), repr(s.getvalue()), s.tell())
print(s.seek(20), s.write("!"), repr(s.getvalue()), len(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell(), s.truncate(), repr(s.getvalue()))
print(s.seek(0, 2), s.seek(0, 1), s.seek(0))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.line_buffering, s.encoding, s.errors)

s = io.StringIO("a\nbb\nccc\n\ndd")
print(s.readline(), repr(s.readline(1)), repr(s.readline(-1)), s.readlines())
s.seek(0)
print(list(s), s.tell())
s.seek(0)
print([len(line) for line in s])
s.seek(0)
print(s.readlines(3))

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("x\ny\r\nz\rw", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
    s = io.StringIO(newline=nl)
    s.write("1\n2\r\n3\r4")
    s.seek(0)
    print(repr(nl), repr(s.read()), repr(s.newlines))

print(repr(io.StringIO(None).getvalue()), repr(io.StringIO("\U0001F600x").read(1)))
t(lambda: io.StringIO(b"x"))
t(lambda: io.StringIO(newline="x"))
t(lambda: io.StringIO(newline=1))
s = io.StringIO("abc")
t(lambda: s.write(b"x"))
t(lambda: s.seek(-1))
t(lambda: s.seek(1, 1))
t(lambda: s.seek(1, 2))
t(lambda: s.seek(0, 3))
t(lambda: s.truncate(-1))
t(lambda: s.read("2"))
t(lambda: s.readline(2.0))
with io.StringIO("ctx") as s:
    print(s.read(), s.closed)
print(s.closed)
for op in [s.read, s.getvalue, s.tell, s.readable, lambda: s.write("x"), lambda: next(s)]:
    t(op)
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), issubclass(io.StringIO, io.TextIOBase))

class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())
u = Upper()
print(u.write("abc"), u.getvalue())
u.writelines(["x", "y"])
print(u.getvalue())
print(type(u).__mro__[1].__name__)
