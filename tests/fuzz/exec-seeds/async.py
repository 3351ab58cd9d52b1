# A seed for fuzz_exec: coroutines, async generators, exception groups,
# nested functions with cells, chained comparisons, star calls, try/else.
async def agen(n):
    for i in range(n):
        yield i * 3

async def coro(n):
    out = []
    async for v in agen(n):
        out.append(v)
    return out

def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value

def cells(a):
    b = a + 1
    def inner(c):
        def innermost():
            return a + b + c
        return innermost
    return inner(b)()

def groups():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        first = repr(e.exceptions)
    except* TypeError:
        pass
    else:
        first = None
    return first

def chained(x):
    return 0 < x <= 10 != x, not x, -x, ~x, x if x else -1

def star(*a, **k):
    return a, sorted(k.items())

print(drive(coro(4)), cells(1), groups(), chained(5), star(*[1, 2], **{"z": 1, "a": 2}))
try:
    pass
except Exception:
    raise
else:
    print({**{"a": 1}, "b": 2}, [*range(3), *"ab"], (lambda *a: a)(1, 2))
