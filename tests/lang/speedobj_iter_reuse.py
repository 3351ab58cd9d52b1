# enumerate and zip hand out their previous result tuple again when the
# caller dropped it (vm/iter.c). A tuple still held elsewhere must never
# change, the collector must see the new items, and a finalizer running
# while the old items are released may call the iterator again.
import gc

e = enumerate("abc")
first = next(e)
second = next(e)
print("held results", first, second, first is second)
third = next(e)
print("third", third, first, second)

print("list of enumerate", list(enumerate("xyz", 5)))
print("list of zip", list(zip("ab", [1, 2], (None, True))))

total = 0
for i, (a, b) in enumerate(zip(range(100), range(100, 200))):
    total += i * a + b
print("loop total", total)

pairs = []
for t in zip([1, 2, 3], "abc"):
    pairs.append(t)
print("kept in loop", pairs)

# The collector untracks tuples of atomic items; a reused tuple that then
# holds a list must be tracked again.
e = enumerate([1, 2, [3], [4]])
t = next(e)
del t
gc.collect()
t = next(e)
print("after collect", t, gc.is_tracked(t))
del t
gc.collect()
t = next(e)
print("list item", t, gc.is_tracked(t))
t[1].append(t)
del t
print("cycle collected", gc.collect() >= 0)


class Noisy:
    def __init__(self, name, pull):
        self.name = name
        self.pull = pull

    def __del__(self):
        if self.pull:
            inner = next(IT, None)
            print("  __del__ of", self.name, "pulled", inner and inner[1].name)

    def __repr__(self):
        return self.name


def noisy_items():
    for k in range(4):
        yield Noisy("n%d" % k, k == 0)


IT = enumerate(noisy_items())
x = next(IT)
print("got", x)
x = None
y = next(IT)
print("then", y)
del y
print("rest", list(IT))

z = zip("abc", [1, 2], strict=True)
print("zip strict", next(z), next(z))
try:
    next(z)
except ValueError as err:
    print("ValueError", err)
print("after error", next(z, "done"))

z = zip([1, 2, 3], [4, 5])
r1 = next(z)
r1 = None
print("short zip", next(z), next(z, "end"))


def gen_pairs(n):
    for i, c in enumerate("abcdefgh"[:n]):
        yield i, c


print("generator pairs", dict(gen_pairs(5)))
print("enumerate start", [(i, c) for i, c in enumerate("pq", start=-1)])
print("zip of three", [a + b + c for a, b, c in zip("ab", "cd", "ef")])
print("sum over enumerate", sum(i * c for i, c in enumerate(range(10))))


class E(enumerate):
    pass


print("subclass", list(E("ab")), [t for t in E("cd", 3)])
