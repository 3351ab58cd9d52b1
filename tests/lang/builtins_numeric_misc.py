# Tests numeric builtins on mixed and edge inputs: abs/round/divmod/pow/min/max/sum with bools, big ints, floats, complex; hex/oct/bin on negatives; int() on floats near limits.

print(abs(-2 ** 63), abs(-(2 ** 63)), abs(-1e-320), abs(True), abs(-0j), abs(3 - 4j))
print(divmod(-(2 ** 70), 7), divmod(2 ** 70, -7), divmod(7.5, -2), divmod(-7.5, 2), divmod(0, 5), divmod(-0.0, 1))
print(pow(-2, 3), pow(-2, -3), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(2, 3, -5), pow(-2, 3, 5), pow(0, 0), pow(0.0, 0.0), pow(1, 10 ** 10))
print(round(0.5), round(-0.5), round(1.5), round(2.5), round(2.675, 2), round(-1.5), round(10 ** 20 + 0.5), round(5.5, None))
print(round(123.456, -1), round(123.456, -2), round(-123.456, -3), round(123, -1), round(125, -1), round(135, -1), round(-125, -1))
print(min(1, 1.0), max(1.0, 1), min([2, 1.0, 1]), max("a", "B"), min((1, "z"), (1, "a")), max([[], [0]]), min(-0.0, 0.0), max(True, 1))
print(sum([1, 2.0, 3j]), sum([True] * 5), sum(range(10 ** 5)), sum([10 ** 20, -(10 ** 20), 1]), sum([0.1, 0.2, 0.3]), sum([], 0.0))
print(hex(-255), oct(-8), bin(-1), hex(2 ** 64), bin(0), oct(0), hex(0), format(-255, "x"), format(-255, "#x"))
print(int(2.5), int(-2.5), int(1e18), int(1.9999999999999998), int(-1e-300), int(2.0 ** 63), int(-(2.0 ** 63)), int(1e308) % 1000)
print(float(2 ** 63), float(-(2 ** 63)), float(2 ** 1023), float(10 ** 308), float(True), float("  -0  "))
print(complex(1, 2) + 1, complex("3"), complex(2.5), complex(True, True), complex(0, 0) == 0)
print(bool(2 ** 100), bool(-0.0), int(True) + int(False), True + 0.5, True * 1j)
print(max(range(10), key=lambda x: -x), min("hello", key=ord), sorted([3, -1, 2], key=abs), max([], default="empty"))
try:
    round(1.5, "1")
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(1j, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, 0.5, 3)
except TypeError as e:
    print(type(e).__name__, e)
