# Slice bounds that are small ints or None take a short path; every other
# kind of bound (big ints, bools, __index__ objects, errors) must give the
# same clipping, lengths and errors as before, for lists, tuples, strs,
# bytes and ranges, in reads, assignments and deletions.
import sys


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

    def __repr__(self):
        return "Idx(%d)" % self.n


lst = list(range(10))
bounds = [None, 0, 1, 3, 9, 10, 11, -1, -3, -10, -11, 2**62 - 1, -2**62, 2**62, 2**100, -2**100,
          sys.maxsize, -sys.maxsize - 1]
steps = [None, 1, 2, 3, -1, -2, -4, 2**62, -2**62, 2**80, -2**80]
rows = []
for st in steps:
    for a in bounds:
        for b in bounds:
            rows.append(len(lst[a:b:st]))
            rows.append(sum(lst[a:b:st]))
print("list checksums", len(rows), sum(rows), sum(i * v for i, v in enumerate(rows)) % 1000003)
print(lst[2**62:], lst[-2**62:3], lst[:2**62:-2**62], lst[::2**62], lst[::-2**62], lst[-1::-2**62])
print(lst[True:], lst[:False], lst[True::True], lst[Idx(2):Idx(-2):Idx(3)], lst[Idx(2**70):])

# slice.indices agrees with what sequences use.
for s in (slice(None, None, -1), slice(-3, None), slice(2**62, -2**62, -3), slice(None, 5, 2**62),
          slice(True, None, Idx(2)), slice(-2**100, 2**100)):
    print("indices", s, s.indices(10), len(range(*s.indices(10))), lst[s] == [lst[i] for i in range(*s.indices(10))])

# Other sequence types.
t, st_, by, rg = tuple(lst), "abcdefghij", b"abcdefghij", range(10)
for s in (slice(None, None, -1), slice(1, -1, 2), slice(8, 2, -2), slice(-2**62, 2**62, 3),
          slice(5, None, -2**62), slice(None, None, 2**62)):
    print("seq", t[s], st_[s], by[s], list(rg[s]), bytearray(by)[s])

# Errors keep their messages and order.
for bad in ((1, 2, 0), ("a", None, None), (None, 1.5, None), (None, None, "x"), (1, 2, 0.0)):
    try:
        lst[slice(*bad)]
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
    try:
        "abc"[slice(*bad)]
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# Assignment and deletion with the same bounds.
for a, b, st in ((2, 5, None), (None, 3, None), (8, None, None), (-3, -1, None), (2**62, None, None),
                 (None, -2**62, None), (1, 8, 2), (None, None, -3), (7, 1, -2), (0, 2**62, 4)):
    x = list(range(10))
    n = len(x[a:b:st])
    if st is None:
        x[a:b:st] = ["n"] * (n + 1)
    else:
        x[a:b:st] = ["e"] * n
    y = list(range(10))
    del y[a:b:st]
    print("assign", (a, b, st), x, "del", y)
x = list(range(6))
try:
    x[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
x[3:1] = ["mid"]
print(x)
x[:] = x[::-1]
print(x)
x[1:5] = x
print(x)

# The fannkuch pattern: reverse a prefix in place by slice assignment.
p = [3, 1, 4, 0, 2]
flips = 0
k = p[0]
while k:
    p[:k + 1] = p[k::-1]
    flips += 1
    k = p[0]
print("flips", flips, p)
