# Instance attributes kept with shared keys: the per-instance insertion order,
# deletion and re-adding, instances that fill their attributes in different
# orders, more attributes than the shared layout holds, and names that are
# not interned or not exact strs. Everything is read back in loops, so the
# interpreter's attribute caches are warm when the odd cases arrive.


class P:
    pass


def fill(obj, names, base):
    for i, n in enumerate(names):
        setattr(obj, n, base + i)
    return obj


orders = [["a", "b", "c"], ["c", "a", "b"], ["b", "c", "a"], ["a", "c"], ["c"], []]
objs = [fill(P(), names, 10 * k) for k, names in enumerate(orders)]
for o in objs:
    print(list(vars(o).items()))
for o in [fill(P(), names, 100 * k) for k, names in enumerate(orders)]:
    print(sorted(o.__dict__), list(o.__dict__))


# Plain attribute syntax (the cached path), first in one order then another.
class Q:
    def __init__(self, flip):
        if flip:
            self.y = "y"
            self.x = "x"
        else:
            self.x = "x"
            self.y = "y"

    def get(self):
        return self.x + self.y


qs = [Q(i % 3 == 0) for i in range(12)]
print([q.get() for q in qs])
print([list(q.__dict__) for q in qs[:4]])


# Deletion, then re-adding: the name moves to the end, as in a dict.
def churn(o):
    o.a = 1
    o.b = 2
    o.c = 3
    del o.a
    r1 = hasattr(o, "a")
    o.a = 4
    del o.b
    o.d = 5
    o.b = 6
    return r1, list(vars(o).items())


for i in range(4):
    print(churn(P()))

p = P()
try:
    del p.nothing
except AttributeError as e:
    print("AttributeError", e)
p.z = 1
del p.z
try:
    del p.z
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z
except AttributeError as e:
    print("AttributeError", e)
print(vars(p))


# Many names: beyond the shared layout the instance falls back to a dict.
class Many:
    pass


def many(n, prefix):
    o = Many()
    for i in range(n):
        setattr(o, prefix + str(i), i * i)
    return o


for n in (5, 29, 30, 31, 45, 80):
    o = many(n, "f")
    total = sum(getattr(o, "f" + str(i)) for i in range(n))
    print(n, total, len(vars(o)), list(vars(o))[:3], list(vars(o))[-2:])
big = many(40, "g")
small = many(3, "g")
print(small.g0, small.g2, hasattr(small, "g3"), big.g39, list(vars(small)))
for i in range(5):
    big.g1 += 1
    small.g1 += 1
print(big.g1, small.g1)

# Names built at run time (not interned), and a str subclass as the name.
class S(str):
    pass


o = P()
name = "".join(["da", "ta"])
setattr(o, name, 1)
print(o.data, getattr(o, "data"), vars(o))
setattr(o, S("other"), 2)
print(o.other, sorted(vars(o)), [type(k).__name__ for k in vars(o)])
o2 = P()
setattr(o2, S("first"), 1)
o2.second = 2
print(list(vars(o2).items()), o2.first)
delattr(o2, "".join(["fi", "rst"]))
print(vars(o2))
try:
    setattr(o2, 5, 1)
except TypeError as e:
    print("TypeError", e)

# Equality of the instance dicts compares like dicts (order does not matter).
a = fill(P(), ["x", "y"], 0)
b = P()
b.y = 1
b.x = 0
print(vars(a) == vars(b), list(vars(a)) == list(vars(b)), vars(a), vars(b))
b.y = 2
print(vars(a) == vars(b), vars(a) != vars(b))

# Values of every kind, including the instance itself (a cycle).
c = P()
c.me = c
c.items = [c, 1]
c.none = None
print(c.me is c, c.items[0] is c, c.none, sorted(vars(c)))
