# Tests dict subclasses with __missing__: lookup paths that call it ([]) and those that don't (get, in, setdefault), defaultdict comparison.

class Default(dict):
    def __missing__(self, key):
        print(f"  __missing__({key!r})")
        return f"default-{key}"

d = Default(a=1)
print(d["a"], d["b"], d.get("b"), "b" in d, len(d), d.get("c", "get-default"), d.setdefault("z", 0), d)

class Counting(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0

c = Counting()
for ch in "banana":
    c[ch] += 1
print(c, sorted(c.items()))

class RaisesKey(dict):
    def __missing__(self, key):
        raise KeyError(f"custom missing {key}")

try:
    RaisesKey()["q"]
except KeyError as e:
    print(type(e).__name__, e)

class RaisesOther(dict):
    def __missing__(self, key):
        raise LookupError("lookup")

try:
    RaisesOther()["q"]
except LookupError as e:
    print(type(e).__name__, e)

class NotDict:
    def __missing__(self, key):
        return "unused"

    def __getitem__(self, key):
        raise KeyError(key)

try:
    NotDict()["x"]
except KeyError as e:
    print(type(e).__name__, e)

class Chain(dict):
    def __init__(self, parent=None, **kw):
        super().__init__(**kw)
        self.parent = parent

    def __missing__(self, key):
        if self.parent is None:
            raise KeyError(key)
        return self.parent[key]

root = Chain(x=1, y=2)
child = Chain(root, y=20)
grandchild = Chain(child, z=300)
print(grandchild["x"], grandchild["y"], grandchild["z"])
try:
    grandchild["w"]
except KeyError as e:
    print(type(e).__name__, e)

from collections import defaultdict
dd = defaultdict(list)
dd["k"].append(1)
dd["k"].append(2)
print(dict(dd), dd.default_factory is list, "missing" in dd, dd.get("missing"), len(dd))
dn = defaultdict(None)
try:
    dn["x"]
except KeyError as e:
    print(type(e).__name__, e)
di = defaultdict(int)
for w in "a b a c b a".split():
    di[w] += 1
print(sorted(di.items()))
class Missing2(dict):
    pass
m = Missing2()
m.__missing__ = lambda k: "instance attr not used"
try:
    m["x"]
except KeyError as e:
    print(type(e).__name__, e)
class LateMissing(dict):
    pass
LateMissing.__missing__ = lambda self, k: f"added later {k}"
print(LateMissing()["k"])
print(Default(a=1) == {"a": 1}, type(Default(a=1).copy()).__name__)
