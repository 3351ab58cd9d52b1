# Instances with shared-key attributes through copy, deepcopy, pickle and
# __reduce_ex__/__getstate__, reference cycles through attributes collected
# by gc, weak references, __del__ seeing its attributes, __setstate__, and
# objects whose attributes change while being copied.
import copy
import gc
import pickle
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def __eq__(self, other):
        return type(other) is Point and vars(self) == vars(other)


pts = [Point(i, -i) for i in range(4)]
pts[1].label = "one"
pts[2].y = [1, 2]
del pts[3].x
for p in pts:
    c = copy.copy(p)
    dc = copy.deepcopy(p)
    print(vars(c), c == p, dc == p, vars(c) is vars(p))
print(pts[2].__getstate__(), Point(1, 2).__reduce_ex__(2)[2])


class Empty:
    pass


print(Empty().__getstate__(), Empty().__reduce_ex__(2)[2])
e = Empty()
e.a = 1
del e.a
print(e.__getstate__())

# deepcopy keeps sharing and cycles.
shared = [0]
a, b = Point(shared, shared), Point(1, 2)
a.peer, b.peer = b, a
ca = copy.deepcopy(a)
print(ca.x is ca.y, ca.peer.peer is ca, ca.peer.y, list(vars(ca)))

# pickle at every protocol, with the attribute order kept.
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = Point("x", "y")
    p.z = {"k": p}
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, list(vars(q)), q.z["k"] is q, q.x, q.y)


# __setstate__ and __getstate__ written in Python.
class State:
    def __init__(self):
        self.a = 1
        self.secret = "s"

    def __getstate__(self):
        st = dict(vars(self))
        del st["secret"]
        return st

    def __setstate__(self, st):
        self.restored = True
        for k, v in st.items():
            setattr(self, k, v)


s2 = copy.copy(State())
print(vars(s2), pickle.loads(pickle.dumps(State())).__dict__)


# Cycles through attributes are collected; weakrefs and __del__ see the object.
class Node:
    deaths = []

    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        Node.deaths.append((self.name, self.other is not None))


gc.collect()
for i in range(3):
    n1, n2 = Node("a%d" % i), Node("b%d" % i)
    n1.other, n2.other = n2, n1
    w = weakref.ref(n1)
    del n1, n2
    gc.collect()
    print(w() is None, sorted(Node.deaths))
    Node.deaths.clear()
n = Node("plain")
del n
print(Node.deaths)

# Attribute values released when replaced, deleted or the instance dies.
class Probe:
    pass


holder = Probe()
live = []
for i in range(3):
    t = Empty()
    live.append(weakref.ref(t))
    holder.slot = t
del t
print([r() is None for r in live])
del holder.slot
print([r() is None for r in live])
h2 = Probe()
t = Empty()
r = weakref.ref(t)
h2.a, h2.b = t, t
del t
h2.a = None
print(r() is None)
del h2
print(r() is None)


# __del__ that adds and reads attributes of the dying object.
class Phoenix:
    log = []

    def __init__(self):
        self.x = 1

    def __del__(self):
        self.y = 2
        Phoenix.log.append(sorted(vars(self).items()))


ph = Phoenix()
del ph
print(Phoenix.log)
