# Tests dict | and |= merge operators, ordering of merged keys, operand type errors, and dict subclass behaviour.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a | {}, {} | a, a, b)
c = a.copy()
c |= b; print(c)
c |= [("w", 0)]; print(c)
c |= {"x": -1}.items(); print(c)
show("dict | list", lambda: a | [("k", 1)])
show("list | dict", lambda: [("k", 1)] | a)
show("dict | None", lambda: a | None)
def ior_bad():
    x = {}
    x |= 5
    return x
show("dict |= int", ior_bad)
def ior_bad2():
    x = {}
    x |= [1]
    return x
show("dict |= [1]", ior_bad2)

class D(dict):
    pass

d = D(a=1)
r = d | {"b": 2}
print(type(r).__name__, r, type({"b": 2} | d).__name__)

class Merger(dict):
    def __or__(self, other):
        return "custom or"

    def __ror__(self, other):
        return "custom ror"

print(Merger() | {}, {} | Merger(), Merger() | Merger())
e = {1: "a"}
f = e
f |= {2: "b"}
print(e is f, e)
print({1: 1} | {True: "t"}, {True: "t"} | {1.0: "f"})
m = {}
for i in range(3):
    m = m | {i: i}
print(m)
print({"a": 1, **{"b": 2}} | {"a": 0})
from collections import OrderedDict, defaultdict
od = OrderedDict(a=1)
print(type(od | {"b": 2}).__name__, od | {"b": 2})
dd = defaultdict(list, k=[1])
print(type(dd | {}).__name__, sorted((dd | {"j": 2}).items()))
