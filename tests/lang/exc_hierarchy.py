# Tests the builtin exception hierarchy and exception objects: bases, args, str/repr for 0/1/many args, attributes, catching by base class.

names = ["BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError", "FloatingPointError", "LookupError",
         "IndexError", "KeyError", "ValueError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "TypeError", "NameError",
         "UnboundLocalError", "AttributeError", "RuntimeError", "RecursionError", "NotImplementedError", "StopIteration",
         "StopAsyncIteration", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "AssertionError", "ImportError",
         "ModuleNotFoundError", "OSError", "FileNotFoundError", "PermissionError", "TimeoutError", "EOFError", "MemoryError",
         "SyntaxError", "IndentationError", "TabError", "BufferError", "Warning", "UserWarning", "DeprecationWarning",
         "ExceptionGroup", "BaseExceptionGroup", "ConnectionError", "BrokenPipeError", "IsADirectoryError", "ChildProcessError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, [b.__name__ for b in cls.__bases__], [c.__name__ for c in cls.__mro__][-3:])
print(EnvironmentError is OSError, IOError is OSError)
for args in [(), ("msg",), ("a", 1), (None,), ([1],)]:
    e = ValueError(*args)
    print(repr(e), str(e), e.args)
for cls in (KeyError, IndexError, AttributeError):
    print(cls.__name__, str(cls("k")), repr(cls("k")), str(cls()), str(cls(1, 2)))
print(str(KeyError("a b")), str(KeyError("")), repr(KeyError("x")))
e = Exception("x")
e.args = ("changed", 2)
print(e, e.args)
e.args = []
print(repr(e), e.args)
e.custom = 5
print(e.custom)
try:
    raise ZeroDivisionError
except ArithmeticError as ex:
    print("caught by base", type(ex).__name__, repr(ex))
try:
    {}["missing"]
except LookupError as ex:
    print("lookup", type(ex).__name__, ex)
try:
    raise SystemExit(3)
except Exception:
    print("not here")
except BaseException as ex:
    print("SystemExit is not Exception", ex.code, ex.args)
print(SystemExit().code, SystemExit(1, 2).code, StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value)
ose = OSError(2, "No such file")
print(ose.errno, ose.strerror, ose.filename, str(ose), type(ose).__name__, repr(ose))
fnf = OSError(2, "x", "f.txt")
print(type(fnf).__name__, fnf.filename, str(fnf))
print(type(OSError(13, "perm")).__name__, type(OSError(17, "e")).__name__, type(OSError("just msg")).__name__, OSError("one").errno)
ne = NameError("n", name="foo")
print(ne.name, str(ne))
ae = AttributeError("m", name="attr", obj=5)
print(ae.name, ae.obj)
ie = ImportError("msg", name="mod", path="/p")
print(ie.name, ie.path, ie.msg, str(ie))
ud = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(ud.encoding, ud.object, ud.start, ud.end, ud.reason, str(ud))
se = SyntaxError("bad", ("f.py", 1, 2, "x y", 1, 3))
print(se.msg, se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset, str(se))
try:
    raise Exception
except Exception as ex:
    print(repr(ex), ex.args)
try:
    raise 5
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    raise int
except TypeError as ex:
    print(type(ex).__name__, ex)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    try:
        raise ValueError
    except NotExc:
        pass
except TypeError as ex:
    print(type(ex).__name__, ex)
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception), issubclass(Warning, Exception))
