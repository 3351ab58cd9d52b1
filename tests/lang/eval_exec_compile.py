# Tests eval/exec/compile basics: globals/locals dicts, expression vs statement modes, return values, __builtins__ injection, syntax errors, code reuse.

print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}), eval("len('abc')"))
g = {}
print(exec("a = 1\nb = a + 1", g), g["a"], g["b"], "__builtins__" in g)
l = {}
exec("c = 10\nd = c * 2", {}, l)
print(sorted(l.items()))
code = compile("z = z * 2 if 'z' in dir() else 1", "<s>", "exec")
ns = {}
exec(code, ns); exec(code, ns); exec(code, ns)
print(ns["z"])
expr = compile("p ** 2", "<expr>", "eval")
print([eval(expr, {"p": i}) for i in range(5)], type(expr).__name__, expr.co_filename)
single = compile("42", "<single>", "single")
print(type(single).__name__)
for src, mode in [("1 +", "eval"), ("x = ", "exec"), ("a = 1", "eval"), ("return 5", "exec"), ("def f(:\n pass", "exec"),
                  ("1 = 2", "exec"), ("f() = 3", "exec"), ("del 5", "exec"), ("break", "exec"), ("yield 1", "exec"),
                  ("import", "exec"), ("(", "eval"), ("'unterminated", "eval"), ("1 if 2", "eval"), ("x ++ = 1", "exec")]:
    try:
        compile(src, "<test>", mode)
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno)
try:
    compile("x", "<s>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval("undefined_var")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(eval("  3 + 4  "), eval("\n5\n") if False else eval("5"), eval("[i for i in range(3)]"))
restricted = {"__builtins__": {}}
try:
    eval("len([1])", restricted)
except NameError as e:
    print(type(e).__name__, e)
print(eval("__builtins__ is not None", {}))
def make_func():
    ns = {}
    exec("def generated(a, b=2):\n    return a * b\n", ns)
    return ns["generated"]
fn = make_func()
print(fn(5), fn(5, 3), fn.__name__, fn.__module__ if hasattr(fn, "__module__") else None)
def exec_in_function():
    local_var = 1
    exec("local_var = 99\nnew_name = 5")
    return local_var
print(exec_in_function())
x = "global x"
def eval_sees():
    x = "local x"
    return eval("x"), eval("x", globals()), eval("x", None, {"x": "explicit"})
print(eval_sees())
print(eval("lambda q: q + 1")(1), eval("(yield_free := 3) * 2"), eval("f'{1+1}'"))
src = "total = 0\nfor i in range(5):\n    total += i\n"
ns2 = {}
exec(src, ns2)
print(ns2["total"])
print(eval(compile("1 + 1", "<c>", "eval", dont_inherit=True)), exec("pass") is None)
co = compile("a_var = 7", "<c>", "exec")
print(co.co_names, co.co_name)
class NS(dict):
    def __missing__(self, key):
        return f"<{key}>"
print(eval("foo + bar", {}, NS()))
try:
    exec("raise KeyError('from exec')", {})
except KeyError as e:
    print(type(e).__name__, e)
print(eval("1\n") if False else eval("(1,\n 2)"))
print(eval(b"10 * 10"), exec(b"pass"))
ns3 = {}
exec("class C:\n    attr = 5\n", ns3)
print(ns3["C"].attr, ns3["C"].__module__)
