# Tests with-statement exception handling details: exit receives the live exception object, exceptions raised in __exit__ replace/chain, exit return truthiness rules.

class Inspect:
    def __init__(self, ret=None):
        self.ret = ret
        self.seen = None

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        self.seen = (et, ev, tb is not None)
        return self.ret

err = ValueError("original")
cm = Inspect()
try:
    with cm:
        raise err
except ValueError as e:
    print(e is err, cm.seen[1] is err, cm.seen[0] is ValueError, cm.seen[2])
for ret in [None, 0, "", [], 1, "yes", [0], True]:
    cm = Inspect(ret)
    try:
        with cm:
            raise KeyError("k")
        outcome = "suppressed"
    except KeyError:
        outcome = "propagated"
    print(repr(ret), outcome)

class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise RuntimeError(f"exit saw {et.__name__ if et else None}")

try:
    with ExitRaises():
        raise IndexError("body")
except RuntimeError as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__)
try:
    with ExitRaises():
        pass
except RuntimeError as e:
    print(type(e).__name__, e, "| context:", e.__context__)

class ExitBoolRaises:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        class Bad:
            def __bool__(self):
                raise TypeError("bad truth value")
        return Bad()

try:
    with ExitBoolRaises():
        raise ValueError("inner")
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

class Reraise:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        if ev is not None:
            raise ev

try:
    with Reraise():
        raise OSError("same object")
except OSError as e:
    print(type(e).__name__, e, e.__context__)

class SuppressSome:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)

with SuppressSome(KeyError, IndexError):
    {}["missing"]
with SuppressSome(LookupError):
    [][0]
try:
    with SuppressSome(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)

def gen_in_with():
    with SuppressSome(StopIteration):
        yield 1
        yield 2

print(list(gen_in_with()))
