# reprlib from CPython's library: Repr's size limits for every container,
# strings and ints, and recursive_repr on self-referencing objects.
import reprlib

r = reprlib.Repr()
print(r.repr(list(range(100))), r.repr(tuple(range(3))), r.repr(set(range(20))))
print(r.repr("x" * 100), r.repr(2**200), r.repr({i: str(i) for i in range(10)}))
print(r.repr([[[[[1]]]]]), r.repr(frozenset([1])), r.repr(frozenset()), r.repr(set()))
print(r.repr(()), r.repr([]), r.repr({}), r.repr((1,)), r.repr(b"abc"))
r.maxlist = 2
r.maxstring = 10
r.maxlevel = 2
print(r.repr(list(range(10))), r.repr("abcdefghijklmnop"), r.repr([[[1]]]))
print(reprlib.repr(list(range(50))), reprlib.aRepr.maxdict)


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % self.children


n = Node()
n.children.append(n)
n.children.append(Node())
print(repr(n), Node.__repr__.__name__, Node.__repr__.__qualname__)


class Fill:
    @reprlib.recursive_repr("<loop>")
    def __repr__(self):
        return "Fill(%r)" % (self.me,)


f = Fill()
f.me = [f]
print(repr(f))


class MyRepr(reprlib.Repr):
    def repr_int(self, x, level):
        return "int:%d" % x


print(MyRepr().repr([1, 2, [3]]))
