# Tests round() on floats and ints with ndigits (banker's rounding, negative ndigits, exact halves).

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1e16 + 1, 2.0 ** 52 + 0.5]:
    print(v, round(v), type(round(v)).__name__, round(v, 0), type(round(v, 0)).__name__)
for v in [2.675, 2.665, 1.005, 0.125, 0.375, 1.25, -1.25, 12345.6789, 0.1, 1e-10, 123.456]:
    print(v, [round(v, n) for n in range(-3, 5)])
print(round(1e300, -300), round(1e300, 2), round(1.5e-300, 301), round(1e-300, -10))
print(round(5, -1), round(15, -1), round(25, -1), round(-25, -1), round(35, -1), round(149, -2), round(150, -2), round(250, -2))
print(round(12345, 2), round(12345, 0), round(12345, -10), type(round(7, 2)).__name__)
print(round(10 ** 30 + 5 * 10 ** 9, -10))
print(round(True), round(False, 3), type(round(True)).__name__)
show("round(inf)", lambda: round(float("inf")))
show("round(nan)", lambda: round(float("nan")))
show("round(-inf)", lambda: round(float("-inf")))
print(round(float("inf"), 2), round(float("nan"), 1))
show("round('1')", lambda: round("1"))
show("round(1.5, 1.0)", lambda: round(1.5, 1.0))
show("round(1.5, None)", lambda: round(1.5, None))
show("round(number=2.5)", lambda: round(number=2.5, ndigits=0))

class R:
    def __round__(self, n=None):
        return ("rounded", n)

print(round(R()), round(R(), 3), round(R(), None))
show("round(object())", lambda: round(object()))
print(round(-0.4), round(-0.0, 1), round(0.0))
print(round(2 ** 70 + 0.0), round(1e22, -21))
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2), math.ceil(2.0000001))
print(int(2.9999999999999996), int(-2.9999999999999996))
