# except* clauses: which parts of a group each clause sees, naked exceptions
# wrapped in a group for the handler, tuples of types, clauses that match
# nothing, the handled exception (sys.exception()) inside a clause, and
# what propagates when clauses leave parts unhandled.
import sys


def names(eg):
    return [type(e).__name__ if not isinstance(e, BaseExceptionGroup) else names(e) for e in eg.exceptions]


def handle(exc):
    seen = []
    try:
        try:
            raise exc
        except* ValueError as g:
            seen.append(("ValueError", type(g).__name__, names(g), sys.exception() is g))
        except* (TypeError, KeyError) as g:
            seen.append(("TypeError|KeyError", names(g)))
        except* ZeroDivisionError:
            seen.append(("ZeroDivisionError clause", "no name bound"))
        except* ArithmeticError as g:
            seen.append(("ArithmeticError", names(g)))
    except BaseException as left:
        seen.append(("left over", type(left).__name__, names(left) if isinstance(left, BaseExceptionGroup) else str(left)))
    return seen


cases = [
    ExceptionGroup("all handled", [ValueError(1), TypeError(2), KeyError(3)]),
    ExceptionGroup("partial", [ValueError(1), OSError(2)]),
    ExceptionGroup("nested", [ExceptionGroup("n1", [ValueError(1), ZeroDivisionError()]), OverflowError()]),
    ExceptionGroup("none", [OSError(1), MemoryError()]),
    ValueError("naked value"),
    OverflowError("naked arith"),
    OSError("naked other"),
    BaseExceptionGroup("base", [ValueError(1), KeyboardInterrupt()]),
]
for c in cases:
    print(repr(c)[:60])
    for s in handle(c):
        print("   ", s)


def each_clause_once():
    hits = []
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2), TypeError(3)])
    except* ValueError as g:
        hits.append(len(g.exceptions))
    except* ValueError as g:
        hits.append("second ValueError clause")
    except* TypeError as g:
        hits.append(len(g.exceptions))
    return hits


print(each_clause_once())


def handler_order():
    order = []
    try:
        raise ExceptionGroup("g", [TypeError(1), ValueError(2)])
    except* ValueError:
        order.append("V")
    except* TypeError:
        order.append("T")
    finally:
        order.append("finally")
    return order


print(handler_order())


def star_in_loop():
    results = []
    for exc in [ValueError("a"), TypeError("b"), ExceptionGroup("c", [ValueError("c1"), TypeError("c2")])]:
        try:
            try:
                raise exc
            except* ValueError as g:
                results.append(("V", [str(e) for e in g.exceptions]))
        except* TypeError as g:
            results.append(("outer T", [str(e) for e in g.exceptions]))
    return results


print(star_in_loop())


def else_and_finally(fail):
    out = []
    try:
        if fail:
            raise ExceptionGroup("x", [ValueError()])
        out.append("body")
    except* ValueError:
        out.append("handler")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out


print(else_and_finally(False), else_and_finally(True))


def exc_info_restored():
    try:
        raise KeyError("outer")
    except KeyError:
        before = repr(sys.exception())
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            during = type(sys.exception()).__name__
        after = repr(sys.exception())
        return before, during, after


print(exc_info_restored())
