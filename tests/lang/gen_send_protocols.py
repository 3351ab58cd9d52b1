# Tests generators used as coroutines via send: priming decorator, two-way communication, averaging/filtering sinks, pipelines pushing data, close with result.

def coroutine(fn):
    def start(*a, **k):
        g = fn(*a, **k)
        next(g)
        return g
    return start

@coroutine
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)

@coroutine
def upper(target):
    while True:
        target.send((yield).upper())

@coroutine
def collector(store):
    try:
        while True:
            store.append((yield))
    except GeneratorExit:
        store.append("<closed>")

out = []
sink = collector(out)
pipe = grep("py", upper(sink))
for line in ["python rocks", "java", "pypy too", "c"]:
    pipe.send(line)
sink.close()
print(out)

@coroutine
def averager():
    total = count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except KeyError:
            total = count = 0
            avg = None
            continue
        total += value
        count += 1
        avg = total / count

av = averager()
print(av.send(10), av.send(20), av.send(60))
print(av.throw(KeyError), av.send(5))

def dialogue():
    name = yield "What is your name?"
    age = yield f"Hello {name}, how old are you?"
    yield f"{name} is {age}"

d = dialogue()
print(next(d))
print(d.send("Ada"))
print(d.send(36))
try:
    d.send("extra")
except StopIteration:
    print("dialogue finished")

def returns_on_close():
    received = []
    try:
        while True:
            received.append((yield))
    except GeneratorExit:
        return received

rc = returns_on_close()
next(rc)
rc.send(1)
rc.send(2)
print(rc.close())

def gen_with_state():
    state = {"count": 0}
    while True:
        cmd = yield state["count"]
        if cmd == "inc":
            state["count"] += 1
        elif cmd == "reset":
            state["count"] = 0
        elif cmd == "quit":
            return "quit with " + str(state["count"])

g = gen_with_state()
next(g)
print([g.send(c) for c in ["inc", "inc", "noop", "reset", "inc"]])
try:
    g.send("quit")
except StopIteration as e:
    print(e.value)
print(g.gi_frame, g.gi_running)
