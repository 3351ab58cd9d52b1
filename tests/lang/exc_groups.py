# Tests ExceptionGroup/BaseExceptionGroup: construction rules, split/subgroup/derive, except* matching, nested groups, re-raising leftovers.

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, str(e))

eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(type(eg).__name__, eg.message, eg.exceptions, str(eg), repr(eg))
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
show("empty list", lambda: ExceptionGroup("e", []))
show("non-exception", lambda: ExceptionGroup("e", [1]))
show("base in EG", lambda: ExceptionGroup("e", [KeyboardInterrupt()]))
show("msg not str", lambda: ExceptionGroup(1, [ValueError()]))
show("not sequence", lambda: ExceptionGroup("e", ValueError()))
match, rest = eg.split(ValueError)
print(match, rest, match.exceptions, rest.exceptions)
print(eg.split(KeyError), eg.subgroup(TypeError).exceptions, eg.subgroup(lambda e: "2" in str(e)).exceptions)
m2, r2 = eg.split((ValueError, TypeError))
print(m2 is eg, r2)
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")])])
m3, r3 = nested.split(ValueError)
print(repr(m3), repr(r3))
print(repr(nested.derive([KeyError("d")])))

def handle(exc):
    log = []
    try:
        raise exc
    except* ValueError as g:
        log.append(("V", [str(e) for e in g.exceptions], type(g).__name__))
    except* TypeError as g:
        log.append(("T", [str(e) for e in g.exceptions]))
    return log

print(handle(eg))
print(handle(ValueError("naked")))
try:
    handle(ExceptionGroup("x", [KeyError("unhandled"), ValueError("ok")]))
except ExceptionGroup as leftover:
    print("leftover", repr(leftover))
try:
    handle(KeyError("naked unhandled"))
except KeyError as e:
    print("naked propagates as", type(e).__name__, e)

def raise_in_except_star():
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* ValueError:
        raise RuntimeError("from handler")

try:
    raise_in_except_star()
except ExceptionGroup as e:
    print("wrapped", repr(e), type(e.exceptions[0].__context__).__name__)
except RuntimeError as e:
    print("bare", e)

def reraise_star():
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise

try:
    reraise_star()
except ExceptionGroup as e:
    print("reraised", repr(e))

try:
    try:
        raise ExceptionGroup("nest", [ValueError(1), ExceptionGroup("deep", [ValueError(2), OSError(3)])])
    except* ValueError as g:
        print("matched", repr(g))
except* OSError as g2:
    print("outer matched", repr(g2))

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)

me = MyEG("mine", [ValueError(1), TypeError(2)])
a, b = me.split(ValueError)
print(type(a).__name__, a.message, type(b).__name__, b.message)
try:
    compile("try:\n    pass\nexcept* (ValueError, ExceptionGroup):\n    pass\n", "<s>", "exec")
    exec("try:\n    raise ValueError(1)\nexcept* (ValueError, ExceptionGroup):\n    pass\n")
except TypeError as e:
    print(type(e).__name__, e)
try:
    compile("try:\n    pass\nexcept* ValueError:\n    pass\nexcept KeyError:\n    pass\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("for x in []:\n    try:\n        pass\n    except* ValueError:\n        break\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    compile("try:\n    pass\nexcept*:\n    pass\n", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
eg4 = ExceptionGroup("tb", [ValueError("x")])
print(eg4.exceptions[0].__traceback__, len(eg4.exceptions), isinstance(eg4, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
