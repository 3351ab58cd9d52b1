f = lambda: (yield)
g = lambda: (yield x)
h = lambda: (yield from y)
