# Tests decorators on methods, classmethods, properties and classes: wrapper preserving self, decorating with callable class instances, stacked class decorators.

def trace(fn):
    def wrapper(*args, **kw):
        print(f"  -> {fn.__name__}{args[1:] if args and hasattr(args[0], '__dict__') and not isinstance(args[0], type) else args}")
        result = fn(*args, **kw)
        print(f"  <- {fn.__name__} = {result!r}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper

class Calc:
    def __init__(self, base):
        self.base = base

    def __repr__(self):
        return f"Calc({self.base})"

    @trace
    def add(self, x):
        "Adds to base."
        return self.base + x

    @classmethod
    @trace
    def make(cls, v):
        return cls(v)

    @staticmethod
    @trace
    def pure(a, b):
        return a * b

c = Calc(10)
print(c.add(5), Calc.add.__doc__, Calc.add.__wrapped__(c, 1))
print(Calc.make(3).base, Calc.pure(6, 7), c.pure(2, 2))

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *a, **k: self(obj, *a, **k)

class Service:
    @CountCalls
    def ping(self, n=1):
        return "pong" * n

s = Service()
print(s.ping(), s.ping(2), Service.ping.calls, type(Service.ping).__name__)

def with_defaults(**defaults):
    def deco(fn):
        def wrapper(*a, **k):
            return fn(*a, **{**defaults, **k})
        return wrapper
    return deco

@with_defaults(greeting="hi", punct="!")
def greet(name, greeting, punct):
    return f"{greeting} {name}{punct}"

print(greet("ann"), greet("bob", greeting="yo"), greet("cy", punct="?"))

def add_repr(cls):
    def __repr__(self):
        return f"{cls.__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
    cls.__repr__ = __repr__
    return cls

def add_eq(cls):
    cls.__eq__ = lambda self, o: type(o) is type(self) and vars(o) == vars(self)
    cls.__hash__ = None
    return cls

@add_eq
@add_repr
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(Pt(1, 2), Pt(1, 2) == Pt(1, 2), Pt(1, 2) == Pt(2, 1), Pt.__hash__)

def retry(times):
    def deco(fn):
        def wrapper(*a):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(*a, attempt)
                except ValueError as e:
                    last = e
                    print(f"  attempt {attempt} failed: {e}")
            raise RuntimeError(f"gave up after {times}") from last
        return wrapper
    return deco

@retry(3)
def flaky(target, attempt):
    if attempt < target:
        raise ValueError(f"not yet ({attempt})")
    return f"succeeded on {attempt}"

print(flaky(2))
try:
    flaky(5)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", e.__cause__)

class Registry:
    def __init__(self):
        self.items = {}

    def register(self, name=None):
        def deco(fn):
            self.items[name or fn.__name__] = fn
            return fn
        return deco

reg = Registry()

@reg.register()
def alpha():
    return 1

@reg.register("custom")
def beta():
    return 2

print(sorted(reg.items), reg.items["custom"]())
