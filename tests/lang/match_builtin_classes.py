# Tests class patterns for builtin types that match by self (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple) and their subclasses.

def kind(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(ba):
            return f"bytearray {ba!r}"
        case list(l):
            return f"list len {len(l)}"
        case tuple(t):
            return f"tuple len {len(t)}"
        case dict(d):
            return f"dict keys {sorted(d)}"
        case set(s):
            return f"set size {len(s)}"
        case frozenset(fs):
            return f"frozenset size {len(fs)}"
        case complex():
            return "complex (no self-match arg used)"
        case _:
            return f"other {type(x).__name__}"

class MyInt(int):
    pass

class MyStr(str):
    pass

class MyList(list):
    pass

for v in [True, 0, MyInt(7), 2.5, "s", MyStr("sub"), b"b", bytearray(b"ba"), [1, 2], MyList([1]), (1,), {"k": 1}, {1, 2}, frozenset(), 1j, None, range(2)]:
    print(repr(v), "->", kind(v))
match 5:
    case int(5):
        print("int(5) matched by equality")
match 5.0:
    case int():
        print("no")
    case float(5):
        print("float(5) matches 5.0")
match "abc":
    case str("abc"):
        print("str literal subpattern")
match [1, 2]:
    case list([1, x]):
        print("list with sequence subpattern", x)
match {"a": 1}:
    case dict({"a": v}):
        print("dict with mapping subpattern", v)
try:
    match 1j:
        case complex(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match True:
    case int(n):
        print("True matches int(n) with n =", n)
match MyInt(3):
    case MyInt(n):
        print("subclass inherits self-match:", n, type(n).__name__)
class Custom:
    __match_args__ = ("v",)
    def __init__(self, v):
        self.v = v
match Custom(Custom(2)):
    case Custom(Custom(v=inner)):
        print("nested custom", inner)
match (1, "x", [2.5]):
    case (int(), str() as s, [float(f)]):
        print("mixed", s, f)
