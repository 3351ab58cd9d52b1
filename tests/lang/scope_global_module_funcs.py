# Tests module-level globals seen by functions: late binding of globals, rebinding functions at runtime, globals() dict mutation, functions capturing module state.

counter = 0
def increment():
    global counter
    counter += 1
    return counter

def read_counter():
    return counter

print(increment(), increment(), read_counter(), counter)
globals()["counter"] = 100
print(read_counter(), increment())
def greet():
    return "hello"
def caller():
    return greet()
print(caller())
def greet():
    return "rebound hello"
print(caller())
globals()["greet"] = lambda: "lambda via globals()"
print(caller())
def uses_undefined():
    return not_yet_defined
try:
    uses_undefined()
except NameError as e:
    print(type(e).__name__, e)
not_yet_defined = "now defined"
print(uses_undefined())
del not_yet_defined
try:
    uses_undefined()
except NameError as e:
    print(type(e).__name__, e)
def make_global(name, value):
    globals()[name] = value
make_global("dynamic_name", 42)
print(dynamic_name)
config = {"debug": False}
def toggle():
    config["debug"] = not config["debug"]
    return config["debug"]
print(toggle(), toggle(), config)
items = []
def add(x):
    items.append(x)
    return len(items)
print(add(1), add(2), items)
def rebind_items():
    global items
    items = ["fresh"]
rebind_items()
print(items, add(3), items)
print(sorted(k for k in globals() if k in ("counter", "greet", "dynamic_name", "config", "items")))
x = "module"
def shadow_param(x):
    return x
def shadow_local():
    x = "local"
    return x
def read_global_x():
    return x
print(shadow_param("param"), shadow_local(), read_global_x(), x)
