# Tests function parameters: defaults, *args, **kwargs, keyword-only, positional-only, and call-site binding order.

def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(c=1, a=2))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
print(f(1, *(2, 3), 4, *[5], c=6, **{"x": 1}, **{"y": 2}))

def pos_only(a, b, /, c, *, d):
    return a, b, c, d

print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))

def po_defaults(a, b=20, /, c=30):
    return a, b, c

print(po_defaults(1), po_defaults(1, 2), po_defaults(1, 2, 3), po_defaults(1, c=5))

def po_kw_same_name(a, /, **kw):
    return a, kw

print(po_kw_same_name(1, a=2))

def only_star(*, k=1):
    return k

print(only_star(), only_star(k=5))

def varargs(*args):
    return args

def varkw(**kw):
    return kw

print(varargs(), varargs(1), varargs(*"abc"), varargs(*range(3), *[]), varkw(), varkw(a=1, **{"b": 2}))
print(type(varargs()).__name__, type(varkw()).__name__)
kwd = {"x": 1}
r = varkw(**kwd)
r["y"] = 2
print(kwd, r)

def order(a, b, c):
    return f"{a}{b}{c}"

print(order(1, *[2], c=3), order(*"xy", "z"), order(c=1, b=2, a=3), order(1, **{"c": 3, "b": 2}))

def all_kinds(p1, p2=None, /, n1=None, *va, k1, k2="K2", **kws):
    return [p1, p2, n1, va, k1, k2, kws]

print(all_kinds(1, k1=0))
print(all_kinds(1, 2, 3, 4, 5, k1="k", extra=True))
print(all_kinds(1, n1="n", k1=None, k2=None))
print(f.__defaults__, f.__kwdefaults__, po_defaults.__defaults__, varargs.__defaults__, only_star.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, pos_only.__code__.co_posonlyargcount, f.__code__.co_varnames[:6])

def g(x, y=10):
    return x + y

g.__defaults__ = (100,)
print(g(1))
g.__defaults__ = None
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)

def kd(*, a=1):
    return a

kd.__kwdefaults__ = {"a": 99}
print(kd())
