# Tests closure cells at the language level: __closure__ contents, cell_contents after rebinding, empty cells raising ValueError, co_freevars/co_cellvars names.

def outer():
    a = 1
    b = "two"
    def inner():
        return a, b
    a = 10
    return inner

f = outer()
print(f(), f.__code__.co_freevars, [c.cell_contents for c in f.__closure__], outer.__code__.co_cellvars)

def empty_cell():
    def inner():
        return later
    cells = inner.__closure__
    try:
        cells[0].cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    later = "bound now"
    return cells[0].cell_contents

print(empty_cell())

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
c(); c()
cell = c.__closure__[0]
print(cell.cell_contents)
cell.cell_contents = 100
print(c(), cell.cell_contents)
print(counter.__closure__, (lambda: 0).__closure__, len(outer().__closure__))

def shared_cells():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_

g, s = shared_cells()
s(42)
print(g(), g.__closure__[0] is s.__closure__[0], g.__closure__[0].cell_contents)

def nested_levels():
    level1 = "L1"
    def mid():
        level2 = "L2"
        def inner():
            return level1 + level2
        return inner
    return mid()

ni = nested_levels()
print(ni(), ni.__code__.co_freevars, sorted(c.cell_contents for c in ni.__closure__))

def class_cell():
    class K:
        def m(self):
            return __class__
    return K

K = class_cell()
print(K().m() is K, K.m.__code__.co_freevars, K.m.__closure__[0].cell_contents is K)
import types
cell = types.CellType(5)
print(cell.cell_contents, type(cell).__name__)
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
