# atexit: callbacks run last-registered first at normal exit, with their
# arguments; unregister removes every registration of a function (leaving
# a hole _ncallbacks still counts, as CPython 3.11); _run_exitfuncs runs and
# clears them; an exception in one callback is reported on stderr and the
# others still run; a callback registered while exiting is not run.
import atexit
import sys

start = atexit._ncallbacks()

def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))

def fail():
    print("fail runs")
    raise ValueError("from a callback")

def late():
    print("late must not run")

def registers_more():
    print("registers_more")
    atexit.register(late)

print(atexit.register(show, 1, 2, key="v") is show)
atexit.register(show, "second")
atexit.register(print, "plain print", "with", "args", sep="-")
print(atexit._ncallbacks() - start)

def gone():
    print("gone must not run")

atexit.register(gone)
atexit.register(gone, 1)
atexit.unregister(gone)
print("after unregister", atexit._ncallbacks() - start)
atexit.unregister(lambda: None)

try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
try:
    atexit.register()
except TypeError as e:
    print("TypeError", e)

# _run_exitfuncs runs the ones registered so far, then forgets them.
atexit.register(show, "early")
atexit._run_exitfuncs()
print("after run", atexit._ncallbacks() - start <= 0)
atexit._run_exitfuncs()

atexit.register(show, "cleared")
atexit._clear()
print("cleared", atexit._ncallbacks())

atexit.register(show, "first registered runs last")
atexit.register(fail)
atexit.register(registers_more)
atexit.register(show, "runs first")
print("end of program")
sys.exit(0)
