# _weakref and gc: references, callbacks, proxies, the cycle collector.
import _weakref
import gc

ref = _weakref.ref
proxy = _weakref.proxy


class A:
    pass


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


a = A()
r = ref(a)
print(r() is a, r is ref(a), _weakref.getweakrefcount(a))
log = []
r2 = ref(a, lambda w: log.append(("r2", w() is None)))
r3 = ref(a, lambda w: log.append(("r3", w is r3)))
print(_weakref.getweakrefcount(a), _weakref.getweakrefs(a)[0] is r)
print(r2 is not ref(a, None), r == r2, r != r2, hash(r) == hash(a))
print(r.__callback__, r2.__callback__ is not None)
p = proxy(a)
print(proxy(a) is p, _weakref.getweakrefcount(a))
a.x = 5
print(p.x, type(p) is _weakref.ProxyType, type(r) is _weakref.ReferenceType)
p.y = 7
print(a.y)
del p.y
print(hasattr(a, "y"))
del a
print(log)
print(r(), r2())
show("dead proxy", lambda: p.x)
show("dead hash", lambda: hash(ref(A())))
show("alive hash kept", lambda: (lambda o: (hash(ref(o)) == hash(o)))(A()))

for bad in (1, "s", (1,), [1], {}, None, 2.5):
    show("ref " + type(bad).__name__, lambda: ref(bad))
show("no args", lambda: ref())
show("3 args", lambda: ref(A(), None, 1))
show("call arg", lambda: r(1))


class S:
    __slots__ = ("x",)


class SW:
    __slots__ = ("x", "__weakref__")


class I(int):
    pass


class Str(str):
    pass


for cls, arg in ((S, ()), (SW, ()), (I, (3,)), (Str, ("s",))):
    show(cls.__name__, lambda: type(ref(cls(*arg))).__name__)


def f():
    pass


for obj in (f, A, {1}, frozenset(), len, print):
    print(type(obj).__name__, ref(obj)() is obj)

# Proxies forward operators.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __eq__(self, o):
        return isinstance(o, Num) and self.v == o.v

    def __lt__(self, o):
        return self.v < o.v

    def __len__(self):
        return self.v

    def __getitem__(self, i):
        return i * self.v

    def __iter__(self):
        return iter(range(self.v))

    def __call__(self, *a, **k):
        return (a, sorted(k))

    def __str__(self):
        return "Num(%d)" % self.v

    __hash__ = None


n, m = Num(3), Num(4)
pn, pm = proxy(n), proxy(m)
print((pn + 1).v, (1 + pn).v, (pn + pm).v, pn == Num(3), pn < pm, len(pn), pn[5])
print(list(pn), str(pn), pn(1, 2, k=3), callable(pn), type(pn).__name__)
show("proxy hash", lambda: hash(pn))
pl = proxy(m)
pl += 1
print(type(pl).__name__, pl.v)

# Subclasses of ref, as weakref.KeyedRef.
class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


b = A()
kr = KeyedRef(b, lambda w: log.append(("keyed", w.key)), "k1")
print(kr.key, kr() is b, type(kr).__name__, isinstance(kr, ref))
del b
print(log[-1])

# Callbacks run newest first after the basic ones; errors are reported, not raised.
order = []
c = A()
for i in range(3):
    globals()["keep%d" % i] = ref(c, lambda w, i=i: order.append(i))
del c
print(order)

# Cycles: the collector clears the weak references before finalizers run.
class Node:
    def __init__(self):
        self.me = self


gc.collect()
x = Node()
seen = []
rx = ref(x, lambda w: seen.append("collected"))
del x
print(rx() is not None, seen)
print(gc.collect() >= 1, rx(), seen)
print(gc.isenabled(), gc.get_threshold(), gc.is_tracked(1), gc.is_tracked([]), gc.is_tracked("s"))
gc.disable()
print(gc.isenabled())
gc.enable()
gc.set_threshold(800, 11)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
show("bad gen", lambda: gc.collect(3))
show("set_threshold()", lambda: gc.set_threshold())
show("set_threshold x4", lambda: gc.set_threshold(1, 2, 3, 4))
print(gc.collect(generation=0) >= 0, gc.garbage)
d = {"a": ref(A()), "b": ref(f)}
_weakref._remove_dead_weakref(d, "a")
_weakref._remove_dead_weakref(d, "b")
_weakref._remove_dead_weakref(d, "zz")
print(sorted(d))
