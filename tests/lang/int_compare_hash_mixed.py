# Tests int interplay with other numeric types in hashing and containers: equal values collide in dicts/sets across int/float/complex/bool/Fraction/Decimal.

from fractions import Fraction
from decimal import Decimal
values = [1, 1.0, True, 1 + 0j, Fraction(1, 1), Decimal(1)]
print([hash(v) == hash(1) for v in values], len(set(values)), len(dict.fromkeys(values)))
d = {}
for v in values:
    d[v] = type(v).__name__
print(d, type(next(iter(d))).__name__)
halves = [0.5, Fraction(1, 2), Decimal("0.5")]
print([hash(v) == hash(0.5) for v in halves], len(set(halves)), 0.5 in {Fraction(1, 2)}, Decimal("0.5") in {0.5})
big = 2 ** 100
print(hash(big) == hash(float(big)), hash(big) == hash(Fraction(big)), big == float(big), {big: "int"}.get(float(big)))
print(hash(-1) == hash(-1.0), hash(-2), hash(-1), -1 in {-1.0}, {-1: "a", -1.0: "b"})
neg_zero = {0: "int zero"}
neg_zero[-0.0] = "float neg zero"
neg_zero[0j] = "complex zero"
neg_zero[False] = "false"
print(neg_zero)
print(sorted({3, 1.5, Fraction(5, 2), 2}), max(Fraction(7, 3), 2.3, 2), min(Decimal("0.1"), 1))
print(hash(Fraction(1, 3)) == hash(1 / 3), Fraction(1, 3) == 1 / 3, Fraction(1 / 3) == 1 / 3)
print(1 == Fraction(1) == 1.0 == Decimal("1.0"), Decimal("1.0") == Decimal("1.00"), hash(Decimal("1.0")) == hash(Decimal("1.00")))
print({2: "two"}[Fraction(4, 2)], {2.5: "x"}[Fraction(5, 2)], {Decimal("2.5"): "d"}.get(2.5))
