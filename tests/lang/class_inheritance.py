# Tests inheritance: overriding, super() in methods and __init__, multiple inheritance MRO (C3), diamond, mro() errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog/" + super().kind()

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def kind(self):
        return "puppy/" + super().kind()

p = Puppy("rex", 1)
print(p.speak(), p.kind(), p.age, isinstance(p, Animal), issubclass(Puppy, Animal), Puppy.__bases__, [c.__name__ for c in Puppy.__mro__])

class A:
    def who(self):
        return ["A"]

class B(A):
    def who(self):
        return ["B"] + super().who()

class C(A):
    def who(self):
        return ["C"] + super().who()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

print(D().who(), [k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class Zed(K1, K2, K3): pass
print([k.__name__ for k in Zed.__mro__])
try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(X, X):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class FromInt(5):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Base:
    def __init__(self):
        self.log = ["Base"]

class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")

class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")

class Bottom(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Bottom")

print(Bottom().log)

class Explicit(Left):
    def __init__(self):
        Base.__init__(self)
        self.log.append("Explicit")

print(Explicit().log)

class S:
    def m(self):
        return "S.m"

class T(S):
    def m(self):
        return "T.m"

t = T()
print(t.m(), S.m(t), super(T, t).m(), super(T, T).m(t))
show("super type check", lambda: super(T, 5))

class WithAttr:
    x = "base"

class Sub(WithAttr):
    pass

print(Sub.x, Sub().x)
Sub.x = "sub"
print(WithAttr.x, Sub.x)
del Sub.x
print(Sub.x)
print(issubclass(bool, int), issubclass(int, object), issubclass(D, (int, A)), D.__base__.__name__, object.__bases__, type.__bases__)
class ListChild(list):
    def total(self):
        return sum(self)
lc = ListChild([1, 2, 3])
lc.append(4)
print(lc, lc.total(), len(lc), type(lc[:2]).__name__, isinstance(lc, list))
class DictChild(dict):
    def __missing__(self, k):
        return k * 2
print(DictChild(a=1)["a"], DictChild()["zz"], DictChild().get("q"))
