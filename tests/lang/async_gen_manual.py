# Tests async generators driven by hand: __anext__/asend/athrow/aclose awaitables, StopAsyncIteration, async for/comprehensions inside coroutines.

def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

async def agen(n):
    for i in range(n):
        print(f"  agen yielding {i}")
        yield i
    print("  agen exhausted")

g = agen(2)
print(type(g).__name__, g.__name__)
print(drive(g.__anext__()))
print(drive(g.__anext__()))
try:
    drive(g.__anext__())
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)

async def consume():
    out = []
    async for v in agen(3):
        out.append(v * 10)
    comp = [v async for v in agen(2)]
    return out, comp

print(drive(consume()))

async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("  echo finally", received)

e = echo()
print(drive(e.asend(None)))
print(drive(e.asend("x")))
print(drive(e.asend("y")))
drive(e.aclose())
print("closed")

async def catcher():
    try:
        yield "first"
    except ValueError as ex:
        yield f"caught {ex}"

c = catcher()
print(drive(c.__anext__()))
print(drive(c.athrow(ValueError("boom"))))
try:
    drive(c.__anext__())
except StopAsyncIteration:
    print("catcher done")

class Tick:
    def __await__(self):
        v = yield "tick"
        return v

async def awaiting_gen():
    for i in range(2):
        got = await Tick()
        yield (i, got)

ag = awaiting_gen()
step = ag.__anext__()
print(step.send(None))
try:
    step.send("resumed")
except StopIteration as ex:
    print("anext result", ex.value)

async def filtered():
    return [v async for v in agen(5) if v % 2 == 0]

print(drive(filtered()))

async def gen_expr_async():
    ge = (v * 2 async for v in agen(2))
    return type(ge).__name__, [x async for x in ge]

print(drive(gen_expr_async()))

async def return_in_agen():
    yield 1
    return

try:
    compile("async def f():\n    yield 1\n    return 2\n", "<s>", "exec")
except SyntaxError as ex:
    print(type(ex).__name__, ex.msg)

async def no_iter():
    async for x in [1, 2]:
        pass

try:
    drive(no_iter())
except TypeError as ex:
    print(type(ex).__name__, ex)

class AIter:
    def __init__(self):
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        return self.i

async def custom_aiter():
    return [v async for v in AIter()]

print(drive(custom_aiter()))

class ACM:
    async def __aenter__(self):
        print("  aenter")
        return "acm-value"

    async def __aexit__(self, *exc):
        print("  aexit", exc[0].__name__ if exc[0] else None)
        return True

async def use_acm():
    async with ACM() as v:
        print("  inside", v)
        raise ValueError("suppressed by aexit")
    return "after async with"

print(drive(use_acm()))
ex_gen = agen(1)
drive(ex_gen.aclose())
try:
    drive(ex_gen.__anext__())
except StopAsyncIteration:
    print("closed before start -> StopAsyncIteration")
