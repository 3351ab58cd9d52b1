# Tests the descriptor protocol: data vs non-data descriptors, precedence vs instance dict, __get__ on class access, __set_name__, __delete__.

class Typed:
    def __set_name__(self, owner, name):
        self.name = name
        self.private = "_" + name
        print(f"__set_name__ {owner.__name__}.{name}")

    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"descriptor {self.name} on {objtype.__name__}"
        return getattr(obj, self.private, "unset")

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name} must be int, got {type(value).__name__}")
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.private)

class NonData:
    def __get__(self, obj, objtype=None):
        return "non-data value"

class Model:
    age = Typed()
    size = Typed()
    nd = NonData()

m = Model()
print(m.age, Model.age)
m.age = 5
print(m.age, sorted(vars(m)))
try:
    m.size = "big"
except TypeError as e:
    print(type(e).__name__, e)
m.__dict__["age"] = "dict value"
print(m.age)
print(m.nd)
m.nd = "instance override"
print(m.nd, Model.nd)
del m.age
print(m.age)

class Verbose:
    def __get__(self, obj, objtype):
        return ("get", obj is None, objtype.__name__)

class Holder:
    v = Verbose()

class SubHolder(Holder):
    pass

print(Holder.v, Holder().v, SubHolder.v, SubHolder().v)

class OnlySet:
    def __set__(self, obj, value):
        obj.__dict__["stored"] = value * 2

class UsesOnlySet:
    x = OnlySet()

u = UsesOnlySet()
u.x = 5
print(u.__dict__, type(u.x).__name__)
u.__dict__["x"] = "shadow?"
print(u.x == "shadow?", type(UsesOnlySet.__dict__["x"]).__name__)

class Method:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)

class UsesMethod:
    @Method
    def hello(self, who):
        return f"hello {who} from {type(self).__name__}"

print(UsesMethod().hello("x"), type(UsesMethod.hello).__name__)

def func(self):
    return "func"

bound = func.__get__(UsesMethod())
print(bound(), type(bound).__name__, func.__get__(None, UsesMethod) is func)

class LateName:
    pass

d = Typed()
LateName.attr = d
print(hasattr(d, "name"))
d.__set_name__(LateName, "attr")
print(d.name)

class SetNameOrder:
    def __init__(self, tag):
        self.tag = tag

    def __set_name__(self, owner, name):
        print("set_name", self.tag, name)

class Ordered:
    b = SetNameOrder(1)
    a = SetNameOrder(2)
    c = SetNameOrder(3)

class BadSetName:
    def __set_name__(self, owner, name):
        raise ValueError("no")

try:
    class Fails:
        attr = BadSetName()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
print(type(int.__dict__["real"]).__name__, type(str.__dict__["upper"]).__name__, type(list.__dict__["append"]).__name__)
print(int.real.__get__(5), str.upper.__get__("ab")(), property.__get__(property(lambda s: 7), 1))
