# Tests closures: late binding, shared cells between closures, nonlocal rebinding, closures outliving their frame, nested levels.

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc()
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get())

def adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]

early, late = adders()
print([f(10) for f in early], [f(10) for f in late])

def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x
        return inner
    f = middle()
    x = "rebound"
    return f()

print(outer())

def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            nonlocal a, b
            a += 10
            b += 20
            return a, b
        return level3
    f3 = level2()
    r1 = f3()
    r2 = f3()
    return r1, r2, a

print(level1())

def cell_before_assign():
    def show():
        return value
    try:
        show()
    except NameError as e:
        print(type(e).__name__, e)
    value = 5
    return show()

print(cell_before_assign())

def deleted_cell():
    v = 1
    def show():
        return v
    del v
    try:
        return show()
    except NameError as e:
        return f"{type(e).__name__}: {e}"

print(deleted_cell())

def accumulate():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add

acc = accumulate()
print(acc(1), acc(2), acc(3))
print(acc.__closure__ is not None, len(acc.__closure__), acc.__closure__[0].cell_contents)
print(make_counter.__closure__, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)

def param_closure(p):
    def f():
        return p
    p = p * 2
    return f

print(param_closure(4)())

def loop_closures():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    gs = []
    for j in range(3):
        gs.append(lambda: j)
    return [f() for f in fs], [g() for g in gs]

print(loop_closures())

def shared():
    x = 0
    def a():
        nonlocal x
        x += 1
        return x
    def b():
        nonlocal x
        x *= 10
        return x
    return a, b

a, b = shared()
print(a(), b(), a(), b())

def class_in_closure():
    val = "from function"
    class Inner:
        attr = val
        def meth(self):
            return val
    return Inner

I = class_in_closure()
print(I.attr, I().meth())

def recursive_closure():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

print(recursive_closure()(10))
