# Float floor division, modulo and divmod for every sign combination, with
# zeros, infinities and NaN: the result takes the divisor's sign, signed
# zeros come out as CPython's, and the ZeroDivisionError messages.

vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 3.0, -3.0, 7.5, -7.5, 1e300, -1e300, 5e-324, -5e-324,
        float("inf"), float("-inf"), float("nan")]
for a in vals:
    row = []
    for b in vals:
        if b == 0:
            continue
        q, r = divmod(a, b)
        assert (repr(q), repr(r)) == (repr(a // b), repr(a % b)), (a, b)
        row.append("%r,%r" % (q, r))
    print(repr(a), " ".join(row))
# Exactness: the remainder is computed exactly (fmod), the quotient rounded.
for a, b in [(0.1, 0.01), (1.0, 0.1), (-1.0, 0.1), (10.0, 3.0), (-10.0, 3.0), (1e16, 3.0),
             (2.0 ** 60, 0.1), (7.0, -2.5), (-7.0, -2.5), (1e-300, 1e300), (-1e-300, 1e300)]:
    print(a, b, divmod(a, b), a % b, a // b, a - (a // b) * b)
# Mixed int/float operands and big ints.
print(divmod(7, 2.0), divmod(-7, 2.0), divmod(2 ** 70, 3.0), 10 ** 20 % 7.0, -(10 ** 20) // 7.0)
print(divmod(True, 0.5), 5 % -0.0 if False else "-", 3.5 // True, divmod(-2.5, -1))
for a, b in [(1.0, 0.0), (1.0, -0.0), (0.0, 0.0), (1, 0.0), (1.0, 0), (float("inf"), 0.0), (float("nan"), 0)]:
    for name, f in [("//", lambda x, y: x // y), ("%", lambda x, y: x % y), ("divmod", divmod), ("/", lambda x, y: x / y)]:
        try:
            f(a, b)
            print("no error", a, b)
        except ZeroDivisionError as e:
            print(name, a, b, "ZeroDivisionError:", e)
try:
    divmod(10 ** 400, 1.5)
except OverflowError as e:
    print("OverflowError:", e)
