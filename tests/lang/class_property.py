# Tests property: getter/setter/deleter, decorator chaining, read-only errors, property on class access, inheritance and overriding.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        """Celsius degrees."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
show("set invalid", lambda: setattr(t, "celsius", -300))
show("set read-only", lambda: setattr(t, "fahrenheit", 1))
show("del read-only", lambda: delattr(t, "fahrenheit"))
del t.celsius
show("after delete", lambda: t.celsius)
prop = Temp.__dict__["celsius"]
print(type(Temp.celsius).__name__, Temp.celsius.__doc__, prop.fget.__name__, prop.fset.__name__, prop.fdel.__name__, Temp.fahrenheit.fset)

class Old:
    def get_x(self):
        return self._x * 2

    def set_x(self, v):
        self._x = v

    x = property(get_x, set_x, None, "x doc")
    y = property()
    z = property(lambda self: "lambda prop")

o = Old()
o.x = 5
print(o.x, Old.x.__doc__, o.z)
show("empty property get", lambda: o.y)
show("empty property set", lambda: setattr(o, "y", 1))

class Base:
    @property
    def v(self):
        return "base"

class Child(Base):
    @property
    def v(self):
        return "child+" + super().v

class Child2(Base):
    @Base.v.getter
    def v(self):
        return "child2"

print(Child().v, Child2().v, Base().v)

class Shadow:
    @property
    def a(self):
        return "prop wins"

s = Shadow()
s.__dict__["a"] = "instance dict"
print(s.a, vars(s))

class Lazy:
    calls = 0

    @property
    def expensive(self):
        Lazy.calls += 1
        return 42

l = Lazy()
print(l.expensive, l.expensive, Lazy.calls)

class Setter:
    def __init__(self):
        self.log = []

    def _set(self, v):
        self.log.append(v)

    val = property(None, _set)

st = Setter()
st.val = 1
st.val = 2
print(st.log)
show("write-only get", lambda: st.val)
p2 = property(lambda s: 1)
p3 = p2.setter(lambda s, v: None)
print(p2 is p3, p2.fset, p3.fset is not None)

class Raiser:
    @property
    def bad(self):
        raise AttributeError("inner missing")

    def __getattr__(self, name):
        return f"__getattr__({name})"

print(Raiser().bad)
