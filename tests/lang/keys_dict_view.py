# obj.__dict__ of instances whose attributes start in shared-key values: the
# dict is a real dict, the same object every time, and changes through it
# and through attributes are seen both ways; __dict__ can be replaced,
# shared between instances and deleted. Loops keep the caches warm.


class C:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b


def read(o):
    return o.a, o.b, getattr(o, "c", "-")


objs = [C(i, 10 * i) for i in range(6)]
for o in objs:
    read(o)
d = objs[2].__dict__
print(type(d) is dict, d is objs[2].__dict__, d is vars(objs[2]), d)

# Changes through the dict are attribute changes, and back.
d["a"] = 100
d["c"] = "new"
print(read(objs[2]), objs[2].total())
objs[2].b = 7
objs[2].e = "e"
print(d, objs[2].total())
del d["a"]
try:
    objs[2].total()
except AttributeError as e:
    print("AttributeError", e)
objs[2].a = 1
print(list(d), objs[2].total())
d.clear()
print(hasattr(objs[2], "a"), d, vars(objs[2]))
d.update(a=3, b=4)
print(objs[2].total(), read(objs[2]))
d.pop("b")
d.setdefault("b", 40)
print(list(d.items()), objs[2].total())

# Other instances of the class are not affected.
print([read(o) for o in objs])

# Assigning __dict__: the old dict is detached, the new one is used as is.
o = C(1, 2)
old = o.__dict__
new = {"b": 20, "a": 10, "z": 0}
o.__dict__ = new
print(o.__dict__ is new, o.total(), o.z, old)
o.a = 11
print(new, old)
try:
    o.__dict__ = [("a", 1)]
except TypeError as e:
    print("TypeError", e)
try:
    o.__dict__ = None
except TypeError as e:
    print("TypeError", e)

# Assigning before any __dict__ was asked for, and a dict subclass.
class D(dict):
    pass


o = C(5, 6)
o.__dict__ = D(a=1, b=2)
print(type(o.__dict__).__name__, o.total(), o.__dict__)

# Two instances sharing one dict see each other's changes.
p, q = C(0, 0), C(0, 0)
q.__dict__ = p.__dict__
for i in range(3):
    p.a = i
    print(q.a, q.total(), p.__dict__ is q.__dict__)
q.extra = 1
print(p.extra)

# Deleting __dict__ leaves the instance with no attributes.
r = C(1, 2)
del r.__dict__
print(hasattr(r, "a"), vars(r))
r.a, r.b = 3, 4
print(r.total(), vars(r))

# The dict outlives its instance.
def orphan():
    c = C("x", "y")
    return c.__dict__


od = orphan()
print(od, sorted(od.keys()))

# A dict asked for before any attribute exists.
class E:
    pass


e = E()
ed = e.__dict__
e.x = 1
e.y = 2
print(ed, e.__dict__ is ed)
ed["x"] = 9
print(e.x)

# vars() and __dict__ of fresh instances, dict methods on them.
es = [E() for _ in range(3)]
for i, x in enumerate(es):
    x.n = i
print([vars(x) for x in es], [len(x.__dict__) for x in es])
print([list(x.__dict__.keys()) for x in es], [x.__dict__.get("n") for x in es])
f = E()
f.k = 1
print("k" in f.__dict__, "j" in f.__dict__, repr(f.__dict__), f.__dict__.copy())

# Dict equality between instance dicts and plain dicts.
g, h = E(), E()
g.a, g.b = 1, 2
h.b, h.a = 2, 1
print(g.__dict__ == h.__dict__, g.__dict__ == {"a": 1, "b": 2}, {"b": 2, "a": 1} == vars(h))
