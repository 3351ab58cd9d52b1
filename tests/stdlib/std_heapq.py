# heapq from CPython's library (pure Python under krait): push/pop, heapify,
# merge, nlargest/nsmallest with keys, and the heap invariant throughout.
import heapq


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2**31
        yield seed % 1000


def is_heap(h):
    return all(h[(i - 1) // 2] <= h[i] for i in range(1, len(h)))


gen = lcg(7)
data = [next(gen) for _ in range(200)]
h = []
for x in data:
    heapq.heappush(h, x)
    assert is_heap(h)
print(len(h), h[:10], is_heap(h))
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(data), out[:8], out[-3:])
h = data[:]
heapq.heapify(h)
print(is_heap(h), h[0], heapq.heappushpop(h, -1), heapq.heapreplace(h, 5000), h[0])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data))
print(heapq.nlargest(3, data, key=lambda x: -x), heapq.nsmallest(3, data, key=lambda x: x % 7))
print(heapq.nlargest(0, data), heapq.nsmallest(1, []), heapq.nlargest(10, [3, 1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge(["b", "dd"], ["a", "ccc"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)), list(heapq.merge()))
words = "the quick brown fox jumps over the lazy dog".split()
print(heapq.nsmallest(4, words, key=len), heapq.nlargest(2, words))
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
heapq.heapify(pairs)
print([heapq.heappop(pairs) for _ in range(4)])
for bad in (lambda: heapq.heappop([]), lambda: heapq.heapify(5)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
big = list(range(1000, 0, -1))
heapq.heapify(big)
print(big[:5], heapq.heappop(big), len(big), is_heap(big))
print(heapq._heappop_max([5, 3, 4]) if hasattr(heapq, "_heappop_max") else None)
