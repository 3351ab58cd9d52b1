# An async generator's state through its life: ag_running while an asend()
# is in progress, ag_await while suspended in an await, ag_frame until it
# finishes, __aiter__ returning itself, repr-free type names, finalisation
# of an unfinished one when it is dropped, and anext() misuse messages.

class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        return (yield self.tag)


log = []


async def agen():
    log.append(("running during body", me.ag_running))
    try:
        got = await Pause("p1")
        log.append(("await returned", got))
        yield "first"
        yield "second"
    finally:
        log.append("agen finally")


me = agen()
print(type(me).__name__, me.__name__, me.__qualname__, me.__aiter__() is me)
print("start:", me.ag_running, me.ag_await, me.ag_frame is not None, me.ag_code.co_name)
step = me.__anext__()
print("send 1:", step.send(None))
print("suspended in await:", me.ag_running, type(me.ag_await).__name__)
try:
    step.send("resume value")
except StopIteration as e:
    print("anext value:", e.value)
print("between steps:", me.ag_running, me.ag_await)
second = me.__anext__()
try:
    second.send(None)
except StopIteration as e:
    print("anext value:", e.value)

busy = agen()
s1 = busy.__anext__()
s1.send(None)
s2 = busy.__anext__()
try:
    s2.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    busy.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    busy.athrow(ValueError).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
s1.close()

log.clear()
dropped = agen()
st = dropped.__anext__()
st.send(None)
try:
    st.send(None)
except StopIteration as e:
    print("dropped yielded", e.value)
del st
del dropped
print("after drop:", log)

print(type(agen().__anext__()).__name__, type(agen().asend(1)).__name__, type(agen().aclose()).__name__)
w = agen().__anext__()
print(w.__await__() is w, iter(w) is w)
w.close()
try:
    w.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


async def empty():
    return
    yield


e = empty()
for attempt in range(2):
    try:
        e.__anext__().send(None)
    except StopAsyncIteration:
        print("StopAsyncIteration", attempt, e.ag_frame)
