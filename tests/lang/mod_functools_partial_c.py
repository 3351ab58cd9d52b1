# functools.partial, reduce and cmp_to_key as CPython's C versions behave:
# flattening, attributes, repr, pickling state, errors.
import functools
from functools import partial, reduce, cmp_to_key
import copy

def f(*args, **kw):
    return args, kw

p = partial(f, 1, 2, a=3)
print(p(), p(4, b=5), p(a=9), p.func is f, p.args, p.keywords)
q = partial(p, 6, c=7)
print(q.func is f, q.args, q.keywords, q(8))
print(repr(partial(f)).startswith("functools.partial(<function f at "), repr(partial(len, [1])))
print(repr(partial(max, 1, key=abs)), repr(partial(max, "x", default=None)))
try:
    partial()
except TypeError as e:
    print("TypeError", e)
try:
    partial(5, 1)
except TypeError as e:
    print("TypeError", e)
try:
    p.func = max
except AttributeError as e:
    print("AttributeError", e)
p.note = "hi"
print(p.note, p.__dict__, type(p).__name__, type(p).__module__, partial.__module__)

class MyPartial(partial):
    pass
mp = MyPartial(p, 10)
print(type(mp).__name__, mp.func is p, mp.args, repr(mp).startswith("MyPartial(functools.partial(<function f"))
print(mp())

r = p.__reduce__()
print(r[0] is partial, r[1][0] is f, r[2][1:], )
p2 = partial(f)
p2.__setstate__((max, (1, 2), {"key": abs}, {"tag": 1}))
print(p2.func is max, p2.args, p2.keywords, p2.tag, p2(-5))
for bad in [(max,), [max, (), {}, None], (5, (), {}, None), (max, [], {}, None), (max, (), [], None)]:
    try:
        p2.__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
c = copy.copy(p)
print(c is not p, c.args == p.args, c.keywords == p.keywords, c.note)
d = copy.deepcopy(partial(f, [1]))
print(d.args, d())

class C:
    m = partial(f, "bound?")
print(C().m(1), C.m(2))
print(partial[int], type(partial[int]).__name__)

rec = partial(f)
rec.__setstate__((f, (), {}, None))
print(isinstance(rec, partial), callable(rec))

add = partial(lambda a, b, c: a + b + c, 1)
print(add(2, 3), add(b=2, c=3), list(map(partial(pow, 2), range(5))))
print(sorted([3, 1, 2], key=partial(lambda m, x: -x * m, 1)))

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [[1], [2]], []))
print(reduce(lambda a, b: a * 10 + b, iter([1, 2, 3]), 0), reduce(max, "hello"))
for args in [(lambda a, b: a, []), (lambda a, b: a, 5), (lambda a, b: a,), (1, [1, 2])]:
    try:
        reduce(*args)
    except TypeError as e:
        print("TypeError", e)
def boom(a, b):
    raise ValueError("boom")
try:
    reduce(boom, [1, 2])
except ValueError as e:
    print("ValueError", e)
print(reduce(boom, [1]), reduce(boom, [], "init"))

def by_len(a, b):
    return len(a) - len(b)
K = cmp_to_key(by_len)
print(type(K).__name__, sorted(["aaa", "b", "cc"], key=K), min(["aaa", "b"], key=K))
k1, k2 = K("ab"), K(obj="xyz")
print(k1 < k2, k1 > k2, k1 == K("zz"), k1 != k2, k1 <= K("12"), k2 >= k1, k1.obj, k2.obj)
try:
    K.obj
except AttributeError as e:
    print("AttributeError", e)
try:
    k1 < "ab"
except TypeError as e:
    print("TypeError", e)
try:
    hash(k1)
except TypeError as e:
    print("TypeError", e)
print(cmp_to_key(mycmp=by_len)("q").obj)
try:
    cmp_to_key()
except TypeError as e:
    print("TypeError", e)
print(functools.partial is partial, functools.reduce.__module__ if hasattr(functools.reduce, "__module__") else None)
