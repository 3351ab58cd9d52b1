# Tests caching descriptors: non-data descriptor that stores into instance __dict__ (computed once), invalidation by del, class access, interaction with __slots__.

class cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value

class Data:
    computations = 0

    def __init__(self, values):
        self.values = values

    @cached
    def total(self):
        Data.computations += 1
        return sum(self.values)

    @cached
    def stats(self):
        Data.computations += 1
        return {"min": min(self.values), "max": max(self.values), "mean": self.total / len(self.values)}

d = Data([3, 1, 4, 1, 5])
print(d.total, d.total, d.stats, Data.computations)
print(sorted(vars(d)), type(Data.total).__name__, Data.total.name)
d.values.append(100)
print(d.total)
del d.total
print(d.total, Data.computations)
d.total = "overridden"
print(d.total)
d2 = Data([1])
print(d2.total, Data.computations)

class Slotted:
    __slots__ = ("values",)

    def __init__(self):
        self.values = [1]

    @cached
    def total(self):
        return sum(self.values)

try:
    Slotted().total
except AttributeError as e:
    print(type(e).__name__, e)

class Counter:
    def __init__(self):
        self.calls = 0

    def __get__(self, obj, objtype=None):
        self.calls += 1
        return self.calls

class UsesCounter:
    c = Counter()

u = UsesCounter()
print(u.c, u.c, UsesCounter.c)
u.__dict__["c"] = "instance wins over non-data"
print(u.c)

class Resettable:
    def __init__(self):
        self._cache = {}

    def _compute(self, key):
        self._cache.setdefault(key, f"computed-{key}-{len(self._cache)}")
        return self._cache[key]

    def __getattr__(self, name):
        if name.startswith("lazy_"):
            return self._compute(name[5:])
        raise AttributeError(name)

r = Resettable()
print(r.lazy_a, r.lazy_b, r.lazy_a, sorted(r._cache))
try:
    r.other
except AttributeError as e:
    print(type(e).__name__, e)
