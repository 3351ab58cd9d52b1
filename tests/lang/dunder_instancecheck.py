# Tests __instancecheck__/__subclasscheck__ on metaclasses, isinstance/issubclass with tuples and nested tuples, __class__ and __bases__ checks.

class Meta(type):
    def __instancecheck__(cls, obj):
        print(f"  __instancecheck__ {cls.__name__} {type(obj).__name__}")
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        print(f"  __subclasscheck__ {cls.__name__} {sub.__name__}")
        return hasattr(sub, "quack")

class Duck(metaclass=Meta):
    pass

class Mallard:
    def quack(self):
        pass

class Stone:
    pass

print(isinstance(Mallard(), Duck), isinstance(Stone(), Duck), issubclass(Mallard, Duck), issubclass(Stone, Duck))
print(isinstance(Duck(), Duck))
print(isinstance(1, (str, (bytes, (int,)))), isinstance(1, ()), issubclass(bool, ((), (int,))), isinstance("s", (int, float)))
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, (int, 5))
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(int, (int, 5)))
try:
    isinstance(1, (str, 5))
except TypeError as e:
    print(type(e).__name__, e)

class A:
    pass

class B(A):
    pass

b = B()
print(isinstance(b, A), isinstance(b, object), type(b) is A, type(b) is B, issubclass(B, B), issubclass(A, B))

class Fake:
    @property
    def __class__(self):
        return A

f = Fake()
print(type(f).__name__, f.__class__.__name__, isinstance(f, A), isinstance(f, Fake))

class X:
    pass

class Y:
    pass

x = X()
x.__class__ = Y
print(type(x).__name__, isinstance(x, Y), isinstance(x, X))
try:
    x.__class__ = int
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(True, int), isinstance(int, type), isinstance(type, type), isinstance(object, object), issubclass(type, object))
print(isinstance(None, type(None)), isinstance([], (list, tuple)), issubclass(list, (tuple, object)))
import collections.abc as abc
print(isinstance([], abc.Sequence), isinstance({}, abc.Mapping), isinstance(iter([]), abc.Iterator), isinstance(5, abc.Hashable), isinstance([], abc.Hashable))

class Sized:
    def __len__(self):
        return 0

print(isinstance(Sized(), abc.Sized), issubclass(Sized, abc.Iterable))
