# Tests frozenset specifics and set algebra laws using small ints: hashing, nesting, immutability, equality with set, methods returning frozenset.

fs = frozenset([3, 1, 2])
s = {1, 2, 3}
print(fs == s, s == fs, hash(fs) == hash(frozenset((2, 3, 1))), sorted(fs), type(fs | s).__name__, type(s | fs).__name__, type(fs & {1}).__name__)
nested = {frozenset({1}), frozenset({1, 2}), frozenset()}
print(len(nested), frozenset({1}) in nested, sorted(len(x) for x in nested))
power = [frozenset()]
for elem in [1, 2, 3]:
    power += [sub | {elem} for sub in power]
print(len(power), sorted(sorted(p) for p in power))
A, B, C = {1, 2, 3, 4}, {3, 4, 5}, {4, 5, 6, 7}
print(A | B == B | A, A & B == B & A, (A | B) | C == A | (B | C), (A & B) & C == A & (B & C))
print(A & (B | C) == (A & B) | (A & C), A | (B & C) == (A | B) & (A | C))
print(A - (B | C) == (A - B) & (A - C), A - (B & C) == (A - B) | (A - C))
print(A ^ B == (A - B) | (B - A), A ^ A == set(), A ^ set() == A, (A ^ B) ^ B == A)
print(sorted(A - B), sorted(B - A), sorted(A ^ B), sorted(A & B & C), sorted(A | B | C))
print(A <= A | B, A & B <= A, set() <= A, A < A | {99}, not A < A, A.issubset(A))
print(frozenset().union([1], [2]) == {1, 2}, frozenset([1, 2]).difference([1]), frozenset([1]).symmetric_difference([2]) == {1, 2})
print(fs.copy() == fs, fs.isdisjoint({9}), fs.issuperset([1]), sorted(frozenset("aab")) == ["a", "b"])
try:
    fs.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    fs.update([1])
except AttributeError as e:
    print(type(e).__name__, e)
x = fs
x |= {10}
print(sorted(x), sorted(fs), x is fs)
print(frozenset(range(5)) - frozenset(range(2, 10)) == {0, 1}, frozenset() == set(), bool(frozenset()), len(frozenset(range(100))))
d = {frozenset({1, 2}): "pair"}
print(d[frozenset({2, 1})], d.get(frozenset({1})))
print(sorted(map(sorted, {frozenset({i, i + 1}) for i in range(3)})))
print(set.__or__({1}, frozenset({2})) == {1, 2}, frozenset.__or__(frozenset({1}), {2}) == {1, 2}, set.__or__({1}, [2]))
