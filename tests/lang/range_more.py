# Tests range edge cases: negative steps, empty ranges equality, containment for non-ints, slicing ranges of ranges, reversed of stepped ranges, len near limits.

cases = [(0, 10, 3), (10, 0, -3), (-5, 5, 2), (5, -5, -2), (0, 0, 1), (3, 1, 1), (1, 3, -1), (-1, -10, -4), (0, 1, 10)]
for a, b, c in cases:
    r = range(a, b, c)
    print((a, b, c), list(r), len(r), list(reversed(r)), r[::-1] == range(a, b, c)[::-1], r[1:] if len(r) > 1 else r, bool(r))
print(range(0, 0) == range(5, 5) == range(10, 0), range(0, 3, 2) == range(0, 4, 2), range(0, 1, 5) == range(0, 1, 7), range(1, 1, 1) == range(2, 2, 2))
print(3.0 in range(5), 3.5 in range(5), True in range(2), "1" in range(3), None in range(3), 10 ** 20 in range(10 ** 21))
class Eq3:
    def __eq__(self, o):
        return o == 3
print(Eq3() in range(5), Eq3() in range(3))
r = range(100)[10:90:7][2:][::2]
print(r, list(r)[:5], len(r), r[-1])
print(range(10)[-3:-1], range(10)[-100:100], range(10)[::-3], range(0, 10, 2)[::-1], range(10, 0, -2)[1::2])
print(range(5).index(4), range(0, 20, 5).index(15), range(-3, 3).count(0), range(3).count(5), range(3).count(1.0))
try:
    range(0, 20, 5).index(7)
except ValueError as e:
    print(type(e).__name__, e)
big = range(-(2 ** 70), 2 ** 70, 2 ** 60)
print(len(big), big[0], big[-1], big.index(0), 2 ** 65 in big, 2 ** 60 in big)
print(sum(range(0, 1000, 7)), sum(range(1000, 0, -7)), max(range(3, 40, 6)), min(range(3, 40, 6)), sorted(range(5, 0, -1)))
print(list(map(lambda i: i * i, range(5))), [i for i in range(10, 0, -3)], dict(zip(range(3), range(3, 6))))
it = iter(range(3))
print(type(it).__name__, next(it), next(it), next(it), next(it, "end"))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(5, 0)), {range(3): "x"}[range(0, 3)])
print(repr(range(-1, -5, -1)), str(range(10 ** 20)), range(3).start, range(3).step, range(1, 2, 3).stop)
try:
    range(1, 2, 3).start = 0
except AttributeError as e:
    print(type(e).__name__, e)
try:
    range(3) < range(4)
except TypeError as e:
    print(type(e).__name__, e)
