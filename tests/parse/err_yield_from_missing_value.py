def f():
    x = yield from
