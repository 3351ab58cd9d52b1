# __name__, __qualname__ and __module__ of functions, classes, methods,
# lambdas, comprehensions and nested definitions; assignment and errors.
def top():
    def inner():
        class Local:
            def method(self):
                return (lambda: 0)
        return Local
    return inner

Local = top()()
print(top.__qualname__, top().__qualname__, Local.__qualname__, Local.method.__qualname__)
print(Local().method().__qualname__, Local.__name__, Local.__module__, top.__module__)

class Outer:
    class Inner:
        class Deepest:
            def m(self):
                pass
        def f(self):
            def g():
                pass
            return g
    attr = [lambda: 1][0]
    gen = (i for i in range(1))
    comp_name = [(lambda: 0).__qualname__ for _ in range(1)][0]
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.m.__qualname__, Outer.Inner().f().__qualname__)
print(Outer.attr.__qualname__, Outer.gen.__qualname__, Outer.comp_name)
print([(lambda: 0).__qualname__ for _ in range(1)], (lambda: 0).__name__)

def deco(f):
    return f
@deco
def decorated():
    pass
print(decorated.__qualname__, decorated.__name__)

Outer.Inner.__qualname__ = "Renamed.Inner"
print(Outer.Inner.__qualname__, Outer.Inner.__name__, repr(Outer.Inner))
Outer.Inner.__name__ = "NewName"
print(Outer.Inner.__name__, repr(Outer.Inner))
for bad_attr, bad_value in [("__qualname__", 5), ("__name__", 5), ("__name__", "a\0b")]:
    try:
        setattr(Outer.Inner, bad_attr, bad_value)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    int.__qualname__ = "x"
except TypeError as e:
    print("TypeError", e)
try:
    del Outer.__qualname__
except TypeError as e:
    print("TypeError", e)

def f():
    pass
f.__qualname__ = "custom.path"
f.__name__ = "renamed"
print(f.__qualname__, f.__name__, repr(f).split(" at ")[0])
try:
    f.__name__ = 3
except TypeError as e:
    print("TypeError", e)
try:
    f.__qualname__ = None
except TypeError as e:
    print("TypeError", e)
f.__module__ = "elsewhere"
print(f.__module__)

Dyn = type("Dyn", (), {"__qualname__": "Some.Dyn", "x": 1})
print(Dyn.__qualname__, Dyn.__name__, "__qualname__" in Dyn.__dict__, Dyn.__module__)
try:
    type("Bad", (), {"__qualname__": 3})
except TypeError as e:
    print("TypeError", e)
Mod = type("Mod", (), {"__module__": "pkg.mod"})
print(repr(Mod), Mod.__module__)

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["made_by"] = mcls.__qualname__
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    def method(self):
        pass
print(WithMeta.made_by, WithMeta.method.__qualname__, type(WithMeta).__qualname__)

import collections
print(collections.OrderedDict.__qualname__, collections.OrderedDict.__module__, int.__qualname__, int.__module__)
print(list.append.__qualname__, [].append.__qualname__, dict.fromkeys.__qualname__, object.__init__.__qualname__)
print(len.__qualname__, len.__module__, str.join.__name__, (1).__add__.__qualname__)
async def co():
    pass
c = co()
print(c.__qualname__, c.__name__, co.__qualname__)
c.close()
def genf():
    yield
gg = genf()
print(gg.__name__, gg.__qualname__)
gg.__name__ = "renamed_gen"
print(gg.__name__)
mw = (5).__add__
print(mw.__name__, mw.__qualname__, mw.__objclass__.__name__, mw.__self__, mw(1))
print([].__len__.__qualname__, "x".__eq__.__qualname__, object().__repr__.__qualname__)
