# Rich comparison dispatch: reflected operands (< with >, <= with >=, == and
# != with themselves), subclass priority, NotImplemented fallbacks to
# identity for ==/!= and TypeError for ordering, __ne__ defaulting to not __eq__.

log = []


class Tracer:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __lt__(self, other):
        log.append(f"{self}.__lt__({other})")
        return NotImplemented

    def __gt__(self, other):
        log.append(f"{self}.__gt__({other})")
        return NotImplemented

    def __le__(self, other):
        log.append(f"{self}.__le__({other})")
        return NotImplemented

    def __ge__(self, other):
        log.append(f"{self}.__ge__({other})")
        return NotImplemented

    def __eq__(self, other):
        log.append(f"{self}.__eq__({other})")
        return NotImplemented


a, b = Tracer("a"), Tracer("b")
for op, f in (("<", lambda: a < b), ("<=", lambda: a <= b), (">", lambda: a > b), (">=", lambda: a >= b)):
    log.clear()
    try:
        f()
    except TypeError as e:
        print(op, "TypeError", e)
    print(log)
log.clear()
print(a == b, a == a, a != b, a != a, log)


class Sub(Tracer):
    def __gt__(self, other):
        log.append(f"{self}.Sub.__gt__({other})")
        return "sub wins"


s = Sub("s")
log.clear()
print(a < s, log)
log.clear()
print(s > a, log)


# __ne__ defaults to the negation of __eq__
class OnlyEq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, OnlyEq) and self.v == other.v

    __hash__ = None


print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq(1) == 1)


class EqReturnsWeird:
    def __eq__(self, other):
        return "truthy"


print(EqReturnsWeird() == 1, EqReturnsWeird() != 1)


class EqRaises:
    def __eq__(self, other):
        raise ValueError("no eq")

    __hash__ = None


try:
    EqRaises() != 1
except ValueError as e:
    print("ValueError", e)

# mixed builtin comparisons
for f in (lambda: 1 < "a", lambda: [1] < (1,), lambda: {} < {}, lambda: None < None, lambda: 1j < 2j):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
print(1 == 1.0, 1 == "1", (1, 2) == [1, 2], {1: 2} == {1: 2.0}, [1, [2]] < [1, [3]], (1, "a") < (1, "b"))


# chained comparisons evaluate each operand once
def v(x):
    print("eval", x)
    return x


print(v(1) < v(2) < v(3), v(3) < v(2) < v(v(1)))


# total ordering by hand with reflected fallbacks
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    __hash__ = None


vs = [Version(1, 2), Version(1, 0), Version(0, 9)]
print([x.parts for x in sorted(vs)], Version(1) > Version(0), Version(0) > Version(1))
print(max(vs).parts, min(vs).parts)
try:
    Version(1) <= Version(2)
except TypeError as e:
    print("TypeError", e)
try:
    sorted([Version(1), 3])
except TypeError as e:
    print("TypeError", e)
print(object() == object(), object.__eq__(1, 1), object.__ne__(1, 2), object.__lt__(1, 2))
