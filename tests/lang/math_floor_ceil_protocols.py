# math.floor/ceil/trunc and round(): floats (big ones give exact big ints),
# ints and bools, and user classes through __floor__/__ceil__/__trunc__/
# __round__/__index__/__float__, with the errors for inf, nan and objects
# without the protocol.
import math

vals = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 1e16 + 0.5, 2.0 ** 52 + 0.5, -(2.0 ** 52) - 0.5, 1e20, -1e20,
        1.7976931348623157e308, 5e-324, -5e-324]
for v in vals:
    fl, ce, tr = math.floor(v), math.ceil(v), math.trunc(v)
    print(repr(v), fl, ce, tr, round(v), int(v), type(fl).__name__, fl <= v <= ce)
print(math.floor(1.7976931348623157e308) == int(1.7976931348623157e308), len(str(math.ceil(1e308))))
for v in [7, -7, 2 ** 100, True, False]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
for v in [math.inf, -math.inf, math.nan]:
    for f in (math.floor, math.ceil, math.trunc, round, int):
        try:
            f(v)
        except (OverflowError, ValueError) as e:
            print(repr(v), f.__name__, type(e).__name__, e)

class Num:
    def __init__(self, v):
        self.v = v
    def __floor__(self):
        return ("floor", self.v)
    def __ceil__(self):
        return ("ceil", self.v)
    def __trunc__(self):
        return ("trunc", self.v)
    def __round__(self, n=None):
        return ("round", self.v, n)

n = Num(3.7)
print(math.floor(n), math.ceil(n), math.trunc(n), round(n), round(n, 2))

class OnlyFloat:
    def __float__(self):
        return 2.5

o = OnlyFloat()
print(math.floor(o), math.ceil(o), math.sqrt(o), math.isnan(o))
for f in (math.trunc, round):
    try:
        f(o)
    except TypeError as e:
        print(f.__name__, "TypeError:", e)

class OnlyIndex:
    def __index__(self):
        return 9

print(math.floor(OnlyIndex()), math.ceil(OnlyIndex()), math.sqrt(OnlyIndex()), math.factorial(OnlyIndex()) if False else "-")
for f in (math.floor, math.ceil, math.trunc):
    try:
        f("1.5")
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
class FloatSub(float):
    def __floor__(self):
        return "custom floor"
print(math.floor(FloatSub(1.5)), math.ceil(FloatSub(1.5)), math.trunc(FloatSub(-1.5)))
class IntSub(int):
    pass
print(math.floor(IntSub(4)), type(math.floor(IntSub(4))).__name__, math.trunc(IntSub(-4)))
