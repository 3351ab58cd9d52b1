def f(a, a): pass
def g(a, a=1, /): pass
lambda b, b: 0
f(a=1, a=2)
class C(x=1, x=2): pass
match m:
    case {"a": 1, "a": 2}:
        pass
    case [a, a]:
        pass
    case a | b:
        pass
