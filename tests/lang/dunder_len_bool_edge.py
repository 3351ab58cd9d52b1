# Tests __len__ and __bool__ edge cases: non-int returns, negative, huge, bool subclass results, __len__ used by len() only, __bool__ precedence.

class L:
    def __init__(self, v):
        self.v = v

    def __len__(self):
        return self.v

for v in [0, 5, True, False]:
    print(repr(v), len(L(v)), bool(L(v)))
for v in [-1, 1.5, "3", None, 2 ** 63, 2 ** 100]:
    try:
        print(repr(v), len(L(v)))
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(v), type(e).__name__, e)
    try:
        print(" bool:", bool(L(v)))
    except (TypeError, ValueError, OverflowError) as e:
        print(" bool:", type(e).__name__, e)

class IndexLen:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

class LI:
    def __len__(self):
        return IndexLen(3)

print(len(LI()), bool(LI()))

class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v

for v in [True, False, 0, 1, None, "yes"]:
    try:
        print(repr(v), bool(B(v)), "if" if B(v) else "else", not B(v))
    except TypeError as e:
        print(repr(v), type(e).__name__, e)

class BoolSub(int):
    pass

class ReturnsNumpyLike:
    def __bool__(self):
        return BoolSub(1)

try:
    bool(ReturnsNumpyLike())
except TypeError as e:
    print(type(e).__name__, e)

class Both:
    def __len__(self):
        print("  __len__")
        return 0

    def __bool__(self):
        print("  __bool__")
        return True

print(bool(Both()), len(Both()))
print([] or "empty list falsy", [0] and "non-empty truthy", L(0) or "L(0) falsy", L(2) and "L(2) truthy")
class InheritsLen(list):
    pass
print(bool(InheritsLen()), bool(InheritsLen([0])), len(InheritsLen("ab")))
class OverridesLen(list):
    def __len__(self):
        return 42
ol = OverridesLen([1])
print(len(ol), bool(ol), ol)
class BoolClassAttr:
    __bool__ = lambda self: False
    __len__ = lambda self: 7
print(bool(BoolClassAttr()), len(BoolClassAttr()))
