# Docstrings and text signatures of builtin types, exceptions and user objects.
import inspect
import types

types_to_show = [
    object, type, int, bool, float, complex, str, bytes, bytearray, list, tuple,
    dict, set, frozenset, range, slice, memoryview, property, staticmethod,
    classmethod, super, enumerate, filter, map, reversed, zip,
    types.FunctionType, types.MethodType, types.ModuleType, types.CodeType,
    types.CellType, types.TracebackType, types.SimpleNamespace,
    types.GenericAlias, types.UnionType,
]
for t in types_to_show:
    print(t.__name__, "doc:", repr(t.__doc__))
    print(t.__name__, "text signature:", t.__text_signature__)

# Every builtin exception has CPython's one-line (or longer) doc.
import builtins
excs = sorted((v for v in vars(builtins).values()
               if isinstance(v, type) and issubclass(v, BaseException)),
              key=lambda t: t.__name__)
for e in excs:
    print(e.__name__, repr(e.__doc__))

# inspect.signature reads __text_signature__ for builtin types.
for t in (property, enumerate, complex, float, list, tuple, reversed,
          memoryview, object, types.FunctionType, types.ModuleType):
    try:
        print("signature", t.__name__, inspect.signature(t))
    except (ValueError, TypeError) as e:
        print("signature", t.__name__, type(e).__name__, e)

# User classes: their own __doc__, no text signature, not inherited.
class Base:
    "Base doc."
class Child(Base):
    pass
class MyError(ValueError):
    pass
class DocError(KeyError):
    """Doc of DocError."""
print(Base.__doc__, Child.__doc__, Base.__text_signature__)
print(MyError.__doc__, DocError.__doc__, MyError().__doc__)
print(Base().__doc__)

# Functions, descriptors and their wrappers.
def f():
    "f doc"
def g():
    pass
print(f.__doc__, g.__doc__)
f.__doc__ = "changed"
print(f.__doc__)

class P:
    @property
    def x(self):
        "x doc"
        return 1
    @x.setter
    def x(self, v):
        pass
    y = property(lambda self: 2, doc="y doc")
    z = property(lambda self: 3)
    @staticmethod
    def s():
        "s doc"
    @classmethod
    def c(cls):
        "c doc"
print(P.x.__doc__, P.y.__doc__, P.z.__doc__)
print(P.__dict__["s"].__doc__, P.__dict__["c"].__doc__)
print(P.s.__doc__, P.c.__doc__, P().c.__doc__)
print(type(P.x).__doc__ == property.__doc__)

# Modules and their doc.
m = types.ModuleType("m", "module doc")
print(m.__doc__, types.ModuleType("n").__doc__)
print(inspect.getdoc(P.x), inspect.getdoc(Child))
print(inspect.cleandoc(property.__doc__).splitlines()[0])
