# Tests floor division and modulo sign rules for ints and floats, and divmod consistency.

pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (6, 3), (-6, 3), (6, -3), (1, 10), (-1, 10)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(a, b, a // b, a % b, q, r, q * b + r == a)

fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, 3), (-0.0, 3), (1.0, 0.1), (5, 0.5), (-5, 0.3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))

print(0.0 % -3, -0.0 % 3, (-0.0) // 1, 0.0 // -1)
print(5 % float("inf"), -5 % float("inf"), 5 % float("-inf"), -5 % float("-inf"))
print(5 // float("inf"), -5 // float("inf"))
print(float("inf") % 3 if False else "skip")
try:
    print(float("inf") // 3)
except Exception as e:
    print(type(e).__name__, e)
print(divmod(float("inf"), 3))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    for op in ("//", "%", "divmod", "/"):
        try:
            if op == "//":
                r = a // b
            elif op == "%":
                r = a % b
            elif op == "/":
                r = a / b
            else:
                r = divmod(a, b)
            print(a, op, b, r)
        except ZeroDivisionError as e:
            print(a, op, b, type(e).__name__, e)
print(-1 % 2 ** 70, (-(2 ** 70)) % 3, (2 ** 70) % -3)
print(-(2 ** 70) // 3, (2 ** 70) // -3)
print(True // 1, True % 2, False // True)
print(-7 // 2.0, -7 % 2.0)
print(1e300 % 7, -1e300 % 7)
print(10 % 3.5, -10 % 3.5, 10 % -3.5)
print(divmod(-1e-300, 1.0))
