# Tests dict methods: get, setdefault, pop, popitem (LIFO), update forms, copy (shallow), clear, fromkeys, keyword errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("c", 3), d.setdefault("d"), d)
print(d.pop("a"), d.pop("z", "dflt"), d)
show("pop missing", lambda: d.pop("z"))
show("pop no args", lambda: d.pop())
show("get no args", lambda: d.get())
show("get kw", lambda: d.get(key="a"))
print(d.popitem(), d.popitem(), d)
show("popitem empty", lambda: {}.popitem())
d.update({"x": 1}); d.update([("y", 2)]); d.update(z=3); d.update({"x": 10}, w=4); d.update(); print(d)
d.update((("p", 0),)); d.update(dict.fromkeys("q", 5)); print(d)
show("update bad", lambda: d.update(5))
show("update seq elem", lambda: d.update([(1,)]))
show("update two args", lambda: d.update({}, {}))

class KeysOnly:
    def keys(self):
        return ["m", "n"]

    def __getitem__(self, k):
        return k.upper()

d.update(KeysOnly()); print(d)
print(dict(KeysOnly()), {**KeysOnly()})
c = d.copy()
c["new"] = 1
print("new" in d, "new" in c, type(c).__name__)
nested = {"l": [1]}
cp = nested.copy()
cp["l"].append(2)
print(nested)
d.clear(); print(d, len(d))
print(dict.fromkeys([]), dict.fromkeys("aa", 1), dict.fromkeys(range(2), None))

class D(dict):
    pass

print(type(D.fromkeys("ab")).__name__, D.fromkeys("ab", 0), type(D(a=1).copy()).__name__)
e = {i: str(i) for i in range(5)}
while e:
    print(e.popitem(), end=" ")
print()
f = {"k": 1}
print(f.setdefault("k", []), f.setdefault("list", []).append(5), f)
show("setdefault unhashable", lambda: f.setdefault([], 1))
print(len({}), {}.keys(), {}.values(), {}.items())
print(dict.get({"a": 1}, "a"), dict.__getitem__({"a": 1}, "a"), dict.__contains__({"a": 1}, "b"), dict.__len__({1: 2}))
g = {}
g[1] = g.get(1, 0) + 1
g[1] = g.get(1, 0) + 1
print(g)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({k: v for k, v in sorted(counts.items()) if v > 1})
show("dict(1,2)", lambda: dict(1, 2))
show("fromkeys none", lambda: dict.fromkeys())
