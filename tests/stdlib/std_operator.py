# operator from CPython's library (its pure-Python definitions under krait):
# the function forms of the operators, attrgetter/itemgetter/methodcaller
# with their reprs, the in-place forms, length_hint and index.
import operator as op

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.lshift(1, 4), op.rshift(32, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq("a", "a"), op.ne(1, 1), op.ge(3, 2), op.gt(1, 2), op.concat([1], [2]))
print(op.contains("abc", "b"), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem([5, 6], -1))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.index(7), op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 4))
print(op.iadd([1], [2]), op.imul([0], 3), op.iconcat("a", "b"), op.isub(5, 2), op.ipow(2, 3), op.ior({1}, {2}))
print(op.matmul.__name__, op.__add__ is op.add, op.call(max, 1, 5) if hasattr(op, "call") else None)
ig = op.itemgetter(1)
ig2 = op.itemgetter(0, -1)
print(ig("abc"), ig2("abc"), repr(ig), repr(ig2), sorted([(1, "b"), (0, "c"), (2, "a")], key=ig))


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.child = None

    def scale(self, k, *, add=0):
        return (self.x * k + add, self.y * k + add)


p = P(1, 2)
p.child = P(3, 4)
ag = op.attrgetter("x")
ag2 = op.attrgetter("child.y", "x")
print(ag(p), ag2(p), repr(ag), repr(ag2))
mc = op.methodcaller("scale", 3, add=1)
print(mc(p), repr(mc), op.methodcaller("upper")("abc"), repr(op.methodcaller("split", ",")))
for bad in (lambda: op.attrgetter(1), lambda: op.itemgetter(5)([1]),
            lambda: op.methodcaller(), lambda: op.length_hint(1, "x"), lambda: op.attrgetter("nope")(p)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__)
print(sorted(["bb", "a", "ccc"], key=op.methodcaller("__len__")), list(map(op.mul, [1, 2], [3, 4])))
