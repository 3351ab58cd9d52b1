# The _abc machinery: ABCMeta registration, caches and the collection flags
# that decide which objects match sequence and mapping patterns.
import abc
import collections
import collections.abc as cabc

def kind(x):
    match x:
        case {"k": v}:
            return f"mapping k={v}"
        case {}:
            return "mapping"
        case [a, b, *rest]:
            return f"sequence {a} {b} rest={rest}"
        case [*all]:
            return f"sequence {all}"
        case _:
            return "other"

class MySeq:
    def __init__(self, *items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]

class MyMap:
    def __init__(self, **kw):
        self.d = kw
    def get(self, key, default=None):
        return self.d.get(key, default)
    def __len__(self):
        return len(self.d)
    def keys(self):
        return self.d.keys()

print(kind(MySeq(1, 2, 3)), kind(MyMap(k=1)))
print(cabc.Sequence.register(MySeq) is MySeq, cabc.Mapping.register(MyMap) is MyMap)
print(kind(MySeq(1, 2, 3)), kind(MySeq(9)), kind(MyMap(k=1)), kind(MyMap(z=2)))

class SubSeq(MySeq):
    pass
print(kind(SubSeq(4, 5)), issubclass(SubSeq, cabc.Sequence))

class Direct(cabc.Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
print(kind(Direct(3)), kind(Direct(1)), list(reversed(Direct(3))), Direct(4).index(20), 30 in Direct(4))

class DirectMap(cabc.Mapping):
    def __init__(self, d):
        self.d = d
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
print(kind(DirectMap({"k": "v"})), kind(DirectMap({})), sorted(DirectMap({"a": 1}).items()))

print(kind(collections.deque([1, 2, 3])), kind(collections.OrderedDict(k=3)), kind(range(2)))
print(kind(memoryview(b"ab")), kind("ab"), kind(b"ab"), kind(bytearray(b"ab")))
print(kind(collections.defaultdict(int, k=0)), kind(collections.Counter("kk")))
print(kind({1, 2}), kind(iter([1, 2])), kind((x for x in [1, 2])))

class Both(cabc.Sequence, cabc.Mapping):
    pass
print("Both", kind.__name__, Both.__mro__[1].__name__)

try:
    class Bad(metaclass=abc.ABCMeta):
        __abc_tpflags__ = (1 << 5) | (1 << 6)
except TypeError as e:
    print("TypeError", e)

# Registration, caches and the token.
class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...

print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print("TypeError", e)

class Half(Base):
    def run(self):
        return "ran"
print(sorted(Half.__abstractmethods__))

class Full(Half):
    name = "full"
print(sorted(Full.__abstractmethods__), Full().run(), Full().name)

token = abc.get_cache_token()
class Outside:
    pass
print(isinstance(Outside(), Base), issubclass(Outside, Base))
Base.register(Outside)
print(abc.get_cache_token() == token + 1, isinstance(Outside(), Base), issubclass(Outside, Base))
print(Base.register(Outside) is Outside, abc.get_cache_token() == token + 1)
try:
    Outside.register
except AttributeError:
    print("no register on plain classes")
try:
    Base.register(5)
except TypeError as e:
    print("TypeError", e)
try:
    Half.register(Base)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    issubclass(5, Base)
except TypeError as e:
    print("TypeError", e)

class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return hasattr(C, "quack")
        return NotImplemented
class Duck:
    def quack(self):
        pass
print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(int, Hooked))

class BadHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError", e)

registry, cache, negative, version = abc._get_dump(Base)
print(len(registry), type(next(iter(registry))).__name__, next(iter(registry))() is Outside, isinstance(version, int))
Base._abc_caches_clear()
print([len(s) for s in abc._get_dump(Base)[:3]])
Base._abc_registry_clear()
print(len(abc._get_dump(Base)[0]))

# A registered class that dies leaves the registry.
import gc
class Temp:
    pass
Hooked.register(Temp)
print(len(abc._get_dump(Hooked)[0]))
del Temp
gc.collect()
print(len(abc._get_dump(Hooked)[0]))

# Standard ABCs over builtins.
checks = [(list, cabc.MutableSequence), (tuple, cabc.Sequence), (tuple, cabc.MutableSequence),
          (dict, cabc.MutableMapping), (str, cabc.Sequence), (bytes, cabc.ByteString),
          (set, cabc.MutableSet), (frozenset, cabc.Set), (range, cabc.Sequence),
          (type({}.keys()), cabc.KeysView), (type(iter([])), cabc.Iterator),
          (int, cabc.Hashable), (list, cabc.Hashable), (memoryview, cabc.Sequence)]
print([issubclass(a, b) for a, b in checks])
print(isinstance(len, cabc.Callable), isinstance(5, cabc.Callable), isinstance((x for x in ()), cabc.Generator))
