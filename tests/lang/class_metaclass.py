# Tests metaclasses: type(name, bases, ns), custom __new__/__init__/__call__, __prepare__, metaclass inheritance and conflicts, class keywords.

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added_by_meta"] = True
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)

    def describe(cls):
        return f"class {cls.__name__}"

class Base(metaclass=Meta):
    x = 1

    def __init__(self, v=0):
        self.v = v

class Child(Base, flag="on"):
    y = 2

c = Child(5)
print(c.v, Child.added_by_meta, type(Child).__name__, Child.describe(), isinstance(Child, Meta))
try:
    c.describe()
except AttributeError as e:
    print(type(e).__name__, e)

class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name, kw)
        return {"preset": "from prepare"}

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls

class Ordered(metaclass=OrderedMeta, option=3):
    zeta = 1
    alpha = 2
    def mid(self): pass

print(Ordered.order, Ordered.preset)

class Singleton(type):
    _instances = {}

    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")

print(Config() is Config(), len(Singleton._instances))

class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    class Both(A1, A2):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class M3(M1): pass
class A3(metaclass=M3): pass
class Derived(A1, A3): pass
print(type(Derived).__name__)
Dyn = type("Dyn", (Base,), {"z": 3})
print(Dyn.z, Dyn.added_by_meta, type(Dyn).__name__)
try:
    type("X", (), {}, extra=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", 5, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(5, (), {})
except TypeError as e:
    print(type(e).__name__, e)

def func_meta(name, bases, ns):
    ns["made_by"] = "function"
    return type(name, bases, ns)

class ByFunc(metaclass=func_meta):
    pass

print(ByFunc.made_by, type(ByFunc).__name__)

class AttrMeta(type):
    def __getattr__(cls, name):
        return f"meta-getattr {name}"

    @property
    def meta_prop(cls):
        return "meta property of " + cls.__name__

class WithAttrMeta(metaclass=AttrMeta):
    real = "real"

print(WithAttrMeta.real, WithAttrMeta.missing, WithAttrMeta.meta_prop, hasattr(WithAttrMeta(), "meta_prop"))

class ReprMeta(type):
    def __repr__(cls):
        return f"<class-ish {cls.__name__}>"

    def __len__(cls):
        return 42

    def __getitem__(cls, k):
        return (cls.__name__, k)

    def __iter__(cls):
        return iter("abc")

class Fancy(metaclass=ReprMeta):
    pass

print(repr(Fancy), len(Fancy), Fancy[1], list(Fancy), [Fancy])
print(type(type), type(object), isinstance(type, object), isinstance(object, type), type.__mro__)
