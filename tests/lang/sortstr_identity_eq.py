# == and != between two instances of a class that keeps object's
# comparison are identity, found without calling anything; a class (or a
# subclass, or the other operand's type) that defines __eq__ or __ne__
# still has it called, with the reflected order CPython uses.


class Plain:
    def __init__(self, n):
        self.n = n


class WithEq:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("  WithEq.__eq__", self.n, getattr(other, "n", other))
        return isinstance(other, (Plain, WithEq)) and self.n == other.n

    __hash__ = object.__hash__


class SubPlain(Plain):
    def __eq__(self, other):
        print("  SubPlain.__eq__", self.n, other.n)
        return True


class NeOnly(Plain):
    def __ne__(self, other):
        print("  NeOnly.__ne__")
        return False


a, b, c = Plain(1), Plain(1), Plain(2)
items = [a, b, c, a]
print("index", items.index(b), items.index(c), items.index(a))
print("count", items.count(a), items.count(b))
print("in", b in items, Plain(1) in items)
print("eq ne", a == b, a != b, a == a, a != a)
print("list eq", [a, b] == [a, b], [a, b] == [b, a], [a] != [b])
print("tuple eq", (a, c) == (a, c), (a, c) == (a, b))
items.remove(b)
print("removed", [x is b for x in items])
try:
    items.index(Plain(1))
except ValueError as e:
    print("ValueError", str(e).endswith("is not in list"))
try:
    items.remove(Plain(1))
except ValueError as e:
    print("ValueError", e)

# Ordering still raises for such instances.
try:
    a < b
except TypeError as e:
    print("TypeError", e)
try:
    sorted([a, b])
except TypeError as e:
    print("TypeError", e)

# A defined __eq__ is called, either side.
w = WithEq(1)
print("w == a", w == a)
print("a == w", a == w)
print("w in", w in [a, c], WithEq(5) in [a, c])
print("index w", [c, WithEq(1), a].index(w))

# Subclass with __eq__: its reflected method comes first.
s = SubPlain(7)
print("a == s", a == s)
print("s in", s in [a])
print("a in [s]", a in [s])

# Only __ne__ defined: == stays identity, != asks __ne__.
n1, n2 = NeOnly(1), NeOnly(1)
print("ne-only ==", n1 == n2)
print("ne-only !=", n1 != n2)
print("ne-only index", [n2, n1].index(n1))

# dict and set lookups with such keys use hash then identity.
d = {a: "a", c: "c"}
print("dict", d[a], d.get(b), b in d, len({a, b, c, a}))

# Builtin instances of object itself.
o1, o2 = object(), object()
print("objects", o1 == o2, o1 != o2, o1 == o1, [o1, o2].index(o2), o2 in [o1])


# A class whose __eq__ is assigned later stops being identity-only.
class Late:
    pass


x, y = Late(), Late()
print("late before", x == y, [x].count(y))
Late.__eq__ = lambda self, other: True
print("late after", x == y, [x].count(y), x != y)
del Late.__eq__
print("late deleted", x == y, x != y)
