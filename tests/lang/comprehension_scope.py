# Tests comprehension scoping: loop variables do not leak, class-body scope rules, closures over loop vars, walrus binding to enclosing scope.

x = "outer"
lst = [x for x in range(3)]
print(x, lst)
gen = (x for x in "ab")
print(x, list(gen))
y = 10
print([y for _ in range(2)], [y + i for i in range(2)])
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
print([(n := i * 2) for i in range(3)], n)
def f():
    total = 0
    vals = [total := total + v for v in range(5)]
    return total, vals
print(f())
def g():
    [last := c for c in "xyz"]
    return last
print(g())

class C:
    a = 5
    b = [a for _ in range(2)] if False else None
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [a + v for v in vals]
    except NameError as e:
        err = f"{type(e).__name__}: {e}"
    first_iter_ok = [v for v in vals if v > 1]
    pairs = [(p, q) for p in range(2) for q in range(2)]

print(C.doubled, C.err, C.first_iter_ok, C.pairs)

class D:
    n = 3
    r = list(range(n))
    nested = [[j for j in range(i)] for i in range(n)]

print(D.r, D.nested)
def outer():
    items = []
    k = 100
    res = [k + j for j in range(3)]
    k = 200
    lazy = (k + j for j in range(3))
    k = 300
    return res, list(lazy)
print(outer())
def outer2():
    data = [1, 2, 3]
    g = (v * 2 for v in data)
    data = [10, 20]
    return list(g)
print(outer2())
def outer3():
    data = [1, 2, 3]
    g = (v * w for v in data for w in data)
    data = [10]
    return list(g)
print(outer3())
try:
    print([undefined_in_comp for _ in range(1)])
except NameError as e:
    print(type(e).__name__, e)
i = "keep"
[i for i in range(5)]
print(i)
for j in range(3):
    pass
print(j)
res = [[w for w in range(v)] for v in range(3)]
print(res)
print({k: [k for k in range(k)] for k in range(3)})
def h():
    return [locals_count for locals_count in range(2)]
print(h())
z = 5
print([z for z in range(z)])
print([[z for z in range(z)] for z in range(3)])
def make():
    return [lambda: v for v in range(2)], [lambda v=v: v for v in range(2)]
a, b = make()
print([fn() for fn in a], [fn() for fn in b])
