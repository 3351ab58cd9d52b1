# Tests memoryview over bytes/bytearray: indexing, slicing without copy, tobytes/tolist, writes through to bytearray, readonly errors, release.

data = bytearray(b"abcdef")
mv = memoryview(data)
print(len(mv), mv[0], mv[-1], mv[1:3].tobytes(), mv.tolist(), mv.readonly, mv.nbytes, mv.itemsize, mv.format, mv.ndim, mv.shape)
mv[0] = ord("A")
mv[1:3] = b"BC"
print(data)
sub = mv[2:5]
sub[0] = ord("x")
print(data, sub.tobytes(), bytes(sub), sub.obj is data)
ro = memoryview(b"readonly")
print(ro.readonly, ro[::2].tobytes(), ro[::-1].tobytes(), list(ro[:3]))
try:
    ro[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    mv[0:2] = b"xyz"
except ValueError as e:
    print(type(e).__name__, e)
try:
    mv[0] = 256
except ValueError as e:
    print(type(e).__name__, e)
try:
    mv[10]
except IndexError as e:
    print(type(e).__name__, e)
print(mv == data, mv == b"ABxdef", memoryview(b"ab") == memoryview(b"ab"), memoryview(b"a") == "a")
print(b"".join([mv[:1], mv[1:2]]), bytes(mv[::2]), mv.hex(), mv[1:4].hex())
with memoryview(b"ctx") as m2:
    print(m2.tobytes())
try:
    m2.tobytes()
except ValueError as e:
    print(type(e).__name__, e)
ints = memoryview(bytearray(b"\x01\x00\x02\x00")).cast("H")
print(ints.tolist(), ints.format, ints.itemsize, len(ints), ints.nbytes)
try:
    data.append(1)
except BufferError as e:
    print(type(e).__name__, e)
mv.release()
sub.release()
data.append(ord("!"))
print(data)
print(memoryview(b"abc").toreadonly().readonly, hash(memoryview(b"abc")) == hash(b"abc"))
try:
    hash(memoryview(bytearray(b"x")))
except ValueError as e:
    print(type(e).__name__, e)
try:
    memoryview("str")
except TypeError as e:
    print(type(e).__name__, e)
