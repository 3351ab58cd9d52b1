# Tests generator.throw argument forms (instance, class, class+value) and exception types thrown at different suspension points, including inside try/finally and yield from.

import warnings
warnings.simplefilter("ignore", DeprecationWarning)

def catch_all():
    while True:
        try:
            yield "waiting"
        except Exception as e:
            yield f"caught {type(e).__name__}: {e}"

g = catch_all()
next(g)
print(g.throw(ValueError("instance")))
next(g)
print(g.throw(KeyError))
next(g)
print(g.throw(TypeError, "class + value"))
next(g)
print(g.throw(TypeError, TypeError("class + instance")))
next(g)
try:
    g.throw(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.throw(ValueError, KeyError("mismatch"))
except TypeError as e:
    print(type(e).__name__, e)
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit passes through except Exception")

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  finally on throw")

wf = with_finally()
next(wf)
try:
    wf.throw(IndexError("thrown"))
except IndexError as e:
    print(type(e).__name__, e)
print(next(wf, "exhausted"))

def inner():
    try:
        yield "inner"
    except ZeroDivisionError:
        yield "inner handled"

def outer():
    r = yield from inner()
    yield "outer after inner"

o = outer()
next(o)
print(o.throw(ZeroDivisionError))
print(next(o))

def not_started():
    try:
        yield
    except Exception:
        print("  never: generator not started")

ns = not_started()
try:
    ns.throw(OSError("before start"))
except OSError as e:
    print(type(e).__name__, e)
print(next(ns, "finished after throw"))

def throw_stopiteration():
    yield 1

ts = throw_stopiteration()
next(ts)
try:
    ts.throw(StopIteration("thrown stop"))
except RuntimeError as e:
    print(type(e).__name__, e)
except StopIteration as e:
    print("StopIteration propagated unchanged", e)
