# range against the list it stands for: len, indexing (negative too),
# slicing with every small start/stop/step, membership, count, index,
# reversed, equality and hash, for many (start, stop, step) triples.

triples = [(a, b, c) for a in (-5, -1, 0, 3) for b in (-4, 0, 2, 7) for c in (-3, -1, 1, 2)]
bounds = [None, -9, -3, -1, 0, 1, 2, 5, 9]
steps = [None, -4, -2, -1, 1, 2, 3]
mismatch = 0
checked = 0
for a, b, c in triples:
    r = range(a, b, c)
    l = list(r)
    assert len(r) == len(l)
    for i in range(-len(l), len(l)):
        mismatch += r[i] != l[i]
    for x in range(-8, 9):
        mismatch += (x in r) != (x in l)
        mismatch += r.count(x) != l.count(x)
        if x in l:
            mismatch += r.index(x) != l.index(x)
    for i in bounds:
        for j in bounds:
            for k in steps:
                checked += 1
                if list(r[i:j:k]) != l[i:j:k]:
                    mismatch += 1
                    print("slice differs", r, i, j, k, r[i:j:k], l[i:j:k])
    mismatch += list(reversed(r)) != l[::-1]
print("checked", checked, "mismatches", mismatch)

# Equality is by the sequence of values; hash agrees with equality.
pairs = [(range(0), range(2, 2)), (range(0), range(5, 1)), (range(1), range(1, 2, 5)),
         (range(0, 10, 3), range(0, 11, 3)), (range(0, 10, 3), range(0, 12, 3)),
         (range(5, 0, -2), range(5, -1, -2)), (range(3), range(0, 3, 1)), (range(2), range(0, 2, 3))]
for x, y in pairs:
    print(x, y, x == y, hash(x) == hash(y) if x == y else "-", x != y)
print(range(3) == [0, 1, 2], range(3) == (0, 1, 2), range(3) == range(3))
print(sorted({range(0), range(2, 2), range(1, 4), range(1, 4, 1)}, key=len))

# Non-int members are compared by equality, not by arithmetic.
r = range(0, 10, 2)
print(4.0 in r, 4.5 in r, True in range(2), "a" in r, r.count(4.0), r.count(True), r.index(4.0))
class Eq:
    def __eq__(self, other):
        return other == 6
print(Eq() in r, r.count(Eq()))
for bad in [5, 11, "x", 4.5]:
    try:
        r.index(bad)
    except ValueError as e:
        print("ValueError:", e)

# Errors.
for args in [(), (1, 2, 3, 4), (1.5,), ("1",), (1, 2, 0), (None,)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(args, type(e).__name__, e)
for key in [10, -11, "a", 1.0, None]:
    try:
        range(10)[key]
    except (IndexError, TypeError) as e:
        print(repr(key), type(e).__name__, e)
try:
    range(10)[::0]
except ValueError as e:
    print("ValueError:", e)
