def f():
    global x
    x = 1
    if x:
        global y
        y = 2
class C:
    global z
    z = 3
