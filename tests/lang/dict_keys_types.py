# Tests dict keys of many types: numeric equivalence (1, 1.0, True), tuples/frozensets, None, user objects with custom hash, keys keep first identity.

d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, type(list(d)[0]).__name__)
d2 = {True: "bool"}
d2[1] = "int"
print(d2)
d3 = {0: "zero"}
d3[-0.0] = "neg zero float"
d3[0j] = "complex zero"
d3[False] = "False"
print(d3, len(d3))
keys = {(1, 2): "tuple", frozenset({1, 2}): "frozenset", None: "none", "": "empty str", b"": "empty bytes", 2 ** 100: "bigint", -1: "neg", 1.5: "float", range(3): "range"}
print(keys[(1, 2)], keys[frozenset([2, 1])], keys[None], keys[""], keys[b""], keys[2 ** 100], keys[-1], keys[1.5], keys[range(0, 3)])
print(keys.get((1.0, 2.0)), keys.get(2.0 ** 100), keys.get(3 / 2))
try:
    {}[[1]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {{1}: 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {(1, [2]): 1}
except TypeError as e:
    print(type(e).__name__, e)

class Key:
    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return f"Key({self.name})"

kd = {Key("a", 1): 1, Key("b", 1): 2, Key("c", 2): 3}
print(kd, kd[Key("b", 1)], Key("a", 2) in kd, Key("a", 1) in kd)

class AlwaysEqual:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        return True

ae = {AlwaysEqual(): "first"}
ae[AlwaysEqual()] = "second"
print(len(ae), list(ae.values()))
print({7: "int seven", AlwaysEqual(): "ae"}[7])

class Obj:
    pass

o1, o2 = Obj(), Obj()
od = {o1: 1, o2: 2}
print(od[o1], od[o2], len(od))
nan = float("nan")
nd = {nan: 1, float("nan"): 2}
print(len(nd), nd[nan])
sd = {"a": 1, "A": 2, "á": 3}
print(sd["a"], sd["A"], sd["á"], len(sd))
ts = {}
for t in [(1,), (1, 2), (), ((),), (1, (2,))]:
    ts[t] = len(t)
print(ts)
print(len({1: "a", 2: "b"}.keys() & {1.0}), {i: i for i in [1, 1.0, True]})
