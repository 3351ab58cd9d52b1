# Binary files through open(): raw FileIO (buffering=0), BufferedReader,
# BufferedWriter, BufferedRandom; every mode, seek/tell, truncate, peek,
# read1, readinto, readline, append and exclusive creation.
P = "io_tmp_binary_files.bin"

def cleanup():
    try:
        import os
    except ImportError:
        return
    try:
        os.remove(P)
    except OSError:
        pass

def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

cleanup()
with open(P, "wb") as f:
    print(type(f).__name__, f.mode, f.name == P, f.writable(), f.readable(), f.seekable())
    print(f.write(b"hello\nworld\n"), f.write(bytearray(b"abc")), f.write(memoryview(b"xyz")))
    print(f.tell())
    t(lambda: f.read())
    t(lambda: f.write("text"))
print(f.closed)

with open(P, "rb") as f:
    print(type(f).__name__, f.mode, f.raw.mode, f.raw.closefd)
    print(f.read(3), f.tell(), f.peek(2)[:2], f.read1(4), f.tell())
    print(f.readline(), f.readline(2), f.readline())
    print(f.read(), f.read(), f.tell())
    print(f.seek(0), f.read(5), f.seek(-3, 2), f.read(), f.seek(2, 0), f.seek(3, 1), f.read(2))
    b = bytearray(4)
    print(f.seek(0), f.readinto(b), b, f.readinto1(memoryview(b)), b)
    t(lambda: f.seek(0, 5))
    t(lambda: f.write(b"x"))
    t(lambda: f.read(-2))
    print(list(f))
with open(P, "rb") as f:
    print(f.readlines())
with open(P, "rb") as f:
    print([line for line in f][:2])

with open(P, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd)
    print(f.read(5), f.tell(), f.readall()[:6], f.read(10), f.read())
    b = bytearray(3)
    f.seek(1)
    print(f.readinto(b), b)
    t(lambda: f.write(b"x"))
    print(f.readline(), f.readlines())

with open(P, "ab") as f:
    print(f.mode, f.tell(), f.write(b"+appended"), f.tell())
with open(P, "rb") as f:
    print(f.read())

with open(P, "r+b") as f:
    print(type(f).__name__, f.mode)
    print(f.read(5), f.write(b"_"), f.tell(), f.read(5))
    f.seek(0)
    print(f.read(12))
    print(f.seek(0, 2), f.write(b"END"), f.tell())
    print(f.truncate(8), f.tell())
    f.seek(0)
    print(f.read())
with open(P, "w+b") as f:
    print(f.read(), f.write(b"abcdef"), f.seek(2), f.read(2), f.write(b"XY"), f.tell())
    f.seek(0)
    print(f.read(), f.truncate(), f.truncate(3))
    f.seek(0)
    print(f.read())
with open(P, "a+b") as f:
    print(f.mode, f.tell(), f.read(), f.seek(0), f.read(), f.write(b"Z"), f.tell())
with open(P, "rb") as f:
    print(f.read())

t(lambda: open(P, "xb"))
t(lambda: open(P, "x"))
t(lambda: open(P, "x+b"))

# A big write goes around the buffer and keeps the order.
with open(P, "wb", buffering=16) as f:
    f.write(b"ab")
    f.write(b"c" * 40)
    f.write(b"d")
    print(f.tell())
with open(P, "rb", buffering=4) as f:
    print(f.read(3), f.read(10), f.peek(1)[:1], len(f.read()))

f = open(P, "rb")
f.close()
f.close()
print(f.closed, repr(f))
t(lambda: f.read())
t(lambda: f.fileno())
t(lambda: open(P, "rb", buffering=0).read(-5)[:3])
cleanup()
