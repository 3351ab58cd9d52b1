# Attribute and method caches of LOAD_ATTR, STORE_ATTR and LOAD_METHOD:
# __slots__ members read and written in place, two types per method call
# site, instance dicts. Each case first warms a call site, then changes
# something the cache depends on, and checks the site sees the change.


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Cell:
    __slots__ = ("value", "next")

    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


def get_value(c):
    return c.value


def set_value(c, v):
    c.value = v


cells = [Cell(i, None) for i in range(5)]
for c in cells:
    set_value(c, get_value(c) * 10)
print("slots", [get_value(c) for c in cells])

empty = Cell.__new__(Cell)
show("unset slot", lambda: get_value(empty))
set_value(empty, 7)
print("set later", get_value(empty))
del empty.value
show("deleted slot", lambda: get_value(empty))


class CellSub(Cell):
    pass


class CellDict(Cell):
    __slots__ = ("__dict__",)


sub = CellSub(1, None)
withdict = CellDict(2, None)
withdict.extra = 3
for obj in (cells[0], sub, withdict, cells[1], sub):
    set_value(obj, get_value(obj) + 1)
print("subclasses", get_value(sub), get_value(withdict), withdict.extra, vars(withdict))


class WithGetattr:
    __slots__ = ("value",)

    def __getattr__(self, name):
        return "getattr " + name


g = WithGetattr()
print("getattr fallback", get_value(g))
set_value(g, 5)
print("getattr slot set", get_value(g))


class Twin:
    __slots__ = ("value", "next")


t = Cell(3, None)
print("before class change", get_value(t))
t.__class__ = Twin
print("after class change", get_value(t), type(t).__name__)

# A class attribute replacing the slot descriptor.
c2 = Cell(4, None)
print("before property", get_value(c2))
saved = Cell.value
Cell.value = property(lambda self: "property")
show("after property", lambda: get_value(c2))
try:
    set_value(c2, 1)
except AttributeError:
    print("set through property AttributeError")
Cell.value = saved
print("descriptor back", get_value(c2))


class Foreign:
    value = Cell.__dict__["next"]


show("foreign descriptor", lambda: get_value(Foreign()))


class Plain:
    def __init__(self, v):
        self.value = v


p = Plain(1)
for i in range(3):
    set_value(p, get_value(p) + i)
print("dict attr", get_value(p))
Plain.value = property(lambda self: "class property wins")
print("data descriptor added", get_value(p))
del Plain.value
print("descriptor removed", get_value(p))
p.__dict__ = {"value": "new dict"}
print("dict replaced", get_value(p))
del p.value
show("deleted", lambda: get_value(p))


class S(str):
    pass


q = Plain(0)
q.__dict__.clear()
q.__dict__[S("value")] = "str subclass key"
print("subclass key", get_value(q))
set_value(q, "replaced")
print("after store", get_value(q), [type(k).__name__ for k in q.__dict__])


# Method call sites seeing several types.
class A:
    def name(self):
        return "A"


class B(A):
    def name(self):
        return "B"


class C(A):
    pass


class D:
    def name(self):
        return "D"


def call_name(o):
    return o.name()


objs = [A(), B(), C(), D(), B(), A()]
print("polymorphic", [call_name(o) for o in objs] * 2)
b = B()
b.name = lambda: "instance attribute"
print("shadowed by instance", call_name(b), call_name(B()))
B.name = lambda self: "B replaced"
print("method replaced", [call_name(o) for o in objs])
del B.name
print("method deleted", [call_name(o) for o in objs])
A.name = lambda self: "A replaced"
print("base replaced", [call_name(o) for o in objs])
del A.name
show("no method", lambda: [call_name(o) for o in objs])
