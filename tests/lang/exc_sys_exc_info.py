# The exception being handled as sys.exc_info()/sys.exception() sees it:
# set inside except, restored after nested handlers, None outside, kept
# separately by each generator and coroutine while it is suspended, and
# visible in finally only while an exception propagates.
import sys


def now():
    e = sys.exception()
    return None if e is None else f"{type(e).__name__}({e})"


print("top level:", now(), sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    print("in handler:", now(), sys.exc_info()[0].__name__)
    try:
        raise KeyError("inner")
    except KeyError:
        print("nested:", now())
    print("back to outer:", now())
print("after:", now())


def finally_sees():
    seen = []
    try:
        try:
            raise TypeError("propagating")
        finally:
            seen.append(now())
    except TypeError:
        pass
    try:
        pass
    finally:
        seen.append(now())
    return seen


print(finally_sees())


def gen():
    yield now()
    try:
        raise IndexError("in gen")
    except IndexError:
        yield now()
        yield now()
    yield now()


g = gen()
print("gen 1:", next(g))
print("gen 2:", next(g))
try:
    raise OSError("caller's")
except OSError:
    print("caller handler, gen 3:", next(g), "| caller still:", now())
print("gen 4:", next(g), "| caller after:", now())


def func_called_in_handler():
    return now()


try:
    raise ZeroDivisionError("zd")
except ZeroDivisionError:
    print("callee sees:", func_called_in_handler())


class Step:
    def __await__(self):
        yield


async def coro():
    try:
        raise LookupError("in coro")
    except LookupError:
        await Step()
        return now()


c = coro()
c.send(None)
print("while coro suspended:", now())
try:
    c.send(None)
except StopIteration as e:
    print("coro saw:", e.value)


def except_as_deleted():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        return err
    except NameError as ne:
        return f"NameError: {ne}"


print(except_as_deleted())


def exc_info_in_except_star():
    seen = None
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        seen = now()
    return seen, now()


print(exc_info_in_except_star())
