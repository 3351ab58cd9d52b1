# Tests global and nonlocal declarations: rebinding module names, UnboundLocalError, global in nested functions, nonlocal chains.

g = 1

def read_global():
    return g

def write_global():
    global g
    g = 2

def local_shadow():
    g = 3
    return g

def unbound():
    try:
        print(g)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    g = 4

print(read_global(), local_shadow(), g)
write_global()
print(g)
unbound()

def create_global():
    global brand_new
    brand_new = "created"

try:
    print(brand_new)
except NameError as e:
    print(type(e).__name__, e)
create_global()
print(brand_new)

def nested_global():
    x = "local"
    def inner():
        global x
        x = "global-x"
        return x
    inner()
    return x

print(nested_global(), x)

def del_global():
    global g
    del g

del_global()
try:
    print(g)
except NameError as e:
    print(type(e).__name__, e)

def nonlocal_skip():
    v = "outer"
    def mid():
        def inner():
            nonlocal v
            v = "changed by inner"
        inner()
    mid()
    return v

print(nonlocal_skip())

def nonlocal_nearest():
    v = 1
    def mid():
        v = 2
        def inner():
            nonlocal v
            v += 100
        inner()
        return v
    return mid(), v

print(nonlocal_nearest())

def augmented_unbound():
    counter = 0
    def bump():
        try:
            counter += 1
        except UnboundLocalError as e:
            return f"{type(e).__name__}: {e}"
    return bump()

print(augmented_unbound())

for src in ["def f():\n    nonlocal q\n", "def f():\n    x = 1\n    global x\n", "nonlocal z\n",
            "def f(a):\n    global a\n", "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)

counter = 0
def incr():
    global counter
    counter += 1
for _ in range(5):
    incr()
print(counter)

def loop_var_global():
    global lv
    for lv in range(3):
        pass

loop_var_global()
print(lv)

class Holder:
    global from_class
    from_class = "set in class body"
    y = 1

print(from_class, hasattr(Holder, "from_class"))

def exec_scopes():
    ns = {}
    exec("a = 1\nglobal b\nb = 2", ns)
    return ns["a"], ns["b"]

print(exec_scopes())
