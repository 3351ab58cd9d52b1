# Tests dict insertion ordering guarantees: updates keep position, delete+reinsert moves to end, copies/comprehensions/merges preserve order, popitem LIFO.

d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(list(d), list(d.values()))
d["alpha"] = 100
print(list(d.items()))
del d["zeta"]
d["zeta"] = 0
print(list(d))
d.update({"mid": -1, "new": 1})
print(list(d.items()))
print(list(d.copy()), list(dict(d)), list({k: v for k, v in d.items()}), list({**d}))
print(list(d | {"alpha": 0, "omega": 9}), list({"omega": 9} | d))
print(d.popitem(), d.popitem(), list(d))
e = dict.fromkeys("hello world")
print("".join(e))
f = {3: "c", 1: "a", 2: "b"}
print(list(f), sorted(f), list(reversed(f)), list(reversed(f.items())))
g = {}
for i in range(10):
    g[i] = i
for i in range(0, 10, 2):
    del g[i]
for i in range(0, 10, 2):
    g[i] = -i
print(list(g))
h = {"a": 1, "b": 2}
h2 = {"b": 2, "a": 1}
print(h == h2, list(h) == list(h2), list(h.items()) == list(h2.items()))
s = {}
s.setdefault("x", []).append(1)
s.setdefault("y", []).append(2)
s.setdefault("x", []).append(3)
print(s)
k = dict(zip("cab", range(3)))
k.pop("a")
k["a"] = 9
print(k)
big = {i: i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(list(big)[:10], len(big), list(big)[-3:])
nested = {"outer": {"z": 1, "a": 2}}
nested["outer"]["m"] = 3
print(nested)
kw = (lambda **kwargs: list(kwargs))(z=1, y=2, x=3)
print(kw)
class Attrs:
    def __init__(self):
        self.b = 1
        self.a = 2
        self.c = 3
obj = Attrs()
del obj.b
obj.b = 4
print(list(vars(obj)))
