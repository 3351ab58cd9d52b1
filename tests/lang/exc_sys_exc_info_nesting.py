# Tests sys.exc_info()/sys.exception visibility across nested handlers, function calls from handlers, generators suspended in handlers, and after handlers finish.

import sys

def current():
    t = sys.exc_info()[0]
    return t.__name__ if t else None

def inspect_from_callee():
    return current()

print(current())
try:
    raise KeyError("outer")
except KeyError:
    print("in handler:", current(), "| callee sees:", inspect_from_callee())
    try:
        raise ValueError("inner")
    except ValueError:
        print("nested handler:", current())
    print("back in outer handler:", current())
print("after all handlers:", current())

def handler_then_return():
    try:
        raise IndexError
    except IndexError:
        return current()

print(handler_then_return(), current())

def gen():
    try:
        raise OSError("in gen")
    except OSError:
        yield current()
        yield current()
    yield current()

g = gen()
print(next(g), "| caller after yield:", current())
try:
    raise TypeError("caller's own")
except TypeError:
    print(next(g), "| caller:", current())
print(next(g), current())

def finally_sees():
    try:
        try:
            raise ZeroDivisionError
        finally:
            seen = current()
    except ZeroDivisionError:
        pass
    return seen

print(finally_sees())

class CM:
    def __exit__(self, *a):
        self.seen = current()
        return True
    def __enter__(self):
        return self

cm = CM()
with cm:
    raise RuntimeError
print("__exit__ sees:", cm.seen, "| after with:", current())
e1 = None
try:
    raise AttributeError("keep me")
except AttributeError as e:
    e1 = e
print(type(e1).__name__, current(), sys.exc_info() == (None, None, None))
