# Tests attribute hooks: __getattr__ (fallback only), __getattribute__ (always), __setattr__, __delattr__, object.__setattr__ bypass, AttributeError propagation.

class Fallback:
    real = "real attr"

    def __getattr__(self, name):
        if name.startswith("bad"):
            raise AttributeError(f"no {name}")
        return f"virtual {name}"

f = Fallback()
f.inst = "instance"
print(f.real, f.inst, f.anything, getattr(f, "x"), hasattr(f, "bad_one"), getattr(f, "bad_two", "default"))
try:
    f.bad_three
except AttributeError as e:
    print(type(e).__name__, e)

class Spy:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __getattribute__(self, name):
        log = object.__getattribute__(self, "log")
        log.append(name)
        return object.__getattribute__(self, name)

    def method(self):
        return "m"

s = Spy()
s.method()
try:
    s.nothing
except AttributeError as e:
    print(type(e).__name__, e)
print(object.__getattribute__(s, "log"))

class Both:
    def __getattribute__(self, name):
        if name == "special":
            raise AttributeError("redirect")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"__getattr__ got {name}"

b = Both()
print(b.special, b.__class__.__name__)

class Guard:
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set {name}")
        print(f"  set {name}={value!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print(f"  del {name}")
        if name == "locked":
            raise AttributeError("locked attribute")
        object.__delattr__(self, name)

g = Guard()
g.x = 1
g.locked = 2
try:
    g._hidden = 3
except AttributeError as e:
    print(type(e).__name__, e)
setattr(g, "y", 4)
del g.x
try:
    del g.locked
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(vars(g)))
try:
    del g.never
except AttributeError as e:
    print(type(e).__name__, e)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

class Target:
    def __init__(self):
        self.value = 10

    def double(self):
        return self.value * 2

t = Target()
p = Proxy(t)
print(p.value, p.double())
p.value = 21
print(t.value, p.double(), "value" in vars(p))

class Dyn:
    def __getattr__(self, name):
        if name == "computed":
            self.computed = "cached"
            return "first time"
        raise AttributeError(name)

d = Dyn()
print(d.computed, d.computed)
print(getattr(5, "real"), getattr("s", "upper")(), hasattr([], "append"), hasattr(None, "x"))
try:
    getattr(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr([], "append")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.new_attr = 1
except TypeError as e:
    print(type(e).__name__, e)

class GetattrRaisesOther:
    def __getattr__(self, name):
        raise KeyError(name)

try:
    hasattr(GetattrRaisesOther(), "x")
except KeyError as e:
    print(type(e).__name__, e)
print(getattr(GetattrRaisesOther(), "__class__").__name__)

class Prop:
    @property
    def p(self):
        raise AttributeError("from property")

    def __getattr__(self, name):
        return f"fallback for {name}"

print(Prop().p)
