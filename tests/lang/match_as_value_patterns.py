# Tests as-patterns, value patterns with dotted names (enum-like constants, module attributes), singleton patterns (None/True/False use identity).

class Status:
    OK = 200
    NOT_FOUND = 404
    ERROR = 500

class Codes:
    class HTTP:
        TEAPOT = 418

def status(code):
    match code:
        case Status.OK:
            return "ok"
        case Status.NOT_FOUND | Status.ERROR as bad:
            return f"bad {bad}"
        case Codes.HTTP.TEAPOT:
            return "teapot"
        case int(n) as whole if n >= 600:
            return f"out of range {whole}"
        case _:
            return "other"

print([status(c) for c in (200, 404, 500, 418, 700, 302, 200.0)])

def singletons(x):
    match x:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0:
            return "zero (equality)"
        case 1:
            return "one (equality)"
    return "other"

print([singletons(v) for v in (None, True, False, 0, 1, 1.0, 0.0, "", [])])

def nested_as(x):
    match x:
        case [(a, b) as pair, *rest] as whole:
            return f"pair={pair} a={a} b={b} rest={rest} whole_len={len(whole)}"
        case {"k": [*items] as lst} as mapping:
            return f"items={items} lst is list: {type(lst).__name__} keys={sorted(mapping)}"
        case (int() | str()) as scalar:
            return f"scalar {scalar!r}"
    return "none"

print(nested_as([(1, 2), 3, 4]), nested_as({"k": (1, 2), "z": 0}), nested_as("s"), nested_as(7), nested_as(2.5))
import math
def consts(v):
    match v:
        case math.pi:
            return "pi"
        case math.e:
            return "e"
        case math.inf:
            return "inf"
    return "not a constant"
print(consts(3.141592653589793), consts(math.e), consts(float("inf")), consts(3.14), consts(float("nan")))
x = 1
match 1:
    case x if x > 5:
        print("no")
    case _:
        print("x rebound by failed guarded capture:", x)
limit = 10
def capture_vs_value(v):
    match v:
        case Status.OK:
            return "value pattern"
    return "no match"
print(capture_vs_value(200), capture_vs_value(limit))
class Eq:
    def __eq__(self, other):
        print("  Eq.__eq__ called with", other)
        return other == "target"
class Holder:
    MARK = Eq()
match "target":
    case Holder.MARK:
        print("matched via custom __eq__")
match "miss":
    case Holder.MARK:
        print("no")
    case str() as s:
        print("fell through to", s)
