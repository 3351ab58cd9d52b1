# Tests yield from: delegation of values, send/throw/close forwarding, return value of subgenerator, delegating to iterables and nested chains.

def sub():
    print("  sub start")
    x = yield "s1"
    print("  sub got", x)
    y = yield "s2"
    print("  sub got", y)
    return f"sub-result({x},{y})"

def outer():
    r = yield from sub()
    print("  outer got return", r)
    yield "o-after"
    return "outer-done"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("outer returned", e.value)

def from_iterables():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from (x * 10 for x in range(2))
    yield from {"k": 1}
    r = yield from []
    yield r

print(list(from_iterables()))

def catching_sub():
    try:
        yield 1
    except ValueError as e:
        print("  sub caught", e)
        yield "sub recovered"
    yield 2

def delegator():
    yield from catching_sub()
    yield "delegator continues"

d = delegator()
print(next(d), d.throw(ValueError("via outer")), next(d), next(d))

def closing_sub():
    try:
        yield 1
        yield 2
    finally:
        print("  sub finally on close")

def closing_outer():
    try:
        yield from closing_sub()
    finally:
        print("  outer finally on close")

co = closing_outer()
next(co)
co.close()

def not_caught_sub():
    yield 1

def outer_catches():
    try:
        yield from not_caught_sub()
    except KeyError as e:
        yield f"outer caught {e}"

oc = outer_catches()
next(oc)
print(oc.throw(KeyError("k")))

def chain(n):
    if n == 0:
        yield "bottom"
        return 0
    got = yield from chain(n - 1)
    yield f"level {n}"
    return got + n

def run_chain():
    total = yield from chain(3)
    yield f"total {total}"

print(list(run_chain()))

class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n

def from_custom():
    r = yield from It()
    yield ("return", r)

fc = from_custom()
print(next(fc), next(fc), next(fc))
fc2 = from_custom()
next(fc2)
try:
    fc2.send("x")
except AttributeError as e:
    print(type(e).__name__, e)

def yf_non_iterable():
    yield from 5

try:
    next(yf_non_iterable())
except TypeError as e:
    print(type(e).__name__, e)

def stop_value_sub():
    return (yield "only")

def get_value():
    v = yield from stop_value_sub()
    yield v

gv = get_value()
print(next(gv), gv.send("sent through"))

def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x

print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))

def gen_exit_forward():
    def inner():
        try:
            yield
        except GeneratorExit:
            print("  inner saw GeneratorExit")
            raise
    yield from inner()

ge = gen_exit_forward()
next(ge)
ge.close()
print("done")
