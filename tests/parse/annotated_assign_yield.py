def g():
    x: int = yield
    y: list = yield from z
    z: tuple = 1, 2
    w: tuple = *a, *b
