# Truth testing: __bool__ first, then __len__, defaults to true; bad return
# types and negative lengths; truth in if/while/not/and/or/any/all/filter.

class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool", self.v)
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 5


class Neither:
    pass


print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), bool(Neither()))
print(not L(0), not Neither(), L(2) and "yes", L(0) or "fallback", (B(False) or B(True)).v)

for bad in (lambda: bool(B(1)), lambda: bool(B("yes")), lambda: bool(B(None))):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


class BadLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


for n in (-1, "3", 2.0, 2 ** 70):
    try:
        bool(BadLen(n))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
    try:
        len(BadLen(n))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)


# __bool__ = None makes truth testing fail
class NoBool:
    __bool__ = None


try:
    bool(NoBool())
except TypeError as e:
    print("TypeError", e)


# __len__ returning an int subclass or __index__ object
class IntSub(int):
    pass


class Idx:
    def __index__(self):
        return 4


class LenVariants:
    def __init__(self, v):
        self.v = v

    def __len__(self):
        return self.v


print(len(LenVariants(IntSub(3))), bool(LenVariants(IntSub(0))), len(LenVariants(True)))
try:
    print(len(LenVariants(Idx())))
except TypeError as e:
    print("TypeError", e)

# truth in control flow
count = 0


class Down:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


d = Down(3)
while d:
    count += 1
    d.n -= 1
print(count)
print(any([L(0), L(0), L(1)]), all([L(1), Neither()]), list(filter(None, [L(0), L(2), 0, "", "x"]))[1:])
print([x for x in (L(0), L(1), Both()) if x].__len__(), (B(True) if L(1) else "no").v)

# builtin truth values
print([bool(x) for x in (0, 0.0, 0j, "", b"", [], (), {}, set(), frozenset(), range(0), None, ...)])
print([bool(x) for x in (-1, 0.1, 1j, " ", b"\0", [0], (None,), {0: 0}, {0}, range(1), NotImplemented if False else 1)])

# bool() of a subclass of int/str/list uses their own truth
class S(str):
    pass


class Li(list):
    def __len__(self):
        return 1


print(bool(S("")), bool(Li()), bool(IntSub(0)), bool(IntSub(7)))
# __bool__ on the instance is ignored
n = Neither()
n.__bool__ = lambda: False
print(bool(n))
# and/or return operands, not bools
print((L(0) and 1).n, (L(5) or 1).n, 0 or L(0) or "", [] or {} or 0)
