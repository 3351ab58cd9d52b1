# Tests range objects: lengths with steps, indexing, slicing to ranges, containment, index/count, equality, reversed, big bounds, errors.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3), range(0, -10, -3), range(1, 2, 100)]:
    print(r, len(r), list(r), bool(r), r.start, r.stop, r.step)
r = range(0, 20, 3)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], r[10:], r[:-10], list(r[::-3]))
show("r[7]", lambda: r[7])
show("r[-8]", lambda: r[-8])
show("r['a']", lambda: r["a"])
show("step 0", lambda: range(1, 2, 0))
show("float arg", lambda: range(1.5))
show("no args", lambda: range())
show("4 args", lambda: range(1, 2, 3, 4))
show("slice step 0", lambda: r[::0])
print(9 in r, 10 in r, -3 in r, 18 in r, 21 in r, 9.0 in r, "a" in r, True in range(2))
print(r.index(9), r.count(9), r.count(10), r.count(9.0))
show("index missing", lambda: r.index(10))
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 10, 3) == range(0, 11, 3), range(1) == range(1, 2, 5), range(2) != [0, 1])
print(hash(range(0)) == hash(range(3, 3)), hash(range(0, 3)) == hash(range(0, 3, 1)))
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))), next(reversed(range(5))))
big = range(0, 10 ** 20, 10 ** 10)
print(len(big), big[-1], 10 ** 15 in big, 10 ** 15 + 1 in big, big.index(10 ** 19), big[10 ** 9])
huge = range(2 ** 100)
show("len huge", lambda: len(huge))
print(huge[-1], huge[2 ** 99], (2 ** 100 - 1) in huge, huge[5:10], huge[::2 ** 98])
print(list(range(-5, 5, 4)), list(range(5, -5, -4)), sum(range(101)), max(range(7)), min(range(3, 9)))
it = iter(range(3))
print(next(it), list(it), list(it))
class I:
    def __index__(self):
        return 4
print(range(I()), list(range(I(), 10, I())), range(10)[I()])
print(repr(range(0, 5, 1)), repr(range(3, 1, -1)), str(range(2)))
print(range(10)[2:8][1:3], range(10)[::-1][::-1], range(10)[8:2:-2])
print(range(5).__len__(), range(3).__contains__(2), range(0, 5)[True])
