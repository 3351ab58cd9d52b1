# Tests generator expressions: laziness, single-use, first iterable evaluated eagerly, exceptions, as sole call argument, send on genexpr.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

log = []
def src():
    log.append("src called")
    for i in range(3):
        log.append(f"yield {i}")
        yield i
g = (x * 10 for x in src())
print(log)
print(next(g), log)
print(list(g), log)
print(list(g))
try:
    h = (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
h2 = (1 / x for x in [1, 0])
print(next(h2))
show("div by zero lazily", lambda: next(h2))
show("after exception", lambda: next(h2))
print(sum(x for x in range(5)), "".join(c for c in "abc" if c != "b"), sorted((x for x in [3, 1]), reverse=True))
g2 = (x for x in range(3))
print(type(g2).__name__, iter(g2) is g2, next(g2), g2.send(None), list(g2))
g3 = (x for x in range(3))
show("send non-None first", lambda: g3.send(1))
g4 = (x for x in range(3))
print(next(g4))
g4.close()
show("next after close", lambda: next(g4))
g5 = (x for x in range(3))
show("throw", lambda: g5.throw(ValueError("thrown")))
show("next after throw", lambda: next(g5))
nested = ((i, j) for i in range(2) for j in (y for y in range(i + 1)))
print(list(nested))
def lazy_second():
    log2 = []
    def inner(tag):
        log2.append(tag)
        return range(2)
    g = (a + b for a in inner("first") for b in inner("second"))
    before = list(log2)
    list(g)
    return before, log2
print(lazy_second())
big = (i for i in range(10 ** 9))
print(next(big), next(big), any(i > 5 for i in big))
print(list(zip((i for i in range(3)), (c for c in "abcd"))))
print(max((len(w), w) for w in "a bb ccc".split()), min(x for x in [2, 1, 3]))
print(dict((k, k * 2) for k in range(3)), set(x % 2 for x in range(5)) == {0, 1})
g6 = (x for x in [1, 2])
print(g6.gi_running, g6.__name__, g6.__qualname__.endswith("<genexpr>"))
print(list(x for x in []), tuple(x for x in ()), list(y for y in "q" if y))
