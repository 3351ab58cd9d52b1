# Tests callable objects in depth: __call__ with all parameter kinds, callable classes as decorators/methods, staticmethod-wrapped callables, callable() edge cases.

class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, x, /, *rest, scale=1, **opts):
        return (x * self.factor * scale, rest, sorted(opts))

m = Multiplier(3)
print(m(2), m(2, 5, 6, scale=10, flag=True), callable(m), callable(Multiplier))
try:
    m()
except TypeError as e:
    print(type(e).__name__, e)
try:
    m(x=1)
except TypeError as e:
    print(type(e).__name__, e)

class AsMethod:
    def __call__(self, *args):
        return ("called with", len(args))

class Host:
    plain = AsMethod()
    wrapped = staticmethod(AsMethod())

h = Host()
print(h.plain(1), Host.plain(1), h.wrapped(1))

class Compose:
    def __init__(self, *fns):
        self.fns = fns

    def __call__(self, x):
        for f in reversed(self.fns):
            x = f(x)
        return x

pipeline = Compose(str, abs, lambda v: v - 10)
print(pipeline(3), [pipeline(v) for v in range(8, 13)], list(map(Compose(len, str), [1, 22, 333])))

class CallCounter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self

cc = CallCounter()
cc()()()
print(cc.calls, cc() is cc)

class NotCallable:
    __call__ = None

print(callable(NotCallable()))
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)

class CallViaGetattr:
    def __getattr__(self, name):
        return lambda *a: "via getattr"

print(callable(CallViaGetattr()), CallViaGetattr().__call__())
try:
    CallViaGetattr()()
except TypeError as e:
    print(type(e).__name__, e)

class Meta(type):
    def __call__(cls, *a, **k):
        return f"Meta intercepted {cls.__name__}{a}"

class Intercepted(metaclass=Meta):
    pass

print(Intercepted(1, 2), callable(Intercepted))
print(callable(len), callable(str.upper), callable("".upper), callable(int), callable(None), callable(lambda: 0), callable(type), callable(object()))
sorted_by = sorted(["ccc", "a", "bb"], key=Compose(len))
print(sorted_by, max([3, -5, 2], key=Multiplier(-1).__call__) if False else max([3, -5, 2], key=abs))
