# Tests class body execution: statements run at definition time in order, __qualname__/__module__ injection, locals becoming attributes, del in body, conditional defs.

order = []

class Demo:
    order.append("start")
    x = 1
    order.append(f"x={x}")
    if x > 0:
        def method(self):
            return "positive method"
    else:
        def method(self):
            return "non-positive method"
    y = [i * 2 for i in range(x, x + 3)]
    tmp = "temporary"
    del tmp
    for i in range(2):
        order.append(f"loop {i}")
    z = i
    del i
    print("inside class body: __qualname__ =", __qualname__, "__module__ =", __module__)
    order.append("end")

print(order)
print(Demo().method(), Demo.y, Demo.z, hasattr(Demo, "tmp"), hasattr(Demo, "i"), Demo.__qualname__)

def make_class(flag):
    class Dyn:
        if flag:
            kind = "flagged"
        else:
            kind = "plain"
        def describe(self):
            return self.kind
    return Dyn

print(make_class(True)().describe(), make_class(False).kind, make_class(True) is not make_class(True))

class Outer:
    print("Outer body starts")
    class Inner:
        print("Inner body runs during Outer body")
        value = "inner"
    print("Outer body ends")
    inner_value = Inner.value

print(Outer.inner_value, Outer.Inner.__qualname__)

class ReturnValueOfBody:
    result = sum(range(5))
    names = sorted(k for k in dir() if not k.startswith("__"))

print(ReturnValueOfBody.result, ReturnValueOfBody.names)

class DocAndAnnotations:
    "doc"
    a: int
    b: str = "b"

print(DocAndAnnotations.__doc__, DocAndAnnotations.__annotations__, sorted(k for k in vars(DocAndAnnotations) if not k.startswith("__")))

class UsesGlobalFunction:
    computed = len("12345")
    import math as m
    root = m.sqrt(16)

print(UsesGlobalFunction.computed, UsesGlobalFunction.root, type(UsesGlobalFunction.m).__name__)

class Overwrite:
    value = 1
    value = 2
    def f(self):
        return "first"
    def f(self):
        return "second"

print(Overwrite.value, Overwrite().f())
