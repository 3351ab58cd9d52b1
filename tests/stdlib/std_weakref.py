# weakref from CPython's library: WeakValueDictionary, WeakKeyDictionary,
# WeakSet, WeakMethod, finalize, proxies, and callbacks.
import gc
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def m(self):
        return self.n


ks = [K(i) for i in range(5)]
d = weakref.WeakValueDictionary()
for k in ks:
    d[k.n] = k
print(sorted(d.keys()), d[3].n, d.get(9), len(d))
del ks[1:3]
print(sorted(d.keys()), 1 in d, 3 in d)
s = weakref.WeakSet(ks)
print(len(s), ks[0] in s)
wk = weakref.WeakKeyDictionary({k: k.n for k in ks})
print(sorted(wk.values()))
last = ks.pop()
del last
k = None
print(len(s), len(wk), len(d))
ks.clear()
print(len(s), len(wk), len(d))
o = K(42)
wm = weakref.WeakMethod(o.m)
print(wm()(), wm == weakref.WeakMethod(o.m))
del o
print(wm())
log = []
obj = K(1)
f = weakref.finalize(obj, log.append, "finalized")
print(f.alive, f.peek()[1] == log.append, f.peek()[2:])
del obj
print(log, f.alive)
a = K(7)
p = weakref.proxy(a)
print(p.n, p.m(), weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is p)
r = weakref.ref(a, lambda w: log.append("ref died"))
del a
print(log)
cyc = K(0)
cyc.me = cyc
rc = weakref.ref(cyc)
del cyc
gc.collect()
print(rc())
