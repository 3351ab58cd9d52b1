# Changing a dict while iterating over it or its views: size changes raise
# RuntimeError, value updates do not, a deleted-and-readded key is still a
# change of keys; iterator exhaustion is sticky; views stay live.

d = {i: i * i for i in range(5)}
for k in d:
    d[k] = -d[k]
print(d)

for view in ("dict", "keys", "values", "items"):
    dd = dict(d)
    src = dd if view == "dict" else getattr(dd, view)()
    try:
        for k in src:
            dd[100] = 1
    except RuntimeError as e:
        print("RuntimeError", view, e)

dd = {1: 1, 2: 2}
try:
    for v in dd.values():
        del dd[1]
except RuntimeError as e:
    print("RuntimeError", e)

dd = {1: 1, 2: 2}
try:
    for item in dd.items():
        dd.pop(2)
except RuntimeError as e:
    print("RuntimeError", e, dd)

# same size, different keys
dd = {1: 1, 2: 2, 3: 3}
seen = []
try:
    for k in dd:
        seen.append(k)
        if len(seen) > 10:
            break
        del dd[k]
        dd[k + 10] = k
except RuntimeError as e:
    print("RuntimeError", e)
print(seen, dd)

# clearing then iterating further
dd = {1: 1, 2: 2}
it = iter(dd)
print(next(it))
dd.clear()
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
except StopIteration:
    print("StopIteration")

# an exhausted iterator stays exhausted even if the dict grows
dd = {1: 1}
it = iter(dd)
print(list(it))
dd[2] = 2
print(list(it), list(dd))

# views are live
dd = {"a": 1}
keys, values, items = dd.keys(), dd.values(), dd.items()
dd["b"] = 2
del dd["a"]
print(list(keys), list(values), list(items), len(keys), "b" in keys, ("b", 2) in items)

# safe patterns: iterate over a copy
dd = {i: i for i in range(6)}
for k in list(dd):
    if k % 2:
        del dd[k]
print(dd)
dd.update((k * 10, v) for k, v in list(dd.items()))
print(dd)

# setdefault/update with existing keys during iteration: no size change
dd = {1: [], 2: []}
for k in dd:
    dd.setdefault(k, None).append(k)
    dd.update({k: dd[k]})
print(dd)

# popitem order and errors
dd = {"x": 1, "y": 2, "z": 3}
print(dd.popitem(), dd.popitem(), dd)
dd.popitem()
try:
    dd.popitem()
except KeyError as e:
    print("KeyError", e)

# reversed iteration notices changes too
dd = {1: 1, 2: 2}
try:
    for k in reversed(dd):
        dd[3] = 3
except RuntimeError as e:
    print("RuntimeError", e)
print(list(reversed({1: "a", 2: "b"}.items())), list(reversed({}.values())))

# a dict comprehension over its own keys view of another dict
src = {"a": 1, "b": 2}
inv = {v: k for k, v in src.items()}
print(inv, {k: src for k in src} == {"a": src, "b": src})
