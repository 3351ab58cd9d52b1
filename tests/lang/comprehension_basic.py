# Tests list/set/dict comprehensions: nested loops, multiple conditions, nested comprehensions, unpacking targets, evaluation order.

print([x * 2 for x in range(5)], [x for x in range(20) if x % 2 if x % 3], [(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(4)] for i in range(3)], [y for x in [[1, 2], [3], []] for y in x])
print(sorted({x % 4 for x in range(20)}), {x: x ** 2 for x in range(5) if x != 2}, {k: v for k, v in zip("abc", "xyz")})
print([a + b for a, b in [(1, 2), (3, 4)]], [f"{k}={v}" for k, (v, _) in {"p": (1, 0), "q": (2, 0)}.items()], [h for h, *t in ["abc", "de"]])
print([x for x in "hello" if x not in "l"], [c.upper() for c in "abc"], [len(w) for w in "the quick brown fox".split()])
print([i if i % 2 else -i for i in range(6)], [(lambda v: v * 10)(i) for i in range(3)])
order = []
def src(tag, n):
    order.append("src " + tag)
    return range(n)
def cond(tag, v):
    order.append(f"cond {tag}{v}")
    return v % 2 == 0
r = [(a, b) for a in src("A", 3) if cond("a", a) for b in src("B", 2) if cond("b", b)]
print(r)
print(order)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [v for row in matrix for v in row if v % 2 == 0])
d = {x: [y for y in range(x)] for x in range(4)}
print(d)
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([x for x in [3, 1, 2] if x > 1 and x < 3], [x for x in range(3) if False], [None for _ in range(2)])
dup = {k % 3: k for k in range(10)}
print(dup)
keys_order = []
def kf(x):
    keys_order.append(("k", x))
    return x
def vf(x):
    keys_order.append(("v", x))
    return x
{kf(i): vf(i) for i in range(2)}
print(keys_order)
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 2])
print(sum(x for x in range(10)), list(x for x in "ab"), tuple(x * x for x in range(4)), max(len(s) for s in ["a", "abc", "ab"]))
print([x for x in (y * 2 for y in range(4))], sorted(x for x in {3, 1}), dict((i, str(i)) for i in range(3)))
print([str(x) + s for x in range(2) for s in "ab"], [[x] * x for x in range(3)])
words = ["apple", "bob", "kayak", "level", "test"]
print([w for w in words if w == w[::-1]], {w[0]: w for w in words}, {len(w) for w in words} == {3, 4, 5})
