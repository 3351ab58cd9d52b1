# Tests rich comparisons: __eq__/__ne__/__lt__/..., reflection rules, NotImplemented fallback, default __ne__, subclass priority, error messages.

class V:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"V({self.v})"

    def __eq__(self, o):
        print(f"  {self!r}.__eq__({o!r})")
        return isinstance(o, V) and self.v == o.v if isinstance(o, V) else NotImplemented

    def __lt__(self, o):
        print(f"  {self!r}.__lt__({o!r})")
        return self.v < o.v if isinstance(o, V) else NotImplemented

    def __le__(self, o):
        print(f"  {self!r}.__le__({o!r})")
        return self.v <= o.v if isinstance(o, V) else NotImplemented

    __hash__ = None

a, b = V(1), V(2)
print(a == V(1))
print(a != V(1))
print(a < b)
print(a > b)
print(b >= a)
print(a == 1)
print(1 == a)
print(a != "x")
try:
    print(a < 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 >= a)
except TypeError as e:
    print(type(e).__name__, e)

class W(V):
    def __eq__(self, o):
        print(f"  W.__eq__ {self!r} {o!r}")
        return True

    def __gt__(self, o):
        print(f"  W.__gt__ {self!r} {o!r}")
        return "W-gt"

print(V(1) == W(2))
print(V(1) < W(2))

class Plain:
    pass

p, q = Plain(), Plain()
print(p == p, p == q, p != q, p != p)
try:
    p < q
except TypeError as e:
    print(type(e).__name__, e)

class OnlyEq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == getattr(o, "v", None)

print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq.__hash__)

class NeOnly:
    def __ne__(self, o):
        return "custom ne"

print(NeOnly() != 1, NeOnly() == NeOnly())

class Weird:
    def __eq__(self, o):
        return "truthy string"

    def __lt__(self, o):
        return 0

print(Weird() == 1, Weird() < 1, [Weird()] == [Weird()], Weird() in [1])

class Raises:
    def __eq__(self, o):
        raise RuntimeError("eq raised")

try:
    Raises() == 1
except RuntimeError as e:
    print(type(e).__name__, e)
r = Raises()
print(r in [r], [r] == [r])
try:
    print(r in [1])
except RuntimeError as e:
    print(type(e).__name__, e)

class AlwaysNI:
    def __eq__(self, o):
        return NotImplemented

    def __lt__(self, o):
        return NotImplemented

x = AlwaysNI()
print(x == x, x == AlwaysNI(), x != AlwaysNI())
try:
    x < x
except TypeError as e:
    print(type(e).__name__, e)
print(1 < 2 < 3, 1 < 3 < 2, (1 < 2) < 3)
try:
    None < None
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] < ()
except TypeError as e:
    print(type(e).__name__, e)
try:
    {} <= {}
except TypeError as e:
    print(type(e).__name__, e)
print(int.__eq__(1, 1.0), float.__eq__(1.0, 1), int.__lt__(1, 2), int.__lt__(1, "a"), object.__eq__(p, p), object.__eq__(p, q), object.__ne__(p, q))
