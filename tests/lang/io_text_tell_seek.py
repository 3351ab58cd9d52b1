# TextIOWrapper.tell()/seek(): cookies that restore the exact position,
# after readline, read(n), across multi-byte characters and '\r\n', and the
# errors CPython raises.
P = "io_tmp_text_tell_seek.txt"

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

with open(P, "w", encoding="utf-8", newline="") as f:
    f.write("alpha\nbéta\r\ngamma €\rdelta\n")
    print(f.tell())

with open(P, encoding="utf-8") as f:
    positions = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        positions.append((pos, line))
    print([(p if p < 2**64 else "cookie", l) for p, l in positions])
    for pos, line in reversed(positions):
        f.seek(pos)
        print(pos if pos < 2**64 else "cookie", f.readline() == line)

# read(n) stops inside a chunk: the cookie records the characters to skip.
for enc in ["utf-8", "cp1252", "utf-16"]:
    with open(P, "w", encoding=enc) as f:
        f.write("0123€56789\nabc")
    with open(P, encoding=enc) as f:
        marks = []
        for n in [1, 3, 1, 2, 4, 2]:
            marks.append((f.tell(), f.read(n)))
        print(enc, [m[1] for m in marks])
        for cookie, chunk in marks:
            f.seek(cookie)
            print(f.read(len(chunk)) == chunk, end=" ")
        print()

# '\r\n' translated: a tell between '\r' and '\n' still round-trips.
with open(P, "w", newline="") as f:
    f.write("a\r\nb\r\nc")
with open(P) as f:
    a = f.read(1)
    c1 = f.tell()
    b = f.read(1)
    c2 = f.tell()
    rest = f.read()
    f.seek(c1)
    print(repr(a), repr(b), repr(rest), f.read(1) == b)
    f.seek(c2)
    print(f.read() == rest)

with open(P, "w") as f:
    f.write("line1\nline2\n")
with open(P) as f:
    t(lambda: f.seek(1, 1))
    t(lambda: f.seek(1, 2))
    t(lambda: f.seek(0, 3))
    t(lambda: f.seek(-1))
    print(f.seek(0, 2), f.read(), f.seek(0), f.readline(), f.seek(0, 1) == f.tell())
    for line in f:
        t(lambda: f.tell())
    print(f.tell())

# Writing after a seek in r+ mode.
with open(P, "r+") as f:
    f.readline()
    pos = f.tell()
    f.seek(pos)
    f.write("LINE2")
    f.seek(0)
    print(repr(f.read()))
with open(P, "a+") as f:
    print(f.tell())
    f.write("more\n")
    f.seek(0)
    print(f.read().splitlines())
cleanup()
