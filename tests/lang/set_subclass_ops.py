# Tests set/frozenset subclasses: operator results are base types, methods respect overridden __contains__? (no), __init__ overrides, hashing of frozenset subclasses.

class TrackedSet(set):
    def __init__(self, *args):
        super().__init__(*args)
        self.adds = 0

    def add(self, x):
        self.adds += 1
        super().add(x)

    def __repr__(self):
        return f"TrackedSet({sorted(self)})"

t = TrackedSet([3, 1])
t.add(2)
t.update([5])
t |= {6}
print(t, t.adds, type(t).__name__, type(t | {9}).__name__, type(t & {1}).__name__, type(t - {1}).__name__, type(t.copy()).__name__, type(t.union()).__name__)

class Contains(set):
    def __contains__(self, x):
        return True

c = Contains({1})
print(99 in c, sorted(c & {99}), c.issuperset({99}), c >= {99}, {99} <= c)

class FS(frozenset):
    def __new__(cls, *args):
        return super().__new__(cls, *args)

    def describe(self):
        return f"FS{sorted(self)}"

f = FS([2, 1])
print(f.describe(), hash(f) == hash(frozenset({1, 2})), f == {1, 2}, type(f | {3}).__name__, {f: "x"}[frozenset({1, 2})], type(f.copy()).__name__)

class Ordered(set):
    def __iter__(self):
        return iter(sorted(super().__iter__(), reverse=True))

o = Ordered({1, 3, 2})
print(list(o), sorted(o), [x for x in o], max(o), tuple(o))
print(sorted(o | {0}), type(o | {0}).__name__)

class NoHash(frozenset):
    __hash__ = None

try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)

class EqSet(set):
    def __eq__(self, other):
        return "custom eq"

print(EqSet() == set(), set() == EqSet(), EqSet() != set())
s = TrackedSet()
print(s == set(), s == frozenset(), bool(s), len(s), s.adds)
