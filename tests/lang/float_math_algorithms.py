# Tests float computation paths: Newton sqrt, series summation (pi, e), Kahan summation vs naive, numerical integration, rounding behaviour of accumulations.

def newton_sqrt(x, iters=30):
    guess = x / 2 or 1.0
    for _ in range(iters):
        guess = (guess + x / guess) / 2
    return guess

print([newton_sqrt(v) for v in (2, 9, 10, 0.25, 1e10)])
print(newton_sqrt(2) == 2 ** 0.5, abs(newton_sqrt(2) - 2 ** 0.5) < 1e-15)
pi_leibniz = 4 * sum((-1) ** k / (2 * k + 1) for k in range(10000))
print(pi_leibniz, round(pi_leibniz, 3))
e_series = sum(1 / __import__("math").factorial(k) for k in range(20))
print(e_series)
vals = [0.1] * 10
naive = 0.0
for v in vals:
    naive += v
def kahan(xs):
    total = c = 0.0
    for x in xs:
        y = x - c
        t = total + y
        c = (t - total) - y
        total = t
    return total
import math
print(naive, kahan(vals), sum(vals), math.fsum(vals))
big_small = [1e16, 1.0, -1e16] * 3
print(sum(big_small), kahan(big_small), math.fsum(big_small))
def integrate(f, a, b, n):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)
print(integrate(lambda x: x * x, 0, 1, 1000), integrate(math.sin, 0, math.pi, 1000))
x = 0.0
for _ in range(1000):
    x += 0.001
print(x, x == 1.0, round(x, 10))
print(1.0 - 0.9, 0.1 * 3, 3 * 0.1 == 0.3, 1e16 + 1 - 1e16, (1e16 + 2) - 1e16)
print(2.0 ** 0.5, 10 ** -0.5, (-8) ** (1 / 3) if False else -(8 ** (1 / 3)), 1e308 * 1.5 / 1.5)
vals = [3.7, -2.5, 0.5, 1.5, 2.5, -0.5]
print([int(v) for v in vals], [round(v) for v in vals], [math.floor(v) for v in vals], [math.ceil(v) for v in vals])
print(math.sqrt(2), math.exp(1), math.log(10), math.log10(1000), math.log2(1024), math.sin(0), math.cos(0), math.hypot(3, 4), math.atan2(1, 1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.001, rel_tol=1e-2), math.trunc(-3.9), math.fmod(-7, 3), -7 % 3, math.copysign(2, -0.0))
print(f"{math.pi:.15f}", f"{math.e:.10e}", f"{math.tau:g}", math.inf > 1e308, math.nan != math.nan)
