# Tests in-place operators: __iadd__ etc., fallback to binary ops, rebinding semantics, NotImplemented from __iadd__, on attributes/subscripts.

class Acc:
    def __init__(self, v):
        self.v = v

    def __iadd__(self, o):
        print("  __iadd__")
        self.v += o
        return self

    def __add__(self, o):
        print("  __add__")
        return Acc(self.v + o)

    def __repr__(self):
        return f"Acc({self.v})"

a = Acc(1)
orig = a
a += 5
print(a, a is orig)
b = a + 1
print(b, b is a)

class NoIadd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return NoIadd(self.v + o)

    def __repr__(self):
        return f"NoIadd({self.v})"

n = NoIadd(1)
orig = n
n += 2
print(n, n is orig, orig)

class NIiadd:
    def __iadd__(self, o):
        print("  __iadd__ -> NotImplemented")
        return NotImplemented

    def __add__(self, o):
        print("  __add__ fallback")
        return "added"

x = NIiadd()
x += 1
print(x)

class ReturnsOther:
    def __imul__(self, o):
        return "something else"

r = ReturnsOther()
r *= 3
print(r)

ops = ["iadd", "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow", "imatmul", "iand", "ior", "ixor", "ilshift", "irshift"]

class All:
    def __init__(self):
        self.log = []

for op in ops:
    def m(self, o, op=op):
        self.log.append(op)
        return self
    setattr(All, f"__{op}__", m)

t = All()
t += 1; t -= 1; t *= 1; t /= 1; t //= 1; t %= 1; t **= 1; t @= 1; t &= 1; t |= 1; t ^= 1; t <<= 1; t >>= 1
print(t.log)

class Holder:
    def __init__(self):
        self.items = [1]
        self.n = 0

h = Holder()
h.items += [2]
h.n += 10
print(h.items, h.n)
d = {"k": [0], "c": 1}
d["k"] += [1]
d["c"] *= 5
print(d)
lst = [1, 2]
alias = lst
lst += [3]
print(alias, alias is lst)
tup = (1, 2)
alias_t = tup
tup += (3,)
print(alias_t, tup)
s = "ab"
s += "c"
print(s)
fs = frozenset({1})
fs_alias = fs
fs |= {2}
print(sorted(fs_alias), sorted(fs))
st = {1}
st_alias = st
st |= {2}
print(sorted(st_alias), st is st_alias)
try:
    q = None
    q += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    z = "s"
    z -= "t"
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst2 = [1]
    lst2 += 5
except TypeError as e:
    print(type(e).__name__, e)
calls = []

class Obj:
    def __getitem__(self, k):
        calls.append(("get", k))
        return 10

    def __setitem__(self, k, v):
        calls.append(("set", k, v))

def key():
    calls.append("key evaluated")
    return "K"

o = Obj()
o[key()] += 1
print(calls)

class AttrLog:
    def __getattr__(self, name):
        print("  getattr", name)
        return 1

    def __setattr__(self, name, value):
        print("  setattr", name, value)

al = AttrLog()
al.z += 41
