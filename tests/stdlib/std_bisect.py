# bisect from CPython's library: the four searches, insort, lo/hi bounds,
# key functions, and the errors for bad bounds.
import bisect

a = [1, 2, 2, 2, 3, 5, 8, 13]
for x in (0, 1, 2, 3, 4, 13, 14):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 8, hi=5))
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(s, x)
print(s)
bisect.insort_left(s, 5)
bisect.insort_right(s, 0, 0, 1)
print(s)
recs = [("a", 1), ("b", 3), ("c", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 7, key=lambda r: r[1]))
bisect.insort(recs, ("d", 5), key=lambda r: r[1])
print(recs)
grades = "FDCBA"
breakpoints = [60, 70, 80, 90]
print([grades[bisect.bisect(breakpoints, score)] for score in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
try:
    bisect.bisect([1, "a"], 0)
except TypeError as e:
    print("TypeError")
print(bisect.bisect_left([], 1), bisect.bisect_right([1.5, 2.5], 2))
