# Tests parameter-kind edge cases: positional-only names reusable in **kwargs, keyword-only after *args, defaults mixing, **kwargs key order, argument binding order.

def f(a, b, /, **kw):
    return a, b, kw

print(f(1, 2, a=3, b=4), f(1, 2))

def g(x, /, y=2, *, z=3):
    return x, y, z

print(g(1), g(1, 5), g(1, y=6), g(1, z=7), g(1, 8, z=9))
for call in ["g()", "g(x=1)", "g(1, 2, 3)", "g(1, y=1, y=2)"]:
    try:
        print(eval(call))
    except (TypeError, SyntaxError) as e:
        print(call, type(e).__name__, e)

def h(*args, sep="-", **kw):
    return sep.join(map(str, args)), list(kw)

print(h(1, 2, 3), h(sep="+"), h(1, z=1, a=2, m=3), h(*"abc", sep="", **{"q": 1}))

def order(**kw):
    return list(kw.items())

print(order(z=1, a=2, m=3), order(**{"b": 1}, a=2), order(c=3, **{"b": 2, "a": 1}))

def defaults_mixed(a, b=1, *args, c, d=4, e, **rest):
    return a, b, args, c, d, e, rest

print(defaults_mixed(0, c=3, e=5), defaults_mixed(0, 1, 2, c=3, e=5, f=6), defaults_mixed(e=1, c=2, a=0))
try:
    defaults_mixed(0)
except TypeError as e:
    print(type(e).__name__, e)

def star_only(*, a):
    return a

print(star_only(a=1))
try:
    star_only(1)
except TypeError as e:
    print(type(e).__name__, e)

def po_all(a, b, c, /):
    return a + b + c

print(po_all(1, 2, 3), po_all(*"abc"))
try:
    po_all(1, 2, c=3)
except TypeError as e:
    print(type(e).__name__, e)

class M:
    def meth(self, x, /, *, flag=False):
        return x, flag

    @classmethod
    def cm(cls, /, **kw):
        return cls.__name__, kw

print(M().meth(1), M().meth(2, flag=True), M.cm(cls="ok", self="fine"))
for src in ["def bad(a=1, b): pass", "def bad(*, **kw): pass", "def bad(a, a): pass", "def bad(/, a): pass", "def bad(*a, *b): pass", "def bad(**kw, a): pass", "def bad(a, /, /): pass", "def ok(a, /): pass", "lambda a, /, b: 0"]:
    try:
        compile(src, "<s>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg)
print(g.__code__.co_posonlyargcount, g.__code__.co_argcount, g.__code__.co_kwonlyargcount, f.__code__.co_flags & 0x08 != 0, h.__code__.co_flags & 0x04 != 0)
