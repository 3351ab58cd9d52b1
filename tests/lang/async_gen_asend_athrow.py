# Async generators driven by hand through asend(), athrow() and aclose():
# values flowing both ways, exceptions caught inside, awaitable objects'
# reuse rules and the messages of misuse.

def run(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value


async def accumulator():
    total = 0
    try:
        while True:
            try:
                v = yield total
            except ValueError as e:
                print("  accumulator caught", e)
                total = -1
                continue
            if v is None:
                continue
            total += v
    finally:
        print("  accumulator finally, total", total)


a = accumulator()
print(run(a.asend(None)))
print(run(a.asend(5)))
print(run(a.asend(10)))
print(run(a.athrow(ValueError("reset"))))
print(run(a.asend(3)))
print(run(a.aclose()))
print("after aclose:", run(a.aclose()))
try:
    run(a.asend(1))
except StopAsyncIteration:
    print("asend after close: StopAsyncIteration")

g = accumulator()
try:
    run(g.asend(1))
except TypeError as e:
    print("TypeError", e)
print(run(g.asend(None)))
aw = g.asend(2)
print(run(aw))
try:
    run(aw)
except RuntimeError as e:
    print("RuntimeError", e)
t = g.athrow(KeyError("k"))
try:
    run(t)
except KeyError as e:
    print("athrow propagated KeyError", e)
try:
    run(t)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("exhausted after uncaught athrow")


async def two_step():
    try:
        yield 1
    except OSError:
        yield "handled OSError"
        yield "one more"


t2 = two_step()
print(run(t2.__anext__()))
print(run(t2.athrow(OSError)))
try:
    run(t2.athrow(OSError, OSError("with value")))
except OSError as e:
    print("second athrow escaped the handler:", e, type(e.__context__).__name__)
try:
    run(t2.__anext__())
except StopAsyncIteration:
    print("two_step done")


async def ignores_exit():
    while True:
        try:
            yield "tick"
        except GeneratorExit:
            print("  ignoring GeneratorExit")


ig = ignores_exit()
run(ig.__anext__())
try:
    run(ig.aclose())
except RuntimeError as e:
    print("RuntimeError", e)
print("dropping it closes it again:")
del ig


async def not_started():
    print("  never printed")
    yield 1


ns = not_started()
print(run(ns.aclose()))
try:
    run(ns.__anext__())
except StopAsyncIteration:
    print("closed before start")

st = accumulator()
step = st.__anext__()
print(type(step).__name__, type(st.athrow(ValueError)).__name__, type(st.aclose()).__name__)
print(run(step))
st_close = st.aclose()
print(run(st_close))
print("end")
