# math's integer functions: factorial, comb, perm, gcd, lcm, isqrt, prod
# over many arguments (against reference formulas written in Python), and
# their TypeErrors and ValueErrors.
import math

def ref_comb(n, k):
    if k < 0 or k > n:
        return 0
    r = 1
    for i in range(k):
        r = r * (n - i) // (i + 1)
    return r

def ref_perm(n, k):
    if k > n:
        return 0
    r = 1
    for i in range(k):
        r *= n - i
    return r

f = 1
bad = 0
for n in range(0, 120):
    if n:
        f *= n
    bad += math.factorial(n) != f
    for k in range(0, n + 3, max(1, n // 7)):
        bad += math.comb(n, k) != ref_comb(n, k)
        bad += math.perm(n, k) != ref_perm(n, k)
print("factorial/comb/perm mismatches", bad)
print(math.factorial(20), math.factorial(25), len(str(math.factorial(1000))), math.factorial(170) % 10 ** 12)
print(math.comb(100, 50), math.comb(10 ** 3, 3), math.comb(2 ** 70, 2), math.perm(10), math.perm(10, 3), math.perm(5, 0))
print(math.comb(60, 30) == math.comb(60, 30), math.comb(200, 100) % 1000000007, math.perm(2 ** 40, 2))

def ref_gcd(a, b):
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a

vals = [0, 1, -1, 6, -12, 35, 2 ** 64, 3 ** 40, -(2 ** 70) * 3, 10 ** 20, 17]
bad = 0
for a in vals:
    for b in vals:
        g = math.gcd(a, b)
        bad += g != ref_gcd(a, b)
        l = math.lcm(a, b)
        bad += l != (0 if a == 0 or b == 0 else abs(a * b) // g)
print("gcd/lcm mismatches", bad)
print(math.gcd(), math.gcd(7), math.gcd(-7), math.gcd(12, 18, 27), math.lcm(), math.lcm(-4), math.lcm(4, 6, 10),
      math.gcd(0, 0, 0), math.lcm(2, 0, 3), math.gcd(True, 4))
bad = 0
for n in list(range(0, 2000)) + [2 ** 52, 2 ** 53 - 1, 2 ** 64 - 1, 2 ** 64, 10 ** 30, 10 ** 30 - 1, 3 ** 200]:
    r = math.isqrt(n)
    bad += not (r * r <= n < (r + 1) * (r + 1))
print("isqrt mismatches", bad, math.isqrt(10 ** 100), math.isqrt(2 ** 1001), math.isqrt(True))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([2.5, 2]), math.prod([1, 2], start=10),
      math.prod([2 ** 40] * 3), math.prod([1j, 1j]), math.prod(["a"], start=1) if False else "-", math.prod([3, "ab"]))
for expr in ["math.factorial(-1)", "math.factorial(2.0)", "math.factorial(1.5)", "math.factorial('3')",
             "math.comb(-1, 2)", "math.comb(5, -1)", "math.comb(5.0, 2)", "math.perm(-3)", "math.perm(3, -1)",
             "math.gcd(1.5)", "math.gcd(2, 'a')", "math.lcm(2.0, 4)", "math.isqrt(-1)", "math.isqrt(2.0)",
             "math.prod(5)", "math.comb(5)", "math.perm(1, 2, 3)"]:
    try:
        print(expr, eval(expr))
    except (ValueError, TypeError) as e:
        print(expr, type(e).__name__, e)
