# Tests list/tuple comparison (lexicographic, mixed types), repr of nested and self-referential containers, equality shortcuts.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 100], [1, 2] == [1, 2], [1, 2] != [2, 1], [1] <= [1], [1, [2]] < [1, [3]])
print((1, 2) < (1, 3), (1,) < (1, 0), () == (), (1, "a") < (1, "b"), (1, 2) == [1, 2], (0,) >= ())
show("list < tuple", lambda: [1] < (1,))
show("[1] < ['a']", lambda: [1] < ["a"])
print([1, "a"] == [1, "a"], [1, "a"] < [2, "b"], [1, 2, "x"] < [1, 3, 4])
nan = float("nan")
print([nan] == [nan], [nan] < [nan], [1, nan] < [1, nan], [nan, 1] < [nan, 2])
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a), a[2][2][0])
d = {"k": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)
nested = [1, [2, [3, [4, [5]]]], (6, (7,)), {"a": [8]}, {9}, frozenset(), set(), (), [], {}]
print(nested, repr(nested))
print(repr(["q'", 'q"', "\n", 1.0, None, True, b"b", 1j]), str(("s",)), repr((1,)), repr(()))

class R:
    def __repr__(self):
        return "R()"

    def __str__(self):
        return "str-not-used"

print([R()], (R(), R()), {1: R()}, str([R()]))

class Cnt:
    n = 0

    def __eq__(self, other):
        Cnt.n += 1
        return True

x = Cnt()
print([x] == [x], Cnt.n, [x] == [Cnt()], Cnt.n, x in [x], Cnt.n)
print(list.__eq__([1], (1,)), list.__lt__([1], 5), tuple.__eq__((1,), [1]))
print([1, 2] * 2 == [1, 2, 1, 2], [[]] * 2 == [[], []], [0] * 3 < [0] * 4)
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, "a"), (1, "z"), (1, "b")]))
