# Default values: evaluated once at def time, shared mutable defaults,
# __defaults__ and __kwdefaults__ read, replaced and deleted, and their type
# checks; keyword-only defaults independent of positional ones.

calls = []


def stamp(tag):
    calls.append(tag)
    return tag


def f(a=stamp("a"), *, k=stamp("k")):
    return a, k


print(calls, f(), f(1, k=2), calls)


def append_to(x, acc=[]):
    acc.append(x)
    return acc


print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)


def g(a, b=2, c=3, *, d=4, e):
    return a, b, c, d, e


print(g.__defaults__, g.__kwdefaults__, g(1, e=5))
g.__defaults__ = (20, 30)
g.__kwdefaults__ = {"d": 40, "e": 50}
print(g(1), g(1, 2, 3, d=4, e=5))
g.__defaults__ = (10, 20, 30)
print(g(e=0))
g.__defaults__ = None
try:
    g(1, e=1)
except TypeError as e:
    print("TypeError", e)
del g.__kwdefaults__
print(g.__kwdefaults__, g.__defaults__)
try:
    g(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

for bad in (5, [1], "ab"):
    try:
        g.__defaults__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    g.__kwdefaults__ = [("d", 1)]
except TypeError as e:
    print("TypeError", e)


def nodefaults(x):
    return x


print(nodefaults.__defaults__, nodefaults.__kwdefaults__)
nodefaults.__defaults__ = (7,)
print(nodefaults())

# lambdas and methods carry defaults too
lam = lambda x=1, *, y=2: (x, y)
print(lam(), lam.__defaults__, lam.__kwdefaults__)


class C:
    def m(self, v=[]):
        v.append(len(v))
        return v


print(C().m(), C().m(), C.m.__defaults__)

# defaults are evaluated in the enclosing scope at def time
x = "module"


def outer():
    x = "outer"

    def inner(v=x):
        return v

    return inner


x = "changed"
print(outer()())


# a default may refer to an earlier function
def first():
    return "first"


def second(cb=first):
    return cb()


def first():
    return "redefined"


print(second())

# None sentinel idiom versus a shared default
def safe(x, acc=None):
    acc = [] if acc is None else acc
    acc.append(x)
    return acc


print(safe(1), safe(2))


# positional-only parameters with defaults
def po(a, b=2, /, c=3):
    return a, b, c


print(po(1), po(1, 5), po(1, c=9), po.__defaults__)
po.__defaults__ = (0, 0)
print(po(1))
