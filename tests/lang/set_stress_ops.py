# Tests set correctness under pseudo-random adds/discards and algebra against sorted-list references (LCG-driven, small ints only, results printed sorted).

state = 2024
def rnd(n):
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return (state >> 33) % n

s = set()
ref = []
bad = 0
for step in range(4000):
    v = rnd(300)
    if rnd(3):
        s.add(v)
        if v not in ref:
            ref.append(v)
    else:
        s.discard(v)
        if v in ref:
            ref.remove(v)
    if rnd(50) == 0 and sorted(s) != sorted(ref):
        bad += 1
print(len(s), sorted(s) == sorted(ref), bad, sorted(s)[:10])
a = {rnd(100) for _ in range(60)}
b = {rnd(100) for _ in range(60)}
la, lb = sorted(a), sorted(b)
print(sorted(a | b) == sorted(set(la + lb)), sorted(a & b) == [x for x in la if x in lb], sorted(a - b) == [x for x in la if x not in lb])
print(sorted(a ^ b) == sorted([x for x in la if x not in lb] + [x for x in lb if x not in la]), len(a), len(b), len(a & b))
big = set(range(0, 100000, 3))
big2 = set(range(0, 100000, 5))
print(len(big & big2), len(big | big2), len(big - big2), min(big ^ big2), max(big & big2))
removed = 0
for x in range(0, 100000, 7):
    if x in big:
        big.remove(x)
        removed += 1
print(removed, len(big), 21 in big, 3 in big)
fs = frozenset(range(50))
subsets = [fs - {i} for i in range(50)]
print(len(set(subsets)), all(x < fs for x in subsets), sum(len(x) for x in subsets))
pairs = {(i, j) for i in range(30) for j in range(30) if (i * j) % 7 == 1}
print(len(pairs), sorted(pairs)[:5])
