# Tests default argument semantics: evaluated once at def time, shared mutable defaults, defaults referencing earlier names, None idiom.

def append_to(x, acc=[]):
    acc.append(x)
    return acc

print(append_to(1), append_to(2), append_to(3, []), append_to(4))

def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc

print(safe(1), safe(2))
n = 10
def uses_n(v=n):
    return v
n = 20
print(uses_n(), n)
log = []
def mark(v):
    log.append(v)
    return v
def with_side(a=mark("a"), *, b=mark("b")):
    return a, b
print(log, with_side(), with_side(1, b=2), log)
def counter(state={"n": 0}):
    state["n"] += 1
    return state["n"]
print(counter(), counter(), counter({"n": 100}), counter())
def make(i):
    def inner(x=i * 2):
        return x
    return inner
fs = [make(i) for i in range(3)]
print([f() for f in fs])
def dflt_tuple(t=(1, [2])):
    t[1].append(3)
    return t
print(dflt_tuple(), dflt_tuple())
class K:
    def m(self, seen=set()):
        seen.add(len(seen))
        return sorted(seen)
k1, k2 = K(), K()
print(k1.m(), k2.m(), K().m())
def lam_default():
    return [(lambda x=i: x)() for i in range(3)]
print(lam_default())
def kwonly_default(*, items=[]):
    items.append(len(items))
    return items
print(kwonly_default(), kwonly_default())
def defaults_eval_order(a=mark(1), b=mark(2), *, c=mark(3), d=mark(4)):
    pass
print(log)
def f(a, b=None, c=()):
    return a, b, c
print(f.__defaults__, f(1))
x = 5
def g(x=x):
    return x
x = 6
print(g(), g(7))
