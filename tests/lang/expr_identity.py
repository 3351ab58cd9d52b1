# Tests identity operators is / is not on guaranteed singletons and aliases: None/True/False/Ellipsis/NotImplemented, same object through aliases and containers.

a = [1, 2]
b = a
c = list(a)
print(a is b, a is not c, a == c, b is a, c is not None)
print(None is None, True is True, False is not True, ... is Ellipsis, NotImplemented is NotImplemented)
print(type(None) is type(None), type(1) is int, type(True) is bool, type(True) is not int)
def f():
    pass
print(f() is None, f is f, (lambda: 0) is not (lambda: 0))
d = {"k": a}
print(d["k"] is a, [a][0] is a, (a,)[0] is a, {id(a): a}[id(a)] is a)
class K:
    pass
k1 = K()
k2 = k1
k2.attr = 1
print(k1.attr, k1 is k2, K() is not K(), type(k1) is K)
x = y = []
x.append(1)
print(y, x is y)
x = x + [2]
print(y, x is y)
s = {1, 2}
t = s
t |= {3}
print(sorted(s), s is t)
fs = frozenset({1})
fs2 = fs
fs2 |= {2}
print(sorted(fs), fs is fs2)
print(bool.__new__(bool, 1) is True, bool(0) is False, (1 == 1) is True, (not 0) is True)
print(None.__class__ is type(None), int.__class__ is type, type.__class__ is type)
print([] is not [], {} is not {}, object() is not object())
def identity_in_list():
    marker = object()
    items = [1, marker, 2]
    return marker in items, items.index(marker), [i is marker for i in items]
print(identity_in_list())
print(sorted is sorted, len is len, print is print, str.upper is str.upper)
m1 = "abc".upper
m2 = "abc".upper
print(m1 == m2, m1() == m2())
