# int <-> str in every base 2..36: int(s, base) of digits produced by a
# reference converter, base 0 with prefixes, underscores, signs and spaces,
# bin/oct/hex and format() round trips, for small and multi-word values.

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"

def to_base(n, b):
    if n == 0:
        return "0"
    neg = n < 0
    n = -n if neg else n
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(DIGITS[r])
    return ("-" if neg else "") + "".join(reversed(out))

values = [0, 1, -1, 7, 35, 36, -36, 255, 256, 1000, 2 ** 31 - 1, 2 ** 32, -(2 ** 32) - 1,
          2 ** 62, 2 ** 63 - 1, -(2 ** 63), 2 ** 64 + 12345, 3 ** 80, -(7 ** 60), 10 ** 40 + 1]
bad = 0
for b in range(2, 37):
    for v in values:
        s = to_base(v, b)
        if int(s, b) != v or int(s.upper(), b) != v or int(" %s\n" % s, b) != v:
            bad += 1
            print("mismatch", b, v, s)
print("all bases checked, mismatches:", bad)
print([to_base(3 ** 40, b)[:12] for b in (2, 3, 7, 16, 36)])
print([int("z" * k, 36) for k in (1, 2, 5, 13)])
print([int("1" * 70, b) % 1000003 for b in (2, 8, 10, 16, 36)])

for v in values:
    for f, b in ((bin, 2), (oct, 8), (hex, 16)):
        s = f(v)
        assert int(s, 0) == v and int(s, b) == v, (v, s)
    print(v, bin(v)[:20], oct(v), hex(v), format(v, "b")[-8:], format(v, "#o"), format(v, "X"), format(v, "#x"))

# base 0: the prefix decides; leading zeros only for zero itself.
for s in ["0", "00", "0_0", "10", "0x1f", "0X1F", "0o17", "0O17", "0b101", "0B1_01", "-0x10", "+0b1",
          "0x_f", "010", "0_1", "1_000", "0b", "0x", "0o8", "0b2", "00x1", "0x1_", " 0x10 "]:
    try:
        print(repr(s), int(s, 0))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
# explicit bases with prefixes: only the matching prefix is allowed.
for s, b in [("0x10", 16), ("0x10", 10), ("0b11", 2), ("0b11", 16), ("0o7", 8), ("0o7", 36),
             ("z", 35), ("Z", 36), ("1_0", 2), ("_10", 10), ("10_", 10), ("1__0", 10), ("", 10),
             ("-", 10), ("+-1", 10), ("\u0663\u0664", 10), ("\u0663\u0664", 16), ("12", 1), ("12", 37)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError:", e)
for args in [(12, 10), (b"12", 8), (bytearray(b"ff"), 16), ("12", 2.0), ("12", "10")]:
    try:
        print(args, int(*args))
    except TypeError as e:
        print(args, "TypeError:", e)
