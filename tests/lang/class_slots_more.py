# Tests __slots__ with inheritance chains, multiple inheritance layout conflicts, slots plus properties/class attributes, pickling-free copying, default values via class.

class A:
    __slots__ = ("a",)

class B(A):
    __slots__ = ("b",)

class C(B):
    __slots__ = ()

c = C()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, "__dict__"), [k.__name__ for k in C.__mro__], sorted(A.__dict__) == sorted(A.__dict__))
try:
    c.z = 3
except AttributeError as e:
    print(type(e).__name__, e)

class X:
    __slots__ = ("x",)

class Y:
    __slots__ = ("y",)

try:
    class XY(X, Y):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Empty1:
    __slots__ = ()

class Empty2:
    __slots__ = ()

class Both(Empty1, Empty2):
    __slots__ = ("v",)

b = Both()
b.v = 5
print(b.v, hasattr(b, "__dict__"))

class WithDefault:
    __slots__ = ("value",)

    def __init__(self, value=None):
        if value is not None:
            self.value = value

    def get(self):
        try:
            return self.value
        except AttributeError:
            return "unset"

print(WithDefault().get(), WithDefault(3).get())

class PropSlot:
    __slots__ = ("_x",)

    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = max(0, v)

p = PropSlot()
p.x = -5
print(p.x)
p.x = 7
print(p.x)

def clone(obj):
    new = object.__new__(type(obj))
    for cls in type(obj).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if hasattr(obj, name):
                setattr(new, name, getattr(obj, name))
    return new

c2 = clone(c)
print(c2.a, c2.b, c2 is not c)

class Dicty(A):
    pass

d = Dicty()
d.a = 1
d.other = 2
print(vars(d), d.a)

class SlotsList:
    __slots__ = ["p", "q"]

s = SlotsList()
s.p = 1
print(s.p, type(SlotsList.__slots__).__name__, type(SlotsList.p).__name__)

class SlotsDictGiven:
    __slots__ = {"m": "doc for m", "n": "doc for n"}

print(SlotsDictGiven.m.__doc__ if SlotsDictGiven.m.__doc__ else "no doc", sorted(SlotsDictGiven.__slots__))
class Str(str):
    __slots__ = ()
try:
    Str("x").attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Tup(tuple):
    __slots__ = ()
print(Tup((1, 2)), hasattr(Tup(), "__dict__"))
