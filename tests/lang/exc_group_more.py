# Tests exception group handling further: except* with tuples, multiple handlers matching parts, raising new groups from handlers, empty split results, nesting flattening in except*.

def run(exc):
    log = []
    try:
        try:
            try:
                raise exc
            except* (ValueError, TypeError) as g:
                log.append(("VT", sorted(type(e).__name__ for e in g.exceptions)))
            except* KeyError as g:
                log.append(("K", len(g.exceptions)))
                raise IndexError("from K handler")
            except* OSError:
                log.append(("OS", "swallowed"))
        except* IndexError as g:
            log.append(("outer IndexError", [type(e).__name__ for e in g.exceptions]))
    except BaseException as other:
        log.append(("outer other", repr(other)))
    return log

print(run(ExceptionGroup("g", [ValueError(), TypeError(), OSError()])))
print(run(ExceptionGroup("g", [KeyError("a"), KeyError("b")])))
print(run(ExceptionGroup("g", [ValueError(), KeyError()])))
print(run(TypeError("naked")))
print(run(OSError("naked os")))

def leftovers():
    try:
        raise ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ZeroDivisionError(3)])])
    except* ValueError:
        pass
    except* TypeError:
        pass

try:
    leftovers()
except ExceptionGroup as e:
    print(repr(e))

def new_group_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* ValueError:
        raise ExceptionGroup("replacement", [KeyError("k")])

try:
    new_group_in_handler()
except ExceptionGroup as e:
    print(repr(e), [repr(x) for x in e.exceptions])
eg = ExceptionGroup("x", [ValueError(1), ValueError(2)])
match, rest = eg.split(ValueError)
print(match is not None, rest)
match2, rest2 = eg.split(TypeError)
print(match2, rest2 is eg)
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup)) is eg, eg.subgroup(lambda e: e.args == (1,)))
try:
    try:
        raise ValueError("plain")
    except* ValueError as g:
        print("plain exception wrapped:", repr(g))
        raise
except ValueError as e:
    print("bare re-raise gives back plain:", repr(e))
except ExceptionGroup as e:
    print("re-raised group:", repr(e))
beg = BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
try:
    try:
        raise beg
    except* ValueError:
        print("handled ValueError part")
except BaseExceptionGroup as e:
    print("remaining:", repr(e), type(e).__name__)
