# Tests exceptions raised in __init__, __new__, class bodies, decorators, default-argument evaluation and metaclasses: partial state and propagation.

class Fails:
    created = 0

    def __init__(self, fail):
        Fails.created += 1
        self.partial = "set before failure"
        if fail:
            raise ValueError("init failed")

try:
    Fails(True)
except ValueError as e:
    print(type(e).__name__, e, Fails.created)
print(Fails(False).partial, Fails.created)
try:
    class Broken:
        x = 1
        y = 1 / 0
except ZeroDivisionError as e:
    print("class body:", type(e).__name__, e)
print("Broken" in globals())

def bad_decorator(fn):
    raise TypeError(f"cannot decorate {fn.__name__}")

try:
    @bad_decorator
    def target():
        pass
except TypeError as e:
    print("decorator:", e)
print("target" in globals())

def default_fails():
    raise LookupError("default evaluation failed")

try:
    def f(x=default_fails()):
        return x
except LookupError as e:
    print("default:", e)
print("f" in globals())

class NewFails:
    def __new__(cls):
        raise RuntimeError("new failed")

    def __init__(self):
        print("never")

try:
    NewFails()
except RuntimeError as e:
    print("__new__:", e)

class MetaFails(type):
    def __new__(mcls, name, bases, ns):
        if "forbidden" in ns:
            raise AttributeError(f"{name} may not define 'forbidden'")
        return super().__new__(mcls, name, bases, ns)

try:
    class Bad(metaclass=MetaFails):
        forbidden = True
except AttributeError as e:
    print("metaclass:", e)

class Good(metaclass=MetaFails):
    allowed = True

print(Good.allowed)

class InitSubclassFails:
    def __init_subclass__(cls):
        raise NotImplementedError(f"no subclasses of {cls.__mro__[1].__name__} allowed")

try:
    class Child(InitSubclassFails):
        pass
except NotImplementedError as e:
    print("__init_subclass__:", e)

class SuperInitFails(Exception):
    def __init__(self, *a):
        super().__init__(*a)
        raise KeyError("while constructing exception")

try:
    raise SuperInitFails("x")
except KeyError as e:
    print("exception constructor:", type(e).__name__, e)

def gen_fails_on_creation(n=1 / 1):
    yield n

print(list(gen_fails_on_creation()))

class PropertyInInit:
    def __init__(self):
        self.value = -1

    @property
    def value(self):
        return self._v

    @value.setter
    def value(self, v):
        if v < 0:
            raise ValueError("negative not allowed")
        self._v = v

try:
    PropertyInInit()
except ValueError as e:
    print("setter in __init__:", e)
