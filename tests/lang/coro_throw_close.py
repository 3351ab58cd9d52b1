# throw() and close() on coroutines at every stage: before start, suspended
# in a nested await, in try/except/finally, after finishing; GeneratorExit
# handling, "coroutine ignored GeneratorExit", and StopIteration raised in a
# coroutine body becoming RuntimeError.

class Pause:
    def __await__(self):
        got = yield "paused"
        return got


log = []


async def leaf():
    try:
        return await Pause()
    except ValueError as e:
        log.append(f"leaf caught {e}")
        return "leaf recovered"
    finally:
        log.append("leaf finally")


async def branch():
    try:
        r = await leaf()
        log.append(f"branch got {r}")
        await Pause()
        return r
    except KeyError as e:
        log.append(f"branch caught {e!r}")
        raise RuntimeError("converted") from e
    finally:
        log.append("branch finally")


def attempt(label, fn):
    log.clear()
    try:
        r = fn()
        print(label, "->", repr(r), log)
    except StopIteration as e:
        print(label, "StopIteration", repr(e.value), log)
    except BaseException as e:
        cause = type(e.__cause__).__name__ if e.__cause__ else None
        print(label, "raised", type(e).__name__, str(e), cause, log)


c = branch()
attempt("start", lambda: c.send(None))
attempt("throw ValueError", lambda: c.throw(ValueError("v")))
attempt("throw KeyError", lambda: c.throw(KeyError("k")))
attempt("send after end", lambda: c.send(None))
attempt("throw after end", lambda: c.throw(ValueError("late")))
attempt("close after end", lambda: c.close())

c2 = branch()
attempt("throw before start", lambda: c2.throw(TypeError("early")))
attempt("send after early throw", lambda: c2.send(None))

c3 = branch()
c3.send(None)
attempt("close suspended", lambda: c3.close())
attempt("close twice", lambda: c3.close())

c4 = branch()
c4.send(None)
attempt("throw class", lambda: c4.throw(ValueError))
attempt("throw GeneratorExit", lambda: c4.throw(GeneratorExit))


async def stubborn():
    while True:
        try:
            await Pause()
        except GeneratorExit:
            log.append("ignoring exit")


s = stubborn()
s.send(None)
attempt("close stubborn", lambda: s.close())


async def returns_in_finally():
    try:
        await Pause()
    finally:
        return "finally value"


r = returns_in_finally()
r.send(None)
attempt("close returns in finally", lambda: r.close())
r2 = returns_in_finally()
r2.send(None)
attempt("throw into returns in finally", lambda: r2.throw(ValueError("x")))


async def raises_stop():
    await Pause()
    raise StopIteration("bad")


st = raises_stop()
st.send(None)
try:
    st.send(None)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)


async def running_check():
    try:
        me.send(None)
    except ValueError as e:
        return str(e)


me = running_check()
attempt("send to running", lambda: me.send(None))
