# Tests for-loop targets of every kind: attributes, subscripts, slices, starred, nested tuples, existing variables rebound, and targets evaluated each iteration.

class Obj:
    pass

o = Obj()
for o.attr in range(3):
    pass
print(o.attr)
d = {}
for d["key"] in "xyz":
    pass
print(d)
lst = [0, 0, 0]
for i, lst[i] in enumerate("abc"):
    pass
print(lst, i)
buf = [None] * 4
for buf[1:3] in [(1, 2), ("p", "q")]:
    pass
print(buf)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c, end=" ")
print()
for [x, y] in [[1, 2], (3, 4)]:
    print(x * y, end=" ")
print()
log = []
class Recorder:
    def __setitem__(self, k, v):
        log.append((k, v))
r = Recorder()
for r[len(log)] in "ab":
    pass
print(log)
n = 100
for n in range(2):
    pass
print(n)
for _ in range(3):
    pass
print(_)
pairs = {"a": 1, "b": 2}
for k, v in pairs.items():
    pairs[k] = v * 10
print(pairs)
total = 0
for total in [total + 1, total + 2]:
    pass
print(total)
class Counter:
    def __init__(self):
        self.seen = []
    @property
    def prop(self):
        return self.seen[-1] if self.seen else None
    @prop.setter
    def prop(self, v):
        self.seen.append(v)
c = Counter()
for c.prop in (3, 1, 2):
    pass
print(c.seen, c.prop)
try:
    for a, b in [(1, 2), (3,)]:
        print("pair", a, b)
except ValueError as e:
    print(type(e).__name__, e)
try:
    for x in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
matrix = [[1, 2], [3, 4]]
for row in matrix:
    for i, v in enumerate(row):
        row[i] = v * v
print(matrix)
