# Hashing: __eq__ without __hash__ makes instances unhashable, __hash__ = None
# explicitly, inheriting __hash__, hash() results folded to the int range,
# -1 mapped to -2, and hash-equal-but-unequal keys in dicts and sets.

class EqOnly:
    def __eq__(self, other):
        return True


class EqAndHash:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqAndHash) and self.v == other.v

    def __hash__(self):
        return hash(self.v)


print(EqOnly.__hash__, "__hash__" in EqOnly.__dict__)
for obj in (EqOnly(), [1], {1: 2}, {1}, bytearray(b"x")):
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError", e)
print(hash(EqAndHash(3)) == hash(3), {EqAndHash(1), EqAndHash(1), EqAndHash(2)}.__len__())


class Child(EqAndHash):
    pass


class ChildEq(EqAndHash):
    def __eq__(self, other):
        return False


print(hash(Child(5)) == hash(5), ChildEq.__hash__)


class Explicit(EqAndHash):
    __hash__ = EqAndHash.__hash__

    def __eq__(self, other):
        return NotImplemented


print(hash(Explicit(7)) == hash(7))


class Returns:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


print(hash(Returns(-1)), hash(Returns(10)), hash(Returns(2 ** 64)) == hash(2 ** 64), hash(Returns(True)))
for bad in (1.5, "x", None):
    try:
        hash(Returns(bad))
    except TypeError as e:
        print("TypeError", e)


class IntSub(int):
    pass


print(hash(Returns(IntSub(9))))


# equal hashes, unequal values: both kept
class Collide:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return self.name == other.name

    def __repr__(self):
        return self.name


d = {Collide("a"): 1, Collide("b"): 2, Collide("a"): 3}
print(d, len({Collide("x"), Collide("y"), Collide("x")}))

# numeric hash equality across types
print(hash(1) == hash(1.0) == hash(True), hash(0.5) == hash(1 / 2), {1: "int", 1.0: "float", True: "bool"})
print(hash(-1), hash(-2), hash(()) == hash(()), hash((1, 2)) == hash((1, 2)), hash(frozenset([1])) == hash(frozenset([1])))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError", e)

# __hash__ called each time the key is looked up
calls = []


class Counting:
    def __hash__(self):
        calls.append(1)
        return 1


k = Counting()
dd = {k: "v"}
dd[k]
k in dd
print(len(calls))

# object.__hash__ is identity based and consistent
o = object()
print(hash(o) == hash(o), object.__hash__(o) == hash(o), hash(object) == hash(object))


# __hash__ = None in a subclass of a hashable builtin
class UnhashableInt(int):
    __hash__ = None


try:
    hash(UnhashableInt(1))
except TypeError as e:
    print("TypeError", e)
try:
    {UnhashableInt(1)}
except TypeError as e:
    print("TypeError", e)
