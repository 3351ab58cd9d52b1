# Tests exceptions propagating through chains of awaits: try/finally in every layer, except in middle layer converting errors, throw() delivered to innermost await point.

log = []

class Suspend:
    def __await__(self):
        log.append("suspended")
        value = yield "suspend"
        log.append(f"resumed with {value!r}")
        return value

async def innermost(fail):
    try:
        v = await Suspend()
        if fail:
            raise ValueError(f"innermost failed after {v!r}")
        return v
    finally:
        log.append("innermost finally")

async def middle(fail):
    try:
        return await innermost(fail)
    except ValueError as e:
        log.append(f"middle converting {e}")
        raise RuntimeError("converted in middle") from e
    finally:
        log.append("middle finally")

async def outer(fail):
    try:
        return await middle(fail)
    finally:
        log.append("outer finally")

def drive(coro, send_value="X", throw=None):
    coro.send(None)
    try:
        if throw is not None:
            coro.throw(throw)
        else:
            coro.send(send_value)
    except StopIteration as e:
        return ("returned", e.value)
    except Exception as e:
        return ("raised", type(e).__name__, str(e), type(e.__cause__).__name__ if e.__cause__ else None)

print(drive(outer(False)), log)
log.clear()
print(drive(outer(True)), log)
log.clear()
print(drive(outer(False), throw=ValueError("thrown in")), log)
log.clear()
print(drive(outer(False), throw=KeyError("thrown key")), log)
log.clear()
c = outer(False)
c.send(None)
c.close()
print("after close:", log)
log.clear()

async def gather_like(n):
    results = []
    for i in range(n):
        try:
            results.append(await innermost(i == 1))
        except ValueError as e:
            results.append(f"error {i}")
    return results

coro = gather_like(3)
out = coro.send(None)
steps = [out]
try:
    while True:
        steps.append(coro.send(len(steps)))
except StopIteration as e:
    print(e.value, len(steps))
print(log)
