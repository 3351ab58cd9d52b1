# io.BytesIO: reads and writes at any position, zero padding, truncate,
# getbuffer() views that write through and forbid resizing while alive.
import io

def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = io.BytesIO(b"hello world\nsecond line\nthird")
print(b.read(5), b.tell(), b.read1(3), b.readline(), b.readline(3), b.readline())
print(b.readlines(), b.read(), b.tell())
print(b.seek(0), b.readlines(13), b.seek(-5, 2), b.read(), b.seek(3, 1), b.read())
print(b.seek(-100, 2), b.seek(100), b.read(), b.tell())
print(b.write(b"!"), len(b.getvalue()), b.getvalue()[-3:])
print(b.truncate(5), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
print(b.seek(0), b.write(bytearray(b"HE")), b.write(memoryview(b"LL")), b.getvalue())
buf = bytearray(3)
print(b.seek(1), b.readinto(buf), buf, b.readinto(buf), buf)
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())

b = io.BytesIO()
print(b.getvalue(), b.read(), b.write(b""), b.tell())
b.writelines([b"a\n", b"b\n"])
b.seek(0)
print(list(b), [x for x in io.BytesIO(b"1\n2")])

b = io.BytesIO(b"abcdef")
view = b.getbuffer()
print(len(view), bytes(view[:3]))
view[0] = ord("A")
print(b.getvalue())
t(lambda: b.write(b"x"))
t(lambda: b.truncate(2))
t(lambda: b.close())
print(b.read(2), b.seek(0))
view.release()
print(b.write(b"zz"), b.getvalue())
with b.getbuffer() as v2:
    print(bytes(v2))
b.close()
print(b.closed)
for op in [b.read, b.getvalue, b.tell, b.readable, lambda: b.write(b"x"), b.getbuffer, lambda: next(b)]:
    t(op)

t(lambda: io.BytesIO("text"))
b = io.BytesIO(b"xyz")
t(lambda: b.write("text"))
t(lambda: b.seek(-1))
t(lambda: b.seek(0, 3))
t(lambda: b.truncate(-1))
t(lambda: b.read("1"))
t(lambda: b.seek(1.5))
print(b.read(None), b.seek(0), b.read(-1))
with io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed, isinstance(c, io.BufferedIOBase), isinstance(c, io.IOBase))

class Counting(io.BytesIO):
    def __init__(self, data):
        super().__init__(data)
        self.reads = 0
    def read(self, n=-1):
        self.reads += 1
        return super().read(n)
c = Counting(b"abc")
print(c.read(1), c.read(), c.reads, c.getvalue())
