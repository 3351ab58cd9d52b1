# Tests a hand-written round-robin scheduler over async def coroutines: sleeping/yielding awaitables, task results, exceptions in tasks, cancellation via throw.

class Yield:
    def __await__(self):
        yield "yield"

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        for _ in range(self.ticks):
            yield "sleep"

class Cancelled(Exception):
    pass

class Scheduler:
    def __init__(self):
        self.ready = []
        self.results = {}
        self.log = []

    def spawn(self, name, coro):
        self.ready.append((name, coro))

    def run(self):
        tick = 0
        while self.ready:
            tick += 1
            name, coro = self.ready.pop(0)
            try:
                coro.send(None)
                self.ready.append((name, coro))
            except StopIteration as e:
                self.results[name] = ("ok", e.value)
                self.log.append(f"t{tick}: {name} finished")
            except Exception as e:
                self.results[name] = ("error", f"{type(e).__name__}: {e}")
                self.log.append(f"t{tick}: {name} failed")
        return tick

    def cancel(self, name):
        for i, (n, coro) in enumerate(self.ready):
            if n == name:
                del self.ready[i]
                try:
                    coro.throw(Cancelled("cancelled"))
                except Cancelled:
                    self.results[name] = ("cancelled", None)
                except StopIteration as e:
                    self.results[name] = ("ok-after-cancel", e.value)
                return

async def worker(name, steps, out):
    for i in range(steps):
        out.append(f"{name}{i}")
        await Yield()
    return f"{name} did {steps}"

async def sleeper(ticks, out):
    out.append("sleep start")
    await Sleep(ticks)
    out.append("sleep end")
    return ticks

async def crasher(out):
    out.append("crasher running")
    await Yield()
    raise RuntimeError("task crashed")

async def stubborn(out):
    try:
        while True:
            await Yield()
    except Cancelled:
        out.append("stubborn cleaning up")
        return "cleaned"

async def nested(out):
    a = await worker("n", 2, out)
    b = await sleeper(1, out)
    return (a, b)

out = []
s = Scheduler()
s.spawn("A", worker("a", 3, out))
s.spawn("B", worker("b", 2, out))
s.spawn("S", sleeper(2, out))
s.spawn("C", crasher(out))
s.spawn("N", nested(out))
s.spawn("X", stubborn(out))
s.ready[0][1].send(None)
s.cancel("X")
ticks = s.run()
print(out)
print(s.log)
print(ticks, sorted(s.results.items()))

async def gather(*coros):
    results = []
    for c in coros:
        results.append(await c)
    return results

g = gather(worker("g", 1, out), sleeper(0, out))
steps = 0
try:
    while True:
        g.send(None)
        steps += 1
except StopIteration as e:
    print("gather", e.value, steps)
