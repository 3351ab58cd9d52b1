# Tests dict basics: construction forms, insertion order, overwrite keeps position, deletion and re-insertion, key equality across types.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

d = {"b": 1, "a": 2, "c": 3}
print(d, list(d), len(d), d["a"], "a" in d, "z" not in d)
d["a"] = 20; print(d)
del d["b"]; print(d)
d["b"] = 100; print(d)
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=3), dict(zip("abc", range(3))), dict([("dup", 1), ("dup", 2)]))
print(dict([[1, 2], "ab", (3, 4)]), dict({1: 2}.items()), {x: x * x for x in range(5)})
show("dict bad seq", lambda: dict([(1, 2, 3)]))
show("dict bad elem", lambda: dict([1]))
show("dict str elem", lambda: dict(["abc"]))
show("missing", lambda: d["zz"])
show("missing int", lambda: {}[1])
show("missing tuple", lambda: {}[(1, 2)])
show("unhashable key", lambda: {[1]: 2})
show("unhashable get", lambda: {}.get([1]))
show("unhashable in", lambda: [1] in {})
show("del missing", lambda: d.__delitem__("nope"))
print({1: "int", 1.0: "float", True: "bool"}, {0: "a", False: "b", 0.0: "c", -0.0: "d"}, {1: 1, 1 + 0j: 2})
print({(1, 2): "tuple", frozenset([1]): "fs", None: "none", "": "empty", b"": "bytes"})
e = {}
for i in range(20):
    e[i * 7 % 13] = i
print(e, list(e.keys()))
for k in list(e):
    if k % 2:
        del e[k]
print(e)
for i in range(50):
    e[i] = i
for i in range(45):
    del e[i]
print(e, len(e))
e[0] = "back"; print(e)
print({**{"a": 1}, "b": 2, **{"a": 3}}, {"a": 1, "a": 2}, {1: "x", **{}})
show("** non-mapping", lambda: {**[1]})
f = dict.fromkeys("abc"); g = dict.fromkeys([1, 2], 0); h = dict.fromkeys(range(3), [])
h[0].append(1)
print(f, g, h)
print({1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3}, {} == {}, {1: 2} == [(1, 2)])
show("dict <", lambda: {1: 2} < {1: 2})
nan = float("nan")
nd = {nan: 1}
print(nd[nan], nan in nd, float("nan") in nd)

class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v

    def __repr__(self):
        return f"K({self.v})"

kd = {K(1): "one", K(2): "two"}
print(kd[K(1)], K(3) in kd, kd)

class Collide:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return self.v == other.v

    def __repr__(self):
        return f"C{self.v}"

cd = {Collide(i): i for i in range(10)}
del cd[Collide(3)]
print(cd, cd[Collide(7)], Collide(3) in cd, len(cd))
print(dict(a=1) | dict(b=2) if False else sorted({3: 1, 1: 2, 2: 3}))
