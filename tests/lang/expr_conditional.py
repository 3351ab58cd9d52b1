# Tests conditional expressions (x if c else y): laziness, nesting and associativity, in comprehensions/lambdas/arguments, precedence vs or/lambda.

calls = []
def v(tag, val):
    calls.append(tag)
    return val
print(v("t", 1) if v("c", True) else v("f", 2), calls)
calls.clear()
print(v("t", 1) if v("c", False) else v("f", 2), calls)
calls.clear()
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-5, 0, 5)])
print((1 if False else 2) + 10, 1 if False else 2 + 10, 1 if True else 2 + 10)
print(["even" if i % 2 == 0 else "odd" for i in range(4)], [i for i in range(6) if (i if i > 2 else 0)])
f = lambda x: x if x else "default"
print(f(0), f(5), f(""), f("s"))
print(max(1, 2) if True else min(1, 2), "a" if "" else "b" if [] else "c")
print(0 or 1 if False else 2, (0 or 1) if True else 2, 0 or (1 if False else 2))
x = 3
y = x * 2 if x > 2 else x / 2
print(y)
print(1 if 1 else 1 / 0, 1 / 0 if False else "safe")
res = (lambda: "l1") if False else (lambda: "l2")
print(res())
nested = "a" if x > 5 else ("b" if x > 2 else "c")
print(nested)
print({("k" if x else "j"): ("v" if not x else "w")}, [1, 2][0 if x else 1], (x if x > 10 else -x) ** 2)
def kw(**k):
    return k
print(kw(a=1 if x else 2, b="yes" if not x else "no"))
print(f"{'big' if x > 2 else 'small'}", "%s" % ("T" if x else "F"))
class C:
    attr = "class" if x else "none"
print(C.attr)
print(type(1 if True else 1.0).__name__, type(1 if False else 1.0).__name__)
print(not 1 if 0 else 2, (not 1) if 0 else 2)
g = (i if i % 2 else -i for i in range(5))
print(list(g))
