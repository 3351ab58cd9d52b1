# float repr is the shortest string that reads back to the same float: checked
# on thousands of values spread over the exponent range (from bit patterns
# built with float.fromhex), with fixed/exponent notation switching at 1e16
# and 1e-4, and str() == repr().

count = 0
bad = 0
samples = []
seed = 2463534242
for e in range(-1074, 1024, 7):
    for k in range(6):
        seed = (seed * 1103515245 + 12345) % 2 ** 52
        h = "0x1.%013xp%d" % (seed, e) if e >= -1022 else "0x0.%013xp-1022" % seed
        x = float.fromhex(h)
        for v in (x, -x):
            r = repr(v)
            count += 1
            if float(r) != v or str(v) != r:
                bad += 1
                print("no round trip", h, r)
        if k == 0 and e % 91 == 0:
            samples.append(repr(x))
print("round trips", count, "bad", bad)
print(samples)
vals = [0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0,
        1e17, 123456789012345678.0, 1e-4, 1e-5, 0.0001234, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 1e22, 1e23, 2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 100.0,
        1.5e300, 4.35, 0.5, 2.675, 1.0000000000000002, 0.9999999999999999, 3.141592653589793,
        float("inf"), float("-inf"), float("nan")]
for v in vals:
    print(repr(v), str(v), repr(-v), v.hex())
# Decimal strings near the boundaries of double precision.
for s in ["0.1000000000000000055511151231257827", "9007199254740993", "9007199254740992.5",
          "1.00000000000000011102230246251565404236316680908203125",
          "1.00000000000000011102230246251565404236316680908203124",
          "1.00000000000000011102230246251565404236316680908203126",
          "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "1.7976931348623158e308",
          "1.7976931348623159e308", "123456789e-30", "0." + "0" * 300 + "1"]:
    print(s[:40], repr(float(s)))
