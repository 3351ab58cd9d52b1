# Closing suspended generators: all(), any() and next() drop generator
# expressions part-way, del and close() finish generators with and without
# handlers around the yield. Cleanup code, finalizers of locals and
# GeneratorExit handling must behave the same on every path.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def plain(n):
    keep = Noisy("plain-local")
    for i in range(n):
        yield i


def with_finally(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("finally ran")


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2


def delegating():
    yield from with_finally(5)
    print("not reached")


def in_except():
    try:
        raise ValueError("inner")
    except ValueError:
        yield "in handler"
        print("not reached either")


print(all(x < 3 for x in range(10)))
print(any(x > 3 for x in range(10)))
print(next(x * x for x in range(5, 10)))

g = plain(5)
print(next(g), next(g))
g.close()
print("after close", list(g))

g = plain(3)
next(g)
del g
print("after del")

g = with_finally(4)
next(g)
g.close()
g.close()

g = catches_exit()
next(g)
g.close()

g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

g = delegating()
print(next(g), next(g))
g.close()

g = in_except()
print(next(g))
g.close()

# A closed generator raises StopIteration and throw() goes straight through.
g = plain(3)
next(g)
g.close()
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)

# close() of a generator that was never started or already finished.
g = with_finally(2)
g.close()
print(list(g))
g = with_finally(1)
print(list(g))
g.close()

# The value of gi_frame after close.
g = plain(3)
next(g)
g.close()
print(g.gi_frame)
