# Tests which dict operations use overridden methods in subclasses: [] uses __getitem__ but get/update/dict()/** and copy bypass __setitem__/__getitem__.

log = []

class D(dict):
    def __getitem__(self, k):
        log.append(f"getitem {k}")
        return super().__getitem__(k)

    def __setitem__(self, k, v):
        log.append(f"setitem {k}")
        super().__setitem__(k, v.upper() if isinstance(v, str) else v)

    def keys(self):
        log.append("keys")
        return super().keys()

d = D(a="x")
print(dict.__repr__(d), log)
log.clear()
d["b"] = "y"
print(d["b"], log)
log.clear()
d.update(c="z")
d.setdefault("e", "w")
print(sorted(d.items()), log)
log.clear()
print(d.get("a"), "a" in d, log)
log.clear()
print(dict(d) == {"a": "x", "b": "Y", "c": "z", "e": "w"}, sorted({**d}), log)
log.clear()
def kw(**k):
    return sorted(k)
print(kw(**d), log)
log.clear()
plain = {}
plain.update(d)
print(sorted(plain), log)
log.clear()
print(type(d.copy()).__name__, type(d | {}).__name__, log)
log.clear()
print(list(d), list(d.values()), log)
class Lower(dict):
    def __init__(self, *a, **k):
        super().__init__()
        self.update(*a, **k)
    def update(self, *a, **k):
        for key, v in dict(*a, **k).items():
            self[key.lower()] = v
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
lw = Lower({"A": 1}, B=2)
lw["C"] = 3
print(lw)
class Default0(dict):
    def __missing__(self, k):
        return 0
dz = Default0()
dz["x"] += 1
print(dz, dz.get("y"), dz["y"], "y" in dz)
class Items(dict):
    def items(self):
        return [("fake", 1)]
print(dict(Items(real=1)), list(Items(real=2).items()), {**Items(real=3)})
