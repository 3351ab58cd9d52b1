# Tests __hash__/__eq__ interplay: defining __eq__ disables hashing, explicit __hash__, inherited hash, hash of numbers across types, dict/set behaviour.

class EqOnly:
    def __eq__(self, o):
        return True

print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)

class EqAndHash:
    def __init__(self, k):
        self.k = k

    def __eq__(self, o):
        return isinstance(o, EqAndHash) and self.k == o.k

    def __hash__(self):
        return hash(self.k)

s = {EqAndHash(1), EqAndHash(1), EqAndHash(2)}
print(len(s), EqAndHash(2) in s, {EqAndHash("a"): 1}[EqAndHash("a")])

class Child(EqAndHash):
    pass

print(hash(Child(5)) == hash(5), Child(5) == EqAndHash(5))

class ChildEq(EqAndHash):
    def __eq__(self, o):
        return False

print(ChildEq.__hash__)

class Unhashable:
    __hash__ = None

try:
    hash(Unhashable())
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(Unhashable(), object), Unhashable.__hash__ is None)

class Default:
    pass

x = Default()
print(hash(x) == hash(x), x == x, x != Default(), {x: 1}[x])

class BadHash:
    def __hash__(self):
        return "nope"

try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)

class BigHash:
    def __hash__(self):
        return 2 ** 100

print(hash(BigHash()) == hash(2 ** 100))

class NegOne:
    def __hash__(self):
        return -1

print(hash(NegOne()))

class IntHash(int):
    pass

print(hash(IntHash(7)), hash(True), hash(False), hash(1) == hash(1.0) == hash(1 + 0j) == hash(True))
print(hash(0) == hash(0.0) == hash(-0.0) == hash(0j), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(0.5), hash(1.5), hash(-0.5), hash(1e300) == hash(int(1e300)), hash(1 / 3), hash(2.5 + 1j))
from fractions import Fraction
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len({1, 1.0, True, 1 + 0j}))

class Mutable:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, o):
        return self.v == o.v

m = Mutable(1)
s2 = {m}
m.v = 2
print(m in s2, Mutable(2) in s2, Mutable(1) in s2, len(s2))
calls = []

class Track:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        calls.append(("hash", self.v))
        return 0

    def __eq__(self, o):
        calls.append(("eq", self.v, o.v))
        return self.v == o.v

td = {}
td[Track(1)] = "a"
td[Track(2)] = "b"
td[Track(1)] = "c"
print(len(td), td[Track(2)], [c for c in calls if c[0] == "hash"], any(c[0] == "eq" for c in calls))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(frozenset({1, 2})) == hash(frozenset({2.0, 1.0})))
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__, e)
print(type(hash("s")).__name__, hash("abc") == hash("ab" + "c"), hash(b"abc") == hash(b"ab" + b"c"))
