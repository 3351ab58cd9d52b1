# Tests inf and nan: arithmetic, comparisons, identity vs equality in containers, hashing, conversions.

inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, inf * -1, -inf * -inf, inf / inf, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, nan == nan, nan != nan, nan < 1, nan > 1, nan <= nan, nan >= 0)
print(inf == inf, inf > 10 ** 1000, -inf < -(10 ** 1000), inf == 10 ** 1000, inf > 1e308)
print(nan == 0, nan is nan, [nan] == [nan], (nan,) == (nan,), nan in [nan])
n2 = float("nan")
print([n2] == [nan], n2 in [nan], {nan: 1}.get(nan), {nan: 1}.get(n2))
print(len({nan, nan, n2}), len({nan, n2, float("nan")}))
print(hash(inf), hash(-inf), hash(0.0), hash(-0.0), hash(1.0), hash(0.5), hash(-1.0), hash(1.5))
print(hash(1e100) == hash(int(1e100)), hash(2.0 ** 70) == hash(2 ** 70))
print(max(1, nan), max(nan, 1), min(nan, 1), min(1, nan))
print(sorted([3, 1, 2]), abs(-inf), -nan if False else "skip")
print(inf % 5 if False else "skip")
for op in ["+", "-", "*", "/", "//", "%", "**"]:
    res = []
    for a in [inf, -inf, nan, 2.0, 0.0]:
        for b in [inf, 0.5, -2.0]:
            try:
                res.append(repr(eval(f"a {op} b")))
            except Exception as e:
                res.append(type(e).__name__)
    print(op, res)
print(pow(inf, 0), pow(nan, 0), pow(1, nan), pow(1.0, inf), pow(-1.0, inf), pow(0.5, inf), pow(2.0, -inf))
try:
    print(pow(10.0, 400))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(1e308 + 1e308, -1e308 - 1e308)
print(str(inf), repr(-inf), format(inf, "f"), format(nan, ".2f"), format(-inf, "e"), format(inf, "10"), format(nan, "<6") + "|")
print(format(inf, "%"), format(-nan, "+"), format(inf, "F"), format(nan, "E"))
print(inf.is_integer(), nan.is_integer(), (-inf).hex(), nan.hex())
print(bool(nan), bool(inf), bool(0.0), bool(-0.0))
print(1 if nan else 0, int(inf != inf), [x for x in [1.0, nan, 2.0] if x == x])
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1e308), math.copysign(1.0, -0.0), math.copysign(3, nan))
