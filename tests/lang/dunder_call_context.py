# Tests __call__ (callable instances, class-level lookup) and the context-manager protocol (__enter__/__exit__ return values, suppression).

class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *, times=1):
        return (x + self.n) * times

add5 = Adder(5)
print(add5(1), add5(1, times=3), callable(add5), callable(Adder), callable(5), callable(print), callable(lambda: 0), callable(None))
add5.__call__ = lambda x: "instance attr ignored"
print(add5(1))

class NotCallable:
    pass

try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)

class CallReturnsCallable:
    def __call__(self):
        return self

c = CallReturnsCallable()
print(c()()() is c)

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"  enter {self.name}")
        return f"value-of-{self.name}"

    def __exit__(self, exc_type, exc, tb):
        print(f"  exit {self.name}", exc_type.__name__ if exc_type else None, str(exc) if exc else None, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", type(e).__name__, e)
with CM("outer") as o, CM("inner") as i:
    print("nested body", o, i)
try:
    with CM("x1"), CM("x2", suppress=True), CM("x3"):
        raise RuntimeError("deep")
    print("after inner-suppressed block")
except RuntimeError:
    print("not reached")

def early_return():
    with CM("ret"):
        return "returned value"

print(early_return())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

class NoExit:
    def __enter__(self):
        return self

class NoEnter:
    def __exit__(self, *a):
        pass

for cls in (NoExit, NoEnter, int):
    try:
        with cls():
            pass
    except (TypeError, AttributeError) as e:
        print(cls.__name__, type(e).__name__, e)

class EnterRaises:
    def __enter__(self):
        raise OSError("enter failed")

    def __exit__(self, *a):
        print("  exit should not run")

try:
    with EnterRaises():
        print("not reached")
except OSError as e:
    print(type(e).__name__, e)

class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise ValueError("from exit")

try:
    with ExitRaises():
        raise KeyError("original")
except ValueError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

class Truthy:
    def __enter__(self):
        return None

    def __exit__(self, *a):
        return "non-empty string"

with Truthy():
    1 / 0
print("suppressed by truthy exit")
with CM("tuple-target") as (first, *rest):
    print(first, rest[:3])
d = {}
with CM("subscript-target") as d["k"]:
    pass
print(d)
