# Tests dir() and vars() on simple objects, classes, modules-free cases; __dir__ override; vars() errors; __dict__ assignment.

class Base:
    base_attr = 1

    def base_method(self):
        pass

class Child(Base):
    child_attr = 2

    def __init__(self):
        self.inst = 3

    def child_method(self):
        pass

c = Child()
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(dir(c) == sorted(dir(c)), "__init__" in dir(c), "__class__" in dir(c), "inst" in dir(Child))
print(vars(c), sorted(k for k in vars(Child) if not k.startswith("__")))

class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "alpha", "Mid"]

print(dir(Custom()))

class BadDir:
    def __dir__(self):
        return 5

try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)

class Slotted:
    __slots__ = ("a",)

try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
print([n for n in dir(Slotted()) if not n.startswith("__")])
o = Child()
o.__dict__ = {"replaced": True}
print(vars(o), o.replaced, hasattr(o, "inst"))
try:
    o.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
o.__dict__["added"] = 1
print(o.added, sorted(vars(o)))

def fn():
    pass

fn.custom = "attr"
print(vars(fn), "custom" in dir(fn))

def local_dir():
    a = 1
    b = 2
    return dir()

print(local_dir())
print([n for n in dir(int) if not n.startswith("_")])
print([n for n in dir(list) if not n.startswith("_")])
print([n for n in dir(str) if not n.startswith("_")])
print([n for n in dir(dict) if not n.startswith("_")])
print(len([n for n in dir(object)]), sorted(dir(object))[:5])
print("__module__" in vars(Child), type(vars(Child)).__name__)
try:
    vars(Child)["new"] = 1
except TypeError as e:
    print(type(e).__name__, e)
