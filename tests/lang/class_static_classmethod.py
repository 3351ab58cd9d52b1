# Tests classmethod and staticmethod: calls via class/instance/subclass, alternative constructors, descriptors' __get__, wrapping.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

class Date:
    count = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        type(self).count += 1

    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))

    @staticmethod
    def is_valid(s):
        parts = s.split("-")
        return len(parts) == 3 and all(p.isdigit() for p in parts)

    @classmethod
    def name(cls):
        return cls.__name__

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class MyDate(Date):
    pass

print(Date.from_string("2024-1-15"), MyDate.from_string("2000-12-31"), Date.is_valid("1-2-3"), Date.is_valid("x"))
print(Date.name(), MyDate.name(), MyDate(1, 1, 1).name(), Date(1, 2, 3).is_valid("1-1-1"))
print(Date.count, MyDate.count)
cm = Date.__dict__["from_string"]
sm = Date.__dict__["is_valid"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__.__name__)
print(Date.from_string.__self__ is Date, MyDate.from_string.__self__ is MyDate, type(Date.is_valid).__name__, type(Date.from_string).__name__)
print(sm.__get__(None, Date)("1-1-1"), cm.__get__(None, MyDate)("3-3-3"), cm.__get__(MyDate(0, 0, 0))("4-4-4"))

class Plain:
    def f(*args):
        return len(args)

    s = staticmethod(len)
    c = classmethod(lambda cls, x: (cls.__name__, x))

print(Plain.f(), Plain().f(), Plain.s("abc"), Plain().s([1]), Plain.c(1), Plain().c(2))
show("staticmethod call", lambda: staticmethod(lambda: "direct")())
show("classmethod not callable", lambda: classmethod(lambda c: c)())

class Counter:
    instances = 0

    @classmethod
    def create(cls):
        cls.instances += 1
        return cls()

class SubCounter(Counter):
    pass

Counter.create(); SubCounter.create(); SubCounter.create()
print(Counter.instances, SubCounter.instances, "instances" in SubCounter.__dict__)

class Chain:
    @classmethod
    def make(cls):
        return cls.helper()

    @staticmethod
    def helper():
        return "helped"

print(Chain.make(), Chain().make())

class WithProp:
    @classmethod
    @property
    def cprop(cls):
        return "class property " + cls.__name__

print(WithProp.cprop)
print(staticmethod(abs).__func__ is abs, isinstance(classmethod(abs), classmethod))

class Meta:
    @staticmethod
    def sm():
        return "sm"
    sm_alias = sm

print(Meta.sm_alias(), Meta.sm.__qualname__, Meta.sm.__name__)
