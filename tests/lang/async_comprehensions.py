# Async comprehensions of every kind inside coroutines: list, set, dict and
# generator expressions over async iterators, with conditions, nested loops,
# await in the element and in the condition, and errors raised mid-way.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Tick:
    def __await__(self):
        yield "tick"


async def arange(n, log=None):
    for i in range(n):
        await Tick()
        if log is not None:
            log.append(i)
        yield i


async def double(x):
    await Tick()
    return 2 * x


async def is_odd(x):
    await Tick()
    return x % 2 == 1


async def main():
    out = {}
    out["list"] = [x async for x in arange(5)]
    out["set"] = sorted({x % 3 async for x in arange(7)})
    out["dict"] = {x: x * x async for x in arange(4)}
    out["cond"] = [x async for x in arange(10) if x % 3 == 0]
    out["await elt"] = [await double(x) async for x in arange(3)]
    out["await cond"] = [x async for x in arange(6) if await is_odd(x)]
    out["sync over async"] = [await double(x) for x in range(4)]
    out["nested"] = [(a, b) async for a in arange(3) for b in range(a)]
    out["nested async"] = [(a, b) async for a in arange(3) async for b in arange(a)]
    gen = (x + 100 async for x in arange(3))
    out["genexp type"] = type(gen).__name__
    out["genexp"] = [y async for y in gen]
    out["genexp again"] = [y async for y in gen]
    out["dict await"] = {k: await double(k) for k in "ab" if k}
    return out


for k, v in run(main()).items():
    print(k, "=", v)


async def failing_source():
    yield 1
    yield 2
    raise KeyError("source broke")


async def collect_failing():
    got = []
    try:
        got = [x async for x in failing_source()]
    except KeyError as e:
        return "caught", repr(e), got


print(run(collect_failing()))


async def stop_early():
    log = []
    found = None
    async for x in arange(100, log):
        if x == 3:
            found = x
            break
    return found, log


print(run(stop_early()))


async def scoping():
    x = "outer"
    result = [x async for x in arange(2)]
    return x, result


print(run(scoping()))


async def with_walrus():
    total = 0
    vals = [(total := total + x) async for x in arange(5)]
    return vals, total


print(run(with_walrus()))
