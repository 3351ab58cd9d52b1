# Metaclass __prepare__: the namespace a class body runs in, its keyword
# arguments, non-dict namespaces, and what type.__new__ does with them.

class RecordingNS(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], sorted(kw))
        return RecordingNS()

    def __new__(mcls, name, bases, ns, **kw):
        print("new", type(ns).__name__, [k for k in ns.order if not k.startswith("__")])
        return super().__new__(mcls, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, option=1):
    b = 1
    a = 2

    def m(self):
        return "m"

    a = 3


print(A.a, A.b, A().m(), type(A.__dict__).__name__)


# a namespace that injects names
class AutoNS(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key.upper()
        raise KeyError(key)


class AutoMeta(type):
    def __prepare__(name, bases):
        return AutoNS(injected=42)


class B(metaclass=AutoMeta):
    x = injected + 1
    y = auto_thing


print(B.x, B.y, B.injected)


# __prepare__ returning a non-mapping
class BadMeta(type):
    def __prepare__(name, bases):
        return 5


try:
    class C(metaclass=BadMeta):
        pass
except TypeError as e:
    print("TypeError", e)


# type.__prepare__ returns a fresh dict and takes anything
ns = type.__prepare__("X", (), extra=1)
print(type(ns).__name__, ns)


# the namespace may reject names
class NoDupes(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"duplicate {key}")
        super().__setitem__(key, value)


class NoDupesMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NoDupes()


try:
    class D(metaclass=NoDupesMeta):
        def f(self):
            pass

        def f(self):
            pass
except TypeError as e:
    print("TypeError", e)


# __prepare__ is inherited by subclasses of the metaclass' classes
class E(A):
    z = 1


print(E.z, type(E).__name__)

# a class body sees its namespace through locals()
class F:
    p = 1
    q = sorted(k for k in locals() if not k.startswith("__"))


print(F.q)

# __qualname__ and __module__ are set in the namespace before the body runs
class G(metaclass=Meta):
    seen = (__qualname__, __module__)


print(G.seen)
