# __notes__ with exception groups and handlers: notes added in except*
# clauses, notes kept through re-raise, copied (not shared) by split,
# notes on the members versus on the group, and add_note's checks.

def notes(e):
    return getattr(e, "__notes__", None)


eg = ExceptionGroup("g", [ValueError("v"), TypeError("t")])
eg.add_note("group level")
eg.exceptions[0].add_note("on the ValueError")
m, r = eg.split(ValueError)
print(notes(m), notes(r), notes(m.exceptions[0]), notes(r.exceptions[0]))
m.add_note("only on match")
print(notes(m), notes(eg), notes(r))


def annotate_in_handler():
    try:
        raise ExceptionGroup("work", [ValueError("a"), KeyError("b")])
    except* ValueError as g:
        for e in g.exceptions:
            e.add_note(f"handled {e}")
        raise


try:
    annotate_in_handler()
except ExceptionGroup as e:
    print(repr(e), notes(e.exceptions[0]), notes(e))


def note_on_group_then_reraise():
    try:
        raise ExceptionGroup("tagged", [OSError("o"), OSError("p")])
    except* OSError as g:
        g.add_note("note on the matched group")
        raise


try:
    note_on_group_then_reraise()
except ExceptionGroup as e:
    print(repr(e), notes(e))


def layered():
    try:
        try:
            raise ValueError("base")
        except ValueError as e:
            e.add_note("inner layer")
            raise
    except ValueError as e:
        e.add_note("outer layer")
        raise RuntimeError("wrapped") from e


try:
    layered()
except RuntimeError as e:
    print(notes(e), notes(e.__cause__))

x = Exception()
for bad in [None, b"bytes", 1.5]:
    try:
        x.add_note(bad)
    except TypeError as err:
        print("TypeError", err)
x.__notes__ = ("a", "tuple")
try:
    x.add_note("more")
except TypeError as err:
    print("TypeError", err)
x.__notes__ = []
x.add_note("ok now")
print(x.__notes__)
del x.__notes__
print(notes(x))
y = ExceptionGroup("y", [ValueError()])
y.__notes__ = "a string"
m, r = y.split(ValueError)
print(repr(notes(m)))
z = ExceptionGroup("z", [ValueError(), TypeError()])
z.__notes__ = ["n1"]
m, r = z.split(ValueError)
print(notes(m), notes(r), notes(m) is notes(r))
