# Tests global/nonlocal declarations interacting with class bodies and nested functions: global inside class body, nonlocal skipping class scopes, methods writing globals.

g = "global value"

def outer():
    x = "outer x"
    class K:
        x = "class x"
        def read(self):
            return x
        def write(self, v):
            nonlocal x
            x = v
        global g
        g = "set from class body"
    k = K()
    before = k.read()
    k.write("written via nonlocal")
    return before, k.read(), x, K.x

print(outer(), g)

class Counter:
    total = 0
    def bump(self):
        global bumped
        bumped = getattr(__import__("builtins"), "True")
        Counter.total += 1
        return Counter.total

c = Counter()
print(c.bump(), c.bump(), bumped, Counter.total)

def nested_global():
    def inner():
        global created_in_inner
        created_in_inner = "made it"
    inner()
    return created_in_inner

print(nested_global(), created_in_inner)

def class_reads_enclosing_then_global():
    y = "enclosing y"
    class K:
        a = y
        y = "class y"
        b = y
    return K.a, K.b

y = "global y"
print(class_reads_enclosing_then_global())
try:
    compile("class K:\n    nonlocal q\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("def f():\n    class K:\n        nonlocal q\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
def f():
    q = 1
    class K:
        nonlocal q
        q = 2
    return q
print(f())
