# What leaves a try with except* clauses: bare 'raise' keeps the original
# group's structure for the re-raised parts, new exceptions raised by
# clauses are gathered with the unhandled rest into ExceptionGroup(''),
# and __context__ links a raised exception to the part its clause handled.

def describe(e, depth=0):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r})")
        for sub in e.exceptions:
            describe(sub, depth + 1)
    else:
        ctx = e.__context__
        ctx_s = f" ctx={type(ctx).__name__}" if ctx is not None else ""
        print(f"{pad}{type(e).__name__}({e}){ctx_s}")


def run(label, fn):
    print("--", label)
    try:
        fn()
        print("no exception")
    except BaseException as e:
        describe(e)


def bare_reraise():
    try:
        raise ExceptionGroup("orig", [ValueError(1), ExceptionGroup("in", [ValueError(2), TypeError(3)])])
    except* ValueError:
        raise


def reraise_and_raise_new():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise RuntimeError("new from T")


def raise_new_only():
    try:
        raise ExceptionGroup("orig", [ValueError(1)])
    except* ValueError as g:
        raise IndexError("replacement")


def raise_from_handler():
    try:
        raise ExceptionGroup("orig", [ValueError(1)])
    except* ValueError as g:
        raise IndexError("with cause") from g.exceptions[0]


def raise_group_in_handler():
    try:
        raise ExceptionGroup("orig", [ValueError(1), OSError(2)])
    except* ValueError:
        raise ExceptionGroup("fresh", [ArithmeticError("a")])


def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise


def naked_new():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("replaced naked")


def handled_all():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
    except* TypeError:
        pass


def raise_raised_exception_object():
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise g


for f in [bare_reraise, reraise_and_raise_new, raise_new_only, raise_from_handler,
          raise_group_in_handler, naked_reraise, naked_new, handled_all, raise_raised_exception_object]:
    run(f.__name__, f)

try:
    raise_from_handler()
except ExceptionGroup as eg:
    inner = eg.exceptions[0]
    print(type(inner.__cause__).__name__, inner.__cause__, inner.__suppress_context__)

try:
    reraise_and_raise_new()
except ExceptionGroup as eg:
    print([type(x).__name__ for x in eg.exceptions], eg.message == "")
    print(eg.exceptions[-1].message, [type(x).__name__ for x in eg.exceptions[-1].exceptions])


def nested_try_star():
    try:
        try:
            raise ExceptionGroup("top", [ValueError("a"), TypeError("b"), OSError("c")])
        except* ValueError:
            raise KeyError("from inner handler")
    except* KeyError as g:
        print("outer caught", [repr(e) for e in g.exceptions])
    except* TypeError as g:
        print("outer caught T", [repr(e) for e in g.exceptions])


try:
    nested_try_star()
except ExceptionGroup as e:
    describe(e)
