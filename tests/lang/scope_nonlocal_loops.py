# Tests closures created in loops and nonlocal state machines: late binding of loop vars, default-arg capture, per-iteration cells via factory, generators capturing.

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]

def default_capture():
    return [f() for f in [lambda i=i: i for i in range(3)]]

def factory_capture():
    def make(i):
        return lambda: i
    return [make(i)() for i in range(3)]

def while_capture():
    fs = []
    i = 0
    while i < 3:
        fs.append(lambda: i)
        i += 1
    return [f() for f in fs]

print(late(), default_capture(), factory_capture(), while_capture())

def state_machine():
    state = "idle"
    transitions = []
    def send(event):
        nonlocal state
        table = {("idle", "start"): "running", ("running", "pause"): "paused", ("paused", "start"): "running", ("running", "stop"): "idle"}
        new = table.get((state, event))
        transitions.append((state, event, new))
        if new:
            state = new
        return state
    return send, transitions

send, transitions = state_machine()
print([send(e) for e in ["start", "pause", "stop", "start", "stop", "bogus"]])
print(transitions[-2:])

def counters():
    made = []
    for name in "ab":
        count = 0
        def inc(name=name):
            nonlocal count
            count += 1
            return f"{name}{count}"
        made.append(inc)
    return made

c1, c2 = counters()
print(c1(), c1(), c2(), c1())

def gen_capture():
    gens = [(x * m for x in range(3)) for m in range(3)]
    return [list(g) for g in gens]

print(gen_capture())

def nested_nonlocal():
    x = 0
    def a():
        nonlocal x
        x += 1
        def b():
            nonlocal x
            x *= 10
            return x
        return b()
    return a(), a(), x

print(nested_nonlocal())

def loop_rebind_closure():
    results = []
    for i in range(3):
        def show():
            return i
        results.append(show)
        i = i * 100
    return [f() for f in results]

print(loop_rebind_closure())

def cells_shared_by_class():
    v = "first"
    class C:
        def get(self):
            return v
    obj = C()
    v = "second"
    return obj.get()

print(cells_shared_by_class())
