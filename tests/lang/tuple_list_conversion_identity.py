# Tests conversions between sequence types: list()/tuple()/str()/bytes() copies, list(tuple) independence, tuple(list) snapshot semantics, join/split round trips.

src = [1, [2, 3], "s"]
t = tuple(src)
l2 = list(t)
src.append("new")
src[1].append(4)
print(t, l2, src, l2 is not src, t[1] is src[1])
s = "hello"
print(list(s), tuple(s), "".join(list(s)) == s, str(list(s)), str(tuple("ab")))
b = bytes([104, 105])
print(list(b), tuple(b), bytes(list(b)) == b, bytearray(tuple(b)), list(bytearray(b"xy")))
r = range(5)
print(list(r), tuple(r), list(reversed(r)), tuple(r[::2]), list(range(0)))
d = {"a": 1, "b": 2}
print(list(d), tuple(d.values()), list(d.items()), dict(list(d.items())) == d, tuple(sorted(d, reverse=True)))
st = {3, 1, 2}
print(sorted(st), tuple(sorted(st)), len(list(st)), sorted(list(frozenset(st))))
nested = [[1, 2], [3, 4]]
as_tuples = tuple(tuple(row) for row in nested)
back = [list(row) for row in as_tuples]
print(as_tuples, back == nested, hash(as_tuples) == hash(((1, 2), (3, 4))))
words = "the quick  brown fox".split()
print(words, " ".join(words), tuple(words), list(map(len, words)), "-".join(reversed(words)))
g = (x * x for x in range(4))
print(tuple(g), tuple(g), list(iter(())), list(iter([])))
print(list("") == [], tuple([]) == (), str(()) , str([]), repr(tuple()), list(((),)))
print(list(zip(*[(1, "a"), (2, "b")])), [list(p) for p in zip("ab", "cd")], list(map(list, ["xy", "z"])))
