# Code objects and constants after a cache is loaded lazily: a nested code
# object is a shell until it first runs (or is inspected), and its
# constants are made then. Every kind of constant, nested functions,
# lambdas, comprehensions, closures, generators, class bodies, recursion and
# docstrings must see the same values as when everything is built up front.


def never_called(a, b=2, *args, c, d=4, **kw):
    "the docstring of a function that never runs"
    x = (None, True, False, ..., 0, -1, 7, 2 ** 62, -(2 ** 63), 1180591620717411303424)
    y = (-1180591620717411303424, 1.5, -0.0, float("inf"), 1e300, 2j, 1.5 - 2.5j)
    z = ("", "text", "caf\u00e9", "\U0001f40d", "a\x00b", b"", b"by\x00tes", b"\xff")
    return x, y, z, frozenset({1, 2, 3}), ((1, (2, (3, (4,)))),)


print(never_called.__doc__)
print(never_called.__name__, never_called.__qualname__, never_called.__defaults__)
print(never_called.__kwdefaults__)
co = never_called.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames)
print(co.co_names)
print(co.co_consts[0] is never_called.__doc__)
for c in co.co_consts[1:]:
    print(type(c).__name__, repr(c) if not isinstance(c, frozenset) else sorted(c))
r = never_called(1, c=3)
print(r[0])
print(r[1])
print(r[2])
print(sorted(r[3]), r[4])


def outer(n):
    k = n * 2

    def middle(m):
        def inner(p):
            return k + m + p + n

        return inner

    return middle


f = outer(1)
print(f.__code__.co_freevars, f.__code__.co_varnames)
g = f(10)
print(g.__qualname__, g.__code__.co_freevars, g(100))
print(outer.__code__.co_cellvars)
nested = [c for c in outer.__code__.co_consts if hasattr(c, "co_name")]
print([c.co_name for c in nested])
print([c.co_name for c in nested[0].co_consts if hasattr(c, "co_name")])

square = lambda v: v * v
print(square.__name__, square(12), square.__code__.co_consts)
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])


def comprehensions(n):
    return (
        [i * i for i in range(n)],
        {i: str(i) for i in range(n)},
        {i % 3 for i in range(n)},
        list(i + 1 for i in range(n)),
    )


print(comprehensions(5))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fact(25), fib(15))


def gen(limit):
    "a generator"
    total = 0
    for i in range(limit):
        total += i
        yield total, "step"


print(list(gen(4)), gen.__doc__)


class Shape:
    "A class body runs at import; its methods stay shells until called."
    sides = 0
    names = ("shape", 0.5, b"raw")

    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.size * 1.0

    @staticmethod
    def kind():
        return "static"

    @classmethod
    def make(cls):
        return cls(3)

    def __repr__(self):
        return f"{type(self).__name__}({self.size})"


class Square(Shape):
    sides = 4

    def area(self):
        return super().area() + 0.25


print(Shape.__doc__, Shape.names, Shape.sides, Square.sides)
print(Square.make(), Square(2).area(), Shape.kind(), Square.area.__qualname__)
print(Square.area.__code__.co_freevars, Square.area.__code__.co_names)


def raises(x):
    if x:
        raise ValueError("bad " + str(x))
    return x


try:
    raises(5)
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(e, tb.tb_lineno - raises.__code__.co_firstlineno)


def with_positions():
    a = 1
    b = 2
    return a + b


lines = {line - with_positions.__code__.co_firstlineno
         for _, _, line in with_positions.__code__.co_lines() if line}
print(sorted(lines - {0}))

code_only = compile("def h():\n    return 'from compile'\n", "<s>", "exec")
ns = {}
exec(code_only, ns)
print(ns["h"]())
run_me = compile("print('module code run by exec', n)", "<s>", "exec")
exec(run_me, {"n": 3})


# Keyword names (KW_NAMES) and constants first loaded on a later call.
def kwcall(flag):
    if flag:
        return dict(first=1, second=(2, "two"), third=b"3")
    return "no keywords"


print(kwcall(False), kwcall(True))
print(("first", "second", "third") in kwcall.__code__.co_consts)
