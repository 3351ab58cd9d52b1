# Attribute hooks: __getattr__ as fallback only, __getattribute__ for every
# access, __setattr__/__delattr__ routing, object.__setattr__ bypass, and
# AttributeError raised inside properties falling back to __getattr__.

class Fallback:
    cls_attr = "class"

    def __init__(self):
        self.real = "instance"

    def __getattr__(self, name):
        if name.startswith("virt_"):
            return name[5:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")


f = Fallback()
print(f.real, f.cls_attr, f.virt_abc, getattr(f, "virt_x"), hasattr(f, "nope"), getattr(f, "nope", "dflt"))
try:
    f.nope
except AttributeError as e:
    print("AttributeError", e)


class Everything:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __getattribute__(self, name):
        log = object.__getattribute__(self, "log")
        log.append(name)
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"fallback {name}"

    def method(self):
        return "method"


e = Everything()
print(e.method(), e.secret, e.missing)
print(object.__getattribute__(e, "log"))


class Recorder:
    def __init__(self):
        self.x = 1

    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        print("del", name)
        if name == "keep":
            raise AttributeError("cannot delete keep")
        super().__delattr__(name)


r = Recorder()
r.y = 5
print(r.x, r.y, vars(r))
del r.y
print(vars(r))
try:
    del r.keep
except AttributeError as e:
    print("AttributeError", e)
try:
    del r.absent
except AttributeError as e:
    print("AttributeError", e)
setattr(r, "z", 3)
object.__setattr__(r, "w", 3)
print(r.z, r.w)


# AttributeError from a property falls back to __getattr__
class PropFallback:
    @property
    def broken(self):
        raise AttributeError("inner")

    @property
    def other_error(self):
        raise KeyError("k")

    def __getattr__(self, name):
        return "getattr " + name


p = PropFallback()
print(p.broken)
try:
    p.other_error
except KeyError as e:
    print("KeyError", e)


# __getattr__ is not used for special method lookup
class NoSpecial:
    def __getattr__(self, name):
        return lambda *a: 42


ns = NoSpecial()
print(ns.__len__())
try:
    len(ns)
except TypeError as e:
    print("TypeError", e)


# __getattr__ added to the class later is honoured
class Late:
    pass


late = Late()
Late.__getattr__ = lambda self, name: "late " + name
print(late.anything)
del Late.__getattr__
print(hasattr(late, "anything"))


# getattr with non-str names
for bad in (1, None):
    try:
        getattr(f, bad)
    except TypeError as e:
        print("TypeError", e)
try:
    setattr(r, 2, 3)
except TypeError as e:
    print("TypeError", e)

# object() instances take no attributes; error message
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    o.x
except AttributeError as e:
    print("AttributeError", e)


# __getattribute__ raising something else propagates without __getattr__
class Strict:
    def __getattribute__(self, name):
        raise ValueError(name)

    def __getattr__(self, name):
        return "never"


try:
    Strict().q
except ValueError as e:
    print("ValueError", e)
print(hasattr(Fallback(), "virt_q"))
