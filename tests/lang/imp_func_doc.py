# Function docstrings: taken from the code a function is made with, kept
# when __code__ is replaced, settable and deletable.
import functools


def with_doc(a):
    """The first docstring."""
    return a + 1


def without_doc(a):
    return a * 2


def not_first():
    x = 1
    "not a docstring"
    return x


def number_first():
    42
    return 0


lam = lambda: "lambda result"

print(repr(with_doc.__doc__))
print(repr(without_doc.__doc__))
print(repr(not_first.__doc__))
print(repr(number_first.__doc__))
print(repr(lam.__doc__))

# Replacing __code__ keeps the old docstring, both ways.
def donor():
    """Donor's docstring."""
    return "donor"


def receiver():
    return "receiver"


receiver.__code__ = donor.__code__
print(receiver(), repr(receiver.__doc__))
with_doc.__code__ = without_doc.__code__
print(with_doc(5), repr(with_doc.__doc__))

# Set, delete, set to non-str.
def f():
    """f doc"""


f.__doc__ = "changed"
print(repr(f.__doc__))
del f.__doc__
print(repr(f.__doc__))
f.__doc__ = 123
print(repr(f.__doc__))

# Many functions made from one code object each get the docstring.
def make(i):
    def inner():
        """inner doc"""
        return i
    return inner


fs = [make(i) for i in range(5)]
print([g() for g in fs], {g.__doc__ for g in fs})
fs[0].__doc__ = "first"
print([g.__doc__ for g in fs])

# functools.wraps copies it.
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper


@deco
def wrapped(x):
    """Wrapped doc."""
    return x


print(wrapped(3), repr(wrapped.__doc__), wrapped.__name__)

# Methods, static and class methods, properties.
class C:
    """Class doc."""

    def m(self):
        """Method doc."""

    @staticmethod
    def s():
        """Static doc."""

    @classmethod
    def c(cls):
        """Class method doc."""

    @property
    def p(self):
        """Property doc."""
        return 1


print(C.__doc__, C.m.__doc__, C.s.__doc__, C.c.__doc__, C.p.__doc__, C().m.__doc__)

# Generators and async functions.
def gen():
    """Generator doc."""
    yield 1


async def coro():
    """Coroutine doc."""


print(gen.__doc__, coro.__doc__)

# A function whose docstring is the only constant, and types.FunctionType.
import types

def only():
    "only"


g = types.FunctionType(only.__code__, {})
print(repr(g.__doc__), repr(types.FunctionType(without_doc.__code__, {}).__doc__))
print(only.__code__.co_consts[0] is only.__doc__)

# A bound method's type keeps its own doc.
print(type(C().m).__doc__, type(C().m).__name__)
