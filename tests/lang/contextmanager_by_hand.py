# Tests a generator-based context manager decorator written by hand: setup/teardown order, exception injection via throw, suppression, reuse errors, nesting.

class GeneratorCM:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")

def contextmanager(fn):
    def helper(*a, **k):
        return GeneratorCM(fn(*a, **k))
    return helper

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

@contextmanager
def suppress(*types):
    try:
        yield
    except types as e:
        print(f"  suppressed {type(e).__name__}: {e}")

@contextmanager
def converting():
    try:
        yield
    except KeyError as e:
        raise LookupError(f"converted {e}") from e

@contextmanager
def never_yields():
    if False:
        yield

@contextmanager
def yields_twice():
    yield 1
    yield 2

with tag("html") as t:
    with tag("body"):
        print("content", t)
with suppress(ZeroDivisionError):
    1 / 0
print("after suppress")
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated", e)
try:
    with converting():
        {}["missing"]
except LookupError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)
for cm in (never_yields, yields_twice):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
try:
    with tag("err"):
        raise OSError("inside tag")
except OSError as e:
    print("tag re-raised", e)
def early():
    with tag("ret"):
        return "returned through cm"
print(early())
