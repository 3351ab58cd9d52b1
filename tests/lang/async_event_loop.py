# A toy event loop driving coroutines with send(): sleeping tasks, futures
# resolved by other tasks, task results and failures, round-robin order.

class Future:
    def __init__(self, name):
        self.name = name
        self.done = False
        self.result = None
        self.waiters = []

    def set_result(self, value):
        self.done = True
        self.result = value

    def __await__(self):
        while not self.done:
            yield ("wait", self)
        return self.result


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        got = yield ("sleep", self.ticks)
        return got


class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.log = []
        self.results = {}

    def spawn(self, name, coro):
        self.ready.append((name, coro, None))

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda s: (s[0], s[1]))
                wake, _, name, coro = self.sleeping.pop(0)
                self.now = wake
                self.ready.append((name, coro, self.now))
                continue
            name, coro, value = self.ready.pop(0)
            try:
                cmd = coro.send(value)
            except StopIteration as e:
                self.results[name] = e.value
                self.log.append(f"{self.now}: {name} -> {e.value!r}")
                continue
            except Exception as e:
                self.results[name] = f"{type(e).__name__}: {e}"
                self.log.append(f"{self.now}: {name} failed {e}")
                continue
            kind, arg = cmd
            if kind == "sleep":
                self.sleeping.append((self.now + arg, len(self.log) + len(self.sleeping), name, coro))
            else:
                arg.waiters.append((name, coro))

    def resolve(self, fut, value):
        fut.set_result(value)
        for name, coro in fut.waiters:
            self.ready.append((name, coro, None))
        fut.waiters = []


async def worker(loop, name, delays):
    total = 0
    for d in delays:
        woke = await Sleep(d)
        loop.log.append(f"{loop.now}: {name} woke at {woke}")
        total += d
    return total


async def producer(loop, fut):
    await Sleep(3)
    loop.resolve(fut, "payload")
    loop.log.append(f"{loop.now}: produced")
    return "produced"


async def consumer(loop, fut):
    value = await fut
    return value.upper()


async def failing(loop):
    await Sleep(2)
    raise ValueError("task exploded")


async def chain(loop, depth):
    if depth == 0:
        return await Sleep(1)
    inner = await chain(loop, depth - 1)
    return (depth, inner)


loop = Loop()
fut = Future("f")
loop.spawn("w1", worker(loop, "w1", [1, 2, 3]))
loop.spawn("w2", worker(loop, "w2", [2, 2]))
loop.spawn("cons", consumer(loop, fut))
loop.spawn("prod", producer(loop, fut))
loop.spawn("bad", failing(loop))
loop.spawn("chain", chain(loop, 3))
loop.run()
for line in loop.log:
    print(line)
for k in sorted(loop.results):
    print(k, loop.results[k])
print("final time", loop.now)
