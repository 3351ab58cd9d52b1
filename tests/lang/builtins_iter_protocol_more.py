# Tests iter()/next() deeper: iterators returning themselves, sentinel form with callables raising StopIteration, next on exhausted/custom iterators, iterator of iterator.

it = iter([1, 2, 3])
print(iter(it) is it, next(it), list(iter(it)))
for obj in [(1,), {1: 2}, {3}, b"z", bytearray(b"q"), range(2), reversed([1]), enumerate("a"), zip("a"), map(str, [1]), filter(None, [1])]:
    i = iter(obj)
    print(type(i).__name__, iter(i) is i, next(i))
vals = iter([5, 4, 0, 3])
print(list(iter(lambda: next(vals), 0)))
def raising():
    raise StopIteration
print(list(iter(raising, None)))
counter = [0]
def count():
    counter[0] += 1
    if counter[0] > 10:
        raise ValueError("runaway")
    return counter[0]
print(list(iter(count, 4)))
sent = iter(count, 100)
try:
    list(sent)
except ValueError as e:
    print(type(e).__name__, e, counter)
class Callable:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n * 10
ci = iter(Callable(), 40)
print(list(ci), list(ci))
try:
    iter(5, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(iter([]))
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(next(iter([]), None), next(iter(""), "empty"), next(reversed(range(3))), next(enumerate("z", 7)))
class ResumeAfterStop:
    def __init__(self):
        self.calls = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.calls += 1
        if self.calls % 3 == 0:
            raise StopIteration
        return self.calls
r = ResumeAfterStop()
print(list(r), list(r), list(r))
g = (x for x in [1])
print(list(g), list(g), next(g, "gen exhausted"))
print(type(iter(iter([]))).__name__, type(iter(range(3))).__name__, type(iter({}.items())).__name__)
