# Tests deeper comprehension nesting: matrix ops, flattening, conditions referencing outer loop vars, dict-of-lists, comprehensions in default args and class bodies.

m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in m] for i in range(3)])
print([[m[i][j] * 2 for j in range(3) if j != i] for i in range(3)])
print([x for row in m for x in row if x % 2 == 1 if x > 2])
print([[sum(a * b for a, b in zip(row, col)) for col in zip(*m)] for row in m])
print({i: [j for j in range(i) if j % 2 == 0] for i in range(6)})
print({(i, j) for i in range(3) for j in range(i, 3)} == {(0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2)})
print([(i, j) for i in range(4) for j in range(i) if (i + j) % 2])
print([[c for c in w if c not in "aeiou"] for w in ["banana", "kiwi"]])
print(["".join(sorted(set(w))) for w in ["hello", "world"]], {w: len(w) for w in "a bb ccc".split()})
nested = [[[1, 2], [3]], [[4], [5, 6, 7]]]
print([z for x in nested for y in x for z in y], [[len(y) for y in x] for x in nested], sum(len(y) for x in nested for y in x))
def f(default=[i * i for i in range(4)]):
    return default
print(f())
class K:
    base = [1, 2, 3]
    doubled = [x * 2 for x in base]
    pairs = {x: str(x) for x in base}
print(K.doubled, K.pairs)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)
print([y for x in range(5) if x % 2 for y in range(x)])
print([(x, y, z) for x in range(1, 15) for y in range(x, 15) for z in range(y, 15) if x * x + y * y == z * z])
counter = {}
[counter.__setitem__(ch, counter.get(ch, 0) + 1) for ch in "mississippi"]
print(counter)
print([i for i in [j for j in [k * 2 for k in range(5)] if j > 2] if i < 8])
print([list(g) for g in ([i] * i for i in range(4))])
print(sorted({frozenset((a, b)) for a in range(3) for b in range(3) if a != b}, key=sorted) == [frozenset({0, 1}), frozenset({0, 2}), frozenset({1, 2})])
