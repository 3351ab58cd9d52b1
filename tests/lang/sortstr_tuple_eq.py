# == and != of exact tuples (set and dict probes, 'in', list.index,
# count) compare items in turn up to the shorter length and only then the
# lengths, so item __eq__ methods run even when the lengths differ; errors
# propagate; deep nesting raises RecursionError.


class Noisy:
    log = []

    def __init__(self, tag, same=True):
        self.tag = tag
        self.same = same

    def __eq__(self, other):
        Noisy.log.append(self.tag)
        if self.same == "raise":
            raise KeyError(self.tag)
        return self.same

    def __hash__(self):
        return 7


a, b = Noisy("a"), Noisy("b")
print("diff len eq", (a, 1) == (b,), Noisy.log)
Noisy.log.clear()
print("diff len ne", (a,) != (b, 2), Noisy.log)
Noisy.log.clear()
print("stop at first unequal", (Noisy("x", False), a) == (b, b), Noisy.log)
Noisy.log.clear()
print("all equal", (a, b, 3) == (b, a, 3), (a, b, 3) != (b, a, 3), Noisy.log)
Noisy.log.clear()
try:
    (1, Noisy("r", "raise")) == (1, b)
except KeyError as e:
    print("KeyError", e)
try:
    (1, Noisy("r", "raise")) != (1, b)
except KeyError as e:
    print("KeyError", e)


# A truthiness that raises inside an item comparison.
class BadBool:
    def __bool__(self):
        raise ValueError("no truth")


class Weird:
    def __eq__(self, other):
        return BadBool()


try:
    (Weird(),) == (1,)
except ValueError as e:
    print("ValueError", e)

# Sets and dicts of tuples: equal but distinct tuples find each other.
words = "the cat sat on the mat the cat ran".split()
pairs = list(zip(words, words[1:]))
s = set(pairs)
print("bigrams", len(pairs), len(s), sorted(s)[:4])
d = {}
for p in pairs:
    d[p] = d.get(p, 0) + 1
print("counts", sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
key = ("the", "".join(["c", "a", "t"]))
print("lookups", key in s, d[key], pairs.index(key), pairs.count(key), (key in pairs))
nested = {((1, 2), ("a", (3.0,))): "n"}
print("nested", nested[((1, 2), ("a", (3,)))], ((1, 2), ("a", (3.0,))) == ((1, 2), ("a", (3,))))
print("mixed", (1, "a") == (1.0, "a"), (1, "a") == (1, "b"), (1, 2) == [1, 2], (1, 2) != (1, 2, 3),
      () == (), () != (0,), (float("nan"),) == (float("nan"),))
nan = float("nan")
print("same nan", (nan,) == (nan,), [nan] == [nan], (nan, 1) in {(nan, 1)})


# Tuple subclasses keep their own __eq__.
class T(tuple):
    def __eq__(self, other):
        return "T.__eq__"

    __hash__ = tuple.__hash__


print("subclass", T((1,)) == (1,), (1,) == T((1,)), (1,) in [T((2,))], [T((1,))].count((1,)))

# Deep nesting: RecursionError, not a crash.
x = y = ()
for i in range(5000):
    x = (x,)
    y = (y,)
try:
    print(x == y)
except RecursionError as e:
    print("RecursionError", e)
try:
    print([x].count(y), x != y)
except RecursionError as e:
    print("RecursionError", e)
