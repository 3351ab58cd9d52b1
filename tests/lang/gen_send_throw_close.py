# Tests generator send/throw/close: value flow, priming rules, exceptions thrown at the yield point, GeneratorExit handling, close semantics.

def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            print("  got", v)
    finally:
        print("  echo finally; received", received)

g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
g.close()
g.close()
try:
    g.send("c")
except StopIteration:
    print("send after close -> StopIteration")

g2 = echo()
try:
    g2.send("x")
except TypeError as e:
    print(type(e).__name__, e)
g2.close()

def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  caught inside:", e)
            yield "recovered"

c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("not caught"))
except KeyError as e:
    print("propagated", type(e).__name__, e)
try:
    next(c)
except StopIteration:
    print("generator finished after uncaught throw")

def throw_unstarted():
    print("  never printed")
    yield

t = throw_unstarted()
try:
    t.throw(RuntimeError("early"))
except RuntimeError as e:
    print("throw before start:", e)

c2 = catcher()
next(c2)
print(c2.throw(ValueError))
print(c2.throw(ValueError, ValueError("instance form")) if False else c2.send(None))

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  got GeneratorExit, yielding anyway")
        yield 2

ig = ignores_exit()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  cleanup then return")
        return "ignored value"

r = returns_on_exit()
next(r)
print(r.close())

def raises_on_exit():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")

re_ = raises_on_exit()
next(re_)
try:
    re_.close()
except ValueError as e:
    print("close raised", e)

def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

acc = accumulate()
next(acc)
for v in [1, 2, 3]:
    print(acc.send(v), end=" ")
try:
    acc.send(None)
except StopIteration as e:
    print("\nfinal", e.value)

def closing_unstarted():
    try:
        yield
    finally:
        print("  not printed: never started")

cu = closing_unstarted()
cu.close()
print("closed unstarted")

def throw_returns():
    try:
        yield 1
    except KeyError:
        return "returned from handler"

tr = throw_returns()
next(tr)
try:
    tr.throw(KeyError)
except StopIteration as e:
    print("StopIteration.value =", e.value)

def coroutine_like():
    result = []
    while True:
        item = yield
        if item == "stop":
            break
        result.append(item.upper())
    yield result

co = coroutine_like()
next(co)
co.send("a")
co.send("b")
print(co.send("stop"))
def send_to_finished():
    yield 1
sf = send_to_finished()
list(sf)
try:
    sf.throw(ValueError("after finish"))
except ValueError as e:
    print("throw into finished raises it:", e)
