# Tests tuples: construction, packing/unpacking, immutability errors, count/index, hashing, concatenation, nesting.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

t = (1, 2, 3, 2, 1)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t.count(2), t.index(2), t.index(1, 1), 2 in t, 5 not in t)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}), tuple(x for x in "xy"))
show("t[0]=1", lambda: t.__setitem__(0, 1))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
show("t.append", lambda: t.append(1))
show("index missing", lambda: t.index(9))
show("t[9]", lambda: t[9])
show("tuple + list", lambda: (1,) + [2])
show("hash unhashable", lambda: hash((1, [2])))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1,)) != hash((2,)), hash((1, 2.0)) == hash((1.0, 2)))
print((1, 2) + (3,), (0,) * 3, 2 * (1, 2), (1,) * 0, ((1, 2),) * 2)
x = 1, 2, 3
a, b, c = x
print(x, a, b, c)
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
(a, b), = [(5, 6)]
print(a, b)
show("too many", lambda: exec("a, b = 1, 2, 3"))
show("too few", lambda: exec("a, b, c = 1, 2"))
show("not iterable", lambda: exec("a, b = 5"))
show("one short", lambda: exec("a, = ()"))
mut = ([1], [2])
mut[0].append(10)
print(mut)
try:
    mut[1] += [20]
except TypeError as e:
    print(type(e).__name__, e, mut)
t2 = t
t2 += (9,)
print(t, t2, t2 is t)
print(tuple(t) == t, t[:] == t)
print(sorted(((2, "b"), (1, "z"), (2, "a"))), max((1, 5), (1, 3)), (1, 2) < (1, 2, 3))
def f():
    return 1, "two", [3]
r = f()
print(type(r).__name__, r, f()[1])
print(tuple.__len__((1, 2)), tuple.__getitem__((5, 6), -1), (1, 2).__add__((3,)), (1, 2).__mul__(2), (1,).__rmul__(2))
class P(tuple):
    pass
p = P((1, 2))
print(type(p).__name__, p, type(p + (3,)).__name__, type(p[:]).__name__, p == (1, 2))
print(repr((1,)), repr(((),)), repr(((1,),)), str((None, "s")), repr(tuple([[]])))
