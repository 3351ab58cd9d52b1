# Tests a full numeric-like class: arithmetic with scalars and vectors, reflected ops, comparisons, hashing, bool/len/iter/getitem, repr, abs and rounding.

class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"

    def __iter__(self):
        yield self.x
        yield self.y

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __eq__(self, o):
        return isinstance(o, Vec) and tuple(self) == tuple(o)

    def __hash__(self):
        return hash((self.x, self.y))

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, o):
        return self + (-o)

    def __rsub__(self, o):
        return (-self) + o

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return Vec(+self.x, +self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __bool__(self):
        return bool(self.x or self.y)

    def __round__(self, n=None):
        return Vec(round(self.x, n), round(self.y, n))

    def __lt__(self, o):
        return abs(self) < abs(o)

    def __le__(self, o):
        return abs(self) <= abs(o)

a, b = Vec(3, 4), Vec(1, -2)
print(a + b, a - b, a * 2, 2 * a, a * b, a / 2, a // 2, -a, +a, abs(a), a + 1, 1 + a, 10 - a)
print(a == Vec(3, 4), a != b, a == (3, 4), bool(Vec()), bool(b), len(a), list(a), a[0], a[-1], tuple(a), dict(x=a.x))
print(sorted([Vec(5, 5), Vec(1, 0), Vec(0, 2)]), max([a, b]), min(a, b), a > b, a >= b, b < a)
print({a: "a", Vec(3, 4): "again"}, Vec(3, 4) in {a}, round(Vec(1.26, 2.71), 1), round(Vec(1.5, 2.5)))
x, y = a
print(x, y, [*a, *b], sum(a), max(a))
c = Vec(1, 1)
c += Vec(1, 1)
c *= 3
c -= 1
print(c)
try:
    a + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    a @ b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.z = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(sum([Vec(1, 2), Vec(3, 4)], Vec()), sum([Vec(1, 1)] * 3, 0))
