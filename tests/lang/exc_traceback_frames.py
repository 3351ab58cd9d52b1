# Traceback objects and the frames they keep: tb_next order, tb_lineno
# relative to the function, tb_frame.f_code/f_lineno/f_locals/f_globals,
# frames of functions that already returned, with_traceback() replacing a
# traceback, and tracebacks growing as an exception is re-raised outward.
import sys


def rel(tb):
    return tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno


def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, rel(tb)))
        tb = tb.tb_next
    return out


def inner(x):
    local_value = x * 2
    if x > 0:
        raise ValueError(f"bad {x}")
    return local_value


def middle(x):
    marker = "middle-local"
    return inner(x) + 1


def outer(x):
    try:
        return middle(x)
    finally:
        pass


try:
    outer(3)
except ValueError as e:
    print(walk(e.__traceback__)[1:])
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    frame = tb.tb_frame
    print(frame.f_code.co_name, sorted(frame.f_locals.items()), frame.f_globals is globals())
    print(frame.f_lineno - frame.f_code.co_firstlineno, tb.tb_lasti >= 0, type(tb.tb_lasti).__name__)
    mid = e.__traceback__.tb_next.tb_next.tb_frame
    print(mid.f_code.co_name, mid.f_locals["marker"], mid.f_back is not None)


def catch_here():
    try:
        inner(1)
    except ValueError as e:
        return e


e = catch_here()
print(walk(e.__traceback__))
try:
    raise e
except ValueError as again:
    print(len(walk(again.__traceback__)), walk(again.__traceback__)[0][0])


def reraiser():
    try:
        inner(5)
    except ValueError:
        raise


def wrapper():
    reraiser()


try:
    wrapper()
except ValueError as e:
    print(walk(e.__traceback__)[1:])

fresh = RuntimeError("fresh")
print(fresh.__traceback__)
try:
    raise fresh
except RuntimeError as caught:
    saved_tb = caught.__traceback__
other = KeyError("k").with_traceback(saved_tb)
print(other.__traceback__ is saved_tb, walk(other.__traceback__)[0][0])
try:
    raise other
except KeyError as k:
    print(len(walk(k.__traceback__)))


def in_generator():
    yield 1
    inner(7)


try:
    for _ in in_generator():
        pass
except ValueError as e:
    print(walk(e.__traceback__)[1:])


def lambda_and_comprehension():
    return [(lambda v: inner(v))(v) for v in [0, 2]]


try:
    lambda_and_comprehension()
except ValueError as e:
    print([n for n, _ in walk(e.__traceback__)][1:])

try:
    inner(9)
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is v.__traceback__, tb.tb_frame is sys._getframe())
