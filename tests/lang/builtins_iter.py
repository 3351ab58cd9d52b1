# Tests iteration builtins: enumerate (start), zip (strict, unequal), map (multiple iterables), filter (None), reversed, iter/next.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)), list(enumerate("x", 2 ** 70)))
e = enumerate("xy")
print(next(e), next(e), next(e, "end"), iter(e) is e)
print(list(zip()), list(zip("ab")), list(zip("abc", [1, 2])), list(zip("ab", [1, 2], (True, False))), list(zip(range(3), range(10, 13))))
print(list(zip("ab", "xy", strict=True)))
show("zip strict short", lambda: list(zip("ab", "x", strict=True)))
show("zip strict long", lambda: list(zip("a", "xy", strict=True)))
show("zip strict 3", lambda: list(zip("ab", "ab", "a", strict=True)))
show("zip non-iter", lambda: zip(1))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))), list(map(pow, [2, 3], [3, 2], [5, 5])))
show("map no func", lambda: map())
show("map one", lambda: map(abs))
show("map non-callable", lambda: list(map(1, [1])))
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, True])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1,))), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
show("reversed set", lambda: reversed({1, 2}))
show("reversed gen", lambda: reversed(x for x in []))

class Rev:
    def __reversed__(self):
        return iter("custom")

class SeqOnly:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

print(list(reversed(Rev())), list(reversed(SeqOnly())), list(SeqOnly()), 20 in SeqOnly(), 5 in SeqOnly())
it = iter([1, 2])
print(next(it), next(it), next(it, None))
show("next exhausted", lambda: next(it))
show("next non-iter", lambda: next([1]))
show("iter int", lambda: iter(5))
calls = [0]
def counter():
    calls[0] += 1
    return calls[0]
print(list(iter(counter, 4)))
show("iter sentinel non-callable", lambda: iter(5, 1))
data = iter(["a", "b", "", "c"])
print(list(iter(data.__next__, "")))
z = zip([1, 2, 3], "ab")
print(next(z), list(z))
m = map(lambda x: 10 // x, [5, 2, 0, 1])
out = []
try:
    for v in m:
        out.append(v)
except ZeroDivisionError as ex:
    print(out, type(ex).__name__, ex)
print(list(m))
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names, list(zip(*[])))
print(dict(enumerate("ab")), list(zip(*zip("ab", "cd"))), [(i, c) for i, c in enumerate(reversed("xyz"))])
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__, type(reversed([])).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(range(0))).__name__)
