async def f():
    a = [x async for x in y]
    b = {x async for x in y if await x}
    c = {k: v async for k, v in z}
    d = (x async for x in y)
    e = [await x for x in y]
    g = [x for y in z async for x in y]
    h = [x async for y in z for x in y]
