# StopIteration and StopAsyncIteration at the boundaries: a generator's
# return value in StopIteration.value, PEP 479 conversions in generators,
# coroutines and async generators (with their own messages), and
# StopIteration raised by hand from iterators and __next__.

def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value


def returns(v):
    yield
    return v


for v in [None, 0, (1, 2), StopIteration("nested")]:
    g = returns(v)
    next(g)
    try:
        next(g)
    except StopIteration as e:
        print(repr(e.value), e.args)

e = StopIteration()
print(e.value, StopIteration(1, 2).value, StopIteration(None).args)


def gen_raises():
    yield
    raise StopIteration


async def coro_raises():
    raise StopIteration("c")


async def agen_raises_stop():
    yield 1
    raise StopIteration("a")


async def agen_raises_async_stop():
    yield 1
    raise StopAsyncIteration("b")


g = gen_raises()
next(g)
try:
    next(g)
except RuntimeError as err:
    print(err, "|", repr(err.__cause__))
try:
    coro_raises().send(None)
except RuntimeError as err:
    print(err, "|", repr(err.__cause__))
for f in [agen_raises_stop, agen_raises_async_stop]:
    ag = f()
    print(drive(ag.__anext__()))
    try:
        drive(ag.__anext__())
    except RuntimeError as err:
        print(err, "|", repr(err.__cause__))


class CountDown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration("done counting")
        self.n -= 1
        return self.n


print(list(CountDown(3)))
it = CountDown(1)
print(next(it), next(it, "default"))


def delegating():
    result = yield from CountDown(2)
    yield ("delegated result", result)


print(list(delegating()))


def catches_stop_inside():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside, fine"


print(list(catches_stop_inside()))


async def async_return():
    return "async value"


c = async_return()
try:
    c.send(None)
except StopIteration as s:
    print("coroutine return:", s.value, s.args)


class AStop:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration("custom end")


async def consume():
    out = []
    async for x in AStop():
        out.append(x)
    return out


print(drive(consume()))
print(issubclass(StopAsyncIteration, Exception), issubclass(StopIteration, Exception),
      StopAsyncIteration("x").args)
