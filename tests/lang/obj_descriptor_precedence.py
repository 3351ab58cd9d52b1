# Descriptor precedence: data descriptors beat the instance dict, which beats
# non-data descriptors; __get__ arguments for instance and class access;
# __set__/__delete__ alone make a data descriptor; descriptors on metaclasses.

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)


class Data:
    def __get__(self, obj, objtype=None):
        return ("data", obj is None, objtype.__name__)

    def __set__(self, obj, value):
        print("Data.__set__", value)


class SetOnly:
    def __set__(self, obj, value):
        print("SetOnly.__set__", value)


class DeleteOnly:
    def __delete__(self, obj):
        print("DeleteOnly.__delete__")


class C:
    nd = NonData()
    d = Data()
    so = SetOnly()
    do = DeleteOnly()


c = C()
print(c.nd, C.nd, c.d, C.d)
c.__dict__["nd"] = "instance nd"
c.__dict__["d"] = "instance d"
print(c.nd, c.d)
c.d = 5
c.so = 6
print(c.so is C.__dict__["so"])
c.__dict__["so"] = "in dict"
print(c.so is C.__dict__["so"])
del c.do
try:
    c.do = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    del c.so
except AttributeError as e:
    print("AttributeError", e)

# class attribute assignment replaces the descriptor (no __set__ on the class)
C.d = "plain"
print(C.d, c.d)


# functions are non-data descriptors
class F:
    def m(self):
        return "method"


f = F()
f.m = lambda: "shadowed"
print(f.m(), F.m(f), F.__dict__["m"].__get__(f, F)())
del f.m
print(f.m())


# property is a data descriptor even without a setter
class P:
    @property
    def x(self):
        return "property"


p = P()
p.__dict__["x"] = "dict"
print(p.x)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)


# descriptors on the metaclass apply to class attribute access
class MetaDesc:
    def __get__(self, cls, meta):
        return f"meta-level for {cls.__name__}"


class Meta(type):
    info = MetaDesc()
    shadow = "meta attr"


class M(metaclass=Meta):
    shadow = "class attr"


print(M.info, M.shadow, hasattr(M(), "info"))


# __get__ via the type, not the instance
class Weird:
    pass


w = Weird()
w.__get__ = lambda *a: "instance __get__"


class UsesWeird:
    attr = w


print(UsesWeird().attr is w)


# __set_name__ plus __get__: a typical validated field
class Positive:
    def __set_name__(self, owner, name):
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.private[1:]} must be positive")
        setattr(obj, self.private, value)


class Account:
    balance = Positive()

    def __init__(self, b):
        self.balance = b


a = Account(10)
print(a.balance, vars(a))
try:
    a.balance = -1
except ValueError as e:
    print("ValueError", e)
print(type(Account.balance).__name__)

# classmethod/staticmethod __get__ directly
cm = classmethod(lambda cls: cls.__name__)
sm = staticmethod(lambda: "static")
print(cm.__get__(None, F)(), cm.__get__(f)(), sm.__get__(None, F)(), sm.__get__(f)())
