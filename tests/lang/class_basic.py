# Tests class basics: attributes (class vs instance), methods, bound methods, __init__ return rules, __dict__, __name__/__qualname__/__module__.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self

p = Point(3, 4)
print(p.x, p.y, p.dims, Point.dims, p.norm2(), Point.norm2(p), p.move(1, 1).norm2())
print(sorted(p.__dict__.items()), Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
p.dims = 3
print(p.dims, Point.dims, sorted(p.__dict__))
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims, Point(0, 0).dims)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, m.__name__, type(m).__name__)
print(p.move == p.move, p.move is p.move, p.move != Point(1, 1).move)
show("del missing", lambda: delattr(p, "nothing"))
show("missing attr", lambda: p.nothing)
show("class missing attr", lambda: Point.nothing)

class InitReturns:
    def __init__(self):
        return 5

show("init returns", lambda: InitReturns())

class NoInit:
    pass

show("NoInit(1)", lambda: NoInit(1))
n = NoInit()
n.anything = 1
print(n.anything, vars(n), NoInit.__bases__, type(n) is NoInit, n.__class__.__name__)

class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

a, b, c = Counter(), Counter(), Counter()
print(Counter.count, a.id, c.id)

class Shared:
    items = []

    def add(self, x):
        self.items.append(x)

s1, s2 = Shared(), Shared()
s1.add(1); s2.add(2)
print(Shared.items, s1.items is s2.items)

class Outer:
    class Inner:
        def m(self):
            return "inner"

    def make(self):
        return self.Inner()

print(Outer().make().m(), Outer.Inner.__qualname__, Outer.make.__qualname__)

def func_later(self):
    return "attached " + str(self.v)

class Later:
    v = 1

Later.f = func_later
print(Later().f())
l = Later()
l.g = func_later
show("instance func not bound", lambda: l.g())
print(type(Point).__name__, type(type).__name__, isinstance(Point, type), Point.__class__.__name__)
C = type("C", (), {"x": 1, "m": lambda self: self.x + 1})
print(C().m(), C.__name__, C.__bases__)
D = type("D", (C,), {})
print(D().m(), D.__mro__[1].__name__)
print(hasattr(p, "x"), getattr(p, "zz", "default"), setattr(p, "zz", 9), p.zz)
class Empty: ...
print(Empty.__dict__.get("__doc__"), "__init__" in Empty.__dict__, sorted(k for k in vars(Point) if not k.startswith("__")))
