# Class patterns: __match_args__ for positional sub-patterns, keyword
# sub-patterns by attribute, builtin self-matching types, and the TypeErrors
# for too many positional patterns or a bad __match_args__.

class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"y axis {y}"
        case Point(x, 0):
            return f"x axis {x}"
        case Point(x=a, y=b) if a == b:
            return f"diagonal {a}"
        case Point3(z=z):
            return f"3d z={z}"
        case Point():
            return "some point"
        case _:
            return "not a point"


for p in (Point(0, 0), Point3(0, 0, 0), Point3(0, 0, 1), Point(0, 4), Point(5, 0), Point(2, 2),
          Point3(1, 2, 3), Point(1, 2), "str"):
    print(where(p))

# builtins match their own value with one positional pattern
for v in (5, 2.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), True, None, bytearray(b"x")):
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s) | bytes(s):
            print("str/bytes", s)
        case list(l) | tuple(l):
            print("list/tuple", l)
        case dict(d):
            print("dict", d)
        case set(s) | frozenset(s):
            print("set", s)
        case bytearray(ba):
            print("bytearray", ba)
        case _:
            print("other", v)


class NoArgs:
    pass


try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)

try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)


class BadArgs:
    __match_args__ = ["x"]


try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)


class BadName:
    __match_args__ = (1,)


try:
    match BadName():
        case BadName(_):
            pass
except TypeError as e:
    print("TypeError", e)

try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print("TypeError", e)

try:
    match 1:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)

# a non-class in a class pattern
notaclass = 3
try:
    match 1:
        case notaclass():
            pass
except TypeError as e:
    print("TypeError", e)


# missing attributes make the pattern fail, not raise
class Partial:
    __match_args__ = ("a", "b")
    a = 1


match Partial():
    case Partial(1, b):
        print("matched", b)
    case Partial(a):
        print("only a", a)


# attribute access through properties, with side effects in order
class Lazy:
    __match_args__ = ("first", "second")

    @property
    def first(self):
        print("get first")
        return 1

    @property
    def second(self):
        print("get second")
        return 2


match Lazy():
    case Lazy(0, _):
        print("no")
    case Lazy(1, 2):
        print("yes")

# isinstance is honoured through __instancecheck__
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int)


class AnyInt(metaclass=Meta):
    pass


match 7:
    case AnyInt():
        print("AnyInt matched 7")
