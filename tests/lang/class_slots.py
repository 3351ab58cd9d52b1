# Tests __slots__: restricted attributes, no __dict__, slot descriptors, inheritance with and without slots, __dict__ in slots, defaults errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
show("new attr", lambda: setattr(p, "z", 3))
del p.x
show("deleted slot", lambda: p.x)
show("delete twice", lambda: delattr(p, "x"))
p.x = 10
print(p.x)

class Q(P):
    pass

q = Q(1, 2)
q.z = 3
print(q.z, sorted(vars(q)), hasattr(q, "__dict__"))

class R(P):
    __slots__ = ("z",)

r = R(1, 2)
r.z = 3
print(r.x, r.z, hasattr(r, "__dict__"))
show("R new attr", lambda: setattr(r, "w", 1))

class WithDict:
    __slots__ = ("a", "__dict__")

w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)

class Single:
    __slots__ = "only"

s = Single()
s.only = "one"
print(s.only, Single.__slots__)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print(type(e).__name__, e)

class Empty:
    __slots__ = ()

show("empty slots attr", lambda: setattr(Empty(), "a", 1))
show("unset slot", lambda: Single().only)

class ClassAttr:
    __slots__ = ("inst",)
    shared = "class level"

ca = ClassAttr()
print(ca.shared)
show("set class attr on instance", lambda: setattr(ca, "shared", "x"))

class Weak:
    __slots__ = ("__weakref__", "v")

print("__weakref__" in dir(Weak), hasattr(Weak(), "__dict__"))
slot_desc = P.__dict__["x"]
print(slot_desc.__name__, slot_desc.__objclass__.__name__, slot_desc.__get__(P(5, 6)))
slot_desc.__set__(p, 99)
print(p.x)
show("slot desc wrong type", lambda: slot_desc.__get__(5))

class Priv:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = "hidden"

    def reveal(self):
        return self.__secret

print(Priv().reveal(), Priv.__slots__, "_Priv__secret" in Priv.__dict__)
try:
    class BadSlot:
        __slots__ = (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class BadSlot2:
        __slots__ = ("not valid",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class IntSlots(int):
        __slots__ = ("a",)
except TypeError as e:
    print(type(e).__name__, e)
