# Exception groups across coroutines: a gather-like helper running several
# coroutines and raising an ExceptionGroup of their failures, except* in
# the caller handling parts, cancellation thrown in as a group member, and
# except* inside coroutine bodies across awaits.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Step:
    def __await__(self):
        yield


async def task(name, steps, fail=None):
    for _ in range(steps):
        await Step()
    if fail is not None:
        raise fail
    return name


async def gather(*coros):
    results, errors = [], []
    for c in coros:
        try:
            results.append(await c)
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup("gather failed", errors)
    return results


async def caller(coros):
    log = []
    try:
        log.append(("ok", await gather(*coros)))
    except* ValueError as g:
        log.append(("ValueError part", [str(e) for e in g.exceptions]))
    except* KeyError as g:
        log.append(("KeyError part", [repr(e) for e in g.exceptions]))
    return log


print(run(caller([task("a", 1), task("b", 2)])))
print(run(caller([task("a", 1, ValueError("va")), task("b", 0), task("c", 2, KeyError("kc"))])))
try:
    run(caller([task("a", 1, OSError("os")), task("b", 1, ValueError("vb"))]))
except ExceptionGroup as eg:
    print("leftover", repr(eg))


async def handles_inside():
    out = []
    for attempt in range(3):
        try:
            await Step()
            if attempt == 0:
                raise ExceptionGroup("first", [TypeError("t")])
            if attempt == 1:
                raise ValueError("second, naked")
            out.append("clean")
        except* TypeError:
            await Step()
            out.append(f"T at {attempt}")
        except* ValueError as g:
            out.append(f"V at {attempt}: {type(g).__name__}")
    return out


print(run(handles_inside()))


class Cancelled(Exception):
    pass


async def cancellable():
    result = None
    try:
        while True:
            await Step()
    except* Cancelled as g:
        result = f"cancelled with {len(g.exceptions)}"
    return result


c = cancellable()
c.send(None)
c.send(None)
try:
    c.throw(ExceptionGroup("cancel", [Cancelled(), Cancelled()]))
except StopIteration as e:
    print(e.value)

c2 = cancellable()
c2.send(None)
try:
    c2.throw(Cancelled("naked"))
except StopIteration as e:
    print(e.value)

c3 = cancellable()
c3.send(None)
try:
    c3.throw(ExceptionGroup("mixed", [Cancelled(), RuntimeError("other")]))
except ExceptionGroup as e:
    print("propagated", repr(e))
