# Constructing exception groups: argument checks and their messages, the
# class chosen by BaseExceptionGroup, subclasses with extra state, args and
# str/repr, exceptions stored as a tuple, nesting and attribute access.

def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", type(r).__name__, repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


attempt("ok", lambda: ExceptionGroup("m", [ValueError(1)]))
attempt("tuple", lambda: ExceptionGroup("m", (ValueError(1), TypeError(2))))
attempt("base->eg", lambda: BaseExceptionGroup("m", [ValueError(1)]))
attempt("base stays", lambda: BaseExceptionGroup("m", [ValueError(1), SystemExit(2)]))
attempt("eg with base", lambda: ExceptionGroup("m", [GeneratorExit()]))
attempt("empty", lambda: ExceptionGroup("m", []))
attempt("empty tuple", lambda: BaseExceptionGroup("m", ()))
attempt("not exc", lambda: ExceptionGroup("m", [ValueError(), "oops"]))
attempt("class not instance", lambda: ExceptionGroup("m", [ValueError]))
attempt("set", lambda: ExceptionGroup("m", {ValueError()}))
attempt("dict", lambda: ExceptionGroup("m", {1: ValueError()}))
attempt("generator", lambda: ExceptionGroup("m", (e for e in [ValueError()])))
attempt("bytes msg", lambda: ExceptionGroup(b"m", [ValueError()]))
attempt("one arg", lambda: ExceptionGroup("m"))
attempt("three args", lambda: ExceptionGroup("m", [ValueError()], 3))
attempt("kwargs", lambda: ExceptionGroup("m", excs=[ValueError()]))

excs = [ValueError("a"), TypeError("b")]
eg = ExceptionGroup("msg", excs)
excs.append(KeyError("later"))
print(eg.args[1] is excs, len(eg.exceptions), type(eg.exceptions).__name__)
print(str(eg), "|", repr(eg))
print(eg.message, eg.exceptions[0], eg.args[0])
single = ExceptionGroup("one", [ValueError("x")])
print(str(single), str(ExceptionGroup("", [ValueError()])))
try:
    eg.message = "changed"
except AttributeError as e:
    print("AttributeError", e)
try:
    eg.exceptions = ()
except AttributeError as e:
    print("AttributeError", e)

print(issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup),
      issubclass(BaseExceptionGroup, Exception), BaseExceptionGroup.__bases__, ExceptionGroup.__bases__)
print([c.__name__ for c in ExceptionGroup.__mro__])


class Annotated(ExceptionGroup):
    def __new__(cls, msg, excs, tag=None):
        self = super().__new__(cls, msg, excs)
        self.tag = tag
        return self

    def __init__(self, msg, excs, tag=None):
        super().__init__(msg, excs)

    def derive(self, excs):
        return Annotated(self.message, excs, self.tag)


a = Annotated("ann", [ValueError(1), TypeError(2)], tag="T")
m, r = a.split(TypeError)
print(type(m).__name__, m.tag, r.tag, m.args)


class BaseSub(BaseExceptionGroup):
    pass


print(type(BaseSub("b", [ValueError()])).__name__, type(BaseSub("b", [KeyboardInterrupt()])).__name__)


class ExcSub(BaseExceptionGroup, Exception):
    pass


attempt("nest base in Exception subclass", lambda: ExcSub("e", [KeyboardInterrupt()]))
attempt("ExcSub ok", lambda: ExcSub("e", [ValueError()]))
deep = ValueError("leaf")
for i in range(5):
    deep = ExceptionGroup(f"level{i}", [deep])
n = 0
while isinstance(deep, ExceptionGroup):
    deep = deep.exceptions[0]
    n += 1
print(n, repr(deep))
print(ExceptionGroup[int], type(ExceptionGroup("x", [ValueError()]).__class_getitem__))
