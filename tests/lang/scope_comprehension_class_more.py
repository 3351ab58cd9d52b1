# Tests comprehension scoping inside class bodies more deeply: first iterable sees class names, conditions/other iterables do not, nested functions and lambdas in class bodies.

class A:
    n = 3
    items = [1, 2, 3]
    first_iter_only = [x for x in items]
    ranged = [i for i in range(n)]
    try:
        cond = [x for x in items if x < n]
    except NameError as e:
        cond = f"NameError: {e}"
    try:
        second = [x + y for x in items for y in items]
    except NameError as e:
        second = f"NameError: {e}"
    try:
        nested_iter = [x for x in range(1) for y in items]
    except NameError as e:
        nested_iter = f"NameError: {e}"
    lam = lambda self: n if False else self.n
    gen_len = len(list(x for x in items))
    dct = {k: 0 for k in items}

print(A.first_iter_only, A.ranged, A.cond, A.second, A.nested_iter, A().lam(), A.gen_len, A.dct)

n = "global n"
class B:
    n = "class n"
    via_comp = [n for _ in range(1)]
    via_lambda = (lambda: n)()
    direct = n
    def method(self):
        return n

print(B.via_comp, B.via_lambda, B.direct, B().method())

def outer():
    n = "enclosing n"
    class C:
        n = "class n"
        via_comp = [n for _ in range(1)]
        via_lambda = (lambda: n)()
        direct = n
    return C.via_comp, C.via_lambda, C.direct

print(outer())

class D:
    values = [1, 2, 3]
    total = sum(v for v in values)
    doubled = list(map(lambda v: v * 2, values))
    try:
        scaled = [v * factor for v in values for factor in [2]]
    except NameError as e:
        scaled = str(e)
print(D.total, D.doubled, D.scaled)
