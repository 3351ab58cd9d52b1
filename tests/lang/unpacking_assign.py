# Tests assignment unpacking: nested targets, starred targets in any position, unpacking from iterators/strings/dicts, chained assignment order, swap.

a, b = 1, 2
a, b = b, a
print(a, b)
x, *y = [1, 2, 3]
print(x, y)
*x, y = "abc"
print(x, y)
x, *y, z = range(5)
print(x, y, z)
x, *y, z = [1, 2]
print(x, y, z)
*everything, = (1, 2)
print(everything)
(p, q), [r, *s] = "pq", (1, 2, 3)
print(p, q, r, s)
[first, [second, *rest_inner], *rest] = [1, [2, 3, 4], 5, 6]
print(first, second, rest_inner, rest)
k1, k2 = {"key1": 1, "key2": 2}
print(k1, k2)
it = iter([10, 20, 30])
i1, *irest = it
print(i1, irest, type(irest).__name__)
s1, *s2 = "x"
print(s1, s2)
for label, src in [("too many", "a, b = 1, 2, 3"), ("too few", "a, b, c = 1, 2"), ("star too few", "a, *b, c = [1]"),
                   ("non-iterable", "a, b = None"), ("nested too few", "(a, b), c = (1,), 2"), ("string len", "a, b = 'abc'"),
                   ("two stars", "*a, *b = [1, 2]"), ("star alone", "*a = [1]"), ("too many exprs", "a, *b = ")]:
    try:
        exec(src, {})
        print(label, "ok")
    except (ValueError, TypeError, SyntaxError) as e:
        print(label, type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
x = y = z = []
x.append(1)
print(x, y, z, x is z)
log = []

class Target:
    def __setitem__(self, k, v):
        log.append(("set", k, v))

t = Target()
t[0] = t[1] = "v"
print(log)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, "assigned"
print(i, lst)
lst2 = [0, 0]
j = 0
lst2[j], j = "first", 1
print(lst2, j)

class Obj:
    pass

o = Obj()
o.a, o.b = 1, 2
d = {}
d["x"], d["y"] = "xy"
print(o.a, o.b, d)
(a), b = 5, 6
print(a, b)
[a] = [7]
(b,) = (8,)
print(a, b)
n = [1, 2, 3, 4, 5, 6]
n[1:3], n[-1] = ["a", "b", "c"], "end"
print(n)

def gen():
    yield from range(3)

g1, g2, g3 = gen()
print(g1, g2, g3)
head, *tail = gen()
print(head, tail)
big, *_ = range(10 ** 6)
print(big)
for a, (b, *c) in [(1, (2, 3, 4)), (5, "xy")]:
    print(a, b, c)
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
a = [1, 2]
a[0], a[1] = a[1], a[0]
print(a)
