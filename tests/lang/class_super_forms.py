# super(): zero-argument form in methods, classmethods and nested functions,
# the two-argument form, unbound super, attribute lookup skipping the class,
# and the errors for bad arguments.

class A:
    def who(self):
        return "A"

    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"

    @staticmethod
    def st():
        return "A.st"

    attr = "A.attr"


class B(A):
    def who(self):
        return "B>" + super().who()

    @classmethod
    def make(cls):
        return "B>" + super().make()

    def nested(self):
        def inner():
            return super(B, self).who()
        return inner()

    def via_lambda(self):
        return (lambda: super(B, self).who())()

    def attr_lookup(self):
        return super().attr, super().st()


class C(B):
    def who(self):
        return "C>" + super().who()


c = C()
print(c.who(), C.make(), c.nested(), c.via_lambda(), c.attr_lookup())
print(super(C, c).who(), super(B, c).who(), super(C, C).make())

# unbound super and its repr pieces
s = super(B)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__, s.__self_class__)
bs = super(C, c)
print(bs.__thisclass__.__name__, bs.__self__ is c, bs.__self_class__.__name__)

# errors
try:
    super(C, 1)
except TypeError as e:
    print("TypeError", e)
try:
    super(1, c)
except TypeError as e:
    print("TypeError", e)


def outside():
    return super()


try:
    outside()
except RuntimeError as e:
    print("RuntimeError", e)


class NoArgs:
    def m():
        return super()


try:
    NoArgs.m()
except RuntimeError as e:
    print("RuntimeError", e)

try:
    super(C, c).missing
except AttributeError as e:
    print("AttributeError", e)


# super in __init__ chains with cooperative keyword arguments
class Base:
    def __init__(self, **kw):
        self.leftover = kw


class Left(Base):
    def __init__(self, left=None, **kw):
        self.left = left
        super().__init__(**kw)


class Right(Base):
    def __init__(self, right=None, **kw):
        self.right = right
        super().__init__(**kw)


class Both(Left, Right):
    pass


b = Both(left=1, right=2, extra=3)
print(b.left, b.right, b.leftover, [k.__name__ for k in Both.__mro__])


# super() sees the class cell even when the method is reassigned elsewhere
class Orig(A):
    def who(self):
        return "Orig>" + super().who()


class Other(A):
    pass


Other.who = Orig.who
print(Other().who() if isinstance(Other(), Orig) else "TypeError expected")
try:
    Orig.who(Other())
except TypeError as e:
    print("TypeError", e)


# __class__ is available as a closure name
class HasClass:
    def get(self):
        return __class__


print(HasClass().get().__name__)


# super() works with properties defined in the parent
class PBase:
    @property
    def value(self):
        return 10


class PChild(PBase):
    @property
    def value(self):
        return super().value + 1


print(PChild().value)


# super of a builtin
class MyList(list):
    def append(self, x):
        super().append(x * 2)


ml = MyList()
ml.append(3)
print(ml, super(MyList, ml).__len__())
