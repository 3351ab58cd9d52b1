# Tests __match_args__ inheritance and overriding, attribute lookups via properties/__getattr__ in class patterns, and keyword-only matching without __match_args__.

class Shape:
    __match_args__ = ("name",)

    def __init__(self, name):
        self.name = name

class Rect(Shape):
    __match_args__ = ("name", "w", "h")

    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 2)

def describe(s):
    match s:
        case Square("rect", w, h):
            return f"square-as-rect {w}x{h}"
        case Rect(_, w, h) if w == h:
            return "unreachable equal rect"
        case Rect(_, w, h):
            return f"rect {w}x{h}"
        case Circle("circle", r=r, area=a):
            return f"circle r={r} area={a}"
        case Shape(name):
            return f"generic shape {name}"

print(describe(Square(3)), describe(Rect(2, 5)), describe(Rect(4, 4)), describe(Circle(1)), describe(Shape("blob")))
print(Square.__match_args__, Circle.__match_args__)

class Dynamic:
    def __getattr__(self, name):
        if name.startswith("x"):
            return len(name)
        raise AttributeError(name)

match Dynamic():
    case Dynamic(xx=2, xxx=n):
        print("dynamic attrs matched", n)
match Dynamic():
    case Dynamic(y=_):
        print("no")
    case _:
        print("missing attribute means no match")

class KwOnly:
    def __init__(self):
        self.a, self.b = 1, 2

match KwOnly():
    case KwOnly(a=1, b=b):
        print("keyword match without __match_args__", b)
try:
    match KwOnly():
        case KwOnly(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)

class StrArgs:
    __match_args__ = ("only",)
    only = "class attr used"

match StrArgs():
    case StrArgs(v):
        print("matched class attribute via __match_args__:", v)

class BadEntry:
    __match_args__ = (1,)

try:
    match BadEntry():
        case BadEntry(x):
            pass
except TypeError as e:
    print(type(e).__name__, e)
class Raises:
    __match_args__ = ("boom",)
    @property
    def boom(self):
        raise ValueError("property raised during match")
try:
    match Raises():
        case Raises(x):
            pass
except ValueError as e:
    print(type(e).__name__, e)
