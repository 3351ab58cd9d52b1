# &, |, ^, ~, << and >> on negative and multi-word ints, checked against a
# two's-complement model built from masks, plus the shift errors.

def model(a, b, op, bits):
    mask = (1 << bits) - 1
    x, y = a & mask, b & mask
    if op == "&":
        r = (x & y)
    elif op == "|":
        r = (x | y)
    else:
        r = (x ^ y)
    return r - (1 << bits) if r >> (bits - 1) else r

vals = [0, 1, -1, 2, -2, 255, -256, 2 ** 31, -(2 ** 31), 2 ** 32 - 1, -(2 ** 32), 2 ** 63 - 1,
        -(2 ** 63), 2 ** 64, -(2 ** 64) - 1, 2 ** 100 + 3, -(2 ** 100) + 5, 3 ** 90, -(5 ** 60)]
bad = 0
for a in vals:
    for b in vals:
        for op, f in (("&", lambda x, y: x & y), ("|", lambda x, y: x | y), ("^", lambda x, y: x ^ y)):
            if f(a, b) != model(a, b, op, 300):
                bad += 1
                print("differs", a, op, b)
print("bitwise mismatches", bad)
for a in vals:
    print(a, ~a, a & -a, a | 0xFF, a ^ -1, a >> 1, a >> 64, a >> 200, (a << 3) >> 3 == a, -a & 0xFFFF)
for a in [-1, -2, -(2 ** 64), -(2 ** 64) + 1, -(2 ** 64) - 1, -5, 5]:
    print(a, [a >> k for k in (0, 1, 31, 32, 33, 63, 64, 65, 1000)])
    print(a, [(a << k) >> k for k in (1, 31, 32, 64, 65)], a << 100 == a * 2 ** 100)
for expr in ["1 << -1", "1 >> -1", "(2**70) >> -5", "1 << (2**100)", "0 << (2**100)", "(-1) >> (2**100)",
             "5 >> (2**100)", "1 & 1.0", "1 << 1.0", "~1.5"]:
    try:
        print(expr, eval(expr))
    except (ValueError, OverflowError, TypeError, MemoryError) as e:
        print(expr, type(e).__name__, e)
print(True & 3, True | False, True ^ True, ~True, False << 5, type(True & False).__name__, type(True & 1).__name__)
