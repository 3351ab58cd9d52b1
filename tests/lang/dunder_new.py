# Tests __new__: called before __init__, returning other types skips __init__, immutable subclasses, singletons, argument checks.

class Traced:
    def __new__(cls, *args, **kw):
        print("  __new__", cls.__name__, args, kw)
        inst = super().__new__(cls)
        inst.created_by_new = True
        return inst

    def __init__(self, a, b=0):
        print("  __init__", a, b)
        self.a, self.b = a, b

t = Traced(1, b=2)
print(t.a, t.b, t.created_by_new)

class ReturnsOther:
    def __new__(cls):
        return 42

    def __init__(self):
        print("  never called")

print(ReturnsOther(), type(ReturnsOther()).__name__)

class Parent:
    def __init__(self):
        print("  Parent.__init__")

class ReturnsSub:
    def __new__(cls):
        return object.__new__(Sub)

    def __init__(self):
        print("  ReturnsSub.__init__")

class Sub(ReturnsSub):
    def __init__(self):
        print("  Sub.__init__ (runs because instance of cls)")

r = ReturnsSub()
print(type(r).__name__)

class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())

u = Upper("hello")
print(u, type(u).__name__, u + "!", len(u), isinstance(u, str))

class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)

print(Pos(5) + 1, type(Pos(5)).__name__)
try:
    Pos(-1)
except ValueError as e:
    print(type(e).__name__, e)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

p = Pair(1, 2)
print(p, p.first, len(p), p == (1, 2), type(p).__name__)

class Single:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self):
        print("  Single.__init__ runs every time")

a, b = Single(), Single()
print(a is b)

class NoNewArgs:
    pass

try:
    NoNewArgs(1)
except TypeError as e:
    print(type(e).__name__, e)

class InitOnly:
    def __init__(self, x):
        self.x = x

print(InitOnly(5).x)
try:
    object.__new__(InitOnly, 1)
except TypeError as e:
    print(type(e).__name__, e)

class NewOnly:
    def __new__(cls, x):
        return super().__new__(cls)

print(type(NewOnly(1)).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__new__(str)
except TypeError as e:
    print(type(e).__name__, e)
print(int.__new__(int, "7"), float.__new__(float, 2), str.__new__(str, 3), type(list.__new__(list)).__name__)

class Counted:
    count = 0

    def __new__(cls, *a):
        cls.count += 1
        return super().__new__(cls)

    def __init__(self, *a):
        pass

[Counted(i) for i in range(3)]
print(Counted.count)

class StaticNew:
    @staticmethod
    def __new__(cls):
        return "explicit staticmethod"

print(StaticNew())
print(type(object.__dict__["__new__"]).__name__ if "__new__" in object.__dict__ else "none", type(Traced.__dict__["__new__"]).__name__)
