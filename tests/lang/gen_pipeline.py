# Tests generator pipelines and state machines: chained stages, lazy evaluation order, early termination with close propagation, tokenizer state machine.

trace = []

def source(items):
    try:
        for it in items:
            trace.append(f"src {it}")
            yield it
    finally:
        trace.append("src closed")

def stage_map(fn, it):
    try:
        for x in it:
            trace.append(f"map {x}")
            yield fn(x)
    finally:
        trace.append("map closed")

def stage_filter(pred, it):
    for x in it:
        if pred(x):
            yield x

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

src = source(range(10))
mapped = stage_map(lambda v: v * 3, src)
pipe = take(2, stage_filter(lambda v: v % 2 == 0, mapped))
print(list(pipe))
print(trace)
trace.clear()
mapped.close()
print(trace)
src.close()
print(trace)
trace.clear()
s2 = source("ab")
p2 = stage_map(str, s2)
print(next(p2))
p2.close()
print(trace)
s2.close()
print(trace)

def tokenize(text):
    state = "start"
    buf = ""
    for ch in text + "\0":
        if state == "start":
            if ch.isdigit():
                state, buf = "num", ch
            elif ch.isalpha():
                state, buf = "word", ch
            elif ch in "+-*/()":
                yield ("op", ch)
        elif state == "num":
            if ch.isdigit() or ch == ".":
                buf += ch
            else:
                yield ("num", float(buf) if "." in buf else int(buf))
                state = "start"
                if ch in "+-*/()":
                    yield ("op", ch)
                elif ch.isalpha():
                    state, buf = "word", ch
        elif state == "word":
            if ch.isalnum() or ch == "_":
                buf += ch
            else:
                yield ("word", buf)
                state = "start"
                if ch in "+-*/()":
                    yield ("op", ch)

print(list(tokenize("x1 = 3.5*(y + 42) - z_2")))

def running_average():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

ra = running_average()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])

def chunked(it, n):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

print(list(chunked(range(7), 3)), list(chunked([], 2)))

def window(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
            win.pop(0)

print(list(window("abcde", 3)), list(window([1], 2)))

def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        nxt = []
        for g in gens:
            try:
                yield next(g)
                nxt.append(g)
            except StopIteration:
                pass
        gens = nxt

print(list(interleave("abc", [1, 2], (x for x in "XYZW"))))

def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1

pg = primes()
print([next(pg) for _ in range(12)])

def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1

print(list(collatz(27))[:10], len(list(collatz(27))), max(collatz(27)))
