# Tests unary operators with power and each other: -2**2, (-2)**2, 2**-1, -x**-y, ~ and - stacking, not with comparisons, unary on different numeric types.

print(-2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -2, (-2) ** -2, 2 ** -2 ** 2, -(2 ** 2) ** 2)
print(- - 5, - + - 5, + - + 5, ~~5, ~-5, -~5, not not 0, not -1, - (not 0))
x = 3
print(-x ** 2, (-x) ** 2, -x ** -1, ~x ** 2, (~x) ** 2, -x * -x, -x - -x, x ** -x)
print(-2.0 ** 2, (-2.0) ** 0.5, -(2.0 ** 0.5), (-8) ** (1 / 3))
print(-1j ** 2, (-1j) ** 2, -(1j ** 2), +1j, -0j, -(-0.0))
print(2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** (3 ** 2), 2 ** -3 ** 2 == 2 ** -(3 ** 2))
print(not 1 == 2, not (1 == 2), (not 1) == 2, not 1 < 2 < 3, not [] and 5, not ([] and 5))
print(-True, +False, ~True, ~False, -(True + True), abs(-True))
print(10 - -3, 10 + -3, 10 * -3, 10 / -4, 10 // -4, 10 % -4, -10 % 4, -10 // 4)
print(- (1 << 3), -1 << 3, ~0 << 2, -(-1 >> 1), ~(1 & 2))
print(2 ** 0.5 ** 2, (2 ** 0.5) ** 2, 4 ** 0.5 ** -1)
a = [1, 2, 3]
print(-a[0] ** 2, -len(a) ** 2, -a[-1], ~a[1], not a[0])
class U:
    def __neg__(self):
        return "neg"
    def __pow__(self, o):
        return f"pow {o}"
    def __rpow__(self, o):
        return f"rpow {o}"
u = U()
print(-u, u ** 2, 2 ** u, -(u ** 2) if False else "skip")
try:
    print(-u ** 2)
except TypeError as e:
    print(type(e).__name__, e)
