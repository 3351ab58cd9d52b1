# Tests objects implementing both sync and async context-manager protocols, async with inside generators-driven coroutines, and exits order when mixing with/async with.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

log = []

class Both:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append(f"enter {self.name}")
        return f"sync-{self.name}"

    def __exit__(self, *a):
        log.append(f"exit {self.name}")

    async def __aenter__(self):
        log.append(f"aenter {self.name}")
        return f"async-{self.name}"

    async def __aexit__(self, et, ev, tb):
        log.append(f"aexit {self.name} {et.__name__ if et else None}")
        return et is KeyError

with Both("s") as v:
    log.append(v)
print(log)
log.clear()

async def main():
    async with Both("a") as av:
        with Both("b") as bv:
            log.append((av, bv))
    async with Both("k"):
        raise KeyError("suppressed by aexit")
    try:
        async with Both("v"):
            raise ValueError("propagates")
    except ValueError:
        log.append("caught ValueError")
    async with Both("x") as x, Both("y") as y:
        log.append(x + "+" + y)
    return "main done"

print(run(main()))
for entry in log:
    print(" ", entry)

class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass

async def wrong_protocol():
    async with SyncOnly():
        pass

try:
    run(wrong_protocol())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)

class AsyncOnly:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        pass

try:
    with AsyncOnly():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
