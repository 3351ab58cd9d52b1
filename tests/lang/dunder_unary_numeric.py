# Tests unary and numeric-conversion dunders: __neg__/__pos__/__abs__/__invert__, __int__/__float__/__complex__/__index__, __round__, math floor/ceil/trunc.

import math

class U:
    def __neg__(self):
        return "neg"

    def __pos__(self):
        return "pos"

    def __abs__(self):
        return "abs"

    def __invert__(self):
        return "invert"

    def __round__(self, n=None):
        return f"round {n}"

    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return "ceil"

    def __trunc__(self):
        return "trunc"

u = U()
print(-u, +u, abs(u), ~u, round(u), round(u, 2), math.floor(u), math.ceil(u), math.trunc(u))

class Empty:
    pass

for expr in ["-e", "+e", "abs(e)", "~e", "round(e)", "int(e)", "float(e)", "complex(e)", "math.floor(e)", "math.trunc(e)", "operator_index(e)"]:
    e = Empty()
    try:
        if expr == "operator_index(e)":
            [1][e]
        else:
            eval(expr)
    except TypeError as ex:
        print(expr, type(ex).__name__, ex)

class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v)

    def __complex__(self):
        return complex(self.v, 1)

    def __index__(self):
        return int(self.v) + 100

n = Num(3.7)
print(int(n), float(n), complex(n), bin(n), hex(n), oct(n), "abc"[Num(-99.5):], range(Num(-98))[0:2])

class OnlyIndex:
    def __index__(self):
        return 2

print(int(OnlyIndex()), float(OnlyIndex()), complex(OnlyIndex()), [10, 20, 30][OnlyIndex()], "xyz"[OnlyIndex()], round(5.5555, OnlyIndex()))
print(list(range(OnlyIndex())), "ab" * OnlyIndex(), [1, 2, 3, 4][OnlyIndex():], (1, 2, 3)[:OnlyIndex()])
try:
    1 << OnlyIndex()
except TypeError as e:
    print(type(e).__name__, e)

class BadIndex:
    def __index__(self):
        return 1.5

class BadFloat:
    def __float__(self):
        return "x"

class BadComplex:
    def __complex__(self):
        return 1

class IntSubReturn:
    def __int__(self):
        return True

for label, fn in [("BadIndex", lambda: [1, 2][BadIndex()]), ("BadFloat", lambda: float(BadFloat())), ("BadComplex", lambda: complex(BadComplex())),
                  ("bin BadIndex", lambda: bin(BadIndex()))]:
    try:
        print(label, fn())
    except TypeError as e:
        print(label, type(e).__name__, e)
print(int(IntSubReturn()), type(int(IntSubReturn())).__name__)

class FloatOnly:
    def __float__(self):
        return 2.5

print(float(FloatOnly()), complex(FloatOnly()), math.sqrt(FloatOnly()))
try:
    int(FloatOnly())
except TypeError as e:
    print(type(e).__name__, e)
print(-(-5), +True, abs(-2.5), ~~7, -(2 ** 100) < 0, abs(-3 + 4j), -0.0 == 0.0)
print(round(2.5), round(3.5), round(-2.5), math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), math.floor(3), type(math.floor(2.5)).__name__)
