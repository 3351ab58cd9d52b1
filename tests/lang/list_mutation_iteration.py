# Tests mutating lists while iterating (defined CPython behaviour: index-based iteration), aliasing via *, shallow vs deep copies by hand.

a = [1, 2, 3, 4, 5, 6]
seen = []
for x in a:
    seen.append(x)
    if x % 2 == 0:
        a.remove(x)
print(seen, a)
b = [1, 2, 3]
out = []
for x in b:
    out.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(out, b)
c = [1, 2, 3, 4]
for i, x in enumerate(c):
    if x == 2:
        c.insert(0, "front")
    if i > 6:
        break
print(c)
d = [3, 1, 2]
it = iter(d)
print(next(it))
d.clear()
print(list(it))
e = [0, 1, 2]
it2 = iter(e)
next(it2); next(it2); next(it2)
e.append(3)
print(list(it2))
exhausted = iter([1])
list(exhausted)
print(list(exhausted))
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
orig = [[1, 2], [3, 4], 5]
shallow = orig[:]
shallow2 = list(orig)
shallow3 = orig.copy()
deep = [inner[:] if isinstance(inner, list) else inner for inner in orig]
orig[0].append(99)
orig[2] = "changed"
print(shallow, shallow2, shallow3, deep)
print(shallow[0] is orig[0], deep[0] is orig[0])
lst = [1, 2, 3]
for x in lst[:]:
    lst.remove(x)
print(lst)
nums = list(range(10))
nums[:] = [n for n in nums if n % 3]
print(nums)
r = list(range(5))
for i in range(len(r) - 1, -1, -1):
    if r[i] % 2:
        del r[i]
print(r)
stack = []
for ch in "([]{})":
    if ch in "([{":
        stack.append(ch)
    else:
        stack.pop()
print(stack, len(stack))
rev = [1, 2, 3]
for x in reversed(rev):
    if x == 2:
        rev.append(4)
print(rev)
