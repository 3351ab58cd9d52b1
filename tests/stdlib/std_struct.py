# struct (through _struct): sizes and native alignment, every format
# character in every byte order, half/single/double floats with their
# special values and rounding, s/p strings, pack_into/unpack_from with
# offsets, iter_unpack, and the Struct type.
import struct

print(struct.__all__)
print(struct.error.__module__, struct.error.__name__, struct.error.__mro__[1].__name__)

# Sizes: native ('@') aligns each item to its size, '=' '<' '>' '!' never.
fmts = ["x", "c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d",
        "s", "p", "n", "N", "P", "ci", "ic", "bhilq", "qilhb", "b0i", "b0q", "3si", "xd",
        "e?", "5pP", "c2hx", "0s", "s0s", "10x", " i i ", "b\th\nq", "2c3h", "0i", "?d?"]
for f in fmts:
    sizes = [struct.calcsize(f)]
    for order in "=<>!":
        try:
            sizes.append(struct.calcsize(order + f))
        except struct.error as e:
            sizes.append(str(e))
    print(repr(f), sizes)

# Integers: both ends of each range in each byte order, round trip.
ranges = {"b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
          "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "q": (-2**63, 2**63 - 1),
          "Q": (0, 2**64 - 1)}
for code, (lo, hi) in ranges.items():
    for order in "@=<>!":
        for v in (lo, hi, 0, 1, (lo + hi) // 3):
            b = struct.pack(order + code, v)
            back = struct.unpack(order + code, b)[0]
            assert back == v, (order, code, v, back)
        print(order + code, struct.pack(order + code, hi).hex(), struct.pack(order + code, lo).hex())
print(struct.pack("<l", -2), struct.pack(">L", 2**32 - 2), struct.pack("@l", -2**63))
print(struct.pack("@n", -5), struct.pack("@N", 2**64 - 1), struct.pack("@P", 2**63))
print(struct.unpack("@nNP", struct.pack("@nNP", -7, 7, 2**64 - 1)))
print(struct.pack(">hHiI", -2, 65534, -3, 7), struct.unpack(">hHiI", b"\xff\xfe\xff\xfe\xff\xff\xff\xfd\x00\x00\x00\x07"))
print(struct.pack("<qQ", -1, 1), struct.pack(">qQ", -1, 1))

# Booleans and __index__.
print(struct.pack("???", 0, [1], ""), struct.unpack("???", b"\x00\x02\xff"))
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
print(struct.pack("<hQ", Idx(-3), Idx(2**64 - 1)), struct.pack("i", True))

# Floats.
specials = [0.0, -0.0, 1.0, -2.5, 65504.0, 65519.0, 6.103515625e-05, 6.097555160522461e-05,
            5.960464477539063e-08, 2.980232238769531e-08, 2.9802322387695312e-08 * 1.0000001,
            1e-9, 0.1, 1/3, 3.4028234663852886e+38, 1e-45, 1.401298464324817e-45,
            float("inf"), float("-inf")]
for v in specials:
    row = []
    for code in "efd":
        for order in "<>":
            try:
                b = struct.pack(order + code, v)
                row.append(b.hex() + "=" + repr(struct.unpack(order + code, b)[0]))
            except OverflowError as e:
                row.append("OverflowError")
    print(repr(v), " ".join(row))
for code in "efd":
    b = struct.pack("<" + code, float("nan"))
    nb = struct.pack("<" + code, -float("nan"))
    print(code, b.hex(), nb.hex()[-2:], struct.unpack("<" + code, b))
# Half precision: rounding to nearest even at every tie in a range.
halves = [struct.unpack("<e", struct.pack("<e", 1 + k / 2048))[0] for k in range(12)]
print(halves)
print([struct.pack("<e", 2048 + k).hex() for k in range(6)])
print([struct.unpack(">e", bytes([h, l]))[0] for h, l in [(0, 1), (3, 255), (4, 0), (0x7b, 0xff), (0xfc, 0), (0x80, 0)]])
print(struct.pack("f", 1e39), struct.pack("=f", 3.4028235e38))
print(struct.pack("<d", 1e308 * 10), struct.unpack("<d", b"\x00" * 7 + b"\x80"))
print(struct.pack("<f", 2), struct.pack("<d", Idx(3)))
class Flt:
    def __float__(self):
        return 1.5
print(struct.pack("<e", Flt()))

# Bytes: c, s (truncated or padded), p (length byte, capped at 255).
print(struct.pack("c3s", b"x", b"abcdef"), struct.pack("5s", bytearray(b"ab")), struct.pack("0s", b"abc"))
print(struct.pack("4p", b"abcdef"), struct.pack("4p", b""), struct.pack("1p", b"zz"), struct.pack("0p", b"q"))
long_p = struct.pack("300p", b"y" * 400)
print(long_p[0], len(long_p), struct.unpack("300p", long_p)[0] == b"y" * 255)
print(struct.unpack("3p", b"\x05ab"), struct.unpack("4p2s", b"\x02abcde"), struct.unpack("c", b"\xff"))
print(struct.unpack("<2s3p?", b"ab\x02cdx"))

# pack_into and unpack_from at offsets, negative ones counted from the end.
buf = bytearray(12)
struct.pack_into("<hI", buf, 2, -1, 0xdeadbeef)
print(buf.hex())
struct.pack_into(">H", buf, -2, 0x1234)
print(buf.hex())
mv = memoryview(buf)
struct.pack_into("2s", mv, 0, b"MV")
print(buf.hex(), struct.unpack_from("<hI", buf, 2), struct.unpack_from(">H", buf, offset=-2))
print(struct.unpack_from("2s", mv), struct.unpack_from("<I", b"\x01\x02\x03\x04\x05", 1))
print(struct.unpack_from("<H", buffer=b"\x01\x02\x03", offset=1))

# iter_unpack.
it = struct.iter_unpack("<hb", b"\x01\x00\x02\x03\x00\x04\x05\x00\x06")
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(list(struct.iter_unpack("<H", memoryview(b"abcdef"))), list(struct.iter_unpack("c", b"")))

# The Struct type.
s = struct.Struct("<2hs")
print(s.format, s.size, s.pack(1, 2, b"z"), s.unpack(b"\x01\x00\x02\x00z"))
print(struct.Struct(b">i").format, struct.Struct(format="!q").size)
s.__init__("=d")
print(s.format, s.size, s.unpack(s.pack(2.5)))
class Rec(struct.Struct):
    def __init__(self):
        super().__init__("<3sH")
    def read(self, b):
        name, n = self.unpack(b)
        return name.decode(), n
r = Rec()
print(type(r).__name__, r.size, r.read(b"abc\x07\x00"), isinstance(r, struct.Struct))
print(s.__sizeof__() > 0, struct.Struct.__module__, struct.Struct.__name__)

# Module functions go through a cache; clearing it changes nothing visible.
for _ in range(3):
    print(struct.pack("<3B", 1, 2, 3), struct.calcsize("<3B"))
    struct._clearcache()
print([struct.calcsize(f"{n}b") for n in range(0, 250, 25)])
