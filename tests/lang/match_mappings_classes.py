# Tests mapping patterns (**rest, extra keys ignored, value patterns as keys) and class patterns (positional via __match_args__, keywords, builtins' self-match).

def mp(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {1: one, 2.0: two}:
            return f"numeric keys {one} {two}"
        case {}:
            return f"some mapping with {len(x)} keys"
        case _:
            return "not a mapping"

print(mp({"type": "point", "x": 1, "y": 2, "extra": 0}), mp({"type": "circle", "r": 5, "c": "red", "z": 1}), mp({1: "a", 2: "b"}), mp({}), mp({"q": 1}), mp([("type", "point")]))
from collections import OrderedDict, defaultdict
print(mp(OrderedDict(type="point", x=0, y=0)))
dd = defaultdict(lambda: "default!")
dd["type"] = "circle"
print(mp(dd), sorted(dd))

class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

class NoArgs:
    def __init__(self):
        self.a = 1

def cp(obj):
    match obj:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y=y) if x == y:
            return "diagonal"
        case NoArgs(a=1):
            return "NoArgs with a=1"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s}"
        case bool(b):
            return "unreachable bool (int first)"
        case list([a, *_]):
            return f"list starting {a}"
        case dict({"k": v}):
            return f"dict k={v}"
        case tuple((a,)):
            return f"1-tuple {a}"
        case object(__class__=cls):
            return f"object of {cls.__name__}"

for o in [Point(0, 0), Point3(0, 0, 0), Point3(0, 0, 1), Point(0, 5), Point(7, 0), Point(3, 3), Point(1, 2), NoArgs(), 5, 2.5, True, "s", [9, 8], {"k": "v"}, (4,), None]:
    print(type(o).__name__, "->", cp(o))

def errors(obj, src):
    try:
        match obj:
            case Point(1, 2, 3):
                return "?"
    except TypeError as e:
        return f"{type(e).__name__}: {e}"

print(errors(Point(1, 2), "too many"))

class NoMatchArgs:
    pass

try:
    match NoMatchArgs():
        case NoMatchArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)

class BadMatchArgs:
    __match_args__ = ["a"]

try:
    match BadMatchArgs():
        case BadMatchArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)

not_a_class = 5
try:
    match 5:
        case not_a_class():
            pass
except TypeError as e:
    print(type(e).__name__, e)

class Dup:
    __match_args__ = ("a",)
    a = 1

try:
    match Dup():
        case Dup(1, a=1):
            pass
except TypeError as e:
    print(type(e).__name__, e)

class Lookup:
    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        self.calls.append(name)
        if name == "missing":
            raise AttributeError(name)
        return name.upper()

lk = Lookup()
match lk:
    case Lookup(foo="FOO", bar="X"):
        print("no")
    case Lookup(missing=_):
        print("no2")
    case Lookup(foo=f):
        print("foo is", f)
print(lk.calls)
try:
    compile("match x:\n    case {**rest, 'a': 1}:\n        pass\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("match x:\n    case {'a': 1, 'a': 2}:\n        pass\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    match {"a": 1}:
        case {"a": 1, **rest}:
            print("rest", rest, type(rest).__name__)
except Exception as e:
    print(type(e).__name__, e)
