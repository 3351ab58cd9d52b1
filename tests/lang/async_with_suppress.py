# 'async with': __aenter__/__aexit__ awaited, the exception details passed to
# __aexit__, suppression by a true result, exceptions raised in __aexit__,
# return/break/continue leaving the block, and nested managers' order.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Tick:
    def __await__(self):
        yield


log = []


class Manager:
    def __init__(self, name, suppress=False, fail_exit=None, fail_enter=None):
        self.name = name
        self.suppress = suppress
        self.fail_exit = fail_exit
        self.fail_enter = fail_enter

    async def __aenter__(self):
        await Tick()
        log.append(f"enter {self.name}")
        if self.fail_enter:
            raise self.fail_enter
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        await Tick()
        detail = None if et is None else (et.__name__, str(ev), tb is not None)
        log.append(f"exit {self.name} {detail}")
        if self.fail_exit:
            raise self.fail_exit
        return self.suppress


async def scenario(kind):
    if kind == "plain":
        async with Manager("a") as v:
            log.append(f"body {v}")
        return "done"
    if kind == "suppress":
        async with Manager("a", suppress=True):
            raise ValueError("swallowed")
        return "after suppress"
    if kind == "propagate":
        async with Manager("a"):
            raise ValueError("escapes")
    if kind == "exit raises":
        async with Manager("a", fail_exit=RuntimeError("in exit")):
            raise ValueError("original")
    if kind == "enter raises":
        async with Manager("a", fail_enter=OSError("no enter")):
            log.append("never")
    if kind == "nested":
        async with Manager("outer", suppress=True), Manager("inner"):
            raise KeyError("k")
        return "outer swallowed"
    if kind == "return":
        async with Manager("a"):
            return "returned inside"
    if kind == "loop":
        out = []
        for i in range(4):
            async with Manager(f"m{i}"):
                if i == 1:
                    continue
                if i == 3:
                    break
                out.append(i)
        return out


for kind in ["plain", "suppress", "propagate", "exit raises", "enter raises", "nested", "return", "loop"]:
    log.clear()
    try:
        r = run(scenario(kind))
        print(kind, "->", r)
    except Exception as e:
        ctx = e.__context__
        print(kind, "raised", type(e).__name__, e, "| context:", type(ctx).__name__ if ctx else None)
    for line in log:
        print("   ", line)


class NotAwaitableEnter:
    def __aenter__(self):
        return 42

    async def __aexit__(self, *a):
        return False


class NotAwaitableExit:
    async def __aenter__(self):
        return self

    def __aexit__(self, *a):
        return "not awaitable"


async def bad(mgr):
    async with mgr:
        pass


for mgr in [NotAwaitableEnter(), NotAwaitableExit(), 5]:
    try:
        run(bad(mgr))
    except TypeError as e:
        print("TypeError:", e)
