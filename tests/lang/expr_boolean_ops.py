# Tests and/or/not: operand return values, short-circuit evaluation order, not always returns bool, with custom __bool__ objects, long chains.

class T:
    def __init__(self, name, truth):
        self.name = name
        self.truth = truth

    def __bool__(self):
        log.append(f"bool({self.name})")
        return self.truth

    def __repr__(self):
        return self.name

log = []
a, b, c = T("a", True), T("b", False), T("c", True)
for expr in ["a and b", "b and a", "a or b", "b or c", "a and b or c", "b or b and a", "not a", "not b", "a and c and b",
             "b or b or b", "(a or b) and c", "a or b and c", "not a or not b", "not (a and b)"]:
    log.clear()
    r = eval(expr)
    print(f"{expr:22} -> {r!r:6} {log}")
print(type(not 5).__name__, not "", not [1], not None)
print(1 and "x", 0 and "x", "" or None, None or "", [] or [] or [0], 5 and 0 and 1)
print(True and 3, False or 0.0, 3 and True, (1, 2) and [], {} or set())
def side(tag, val):
    log.append(tag)
    return val
log.clear()
r = side(1, 0) or side(2, "") or side(3, "found") or side(4, "not reached")
print(r, log)
log.clear()
r = side(1, 1) and side(2, 2) and side(3, 0) and side(4, "not reached")
print(r, log)
x = 5
print(x > 0 and x < 10, x > 0 and "positive", x < 0 or "non-negative", not x == 5)
value = None
print(value or "fallback", (value or {}).get("k", "missing"), value and value.attr)
print([i for i in range(10) if i % 2 and i % 3], all(i and True for i in [1, 2]), any(not i for i in [1, 0]))
print(1 or 1 / 0, 0 and 1 / 0, not (0 and 1 / 0))
class Raises:
    def __bool__(self):
        raise RuntimeError("bool raised")
try:
    Raises() or 1
except RuntimeError as e:
    print(type(e).__name__, e)
print(0 or Raises.__name__, Raises and "class is truthy")
print((lambda: 0)() or (lambda: "second")())
