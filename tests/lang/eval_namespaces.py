# Tests exec/eval namespace behaviour: function definitions see exec globals, classes in exec, separate locals mapping, builtins lookup, name resolution failures.

g = {"scale": 3}
exec("def mul(x):\n    return x * scale\nresult = mul(5)", g)
print(g["result"], g["mul"](2))
g["scale"] = 10
print(g["mul"](2))
l = {}
exec("def f():\n    return 'from f'\nval = f()", {}, l)
print(sorted(l), l["val"])
gl, lo = {}, {}
exec("x = 1\ndef uses_x():\n    return x", gl, lo)
try:
    lo["uses_x"]()
except NameError as e:
    print("separate locals:", type(e).__name__, e)
ns = {}
exec("class K:\n    a = 1\n    b = a + 1\n    def m(self):\n        return self.b\n", ns)
print(ns["K"].b, ns["K"]().m())
print(eval("[x * y for x in range(3) for y in range(2)]", {}))
try:
    eval("[q for _ in range(1)]", {}, {"q": "local only"})
except NameError as e:
    print("comprehension cannot see eval locals:", e)
print(eval("q", {}, {"q": "direct access works"}))
class Logging(dict):
    def __getitem__(self, k):
        print("  lookup", k)
        return super().__getitem__(k)
print(eval("a + b", {}, Logging(a=1, b=2)))
code = compile("counter += 1", "<inc>", "exec")
state = {"counter": 0}
for _ in range(3):
    exec(code, state)
print(state["counter"])
custom_builtins = {"len": lambda x: "fake len"}
print(eval("len([1, 2])", {"__builtins__": custom_builtins}))
print(eval("abs(-1)", {"__builtins__": __builtins__}))
def scope_test():
    local_v = "function local"
    return eval("local_v"), eval("local_v + '!'", {"local_v": "global arg"})
print(scope_test())
src = """
total = 0
for i in range(4):
    total += i
def helper():
    return total * 2
answer = helper()
"""
ns2 = {}
exec(src, ns2)
print(ns2["total"], ns2["answer"], sorted(k for k in ns2 if not k.startswith("__")))
try:
    exec("import nonexistent_module_xyz", {})
except ImportError as e:
    print(type(e).__name__, e)
print(eval("__name__", {"__name__": "custom"}), eval("__name__", {}) if False else "skip")
