# sys.set_asyncgen_hooks / get_asyncgen_hooks (PEP 525): firstiter runs when
# an async generator is first iterated; a generator that dies suspended is
# handed to the finalizer in force then, instead of being closed.
import gc
import sys

print(sys.get_asyncgen_hooks(), type(sys.get_asyncgen_hooks()).__name__)
log = []


def firstiter(agen):
    log.append(("firstiter", agen.__name__))


def finalizer(agen):
    log.append(("finalizer", agen.__name__))


for bad in [dict(firstiter=1), dict(finalizer="x"), dict(firstiter=None, finalizer=3)]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print("TypeError", e)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(firstiter, finalizer)
h = sys.get_asyncgen_hooks()
print(h.firstiter is firstiter, h[1] is finalizer, len(h))


async def ag():
    try:
        yield 1
        yield 2
    finally:
        log.append("ag finally")


def step(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


g = ag()
print(log)
print("first", step(g.__anext__()))
print(log)
del g
gc.collect()
print(log)

# The hooks are read at the first iteration: later changes do not apply.
log.clear()
g2 = ag()
step(g2.asend(None))
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
del g2
print(log)

# Without a finalizer a suspended async generator is closed at death.
log.clear()
g3 = ag()
step(g3.__anext__())
del g3
print(log)

# An exhausted one is not handed to the finalizer.
sys.set_asyncgen_hooks(finalizer=finalizer)
log.clear()
g4 = ag()
print(step(g4.__anext__()), step(g4.__anext__()))
try:
    g4.__anext__().send(None)
except StopAsyncIteration:
    print("exhausted")
del g4
print(log)


# A failing firstiter propagates from the first step; a failing finalizer is
# reported as unraisable (stderr) and the program goes on.
def bad_first(agen):
    raise RuntimeError("firstiter failed")


sys.set_asyncgen_hooks(firstiter=bad_first, finalizer=None)
try:
    ag().__anext__()
except RuntimeError as e:
    print("RuntimeError", e)
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
