# BaseExceptionGroup.split() and subgroup(): by type, tuple of types and
# predicate; nesting kept, empty parts dropped, metadata (traceback,
# __cause__, __context__, __notes__) copied to every part; derive() decides
# the parts' class.

def leaves(eg):
    if eg is None:
        return None
    out = []
    for e in eg.exceptions:
        out.append(leaves(e) if isinstance(e, BaseExceptionGroup) else repr(e))
    return out


def show(label, pair):
    m, r = pair
    print(label, "| match:", leaves(m), "| rest:", leaves(r))


tree = ExceptionGroup("root", [
    ValueError("v1"),
    ExceptionGroup("mid", [TypeError("t1"), ValueError("v2"), ExceptionGroup("deep", [KeyError("k1")])]),
    OSError("o1"),
])

show("ValueError", tree.split(ValueError))
show("LookupError", tree.split(LookupError))
show("tuple", tree.split((TypeError, OSError)))
show("Exception", tree.split(Exception))
show("predicate", tree.split(lambda e: "1" in str(e) and not isinstance(e, BaseExceptionGroup)))
show("group predicate", tree.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "deep"))
show("nothing", tree.split(ZeroDivisionError))
print("subgroup:", leaves(tree.subgroup(ValueError)), leaves(tree.subgroup(ArithmeticError)))
print("whole match is self:", tree.subgroup(lambda e: e is tree) is tree, tree.split(ExceptionGroup)[0] is tree)

for bad in [1, "x", (ValueError, 1), int]:
    try:
        tree.split(bad)
    except TypeError as e:
        print("split", repr(bad), "TypeError", e)

try:
    raise tree
except ExceptionGroup as caught:
    caught.__cause__ = RuntimeError("cause")
    caught.add_note("note on root")
    m, r = caught.split(ValueError)
    print("tb copied:", m.__traceback__ is caught.__traceback__, r.__traceback__ is caught.__traceback__)
    print("cause copied:", m.__cause__ is caught.__cause__, m.__suppress_context__)
    print("notes:", m.__notes__, r.__notes__, m.__notes__ is caught.__notes__)
    inner_mid = m.exceptions[1]
    print("inner tb:", inner_mid.__traceback__, type(inner_mid).__name__, inner_mid.message)


class Tagged(ExceptionGroup):
    def derive(self, excs):
        return Tagged(f"{self.message}*", excs)


t = Tagged("tag", [ValueError(1), ExceptionGroup("plain", [ValueError(2), TypeError(3)])])
m, r = t.split(ValueError)
print(type(m).__name__, m.message, type(m.exceptions[1]).__name__, m.exceptions[1].message)
print(type(r).__name__, r.message, leaves(r))


class NoDerive(ExceptionGroup):
    pass


nd = NoDerive("nd", [ValueError(1), TypeError(2)])
m, r = nd.split(ValueError)
print(type(m).__name__, type(r).__name__, m.message)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return "not a group"


try:
    BadDerive("b", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError", e)

base = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError("v")])
m, r = base.split(Exception)
print(type(m).__name__, type(r).__name__, leaves(m), leaves(r))
d = base.derive([ValueError("only")])
print(type(d).__name__, d.message, d.exceptions)
print(repr(base.derive([KeyboardInterrupt()])))
