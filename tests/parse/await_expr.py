async def f():
    await a
    x = await b
    y = await c.d(e)
    z = (await f()).g
    w = await a ** 2
    v = -await a
    u = await (yield)
    await await_me()[0]
