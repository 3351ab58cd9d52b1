@a
@b(c)
async def f():
    async def g():
        await h()
    return g
class C:
    async def m(self):
        async for x in self: yield x
