# copy from CPython's library: shallow and deep copies of builtins, cycles,
# __copy__/__deepcopy__, __reduce_ex__-driven classes and the memo.
import copy

a = [1, [2, 3], {"k": (4, [5])}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(9)
a[2]["k"][1].append(6)
print(s, d, s[1] is a[1], d[1] is a[1], copy.copy(5), copy.deepcopy("s"), copy.copy((1, 2)) == (1, 2))
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point([1], {"a": 2})
pc = copy.copy(p)
pd = copy.deepcopy(p)
p.x.append(2)
print(pc, pd, pc.x is p.x, pd.x is p.x)


class Custom:
    def __init__(self):
        self.log = []

    def __copy__(self):
        c = Custom()
        c.log = ["copied"]
        return c

    def __deepcopy__(self, memo):
        c = Custom()
        c.log = ["deep", len(memo) >= 0]
        return c


print(copy.copy(Custom()).log, copy.deepcopy(Custom()).log)


class Slots:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = [1]
        self.b = 2


sc = copy.deepcopy(Slots())
print(sc.a, sc.b)
print(copy.deepcopy({1: {2: [3]}, "t": ({4},)}), copy.copy(set([1, 2])), copy.deepcopy(frozenset([1])))
try:
    copy.copy(iter([]))
except TypeError as e:
    print("TypeError", str(e)[:30])
print(copy.replace if hasattr(copy, "replace") else "no replace", copy.Error.__name__)
