# Tests user-defined exceptions: subclassing, custom __init__/__str__, extra attributes, args handling, catching by custom base, pickling-free repr.

class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(f"{key} not found in {where}")
        self.key = key
        self.where = where

class Weird(AppError):
    def __init__(self, a, b):
        self.a, self.b = a, b

class WithStr(AppError):
    def __str__(self):
        return f"WithStr<{', '.join(map(str, self.args))}>"

class NoSuper(Exception):
    def __init__(self, value):
        self.value = value

try:
    raise NotFound("user42")
except AppError as e:
    print(type(e).__name__, e, e.args, e.key, e.where, repr(e), isinstance(e, Exception))
w = Weird(1, 2)
print(repr(w), str(w), w.args, w.a)
print(str(WithStr(1, "two")), repr(WithStr(1, "two")), WithStr().args)
ns = NoSuper(10)
print(repr(ns), str(ns), ns.args, ns.value)

class KwArgs(Exception):
    def __init__(self, msg, *, code):
        super().__init__(msg)
        self.code = code

try:
    raise KwArgs("failed", code=500)
except KwArgs as e:
    print(e, e.code, e.args)
try:
    KwArgs("x")
except TypeError as e:
    print(type(e).__name__, e)

class MultiBase(KeyError, AppError):
    pass

try:
    raise MultiBase("mk")
except AppError as e:
    print("caught as AppError", str(e), isinstance(e, LookupError))

class Hierarchy(Exception):
    pass

class Level1(Hierarchy):
    pass

class Level2(Level1):
    pass

for cls in (Hierarchy, Level1, Level2):
    try:
        raise cls(cls.__name__)
    except Level2 as e:
        print("L2 handler", e)
    except Level1 as e:
        print("L1 handler", e)
    except Hierarchy as e:
        print("base handler", e)

class ExcWithNew(Exception):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.created = True
        return inst

x = ExcWithNew("a", "b")
print(x.created, x.args)

class BaseCustom(BaseException):
    pass

try:
    try:
        raise BaseCustom("not an Exception")
    except Exception:
        print("wrong")
except BaseCustom as e:
    print("BaseException subclass", e)

def raise_class():
    raise NotFound

try:
    raise_class()
except TypeError as e:
    print(type(e).__name__, e)

class StrFails(Exception):
    def __str__(self):
        raise RuntimeError("str broke")

try:
    str(StrFails())
except RuntimeError as e:
    print(type(e).__name__, e)
print(repr(StrFails("r")))

class ArgsProp(Exception):
    @property
    def message(self):
        return self.args[0] if self.args else ""

print(ArgsProp("m").message, ArgsProp().message == "")
err = AppError("one", "two")
print(err.args[1], str(err), len(err.args))
e2 = NotFound("k2", where="cache")
e2.extra = {"retry": 3}
print(vars(e2))
print(AppError.__mro__[1].__name__, NotFound.__bases__[0].__name__, issubclass(NotFound, Exception))
