# Tests TypeError messages for bad calls: missing/extra positional, unexpected/duplicate keywords, positional-only passed by keyword.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

def f(a, b):
    return a + b

def g(a, b=1, *, c):
    return a

def h(a, /, b):
    return a

def k(*, x, y):
    return x

def v(*args, **kw):
    return args, kw

def none():
    return 0

class C:
    def m(self, a):
        return a

    @staticmethod
    def s(a):
        return a

    @classmethod
    def cm(cls, a):
        return a

show("f()", lambda: f())
show("f(1)", lambda: f(1))
show("f(1,2,3)", lambda: f(1, 2, 3))
show("f(1,2,3,4)", lambda: f(1, 2, 3, 4))
show("f(1, a=1)", lambda: f(1, a=1))
show("f(1, c=1)", lambda: f(1, 2, c=1))
show("f(b=1)", lambda: f(b=1))
show("g(1)", lambda: g(1))
show("g()", lambda: g())
show("g(1,2,3)", lambda: g(1, 2, 3))
show("g(1,2,3,c=1)", lambda: g(1, 2, 3, c=1))
show("h(a=1, b=2)", lambda: h(a=1, b=2))
show("h(1)", lambda: h(1))
show("k()", lambda: k())
show("k(1)", lambda: k(1))
show("k(x=1)", lambda: k(x=1))
show("k(1, x=1)", lambda: k(1, x=1, y=2))
show("none(1)", lambda: none(1))
show("none(a=1)", lambda: none(a=1))
show("C().m()", lambda: C().m())
show("C().m(1,2)", lambda: C().m(1, 2))
show("C.m(1)", lambda: C.m(1))
show("C.s()", lambda: C.s())
show("C.cm()", lambda: C.cm())
show("C().m(a=1, self=2)", lambda: C().m(1, self=2))
show("** non-mapping", lambda: f(**[1]))
show("** non-str key", lambda: v(**{1: 2}))
show("* non-iterable", lambda: f(*1))
show("dup via **", lambda: f(1, **{"a": 2}))
show("dup two **", lambda: v(**{"a": 1}, **{"a": 2}))
show("dup kw and **", lambda: v(a=1, **{"a": 2}))
show("call int", lambda: 5())
show("call str", lambda: "abc"())
show("call None", lambda: None())
show("lambda args", lambda: (lambda x: x)())
show("lambda extra", lambda: (lambda: 0)(1))
show("builtin kw", lambda: len(obj=[]))
show("builtin none", lambda: len())
show("builtin many", lambda: len([], []))
show("abs none", lambda: abs())
show("isinstance one", lambda: isinstance(1))
show("divmod one", lambda: divmod(1))
show("getattr one", lambda: getattr(1))
show("type 2 args", lambda: type(1, 2))
show("list.append unbound", lambda: list.append(1, 2))
show("str.join unbound", lambda: str.join([], "a"))
show("int kw", lambda: int(base=2))
show("sorted pos", lambda: sorted([1], None))

def many(a, b, c, d=0, *, e, f, g=0):
    return 0

show("many()", lambda: many())
show("many(1)", lambda: many(1))
show("many(1,2,3)", lambda: many(1, 2, 3))
show("many(1,2,3,e=1)", lambda: many(1, 2, 3, e=1))
show("many 6 pos", lambda: many(1, 2, 3, 4, 5, 6, e=0, f=0))

def two_pos_only(a, b, /):
    return 0

show("two po kw", lambda: two_pos_only(a=1, b=2))
show("two po kw2", lambda: two_pos_only(1, b=2))
