# What 'await' accepts: coroutines, objects whose __await__ returns an
# iterator (a generator, a custom iterator, a coroutine_wrapper), and the
# TypeErrors for everything else, including __await__ returning a coroutine.

def run(coro):
    sent = []
    value = None
    try:
        while True:
            y = coro.send(value)
            sent.append(y)
            value = None if len(sent) % 2 else len(sent)
    except StopIteration as e:
        return e.value, sent


class GenAwait:
    def __await__(self):
        a = yield "g1"
        b = yield "g2"
        return ("gen", a, b)


class IterAwait:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("iter-done")
        return f"it{self.n}"


class HasIterAwait:
    def __await__(self):
        return IterAwait()


async def native():
    return "native"


class WrapperAwait:
    def __await__(self):
        return native().__await__()


class ReturnsCoroutine:
    def __await__(self):
        return native()


class ReturnsList:
    def __await__(self):
        return [1, 2]


class AwaitNotCallable:
    __await__ = None


class AwaitRaises:
    def __await__(self):
        raise LookupError("no await today")


async def use(obj):
    return await obj


print(run(use(GenAwait())))
it_coro = use(HasIterAwait())
print(it_coro.send(None), it_coro.send(None))
try:
    it_coro.send(None)
except StopIteration as e:
    print("iter result", e.value)
print(run(use(WrapperAwait())))
print(run(use(native())))

for obj in [ReturnsCoroutine(), ReturnsList(), 42, None, "str", [1], AwaitRaises(), AwaitNotCallable()]:
    try:
        print(run(use(obj)))
    except Exception as e:
        print(type(obj).__name__, type(e).__name__, e)


class Base:
    def __await__(self):
        return (yield "from base")


class Derived(Base):
    pass


print(run(use(Derived())))


class InstanceAttr:
    pass


ia = InstanceAttr()
ia.__await__ = lambda: iter([])
try:
    run(use(ia))
except TypeError as e:
    print("instance __await__ ignored:", e)


async def await_in_expressions():
    a = (await native()) + "!"
    b = [await native() for _ in range(2)]
    c = {await native(): await use(GenAwait())}
    d = f"{await native()}-{await native()}"
    return a, b, c, d


print(run(await_in_expressions()))
w = native().__await__()
print(type(w).__name__, iter(w) is w)
try:
    next(w)
except StopIteration as e:
    print("wrapper StopIteration", e.value)
