# Tests match with literal, capture, wildcard, value (dotted) and OR patterns; guard evaluation; no fall-through; int/float/bool/None literal semantics.

class Color:
    RED = "red"
    GREEN = "green"

def classify(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -3 + 4j:
            return "complex literal"
        case "hello" | "hi":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case True:
            return "True"
        case None:
            return "None"
        case Color.RED:
            return "red via value pattern"
        case "a" "b":
            return "concatenated ab"
        case str() if len(x) > 5:
            return "long string"
        case _:
            return f"other {x!r}"

for v in [0, 1, 3, 4, -1, 1.5, 2j, -3 + 4j, "hi", b"bytes", True, False, None, "red", "green", "ab", "abcdefgh", 0.0, 1.0, [], 2.0]:
    print(repr(v), "->", classify(v))

def capture(x):
    match x:
        case 1:
            return "one"
        case other:
            return f"captured {other!r}"

print(capture(1), capture("z"))

def guards(x):
    log = []
    def g(tag, result):
        log.append(tag)
        return result
    match x:
        case int() if g("g1", x > 10):
            r = "big int"
        case int(n) if g("g2", n % 2 == 0):
            r = "even int"
        case n if g("g3", True):
            r = f"fallback {n}"
    return r, log

print(guards(20), guards(4), guards(3), guards("s"))

def no_match(x):
    match x:
        case 1:
            return "one"
    return "fell out"

print(no_match(2))
matched = "unset"
match 5:
    case 6:
        matched = "six"
print(matched)
y = "before"
match 42:
    case y:
        pass
print(y)
match (1, 2):
    case (a, b) if a > b:
        res = "desc"
    case (a, b):
        res = f"asc {a} {b}"
print(res)
match 3:
    case 1 | 2 | 3 as n:
        print("or-as", n)

def or_capture(v):
    match v:
        case [x, 1] | [1, x]:
            return x
        case {"k": x} | (x, _, _):
            return ("alt", x)
    return None

print(or_capture([5, 1]), or_capture([1, 7]), or_capture({"k": 9}), or_capture((4, 5, 6)), or_capture([2, 2]))
for src in ["match x:\n    case a | b:\n        pass\n", "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
            "match x:\n    case [a, a]:\n        pass\n", "match x:\n    case a | 1:\n        pass\n", "match x:\n    case 1 + 2:\n        pass\n"]:
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
match = "soft keyword as name"
case = 1
print(match, case)
