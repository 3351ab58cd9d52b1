# Attribute and method caches at polymorphic sites: one instruction sees
# instances of several classes (some plain, some with descriptors, slots or
# __getattr__) and classes that change while the site is hot. Every read
# and write must keep Python's lookup order.


class Base:
    def __init__(self, n):
        self.x = n
        self.y = n * 2

    def get(self):
        return self.x + self.y

    def bump(self):
        self.x = self.x + 1
        return self.x


class A(Base):
    pass


class B(Base):
    def __init__(self, n):
        self.z = 0
        Base.__init__(self, n)


class C(Base):
    pass


class WithProp(Base):
    @property
    def x(self):
        return 1000

    @x.setter
    def x(self, v):
        self.__dict__["_x"] = v


class WithGetattr(Base):
    def __getattr__(self, name):
        return "missing " + name


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, n):
        self.x = n
        self.y = -n

    def get(self):
        return self.x + self.y

    def bump(self):
        self.x = self.x + 1
        return self.x


def read_x(o):
    return o.x


def write_x(o, v):
    o.x = v


def call_get(o):
    return o.get()


objs = [A(1), B(2), C(3), A(4), WithProp(5), Slotted(6), B(7), WithGetattr(8)]
for rounds in range(3):
    print([read_x(o) for o in objs])
    print([call_get(o) for o in objs])
    print([o.bump() for o in objs])
    for i, o in enumerate(objs):
        write_x(o, i * 10 + rounds)
    print([read_x(o) for o in objs], objs[4].__dict__.get("_x"))

# An instance attribute shadows a method after the site has cached the method.
a, b, c = A(1), B(2), C(3)
for o in (a, b, c, a, b, c):
    print(call_get(o), end=" ")
print()
b.get = lambda: "instance get"
print([call_get(o) for o in (a, b, c)])
del b.get
print([call_get(o) for o in (a, b, c)])

# The class changes: a data descriptor appears, then goes away.
for o in (a, b, c):
    read_x(o)
A.x = property(lambda self: "A.x property")
print([read_x(o) for o in (a, b, c)])
del A.x
print([read_x(o) for o in (a, b, c)])
C.get = lambda self: "C.get replaced"
print([call_get(o) for o in (a, b, c)])

# Instances of one class whose dicts hold the attribute at different positions.
d1, d2 = A(1), A(2)
d2.__dict__.clear()
d2.w = "w"
d2.y = 5
d2.x = 6
for o in (d1, d2, d1, d2):
    print(read_x(o), call_get(o), end=" | ")
print()

# A missing attribute on one of the types raises the usual error.
e = C(3)
del e.x
for o in (a, e):
    try:
        print(read_x(o))
    except AttributeError as exc:
        print("AttributeError:", exc)
write_x(e, 9)
print(read_x(e), e.__dict__)
