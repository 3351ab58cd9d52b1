# Tests list.sort/sorted on pseudo-random data against a hand-written insertion sort: ints, tuples, keys, reverse, stability with duplicates, already-sorted runs.

state = 7
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return (state >> 16) % n

def insertion_sort(xs, key=lambda x: x, reverse=False):
    out = []
    for x in xs:
        k = key(x)
        i = len(out)
        if reverse:
            while i > 0 and key(out[i - 1]) < k:
                i -= 1
        else:
            while i > 0 and key(out[i - 1]) > k:
                i -= 1
        out.insert(i, x)
    return out

for size in [0, 1, 2, 5, 31, 64, 200, 777]:
    data = [rnd(50) - 25 for _ in range(size)]
    ok = sorted(data) == insertion_sort(data)
    ok_rev = sorted(data, reverse=True) == insertion_sort(data, reverse=True)
    recs = [(rnd(5), i) for i in range(size)]
    ok_key = sorted(recs, key=lambda r: r[0]) == insertion_sort(recs, key=lambda r: r[0])
    ok_key_rev = sorted(recs, key=lambda r: r[0], reverse=True) == insertion_sort(recs, key=lambda r: r[0], reverse=True)
    print(size, ok, ok_rev, ok_key, ok_key_rev)
runs = list(range(100)) + list(range(50)) + list(range(100, 0, -1))
print(sorted(runs) == insertion_sort(runs), sorted(runs)[:5], sorted(runs)[-3:])
words = ["".join(chr(97 + rnd(4)) for _ in range(rnd(4) + 1)) for _ in range(300)]
print(sorted(words) == insertion_sort(words), sorted(words, key=len) == insertion_sort(words, key=len), sorted(set(words))[:6])
floats = [rnd(1000) / 7 - 70 for _ in range(500)]
print(sorted(floats) == insertion_sort(floats), round(sorted(floats)[250], 6))
lst = [rnd(10) for _ in range(1000)]
lst.sort()
print(all(lst[i] <= lst[i + 1] for i in range(len(lst) - 1)), [lst.count(v) for v in range(10)])
big = [rnd(10 ** 6) for _ in range(20000)]
sb = sorted(big)
print(sb[0], sb[-1], sb[10000], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
