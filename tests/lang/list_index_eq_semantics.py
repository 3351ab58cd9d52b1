# Tests list operations that rely on __eq__: index/count/remove/in with custom equality, identity shortcut before __eq__, NaN handling, comparison order of arguments.

class Loose:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print(f"  Loose({self.v}).__eq__({other!r})")
        return self.v == (other.v if isinstance(other, Loose) else other)

    def __repr__(self):
        return f"L{self.v}"

items = [1, Loose(2), 3, Loose(2)]
print(items.index(2))
print(items.count(2))
print(2 in items)
items.remove(2)
print(items)
marker = Loose(99)
lst = [marker]
print(marker in lst, lst.index(marker), lst.count(marker))
nan = float("nan")
nl = [nan, 1.0]
print(nan in nl, nl.index(nan), nl.count(nan), float("nan") in nl, nl.count(float("nan")))
try:
    nl.remove(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
nl.remove(nan)
print(nl)

class NeverEqual:
    def __eq__(self, other):
        return False

ne = NeverEqual()
print(ne in [ne], [ne] == [ne], [ne].count(ne), (ne,) == (ne,))

class RaisesEq:
    def __eq__(self, other):
        raise RuntimeError("eq called")

r = RaisesEq()
print(r in [r], [r].index(r))
try:
    r in [1]
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].index(r)
except RuntimeError as e:
    print(type(e).__name__, e)
print([1, 2, 3] == [1, 2.0, 3], [1, [2]] == [1, [2.0]], [[]] == [[]], [1] == [True])
print((1, 2) in [(1, 2)], [1, 2] in [[1, 2]], {1: 2} in [{1: 2}], "a" in ["a"], b"a" in [b"a"])
print([0, False, 0.0].count(0), [1, True, 1.0].index(True), ["", None, 0].index(None))
d = {1: "a"}
print(list(d.values()).count("a"), list(d.items()).index((1, "a")))
