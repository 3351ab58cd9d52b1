# Tests dict views: keys/values/items, live updates, set operations on keys/items, reversed, mapping attr, size change during iteration.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d["d"] = 4
print(list(k), list(v), list(it), "d" in k, 4 in v, ("d", 4) in it, ("d", 5) in it, "x" in it)
print(sorted(k & {"a", "x"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), k == {"a", "b", "c", "d"}, k < {"a", "b", "c", "d", "e"})
print(sorted(it & {("a", 1), ("b", 9)}), sorted(it - {("a", 1)}), sorted(it | {("z", 0)}), k.isdisjoint({"x"}), it.isdisjoint([("a", 1)]))
print(sorted({"x", "a"} & k), sorted(["a", "b"] - k) if False else sorted({"x"} | k))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)), list(reversed({})))
print(k.mapping, type(k).__name__, type(v).__name__, type(it).__name__, v.mapping == d)
show("values ==", lambda: v == d.values())
show("values set op", lambda: v & {1})
show("view index", lambda: k[0])
show("items unhashable", lambda: [1] in it)
print(({"a": [1]}.items() & {("a", 2)}) if False else "skip")
show("items unhashable and", lambda: {"a": [1]}.items() & {("a", 2)})
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
e = {1: 1, 2: 2}
try:
    for key in e:
        del e[key]
except RuntimeError as ex:
    print(type(ex).__name__, ex, e)
f = {1: 1, 2: 2}
for key in f:
    f[key] = key * 10
print(f)
g = {1: 1}
try:
    for key in g:
        del g[key]
        g[key + 100] = 0
except RuntimeError as ex:
    print(type(ex).__name__, ex)
print(g)
it2 = iter({1: 2, 3: 4}.items())
print(next(it2), list(it2))
ki = iter(d)
print(next(ki), next(ki))
print(list(zip(d.keys(), d.values())) == list(d.items()), [kk for kk, vv in d.items() if vv % 2 == 0])
print(dict(d.items()) == d, set(k) == set(d), sum(v), max(k), min(it))
h = {}
hk = h.keys()
h[5] = 5
print(hk, 5 in hk, bool(hk), bool({}.keys()))
print({1: 2}.keys() == {1: 2}.keys(), {1: 2}.items() == {1: 2}.items(), {1: 2}.keys() == {1}, {1: 2}.items() == {(1, 2)})
print({1: 2}.keys() <= {1, 2}, {1: 2}.keys() >= set(), {"a": 1}.items() < {("a", 1), ("b", 2)})
