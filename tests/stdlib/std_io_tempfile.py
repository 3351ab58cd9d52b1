# tempfile's file objects are _io objects: TemporaryFile (open() on a
# descriptor from os.open), NamedTemporaryFile (a wrapper delegating to
# one), SpooledTemporaryFile (BytesIO or TextIOWrapper over BytesIO until it
# rolls over to a real file).
import io
import os
import tempfile

with tempfile.TemporaryFile() as f:
    print(type(f).__name__, f.mode, f.write(b"binary\ndata\n"), f.tell())
    f.seek(0)
    print(f.readlines(), f.readable(), f.writable(), f.seekable())
print(f.closed)

with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as f:
    print(type(f).__name__, f.mode, f.encoding, f.write("é\r\nx\n"))
    f.seek(0)
    print(f.readlines(), f.newlines)
    print(f.buffer.raw.mode, f.buffer.raw.closefd)

with tempfile.NamedTemporaryFile("w+b", suffix=".bin") as nt:
    print(nt.name.endswith(".bin"), os.path.exists(nt.name), nt.write(b"named"))
    nt.flush()
    with open(nt.name, "rb") as again:
        print(again.read())
    nt.seek(0)
    print(nt.read(), [line for line in nt])
    name = nt.name
print(os.path.exists(name))

sp = tempfile.SpooledTemporaryFile(max_size=10, mode="w+b")
print(sp._rolled, type(sp._file).__name__, sp.write(b"12345"), sp._rolled)
sp.seek(0)
print(sp.read(), sp.tell())
print(sp.write(b"67890abc"), sp._rolled, type(sp._file).__name__)
sp.seek(0)
print(sp.read())
sp.close()

st = tempfile.SpooledTemporaryFile(max_size=100, mode="w+", encoding="utf-8")
print(type(st._file).__name__, st.write("línea 1\nlínea 2\n"), st.tell() > 0)
st.seek(0)
print(st.readline(), st.readlines(), st.encoding, st.newlines)
st.rollover()
print(st._rolled, type(st._file).__name__)
st.seek(0)
print(repr(st.read()))
st.close()

d = tempfile.mkdtemp(prefix="krait-io-")
path = os.path.join(d, "data.txt")
with open(path, "x", encoding="utf-16") as f:
    f.write("first\n")
with open(path, "a", encoding="utf-16") as f:
    f.write("second\n")
with open(path, "rb") as f:
    raw = f.read()
print(len(raw), raw[:2], raw.count(b"\xff\xfe"))
with open(path, encoding="utf-16") as f:
    print(f.read().splitlines())
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == path)
os.remove(path)
try:
    open(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename == path)
os.rmdir(d)
print(os.path.exists(d))
