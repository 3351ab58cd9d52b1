# Tests generator functions: lazy execution, state between yields, StopIteration, return values, generator attributes, reuse errors.

def counter(n):
    print("  start")
    i = 0
    while i < n:
        print(f"  yielding {i}")
        yield i
        i += 1
    print("  end")
    return "done"

g = counter(2)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value)
print(list(counter(3)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])

def empty():
    return
    yield

def empty2():
    if False:
        yield

print(list(empty()), list(empty2()), type(empty()).__name__)

def yield_expr_value():
    x = yield
    print("  received", x)

g2 = yield_expr_value()
print(next(g2))
try:
    next(g2)
except StopIteration:
    print("stopped; sent value was None")

def gen_with_return_value():
    yield 1
    return [1, 2]

def collect(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as e:
            return items, e.value

print(collect(gen_with_return_value()))

def running_check():
    yield gen_self.gi_running

gen_self = running_check()
print(gen_self.gi_running, next(gen_self), gen_self.gi_running)

def self_next():
    yield next(me)

me = self_next()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

def stop_inside():
    yield 1
    raise StopIteration("manual")

try:
    list(stop_inside())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def gen_frame():
    yield 1

gf = gen_frame()
print(gf.gi_frame is not None, gf.gi_code.co_name)
list(gf)
print(gf.gi_frame)

def infinite_squares():
    n = 0
    while True:
        n += 1
        yield n * n

for sq in infinite_squares():
    if sq > 50:
        break
    print(sq, end=" ")
print()

def pipeline():
    nums = (i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    squares = (e * e for e in evens)
    return list(squares)

print(pipeline())

def gen_in_class():
    class It:
        def __iter__(self):
            yield from range(3)
            yield "end"
    return list(It())

print(gen_in_class())

def multi_yield_per_line():
    yield 1; yield 2
    x = (yield 3) or "default"
    yield x

print(list(multi_yield_per_line()))
g3 = counter(1)
print(iter(g3) is g3, hasattr(g3, "send"), hasattr(g3, "throw"), hasattr(g3, "close"))
