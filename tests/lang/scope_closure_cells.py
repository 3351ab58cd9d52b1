# Closures: cells shared between closures, late binding in loops and the
# default-argument fix, nonlocal rebinding, cells of deleted variables,
# __closure__ and co_freevars/co_cellvars.

def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    def get():
        return count

    return inc, get


inc, get = counter()
inc()
inc()
print(get(), inc.__closure__[0] is get.__closure__[0], inc.__code__.co_freevars)
print(counter.__code__.co_cellvars, type(inc.__closure__[0]).__name__, inc.__closure__[0].cell_contents)

late = [lambda: i for i in range(3)]
bound = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in bound])


def loop_closures():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    i = "after"
    return [f() for f in fs]


print(loop_closures())


def unbound_free():
    def inner():
        return value
    try:
        inner()
    except NameError as e:
        print("NameError", e)
    value = 1
    print(inner())
    del value
    try:
        inner()
    except NameError as e:
        print("NameError", e)


unbound_free()


def unbound_local():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    x = 1


unbound_local()


def deep():
    a = 1

    def level1():
        b = 2

        def level2():
            nonlocal a
            a += 10
            return a + b

        return level2

    return level1(), lambda: a


l2, read_a = deep()
print(l2(), l2(), read_a())


# a parameter that is captured becomes a cell
def param_cell(p):
    def show():
        return p
    p = p * 2
    return show


print(param_cell(21)(), param_cell.__code__.co_cellvars)


# class bodies do not create closures for methods
def make_class():
    x = "enclosing"

    class K:
        x = "class body"

        def m(self):
            return x

        y = [x for _ in range(1)]

    return K


K = make_class()
print(K().m(), K.x, K.y)


# closures over loop variables of comprehensions are per-comprehension
fs = [(lambda: n) for n in range(3)]
print([f() for f in fs])

# cell_contents can be set
def holder():
    v = 1
    return lambda: v


h = holder()
h.__closure__[0].cell_contents = 99
print(h())
del h.__closure__[0].cell_contents
try:
    h()
except NameError as e:
    print("NameError", e)


# nonlocal declared but assigned only in a nested function
def shared_state():
    state = []

    def push(v):
        state.append(v)

    def reset():
        nonlocal state
        state = []

    push(1)
    reset()
    push(2)
    return state


print(shared_state())


# generators capture cells too
def gen_closure():
    k = 1

    def g():
        yield k
        yield k

    it = g()
    first = next(it)
    k = 2
    return first, next(it)


print(gen_closure())
print(h.__code__.co_freevars, holder.__code__.co_cellvars, len(inc.__closure__))
