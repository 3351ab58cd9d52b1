# __set_name__: called on class creation for each attribute that defines it,
# in definition order, with the owner and the name; not for later assignments;
# an error inside it is wrapped in a RuntimeError (3.11) whose cause it is.

class Field:
    def __init__(self, default=None):
        self.default = default
        self.name = None
        self.owner = None

    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, self.default)

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value


class Model:
    x = Field(1)
    y = Field(2)
    z = Field()


m = Model()
print(m.x, m.y, m.z)
m.x = 10
print(m.x, Model.x.name, Model.x.owner, Model.z.name)

# assigned after class creation: no call
Model.w = Field(5)
print(Model.w.name)


# the same object under two names: called twice
shared = Field()


class Twice:
    a = shared
    b = shared


print(shared.name)


# set_name is looked up on the type, not on the instance
class OnInstance:
    pass


o = OnInstance()
o.__set_name__ = lambda owner, name: print("never")


class Holder:
    attr = o


print("instance attribute ignored")


# exceptions propagate unchanged
class Boom:
    def __set_name__(self, owner, name):
        raise ValueError(f"bad {name}")


try:
    class Broken:
        good = Field()
        bad = Boom()
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", type(e.__cause__).__name__, e.__cause__)


# __set_name__ that is not callable
class NotCallable:
    __set_name__ = 5


try:
    class Broken2:
        n = NotCallable()
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", type(e.__cause__).__name__, e.__cause__)


# type() also calls it
T = type("T", (), {"f": Field(7)})
print(T.f.name, T.f.owner, T().f)


# descriptors in nested classes get the nested owner
class Outer:
    class Inner:
        q = Field()
    p = Field()


print(Outer.Inner.q.owner, Outer.p.owner)


# set_name sees the class namespace complete
class Peek:
    def __set_name__(self, owner, name):
        print("peek", name, sorted(k for k in vars(owner) if not k.startswith("__")))


class Full:
    first = Peek()
    middle = 1
    last = Peek()


# a class-level attribute replaced inside __set_name__ stays replaced
class Replacer:
    def __set_name__(self, owner, name):
        setattr(owner, name, f"replaced {name}")


class R:
    r = Replacer()


print(R.r)
