# Tests chained comparisons: short-circuiting, single evaluation of middle operands, mixing operators (in, is, not in), and results.

log = []
def v(tag, val):
    log.append(tag)
    return val

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0, 5 > 3 < 4 > 1)
print(v("a", 1) < v("b", 2) < v("c", 3), log)
log.clear()
print(v("a", 1) < v("b", 0) < v("c", 3), log)
log.clear()
print(v("a", 3) > v("b", 2) > v("c", 5) > v("d", 0), log)
log.clear()
x = 5
print(0 <= x < 10, 0 <= x < 5, x in [5] in [[5]], 1 in [1, 2] != False, None is None is not False)
print("a" < "b" < "c", [1] < [2] < [3], (1, 2) < (1, 3) <= (1, 3))
print(1 < 2 == True, (1 < 2) == True, 1 < (2 == True))
print(not 1 < 2 < 3, not (1 > 2) < 3)

class Noisy:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print(f"  {self.v} < {o.v}")
        return self.v < o.v

    def __bool__(self):
        print(f"  bool({self.v})")
        return True

print(Noisy(1) < Noisy(2) < Noisy(3))

class Weird:
    def __lt__(self, o):
        return "truthy-result"

    def __gt__(self, o):
        return ""

print(Weird() < 1, Weird() < 1 < 2, Weird() > 1 < 2, 1 < 2 < Weird() if False else "skip")
a = [1, 2, 3]
print(1 in a in [a], 4 not in a not in [], a is a is not None)
try:
    print(1 < "a" < 2)
except TypeError as e:
    print(type(e).__name__, e)
print(1 > 2 < "a")
i = 0
def counter():
    global i
    i += 1
    return i
print(0 < counter() < 5, i)
print(1 < 2 < 3 < 4 < 5 < 6 < 7 < 8, 1 < 2 < 3 < 4 < 5 < 6 < 7 < 0)
r = 1 < 2 < 3
print(type(r).__name__, type(Weird() < 1).__name__)
print(2 ** 100 > 2 ** 99 > 1e29, float("nan") < 1 < 2, 1 < float("inf") > 10 ** 400)
