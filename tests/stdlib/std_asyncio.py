# asyncio over krait (socketpair self-pipe, epoll selector, async generator
# hooks): gather, queues, streams over the loopback, wait_for timeouts,
# cancellation, call_later, async generators closed by the loop's hooks,
# events and locks, TaskGroup-free structured waits.
import asyncio
import sys
import time


async def double(n):
    await asyncio.sleep(0.002 * (5 - n))
    return n * 2


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def ticker(log):
    try:
        for i in range(10):
            yield i
    finally:
        log.append("ticker closed")


async def main():
    print(await asyncio.gather(*(double(i) for i in range(5))))
    q = asyncio.Queue(maxsize=2)

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        out = []
        while (item := await q.get()) is not None:
            out.append(item)
        return out

    _, got = await asyncio.gather(producer(), consumer())
    print(got)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in (b"hello\n", b"asyncio\n"):
        writer.write(word)
        await writer.drain()
        print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.02)
    except asyncio.TimeoutError:
        print("timeout")
    t = asyncio.create_task(asyncio.sleep(10), name="sleeper")
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled(), t.get_name())

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "later")
    loop.call_soon(print, "call_soon ran")
    print(await fut)

    log = []
    async for v in ticker(log):
        if v == 2:
            break
    await asyncio.sleep(0.01)
    print(log, sys.get_asyncgen_hooks().finalizer is not None)

    ev = asyncio.Event()
    lock = asyncio.Lock()
    order = []

    async def waiter(i):
        await ev.wait()
        async with lock:
            order.append(i)
            await asyncio.sleep(0)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    done, pending = await asyncio.wait(tasks)
    print(sorted(order), len(done), len(pending))

    async def boom():
        raise ValueError("boom")

    results = await asyncio.gather(boom(), double(1), return_exceptions=True)
    print([type(r).__name__ for r in results])
    sem = asyncio.Semaphore(2)
    active = []

    async def limited(i):
        async with sem:
            active.append(i)
            await asyncio.sleep(0)  # a timer here made the order timing-dependent
            return len(active)

    print(await asyncio.gather(*(limited(i) for i in range(4))))
    print(await asyncio.shield(double(3)))
    for coro in asyncio.as_completed([double(4), double(0)]):
        print("as_completed", await coro)
    return "done"


print(asyncio.run(main()))
print(sys.get_asyncgen_hooks())

# Blocking functions on the default executor's threads.
def blocking(x):
    time.sleep(0.01)
    return x * 2

async def executor_main():
    loop = asyncio.get_running_loop()
    print("executor", await asyncio.gather(*(loop.run_in_executor(None, blocking, i) for i in range(4))))
    print("to_thread", await asyncio.to_thread(blocking, 21))

asyncio.run(executor_main())
