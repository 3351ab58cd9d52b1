# int.to_bytes / int.from_bytes: round trips for many values, lengths, byte
# orders and signedness, the minimal lengths at each boundary, defaults, the
# OverflowErrors, and from_bytes over iterables, bytearray and subclasses.

vals = [0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 63 - 1, 2 ** 63,
        2 ** 64 - 1, 2 ** 64, 2 ** 100, 3 ** 50]
count = bad = 0
for v in vals:
    for s in (v, -v):
        for signed in (False, True):
            if s < 0 and not signed:
                continue
            need = (s.bit_length() + (1 if signed else 0) + 7) // 8 or 1
            if signed and s < 0 and (-s) & (-s - 1) == 0:
                need = ((-s).bit_length() - 1 + 1 + 7) // 8 or 1
            for length in (need, need + 1, need + 3):
                for order in ("big", "little"):
                    b = s.to_bytes(length, order, signed=signed)
                    count += 1
                    bad += len(b) != length or int.from_bytes(b, order, signed=signed) != s
            try:
                s.to_bytes(need - 1, "big", signed=signed)
                bad += need - 1 >= 0 and s != 0
            except OverflowError:
                pass
print("round trips", count, "bad", bad)
for v in [0, 1, -1, 127, -128, 128, -129, 255, 256, 2 ** 32, -(2 ** 32)]:
    print(v, v.to_bytes(5, "big", signed=True).hex(), v.to_bytes(5, "little", signed=True).hex(),
          v.to_bytes(5, "big", signed=True) == v.to_bytes(5, byteorder="big", signed=True))
print((1).to_bytes(), (255).to_bytes(), (65).to_bytes(1, "little"), (0).to_bytes(0, "big"), int.from_bytes(b""), int.from_bytes(b"", signed=True))
for args, kw in [((256,), {}), ((-1,), {}), ((128,), {"signed": True}), ((-129,), {"signed": True}), ((1,), {"length": -1}),
                 ((1,), {"byteorder": "middle"}), ((1,), {"length": 2.0}), ((1,), {"byteorder": 5})]:
    v = args[0]
    try:
        print(v, kw, v.to_bytes(**{"length": 1, "byteorder": "big", **kw}))
    except (OverflowError, ValueError, TypeError) as e:
        print(v, kw, type(e).__name__, e)
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes((255, 255), "little", signed=True), int.from_bytes(bytearray(b"\x80\x00"), "big", signed=True),
      int.from_bytes(iter([0, 1]), "little"), int.from_bytes(b"\xff" * 20, "big", signed=True), int.from_bytes(b"\x00\x01" * 10, "big") % 1000003)
for arg in [[256], [-1], ["a"], "ab", 5, None]:
    try:
        int.from_bytes(arg, "big")
    except (ValueError, TypeError) as e:
        print(repr(arg), type(e).__name__, e)
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x01\x00", "big")
print(r, type(r).__name__, type(bool.from_bytes(b"\x01", "big")).__name__, bool.from_bytes(b"\x00", "big"))
