# contextlib from CPython's library (it imports os, so it needs posix):
# contextmanager and its exception handling, ExitStack callbacks and
# unwinding order, suppress, closing, nullcontext, redirect_stdout,
# chdir, ContextDecorator, and AsyncExitStack driven by hand.
import contextlib
import os
import sys

@contextlib.contextmanager
def tag(name, log):
    log.append("enter " + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled %r" % (e.args[0],))
    finally:
        log.append("exit " + name)

log = []
with tag("a", log) as v:
    log.append("body " + v)
with tag("b", log):
    raise KeyError("k")
try:
    with tag("c", log):
        raise ValueError("v")
except ValueError as e:
    log.append("propagated " + str(e))
print(log)

@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

@contextlib.contextmanager
def twice():
    yield
    yield
try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

order = []
with contextlib.ExitStack() as stack:
    stack.callback(order.append, "first registered")
    stack.push(lambda *exc: order.append(("push", exc[0] is None)))
    stack.enter_context(tag("inner", order))
    stack.callback(order.append, "last registered")
print(order)

with contextlib.ExitStack() as outer:
    outer.callback(print, "moved callback runs at the end")
    moved = outer.pop_all()
print("before close")
moved.close()

def swallow(*exc):
    print("swallowing", exc[0].__name__)
    return True
with contextlib.ExitStack() as stack:
    stack.push(swallow)
    raise IndexError("gone")
print("after swallow")

with contextlib.suppress(FileNotFoundError, KeyError):
    os.stat("/nonexistent-krait-contextlib")
    print("not reached")
print("suppressed")
try:
    with contextlib.suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError", e)

class Res:
    def close(self):
        print("closed resource")
with contextlib.closing(Res()) as r:
    print("using", type(r).__name__)
with contextlib.nullcontext(42) as n:
    print("nullcontext", n)

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
sink = Sink()
with contextlib.redirect_stdout(sink):
    print("captured", 1, 2)
print("redirected", sink.parts)

base = "/tmp/krait-std_os_contextlib-%d" % os.getpid()
os.mkdir(base)
here = os.getcwd()
with contextlib.chdir(base):
    print("in dir", os.getcwd() == base)
print("back", os.getcwd() == here)
os.rmdir(base)

class Deco(contextlib.ContextDecorator):
    def __enter__(self):
        print("deco enter")
        return self
    def __exit__(self, *exc):
        print("deco exit", exc[0])
        return False

@Deco()
def decorated(x):
    print("decorated body", x)
    return x * 2
print(decorated(21))

async def use_async():
    async with contextlib.AsyncExitStack() as stack:
        stack.callback(print, "sync callback in async stack")
        async def acb():
            print("async callback")
        stack.push_async_callback(acb)
        print("inside async stack")
    return "done"

coro = use_async()
try:
    coro.send(None)
except StopIteration as e:
    print("async result", e.value)
