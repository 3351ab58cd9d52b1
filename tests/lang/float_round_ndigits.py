# round() of floats: to an int with no ndigits (half to even), to a float with
# ndigits (correctly rounded from the exact binary value), negative ndigits,
# huge ndigits, infinities and NaN, and round() of ints.

for v in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1e16 + 1, 4503599627370497.0,
          -0.0, 1e300, 123.456, -123.456]:
    print(repr(v), round(v), type(round(v)).__name__, repr(round(v, 0)), repr(round(v, 1)),
          repr(round(v, 2)), repr(round(v, -1)), repr(round(v, -2)), repr(round(v, None)))
for v in [0.125, 0.375, 2.675, 1.005, 0.285, 1.0005, 8.345, -8.345, 1234.5678, 5e-324, 1e-10, 0.1 + 0.2]:
    print(repr(v), [repr(round(v, n)) for n in range(-3, 12)])
for n in [15, 16, 17, 20, 50, 308, 400, 10 ** 6, -308, -309, -400, -(10 ** 6)]:
    print(n, repr(round(1.2345678901234567, n)), repr(round(123456.789e200, n)), repr(round(-5e-324, n)))
for v in [float("inf"), float("-inf"), float("nan")]:
    print(repr(round(v, 2)), repr(round(v, -2)))
    for f in (round, int):
        try:
            f(v)
        except (OverflowError, ValueError) as e:
            print(f.__name__, type(e).__name__, e)
for v in [15, 25, 35, -25, 12345, -12355, 10 ** 30 + 5 * 10 ** 14, 2 ** 70]:
    print(v, round(v), round(v, 2), round(v, -1), round(v, -2), round(v, -15), round(v, -40), type(round(v, -1)).__name__)
print(round(True), round(True, 3), type(round(True)).__name__, round(False, -1))
for args in [(1.5, 1.5), (1.5, "1"), ("1.5",), (2, 1.0)]:
    try:
        round(*args)
    except TypeError as e:
        print(args, "TypeError:", e)
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3), round(R(), None))
try:
    round(object())
except TypeError as e:
    print("TypeError:", e)
