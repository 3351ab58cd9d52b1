# with and async with, several items, return inside.
def f(path):
    with open(path) as fh, lock:
        return fh.read()

async def g():
    async with session() as s:
        await s.get()
