# slice objects: construction, attributes, repr, equality and ordering,
# unhashability (3.11), __reduce__, indices() on every small combination
# against list slicing, index protocol objects as bounds, and errors.

s = slice(5)
print(s, s.start, s.stop, s.step, slice(1, 2), slice(1, 2, 3), slice(None, None, None))
print(slice("a", [1], 2.5), slice(1, 2, 3).__reduce__(), slice(1).__reduce__())
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3))
print(slice(1, 2) < slice(1, 3), slice(1, 2, 3) > slice(1, 2, 2), slice(0) <= slice(0), slice(2) >= slice(1))
try:
    hash(slice(1))
except TypeError as e:
    print("TypeError:", e)
try:
    slice(1) < slice("a")
except TypeError as e:
    print("TypeError:", e)
for args in [(), (1, 2, 3, 4)]:
    try:
        slice(*args)
    except TypeError as e:
        print(len(args), "TypeError:", e)
try:
    s.start = 3
except AttributeError as e:
    print("AttributeError:", e)

# indices(n) agrees with list slicing for every combination.
vals = [None, -12, -5, -1, 0, 1, 3, 5, 12]
steps = [None, -5, -2, -1, 1, 2, 5]
bad = 0
count = 0
for n in range(0, 8):
    l = list(range(n))
    for a in vals:
        for b in vals:
            for c in steps:
                sl = slice(a, b, c)
                i, j, k = sl.indices(n)
                count += 1
                if [l[x] for x in range(i, j, k)] != l[sl]:
                    bad += 1
                    print("differs", n, sl, (i, j, k))
print("indices checked", count, "bad", bad)
print([slice(a, b).indices(4) for a, b in [(None, None), (-10, 10), (2, 1), (3, -1)]])
print([slice(None, None, c).indices(4) for c in (-3, -1, 2, 9)])

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

l = list(range(10))
print(l[Idx(2):Idx(8):Idx(3)], slice(Idx(1), Idx(-1)).indices(10), "abcdef"[Idx(-3):])
for sl in [slice(None, None, 0), slice("a"), slice(1.5, 2), slice(None, None, 1.0)]:
    try:
        print(sl.indices(5))
    except (TypeError, ValueError) as e:
        print(sl, type(e).__name__, e)
for n in [-1, "5", 2.0]:
    try:
        slice(1).indices(n)
    except (TypeError, ValueError) as e:
        print(repr(n), type(e).__name__, e)
# Slices as dict keys are refused; as values fine.
try:
    {slice(1): 1}
except TypeError as e:
    print("TypeError:", e)
print({1: slice(1, 2)}, [slice(3)] * 2, Ellipsis, ..., repr(...), type(...).__name__, ... is Ellipsis)
