# A class with __slots__ whose first base has no __dict__ (or __weakref__)
# still gets them when a later base has them, as CPython's type_new_slots
# does: minidom's ProcessingInstruction(Childless, Node) sets ownerDocument
# in its __dict__. krait used to look at the first base only.
import weakref


class NoDict:
    __slots__ = ()


class WithDict:
    pass


class Slotted(NoDict, WithDict):
    __slots__ = ("t",)


s = Slotted()
s.x = 1
s.t = 2
print(s.__dict__, s.t, weakref.ref(s)() is s)
print(sorted(k for k in vars(Slotted) if k != "__module__"))


class OnlyFirst(NoDict):
    __slots__ = ("t",)


o = OnlyFirst()
for action in (lambda: setattr(o, "x", 1), lambda: weakref.ref(o)):
    try:
        action()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


class ExplicitDict(NoDict, WithDict):
    __slots__ = ("__dict__",)


e = ExplicitDict()
e.y = 3
print(e.__dict__)


class Plain(WithDict):
    ownerDocument = None


class Mixin:
    __slots__ = ()


class Child(Mixin, Plain):
    __slots__ = ("data",)


c = Child()
c.ownerDocument = "doc"
c.data = "d"
print(c.ownerDocument, Child.ownerDocument, c.__dict__)
try:
    class Twice(NoDict, WithDict):
        __slots__ = ("__dict__", "__dict__")
except TypeError as err:
    print(err)
