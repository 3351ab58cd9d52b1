# Exception chaining: implicit __context__ while handling, explicit
# 'raise ... from' setting __cause__ and __suppress_context__, 'from None',
# chains through finally and nested handlers, cycles cut, and the
# attributes' type checks.

def chain(e):
    out = []
    while e is not None:
        out.append(f"{type(e).__name__}({e})")
        if e.__cause__ is not None:
            out.append("<cause>")
            e = e.__cause__
        elif e.__context__ is not None and not e.__suppress_context__:
            out.append("<context>")
            e = e.__context__
        else:
            e = None
    return " ".join(out)


def catch(fn):
    try:
        fn()
    except BaseException as e:
        return e


def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")


def explicit():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e


def from_none():
    try:
        int("x")
    except ValueError:
        raise TypeError("clean") from None


def from_other():
    raise OSError("io") from IndexError("unrelated")


def in_finally():
    try:
        raise ValueError("body")
    finally:
        raise KeyError("finally")


def nested_three():
    try:
        try:
            raise ValueError("one")
        except ValueError:
            raise TypeError("two")
    except TypeError:
        raise RuntimeError("three")


def reraise_same():
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e


def handler_then_new():
    try:
        raise ValueError("first")
    except ValueError:
        pass
    raise TypeError("after handler")


for f in [implicit, explicit, from_none, from_other, in_finally, nested_three, reraise_same, handler_then_new]:
    e = catch(f)
    print(f.__name__.ljust(16), chain(e), "| suppress:", e.__suppress_context__,
          "| context:", type(e.__context__).__name__ if e.__context__ else None)

e = catch(from_none)
print("from None keeps context:", type(e.__context__).__name__, e.__cause__)
e.__suppress_context__ = False
print("unsuppressed:", chain(e))

x = ValueError("x")
x.__cause__ = KeyError("c")
print(x.__suppress_context__, chain(x))
x.__cause__ = None
print(x.__suppress_context__, repr(x.__cause__))
for attr, bad in [("__cause__", 5), ("__context__", "str"), ("__cause__", ValueError)]:
    try:
        setattr(x, attr, bad)
    except TypeError as err:
        print(attr, "TypeError", err)


def cycle():
    a = ValueError("a")
    b = TypeError("b")
    try:
        try:
            raise a
        except ValueError:
            raise b
    except TypeError:
        try:
            raise a
        except ValueError as final:
            return final


f = cycle()
print("cycle cut:", chain(f), f.__context__ is not None)

try:
    raise ValueError("cause must be exception") from 5
except TypeError as err:
    print("TypeError", err)
try:
    raise ValueError from KeyError
except ValueError as err:
    print("class cause instantiated:", repr(err.__cause__))
