# Tests set mutation methods: add, remove, discard, pop, clear, copy; frozenset immutability and hashing; set iteration changes.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

s = {3, 1, 2}
s.add(4); s.add(1); print(sorted(s))
s.remove(3); s.discard(3); s.discard(99); print(sorted(s))
show("remove missing", lambda: s.remove(99))
show("remove unhashable", lambda: s.remove([1]))
show("discard unhashable", lambda: s.discard([1]))
show("add unhashable", lambda: s.add({}))
print(s.remove(frozenset()) if False else s.discard(frozenset()))
t = s.copy(); t.add(100); print(sorted(s), sorted(t))
popped = []
while s:
    popped.append(s.pop())
print(sorted(popped), s)
show("pop empty", lambda: set().pop())
u = {1, 2}; u.clear(); print(u)
fs = frozenset([1, 2, 3])
print(sorted(fs), len(fs), 2 in fs, hash(fs) == hash(frozenset([3, 2, 1])), fs.copy() == fs, frozenset() == frozenset(), hash(frozenset()) == hash(frozenset([])))
show("fs.add", lambda: fs.add(4))
show("fs |=", lambda: exec("f = frozenset(); f |= {1}; print(sorted(f), type(f).__name__)"))
show("hash set", lambda: hash({1}))
show("set in set", lambda: {{1}})
print({frozenset([1, 2]), frozenset([2, 1])}, len({frozenset(), frozenset([])}))
s2 = {1, 2, 3}
try:
    for x in s2:
        s2.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
s3 = {1, 2, 3}
try:
    for x in s3:
        s3.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
show("set(5)", lambda: set(5))
show("set(1,2)", lambda: set(1, 2))
show("frozenset kw", lambda: frozenset(iterable=[1]))
class S(set):
    pass
x = S([1, 2])
print(type(x).__name__, sorted(x), type(x | {3}).__name__, type(x.copy()).__name__, x == {1, 2})
class FS(frozenset):
    pass
y = FS([1])
print(type(y).__name__, type(y | {2}).__name__, type(y.copy()).__name__, hash(y) == hash(frozenset([1])))
print(sorted({i * i % 7 for i in range(20)}), len({i % 5 for i in range(1000)}), sorted(set(range(10)) - set(range(0, 10, 2))))
n = {float("nan")}
print(len(n | {float("nan")}), len(n | n))
s4 = set()
s4.add(1); s4.add(1.0); s4.add(True)
print(s4, type(list(s4)[0]).__name__)
print(set.add.__name__, set().__len__(), {1}.__contains__(1), set.__iand__({1, 2}, {2}))
