async def f():
    await x
    async for a in b:
        pass
    else:
        pass
    async with c as d, e:
        pass
    async with (f as g, h as i):
        pass
    return await y
@dec
async def g(a, *, b=1) -> int:
    pass
