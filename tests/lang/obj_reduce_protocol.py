# object.__reduce_ex__ / __reduce__ / __getstate__ and the copy module built on them.
import copy, copyreg

def show(r):
    # a reduce tuple without addresses: callables by name, iterators by type
    out = []
    for x in r:
        if callable(x) and not isinstance(x, type):
            out.append(getattr(x, "__name__", type(x).__name__))
        elif x is not None and type(x).__name__.endswith("iterator"):
            out.append(type(x).__name__ + ":" + repr(list(x)))
        else:
            out.append(x)
    return tuple(out)

class Plain:
    pass

p = Plain()
print(show(p.__reduce_ex__(2)))
p.a = 1; p.b = "two"
print(show(p.__reduce_ex__(2)), p.__getstate__() is p.__dict__)
print(show(p.__reduce_ex__(4))[:3])
print(show(p.__reduce__())[0], p.__reduce__()[1][:2])

class Slots:
    __slots__ = ("x", "y", "__z")
    def __init__(self):
        self.x = 1
        self.__z = 3

s = Slots()
print(s.__getstate__(), Slots.__slotnames__)
s.y = [1, 2]
print(s.__getstate__())
print(show(s.__reduce_ex__(3)))

class Mixed:
    __slots__ = ("m", "__dict__")
mx = Mixed(); mx.m = 5; mx.extra = 6
print(mx.__getstate__())
c = copy.copy(mx)
print(c.m, c.extra, c.__dict__ is not mx.__dict__)

class Sub(Slots):
    __slots__ = ("w",)
sb = Sub(); sb.w = "w"
print(sorted(Sub.__slotnames__), sb.__getstate__())
sc = copy.deepcopy(sb)
print(sc.x, sc.w, sc._Slots__z)

class Args:
    def __init__(self, a, b=0):
        self.a, self.b = a, b
    def __getnewargs__(self):
        return (self.a,)
a = Args(7, 8)
print(show(a.__reduce_ex__(2)))
ca = copy.copy(a)
print(ca.a, ca.b)

class ArgsEx:
    def __new__(cls, *args, **kw):
        o = super().__new__(cls)
        o.args, o.kw = args, kw
        return o
    def __getnewargs_ex__(self):
        return (self.args, self.kw)
e = ArgsEx(1, 2, k=3)
r = e.__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[1][1:], r[2] == {'args': (1, 2), 'kw': {'k': 3}})
ce = copy.copy(e)
print(ce.args, ce.kw)
e2 = ArgsEx(5)
print(show(e2.__reduce_ex__(2))[:2])

class BadNewargs:
    def __init__(self, r):
        self.r = r
    def __getnewargs_ex__(self):
        return self.r
for bad in [5, (1,), ([], {}), ((), [])]:
    try:
        BadNewargs(bad).__reduce_ex__(2)
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)

class BadArgs:
    def __getnewargs__(self):
        return [1]
try:
    BadArgs().__reduce_ex__(2)
except TypeError as exc:
    print("TypeError", exc)

class L(list):
    pass
l = L([1, 2, 3]); l.tag = "t"
print(show(l.__reduce_ex__(2)))
cl = copy.deepcopy(l)
print(type(cl).__name__, cl, cl.tag)

class D(dict):
    pass
d = D(a=1, b=2)
print(show(d.__reduce_ex__(2)))
cd = copy.copy(d)
print(type(cd).__name__, cd)

class Custom:
    def __reduce__(self):
        return (Custom, ())
print(Custom().__reduce_ex__(2)[0] is Custom, Custom().__reduce_ex__(0)[1])

class CustomEx:
    def __reduce_ex__(self, proto):
        return (CustomEx, (), {"proto": proto})
cx = copy.copy(CustomEx())
print(cx.proto)

class WithState:
    def __init__(self):
        self.v = 1
    def __getstate__(self):
        return {"v": self.v * 10}
    def __setstate__(self, st):
        self.v = st["v"] + 1
w = copy.copy(WithState())
print(w.v, show(WithState().__reduce_ex__(2))[2])

class FalseState:
    def __getstate__(self):
        return 0
print(show(FalseState().__reduce_ex__(2)))

for proto in (0, 1):
    r = p.__reduce_ex__(proto)
    print(proto, r[0].__name__, r[1][0].__name__, r[1][1].__name__, r[2])

for obj in [lambda: 0, (x for x in ())]:
    try:
        obj.__reduce_ex__(2)
    except TypeError as exc:
        print("TypeError", exc)
try:
    p.__reduce_ex__()
except TypeError as exc:
    print("TypeError", exc)
try:
    p.__reduce_ex__("2")
except TypeError as exc:
    print("TypeError", exc)

print(copy.copy(5), copy.deepcopy([1, [2, (3, {4: 5})]]), copy.copy((1, 2)))
nested = {"a": [1, 2], "b": Plain()}
nested["b"].self = nested
dc = copy.deepcopy(nested)
print(dc["b"].self is dc, dc["a"] is not nested["a"])
