# Tests with-statement semantics: evaluation order of managers and targets, exit arguments, multiple items, parenthesized items, nesting with exceptions.

log = []

class CM:
    def __init__(self, name, suppress=False, fail_enter=False):
        self.name = name
        self.suppress = suppress
        self.fail_enter = fail_enter
        log.append(f"init {name}")

    def __enter__(self):
        log.append(f"enter {self.name}")
        if self.fail_enter:
            raise RuntimeError(f"enter {self.name} failed")
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None}")
        return self.suppress

def flush(tag):
    print(tag, log)
    log.clear()

with CM("a") as a, CM("b") as b:
    log.append(f"body {a} {b}")
flush("two items")
with (CM("p1") as p1,
      CM("p2") as p2):
    log.append("paren body")
flush("parenthesized")
with (CM("solo")):
    pass
flush("single paren")
try:
    with CM("x"), CM("y", fail_enter=True), CM("z"):
        log.append("unreachable")
except RuntimeError as e:
    log.append(f"caught {e}")
flush("enter failure")
with CM("outer", suppress=True):
    with CM("inner"):
        raise ValueError("v")
flush("inner propagates, outer suppresses")

def gen_cm():
    with CM("in generator"):
        yield 1
        yield 2

g = gen_cm()
next(g)
g.close()
flush("generator close")

class ExitInspects:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("exit args:", et, type(ev).__name__ if ev else ev, type(tb).__name__ if tb else tb)
        return isinstance(ev, KeyError)

with ExitInspects():
    pass
with ExitInspects():
    raise KeyError("k")
try:
    with ExitInspects():
        raise ValueError
except ValueError:
    print("ValueError propagated")

class Reusable:
    def __init__(self):
        self.depth = 0

    def __enter__(self):
        self.depth += 1
        return self.depth

    def __exit__(self, *a):
        self.depth -= 1

r = Reusable()
with r as d1:
    with r as d2:
        print("depths", d1, d2, r.depth)
print("after", r.depth)

class Attr:
    pass

obj = Attr()
with CM("attr-target") as obj.value:
    pass
print(obj.value)
flush("attr target")
with CM("lmno") as [l1, l2, *l3]:
    print(l1, l2, l3)
flush("list target")

def with_return():
    with CM("ret"):
        return "value"
    log.append("unreachable")

print(with_return())
flush("return")
for i in range(2):
    with CM(f"c{i}"):
        if i == 0:
            continue
        break
flush("continue/break")
from contextlib import contextmanager, suppress, nullcontext

@contextmanager
def managed(tag):
    print("  setup", tag)
    try:
        yield f"resource {tag}"
    except ZeroDivisionError:
        print("  handled in generator")
    finally:
        print("  teardown", tag)

with managed("A") as res:
    print("  using", res)
with managed("B"):
    1 / 0
print("after B")
with suppress(KeyError, IndexError):
    [][0]
print("suppressed")
with nullcontext(5) as nv:
    print("nullcontext", nv)
