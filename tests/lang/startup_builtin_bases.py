# Start-up makes the __bases__ tuple of a builtin (static) type only when it
# is first asked for, makes one-character strings on first use and keeps
# the runtime's identifiers as static strings: each must still behave
# exactly as CPython's.
import sys

types = [object, int, bool, float, complex, str, bytes, bytearray, list, tuple,
         dict, set, frozenset, range, slice, type, memoryview, property,
         staticmethod, classmethod, super, enumerate, zip, map, filter, reversed,
         BaseException, Exception, KeyError, LookupError, OSError, FileNotFoundError,
         UnicodeDecodeError, StopIteration, GeneratorExit, SystemExit,
         KeyboardInterrupt, ExceptionGroup, BaseExceptionGroup, DeprecationWarning,
         type(iter([])), type(iter(())), type({}.keys()), type({}.items()),
         type(iter({})), type(None), type(NotImplemented), type(Ellipsis)]
for t in types:
    print(t.__name__, t.__bases__, [c.__name__ for c in t.__mro__])
    assert t.__bases__ is t.__bases__
    assert type.mro(t) == list(t.__mro__)

# Asking for __bases__ first through mro(), then through the attribute.
print(ZeroDivisionError.mro())
print(ZeroDivisionError.__bases__)
print(type.__dict__['__bases__'].__get__(ConnectionResetError))

# Classes over builtin bases compute their MRO from the bases' MROs.
class MyErr(KeyError, UnicodeError):
    pass
print([c.__name__ for c in MyErr.__mro__])
class MyInt(int):
    pass
class Both(MyInt, float.__mro__[-1]):
    pass
print([c.__name__ for c in Both.__mro__], Both.__bases__)
print(issubclass(bool, int), issubclass(MyErr, LookupError), isinstance(MyErr(), Exception))
print(bool in int.__subclasses__(), KeyError in LookupError.__subclasses__())
try:
    class Bad(int, str):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TypeError:", e)

# One-character strings: equal to the literal, cached for Latin-1.
print([chr(c) for c in (0, 9, 65, 97, 127, 128, 200, 255)])
abc, e = "abc", "é"
print(abc[1] == "b", e[0] == chr(233), ord(abc[2]), ord(e[0]), chr(200) == "\xc8")
print(sys.intern(chr(97)) is sys.intern("a"), sys.intern("x" + "y") == "xy",
      len({chr(c) for c in range(256)}))
print("".join(chr(c) for c in range(32, 127)))

# Identifiers the runtime uses: ordinary, equal, interned strings.
names = ["__name__", "__init__", "__dict__", "__class__", "__module__", "__qualname__",
         "__getattr__", "__len__", "__iter__", "__next__"]
for n in names:
    m = "".join(list(n))
    print(n, m == n, sys.intern(m) is n, hash(m) == hash(n), len(n), n.upper(), n[2:-2])
class C:
    def __init__(self):
        self.x = 1
print(C.__name__, C().__dict__, C.__init__.__name__, C.__module__)
