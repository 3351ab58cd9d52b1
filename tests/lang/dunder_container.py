# Tests container dunders: __getitem__/__setitem__/__delitem__/__len__/__contains__/__iter__/__reversed__, old-style iteration, in-operator fallbacks.

class Grid:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        print(f"  getitem {key!r}")
        return self.cells.get(repr(key), 0)

    def __setitem__(self, key, value):
        print(f"  setitem {key!r} = {value!r}")
        self.cells[repr(key)] = value

    def __delitem__(self, key):
        print(f"  delitem {key!r}")
        del self.cells[repr(key)]

    def __len__(self):
        return len(self.cells)

g = Grid()
g[1, 2] = "a"
g[0] = "b"
g[1:3] = "slice"
print(g[1, 2], g[5], g[::2], len(g))
del g[0]
try:
    del g["missing"]
except KeyError as e:
    print(type(e).__name__, e)
print(len(g), bool(g))

class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i

print(list(OldSeq()), 9 in OldSeq(), 5 in OldSeq(), [x for x in OldSeq()], list(enumerate(OldSeq())), tuple(OldSeq()))
it = iter(OldSeq())
print(type(it).__name__, next(it), next(it))

class Iterable:
    def __iter__(self):
        print("  __iter__")
        return iter([3, 1, 2])

print(list(Iterable()), 1 in Iterable(), sorted(Iterable()), max(Iterable()))

class Contains:
    def __contains__(self, x):
        print(f"  contains {x!r}")
        return x == "yes"

    def __iter__(self):
        raise AssertionError("should not iterate")

print("yes" in Contains(), "no" in Contains(), "no" not in Contains())

class TruthyContains:
    def __contains__(self, x):
        return [1]

print(1 in TruthyContains(), type(1 in TruthyContains()).__name__)

class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)), [v for v in Countdown(2)], sum(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))

class BadIter:
    def __iter__(self):
        return 5

try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)

class NotIterable:
    pass

for expr in ["iter(NotIterable())", "list(NotIterable())", "1 in NotIterable()", "len(NotIterable())", "NotIterable()[0]", "reversed(NotIterable())"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, type(e).__name__, e)
try:
    NotIterable()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del NotIterable()[0]
except TypeError as e:
    print(type(e).__name__, e)

class IterNone:
    __iter__ = None

try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)

class Rev:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError
        return "abc"[i]

    def __reversed__(self):
        return iter("reversed!")

print(list(reversed(Rev())), list(Rev()))

class Mapping:
    def keys(self):
        return ["a", "b"]

    def __getitem__(self, k):
        return k * 2

print(dict(Mapping()), {**Mapping()}, (lambda **kw: kw)(**Mapping()))

class StopEarly:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise StopIteration("value ignored")
        return self.i

print(list(StopEarly()))
