def f(a, b, /, c, d, *, e, f):
    pass
def g(a, /):
    pass
def h(a=1, /, b=2, *, c):
    pass
def i(a, /, *args, **kwargs):
    pass
def j(a, b=2, /, c=3, *d, e, f=6, **g):
    pass
def k(a, /, *, b):
    pass
