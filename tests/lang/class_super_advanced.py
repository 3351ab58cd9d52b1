# Tests super() in depth: zero-arg form in methods/classmethods/properties, two-arg form, cooperative kwargs, super() outside class errors, __class__ cell.

class A:
    def __init__(self, **kw):
        self.trail = ["A"]
        self.extra = kw

    def hello(self):
        return "A.hello"

    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"

    @property
    def prop(self):
        return "A.prop"

    @staticmethod
    def stat():
        return "A.stat"

class B(A):
    def __init__(self, b=None, **kw):
        super().__init__(**kw)
        self.trail.append(f"B(b={b})")

    def hello(self):
        return "B>" + super().hello()

    @classmethod
    def create(cls):
        return "B>" + super().create()

    @property
    def prop(self):
        return "B>" + super().prop

    @staticmethod
    def stat():
        return "B>" + super(B, B).stat()

class C(A):
    def __init__(self, c=None, **kw):
        super().__init__(**kw)
        self.trail.append(f"C(c={c})")

    def hello(self):
        return "C>" + super().hello()

class D(B, C):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trail.append("D")

    def hello(self):
        return "D>" + super().hello()

d = D(b=1, c=2, z=3)
print(d.trail, d.extra)
print(d.hello(), D.create(), d.prop, D.stat(), B.stat())
print(super(B, d).hello(), super(C, d).hello(), super(D, d).hello())
print(super(B, D).create(), super(D, D).create())
s = super(D, d)
print(type(s).__name__, s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)

def outside():
    return super().hello()

try:
    outside()
except RuntimeError as e:
    print(type(e).__name__, e)

class E:
    def method(self):
        def inner():
            return super().__repr__
        return inner

try:
    E().method()()
except RuntimeError as e:
    print(type(e).__name__, e)

class F:
    def method(self):
        return [super().__class__.__name__ for _ in range(1)]

try:
    print(F().method())
except TypeError as e:
    print("super() in comprehension:", type(e).__name__, e)
try:
    super(D, A())
except TypeError as e:
    print(type(e).__name__, e)

class G(list):
    def append(self, x):
        super().append(x * 10)

g = G()
g.append(1)
g.append(2)
print(g, len(g))

class H(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.lower())

h = H()
h["KEY"] = 1
print(h["key"], h["Key"], dict(h))

class I:
    def who(self):
        return __class__.__name__

class J(I):
    def who(self):
        return __class__.__name__ + "<" + super().who()

print(J().who())
class K(A):
    def hello(self):
        sup = super()
        return sup.hello() + " via stored super"
print(K().hello())
class L(A):
    def __getattr__(self, name):
        return "L.__getattr__ " + name
print(super(L, L()).hello(), L().missing)
