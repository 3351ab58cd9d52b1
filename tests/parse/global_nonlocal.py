global a
global a, b, c
def f():
    global x, y
    def g():
        nonlocal z
        nonlocal p, q
