# Tests int.to_bytes/int.from_bytes: byteorders, signedness, lengths, overflow errors, defaults, and round trips.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

for n in [0, 1, 127, 128, 255, 256, 65535, 2 ** 31, 2 ** 64 - 1]:
    print(n, n.to_bytes(9, "big"), n.to_bytes(9, "little"))
for n in [-1, -128, -129, 127, -(2 ** 63)]:
    print(n, n.to_bytes(8, "big", signed=True), n.to_bytes(8, "little", signed=True))
show("0 length zero", lambda: (0).to_bytes(0, "big"))
show("1 length zero", lambda: (1).to_bytes(0, "big"))
show("256 in 1", lambda: (256).to_bytes(1, "big"))
show("128 signed 1", lambda: (128).to_bytes(1, "big", signed=True))
show("-129 signed 1", lambda: (-129).to_bytes(1, "big", signed=True))
show("-1 unsigned", lambda: (-1).to_bytes(1, "big"))
show("bad order", lambda: (1).to_bytes(1, "middle"))
show("negative length", lambda: (1).to_bytes(-1, "big"))
show("defaults", lambda: (5).to_bytes())
show("default too big", lambda: (300).to_bytes())
show("kw", lambda: (258).to_bytes(length=2, byteorder="little"))
for b in [b"", b"\x00", b"\x01", b"\xff", b"\x00\xff", b"\xff\x00", b"\x80\x00\x00\x00", b"\x01" * 10]:
    print(b, int.from_bytes(b, "big"), int.from_bytes(b, "little"), int.from_bytes(b, "big", signed=True), int.from_bytes(b, "little", signed=True))
print(int.from_bytes([1, 0], "big"), int.from_bytes(bytearray(b"\x02"), "big"), int.from_bytes((255,), "big"), int.from_bytes(b"\x01\x02"))
show("from str", lambda: int.from_bytes("ab", "big"))
show("from int list bad", lambda: int.from_bytes([256], "big"))
show("bad order from", lambda: int.from_bytes(b"\x01", "x"))
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x05", "big")
print(type(r).__name__, r)
for n in [0, 1, 2 ** 100, 12345678901234567890]:
    length = (n.bit_length() + 7) // 8 or 1
    assert int.from_bytes(n.to_bytes(length, "little"), "little") == n
    print(n, length, n.to_bytes(length, "big").hex())
for n in [-1, -(2 ** 100), 2 ** 100 - 1]:
    length = (n.bit_length() + 8) // 8
    print(n, length, int.from_bytes(n.to_bytes(length, "big", signed=True), "big", signed=True) == n)
print(bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
