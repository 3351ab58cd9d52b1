# Regression: repr(2.0**-24) printed 5.9604644775390625e-08 (17 digits)
# instead of 5.960464477539063e-08. At a power of two the gap to the next
# float up is twice the gap down, so the correctly rounded 16-digit decimal
# (...062) does not read back while the next one up (...063) does; the
# shortest repr must consider it.
import math

print(2.0**-24, 2**-24, 5.960464477539063e-08 == 2.0**-24)
for k in [-1074, -1073, -1022, -1021, -200, -100, -60, -40, -24, -14, -1, 0, 1, 24, 53, 60, 100, 200, 1000, 1023]:
    x = 2.0**k
    below = math.nextafter(x, 0)
    above = math.nextafter(x, math.inf)
    for v in (x, below, above, -x, 3 * x if k < 1022 else x):
        r = repr(v)
        assert float(r) == v, r
    print(k, repr(x), repr(below), repr(above))
# Shortest repr for a spread of values, each read back.
vals = [1 / n for n in range(1, 40)] + [n / 7 for n in range(1, 20)] + [10.0**e for e in range(-30, 31, 7)]
print([repr(v) for v in vals])
print(all(float(repr(v)) == v for v in vals))
