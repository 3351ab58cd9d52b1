# Tests float repr and str: shortest round-trip digits, exponent switch points, signs, special values.

vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e22, 1e23, 1e16, 1e15, 9999999999999998.0,
        12345.678, 1e-4, 1e-5, 0.0001234, 0.00001234, 1.5e300, 2.2250738585072014e-308, 5e-324,
        1.7976931348623157e308, 123456789.0, 1234567890123456789.0, 3.141592653589793, 2.718281828459045,
        100.0, 1e100, 1.1, 2.675, 0.07, 4.35, 1e-7, 9.999999999999999e22, 0.1 + 0.2, 1.0000000000000002,
        0.9999999999999999, 4503599627370496.5, 1e21, 1e20, 123e18, 1.23e-10]
for v in vals:
    print(repr(v), str(v), repr(-v))
print(float("inf"), float("-inf"), float("nan"), repr(float("inf")), str(float("-nan")))
print([1.0, 2.5, float("inf")], (0.1,), {1: 0.5})
print(f"{0.1}", f"{1e22!r}", f"{1e-5!s}")
print(str(1e16), str(1.0e15), str(12345678901234567.0))
for e in range(-8, 25, 3):
    print(e, 10.0 ** e, 1.5 * 10.0 ** e)
for d in range(1, 18):
    v = float("0." + "3" * d)
    print(d, v, float(repr(v)) == v)
print(float("0.1000000000000000055511151231257827021181583404541015625"))
print(float("1e-400"), float("-1e-400"), float("1e400"))
print(float("  123.456  "), float("1E5"), float("1e+5"), float("1e-0"))
print(0.1 * 3, 1.1 + 2.2, 3.3 - 1.1, 0.7 * 0.1)
print(8.5 - 0.1, 1 / 7, 22 / 7, 355 / 113)
