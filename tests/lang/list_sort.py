# Tests list.sort and sorted: stability, key, reverse (stable under reverse), mixed-type errors, mutation during sort.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

data = [(3, "c"), (1, "a"), (2, "b"), (1, "z"), (3, "a"), (2, "a")]
print(sorted(data), sorted(data, key=lambda t: t[0]), sorted(data, key=lambda t: t[0], reverse=True))
print(sorted(data, key=lambda t: t[1]), sorted(data, reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig", "Fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)), sorted(words, key=str.casefold, reverse=True))
nums = [5, -3, 2.5, 0, -7, 10, 1e3, -0.5, 3]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True), sorted(nums, key=lambda x: -x))
a = [3, 1, 2]
r = a.sort()
print(r, a)
a.sort(reverse=True); print(a)
a.sort(key=None); print(a)
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 1, 1: 2}), sorted(range(5), reverse=True), sorted([]))
print(sorted([[2, 1], [1, 2], [1, 1, 1], [1], []]), sorted([(1, "b"), (1, "a"), (0, "z")]))
show("mixed", lambda: sorted([1, "a", 2]))
show("mixed tuples", lambda: sorted([(1, 2), (1, "a")]))
show("None cmp", lambda: sorted([None, None, 1]))
show("sort positional", lambda: [1].sort(None))
show("sorted no arg", lambda: sorted())
show("sorted kw iterable", lambda: sorted(iterable=[1]))
print(sorted([None]), sorted([3], key=lambda x: "ignored"), sorted([1, 2], key=None))

class Rev:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return f"Rev({self.v})"

print(sorted([Rev(1), Rev(3), Rev(2)]))

class OnlyGt:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return f"G{self.v}"

print(sorted([OnlyGt(2), OnlyGt(1), OnlyGt(3)]))
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([1, 2, 3, 4], key=key), calls)
big = [(i * 7919) % 101 for i in range(200)]
s = sorted(big)
print(s[:10], s[-10:], s == sorted(s), len(s))
stab = [(i % 5, i) for i in range(30)]
print(sorted(stab, key=lambda t: t[0])[:12])
print(sorted(stab, key=lambda t: t[0], reverse=True)[:12])
lst = [3, 2, 1]
def bad_key(x):
    lst.append(x)
    return x
try:
    lst.sort(key=bad_key)
    print(lst)
except ValueError as e:
    print(type(e).__name__, e)
class Boom:
    def __lt__(self, other):
        raise RuntimeError("boom")
z = [Boom(), Boom()]
try:
    z.sort()
except RuntimeError as e:
    print(type(e).__name__, e, len(z))
print(sorted([True, False, 0, 1, 0.5]), sorted(["b", "a", "B", "A", "_", "1"]), sorted(["é", "e", "f", "z"]))
print(sorted([float("inf"), -1, float("-inf"), 0]), max([1, 5, 3], key=lambda x: -x))
