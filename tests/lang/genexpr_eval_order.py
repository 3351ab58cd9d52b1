# Generator expressions and comprehensions: what is evaluated when, and in
# which scope (the first iterable at once in the enclosing scope, the rest
# lazily inside the hidden function).
log = []

def src(name, items):
    log.append(f"iter {name}")
    return iter(items)

def pred(name, x):
    log.append(f"test {name}{x}")
    return x % 2 == 0

g = (x * y for x in src("outer", [1, 2]) for y in src("inner", [10, 20]) if pred("y", y))
print(log)
log.clear()
print(next(g), log)
log.clear()
print(list(g), log)

try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)

g2 = (1 / x for x in [1, 0])
print(next(g2))
try:
    next(g2)
except ZeroDivisionError as e:
    print("ZeroDivisionError on the second item:", e)
print(list(g2))

class Scope:
    values = [1, 2, 3]
    factor = 10
    first = [v for v in values]
    try:
        scaled = [v * factor for v in values]
    except NameError as e:
        err = str(e)
    pairs = [(a, b) for a in values for b in range(a)]
print(Scope.first, Scope.err, Scope.pairs)

def outer():
    items = [3, 1, 2]
    fns = [lambda: i for i in items]
    gens = (i * 2 for i in items)
    items.append(9)
    return [f() for f in fns], list(gens)
print(outer())

x = "global"
def shadow():
    x = "local"
    return [x for _ in range(1)], list(x for _ in range(1)), {x: x for _ in range(1)}
print(shadow())
print([x for x in range(3)], x)

it = iter(range(10))
pairs = list(zip(it, it))
print(pairs)
nested = [[j for j in range(i)] for i in range(4)]
print(nested, [y for row in nested for y in row if y])
print(sum(x * x for x in range(5)), max((len(w), w) for w in "a bb ccc bb".split()))
print(dict((k, v) for k, v in zip("abc", range(3))), sorted(set(c for c in "hello")), tuple(i for i in ()))

def gen_in_gen():
    return ((i, j) for i in range(3) for j in (i * 10 for _ in range(2)))
print(list(gen_in_gen()))

n = 3
g3 = (n * i for i in range(3))
n = 100
print(list(g3))

r = [lambda: k for k in range(3)]
print([f() for f in r], [(lambda k=k: k)() for k in range(3)])

walrus = [y := 5, y ** 2]
print(walrus, y)
print([last := v for v in range(4)], last)
def w():
    [inner := z for z in "ab"]
    return inner
print(w())
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print("SyntaxError", e.msg)

gen = (i for i in range(3))
print(gen.gi_frame is not None, gen.__name__, gen.__qualname__, next(gen), list(gen), gen.gi_frame)
try:
    next(gen)
except StopIteration:
    print("exhausted")

def agen_like():
    total = 0
    for v in (yield_v for yield_v in range(4)):
        total += v
        yield total
print(list(agen_like()))
