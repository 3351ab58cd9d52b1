# Tests lambdas: defaults, varargs, closures, immediately-invoked, in data structures, conditional expressions, __name__.

sq = lambda x: x * x
add = lambda a, b=10: a + b
va = lambda *a, **k: (a, sorted(k))
kw = lambda *, k=1: k
po = lambda a, /, b: a - b
print(sq(5), add(1), add(1, 2), va(1, 2, z=3), kw(), kw(k=9), po(10, b=3))
print((lambda: "iife")(), (lambda x, y: x ** y)(2, 8), (lambda *a: len(a))(*range(7)))
print(sq.__name__, sq.__qualname__, (lambda: 0).__name__, sq.__doc__)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
classify = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([classify(n) for n in (-2, 0, 5)])
pairs = [(1, "b"), (2, "a"), (0, "c")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]))
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda v: x(x)(v)))
fact = Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))
print(fact(10))
acc = []
side = lambda v: acc.append(v) or v
print(side(1), side(2), acc)
nested_default = lambda x, f=lambda y: y * 2: f(x)
print(nested_default(21))
print((lambda: (yield))().__class__.__name__ if False else "skip")
gen_lam = lambda: (yield 1)
g = gen_lam()
print(type(g).__name__, next(g))
t = lambda: (1, 2)
print(t(), (lambda x: [x] * 3)("r"))
walrus_lam = lambda v: (w := v * 2) + w
print(walrus_lam(5))
print(list(map(lambda x, y: x + y, "abc", "xyz")), list(filter(lambda s: len(s) > 1, ["a", "bb", "ccc"])))
fs = {}
for name in ["a", "b"]:
    fs[name] = lambda name=name: name.upper()
print(fs["a"](), fs["b"]())
class K:
    f = lambda self: "method " + type(self).__name__
    g = staticmethod(lambda: "static")
print(K().f(), K.g(), K().g(), K.f.__qualname__)
