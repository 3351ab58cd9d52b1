# Exceptions escaping generators: the generator is finished afterwards,
# PEP 479 turns StopIteration raised inside into RuntimeError (with the
# original as __cause__), exceptions from yield from sub-generators, from
# generator expressions and from close()/throw().

def failing(n):
    for i in range(n):
        yield i
    raise LookupError(f"after {n}")


g = failing(2)
got = []
try:
    for v in g:
        got.append(v)
except LookupError as e:
    print("caught", e, got)
print("finished:", next(g, "exhausted"), g.gi_frame)


def leaks_stop():
    yield 1
    raise StopIteration("leaked")


try:
    list(leaks_stop())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), e.__suppress_context__)


def next_on_empty():
    yield next(iter([]))


try:
    next(next_on_empty())
except RuntimeError as e:
    print("next() inside:", e)


def sub():
    yield "sub"
    raise KeyError("from sub")


def delegator():
    try:
        yield from sub()
    except KeyError as e:
        yield f"delegator caught {e}"
    yield from sub()


d = delegator()
print(next(d), next(d), next(d))
try:
    next(d)
except KeyError as e:
    print("second sub escaped:", e)

ge = (1 // x for x in [1, 0, 2])
print(next(ge))
try:
    next(ge)
except ZeroDivisionError as e:
    print("genexp:", e, list(ge))


def cleanup_fails():
    try:
        yield 1
    finally:
        raise OSError("cleanup failed")


c = cleanup_fails()
next(c)
try:
    c.close()
except OSError as e:
    print("close raised", e, type(e.__context__).__name__)


def swallow_then_fail():
    try:
        yield 1
    except ValueError:
        raise TypeError("converted")


s = swallow_then_fail()
next(s)
try:
    s.throw(ValueError("in"))
except TypeError as e:
    print("throw converted:", e, "| context:", repr(e.__context__))


def state_during():
    yield st.gi_running
    try:
        next(st)
    except ValueError as e:
        yield str(e)


st = state_during()
print(next(st), next(st))


def final():
    yield "last value"
    raise SystemError("uncaught at the end")


try:
    for v in final():
        print(v)
    print("not reached")
except SystemError as e:
    print("loop ended by", repr(e))
