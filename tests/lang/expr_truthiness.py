# Tests truthiness in conditions: builtin values, __bool__/__len__ protocol, and/or returning operands, short-circuit, conditional expressions, while/if.

values = [0, 1, -1, 0.0, 0.1, -0.0, 0j, 1j, "", " ", "0", b"", b"\x00", [], [0], (), ((),), {}, {0: 0}, set(), {0},
          frozenset(), range(0), range(1), None, True, False, float("nan"), bytearray(), Ellipsis, NotImplemented if False else 2]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy", not v)
print(1 and 2, 1 and 0, 0 and 1, 0 or "", "" or 0, None or [] or {}, "a" or "b", [] and 1, [1] and [2])
calls = []
def t(tag, val):
    calls.append(tag)
    return val
print(t("a", 0) and t("b", 1), calls)
calls.clear()
print(t("a", 1) or t("b", 1), calls)
calls.clear()
print(t("a", 1) and t("b", 0) or t("c", "c"), calls)
calls.clear()

class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        calls.append(f"bool {self.v}")
        return self.v

class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        calls.append(f"len {self.n}")
        return self.n

r = B(False) or L(0) or B(True)
print(type(r).__name__, calls)
calls.clear()
r = B(True) and L(3)
print(type(r).__name__, calls)
calls.clear()
if L(0):
    print("no")
elif B(True):
    print("elif taken", calls)
calls.clear()
n = 3
while L(n):
    n -= 1
print(calls)
calls.clear()
print([x for x in [B(True), B(False)] if x].__len__(), calls)
calls.clear()
print("yes" if L(2) else "no", not L(0), calls)

class Object:
    pass

print(bool(Object()), bool(Object), bool(print), bool(lambda: 0), bool(type))

class ClassAttrBool:
    __bool__ = lambda self: False

print(bool(ClassAttrBool()))
inst = Object()
inst.__bool__ = lambda: False
print(bool(inst))

class NoneBool:
    __bool__ = None

try:
    bool(NoneBool())
except TypeError as e:
    print(type(e).__name__, e)

class LenBig:
    def __len__(self):
        return 2 ** 70

try:
    bool(LenBig())
except OverflowError as e:
    print(type(e).__name__, e)
x = 0
if not x:
    print("not 0 is True")
print(all([1, "a", [0]]), any(["", 0, [0]]), [v for v in (0, 1, 2) if v])
print(0 or None, None and 0, (0, None) or "t", "" and 1 / 0)
