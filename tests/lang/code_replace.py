# code.replace(), code equality and hash, and assigning __code__.
import sys
import types


def greet(name):
    "doc"
    return "hello " + name + "!"


co = greet.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_varnames, co.co_consts)

# Names: the function's identity in reprs and tracebacks.
renamed = co.replace(co_name="salute", co_qualname="Outer.salute")
print(renamed.co_name, renamed.co_qualname, co.co_name)
f = types.FunctionType(renamed, globals())
print(f.__name__, f("ann"))

# Constants: the new ones are used.
c2 = co.replace(co_consts=tuple("bye " if c == "hello " else c for c in co.co_consts))
greet2 = types.FunctionType(c2, globals(), "greet2")
print(greet2("bob"), greet("bob"))

# Global names: co_names redirects lookups.
X = "x-value"
Y = "y-value"
def read_x():
    return X
rx = types.FunctionType(read_x.__code__.replace(co_names=("Y",)), globals())
print(read_x(), rx(), read_x.__code__.co_names, rx.__code__.co_names)

# Renaming variables changes what locals() and errors report.
def locs(a, b=2):
    c = a + b
    return sorted(locals().items())
lc = locs.__code__.replace(co_varnames=("first", "second", "third"))
print(locs(1), types.FunctionType(lc, globals(), "locs", (2,))(1))
def unbound():
    x = x + 1
ub = types.FunctionType(unbound.__code__.replace(co_varnames=("zed",)), globals())
try:
    ub()
except UnboundLocalError as e:
    print(type(e).__name__, e)

# Flags: types.coroutine marks a generator's code as an iterable coroutine.
def gen():
    yield 1
flagged = gen.__code__.replace(co_flags=gen.__code__.co_flags | 0x100)
print(gen.__code__.co_flags & 0x100, flagged.co_flags & 0x100)

# Filename and first line move the traceback.
def boom():
    raise ValueError("boom")
moved = types.FunctionType(boom.__code__.replace(co_filename="elsewhere.py",
                                                 co_firstlineno=boom.__code__.co_firstlineno + 100),
                           globals())
try:
    moved()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_filename, tb.tb_lineno - boom.__code__.co_firstlineno)
print([l for _, _, l in moved.__code__.co_lines()][-1] - boom.__code__.co_firstlineno)

# Equality and hash by value.
print(co == co.replace(), hash(co) == hash(co.replace()), co != co.replace())
print(co == renamed, co == c2, co == 1, co.replace(co_firstlineno=1) == co)
def same1(): return 1.0
def same2(): return 1.0
def other(): return 1
print(same1.__code__ == same2.__code__.replace(co_name="same1", co_qualname="same1",
                                               co_firstlineno=same1.__code__.co_firstlineno))
print(same1.__code__ == other.__code__.replace(co_name="same1", co_qualname="same1",
                                               co_firstlineno=same1.__code__.co_firstlineno))
print(len({co, co.replace(), renamed}))

# Assigning __code__ keeps the closure's shape.
def plain():
    return "plain"
def make():
    v = "cell"
    def inner():
        return v
    return inner
inner = make()
try:
    plain.__code__ = inner.__code__
except ValueError as e:
    print(e)
try:
    inner.__code__ = plain.__code__
except ValueError as e:
    print(e)
try:
    plain.__code__ = None
except TypeError as e:
    print(e)
def plain2():
    return "plain2"
plain.__code__ = plain2.__code__
print(plain(), plain.__name__)

# Bad arguments.
for kwargs in ({"co_name": 1}, {"co_consts": [1]}, {"co_filename": b"x"},
               {"co_flags": "x"}, {"co_bogus": 1}, {"co_names": (1,)},
               {"co_varnames": ("a", 2)}, {"co_firstlineno": 2 ** 40}):
    try:
        co.replace(**kwargs)
    except (TypeError, ValueError, SystemError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    co.replace("x")
except TypeError as e:
    print(e)
