# global and nonlocal: rebinding across scopes, class bodies, comprehension
# scopes, and the compile-time SyntaxErrors for misplaced declarations.

g = "module g"


def set_global():
    global g, fresh
    g = "set by function"
    fresh = "created"


set_global()
print(g, fresh)


def read_then_global():
    def inner():
        global g
        return g
    g = "local shadow"
    return inner(), g


print(read_then_global())


class Body:
    global g
    g = "set in class body"
    local_attr = g


print(g, Body.local_attr, hasattr(Body, "g"))


def nonlocal_in_class():
    v = "fn"

    class K:
        nonlocal v
        v = "changed by class"

    return v


print(nonlocal_in_class())


def comprehension_scopes():
    total = 10
    squares = [total + i for i in range(3)]
    return squares, [total for total in range(2)], total


print(comprehension_scopes())

errors = [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n",
    "nonlocal x\n",
    "def f():\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "def f(a):\n    def g():\n        global a\n        nonlocal a\n",
    "class C:\n    nonlocal y\n",
    "def f():\n    global x\n    nonlocal x\n",
    "def f(a):\n    nonlocal a\n",
]
for src in errors:
    try:
        compile(src, "<scope>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.lineno)


def walrus_scope():
    data = [1, 2, 3]
    if any((hit := x) > 1 for x in data):
        return hit
    return None


print(walrus_scope())
try:
    compile("[i := 0 for i in range(3)]", "<w>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    compile("class C:\n    [y := 1 for _ in range(1)]\n", "<w>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg)


def counter_factory():
    count = 0

    def bump(n=1):
        nonlocal count
        count += n
        return count

    return bump


b1, b2 = counter_factory(), counter_factory()
print(b1(), b1(5), b2(), b1())


# global in a nested function refers to the module even if the enclosing
# function has a local of that name
def enclosing():
    g = "enclosing local"

    def nested():
        global g
        g = "from nested"

    nested()
    return g


print(enclosing(), g)


# del of a global through a declaration
def delete_global():
    global fresh
    del fresh


delete_global()
print("fresh" in globals())
try:
    delete_global()
except NameError as e:
    print("NameError", e)

# exec with separate globals and locals behaves like a class body
ns_g, ns_l = {}, {}
exec("a = 1\ndef f():\n    return a\n", ns_g, ns_l)
try:
    ns_l["f"]()
except NameError as e:
    print("NameError", e)
print(sorted(ns_l), "a" in ns_g)
