# The exact TypeError messages for bad calls: missing and extra positional
# arguments, unexpected and duplicate keywords, positional-only and
# keyword-only parameters, for functions, methods, lambdas and classes.

def attempt(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
        print("ok")
    except TypeError as e:
        print(e)


def f0():
    pass


def f1(a):
    pass


def f2(a, b):
    pass


def f3(a, b, c):
    pass


def fdef(a, b=1):
    pass


def fkw(a, *, k):
    pass


def fkw2(*, x, y):
    pass


def fpos(a, b, /, c):
    pass


def fvar(a, *args):
    pass


def fkwargs(**kw):
    pass


attempt(f0, 1)
attempt(f0, 1, 2)
attempt(f0, x=1)
attempt(f1)
attempt(f1, 1, 2)
attempt(f2)
attempt(f2, 1)
attempt(f3)
attempt(f3, 1)
attempt(f3, b=2)
attempt(fdef)
attempt(fdef, 1, 2, 3)
attempt(fdef, 1, c=3)
attempt(f1, 1, a=2)
attempt(fkw, 1)
attempt(fkw, 1, 2)
attempt(fkw, 1, 2, k=3)
attempt(fkw2)
attempt(fkw2, y=1)
attempt(fkw2, 1)
attempt(fpos, 1, 2)
attempt(fpos, a=1, b=2, c=3)
attempt(fpos, 1, b=2, c=3)
attempt(fpos, 1, 2, 3, 4)
attempt(fvar)
attempt(fvar, 1, 2, 3, a=4)
attempt(fkwargs, 1)
attempt(lambda x: x)
attempt(lambda: 0, 5)


def fposdef(a, b=2, /, c=3):
    pass


attempt(fposdef, 1, 2, 3, 4)
attempt(fposdef, b=2)
attempt(fposdef, 1, b=5)


class C:
    def m(self, a):
        pass

    @classmethod
    def cm(cls, a):
        pass

    @staticmethod
    def sm(a):
        pass

    def __init__(self, x):
        pass


c = C(1)
attempt(c.m)
attempt(c.m, 1, 2)
attempt(C.m, c)
attempt(C.cm)
attempt(C.sm)
attempt(C)
attempt(C, 1, 2)
attempt(C, y=1)
attempt(c.m, a=1, b=2)


# keyword names in the "multiple values" message, and ** sources
def g(a, b, c=0):
    pass


attempt(g, 1, 2, **{"a": 3})
attempt(g, 1, **{"b": 2, "d": 4})
attempt(g, *[1, 2, 3, 4])


# nested functions report their qualified name
def outer():
    def inner(p):
        pass
    return inner


attempt(outer())
attempt(outer(), 1, 2)


class K:
    class Nested:
        def meth(self):
            pass


attempt(K.Nested().meth, 1)

# builtins
attempt(len)
attempt(len, 1, 2)
attempt(len, obj=[])
attempt(abs)
attempt(divmod, 1)
attempt(isinstance, 1)
attempt([].append)
attempt([].append, 1, 2)
attempt({}.get)
attempt(sorted, [], 1)
attempt(int, "1", 2, 3)
