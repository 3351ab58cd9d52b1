# Tests star-unpacking in calls and displays: *args/**kwargs at call sites, multiple unpackings, order of evaluation, unpacking in list/tuple/set/dict displays.

def f(*args, **kwargs):
    return args, sorted(kwargs.items())

print(f(*[1, 2], *(3,), *"ab", *range(2)))
print(f(**{"a": 1}, **{"b": 2}, c=3))
print(f(1, *[2], 3, *[4, 5], x=1, **{"y": 2}, z=3))
print(f(*{}, **{}))
print(f(*{"k1": 1, "k2": 2}))
print(f(*(x * x for x in range(3))))
print([*range(3), *"xy", 9], (*[1], *(2,)), {*[1, 2], *[2, 3]} == {1, 2, 3}, {**{"a": 1}, "b": 2, **{"a": 3}})
print([*[], *()], (*"",), [*[[1]]])
order = []
def v(tag, val):
    order.append(tag)
    return val
print(f(v("a", 1), *v("b", [2]), k=v("c", 3), **v("d", {"m": 4})), order)
order.clear()
print([v("x", 1), *v("y", [2, 3]), v("z", 4)], order)
order.clear()
print({v("k1", "a"): v("v1", 1), **v("m", {"b": 2}), v("k2", "c"): v("v2", 3)}, order)
def kw_only(*, a, b):
    return a - b
print(kw_only(**{"b": 1, "a": 10}), kw_only(b=2, **{"a": 5}))
import collections
od = collections.OrderedDict([("z", 1), ("a", 2)])
print(f(**od), [*od])

class Mapping:
    def keys(self):
        return iter(["p", "q"])

    def __getitem__(self, k):
        return k + "!"

print(f(**Mapping()), {**Mapping()})

class NotMapping:
    def __getitem__(self, k):
        return k

for label, call in [("** list", lambda: f(**[("a", 1)])), ("** NotMapping", lambda: f(**NotMapping())), ("* int", lambda: f(*5)),
                    ("** int key", lambda: f(**{1: 2})), ("dup", lambda: f(a=1, **{"a": 2})), ("display **", lambda: {**[1]}),
                    ("display *", lambda: [*5]), ("set *", lambda: {*None})]:
    try:
        call()
    except TypeError as e:
        print(label, type(e).__name__, e)

def print_like(*objs, sep=" ", end="\n"):
    return sep.join(map(str, objs)) + end

print(repr(print_like(*["a", "b"], sep="-", **{"end": "!"})))
args = (1, 2)
kw = {"sep": "|"}
print(*args, **kw)
print(*"hello", sep=",")
print(*[], sep="never")
print()
print("x", "y", sep="", end="")
print("<-no newline before this")
print(1, 2, 3, sep=None, end=None)
import sys
print("to stdout", file=sys.stdout)
print("flush", flush=True)
try:
    print(sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(end=[])
except TypeError as e:
    print(type(e).__name__, e)
