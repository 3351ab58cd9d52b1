# functools' C parts (_functools): partial (call merging, flattening of
# nested partials, repr, __dict__, copy/deepcopy through __reduce__ and
# __setstate__, subclasses, weak references), reduce and cmp_to_key, with
# CPython's messages.
import copy
import functools
import operator
import weakref
from functools import partial, reduce, cmp_to_key

print(partial.__module__, partial.__name__, type(partial(max)).__name__, partial is functools.partial)

def f(a, b=2, *args, **kw):
    return (a, b, args, sorted(kw.items()))

p = partial(f, 1, x=3)
print(p(), p(5), p(5, 6, y=1), p(x=9), p.func is f, p.args, p.keywords)
q = partial(p, 7, z=0)
print(q.func is f, q.args, q.keywords, q())
print(partial(partial(partial(max, 1), 2), 3).args, partial(max)(4, 2), partial(f)(0))
print(repr(partial(f, 1, "s", k=[1])).replace(hex(id(f)), "ADDR"))
print(repr(partial(max, key=abs)), repr(partial(len)))

class P(partial):
    def __call__(self, *a, **k):
        return ("P", super().__call__(*a, **k))
sub = P(max, 1)
print(repr(sub).split(" at ")[0], sub(5), isinstance(sub, partial), type(partial(sub, 2).func).__name__)

r = partial(f, 1)
r.attr = 5
print(r.__dict__, partial(r, 2).func is r, partial(r, 2)(), vars(r))
r.__dict__ = {"other": 1}
print(r.other, hasattr(r, "attr"))

c = copy.copy(partial(f, 1, k=2))
d = copy.deepcopy(partial(operator.add, [10].__len__()))
print(c(), d(5), partial(max).__reduce__()[0] is partial, partial(f, 1, k=2).__reduce__()[2][1:])
s = partial(max)
s.__setstate__((min, (3, 4), {"key": abs}, {"note": "x"}))
print(s(-1), s.func is min, s.args, s.keywords, s.note)
s.__setstate__((min, (), None, None))
print(s.keywords, s(3, 2))

w = weakref.ref(p)
print(w() is p)
del p
print(w())

for bad in [lambda: partial(), lambda: partial(1), lambda: partial(max).__setstate__((1,)),
            lambda: partial(max).__setstate__((max, [], None, None)),
            lambda: partial(max).__setstate__("x"),
            lambda: setattr(partial(max), "func", 1), lambda: setattr(partial(max), "args", ()),
            lambda: delattr(partial(max), "__dict__")]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(partial[int], functools.partialmethod(f, 1).__get__(None, object)(0))

print(reduce(operator.add, range(10)), reduce(operator.add, [], 5), reduce(lambda a, b: a * b, [3], 9))
print(reduce(lambda acc, x: acc + [x * 2], "abc", []), reduce(max, iter([3, 9, 2])))
for bad in [lambda: reduce(operator.add, []), lambda: reduce(operator.add, 5),
            lambda: reduce(1, [1, 2]), lambda: reduce(operator.add), lambda: reduce(1, 2, 3, 4)]:
    try:
        bad()
    except TypeError as e:
        print(e)

k = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=k), k(3) < k(4), k(3) == k(3), k(3) >= k(4), k(5).obj, type(k(1)).__name__)
by_len = cmp_to_key(lambda a, b: len(a) - len(b))
print(sorted(["ccc", "a", "bb", "dd"], key=by_len), max(["x", "yyy", "zz"], key=by_len))
for bad in [lambda: k(1) < 1, lambda: hash(k(1)), lambda: k(), lambda: cmp_to_key()]:
    try:
        bad()
    except TypeError as e:
        print(e)
