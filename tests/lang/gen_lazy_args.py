# Tests when generator-function arguments and bodies are evaluated: arguments at call time, body on first next(), default args at def time, closures over loop variables.

log = []
def arg(tag):
    log.append(f"arg {tag}")
    return tag

def gen(a, b=arg("default")):
    log.append(f"body starts a={a} b={b}")
    yield a
    log.append("after first yield")
    yield b

print(log)
g = gen(arg("x"))
print(log)
print(next(g), log)
print(next(g), log)
log.clear()
gens = [gen(i) for i in range(3)]
print(log, [next(x) for x in gens])
log.clear()
def counter_gen():
    n = 0
    while True:
        received = yield n
        n += received if received is not None else 1
c = counter_gen()
print([next(c), next(c), c.send(10), next(c)])
def capture_loop():
    gs = []
    for i in range(3):
        def g(i=i):
            yield i
        gs.append(g())
    late = []
    for j in range(3):
        late.append((j for _ in range(1)))
    return [next(x) for x in gs], [next(x) for x in late]
print(capture_loop())
def genexpr_first_iter():
    src = [1, 2, 3]
    g = (x * 10 for x in src)
    src = [100]
    return list(g)
print(genexpr_first_iter())
def genexpr_condition_late():
    limit = 2
    g = (x for x in range(5) if x < limit)
    limit = 4
    return list(g)
print(genexpr_condition_late())
def exception_in_args():
    try:
        g = gen(1 / 0)
    except ZeroDivisionError:
        return "raised at call time, before any next()"
print(exception_in_args())
def exception_in_body():
    def bad():
        raise ValueError("only on first next")
        yield
    g = bad()
    try:
        next(g)
    except ValueError as e:
        return f"created fine, raised later: {e}"
print(exception_in_body())
