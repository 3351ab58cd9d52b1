# Class instantiation with a Python __init__ and binary operators defined in
# Python run as frames of the interpreter loop (vm/eval_inline.c). Every
# corner of the protocols they shortcut: __init__'s result, argument
# binding, __new__ and metaclasses, abstract classes, reflected operators
# and NotImplemented, in-place fallbacks, exceptions, tracebacks, frames
# and recursion limits.
import sys


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class V:
    def __init__(self, x, y=0, *, z=5):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "V(%r, %r, %r)" % (self.x, self.y, self.z)

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if isinstance(o, int):
            return V(self.x + o, self.y)
        return NotImplemented

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)


show("basic", lambda: V(1, 2) + V(3, 4))
show("defaults", lambda: V(1))
show("keywords", lambda: V(y=2, x=1, z=9))
show("too many", lambda: V(1, 2, 3))
show("missing", lambda: V())
show("bad kw", lambda: V(1, w=2))
show("int rhs", lambda: V(1, 2) + 10)
show("float rhs NotImplemented", lambda: V(1, 2) + 1.5)
show("str rhs", lambda: V(1, 2) + "s")
show("radd missing", lambda: 3 + V(1, 2))
show("mul", lambda: V(1, 2) * 3)
show("mul seq", lambda: V("a", "b") * 2)
show("sub attr error", lambda: V(1, 2) - 5)


class W:
    def __radd__(self, o):
        return ("W.__radd__", type(o).__name__)


show("rhs radd", lambda: V(1, 2) + W())


class VSub(V):
    def __radd__(self, o):
        return ("VSub.__radd__ first", o.x)


show("subclass reflected first", lambda: V(1, 2) + VSub(7))


class VSub2(V):
    pass


show("subclass no radd", lambda: V(1, 2) + VSub2(7))


class Same:
    def __add__(self, o):
        return NotImplemented


show("same NotImplemented", lambda: Same() + Same())


class Acc:
    def __init__(self):
        self.items = []

    def __add__(self, o):
        return ("plain add", o)


class AccI(Acc):
    def __iadd__(self, o):
        self.items.append(o)
        return self


a = Acc()
a += 1
print("inplace fallback", a)
b = AccI()
b += 1
b += 2
print("inplace own", b.items)


class BadInit:
    def __init__(self):
        return 42


show("init returns int", lambda: BadInit())


class GenInit:
    def __init__(self):
        yield 1


show("init generator", lambda: GenInit())


class GenAdd:
    def __add__(self, o):
        yield o


print("add generator", type(GenAdd() + 1).__name__)


class Raises:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative %d" % v)
        self.v = v

    def __add__(self, o):
        raise KeyError(o)


show("init raises", lambda: Raises(-1))
show("add raises", lambda: Raises(1) + 2)


def tb_names():
    try:
        Raises(1) + "k"
    except KeyError:
        tb = sys.exc_info()[2]
        names = []
        while tb:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        return names


print("traceback", tb_names())


class Peek:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name

    def __add__(self, o):
        return sys._getframe(1).f_code.co_name


def outer_fn():
    p = Peek()
    return p.caller, p + 1


print("frames", outer_fn())


class WithNew:
    def __new__(cls, *args):
        print("  __new__", args)
        return super().__new__(cls)

    def __init__(self, a):
        print("  __init__", a)


WithNew(5)


class Other:
    pass


class NewOther:
    def __new__(cls):
        return Other()

    def __init__(self):
        print("  never")


print("new returns other", type(NewOther()).__name__)


class Meta(type):
    def __call__(cls, *a):
        print("  Meta.__call__", a)
        return super().__call__(*a)


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print("metaclass", M(3).a)


class L(list):
    def __init__(self, n):
        super().__init__(range(n))


print("list subclass", L(3))


class Base:
    def __init__(self, a):
        self.a = a


class Derived(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b


d = Derived(1, 2)
print("super init", d.a, d.b)

import abc


class Abstract(abc.ABC):
    def __init__(self):
        pass

    @abc.abstractmethod
    def f(self):
        pass


show("abstract", lambda: Abstract())


class NoInit:
    pass


show("no init args", lambda: NoInit(1))


class Callable:
    def __call__(self, *a):
        return ("callable init", len(a))


class CallInit:
    __init__ = Callable()


show("callable __init__", lambda: CallInit())


class Changing:
    def __init__(self):
        self.v = 1

    def __add__(self, o):
        return "first"


c = Changing()
r1 = c + 1
Changing.__add__ = lambda self, o: "second"
r2 = c + 1
Changing.__init__ = lambda self: setattr(self, "v", 2)
r3 = Changing().v
del Changing.__add__
try:
    c + 1
    r4 = "no error"
except TypeError as e:
    r4 = str(e)
print("changing", r1, r2, r3, r4)


class Other2:
    def __add__(self, o):
        return "Other2.__add__"


c.__class__ = Other2
print("class reassigned", c + 1)


class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)

    def __add__(self, o):
        return self + o


try:
    Deep(0)
except RecursionError as e:
    print("init recursion", type(e).__name__)

x = Deep.__new__(Deep)
try:
    x + 1
except RecursionError as e:
    print("add recursion", type(e).__name__)


class Cell:
    def __init__(self, v):
        self.get = lambda: (self.v, v)
        self.v = v * 2


print("closure over self", Cell(4).get())


def many(n):
    acc = V(0)
    for i in range(n):
        acc = acc + V(i, 1) * 2 - V(1, 1)
    return acc


print("loop", many(1000))
