# Deep chains of awaits: values sent by the driver reach the innermost
# awaitable through every level, return values climb back, an exception
# thrown by the driver lands at the innermost await and unwinds only as far
# as a handler, and recursion through awaits keeps its own locals.

class Ask:
    def __init__(self, question):
        self.question = question

    def __await__(self):
        answer = yield self.question
        return answer


async def level(n, path):
    path.append(f"enter {n}")
    try:
        if n == 0:
            a = await Ask("q-bottom")
            b = await Ask("q-bottom-2")
            return [a, b]
        inner = await level(n - 1, path)
        return [n] + inner
    finally:
        path.append(f"leave {n}")


def drive(coro, answers, throw_at=None):
    out = []
    try:
        q = coro.send(None)
        i = 0
        while True:
            out.append(q)
            if throw_at is not None and i == throw_at:
                q = coro.throw(LookupError(f"thrown at {i}"))
            else:
                q = coro.send(answers[i])
            i += 1
    except StopIteration as e:
        return "returned", e.value, out
    except LookupError as e:
        return "raised", str(e), out


path = []
print(drive(level(3, path), ["A", "B"]))
print(path)
path = []
print(drive(level(2, path), ["A", "B"], throw_at=1))
print(path)


async def guarded(n):
    try:
        return await level(n, [])
    except LookupError as e:
        return f"guard caught {e}"


print(drive(guarded(4), ["x", "y"], throw_at=0))


async def fib(n):
    if n < 2:
        return await Ask(f"leaf {n}") if n == 1 else 0
    a = await fib(n - 1)
    b = await fib(n - 2)
    return a + b


questions = []
c = fib(6)
try:
    q = c.send(None)
    while True:
        questions.append(q)
        q = c.send(1)
except StopIteration as e:
    print("fib(6) =", e.value, "after", len(questions), "questions")


async def accumulate(items):
    total = 0
    for item in items:
        if isinstance(item, list):
            total += await accumulate(item)
        else:
            total += await Ask(item)
    return total


c = accumulate([1, [2, [3, 4]], [], 5])
asked = []
try:
    q = c.send(None)
    while True:
        asked.append(q)
        q = c.send(q * 10)
except StopIteration as e:
    print(asked, e.value)
