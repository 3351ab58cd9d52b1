# math's float helpers: frexp/ldexp/modf round trips, fsum exactness,
# isclose with relative/absolute tolerances, isfinite/isinf/isnan,
# nextafter and ulp around 0, 1, and the extremes, dist, degrees/radians,
# copysign, and the errors.
import math

inf, nan = math.inf, math.nan
vals = [0.0, -0.0, 5e-324, 2.2250738585072014e-308, 0.1, 1.0, -1.5, 1e16, 1.7976931348623157e308, inf, -inf, nan]
for v in vals:
    m, e = math.frexp(v)
    print(repr(v), repr(m), e, repr(math.ldexp(m, e)), [repr(p) for p in math.modf(v)],
          math.isfinite(v), math.isinf(v), math.isnan(v))
for m, e in [(1.0, 1024), (0.5, 1025), (1.0, -1074), (1.0, -1075), (1.5, -1075), (-1.0, 10 ** 10), (1.0, -(10 ** 10)),
             (0.0, 10 ** 20), (inf, -5), (1, 3)]:
    try:
        print("ldexp", m, e, repr(math.ldexp(m, e)))
    except OverflowError as e2:
        print("ldexp", m, e, "OverflowError:", e2)
print(repr(math.fsum([0.1] * 10)), repr(sum([0.1] * 10)), repr(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])))
print(repr(math.fsum([1, 1e-16] * 10 ** 3)), repr(math.fsum([])), repr(math.fsum([2 ** 53, 1, 1])), repr(math.fsum(range(10))))
for data in [[inf, 1], [inf, -inf], [nan, 1], [1e308, 1e308], [-1e308, -1e308, 1e308]]:
    try:
        print(data, repr(math.fsum(data)))
    except (ValueError, OverflowError) as e:
        print(data, type(e).__name__, e)
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.0 + 1e-8, {}), (0.0, 1e-10, {}), (0.0, 1e-10, {"abs_tol": 1e-9}),
                 (1e10, 1e10 + 1, {"rel_tol": 1e-9}), (inf, inf, {}), (inf, -inf, {}), (nan, nan, {}),
                 (1, 1.1, {"rel_tol": 0.1}), (1, 1.1, {"rel_tol": 0.09})]:
    print(a, b, kw, math.isclose(a, b, **kw))
for kw in [{"rel_tol": -1}, {"abs_tol": -1}]:
    try:
        math.isclose(1, 1, **kw)
    except ValueError as e:
        print(kw, "ValueError:", e)
for x, y in [(0.0, 1.0), (0.0, -1.0), (1.0, 2.0), (1.0, 0.0), (1.7976931348623157e308, inf), (-0.0, 0.0), (5e-324, 0.0), (nan, 1.0), (1.0, 1.0)]:
    print("nextafter", x, y, repr(math.nextafter(x, y)))
for x in [0.0, 5e-324, 1.0, -1.0, 2.0 ** 52, 1e300, 1.7976931348623157e308, inf, nan]:
    print("ulp", repr(x), repr(math.ulp(x)))
print(math.dist((0, 0), (3, 4)), math.dist([1.5], [-1.5]), math.dist((1, 2, 3), (4, 6, 3)), math.dist((), ()))
for a, b in [((1, 2), (1,)), ([1], (1, 2))]:
    try:
        math.dist(a, b)
    except ValueError as e:
        print("ValueError:", e)
print([repr(math.degrees(r)) for r in (0, math.pi, -math.pi / 2, 1)], [repr(math.radians(d)) for d in (0, 180, -90, 1)])
print(math.pi, math.e, math.tau, math.inf, math.nan, math.tau == 2 * math.pi, math.hypot(), math.hypot(3, 4, 12), math.hypot(-inf, nan))
