# Tests binary arithmetic dunders: forward, reflected (__radd__ ...), NotImplemented fallback, subclass-first rule, error messages, every operator.

class N:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"N({self.v})"

def make(op):
    def fwd(self, o):
        if isinstance(o, N):
            o = o.v
        if not isinstance(o, int):
            return NotImplemented
        return N(f"{self.v}{op}{o}")
    def rev(self, o):
        if not isinstance(o, int):
            return NotImplemented
        return N(f"{o}{op}{self.v}(r)")
    return fwd, rev

ops = {"add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//", "mod": "%", "pow": "**",
       "matmul": "@", "and": "&", "or": "|", "xor": "^", "lshift": "<<", "rshift": ">>"}
for name, sym in ops.items():
    f, r = make(sym)
    setattr(N, f"__{name}__", f)
    setattr(N, f"__r{name}__", r)

a = N(1)
print(a + 2, a - 2, a * 2, a / 2, a // 2, a % 2, a ** 2, a @ 2, a & 2, a | 2, a ^ 2, a << 2, a >> 2)
print(3 + a, 3 - a, 3 * a, 3 / a, 3 // a, 3 % a, 3 ** a, 3 @ a, 3 & a, 3 | a, 3 ^ a, 3 << a, 3 >> a)
print(a + N(5), pow(a, 2), pow(3, a))
try:
    pow(a, 2, 5)
except TypeError as e:
    print(type(e).__name__, e)
for expr in ["a + 'x'", "'x' + a", "a @ 1.5", "1.5 ** a", "None - a", "a % []"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)

class Base:
    def __add__(self, o):
        return "Base.__add__"

    def __radd__(self, o):
        return "Base.__radd__"

class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"

class Unrelated:
    def __radd__(self, o):
        return "Unrelated.__radd__"

print(Base() + Derived(), Derived() + Base(), Base() + Unrelated(), Base() + Base())

class SameRadd(Base):
    pass

print(Base() + SameRadd())

class Log:
    def __init__(self, name):
        self.name = name

    def __add__(self, o):
        print(f"  {self.name}.__add__")
        return NotImplemented

    def __radd__(self, o):
        print(f"  {self.name}.__radd__")
        return NotImplemented

try:
    Log("L") + Log("R")
except TypeError as e:
    print(type(e).__name__, e)

class Vec:
    def __init__(self, *c):
        self.c = c

    def __add__(self, o):
        return Vec(*(x + y for x, y in zip(self.c, o.c)))

    def __mul__(self, k):
        return Vec(*(x * k for x in self.c)) if isinstance(k, (int, float)) else NotImplemented

    __rmul__ = __mul__

    def __matmul__(self, o):
        return sum(x * y for x, y in zip(self.c, o.c))

    def __neg__(self):
        return Vec(*(-x for x in self.c))

    def __sub__(self, o):
        return self + -o

    def __repr__(self):
        return f"Vec{self.c}"

v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v * 2, 2 * v, v @ w, v - w, -v, 0.5 * w)
try:
    v * v
except TypeError as e:
    print(type(e).__name__, e)

class Div:
    def __divmod__(self, o):
        return ("divmod", o)

    def __rdivmod__(self, o):
        return ("rdivmod", o)

print(divmod(Div(), 5), divmod(5, Div()))

class StrRadd:
    def __radd__(self, o):
        return f"radd got {o!r}"

    def __rmul__(self, o):
        return f"rmul got {o!r}"

print("s" + StrRadd(), [1] + StrRadd(), "ab" * StrRadd(), [0] * StrRadd(), (1,) + StrRadd())

class IntSub(int):
    def __radd__(self, o):
        return "IntSub.__radd__ first"

    def __add__(self, o):
        return "IntSub.__add__"

print(1 + IntSub(2), IntSub(2) + 1, 1.5 + IntSub(1))
