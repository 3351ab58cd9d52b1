# _collections: deque (ring buffer, maxlen, rotation, indexing, iteration
# guards, operators) and defaultdict (factory, __missing__, repr, copy, |).
from _collections import deque, defaultdict


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


d = deque()
for i in range(20):
    d.append(i) if i % 2 else d.appendleft(i)
print(d, len(d), d[0], d[-1], d[5], 7 in d, 100 in d)
print(d.pop(), d.popleft(), d.count(3), d.index(3), d.index(5, 2), list(reversed(d))[:4])
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d.reverse()
print(d)
d.insert(2, "x")
d.insert(-1, "y")
d.insert(100, "z")
d.remove("x")
del d[0]
d[1] = "set"
print(d, d.maxlen)
d.clear()
print(d, bool(d), bool(deque([0])))
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
m.appendleft(-1)
print(m, repr(deque(maxlen=0)))
m.extend(range(5))
m.extendleft("ab")
print(m, m.copy(), m == deque([1, 2, 3]), m == deque(["b", "a", 2], maxlen=3))
show("full insert", lambda: m.insert(0, 1))
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("index missing", lambda: deque([1]).index(2))
show("remove missing", lambda: deque([1]).remove(2))
show("getitem", lambda: deque([1])[5])
show("getitem str", lambda: deque([1])["a"])
show("maxlen neg", lambda: deque([], -1))
show("hash", lambda: hash(deque()))
show("concat list", lambda: deque([1]) + [2])
show("bad kw", lambda: deque(x=1))
a = deque([1, 2])
print(a + deque([3]), a * 2, 3 * a, a * 0, deque([1, 2], maxlen=3) * 3)
a += [9]
a *= 2
print(a, a < deque([1, 3]), a > deque([1]), a <= a, deque("ab") != deque("ab"))
it = iter(a)
next(it)
a.append(0)
show("mutated", lambda: next(it))
e = deque("abc")
e.extend(e)
print(e, list(iter(e)), sum(1 for _ in reversed(e)))
r = deque()
r.append(r)
print(r, deque[int], isinstance(deque(), object))


class MyDeque(deque):
    pass


md = MyDeque([1, 2], 5)
print(md, type(md.copy()).__name__, md.copy(), type(md + md).__name__)
big = deque(range(100000))
big.rotate(12345)
print(big[0], big[-1], len(big), sum(big))
while len(big) > 3:
    big.popleft()
print(big)

dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dd["zz"], len(dd), dd.default_factory, sorted(dd))
c = defaultdict(int, {"x": 1}, y=2)
c["x"] += 5
c["new"] += 1
print(c, c.copy(), type(c.copy()).__name__, isinstance(c, dict))
n = defaultdict()
show("no factory", lambda: n["k"])
print(n, defaultdict(None, a=1), "k" in n)
show("bad factory", lambda: defaultdict(5))
c.default_factory = lambda: "made"
print(c["q"], c.get("w"), "w" in c)
u = defaultdict(list, {"a": [1]}) | {"b": [2]}
print(u, type(u).__name__, type({"z": 0} | defaultdict(int)).__name__)
rec = defaultdict(list)
rec.default_factory = rec.copy
print(repr(defaultdict(len))[:27])


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree()
t["a"]["b"]["c"] = 1
print(type(t["a"]).__name__, t["a"]["b"]["c"], len(t))
