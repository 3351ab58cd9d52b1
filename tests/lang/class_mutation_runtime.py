# Changing classes after creation: adding and deleting methods (and special
# methods, so slots follow), __bases__ and __class__ assignment with their
# layout checks, __name__/__qualname__/__doc__ assignment, mappingproxy.

class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class C(A):
    pass


c = C()
print(c.who())
C.__bases__ = (B,)
print(c.who(), [k.__name__ for k in C.__mro__], issubclass(C, A), issubclass(C, B))
for bad in ((), (int,), (C,), "x", (1,)):
    try:
        C.__bases__ = bad
    except TypeError as e:
        print("TypeError", e)

# special methods added later take effect
class Num:
    def __init__(self, v):
        self.v = v


n = Num(3)
try:
    n + 1
except TypeError as e:
    print("TypeError", e)
Num.__add__ = lambda self, o: Num(self.v + o)
Num.__len__ = lambda self: self.v
Num.__repr__ = lambda self: f"Num({self.v})"
Num.__eq__ = lambda self, o: isinstance(o, Num) and self.v == o.v
print(n + 1, len(n), repr(n), n == Num(3), n != Num(4))
del Num.__add__
try:
    n + 1
except TypeError as e:
    print("TypeError", e)
try:
    hash(n)
    print("hashable")
except TypeError as e:
    print("TypeError", e)

# inherited special methods follow the base's changes
class Base:
    pass


class Derived(Base):
    pass


Base.__getitem__ = lambda self, k: ("base", k)
print(Derived()[1])
Derived.__getitem__ = lambda self, k: ("derived", k)
print(Derived()[1], Base()[2])
del Derived.__getitem__
print(Derived()[3])

# __class__ assignment between compatible classes
class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


pet = Cat()
pet.__class__ = Dog
print(pet.speak(), type(pet).__name__)
for bad in (int, 1, object):
    try:
        pet.__class__ = bad
    except TypeError as e:
        print("TypeError", e)


class Slotted:
    __slots__ = ("a",)


try:
    pet.__class__ = Slotted
except TypeError as e:
    print("TypeError", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError", e)

# names and docs
class Named:
    "original doc"


Named.__name__ = "Renamed"
Named.__qualname__ = "Outer.Renamed"
Named.__doc__ = "new doc"
print(Named.__name__, Named.__qualname__, Named.__doc__, repr(Named))
for attr, val in (("__name__", 1), ("__qualname__", None), ("__name__", "a\0b")):
    try:
        setattr(Named, attr, val)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# class __dict__ is a read-only proxy
proxy = Named.__dict__
try:
    proxy["x"] = 1
except TypeError as e:
    print("TypeError", e)
print(type(proxy).__name__, "__doc__" in proxy, proxy.get("missing", "dflt"))
Named.later = 5
print("later" in proxy, proxy["later"])

# builtin types are immutable
for target in (int, list, object):
    try:
        target.new_attr = 1
    except TypeError as e:
        print("TypeError", e)
try:
    del str.upper
except TypeError as e:
    print("TypeError", e)

# __bases__ of a class with subclasses: the subclasses' MROs and slots follow
class A:
    def f(self): return "A"
class B:
    def f(self): return "B"
    def __len__(self): return 7
class C(A): pass
class D(C): pass
d = D()
print(d.f(), [k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(d.f(), [k.__name__ for k in D.__mro__], len(d), A.__subclasses__(), B.__subclasses__())
C.__bases__ = (A, B)
print(d.f(), [k.__name__ for k in D.__mro__], len(d))
class M(type):
    def mro(cls):
        if cls.__name__ == "E" and getattr(M, "fail", False): raise RuntimeError("mro fail")
        return super().mro()
class E0: pass
class E(E0, metaclass=M): pass
M.fail = True
try: E.__bases__ = (B,)
except RuntimeError as e: print("RuntimeError", e, E.__bases__, E.__mro__)
try: D.__bases__ = (D,)
except TypeError as e: print(e)
class S1: __slots__=('a',)
class S2: __slots__=('a',)
class T(S1): __slots__=()
try: T.__bases__ = (S2,)
except TypeError as e: print(e)
try:
    type("a\0b", (), {})
except ValueError as e:
    print("ValueError", e)
