# __del__ at exit: what the program leaves alive is finalized when it ends,
# as CPython's shutdown does: a garbage cycle left for the collector, an
# object in a cycle held by a global, and a plain global; their __del__
# methods still see the module's globals and print through sys.stdout.
import atexit
import sys

GREETING = "bye"

class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        sys.stdout.write("del %d %s %s\n" % (self.n, GREETING, type(A).__name__))

a = A(1)
a.self = a
b = A(2)
def f():
    c = A(3)
    c.me = c
f()
atexit.register(lambda: print("atexit runs first"))
print("end of program")
