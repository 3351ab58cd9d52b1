# Tests __setattr__/__delattr__ used for change tracking and validation, interaction with __init__, properties, slots and super().__setattr__.

class Tracked:
    def __init__(self, **kw):
        super().__setattr__("_changes", [])
        for k, v in kw.items():
            setattr(self, k, v)

    def __setattr__(self, name, value):
        old = self.__dict__.get(name, "<unset>")
        self._changes.append((name, old, value))
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self._changes.append((name, self.__dict__.get(name), "<deleted>"))
        super().__delattr__(name)

t = Tracked(a=1, b=2)
t.a = 10
t.c = 3
del t.b
print(t._changes, sorted(vars(t)))

class Validated:
    rules = {"age": int, "name": str}

    def __setattr__(self, name, value):
        expected = self.rules.get(name)
        if expected is None:
            raise AttributeError(f"unknown field {name!r}")
        if not isinstance(value, expected):
            raise TypeError(f"{name} must be {expected.__name__}, not {type(value).__name__}")
        object.__setattr__(self, name, value)

v = Validated()
v.age = 30
v.name = "x"
for field, val in [("age", "old"), ("height", 1), ("name", 5)]:
    try:
        setattr(v, field, val)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(vars(v))

class WithProp:
    def __init__(self):
        self.log = []
        self.value = 5

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = v * 2

w = WithProp()
w.value = 7
print(w.value, w.log)

class Frozen:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name):
        raise AttributeError("cannot delete")

f = Frozen(1, 2)
print(f.x, f.y)
for op in (lambda: setattr(f, "x", 5), lambda: delattr(f, "y"), lambda: setattr(f, "z", 0)):
    try:
        op()
    except AttributeError as e:
        print(type(e).__name__, e)

class AugAssign:
    def __init__(self):
        object.__setattr__(self, "n", 0)

    def __setattr__(self, name, value):
        print(f"  setattr {name}={value}")
        object.__setattr__(self, name, value)

a = AugAssign()
a.n += 5
a.n *= 2
print(a.n)
class NoRecursion:
    def __setattr__(self, name, value):
        self.__dict__[name] = value * 2
n = NoRecursion()
n.q = 21
print(n.q)
