# Tests list methods: append, extend, insert (out-of-range), pop, remove, index (start/stop), count, reverse, clear, copy.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

a = [3, 1, 4]
a.append(1); a.append([5]); print(a)
a.extend([9, 2]); a.extend("ab"); a.extend((6,)); a.extend(range(2)); a.extend({7: 0}); print(a)
a.insert(0, "first"); a.insert(-1, "before-last"); a.insert(100, "end"); a.insert(-100, "start"); print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3), a)
print(a.index(1), a.index(1, 2), a.index("a", -9), a.count(1), a.count("zz"), a.count([5]))
a.remove(1); print(a)
a.reverse(); print(a)
b = a.copy(); a.clear(); print(a, b, b is not a)
show("pop empty", lambda: [].pop())
show("pop out of range", lambda: [1].pop(1))
show("pop str", lambda: [1].pop("0"))
show("remove missing", lambda: [1, 2].remove(3))
show("index missing", lambda: [1, 2].index(3))
show("index range", lambda: [1, 2, 1].index(1, 1, 2))
show("extend int", lambda: [].extend(1))
show("insert no arg", lambda: [].insert(1))
show("append 2 args", lambda: [].append(1, 2))
show("sort args", lambda: [].sort(lambda x: x))
print([1, 2, 3].index(3, -1), [1, 2, 3].index(2, 0, 100), [1, 2, 3].index(1, -100))
c = [1, 2]
c.extend(c); print(c)
c += c; print(c)
c *= 2; print(len(c))
d = [0]
d += "xy"; print(d)
d += range(2); print(d)
show("list + str", lambda: [1] + "a")
show("list + tuple", lambda: [1] + (2,))
print([1, 2] + [3], [0] * 3, 3 * [1, 2], [1] * 0, [1] * -1, [[0]] * 2)
m = [[0]] * 3
m[0].append(1); print(m)
e = [1, 2, 3, 2, 1]
while 2 in e:
    e.remove(2)
print(e, len(e))
f = list(range(10))
print(f.pop(5), f, f.index(9))

class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq called", self.v, other)
        return self.v == other

g = [1, 2, 3]
print(g.count(Eq(2)), g.index(Eq(3)), Eq(1) in g)
g.remove(Eq(2)); print(g)
h = [float("nan")]
print(h.count(h[0]), h.index(h[0]), h[0] in h)
print(list(), list("abc"), list((1, 2)), list({1: 2, 3: 4}), list(range(3, 0, -1)), list(x * 2 for x in range(3)))
show("list(5)", lambda: list(5))
show("list(1, 2)", lambda: list(1, 2))
