# 'async for' over hand-written asynchronous iterators: __aiter__ returning
# self or another object, __anext__ as a coroutine or returning a custom
# awaitable, StopAsyncIteration ending the loop, else clauses, break and
# continue, exceptions inside __anext__, and the TypeErrors for misuse.

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
        self.calls = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.calls += 1
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class ManualAwaitable:
    def __init__(self, value, stop):
        self.value = value
        self.stop = stop

    def __await__(self):
        yield "suspend"
        if self.stop:
            raise StopAsyncIteration
        return self.value


class ManualIter:
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    def __anext__(self):
        if not self.items:
            return ManualAwaitable(None, True)
        return ManualAwaitable(self.items.pop(0), False)


class Container:
    def __init__(self, *items):
        self.items = items

    def __aiter__(self):
        return ManualIter(self.items)


class Exploding:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n == 3:
            raise ValueError("exploded at 3")
        return self.n


async def main():
    out = []
    t = Ticker(3)
    async for v in t:
        out.append(v)
    else:
        out.append("else ran")
    out.append(("calls", t.calls))
    async for v in Container("a", "b"):
        out.append(v)
    async for v in Ticker(10):
        if v % 2:
            continue
        if v > 6:
            break
        out.append(v)
    else:
        out.append("else skipped?")
    try:
        async for v in Exploding():
            out.append(v)
    except ValueError as e:
        out.append(f"caught {e}")
    async for a in Ticker(2):
        async for b in Ticker(a):
            out.append((a, b))
    return out


for item in run(main()):
    print(item)


class NoAnext:
    def __aiter__(self):
        return self


class AiterNotCallable:
    __aiter__ = 5


class AnextReturnsInt:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


class AiterRaises:
    def __aiter__(self):
        raise LookupError("no aiter")


async def loop_over(obj):
    async for _ in obj:
        pass
    return "finished"


for obj in [NoAnext(), AiterNotCallable(), AnextReturnsInt(), AiterRaises(), [1, 2], None]:
    try:
        print(run(loop_over(obj)))
    except Exception as e:
        print(type(obj).__name__, type(e).__name__, e, "| cause:", type(e.__cause__).__name__ if e.__cause__ else None)
