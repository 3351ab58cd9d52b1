# __instancecheck__ / __subclasscheck__ on metaclasses: isinstance/issubclass
# with tuples (nested), exact-type shortcut, truthiness of the result,
# __class__ spoofing, and the errors for bad second arguments.

class Meta(type):
    calls = []

    def __instancecheck__(cls, obj):
        Meta.calls.append(("inst", cls.__name__, type(obj).__name__))
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        Meta.calls.append(("sub", cls.__name__, sub.__name__))
        return hasattr(sub, "quack")


class Duck(metaclass=Meta):
    pass


class Mallard:
    def quack(self):
        return "quack"


print(isinstance(Mallard(), Duck), isinstance(3, Duck), issubclass(Mallard, Duck), issubclass(int, Duck))
print(Meta.calls)
Meta.calls.clear()

# exact type match skips __instancecheck__
d = Duck()
print(isinstance(d, Duck), Meta.calls)

# tuples, nested tuples
print(isinstance(Mallard(), (int, (str, Duck))), issubclass(Mallard, (int, Duck)))
print(isinstance(1, ()), issubclass(int, ()))


# non-bool results are converted with truth
class Weird(type):
    def __instancecheck__(cls, obj):
        return [obj] if obj else []

    def __subclasscheck__(cls, sub):
        return 0


class W(metaclass=Weird):
    pass


print(isinstance(5, W), isinstance(0, W), issubclass(int, W))


# errors raised in the hook propagate
class Raising(type):
    def __instancecheck__(cls, obj):
        raise RuntimeError("no instances")


class R(metaclass=Raising):
    pass


try:
    isinstance(1, R)
except RuntimeError as e:
    print("RuntimeError", e)


# __class__ spoofing is honoured by isinstance, not by type()
class Fake:
    @property
    def __class__(self):
        return int


f = Fake()
print(isinstance(f, int), isinstance(f, Fake), type(f) is Fake)

# bad second arguments
for bad in (1, "str", (int, 1), [int]):
    try:
        isinstance(1, bad)
    except TypeError as e:
        print("TypeError", e)
for bad in (1, (int, 1)):
    try:
        issubclass(int, bad)
    except TypeError as e:
        print("TypeError", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError", e)


# __subclasscheck__ defined on the class itself (not the metaclass) is not used
class Plain:
    def __subclasscheck__(self, sub):
        return True

    def __instancecheck__(self, obj):
        return True


print(issubclass(int, Plain), isinstance(3, Plain))


# an object with __bases__ acts as a class for issubclass
class PseudoBase:
    __bases__ = ()


class PseudoChild:
    __bases__ = (PseudoBase,)


pb = PseudoBase()
pc = PseudoChild()
pc.__bases__ = (pb,)
print(issubclass(pc, pb))

# unions
print(isinstance(1, int | str), isinstance(None, int | None), issubclass(bool, int | float))
print(isinstance(Mallard(), int | Duck))
