# Tests decorators: plain, with arguments, stacking order, class decorators, decorators returning non-functions, wrapper metadata by hand.

trace = []

def log(fn):
    def wrapper(*a, **k):
        trace.append(f"call {fn.__name__}{a}")
        return fn(*a, **k)
    wrapper.__name__ = "logged_" + fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

def repeat(n):
    trace.append(f"repeat({n}) evaluated")
    def deco(fn):
        trace.append(f"repeat deco applied to {fn.__name__}")
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

def tag(name):
    def deco(fn):
        trace.append(f"tag {name} applied")
        def wrapper(*a):
            return f"<{name}>{fn(*a)}</{name}>"
        return wrapper
    return deco

@log
def add(a, b):
    return a + b

@repeat(3)
def hello(who):
    return "hi " + who

@tag("b")
@tag("i")
def text(s):
    return s

print(add(1, 2), add.__name__, add.__wrapped__(5, 5))
print(hello("bob"))
print(text("x"))
print(trace)

def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco

REG = {}

@register(REG)
def alpha():
    return "A"

@register(REG)
def beta():
    return "B"

print(sorted(REG), REG["alpha"](), alpha is REG["alpha"])

def to_value(fn):
    return fn()

@to_value
def computed():
    return 6 * 7

print(computed, type(computed).__name__)

def add_method(cls):
    cls.extra = lambda self: "extra on " + cls.__name__
    return cls

def singleton(cls):
    inst = cls()
    return lambda: inst

@add_method
class Thing:
    pass

@singleton
class Only:
    def __init__(self):
        trace.append("Only init")

print(Thing().extra(), Only() is Only(), trace.count("Only init"))

def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper

@counted
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(10), fib.calls)

def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)

print(slow_fib(80))
order = []
def d(name):
    order.append("eval " + name)
    def deco(f):
        order.append("apply " + name)
        return f
    return deco

@d("outer")
@d("middle")
@d("inner")
def target():
    pass

print(order)

class Deco:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0

    def __call__(self, *a):
        self.n += 1
        return self.fn(*a) * 2

@Deco
def double_me(x):
    return x

print(double_me(4), double_me(5), double_me.n, type(double_me).__name__)
deco_list = [lambda f: lambda: f() + 1]

@deco_list[0]
def one():
    return 1

print(one())

@(lambda f: f)
def ident():
    return "ident"

print(ident())

class M:
    @staticmethod
    @log
    def s(x):
        return x * 3

    @property
    @log
    def p(self):
        return "prop"

print(M.s(2), M().p, [t.split("(")[0] for t in trace[-2:]])
