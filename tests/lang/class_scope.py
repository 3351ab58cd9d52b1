# Tests class-body scoping: class namespace not visible in methods, names resolved at class creation, nested classes, name mangling.

x = "global x"

class C:
    x = "class x"
    y = x + " copy"

    def method(self):
        return x

    def method_class(self):
        return self.x, C.x, type(self).y

print(C.y, C().method(), C().method_class())

def f():
    x = "local in f"
    class D:
        y = x
        x = "D.x"
        z = x
        def m(self):
            return x
    return D.y, D.z, D().m()

print(f())

def g():
    v = "enclosing"
    class E:
        print("class body sees", v)
        w = v.upper()
    return E.w

print(g())

def h():
    v = 1
    class F:
        v = 2
        def m(self):
            return v
        lst = [v for _ in range(1)]
    return F().m(), F.v, F.lst

print(h())

class Mangle:
    __private = "mangled"
    _single = "single"
    __dunder__ = "not mangled"

    def get(self):
        return self.__private

    def set(self, v):
        self.__other = v
        return sorted(vars(self))

m = Mangle()
print(m.get(), m._Mangle__private, Mangle._single, Mangle.__dunder__, m.set(1))
try:
    print(m.__private)
except AttributeError as e:
    print(type(e).__name__, e)

class _Under:
    __attr = 1

    def get(self):
        return self.__attr

print(_Under().get(), hasattr(_Under, "_Under__attr"))

class ___:
    __attr = 2

print(sorted(k for k in vars(___) if "attr" in k))

class Sub(Mangle):
    __private = "sub private"

    def sub_get(self):
        return self.__private

s = Sub()
print(s.get(), s.sub_get())

class Counter:
    n = 0
    for i in range(3):
        n += i
    del i
    squares = [j * j for j in range(4)]

print(Counter.n, hasattr(Counter, "i"), Counter.squares)

class Cond:
    if True:
        a = "yes"
    else:
        a = "no"
    try:
        b = 1 / 0
    except ZeroDivisionError:
        b = "caught"

print(Cond.a, Cond.b)

class Self:
    def meth(self):
        return __class__

    def who(self):
        return __class__.__name__

print(Self().meth() is Self, Self().who())

class ReturnsLocals:
    a = 1
    b = 2
    snapshot = sorted(k for k in locals() if not k.startswith("__"))

print(ReturnsLocals.snapshot)

def make_classes():
    out = []
    for i in range(3):
        class K:
            val = i
        out.append(K)
    return [k.val for k in out], out[0] is not out[1]

print(make_classes())
print(C.__dict__["x"], "method" in C.__dict__, type(C.__dict__).__name__)
