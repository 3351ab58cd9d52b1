# Generators, yield from, coroutines, async generators, async for, await.
def gen(n):
    yield n
    x = yield
    yield from range(n)

async def coro(a):
    await a
    async for x in a:
        print(x)
    return [y async for y in a]

async def agen():
    yield 1
