# Instance creation: metaclass __call__ runs __new__ then __init__ only when
# __new__ returned an instance of the class; __init__ must return None;
# __new__ returning other objects; singletons; type() forms and errors.

class Tracked:
    def __new__(cls, *args, **kw):
        print("new", cls.__name__, args, kw)
        return super().__new__(cls)

    def __init__(self, *args, **kw):
        print("init", type(self).__name__, args, kw)


t = Tracked(1, k=2)


class ReturnsOther:
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


print(ReturnsOther())


class ReturnsSubclassInstance:
    def __new__(cls):
        return super().__new__(Child)

    def __init__(self):
        print("init runs for subclass instance", type(self).__name__)


class Child(ReturnsSubclassInstance):
    pass


print(type(ReturnsSubclassInstance()).__name__)


class InitReturns:
    def __init__(self):
        return 5


try:
    InitReturns()
except TypeError as e:
    print("TypeError", e)


class Singleton:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.inits = 0
        return cls._inst

    def __init__(self):
        self.inits += 1


s1, s2 = Singleton(), Singleton()
print(s1 is s2, s1.inits)


class CountingMeta(type):
    def __call__(cls, *args, **kw):
        print("meta call", cls.__name__, args)
        inst = super().__call__(*args, **kw)
        inst.via_meta = True
        return inst


class Made(metaclass=CountingMeta):
    def __init__(self, v):
        self.v = v


m = Made(3)
print(m.v, m.via_meta)


class Factory(metaclass=CountingMeta):
    def __new__(cls, kind):
        return {"kind": kind} if kind == "dict" else super().__new__(cls)


try:
    print(Factory("dict"))
except AttributeError as e:
    print("AttributeError", e)

# type() with one and three arguments
print(type(1).__name__, type(type).__name__)
Dyn = type("Dyn", (Tracked,), {"attr": 1, "meth": lambda self: "meth"})
print(Dyn.__name__, Dyn.__qualname__, Dyn.__bases__[0].__name__, Dyn.attr, Dyn.__module__)
for args in (("X",), ("X", ()), (1, (), {}), ("X", [], {}), ("X", (), []), ("X", (1,), {})):
    try:
        type(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    type("X", (bool,), {})
except TypeError as e:
    print("TypeError", e)


# object.__new__ argument checks depend on which methods are overridden
class OnlyInit:
    def __init__(self, a):
        self.a = a


class OnlyNew:
    def __new__(cls, a):
        return object.__new__(cls)


print(OnlyInit(1).a, type(OnlyNew(1)).__name__)
for f in (lambda: object.__new__(OnlyInit, 1), lambda: object.__init__(OnlyNew(1), 1),
          lambda: object(1), lambda: object.__new__(1), lambda: object.__new__(int)):
    try:
        f()
        print("ok")
    except TypeError as e:
        print("TypeError", e)


# __init__ of a builtin subclass
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    def __init__(self, a, b):
        self.sum = a + b


p = Pair(2, 3)
print(p, p.sum, type(p).__name__, len(p))


class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())


print(Upper("abc"), Upper("abc") == "ABC", type(Upper("x")).__name__)
