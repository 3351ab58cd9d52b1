# Tests tuples further: lexicographic comparisons with mixed lengths, tuples as dict keys and in sets, nested unpacking in loops, single-element syntax, sorting stability.

print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 3), (2,) > (1, 99), () < (0,), (1, "a") < (1, "b"), ((1, 2), 3) < ((1, 3), 0))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, 2) == (1, 2), (1, 2) == (1.0, 2.0), (1,) == 1, (1,) != [1], () == tuple())
one = 1,
also = (1,)
not_tuple = (1)
print(type(one).__name__, one == also, type(not_tuple).__name__, (), type(()).__name__)
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, sorted(k for k, v in grid.items() if v % 4 == 0))
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
for i, (num, letter) in enumerate(sorted(pairs)):
    print(i, num, letter, end="; ")
print()
points = [(1, (2, 3)), (4, (5, 6))]
print([a + b + c for a, (b, c) in points])
t = (1, [2, 3], "s")
t[1].append(4)
print(t, len(t), t.count(1), t.index("s"))
print(tuple(range(5))[1::2], tuple("abc")[::-1], tuple(reversed((1, 2, 3))), tuple(sorted((3, 1, 2))))
print(sum((1, 2, 3)), max((1, 9, 3)), min(("b", "a")), any(()), all(()), len((None,) * 5))
print((1, 2) + (3, 4) * 2, ((1,) * 3) * 2, tuple([[]] * 2))
print(hash((1, "a", None, 2.5, (3,))) == hash((1, "a", None, 2.5, (3,))), len({(1, 2), (1, 2), (2, 1)}))
def multi():
    return 1, 2, 3
a, *b = multi()
print(a, b, multi()[::-1])
print(divmod(17, 5), tuple(divmod(17, 5)), type(divmod(1, 1)).__name__)
print(str((1, "two", 3.0)), repr(("quote'",)), ((1, 2), (3, 4))[1][0])
s = (5, 3, 8)
print(sorted(s), s, tuple(x for x in s if x > 4))
for item in ((1, 2),):
    print("single-element outer tuple loop", item)
