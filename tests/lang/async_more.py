# Tests more async constructs driven by hand: async with + async for in one coroutine, await in comprehensions, async generator finalisation, __aiter__ errors.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Tick:
    def __await__(self):
        yield

log = []

class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await Tick()
        log.append(f"open {self.name}")
        return self

    async def __aexit__(self, et, ev, tb):
        await Tick()
        log.append(f"close {self.name} {et.__name__ if et else None}")
        return False

async def numbers(n):
    try:
        for i in range(n):
            await Tick()
            yield i
    finally:
        log.append(f"numbers({n}) finalized")

async def square(x):
    await Tick()
    return x * x

async def main():
    results = []
    async with Resource("A") as a, Resource("B") as b:
        async for n in numbers(3):
            results.append(await square(n))
        results.append(a.name + b.name)
    squares = [await square(x) for x in range(4)]
    evens = [x async for x in numbers(6) if x % 2 == 0]
    mapping = {x: await square(x) async for x in numbers(2)}
    return results, squares, evens, mapping

print(run(main()))
print(log)
log.clear()

async def early_break():
    async for n in numbers(10):
        if n == 2:
            break
    return "broke"

print(run(early_break()))
log.clear()

async def failing_body():
    try:
        async with Resource("C"):
            raise ValueError("inside async with")
    except ValueError as e:
        return f"caught {e}"

print(run(failing_body()), log)

class BadAiter:
    def __aiter__(self):
        return 5

async def use_bad():
    async for _ in BadAiter():
        pass

try:
    run(use_bad())
except TypeError as e:
    print(type(e).__name__, e)

class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5

async def use_bad2():
    async for _ in AnextNotAwaitable():
        pass

try:
    run(use_bad2())
except TypeError as e:
    print(type(e).__name__, e)

async def no_aenter():
    async with object():
        pass

try:
    run(no_aenter())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    compile("def f():\n    await x\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("def f():\n    async with x:\n        pass\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("[await x for x in y]", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
