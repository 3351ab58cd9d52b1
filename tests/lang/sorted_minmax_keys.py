# Tests key functions and tie-breaking across sorted/min/max/list.sort: first occurrence wins for ties, reverse stability, key called once per item.

records = [("amy", 30, "NY"), ("bob", 25, "LA"), ("cat", 30, "SF"), ("dan", 25, "NY"), ("eve", 35, "LA")]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (r[2], -r[1])))
print(sorted(sorted(records, key=lambda r: r[0], reverse=True), key=lambda r: r[1]))
print(min(records, key=lambda r: r[1]), max(records, key=lambda r: r[1]), max(records, key=lambda r: r[2]))
print(min([3, 1, 1.0, True], key=lambda x: x), max([1, True, 1.0]), min([1.0, True, 1]))
calls = []
def key(x):
    calls.append(x)
    return x % 3
data = [5, 3, 9, 1, 7]
print(sorted(data, key=key), calls)
calls.clear()
print(max(data, key=key), calls)
calls.clear()
print(min(iter(data), key=key), calls)
words = "The quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w.lower())))
print(max(words, key=len), min(words, key=len), max(words), min(words, key=str.lower))
print(sorted(range(-5, 6), key=lambda x: (x * x, x)), sorted(range(10), key=lambda x: x % 2 == 0))
print(sorted([[3, 1], [2], [1, 2, 3], []], key=len), sorted([[3, 1], [2], [1, 2, 3], []]))
print(sorted("Mississippi", key="ispM".index), sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1]))
nums = [4, -2, 3, -1, 0]
nums.sort(key=abs)
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
print(sorted([0.5, -0.5, 0.0, -0.0], key=abs), max([-0.0, 0.0]), max([0.0, -0.0]))
print(sorted(["a10", "a2", "a1", "b1"], key=lambda s: (s[0], int(s[1:]))))
print(min("xyz", default="empty"), min("", default="empty"), max([], key=len, default=None))
try:
    sorted([1, 2], key=lambda x: "a" if x == 1 else 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    max([1, 2], key=5)
except TypeError as e:
    print(type(e).__name__, e)
