def g():
    yield
    yield x
    yield x, y
    yield from x
    (yield)
    x = yield
    x = yield y
    f((yield))
    f((yield x))
    yield *a, b
    z = yield from (yield)
    await_ = (yield) + 1
    return (yield from g())
