# Tests async generator athrow/aclose semantics driven by hand: athrow returning next value, aclose running finally, errors for yielding during aclose, asend after exhaustion.

def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

log = []

async def agen():
    try:
        yield 1
        try:
            yield 2
        except ValueError as e:
            log.append(f"caught {e}")
            yield "after catch"
        yield 3
    finally:
        log.append("agen finally")

g = agen()
print(drive(g.__anext__()), drive(g.__anext__()), drive(g.athrow(ValueError("v"))), drive(g.__anext__()))
drive(g.aclose())
print(log)
log.clear()
g2 = agen()
drive(g2.__anext__())
try:
    drive(g2.athrow(KeyError("uncaught")))
except KeyError as e:
    print("athrow propagated", e, log)
try:
    drive(g2.__anext__())
except StopAsyncIteration:
    print("exhausted after uncaught athrow")
log.clear()

async def stubborn():
    try:
        yield 1
    finally:
        yield "yield in finally"

s = stubborn()
drive(s.__anext__())
try:
    drive(s.aclose())
except RuntimeError as e:
    print(type(e).__name__, e)

async def returns_early():
    yield 1
    return

r = returns_early()
print(drive(r.__anext__()))
try:
    drive(r.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration after return")
try:
    drive(r.asend(None))
except StopAsyncIteration:
    print("asend after exhaustion -> StopAsyncIteration")
drive(r.aclose())
print("aclose on exhausted is fine")
fresh = agen()
drive(fresh.aclose())
print("aclose before start ran finally?", log)
aw = agen().__anext__()
print(type(aw).__name__, hasattr(aw, "send"), hasattr(aw, "throw"))
aw.close()
g3 = agen()
print(g3.ag_running, g3.ag_frame is not None, g3.__qualname__)
