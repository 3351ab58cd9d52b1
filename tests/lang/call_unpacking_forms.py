# Argument unpacking in calls: * over any iterable (generators, strings,
# dicts, custom __iter__), ** over dicts, dict subclasses and objects with
# keys()/__getitem__, several * and ** in one call, evaluation order, and the
# errors for bad unpacking.

def show(*args, **kwargs):
    return args, sorted(kwargs.items())


print(show(*[1, 2], *(3,), *"ab", *range(2), *{"k": 1}))
print(show(*(x * x for x in range(3)), 9))
print(show(**{"a": 1}, **{"b": 2}, c=3))
print(show(1, *[2, 3], 4, *[], x=1, **{"y": 2}, z=3))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n, 0, -1))


print(show(*Countdown(3)))


class KeysOnly:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, key):
        return key * 2


print(show(**KeysOnly()))


class OrderedKeys(dict):
    def keys(self):
        return reversed(list(super().keys()))

    def __getitem__(self, key):
        return "sub-" + str(dict.__getitem__(self, key))


def order(**kw):
    return list(kw.items())


print(order(**OrderedKeys(a=1, b=2)))

# evaluation order: left to right, including the unpacked iterables
log = []


def note(tag, value):
    log.append(tag)
    return value


show(note("a", 1), *note("b", [2]), k=note("c", 3), **note("d", {"m": 4}))
print(log)


def f(a, b, c=0):
    return a, b, c


for call in (lambda: f(*5), lambda: f(**[1]), lambda: f(1, **{"a": 2}),
             lambda: f(**{"a": 1}, **{"a": 2}), lambda: f(**{1: 2}), lambda: f(*[1, 2, 3, 4]),
             lambda: show(*None), lambda: show(**None), lambda: f(a=1, **{"a": 1})):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


class BadIter:
    def __iter__(self):
        raise ValueError("iter failed")


try:
    show(*BadIter())
except ValueError as e:
    print("ValueError", e)


class BadKeys:
    def keys(self):
        return [1]

    def __getitem__(self, k):
        return k


try:
    show(**BadKeys())
except TypeError as e:
    print("TypeError", e)

# ** with the same key through kwargs and a positional parameter name
def g(x, **rest):
    return x, rest


print(g(1, **{"y": 2}), g(**{"x": 3, "z": 4}))
try:
    g(1, **{"x": 2})
except TypeError as e:
    print("TypeError", e)

# unpacking into builtins and methods
print(max(*[3, 1, 2]), "{}-{}".format(*"xy"), dict(**{"a": 1}, b=2), "-".join([*"abc"]))
print([*range(3), *"de"], (*[1], *[2]), {*[1, 1], *[2]}, {**{"a": 1}, "b": 2, **{"a": 3}})


# *args received is always a tuple, **kwargs always a fresh dict
def kinds(*a, **k):
    return type(a).__name__, type(k).__name__


src = {"q": 1}
print(kinds(*[1], **src), kinds(*Countdown(1), **OrderedKeys(z=1)))


def mutate(**k):
    k["new"] = 1
    return k


print(mutate(**src), src)
