# fractions (over decimal and math): construction from ints, floats,
# strings and decimals, arithmetic and comparisons with other numbers,
# limit_denominator, hashing as CPython's numeric hash.
from fractions import Fraction as F
from decimal import Decimal
import math

print(F(3, 4), F(-6, 8), F("3/7"), F("1.25"), F(" -2.5e-1 "), F(0.5), F(Decimal("0.75")))
print(F(1, 3) + F(1, 6), F(2, 3) * F(3, 4), F(1, 2) / F(1, 4), F(5, 3) // 1, F(7, 2) % 1)
print(F(1, 3) ** 2, F(4, 9) ** F(1, 2), 2 ** F(2), F(-8, 27) ** 3)
print(F(1, 2) + 1, 1 - F(1, 3), F(1, 2) + 0.25, F(1, 2) == 0.5, F(1, 3) < 0.34, F(2, 1) == 2)
print(F(math.pi).limit_denominator(1000), F(0.1).limit_denominator(10), F(0.1))
print(F(7, 3).numerator, F(7, 3).denominator, F(10, 4).as_integer_ratio(), int(F(-7, 2)))
print(round(F(7, 2)), round(F(5, 2)), round(F(22, 7), 2), math.floor(F(-7, 2)), math.ceil(F(7, 2)))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)) == hash(F(2, 6)))
print(sorted([F(1, 2), F(1, 3), 0.4, 1]), sum(F(1, n) for n in range(1, 6)))
for bad in ["1/0", "x", "1/2/3"]:
    try:
        F(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    F(1, 0)
except ZeroDivisionError as e:
    print(e)
print(repr(F(1, 2)), str(F(3)), f"{float(F(1, 3)):.5f}", F(1, 3).is_integer() if hasattr(F, 'is_integer') else None)
