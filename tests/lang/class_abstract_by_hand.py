# Tests abstract-base patterns without abc: NotImplementedError in base methods, template methods calling overrides, checks via __init_subclass__, and abc module basics.

class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

class Blob(Shape):
    pass

print(Circle(1).describe(), Circle(2).area())
try:
    Blob().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)
print(issubclass(NotImplementedError, RuntimeError), NotImplemented is not NotImplementedError)

class Template:
    def run(self):
        steps = [self.setup(), self.work(), self.teardown()]
        return " -> ".join(steps)

    def setup(self):
        return "default setup"

    def work(self):
        raise NotImplementedError

    def teardown(self):
        return "default teardown"

class Job(Template):
    def work(self):
        return "job work"

    def teardown(self):
        return "job teardown + " + super().teardown()

print(Job().run())
import abc

class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        ...

    @property
    @abc.abstractmethod
    def p(self):
        ...

    def concrete(self):
        return "concrete"

class Partial(Base):
    def f(self):
        return "f"

class Full(Partial):
    @property
    def p(self):
        return "p"

for cls in (Base, Partial, Full):
    try:
        obj = cls()
        print(cls.__name__, obj.f(), obj.p, obj.concrete())
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)
print(sorted(Base.__abstractmethods__), sorted(Partial.__abstractmethods__), Full.__abstractmethods__)

class Registered(abc.ABC):
    pass

Registered.register(int)
print(isinstance(5, Registered), issubclass(bool, Registered), isinstance("s", Registered))

class HasLen(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented

print(isinstance([], HasLen), isinstance(5, HasLen), issubclass(dict, HasLen))
