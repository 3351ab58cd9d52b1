# Tests exceptions in generators and comprehensions: propagation to the consumer, generator state after errors, StopIteration conversions, try inside generators.

def failing():
    yield 1
    raise ValueError("inside generator")
    yield 2

g = failing()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
print(next(g, "exhausted after error"))
try:
    [x for x in failing()]
except ValueError as e:
    print("comprehension propagates", e)
try:
    print(sum(1 / x for x in [1, 0]))
except ZeroDivisionError as e:
    print(type(e).__name__, e)

def recovers():
    for i in range(4):
        try:
            if i == 2:
                raise KeyError(i)
            yield i
        except KeyError as e:
            yield f"recovered {e}"

print(list(recovers()))

def gen_stop():
    yield 1
    next(iter([]))

try:
    list(gen_stop())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

def comprehension_stop():
    return [next(iter([])) for _ in range(1)]

try:
    comprehension_stop()
except StopIteration as e:
    print("StopIteration escapes list comprehension:", type(e).__name__)
try:
    list(next(iter([])) for _ in range(1))
except RuntimeError as e:
    print("generator expression converts:", type(e).__name__, e)

def finally_runs_on_error():
    try:
        yield 1
        raise IndexError("late")
    finally:
        print("  finally ran")

try:
    for v in finally_runs_on_error():
        print("  got", v)
except IndexError as e:
    print(type(e).__name__, e)

def exc_info_in_gen():
    import sys
    try:
        raise KeyError("a")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

eg = exc_info_in_gen()
print(next(eg))
import sys
print(sys.exc_info()[0])
print(next(eg), next(eg))

def reraise_in_gen():
    try:
        yield
    except ValueError:
        raise TypeError("converted")

rg = reraise_in_gen()
next(rg)
try:
    rg.throw(ValueError)
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

def gen_with_context():
    try:
        1 / 0
    except ZeroDivisionError:
        yield "in handler"
        raise

gc = gen_with_context()
print(next(gc))
try:
    next(gc)
except ZeroDivisionError as e:
    print("re-raised after yield:", type(e).__name__)

def deep_gen(n):
    if n == 0:
        raise OSError("bottom")
    yield from deep_gen(n - 1)

try:
    list(deep_gen(5))
except OSError as e:
    print(type(e).__name__, e)
try:
    {k: 1 / k for k in [2, 1, 0]}
except ZeroDivisionError as e:
    print("dict comprehension", type(e).__name__)
try:
    {int(s) for s in ["1", "x"]}
except ValueError as e:
    print("set comprehension", e)
