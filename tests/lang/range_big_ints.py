# ranges whose bounds do not fit a machine word: length, indexing, slicing,
# membership, count/index, reversed, iteration near the limits, and the
# OverflowError of len() when the length itself is too large.

big = 2 ** 64
huge = range(big, big * 5, big // 3 + 1)
print(huge, huge.start, huge.stop, huge.step, len(huge), huge[0], huge[-1], huge[2])
print(list(huge), list(reversed(huge)))
print(big * 2 in huge, huge[1] in huge, huge[1] + 1 in huge, huge.count(huge[3]), huge.index(huge[3]))
print(huge[1:3], huge[::-1], huge[::2], huge[-2:], huge[10:], huge[:-10])

r = range(-(2 ** 100), 2 ** 100)
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
print(r[0], r[-1], r[2 ** 99], r[-(2 ** 99)], bool(r), r.start, r.stop)
print(r[5:10], r[-3:], r[::2 ** 99], r[::-(2 ** 99)], r[2 ** 100:2 ** 100 + 3])
print(0 in r, 2 ** 100 in r, -(2 ** 100) in r, 2 ** 100 - 1 in r, r.index(0), r.count(-5))
try:
    r[2 ** 101]
except IndexError as e:
    print("IndexError:", e)

# Around the 63-bit boundary of small ints.
for start in [2 ** 62 - 3, 2 ** 63 - 3, -(2 ** 63) - 2]:
    rr = range(start, start + 6)
    print(list(rr), len(rr), rr[-1] - rr[0], list(rr[::-2]), start + 4 in rr)
rr = range(2 ** 63 - 2, 2 ** 63 + 2)
it = iter(rr)
print(next(it), next(it), next(it), next(it), next(it, "done"))
print(list(range(2 ** 63, 2 ** 63 - 10, -3)), list(range(-(2 ** 63), -(2 ** 63) + 9, 4)))

# Steps larger than the span, big negative steps, empty big ranges.
print(list(range(0, 10, 2 ** 70)), list(range(10, 0, -(2 ** 70))), len(range(big, 0)), range(big, 0)[:])
print(range(0, 2 ** 70, 2 ** 68)[1:3], len(range(0, 2 ** 70, 2 ** 68)), hash(range(big, big)) == hash(range(0)))
print(range(big) == range(0, big, 1), range(big)[big - 1], list(range(big)[-2:]))

# slice.indices with big lengths and steps.
print(slice(None).indices(big), slice(-1, None, -1).indices(big), slice(0, 5, 10 ** 30).indices(10))
print(slice(-(10 ** 30), 10 ** 30).indices(7), slice(None, None, -(10 ** 30)).indices(7))
