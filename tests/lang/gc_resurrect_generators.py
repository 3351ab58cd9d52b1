# The cycle collector and finalizers (PEP 442): objects a __del__ makes
# reachable again survive whole and are not counted; __del__ runs once; a
# suspended generator caught in a garbage cycle is closed (its finally and
# with-exits run) before the cycle is broken.
import gc
import sys

gc.disable()
saved = []


class Phoenix:
    deaths = 0

    def __del__(self):
        Phoenix.deaths += 1
        saved.append(self)


p = Phoenix()
p.me = p
p.data = [1, 2, 3]
p.friend = Phoenix()
p.friend.back = p
del p
n = gc.collect()
print("collected", n, "saved", len(saved), "deaths", Phoenix.deaths)
first = saved[0] if saved[0].__dict__.get("data") else saved[1]
print(first.data, first.me is first, first.friend.back is first)
saved.clear()
n = gc.collect()
print("second collect", n, "deaths", Phoenix.deaths, "saved", len(saved))


# Part of a cycle resurrected: what it reaches survives too, the rest goes.
class Keeper:
    def __del__(self):
        saved.append(self.ref)


class Node:
    def __init__(self, name):
        self.name = name


a, b, c = Node("a"), Node("b"), Node("c")
k = Keeper()
a.next, b.next, c.next = b, c, a
k.ref = b
a.keeper = k
k.cycle = a
del a, b, c, k
n = gc.collect()
kept = saved.pop()
print("partial", n > 0, kept.name, kept.next.name, kept.next.next.name,
      kept.next.next.next is kept)
saved.clear()
del kept
gc.collect()


def worker(log, tag):
    try:
        log.append(tag + " start")
        yield 1
        log.append(tag + " resumed")
        yield 2
    finally:
        log.append(tag + " finally")


log = []
holder = type("Holder", (), {})()
holder.gen = worker(log, "g1")
holder.me = holder
next(holder.gen)
del holder
gc.collect()
print(log)


# The generator's own frame holds the cycle.
def selfref(log):
    me = yield
    try:
        yield "got me"
    finally:
        log.append("selfref finally, me is a generator: %s" % (type(me).__name__,))


log = []
g = selfref(log)
next(g)
print(g.send(g))
del g
gc.collect()
print(log)


class Ctx:
    def __init__(self, log, name):
        self.log, self.name = log, name

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        self.log.append("exit %s %s" % (self.name, exc[0].__name__ if exc[0] else None))
        return False


def with_gen(log, box):
    with Ctx(log, "outer"):
        with Ctx(log, "inner"):
            yield box


log = []
box = []
g = with_gen(log, box)
box.append(g)
next(g)
del g, box
gc.collect()
print(log)


# A generator whose finally resurrects things from the cycle.
rescued = []


def rescuer(obj):
    try:
        yield
    finally:
        rescued.append(obj)


class Thing:
    pass


t = Thing()
t.gen = rescuer(t)
t.value = "still here"
next(t.gen)
del t
n = gc.collect()
print("rescued", len(rescued), rescued[0].value, rescued[0].gen.gi_frame)
rescued.clear()
gc.collect()


# A generator that yields in its finally: close() fails, reported as
# unraisable (on stderr), and the collector still breaks the cycle.
def stubborn(box):
    try:
        yield
    finally:
        yield "again"


box = []
g = stubborn(box)
box.append(g)
next(g)
del g, box
stderr, sys.stderr = sys.stderr, type("Sink", (), {"write": lambda self, s: len(s),
                                                    "flush": lambda self: None})()
try:
    n = gc.collect()
finally:
    sys.stderr = stderr
print("stubborn collected", n > 0)

# Finished and never-started generators in cycles need no finalization.
log = []
g = worker(log, "never")
box = [g]
g2 = worker(log, "done")
for _ in g2:
    pass
box.append(g2)
box.append(box)
del g, g2, box
gc.collect()
print(log)
gc.enable()
