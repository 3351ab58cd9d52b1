# Attribute lookup order with shared-key instance values: data descriptors
# beat the instance, the instance beats methods and plain class attributes,
# classes changed after the attribute caches filled, __getattr__ and
# __getattribute__, __slots__ next to __dict__, subclasses, __class__
# assignment, and one call site seeing instances of many classes.


class Base:
    kind = "class"

    def __init__(self, v):
        self.v = v

    def method(self):
        return "method", self.v


def probe(o):
    return o.v, o.kind, o.method()


objs = [Base(i) for i in range(5)]
print([probe(o) for o in objs])

# An instance attribute shadows the method and the class attribute.
objs[1].method = lambda: "instance"
objs[2].kind = "instance"
print([probe(o) for o in objs])
del objs[1].method
print([probe(o) for o in objs])


# A data descriptor (property) wins over an instance value.
class Prop:
    def __init__(self):
        self.__dict__["p"] = "shadowed"
        self.q = "plain"

    @property
    def p(self):
        return "property"


pr = Prop()
print(pr.p, pr.__dict__, pr.q)
try:
    pr.p = 1
except AttributeError as e:
    print("AttributeError", e)


# A descriptor added to the class after the caches learned the instance slot.
class Late:
    def __init__(self):
        self.x = "instance"


def get_x(o):
    return o.x


ls = [Late() for _ in range(3)]
print([get_x(o) for o in ls])
Late.x = property(lambda self: "late property")
print([get_x(o) for o in ls])
del Late.x
print([get_x(o) for o in ls])
Late.x = "class value"          # not a descriptor: the instance still wins
print([get_x(o) for o in ls])


class NonData:
    def __get__(self, obj, owner):
        return "nondata"


Late.x = NonData()
print([get_x(o) for o in ls])
del ls[0].x
print([get_x(o) for o in ls])


# __getattr__ only for missing names; __getattribute__ for all.
class Fallback:
    def __init__(self):
        self.here = 1

    def __getattr__(self, name):
        return "missing " + name


fb = Fallback()
print(fb.here, fb.there, vars(fb))


class Every:
    def __init__(self):
        self.a = 1

    def __getattribute__(self, name):
        if name == "a":
            return "intercepted"
        return object.__getattribute__(self, name)


ev = Every()
ev.b = 2
print(ev.a, ev.b, object.__getattribute__(ev, "a"))
object.__setattr__(ev, "c", 3)
object.__delattr__(ev, "b")
print(object.__getattribute__(ev, "__dict__"))


# __slots__ with __dict__: slots stay slots, the rest goes to the dict.
class Slotted:
    __slots__ = ("s", "__dict__")

    def __init__(self):
        self.s = "slot"
        self.d = "dict"


sl = [Slotted() for _ in range(3)]
print([(o.s, o.d) for o in sl], sl[0].__dict__)
sl[1].e = 1
del sl[2].s
print(hasattr(sl[2], "s"), vars(sl[1]), vars(sl[2]))


# A subclass adds attributes and slots of its own.
class Sub(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w


class SubSlots(Base):
    __slots__ = ("t",)

    def __init__(self, v):
        self.t = "t"
        super().__init__(v)


subs = [Sub(i, -i) for i in range(3)] + [SubSlots(9)]
print([probe(o) for o in subs], [vars(o) for o in subs])


# One call site, instances of many classes in turn (polymorphic caches).
class K1:
    def __init__(self):
        self.a, self.b = 1, 2


class K2:
    def __init__(self):
        self.b, self.a = 20, 10


class K3(K1):
    pass


class K4:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a, self.b = 100, 200


def get_a(o):
    return o.a


def set_b(o, v):
    o.b = v


mixed = [K1(), K2(), K3(), K4(), K1(), K2()]
for rnd in range(3):
    print([get_a(o) for o in mixed])
    for i, o in enumerate(mixed):
        set_b(o, rnd * 10 + i)
    print([o.b for o in mixed])
print([list(vars(o)) for o in mixed if not isinstance(o, K4)])


# __class__ assignment keeps the attributes and their order.
class X:
    def __init__(self):
        self.p = 1
        self.q = 2

    def who(self):
        return "X"


class Y:
    def who(self):
        return "Y"


xs = [X() for _ in range(3)]
xs[0].__class__ = Y
xs[0].r = 3
print([(o.who(), o.p, o.q) for o in xs], vars(xs[0]))
xs[0].__class__ = X
xs[0].s = 4
print(xs[0].who(), vars(xs[0]), xs[1].__dict__)
try:
    xs[1].__class__ = K4
except TypeError as e:
    print("TypeError", e)
