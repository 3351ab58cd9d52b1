# inf and nan through arithmetic, comparison, conversion and methods:
# float('inf')/('nan') spellings, nan != nan, signed zeros, is_integer,
# as_integer_ratio and int() errors, and overflow to inf vs OverflowError.

inf, nan = float("inf"), float("nan")
vals = [0.0, -0.0, 1.0, -2.5, 1e308, inf, -inf, nan]
for a in vals:
    row = []
    for b in vals:
        r = []
        for f in (lambda x, y: x + y, lambda x, y: x - y, lambda x, y: x * y):
            r.append(repr(f(a, b)))
        try:
            r.append(repr(a / b))
        except ZeroDivisionError:
            r.append("ZDE")
        row.append(",".join(r))
    print(repr(a), " ".join(row))
for s in ["inf", "-inf", "+inf", "Infinity", "-INFINITY", "iNf", "nan", "-nan", "+NaN", " inf ", "infinit", "nanx", "in f"]:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
print(nan == nan, nan != nan, nan < 1, nan >= nan, [nan] == [nan], nan in [nan], inf == inf, -inf < -1e308)
print(inf - inf, inf * 0, 0 * -inf, inf / inf, -inf + inf, inf * -1, -inf * -inf, (-0.0) * 5, -0.0 + 0.0, -0.0 - 0.0)
print(1e308 * 10, -1e308 * 10, 1e308 + 1e308, 2.0 ** 1023 * 2, 5e-324 / 2, -5e-324 / 2, 1e-320 * 1e-10)
for f in [0.0, -0.0, 1.0, 1.5, -2.0, 1e300, 2.0 ** 52 + 0.5, inf, nan]:
    print(repr(f), f.is_integer(), end=" ")
    for g in (int, lambda x: x.as_integer_ratio()):
        try:
            print(g(f), end=" ")
        except (OverflowError, ValueError) as e:
            print(type(e).__name__ + ":", e, end=" ")
    print()
for expr in ["2.0 ** 10000", "(-2.0) ** 10001", "10.0 ** -400", "1e308 ** 2", "inf ** 0", "nan ** 0", "1 ** nan",
             "(-1.0) ** inf", "0.5 ** -inf", "(-8.0) ** (1/3)", "0.0 ** -1", "(-0.0) ** -1.0", "inf ** -1", "(-inf) ** 3",
             "(-inf) ** 2", "(-inf) ** -3", "abs(-inf)", "abs(-nan)", "-(-0.0)", "+(-0.0)"]:
    try:
        print(expr, repr(eval(expr)))
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(expr, type(e).__name__, e)
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0) == hash(0), max(nan, 1), max(1, nan), min(inf, nan), sorted([3, 1.0, -inf, inf, 2]))
