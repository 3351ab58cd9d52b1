# functools from CPython's library (its pure-Python fallbacks under krait):
# reduce, partial, lru_cache, cache, wraps, total_ordering, cmp_to_key,
# singledispatch, cached_property, partialmethod.
import functools

print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 10))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError", e)
pw = functools.partial(pow, 2)
print(pw(10), pw.func is pow, pw.args, pw.keywords, functools.partial(pw, 3)(), repr(functools.partial(max, 1, key=abs)))
calls = []


@functools.lru_cache(maxsize=3)
def sq(n):
    calls.append(n)
    return n * n


print([sq(i) for i in (1, 2, 1, 3, 4, 1, 2)], calls, sq.cache_info())
sq.cache_clear()
print(sq.cache_info(), sq.__wrapped__(5), sq.__name__)


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info().hits > 0)


def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner


@deco
def documented(x):
    "Doc string."
    return x


print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)


@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))


@functools.singledispatch
def kind(x):
    return "object"


@kind.register
def _(x: int):
    return "int"


@kind.register(list)
def _(x):
    return "list"


print(kind(1), kind([]), kind("s"), kind(True), sorted(t.__name__ for t in kind.registry))


class Box:
    def __init__(self):
        self.n = 0

    @functools.cached_property
    def value(self):
        self.n += 1
        return self.n * 10

    def set(self, a, b):
        return (a, b)

    set_one = functools.partialmethod(set, 1)


b = Box()
print(b.value, b.value, b.n, b.set_one(2), "value" in vars(b))
