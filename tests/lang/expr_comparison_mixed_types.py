# Tests comparisons across types: equality between unrelated types is False (not an error), ordering errors, numeric tower equality, containers of mixed types.

pairs = [(1, "1"), (1, [1]), ("a", b"a"), ((), []), ({}, []), (None, 0), (None, False), (1, 1.0), (1, True), (0, 0j), (1.5, 3 / 2),
         (frozenset(), set()), (range(0), []), ([1], (1,)), ("", b""), (b"a", bytearray(b"a")), (1, None)]
for a, b in pairs:
    print(f"{a!r:12} {b!r:15} == {a == b!s:5} != {a != b!s:5}", end=" ")
    try:
        print("< ", a < b)
    except TypeError as e:
        print("< TypeError:", e)
print(1 == 1.0 == (1 + 0j) == True, 0 == -0.0 == 0j == False, 2 ** 53 == 2.0 ** 53, 10 ** 100 == 1e100)
print([1, "a"] == [1, "a"], [1, "a"] == ["a", 1], {1: "x"} == {1.0: "x"}, {1, 2} == {2.0, 1.0}, (1, 2) == (1.0, 2.0))
print(b"abc" == bytearray(b"abc"), bytearray(b"abc") == memoryview(b"abc"), b"abc" < bytearray(b"abd"))
print(sorted([3, 1.5, True, 2, 0.5]), sorted([b"b", bytearray(b"a")]), max([1, 2.5, 2]), min([-1, -1.0]))
import fractions, decimal
F, D = fractions.Fraction, decimal.Decimal
print(F(1, 2) == 0.5, F(1, 3) == 1 / 3, F(1, 2) < 1, D("0.5") == 0.5, D("0.1") == 0.1, D(1) == 1, F(1, 2) == D("0.5"))
print(hash(F(1, 2)) == hash(0.5), hash(D("1.5")) == hash(1.5), sorted([F(1, 3), 0.3, 0, F(1, 4)]), sorted([D("0.35"), 0.3, 0, D("-1")]))
try:
    D("0.1") < F(1, 3)
except TypeError as e:
    print(type(e).__name__, e)
class Anything:
    def __eq__(self, o):
        return True
print(Anything() == 5, 5 == Anything(), [Anything()] == [1], (1,) == (Anything(),), None == Anything())
