# Tests reducing builtins: sum (start, floats), min/max (key, default, multiple args, ties), any/all, sorted on iterables, len.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(101)), sum([0.1] * 10), sum([1, 2.5]), sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1j, 2]), sum([True, True]))
print(sum([1, 2], start=5), sum(x * x for x in range(4)), sum([10 ** 20, 1]), sum([1e308, 1e308]), sum([2 ** 70, 0.5]))
show("sum strs", lambda: sum(["a", "b"], ""))
show("sum bytes", lambda: sum([b"a"], b""))
show("sum bytearray", lambda: sum([b"a"], bytearray()))
show("sum none", lambda: sum([None]))
show("sum int+str", lambda: sum([1, "a"]))
print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min("hello"), max("abc", "abd"), max([1, 5], [1, 6]), min((3, "a"), (3, "B")))
print(max([], default="none"), min([], default=0), max([1], default=5), max(["aa", "b", "cc"], key=len), min(["aa", "b", "cc"], key=len), max(["b", "aa", "cc"], key=len))
print(max([1, -5, 3], key=abs), min([1, -5, 3], key=abs), max(1, 2, key=lambda x: -x), max([2, 1.0, 2.0]), max([2.0, 2]), min([0, False]), min([False, 0]))
show("max empty", lambda: max([]))
show("min empty", lambda: min([]))
show("max no args", lambda: max())
show("max int", lambda: max(1))
show("max default with args", lambda: max(1, 2, default=3))
show("max mixed", lambda: max(1, "a"))
show("min bad kw", lambda: min([1], foo=1))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
seen = []
def pred(x):
    seen.append(x)
    return x
print(any(map(pred, [0, 0, 1, 1, 1])), seen)
seen.clear()
print(all(map(pred, [1, 1, 0, 1])), seen)
print(len([1, 2]), len("abc"), len({1: 2}), len(range(10)), len(b"xy"), len(set()), len(frozenset("ab")), len(()))
show("len int", lambda: len(5))
show("len gen", lambda: len(x for x in []))

class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

print(len(L(5)), len(L(True)))
show("len negative", lambda: len(L(-1)))
show("len float", lambda: len(L(1.5)))
show("len huge", lambda: len(L(2 ** 100)))
print(max(range(10), key=lambda x: (x % 3, x)), min(range(10), key=lambda x: (x % 3, -x)))
print(max({3: "a", 7: "b"}), max({"x": 3, "y": 9}.items(), key=lambda kv: kv[1]), min(iter([5, 3, 8])))
print(sorted(set([3, 1, 2])), sorted(map(abs, [-3, 1, -2])), sorted(filter(None, [0, 3, 0, 1])))
