# Regression: `class C(A, B)` where A and B both have `__slots__ = ()` was
# rejected with "multiple bases have instance lay-out conflict"; a base with
# empty slots adds no layout. Also: which slot combinations conflict, the
# __dict__ and __weakref__ slots and the attributes they give.

class E1:
    __slots__ = ()


class E2:
    __slots__ = ()


class Both(E1, E2):
    pass


class BothSlotted(E1, E2):
    __slots__ = ("x",)


b = Both()
b.anything = 1
print(b.anything, hasattr(b, "__dict__"), [k.__name__ for k in Both.__mro__])
bs = BothSlotted()
bs.x = 2
print(bs.x, hasattr(bs, "__dict__"))


class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("b",)


class WithEmpty(S1, E1):
    pass


print([k.__name__ for k in WithEmpty.__mro__])
for bases in ((S1, S2), (S1, int), (int, str), (list, dict), (S1, Exception)):
    try:
        type("X", bases, {})
        print("ok", [b.__name__ for b in bases])
    except TypeError as e:
        print("TypeError", [b.__name__ for b in bases], e)


# a subclass of a slotted class extends its layout: compatible with the base
class S1Child(S1):
    __slots__ = ("c",)


class Mixed(S1Child, S1):
    pass


print([k.__name__ for k in Mixed.__mro__])

# __dict__ and __weakref__ in __slots__
class WithDict:
    __slots__ = ("a", "__dict__")


wd = WithDict()
wd.a = 1
wd.other = 2
print(wd.a, wd.__dict__, "__dict__" in WithDict.__dict__)


class WithWeak:
    __slots__ = ("__weakref__",)


print("__weakref__" in WithWeak.__dict__, WithWeak().__weakref__, hasattr(WithWeak(), "__dict__"))


class NoWeak:
    __slots__ = ("a",)


print(hasattr(NoWeak(), "__weakref__"), "__weakref__" in dir(NoWeak))


class Plain:
    pass


print("__weakref__" in Plain.__dict__, Plain().__weakref__, "__weakref__" in dir(Plain()))

for slots in (("__dict__", "__dict__"), ("__weakref__", "__weakref__"), ("1bad",), ("a b",), (3,)):
    try:
        type("Bad", (), {"__slots__": slots})
    except TypeError as e:
        print("TypeError", e)


class HasDictBase:
    pass


for slots in (("__dict__",), ("__weakref__",)):
    try:
        type("Bad", (HasDictBase,), {"__slots__": slots})
    except TypeError as e:
        print("TypeError", e)

# slots on variable-size builtins
for base in (int, tuple, bytes):
    try:
        type("V", (base,), {"__slots__": ("x",)})
    except TypeError as e:
        print("TypeError", e)
    print(type("V", (base,), {"__slots__": ()}).__name__, "ok with empty slots")

# a str __slots__ is one name; a dict's keys are the names
class OneName:
    __slots__ = "only"


class DictSlots:
    __slots__ = {"p": "doc of p", "q": "doc of q"}


print(OneName.__slots__, "only" in OneName.__dict__, sorted(k for k in DictSlots.__dict__ if k in "pq"), DictSlots.p.__doc__)
o = OneName()
try:
    o.other = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    o.only
except AttributeError as e:
    print("AttributeError", e)
