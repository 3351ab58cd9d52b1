# functools: partial, reduce, wraps, lru_cache, cache, cached_property,
# total_ordering, cmp_to_key, singledispatch, partialmethod.
import functools
from functools import (partial, reduce, wraps, lru_cache, cache, cached_property,
                       total_ordering, cmp_to_key, singledispatch, partialmethod)

def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r
sq = partial(power, exp=2)
print(sq(5), sq(5, exp=3), partial(power, 2)(10), partial(power, 2, mod=7)(10))
print(sq.func is power, sq.args, sq.keywords, repr(partial(max, 1)) .startswith("functools.partial(<built-in function max>, 1"))
nested = partial(partial(power, 3), 4)
print(nested(), nested.args, nested.func is power)
try:
    partial()
except TypeError as e:
    print("TypeError", e)
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)

print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 42), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError", e)

def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k) * 2
    return inner
@deco
def doubled(x):
    "Doc of doubled."
    return x + 1
print(doubled(3), doubled.__name__, doubled.__doc__, doubled.__wrapped__(3), doubled.__qualname__)

calls = []
@lru_cache(maxsize=3)
def slow(n):
    calls.append(n)
    return n * n
for n in [1, 2, 3, 1, 4, 1, 2]:
    slow(n)
print(calls, slow.cache_info())
slow.cache_clear()
print(slow.cache_info(), slow(2), calls[-1])

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits, fib.cache_info().currsize)

@cache
def typed_free(x):
    return (x, type(x).__name__)
print(typed_free(1), typed_free(1.0), typed_free.cache_info().currsize)
@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed.cache_info().currsize)
try:
    slow([1])
except TypeError as e:
    print("TypeError", e)

class Data:
    computed = 0
    def __init__(self, v):
        self.v = v
    @cached_property
    def expensive(self):
        Data.computed += 1
        return self.v * 100
d = Data(3)
print(d.expensive, d.expensive, Data.computed, "expensive" in vars(d))
del d.expensive
print(d.expensive, Data.computed, type(Data.__dict__["expensive"]).__name__)

@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Version(1, 2), Version(1, 10), Version(0, 9)]
print(sorted(vs), Version(1) <= Version(1), Version(2) > Version(1, 5), Version(1) >= Version(2))

def cmp(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=cmp_to_key(cmp)))
K = cmp_to_key(cmp)
print(K("a") < K("bb"), K("b") == K("b"), K("zz") > K("a"))

@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
@describe.register(float)
@describe.register(complex)
def _(x):
    return f"number {x}"
print(describe(3), describe(True), describe([1, 2]), describe(2.5), describe(1j), describe("s"))
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry if t is not object))

class Cell:
    def __init__(self):
        self.state = None
    def set_state(self, s):
        self.state = s
    on = partialmethod(set_state, True)
    off = partialmethod(set_state, False)
c = Cell()
c.on()
print(c.state)
c.off()
print(c.state)

print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
u = functools.update_wrapper(lambda: 0, doubled)
print(u.__name__, u.__wrapped__.__name__)
