# Tests higher-order functions written by hand: compose, partial application, currying, memoization, function tables, callbacks with state.

def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed

inc = lambda x: x + 1
dbl = lambda x: x * 2
sq = lambda x: x * x
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose(sq, inc, dbl)(3), compose()(7))

def partial(fn, *bound, **bound_kw):
    def wrapper(*args, **kw):
        return fn(*bound, *args, **{**bound_kw, **kw})
    return wrapper

def power(base, exp, *, mod=None):
    return pow(base, exp, mod) if mod else base ** exp

square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(7), two_to(10), two_to(10, mod=1000), partial(power, 3, 3, mod=5)())

def curry(fn, arity):
    def curried(*args):
        if len(args) >= arity:
            return fn(*args)
        return lambda *more: curried(*args, *more)
    return curried

add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))

def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper

@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)

print(paths(10, 10), len(paths.cache))
dispatch = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "max": max, "pow": pow}
print({name: fn(7, 3) for name, fn in dispatch.items()})

def make_accumulator():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add

acc = make_accumulator()
print([acc(x) for x in [1, 2, 3, 4]])

def apply_n(f, n):
    def g(x):
        for _ in range(n):
            x = f(x)
        return x
    return g

print(apply_n(dbl, 10)(1), apply_n(lambda s: s + "!", 3)("hi"), apply_n(inc, 0)(5))

def reduce_(fn, items, init):
    acc = init
    for it in items:
        acc = fn(acc, it)
    return acc

print(reduce_(lambda a, b: a * b, range(1, 11), 1), reduce_(lambda a, b: b + a, "abc", ""), reduce_(max, [3, 9, 2], 0))
callbacks = []
def on(event):
    def register(fn):
        callbacks.append((event, fn))
        return fn
    return register

@on("start")
def started():
    return "started!"

@on("stop")
def stopped():
    return "stopped!"

print([(ev, fn()) for ev, fn in callbacks])
print(list(map(compose(str, sq), range(4))), sorted(["b", "A", "c"], key=compose(str.lower, str.strip)))
def flip(f):
    return lambda a, b: f(b, a)
print(flip(pow)(2, 10), flip(lambda a, b: a - b)(1, 10))
