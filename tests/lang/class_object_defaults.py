# Tests object's default behaviours: __eq__/__ne__ identity, __hash__ present, __init__/__new__ argument checking rules, __repr__ shape, __class__, __dir__, __sizeof__ presence.

class Bare:
    pass

a, b = Bare(), Bare()
print(a == a, a == b, a != b, a.__eq__(b), a.__ne__(a), a.__eq__(a), hash(a) == hash(a), a.__hash__() == hash(a))
print(repr(a).startswith("<__main__.Bare object at 0x"), str(a) == repr(a), format(a, "") == str(a))
print(type(a).__name__, a.__class__ is Bare, Bare.__bases__, Bare.__base__ is object, isinstance(a, object))
for args, kwargs in [((1,), {}), ((), {"x": 1})]:
    try:
        Bare(*args, **kwargs)
    except TypeError as e:
        print(type(e).__name__, e)

class InitOnly:
    def __init__(self, *args, **kw):
        self.args = args

print(InitOnly(1, 2).args)

class NewOnly:
    def __new__(cls, *args):
        return super().__new__(cls)

print(type(NewOnly(1, 2)).__name__)

class BadSuperNew:
    def __new__(cls, *args):
        return super().__new__(cls, *args)

try:
    BadSuperNew(1)
except TypeError as e:
    print(type(e).__name__, e)

class BadSuperInit:
    def __init__(self, *args):
        super().__init__(*args)

try:
    BadSuperInit(1)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__init__(a) is None, object.__new__(Bare).__class__.__name__)
print(sorted(n for n in dir(a) if n in ("__eq__", "__hash__", "__repr__", "__init__", "__dict__", "__weakref__", "__module__", "__doc__")))
print(a.__module__, a.__doc__, Bare.__dict__["__module__"], "__dict__" in Bare.__dict__, a.__dict__)
print(hasattr(a, "__reduce_ex__"), callable(a.__sizeof__), a.__sizeof__() > 0)
print(object() != object(), object.__eq__(a, 5), object.__lt__(a, b), object.__ge__(a, a))
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
print(Bare.__name__, Bare.__qualname__, Bare.__mro__, type(Bare).__name__)
print(object.__subclasshook__(), Bare.__init_subclass__() is None, issubclass(Bare, object))
