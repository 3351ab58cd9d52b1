# Tests exception chaining: implicit __context__, explicit __cause__ via raise from, raise from None (__suppress_context__), manual setting.

def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")

try:
    implicit()
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)

def explicit():
    try:
        {}["k"]
    except KeyError as ke:
        raise RuntimeError("wrapped") from ke

try:
    explicit()
except RuntimeError as e:
    print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__cause__ is e.__context__, e.__suppress_context__)

def from_none():
    try:
        int("x")
    except ValueError:
        raise LookupError("clean") from None

try:
    from_none()
except LookupError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise TypeError("t") from ValueError("cause not raised")
except TypeError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__context__, e.__suppress_context__)

try:
    raise TypeError("t") from ValueError
except TypeError as e:
    print(type(e.__cause__).__name__, repr(e.__cause__))

try:
    raise TypeError("t") from 5
except TypeError as e:
    print(type(e).__name__, e)

def chain3():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise IndexError("b")
    except IndexError:
        raise ValueError("c")

try:
    chain3()
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}({cur})")
        cur = cur.__context__
    print(" <- ".join(chain))

def same_exception_reraise():
    try:
        raise ValueError("v")
    except ValueError as e:
        raise e

try:
    same_exception_reraise()
except ValueError as e:
    print(e.__context__)

def context_not_self():
    try:
        raise KeyError("k")
    except KeyError as outer:
        try:
            raise outer
        except KeyError as again:
            return again.__context__ is None, again is outer

print(context_not_self())
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(type(e.__cause__).__name__, e.__suppress_context__)
try:
    e.__cause__ = "not exc"
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.__context__ = 1
except TypeError as ex:
    print(type(ex).__name__, ex)
e.__suppress_context__ = True
print(e.__suppress_context__)

def finally_context():
    try:
        try:
            raise KeyError("in try")
        finally:
            raise ValueError("in finally")
    except ValueError as v:
        return type(v.__context__).__name__

print(finally_context())

def cycle():
    try:
        try:
            raise KeyError("A")
        except KeyError as a:
            try:
                raise ValueError("B")
            except ValueError as b:
                raise a
    except KeyError as final:
        return type(final.__context__).__name__, final.__context__.__context__ is None

print(cycle())
def handled_then_new():
    try:
        raise KeyError("old")
    except KeyError:
        pass
    try:
        raise ValueError("new")
    except ValueError as e:
        return e.__context__

print(handled_then_new())
def from_in_except_with_context():
    try:
        raise KeyError("ctx")
    except KeyError:
        try:
            raise TypeError("x") from OSError("cause")
        except TypeError as t:
            return type(t.__cause__).__name__, type(t.__context__).__name__
print(from_in_except_with_context())
