# Tests StopIteration semantics: value attribute, raised by next(), caught by for loops, PEP 479 conversion in generators, StopIteration in __next__ of classes.

it = iter([1])
next(it)
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value, e.args)
e = StopIteration("v")
print(e.value, StopIteration().value, StopIteration(1, 2).value, StopIteration(None).value)
e.value = "changed"
print(e.value, e.args)

class Manual:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration("done", self.i)
        return self.i

print(list(Manual()), [x for x in Manual()], sum(Manual()))
m = Manual()
for _ in m:
    pass
try:
    next(m)
except StopIteration as ex:
    print("manual value", ex.value, ex.args)

def gen_raises_stop():
    yield 1
    raise StopIteration("explicit")

try:
    for v in gen_raises_stop():
        print("got", v)
except RuntimeError as ex:
    print(type(ex).__name__, ex, "| cause:", repr(ex.__cause__))

def gen_calls_next():
    it = iter([])
    yield next(it)

try:
    list(gen_calls_next())
except RuntimeError as ex:
    print(type(ex).__name__, ex)

def gen_catches_stop():
    it = iter([])
    try:
        yield next(it)
    except StopIteration:
        yield "caught inside generator"

print(list(gen_catches_stop()))

def gen_return_value():
    yield 1
    return "the value"

g = gen_return_value()
next(g)
try:
    next(g)
except StopIteration as ex:
    print("return ->", ex.value)

def subclass_stop():
    class MyStop(StopIteration):
        pass
    yield 1
    raise MyStop

try:
    list(subclass_stop())
except RuntimeError as ex:
    print(type(ex).__name__, type(ex.__cause__).__name__)

class StopInGetitem:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i

print(list(StopInGetitem()))
print(next(iter([]), "default"), next(iter("a"), "default"))
try:
    next(5)
except TypeError as ex:
    print(type(ex).__name__, ex)
print(isinstance(StopIteration(), Exception), issubclass(StopAsyncIteration, Exception), StopIteration.__mro__[1].__name__)
