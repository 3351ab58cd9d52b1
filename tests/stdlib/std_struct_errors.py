# struct's checks and messages, as CPython 3.11's _struct words them: the
# range of each integer code in each byte order (little-endian and native
# codes use CPython's native packers, big-endian its own), floats, bytes,
# argument counts, buffer sizes and offsets, and malformed formats.
import struct

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        return r.hex() if isinstance(r, bytes) else r
    except Exception as e:
        return f"{type(e).__name__}: {e}"

values = [2**7, -2**7 - 1, 2**8, -1, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64,
          -2**63 - 1, 2**70, -2**70, 1.5, "x", None]
for order in "@=<>!":
    for code in "bBhHiIlLqQnNP":
        if order != "@" and code in "nNP":
            continue
        results = {}
        for v in values:
            results.setdefault(str(attempt(struct.pack, order + code, v)), []).append(v)
        print(order + code)
        for r, vs in results.items():
            print("   ", r, "<-", vs if len(vs) < 4 else f"{len(vs)} values")

big = 2**2000
for order in "@<>":
    for code in "efd":
        row = [attempt(struct.pack, order + code, v) for v in (1e300, -1e39, 65520.0, 65519.0, "x", 3, big, None, 10**6)]
        print(order + code, row)

for args in [("c", b"ab"), ("c", "a"), ("c", 1), ("c", bytearray(b"x")), ("s", "x"), ("p", 3),
             ("3i", 1, 2), ("i", 1, 2), ("x", 1), ("i",), ("?", 1, 2)]:
    print(args, attempt(struct.pack, *args))
print(attempt(struct.pack))

# Buffers.
print(attempt(struct.unpack, "i", b"abc"), attempt(struct.unpack, "i", b"abcde"))
print(attempt(struct.unpack, "i", "abcd"), attempt(struct.unpack, "i", memoryview(b"abcd")))
for off in [0, 5, -3, -9, -8, 9, 2**70]:
    print("unpack_from", off, attempt(struct.unpack_from, "i", b"abcdefgh", off))
ba = bytearray(8)
for off in [5, -3, -9, 9, -4, 1.0]:
    print("pack_into", off, attempt(struct.pack_into, "i", ba, off, 1), ba.hex())
print(attempt(struct.pack_into, "i", b"abcdefgh", 0, 1))
print(attempt(struct.pack_into, "i", memoryview(b"abcdefgh"), 0, 1))
print(attempt(struct.pack_into, "i", ba, 0), attempt(struct.pack_into, "i", ba), attempt(struct.pack_into, "i"))
print(attempt(struct.pack_into))
# An item that fails leaves the zeroed region and the items packed before it.
ba = bytearray(b"\xff" * 8)
print(attempt(struct.pack_into, "<hhh", ba, 1, 5, 6, 2**20), ba.hex())
print(attempt(struct.iter_unpack, "i", b"abcde"), attempt(struct.iter_unpack, "", b""))
print(attempt(struct.iter_unpack, "i", "abcd"))
it = struct.iter_unpack("i", b"")
print(attempt(type(it)))

# Formats.
for f in ["3", "i3", "z", "<>i", "i<", " i", "i i", "3 i", "99999999999999999999i",
          "9223372036854775807i", "4611686018427387904h", "9223372036854775807x",
          "<n", ">P", "=N", "!e", b"ii", "ü", "i\0i", b"i\0i", b"\xffi", "@", "", "<"]:
    print(repr(f), attempt(struct.calcsize, f))
print(attempt(struct.calcsize, 3), attempt(struct.calcsize, []), attempt(struct.Struct, None))
print(attempt(struct.Struct), attempt(struct.Struct, "h", "i"), attempt(struct.calcsize))

# Calling conventions.
s = struct.Struct("i")
print(attempt(s.unpack), attempt(s.unpack_from), attempt(s.iter_unpack))
print(attempt(s.pack_into), attempt(s.pack_into, bytearray(4)), attempt(s.pack), attempt(s.pack, 1, 2))
print(attempt(struct.unpack_from), attempt(struct.unpack_from, "i"), attempt(struct.iter_unpack, "i"))
print(attempt(struct.unpack_from, "i", b"abcd", 0, 1), attempt(struct.unpack, "i"))
print(attempt(s.unpack_from, b"abcdef", offset=1), attempt(s.unpack_from, buffer=b"abcdef"))
print(attempt(s.unpack_from, b"abcd", offset=-5))
