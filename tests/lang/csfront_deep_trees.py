# Deep trees: compile() succeeds below the depth limit and raises
# RecursionError (or MemoryError/SyntaxError from the parser) beyond it.
def elif_chain(n):
    return "if a:\n    pass\n" + "".join("elif a%d:\n    pass\n" % i for i in range(n))

def plus_chain(n):
    return "x = " + "+".join(["a"] * n) + "\n"

def attr_chain(n):
    return "x = a" + ".b" * n + "\n"

def call_chain(n):
    return "x = f" + "()" * n + "\n"

def sub_chain(n):
    return "x = a" + "[0]" * n + "\n"

def continued(n):
    return "x = a \\\n" + "".join("+ a \\\n" for _ in range(n)) + "+ a\n"

def flat_literal(n):
    return "x = [" + ", ".join(str(i) for i in range(n)) + "]\n"

def flat_dict(n):
    return "x = {" + ", ".join("%d: (%d, [%d])" % (i, i, i) for i in range(n)) + "}\n"

def nested_lists(n):
    return "x = " + "[" * n + "]" * n + "\n"

def try_compile(name, src):
    try:
        code = compile(src, name, "exec")
        print(name, "ok", type(code).__name__)
    except RecursionError as e:
        print(name, "RecursionError", e)
    except (SyntaxError, MemoryError) as e:
        print(name, type(e).__name__, e)

# (6000 elifs: python3.11's parser runs out of stack, a MemoryError.)
for n in (10, 1000):
    try_compile("elif_chain_%d" % n, elif_chain(n))
for make in (plus_chain, attr_chain, call_chain, sub_chain, continued):
    for n in (10, 1000, 4000):
        try_compile("%s_%d" % (make.__name__, n), make(n))
for n in (10, 2000):
    try_compile("flat_literal_%d" % n, flat_literal(n))
    try_compile("flat_dict_%d" % n, flat_dict(n))
for n in (10, 150):
    try_compile("nested_lists_%d" % n, nested_lists(n))

# A module that compiled is also right: the elif chain picks its branch.
ns = {"a": 0}
ns.update(("a%d" % i, i == 700) for i in range(1000))
src = "if a:\n    r = -1\n" + "".join("elif a%d:\n    r = %d\n" % (i, i) for i in range(1000))
exec(compile(src, "e2", "exec"), ns)
print("branch:", ns["r"])
ns = {"a": 3}
exec(compile(plus_chain(1000), "p", "exec"), ns)
print("sum:", ns["x"])
ns = {"a": 5}
exec(compile(continued(1000), "c", "exec"), ns)
print("continued:", ns["x"])
