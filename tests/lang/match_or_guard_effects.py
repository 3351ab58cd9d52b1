# Tests OR-pattern alternatives tried left to right, bindings consistency, guard side effects and evaluation counts, and subject evaluated exactly once.

evals = []
def subject():
    evals.append("subject")
    return [1, 2]
match subject():
    case [0, _]:
        pass
    case [1, x] if (evals.append(f"guard x={x}") or x > 5):
        pass
    case [1, x] if (evals.append(f"second guard x={x}") or True):
        evals.append("matched second")
print(evals)

class Spy:
    log = []
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        Spy.log.append(f"eq {self.v} vs {other}")
        return self.v == other

class C:
    A = Spy(1)
    B = Spy(2)
    C_ = Spy(3)

match 3:
    case C.A | C.B | C.C_:
        print("matched one of the spies")
print(Spy.log)
Spy.log.clear()
match 2:
    case C.A | C.B | C.C_:
        print("short-circuited at second")
print(Spy.log)

def alt(v):
    match v:
        case (1, a) | (a, 1):
            return f"a={a}"
        case [x, y] | {"x": x, "y": y}:
            return f"x={x} y={y}"
        case int(n) | float(n) if n > 0:
            return f"positive {n}"
        case str() | bytes():
            return "text-like"
    return "nothing"

print([alt(v) for v in [(1, 5), (7, 1), (1, 1), [3, 4], {"x": 0, "y": 9}, 3, -3, 2.5, "s", b"b", None]])
count = 0
def guard():
    global count
    count += 1
    return False
for v in range(5):
    match v:
        case 0 | 1 | 2 if guard():
            pass
        case _:
            pass
print("guard called", count, "times")
class Attr:
    calls = 0
    @property
    def x(self):
        Attr.calls += 1
        return 1
match Attr():
    case Attr(x=0) | Attr(x=1):
        print("attribute looked up per alternative:", Attr.calls)
