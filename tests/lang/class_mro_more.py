# Tests MRO computations for more hierarchies: diamond with extra mixins, mro() override in metaclass, __mro__ immutability, method resolution via super chains.

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class E(C, B): pass
print([k.__name__ for k in D.__mro__], [k.__name__ for k in E.__mro__])
try:
    class F(D, E):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Mixin1:
    def hello(self):
        return "Mixin1>" + super().hello()

class Mixin2:
    def hello(self):
        return "Mixin2>" + super().hello()

class Core:
    def hello(self):
        return "Core"

class Combined(Mixin1, Mixin2, Core):
    pass

class Reordered(Mixin2, Mixin1, Core):
    pass

print(Combined().hello(), Reordered().hello(), [k.__name__ for k in Combined.__mro__])

class O: pass
class A1(O): pass
class B1(O): pass
class C1(O): pass
class D1(O): pass
class E1(O): pass
class K1(A1, B1, C1): pass
class K2(D1, B1, E1): pass
class K3(D1, A1): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])

class ReverseMeta(type):
    def mro(cls):
        default = super().mro()
        return [default[0]] + list(reversed(default[1:-1])) + [object]

class P1:
    def who(self):
        return "P1"

class P2:
    def who(self):
        return "P2"

class Rev(P1, P2, metaclass=ReverseMeta):
    pass

print([k.__name__ for k in Rev.__mro__], Rev().who())
try:
    D.__mro__ = ()
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(D.mro() == list(D.__mro__), type(D.mro()).__name__, type(D.__mro__).__name__)
print(object.__mro__, int.__mro__, bool.__mro__, [k.__name__ for k in type(len).__mro__])
class WithAttr(A):
    attr = "WithAttr"
class Other(A):
    attr = "Other"
class Both(Other, WithAttr):
    pass
print(Both.attr, [k.__name__ for k in Both.__mro__ if "attr" in k.__dict__])
