# A seed for fuzz_exec: classes, properties, inheritance, dunder methods,
# generators, with statements, match, global/del, assert, lambda.
class Base:
    count = 0

    def __init__(self, v):
        self.v = v
        Base.count += 1

    @property
    def double(self):
        return self.v * 2

    def __repr__(self):
        return f"{type(self).__name__}({self.v})"

    def __eq__(self, other):
        return isinstance(other, Base) and self.v == other.v

    __hash__ = None

class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

    def __add__(self, other):
        return Child(self.v + other.v, self.w)

    @staticmethod
    def make(n):
        return [Child(i, -i) for i in range(n)]

    @classmethod
    def name(cls):
        return cls.__qualname__

def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield from range(got)
    return n

class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True

def shapes(v):
    match v:
        case [x, y]:
            return x + y
        case {"k": k}:
            return k
        case Base(v=3):
            return "three"
        case int() | float() as n if n > 0:
            return -n
        case _:
            return None

G = 1

def glob():
    global G
    G += 1
    del G
    G = lambda a, b=3: a * b
    assert G(2) == 6, "lambda"
    return G(1)

kids = Child.make(3)
print(kids, kids[1] + kids[2], kids[2].double, Base.count, Child.name(), kids[0] == Base(0))
g = gen(3)
print(next(g), g.send(2), list(g))
with Ctx():
    raise ValueError("swallowed")
print([shapes(v) for v in ([1, 2], {"k": 5}, Base(3), 7, 2.5, "s")], glob())
