# Tests overriding properties and attributes across inheritance: plain attribute shadowing property, property shadowing attribute, setter-only overrides, super() property access.

class Base:
    @property
    def value(self):
        return "Base.value"

    kind = "base kind"

class PlainOverride(Base):
    value = "plain class attribute"

class PropOverride(Base):
    @property
    def kind(self):
        return "property kind"

class ExtendGetter(Base):
    @property
    def value(self):
        return "Extended(" + super().value + ")"

class AddSetter(Base):
    @Base.value.setter
    def value(self, v):
        self._v = v

print(PlainOverride().value, PropOverride().kind, ExtendGetter().value, AddSetter().value, Base.kind, PropOverride.kind.__class__.__name__)
a = AddSetter()
a.value = 5
print(a._v, a.value)
try:
    Base().value = 1
except AttributeError as e:
    print(type(e).__name__, e)
p = PlainOverride()
p.value = "instance attr"
print(p.value, PlainOverride.value)
try:
    PropOverride().kind = "x"
except AttributeError as e:
    print(type(e).__name__, e)

class Counter:
    def __init__(self):
        self._n = 0

    n = property(lambda self: self._n)

    @n.setter
    def n(self, v):
        if v < self._n:
            raise ValueError("cannot decrease")
        self._n = v

class Loose(Counter):
    @Counter.n.setter
    def n(self, v):
        self._n = v

c, l = Counter(), Loose()
c.n = 5
l.n = 5
l.n = 1
print(c.n, l.n)
try:
    c.n = 1
except ValueError as e:
    print(type(e).__name__, e)

class DeleterBase:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x

    @x.deleter
    def x(self):
        self._x = "deleted"

class NoDelete(DeleterBase):
    x = property(DeleterBase.x.fget)

d, nd = DeleterBase(), NoDelete()
del d.x
print(d.x)
try:
    del nd.x
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Base.__dict__["value"]).__name__, "value" in PlainOverride.__dict__, ExtendGetter.value.fget.__qualname__)
class Dyn:
    pass
Dyn.computed = property(lambda self: "added after class creation")
print(Dyn().computed)
del Dyn.computed
print(hasattr(Dyn(), "computed"))
