# Text files: universal newlines on read, newline= translation on write,
# the newlines attribute, readline(size), line iteration.
P = "io_tmp_text_newlines.txt"

def cleanup():
    try:
        import os
    except ImportError:
        return
    try:
        os.remove(P)
    except OSError:
        pass

def write_bytes(b):
    with open(P, "wb") as f:
        f.write(b)

def read_bytes():
    with open(P, "rb") as f:
        return f.read()

data = b"one\ntwo\r\nthree\rfour\n\nlast"
for nl in [None, "", "\n", "\r", "\r\n"]:
    write_bytes(data)
    with open(P, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, f.newlines)
    with open(P, newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open(P, newline=nl) as f:
        got = []
        for line in f:
            got.append(line)
        print(repr(nl), len(got), got[-1:])

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(P, "w", newline=nl) as f:
        print(repr(nl), f.write("a\nb\r\nc\rd\n"))
    print(repr(nl), read_bytes())

write_bytes(b"abcdefgh\nij\n")
with open(P) as f:
    print(repr(f.readline(3)), repr(f.readline(0)), repr(f.readline(100)), repr(f.readline(-1)))
    print(repr(f.readline()), repr(f.readline()))
with open(P) as f:
    print(repr(f.read(0)), repr(f.read(4)), repr(f.read(100)), repr(f.read()))

# A '\r\n' split over a chunk boundary is still one line ending.
write_bytes(b"x" * 8191 + b"\r\n" + b"y\r\n" + b"z")
with open(P) as f:
    lines = f.readlines()
    print(len(lines), [len(l) for l in lines], repr(lines[0][-3:]), repr(f.newlines))
with open(P, newline="") as f:
    lines = f.readlines()
    print(len(lines), [len(l) for l in lines], repr(lines[0][-3:]), repr(f.newlines))
with open(P, newline="\r\n") as f:
    lines = f.readlines()
    print(len(lines), [len(l) for l in lines])
with open(P, newline="\r\n") as f:
    f._CHUNK_SIZE = 3
    print([len(l) for l in f])

# newlines over several reads
write_bytes(b"a\rb\nc\r\n")
with open(P) as f:
    print(f.newlines)
    f.readline()
    print(repr(f.newlines))
    f.read()
    print(f.newlines)

with open(P, "w") as f:
    f.writelines(["x\n", "y\n", "z"])
with open(P) as f:
    print(f.readlines(), f.readline() == "")
with open(P) as f:
    print(f.readlines(2))
cleanup()
