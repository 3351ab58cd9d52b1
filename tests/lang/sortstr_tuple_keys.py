# list.sort with tuple keys: the items that differ first decide, equal
# prefixes let the shorter tuple sort first, the first item is compared
# directly when every key starts with a small int, an exact str or an
# exact float (NaN included), and errors or mutations from later items
# surface exactly as in CPython.


class Loud:
    # Orders by value; counts comparisons and can be told to fail.
    fail = False
    calls = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        Loud.calls += 1
        if Loud.fail:
            raise RuntimeError("eq failed")
        return self.v == other.v

    def __lt__(self, other):
        Loud.calls += 1
        return self.v < other.v

    def __repr__(self):
        return "L%d" % self.v


def show(label, items):
    print(label, items)


# Int first items with ties broken by the later items, lengths differing.
data = [(3, "b"), (1, "z"), (3, "a"), (1,), (2, 5.5), (1, "a", 0), (3, "a", -1), (2, 5)]
show("int-first", sorted(data))
show("int-first rev", sorted(data, reverse=True))

# Str first items; the second item mixes int and float (still comparable).
data = [("b", 2), ("a", 1.5), ("b", 1), ("a", 1), ("", 9), ("a",), ("b", 2.0)]
show("str-first", sorted(data))

# Float first items with NaN: NaN is neither less nor greater, so the
# comparison falls back to the whole tuple (NaN == NaN only when identical).
nan = float("nan")
data = [(2.0, "x"), (nan, "b"), (1.0, "y"), (nan, "a"), (0.5, "z")]
r = sorted(data)
print("float-first", [("nan" if t[0] != t[0] else t[0], t[1]) for t in r])
data = [(1.0, 3), (1.0, 1), (-0.0, 2), (0.0, 1)]
show("float zeros", sorted(data))

# Mixed first items (no direct path): the generic tuple walk.
data = [(1, "b"), (1.0, "a"), (True, "c"), (0, "d"), (0.5, "e")]
show("mixed-first", sorted(data))
data = [(Loud(2), 1), (Loud(1), 2), (Loud(2), 0)]
Loud.calls = 0
r = sorted(data)
print("objects-first", r, Loud.calls > 0)

# Empty tuples are less than any other tuple.
data = [(1,), (), (0, 0), (), (0,)]
show("empties", sorted(data))
data = [("a",), (), ("",)]
show("empties str", sorted(data))

# Stability: equal keys keep their input order, forwards and reversed.
rows = [("k%d" % (i % 3), i % 2, i) for i in range(12)]
show("stable", sorted(rows, key=lambda r: (r[0], r[1])))
show("stable rev", sorted(rows, key=lambda r: (r[0], r[1]), reverse=True))
show("by int pair", sorted(rows, key=lambda r: (r[1], -r[2] % 5)))

# Errors from a later item propagate; the list keeps all its items.
data = [(1, 2j), (1, 1j), (0, 3j)]
try:
    data.sort()
except TypeError as e:
    print("TypeError", e)
print("after error", sorted(data, key=lambda t: (t[0], abs(t[1]))))
data = [("a", 1, None), ("a", 1, 2)]
try:
    data.sort()
except TypeError as e:
    print("TypeError", e)
data = [(1, Loud(1)), (1, Loud(2)), (0, Loud(3))]
Loud.fail = True
try:
    data.sort()
except RuntimeError as e:
    print("RuntimeError", e)
Loud.fail = False
print("len kept", len(data), sorted(t[1].v for t in data))

# A key function or an item's __lt__ that mutates the list.
items = [(3, 1), (1, 2), (2, 3)]


def grow(t):
    items.append((9, 9))
    return t


try:
    items.sort(key=grow)
except ValueError as e:
    print("ValueError", e)
print("items", items)


class Meddler:
    def __init__(self, v, target):
        self.v = v
        self.target = target

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        self.target.clear()
        return self.v < other.v


lst = []
lst.extend([(1, Meddler(2, lst)), (1, Meddler(1, lst)), (0, Meddler(5, lst))])
try:
    lst.sort()
except ValueError as e:
    print("ValueError", e)
print("meddled", [(t[0], t[1].v) for t in lst])

# Keys that are tuples only in part: the generic comparison says why not.
try:
    sorted([(1, 2), [1, 2]])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([(1, 2), 3])
except TypeError as e:
    print("TypeError", e)

# Larger inputs with many ties: the result equals a decorate-sort by hand.
seed = 7
rows = []
for i in range(600):
    seed = (seed * 1103515245 + 12345) % 2147483648
    rows.append((seed % 7, "abcdefg"[(seed >> 8) % 7], (seed >> 12) % 5, i))
by_sort = sorted(rows, key=lambda r: (r[0], r[1], r[2]))
by_hand = [r for _, r in sorted(((r[0] * 100 + "abcdefg".index(r[1]) * 10 + r[2], r[3]), r)
                                  for r in rows)]
print("600 rows", by_sort == by_hand, by_sort[:3], by_sort[-2:])
rev = sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)
print("600 rev", rev[:3], all((a[1], a[0]) >= (b[1], b[0]) for a, b in zip(rev, rev[1:])))
print("600 rev stable", all(a[3] < b[3] for a, b in zip(rev, rev[1:])
                            if (a[1], a[0]) == (b[1], b[0])))
fl = sorted(rows, key=lambda r: (r[2] / 4, -r[3]))
print("600 floats", fl[:3])
