# Tests async def coroutines driven by hand with send(None): await chains, custom awaitables (__await__), return values, throw/close, errors.

class Suspend:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        print(f"  suspend {self.tag}")
        got = yield f"yielded-{self.tag}"
        print(f"  resumed {self.tag} with {got!r}")
        return f"result-{self.tag}"

async def leaf(tag):
    r = await Suspend(tag)
    return r.upper()

async def middle():
    a = await leaf("a")
    b = await leaf("b")
    return [a, b]

async def simple():
    return 42

c = simple()
print(type(c).__name__, c.__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("simple returned", e.value)

m = middle()
print(m.send(None))
print(m.send("first"))
try:
    m.send("second")
except StopIteration as e:
    print("middle returned", e.value)

def run(coro):
    value = None
    steps = 0
    while True:
        try:
            yielded = coro.send(value)
            steps += 1
            value = f"v{steps}"
        except StopIteration as e:
            return e.value, steps

async def many():
    total = []
    for i in range(3):
        total.append(await leaf(str(i)))
    return total

print(run(many()))

async def catches():
    try:
        await Suspend("c")
    except ValueError as e:
        return f"caught {e}"

cc = catches()
cc.send(None)
try:
    cc.throw(ValueError("thrown in"))
except StopIteration as e:
    print(e.value)

async def with_finally():
    try:
        await Suspend("f")
    finally:
        print("  coroutine finally")

wf = with_finally()
wf.send(None)
wf.close()

class BadAwait:
    def __await__(self):
        return 5

async def await_bad():
    await BadAwait()

try:
    await_bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)

async def await_int():
    await 5

try:
    await_int().send(None)
except TypeError as e:
    print(type(e).__name__, e)

async def raiser():
    raise KeyError("inside coroutine")

try:
    raiser().send(None)
except KeyError as e:
    print(type(e).__name__, e)

co = simple()
try:
    co.send(None)
except StopIteration:
    pass
try:
    co.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
co2 = simple()
try:
    co2.send(1)
except TypeError as e:
    print(type(e).__name__, e)
co2.close()
try:
    iter(simple())
except TypeError as e:
    print(type(e).__name__, e)
import types

@types.coroutine
def legacy():
    x = yield "legacy-yield"
    return x

async def uses_legacy():
    return await legacy()

ul = uses_legacy()
print(ul.send(None))
try:
    ul.send("legacy value")
except StopIteration as e:
    print(e.value)
ca = simple()
print(hasattr(ca, "__await__"), ca.cr_running, ca.cr_frame is not None)
ca.close()
print(ca.cr_frame)

class AwaitReturnsGen:
    def __await__(self):
        yield "one"
        yield "two"
        return "final"

async def double_step():
    return await AwaitReturnsGen()

print(run(double_step()))
