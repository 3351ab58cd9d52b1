# Tests BaseException.add_note and __notes__: accumulation, type checks, notes preserved through re-raise and on groups, with_traceback.

e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(42)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.add_note()
except TypeError as ex:
    print(type(ex).__name__, ex)

def annotate():
    try:
        int("abc")
    except ValueError as ex:
        ex.add_note("while parsing config")
        raise

try:
    annotate()
except ValueError as ex:
    print(ex, ex.__notes__)

e2 = KeyError("k")
e2.__notes__ = ["preset"]
e2.add_note("appended")
print(e2.__notes__)
e3 = TypeError()
e3.__notes__ = "not a list"
try:
    e3.add_note("x")
except TypeError as ex:
    print(type(ex).__name__, ex)
eg = ExceptionGroup("g", [ValueError(1)])
eg.add_note("group note")
m, r = eg.split(ValueError)
print(m.__notes__, r)
eg2 = ExceptionGroup("g", [ValueError(1), TypeError(2)])
eg2.add_note("copied?")
m2, r2 = eg2.split(ValueError)
print(m2.__notes__, r2.__notes__, m2.__notes__ is eg2.__notes__)
class Custom(Exception):
    pass
c = Custom()
c.add_note("")
c.add_note("multi\nline")
print(c.__notes__)
print(e.with_traceback(None) is e, e.__traceback__)
try:
    raise ValueError("tb")
except ValueError as ex:
    print(ex.__traceback__ is not None, type(ex.__traceback__).__name__, ex.__traceback__.tb_lineno > 0)
    saved = ex
print(saved.__traceback__ is not None)
ex4 = RuntimeError("x")
try:
    ex4.with_traceback(5)
except TypeError as err:
    print(type(err).__name__, err)
del e.__notes__
print(hasattr(e, "__notes__"))
e.add_note("fresh")
print(e.__notes__)
