# Tests dict view set operations with various operand types (lists, generators, other views), results types, comparisons between views, and views of empty dicts.

a = {1: "a", 2: "b", 3: "c"}
b = {2: "x", 3: "c", 4: "d"}
ka, kb = a.keys(), b.keys()
print(sorted(ka & kb), sorted(ka | kb), sorted(ka - kb), sorted(ka ^ kb), type(ka & kb).__name__)
print(sorted(ka & [2, 9]), sorted(ka | (x for x in [7])), sorted(ka - range(2)), sorted(ka ^ {3: 0}), sorted([1, 5] & ka) if False else sorted({1, 5} & ka))
ia, ib = a.items(), b.items()
print(sorted(ia & ib), sorted(ia - ib), sorted(ia | ib), sorted(ia ^ ib))
print(ka == {1, 2, 3}, ka == [1, 2, 3], ka != kb, ka < {1, 2, 3, 4}, ka <= ka, ka > {1}, ka >= set(), ia == {(1, "a"), (2, "b"), (3, "c")})
print(ka.isdisjoint([9]), ka.isdisjoint(kb), ia.isdisjoint({(9, 9)}), 2 in ka, (2, "b") in ia, (2, "x") in ia, ["not", "hashable"] in ia)
empty = {}.keys()
print(empty & ka, sorted(empty | ka), empty == set(), len(empty), bool(empty), list(reversed(empty)))
v = a.values()
for op in ["&", "|", "-", "^"]:
    try:
        eval(f"v {op} v")
    except TypeError as e:
        print(op, type(e).__name__, e)
print(v == v, v == a.values(), list(v) == list(a.values()), 2 in {1: 2}.values(), "a" in v)
live = {"x": 1}
view = live.keys()
snapshot = view & {"x", "y"}
live["y"] = 2
print(sorted(view), sorted(snapshot), sorted(view & {"x", "y"}))
print(len(ka), len(ia), len(v), sorted(ka)[0], max(ia), min(v))
try:
    ka[0]
except TypeError as e:
    print(type(e).__name__, e)
print(type(ka).__name__, type(ia).__name__, type(v).__name__, type(iter(ka)).__name__, type(reversed(ia)).__name__)
print(ka.mapping is not a, dict(ka.mapping) == a, ka.mapping[1])
try:
    ka.mapping[99] = "x"
except TypeError as e:
    print(type(e).__name__, e)
