# abc from CPython's library (the pure-Python _py_abc under krait): abstract
# classes, register, subclass hooks, caches and abstract properties.
import abc


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...

    def helper(self):
        return "helper"


try:
    Base()
except TypeError as e:
    print("TypeError", e)


class Half(Base):
    def run(self):
        return "run"


try:
    Half()
except TypeError as e:
    print("TypeError", e)


class Full(Half):
    @property
    def name(self):
        return "full"


x = Full()
print(x.run(), x.name, x.helper(), isinstance(x, Base), issubclass(Full, Base), sorted(Base.__abstractmethods__))
print(Full.__abstractmethods__ == frozenset(), type(Base).__name__)


class Sized(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented


print(issubclass(list, Sized), issubclass(int, Sized), isinstance("s", Sized), isinstance(3, Sized))


class Registered(abc.ABC):
    pass


Registered.register(tuple)


@Registered.register
class Later:
    pass


print(issubclass(tuple, Registered), isinstance((), Registered), issubclass(Later, Registered), issubclass(list, Registered))
print(Later.__name__, abc.get_cache_token() is not None)


class Statics(abc.ABC):
    @staticmethod
    @abc.abstractmethod
    def s():
        ...

    @classmethod
    @abc.abstractmethod
    def c(cls):
        ...


print(sorted(Statics.__abstractmethods__), Statics.s.__isabstractmethod__, getattr(Statics.c, "__isabstractmethod__", None))


class Dyn(abc.ABC):
    def a(self):
        pass


Dyn.a = abc.abstractmethod(Dyn.a)
abc.update_abstractmethods(Dyn)
try:
    Dyn()
except TypeError as e:
    print("TypeError", e)
