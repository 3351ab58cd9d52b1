# Tests set operations with small ints: union, intersection, difference, symmetric difference (operators and methods), comparisons.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [7], range(8, 10))), sorted(a.intersection(b, {4, 3, 99})), sorted(a.difference([1], (2,))), sorted(a.symmetric_difference([4, 5])))
print(sorted(a.union()), sorted(a.intersection()), a.union() is not a)
show("set | list", lambda: a | [1])
show("set & str", lambda: a & "ab")
show("sym diff 2 args", lambda: a.symmetric_difference([1], [2]))
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 4} > {1}, {1} >= {1}, {1} == {1}, {1} != {2}, {1, 2} < {3})
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint([9]), a.isdisjoint(b), set().issubset(set()))
print({1, 2} == frozenset({1, 2}), frozenset({1}) < {1, 2}, sorted({1, 2} | frozenset({3})), type({1} | frozenset()).__name__, type(frozenset() | {1}).__name__)
c = {1, 2}
c |= {3}; c &= {2, 3, 4}; c -= {9}; c ^= {2, 10}
print(sorted(c))
c.update([20], (21,), range(2)); print(sorted(c))
c.intersection_update(range(15)); print(sorted(c))
c.difference_update([0], {1}); print(sorted(c))
c.symmetric_difference_update([3, 100]); print(sorted(c))
show("|= list", lambda: exec("s = {1}\ns |= [2]"))
print(len(set()), set(), set([1, 1, 2]), set("aa"), set(range(3)), {x % 3 for x in range(10)}, set({1: 2}))
s = set()
print(bool(s), 1 in s, s == set(), s == frozenset(), repr(s), repr(frozenset()))
print(sorted({-5, 10, 3, 0, -1}), sorted({1.5, 1, 2}), {0} == {False}, {1, True, 1.0})
show("unhashable elem", lambda: {[1]})
show("unhashable in", lambda: [1] in {1})
print({1, 2}.__or__([1]), {1}.__and__(5), {1}.__sub__("a"))
print({frozenset({1}): "x"}[frozenset([1])], frozenset({1}) in {frozenset({1})}, {1} in {frozenset({1})})
big = set(range(100))
big2 = set(range(50, 150))
print(len(big | big2), len(big & big2), sorted(big ^ big2)[:5], max(big - big2), min(big2 - big))
print({1, 2, 3} - {2} - {3}, {1} | {2} | {3} == {1, 2, 3}, ({1, 2} & {2, 3}) | {5} == {2, 5})
print(set.union({1}, {2}) == {1, 2}, set.intersection({1, 2}, [2]), frozenset.union(frozenset({1}), [2]) == {1, 2})
