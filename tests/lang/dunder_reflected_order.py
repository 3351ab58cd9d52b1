# Tests precise operator dispatch order: subclass reflected-first rule, NotImplemented chains, comparison reflection (__lt__ <-> __gt__), __eq__ fallback to identity.

log = []

def mk(name, base=object, ops=()):
    ns = {}
    for op in ops:
        def f(self, other, op=op):
            log.append(f"{name}.{op}")
            return NotImplemented if getattr(self, "ni", False) else f"{name}.{op}"
        ns[op] = f
    return type(name, (base,), ns)

A = mk("A", ops=["__add__", "__radd__", "__lt__", "__gt__", "__eq__"])
B = mk("B", A, ops=["__radd__", "__gt__", "__eq__"])
C = mk("C", ops=["__add__", "__radd__", "__lt__", "__gt__"])

def run(expr, **env):
    log.clear()
    try:
        r = eval(expr, {}, env)
    except TypeError as e:
        r = f"TypeError: {e}"
    print(f"{expr:10} -> {r!s:12} {log}")

a, b, c = A(), B(), C()
run("a + b", a=a, b=b)
run("b + a", a=a, b=b)
run("a + c", a=a, c=c)
run("c + a", a=a, c=c)
run("a < b", a=a, b=b)
run("b < a", a=a, b=b)
run("a < c", a=a, c=c)
run("c > a", a=a, c=c)
run("a == b", a=a, b=b)
run("b == a", a=a, b=b)
run("a == c", a=a, c=c)
run("c == a", a=a, c=c)
a.ni = True
run("a + c", a=a, c=c)
c.ni = True
run("a + c", a=a, c=c)
run("a < c", a=a, c=c)
run("a == c", a=a, c=c)
run("a != c", a=a, c=c)
run("a == a", a=a)
b.ni = True
run("a + b", a=a, b=b)
run("1 + c", c=c)
run("c + 1", c=c)
class SubInt(int):
    def __radd__(self, o):
        log.append("SubInt.__radd__")
        return "SubInt wins"
    def __lt__(self, o):
        log.append("SubInt.__lt__")
        return "SubInt.__lt__"
    def __gt__(self, o):
        log.append("SubInt.__gt__")
        return "SubInt.__gt__"
run("1 + s", s=SubInt(2))
run("1 < s", s=SubInt(2))
run("s < 1", s=SubInt(2))
run("1.5 + s", s=SubInt(2))
