# Sorting by tuple keys whose first items share one type (ints, strs,
# floats): ties on the first item fall back to the full comparison, NaN and
# -0.0 behave as in CPython, stability holds, and keys of mixed types or
# with odd later items still raise or compare as usual.


class Rev:
    # Orders in reverse and counts comparisons.
    calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Rev.calls += 1
        return self.v > other.v

    def __repr__(self):
        return "Rev(%r)" % self.v


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2147483648
        yield seed


g = lcg(7)
rows = [(next(g) % 10, next(g) % 5, i) for i in range(60)]
print(sorted(rows)[:12])
print(sorted(rows, reverse=True)[:12])
print([r[2] for r in sorted(rows, key=lambda r: (r[0], -r[1]))][:20])
print([r[2] for r in sorted(rows, key=lambda r: (r[0],))][:20])

words = ["pear", "apple", "fig", "apple", "kiwi", "fig", "banana", "", "Zebra", "\u00e9clair", "\U0001f600x"]
print(sorted((w, i) for i, w in enumerate(words)))
print(sorted(((w, len(w)) for w in words), reverse=True))
print(sorted(words, key=lambda w: (w[:1], -len(w), w)))

nan = float("nan")
fl = [(1.5, "a"), (-0.0, "b"), (0.0, "c"), (nan, "d"), (-2.25, "e"), (1.5, "f"), (0.0, "a")]
print(sorted(fl))
print(sorted(fl, reverse=True))
print(sorted([(2.0, 1), (2.0, 0), (1.0, 5)], key=lambda t: t))

# Equal first items: the second items decide with their own __lt__.
rv = [(1, Rev(3)), (0, Rev(9)), (1, Rev(5)), (1, Rev(4)), (0, Rev(1))]
print(sorted(rv))
print(Rev.calls > 0)

# Different first-item types: the generic path raises as CPython does.
for bad in ([(1, "a"), ("b", 2)], [(1,), ()], [(1, 2), 3], [(1, {}), (1, [])]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)

# Empty tuples and big ints mixed into the first position.
print(sorted([(), (1,), (0, 1), ()]))
print(sorted([(10 ** 30, "x"), (5, "y"), (-(10 ** 30), "z"), (5, "a")]))
print(sorted([(True, 1), (0, 2), (False, 0), (1, -1)]))

# Stability with equal whole keys.
recs = [("b", 1, "first"), ("a", 2, "x"), ("b", 1, "second"), ("a", 2, "y"), ("b", 1, "third")]
print(sorted(recs, key=lambda r: (r[0], r[1])))
print(sorted(recs, key=lambda r: (r[0], r[1]), reverse=True))
lst = list(recs)
lst.sort(key=lambda r: (r[1], r[0]))
print(lst)
