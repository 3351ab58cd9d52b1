# Tests dict methods with unusual arguments: update with kwargs and iterables of pairs of any iterable type, pop defaults, fromkeys with iterators, copy of subclasses, get with unhashable.

d = {}
d.update([("a", 1)], b=2)
d.update(zip("cd", [3, 4]))
d.update({"e": 5}.items())
d.update([["f", 6], "gh", b"ij"])
print(d)
try:
    d.update([("too", "many", "items")])
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.update([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print(d.pop("a"), d.pop("zz", None), d.pop("zz", "default"), "a" in d)
print(dict.fromkeys(iter("xyz"), 0), dict.fromkeys(range(3)), dict.fromkeys((1, 1, 2), "v"), dict.fromkeys(""))
try:
    {}.get([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.pop([1], None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.setdefault({}, 1)
except TypeError as e:
    print(type(e).__name__, e)
e = {"k": [1]}
c = e.copy()
c["k"].append(2)
c["new"] = 0
print(e, c)
print({}.popitem.__name__, len({}), {1: 2}.__len__(), {1: 2}.__contains__(1), {1: 2}.__getitem__(1))
try:
    {1: 2}.__getitem__(3)
except KeyError as e:
    print(type(e).__name__, e)
big = dict.fromkeys(range(10))
for k in list(big):
    if k % 3:
        big.pop(k)
print(big, len(big))
nested = {"a": {"b": {"c": 1}}}
print(nested.get("a", {}).get("b", {}).get("c"), nested.get("x", {}).get("y", "deep default"))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), dict(sorted({"b": 1, "a": 2}.items())))
print({**dict.fromkeys("ab", 0), **{"b": 1}}, dict({"x": 1}, **{"y": 2}), dict([("k", "v")], k="override"))
try:
    dict({"x": 1}, **{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
print(dict(**{"a": 1}), dict({}, a=1) == {"a": 1}, dict(x=None).get("x", "not used"))
