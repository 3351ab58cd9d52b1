# Three-argument pow on ints: agreement with (a ** b) % m for many small
# cases of every sign, negative exponents as modular inverses, big moduli,
# the ValueErrors, and two-argument int powers (negative exponents give
# floats).

bad = 0
count = 0
for a in range(-7, 8):
    for b in range(0, 7):
        for m in list(range(-6, 0)) + list(range(1, 7)):
            count += 1
            bad += pow(a, b, m) != (a ** b) % m
print("pow(a, b, m) checked", count, "bad", bad)
inv_bad = 0
for m in [2, 3, 7, 10, 97, 1000003, 2 ** 61 - 1, 10 ** 20 + 39]:
    for a in [1, 2, 3, 5, 12345, -7, 10 ** 18 + 9]:
        try:
            x = pow(a, -1, m)
            inv_bad += (x * a) % m != 1 % m or not (0 <= x < m)
            inv_bad += pow(a, -3, m) != pow(x, 3, m)
        except ValueError as e:
            print(a, m, "ValueError:", e)
print("inverse mismatches", inv_bad)
print(pow(3, -1, -7), pow(-3, -2, 11), pow(2, -1, 1), pow(0, 0, 1), pow(0, 0, 7), pow(5, 0, -3), pow(2, 10 ** 20, 10 ** 9 + 7))
print(pow(3, 2 ** 200, 2 ** 127 - 1), pow(2 ** 100 + 3, 2 ** 90 + 5, 3 ** 60), pow(-(2 ** 80), 3, 10 ** 15))
for args in [(2, 3, 0), (2, -1, 4), (0, -1, 5), (2, 3, 5.0), (2.0, 3, 5), (2, 3.0, 5), ("2", 3, 5), (2, 3, None)]:
    try:
        print(args, pow(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)
for a, b in [(2, -1), (-2, -3), (10, -20), (2 ** 70, -1), (-1, -(2 ** 70)), (1, -(10 ** 30)), (3, 0), (0, 0)]:
    print(a, b, repr(a ** b), type(a ** b).__name__)
for expr in ["0 ** -1", "0 ** -(2**70)", "(2**10000) ** -1", "2 ** -(2**70)", "10 ** -400", "(-10) ** -401"]:
    try:
        print(expr, repr(eval(expr)))
    except (ZeroDivisionError, OverflowError) as e:
        print(expr, type(e).__name__, e)
print(pow(2, 100), pow(-3, 41), pow(7, 2, None), 2 ** 3 ** 2, (-2) ** 2, -2 ** 2, pow(True, 5), pow(2, True, 3))
