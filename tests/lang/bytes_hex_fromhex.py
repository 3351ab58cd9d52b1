# hex() with every separator form and bytes_per_sep from -5 to 5 on bytes,
# bytearray and memoryview; fromhex with whitespace and bad input.
datas = [b"", b"\x00", b"\xab", b"\x01\x02", b"abc", b"\x00\xff\x10\x20\x7f", bytes(range(9))]
for d in datas:
    print(d.hex(), bytearray(d).hex(), memoryview(d).hex())
    for sep in [":", "-", b"_", " ", b"\x00"[0:0] + b"|"]:
        row = []
        for n in range(-5, 6):
            row.append(d.hex(sep, n))
        print(sep, row)
    print(d.hex(sep=":"), d.hex(bytes_per_sep=2, sep="."), bytearray(d).hex("/", -2), memoryview(d).hex("+", 3))
for sep in ["", "ab", b"ab", "\xe9", b"\xe9", 1, None]:
    try:
        print(repr(sep), b"ab".hex(sep))
    except (TypeError, ValueError) as e:
        print(repr(sep), type(e).__name__, e)
for n in ["1", 1.0, 2**70, -2**70]:
    try:
        print(repr(n), b"abcd".hex(":", n))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(n), type(e).__name__, e)
texts = ["", "00", "ff", "FF", "0a 0B", " 01  02 ", "\t01\n02\r03\x0b04\x0c", "deadbeef", "DEAD BEEF 00"]
for t in texts:
    print(repr(t), bytes.fromhex(t), bytearray.fromhex(t))
bad = ["0", "0g", "g0", "1 2", "012", "01 0", "\xe9\xe9", "0\u00a01", "01\x00", "zz", " 0 "]
for t in bad:
    try:
        print(repr(t), bytes.fromhex(t))
    except ValueError as e:
        print(repr(t), e)
for arg in [b"00", 5, None]:
    try:
        bytes.fromhex(arg)
    except TypeError as e:
        print(repr(arg), e)
class B(bytes):
    pass
class BA(bytearray):
    pass
print(type(B.fromhex("41")).__name__, B.fromhex("41"), type(BA.fromhex("41")).__name__)
print(all(bytes.fromhex(bytes([i]).hex()) == bytes([i]) for i in range(256)))
