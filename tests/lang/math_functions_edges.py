# math's real functions on ordinary and edge values (signed zeros, subnormals,
# huge values, inf, nan): results to full precision where C's libm agrees
# with CPython's, and the ValueError "math domain error" / OverflowError
# "math range error" cases. Transcendental results are shown to 12
# significant digits (CPython's own gamma/lgamma and libm's may differ in the
# last ulp).
import math

inf, nan = math.inf, math.nan
edge = [0.0, -0.0, 5e-324, 1e-300, 0.5, 1.0, -1.0, 2.0, 10.0, 700.0, 710.0, -745.0, 1e300, -1e300, inf, -inf, nan]

def show(name, f, x):
    try:
        r = f(x)
        # 12 significant digits: libm and CPython may differ in the last ulp.
        return format(r, ".12g") if isinstance(r, float) and math.isfinite(r) else repr(r)
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ":" + str(e)

for name in ["sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
             "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "erf", "erfc", "gamma",
             "lgamma", "floor", "ceil", "trunc"]:
    f = getattr(math, name)
    print(name, [show(name, f, x) for x in edge])
print([show("sqrt", math.sqrt, x) for x in [4, 2 ** 100, 10 ** 400, -1, True]])
print([show("log", math.log, x) for x in [10 ** 400, 2 ** 10000, -(10 ** 400), 0, 1 << 1100]])
print([show("log2", math.log2, x) for x in [2 ** 1000, 2 ** 2000, 3 ** 1000]])
print([show("log10", math.log10, x) for x in [10 ** 100, 10 ** 500, 0]])
for args in [(8, 2), (100, 10), (1, 10), (10, 1), (0, 2), (2, 0), (2, -1), (2 ** 2000, 2), (-1, 2), (inf, 2), (2, inf)]:
    try:
        print("log", args, repr(math.log(*args)))
    except (ValueError, ZeroDivisionError) as e:
        print("log", args, type(e).__name__, e)
pairs = [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (1.0, 0.0), (-1.0, 0.0), (-1.0, -0.0), (inf, inf), (-inf, inf),
         (inf, -inf), (nan, 1.0), (3.0, -4.0), (1e308, 1e-308)]
for a, b in pairs:
    print(a, b, repr(math.atan2(a, b)), repr(math.copysign(a, b)), repr(math.hypot(a, b)),
          show("fmod", lambda t: math.fmod(*t), (a, b)), show("remainder", lambda t: math.remainder(*t), (a, b)),
          show("pow", lambda t: math.pow(*t), (a, b)))
for a, b in [(2, 0.5), (-2, 0.5), (-8, 1 / 3), (0, -1), (-0.0, -1), (10, 400), (-10, 401), (1, inf), (1, nan),
             (nan, 0), (-1, inf), (0.5, -inf), (inf, -2), (-inf, 3), (2, -1075), (-2, 3)]:
    print("pow", a, b, show("pow", lambda t: math.pow(*t), (a, b)))
for x in [1e-8, 1e-5, 0.001, 1, 20, 30, 40]:
    print(x, repr(math.expm1(x)), repr(math.log1p(x)), repr(math.exp(x)))
for bad in ["1", None, 1j, [1]]:
    try:
        math.sqrt(bad)
    except TypeError as e:
        print(type(bad).__name__, "TypeError:", e)
