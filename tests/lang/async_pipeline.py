# A pipeline of async generators: a source, transforming stages that await
# helpers, a filter, batching, and a consumer; values pushed with asend()
# into a running-total stage; the whole driven by a tiny loop counting
# suspensions, with cleanup order visible when the consumer stops early.

log = []


class Yield:
    def __await__(self):
        yield "yield"


async def source(items):
    try:
        for item in items:
            await Yield()
            yield item
    finally:
        log.append("source closed")


async def double(aiter):
    try:
        async for x in aiter:
            await Yield()
            yield x * 2
    finally:
        log.append("double closed")


async def keep(aiter, pred):
    async for x in aiter:
        if pred(x):
            yield x


async def batch(aiter, size):
    buf = []
    async for x in aiter:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)


async def running_total():
    total = 0
    while True:
        x = yield total
        if x is None:
            return
        total += x


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps


async def full():
    out = []
    async for b in batch(keep(double(source(range(10))), lambda v: v % 3 != 0), 3):
        out.append(b)
    return out


print(run(full()))
print(log)
log.clear()


async def early_stop():
    d = double(source(range(100)))
    got = []
    async for x in d:
        got.append(x)
        if len(got) == 3:
            break
    await d.aclose()
    return got


print(run(early_stop()))
print(log)
log.clear()


async def totals():
    rt = running_total()
    first = await rt.asend(None)
    seen = [first]
    for v in [5, 10, -3]:
        seen.append(await rt.asend(v))
    try:
        await rt.asend(None)
    except StopAsyncIteration:
        seen.append("stopped")
    return seen


print(run(totals()))


async def zip_async(a, b):
    ia, ib = a.__aiter__(), b.__aiter__()
    while True:
        try:
            x = await ia.__anext__()
            y = await ib.__anext__()
        except StopAsyncIteration:
            return
        yield x, y


async def zipped():
    return [p async for p in zip_async(source("abc"), double(source([1, 2, 3, 4])))]


print(run(zipped()))
print(sorted(log))
