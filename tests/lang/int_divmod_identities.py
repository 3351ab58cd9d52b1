# Floor division and modulo on ints of every size and sign: a == q*b + r,
# 0 <= |r| < |b| with r taking b's sign, divmod == (//, %), and the results
# printed for values around word boundaries.

vals = [0, 1, 2, 3, 7, 10, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 62 - 1, 2 ** 62, 2 ** 63,
        2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1, 3 ** 50, 10 ** 30, 2 ** 96 + 7, 7 ** 70]
vals = vals + [-v for v in vals if v]
checked = 0
digest = 0
for a in vals:
    for b in vals:
        if b == 0:
            continue
        q, r = divmod(a, b)
        assert q == a // b and r == a % b, (a, b)
        assert q * b + r == a, (a, b)
        assert abs(r) < abs(b) and (r == 0 or (r < 0) == (b < 0)), (a, b)
        checked += 1
        digest = (digest * 31 + q * 7 + r) % (2 ** 61 - 1)
print("checked", checked, "digest", digest)
for a in [7, -7, 2 ** 64 + 5, -(2 ** 64) - 5]:
    for b in [2, -2, 3, -3, 2 ** 33, -(2 ** 33)]:
        print(a, b, divmod(a, b), a // b, a % b, -a // b, -(a // b))
# Exact multiples and a divisor equal to the dividend.
print([divmod(v, v) for v in vals[1:7]], [divmod(-v, v) for v in vals[1:7]])
print(divmod(2 ** 128, 2 ** 64), divmod(-(2 ** 128), 2 ** 64), divmod(2 ** 128 - 1, 2 ** 64))
# bool operands behave as 0/1.
print(divmod(True, True), 7 // True, -7 % True, divmod(-5, True))
for a, b in [(1, 0), (0, 0), (2 ** 70, 0), (-1, False)]:
    for op in ("//", "%", "divmod"):
        try:
            print(eval(f"divmod({a}, {b})" if op == "divmod" else f"{a} {op} {b}"))
        except ZeroDivisionError as e:
            print(op, a, b, "ZeroDivisionError:", e)
