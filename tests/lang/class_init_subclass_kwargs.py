# __init_subclass__: implicit classmethod, keyword arguments from the class
# statement, chaining through super(), and errors for unexpected keywords.

class Registry:
    subclasses = []

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Registry.subclasses.append((cls.__name__, tag))


class A(Registry, tag="a"):
    pass


class B(Registry):
    pass


class C(A, tag="c"):
    pass


print(Registry.subclasses)
print(A.tag, B.tag, C.tag)
print(type(Registry.__dict__["__init_subclass__"]).__name__)


class Base:
    pass


try:
    class Bad(Base, unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)


class Counting:
    count = 0

    def __init_subclass__(cls, step=1, **kw):
        super().__init_subclass__(**kw)
        Counting.count += step


class X(Counting): pass
class Y(Counting, step=10): pass
class Z(Y, step=100): pass
print(Counting.count)


class Mixin:
    def __init_subclass__(cls, **kw):
        print("Mixin sees", cls.__name__, sorted(kw))
        super().__init_subclass__(**kw)


class Plugin(Mixin, Registry, tag="plug"):
    pass


print(Plugin.tag, Registry.subclasses[-1])


class Strict:
    def __init_subclass__(cls):
        cls.strict = True


try:
    class S2(Strict, flag=True):
        pass
except TypeError as e:
    print("TypeError", e)


class S3(Strict):
    pass


print(S3.strict, "strict" in Strict.__dict__)


# kwargs pass through a metaclass too
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw))
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, sorted(kw))
        super().__init__(name, bases, ns)


class WithMeta(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        print("WithMeta.__init_subclass__", cls.__name__, kw)


class Child(WithMeta, color="red", size=3):
    pass


# __init_subclass__ sees the finished class (attributes, __set_name__ done)
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name


class Watch:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, [k for k in cls.__dict__ if not k.startswith("__")])


class W(Watch):
    d = Desc()
    value = 3


# object.__init_subclass__ takes no keyword arguments
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print("TypeError", e)
print(object.__init_subclass__() is None)
# type() with keywords
T = type("T", (Registry,), {}, tag="viatype")
print(T.tag, Registry.subclasses[-1])
