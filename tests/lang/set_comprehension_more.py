# Tests sets of small ints in algorithms: comprehensions, dedup preserving order vs set, sieve, graph reachability, set equality independent of insertion order.

print(sorted({x % 7 for x in range(100)}), sorted({x * x % 10 for x in range(10)}), len({i // 3 for i in range(30)}))
def sieve(n):
    composite = {j for i in range(2, int(n ** 0.5) + 1) for j in range(i * i, n, i)}
    return sorted(set(range(2, n)) - composite)
print(sieve(60))
graph = {1: {2, 3}, 2: {4}, 3: {4, 5}, 4: {6}, 5: set(), 6: {1}, 7: {8}, 8: set()}
def reachable(start):
    seen, stack = set(), [start]
    while stack:
        n = stack.pop()
        if n not in seen:
            seen.add(n)
            stack.extend(graph[n] - seen)
    return sorted(seen)
print(reachable(1), reachable(7), reachable(5))
a = set()
for v in [5, 3, 9, 1]:
    a.add(v)
b = {1, 9, 3, 5}
print(a == b, sorted(a) == sorted(b), a <= b <= a)
data = [3, 1, 3, 2, 1, 5, 2]
seen = set()
ordered = [x for x in data if not (x in seen or seen.add(x))]
print(ordered, sorted(set(data)))
evens = {n for n in range(20) if n % 2 == 0}
threes = {n for n in range(20) if n % 3 == 0}
print(sorted(evens & threes), sorted(evens - threes)[:5], sorted(threes - evens), len(evens | threes), sorted(evens ^ threes)[:6])
print(max({3, 7, 1}), min({3, 7, 1}), sum({1, 2, 3}), sorted({-1, -5, 3}), any(x > 6 for x in {3, 7}), 7 in {3, 7})
pairs = {(a, b) for a in range(4) for b in range(4) if a < b}
print(sorted(pairs), len(pairs))
s = set(range(10))
s -= {x for x in s if x % 2}
s |= {100}
s &= set(range(50)) | {100}
print(sorted(s))
print({1, 2} | {2, 3} == {3, 2, 1}, {frozenset({1, 2}), frozenset({2, 1})} == {frozenset({1, 2})})
print(sorted(set([1, 2, 3]).union(range(5, 7))), sorted({*range(3), *[7, 8]}), set() == {*[]})
