# Tests dict building patterns: comprehensions with conditions, inverting, grouping, counting, nested dicts, merging with precedence, dict(zip()) and key collisions.

words = ["apple", "bob", "cat", "avocado", "banana", "cherry", "axe"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
print({k: sorted(v, key=len) for k, v in groups.items() if len(v) > 1})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=lambda k: (-counts[k], k)))
matrix = {(r, c): r * c for r in range(3) for c in range(3) if r != c}
print(matrix)
nested = {outer: {inner: outer * inner for inner in range(1, 3)} for outer in range(1, 4)}
print(nested, nested[3][2])
defaults = {"color": "red", "size": 1, "tags": []}
override = {"size": 5, "extra": True}
print({**defaults, **override}, defaults | override, {**override, **defaults})
print(dict(zip("abc", range(3))), dict(zip("aba", range(3))), dict(enumerate("xyz", 1)))
print({i % 3: i for i in range(10)}, {str(i): i ** 2 for i in range(4)}, {x: y for x, y in [(1, 2), (1, 3)]})
flat = {f"{k}.{ik}": iv for k, v in {"a": {"x": 1, "y": 2}, "b": {"z": 3}}.items() for ik, iv in v.items()}
print(flat)
filtered = {k: v for k, v in counts.items() if v > 1 and k != "a"}
print(filtered, len({}), {k: v for k, v in {}.items()})
sq = {n: n * n for n in range(-3, 4)}
print({v: [k for k in sq if sq[k] == v] for v in sorted(set(sq.values()))})
keys = ["a", "b", "c"]
print(dict.fromkeys(keys, 0), {k: i for i, k in enumerate(keys)}, {k: keys.index(k) ** 2 for k in reversed(keys)})
print(sorted({(a, b): a + b for a in range(2) for b in range(2)}.items()))
