lambda: 0
lambda x: x
lambda *a, **k: 0
lambda a, /, b, *, c: 0
lambda *, a: 0
lambda x: lambda y: x + y
lambda: (yield)
lambda x=lambda y=1: y: x
f(lambda: 0, key=lambda x: -x)
x = lambda: 1 if a else 2
