# collections.namedtuple in depth: fields, defaults, _make/_replace/_asdict,
# subclassing, pickling protocol, errors.
from collections import namedtuple
import copy

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(Point._fields, Point.__name__, Point.__doc__, Point.x.__doc__)
print(p._replace(x=10), p._asdict(), Point._make([5, 6]), Point._make(iter((7, 8))))
print(p == (1, 2), p < Point(1, 3), hash(p) == hash((1, 2)), isinstance(p, tuple))
a, b = p
print(a, b, p + (3,), p * 2, p[::-1], p.index(2), p.count(1))

P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1])
print(P3(5), P3(5, 6), P3(5, 6, 7), P3._field_defaults, P3.__new__.__defaults__)
print(P3(c=3, a=1))

Renamed = namedtuple("Renamed", ["abc", "def", "ghi", "_x", "abc", "2y"], rename=True)
print(Renamed._fields)

Spaced = namedtuple("Spaced", "  one,two   three ")
print(Spaced._fields, Spaced(1, 2, 3))

for bad in [("1x", "a"), ("X", "a b a"), ("X", "class x"), ("X", "_a"), ("X", ["a", 3])]:
    try:
        namedtuple(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    Point._make([1])
except TypeError as e:
    print("TypeError", e)
try:
    p._replace(z=3)
except ValueError as e:
    print("ValueError", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    P3()
except TypeError as e:
    print("TypeError", e)
try:
    namedtuple("D", "a b", defaults=[1, 2, 3])
except TypeError as e:
    print("TypeError", e)

class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __repr__(self):
        return f"Vec<{self.x},{self.y}>"
v = Vec(3, 4) + Vec(1, 1)
print(v, v.norm2, v._replace(x=0), type(v._replace(x=0)).__name__, Vec._make([9, 9]))
print(hasattr(v, "__dict__"), Vec.__mro__[1].__name__)

mod = namedtuple("M", "a", module="mymod")
print(mod.__module__, Point.__module__)

print(copy.copy(p) is p or copy.copy(p) == p, copy.deepcopy(Point([1], [2])))
print(p.__getnewargs__(), p.__reduce_ex__(2)[1])

Empty = namedtuple("Empty", "")
print(Empty(), Empty._fields, len(Empty()))

Big = namedtuple("Big", [f"f{i}" for i in range(30)])
b = Big(*range(30))
print(b.f29, b[15], sum(b))

d = {Point(1, 2): "a", (1, 2): "b"}
print(d)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(max(Point(1, 2), Point(0, 9), key=lambda q: q.y))
print(Point(*map(int, "3 4".split())), Point(**{"y": 1, "x": 0}))

# The field descriptors.
fx = Point.x
print(type(fx).__name__, fx.__get__(None, Point) is fx, fx.__get__((9, 8)), Point.y.__get__((9, 8)))
try:
    fx.__get__([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    Point.y.__get__((1,))
except IndexError as e:
    print("IndexError", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)
Point.x.__doc__ = "the x"
print(Point.x.__doc__, fx.__reduce__()[1], type(fx)(1, "d").__get__((5, 6)))
