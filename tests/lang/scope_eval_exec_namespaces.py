# eval/exec namespaces: globals must be a dict, locals any mapping (anything
# subscriptable passes the check), __builtins__ inserted into globals, name
# lookup order locals -> globals -> builtins, and leading blanks in eval.

for f in (eval, exec):
    for args in (({}, 5), (None, 5), ({}, []), ({}, None), ([], None), (5, {})):
        try:
            print(f.__name__, f("1", *args))
        except TypeError as e:
            print(f.__name__, "TypeError", e)

g = {}
exec("x = 1", g)
print(sorted(g), g["x"], g["__builtins__"] is __builtins__ or type(g["__builtins__"]).__name__ in ("module", "dict"))


class Loud(dict):
    def __getitem__(self, key):
        print("lookup", key)
        return super().__getitem__(key)


print(eval("a + len('xy')", {"a": 1}, Loud(a=10)))


class Computed:
    def __getitem__(self, key):
        if key == "magic":
            return 42
        raise KeyError(key)


print(eval("magic + 1", {}, Computed()))
try:
    eval("nothing", {}, Computed())
except NameError as e:
    print("NameError", e)

# builtins come from globals['__builtins__']
custom = {"__builtins__": {"len": lambda x: "custom len"}}
print(eval("len([1, 2])", custom))
try:
    eval("abs(-1)", custom)
except NameError as e:
    print("NameError", e)

# leading spaces and tabs are dropped by eval, not by exec or compile
print(eval("   1 + 1"), eval("\t\t2 * 3"), eval(b"  7"), eval(bytearray(b" 8")))
for src in ("  x = 1", "\ty = 2"):
    try:
        exec(src, {})
    except IndentationError as e:
        print("IndentationError", e.msg)
try:
    compile("  1", "<c>", "eval")
except IndentationError as e:
    print("IndentationError", e.msg)

# eval of a code object compiled for exec returns None
code = compile("z = 5", "<c>", "exec")
ns = {}
print(eval(code, ns), ns["z"])
print(eval(compile("3 * 3", "<c>", "eval")))

# exec in a function does not create locals visible to later code
def f():
    exec("hidden = 1")
    try:
        return hidden
    except NameError as e:
        return "NameError " + str(e)


print(f())


# but it sees the function's locals through locals()
def g2():
    visible = 5
    return eval("visible * 2")


print(g2())

# bad sources
for src in (5, None, ["1"]):
    for fn in (eval, exec):
        try:
            fn(src)
        except TypeError as e:
            print(fn.__name__, "TypeError", e)
try:
    compile(5, "<c>", "exec")
except TypeError as e:
    print("compile TypeError", e)
try:
    compile("1", "<c>", "run")
except ValueError as e:
    print("ValueError", e)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.filename)
