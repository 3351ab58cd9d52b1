def f():
    return 1, 2
def g():
    return (1, 2)
def h():
    return *a, *b
for x in 1, 2:
    pass
